"""MEDICAL_LICENSE: a prescriber's registration, which identifies a clinician.

Two numbers have a check digit: the US **DEA number** (a registrant-type letter, the
surname's initial or ``9``, seven digits whose last checks the others: ``d1+d3+d5 +
2·(d2+d4+d6)`` ends in ``d7``) and the US **NPI** (ten digits, Luhn over ``80840`` + the first
nine). A column of valid DEA numbers decides alone (one random letter-letter-seven-digits code
in ten passes, so a whole column of them does not by chance); an NPI is ten digits like any
other, so it needs the name (``npi``). Other licence numbers have no common format: with the
name (``medical_license``, ``dea``), any id with digits is plausible.
"""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import INTEGERS, TEXT, Hit, Recognizer
from privacy.scan.values import Values

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .\-/]{3,30}")
#: registrant types: practitioners (A, B, F, G), mid-level (M), distributors, narcotic
#: treatment programs...
_DEA = re.compile(r"[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}")
_NPI = re.compile(r"[12]\d{9}")


def valid_dea(text: str) -> bool:
    t = text.upper()
    if _DEA.fullmatch(t) is None:
        return False
    d = [int(ch) for ch in t[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def valid_npi(text: str) -> bool:
    if _NPI.fullmatch(text) is None:
        return False
    from stdnum import luhn

    return bool(luhn.is_valid("80840" + text))


class MedicalLicenseRecognizer(Recognizer):
    entity = "MEDICAL_LICENSE"
    kinds = TEXT | INTEGERS
    specificity = 0.85
    value_only = 0.9
    checksum = "dea"

    def match(self, text: str) -> bool:
        return valid_dea(text) or valid_npi(text)

    def plausible(self, text: str) -> bool:
        return _ID.fullmatch(text) is not None and any(ch.isdigit() for ch in text)

    def applies(self, values: Values) -> bool:
        return values.kind in TEXT and values.feature("alpha") >= 0.9 and values.avg_len <= 10

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        if named:
            return hit
        dea = values.share(valid_dea, key="medlic:dea")
        decisive = dea >= (self.value_only or 1.0) and values.distinct >= 5
        return Hit(self.entity, dea, hit.plausible, self.specificity, decisive, False, hit.notes)
