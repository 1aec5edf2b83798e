"""Access effects: what a role gets when it reads a column.

An effect is one of ``allow``, ``mask`` (with a kind), ``hash``, ``null`` or ``deny``. They are
ordered by how much of the value they reveal: ``deny`` < ``null`` < {``hash``, each ``mask``}
< ``allow``. ``hash`` and the mask kinds reveal different things, so none of them subsumes
another; the loader rejects a role that would inherit two of them for one category.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class EffectKind(StrEnum):
    ALLOW = "allow"
    MASK = "mask"
    HASH = "hash"
    NULL = "null"
    DENY = "deny"


class MaskKind(StrEnum):
    PARTIAL = "partial"  # first and last quarter kept (at most 4 chars each side)
    EMAIL = "email"  # first character of the local part and the domain kept
    LAST4 = "last4"  # only the last four characters kept
    YEAR = "year"  # dates truncated to 1 January; text reduced to its first 4-digit year
    FULL = "full"  # every character masked, length kept
    REDACT = "redact"  # replaced by <ENTITY>


_MASK_ALIASES = {"last-4": "last4", "last_4": "last4", "year-only": "year", "year_only": "year"}

_RANK = {EffectKind.DENY: 0, EffectKind.NULL: 1, EffectKind.HASH: 2, EffectKind.MASK: 2}
_RANK[EffectKind.ALLOW] = 3

EFFECT_HELP = "use allow, deny, null, hash or {mask: partial|email|last4|year|full|redact}"


@dataclass(frozen=True, order=False)
class Effect:
    kind: EffectKind
    mask: MaskKind | None = None

    def __post_init__(self) -> None:
        if (self.kind == EffectKind.MASK) != (self.mask is not None):
            raise ValueError("a mask effect needs a mask kind, and only a mask effect has one")

    def __str__(self) -> str:
        return f"mask:{self.mask}" if self.mask else str(self.kind)

    @property
    def rank(self) -> int:
        return _RANK[self.kind]

    @property
    def reveals_raw(self) -> bool:
        return self.kind == EffectKind.ALLOW

    def to_yaml(self) -> Any:
        if self.mask:
            return {"mask": str(self.mask)}
        return str(self.kind)

    @classmethod
    def parse(cls, value: Any) -> Effect:
        """Read an effect as written in a policy file. YAML ``null`` (``role: null``, or an
        empty value) is the ``null`` effect."""
        if value is None:
            return NULL
        if isinstance(value, Effect):
            return value
        if isinstance(value, str):
            text = value.strip().lower()
            if text.startswith("mask:"):
                return cls._mask(text.removeprefix("mask:").strip())
            if text == "mask":
                raise ValueError("mask needs a kind: {mask: partial|email|last4|year|full|redact}")
            try:
                kind = EffectKind(text)
            except ValueError:
                raise ValueError(f"{value!r} is not an effect; {EFFECT_HELP}") from None
            return cls(kind)
        if isinstance(value, dict):
            if set(value) != {"mask"}:
                keys = ", ".join(sorted(str(k) for k in value))
                raise ValueError(f"an effect mapping has exactly one key, mask (got {keys})")
            return cls._mask(value["mask"])
        if isinstance(value, bool):
            raise ValueError(
                f"{value!r} is a YAML boolean, not an effect; {EFFECT_HELP} "
                "(quote yes/no/on/off if you meant them as text)"
            )
        raise ValueError(f"{value!r} is not an effect; {EFFECT_HELP}")

    @classmethod
    def _mask(cls, kind: Any) -> Effect:
        text = str(kind).strip().lower() if kind is not None else ""
        text = _MASK_ALIASES.get(text, text)
        try:
            return cls(EffectKind.MASK, MaskKind(text))
        except ValueError:
            kinds = "|".join(m.value for m in MaskKind)
            raise ValueError(f"{kind!r} is not a mask kind; use one of {kinds}") from None


ALLOW = Effect(EffectKind.ALLOW)
DENY = Effect(EffectKind.DENY)
NULL = Effect(EffectKind.NULL)
HASH = Effect(EffectKind.HASH)


def most_revealing(effects: list[Effect]) -> Effect | None:
    """The effect that reveals at least as much as every other one, or None when two reveal
    different things (e.g. ``hash`` and ``mask:email``) and none subsumes the rest."""
    if not effects:
        return DENY
    top = max(e.rank for e in effects)
    best = {e for e in effects if e.rank == top}
    return best.pop() if len(best) == 1 else None
