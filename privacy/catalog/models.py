"""Catalog records: column tags and relations."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from privacy.sources.base import ColumnRef


class TagStatus(StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


@dataclass(frozen=True)
class ColumnTag:
    """What a column holds. ``entity`` None means "no personal data".

    A scan writes *proposed* tags; a person confirms, rejects or sets them. A confirmed tag with
    ``entity=None`` records a decision that the column is not personal data; a rejected tag
    records that the proposal was wrong (the column is then treated as not PII until rescanned
    proposals are confirmed).
    """

    source: str
    table: str
    column: str
    entity: str | None
    category: str | None = None
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()
    status: TagStatus = TagStatus.PROPOSED
    identifies_subject: bool = False
    subject_kind: str | None = None
    #: free text with personal data mixed into other words (tickets, notes)
    free_text: bool = False
    updated_at: datetime | None = None
    decided_by: str | None = None
    #: the latest scan's proposal, kept beside a person's decision for review
    scanned_entity: str | None = None
    #: when a full rescan of the source no longer found the column (None: it exists); the tag
    #: and any decision on it stay, so a person sees what went and decides what to do
    gone_at: datetime | None = None

    @property
    def ref(self) -> ColumnRef:
        return ColumnRef(self.source, self.table, self.column)

    @property
    def gone(self) -> bool:
        return self.gone_at is not None

    @property
    def is_pii(self) -> bool:
        """True when the tag, as it stands, says the column holds personal data."""
        return self.entity is not None and self.status != TagStatus.REJECTED

    def with_(self, **changes: object) -> ColumnTag:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Relation:
    """``child`` column holds values of ``parent`` column (a foreign key, or declared)."""

    child: ColumnRef
    parent: ColumnRef
    origin: str = "fk"  # fk | declared

    def __str__(self) -> str:
        return f"{self.child} -> {self.parent}"


@dataclass
class ProposalStats:
    added: int = 0
    updated: int = 0
    kept_decisions: int = 0
    unchanged: int = 0
    refs: list[ColumnRef] = field(default_factory=list)
