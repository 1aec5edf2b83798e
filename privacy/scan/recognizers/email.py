"""EMAIL_ADDRESS: local@domain.tld (RFC 5322's common subset, Unicode letters allowed)."""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import Recognizer
from privacy.scan.values import Values

_EMAIL = re.compile(
    r"[\w.!#$%&'*+/=?^`{|}~-]+@(?:[\w](?:[\w-]{0,61}[\w])?\.)+[^\W\d_]{2,24}", re.UNICODE
)
#: ``Anna Schmidt <anna@example.com>``
_DISPLAY = re.compile(r"[^<>@]{0,80}<([^<>\s]+)>")
_FIND = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,24}")


class EmailRecognizer(Recognizer):
    entity = "EMAIL_ADDRESS"
    specificity = 0.99
    value_only = 0.5
    strong = True
    search = _FIND
    screen = re.compile("@")

    def match(self, text: str) -> bool:
        if "@" not in text:  # cheap first: both forms need one
            return False
        m = _DISPLAY.fullmatch(text)
        if m:
            text = m[1]
        return (
            len(text) <= 254
            and _EMAIL.fullmatch(text) is not None
            and ".." not in text
            and not text.startswith(".")
        )

    def plausible(self, text: str) -> bool:
        # obfuscated forms still hold an address: "alice [at] example.com", "alice@example"
        t = text.lower()
        return "@" in t or "[at]" in t or "(at)" in t

    def applies(self, values: Values) -> bool:
        return values.feature("at") >= 0.3
