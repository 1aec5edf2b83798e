"""AGE: whole (or fractional) years between 0 and 120. Counts and amounts look the same, so
only the column's name can say ``age``; the values must then fit (a median between 1 and 95)."""

from __future__ import annotations

import re
import statistics

from privacy.scan.recognizers.base import NUMERIC, TEXT, Hit, Recognizer
from privacy.scan.values import Values

_AGE = re.compile(r"(\d{1,3})(?:[.,]\d{1,2})?\s*(?:y|yrs?|years?|jahre|ans|anos|años|anni|jaar)?",
                  re.IGNORECASE)  # fmt: skip


def _years(text: str) -> float | None:
    m = _AGE.fullmatch(text)
    if not m:
        return None
    v = float(m[0].replace(",", ".") if m.lastindex is None else m[1])
    return v if 0 <= v <= 120 else None


class AgeRecognizer(Recognizer):
    entity = "AGE"
    kinds = TEXT | NUMERIC
    specificity = 0.3

    def match(self, text: str) -> bool:
        try:
            return _years(text) is not None
        except ValueError:
            return False

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        if not named or hit.rate == 0:
            return hit
        ages = []
        for t, c in zip(values.texts, values.counts, strict=True):
            try:
                y = _years(t)
            except ValueError:
                y = None
            if y is not None:
                ages.extend([y] * min(c, 5))
        med = statistics.median(ages) if ages else 0.0
        if not 1 <= med <= 95:
            return Hit(self.entity, 0.0, 0.0, self.specificity)
        return hit
