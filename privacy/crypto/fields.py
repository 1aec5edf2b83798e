"""Field encryption: whole columns at once, one key lookup per distinct key.

Randomized mode is AES-256-GCM with a random 96-bit nonce; deterministic mode is AES-SIV, so
equal values in one column (or join domain) give equal tokens. ``None`` passes through.
"""

from __future__ import annotations

import binascii
import os
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from cryptography.exceptions import InvalidTag

from privacy.crypto import tokens as tk
from privacy.crypto import values as codec
from privacy.crypto.keystore import DataKey, KeyStore
from privacy.crypto.tokens import Mode
from privacy.errors import CryptoError, DecryptionError, KeyShreddedError

OnShredded = Literal["raise", "null"]


def _as_list(values: Iterable[Any]) -> list[Any]:
    to_pylist = getattr(values, "to_pylist", None)  # pyarrow Array / ChunkedArray
    if callable(to_pylist):
        return list(to_pylist())
    tolist = getattr(values, "tolist", None)  # pandas Series / numpy array
    if callable(tolist) and not isinstance(values, list | tuple):
        out = list(tolist())
        # pandas gives NaN/NaT/NA for missing values in object columns; keep them as None
        isna = getattr(values, "isna", None)
        if callable(isna):
            for i, missing in enumerate(isna().tolist()):
                if missing:
                    out[i] = None
        return out
    return list(values)


def _where(table: str | None, column: str | None, domain: str | None) -> str:
    return f"domain {domain}" if domain is not None else f"{table}.{column}"


def encrypt_values(
    store: KeyStore,
    values: Iterable[Any],
    *,
    table: str,
    column: str,
    mode: Mode = "randomized",
    subjects: Iterable[str | None] | None = None,
    domain: str | None = None,
) -> list[str | None]:
    """Encrypt one column. ``subjects``: a pseudonym (or None) per row for per-subject keys."""
    if mode not in tk.MODES:
        raise CryptoError(
            f"unknown encryption mode {mode!r}", hint="use 'randomized' or 'deterministic'"
        )
    vals = _as_list(values)
    subj: Sequence[str | None]
    if subjects is None:
        subj = [None] * len(vals)
    else:
        subj = _as_list(subjects)
        if len(subj) != len(vals):
            raise CryptoError(
                f"{_where(table, column, domain)}: {len(vals)} values but {len(subj)} subjects"
            )
    keys: dict[str | None, DataKey] = {}
    wanted = {p for p, v in zip(subj, vals, strict=True) if p is not None and v is not None}
    if wanted:
        keys.update(store.subject_keys(wanted))
    if any(p is None and v is not None for p, v in zip(subj, vals, strict=True)):
        keys[None] = store.column_key(table, column, domain=domain)

    m = tk.MODES[mode]
    prefix = {p: f"{tk.VERSION}:{m}:{k.id}:" for p, k in keys.items()}
    ad = {p: tk.associated_data(m, k.id, table, column, domain) for p, k in keys.items()}
    out: list[str | None] = [None] * len(vals)
    b64 = tk.b64encode
    try:
        if m == tk.GCM:
            gcm = {p: k.gcm() for p, k in keys.items()}
            nonces = os.urandom(12 * len(vals))
            for i, (v, p) in enumerate(zip(vals, subj, strict=True)):
                if v is None:
                    continue
                nonce = nonces[12 * i : 12 * i + 12]
                out[i] = prefix[p] + b64(nonce + gcm[p].encrypt(nonce, codec.encode(v), ad[p]))
        else:
            siv = {p: k.siv() for p, k in keys.items()}
            for i, (v, p) in enumerate(zip(vals, subj, strict=True)):
                if v is not None:
                    out[i] = prefix[p] + b64(siv[p].encrypt(codec.encode(v), [ad[p]]))
    except CryptoError as e:
        raise CryptoError(f"{_where(table, column, domain)}: {e.message}", hint=e.hint) from None
    return out


def decrypt_values(
    store: KeyStore,
    values: Iterable[Any],
    *,
    table: str,
    column: str,
    domain: str | None = None,
    on_shredded: OnShredded = "raise",
) -> list[Any]:
    """Decrypt one column of tokens (``None`` stays ``None``)."""
    toks = _as_list(values)
    where = _where(table, column, domain)
    out: list[Any] = [None] * len(toks)
    # per (mode, key id): the cipher's decrypt function and the associated data; None = shredded
    openers: dict[tuple[str, str], tuple[Any, bytes] | None] = {}
    is_token, b64decode, decode = tk.is_ciphertext, tk.b64decode, codec.decode
    for i, t in enumerate(toks):
        if t is None:
            continue
        if not is_token(t):
            raise DecryptionError(
                f"{where} row {i}: not a ciphertext of this toolkit",
                hint="the column holds plaintext or another tool's ciphertext",
            )
        _, mode, kid, payload = t.split(":", 3)
        if (mode, kid) not in openers:
            ad = tk.associated_data(mode, kid, table, column, domain)
            openers[(mode, kid)] = _opener(store, mode, kid, ad, f"{where} row {i}", on_shredded)
        opener = openers[(mode, kid)]
        if opener is None:
            continue
        try:
            raw = b64decode(payload)
            fn, ad = opener
            out[i] = decode(fn(raw[:12], raw[12:], ad) if mode == tk.GCM else fn(raw, [ad]))
        except (InvalidTag, ValueError, binascii.Error, UnicodeError):
            raise DecryptionError(
                f"{where} row {i}: the token failed authentication (tampered, truncated, or "
                f"written for another table/column); key {kid}",
                hint="restore the value from a trusted copy; never trust its contents",
            ) from None
    return out


def _opener(
    store: KeyStore, mode: str, kid: str, ad: bytes, where: str, on_shredded: OnShredded
) -> tuple[Any, bytes] | None:
    try:
        key = store.key_by_id(kid)
    except KeyShreddedError as e:
        if on_shredded == "null":
            return None
        raise KeyShreddedError(f"{where}: {e.message}", hint=e.hint) from None
    except CryptoError as e:
        raise type(e)(f"{where}: {e.message}", hint=e.hint) from None
    return (key.gcm().decrypt if mode == tk.GCM else key.siv().decrypt), ad


def encrypt_value(
    store: KeyStore,
    value: Any,
    *,
    table: str,
    column: str,
    mode: Mode = "randomized",
    subject: str | None = None,
    domain: str | None = None,
) -> str | None:
    """One value; e.g. the right-hand side of ``WHERE col = ?`` on a deterministic column."""
    subjects = None if subject is None else [subject]
    return encrypt_values(
        store, [value], table=table, column=column, mode=mode, subjects=subjects, domain=domain
    )[0]


def decrypt_value(
    store: KeyStore,
    token: Any,
    *,
    table: str,
    column: str,
    domain: str | None = None,
) -> Any:
    return decrypt_values(store, [token], table=table, column=column, domain=domain)[0]
