"""The scanner: drive a :class:`~privacy.sources.base.Source`, classify every column, and
record the proposals.

``scan_source`` samples each table (the source pushes sampling down to its engine), classifies
its columns and proposes subject identifiers; a table that fails (unreadable, permission
denied, vanished) becomes a :class:`TableFailure` naming the table and what to do, and the scan
goes on. ``record_scan`` stores the proposals in the catalog (never overriding a person's
decision), replaces the source's foreign-key relations, and audits ``scan.completed`` and one
``tag.proposed`` per personal-data column. ``run_scan`` does both for a SOURCE argument.

No sampled value leaves this module except inside the returned tags' evidence, which holds
shares and entity names only.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from privacy.catalog.models import ColumnTag, Relation, TagStatus
from privacy.entities import ENTITIES, category_of
from privacy.errors import PrivacyError, SourceNotFoundError
from privacy.scan.classifier import Classification, classify_table
from privacy.scan.subjects import propose
from privacy.sources.base import (
    ColumnInfo,
    ColumnRef,
    ForeignKey,
    Source,
    SupportsRelations,
    SupportsSample,
)

if TYPE_CHECKING:
    from privacy.catalog.store import Catalog
    from privacy.config import Settings
    from privacy.scan.nlp import NerTier

log = logging.getLogger(__name__)

#: progress(table, done, total) -- called before each table and once at the end
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TableFailure:
    """A table the scan could not read. Names the table and the remedy, never a value."""

    table: str
    error: str
    hint: str | None = None


@dataclass
class ScanReport:
    source: str
    url: str
    tags: list[ColumnTag] = field(default_factory=list)
    failures: list[TableFailure] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    #: the source declares foreign keys (relations were reflected, possibly none)
    has_relations: bool = False
    tables: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def pii(self) -> list[ColumnTag]:
        return [t for t in self.tags if t.entity is not None]

    @property
    def ok(self) -> bool:
        return not self.failures


def _tag(source: str, table: str, col: ColumnInfo, c: Classification) -> ColumnTag:
    ent = ENTITIES.get(c.entity) if c.entity else None
    return ColumnTag(
        source=source,
        table=table,
        column=col.name,
        entity=c.entity,
        category=category_of(c.entity),
        confidence=c.confidence,
        evidence=c.evidence,
        status=TagStatus.PROPOSED,
        identifies_subject=bool(ent and ent.identifies_subject),
        subject_kind=ent.subject_kind if ent else None,
        free_text=c.free_text,
    )


def _failure(table: str, e: Exception) -> TableFailure:
    if isinstance(e, PrivacyError):
        return TableFailure(table, e.message, e.hint)
    # driver errors may quote data: report the type only
    return TableFailure(
        table,
        f"table {table!r} could not be scanned ({type(e).__name__})",
        "check that the table is readable by this login and its data is well-formed; "
        "rerun with --table to scan the others",
    )


def scan_source(
    source: Source,
    *,
    tables: Sequence[str] | None = None,
    sample: int = 1000,
    ner: NerTier | None = None,
    progress: Progress | None = None,
) -> ScanReport:
    """Classify the columns of ``tables`` (all when None) of an open source."""
    started = time.perf_counter()
    report = ScanReport(source=source.name, url=source.url)
    available = source.tables()
    wanted = list(tables) if tables else available
    known = set(available)
    columns_of: dict[str, list[ColumnInfo]] = {}
    classified: dict[str, list[Classification]] = {}
    for i, table in enumerate(wanted):
        if progress:
            progress(table, i, len(wanted))
        if table not in known:
            report.failures.append(
                _failure(
                    table,
                    SourceNotFoundError(
                        f"table {table!r} does not exist in {source.name}",
                        hint=f"the source has {len(available)} table(s); run `privacy scan "
                        f"{source.name}` without --table to list them",
                    ),
                )
            )
            continue
        try:
            cols = source.columns(table)
            if not isinstance(source, SupportsSample):
                raise PrivacyError(
                    f"source {source.name} cannot sample table {table!r}",
                    hint="this adapter does not support sampling; scan a copy as Parquet or CSV",
                )
            data = source.sample(table, [c.name for c in cols], sample)
            classified[table] = classify_table(table, cols, data, ner=ner)
            columns_of[table] = cols
        except Exception as e:  # one table's failure must not stop the scan
            report.failures.append(_failure(table, e))
            log.debug("scan of %s.%s failed: %s", source.name, table, type(e).__name__)
            continue
    if progress:
        progress("", len(wanted), len(wanted))

    fks: list[ForeignKey] | None = None
    if isinstance(source, SupportsRelations):
        report.has_relations = True
        try:
            fks = source.foreign_keys()
        except Exception as e:
            report.failures.append(_failure("(foreign keys)", e))
            fks = []
        for fk in fks:
            for child, parent in zip(fk.columns, fk.ref_columns, strict=False):
                report.relations.append(
                    Relation(
                        ColumnRef(source.name, fk.table, child),
                        ColumnRef(source.name, fk.ref_table, parent),
                        "fk",
                    )
                )

    subjects = {(p.table, p.column): p for p in propose(columns_of, fks)}
    for table in wanted:
        if table not in classified:
            continue
        report.tables.append(table)
        for col, c in zip(columns_of[table], classified[table], strict=True):
            tag = _tag(source.name, table, col, c)
            p = subjects.get((table, col.name))
            if p is not None and not tag.identifies_subject:
                tag = tag.with_(
                    identifies_subject=True,
                    subject_kind=p.kind,
                    evidence=(*tag.evidence, p.evidence),
                )
            report.tags.append(tag)
    report.seconds = time.perf_counter() - started
    return report


def record_scan(
    settings: Settings,
    report: ScanReport,
    *,
    catalog: Catalog | None = None,
    actor: str | None = None,
) -> None:
    """Store a scan's proposals and relations in the catalog and audit them."""
    from privacy import auditing
    from privacy.catalog.store import Catalog

    auditing.ensure_writable(settings)  # fail closed: no proposals that could not be audited
    own = catalog is None
    cat = catalog or Catalog(settings.catalog_url)
    try:
        cat.record_proposals(report.tags)
        if report.has_relations:
            cat.replace_relations(report.source, report.relations, origin="fk")
    finally:
        if own:
            cat.close()
    for tag in report.pii:
        auditing.record(
            settings,
            "tag.proposed",
            str(tag.ref),
            details={"entity": tag.entity, "category": tag.category, "confidence": tag.confidence},
            actor=actor,
        )
    auditing.record(
        settings,
        "scan.completed",
        report.source,
        outcome="ok" if report.ok else "partial",
        details={
            "tables": len(report.tables),
            "columns": len(report.tags),
            "pii_columns": len(report.pii),
            "failed_tables": [f.table for f in report.failures],
        },
        actor=actor,
    )


def accept_above(
    settings: Settings,
    report: ScanReport,
    threshold: float,
    *,
    catalog: Catalog | None = None,
    actor: str = "user",
) -> list[ColumnTag]:
    """Confirm this scan's proposals with a confidence at or above ``threshold`` (decisions a
    person already made are left alone) and audit each as ``tag.confirmed``."""
    from privacy import auditing
    from privacy.catalog.store import Catalog

    own = catalog is None
    cat = catalog or Catalog(settings.catalog_url)
    done = []
    try:
        for tag in report.pii:
            if tag.confidence < threshold:
                continue
            current = cat.get(tag.ref)
            if current is None or current.status != TagStatus.PROPOSED:
                continue
            done.append(cat.confirm(tag.ref, actor))
    finally:
        if own:
            cat.close()
    for tag in done:
        auditing.record(
            settings,
            "tag.confirmed",
            str(tag.ref),
            details={"entity": tag.entity, "confidence": tag.confidence, "by": "accept-above"},
            actor=actor,
        )
    return done


def _claim(settings: Settings, catalog: Catalog, name: str, url: str, shown: str) -> None:
    """Refuse, before scanning, a name that already stands for other data in the catalog."""
    from privacy.sources.urls import identity

    configured = name in settings.sources and settings.sources[name].url == url
    catalog.claim_source(name, identity(url), shown, configured=configured)


def run_scan(
    settings: Settings,
    source_arg: str,
    *,
    tables: Sequence[str] | None = None,
    sample: int | None = None,
    ner: NerTier | bool | None = True,
    progress: Progress | None = None,
    record: bool = True,
    actor: str | None = None,
    name: str | None = None,
) -> ScanReport:
    """Open ``source_arg`` (a name from privacy.toml, a URL or a path), scan and record it.
    ``ner``: True for the shared NER tier of ``settings.nlp_model``, False for none.
    ``name``: the catalog name for a URL or path (default: derived from it, e.g. the database
    name); one name stands for one database or folder (SourceNameConflictError otherwise)."""
    from privacy.catalog.store import Catalog
    from privacy.sources import open_source

    if ner is True:
        from privacy.scan.nlp import shared_tier

        tier: NerTier | None = shared_tier(settings.nlp_model)
    else:
        tier = ner or None
    derived, url = settings.source_url(source_arg)
    name = name or derived
    cat: Catalog | None = None  # one handle for the name's claim and the proposals
    try:
        with open_source(url, name=name) as source:
            if record:
                cat = Catalog(settings.catalog_url)
                _claim(settings, cat, name, url, source.url)
            report = scan_source(
                source,
                tables=tables,
                sample=sample or settings.sample_size,
                ner=tier,
                progress=progress,
            )
        if cat is not None:
            record_scan(settings, report, catalog=cat, actor=actor)
    finally:
        if cat is not None:
            cat.close()
    return report
