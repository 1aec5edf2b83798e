"""URL: ``scheme://...`` or ``www.`` addresses. A bare domain (``example.com``) is not one: most
such columns name companies' sites, not people's. People's pages differ person by person: a
column repeating a few addresses over many rows (a code system's URI, a form's endpoint) is
configuration, and decides nothing without a name; one address over every row is not
believed even with one."""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import Hit, Recognizer
from privacy.scan.values import Values

_URL = re.compile(r"(?:https?|ftp)://[^\s/$.?#][^\s]*|www\.[^\s/]+\.[^\s]{2,}", re.IGNORECASE)


class UrlRecognizer(Recognizer):
    entity = "URL"
    specificity = 0.6
    value_only = 0.9

    def match(self, text: str) -> bool:
        return " " not in text and _URL.fullmatch(text) is not None

    def plausible(self, text: str) -> bool:
        return " " not in text and "." in text and len(text) >= 4

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        if values.distinct == 1 and values.total >= 30:
            # one address for every row, whatever the name: the same page for all
            return Hit(self.entity, 0.0, 0.0, hit.specificity)
        varied = values.distinct >= 10 or values.distinct_ratio >= 0.5
        if hit.decisive and not varied:
            return Hit(self.entity, hit.rate, hit.plausible, hit.specificity, False)
        return hit
