"""General causes of misses on tables the scanner was not built on, one section per cause.

Every case here is made up for the cause it tests (own names and values); none is copied from
the held-out tables in benchmarks/heldout/. Each section has positives (the pattern is found)
and negatives (what must stay not personal).
"""

from __future__ import annotations

import random

import pytest

from privacy.scan.classifier import classify
from privacy.scan.headers import analyze
from privacy.sources.base import ColumnInfo, ColumnKind

S, INT, F, B = ColumnKind.STRING, ColumnKind.INTEGER, ColumnKind.FLOAT, ColumnKind.BOOLEAN
D = ColumnKind.DATE
NAME_FAMILY = {"PERSON", "FIRST_NAME", "LAST_NAME"}

GIVEN = [
    "Lena", "Marco", "Sofia", "Tomas", "Ingrid", "Pavel", "Chloe", "Ahmed", "Yuki", "Olga",
    "Bruno", "Hanna", "Diego", "Nadia", "Felix", "Irene", "Oscar", "Maja", "Victor", "Elena",
]  # fmt: skip
FULL = [
    "Lena Brandt", "Marco Ferri", "Sofia Lind", "Tomas Novak", "Ingrid Berg", "Pavel Dvorak",
    "Chloe Martin", "Ahmed Karim", "Olga Petrova", "Bruno Costa", "Hanna Virtanen",
]  # fmt: skip


def c(name: str, values: list[object], kind: ColumnKind = S, table: str = ""):  # type: ignore[no-untyped-def]
    return classify(ColumnInfo(name, kind), values, table=table)


def repeat(values: list[object], n: int, seed: int = 3) -> list[object]:
    rnd = random.Random(seed)
    return [rnd.choice(values) for _ in range(n)]


# --- A1: a role word qualifies a person, it does not switch the name off ---------------------


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("host_name", "PERSON"),
        ("agent_name", "PERSON"),
        ("seller_name", "PERSON"),
        ("buyer_name", "PERSON"),
        ("reporter_name", "PERSON"),
        ("teacherName", "PERSON"),
        ("doctor_name", "PERSON"),
        ("emergency_contact_name", "PERSON"),
        ("landlord_name", "PERSON"),
        ("driver_first_name", "FIRST_NAME"),
        ("tenant_last_name", "LAST_NAME"),
        ("agent", "PERSON"),
        ("assignee", "PERSON"),
    ],
)
def test_role_words_qualify_a_person(name: str, entity: str) -> None:
    assert analyze(name).entity == entity


@pytest.mark.parametrize(
    "name", ["hostname", "host", "server_host_name", "product_name", "company_name", "file_name"]
)
def test_non_person_qualifiers_still_switch_the_name_off(name: str) -> None:
    sig = analyze(name)
    assert sig.entity is None and sig.non_pii


def test_ambiguous_role_name_is_weak_and_the_values_decide() -> None:
    assert analyze("host_name").strength < 0.5
    people = c("host_name", repeat(GIVEN, 300))
    assert people.entity in NAME_FAMILY and people.confidence >= 0.6
    servers = ["web-01", "db-primary", "cache3", "edge-lb-2", "api-7", "queue", "batch-12"]
    assert c("hostName", repeat(servers, 300)).entity is None
    roles = ["frontend", "backend", "gateway", "replica", "worker"]
    assert c("host_name", repeat(roles, 300)).entity is None


@pytest.mark.parametrize("name", ["seller_name", "guest_name", "owner_name", "instructor"])
def test_role_name_columns_holding_names(name: str) -> None:
    r = c(name, repeat(FULL, 400))
    assert r.entity == "PERSON", r


# --- A2: a description suffix holds the value itself ----------------------------------------


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("RaceDesc", "NRP"),
        ("ethnicity_description", "NRP"),
        ("religion_descr", "NRP"),
        ("GenderDescription", "GENDER"),
        ("diagnosis_desc", "HEALTH_DATA"),
    ],
)
def test_description_suffix_keeps_the_entity(name: str, entity: str) -> None:
    assert analyze(name).entity == entity


@pytest.mark.parametrize("name", ["phone_type_desc", "email_status_description", "product_desc"])
def test_description_of_a_property_is_still_not_personal(name: str) -> None:
    assert analyze(name).entity is None


def test_description_column_values() -> None:
    groups = ["White", "Black or African American", "Asian", "Hispanic", "Two or more races"]
    assert c("EthnicGroupDesc", repeat(groups, 200)).entity == "NRP"
