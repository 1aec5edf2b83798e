"""Native column types -> :class:`ColumnKind`, and ColumnKind -> the Arrow type of a sample.

Two native type systems reach the toolkit: SQLAlchemy's (reflected from databases, generic
classes shared by every dialect) and Arrow's (Parquet, CSV, JSON lines, Delta). Both are mapped
here so every adapter agrees on what a "string" or a "datetime" column is.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from privacy.sources.base import ColumnKind


def kind_of_sql_type(t: Any) -> ColumnKind:
    """Kind of a reflected SQLAlchemy type instance (any dialect)."""
    if isinstance(t, sa.types.TypeDecorator):
        t = t.impl_instance
    # order matters: Boolean before Integer, Float before Numeric, JSON/Uuid before String
    if isinstance(t, sa.Boolean):
        return ColumnKind.BOOLEAN
    if isinstance(t, sa.Integer):
        return ColumnKind.INTEGER
    if isinstance(t, sa.Float):
        return ColumnKind.FLOAT
    if isinstance(t, sa.Numeric):
        # NUMERIC(p, 0) holds whole numbers, but they may exceed int64: keep decimals exact
        return ColumnKind.DECIMAL
    if isinstance(t, sa.DateTime):
        return ColumnKind.DATETIME
    if isinstance(t, sa.Date):
        return ColumnKind.DATE
    if isinstance(t, sa.Time):
        return ColumnKind.TIME
    if isinstance(t, sa.JSON):
        return ColumnKind.JSON
    if isinstance(t, sa.types._Binary):
        return ColumnKind.BINARY
    if isinstance(t, sa.Uuid | pg.INET | pg.CIDR | pg.MACADDR | sa.String | sa.Enum):
        # UUIDs and network addresses identify people and devices: scan them as text
        return ColumnKind.STRING
    if isinstance(t, sa.types.NullType):
        # SQLite columns without a declared type, and types a dialect cannot reflect
        return ColumnKind.OTHER
    name = type(t).__name__.upper()
    if name in ("YEAR",):
        return ColumnKind.INTEGER
    if name in ("BIT", "VARBINARY", "BLOB", "BYTEA"):
        return ColumnKind.BINARY
    return ColumnKind.OTHER


def kind_of_arrow_type(t: pa.DataType) -> ColumnKind:
    """Kind of an Arrow type (Parquet, CSV, JSON lines and Delta columns)."""
    if pa.types.is_dictionary(t):
        return kind_of_arrow_type(t.value_type)
    if pa.types.is_boolean(t):
        return ColumnKind.BOOLEAN
    if pa.types.is_integer(t):
        return ColumnKind.INTEGER
    if pa.types.is_floating(t):
        return ColumnKind.FLOAT
    if pa.types.is_decimal(t):
        return ColumnKind.DECIMAL
    if pa.types.is_timestamp(t) or pa.types.is_date64(t):
        return ColumnKind.DATETIME
    if pa.types.is_date32(t):
        return ColumnKind.DATE
    if pa.types.is_time(t):
        return ColumnKind.TIME
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return ColumnKind.STRING
    if (
        pa.types.is_binary(t)
        or pa.types.is_large_binary(t)
        or pa.types.is_fixed_size_binary(t)
        or pa.types.is_binary_view(t)
    ):
        return ColumnKind.BINARY
    if pa.types.is_struct(t) or pa.types.is_list(t) or pa.types.is_map(t):
        return ColumnKind.JSON
    return ColumnKind.OTHER


#: the Arrow type a sample column of each kind is built as (None: let Arrow infer)
ARROW_TYPE: dict[ColumnKind, pa.DataType | None] = {
    ColumnKind.STRING: pa.string(),
    ColumnKind.INTEGER: pa.int64(),
    ColumnKind.FLOAT: pa.float64(),
    ColumnKind.DECIMAL: None,
    ColumnKind.BOOLEAN: pa.bool_(),
    ColumnKind.DATE: pa.date32(),
    ColumnKind.DATETIME: None,  # naive or with a time zone: inferred from the values
    ColumnKind.TIME: pa.time64("us"),
    ColumnKind.BINARY: pa.binary(),
    ColumnKind.JSON: pa.string(),
    ColumnKind.OTHER: pa.string(),
}


_NAME_KINDS: tuple[tuple[tuple[str, ...], ColumnKind], ...] = (
    (("BOOL",), ColumnKind.BOOLEAN),
    (
        (
            "TINYINT",
            "SMALLINT",
            "INTEGER",
            "BIGINT",
            "HUGEINT",
            "UTINYINT",
            "USMALLINT",
            "UINTEGER",
            "UBIGINT",
            "UHUGEINT",
            "INT",
        ),
        ColumnKind.INTEGER,
    ),
    (("DOUBLE", "FLOAT", "REAL"), ColumnKind.FLOAT),
    (("DECIMAL", "NUMERIC"), ColumnKind.DECIMAL),
    (
        ("TIMESTAMP", "DATETIME", "TIMESTAMPTZ", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS"),
        ColumnKind.DATETIME,
    ),
    (("DATE",), ColumnKind.DATE),
    (("TIME", "TIMETZ"), ColumnKind.TIME),
    (("VARCHAR", "TEXT", "STRING", "CHAR", "UUID", "ENUM"), ColumnKind.STRING),
    (("BLOB", "BYTEA", "BIT", "VARBINARY"), ColumnKind.BINARY),
    (("JSON", "STRUCT", "MAP", "LIST", "UNION"), ColumnKind.JSON),
)


def kind_of_type_name(name: str) -> ColumnKind:
    """Kind of a type given by name, as DuckDB's information_schema spells it."""
    upper = name.strip().upper()
    if upper.endswith("]"):  # INTEGER[], VARCHAR[3]
        return ColumnKind.JSON
    base = upper.split("(", 1)[0].split(" ", 1)[0]
    for names, kind in _NAME_KINDS:
        if base in names:
            return kind
    return ColumnKind.OTHER
