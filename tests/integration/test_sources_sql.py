"""The SQL adapter on every engine it supports: SQLite, DuckDB, PostgreSQL, MariaDB.

The same behaviour is asserted on each real engine; engine-specific faults (permissions,
unreachable servers) live in test_sources_postgres.py / test_sources_mysql.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from privacy.errors import SourceNotFoundError
from privacy.sources import (
    ColumnKind,
    ForeignKey,
    SupportsErase,
    SupportsLookup,
    SupportsRelations,
    SupportsSample,
    open_source,
)
from privacy.sources.sql import SqlSource

ENGINES = ["sqlite", "duckdb", "postgresql", "mysql"]
BIG = 60_000

BULK = {
    "postgresql": "INSERT INTO big (id, email) SELECT g, 'user' || g || '@example.com' "
    "FROM generate_series(1, {n}) g",
    "mysql": "INSERT INTO big (id, email) SELECT seq, concat('user', seq, '@example.com') "
    "FROM seq_1_to_{n}",
    "sqlite": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {n}) "
    "INSERT INTO big (id, email) SELECT x, 'user' || x || '@example.com' FROM c",
    "duckdb": "INSERT INTO big SELECT i, 'user' || i || '@example.com' FROM range(1, {n} + 1) t(i)",
}


def _schema(md: sa.MetaData) -> None:
    sa.Table(
        "customers",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("Full Name", sa.String(200)),
        sa.Column("born", sa.Date),
        sa.Column("avatar", sa.LargeBinary),
        sa.Column("notes", sa.Text),  # always NULL
        sa.Column("balance", sa.Numeric(10, 2)),
    )
    sa.Table(
        "orders",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id")),
        sa.Column("a", sa.Integer, nullable=False),
        sa.Column("b", sa.Integer, nullable=False),
        sa.UniqueConstraint("a", "b"),
    )
    sa.Table(
        "order lines",  # a name that needs quoting
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("order_a", sa.Integer),
        sa.Column("order_b", sa.Integer),
        sa.Column("E-Mail", sa.String(200)),
        sa.Column("select", sa.String(50)),  # a reserved word
        sa.ForeignKeyConstraint(["order_a", "order_b"], ["orders.a", "orders.b"]),
    )
    sa.Table(
        "big",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("email", sa.String(200)),
    )
    sa.Table("empty", md, sa.Column("id", sa.Integer, primary_key=True, autoincrement=False))


@pytest.fixture(params=ENGINES)
def engine_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(engine_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if engine_kind == "sqlite":
        return f"sqlite:///{tmp_path / 'w.db'}"
    if engine_kind == "duckdb":
        return f"duckdb:///{tmp_path / 'w.duckdb'}"
    return str(request.getfixturevalue("pg_url" if engine_kind == "postgresql" else "mysql_url"))


@pytest.fixture
def source(db_url: str, engine_kind: str) -> Iterator[SqlSource]:
    eng = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    md = sa.MetaData()
    _schema(md)
    md.create_all(eng)
    with eng.begin() as c:
        c.execute(
            md.tables["customers"].insert(),
            [
                {
                    "id": i,
                    "email": f"person{i}@example.com",
                    "Full Name": f"Person {i}",
                    "born": dt.date(1980, 1, 1) + dt.timedelta(days=i),
                    "avatar": bytes([i % 256, 0, 255]),
                    "notes": None,
                    "balance": i * 1.5,
                }
                for i in range(1, 3001)
            ],
        )
        c.execute(
            md.tables["orders"].insert(),
            [{"id": i, "customer_id": 1 + i % 3000, "a": i, "b": i * 2} for i in range(1, 201)],
        )
        c.execute(
            md.tables["order lines"].insert(),
            [
                {"id": i, "order_a": i, "order_b": 2 * i, "E-Mail": f"p{i}@x.org", "select": "s"}
                for i in range(1, 51)
            ],
        )
        c.execute(sa.text(BULK[engine_kind].format(n=BIG)))
        c.execute(sa.text("CREATE VIEW v_customers AS SELECT id, email FROM customers"))
        if engine_kind == "mysql":
            c.execute(sa.text("ANALYZE TABLE big"))
    eng.dispose()
    src = open_source(db_url)
    assert isinstance(src, SqlSource)
    yield src
    src.close()


def _statements(src: SqlSource) -> list[str]:
    seen: list[str] = []

    @sa.event.listens_for(src.engine, "before_cursor_execute")
    def _log(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    return seen


def test_lists_base_tables_not_views(source: SqlSource) -> None:
    assert source.tables() == ["big", "customers", "empty", "order lines", "orders"]
    assert isinstance(source, SupportsSample | SupportsLookup | SupportsErase | SupportsRelations)


def test_columns_map_native_types(source: SqlSource) -> None:
    cols = {c.name: c for c in source.columns("customers")}
    assert list(cols) == ["id", "email", "Full Name", "born", "avatar", "notes", "balance"]
    assert cols["id"].kind is ColumnKind.INTEGER
    assert cols["email"].kind is ColumnKind.STRING and not cols["email"].nullable
    assert cols["born"].kind is ColumnKind.DATE
    assert cols["avatar"].kind is ColumnKind.BINARY
    assert cols["balance"].kind is ColumnKind.DECIMAL
    assert cols["email"].native_type  # what the database calls it


def test_sample_returns_typed_arrow_columns(source: SqlSource) -> None:
    t = source.sample("customers", ["email", "born", "avatar", "notes", "Full Name"], n=100)
    assert t.num_rows == 100
    assert t.column_names == ["email", "born", "avatar", "notes", "Full Name"]
    assert all(e.endswith("@example.com") for e in t.column("email").to_pylist())
    assert str(t.schema.field("email").type) == "string"
    assert str(t.schema.field("born").type) == "date32[day]"
    assert all(isinstance(b, bytes) for b in t.column("avatar").to_pylist())
    assert t.column("notes").null_count == 100  # an all-null column is fine


def test_sample_of_empty_table_is_empty_not_an_error(source: SqlSource) -> None:
    t = source.sample("empty")
    assert t.num_rows == 0 and t.column_names == ["id"]


def test_sample_of_big_table_is_spread_and_pushed_down(source: SqlSource, engine_kind: str) -> None:
    seen = _statements(source)
    ids = source.sample("big", ["id"], n=1000).column("id").to_pylist()
    assert 900 <= len(ids) <= 1000 and len(set(ids)) == len(ids)
    # spread over the table, not its first rows: every fifth of it is represented
    fifths = [sum(1 for i in ids if k * BIG / 5 < i <= (k + 1) * BIG / 5) for k in range(5)]
    assert min(fifths) >= 60, fifths
    sql = " ".join(seen).upper()
    expected = {
        "postgresql": "TABLESAMPLE",
        "mysql": "UNION ALL",  # random key ranges through the primary key
        "sqlite": "_ROWID_ IN",
        "duckdb": "USING SAMPLE RESERVOIR",
    }[engine_kind]
    assert expected in sql
    if engine_kind == "mysql":
        assert "ORDER BY RAND" not in sql  # never a full-table shuffle


def test_sampling_twice_reads_the_same_rows(source: SqlSource) -> None:
    a = source.sample("big", ["id"], n=200).column("id").to_pylist()
    b = source.sample("big", ["id"], n=200).column("id").to_pylist()
    assert sorted(a) == sorted(b)


def test_count(source: SqlSource) -> None:
    assert source.count("customers") == 3000
    assert source.count("big") == BIG
    assert source.count("empty") == 0


def test_foreign_keys_including_composite(source: SqlSource) -> None:
    fks = {(f.table, f.columns, f.ref_table, f.ref_columns) for f in source.foreign_keys()}
    assert ("orders", ("customer_id",), "customers", ("id",)) in fks
    assert ("order lines", ("order_a", "order_b"), "orders", ("a", "b")) in fks
    assert all(isinstance(f, ForeignKey) for f in source.foreign_keys())


def test_lookup_and_count_where(source: SqlSource) -> None:
    t = source.lookup("customers", "email", ["person7@example.com", "person9@example.com"])
    assert sorted(t.column("id").to_pylist()) == [7, 9]
    assert t.column_names[0] == "id"
    only = source.lookup("customers", "id", ["7"], columns=["email"])
    assert only.to_pylist() == [{"email": "person7@example.com"}]
    assert source.count_where("customers", "id", ["7", 9, "not a number"]) == 2
    assert source.lookup("customers", "email", []).num_rows == 0


def test_subject_values_are_data_never_sql(source: SqlSource) -> None:
    evil = ["x' OR '1'='1", "1; DROP TABLE customers; --", 'a" OR "1"="1']
    seen = _statements(source)
    assert source.count_where("customers", "email", evil) == 0
    assert source.delete_where("customers", "email", evil).rows == 0
    assert source.count("customers") == 3000
    assert not any("DROP TABLE" in s or "OR '1'='1" in s for s in seen)


def test_delete_in_batches_of_1000_one_statement_each(source: SqlSource) -> None:
    values = [f"user{i}@example.com" for i in range(1, 2501)] + ["nobody@example.com"]
    seen = _statements(source)
    result = source.delete_where("big", "email", values)
    deletes = [s for s in seen if s.lstrip().upper().startswith("DELETE")]
    assert result.rows == 2500
    assert result.statements == 3 == len(deletes)
    assert not any("user1@example.com" in s for s in seen)  # values went as parameters
    assert source.count("big") == BIG - 2500
    assert source.count_where("big", "email", ["user2501@example.com"]) == 1  # untouched
    again = source.delete_where("big", "email", values)
    assert again.rows == 0  # a retried erasure is harmless


def test_anonymize_keeps_rows_and_overwrites_columns(source: SqlSource) -> None:
    r = source.anonymize_where(
        "customers", "email", ["person5@example.com"], {"Full Name": None, "email": "erased-5"}
    )
    assert r.rows == 1 and r.statements == 1
    row = source.lookup("customers", "id", [5]).to_pylist()[0]
    assert row["Full Name"] is None and row["email"] == "erased-5"
    assert source.count("customers") == 3000
    assert source.lookup("customers", "id", [6]).to_pylist()[0]["Full Name"] == "Person 6"


def test_identifiers_that_need_quoting(source: SqlSource) -> None:
    assert [c.name for c in source.columns("order lines")][-2:] == ["E-Mail", "select"]
    t = source.sample("order lines", ["E-Mail", "select"], n=10)
    assert t.num_rows == 10
    assert source.lookup("order lines", "E-Mail", ["p3@x.org"]).num_rows == 1
    assert source.delete_where("order lines", "E-Mail", ["p3@x.org"]).rows == 1
    r = source.anonymize_where("order lines", "E-Mail", ["p4@x.org"], {"select": "x"})
    assert r.rows == 1


def test_unknown_table_and_column_are_clear(source: SqlSource) -> None:
    with pytest.raises(SourceNotFoundError, match="no table 'nope'"):
        source.sample("nope")
    with pytest.raises(SourceNotFoundError, match="no column 'nope'"):
        source.lookup("customers", "nope", ["x"])
    with pytest.raises(SourceNotFoundError):
        source.sample("v_customers")  # views are not tables to scan or erase


def _set_email(db_url: str, table: str, row_id: int, email: str) -> None:
    eng = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    with eng.begin() as c:
        c.execute(
            sa.text(f"UPDATE {table} SET email = :e WHERE id = :i"), {"e": email, "i": row_id}
        )
    eng.dispose()


def test_fold_case_finds_and_erases_an_identifier_in_any_case(
    source: SqlSource, db_url: str, engine_kind: str
) -> None:
    _set_email(db_url, "customers", 2011, "Mixed.Case@Example.com")
    _set_email(db_url, "customers", 2012, "ÉMILE@Example.com")  # folded beyond ASCII too
    asked = ["mixed.case@example.com", "émile@example.com"]
    assert source.count_where("customers", "email", asked, fold_case=True) == 2
    got = source.lookup("customers", "email", asked, columns=["id"], fold_case=True)
    assert sorted(got.column("id").to_pylist()) == [2011, 2012]
    if engine_kind != "mysql":  # MariaDB's default collation ignores case anyway
        assert source.count_where("customers", "email", asked) == 0
    seen = _statements(source)
    r = source.delete_where("customers", "email", ["MIXED.CASE@example.COM"], fold_case=True)
    assert r.rows == 1 and r.statements == 1
    assert not any("mixed.case" in s.lower() for s in seen)  # still bound parameters
    r = source.anonymize_where(
        "customers", "email", ["Émile@example.com"], {"Full Name": None}, fold_case=True
    )
    assert r.rows == 1
    assert source.lookup("customers", "id", [2012]).to_pylist()[0]["Full Name"] is None
    assert source.count_where("customers", "email", asked, fold_case=True) == 1  # 2012 kept
    assert source.count("customers") == 2999
    # ids stay exact: the flag means nothing to an integer column
    assert source.count_where("customers", "id", ["13"], fold_case=True) == 1


def test_matches_are_ored_in_one_statement(source: SqlSource) -> None:
    from privacy.sources.base import Match

    matches = [
        Match("email", ["PERSON21@example.com"], fold_case=True),
        Match("id", [21, 22, 23]),
    ]
    assert source.count_matches("customers", matches) == 3  # 21 found twice, counted once
    seen = _statements(source)
    r = source.delete_matches("orders", [Match("customer_id", [61, 62]), Match("id", [61, 62])])
    assert r.rows == 3 and r.statements == 1  # orders 60, 61 (by customer), 61, 62 (by id)
    assert len([s for s in seen if s.lstrip().upper().startswith("DELETE")]) == 1


def test_small_sqlite_table_samples_the_same_rows_every_time(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "s.db"
    c = sqlite3.connect(db)
    c.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT)")
    c.executemany("INSERT INTO people VALUES (?, ?)", [(i, f"p{i}@x.org") for i in range(1, 3001)])
    c.commit()
    c.close()
    samples = []
    for _ in range(3):  # a fresh source (and connection) each time, as separate scans are
        with open_source(f"sqlite:///{db}") as src:
            samples.append(src.sample("people", ["id"], n=200).column("id").to_pylist())
    assert samples[0] == samples[1] == samples[2]
    ids = samples[0]
    assert len(set(ids)) == 200
    # spread over the table, not its first rows
    assert all(any(k * 600 < i <= (k + 1) * 600 for i in ids) for k in range(5))
