"""LOCATION: city and town names, checked against a gazetteer of about 85,000 places
(``privacy/scan/data/places.txt.gz``: GeoNames cities of 5,000+ inhabitants and the exonyms of
large ones, built by ``scripts/build_place_lists.py``).

A value counts when its folded form (or its part before a comma: ``Springfield, IL``) is a
listed place. Values alone decide for a varied column of short words mostly listed and listed
more often than as people's names (``Jackson``, ``Florence`` are both); with a ``city``/``ort``/
``ville`` name, any word without digits is plausible (villages are not all listed).
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

from privacy.scan.recognizers.base import Hit, Recognizer
from privacy.scan.recognizers.person_name import name_lists
from privacy.scan.text import fold
from privacy.scan.values import Values

_WORDS = re.compile(r"[^\d@]{2,120}", re.UNICODE)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Folded place names; loaded on first use (about 40 ms)."""
    data = resources.files("privacy.scan").joinpath("data", "places.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split("\n")) - {""}


def _place_key(text: str) -> str:
    return fold(text.split(",")[0].split("(")[0])


class PlaceRecognizer(Recognizer):
    entity = "LOCATION"
    specificity = 0.7
    value_only = 0.5

    def match(self, text: str) -> bool:
        return _place_key(text) in places()

    def plausible(self, text: str) -> bool:
        return _WORDS.fullmatch(text) is not None and any(ch.isalpha() for ch in text)

    def applies(self, values: Values) -> bool:
        return (
            values.feature("alpha") >= 0.9
            and values.feature("digit") <= 0.1
            and values.avg_words <= 4
            and values.distinct >= 8
        )

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        if named or not hit.decisive:
            return hit
        # a column of surnames or given names also hits many places: more people than places
        # means people
        first, last = name_lists()
        as_names = values.share(lambda t: fold(t) in first or fold(t) in last, key="place:as-names")
        decisive = hit.rate > as_names
        return Hit(self.entity, hit.rate, hit.plausible, hit.specificity, decisive)
