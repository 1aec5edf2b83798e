"""LOCATION: city and town names, checked against a gazetteer of about 85,000 places
(``privacy/scan/data/places.txt.gz``: GeoNames cities of 5,000+ inhabitants and the exonyms of
large ones, built by ``scripts/build_place_lists.py``).

A value counts when its folded form (or its part before a comma: ``Springfield, IL``) is a
listed place. Values alone decide for a varied column of short words mostly listed and listed
more often than as people's names (``Jackson``, ``Florence`` are both); with a ``city``/``ort``/
``ville`` name, any word without digits is plausible (villages are not all listed).

Under a name that says nothing (``col_14``), a column of *place-shaped* names decides too: a
compass, ``Lake``, ``Port``, ``New``, ``Saint``... before a capitalised word (``Lake Tamara``,
``Port Michael``), or one word ending as towns do (``-ville``, ``-ton``, ``-borough``,
``-chester``, ``-mouth``, ``-furt``, ``-stad``, ``-hausen``...). Small towns, and the towns test
data generators make up, are not in any gazetteer, but they are written like this; surnames,
companies, products and street names hardly ever are.
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
_PLACE_PREFIX = re.compile(
    r"(?:North|South|East|West|New|Lake|Port|Mount|Fort|Point|Saint|St\.?|Grand|Little|Upper"
    r"|Lower|Nueva|Nuevo|San|Santa|Baie|Bad|Sankt|Villa)\s+[A-Z][\w'-]+"
)
_PLACE_SUFFIX = re.compile(
    r"[A-Z][a-z]+(?:ville|ton|town|burg|burgh|borough|bury|chester|ford|field|land|port|mouth"
    r"|haven|stad|furt|fort|berg|view|side|shire|ham|wick|dale|stead|heim|hausen|dorf|ingen)"
)
#: place-shaped and listed names needed for a column that says nothing to be of places
_SHAPED_SHARE = 0.8


def place_shaped(text: str) -> bool:
    """Written as towns are named (``Lake Tamara``, ``Laurenchester``)."""
    return _PLACE_PREFIX.fullmatch(text) is not None or _PLACE_SUFFIX.fullmatch(text) is not None


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
        if named:
            return hit
        if not hit.decisive:
            return self._shaped(values, hit)
        # a column of surnames or given names also hits many places: more people than places
        # means people
        first, last = name_lists()
        as_names = values.share(lambda t: fold(t) in first or fold(t) in last, key="place:as-names")
        decisive = hit.rate > as_names
        return Hit(self.entity, hit.rate, hit.plausible, hit.specificity, decisive)

    def _shaped(self, values: Values, hit: Hit) -> Hit:
        """Place-shaped names under a name that says nothing (``blank_name``)."""
        shaped = values.share(place_shaped, key="place:shaped")
        if shaped < 0.3:
            return hit
        either = values.share(lambda t: place_shaped(t) or self.match(t), key="place:either")
        first, last = name_lists()
        as_names = values.share(lambda t: fold(t) in first or fold(t) in last, key="place:as-names")
        varied = values.distinct >= 20 or values.distinct_ratio >= 0.5
        decisive = either >= _SHAPED_SHARE and as_names < 0.3 and varied
        notes = (f"values:{shaped:.2f} place-shaped",)
        return Hit(self.entity, either, max(hit.plausible, either), hit.specificity, decisive,
                   False, notes, blank_name=True)  # fmt: skip
