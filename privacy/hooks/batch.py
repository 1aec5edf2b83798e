"""One read-only view over the batch shapes ETL jobs hand the guard.

A pandas DataFrame, a pyarrow Table or RecordBatch, or a list of dicts. The guard needs the
column names, each column's logical type, the row count and a bounded sample of each column's
non-null values; protection needs the batch as Arrow and back in the caller's shape. Nothing
here copies the whole batch unless protection actually changes a column: Arrow input is read
in place, and only the sampled rows of a DataFrame or a list of dicts are converted.
"""

from __future__ import annotations

import datetime as dt
import decimal
import sys
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc

from privacy.errors import PrivacyError
from privacy.sources.arrowutil import PLAIN_OF_VIEW, is_text_type, spread_indices
from privacy.sources.base import ColumnKind
from privacy.sources.kinds import kind_of_arrow_type

if TYPE_CHECKING:
    import pandas as pd


class BatchTypeError(PrivacyError):
    """The guard was handed something it cannot read as a batch."""

    exit_code = 2


#: values read to tell the type of an untyped column (object dtype, dict values)
KIND_SAMPLE = 64

SUPPORTED = "a pandas DataFrame, a pyarrow Table or RecordBatch, or a list of dicts"


def _is_dataframe(obj: Any) -> bool:
    mod = type(obj).__module__
    if not mod.startswith("pandas"):
        return False
    import pandas as pd

    return isinstance(obj, pd.DataFrame)


def _check_names(names: Sequence[Any]) -> list[str]:
    out = [str(n) for n in names]
    if len(set(out)) != len(out):
        dup = sorted({n for n in out if out.count(n) > 1})
        raise BatchTypeError(
            f"the batch has duplicate column names: {', '.join(dup)}",
            hint="rename or drop the duplicates before loading; the guard cannot tell them apart",
        )
    return out


#: Python types whose logical type the chain in :func:`kind_of_values` gives by their class
_KIND_OF_TYPE: dict[type, ColumnKind] = {
    bool: ColumnKind.BOOLEAN,
    int: ColumnKind.INTEGER,
    float: ColumnKind.FLOAT,
    decimal.Decimal: ColumnKind.DECIMAL,
    dt.datetime: ColumnKind.DATETIME,
    dt.date: ColumnKind.DATE,
    dt.time: ColumnKind.TIME,
    bytes: ColumnKind.BINARY,
    dict: ColumnKind.JSON,
    list: ColumnKind.JSON,
    tuple: ColumnKind.JSON,
    str: ColumnKind.STRING,
}


def kind_of_values(values: Sequence[Any]) -> ColumnKind | None:
    """The logical type of Python values (None when there is no non-null value)."""
    import numpy as np

    kinds: set[ColumnKind] = set()
    for v in values:
        if v is None:
            continue
        exact = _KIND_OF_TYPE.get(type(v))
        if exact is not None:  # the plain types, without the chain below
            kinds.add(exact)
        elif isinstance(v, bool | np.bool_):
            kinds.add(ColumnKind.BOOLEAN)
        elif isinstance(v, int | np.integer):
            kinds.add(ColumnKind.INTEGER)
        elif isinstance(v, float | np.floating):
            kinds.add(ColumnKind.FLOAT)
        elif isinstance(v, decimal.Decimal):
            kinds.add(ColumnKind.DECIMAL)
        elif isinstance(v, dt.datetime):
            kinds.add(ColumnKind.DATETIME)
        elif isinstance(v, dt.date):
            kinds.add(ColumnKind.DATE)
        elif isinstance(v, dt.time):
            kinds.add(ColumnKind.TIME)
        elif isinstance(v, bytes | bytearray | memoryview):
            kinds.add(ColumnKind.BINARY)
        elif isinstance(v, dict | list | tuple):
            kinds.add(ColumnKind.JSON)
        else:
            kinds.add(ColumnKind.STRING)
    if not kinds:
        return None
    if len(kinds) == 1:
        return kinds.pop()
    if kinds <= {ColumnKind.INTEGER, ColumnKind.FLOAT, ColumnKind.DECIMAL}:
        return ColumnKind.FLOAT if ColumnKind.FLOAT in kinds else ColumnKind.DECIMAL
    # mixed types: read every value as text (an id column that also holds emails is text)
    return ColumnKind.STRING


@lru_cache(maxsize=256)
def _positions(total: int, k: int) -> tuple[int, ...]:
    """:func:`spread_indices`, remembered: batches of a job have the same few sizes."""
    return tuple(spread_indices(total, k))


@lru_cache(maxsize=256)
def _arrow_positions(total: int, k: int) -> pa.Array:
    return pa.array(_positions(total, k), pa.int64())


def _is_null(v: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(v != v)  # NaN, NaT
    except (TypeError, ValueError):
        # pandas.NA (the missing value of nullable dtypes): its comparisons are NA, whose
        # truth is undefined; pandas is loaded whenever such a value exists
        pd = sys.modules.get("pandas")
        return pd is not None and v is pd.NA


#: cells already plain (and never null but for NaN): passed through as they are
_PLAIN_TYPES = frozenset({str, int, dt.date, dt.datetime, bool})


def _plain(v: Any) -> Any:
    """numpy and pandas scalars as plain Python values (the classifier reads Python values)."""
    tv = type(v)
    if tv in _PLAIN_TYPES:
        return v
    if tv is float:
        return None if v != v else v
    if _is_null(v):
        return None
    item = getattr(v, "item", None)
    if item is not None and type(v).__module__ == "numpy":
        return item()
    to_py = getattr(v, "to_pydatetime", None)
    if to_py is not None:
        return to_py()
    return v


def _spread(values: list[Any], n: int) -> list[Any]:
    """At most ``n`` of ``values``, spread over them (never just the first ``n``)."""
    if len(values) <= n:
        return values
    return [values[i] for i in _positions(len(values), n)]


class BatchView:
    """What the guard reads from a batch. Build with :func:`view_of`."""

    shape: str  # "arrow" | "record_batch" | "pandas" | "records"
    columns: list[str]
    rows: int

    def __init__(self, original: Any) -> None:
        self.original = original
        self._kinds: dict[str, ColumnKind | None] = {}
        #: columns that are a DataFrame's index levels: checked like columns, but the guard
        #: cannot protect them in place (see ``Guard.__call__``)
        self.index_levels: dict[str, int] = {}

    def kind(self, column: str) -> ColumnKind | None:
        """The column's logical type; None when it cannot be told (no values at all)."""
        if column not in self._kinds:
            self._kinds[column] = self._kind(column)
        return self._kinds[column]

    def _kind(self, column: str) -> ColumnKind | None:
        raise NotImplementedError

    def sample(self, column: str, n: int) -> list[Any]:
        """Up to ``n`` non-null values of ``column``, spread over the batch."""
        raise NotImplementedError

    def to_arrow(self) -> pa.Table:
        raise NotImplementedError

    def with_arrow(self, table: pa.Table) -> Any:
        """The batch in its original shape with the columns of ``table`` that differ from it."""
        raise NotImplementedError


class ArrowView(BatchView):
    def __init__(self, original: pa.Table | pa.RecordBatch) -> None:
        super().__init__(original)
        self.shape = "record_batch" if isinstance(original, pa.RecordBatch) else "arrow"
        self.table = (
            pa.Table.from_batches([original]) if isinstance(original, pa.RecordBatch) else original
        )
        self.columns = _check_names(self.table.column_names)
        self.rows = self.table.num_rows
        self._types = dict(zip(self.columns, self.table.schema.types, strict=True))

    def _kind(self, column: str) -> ColumnKind | None:
        t = self._types[column]
        if pa.types.is_null(t):
            return None
        return kind_of_arrow_type(t)

    def sample(self, column: str, n: int) -> list[Any]:
        col = self.table.column(column)
        if col.type in PLAIN_OF_VIEW:  # as delta-rs and Polars hand text over
            col = col.cast(PLAIN_OF_VIEW[col.type])
        nulls = col.null_count
        if nulls >= len(col) or n <= 0:
            return []
        if nulls:
            if nulls * 2 <= len(col):
                # most cells hold values: twice as many spread positions are plenty
                taken = pc.drop_null(col.take(_arrow_positions(len(col), 2 * n)))
                if len(taken) >= min(n, len(col) - nulls):
                    return taken.take(_arrow_positions(len(taken), n)).to_pylist()
            col = pc.drop_null(col)
        return col.take(_arrow_positions(len(col), n)).to_pylist()

    def to_arrow(self) -> pa.Table:
        return self.table

    def with_arrow(self, table: pa.Table) -> Any:
        if self.shape == "record_batch":
            table = table.combine_chunks()
            batches = table.to_batches()
            return batches[0] if batches else pa.RecordBatch.from_pylist([], schema=table.schema)
        return table


class PandasView(BatchView):
    def __init__(self, original: pd.DataFrame) -> None:
        super().__init__(original)
        self.shape = "pandas"
        if getattr(original.columns, "nlevels", 1) > 1:
            raise BatchTypeError(
                "the DataFrame has multi-level column names",
                hint="flatten the columns (df.columns = ['_'.join(c) for c in df.columns])",
            )
        self.df = original
        self.columns = _check_names(list(original.columns))
        self._by_name = dict(zip(self.columns, original.columns, strict=True))
        import pandas as pd

        idx = original.index
        if not (isinstance(idx, pd.RangeIndex) and idx.name is None):
            # an index carries data (``set_index('email')``) and `to_parquet` keeps it
            for i, name in enumerate(idx.names):
                label = (
                    str(name)
                    if name is not None
                    else ("index" if idx.nlevels == 1 else f"level_{i}")
                )
                if label not in self._by_name:
                    self.index_levels[label] = i
            self.columns = [*self.columns, *self.index_levels]
        self.rows = len(original)
        self._dtypes: dict[str, Any] | None = None
        self._series_of: dict[str, Any] = {}
        self._arrow: pa.Table | None = None

    def _series(self, column: str) -> Any:
        s = self._series_of.get(column)
        if s is None:  # a Series is built on each access: once per column is enough
            if column in self.index_levels:
                import pandas as pd

                level = self.df.index.get_level_values(self.index_levels[column])
                s = pd.Series(level, copy=False)
            else:
                s = self.df[self._by_name[column]]
            self._series_of[column] = s
        return s

    def _dtype(self, column: str) -> Any:
        if column in self.index_levels:
            return self._series(column).dtype
        if self._dtypes is None:  # every column's dtype at once, without building Series
            # _by_name holds the frame's columns in order (index levels are not among them)
            self._dtypes = dict(zip(self._by_name, self.df.dtypes, strict=True))
        return self._dtypes[column]

    def _kind(self, column: str) -> ColumnKind | None:
        import pandas as pd

        d = self._dtype(column)
        if isinstance(d, pd.CategoricalDtype):
            return kind_of_values(list(d.categories[:50]))
        kind = _kind_of_dtype(d)
        if kind is not None:
            return kind
        return kind_of_values(self.sample(column, KIND_SAMPLE))

    def _take(self, s: Any, k: int) -> list[Any]:
        """The cells of ``s`` at ``k`` spread positions (:func:`_positions`), plain values."""
        import pandas as pd

        arr = s.array  # no index work
        if s.dtype == object and type(arr).__name__ == "NumpyExtensionArray":
            # the same objects, without pandas' take
            cells = s.to_numpy()[list(_positions(len(s), k))].tolist()
        elif isinstance(arr, pd.arrays.ArrowExtensionArray) and is_text_type(
            (data := pa.array(arr)).type
        ):
            # Arrow-backed text (pandas' str dtype): taken by Arrow, already plain: str, or
            # None where pandas gives its missing value (NaN or NA, None once plain)
            text: list[Any] = data.take(_arrow_positions(len(s), k)).to_pylist()
            return text
        else:
            cells = arr.take(list(_positions(len(s), k))).tolist()
        return [_plain(v) for v in cells]

    def sample(self, column: str, n: int) -> list[Any]:
        s = self._series(column)
        if n <= 0 or not len(s):
            return []
        out = [v for v in self._take(s, 2 * n) if v is not None]
        if len(out) < n and min(2 * n, len(s)) < len(s):
            # sparse column: look at the non-null cells only (costs a pass over the column)
            nn = s[s.notna()]
            if len(nn) > len(out):
                out = [v for v in self._take(nn, n) if v is not None]
        return _spread(out, n)

    def to_arrow(self) -> pa.Table:
        # once per view: protection reads it, and with_arrow compares against it
        if self._arrow is None:
            self._arrow = pa.Table.from_pandas(self.df, preserve_index=False)
        return self._arrow

    def with_arrow(self, table: pa.Table) -> Any:
        original = self.to_arrow()
        out = None
        for name in table.column_names:
            if name in original.column_names and table.column(name).equals(original.column(name)):
                continue
            if out is None:
                out = self.df.copy()
            values = table.column(name).to_pandas()
            values.index = self.df.index
            out[self._by_name.get(name, name)] = values
        return self.df if out is None else out


_DTYPE_KINDS: dict[Any, ColumnKind | None] = {}


def _kind_of_dtype(d: Any) -> ColumnKind | None:
    """The logical type a (non-categorical) pandas dtype says; None when the values must tell
    (object columns). Remembered per dtype."""
    try:
        return _DTYPE_KINDS[d]
    except KeyError:
        pass
    except TypeError:  # an unhashable dtype: just work it out
        return _dtype_kind(d)
    kind = _DTYPE_KINDS[d] = _dtype_kind(d)
    return kind


def _dtype_kind(d: Any) -> ColumnKind | None:
    from pandas.api import types as pt

    if pt.is_bool_dtype(d):
        return ColumnKind.BOOLEAN
    if pt.is_integer_dtype(d):
        return ColumnKind.INTEGER
    if pt.is_float_dtype(d):
        return ColumnKind.FLOAT
    if pt.is_datetime64_any_dtype(d):
        return ColumnKind.DATETIME
    if pt.is_timedelta64_dtype(d):
        return ColumnKind.OTHER
    if not pt.is_object_dtype(d) and pt.is_string_dtype(d):
        return ColumnKind.STRING
    return None


class RecordsView(BatchView):
    def __init__(self, original: Sequence[Mapping[str, Any]]) -> None:
        super().__init__(original)
        self.shape = "records"
        names: dict[str, None] = {}
        first: Any = None
        for i, row in enumerate(original):
            if not isinstance(row, Mapping):
                raise BatchTypeError(
                    f"row {i} of the batch is a {type(row).__name__}, not a dict",
                    hint=f"pass {SUPPORTED}",
                )
            keys = row.keys()
            if keys != first:  # most rows share one key set: skip the per-key work
                for k in keys:
                    names.setdefault(k, None)
                first = keys
        self.rows_ = original
        self._arrow: pa.Table | None = None
        self.columns = _check_names(list(names))
        self._by_name = dict(zip(self.columns, names, strict=True))
        self.rows = len(original)

    def _values(self, column: str, idx: Sequence[int]) -> list[Any]:
        key = self._by_name[column]
        rows = self.rows_
        return [_plain(rows[i].get(key)) for i in idx]

    def _kind(self, column: str) -> ColumnKind | None:
        return kind_of_values(self.sample(column, KIND_SAMPLE))

    def sample(self, column: str, n: int) -> list[Any]:
        if n <= 0 or not self.rows:
            return []
        idx = _positions(self.rows, 2 * n)
        out = [v for v in self._values(column, idx) if v is not None]
        if len(out) < n and len(idx) < self.rows:
            key = self._by_name[column]
            present = [i for i, r in enumerate(self.rows_) if r.get(key) is not None]
            if len(present) > len(out):
                pick = [present[j] for j in _positions(len(present), n)]
                out = [v for v in self._values(column, pick) if v is not None]
        return _spread(out, n)

    def _array(self, column: str) -> pa.Array:
        vals = self._values(column, range(self.rows))
        try:
            return pa.array(vals)
        except (pa.ArrowException, TypeError, ValueError, OverflowError):
            # mixed types (an id column that also holds text): carry them as text
            return pa.array([None if v is None else str(v) for v in vals], type=pa.string())

    def to_arrow(self) -> pa.Table:
        # once per view: protection reads it, and with_arrow compares against it
        if self._arrow is None:
            arrays = [self._array(c) for c in self.columns]
            self._arrow = pa.Table.from_arrays(arrays, names=self.columns)
        return self._arrow

    def with_arrow(self, table: pa.Table) -> Any:
        original = self.to_arrow()
        changed = [
            c
            for c in table.column_names
            if c not in original.column_names or not table.column(c).equals(original.column(c))
        ]
        if not changed:
            return self.original
        new = {c: table.column(c).to_pylist() for c in changed}
        out: list[dict[str, Any]] = []
        for i, row in enumerate(self.rows_):
            r = dict(row)
            for c, vals in new.items():
                key = self._by_name.get(c, c)
                if key in r or vals[i] is not None:
                    r[key] = vals[i]
            out.append(r)
        return out


def view_of(batch: Any) -> BatchView:
    """A view over ``batch``; raises :class:`BatchTypeError` for anything else."""
    if isinstance(batch, pa.Table | pa.RecordBatch):
        return ArrowView(batch)
    if _is_dataframe(batch):
        return PandasView(batch)
    if isinstance(batch, list | tuple):
        return RecordsView(batch)
    raise BatchTypeError(
        f"cannot guard a {type(batch).__module__}.{type(batch).__name__}",
        hint=f"pass {SUPPORTED}",
    )
