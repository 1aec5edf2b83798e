"""US_SSN: ``AAA-GG-SSSS`` with the Social Security Administration's rules (no area 000, 666
or 900-999, no group 00, no serial 0000, no advertising numbers), checked by ``stdnum.us.ssn``.
Nine bare digits are only plausible: the name must say ``ssn``."""

from __future__ import annotations

import re

from stdnum.us import ssn

from privacy.scan.recognizers.base import INTEGERS, TEXT, Recognizer, digits

_DASHED = re.compile(r"\d{3}-\d{2}-\d{4}")
_FIND = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")


class UsSsnRecognizer(Recognizer):
    entity = "US_SSN"
    kinds = TEXT | INTEGERS
    specificity = 0.9
    value_only = 0.8
    strong = True
    checksum = "ssa-rules"
    search = _FIND
    min_digits = 9
    screen = re.compile(r"-\d\d-")

    def match(self, text: str) -> bool:
        return _DASHED.fullmatch(text) is not None and ssn.is_valid(text)

    def plausible(self, text: str) -> bool:
        d = digits(text)
        return len(d) == 9 and len(text) <= 11
