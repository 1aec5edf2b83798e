"""IBAN_CODE: country code, two check digits and the national account number, validated with
the ISO 13616 mod-97 check and the country's length and format (``stdnum.iban``)."""

from __future__ import annotations

import re

from stdnum import iban

from privacy.scan.recognizers.base import Recognizer
from privacy.scan.values import Values

_SHAPE = re.compile(r"[A-Za-z]{2}\d{2}[ ]?(?:[A-Za-z0-9]{1,4}[ ]?){3,8}")
_FIND = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")


class IbanRecognizer(Recognizer):
    entity = "IBAN_CODE"
    specificity = 0.99
    value_only = 0.6
    strong = True
    checksum = "iban-mod97"
    search = _FIND
    min_digits = 2
    screen = re.compile(r"[A-Z]{2}\d{2}")

    def match(self, text: str) -> bool:
        return 15 <= len(text) <= 42 and _SHAPE.fullmatch(text) is not None and iban.is_valid(text)

    def plausible(self, text: str) -> bool:
        return _SHAPE.fullmatch(text) is not None

    def applies(self, values: Values) -> bool:
        return values.feature("alpha") >= 0.5 and values.feature("digit") >= 0.5
