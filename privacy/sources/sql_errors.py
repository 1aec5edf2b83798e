"""Translate driver errors into the toolkit's source errors.

Database messages are not copied into ours: they can carry values (``invalid input syntax for
type integer: "alice@example.com"``) or connection secrets. Errors are classified by SQLSTATE
(PostgreSQL), error number (MySQL/MariaDB) or exception class (SQLite, DuckDB); the message
names the source, the table and the action, plus the code so an operator can look it up.
"""

from __future__ import annotations

import re

from sqlalchemy import exc as sa_exc

from privacy.errors import (
    PrivacyError,
    SourceError,
    SourceNotFoundError,
    SourcePermissionError,
    SourceReadError,
    SourceUnavailableError,
)

# PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html)
_PG_PERMISSION = {"42501", "25006"}
_PG_NOT_FOUND = {"42P01", "42703", "3D000", "3F000", "42883"}
_PG_RETRY = {"40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03", "53300", "53100"}

# a refused login: the grant hint would send the user the wrong way
_PG_LOGIN_STATES = {"28000", "28P01"}
_MY_LOGIN = {1045, 1698}

# MySQL / MariaDB error numbers
_MY_PERMISSION = {1044, 1142, 1143, 1227, 1370, 1290}
_MY_NOT_FOUND = {1049, 1146, 1054, 1051}
_MY_RETRY = {1040, 1053, 1205, 1213, 2002, 2003, 2005, 2006, 2013, 2055}

# a row still referenced by a foreign key (the delete or update of a parent row)
_PG_FK = "23503"
_MY_FK = 1451
# identifiers only (the referencing table), never the DETAIL part that quotes key values
_MY_FK_TABLE = re.compile(r"a foreign key constraint fails \(([^,()]+),")


class StillReferencedError(SourceError):
    """Rows could not be deleted (or their key changed): a foreign key of a table the plan
    does not include still points at them. Terminal: retrying cannot help until that table is
    erased first, so the plan must learn of it."""

    def __init__(self, message: str, *, referencing: str | None = None) -> None:
        self.referencing = referencing
        super().__init__(message, hint=self.advice())

    def for_request(self, request_id: str) -> StillReferencedError:
        """The same error, its hint naming the request to resume."""
        e = StillReferencedError(self.message, referencing=self.referencing)
        e.hint = e.advice(request_id)
        return e

    def advice(self, request_id: str | None = None) -> str:
        resume = f"privacy requests resume {request_id or 'ID'}"
        return (
            "declare the relation in privacy.toml ([[relations]] from = "
            '"SOURCE.TABLE.COLUMN" of the referencing table, to = the column it refers to), '
            "or add that schema as a source (e.g. a URL with ?schema=NAME) so its foreign keys "
            f"are read; then `{resume}` erases those rows first"
        )


def _referencing_table(orig: BaseException, text: str) -> str | None:
    diag = getattr(orig, "diag", None)  # psycopg: structured fields, no values
    table = getattr(diag, "table_name", None)
    if table:
        schema = getattr(diag, "schema_name", None)
        return f"{schema}.{table}" if schema else str(table)
    m = _MY_FK_TABLE.search(str(orig))
    if m:
        return m.group(1).replace("`", "")
    return None


_PG_NO_DB = re.compile(r'database "[^"]*" does not exist')
_PG_LOGIN = re.compile(
    r'(role "[^"]*" does not exist|password authentication failed|no pg_hba\.conf entry|'
    r"authentication failed)"
)

# connection-level messages that are safe to pass on (host and port, never values)
_SAFE_CONNECT = re.compile(
    r"(connection refused|timeout expired|timed out|could not translate host name|"
    r"no route to host|network is unreachable|can't connect to|name or service not known|"
    r"connection reset)",
    re.IGNORECASE,
)


def _code(orig: BaseException) -> tuple[str | None, int | None]:
    sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    errno: int | None = None
    args = getattr(orig, "args", ())
    if args and isinstance(args[0], int):
        errno = args[0]
    return sqlstate, errno


def error_code(err: BaseException) -> str:
    """The SQLSTATE, error number or exception class of a driver error: what an operator can
    look up, without the message (which may quote data)."""
    orig = err.orig if isinstance(err, sa_exc.DBAPIError) and err.orig is not None else err
    sqlstate, errno = _code(orig)
    return sqlstate or (str(errno) if errno is not None else type(orig).__name__)


def translate(
    err: BaseException,
    *,
    source: str,
    table: str | None = None,
    action: str = "read",
) -> PrivacyError:
    """A source error for ``err`` raised while doing ``action`` on ``source``/``table``."""
    if isinstance(err, PrivacyError):
        return err
    orig = err.orig if isinstance(err, sa_exc.DBAPIError) and err.orig is not None else err
    sqlstate, errno = _code(orig)
    what = f"{source}: cannot {action} " + (f"table {table!r}" if table else "the database")
    code = error_code(err)
    text = str(orig).lower()
    connect = isinstance(err, sa_exc.DBAPIError) and err.connection_invalidated

    if isinstance(err, sa_exc.OperationalError) and sqlstate is None and errno is None:
        # libpq reports login failures at connect time as text only
        if _PG_NO_DB.search(text):
            return SourceNotFoundError(
                f"{source}: the database does not exist",
                hint="check the database name at the end of the URL",
            )
        if _PG_LOGIN.search(text):
            return SourcePermissionError(
                f"{source}: the server refused the login",
                hint="check the user name and password (or the server's pg_hba.conf)",
            )
    if sqlstate in _PG_LOGIN_STATES or errno in _MY_LOGIN:
        return SourcePermissionError(
            f"{source}: the server refused the login ({code})",
            hint="check the user name and password in the URL (or the server's access rules)",
        )
    if (
        sqlstate == _PG_FK
        or errno == _MY_FK
        or "foreign key constraint failed" in text  # SQLite
        or ("foreign key" in text and type(orig).__name__ == "ConstraintException")  # DuckDB
    ):
        referencing = _referencing_table(orig, text)
        by = f" ({referencing})" if referencing else ""
        code = str(errno) if errno == _MY_FK else code  # MariaDB's number, not 23000
        return StillReferencedError(
            f"{what}: another table{by}, not in the plan, still references these rows "
            f"through a foreign key ({code}), so nothing was changed: declare that relation in "
            "privacy.toml or scan that schema, then resume the request",
            referencing=referencing,
        )
    if (
        sqlstate in _PG_PERMISSION
        or errno in _MY_PERMISSION
        or "permission" in text
        or "readonly database" in text
        or "read-only" in text
    ):
        return SourcePermissionError(
            f"{what}: permission denied ({code})",
            hint="grant the role the toolkit connects as SELECT on the table "
            "(and DELETE/UPDATE for erasure), or connect as a role that has it",
        )
    if sqlstate in _PG_NOT_FOUND or errno in _MY_NOT_FOUND or "no such table" in text:
        return SourceNotFoundError(
            f"{what}: it does not exist ({code})",
            hint="check the name with `privacy scan SOURCE` or the database's own catalog",
        )
    if (
        sqlstate in _PG_RETRY
        or (sqlstate or "").startswith("08")
        or errno in _MY_RETRY
        or "database is locked" in text
        or "could not set lock" in text
        or connect
    ):
        return SourceUnavailableError(
            f"{what}: the database is unavailable or busy ({code})",
            hint="check that the server is running and reachable, then retry",
        )
    if isinstance(err, sa_exc.OperationalError) and sqlstate is None and errno is None:
        # psycopg reports refused connections and timeouts without a SQLSTATE
        m = _SAFE_CONNECT.search(str(orig))
        reason = m.group(1).lower() if m else type(orig).__name__
        return SourceUnavailableError(
            f"{what}: cannot connect ({reason})",
            hint="check host, port and that the server runs; the connect timeout is 5 s",
        )
    if isinstance(err, sa_exc.DataError) or (sqlstate or "").startswith("22"):
        return SourceReadError(
            f"{what}: the database refused a value ({code})",
            hint="a value does not fit the column's type; check the column and the request",
        )
    if "file is not a database" in text or "not a valid duckdb" in text:
        return SourceReadError(
            f"{what}: the file is not a database of this kind ({code})",
            hint="check the URL's scheme matches the file (sqlite:/// or duckdb:///)",
        )
    return SourceError(
        f"{what}: the database reported an error ({code})",
        hint="run with the same URL in the database's own client to see the full message",
    )
