"""UK_NHS: ten-digit NHS number with its mod-11 check digit (``stdnum.gb.nhs``); written
``943 476 5919`` it decides alone, bare digits need the column's name."""

from __future__ import annotations

import re

from stdnum.gb import nhs

from privacy.scan.recognizers.base import INTEGERS, TEXT, Recognizer
from privacy.scan.values import Values

_SPACED = re.compile(r"\d{3}[ -]\d{3}[ -]\d{4}")


class UkNhsRecognizer(Recognizer):
    entity = "UK_NHS"
    kinds = TEXT | INTEGERS
    specificity = 0.85
    value_only = 0.9
    checksum = "nhs-mod11"

    def match(self, text: str) -> bool:
        return _SPACED.fullmatch(text) is not None and nhs.is_valid(text)

    def plausible(self, text: str) -> bool:
        return nhs.is_valid(text)

    def applies(self, values: Values) -> bool:
        return values.kind in TEXT and 10 <= values.avg_len <= 12.5
