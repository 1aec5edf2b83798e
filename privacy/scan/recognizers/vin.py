"""VIN: a 17-character ISO 3779 vehicle identification number (no I, O or Q). The ninth
character is a check digit in North America (and often elsewhere): the strict test requires it;
the format alone is plausible, since European VINs need not carry one."""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import Hit, Recognizer
from privacy.scan.values import Values

_VIN = re.compile(r"[A-HJ-NPR-Z0-9]{17}")
_FIND = re.compile(r"\b[A-HJ-NPR-Z0-9]{17}\b")
_VALUE = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7, "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}  # fmt: skip
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def check_digit(vin: str) -> str:
    total = sum(_VALUE[c] * w for c, w in zip(vin, _WEIGHTS, strict=True))
    r = total % 11
    return "X" if r == 10 else str(r)


def _shape(text: str) -> bool:
    if len(text) > 17:  # upper() never shortens a text
        return False
    t = text.upper()
    return (
        _VIN.fullmatch(t) is not None
        and any(c.isdigit() for c in t)
        and sum(c.isalpha() for c in t) >= 2
    )


class VinRecognizer(Recognizer):
    entity = "VIN"
    specificity = 0.95
    value_only = 0.6
    strong = True
    checksum = "vin-check-digit"
    search = _FIND
    min_digits = 1
    screen = re.compile(r"[A-HJ-NPR-Z0-9]{17}")

    def match(self, text: str) -> bool:
        return _shape(text) and check_digit(text.upper()) == text[8].upper()

    def plausible(self, text: str) -> bool:
        return _shape(text)

    def applies(self, values: Values) -> bool:
        return 16.5 <= values.avg_len <= 17.5

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        # European VINs often lack the check digit: the format alone decides when nearly all
        # values have it and they are all different
        shape_decides = hit.plausible >= 0.95 and values.distinct_ratio >= 0.9
        decisive = hit.decisive or shape_decides
        spec = hit.specificity if hit.decisive else 0.8
        return Hit(self.entity, hit.rate, hit.plausible, spec, decisive, True, hit.notes)
