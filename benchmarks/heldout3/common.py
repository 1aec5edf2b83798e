"""Shared helpers of the third set's generator: labels, messy values, writers, real places."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from faker import Faker

from benchmarks.heldout2.common import mess, sometimes  # noqa: F401  (the same messy values)

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
LABELS = HERE / "labels"

Label = list[str] | str
Table = tuple[pd.DataFrame, dict[str, Label]]

PERSON = ["PERSON"]
FIRST = ["FIRST_NAME", "PERSON"]
LAST = ["LAST_NAME", "PERSON"]
EMAIL = ["EMAIL_ADDRESS"]
PHONE = ["PHONE_NUMBER"]
STREET = ["STREET_ADDRESS"]
POSTAL = ["POSTAL_CODE"]
CITY = ["LOCATION"]
DOB = ["DATE_OF_BIRTH"]
AGE = ["AGE"]
GENDER = ["GENDER"]
GEO = ["GEO_COORDINATE"]
IP = ["IP_ADDRESS"]
MAC = ["MAC_ADDRESS"]
URL = ["URL"]
USER = ["USERNAME"]
IBAN = ["IBAN_CODE"]
BANK = ["US_BANK_NUMBER"]
NID = ["NATIONAL_ID"]
NRP = ["NRP"]
HEALTH = ["HEALTH_DATA"]
# Art. 9 categories with no entity of their own (orientation, union membership, genetic data):
# the policy files treat NRP and HEALTH_DATA alike, so either is a right answer.
SPECIAL = ["NRP", "HEALTH_DATA"]
TEXT = ["FREE_TEXT_PII"]
VIN = ["VIN"]
NONE: list[str] = []
ANY = "*"


def rng_faker(seed: int, locale: str = "en_US") -> tuple[random.Random, Faker]:
    """A seeded random source and a seeded faker per table, so tables do not shift each other."""
    fake = Faker(locale)
    fake.seed_instance(seed)
    return random.Random(seed), fake


def dates(rng: random.Random, n: int, start: str, end: str, fmt: str | None = None) -> list[Any]:
    """n random timestamps between start and end, as text in fmt (or as pandas Timestamps)."""
    lo, hi = pd.Timestamp(start).value // 10**9, pd.Timestamp(end).value // 10**9
    ts = [pd.Timestamp(rng.randint(lo, hi), unit="s") for _ in range(n)]
    return [t.strftime(fmt) for t in ts] if fmt else ts


def write(
    name: str,
    fmt: str,
    df: pd.DataFrame,
    labels: dict[str, Label],
    *,
    sep: str = ",",
    encoding: str = "utf-8",
    about: str = "",
    quoting: int = 0,
) -> Path:
    missing = set(df.columns) ^ set(labels)
    if missing:
        raise SystemExit(f"{name}: labels and columns differ: {sorted(missing)}")
    DATA.mkdir(parents=True, exist_ok=True)
    LABELS.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        path = DATA / f"{name}.csv"
        df.to_csv(
            path, index=False, sep=sep, encoding=encoding, lineterminator="\n", quoting=quoting
        )
    elif fmt == "parquet":
        path = DATA / f"{name}.parquet"
        df.to_parquet(path, index=False)
    elif fmt == "jsonl":
        path = DATA / f"{name}.jsonl"
        df.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    else:
        raise ValueError(fmt)
    body: dict[str, Any] = {"_about": about} if about else {}
    body.update(labels)
    (LABELS / f"{name}.json").write_text(
        json.dumps(body, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return path


# Real places: faker's en_US/en_CA/en_AU city() makes up names ("Lake Amberfurt").
US_CITIES = [
    ("Austin", "TX", "787"),
    ("Houston", "TX", "770"),
    ("Dallas", "TX", "752"),
    ("Phoenix", "AZ", "850"),
    ("San Diego", "CA", "921"),
    ("Sacramento", "CA", "958"),
    ("Oakland", "CA", "946"),
    ("Los Angeles", "CA", "900"),
    ("San Jose", "CA", "951"),
    ("Denver", "CO", "802"),
    ("Seattle", "WA", "981"),
    ("Portland", "OR", "972"),
    ("Boise", "ID", "837"),
    ("Salt Lake City", "UT", "841"),
    ("Las Vegas", "NV", "891"),
    ("Albuquerque", "NM", "871"),
    ("Omaha", "NE", "681"),
    ("Tulsa", "OK", "741"),
    ("Chicago", "IL", "606"),
    ("Milwaukee", "WI", "532"),
    ("Minneapolis", "MN", "554"),
    ("Des Moines", "IA", "503"),
    ("St. Louis", "MO", "631"),
    ("Indianapolis", "IN", "462"),
    ("Columbus", "OH", "432"),
    ("Cleveland", "OH", "441"),
    ("Detroit", "MI", "482"),
    ("Louisville", "KY", "402"),
    ("Nashville", "TN", "372"),
    ("Atlanta", "GA", "303"),
    ("Birmingham", "AL", "352"),
    ("New Orleans", "LA", "701"),
    ("Charlotte", "NC", "282"),
    ("Raleigh", "NC", "276"),
    ("Richmond", "VA", "232"),
    ("Baltimore", "MD", "212"),
    ("Philadelphia", "PA", "191"),
    ("Pittsburgh", "PA", "152"),
    ("Newark", "NJ", "071"),
    ("Brooklyn", "NY", "112"),
    ("Buffalo", "NY", "142"),
    ("Hartford", "CT", "061"),
    ("Boston", "MA", "021"),
    ("Providence", "RI", "029"),
    ("Miami", "FL", "331"),
    ("Tampa", "FL", "336"),
    ("Orlando", "FL", "328"),
    ("Anchorage", "AK", "995"),
    ("Honolulu", "HI", "968"),
    ("Fargo", "ND", "581"),
    ("Madison", "WI", "537"),
]

CA_CITIES = [
    ("Toronto", "ON", "M"),
    ("Ottawa", "ON", "K"),
    ("Hamilton", "ON", "L"),
    ("London", "ON", "N"),
    ("Montréal", "QC", "H"),
    ("Québec", "QC", "G"),
    ("Laval", "QC", "H"),
    ("Vancouver", "BC", "V"),
    ("Victoria", "BC", "V"),
    ("Surrey", "BC", "V"),
    ("Calgary", "AB", "T"),
    ("Edmonton", "AB", "T"),
    ("Winnipeg", "MB", "R"),
    ("Regina", "SK", "S"),
    ("Saskatoon", "SK", "S"),
    ("Halifax", "NS", "B"),
    ("Moncton", "NB", "E"),
    ("St. John's", "NL", "A"),
    ("Kitchener", "ON", "N"),
    ("Mississauga", "ON", "L"),
]

AU_SUBURBS = [
    ("Parramatta", "NSW", "2150"),
    ("Bondi", "NSW", "2026"),
    ("Newtown", "NSW", "2042"),
    ("Chatswood", "NSW", "2067"),
    ("Penrith", "NSW", "2750"),
    ("Fitzroy", "VIC", "3065"),
    ("St Kilda", "VIC", "3182"),
    ("Geelong", "VIC", "3220"),
    ("Box Hill", "VIC", "3128"),
    ("Footscray", "VIC", "3011"),
    ("Fortitude Valley", "QLD", "4006"),
    ("Toowong", "QLD", "4066"),
    ("Southport", "QLD", "4215"),
    ("Cairns", "QLD", "4870"),
    ("Fremantle", "WA", "6160"),
    ("Joondalup", "WA", "6027"),
    ("Glenelg", "SA", "5045"),
    ("Norwood", "SA", "5067"),
    ("Hobart", "TAS", "7000"),
    ("Launceston", "TAS", "7250"),
    ("Belconnen", "ACT", "2617"),
    ("Darwin", "NT", "0800"),
]

US_STREET_SUFFIX = ["St", "Ave", "Rd", "Blvd", "Dr", "Ln", "Way", "Ct", "Pl"]


def us_street(rng: random.Random, fake: Faker) -> str:
    return f"{rng.randint(1, 9899)} {fake.last_name()} {rng.choice(US_STREET_SUFFIX)}"


def us_place(rng: random.Random) -> tuple[str, str, str]:
    """(city, state, 5-digit ZIP) of a real US city."""
    city, st, z3 = rng.choice(US_CITIES)
    return city, st, f"{z3}{rng.randint(1, 99):02d}"


def us_phone(rng: random.Random) -> str:
    a, b, c = rng.randint(201, 989), rng.randint(200, 989), rng.randint(0, 9999)
    style = rng.random()
    if style < 0.4:
        return f"({a}) {b}-{c:04d}"
    if style < 0.7:
        return f"{a}-{b}-{c:04d}"
    if style < 0.85:
        return f"+1 {a} {b} {c:04d}"
    return f"{a}{b}{c:04d}"


def email_of(rng: random.Random, first: str, last: str, domains: Sequence[str] = ()) -> str:
    import unicodedata

    def ascii_(s: str) -> str:
        s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
        return "".join(ch for ch in s.lower() if ch.isalnum())

    f, la = ascii_(first) or "user", ascii_(last) or "mail"
    dom = rng.choice(
        list(domains) or ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com"]
    )
    style = rng.randint(0, 4)
    local = [f"{f}.{la}", f"{f[0]}{la}", f"{f}{la}{rng.randint(1, 99)}", f"{f}_{la}", f"{la}.{f}"][
        style
    ]
    return f"{local}@{dom}"
