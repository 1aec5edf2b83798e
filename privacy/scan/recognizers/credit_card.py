"""CREDIT_CARD: 13-19 digits with an issuer prefix (Visa, Mastercard, Amex, Discover, JCB,
Diners, Maestro, UnionPay) and a valid Luhn check digit (``stdnum.luhn``).

Spreadsheets turn card numbers into ``5.54563E+15``: such values keep their magnitude but lose
the check digit, so they are *plausible* cards (the name must say so), never strict ones.
"""

from __future__ import annotations

import re

from stdnum import luhn

from privacy.scan.recognizers.base import NUMERIC, TEXT, Recognizer, digits
from privacy.scan.values import Values

# Visa, Mastercard, Amex, Diners, JCB (incl. 2131/1800), Discover, Maestro, UnionPay, Mir
_PREFIX = re.compile(r"4|5[1-5]|2[2-7]|3[47]|3[0689]|35|2131|1800|6|5[06-9]")
_SHAPE = re.compile(r"\d{4}([ -]?)\d{4}\1\d{4}(?:\1\d{1,7})?|\d{4}[ -]?\d{6}[ -]?\d{5}|\d{12,19}")
_SCI = re.compile(r"[3-6](?:[.,]\d+)?[eE]\+?1[2-8]")
_FIND = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")


class CreditCardRecognizer(Recognizer):
    entity = "CREDIT_CARD"
    kinds = TEXT | NUMERIC
    specificity = 0.95
    value_only = 0.8
    strong = True
    checksum = "luhn"
    search = _FIND
    min_digits = 13

    def match(self, text: str) -> bool:
        if not _SHAPE.fullmatch(text):
            return False
        d = digits(text)
        return 12 <= len(d) <= 19 and _PREFIX.match(d) is not None and luhn.is_valid(d)

    def plausible(self, text: str) -> bool:
        if _SCI.fullmatch(text):
            return True
        d = digits(text)
        return 12 <= len(d) <= 19 and len(d) >= len(text) - 6

    def applies(self, values: Values) -> bool:
        return values.feature("numeric_like") >= 0.7
