"""Retention rules decide what erasure does to a table (the erasure workflow's ErasurePolicy)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from policies.loader import load_texts
from policies.retention import RetentionDecider
from privacy.catalog import Catalog
from privacy.config import Settings
from privacy.dsr.policy import ErasurePolicy
from privacy.errors import PolicyError
from privacy.sources.base import ColumnInfo, ColumnKind, ColumnRef
from tests.support import audit_events

POLICY = """\
version: 1
roles: {dpo: {}}
retention:
  - table: warehouse.invoices
    keep: 10y
    reason: tax law (AO 147)
    on_erase: anonymize
  - table: warehouse.payments
    keep: 10y
    reason: bookkeeping
    on_erase: anonymize
    columns: [card_number, holder]
    replace: {holder: erased}
  - table: warehouse.orders
    keep: 2y
    reason: warranty
  - table: warehouse.ledger
    keep: 10y
    reason: tax law
    on_erase: anonymize
"""


@pytest.fixture
def decider(settings: Settings) -> RetentionDecider:
    cat = Catalog(settings.catalog_url)
    for col, ent in [
        ("id", None),
        ("customer_id", "CUSTOMER_ID"),
        ("billing_name", "PERSON"),
        ("billing_address", "STREET_ADDRESS"),
        ("amount", None),
    ]:
        cat.set(ColumnRef("warehouse", "invoices", col), ent)
    cat.set(ColumnRef("warehouse", "ledger", "amount"), None)
    policy = load_texts([("p.yaml", POLICY)])

    def columns(source: str, table: str) -> list[ColumnInfo] | None:
        if table == "payments":
            return [
                ColumnInfo("card_number", ColumnKind.STRING),
                ColumnInfo("holder", ColumnKind.STRING, nullable=False),
            ]
        return None

    return RetentionDecider(settings, policy, cat, columns=columns)


def test_it_implements_the_erasure_protocol(decider: RetentionDecider) -> None:
    assert isinstance(decider, ErasurePolicy)


def test_legal_hold_anonymizes_the_personal_columns(
    decider: RetentionDecider, settings: Settings
) -> None:
    d = decider.on_erase("warehouse", "invoices")
    assert d.action == "anonymize"
    assert dict(d.columns) == dict.fromkeys(["customer_id", "billing_name", "billing_address"])
    assert "tax law (AO 147)" in d.reason and "10y" in d.reason
    decider.on_erase("warehouse", "invoices")  # asked again: one audit event
    ret = audit_events(settings, "policy.retention")
    assert len(ret) == 1 and ret[0]["details"]["action"] == "anonymize"
    assert ret[0]["details"]["policy_version"] == decider.policy.version


def test_listed_columns_and_replacements(decider: RetentionDecider) -> None:
    d = decider.on_erase("warehouse", "payments")
    assert dict(d.columns) == {"card_number": None, "holder": "erased"}


@pytest.mark.parametrize("table", ["orders", "customers"])
def test_delete_without_a_hold(decider: RetentionDecider, table: str) -> None:
    assert decider.on_erase("warehouse", table).action == "delete"


def test_a_table_that_cannot_be_anonymized_is_refused(
    decider: RetentionDecider, settings: Settings
) -> None:
    with pytest.raises(PolicyError, match="tags no personal column"):
        decider.on_erase("warehouse", "ledger")


def test_not_null_column_without_replacement_is_refused(settings: Settings) -> None:
    policy = load_texts(
        [
            (
                "p.yaml",
                POLICY.replace("    replace: {holder: erased}\n", ""),
            )
        ]
    )
    d = RetentionDecider(
        settings,
        policy,
        Catalog(settings.catalog_url),
        columns=lambda s, t: [
            ColumnInfo("holder", ColumnKind.STRING, nullable=False),
            ColumnInfo("card_number", ColumnKind.STRING),
        ],
    )
    with pytest.raises(PolicyError, match=r"holder NOT NULL") as err:
        d.on_erase("warehouse", "payments")
    assert "replace: {holder" in (err.value.hint or "")


def test_unknown_listed_column_is_refused(settings: Settings, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE payments (id INTEGER PRIMARY KEY, card_number TEXT)")
    con.close()
    (tmp_path / "privacy.toml").write_text(f'[sources.warehouse]\nurl = "sqlite:///{db}"\n')
    from privacy.config import load_settings

    s = load_settings(tmp_path)
    policy = load_texts([("p.yaml", POLICY)])
    d = RetentionDecider(s, policy, Catalog(settings.catalog_url))
    with pytest.raises(PolicyError, match="holder, which the table does not have"):
        d.on_erase("warehouse", "payments")
