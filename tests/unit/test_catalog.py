from pathlib import Path

import pytest

from privacy.catalog import Catalog, ColumnTag, Relation, TagStatus
from privacy.config import Settings
from privacy.errors import CatalogError, CatalogUnavailableError, UnknownColumnError
from privacy.sources.base import ColumnRef


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    return Catalog(f"sqlite:///{tmp_path / 'c.db'}")


def tag(col: str, entity: str | None, conf: float = 0.9) -> ColumnTag:
    return ColumnTag("w", "customers", col, entity, confidence=conf)


def test_proposals_are_stored_with_category(catalog: Catalog) -> None:
    stats = catalog.record_proposals([tag("email", "EMAIL_ADDRESS"), tag("amount", None, 0.0)])
    assert stats.added == 2
    t = catalog.get(ColumnRef("w", "customers", "email"))
    assert t is not None and t.category == "contact" and t.status == TagStatus.PROPOSED
    assert [x.column for x in catalog.tags(pii_only=True)] == ["email"]


def test_rescan_never_overrides_a_decision(catalog: Catalog) -> None:
    catalog.record_proposals([tag("email", "EMAIL_ADDRESS"), tag("notes", "PERSON")])
    catalog.confirm(ColumnRef("w", "customers", "email"))
    catalog.reject(ColumnRef("w", "customers", "notes"))
    stats = catalog.record_proposals([tag("email", "PHONE_NUMBER"), tag("notes", "LOCATION")])
    assert stats.kept_decisions == 2
    email = catalog.get(ColumnRef("w", "customers", "email"))
    notes = catalog.get(ColumnRef("w", "customers", "notes"))
    assert email and email.entity == "EMAIL_ADDRESS" and email.status == TagStatus.CONFIRMED
    assert email.scanned_entity == "PHONE_NUMBER"
    assert notes and notes.entity == "PERSON" and notes.status == TagStatus.REJECTED
    assert not notes.is_pii


def test_rescan_updates_proposals(catalog: Catalog) -> None:
    catalog.record_proposals([tag("c", "PERSON", 0.5)])
    stats = catalog.record_proposals([tag("c", "LAST_NAME", 0.8)])
    assert stats.updated == 1
    t = catalog.get(ColumnRef("w", "customers", "c"))
    assert t and t.entity == "LAST_NAME" and t.confidence == pytest.approx(0.8)


def test_set_creates_confirmed_tag_with_subject_kind(catalog: Catalog) -> None:
    t = catalog.set(ColumnRef("w", "customers", "mail"), "EMAIL_ADDRESS")
    assert t.status == TagStatus.CONFIRMED and t.subject_kind == "email"
    assert catalog.identifier_columns("email") == [ColumnRef("w", "customers", "mail")]


def test_decision_on_unknown_column_says_what_to_do(catalog: Catalog) -> None:
    with pytest.raises(UnknownColumnError, match="privacy scan"):
        catalog.confirm(ColumnRef("w", "nope", "x"))


def test_relations_dedupe_and_replace(catalog: Catalog) -> None:
    r = Relation(ColumnRef("w", "orders", "customer_id"), ColumnRef("w", "customers", "id"))
    assert catalog.add_relations([r, r]) == 1
    catalog.replace_relations("w", [], origin="fk")
    assert catalog.relations() == []


def test_unreachable_catalog_is_retryable_error() -> None:
    with pytest.raises(CatalogUnavailableError) as e:
        Catalog("postgresql+psycopg://nobody@127.0.0.1:1/nothing?connect_timeout=2")
    assert e.value.retryable


def test_catalog_folder_that_cannot_be_created_is_a_catalog_error(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the state folder should be")
    with pytest.raises(CatalogError) as e:
        Catalog(f"sqlite:///{blocker}/catalog.db")
    assert str(blocker) in e.value.message
    assert e.value.hint


def test_review_decisions_are_audited_without_values(settings: Settings) -> None:
    from privacy.catalog.review import Review
    from tests.support import audit_events

    cat = Catalog(settings.catalog_url)
    cat.record_proposals([tag("email", "EMAIL_ADDRESS"), tag("notes", "PERSON"), tag("x", None)])
    review = Review(settings, cat, actor="dpo")
    review.confirm(ColumnRef("w", "customers", "email"))
    review.reject(ColumnRef("w", "customers", "notes"))
    review.set(ColumnRef("w", "customers", "x"), "PHONE_NUMBER")
    events = [(e["action"], e["target"], e["actor"]) for e in audit_events(settings, "tag.")]
    assert events == [
        ("tag.confirmed", "w.customers.email", "dpo"),
        ("tag.rejected", "w.customers.notes", "dpo"),
        ("tag.set", "w.customers.x", "dpo"),
    ]
    assert audit_events(settings, "tag.set")[0]["details"]["previous"] is None


def test_no_decision_is_made_that_could_not_be_audited(settings: Settings) -> None:
    """A damaged audit log: confirm, reject, set and a scan's proposals are refused before the
    catalog changes, so no tag moves without its event (fail closed)."""
    from privacy import auditing
    from privacy.catalog.review import Review
    from privacy.errors import AuditFailure

    cat = Catalog(settings.catalog_url)
    cat.record_proposals([tag("email", "EMAIL_ADDRESS"), tag("notes", "PERSON")])
    for _ in range(3):
        auditing.record(settings, "scan.completed", "w", details={"tables": 1})
    auditing.checkpoint(settings)  # a signed checkpoint covers these events
    auditing.close_all()
    seg = next((Path(settings.audit_url) / "segments").glob("*.log"))
    data = bytearray(seg.read_bytes())
    data[10] ^= 0x01
    seg.write_bytes(bytes(data))
    review = Review(settings, cat, actor="dpo")
    ref = ColumnRef("w", "customers", "email")
    for decide in (
        lambda: review.confirm(ref),
        lambda: review.reject(ref),
        lambda: review.set(ref, None),
        lambda: review.confirm_all("w"),
    ):
        with pytest.raises(AuditFailure):
            decide()
        assert cat.get(ref).status is TagStatus.PROPOSED  # type: ignore[union-attr]
    from privacy.scan.scanner import ScanReport, record_scan

    report = ScanReport("w", "sqlite:///w.db", tags=[tag("phone", "PHONE_NUMBER")])
    with pytest.raises(AuditFailure):
        record_scan(settings, report, catalog=cat)
    assert cat.get(ColumnRef("w", "customers", "phone")) is None


def test_mark_gone_keeps_decisions_and_a_rescan_clears_it(catalog: Catalog) -> None:
    catalog.record_proposals([tag("email", "EMAIL_ADDRESS"), tag("phone", "PHONE_NUMBER")])
    catalog.record_proposals([ColumnTag("w", "orders", "card", "CREDIT_CARD", confidence=0.9)])
    catalog.record_proposals([ColumnTag("w", "locked", "ssn", "US_SSN", confidence=0.9)])
    catalog.confirm(ColumnRef("w", "customers", "phone"))
    catalog.confirm(ColumnRef("w", "orders", "card"))
    # the scan saw customers.email only; `locked` could not be read, so it proves nothing
    marked = catalog.mark_gone("w", {("customers", "email")}, unknown_tables={"locked"})
    assert sorted(str(t.ref) for t in marked) == ["w.customers.phone", "w.orders.card"]
    tags = {str(t.ref): t for t in catalog.tags("w")}
    assert set(tags) == {"w.customers.email", "w.customers.phone", "w.orders.card", "w.locked.ssn"}
    assert tags["w.orders.card"].gone and tags["w.orders.card"].status == TagStatus.CONFIRMED
    assert tags["w.customers.phone"].gone and tags["w.customers.phone"].entity == "PHONE_NUMBER"
    assert not tags["w.customers.email"].gone and not tags["w.locked.ssn"].gone
    # marking again reports nothing new; a scan that sees the column again clears the mark
    assert catalog.mark_gone("w", {("customers", "email")}, unknown_tables={"locked"}) == []
    catalog.record_proposals([tag("phone", "PHONE_NUMBER")])
    phone = catalog.get(ColumnRef("w", "customers", "phone"))
    assert phone and not phone.gone and phone.status == TagStatus.CONFIRMED


def test_a_catalog_of_an_older_release_gains_the_gone_column(tmp_path: Path) -> None:
    import sqlalchemy as sa

    path = tmp_path / "old.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as c:
        c.execute(
            sa.text(
                "CREATE TABLE catalog_tags (id INTEGER PRIMARY KEY, source VARCHAR(200) NOT NULL,"
                " table_name VARCHAR(300) NOT NULL, column_name VARCHAR(300) NOT NULL,"
                " entity VARCHAR(64), category VARCHAR(64), confidence FLOAT NOT NULL,"
                " evidence TEXT NOT NULL, status VARCHAR(16) NOT NULL,"
                " identifies_subject BOOLEAN NOT NULL, subject_kind VARCHAR(64),"
                " free_text BOOLEAN NOT NULL, scanned_entity VARCHAR(64),"
                " updated_at DATETIME NOT NULL, decided_by VARCHAR(200),"
                " UNIQUE (source, table_name, column_name))"
            )
        )
        c.execute(
            sa.text(
                "INSERT INTO catalog_tags VALUES (1, 'w', 'customers', 'email', 'EMAIL_ADDRESS',"
                " 'contact', 0.9, '[]', 'confirmed', 1, 'email', 0, NULL,"
                " '2026-01-01 00:00:00', 'dpo')"
            )
        )
    engine.dispose()
    cat = Catalog(f"sqlite:///{path}")
    (old,) = cat.tags()
    assert old.status == TagStatus.CONFIRMED and not old.gone
    assert [str(t.ref) for t in cat.mark_gone("w", set())] == ["w.customers.email"]
    Catalog(f"sqlite:///{path}").close()  # opening again: the column is there, nothing to add
