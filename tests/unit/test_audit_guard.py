"""The raw-personal-data refusal: what it catches, what it lets through, what it says."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import Event, PersonalDataError
from audit.events import encode_body
from audit.guard import find_personal_data, iban_ok, luhn_ok

CAUGHT = [
    ("alice@example.com", "EMAIL_ADDRESS"),
    ("contact: Bob.Smith+news@mail.example.co.uk please", "EMAIL_ADDRESS"),
    ("+44 20 7946 0958", "PHONE_NUMBER"),
    ("call +1 (415) 555-2671 now", "PHONE_NUMBER"),
    ("+4915123456789", "PHONE_NUMBER"),
    ("(415) 555-2671", "PHONE_NUMBER"),
    ("415-555-2671", "PHONE_NUMBER"),
    ("415.555.2671", "PHONE_NUMBER"),
    ("4111111111111111", "CREDIT_CARD"),
    ("card 4111 1111 1111 1111 on file", "CREDIT_CARD"),
    ("5500-0000-0000-0004", "CREDIT_CARD"),
    ("378282246310005", "CREDIT_CARD"),
    ("DE89370400440532013000", "IBAN_CODE"),
    ("GB82 WEST 1234 5698 7654 32", "IBAN_CODE"),
    ("fr1420041010050500013m02606", "IBAN_CODE"),
    ("123-45-6789", "US_SSN"),
    ("ssn 078 05 1120", "US_SSN"),
    ("203.0.113.7", "IP_ADDRESS"),
    ("from 192.168.1.20 at noon", "IP_ADDRESS"),
    ("2001:db8::8a2e:370:7334", "IP_ADDRESS"),
    ("fe80::1ff:fe23:4567:890a", "IP_ADDRESS"),
]

ALLOWED = [
    "subj_0f3a9c5e7b21d4a6c8e0f2b4",
    "subj_" + "ab" * 32,
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "2024-05-01",
    "2024-05-01T10:15:30Z",
    "2024-05-01T10:15:30.123456+02:00",
    "2024-05-01 10:15",
    "warehouse.customers.email",
    "lake.events.user_id",
    "dsr-3f9a0c1d2e",
    "dsr-1234567890",
    "9b2d6c1e-8f4a-4b7e-9c3d-2a1f0e5d7c6b",
    "1700000000000",  # epoch milliseconds
    "12345",
    "3.14159",
    "0.4111111111111111",
    "v1.2.3",
    "policy version 7 applied to 12 tables",
    "postgresql+psycopg://postgres@127.0.0.1:5432/shop",
    "mysql+pymysql://root@db.internal.example.com:3306/test",
    "segments/00000000000000004096.log",
    "10:15:30",
    "sha256:" + "0" * 64,
    "c7a4f0e1b2d3e4f5",  # key id
    "tables: 12, columns: 144, rows: 1000000",
    "IBAN_CODE",
    "EMAIL_ADDRESS",
    "::1",
    "127.0.0.1",
    "std::vector",
    "2024-W18",
    "+15",  # a count with a sign
]


@pytest.mark.parametrize(("text", "kind"), CAUGHT)
def test_raw_identifiers_are_recognised(text: str, kind: str) -> None:
    assert find_personal_data(text) == kind


@pytest.mark.parametrize("text", ALLOWED)
def test_what_audit_events_legitimately_hold_passes(text: str) -> None:
    assert find_personal_data(text) is None


@pytest.mark.parametrize(
    ("details", "field"),
    [
        ({"subject": "alice@example.com"}, "details.subject"),
        ({"columns": [{"table": "t", "value": "4111111111111111"}]}, "details.columns[0].value"),
        ({"deep": {"er": {"ip": "203.0.113.9"}}}, "details.deep.er.ip"),
        ({"alice@example.com": 1}, "details.<key>"),
    ],
)
def test_refusal_names_the_field_and_never_the_value(details: dict, field: str) -> None:
    with pytest.raises(PersonalDataError) as e:
        encode_body(Event("dsr.received", "dsr-1", details=details))
    assert e.value.field == field
    text = str(e.value)
    assert "alice" not in text and "4111" not in text and "203.0" not in text
    assert "pseudonym" in text


@pytest.mark.parametrize("where", ["target", "actor"])
def test_every_top_level_string_is_checked(where: str) -> None:
    fields = {"action": "tag.set", "target": "w.t.c", "actor": "cli", "outcome": "ok"}
    fields[where] = "bob@example.org"
    with pytest.raises(PersonalDataError) as e:
        encode_body(Event(**fields))
    assert e.value.field == where


def test_checksums() -> None:
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert iban_ok("DE89 3704 0044 0532 0130 00") and not iban_ok("DE89370400440532013001")


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.from_regex(r"subj_[0-9a-f]{24}", fullmatch=True),
        st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
        st.from_regex(r"dsr-[0-9a-f]{10}", fullmatch=True),
        st.uuids().map(str),
        st.datetimes().map(lambda d: d.isoformat()),
        st.dates().map(lambda d: d.isoformat()),
        st.integers(min_value=-(10**12), max_value=10**12).map(str),
        st.from_regex(r"[a-z_]{1,12}\.[a-z_]{1,12}\.[a-z_][a-z0-9_]{0,12}", fullmatch=True),
    )
)
def test_no_false_refusals_for_ids_dates_numbers_and_column_names(text: str) -> None:
    assert find_personal_data(text) is None
