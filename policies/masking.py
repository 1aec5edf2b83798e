"""Masking, hashing and redaction of values in Python, through presidio-anonymizer's operators.

A structured cell is one span: the operator (``mask``, ``replace``, ``hash``) is applied to the
part of the value the mask kind hides. The same rules are written as SQL in
:mod:`policies.warehouse.sqlmask`, and tests check both give the same output, so a value reads
the same through ``policies.read`` and through a warehouse view:

- ``partial``: the first and last ``k = min(len // 4, 4)`` characters kept, the rest ``*``;
- ``email``: the first character of the local part and ``@domain`` kept; no ``@``: partial;
- ``last4``: only the last 4 characters kept (values of 4 or fewer characters fully masked);
- ``full``: every character ``*`` (length kept);
- ``year``: a date or datetime becomes 1 January of its year (same type); text becomes its
  first run of 4 digits, or null when it has none;
- ``redact``: ``<ENTITY>`` (presidio's replace operator);
- ``hash``: presidio's hash operator, sha256 over the UTF-8 text followed by a secret key from
  the key store (hex), so equal values hash equally (joinable) but nobody without the key can
  test a guess.

Non-text values are masked as their text (``str(value)``); nulls stay null.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from policies.effects import Effect, EffectKind, MaskKind

if TYPE_CHECKING:
    from presidio_anonymizer.operators import Hash, Mask, Replace


@cache
def _operators() -> tuple[Mask, Hash, Replace]:
    # imported on first use: presidio-anonymizer takes most of a second to import, which a job
    # that only encrypts (policies.hooks_adapter) or an Airflow DAG file should not pay
    from presidio_anonymizer.operators import Hash, Mask, Replace

    return Mask(), Hash(), Replace()


_YEAR_RE = re.compile(r"[0-9]{4}")
MASK_CHAR = "*"


def _mask_span(text: str, start: int, end: int) -> str:
    if end <= start:
        return text
    span = text[start:end]
    masked = _operators()[0].operate(
        span, {"masking_char": MASK_CHAR, "chars_to_mask": len(span), "from_end": False}
    )
    return text[:start] + masked + text[end:]


def mask_partial(text: str) -> str:
    n = len(text)
    k = min(n // 4, 4)
    return _mask_span(text, k, n - k)


def mask_email(text: str) -> str:
    at = text.find("@")
    if at < 0:
        return mask_partial(text)
    return _mask_span(text, min(1, at), at)


def mask_last4(text: str) -> str:
    n = len(text)
    return _mask_span(text, 0, n - 4 if n > 4 else n)


def mask_full(text: str) -> str:
    return _mask_span(text, 0, len(text))


def mask_year(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if isinstance(value, dt.date):
        return dt.date(value.year, 1, 1)
    m = _YEAR_RE.search(str(value))
    return m.group(0) if m else None


def redact(entity: str | None) -> str:
    return str(_operators()[2].operate("", {"entity_type": entity or "PII"}))


def keyed_hash(text: str, key: bytes) -> str:
    return str(_operators()[1].operate(text, {"hash_type": "sha256", "salt": key}))


_TEXT_MASKS: dict[MaskKind, Callable[[str], str]] = {
    MaskKind.PARTIAL: mask_partial,
    MaskKind.EMAIL: mask_email,
    MaskKind.LAST4: mask_last4,
    MaskKind.FULL: mask_full,
}


def as_text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, bool):  # SQL casts booleans to true/false
        return "true" if value else "false"
    return value if isinstance(value, str) else str(value)


def value_function(
    effect: Effect, *, entity: str | None, hash_key: bytes | None
) -> Callable[[Any], Any]:
    """A function applying ``effect`` to one non-null value (callers keep nulls null).

    ``allow`` is the identity; ``null`` and ``deny`` give None (withholding a whole column is
    the caller's business)."""
    kind = effect.kind
    if kind == EffectKind.ALLOW:
        return lambda v: v
    if kind in (EffectKind.NULL, EffectKind.DENY):
        return lambda v: None
    if kind == EffectKind.HASH:
        if not hash_key:
            raise ValueError("the hash effect needs the key store's hash key")
        key = hash_key
        return lambda v: keyed_hash(as_text(v), key)
    assert effect.mask is not None
    if effect.mask == MaskKind.YEAR:
        return mask_year
    if effect.mask == MaskKind.REDACT:
        token = redact(entity)
        return lambda v: token
    fn = _TEXT_MASKS[effect.mask]
    return lambda v: fn(as_text(v))


def span_function(effect: Effect, *, hash_key: bytes | None) -> Callable[[str, str], str]:
    """For free text: what replaces one PII span (text, entity) found by the analyzer."""
    if effect.kind == EffectKind.HASH:
        if not hash_key:
            raise ValueError("the hash effect needs the key store's hash key")
        key = hash_key
        return lambda text, entity: keyed_hash(text, key)
    if effect.kind != EffectKind.MASK or effect.mask is None:
        raise ValueError(f"no span operator for {effect}")
    if effect.mask == MaskKind.REDACT:
        return lambda text, entity: redact(entity)
    if effect.mask == MaskKind.YEAR:
        # a date inside a sentence keeps its year; any other span is masked whole
        def year_span(text: str, entity: str) -> str:
            y = mask_year(text)
            return (
                str(y)
                if y is not None and entity in ("DATE_TIME", "DATE_OF_BIRTH")
                else (mask_full(text))
            )

        return year_span
    fn = _TEXT_MASKS[effect.mask]
    return lambda text, entity: fn(text)
