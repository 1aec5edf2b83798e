"""KR_RRN: Korean resident registration number ``YYMMDD-SNNNNNN``: a valid birth date, a
century/sex digit, and (for numbers issued before October 2020) the mod-11 check digit that
``stdnum.kr.rrn`` verifies. Newer numbers have no check digit, so the date and sex digit make
the strict test and the checksum share is reported as extra evidence."""

from __future__ import annotations

import datetime as dt
import re

from stdnum.kr import rrn

from privacy.scan.recognizers.base import INTEGERS, TEXT, Hit, Recognizer
from privacy.scan.values import Values

_RRN = re.compile(r"(\d{2})(\d{2})(\d{2})-?([1-8])\d{6}")
_FIND = re.compile(r"(?<!\d)\d{6}-[1-8]\d{6}(?!\d)")


def _date_ok(m: re.Match[str]) -> bool:
    yy, mm, dd, sex = int(m[1]), int(m[2]), int(m[3]), m[4]
    century = {"1": 1900, "2": 1900, "3": 2000, "4": 2000, "5": 1900, "6": 1900, "7": 2000,
               "8": 2000}[sex]  # fmt: skip
    try:
        dt.date(century + yy, mm, dd)
    except ValueError:
        return False
    return True


class KrRrnRecognizer(Recognizer):
    entity = "KR_RRN"
    kinds = TEXT | INTEGERS
    specificity = 0.9
    value_only = 0.7
    strong = True
    search = _FIND
    min_digits = 13
    screen = re.compile(r"-[1-8]\d{6}")

    def match(self, text: str) -> bool:
        m = _RRN.fullmatch(text)
        return m is not None and "-" in text and _date_ok(m)

    def plausible(self, text: str) -> bool:
        m = _RRN.fullmatch(text)
        return m is not None and _date_ok(m)

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        if hit.rate == 0:
            return hit
        valid = values.share(lambda t: rrn.is_valid(t), key="rrn:check")
        spec = min(0.99, self.specificity + 0.1 * valid)
        return Hit(
            self.entity, hit.rate, hit.plausible, spec, hit.decisive, True,
            (f"checksum:kr-rrn {valid:.2f}",),
        )  # fmt: skip
