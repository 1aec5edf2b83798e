"""People: names (given, family, full, CJK), gender, age, date of birth, usernames and
password hashes."""

from __future__ import annotations

import datetime as dt

import pytest

from privacy.scan.recognizers.age import AgeRecognizer
from privacy.scan.recognizers.date_of_birth import DateOfBirthRecognizer, birth_like, parse_date
from privacy.scan.recognizers.gender import GenderRecognizer
from privacy.scan.recognizers.nrp import NrpRecognizer
from privacy.scan.recognizers.password import PasswordRecognizer
from privacy.scan.recognizers.person_name import NameStats, PersonNameRecognizer, name_lists
from privacy.scan.recognizers.username import UsernameRecognizer
from privacy.scan.values import prepare
from privacy.sources.base import ColumnKind


def _values(items: list[object], kind: ColumnKind = ColumnKind.STRING):  # type: ignore[no-untyped-def]
    return prepare(items, kind)


@pytest.mark.parametrize("name", ["marie", "kubikova", "jurgen", "민준", "김", "nielsen"])
def test_name_lists_are_folded_and_multilingual(name: str) -> None:
    first, last = name_lists()
    assert name in first or name in last


FULL = [
    "Anna Schmidt",
    "Braund, Mr. Owen Harris",
    "José García López",
    "Dr. Priya Sharma",
    "Chloé Lefèvre",
    "Kenneth Baker",
    "Maria Rossi",
    "John O'Neil",
    "Li Wei",
    "王秀英",
]
FIRST = ["Anna", "Owen", "José", "Priya", "Chloé", "Kenneth", "Maria", "John", "Ingrid", "Lars"]
LAST = [
    "Schmidt",
    "Braund",
    "García",
    "Sharma",
    "Lefèvre",
    "Baker",
    "Rossi",
    "Novak",
    "Kowalski",
    "Nielsen",
]


@pytest.mark.parametrize(
    ("values", "entity"),
    [(FULL, "PERSON"), (FIRST, "FIRST_NAME"), (LAST, "LAST_NAME")],
)
def test_name_family_member_follows_values(values: list[str], entity: str) -> None:
    hit = PersonNameRecognizer().evaluate(_values(values), named=False)
    assert hit.entity == entity
    assert hit.rate >= 0.6
    assert hit.decisive


@pytest.mark.parametrize(
    "values",
    [
        ["Miller LLC", "Smith & Sons", "Johnson and Partners GmbH", "Brown Holdings Ltd"] * 5,
        ["red", "green", "blue", "yellow"] * 5,
        ["Earl Grey Tea 100g", "Victoria Sponge Cake", "Tom Collins Glass Set"] * 5,
    ],
)
def test_names_not_decided_for_organisations_and_products(values: list[str]) -> None:
    hit = PersonNameRecognizer().evaluate(_values(values), named=False)
    assert not hit.decisive


def test_repeated_names_are_a_category_not_people() -> None:
    hit = PersonNameRecognizer().evaluate(_values(["Anna", "Owen", "Maria"] * 20), named=False)
    assert not hit.decisive


def test_name_stats_count_organisations_apart() -> None:
    s = NameStats(_values(["Miller LLC", "Anna Schmidt"]))
    assert s.org == 0.5 and s.full == 0.5


@pytest.mark.parametrize(
    ("values", "decisive", "blank_name_only"),
    [
        (["male", "female"] * 20, True, False),
        (["Männlich", "Weiblich", "Divers"] * 10, True, False),
        (["Hombre", "Mujer"] * 10, True, False),
        (["남성", "여성"] * 10, True, False),
        # the two sexes' letters decide only under a name that says nothing (``field_14``)
        (["M", "F"] * 20, True, True),
        (["H", "F", "F"] * 15, True, True),
        (["M", "M", "M", "M", "M", "M", "M", "M", "M", "F"] * 5, False, False),  # a flag
        (["S", "M", "L", "XL"] * 10, False, False),
        (["male"] * 20, False, False),
    ],
)
def test_gender(values: list[str], decisive: bool, blank_name_only: bool) -> None:
    hit = GenderRecognizer().evaluate(_values(values), named=False)
    assert hit.decisive is decisive
    assert hit.blank_name is blank_name_only
    assert GenderRecognizer().evaluate(_values(["M", "F"] * 20), named=True).rate == 1.0


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("37", True),
        ("0", True),
        ("120", True),
        ("121", False),
        ("-1", False),
        ("37 years", True),
        ("abc", False),
    ],
)
def test_age(text: str, ok: bool) -> None:
    assert AgeRecognizer().match(text) is ok


def test_age_needs_a_plausible_median() -> None:
    hit = AgeRecognizer().evaluate(_values([str(v) for v in [0, 0, 0, 0, 1] * 10]), named=True)
    assert hit.rate == 0.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1982-03-29", dt.date(1982, 3, 29)),
        ("3/29/1982", dt.date(1982, 3, 29)),
        ("29.03.1982", dt.date(1982, 3, 29)),
        ("29 March 1982", dt.date(1982, 3, 29)),
        ("March 29, 1982", dt.date(1982, 3, 29)),
        ("29 mars 1982", dt.date(1982, 3, 29)),
        ("1982年03月29日", dt.date(1982, 3, 29)),
        ("1982년 3월 29일", dt.date(1982, 3, 29)),
        ("29MAR82", dt.date(1982, 3, 29)),  # airline and Oracle forms, two-digit year
        ("29-MAR-82", dt.date(1982, 3, 29)),
        ("29-Mar-1982", dt.date(1982, 3, 29)),
        ("04JUN43", dt.date(1943, 6, 4)),  # a two-digit year in the future is last century's
        ("1982-02-30", None),
        ("hello", None),
        ("19820329", None),
        ("29XYZ82", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "strict", "plausible"),
    [
        ("19820329", True, True),  # eight digits: YYYYMMDD (an integer column's date)
        ("03/29", False, True),  # a birthday without its year
        ("29.03.", False, True),
        ("29 Mar", False, True),
        ("March 29th", False, True),
        ("03/1982", False, True),  # born in a month
        ("13/13", False, False),
        ("99999999", False, False),
        ("Mar", False, False),
    ],
)
def test_birth_date_forms(text: str, strict: bool, plausible: bool) -> None:
    r = DateOfBirthRecognizer()
    assert r.match(text) is strict
    assert r.plausible(text) is plausible


def test_parse_compact_date_only_when_asked() -> None:
    assert parse_date("19820329", compact=True) == dt.date(1982, 3, 29)


def test_birth_like_population_vs_event_dates() -> None:
    today = dt.date.today()
    births = [today.replace(year=today.year - a) - dt.timedelta(days=a * 3) for a in range(18, 88)]
    events = [today - dt.timedelta(days=d * 9) for d in range(70)]
    assert birth_like(births, [1] * len(births))[0]
    assert not birth_like(events, [1] * len(events))[0]


def test_dob_date_column_without_a_name_decides_on_spread() -> None:
    today = dt.date.today()
    births = [dt.date(today.year - 18 - (i % 60), 1 + i % 12, 1 + i % 28) for i in range(120)]
    hit = DateOfBirthRecognizer().evaluate(prepare(births, ColumnKind.DATE), named=False)
    assert hit.decisive


@pytest.mark.parametrize(
    ("text", "plausible", "derived"),
    [
        ("alice_99", True, True),
        ("kschwartz", True, True),
        ("malin38", True, True),
        ("Wasco1982", True, False),
        ("@handle", True, False),
        ("two words", False, False),
        ("alice@example.com", True, False),
        ("sku-1234", True, False),
    ],
)
def test_username(text: str, plausible: bool, derived: bool) -> None:
    r = UsernameRecognizer()
    assert r.plausible(text) is plausible
    assert r.match(text) is derived


def test_usernames_decide_only_when_derived_from_names() -> None:
    names = ["anna", "kschwartz", "malin", "owen.h", "jdoe"] * 8
    handles = [f"{n}{i}" for i, n in enumerate(names)]
    r = UsernameRecognizer()
    assert r.evaluate(_values(handles), named=False).decisive
    slugs = [f"desk-lamp-{i}" for i in range(40)]
    assert not r.evaluate(_values(slugs), named=False).decisive
    given = ["anna", "owen", "maria", "lars", "ingrid", "priya", "kenneth", "chloe"] * 5
    assert not r.evaluate(_values(given), named=False).decisive


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("$2b$12$" + "a" * 53, True),
        ("$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", True),
        ("pbkdf2_sha256$260000$salt$aGFzaA==", True),
        ("$6$rounds=5000$salt$" + "x" * 86, True),
        ("eiZookooB7", False),
        ("5f4dcc3b5aa765d61d8327deb882cf99", False),
    ],
)
def test_password_hash_formats(text: str, ok: bool) -> None:
    assert PasswordRecognizer().match(text) is ok


@pytest.mark.parametrize(
    ("text", "listed", "plausible"),
    [
        ("DEM", True, True),  # voter-register party codes
        ("Unaffiliated", True, True),
        ("Grüne", True, True),
        ("rk", True, True),  # church-tax codes
        ("Roman Catholic", True, True),
        ("Two or more races", True, True),
        ("W", False, True),  # a register's race code: plausible under an NRP name only
        ("Buyer", False, True),
        ("42", False, False),
    ],
)
def test_nrp_listed_groups(text: str, listed: bool, plausible: bool) -> None:
    r = NrpRecognizer()
    assert r.match(text) is listed
    assert r.plausible(text) is plausible
