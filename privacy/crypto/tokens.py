"""Ciphertext tokens: ``pv1:<mode>:<key id>:<base64url payload>``, one ASCII string per cell.

The token names its key, so a column can mix key versions and subject keys and still decrypt.
Its parts (version, mode, key id) and where it is stored (table and column, or a join domain)
are bound as associated data, so none of them can be changed or moved undetected.
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass
from typing import Any, Literal

from privacy.errors import DecryptionError

VERSION = "pv1"
GCM, SIV = "g", "d"
MODES = {"randomized": GCM, "deterministic": SIV}
_PREFIXES = (f"{VERSION}:{GCM}:", f"{VERSION}:{SIV}:")

Mode = Literal["randomized", "deterministic"]


@dataclass(frozen=True)
class Token:
    version: str
    mode: str  # "g" (AES-256-GCM) or "d" (AES-SIV)
    key_id: str
    payload: bytes


def is_ciphertext(value: Any) -> bool:
    """A cheap shape check (no decoding, no key): is this a token of this toolkit?"""
    return isinstance(value, str) and value.startswith(_PREFIXES) and value.find(":", 6) > 6


_TO_STD = bytes.maketrans(b"-_", b"+/")
_TO_URL = bytes.maketrans(b"+/", b"-_")
_PAD = ("", "", "==", "=")


def b64encode(data: bytes) -> str:
    return binascii.b2a_base64(data, newline=False).translate(_TO_URL).rstrip(b"=").decode()


def b64decode(text: str) -> bytes:
    """Strict base64url without padding: any other spelling of the same bytes is refused."""
    if len(text) % 4 == 1:
        raise ValueError("impossible base64 length")
    raw = binascii.a2b_base64(
        (text + _PAD[len(text) % 4]).encode("ascii").translate(_TO_STD), strict_mode=True
    )
    if b64encode(raw) != text:  # '+', '/' or non-zero spare bits: not the canonical spelling
        raise ValueError("not canonical base64url")
    return raw


def parse_token(token: str) -> Token:
    """Split a token, or raise :class:`DecryptionError` (without echoing the value)."""
    if not is_ciphertext(token):
        raise DecryptionError(
            "not a ciphertext of this toolkit",
            hint="the column holds plaintext or another tool's ciphertext",
        )
    version, mode, key_id, payload = token.split(":", 3)
    try:
        raw = b64decode(payload)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise DecryptionError("the token's payload is damaged (not base64url)") from None
    return Token(version, mode, key_id, raw)


def associated_data(
    mode: str, key_id: str, table: str | None, column: str | None, domain: str | None
) -> bytes:
    """The associated data: token prefix, then where the value is bound, length-prefixed."""
    parts = [VERSION.encode(), mode.encode(), key_id.encode()]
    if domain is not None:
        parts += [b"domain", domain.encode()]
    else:
        parts += [b"column", (table or "").encode(), (column or "").encode()]
    return b"".join(len(p).to_bytes(4, "big") + p for p in parts)
