"""Entities only a column's name can reveal, with a loose check that the values fit.

Passport, driver-licence and bank-account numbers have no reliable format across countries;
origin data are words like any other (health data has its own module, :mod:`.health`). The
name (``passport_no``, ``ethnicity``...) proposes them; the values must then look the part (an
id with digits, a word without digits), so a ``passport`` column of booleans is not believed.
"""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import INTEGERS, TEXT, Recognizer

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .\-/]{3,30}")


class _IdLike(Recognizer):
    kinds = TEXT | INTEGERS
    specificity = 0.2

    def match(self, text: str) -> bool:
        return _ID.fullmatch(text) is not None and any(ch.isdigit() for ch in text)


class PassportRecognizer(_IdLike):
    entity = "US_PASSPORT"


class DriverLicenseRecognizer(_IdLike):
    entity = "US_DRIVER_LICENSE"


class BankAccountRecognizer(_IdLike):
    entity = "US_BANK_NUMBER"
