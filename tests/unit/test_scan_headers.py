"""The column-name signal: tokenising, multilingual words, negations, priorities."""

from __future__ import annotations

import pytest

from privacy.scan.headers import analyze, people_table_kind
from privacy.scan.text import fold, split_identifier


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("CCNumber", ["cc", "number"]),
        ("address_line1", ["address", "line", "1"]),
        ("EmailAddress", ["email", "address"]),
        ("e-mail", ["e", "mail"]),
        ("First Name", ["first", "name"]),
        ("Prénom", ["prenom"]),
        ("dateOfBirth", ["date", "of", "birth"]),
        ("user.phone", ["user", "phone"]),
        ("HTTPStatus", ["http", "status"]),
    ],
)
def test_split_identifier(name: str, words: list[str]) -> None:
    assert split_identifier(name) == words


def test_fold_strips_accents_but_keeps_kana() -> None:
    assert fold("Hamanová") == "hamanova"
    assert fold("Straße") == "strasse"
    assert fold("メールアドレス") == "メールアドレス"


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("email", "EMAIL_ADDRESS"),
        ("EmailAddress", "EMAIL_ADDRESS"),
        ("e-mail", "EMAIL_ADDRESS"),
        ("customer_email_address", "EMAIL_ADDRESS"),
        ("courriel", "EMAIL_ADDRESS"),
        ("correo_electronico", "EMAIL_ADDRESS"),
        ("adresse_email", "EMAIL_ADDRESS"),
        ("ssn", "US_SSN"),
        ("dob", "DATE_OF_BIRTH"),
        ("geburtsdatum", "DATE_OF_BIRTH"),
        ("fecha_de_nacimiento", "DATE_OF_BIRTH"),
        ("nachname", "LAST_NAME"),
        ("prenom", "FIRST_NAME"),
        ("GivenName", "FIRST_NAME"),
        ("fname", "FIRST_NAME"),
        ("telefone", "PHONE_NUMBER"),
        ("telefonnummer", "PHONE_NUMBER"),
        ("numero_telefono", "PHONE_NUMBER"),
        ("mobile_no", "PHONE_NUMBER"),
        ("ip_address", "IP_ADDRESS"),
        ("zip_code", "POSTAL_CODE"),
        ("plz", "POSTAL_CODE"),
        ("codigo_postal", "POSTAL_CODE"),
        ("billing_address_line_1", "STREET_ADDRESS"),
        ("strasse", "STREET_ADDRESS"),
        ("CCNumber", "CREDIT_CARD"),
        ("CVV2", "CREDIT_CARD_CVV"),
        ("NationalID", "NATIONAL_ID"),
        ("MothersMaiden", "LAST_NAME"),
        ("card_holder_name", "PERSON"),
        ("nom_client", "PERSON"),
        ("Sex", "GENDER"),
        ("passport_id", "US_PASSPORT"),
        ("password_hash", "PASSWORD"),
        ("iban", "IBAN_CODE"),
        ("cc_email", "EMAIL_ADDRESS"),
        ("전화번호", "PHONE_NUMBER"),
        ("顧客メールアドレス", "EMAIL_ADDRESS"),
        ("주민등록번호", "KR_RRN"),
    ],
)
def test_entity_words(name: str, entity: str) -> None:
    sig = analyze(name)
    assert sig.entity == entity
    assert sig.strength >= 0.7


@pytest.mark.parametrize(
    "name",
    [
        "email_verified",
        "num_phones",
        "phone_count",
        "has_email",
        "email_opt_in",
        "name_length",
        "number_of_emails",
        "is_email_verified",
        "email_domain",
        "phone_type",
        "card_last4",
        "password_changed_at",
        "TelephoneCountryCode",
        "CCExpires",
        "CCType",
        "product_name",
        "company_name",
        "file_name",
        "NameSet",
        "email_hash",
    ],
)
def test_negated_or_not_personal(name: str) -> None:
    sig = analyze(name)
    assert sig.entity is None
    assert sig.non_pii


@pytest.mark.parametrize("name", ["col1", "field_7", "attr", "Unnamed: 3", "x", "c12"])
def test_meaningless(name: str) -> None:
    sig = analyze(name)
    assert sig.entity is None and sig.meaningless


@pytest.mark.parametrize("name", ["passage", "usage", "percentage", "homepage_views"])
def test_run_together_words_are_not_split_into_false_entities(name: str) -> None:
    assert analyze(name).entity != "AGE"


@pytest.mark.parametrize("name", ["amount", "sku", "status", "created_at", "id", "Company"])
def test_known_non_personal(name: str) -> None:
    sig = analyze(name)
    assert sig.entity is None and sig.non_pii
    assert sig.evidence and "not personal" in sig.evidence[0]


def test_unknown_trailing_word_weakens() -> None:
    assert analyze("email_primary").strength > analyze("email_widget").strength > 0


def test_name_is_weak_alone() -> None:
    sig = analyze("name")
    assert sig.entity == "PERSON" and sig.strength < 0.6


@pytest.mark.parametrize(
    ("table", "kind"),
    [
        ("customers", "customer_id"),
        ("dim_customer", "customer_id"),
        ("crm_contacts", "contact_id"),
        ("Kunden", "kunde_id"),
        ("users", "user_id"),
        ("orders", None),
        ("product_users_map", None),
    ],
)
def test_people_tables(table: str, kind: str | None) -> None:
    assert people_table_kind(table) == kind
