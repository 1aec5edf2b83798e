"""A column's sampled values, prepared once for every recognizer.

Values become distinct, stripped strings with their counts (rates are shares of non-null
*rows*, computed over distinct values so a column with few distinct values costs little).
Numbers become their digit strings (``5.54563e15`` -> ``5545630000000000``, flagged as
*mangled*: a spreadsheet rounded them); dates keep their objects for the date-of-birth rule.
Nothing here logs or raises with a value in it.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import compress
from operator import mul
from typing import Any

from privacy.sources.base import ColumnKind

#: cells that mean "no value"
NULL_TEXTS = frozenset({"", "null", "none", "nan", "n/a", "nil", "-", "--", "(null)", "<na>"})

_SCI = re.compile(r"^[+-]?\d(?:[.,]\d+)?[eE][+]?\d{1,2}$")

#: at most this many distinct values are kept, the most frequent (a share measured on 500
#: values is within a few points of the share on all of them)
MAX_DISTINCT = 500


@dataclass
class Values:
    kind: ColumnKind
    texts: list[str] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    total: int = 0
    nulls: int = 0
    #: numbers that lost digits (float in scientific notation, ``5.54563E+15`` text)
    mangled: int = 0
    #: date/datetime objects of temporal columns (for the date-of-birth rule)
    dates: list[dt.date] = field(default_factory=list)
    date_counts: list[int] = field(default_factory=list)
    #: numeric values of numeric columns
    numbers: list[float] = field(default_factory=list)
    number_counts: list[int] = field(default_factory=list)
    _cache: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def distinct(self) -> int:
        return len(self.texts)

    @property
    def empty(self) -> bool:
        return self.total == 0

    def share(
        self,
        pred: Callable[[str], object],
        key: str | None = None,
        *,
        probe: int = 0,
        floor: float = 0.0,
        cap: int = 0,
    ) -> float:
        """Share of non-null rows whose value satisfies ``pred`` (cached under ``key``).

        With ``probe``, the first ``probe`` distinct values are tested first; when
        their share is below ``floor`` that estimate is returned (a column that is clearly not
        the entity costs ``probe`` tests, not thousands). With ``cap``, at most that many
        distinct values are tested (for costly tests; the share is an estimate then)."""
        if key is not None and key in self._cache:
            return self._cache[key]
        if not self.total:
            return 0.0
        # counts of the values that pass, summed by ``compress`` over ``map``: no Python loop,
        # and no Python frame at all when ``pred`` is a C function (a bound regex method)
        r = -1.0
        if probe and len(self.texts) > 2 * probe:
            counts = self.counts[:probe]
            seen = sum(counts)
            hit = sum(compress(counts, map(pred, self.texts[:probe])))
            if hit / seen < floor:
                r = hit / seen
        if r < 0:
            texts, counts = self.texts, self.counts
            if cap and len(texts) > cap:
                texts, counts = texts[:cap], counts[:cap]
            hit = sum(compress(counts, map(pred, texts)))
            r = hit / (sum(counts) if cap and counts is not self.counts else self.total)
        if key is not None:
            self._cache[key] = r
        return r

    def distinct_share(self, pred: Callable[[str], object]) -> float:
        if not self.texts:
            return 0.0
        return sum(map(bool, map(pred, self.texts))) / len(self.texts)

    def feature(self, name: str) -> float:
        """Cheap shape features shared by recognizers' column gates."""
        f = _FEATURES[name]
        return self.share(f, key="f:" + name)

    @property
    def avg_len(self) -> float:
        if "avg_len" not in self._cache:
            n = self.total or 1
            self._cache["avg_len"] = sum(map(mul, map(len, self.texts), self.counts)) / n
        return self._cache["avg_len"]

    @property
    def avg_words(self) -> float:
        if "avg_words" not in self._cache:
            n = self.total or 1
            words = map(len, map(str.split, self.texts))
            self._cache["avg_words"] = sum(map(mul, words, self.counts)) / n
        return self._cache["avg_words"]

    @property
    def distinct_ratio(self) -> float:
        return self.distinct / self.total if self.total else 0.0


_DIGIT = re.compile(r"\d")
_ALPHA = re.compile(r"[^\W\d_]")
_NUMERIC_LIKE = re.compile(r"[\d\s()+\-./]+")


# C functions where possible (a match object counts as true): ``share`` then calls them
# without a Python frame per value
_FEATURES: dict[str, Callable[[str], object]] = {
    "at": re.compile("@").search,
    "digit": _DIGIT.search,
    "alpha": _ALPHA.search,
    "space": re.compile(" ").search,
    "digits_only": str.isdigit,
    "numeric_like": lambda t: _NUMERIC_LIKE.fullmatch(t) is not None and _DIGIT.search(t),
    "json": lambda t: t[:1] in "{[" and t[-1:] in "}]",
}


def _text_of(v: Any, kind: ColumnKind) -> tuple[str | None, bool]:
    """(text, mangled) of one cell; text None for a null."""
    tv = type(v)
    if tv is str:  # the common cases first, by exact type (bool is an int, so not here)
        t = v.strip()
        if len(t) <= 6 and t.lower() in NULL_TEXTS:
            return None, False
        return t, _SCI.match(t) is not None
    if tv is float:
        if math.isnan(v) or math.isinf(v):
            return None, False
        if v.is_integer():
            return str(int(v)), abs(v) >= 1e15
        return repr(v), False
    if tv is int:
        return str(v), False
    if v is None:
        return None, False
    if isinstance(v, bool):
        return ("true" if v else "false"), False
    if isinstance(v, int):
        return str(v), False
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return None, False
        if v.is_integer():
            return str(int(v)), abs(v) >= 1e15
        return repr(v), False
    if isinstance(v, decimal.Decimal):
        if not v.is_finite():
            return None, False
        if v == v.to_integral_value():
            return str(int(v)), False
        return format(v.normalize(), "f"), False
    if isinstance(v, dt.datetime | dt.date | dt.time):
        return v.isoformat(), False
    if isinstance(v, bytes | bytearray | memoryview):
        try:
            v = bytes(v).decode("utf-8")
        except UnicodeDecodeError:
            return None, False
    if isinstance(v, dict | list | tuple):
        try:
            return json.dumps(v, default=str, ensure_ascii=False), False
        except (TypeError, ValueError):
            return str(v), False
    t = str(v).strip()
    if t.lower() in NULL_TEXTS:
        return None, False
    if _SCI.match(t):
        return t, True
    return t, False


def _pairs(values: Iterable[Any] | Any) -> Iterable[tuple[Any, int]]:
    """(cell, count) pairs; Arrow arrays are counted in C (``value_counts``)."""
    if hasattr(values, "to_pylist") and hasattr(values, "type"):
        import pyarrow as pa
        import pyarrow.compute as pc

        arr = values
        try:
            if pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type):
                arr = pc.utf8_trim_whitespace(arr)
            if not (pa.types.is_nested(arr.type) or pa.types.is_dictionary(arr.type)):
                vc = pc.value_counts(arr)
                return zip(
                    vc.field("values").to_pylist(), vc.field("counts").to_pylist(), strict=True
                )
        except (pa.ArrowNotImplementedError, pa.ArrowInvalid, pa.ArrowTypeError):
            pass
        return _counted(values.to_pylist())
    return _counted(values if isinstance(values, list | tuple) else list(values))


def _counted(values: list[Any] | tuple[Any, ...]) -> Iterable[tuple[Any, int]]:
    try:
        counted = Counter(values)  # counted in C when every cell is hashable
    except TypeError:  # JSON documents (dicts, lists): counted by their text
        counted = None
    if counted is None or any(issubclass(t, dict | list) for t in set(map(type, counted))):
        counted = Counter(_hashable(v) for v in values)
    return counted.items()


def _by_count(item: tuple[str, int]) -> int:
    return item[1]


def _hashable(v: Any) -> Any:
    if isinstance(v, dict | list):
        return json.dumps(v, default=str, ensure_ascii=False, sort_keys=True)
    return v


def prepare(values: Iterable[Any] | Any, kind: ColumnKind) -> Values:
    """Prepare sampled cells (a sequence, or a pyarrow Array/ChunkedArray) of one column."""
    out = Values(kind=kind)
    # plain dicts, not Counters: a Counter's missing-key hook is a Python call per new value
    texts: dict[str, int] = {}
    dates: dict[dt.date, int] = {}
    numbers: dict[float, int] = {}
    for v, c in _pairs(values):
        t, mangled = _text_of(v, kind)
        if t is None:
            out.nulls += c
            continue
        out.total += c
        out.mangled += c * mangled
        texts[t] = texts.get(t, 0) + c
        tv = type(v)
        if tv is str:
            continue
        if tv is float or tv is int:
            f = float(v)
            numbers[f] = numbers.get(f, 0) + c
        elif isinstance(v, dt.date):
            dates[v] = dates.get(v, 0) + c
        elif isinstance(v, int | float | decimal.Decimal) and not isinstance(v, bool):
            f = float(v)
            numbers[f] = numbers.get(f, 0) + c
    ranked: Iterable[tuple[str, int]] = texts.items()
    if len(texts) > MAX_DISTINCT:  # keep the most frequent
        ranked = sorted(ranked, key=_by_count, reverse=True)[:MAX_DISTINCT]
    for t, c in ranked:
        out.texts.append(t)
        out.counts.append(c)
    if len(texts) > MAX_DISTINCT:
        out.total = sum(out.counts)  # rates over the values kept
    if dates:
        out.dates, out.date_counts = list(dates), list(dates.values())
    if numbers:
        out.numbers, out.number_counts = list(numbers), list(numbers.values())
    return out
