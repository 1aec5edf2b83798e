"""Sampling pushed down to each SQL engine, so memory and time do not grow with the table.

Every strategy returns at most ``n`` rows, spread over the table rather than its first pages,
and reads only a bounded amount of it for large tables. Estimates come from each engine's
statistics (never a ``COUNT(*)``); when an estimate is stale the strategies widen and retry.

=============  ==============================================================================
PostgreSQL     ``pg_class.reltuples`` (scaled to the relation's current size, as the planner
               does; by size alone when never analysed). Small tables (<= max(20n, 20,000)
               rows): ``ORDER BY random() LIMIT n``. Medium (<= 200,000): ``TABLESAMPLE
               BERNOULLI(p)``. Large: ``TABLESAMPLE SYSTEM(p)``, p chosen to touch at least
               ~128 pages spread over the table and ~2n rows; then ``ORDER BY random()
               LIMIT n`` over the sampled rows only. Views and foreign tables: ``LIMIT n``.
MySQL/MariaDB  ``information_schema.TABLES.TABLE_ROWS``. Small: ``ORDER BY RAND(seed)
               LIMIT n``. Large with a single integer primary key: 20 random key ranges
               (``pk >= :start ORDER BY pk LIMIT m``, index range scans) in one UNION ALL.
               Large without one: ``WHERE RAND(seed) < p`` (one scan, no sort, at most 4n
               rows kept). Never a full-table ``ORDER BY RAND()``.
SQLite         ``min/max(rowid)``. Small: ``ORDER BY`` a seeded scramble of the rowid
               (``(a * (rowid % p) + b) % p``, p prime: a fixed permutation spread over the
               table) ``LIMIT n``. Large: ~2n seeded random rowids looked up through the
               rowid b-tree (``rowid IN (...)``), topped up when gaps leave too few. Views and
               WITHOUT ROWID tables: ``ORDER BY random() LIMIT n`` (SQLite keeps only n rows
               in its sorter; SQLite's random() takes no seed, so these samples vary).
DuckDB         ``USING SAMPLE reservoir(n ROWS) REPEATABLE (seed)`` (columnar scan,
               bounded reservoir).
other          ``LIMIT n``.
=============  ==============================================================================

Seeds are fixed, so scanning the same unchanged table twice reads the same rows (except SQLite
views and WITHOUT ROWID tables, and PostgreSQL views, which have nothing stable to seed by).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from privacy.sources.arrowutil import SEED

SMALL_FACTOR = 20
SMALL_MIN = 20_000
BERNOULLI_MAX = 200_000
MIN_PAGES = 128
MY_RANGES = 20

Row = Sequence[Any]


def sample_rows(
    conn: Connection,
    table: sa.TableClause,
    columns: Sequence[sa.ColumnClause[Any]],
    n: int,
    *,
    pk: Sequence[str] = (),
    int_pk: bool = False,
) -> list[Row]:
    """Up to ``n`` rows of ``columns`` from ``table``, spread over it (see module doc)."""
    if n <= 0:
        return []
    name = conn.dialect.name
    if name == "postgresql":
        return _postgresql(conn, table, columns, n)
    if name in ("mysql", "mariadb"):
        return _mysql(conn, table, columns, n, pk=pk, int_pk=int_pk)
    if name == "sqlite":
        return _sqlite(conn, table, columns, n)
    if name == "duckdb":
        return _duckdb(conn, table, columns, n)
    return [tuple(r) for r in conn.execute(sa.select(*columns).select_from(table).limit(n))]


def _random_limit(
    conn: Connection,
    table: sa.FromClause,
    columns: Sequence[sa.ColumnClause[Any]],
    n: int,
    rand: Any,
) -> list[Row]:
    stmt = sa.select(*columns).select_from(table).order_by(rand).limit(n)
    return [tuple(r) for r in conn.execute(stmt)]


# --- PostgreSQL ------------------------------------------------------------------------------


def _pg_estimate(conn: Connection, qualified: str) -> tuple[str, float, float]:
    """(relkind, estimated rows, pages) without reading the table."""
    row = conn.execute(
        sa.text(
            "SELECT c.relkind, c.reltuples, c.relpages, "
            "  CASE WHEN c.relkind IN ('r', 'm') THEN pg_relation_size(c.oid) ELSE 0 END, "
            "  CASE WHEN c.relkind = 'p' THEN ("
            "    SELECT coalesce(sum(greatest(p.reltuples, 0)), 0) "
            "    FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid "
            "    WHERE i.inhparent = c.oid) ELSE 0 END "
            "FROM pg_class c WHERE c.oid = to_regclass(:q)"
        ),
        {"q": qualified},
    ).one_or_none()
    if row is None:
        return "?", 0.0, 0.0
    relkind, reltuples, relpages, size, part_rows = row
    pages = size / 8192 if size else float(relpages or 0)
    if relkind == "p":
        return relkind, float(part_rows or 0), pages
    if reltuples is not None and reltuples > 0 and relpages:
        # the planner's own estimate: tuple density times the current number of pages
        return relkind, reltuples / relpages * pages, pages
    if reltuples is not None and reltuples > 0:
        return relkind, float(reltuples), pages
    # never analysed: assume narrow rows (~50 bytes), widened by the retry loop if wrong
    return relkind, pages * 8192 / 50, pages


def _postgresql(
    conn: Connection, table: sa.TableClause, columns: Sequence[sa.ColumnClause[Any]], n: int
) -> list[Row]:
    qualified = conn.dialect.identifier_preparer.format_table(table)
    relkind, est, pages = _pg_estimate(conn, qualified)
    if relkind not in ("r", "m", "p"):
        # views, foreign tables: evaluating all of it to shuffle could be unbounded
        return [tuple(r) for r in conn.execute(sa.select(*columns).select_from(table).limit(n))]
    conn.execute(sa.text("SELECT setseed(0.42)"))
    if est <= max(SMALL_FACTOR * n, SMALL_MIN):
        return _random_limit(conn, table, columns, n, sa.func.random())
    system = est > BERNOULLI_MAX
    frac = 2.0 * n / est
    if system and pages > 0:
        # SYSTEM takes whole pages: take enough of them to spread over the table
        frac = max(frac, MIN_PAGES / pages)
    rows: list[Row] = []
    for _ in range(4):
        pct = min(100.0, frac * 100.0)
        method = sa.func.system if system else sa.func.bernoulli
        sampled = sa.tablesample(table, method(sa.literal(pct, sa.Float)), seed=sa.literal(7))
        cols = [sampled.c[c.name] for c in columns]
        stmt = sa.select(*cols).order_by(sa.func.random()).limit(n)
        rows = [tuple(r) for r in conn.execute(stmt)]
        if len(rows) >= n or pct >= 100.0:
            break
        # the estimate was stale (bulk load since the last ANALYZE): widen and retry
        frac = frac * 4 if not rows else frac * 1.5 * n / len(rows)
    return rows


# --- MySQL / MariaDB -------------------------------------------------------------------------


def _my_estimate(conn: Connection, table: sa.TableClause) -> tuple[str, float]:
    row = conn.execute(
        sa.text(
            "SELECT TABLE_TYPE, TABLE_ROWS FROM information_schema.TABLES "
            "WHERE TABLE_SCHEMA = COALESCE(:s, DATABASE()) AND TABLE_NAME = :t"
        ),
        {"s": table.schema, "t": table.name},
    ).one_or_none()
    if row is None:
        return "?", 0.0
    return str(row[0]), float(row[1] or 0)


def _mysql(
    conn: Connection,
    table: sa.TableClause,
    columns: Sequence[sa.ColumnClause[Any]],
    n: int,
    *,
    pk: Sequence[str],
    int_pk: bool,
) -> list[Row]:
    ttype, est = _my_estimate(conn, table)
    if ttype == "VIEW":
        return [tuple(r) for r in conn.execute(sa.select(*columns).select_from(table).limit(n))]
    if est <= max(SMALL_FACTOR * n, SMALL_MIN):
        return _random_limit(conn, table, columns, n, sa.func.rand(SEED))
    if len(pk) == 1 and int_pk:
        rows = _my_key_ranges(conn, table, columns, n, pk[0])
        if rows is not None:
            return rows
    # one scan, no sort: keep rows whose RAND() falls under p; bounded by LIMIT 4n
    frac = min(1.0, 2.0 * n / est)
    stmt = (
        sa.select(*columns)
        .select_from(table)
        .where(sa.func.rand(SEED) < sa.literal(frac, sa.Float))
        .limit(4 * n)
    )
    rows = [tuple(r) for r in conn.execute(stmt)]
    rng = random.Random(SEED)
    return rng.sample(rows, n) if len(rows) > n else rows


def _my_key_ranges(
    conn: Connection,
    table: sa.TableClause,
    columns: Sequence[sa.ColumnClause[Any]],
    n: int,
    pk_name: str,
) -> list[Row] | None:
    pk: sa.ColumnClause[Any] = sa.column(pk_name)
    lo, hi = conn.execute(sa.select(sa.func.min(pk), sa.func.max(pk)).select_from(table)).one()
    if lo is None or hi is None:
        return []
    lo, hi = int(lo), int(hi)
    rng = random.Random(SEED)
    per = -(-n // MY_RANGES)
    found: dict[Any, Row] = {}
    for _attempt in range(3):
        starts = sorted(rng.randint(lo, hi) for _ in range(MY_RANGES))
        parts = [
            sa.select(*columns, pk.label("_privacy_pk"))
            .select_from(table)
            .where(pk >= s)
            .order_by(pk)
            .limit(per)
            for s in starts
        ]
        for r in conn.execute(sa.union_all(*parts)):
            found.setdefault(r[-1], tuple(r)[:-1])
        if len(found) >= n:
            break
    rows = list(found.values())
    return rng.sample(rows, n) if len(rows) > n else rows


# --- SQLite ----------------------------------------------------------------------------------


def _sqlite(
    conn: Connection, table: sa.TableClause, columns: Sequence[sa.ColumnClause[Any]], n: int
) -> list[Row]:
    rowid: sa.ColumnClause[Any] = sa.literal_column("_rowid_")
    try:
        # a failed SELECT leaves an SQLite transaction usable, unlike PostgreSQL's
        lo, hi = conn.execute(
            sa.select(sa.func.min(rowid), sa.func.max(rowid)).select_from(table)
        ).one()
    except sa.exc.OperationalError:
        # a view or a WITHOUT ROWID table
        return _random_limit(conn, table, columns, n, sa.func.random())
    if lo is None or hi is None:
        return []
    span = int(hi) - int(lo) + 1
    if span <= max(SMALL_FACTOR * n, SMALL_MIN):
        return _random_limit(conn, table, columns, n, _scrambled(rowid))
    rng = random.Random(SEED)
    found: dict[int, Row] = {}
    want = 2 * n
    for _attempt in range(4):
        ids = rng.sample(range(int(lo), int(hi) + 1), min(want, span))
        stmt = (
            sa.select(*columns, rowid)
            .select_from(table)
            .where(rowid.in_(sa.bindparam("ids", expanding=True)))
        )
        for r in conn.execute(stmt, {"ids": ids}):
            found.setdefault(int(r[-1]), tuple(r)[:-1])
        if len(found) >= n:
            break
        # sparse rowids (many deleted rows): ask for more next time
        hit = max(len(found), 1) / (want * (_attempt + 1))
        want = min(30_000, int(2 * n / hit))
    rows = list(found.values())
    return rng.sample(rows, n) if len(rows) > n else rows


#: a prime above any small table's rowid span, and a multiplier: (a * x + b) mod p permutes
#: 0..p-1, so sorting by it is a fixed shuffle; products stay far below 2**63
_P = 1_000_003
_A = 740_237


def _scrambled(rowid: sa.ColumnClause[Any]) -> sa.ColumnElement[Any]:
    """A deterministic sort key spreading rowids over the table (SQLite's random() has no
    seed). Rowids are reduced mod p first (a negative one gives a negative key: still fixed)."""
    return (sa.literal(_A) * (rowid % _P) + sa.literal(SEED % _P)) % _P


# --- DuckDB ----------------------------------------------------------------------------------


def _duckdb(
    conn: Connection, table: sa.TableClause, columns: Sequence[sa.ColumnClause[Any]], n: int
) -> list[Row]:
    prep = conn.dialect.identifier_preparer
    cols = ", ".join(prep.quote(c.name) for c in columns)
    # identifiers quoted by the dialect, n an int: nothing from the data enters the text
    stmt = sa.text(
        f"SELECT {cols} FROM {prep.format_table(table)} "
        f"USING SAMPLE reservoir({int(n)} ROWS) REPEATABLE ({SEED % 100_000})"
    )
    return [tuple(r) for r in conn.execute(stmt)]
