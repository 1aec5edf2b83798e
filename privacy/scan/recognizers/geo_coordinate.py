"""GEO_COORDINATE: a latitude/longitude pair in one value (``52.5200, 13.4050``,
``POINT(13.405 52.52)``) decides alone; a lone number column is a coordinate only when its
name says ``lat``/``lon``/``latitude``... and its values fit (|v| <= 180 with decimals)."""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import NUMERIC, TEXT, Hit, Recognizer
from privacy.scan.values import Values

_PAIR = re.compile(
    r"\(?\s*(-?\d{1,3}\.\d{2,})\s*[,; ]\s*(-?\d{1,3}\.\d{2,})\s*\)?"
    r"|POINT\s*\(\s*(-?\d{1,3}\.\d+)\s+(-?\d{1,3}\.\d+)\s*\)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"-?\d{1,3}(?:\.\d+)?")


class GeoCoordinateRecognizer(Recognizer):
    entity = "GEO_COORDINATE"
    kinds = TEXT | NUMERIC
    specificity = 0.9
    value_only = 0.8

    def match(self, text: str) -> bool:
        m = _PAIR.fullmatch(text)
        if not m:
            return False
        a, b = (float(x) for x in (m[1] or m[3], m[2] or m[4]))
        return abs(a) <= 180 and abs(b) <= 180 and (abs(a) <= 90 or abs(b) <= 90)

    def plausible(self, text: str) -> bool:
        if self.match(text):
            return True
        return _NUMBER.fullmatch(text) is not None and abs(float(text)) <= 180

    def applies(self, values: Values) -> bool:
        return values.kind in TEXT and values.feature("digit") >= 0.9

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        # a few points repeated over many rows are fixed places (sites, stores, sensors), not
        # where people are
        if values.total >= 100 and values.distinct <= 20 and values.distinct_ratio <= 0.05:
            note = f"values:{values.distinct} distinct points (fixed places)"
            return Hit(self.entity, 0.0, 0.0, hit.specificity, False, False, (note,))
        return hit
