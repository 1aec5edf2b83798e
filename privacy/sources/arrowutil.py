"""Arrow helpers shared by the adapters: rows -> Table, bounded reservoir, value matching.

Matching rules (the same for SQL binds, Arrow filters and line-by-line rewrites, so lookup,
count and erase always agree): a subject value is compared in the column's type. For integer
columns ``"42"`` and ``42`` both mean 42 and ``"abc"`` matches nothing; for text columns the
value's ``str()`` form is compared exactly (no trimming: the caller normalises identifiers
before asking), or both sides lowercased when the :class:`~privacy.sources.base.Match` says
``fold_case`` (e-mail addresses, user names); other types compare their text forms, exactly.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from privacy.sources.base import ColumnInfo, ColumnKind, Match, fold
from privacy.sources.kinds import ARROW_TYPE

#: values per statement / filter; keeps statements and IN-lists a sane size
BATCH = 1000

SEED = 20240527


def batched(values: Sequence[Any], size: int = BATCH) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


# --- Python rows -> Arrow ------------------------------------------------------------------


def _plain(v: Any) -> Any:
    """A value Arrow can hold; exotic driver types become text."""
    if v is None or isinstance(
        v, str | int | float | bool | bytes | decimal.Decimal | dt.date | dt.time | dt.datetime
    ):
        return v
    if isinstance(v, memoryview | bytearray):
        return bytes(v)
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, dict | list | tuple):
        return json.dumps(v, default=str, ensure_ascii=False)
    return str(v)


def to_arrow_array(values: list[Any], kind: ColumnKind) -> pa.Array:
    """Build a column from Python values, typed by ``kind`` where the values allow.

    Falls back to Arrow's inference, then to text, so one odd value (SQLite lets an INTEGER
    column hold 'n/a') never loses the column."""
    vals = [_plain(v) for v in values]
    if kind in (ColumnKind.JSON, ColumnKind.OTHER):
        vals = [v if v is None or isinstance(v, str) else str(v) for v in vals]
    target = ARROW_TYPE[kind]
    try:
        return pa.array(vals, type=target) if target is not None else pa.array(vals)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        pass
    if kind.is_temporal and all(v is None or isinstance(v, str) for v in vals):
        # SQLite keeps dates as ISO text: parse what parses, keep text otherwise
        try:
            return pa.array(vals, pa.string()).cast(target or pa.timestamp("us"))
        except (pa.ArrowException, ValueError):
            pass
    try:
        return pa.array(vals)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return pa.array(
            [None if v is None else (v.hex() if isinstance(v, bytes) else str(v)) for v in vals],
            type=pa.string(),
        )


def rows_to_table(columns: Sequence[ColumnInfo], rows: Sequence[Sequence[Any]]) -> pa.Table:
    arrays = [to_arrow_array([r[i] for r in rows], c.kind) for i, c in enumerate(columns)]
    return pa.Table.from_arrays(arrays, names=[c.name for c in columns])


# --- bounded reservoir -----------------------------------------------------------------------


def index_array(idx: np.ndarray) -> pa.Array:
    """Row indices as an Arrow array without ``pa.array``, whose pandas check imports pandas
    (~0.2 s) into processes that never use it, such as a `privacy scan` of a CSV file."""
    data = np.ascontiguousarray(idx, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(data), [None, pa.py_buffer(data)])


class Reservoir:
    """A uniform random sample of at most ``n`` rows from a stream of record batches.

    Each row gets a random key; the ``n`` smallest keys seen so far are kept (reservoir
    sampling with random priorities), so memory is bounded by ``n`` rows plus one batch."""

    def __init__(self, n: int, seed: int = SEED) -> None:
        self.n = n
        self.rng = np.random.default_rng(seed)
        self.kept: pa.Table | None = None
        self.keys = np.empty(0)
        self.seen = 0

    def add(self, batch: pa.RecordBatch | pa.Table) -> None:
        rows = batch.num_rows
        if rows == 0 or self.n <= 0:
            self.seen += rows
            return
        table = batch if isinstance(batch, pa.Table) else pa.Table.from_batches([batch])
        keys = self.rng.random(rows)
        self.seen += rows
        if self.kept is not None:
            table = pa.concat_tables([self.kept, table], promote_options="permissive")
            keys = np.concatenate([self.keys, keys])
        if table.num_rows > self.n:
            idx = np.argpartition(keys, self.n - 1)[: self.n]
            idx.sort()
            table = table.take(index_array(idx))
            keys = keys[idx]
        self.kept = table.combine_chunks()
        self.keys = keys

    def result(self, schema: pa.Schema) -> pa.Table:
        if self.kept is None:
            return schema.empty_table()
        return self.kept


def spread_indices(total: int, k: int) -> list[int]:
    """``k`` indices spread evenly over ``range(total)`` (all of them when k >= total)."""
    if k >= total:
        return list(range(total))
    return sorted({int(i * total / k + total / (2 * k)) for i in range(k)})


# --- matching subject values -------------------------------------------------------------------


def _int_or_none(v: Any) -> int | None:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str | decimal.Decimal):
        try:
            d = decimal.Decimal(str(v).strip())
        except decimal.InvalidOperation:
            return None
        if d == d.to_integral_value():
            return int(d)
    return None


def coerce_values(kind: ColumnKind, values: Sequence[Any]) -> list[Any]:
    """The values in the column's type, deduplicated; values that cannot be of it dropped.

    Used for SQL binds: a subject value is data, bound as a parameter of the column's type."""
    out: list[Any] = []
    seen: set[Any] = set()
    for v in values:
        if v is None:
            continue
        c: Any
        if kind is ColumnKind.INTEGER:
            c = _int_or_none(v)
            if c is None:
                continue
        elif kind in (ColumnKind.STRING, ColumnKind.JSON, ColumnKind.OTHER):
            c = v if isinstance(v, str) else str(v)
        else:
            c = v
        key = (type(c).__name__, c)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def as_text(values: Sequence[Any]) -> set[str]:
    """The values as a text column compares them: a string as is, anything else as ``str()``."""
    return {v if isinstance(v, str) else str(v) for v in values if v is not None}


def as_ints(values: Sequence[Any]) -> set[int]:
    """The values that name an integer (``42``, ``"42"``, ``42.0``)."""
    return {i for i in (_int_or_none(v) for v in values) if i is not None}


def text_forms(values: Sequence[Any]) -> set[str]:
    """Text forms for columns of other types (dates, floats) compared as text."""
    out = as_text(values)
    for v in values:
        if isinstance(v, float) and v.is_integer():
            out.add(str(int(v)))
    return out


def _ints_of_type(t: pa.DataType, values: Sequence[Any]) -> pa.Array:
    """The integer values that fit in ``t``: one outside its range cannot match, and a cast
    must never wrap it around onto another subject's id."""
    info = np.iinfo(t.to_pandas_dtype())
    return pa.array(sorted(i for i in as_ints(values) if info.min <= i <= info.max), type=t)


#: Arrow has no ``take`` kernel for view types (delta-rs and Polars write them): what a view
#: column is read as before taking from it
PLAIN_OF_VIEW = {pa.string_view(): pa.large_string(), pa.binary_view(): pa.large_binary()}


def is_text_type(t: pa.DataType) -> bool:
    if pa.types.is_dictionary(t):
        t = t.value_type
    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t)


def folded_text(values: Sequence[Any]) -> set[str]:
    """The values as a case-insensitive text comparison sees them."""
    return {fold(v) for v in as_text(values)}


def match_mask(
    array: pa.Array | pa.ChunkedArray, values: Sequence[Any], fold_case: bool = False
) -> pa.ChunkedArray:
    """Boolean mask: which cells equal one of ``values`` (nulls never match); text cells
    compared lowercased with ``fold_case``."""
    t = array.type
    if pa.types.is_dictionary(t):
        array = array.cast(t.value_type)
        t = t.value_type
    if pa.types.is_integer(t):
        vs: pa.Array = _ints_of_type(t, values)
        col = array
    elif is_text_type(t) and fold_case:
        vs = pa.array(sorted(folded_text(values)), type=pa.string())
        col = pc.utf8_lower(array.cast(pa.string()))
    elif is_text_type(t):
        vs = pa.array(sorted(as_text(values)), type=pa.string())
        col = array.cast(pa.string())
    else:
        vs = pa.array(sorted(text_forms(values)), type=pa.string())
        col = array.cast(pa.string())
    mask = pc.is_in(col, value_set=vs)
    return pc.fill_null(mask, False)


def matches_mask(table: pa.Table | pa.RecordBatch, matches: Sequence[Match]) -> pa.ChunkedArray:
    """Rows of ``table`` matching any of ``matches``."""
    masks = [match_mask(table.column(m.column), m.values, m.fold_case) for m in matches]
    if not masks:
        return pa.chunked_array([pa.array([False] * table.num_rows, pa.bool_())])
    out = masks[0]
    for m in masks[1:]:
        out = pc.or_(out, m)
    return out


def arrow_literal_values(t: pa.DataType, values: Sequence[Any]) -> pa.Array | None:
    """``values`` as an array of type ``t`` for a dataset filter; None if they cannot be."""
    if pa.types.is_dictionary(t):
        t = t.value_type
    if pa.types.is_integer(t):
        return _ints_of_type(t, values)
    if is_text_type(t):
        return pa.array([str(v) for v in values if v is not None], type=t)
    return None
