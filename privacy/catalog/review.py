"""A person's decisions on tags, each recorded in the audit log.

The :class:`~privacy.catalog.store.Catalog` stores; a :class:`Review` decides *and* audits
(``tag.confirmed``, ``tag.rejected``, ``tag.set``), so every path that confirms a tag — the
``privacy tag`` commands, the demo, an ETL job's first load — leaves the same evidence. The log
is opened before the catalog changes: a decision that could not be audited is not made.
"""

from __future__ import annotations

from collections.abc import Iterable

from privacy import auditing
from privacy.catalog.models import ColumnTag
from privacy.catalog.store import Catalog
from privacy.config import Settings
from privacy.sources.base import ColumnRef


class Review:
    def __init__(self, settings: Settings, catalog: Catalog, actor: str) -> None:
        self.settings = settings
        self.catalog = catalog
        self.actor = actor

    def _record(self, action: str, tag: ColumnTag, **details: object) -> None:
        auditing.record(
            self.settings,
            action,
            str(tag.ref),
            details={"entity": tag.entity, "category": tag.category, **details},
            actor=self.actor,
        )

    def confirm(self, ref: ColumnRef) -> ColumnTag:
        auditing.ensure_writable(self.settings)  # no decision that could not be audited
        tag = self.catalog.confirm(ref, self.actor)
        self._record("tag.confirmed", tag, confidence=tag.confidence)
        return tag

    def confirm_all(
        self, source: str | None = None, *, min_confidence: float = 0.0
    ) -> list[ColumnTag]:
        auditing.ensure_writable(self.settings)
        done = self.catalog.confirm_all(source, min_confidence=min_confidence, actor=self.actor)
        for tag in done:
            self._record("tag.confirmed", tag, confidence=tag.confidence)
        return done

    def reject(self, ref: ColumnRef) -> ColumnTag:
        auditing.ensure_writable(self.settings)
        tag = self.catalog.reject(ref, self.actor)
        self._record("tag.rejected", tag)
        return tag

    def set(self, ref: ColumnRef, entity: str | None) -> ColumnTag:
        """State what the column holds (``None``: no personal data)."""
        auditing.ensure_writable(self.settings)
        before = self.catalog.get(ref)
        tag = self.catalog.set(ref, entity, self.actor)
        self._record("tag.set", tag, previous=before.entity if before else None)
        return tag


def record_gone(
    settings: Settings,
    catalog: Catalog,
    source: str,
    present: Iterable[tuple[str, str]],
    *,
    unknown_tables: Iterable[str] = (),
    actor: str | None = None,
) -> list[ColumnTag]:
    """After a full scan of ``source``: mark the tags of columns it no longer has as gone
    (:meth:`Catalog.mark_gone`) and audit each as ``tag.gone``. The log is opened first: no
    tag changes without its event."""
    auditing.ensure_writable(settings)
    marked = catalog.mark_gone(source, present, unknown_tables=unknown_tables)
    for tag in marked:
        auditing.record(
            settings,
            "tag.gone",
            str(tag.ref),
            details={"entity": tag.entity, "status": tag.status.value},
            actor=actor,
        )
    return marked
