"""CRYPTO: Bitcoin addresses, legacy/P2SH (Base58Check with its double-SHA-256 checksum) and
SegWit (``bc1...`` Bech32 shape)."""

from __future__ import annotations

import hashlib
import re

from privacy.scan.recognizers.base import Recognizer

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_LEGACY = re.compile(r"[13][1-9A-HJ-NP-Za-km-z]{25,34}")
_BECH32 = re.compile(r"bc1[ac-hj-np-z02-9]{11,71}")


def _base58check(text: str) -> bool:
    n = 0
    for ch in text:
        n = n * 58 + _B58.index(ch)
    raw = n.to_bytes(25, "big") if n.bit_length() <= 200 else b""
    if len(raw) != 25:
        return False
    payload, check = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == check


class CryptoRecognizer(Recognizer):
    entity = "CRYPTO"
    specificity = 0.97
    value_only = 0.7
    strong = True
    checksum = "base58check"
    search = re.compile(r"\b(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[ac-hj-np-z02-9]{11,71})\b")
    screen = re.compile(r"[13][1-9A-HJ-NP-Za-km-z]{25}|bc1[ac-hj-np-z02-9]{11}")
    min_digits = 1  # a legacy address starts with 1 or 3, a SegWit one with bc1

    def match(self, text: str) -> bool:
        if _BECH32.fullmatch(text):
            return True
        return _LEGACY.fullmatch(text) is not None and _base58check(text)
