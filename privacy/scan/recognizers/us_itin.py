"""US_ITIN: ``9XX-7X-XXXX`` / ``9XX-8X-XXXX`` (and the 90-92, 94-99 group ranges the IRS
added), the taxpayer number for people who cannot get an SSN."""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import INTEGERS, TEXT, Recognizer, digits

_ITIN = re.compile(r"9\d{2}([- ]?)(?:5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])\1\d{4}")


class UsItinRecognizer(Recognizer):
    entity = "US_ITIN"
    kinds = TEXT | INTEGERS
    specificity = 0.85
    value_only = 0.8
    search = re.compile(r"(?<!\d)9\d{2}-\d{2}-\d{4}(?!\d)")
    screen = re.compile(r"-\d\d-")
    min_digits = 9

    def match(self, text: str) -> bool:
        return "-" in text and _ITIN.fullmatch(text) is not None

    def plausible(self, text: str) -> bool:
        return len(digits(text)) == 9 and text.lstrip()[:1] == "9"
