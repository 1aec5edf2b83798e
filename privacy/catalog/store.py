"""The catalog store: tags and relations through SQLAlchemy (SQLite by default, PostgreSQL by URL).

Rescans update proposals and never override a person's decision: a confirmed or rejected tag
keeps its entity and status; the new proposal is recorded beside it (``scanned_entity``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime

import sqlalchemy as sa

from privacy.catalog import db
from privacy.catalog.models import ColumnTag, ProposalStats, Relation, TagStatus
from privacy.entities import category_of, subject_kind_of
from privacy.errors import SourceNameConflictError, UnknownColumnError
from privacy.sources.base import ColumnRef

_UNAVAILABLE_HINT = (
    "check that the database is running and the URL is right; "
    "work that needs the catalog fails closed until it is back"
)

metadata = sa.MetaData()

tags_table = sa.Table(
    "catalog_tags",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.String(200), nullable=False),
    sa.Column("table_name", sa.String(300), nullable=False),
    sa.Column("column_name", sa.String(300), nullable=False),
    sa.Column("entity", sa.String(64)),
    sa.Column("category", sa.String(64)),
    sa.Column("confidence", sa.Float, nullable=False, default=0.0),
    sa.Column("evidence", sa.Text, nullable=False, default="[]"),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("identifies_subject", sa.Boolean, nullable=False, default=False),
    sa.Column("subject_kind", sa.String(64)),
    sa.Column("free_text", sa.Boolean, nullable=False, default=False),
    sa.Column("scanned_entity", sa.String(64)),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("decided_by", sa.String(200)),
    #: when a full rescan of the source no longer found the column (NULL: it exists)
    sa.Column("gone_at", sa.DateTime(timezone=True)),
    sa.UniqueConstraint("source", "table_name", "column_name", name="uq_catalog_tag_column"),
)

relations_table = sa.Table(
    "catalog_relations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("child_source", sa.String(200), nullable=False),
    sa.Column("child_table", sa.String(300), nullable=False),
    sa.Column("child_column", sa.String(300), nullable=False),
    sa.Column("parent_source", sa.String(200), nullable=False),
    sa.Column("parent_table", sa.String(300), nullable=False),
    sa.Column("parent_column", sa.String(300), nullable=False),
    sa.Column("origin", sa.String(16), nullable=False),
    sa.UniqueConstraint(
        "child_source",
        "child_table",
        "child_column",
        "parent_source",
        "parent_table",
        "parent_column",
        name="uq_catalog_relation",
    ),
)

#: which data each source name stands for: one name, one database or folder
sources_table = sa.Table(
    "catalog_sources",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    #: what the name points at (:func:`privacy.sources.urls.identity`), compared on each scan
    sa.Column("identity", sa.String(1000), nullable=False),
    #: the URL or path as shown (no password), for messages and for opening it again
    sa.Column("url", sa.String(1000), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)


def _now() -> datetime:
    return datetime.now(UTC)


def _row_to_tag(r: sa.Row[object]) -> ColumnTag:
    m = r._mapping
    updated = m["updated_at"]
    if updated is not None and updated.tzinfo is None:
        updated = updated.replace(tzinfo=UTC)
    gone = m["gone_at"]
    if gone is not None and gone.tzinfo is None:
        gone = gone.replace(tzinfo=UTC)
    return ColumnTag(
        source=m["source"],
        table=m["table_name"],
        column=m["column_name"],
        entity=m["entity"],
        category=m["category"],
        confidence=float(m["confidence"]),
        evidence=tuple(json.loads(m["evidence"] or "[]")),
        status=TagStatus(m["status"]),
        identifies_subject=bool(m["identifies_subject"]),
        subject_kind=m["subject_kind"],
        free_text=bool(m["free_text"]),
        updated_at=updated,
        decided_by=m["decided_by"],
        scanned_entity=m["scanned_entity"],
        gone_at=gone,
    )


#: columns added after the first release: (table, column) -> DDL type, added on open
_ADDED_COLUMNS = {("catalog_tags", "gone_at"): sa.DateTime(timezone=True)}


def _add_missing_columns(engine: sa.Engine) -> None:
    """Bring a catalog written by an older release up to date (ALTER TABLE ... ADD COLUMN, all
    nullable, so old rows keep their meaning)."""
    insp = sa.inspect(engine)
    for (table, column), type_ in _ADDED_COLUMNS.items():
        if column in {c["name"] for c in insp.get_columns(table)}:
            continue
        ddl = f"ALTER TABLE {table} ADD COLUMN {column} {type_.compile(dialect=engine.dialect)}"
        try:
            with engine.begin() as conn:
                conn.execute(sa.text(ddl))
        except (sa.exc.ProgrammingError, sa.exc.OperationalError):
            # another process added it between our look and our ALTER: fine if it is there now
            if column not in {c["name"] for c in sa.inspect(engine).get_columns(table)}:
                raise


class Catalog:
    """Column tags and relations. Safe to share across threads (one engine, short sessions)."""

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = url
        self.engine = db.create_engine(url)
        #: the database as messages name it (password hidden)
        self.label = db.describe(self.engine)
        if create:
            with db.unavailable(self.label, _UNAVAILABLE_HINT):
                metadata.create_all(self.engine)
                _add_missing_columns(self.engine)

    def _tx(self) -> AbstractContextManager[sa.Connection]:
        return db.transaction(self.engine, self.label, _UNAVAILABLE_HINT)

    def close(self) -> None:
        self.engine.dispose()

    # --- tags ----------------------------------------------------------------------------

    def get(self, ref: ColumnRef) -> ColumnTag | None:
        t = tags_table
        with self._tx() as conn:
            row = conn.execute(
                sa.select(t).where(
                    t.c.source == ref.source,
                    t.c.table_name == ref.table,
                    t.c.column_name == ref.column,
                )
            ).first()
        return _row_to_tag(row) if row else None

    def tags(
        self,
        source: str | None = None,
        table: str | None = None,
        status: TagStatus | None = None,
        *,
        pii_only: bool = False,
    ) -> list[ColumnTag]:
        t = tags_table
        q = sa.select(t).order_by(t.c.source, t.c.table_name, t.c.id)
        if source is not None:
            q = q.where(t.c.source == source)
        if table is not None:
            q = q.where(t.c.table_name == table)
        if status is not None:
            q = q.where(t.c.status == status.value)
        if pii_only:
            q = q.where(t.c.entity.is_not(None), t.c.status != TagStatus.REJECTED.value)
        with self._tx() as conn:
            return [_row_to_tag(r) for r in conn.execute(q)]

    def record_proposals(self, proposals: Iterable[ColumnTag]) -> ProposalStats:
        """Store a scan's proposals. Decisions (confirmed/rejected) are kept as they are."""
        stats = ProposalStats()
        t = tags_table
        now = _now()
        with self._tx() as conn:
            for p in proposals:
                key = (
                    t.c.source == p.source,
                    t.c.table_name == p.table,
                    t.c.column_name == p.column,
                )
                row = conn.execute(sa.select(t).where(*key)).first()
                values = {
                    "confidence": p.confidence,
                    "evidence": json.dumps(list(p.evidence)),
                    "scanned_entity": p.entity,
                    "updated_at": now,
                    "gone_at": None,  # seen again: a column that was gone is back
                }
                stats.refs.append(p.ref)
                if row is None:
                    conn.execute(
                        t.insert().values(
                            source=p.source,
                            table_name=p.table,
                            column_name=p.column,
                            entity=p.entity,
                            category=p.category or category_of(p.entity),
                            status=TagStatus.PROPOSED.value,
                            identifies_subject=p.identifies_subject,
                            subject_kind=p.subject_kind,
                            free_text=p.free_text,
                            **values,
                        )
                    )
                    stats.added += 1
                    continue
                old = _row_to_tag(row)
                if old.status != TagStatus.PROPOSED:
                    # a person decided; record what the scan saw, change nothing else
                    conn.execute(
                        t.update()
                        .where(*key)
                        .values(scanned_entity=p.entity, updated_at=now, gone_at=None)
                    )
                    stats.kept_decisions += 1
                    continue
                if (old.entity, old.free_text) == (p.entity, p.free_text) and abs(
                    old.confidence - p.confidence
                ) < 1e-9:
                    stats.unchanged += 1
                else:
                    stats.updated += 1
                conn.execute(
                    t.update()
                    .where(*key)
                    .values(
                        entity=p.entity,
                        category=p.category or category_of(p.entity),
                        identifies_subject=p.identifies_subject,
                        subject_kind=p.subject_kind,
                        free_text=p.free_text,
                        **values,
                    )
                )
        return stats

    def _decide(self, ref: ColumnRef, actor: str, **values: object) -> ColumnTag:
        t = tags_table
        key = (t.c.source == ref.source, t.c.table_name == ref.table, t.c.column_name == ref.column)
        with self._tx() as conn:
            res = conn.execute(
                t.update().where(*key).values(decided_by=actor, updated_at=_now(), **values)
            )
            if res.rowcount == 0:
                raise UnknownColumnError(
                    f"{ref} is not in the catalog",
                    hint="scan the source first (`privacy scan SOURCE`) or check the name with "
                    "`privacy tag list`",
                )
            row = conn.execute(sa.select(t).where(*key)).one()
        return _row_to_tag(row)

    def confirm(self, ref: ColumnRef, actor: str = "user") -> ColumnTag:
        return self._decide(ref, actor, status=TagStatus.CONFIRMED.value)

    def reject(self, ref: ColumnRef, actor: str = "user") -> ColumnTag:
        return self._decide(ref, actor, status=TagStatus.REJECTED.value)

    def set(self, ref: ColumnRef, entity: str | None, actor: str = "user") -> ColumnTag:
        """A person states what the column holds (``None``: no personal data). Creates the tag
        if the column was never scanned."""
        from privacy.entities import ENTITIES

        kind = subject_kind_of(entity)
        values: dict[str, object] = {
            "status": TagStatus.CONFIRMED.value,
            "entity": entity,
            "category": category_of(entity),
            "identifies_subject": bool(
                entity and ENTITIES.get(entity, None) and ENTITIES[entity].identifies_subject
            ),
            "subject_kind": kind,
            "free_text": entity == "FREE_TEXT_PII",
        }
        if self.get(ref) is None:
            self.record_proposals([ColumnTag(ref.source, ref.table, ref.column, entity)])
        return self._decide(ref, actor, **values)

    def set_subject_kind(self, ref: ColumnRef, kind: str | None, actor: str = "user") -> ColumnTag:
        return self._decide(ref, actor, subject_kind=kind, identifies_subject=kind is not None)

    def confirm_all(
        self, source: str | None = None, *, min_confidence: float = 0.0, actor: str = "user"
    ) -> list[ColumnTag]:
        """Confirm every proposed tag (optionally of one source, at or above a confidence)."""
        done = []
        for tag in self.tags(source, status=TagStatus.PROPOSED):
            if tag.entity is None or tag.confidence >= min_confidence:
                done.append(self.confirm(tag.ref, actor))
        return done

    def mark_gone(
        self,
        source: str,
        present: Iterable[tuple[str, str]],
        *,
        unknown_tables: Iterable[str] = (),
    ) -> list[ColumnTag]:
        """After a full scan of ``source``: mark its tags whose (table, column) is not in
        ``present`` as gone, and return the ones newly marked. Tables in ``unknown_tables`` (the
        scan could not read them) are left alone. Nothing is deleted: a person's decision stays
        with the column, which comes back unmarked if a later scan sees it again."""
        seen = set(present)
        skip = set(unknown_tables)
        t = tags_table
        now = _now()
        marked = []
        with self._tx() as conn:
            rows = conn.execute(
                sa.select(t).where(t.c.source == source, t.c.gone_at.is_(None))
            ).all()
            for row in rows:
                tag = _row_to_tag(row)
                if (tag.table, tag.column) in seen or tag.table in skip:
                    continue
                conn.execute(t.update().where(t.c.id == row._mapping["id"]).values(gone_at=now))
                marked.append(tag.with_(gone_at=now))
        return marked

    def forget_table(self, source: str, table: str) -> int:
        t = tags_table
        with self._tx() as conn:
            return conn.execute(
                t.delete().where(t.c.source == source, t.c.table_name == table)
            ).rowcount

    # --- relations -----------------------------------------------------------------------

    def add_relations(self, relations: Iterable[Relation]) -> int:
        r = relations_table
        added = 0
        with self._tx() as conn:
            for rel in relations:
                key = {
                    "child_source": rel.child.source,
                    "child_table": rel.child.table,
                    "child_column": rel.child.column,
                    "parent_source": rel.parent.source,
                    "parent_table": rel.parent.table,
                    "parent_column": rel.parent.column,
                }
                exists = conn.execute(
                    sa.select(r.c.id).where(*(r.c[k] == v for k, v in key.items()))
                ).first()
                if exists is None:
                    conn.execute(r.insert().values(origin=rel.origin, **key))
                    added += 1
        return added

    def replace_relations(self, source: str, relations: Sequence[Relation], origin: str) -> None:
        """Replace the relations of ``origin`` whose child lives in ``source`` (a rescan)."""
        r = relations_table
        with self._tx() as conn:
            conn.execute(r.delete().where(r.c.child_source == source, r.c.origin == origin))
        self.add_relations(relations)

    def relations(self) -> list[Relation]:
        r = relations_table
        with self._tx() as conn:
            rows = conn.execute(sa.select(r).order_by(r.c.id)).all()
        return [
            Relation(
                ColumnRef(x.child_source, x.child_table, x.child_column),
                ColumnRef(x.parent_source, x.parent_table, x.parent_column),
                x.origin,
            )
            for x in rows
        ]

    # --- sources ------------------------------------------------------------------------

    def claim_source(self, name: str, identity: str, url: str, *, configured: bool) -> None:
        """Record that ``name`` stands for the data at ``identity``. A name already standing
        for other data is refused (two databases called ``test`` would mix their tags), unless
        the name is configured in privacy.toml, whose URL then wins (the data moved)."""
        t = sources_table
        with self._tx() as conn:
            row = conn.execute(sa.select(t.c.identity, t.c.url).where(t.c.name == name)).first()
            if row is None:
                conn.execute(
                    t.insert().values(name=name, identity=identity, url=url, updated_at=_now())
                )
                return
            if row.identity != identity and not configured:
                raise SourceNameConflictError(
                    f"the catalog's source {name!r} holds the tags of {row.url}, not of {url}",
                    hint=f"scan it under another name (`privacy scan {url} --name NAME`), or "
                    f"declare both in privacy.toml ([sources.NAME] url = ...); if it is the "
                    f"same data moved, declare {name!r} with its new URL in privacy.toml",
                )
            conn.execute(
                t.update()
                .where(t.c.name == name)
                .values(identity=identity, url=url, updated_at=_now())
            )

    def source_urls(self) -> dict[str, str]:
        """Each scanned source's URL or path as last scanned (no password)."""
        t = sources_table
        with self._tx() as conn:
            return {r.name: r.url for r in conn.execute(sa.select(t.c.name, t.c.url))}

    def identifier_columns(self, kind: str) -> list[ColumnRef]:
        """Columns tagged (and not rejected) as naming a subject of ``kind``."""
        t = tags_table
        with self._tx() as conn:
            rows = conn.execute(
                sa.select(t.c.source, t.c.table_name, t.c.column_name).where(
                    t.c.subject_kind == kind, t.c.status != TagStatus.REJECTED.value
                )
            ).all()
        return [ColumnRef(*row) for row in rows]


def open_catalog(url: str) -> Catalog:
    return Catalog(url)
