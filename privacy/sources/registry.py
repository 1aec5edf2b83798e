"""Explicit registry of source adapters: URL scheme or path kind -> factory.

Adapters are registered here by name, at the bottom of this module; nothing is discovered by
scanning subclasses. A third-party adapter calls :func:`register` with its own kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlparse

from privacy.errors import SourceNotFoundError, UnsupportedSourceError
from privacy.sources.base import Source
from privacy.sources.formats import SUFFIXES
from privacy.sources.urls import SCHEMES, URL_FORMS, is_url, parse_sql_url, redact, scheme_of

#: factory(url_or_path, name) -> Source
Factory = Callable[[str, str], Source]

_FACTORIES: dict[str, Factory] = {}


def register(kind: str, factory: Factory) -> None:
    """Register an adapter for a URL scheme (``postgresql``, ``sqlite``, ...) or a path kind
    (``path``). A later registration for the same kind replaces the earlier one."""
    _FACTORIES[kind] = factory


def registered() -> list[str]:
    return sorted(_FACTORIES)


def _safe_name(text: str) -> str:
    # names appear in SOURCE.TABLE.COLUMN: no dots or spaces
    return re.sub(r"[^A-Za-z0-9_\-]+", "_", text).strip("_") or "source"


def default_name(url: str) -> str:
    """A short source name: the database's name, or the file's or folder's stem."""
    if is_url(url) and scheme_of(url) != "file":
        try:
            db = parse_sql_url(url).url.database or ""
        except UnsupportedSourceError:
            db = ""
        return _safe_name(Path(db).stem if "/" in db or "." in db else db)
    path = Path(_file_path(url)).expanduser()
    name = path.resolve().name if str(path) in (".", "") else path.name
    for suffix in SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return _safe_name(name)


def _file_path(url: str) -> str:
    if scheme_of(url) == "file":
        return unquote(urlparse(url).path)
    return url


def open_source(url: str, name: str | None = None) -> Source:
    """Open a SOURCE argument: a SQLAlchemy URL, or a path to a file, folder or Delta table.

    Raises UnsupportedSourceError for unknown schemes and malformed URLs, SourceNotFoundError
    for a missing path or database file, SourceUnavailableError (retryable) when a server
    cannot be reached, SourcePermissionError when the login is refused. Messages never show
    the URL's password.
    """
    url = url.strip()
    if not url:
        raise UnsupportedSourceError("empty SOURCE", hint=f"give one of: {URL_FORMS}")
    name = name or default_name(url)
    if is_url(url) and scheme_of(url) != "file":
        scheme = scheme_of(url)
        if scheme not in SCHEMES:
            raise UnsupportedSourceError(
                f"no adapter for URL scheme {scheme + '://'!r} (in {redact(url)!r})",
                hint=f"use one of: {URL_FORMS}",
            )
        kind = SCHEMES[scheme][0]
    else:
        url = _file_path(url)
        if not Path(url).expanduser().exists():
            raise SourceNotFoundError(
                f"no file or folder at {url!r}",
                hint="check the path (relative paths start from the working directory)",
            )
        kind = "path"
    factory = _FACTORIES.get(kind)
    if factory is None:
        raise UnsupportedSourceError(
            f"no adapter registered for {kind!r} sources",
            hint=f"registered: {', '.join(registered())}",
        )
    return factory(url, name)


# --- the built-in adapters, registered explicitly ---------------------------------------------


def _open_sql(url: str, name: str) -> Source:
    from privacy.sources.sql import SqlSource

    return SqlSource(parse_sql_url(url), name)


def _open_path(path: str, name: str) -> Source:
    from privacy.sources.files import open_path

    return open_path(Path(path).expanduser(), name)


for _kind in ("postgresql", "mysql", "sqlite", "duckdb"):
    register(_kind, _open_sql)
register("path", _open_path)
