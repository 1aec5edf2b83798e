"""DuckDB's catalog, read directly: duckdb-engine's SQLAlchemy inspector queries PostgreSQL
catalog tables (``pg_collation``) that DuckDB does not provide, so reflection fails there."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from privacy.sources.base import ColumnInfo, ForeignKey
from privacy.sources.kinds import kind_of_type_name

_SCHEMA = "COALESCE(:s, current_schema())"


def table_names(conn: Connection, schema: str | None) -> list[str]:
    rows = conn.execute(
        sa.text(
            "SELECT table_name FROM information_schema.tables "
            f"WHERE table_schema = {_SCHEMA} AND table_type = 'BASE TABLE'"
        ),
        {"s": schema},
    )
    return [r[0] for r in rows]


def columns(conn: Connection, schema: str | None, table: str) -> list[ColumnInfo]:
    rows = conn.execute(
        sa.text(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
            f"WHERE table_schema = {_SCHEMA} AND table_name = :t ORDER BY ordinal_position"
        ),
        {"s": schema, "t": table},
    )
    return [
        ColumnInfo(
            name=name,
            kind=kind_of_type_name(dtype),
            native_type=dtype,
            nullable=nullable == "YES",
        )
        for name, dtype, nullable in rows
    ]


def foreign_keys(conn: Connection, schema: str | None) -> list[ForeignKey]:
    rows = conn.execute(
        sa.text(
            "SELECT table_name, constraint_column_names, referenced_table, "
            "referenced_column_names, constraint_name FROM duckdb_constraints() "
            f"WHERE constraint_type = 'FOREIGN KEY' AND schema_name = {_SCHEMA}"
        ),
        {"s": schema},
    )
    out = [
        ForeignKey(
            table=t,
            columns=tuple(cols),
            ref_table=ref,
            ref_columns=tuple(ref_cols),
            name=name,
        )
        for t, cols, ref, ref_cols, name in rows
    ]
    return sorted(out, key=lambda f: (f.table, f.columns, f.ref_table))
