"""What the guard reads and keeps in the catalog database.

Tags come from :class:`privacy.catalog.Catalog`. The catalog does not store column types, so
the guard keeps its own table, ``hook_schemas`` (one row per SOURCE.TABLE.COLUMN: the logical
type last let through), in the same database under its own SQLAlchemy ``MetaData``. A type
change of a tagged column (an integer id that now carries text) is how the guard notices a
column whose meaning changed while its name stayed.

Catalog handles are opened once per process and URL (opening one creates tables and costs
milliseconds; a lookup is a fraction of one). Lookups themselves are never cached: a person's
decision counts from the next batch on. Each batch reads the dataset's tags and types in one
connection with statements built once; only the conversion of a tag row into a
:class:`~privacy.catalog.ColumnTag` is remembered, keyed by every field of the row as read, so
a changed row is a new key. A forked child (Airflow runs tasks in forks) opens its own handle.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from contextlib import AbstractContextManager
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from privacy.catalog import Catalog, ColumnTag, db
from privacy.catalog.store import _row_to_tag, tags_table

metadata = sa.MetaData()

schemas_table = sa.Table(
    "hook_schemas",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.String(200), nullable=False),
    sa.Column("table_name", sa.String(300), nullable=False),
    sa.Column("column_name", sa.String(300), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("source", "table_name", "column_name", name="uq_hook_schema_column"),
)

# built once: the guard runs these on every batch
_KINDS = sa.select(schemas_table.c.column_name, schemas_table.c.kind).where(
    schemas_table.c.source == sa.bindparam("source"),
    schemas_table.c.table_name == sa.bindparam("table"),
)
#: the dataset's tags in the catalog's own order (``Catalog.tags``: by id within a table)
_TAGS = (
    sa.select(tags_table)
    .where(
        tags_table.c.source == sa.bindparam("source"),
        tags_table.c.table_name == sa.bindparam("table"),
    )
    .order_by(tags_table.c.id)
)
#: tag rows converted, at most this many kept (a row is its key: nothing stale is served)
_TAG_MEMO = 8192

_UNAVAILABLE_HINT = (
    "check that the database is running and the URL is right; batches are rejected until it is back"
)


class GuardState:
    """Tags and last-seen column types of datasets, over one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.identity: tuple[int, int] | None = None
        self._tags: dict[tuple[object, ...], ColumnTag] = {}
        with db.unavailable(catalog.label, _UNAVAILABLE_HINT):
            metadata.create_all(catalog.engine)

    def _tx(self) -> AbstractContextManager[sa.Connection]:
        return db.transaction(self.catalog.engine, self.catalog.label, _UNAVAILABLE_HINT)

    def tags(self, source: str, table: str) -> dict[str, ColumnTag]:
        return self.lookup(source, table)[0]

    def kinds(self, source: str, table: str) -> dict[str, str]:
        with (
            db.unavailable(self.catalog.label, _UNAVAILABLE_HINT),
            self.catalog.engine.connect() as conn,
        ):
            rows = conn.execute(_KINDS, {"source": source, "table": table}).all()
        return {r[0]: r[1] for r in rows}

    def lookup(self, source: str, table: str) -> tuple[dict[str, ColumnTag], dict[str, str]]:
        """The dataset's tags (column -> tag) and the column types last let through, read
        fresh in one connection."""
        params = {"source": source, "table": table}
        with (
            db.unavailable(self.catalog.label, _UNAVAILABLE_HINT),
            self.catalog.engine.connect() as conn,
        ):
            tag_rows = conn.execute(_TAGS, params).all()
            kind_rows = conn.execute(_KINDS, params).all()
        tags = {}
        for row in tag_rows:
            t = self._tag(row)
            tags[t.column] = t
        return tags, {r[0]: r[1] for r in kind_rows}

    def _tag(self, row: sa.Row[object]) -> ColumnTag:
        key = tuple(row)
        tag = self._tags.get(key)
        if tag is None:
            if len(self._tags) >= _TAG_MEMO:
                self._tags.clear()
            tag = self._tags[key] = _row_to_tag(row)
        return tag

    def remember_kinds(
        self, source: str, table: str, kinds: Mapping[str, str], known: Mapping[str, str]
    ) -> None:
        """Store ``kinds`` (column -> logical type) where they differ from ``known``."""
        changed = {c: k for c, k in kinds.items() if known.get(c) != k}
        if not changed:
            return
        try:
            self._store(source, table, changed)
        except IntegrityError:
            # another job stored the same column first; one retry updates its row
            self._store(source, table, changed)

    def _store(self, source: str, table: str, changed: Mapping[str, str]) -> None:
        s = schemas_table
        now = datetime.now(UTC)
        with self._tx() as conn:
            for col, kind in changed.items():
                key = (s.c.source == source, s.c.table_name == table, s.c.column_name == col)
                res = conn.execute(s.update().where(*key).values(kind=kind, updated_at=now))
                if res.rowcount == 0:
                    conn.execute(
                        s.insert().values(
                            source=source,
                            table_name=table,
                            column_name=col,
                            kind=kind,
                            updated_at=now,
                        )
                    )


_lock = threading.Lock()
_states: dict[str, GuardState] = {}


def _forget_all() -> None:
    # the parent's pooled connections must not be shared with a forked child
    _states.clear()


os.register_at_fork(after_in_child=_forget_all)


def _identity(url: str) -> tuple[int, int] | None:
    """For a SQLite file: which file it is now (a catalog deleted and created anew must not
    be read through a handle on the old, unlinked file)."""
    if not url.startswith("sqlite:///"):
        return None
    try:
        st = os.stat(url.removeprefix("sqlite:///"))
    except OSError:
        return None
    return st.st_dev, st.st_ino


def state_for(url: str) -> GuardState:
    """The process's handle on the catalog at ``url`` (opened on first use).

    Raises CatalogUnavailableError when the database cannot be reached; nothing is cached
    then, so the next call tries again."""
    ident = _identity(url)
    with _lock:
        st = _states.get(url)
        if st is not None and st.identity != ident:
            st.catalog.close()
            st = None
        if st is None:
            st = GuardState(Catalog(url))
            st.identity = _identity(url)
            _states[url] = st
        return st


def close_all() -> None:
    """Close every handle (tests, and jobs that want their connections back)."""
    with _lock:
        for st in _states.values():
            st.catalog.close()
        _states.clear()
