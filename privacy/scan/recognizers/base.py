"""What a value recognizer is, and what it reports about a column.

A recognizer looks at every distinct sampled value of a column and reports shares of rows:

- ``rate``: values that *are* the entity by a strict test (format, and a checksum where one
  exists: Luhn for cards, mod-97 for IBANs, the VIN check digit, national-ID check digits);
- ``plausible``: values that *could be* it by a loose test (a ``phone`` column whose values are
  digits and separators). A name's claim is believed only when its values are plausible.

``specificity`` says how rarely other data passes the strict test (0..1): an email pattern
almost never matches anything else, five digits often do. ``value_only`` is the strict share at
which the values alone decide, whatever the name says (None: they never do, the name must say
it). ``strong`` recognizers decide even against a name that says "not personal" (98% valid
IBANs in a column called ``ref``). ``kinds`` lists the column types the recognizer reads:
numbers, booleans and dates cannot be emails.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from privacy.scan.values import Values
from privacy.sources.base import ColumnKind

TEXT = frozenset({ColumnKind.STRING, ColumnKind.OTHER, ColumnKind.JSON})
NUMERIC = frozenset({ColumnKind.INTEGER, ColumnKind.DECIMAL, ColumnKind.FLOAT})
#: columns that can hold whole numbers (a CSV column with gaps reads as float: ``4155550123.0``)
INTEGERS = frozenset({ColumnKind.INTEGER, ColumnKind.DECIMAL, ColumnKind.FLOAT})
TEMPORAL = frozenset({ColumnKind.DATE, ColumnKind.DATETIME})


@dataclass(frozen=True)
class Hit:
    """A recognizer's report on one column."""

    entity: str
    rate: float
    plausible: float
    specificity: float
    #: the values alone are enough (share at or above ``value_only`` and column-level rules)
    decisive: bool = False
    #: checksum-backed: may decide against a not-personal name (see ``Recognizer.overrides``)
    strong: bool = False
    #: evidence beyond ``values:<rate> ENTITY`` (``checksum:luhn 0.99``)
    notes: tuple[str, ...] = ()
    #: the values decide only under a name that says nothing (``col7``): a shape that other
    #: data shares where a name would tell it apart (``M``/``F`` is also a size or a flag)
    blank_name: bool = False


class Recognizer:
    """Base class; subclasses set the attributes and override ``match``/``plausible``."""

    entity: str = ""
    kinds: frozenset[ColumnKind] = TEXT
    specificity: float = 0.5
    value_only: float | None = None
    strong: bool = False
    #: the strict share at which a recognizer that is not ``strong`` still decides against a
    #: name that says "not personal" or negates (``ref`` over checksum-valid national ids or
    #: libphonenumber-valid phones), when its hit is checksum-backed (``Hit.strong``); None:
    #: never
    overrides: float | None = None
    #: the values decide alone only under a meaningless name (``col7``), unless the hit is
    #: ``strong``: a telling name that is not this entity's is a different thing
    needs_blank_name: bool = False
    #: name of the check digit algorithm, for evidence (``checksum:luhn 0.99``)
    checksum: str | None = None
    #: a pattern that finds the entity inside free text (None: not searched in text). It must
    #: not match across a NUL character (see :meth:`texts_with`)
    search: re.Pattern[str] | None = None
    #: a cheaper pattern every text ``search`` finds something in also matches (a literal
    #: character or a short run, fast to look for): texts without it are not searched. None:
    #: every text is searched
    screen: re.Pattern[str] | None = None
    #: the digits a text needs for ``search`` to find a valid instance in it (``\\d`` or
    #: ``str.isdigit``, whichever the pattern and the validation count): texts with fewer are
    #: not searched
    min_digits: int = 0
    #: at most this many distinct values are tested (0: all); for slow validators
    cap: int = 0

    def match(self, text: str) -> bool:
        raise NotImplementedError

    def plausible(self, text: str) -> bool:
        return self.match(text)

    def applies(self, values: Values) -> bool:
        """Cheap column-level gate before the values-only test runs (shape features)."""
        return True

    def found_in(self, text: str) -> bool:
        """True when free text contains a valid instance (used for free-text columns)."""
        if (
            self.search is None
            or (self.min_digits and digit_count(text) < self.min_digits)
            or (self.screen is not None and not self.screen.search(text))
        ):
            return False
        return any(self.valid_found(m.group(0)) for m in self.search.finditer(text))

    def valid_found(self, span: str) -> bool:
        """Is a span the search pattern found in text a valid instance?"""
        return self.match(span)

    def texts_with(self, texts: Sequence[str] | JoinedTexts) -> set[int]:
        """Indices of the ``texts`` that contain a valid instance: :meth:`found_in` of each,
        in one pass of the search pattern over all of them (joined, and shared by the
        finders as :class:`JoinedTexts`) instead of one call per text."""
        if self.search is None:
            return set()
        every = texts if isinstance(texts, JoinedTexts) else JoinedTexts(texts)
        joined, index = every.with_digits(self.min_digits)
        if not index or (self.screen is not None and not self.screen.search(joined.text)):
            return set()
        found: set[int] = set()
        for m in self.search.finditer(joined.text):
            i = joined.index(m.start())
            if i in found:
                continue
            span = m.group(0)
            if SEPARATOR in span:  # a pattern that crosses texts: read them one by one
                return {k for k, t in enumerate(every.texts) if self.found_in(t)}
            if self.valid_found(span):
                found.add(i)
        return found if joined is every else {index[i] for i in found}

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        """Report on a column. ``named``: the column name claims this entity."""
        key = type(self).__name__
        has_loose = type(self).plausible is not Recognizer.plausible
        if named:
            rate = values.share(self.match, key=key + ":m", cap=self.cap)
            plaus = values.share(self.plausible, key=key + ":p") if has_loose else rate
        else:
            # values alone: a quick probe rules most columns out
            floor = 0.6 * (self.value_only if self.value_only is not None else 1.0)
            rate = values.share(self.match, key=key + ":m", probe=40, floor=floor, cap=self.cap)
            plaus = rate
        plaus = max(plaus, rate)
        decisive = self.value_only is not None and rate >= self.value_only
        notes = (f"checksum:{self.checksum} {rate:.2f}",) if self.checksum and rate > 0 else ()
        return Hit(self.entity, rate, plaus, self.specificity, decisive, self.strong, notes)


#: joins the texts of a column for one search pass; no search pattern matches it, and to
#: their lookarounds and word boundaries it is what the start or end of a text is
SEPARATOR = "\x00"


_ASCII_DIGITS = b"0123456789"
#: what a text that is not ASCII counts as (its digits may be others that ``\\d`` and
#: ``str.isdigit`` accept, so it is never ruled out by its digits)
_ANY = 1 << 30


def digit_count(text: str) -> int:
    """The digits of an ASCII text (counted in C); a large number for any other text."""
    if not text.isascii():
        return _ANY
    return len(text) - len(text.encode("ascii").translate(None, _ASCII_DIGITS))


class JoinedTexts:
    """A column's texts as one string, with where each starts."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self.text = SEPARATOR.join(self.texts)
        self.starts: list[int] = []
        pos = 0
        for t in self.texts:
            self.starts.append(pos)
            pos += len(t) + 1
        self._digits: list[int] | None = None
        self._with_digits: dict[int, tuple[JoinedTexts, list[int]]] = {}

    def index(self, pos: int) -> int:
        """The index of the text holding position ``pos``."""
        return bisect_right(self.starts, pos) - 1

    def with_digits(self, k: int) -> tuple[JoinedTexts, list[int]]:
        """The texts with at least ``k`` digits (:func:`digit_count`), joined, and their
        indices among these texts (self when all of them have)."""
        hit = self._with_digits.get(k)
        if hit is None:
            if k <= 0:
                hit = (self, list(range(len(self.texts))))
            else:
                if self._digits is None:
                    self._digits = [digit_count(t) for t in self.texts]
                index = [i for i, d in enumerate(self._digits) if d >= k]
                sub = (
                    self
                    if len(index) == len(self.texts)
                    else JoinedTexts([self.texts[i] for i in index])
                )
                hit = (sub, index)
            self._with_digits[k] = hit
        return hit


def pattern(regex: str, flags: int = 0) -> Callable[[str], bool]:
    rx = re.compile(regex, flags)
    return lambda t: rx.fullmatch(t) is not None


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
