"""protect() and read() on pandas and pyarrow, with the real key store and audit log."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

from policies.enforce import Enforcer
from policies.loader import load_texts
from policies.masking import keyed_hash
from policies.policy import Policy
from policies.secrets import hash_key
from privacy.catalog import Catalog
from privacy.config import Settings
from privacy.crypto import is_ciphertext
from privacy.errors import DecryptionError, KeyShreddedError, PrivacyError
from privacy.sources.base import ColumnRef
from tests.support import audit_events as events

POLICY = """\
version: 1
roles:
  analyst: {}
  support: {inherits: [analyst]}
  dpo: {}
categories:
  contact: [EMAIL_ADDRESS, PHONE_NUMBER]
  financial: [CREDIT_CARD]
  government_id: [US_SSN]
  demographic: [DATE_OF_BIRTH]
rules:
  - category: non_personal
    access: {analyst: allow, dpo: allow}
  - category: contact
    encrypt: deterministic
    access: {analyst: {mask: email}, support: allow, dpo: allow}
  - category: financial
    encrypt: randomized
    access: {support: {mask: last4}, analyst: hash, dpo: allow}
  - category: government_id
    encrypt: randomized
    access: {dpo: allow}
  - category: demographic
    access: {analyst: {mask: year}, dpo: null}
"""

DATASET = "warehouse.customers"
ROWS = {
    "id": [1, 2, 3],
    "email": ["alice.martin@example.com", "bruno@example.org", None],
    "card": ["4111111111111111", "5555555555554444", "4012888888881881"],
    "ssn": ["123-45-6789", "987-65-4321", "111-22-3333"],
    "dob": [dt.date(1984, 6, 13), dt.date(1990, 1, 2), dt.date(2001, 12, 31)],
    "notes": ["a", "b", "c"],  # never tagged
}
TAGS = {
    "id": None,
    "email": "EMAIL_ADDRESS",
    "card": "CREDIT_CARD",
    "ssn": "US_SSN",
    "dob": "DATE_OF_BIRTH",
}


@pytest.fixture
def policy() -> Policy:
    return load_texts([("p.yaml", textwrap.dedent(POLICY))])


@pytest.fixture
def enforcer(settings: Settings, policy: Policy) -> Enforcer:
    catalog = Catalog(settings.catalog_url)
    for col, entity in TAGS.items():
        catalog.set(ColumnRef("warehouse", "customers", col), entity)
    return Enforcer(settings, policy=policy, catalog=catalog)


FRAMES: dict[str, Callable[[], Any]] = {
    "pandas": lambda: pd.DataFrame(ROWS),
    "arrow": lambda: pa.table(ROWS),
}


def col(batch: Any, name: str) -> list[Any]:
    if isinstance(batch, pa.Table):
        return list(batch.column(name).to_pylist())
    return [None if pd.isna(v) else v for v in batch[name].tolist()]


def names(batch: Any) -> list[str]:
    return list(batch.column_names) if isinstance(batch, pa.Table) else list(batch.columns)


@pytest.mark.parametrize("kind", FRAMES)
def test_protect_encrypts_what_the_policy_says_and_nothing_else(
    enforcer: Enforcer, kind: str
) -> None:
    batch = FRAMES[kind]()
    out = enforcer.protect(batch, DATASET)
    assert type(out) is type(batch)
    for c in ("email", "card", "ssn"):
        vals = [v for v in col(out, c) if v is not None]
        assert vals and all(is_ciphertext(v) for v in vals), c
    assert col(out, "email")[2] is None  # nulls stay null
    assert col(out, "id") == [1, 2, 3]
    assert col(out, "notes") == ["a", "b", "c"]
    assert col(out, "dob") == ROWS["dob"]
    assert col(batch, "email") == ROWS["email"]  # the caller's batch is untouched
    assert col(out, "email")[0].startswith("pv1:d:")  # deterministic
    assert col(out, "card")[0].startswith("pv1:g:")  # randomized
    # protecting again changes nothing: tokens are not encrypted twice
    again = enforcer.protect(out, DATASET)
    assert col(again, "card") == col(out, "card")


def test_deterministic_columns_stay_joinable(enforcer: Enforcer) -> None:
    a = enforcer.protect(pd.DataFrame(ROWS), DATASET)
    b = enforcer.protect(pd.DataFrame(ROWS), DATASET)
    assert col(a, "email") == col(b, "email")
    assert col(a, "card") != col(b, "card")


@pytest.mark.parametrize("kind", FRAMES)
def test_read_gives_each_role_its_view(enforcer: Enforcer, settings: Settings, kind: str) -> None:
    stored = enforcer.protect(FRAMES[kind](), DATASET)
    key = hash_key(settings)

    dpo = enforcer.read(DATASET, "dpo", data=stored)
    assert col(dpo, "email") == ROWS["email"]
    assert col(dpo, "card") == ROWS["card"]
    assert col(dpo, "ssn") == ROWS["ssn"]
    assert col(dpo, "dob") == [None, None, None]  # null: kept as a column, no values
    assert "notes" not in names(dpo)  # untagged: unclassified, no rule: withheld

    analyst = enforcer.read(DATASET, "analyst", data=stored)
    assert col(analyst, "email") == ["a***********@example.com", "b****@example.org", None]
    assert col(analyst, "card") == [keyed_hash(v, key) for v in ROWS["card"]]
    assert col(analyst, "dob") == [dt.date(1984, 1, 1), dt.date(1990, 1, 1), dt.date(2001, 1, 1)]
    assert col(analyst, "id") == [1, 2, 3]
    assert "ssn" not in names(analyst)

    support = enforcer.read(DATASET, "support", data=stored)
    assert col(support, "email") == ROWS["email"]
    assert col(support, "card") == ["************1111", "************4444", "************1881"]
    assert col(support, "dob")[0] == dt.date(1984, 1, 1)  # inherited from analyst


def test_unknown_role_gets_nothing_and_is_audited(enforcer: Enforcer, settings: Settings) -> None:
    out = enforcer.read(DATASET, "intruder", data=pd.DataFrame(ROWS))
    assert names(out) == []
    [ev] = events(settings, "policy.decision")
    assert ev["outcome"] == "denied"
    assert ev["details"]["known_role"] is False
    assert set(ev["details"]["columns"].values()) == {"deny"}


def test_one_audit_event_per_read_with_version_and_no_values(
    enforcer: Enforcer, settings: Settings, policy: Policy
) -> None:
    stored = enforcer.protect(pd.DataFrame(ROWS), DATASET)
    big = pd.concat([stored] * 50, ignore_index=True)
    enforcer.read(DATASET, "analyst", data=big)
    enforcer.read(DATASET, "analyst", data=big)
    evs = events(settings, "policy.decision")
    assert len(evs) == 2  # one per read, not one per row or column
    d = evs[0]["details"]
    assert evs[0]["target"] == DATASET
    assert d["role"] == "analyst" and d["policy_version"] == policy.version and d["rows"] == 150
    assert d["columns"]["email"] == "mask:email" and d["columns"]["ssn"] == "deny"
    text = json.dumps(events(settings))
    # whole values: a fragment such as "4111" turns up in random hex ids now and then
    for secret in [v for col in ("email", "card", "ssn") for v in ROWS[col] if v]:
        assert secret not in text
    assert "alice" not in text
    [prot] = events(settings, "policy.protect")
    assert prot["details"]["encrypted"] == {
        "email": "deterministic",
        "card": "randomized",
        "ssn": "randomized",
    }


def tamper(token: str) -> str:
    head, payload = token.rsplit(":", 1)
    flipped = "A" if payload[5] != "A" else "B"
    return f"{head}:{payload[:5]}{flipped}{payload[6:]}"


@pytest.mark.parametrize("column", ["card", "email"])
def test_tampered_ciphertext_fails_loudly(
    enforcer: Enforcer, settings: Settings, column: str
) -> None:
    stored = enforcer.protect(pd.DataFrame(ROWS), DATASET)
    stored.loc[1, column] = tamper(stored.loc[1, column])
    with pytest.raises(DecryptionError, match=rf"{DATASET}.{column} row 1"):
        enforcer.read(DATASET, "dpo", data=stored)
    [ev] = events(settings, "policy.decision")
    assert ev["outcome"] == "failed"


def test_ciphertext_moved_to_another_column_or_table_fails(enforcer: Enforcer) -> None:
    stored = enforcer.protect(pd.DataFrame(ROWS), DATASET)
    moved = stored.copy()
    moved["ssn"] = stored["card"]  # same mode, right key store, wrong associated data
    with pytest.raises(DecryptionError, match="failed authentication"):
        enforcer.read(DATASET, "dpo", data=moved)
    enforcer.catalog.set(ColumnRef("warehouse", "clients", "card"), "CREDIT_CARD")  # type: ignore[union-attr]
    with pytest.raises(DecryptionError):
        enforcer.read("warehouse.clients", "dpo", data=stored[["card"]])


def test_cells_of_a_shredded_subject_read_as_null(enforcer: Enforcer, settings: Settings) -> None:
    """Per-subject keys: once a subject is shredded, their randomized cells read as null."""
    from privacy.crypto import open_keystore, pseudonymize

    catalog = enforcer.catalog
    assert catalog is not None
    # email identifies the subject (catalog subject kind 'email')
    stored = enforcer.protect(pd.DataFrame(ROWS), DATASET)
    store = open_keystore(settings)
    store.shred(pseudonymize(store, "email", "alice.martin@example.com"))
    enforcer.store = None
    out = enforcer.read(DATASET, "dpo", data=stored)
    assert col(out, "card") == [None, ROWS["card"][1], ROWS["card"][2]]
    assert col(out, "email")[0] == ROWS["email"][0]  # the identifier uses the column key
    with pytest.raises(KeyShreddedError):
        from privacy.crypto import decrypt_values

        decrypt_values(store, [stored.loc[0, "card"]], table=DATASET, column="card")


def test_bad_batches_and_dataset_names_say_what_to_do(enforcer: Enforcer) -> None:
    with pytest.raises(PrivacyError, match="DataFrame or a pyarrow Table"):
        enforcer.read(DATASET, "dpo", data=[1, 2])  # type: ignore[arg-type]
    with pytest.raises(PrivacyError, match=r"SOURCE\.TABLE"):
        enforcer.read("customers", "dpo", data=pd.DataFrame(ROWS))


def test_free_text_masks_only_the_pii_spans(settings: Settings, tmp_path: Path) -> None:
    policy = load_texts(
        [
            (
                "p.yaml",
                "version: 1\nroles: {support: {}, analyst: {}}\nrules:\n"
                "  - category: free_text\n"
                "    access: {support: {mask: partial}, analyst: {mask: redact}}\n",
            )
        ]
    )
    catalog = Catalog(settings.catalog_url)
    catalog.set(ColumnRef("warehouse", "tickets", "body"), "FREE_TEXT_PII")
    enf = Enforcer(settings, policy=policy, catalog=catalog)
    text = "Hello, this is Alice Martin. My parcel is late. Reach me at alice.martin@example.com."
    data = pd.DataFrame({"body": [text, None]})
    redacted = col(enf.read("warehouse.tickets", "analyst", data=data), "body")
    assert redacted[0] == (
        "Hello, this is <PERSON>. My parcel is late. Reach me at <EMAIL_ADDRESS>."
    )
    assert redacted[1] is None
    partial = col(enf.read("warehouse.tickets", "support", data=data), "body")[0]
    assert "My parcel is late. Reach me at" in partial
    assert "Alice Martin" not in partial and "alice.martin@example.com" not in partial
    ev = events(settings, "policy.decision")[-1]
    assert ev["details"]["free_text_entities"] == {"body": ["EMAIL_ADDRESS", "PERSON"]}
