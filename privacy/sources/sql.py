"""SQL databases through SQLAlchemy: PostgreSQL (psycopg 3), MySQL/MariaDB (PyMySQL), SQLite,
DuckDB (duckdb-engine).

Statements are built with SQLAlchemy constructs, so identifiers are quoted by each dialect and
every subject value travels as a bound parameter (expanding ``IN`` lists of at most 1,000 values
per statement), never as SQL text. Erasure runs all batches of one call in one transaction.
"""

from __future__ import annotations

import re
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
    Match,
    Source,
    SupportsErase,
    SupportsLookup,
    SupportsRelations,
    SupportsSample,
    fold,
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
        self._ci: dict[tuple[str, str], bool] = {}
        if self.kind == "sqlite":
            sa.event.listen(self.engine, "connect", _register_sqlite_functions)
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
        missing = list(dict.fromkeys(c for c in names if c not in by_name))
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

    def _ci_collation(self, table: str, column: str) -> bool:
        """MySQL/MariaDB: does the column compare case-insensitively already (a ``_ci``
        collation, the default)? Then ``col IN (...)`` folds case and keeps its index."""
        key = (table, column)
        if key not in self._ci:
            stmt = sa.text(
                "SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                "COALESCE(:s, DATABASE()) AND TABLE_NAME = :t AND COLUMN_NAME = :c"
            )
            with self._connect(table, "describe") as conn:
                name = conn.execute(stmt, {"s": self.schema, "t": table, "c": column}).scalar()
            self._ci[key] = bool(name) and str(name).lower().endswith("_ci")
        return self._ci[key]

    def _foldable(self, table: str, info: ColumnInfo) -> bool:
        """Is the column plain text, which lower() takes? Not a UUID, INET or ENUM column
        (kind STRING too, but PostgreSQL has no lower() for them): those compare exactly."""
        if info.kind is not ColumnKind.STRING:
            return False
        t = self._types.get(table, {}).get(info.name)
        if t is None:  # DuckDB (no reflected types): by its type name
            return info.native_type.upper().startswith(("VARCHAR", "TEXT", "STRING", "CHAR"))
        return isinstance(t, sa.String) and not isinstance(t, sa.Enum)

    def fold_case_cost(self, table: str, column: str) -> str | None:
        """Why a case-insensitive match on ``table.column`` scans the table, or None when an
        index serves it (for the plan's notes: the operator can add the index)."""
        info = self._infos(table, [column])[0]
        if not self._foldable(table, info):
            return None
        if self.kind == "mysql":
            if self._ci_collation(table, column):
                return None
            return (
                f"{table}.{column} has a case-sensitive collation: matched by lower(), "
                "which no index serves (each lookup scans the table)"
            )
        if self.kind != "postgresql":
            return None
        stmt = sa.text(
            "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = :t AND n.nspname = COALESCE(:s, current_schema())"
        )
        with self._connect(table, "describe") as conn:
            defs = [str(d) for d in conn.execute(stmt, {"t": table, "s": self.schema}).scalars()]
        col = re.escape(column)
        served = re.compile(rf'\(lower\(\(?"?{col}"?\)?(::text)?\)\)')
        if any(served.search(d) for d in defs):
            return None
        return (
            f"{table}.{column} is matched case-insensitively by lower({column}), which no index "
            f"serves: each lookup scans the table (CREATE INDEX ON {table} (lower({column})) "
            "makes it an index lookup)"
        )

    def _match_clause(
        self,
        table: str,
        t: sa.TableClause,
        m: Match,
        info: ColumnInfo,
        param: str,
        values: Sequence[Any],
    ) -> tuple[sa.ColumnElement[bool], dict[str, list[Any]]]:
        """The WHERE term of one match and its bound values."""
        col = t.c[info.name]
        bind: sa.BindParameter[Any] = sa.bindparam(param, expanding=True)
        params: dict[str, list[Any]] = {param: list(values)}
        if not (m.fold_case and self._foldable(table, info)):
            return col.in_(bind), params
        if self.kind == "mysql" and self._ci_collation(table, info.name):
            return col.in_(bind), params
        # SQLite's lower() folds ASCII only; Python's, registered per connection, all
        lower = sa.func.privacy_lower if self.kind == "sqlite" else sa.func.lower
        # no btree index on the column serves lower(col): without an expression index on
        # lower(col) this scans the table (see docs/sources.md). A cheap length test first
        # spares lower() on most rows: lowercasing keeps the number of characters, except
        # where it adds a combining mark ('İ'), which an ASCII value cannot contain -- so the
        # test is only added when every value is ASCII
        term: sa.ColumnElement[bool] = lower(col).in_(bind)
        if all(v.isascii() for v in values):
            length = sa.func.length if self.kind in ("sqlite", "duckdb") else sa.func.char_length
            params[f"{param}n"] = sorted({len(v) for v in values})
            term = sa.and_(length(col).in_(sa.bindparam(f"{param}n", expanding=True)), term)
        return term, params

    def _statements(
        self, table: str, matches: Sequence[Match], extra: Sequence[ColumnInfo] = ()
    ) -> tuple[sa.TableClause, list[tuple[sa.ColumnElement[bool], dict[str, list[Any]]]]]:
        """The table clause and, per statement, a WHERE clause with its bound values: batch k
        of every match, OR'd, so one statement serves every path to the table."""
        infos = self._infos(table, [m.column for m in matches])
        t = self._table(table, list({c.name: c for c in [*infos, *extra]}.values()))
        per_match: list[tuple[Match, ColumnInfo, list[Sequence[Any]]]] = []
        for m, info in zip(matches, infos, strict=True):
            vals = coerce_values(info.kind, m.values)
            if m.fold_case and self._foldable(table, info):
                vals = list(dict.fromkeys(fold(v) for v in vals))
            if vals:
                per_match.append((m, info, list(batched(vals, BATCH))))
        out: list[tuple[sa.ColumnElement[bool], dict[str, list[Any]]]] = []
        for k in range(max((len(c) for _, _, c in per_match), default=0)):
            clauses: list[sa.ColumnElement[bool]] = []
            params: dict[str, list[Any]] = {}
            for i, (m, info, chunks) in enumerate(per_match):
                if k < len(chunks):
                    term, bound = self._match_clause(table, t, m, info, f"v{i}", chunks[k])
                    clauses.append(term)
                    params.update(bound)
            out.append((sa.or_(*clauses), params))
        return t, out

    def find(
        self, table: str, matches: Sequence[Match], columns: Sequence[str] | None = None
    ) -> pa.Table:
        infos = self._infos(table, columns)
        t, statements = self._statements(table, matches, infos)
        cols = [t.c[c.name] for c in infos]
        rows: list[Any] = []
        with self._connect(table, "look up rows in") as conn:
            for where, params in statements:
                rows.extend(tuple(r) for r in conn.execute(sa.select(*cols).where(where), params))
        return rows_to_table(infos, rows)

    def count_matches(self, table: str, matches: Sequence[Match]) -> int:
        t, statements = self._statements(table, matches)
        total = 0
        with self._connect(table, "count rows in") as conn:
            for where, params in statements:
                stmt = sa.select(sa.func.count()).select_from(t).where(where)
                total += int(conn.execute(stmt, params).scalar_one())
        return total

    # --- SupportsErase -------------------------------------------------------------------

    def delete_matches(self, table: str, matches: Sequence[Match]) -> EraseResult:
        t, statements = self._statements(table, matches)
        rows = 0
        with self._begin(table, "delete rows from") as conn:
            for where, params in statements:
                rows += conn.execute(sa.delete(t).where(where), params).rowcount
        return EraseResult(rows=rows, statements=len(statements))

    def anonymize_matches(
        self, table: str, matches: Sequence[Match], replacements: Mapping[str, Any]
    ) -> EraseResult:
        if not replacements:
            raise SourceError(
                f"{self.url}: nothing to anonymize in table {table!r}",
                hint="name the columns to overwrite (column -> new value, None for NULL)",
            )
        targets = self._infos(table, list(replacements))
        t, statements = self._statements(table, matches, targets)
        # replacement values are bound parameters too (typed by the target column)
        new = {t.c[c.name]: sa.literal(replacements[c.name], t.c[c.name].type) for c in targets}
        rows = 0
        with self._begin(table, "anonymize rows in") as conn:
            for where, params in statements:
                rows += conn.execute(sa.update(t).where(where).values(new), params).rowcount
        return EraseResult(rows=rows, statements=len(statements))


def _register_sqlite_functions(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.create_function("privacy_lower", 1, _py_lower, deterministic=True)


def _py_lower(v: Any) -> Any:
    return fold(v) if isinstance(v, str) else v


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
