"""Shared pieces of the adapters: type mapping, value matching, reservoir, sample planning."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid

import pyarrow as pa
import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.dialects import mysql, postgresql

from privacy.sources.arrowutil import (
    Reservoir,
    as_ints,
    coerce_values,
    match_mask,
    rows_to_table,
    spread_indices,
)
from privacy.sources.base import ColumnInfo, ColumnKind, EraseResult
from privacy.sources.kinds import kind_of_arrow_type, kind_of_sql_type, kind_of_type_name
from privacy.sources.rowgroups import _apportion, _spread_order


@pytest.mark.parametrize(
    ("t", "kind"),
    [
        (sa.Integer(), ColumnKind.INTEGER),
        (sa.BigInteger(), ColumnKind.INTEGER),
        (sa.Boolean(), ColumnKind.BOOLEAN),
        (sa.Float(), ColumnKind.FLOAT),
        (postgresql.DOUBLE_PRECISION(), ColumnKind.FLOAT),
        (sa.Numeric(10, 2), ColumnKind.DECIMAL),
        (sa.String(50), ColumnKind.STRING),
        (sa.Text(), ColumnKind.STRING),
        (postgresql.UUID(), ColumnKind.STRING),
        (postgresql.INET(), ColumnKind.STRING),
        (sa.Enum("a", "b"), ColumnKind.STRING),
        (sa.Date(), ColumnKind.DATE),
        (sa.DateTime(timezone=True), ColumnKind.DATETIME),
        (sa.Time(), ColumnKind.TIME),
        (sa.LargeBinary(), ColumnKind.BINARY),
        (postgresql.BYTEA(), ColumnKind.BINARY),
        (postgresql.JSONB(), ColumnKind.JSON),
        (mysql.YEAR(), ColumnKind.INTEGER),
        (mysql.SET("a", "b"), ColumnKind.STRING),
        (sa.types.NullType(), ColumnKind.OTHER),
        (postgresql.INTERVAL(), ColumnKind.OTHER),
    ],
)
def test_sql_types(t: object, kind: ColumnKind) -> None:
    assert kind_of_sql_type(t) is kind


@pytest.mark.parametrize(
    ("t", "kind"),
    [
        (pa.int8(), ColumnKind.INTEGER),
        (pa.uint64(), ColumnKind.INTEGER),
        (pa.float32(), ColumnKind.FLOAT),
        (pa.decimal128(10, 2), ColumnKind.DECIMAL),
        (pa.string(), ColumnKind.STRING),
        (pa.large_string(), ColumnKind.STRING),
        (pa.string_view(), ColumnKind.STRING),
        (pa.dictionary(pa.int32(), pa.string()), ColumnKind.STRING),
        (pa.bool_(), ColumnKind.BOOLEAN),
        (pa.date32(), ColumnKind.DATE),
        (pa.timestamp("us", tz="UTC"), ColumnKind.DATETIME),
        (pa.time64("us"), ColumnKind.TIME),
        (pa.binary(), ColumnKind.BINARY),
        (pa.struct([("a", pa.int32())]), ColumnKind.JSON),
        (pa.list_(pa.string()), ColumnKind.JSON),
        (pa.null(), ColumnKind.OTHER),
    ],
)
def test_arrow_types(t: pa.DataType, kind: ColumnKind) -> None:
    assert kind_of_arrow_type(t) is kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("BIGINT", ColumnKind.INTEGER),
        ("DECIMAL(18,3)", ColumnKind.DECIMAL),
        ("TIMESTAMP WITH TIME ZONE", ColumnKind.DATETIME),
        ("VARCHAR", ColumnKind.STRING),
        ("UUID", ColumnKind.STRING),
        ("INTEGER[]", ColumnKind.JSON),
        ("STRUCT(a BIGINT)", ColumnKind.JSON),
        ("BLOB", ColumnKind.BINARY),
        ("INTERVAL", ColumnKind.OTHER),
    ],
)
def test_duckdb_type_names(name: str, kind: ColumnKind) -> None:
    assert kind_of_type_name(name) is kind


def test_integer_columns_match_by_value_and_never_wrap() -> None:
    col = pa.array([1, 2, None, 300, -1], pa.int16())
    got = match_mask(col, ["2", 300, "abc", 2**40, 1.0, 65836]).to_pylist()
    # 65836 would wrap to 300 in int16: it must not match
    assert got == [True, True, False, True, False]


def test_text_columns_match_exactly() -> None:
    col = pa.array(["Alice@x.org", "alice@x.org", "42", None])
    assert match_mask(col, ["alice@x.org", 42]).to_pylist() == [False, True, True, False]


def test_coerce_values_drops_what_cannot_match_and_dedupes() -> None:
    assert coerce_values(ColumnKind.INTEGER, ["1", 1, "x", None, 2.0, "3.5"]) == [1, 2]
    assert coerce_values(ColumnKind.STRING, [1, "1", None, "a"]) == ["1", "a"]
    assert as_ints(["007", "1e3", True]) == {7, 1000, 1}


def test_rows_to_table_keeps_types_and_survives_odd_values() -> None:
    cols = [
        ColumnInfo("id", ColumnKind.INTEGER),
        ColumnInfo("email", ColumnKind.STRING),
        ColumnInfo("born", ColumnKind.DATE),
        ColumnInfo("u", ColumnKind.STRING),
        ColumnInfo("amount", ColumnKind.DECIMAL),
        ColumnInfo("blob", ColumnKind.BINARY),
        ColumnInfo("doc", ColumnKind.JSON),
    ]
    u = uuid.uuid4()
    rows = [
        (
            1,
            "a@x.org",
            dt.date(2000, 1, 2),
            u,
            decimal.Decimal("1.50"),
            memoryview(b"\x00"),
            {"a": 1},
        ),
        ("n/a", None, None, None, None, None, None),  # SQLite lets INTEGER hold text
    ]
    t = rows_to_table(cols, rows)
    assert t.schema.field("email").type == pa.string()
    assert t.schema.field("born").type == pa.date32()
    assert t.column("u").to_pylist() == [str(u), None]
    assert t.column("blob").to_pylist() == [b"\x00", None]
    assert t.column("doc").to_pylist() == ['{"a": 1}', None]
    assert t.column("id").to_pylist() == ["1", "n/a"]  # fell back to text, lost nothing


def test_reservoir_is_bounded_and_uniform() -> None:
    res = Reservoir(500, seed=1)
    for i in range(100):
        res.add(pa.table({"x": list(range(i * 1000, (i + 1) * 1000))}))
        assert res.kept is not None and res.kept.num_rows <= 500
    xs = res.result(pa.schema([("x", pa.int64())])).column("x").to_pylist()
    assert len(xs) == len(set(xs)) == 500
    # spread over the whole stream: each tenth holds roughly a tenth of the sample
    tenths = [sum(1 for x in xs if k * 10_000 <= x < (k + 1) * 10_000) for k in range(10)]
    assert min(tenths) > 25, tenths


@given(st.integers(1, 5000), st.lists(st.integers(1, 10_000), min_size=1, max_size=40))
def test_apportion_splits_exactly_within_sizes(n: int, sizes: list[int]) -> None:
    n = min(n, sum(sizes))
    q = _apportion(n, sizes)
    assert sum(q) == n
    assert all(0 <= a <= s for a, s in zip(q, sizes, strict=True))


@given(st.integers(1, 3000))
def test_spread_order_is_a_permutation_whose_prefixes_spread(k: int) -> None:
    order = _spread_order(k)
    assert sorted(order) == list(range(k))
    if k >= 16:
        first = sorted(order[:8])
        assert first[0] < k / 4 and first[-1] > 3 * k / 4


def test_spread_indices() -> None:
    assert spread_indices(10, 20) == list(range(10))
    got = spread_indices(1000, 4)
    assert len(got) == 4 and got[0] < 250 <= got[1] < 500 <= got[2] < 750 <= got[3]


def test_erase_result_reads_as_rows() -> None:
    r = EraseResult(rows=3, files_rewritten=1, purged=True)
    assert int(r) == 3 and r.statements == 0
