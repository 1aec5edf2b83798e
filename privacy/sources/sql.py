"""SQL databases through SQLAlchemy: PostgreSQL (psycopg 3), MySQL/MariaDB (PyMySQL), SQLite,
DuckDB (duckdb-engine).

Statements are built with SQLAlchemy constructs, so identifiers are quoted by each dialect and
every subject value travels as a bound parameter (expanding ``IN`` lists of at most 1,000 values
per statement), never as SQL text. Erasure runs all batches of one call in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from privacy.errors import SourceError, SourceNotFoundError
from privacy.sources import duckdb_catalog as duck
from privacy.sources.arrowutil import BATCH, batched, coerce_values, rows_to_table
from privacy.sources.base import (
    ColumnInfo,
    ColumnKind,
    EraseResult,
    ForeignKey,
    Source,
    SupportsErase,
    SupportsLookup,
    SupportsRelations,
    SupportsSample,
)
from privacy.sources.kinds import kind_of_sql_type
from privacy.sources.sql_errors import translate
from privacy.sources.sql_sampling import sample_rows
from privacy.sources.urls import SqlTarget

CONNECT_TIMEOUT = 5
#: PostgreSQL: an erasure waiting on a lock gives up (retryably) instead of hanging
LOCK_TIMEOUT = "30s"


def _native(t: Any, engine: Engine) -> str:
    try:
        return str(t.compile(dialect=engine.dialect))
    except Exception:  # some reflected types cannot be rendered back; the name will do
        return type(t).__name__


def create_engine(target: SqlTarget) -> Engine:
    """An engine with short connect timeouts; checks embedded database files exist, since
    SQLite and DuckDB would otherwise create an empty database at a mistyped path."""
    url = target.url
    connect_args: dict[str, Any] = {}
    if target.kind in ("sqlite", "duckdb"):
        db = url.database
        if db and db != ":memory:" and not db.startswith("file:"):
            path = Path(db).expanduser()
            if not path.is_file():
                raise SourceNotFoundError(
                    f"{target.display}: no database file at {str(path)!r}",
                    hint="check the path; sqlite:///relative.db and sqlite:////absolute.db "
                    "(the same for duckdb:///)",
                )
        if target.kind == "sqlite":
            connect_args["timeout"] = CONNECT_TIMEOUT  # wait this long on a locked database
    elif target.kind == "postgresql":
        if "connect_timeout" not in url.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT
        if "application_name" not in url.query:
            connect_args["application_name"] = "privacy"
    elif target.kind == "mysql":
        if "connect_timeout" not in url.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT
        if "charset" not in url.query:
            url = url.update_query_dict({"charset": "utf8mb4"})
    return sa.create_engine(url, connect_args=connect_args, pool_pre_ping=True)


class SqlSource(Source, SupportsSample, SupportsRelations, SupportsLookup, SupportsErase):
    """A database schema: its base tables (views are not listed) and their columns."""

    def __init__(self, target: SqlTarget, name: str, engine: Engine | None = None) -> None:
        self.name = name
        self.url = target.display
        self.kind = target.kind
        self.schema = target.schema
        self.engine = engine or create_engine(target)
        self._columns: dict[str, list[ColumnInfo]] = {}
        self._types: dict[str, dict[str, Any]] = {}
        self._tables: list[str] | None = None
        self._check()

    # --- connection and errors -----------------------------------------------------------

    @contextmanager
    def _connect(self, table: str | None = None, action: str = "read") -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SourceError:
            raise
        except (sa.exc.SQLAlchemyError, OSError) as e:
            raise translate(e, source=self.url, table=table, action=action) from None

    @contextmanager
    def _begin(self, table: str, action: str) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                if self.kind == "postgresql":
                    conn.execute(sa.text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'"))
                yield conn
        except SourceError:
            raise
        except (sa.exc.SQLAlchemyError, OSError) as e:
            raise translate(e, source=self.url, table=table, action=action) from None

    def _check(self) -> None:
        """Connect once now, so a wrong URL fails at open with a clear error, not mid-scan."""
        with self._connect(action="connect to") as conn:
            insp = sa.inspect(conn)
            if self.schema is not None and self.schema not in insp.get_schema_names():
                raise SourceNotFoundError(
                    f"{self.url}: no schema {self.schema!r}",
                    hint="check ?schema= in the URL; leave it out for the default schema",
                )
            self._tables = self._list_tables(conn)

    def _list_tables(self, conn: Connection) -> list[str]:
        if self.kind == "duckdb":
            return sorted(duck.table_names(conn, self.schema))
        return sorted(sa.inspect(conn).get_table_names(schema=self.schema))

    def close(self) -> None:
        self.engine.dispose()

    # --- Source --------------------------------------------------------------------------

    def tables(self) -> list[str]:
        if self._tables is None:
            with self._connect(action="list the tables of") as conn:
                self._tables = self._list_tables(conn)
        return list(self._tables)

    def columns(self, table: str) -> list[ColumnInfo]:
        if table not in self._columns:
            if table not in self.tables():
                raise SourceNotFoundError(
                    f"{self.url}: no table {table!r}",
                    hint=f"tables here: {', '.join(self.tables()[:20]) or '(none)'}",
                )
            if self.kind == "duckdb":
                # duckdb-engine's inspector queries pg_catalog tables DuckDB does not have
                with self._connect(table, "describe") as conn:
                    self._columns[table] = duck.columns(conn, self.schema, table)
                self._types[table] = {}
                return list(self._columns[table])
            with self._connect(table, "describe") as conn:
                reflected = sa.inspect(conn).get_columns(table, schema=self.schema)
            self._columns[table] = [
                ColumnInfo(
                    name=c["name"],
                    kind=kind_of_sql_type(c["type"]),
                    native_type=_native(c["type"], self.engine),
                    nullable=bool(c.get("nullable", True)),
                )
                for c in reflected
            ]
            self._types[table] = {c["name"]: c["type"] for c in reflected}
        return list(self._columns[table])

    def _infos(self, table: str, names: Sequence[str] | None) -> list[ColumnInfo]:
        cols = self.columns(table)
        if names is None:
            return cols
        by_name = {c.name: c for c in cols}
        missing = [c for c in names if c not in by_name]
        if missing:
            raise SourceNotFoundError(
                f"{self.url}: table {table!r} has no column {', '.join(map(repr, missing))}",
                hint="list its columns with `privacy scan SOURCE --table TABLE`",
            )
        return [by_name[c] for c in names]

    def _table(self, table: str, infos: Sequence[ColumnInfo]) -> sa.TableClause:
        types = self._types.get(table, {})
        return sa.table(
            table,
            *[sa.column(c.name, _bind_type(types.get(c.name), c.kind)) for c in infos],
            schema=self.schema,
        )

    def count(self, table: str) -> int:
        t = self._table(table, [])
        self.columns(table)
        with self._connect(table, "count") as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())

    # --- SupportsSample ------------------------------------------------------------------

    def sample(self, table: str, columns: Sequence[str] | None = None, n: int = 1000) -> pa.Table:
        infos = self._infos(table, columns)
        if not infos:
            return pa.table({})
        pk, int_pk = self._pk(table)
        t = self._table(table, [*infos, *[c for c in self.columns(table) if c.name in pk]])
        cols = [t.c[c.name] for c in infos]
        with self._connect(table, "sample") as conn:
            rows = sample_rows(conn, t, cols, n, pk=pk, int_pk=int_pk)
        return rows_to_table(infos, rows)

    def _pk(self, table: str) -> tuple[list[str], bool]:
        if self.kind != "mysql":
            return [], False  # only the MySQL strategy walks the primary key
        with self._connect(table, "describe") as conn:
            pk = list(
                sa.inspect(conn).get_pk_constraint(table, schema=self.schema)["constrained_columns"]
            )
        kinds = {c.name: c.kind for c in self.columns(table)}
        return pk, len(pk) == 1 and kinds.get(pk[0]) is ColumnKind.INTEGER

    # --- SupportsRelations ---------------------------------------------------------------

    def foreign_keys(self) -> list[ForeignKey]:
        out: list[ForeignKey] = []
        with self._connect(action="read the foreign keys of") as conn:
            if self.kind == "duckdb":
                return duck.foreign_keys(conn, self.schema)
            insp = sa.inspect(conn)
            for table in self.tables():
                for fk in insp.get_foreign_keys(table, schema=self.schema):
                    ref_schema = fk.get("referred_schema")
                    if ref_schema not in (None, self.schema):
                        continue  # points outside this source
                    out.append(
                        ForeignKey(
                            table=table,
                            columns=tuple(fk["constrained_columns"]),
                            ref_table=fk["referred_table"],
                            ref_columns=tuple(fk["referred_columns"]),
                            name=fk.get("name"),
                        )
                    )
        return sorted(out, key=lambda f: (f.table, f.columns, f.ref_table))

    # --- SupportsLookup ------------------------------------------------------------------

    def _where(
        self, table: str, column: str, values: Sequence[Any], extra: Sequence[ColumnInfo] = ()
    ) -> tuple[sa.TableClause, sa.ColumnClause[Any], list[Any]]:
        key = self._infos(table, [column])[0]
        t = self._table(table, [key, *[c for c in extra if c.name != key.name]])
        return t, t.c[key.name], coerce_values(key.kind, values)

    def lookup(
        self,
        table: str,
        column: str,
        values: Sequence[Any],
        columns: Sequence[str] | None = None,
    ) -> pa.Table:
        infos = self._infos(table, columns)
        t, key, vals = self._where(table, column, values, infos)
        cols = [t.c[c.name] for c in infos]
        rows: list[Any] = []
        with self._connect(table, "look up rows in") as conn:
            for chunk in batched(vals, BATCH):
                stmt = sa.select(*cols).where(key.in_(sa.bindparam("v", expanding=True)))
                rows.extend(tuple(r) for r in conn.execute(stmt, {"v": list(chunk)}))
        return rows_to_table(infos, rows)

    def count_where(self, table: str, column: str, values: Sequence[Any]) -> int:
        t, key, vals = self._where(table, column, values)
        total = 0
        with self._connect(table, "count rows in") as conn:
            for chunk in batched(vals, BATCH):
                stmt = (
                    sa.select(sa.func.count())
                    .select_from(t)
                    .where(key.in_(sa.bindparam("v", expanding=True)))
                )
                total += int(conn.execute(stmt, {"v": list(chunk)}).scalar_one())
        return total

    # --- SupportsErase -------------------------------------------------------------------

    def delete_where(self, table: str, column: str, values: Sequence[Any]) -> EraseResult:
        t, key, vals = self._where(table, column, values)
        rows = statements = 0
        with self._begin(table, "delete rows from") as conn:
            for chunk in batched(vals, BATCH):
                stmt = sa.delete(t).where(key.in_(sa.bindparam("v", expanding=True)))
                rows += conn.execute(stmt, {"v": list(chunk)}).rowcount
                statements += 1
        return EraseResult(rows=rows, statements=statements)

    def anonymize_where(
        self,
        table: str,
        column: str,
        values: Sequence[Any],
        replacements: Mapping[str, Any],
    ) -> EraseResult:
        if not replacements:
            raise SourceError(
                f"{self.url}: nothing to anonymize in table {table!r}",
                hint="name the columns to overwrite (column -> new value, None for NULL)",
            )
        targets = self._infos(table, list(replacements))
        t, key, vals = self._where(table, column, values, targets)
        # replacement values are bound parameters too (typed by the target column)
        new = {t.c[c.name]: sa.literal(replacements[c.name], t.c[c.name].type) for c in targets}
        rows = statements = 0
        with self._begin(table, "anonymize rows in") as conn:
            for chunk in batched(vals, BATCH):
                stmt = sa.update(t).where(key.in_(sa.bindparam("v", expanding=True))).values(new)
                rows += conn.execute(stmt, {"v": list(chunk)}).rowcount
                statements += 1
        return EraseResult(rows=rows, statements=statements)


def _bind_type(t: Any, kind: ColumnKind) -> Any:
    """The type a column's bound values are sent as: the reflected one for plain text and
    numbers; none for the rest, so the database casts the driver's literal itself (a UUID,
    an INET or a date given as text)."""
    if t is None:
        return None
    if kind in (ColumnKind.INTEGER, ColumnKind.FLOAT, ColumnKind.DECIMAL, ColumnKind.BOOLEAN):
        return t
    if kind is ColumnKind.STRING and isinstance(t, sa.String) and not isinstance(t, sa.Enum):
        return t
    return None
