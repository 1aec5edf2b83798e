"""The scanner over a Source: failing tables, relations, subject proposals, catalog and audit."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa
import pytest

from privacy import auditing
from privacy.catalog.models import TagStatus
from privacy.catalog.store import Catalog
from privacy.config import Settings
from privacy.errors import SourceReadError
from privacy.scan.scanner import accept_above, record_scan, scan_source
from privacy.sources.base import (
    ColumnInfo,
    ColumnKind,
    ColumnRef,
    ForeignKey,
    Source,
    SupportsRelations,
    SupportsSample,
)

SECRET = "alice.secret@example.com"


class MemorySource(Source, SupportsSample, SupportsRelations):
    """A tiny in-test source: Arrow tables, one table that fails to read, declared FKs."""

    def __init__(
        self,
        tables: dict[str, pa.Table],
        *,
        broken: Sequence[str] = (),
        fks: Sequence[ForeignKey] = (),
    ) -> None:
        self.name, self.url = "mem", "memory://"
        self._tables, self._broken, self._fks = tables, set(broken), list(fks)

    def tables(self) -> list[str]:
        return sorted([*self._tables, *self._broken])

    def columns(self, table: str) -> list[ColumnInfo]:
        if table in self._broken:
            return [ColumnInfo("email", ColumnKind.STRING)]
        t = self._tables[table]
        kinds = {pa.string(): ColumnKind.STRING, pa.int64(): ColumnKind.INTEGER}
        return [ColumnInfo(f.name, kinds.get(f.type, ColumnKind.OTHER)) for f in t.schema]

    def count(self, table: str) -> int:
        return self._tables[table].num_rows

    def sample(self, table: str, columns: Sequence[str] | None = None, n: int = 1000) -> pa.Table:
        if table in self._broken:
            # a driver error that quotes a value: it must not reach the report
            raise UnicodeDecodeError("utf-8", SECRET.encode(), 0, 1, f"bad byte near {SECRET}")
        return self._tables[table].slice(0, n)

    def foreign_keys(self) -> list[ForeignKey]:
        return self._fks


def _source(**kw: object) -> MemorySource:
    emails = [f"user{i}@example.com" for i in range(60)]
    customers = pa.table(
        {
            "id": list(range(60)),
            "email": emails,
            "name": ["Anna Schmidt", "Owen Harris", "Maria Rossi"] * 20,
        }
    )
    orders = pa.table(
        {
            "order_id": list(range(60)),
            "customer_id": list(range(60)),
            "amount": [str(i * 1.5) for i in range(60)],
        }
    )
    fk = ForeignKey("orders", ("customer_id",), "customers", ("id",))
    return MemorySource({"customers": customers, "orders": orders}, fks=[fk], **kw)  # type: ignore[arg-type]


def test_scan_classifies_and_proposes_subjects() -> None:
    report = scan_source(_source(), ner=None)
    tags = {(t.table, t.column): t for t in report.tags}
    assert tags[("customers", "email")].entity == "EMAIL_ADDRESS"
    assert tags[("customers", "email")].subject_kind == "email"
    cid = tags[("customers", "id")]
    assert cid.entity is None and cid.identifies_subject and cid.subject_kind == "customer_id"
    fk = tags[("orders", "customer_id")]
    assert fk.identifies_subject and fk.subject_kind == "customer_id"
    assert any("foreign key" in e for e in fk.evidence)
    assert not tags[("orders", "order_id")].identifies_subject
    assert [str(r) for r in report.relations] == ["mem.orders.customer_id -> mem.customers.id"]


def test_failing_table_is_reported_and_the_scan_goes_on() -> None:
    report = scan_source(_source(broken=["leads"]), ner=None)
    assert [f.table for f in report.failures] == ["leads"]
    failure = report.failures[0]
    assert "leads" in failure.error and failure.hint
    assert SECRET not in failure.error and SECRET not in (failure.hint or "")
    assert {t.table for t in report.tags} == {"customers", "orders"}


def test_privacy_errors_keep_their_message_and_hint() -> None:
    src = _source()

    def boom(*a: object, **k: object) -> pa.Table:
        raise SourceReadError("orders.parquet is corrupt", hint="restore the file")

    src.sample = boom  # type: ignore[method-assign]
    report = scan_source(src, ner=None)
    assert {(f.error, f.hint) for f in report.failures} == {
        ("orders.parquet is corrupt", "restore the file")
    }


def test_unknown_table_is_a_failure_naming_it() -> None:
    report = scan_source(_source(), tables=["customers", "nope"], ner=None)
    assert [f.table for f in report.failures] == ["nope"]
    assert "does not exist" in report.failures[0].error
    assert {t.table for t in report.tags} == {"customers"}


def test_progress_is_reported_per_table() -> None:
    seen: list[tuple[str, int, int]] = []
    scan_source(_source(), ner=None, progress=lambda t, d, n: seen.append((t, d, n)))
    assert seen == [("customers", 0, 2), ("orders", 1, 2), ("", 2, 2)]


def test_record_scan_stores_proposals_relations_and_audits(settings: Settings) -> None:
    report = scan_source(_source(broken=["leads"]), ner=None)
    record_scan(settings, report, actor="tester")
    cat = Catalog(settings.catalog_url)
    try:
        tag = cat.get(ColumnRef("mem", "customers", "email"))
        assert tag is not None and tag.status == TagStatus.PROPOSED
        assert tag.entity == "EMAIL_ADDRESS"
        assert [str(r) for r in cat.relations()] == ["mem.orders.customer_id -> mem.customers.id"]
        assert ColumnRef("mem", "orders", "customer_id") in cat.identifier_columns("customer_id")
    finally:
        cat.close()
    auditing.flush(settings)
    log = auditing.open_log(settings, readonly=True)
    events = list(log.records())
    done = [e for e in events if e.action == "scan.completed"]
    assert len(done) == 1 and done[0].outcome == "partial"
    assert done[0].details == {
        "tables": 2,
        "columns": 6,
        "pii_columns": 2,
        "failed_tables": ["leads"],
    }
    proposed = {e.target: e.details for e in events if e.action == "tag.proposed"}
    assert proposed["mem.customers.email"]["entity"] == "EMAIL_ADDRESS"
    assert all(SECRET not in str(e.as_dict()) for e in events)


def test_rescan_keeps_a_persons_decision(settings: Settings) -> None:
    record_scan(settings, scan_source(_source(), ner=None))
    cat = Catalog(settings.catalog_url)
    ref = ColumnRef("mem", "customers", "email")
    cat.reject(ref, "dpo")
    record_scan(settings, scan_source(_source(), ner=None), catalog=cat)
    tag = cat.get(ref)
    cat.close()
    assert tag is not None and tag.status == TagStatus.REJECTED
    assert tag.scanned_entity == "EMAIL_ADDRESS"


@pytest.mark.parametrize(("threshold", "confirmed"), [(0.9, 1), (1.0, 0)])
def test_accept_above(settings: Settings, threshold: float, confirmed: int) -> None:
    report = scan_source(_source(), ner=None)
    record_scan(settings, report)
    done = accept_above(settings, report, threshold, actor="tester")
    assert all(t.confidence >= threshold and t.entity for t in done)
    assert len(done) >= confirmed
    cat = Catalog(settings.catalog_url)
    tag = cat.get(ColumnRef("mem", "customers", "email"))
    cat.close()
    assert tag is not None
    assert (tag.status == TagStatus.CONFIRMED) is (confirmed > 0)


class LakeSource(Source, SupportsSample):
    """No declared foreign keys (files, lakes): subjects are matched by column name."""

    def __init__(self, tables: dict[str, pa.Table]) -> None:
        self.name, self.url = "lake", "memory://lake"
        self._tables = tables

    def tables(self) -> list[str]:
        return sorted(self._tables)

    def columns(self, table: str) -> list[ColumnInfo]:
        kinds = {pa.string(): ColumnKind.STRING, pa.int64(): ColumnKind.INTEGER}
        return [ColumnInfo(f.name, kinds[f.type]) for f in self._tables[table].schema]

    def count(self, table: str) -> int:
        return self._tables[table].num_rows

    def sample(self, table: str, columns: Sequence[str] | None = None, n: int = 1000) -> pa.Table:
        return self._tables[table]


def test_subjects_by_name_without_foreign_keys() -> None:
    users = pa.table({"user_id": list(range(30)), "email": [f"u{i}@x.org" for i in range(30)]})
    events = pa.table({"event_id": list(range(30)), "user_id": list(range(30))})
    items = pa.table({"item_id": list(range(30)), "owner_user": list(range(30))})
    report = scan_source(LakeSource({"users": users, "events": events, "items": items}))
    kinds = {(t.table, t.column): t.subject_kind for t in report.tags if t.identifies_subject}
    assert kinds == {
        ("users", "user_id"): "user_id",
        ("users", "email"): "email",
        ("events", "user_id"): "user_id",
    }
    assert not report.has_relations and report.relations == []
