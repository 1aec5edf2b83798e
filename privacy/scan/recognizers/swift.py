"""SWIFT_CODE: an ISO 9362 BIC, four letters (bank), a country code, two characters
(location) and an optional three-character branch (``stdnum.bic`` checks the format and the
country)."""

from __future__ import annotations

import re

from stdnum import bic

from privacy.scan.recognizers.base import Hit, Recognizer
from privacy.scan.values import Values

_SHAPE = re.compile(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")


class SwiftRecognizer(Recognizer):
    entity = "SWIFT_CODE"
    specificity = 0.8
    value_only = 0.9

    def match(self, text: str) -> bool:
        return _SHAPE.fullmatch(text) is not None and bic.is_valid(text)

    def plausible(self, text: str) -> bool:
        return 8 <= len(text.replace(" ", "")) <= 11 and text.replace(" ", "").isalnum()

    def applies(self, values: Values) -> bool:
        return values.avg_len <= 11.5 and values.feature("space") < 0.1

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        # bank codes repeat far less than product codes of the same shape
        decisive = hit.decisive and values.distinct >= 5
        return Hit(self.entity, hit.rate, hit.plausible, hit.specificity, decisive)
