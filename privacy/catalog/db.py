"""The catalog database: opening it and turning its outages into the toolkit's errors.

The catalog store (:mod:`privacy.catalog.store`), the request journal (:mod:`privacy.dsr.store`)
and the guard's schema table (:mod:`privacy.hooks.state`) share one database (SQLite by default,
PostgreSQL by URL) and open and guard it the same way; each names what failed and what to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError

from privacy.errors import CatalogError, CatalogUnavailableError


def create_engine(url: str) -> sa.Engine:
    """An engine for the catalog database at ``url``; a SQLite file's folder is created."""
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            folder = Path(path).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise CatalogError(
                    f"cannot create the catalog database's folder {folder} ({e.strerror})",
                    hint="set PRIVACY_HOME or [state] catalog_url in privacy.toml to a "
                    "writable place",
                ) from None
    try:
        return sa.create_engine(url, future=True)
    except (SQLAlchemyError, ValueError, ImportError) as e:
        raise CatalogError(
            f"catalog URL is not usable ({type(e).__name__})",
            hint="set [state] catalog_url in privacy.toml to a SQLAlchemy URL",
        ) from None


def describe(engine: sa.Engine) -> str:
    """The database as messages name it (password hidden)."""
    return f"catalog database {engine.url.render_as_string(hide_password=True)}"


@contextmanager
def unavailable(what: str, hint: str) -> Iterator[None]:
    """An unreachable database (OperationalError) becomes CatalogUnavailableError: ``what``
    cannot be reached. Only the driver's exception class is named, never its message."""
    try:
        yield
    except OperationalError as e:
        reason = type(e.orig).__name__ if e.orig else "OperationalError"
        raise CatalogUnavailableError(f"{what} cannot be reached ({reason})", hint=hint) from None
    except DatabaseError as e:
        # not an outage: the file or schema is not a catalog (a damaged or foreign file)
        reason = type(e.orig).__name__ if e.orig else "DatabaseError"
        raise CatalogError(
            f"{what} cannot be read as a catalog ({reason})",
            hint="the file may be damaged or not a catalog: restore it from a backup, or point "
            "[state] catalog_url at the right database; tags are not changed meanwhile",
        ) from None


@contextmanager
def transaction(engine: sa.Engine, what: str, hint: str) -> Iterator[sa.Connection]:
    """One transaction, committed on a clean exit, with outages as in :func:`unavailable`."""
    with unavailable(what, hint), engine.begin() as conn:
        yield conn
