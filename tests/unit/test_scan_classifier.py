"""The classifier: how the column name, the column type and the values combine."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random

import pyarrow as pa
import pytest

from privacy.scan.classifier import classify, classify_table
from privacy.sources.base import ColumnInfo, ColumnKind

S, INT, F = ColumnKind.STRING, ColumnKind.INTEGER, ColumnKind.FLOAT
rnd = random.Random(7)
EMAILS = [f"user{i}.{rnd.randint(0, 999)}@example{i % 7}.com" for i in range(200)]
PHONES = [f"+49 30 {rnd.randint(1000000, 9999999)}" for _ in range(200)]
NAMES = [
    "Anna Schmidt",
    "Owen Harris",
    "Maria Rossi",
    "Kenneth Baker",
    "Priya Sharma",
    "José García",
    "Ingrid Johansson",
    "Lars Nielsen",
    "Chloé Lefèvre",
    "Jan Novak",
    "Sofia Marchetti",
    "Oliver Thompson",
    "Hannah Müller",
    "Pieter de Vries",
    "Aisha Rahman",
    "Mehmet Yilmaz",
    "Mei Chen",
    "Juan Perez",
    "Emma Wilson",
    "Noah Brown",
]


def c(name: str, values: list[object], kind: ColumnKind = S, table: str = ""):  # type: ignore[no-untyped-def]
    return classify(ColumnInfo(name, kind), values, table=table)


def test_named_and_valid_is_high_confidence() -> None:
    r = c("phone", PHONES)
    assert r.entity == "PHONE_NUMBER" and r.confidence >= 0.9
    assert "name:phone" in r.evidence
    assert any(e.startswith("values:") and e.endswith("PHONE_NUMBER") for e in r.evidence)


def test_meaningless_name_values_decide() -> None:
    r = c("col1", EMAILS)
    assert r.entity == "EMAIL_ADDRESS" and r.confidence >= 0.9
    assert not any(e.startswith("name:") for e in r.evidence)


def test_id_integers_are_not_phones() -> None:
    values = [rnd.randint(1_000_000_000, 9_999_999_999) for _ in range(200)]
    r = c("id", values, INT)
    assert r.entity is None
    assert "type:integer" in r.evidence


def test_hashed_email_column_is_not_email() -> None:
    hashed = [hashlib.sha256(e.encode()).hexdigest() for e in EMAILS]
    r = c("email", hashed)
    assert r.entity is None
    assert "name:email" in r.evidence and "values:hashed" in r.evidence


def test_lying_header_values_win() -> None:
    assert c("phone", EMAILS).entity == "EMAIL_ADDRESS"


@pytest.mark.parametrize(
    ("kind", "values"),
    [
        (INT, list(range(200))),
        (F, [1.5] * 200),
        (ColumnKind.BOOLEAN, [True, False] * 100),
        (ColumnKind.DATETIME, [dt.datetime(2024, 1, 1)] * 200),
    ],
)
def test_numbers_booleans_dates_cannot_be_emails(kind: ColumnKind, values: list[object]) -> None:
    assert c("email", values, kind).entity is None


def test_negated_name_is_not_pii() -> None:
    assert c("email_verified", ["true", "false"] * 50).entity is None
    assert c("phone_count", [str(i) for i in range(100)]).entity is None


def test_negated_name_but_values_are_emails() -> None:
    # a property name over real addresses: the values are what they are
    assert c("email_verified", EMAILS).entity == "EMAIL_ADDRESS"


def test_amounts_are_not_phones() -> None:
    values = [f"{rnd.uniform(1000, 99999):,.2f}" for _ in range(200)]
    assert c("amount", values).entity is None
    assert c("col3", values).entity is None


def test_name_weak_alone_values_decide() -> None:
    assert c("name", NAMES * 5).entity == "PERSON"
    products = ["Widget Pro", "Cable USB-C", "Desk Lamp", "Ergo Chair", "Notebook A5"] * 20
    assert c("name", products).entity is None


def test_name_in_people_table_is_strong() -> None:
    r1 = c("name", NAMES, table="orders")
    r2 = c("name", NAMES, table="customers")
    assert r2.entity == "PERSON" and r2.confidence >= r1.confidence


def test_first_and_last_from_header_even_when_values_are_ambiguous() -> None:
    assert c("first_name", ["Anna", "Owen", "Maria", "Lee", "Kim"] * 10).entity == "FIRST_NAME"
    assert c("nachname", ["Schmidt", "Müller", "Kowalski", "Lee", "Kim"] * 10).entity == "LAST_NAME"


def test_empty_column_with_strong_name_is_a_low_confidence_proposal() -> None:
    r = c("email", [None] * 20)
    assert r.entity == "EMAIL_ADDRESS" and 0.5 <= r.confidence < 0.6
    assert "values:empty" in r.evidence


def test_partially_filled_column_rates_count_non_null_values() -> None:
    values: list[object] = [None] * 150 + PHONES[:50]
    assert c("telefon", values).entity == "PHONE_NUMBER"


def test_scientific_notation_card_numbers_with_name() -> None:
    r = c("CCNumber", [5.54563e15, 4.92975e15, 5.31725e15] * 30, F)
    assert r.entity == "CREDIT_CARD"
    assert "values:rounded (scientific notation)" in r.evidence
    assert c("col5", [5.54563e15, 4.92975e15, 5.31725e15] * 30, F).entity is None


def test_valid_card_numbers_decide_alone_and_show_the_checksum() -> None:
    cards = ["4111111111111111", "5500000000000004", "378282246310005", "6011111111111117"]
    r = c("ref", cards * 25)
    assert r.entity == "CREDIT_CARD"
    assert any(e.startswith("checksum:luhn") for e in r.evidence)


def test_free_text_with_pii() -> None:
    texts = [
        f"Please reach me at {e} about order {i}"
        if i % 3 == 0
        else f"Order {i} arrived late and the box was damaged"
        for i, e in enumerate(EMAILS)
    ]
    r = c("comment", texts)
    assert r.entity == "FREE_TEXT_PII" and r.free_text
    assert any(e.startswith("free_text:") and "EMAIL_ADDRESS" in e for e in r.evidence)


def test_free_text_without_pii() -> None:
    texts = [
        f"Order {i} arrived late and the box was damaged, replacement sent" for i in range(100)
    ]
    assert c("comment", texts).entity is None


def test_json_column() -> None:
    docs = [json.dumps({"contact": {"email": e}, "tier": "gold"}) for e in EMAILS]
    r = c("profile", docs, ColumnKind.JSON)
    assert r.entity == "FREE_TEXT_PII" and r.free_text
    assert any("$.contact.email EMAIL_ADDRESS" in e for e in r.evidence)
    plain = [json.dumps({"theme": "dark", "n": i}) for i in range(50)]
    assert c("settings", plain, ColumnKind.JSON).entity is None


def test_gender_words_and_letters() -> None:
    assert c("col2", ["female", "male"] * 50).entity == "GENDER"
    # the two sexes' letters, evenly split, under a name that says nothing: a headerless
    # extract's gender column; under a telling name (``size``) or with sizes, not
    assert c("col2", ["F", "M"] * 50).entity == "GENDER"
    assert c("size", ["F", "M"] * 50).entity is None
    assert c("col2", ["S", "M", "L"] * 50).entity is None
    assert c("sex", ["F", "M"] * 50).entity == "GENDER"


def test_age_needs_its_name() -> None:
    ages = [rnd.randint(18, 90) for _ in range(100)]
    assert c("age", ages, INT).entity == "AGE"
    assert c("quantity", ages, INT).entity is None
    assert c("col4", ages, INT).entity is None


def test_confidence_is_bounded_and_rounded() -> None:
    r = c("email", EMAILS)
    assert 0 <= r.confidence <= 0.99 and round(r.confidence, 2) == r.confidence


def test_classify_table_with_arrow() -> None:
    t = pa.table({"email": EMAILS[:50], "amount": [1.5] * 50, "n": list(range(50))})
    cols = [ColumnInfo("email", S), ColumnInfo("amount", F), ColumnInfo("n", INT)]
    out = classify_table("t", cols, t)
    assert [o.entity for o in out] == ["EMAIL_ADDRESS", None, None]


def test_organisations_addresses_and_sites_are_not_personal() -> None:
    urls = ["https://acme.example.com", "http://www.foo.example.org/x"] * 20
    assert c("website", urls, table="organizations").entity is None
    assert c("website", urls, table="customers").entity == "URL"
    assert c("address", ["12 Main Street", "3 High St"] * 20, table="stores").entity is None
    assert c("name", NAMES * 3, table="companies").entity is None
    # a person named in an organisation's table is still a person
    assert c("contact_name", NAMES * 3, table="companies").entity == "PERSON"
    assert c("contact_email", EMAILS, table="suppliers").entity == "EMAIL_ADDRESS"


def test_business_qualifiers_on_location_columns() -> None:
    assert c("merch_lat", [40.1, 41.2, 39.9] * 10, F).entity is None
    assert c("lat", [40.1, 41.2, 39.9] * 10, F).entity == "GEO_COORDINATE"
    assert c("store_address", ["12 Main Street", "3 High St"] * 20).entity is None


def test_whole_numbers_stored_as_floats() -> None:
    phones = [4155550123.0 + i * 97 for i in range(50)] + [None] * 5
    assert c("phone", phones, F).entity == "PHONE_NUMBER"
    assert c("zip", [10115.0, 94107.0, 2134.0] * 10, F).entity == "POSTAL_CODE"
    assert c("phone", [12.5, 99.99] * 20, F).entity is None
