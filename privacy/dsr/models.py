"""Records of the request workflow: subjects, requests, plans and journal steps.

Nothing here holds a subject's value in the clear except :class:`Subject`, which lives only in
memory; what is persisted (:class:`Request`, :class:`Plan`, :class:`StepRecord`) carries the
pseudonym, table and column names and counts.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from privacy.dsr.states import RequestState, StepStatus
from privacy.errors import SubjectFormatError

_KIND_RE = re.compile(r"^[a-z][a-z0-9_]*$")

#: subject kinds whose values ignore case: ``Alice@Example.com`` is ``alice@example.com``, so
#: their identifier columns are matched case-insensitively everywhere (lookup, erase, verify,
#: export). Keys collected through relations (ids) are always matched exactly.
CASE_INSENSITIVE_KINDS = frozenset({"email", "username"})


class RequestKind(StrEnum):
    ERASE = "erase"
    EXPORT = "export"


class StepKind(StrEnum):
    DELETE = "delete"
    ANONYMIZE = "anonymize"
    SHRED = "shred"
    VERIFY = "verify"
    EXPORT = "export"
    MANIFEST = "manifest"


class Outcome(StrEnum):
    ERASED = "erased"
    EXPORTED = "exported"
    NO_DATA_FOUND = "no_data_found"


@dataclass(frozen=True)
class Subject:
    """A data subject as named on the command line: ``KIND:VALUE``. In memory only."""

    kind: str
    value: str

    @classmethod
    def parse(cls, text: str) -> Subject:
        kind, sep, value = text.partition(":")
        kind = kind.strip().lower()
        value = value.strip()
        if not sep or not kind or not value:
            raise SubjectFormatError(
                "a subject is written KIND:VALUE",
                hint="for example --subject email:alice@example.com or --subject customer_id:42",
            )
        if not _KIND_RE.match(kind):
            raise SubjectFormatError(
                f"subject kind {kind!r} is not a name (lowercase letters, digits, _)",
                hint="use a kind declared in privacy.toml (identifiers: kind, columns) or "
                "tagged in the catalog, e.g. email or customer_id",
            )
        return cls(kind, value)

    @property
    def fold_case(self) -> bool:
        """Are this kind's values matched case-insensitively?"""
        return self.kind in CASE_INSENSITIVE_KINDS

    def lookup_values(self) -> list[str]:
        """Values to look for: as given, and lowercased for kinds that ignore case (sources
        then compare them lowercased on both sides: see ``Selector.fold_case``)."""
        values = [self.value]
        if self.fold_case and self.value.lower() != self.value:
            values.append(self.value.lower())
        return values

    def __repr__(self) -> str:  # never print the value by accident
        return f"Subject(kind={self.kind!r}, value=<hidden>)"


@dataclass(frozen=True)
class Selector:
    """How the subject's rows in a table are found: ``column`` IN some values.

    ``parent`` is None for an identifier column (values = the subject's value), else the
    ``SOURCE.TABLE.COLUMN`` whose collected keys are the values (a relation). ``fold_case``:
    compared case-insensitively (identifiers of a kind that ignores case; never keys).
    """

    column: str
    parent: str | None = None
    origin: str = "identifier"  # identifier | fk | declared
    fold_case: bool = False

    @property
    def label(self) -> str:
        if self.parent is not None:
            return f"{self.column} -> {self.parent}"
        return f"{self.column} = subject" + (" (any case)" if self.fold_case else "")


@dataclass
class TableNode:
    source: str
    table: str
    selectors: list[Selector]
    rows: int = 0
    #: delete | anonymize (erase); export (export)
    action: str = "delete"
    reason: str = ""
    #: anonymize: the columns set and to what (None = NULL); never personal data
    replacements: dict[str, Any] = field(default_factory=dict)
    #: the columns of this table whose values children refer to (keys collected)
    key_columns: list[str] = field(default_factory=list)
    lake: bool = False

    @property
    def name(self) -> str:
        return f"{self.source}.{self.table}"


@dataclass
class Plan:
    """Tables in an order that respects the relations: parents first. Erasure runs it in
    reverse (children before parents)."""

    kind: RequestKind
    subject_kind: str
    tables: list[TableNode]
    notes: list[str] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(t.rows for t in self.tables)

    def node(self, name: str) -> TableNode:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "subject_kind": self.subject_kind,
            "notes": self.notes,
            "tables": [
                {**asdict(t), "selectors": [asdict(s) for s in t.selectors]} for t in self.tables
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Plan:
        tables = []
        for t in data["tables"]:
            t = dict(t)
            t["selectors"] = [Selector(**s) for s in t["selectors"]]
            tables.append(TableNode(**t))
        return cls(RequestKind(data["kind"]), data["subject_kind"], tables, list(data["notes"]))


@dataclass
class StepRecord:
    """One journal row: a step of a request, persisted before and after it runs."""

    request_id: str
    index: int
    kind: StepKind
    target: str  # SOURCE.TABLE, or "keys" / "request"
    status: StepStatus = StepStatus.PENDING
    rows_planned: int = 0
    rows_affected: int | None = None
    attempts: int = 0
    evidence: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None


@dataclass
class Request:
    id: str
    kind: RequestKind
    subject_kind: str
    pseudonym: str
    regime: str
    received_at: date
    due_at: date
    state: RequestState
    created_at: datetime
    updated_at: datetime
    state_reason: str | None = None
    paused_from: RequestState | None = None
    extended_until: date | None = None
    extension_reason: str | None = None
    outcome: str | None = None
    completed_at: datetime | None = None
    out_dir: str | None = None
    plan: Plan | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    #: sealed (encrypted) subject value and collected keys; None once the request is done
    sealed_subject: bytes | None = None
    sealed_keys: bytes | None = None

    @property
    def effective_due(self) -> date:
        return self.extended_until or self.due_at

    @property
    def is_open(self) -> bool:
        return self.state is not RequestState.DONE
