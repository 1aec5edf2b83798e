"""The guard's view of a batch: column types and bounded samples for every shape."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from privacy.hooks.batch import kind_of_values, view_of
from privacy.sources.base import ColumnKind as K


@pytest.mark.parametrize(
    ("values", "kind"),
    [
        ([1, 2, None], K.INTEGER),
        ([1, 2.5], K.FLOAT),
        ([np.int64(3)], K.INTEGER),
        ([True, False], K.BOOLEAN),
        ([decimal.Decimal("1.5")], K.DECIMAL),
        ([dt.date(2024, 1, 1)], K.DATE),
        ([dt.datetime(2024, 1, 1, 12)], K.DATETIME),
        ([pd.Timestamp("2024-01-01")], K.DATETIME),
        ([b"\x00\x01"], K.BINARY),
        ([{"a": 1}], K.JSON),
        (["a", "b"], K.STRING),
        ([1, "alice@example.com"], K.STRING),  # mixed: read as text
        ([None, None], None),
        ([], None),
    ],
)
def test_kind_of_values(values: list[Any], kind: K | None) -> None:
    assert kind_of_values(values) == kind


def test_pandas_kinds() -> None:
    df = pd.DataFrame(
        {
            "i": [1, 2],
            "f": [1.0, None],
            "b": [True, False],
            "t": pd.to_datetime(["2024-01-01", "2024-01-02"]),
            "s": pd.Series(["x", None], dtype="string"),
            "o": pd.Series(["x", 3], dtype=object),
            "c": pd.Categorical(["a", "b"]),
            "nulls": pd.Series([None, None], dtype=object),
        }
    )
    v = view_of(df)
    kinds = {c: v.kind(c) for c in v.columns}
    assert kinds == {
        "i": K.INTEGER,
        "f": K.FLOAT,
        "b": K.BOOLEAN,
        "t": K.DATETIME,
        "s": K.STRING,
        "o": K.STRING,
        "c": K.STRING,
        "nulls": None,
    }


def test_arrow_kinds_and_null_type() -> None:
    t = pa.table({"n": pa.nulls(3), "d": pa.array([dt.date(2024, 1, 1)] * 3)})
    v = view_of(t)
    assert v.kind("n") is None and v.kind("d") == K.DATE


@pytest.mark.parametrize("shape", ["pandas", "arrow", "arrow_views", "records"])
def test_samples_are_bounded_spread_and_skip_nulls(shape: str) -> None:
    n = 10_000
    col: list[Any] = [None] * n
    for i in range(0, n, 97):
        col[i] = f"v{i}"
    cols = {"x": col, "y": list(range(n))}
    batch: Any
    if shape == "pandas":
        batch = pd.DataFrame(cols)
    elif shape == "arrow":
        batch = pa.table(cols)
    elif shape == "arrow_views":  # delta-rs and Polars hand text over as string_view
        batch = pa.table({"x": pa.array(col, pa.string_view()), "y": cols["y"]})
    else:
        batch = [{"x": a, "y": b} for a, b in zip(col, cols["y"], strict=True)]
    v = view_of(batch)
    s = v.sample("x", 50)
    assert len(s) == 50 and None not in s
    y = v.sample("y", 100)
    assert len(y) == 100 and min(y) < 200 and max(y) > n - 200  # spread over the batch
    assert v.sample("y", 0) == []


def test_record_batch_round_trip() -> None:
    rb = pa.RecordBatch.from_pydict({"a": [1, 2], "b": ["x", "y"]})
    v = view_of(rb)
    out = v.with_arrow(v.to_arrow().set_column(1, "b", pa.array(["p", "q"])))
    assert isinstance(out, pa.RecordBatch) and out.column(1).to_pylist() == ["p", "q"]


def test_pandas_round_trip_keeps_untouched_columns_and_index() -> None:
    df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}, index=["r1", "r2"])
    v = view_of(df)
    same = v.with_arrow(v.to_arrow())
    assert same is df  # nothing changed: the caller's frame comes back
    out = v.with_arrow(v.to_arrow().set_column(1, "b", pa.array(["p", "q"])))
    assert list(out.index) == ["r1", "r2"] and list(out["b"]) == ["p", "q"]
    assert out["a"].dtype == df["a"].dtype and list(df["b"]) == ["x", "y"]


def test_records_with_mixed_types_become_text_for_arrow() -> None:
    rows = [{"id": 1}, {"id": "A-2"}, {"id": None}]
    t = view_of(rows).to_arrow()
    assert t.column("id").to_pylist() == ["1", "A-2", None]


def test_non_string_column_names() -> None:
    df = pd.DataFrame({0: ["a"], 1: ["b"]})
    v = view_of(df)
    assert v.columns == ["0", "1"] and v.sample("1", 5) == ["b"]


def _reference_sample(s: pd.Series, n: int) -> list[Any]:
    """The sample spelled out cell by cell: the non-null cells at ``2n`` spread positions (or,
    when too few hold values, spread over the non-null cells), at most ``n`` of them, as plain
    Python values."""
    from privacy.sources.arrowutil import spread_indices

    def plain(v: Any) -> Any:
        if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
            return None
        if isinstance(v, np.generic):
            return v.item()
        if isinstance(v, pd.Timestamp):
            return v.to_pydatetime()
        return v

    cells = [plain(v) for v in s.tolist()]
    idx = spread_indices(len(cells), 2 * n)
    out = [cells[i] for i in idx if cells[i] is not None]
    if len(out) < n and len(idx) < len(cells):
        present = [c for c in cells if c is not None]
        if len(present) > len(out):
            out = [present[j] for j in spread_indices(len(present), n)]
    return out if len(out) <= n else [out[j] for j in spread_indices(len(out), n)]


def test_pandas_samples_are_the_cells_as_plain_values() -> None:
    n = 3_000
    day = dt.date(2024, 1, 1)
    mixed: list[Any] = [
        [None, np.nan, day, "text", 7, 2.5, np.int64(4), pd.NA, True, dt.datetime(2024, 1, 2)][
            i % 10
        ]
        for i in range(n)
    ]
    df = pd.DataFrame(
        {
            "mixed": pd.Series(mixed, dtype=object),
            "dates": pd.Series([day if i % 3 else None for i in range(n)], dtype=object),
            "text": pd.Series([f"t{i}" if i % 4 else None for i in range(n)], dtype="string"),
            "str": pd.Series([f"s{i}" for i in range(n)], dtype="str"),
            "py_text": pd.Series(
                [f"p{i}" if i % 9 else None for i in range(n)], dtype="string[python]"
            ),
            "arrow_text": pd.Series(
                [f"a{i}" if i % 8 else None for i in range(n)],
                dtype=pd.ArrowDtype(pa.large_string()),
            ),
            "arrow_ints": pd.Series(
                [i if i % 7 else None for i in range(n)], dtype=pd.ArrowDtype(pa.int64())
            ),
            "ints": pd.Series([i if i % 5 else None for i in range(n)], dtype="Int64"),
            "floats": [float(i) if i % 6 else np.nan for i in range(n)],
            "stamps": pd.to_datetime(
                [f"2024-01-{1 + i % 28:02d}" if i % 7 else None for i in range(n)]
            ),
            "sparse": pd.Series(
                [f"x{i}" if i % 400 == 0 else None for i in range(n)], dtype=object
            ),
        }
    )
    v = view_of(df)
    for col in df.columns:
        for k in (1, 32, 200):
            got, want = v.sample(col, k), _reference_sample(df[col], k)
            assert [(type(x), x) for x in got] == [(type(x), x) for x in want], (col, k)
