"""SOURCE arguments: tell URLs from paths, normalise SQL URLs, and keep passwords out of sight.

Accepted SQL URL forms (anything else is an :class:`UnsupportedSourceError`):

=====================================================  =====================================
given                                                  opened as
=====================================================  =====================================
``postgresql+psycopg://``, ``postgresql://``,          PostgreSQL with psycopg 3
``postgres://``
``mysql+pymysql://``, ``mysql://``, ``mariadb://``,    MySQL / MariaDB with PyMySQL
``mariadb+pymysql://``
``sqlite:///file.db``                                  SQLite (the file must exist)
``duckdb:///file.duckdb``                              DuckDB via duckdb-engine (must exist)
``file:///path``                                       a path (see :mod:`privacy.sources.files`)
=====================================================  =====================================

``?schema=NAME`` picks a schema other than the default (PostgreSQL, DuckDB); it is consumed
here and never reaches the driver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from privacy.errors import UnsupportedSourceError

#: scheme as typed -> (registry kind, SQLAlchemy drivername)
SCHEMES: dict[str, tuple[str, str]] = {
    "postgresql+psycopg": ("postgresql", "postgresql+psycopg"),
    "postgresql": ("postgresql", "postgresql+psycopg"),
    "postgres": ("postgresql", "postgresql+psycopg"),
    "mysql+pymysql": ("mysql", "mysql+pymysql"),
    "mysql": ("mysql", "mysql+pymysql"),
    "mariadb": ("mysql", "mysql+pymysql"),
    "mariadb+pymysql": ("mysql", "mysql+pymysql"),
    "sqlite": ("sqlite", "sqlite"),
    "sqlite+pysqlite": ("sqlite", "sqlite"),
    "duckdb": ("duckdb", "duckdb"),
}

URL_FORMS = (
    "postgresql+psycopg://USER@HOST/DB, mysql+pymysql://USER@HOST/DB, sqlite:///FILE.db, "
    "duckdb:///FILE.duckdb, or a path to a CSV/Parquet/JSON-lines file, a folder of them, "
    "or a Delta table"
)

_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
_USERINFO_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*://)([^/@]*)@")
_SECRET_PARAMS = {"password", "passwd", "pwd", "sslpassword", "passfile"}


def is_url(text: str) -> bool:
    return bool(_SCHEME_RE.match(text))


def scheme_of(text: str) -> str:
    m = _SCHEME_RE.match(text)
    return m.group(1).lower() if m else ""


def redact(text: str) -> str:
    """``text`` with any password removed, for messages and ``Source.url``; works on URLs
    SQLAlchemy cannot parse too."""
    m = _USERINFO_RE.match(text)
    if m:
        user = m.group(2).split(":", 1)[0]
        text = m.group(1) + (f"{user}@" if user else "") + text[m.end() :]
    return re.sub(
        r"([?&](?:" + "|".join(_SECRET_PARAMS) + r")=)[^&]*", r"\1***", text, flags=re.IGNORECASE
    )


@dataclass(frozen=True)
class SqlTarget:
    kind: str  # registry kind: postgresql, mysql, sqlite, duckdb
    url: URL  # normalised, with the password, for the engine
    display: str  # normalised, without the password, for Source.url and messages
    schema: str | None


def parse_sql_url(text: str) -> SqlTarget:
    """Normalise a SQL URL; raises UnsupportedSourceError for malformed URLs and schemes no
    adapter handles."""
    scheme = scheme_of(text)
    if scheme not in SCHEMES:
        raise UnsupportedSourceError(
            f"no adapter for URL scheme {scheme + '://' if scheme else text!r}",
            hint=f"use one of: {URL_FORMS}",
        )
    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as e:
        raise UnsupportedSourceError(
            f"malformed source URL {redact(text)!r}",
            hint=f"expected a form like {URL_FORMS}",
        ) from e
    kind, driver = SCHEMES[scheme]
    query = dict(url.query)
    schema = query.pop("schema", None)
    if isinstance(schema, tuple):
        schema = schema[-1]
    url = url.set(drivername=driver, query=query)
    # URL.set(password=None) keeps the password; build the shown URL without one
    shown = URL.create(
        drivername=driver,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query={k: v for k, v in url.query.items() if k.lower() not in _SECRET_PARAMS},
    )
    return SqlTarget(
        kind=kind,
        url=url,
        display=shown.render_as_string(hide_password=True),
        schema=schema or None,
    )


_DEFAULT_PORTS = {"postgresql": 5432, "mysql": 3306}


def identity(text: str) -> str:
    """What a SOURCE argument points at, for telling two sources apart under one name: the
    engine, host, port, database and schema of a SQL URL (not the driver, the user or the
    password: the same data reached two ways is one source), or a file's absolute path."""
    if not is_url(text):
        return str(Path(text).expanduser().resolve())
    scheme = scheme_of(text)
    if scheme not in SCHEMES:
        return redact(text)
    try:
        target = parse_sql_url(text)
    except UnsupportedSourceError:
        return redact(text)
    url = target.url
    if target.kind in ("sqlite", "duckdb"):
        db = url.database or ""
        return f"{target.kind}:{Path(db).expanduser().resolve() if db else ':memory:'}"
    port = url.port or _DEFAULT_PORTS.get(target.kind) or ""
    where = f"{url.host or 'localhost'}:{port}/{url.database or ''}"
    # of the query, only what changes which tables are seen (libpq's search_path option);
    # sslmode and the like reach the same data
    options = url.query.get("options")
    extra = f"?options={options}" if options else ""
    return f"{target.kind}://{where}{f'#{target.schema}' if target.schema else ''}{extra}"
