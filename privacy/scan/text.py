"""Text normalisation shared by header and value signals.

``fold`` is the one normal form used for every dictionary lookup (header words, name lists,
gender words): NFKC, case-folded, combining marks removed (``Prénom`` -> ``prenom``,
``Hamanová`` -> ``hamanova``), then NFC again so Hangul syllables stay composed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# Latin (with Vietnamese), Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai, kana, CJK, Hangul
_SPLIT = re.compile(r"[^0-9a-zA-Z\u00C0-\u024F\u1E00-\u1EFF\u0370-\u03FF\u0400-\u04FF"
                    r"\u0590-\u05FF\u0600-\u06FF\u0900-\u097F\u0E00-\u0E7F\u3040-\u30FF"
                    r"\u3400-\u9FFF\uAC00-\uD7AF]+")  # fmt: skip
_CJK = re.compile(r"[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]")
_DIGITS = re.compile(r"(?<=[^\d])(?=\d)|(?<=\d)(?=[^\d])")


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one string (vocabulary data stays readable)."""
    return frozenset(text.split())


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` for dictionary lookups."""
    if text.isascii():
        return text.lower().strip()
    t = unicodedata.normalize("NFKC", text).casefold()
    if _CJK.search(t):
        # kana voicing marks and Hangul jamo are letters there, not accents
        return t.strip()
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", t).strip()


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def split_identifier(name: str) -> list[str]:
    """Split a column name into lower-case words: camelCase, snake_case, kebab-case, spaces,
    dots and digit runs (``CCNumber`` -> cc, number; ``address_line1`` -> address, line, 1)."""
    parts: list[str] = []
    for chunk in _SPLIT.split(unicodedata.normalize("NFKC", name)):
        if not chunk:
            continue
        for word in _CAMEL.split(chunk):
            for piece in _DIGITS.split(word):
                if piece:
                    parts.append(fold(piece))
    return parts
