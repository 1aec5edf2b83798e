"""POSTAL_CODE: postal codes of many countries. Formats that little else has (UK ``SW1A 1AA``,
Canada ``K1A 0B1``, Netherlands ``1234 AB``, ZIP+4 ``12345-6789``, Brazil ``12345-678``,
Portugal ``1234-567``, Poland ``12-345``, Japan ``123-4567``, Sweden/Czechia/Greece ``123 45``)
are strict matches; four or five bare digits are only plausible, so a column of them needs its
name (``zip``, ``plz``, ``code_postal``...)."""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import INTEGERS, TEXT, Hit, Recognizer
from privacy.scan.values import Values

_DISTINCT = re.compile(
    r"[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}"  # UK (with its space: without, car plates look alike)
    r"|[A-Z]\d[A-Z]\s?\d[A-Z]\d"  # Canada
    r"|\d{4}\s?[A-Z]{2}"  # Netherlands
    r"|\d{5}-\d{4}"  # US ZIP+4
    r"|\d{5}-\d{3}"  # Brazil
    r"|\d{4}-\d{3}"  # Portugal
    r"|\d{2}-\d{3}"  # Poland
    r"|\d{3}-\d{4}"  # Japan
    r"|\d{3}\s\d{2}"  # Sweden, Czechia, Slovakia, Greece
    # Ireland (Eircode): without its space, a letter among the last four (a letter and six
    # digits is a booking or member reference)
    r"|[ACDEFHKNPRTVWXY]\d[\dW]\s[A-Z\d]{4}|[ACDEFHKNPRTVWXY]\d[\dW](?=[A-Z\d]{0,3}[A-Z])[A-Z\d]{4}",
    re.IGNORECASE,
)
_LOOSE = re.compile(r"(?:[A-Z]{1,3}[\s-])?[A-Z0-9]{2,5}[\s-]?[A-Z0-9]{0,4}", re.IGNORECASE)


_FIXED_SHARE = 0.9


def fixed_length_share(values: Values) -> float:
    """Share of rows holding 4-6 bare digits of the column's most common length (integer
    columns may have lost a leading zero: ``02134`` read as ``2134``)."""
    if values.distinct < 5:
        return 0.0
    lengths: dict[int, int] = {}
    for t, c in zip(values.texts, values.counts, strict=True):
        if t.isdigit():
            lengths[len(t)] = lengths.get(len(t), 0) + c
    if not lengths:
        return 0.0
    n = max(lengths, key=lambda k: lengths[k])
    if not 4 <= n <= 6:
        return 0.0
    ok = lengths[n]
    if values.kind in INTEGERS:
        ok += lengths.get(n - 1, 0) + lengths.get(n - 2, 0) * (n == 5)
    return ok / values.total


class PostalCodeRecognizer(Recognizer):
    entity = "POSTAL_CODE"
    kinds = TEXT | INTEGERS
    specificity = 0.7
    value_only = 0.9

    def match(self, text: str) -> bool:
        return len(text) <= 10 and _DISTINCT.fullmatch(text) is not None

    def plausible(self, text: str) -> bool:
        return (
            3 <= len(text) <= 10
            and _LOOSE.fullmatch(text) is not None
            and sum(ch.isdigit() for ch in text) >= 2
        )

    def applies(self, values: Values) -> bool:
        return values.avg_len <= 9 and values.feature("digit") >= 0.9

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        if named and hit.rate < _FIXED_SHARE:
            # bare digits of one length (``cap`` over 5-digit codes, ``pincode`` over 6): with
            # the column's name, the shape of one country's codes is the evidence
            fixed = fixed_length_share(values)
            if fixed >= _FIXED_SHARE:
                return Hit(self.entity, fixed, max(hit.plausible, fixed), hit.specificity,
                           False, False, (f"values:{fixed:.2f} fixed-length digits",))  # fmt: skip
        # one country's codes share one shape; a column of mixed dash/space codes is something
        # else (part numbers, ranges)
        decisive = hit.decisive and values.distinct >= 10 and values.kind in TEXT
        return Hit(self.entity, hit.rate, hit.plausible, hit.specificity, decisive)
