"""Shared helpers of the generator: messy values, writers, small vocabularies."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

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
GENDER = ["GENDER"]
GEO = ["GEO_COORDINATE"]
NONE: list[str] = []
ANY = "*"


def mess(
    rng: random.Random,
    values: Sequence[Any],
    *,
    blank: float = 0.0,
    na: float = 0.0,
    space: float = 0.0,
    tokens: Sequence[str] = ("N/A",),
) -> list[Any]:
    """Blank some cells, put placeholder tokens in others, pad a few with spaces."""
    out: list[Any] = []
    for v in values:
        r = rng.random()
        if r < blank:
            out.append(None)
        elif r < blank + na:
            out.append(rng.choice(tokens))
        elif r < blank + na + space and isinstance(v, str):
            out.append(rng.choice([" ", "  ", ""]) + v + rng.choice([" ", "  "]))
        else:
            out.append(v)
    return out


def sometimes(rng: random.Random, p: float, make: Callable[[], Any]) -> Any:
    return make() if rng.random() < p else None


def write(
    name: str,
    fmt: str,
    df: pd.DataFrame,
    labels: dict[str, Label],
    *,
    sep: str = ",",
    encoding: str = "utf-8",
    about: str = "",
) -> Path:
    missing = set(df.columns) ^ set(labels)
    if missing:
        raise SystemExit(f"{name}: labels and columns differ: {sorted(missing)}")
    DATA.mkdir(parents=True, exist_ok=True)
    LABELS.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        path = DATA / f"{name}.csv"
        df.to_csv(path, index=False, sep=sep, encoding=encoding)
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


US_STATES = ["CA", "NY", "TX", "FL", "IL", "WA", "PA", "OH", "GA", "NC", "MI", "AZ"]

# Real places: faker's en_US city() makes up names ("Port Sarafort"), which no real table holds.
US_CITIES = [
    ("Austin", "TX"),
    ("Houston", "TX"),
    ("Dallas", "TX"),
    ("El Paso", "TX"),
    ("Phoenix", "AZ"),
    ("Tucson", "AZ"),
    ("San Diego", "CA"),
    ("Sacramento", "CA"),
    ("Fresno", "CA"),
    ("Oakland", "CA"),
    ("Denver", "CO"),
    ("Colorado Springs", "CO"),
    ("Seattle", "WA"),
    ("Spokane", "WA"),
    ("Portland", "OR"),
    ("Boise", "ID"),
    ("Salt Lake City", "UT"),
    ("Las Vegas", "NV"),
    ("Albuquerque", "NM"),
    ("Omaha", "NE"),
    ("Wichita", "KS"),
    ("Tulsa", "OK"),
    ("Chicago", "IL"),
    ("Springfield", "IL"),
    ("Milwaukee", "WI"),
    ("Madison", "WI"),
    ("Minneapolis", "MN"),
    ("Des Moines", "IA"),
    ("St. Louis", "MO"),
    ("Kansas City", "MO"),
    ("Indianapolis", "IN"),
    ("Columbus", "OH"),
    ("Cleveland", "OH"),
    ("Cincinnati", "OH"),
    ("Detroit", "MI"),
    ("Grand Rapids", "MI"),
    ("Louisville", "KY"),
    ("Nashville", "TN"),
    ("Memphis", "TN"),
    ("Atlanta", "GA"),
    ("Savannah", "GA"),
    ("Birmingham", "AL"),
    ("Jackson", "MS"),
    ("New Orleans", "LA"),
    ("Baton Rouge", "LA"),
    ("Little Rock", "AR"),
    ("Charlotte", "NC"),
    ("Raleigh", "NC"),
    ("Charleston", "SC"),
    ("Richmond", "VA"),
    ("Norfolk", "VA"),
    ("Baltimore", "MD"),
    ("Philadelphia", "PA"),
    ("Pittsburgh", "PA"),
    ("Newark", "NJ"),
    ("Buffalo", "NY"),
    ("Rochester", "NY"),
    ("Hartford", "CT"),
    ("Providence", "RI"),
    ("Worcester", "MA"),
    ("Burlington", "VT"),
    ("Manchester", "NH"),
    ("Portland", "ME"),
    ("Miami", "FL"),
    ("Tampa", "FL"),
    ("Orlando", "FL"),
    ("Jacksonville", "FL"),
    ("Anchorage", "AK"),
    ("Honolulu", "HI"),
    ("Billings", "MT"),
    ("Fargo", "ND"),
    ("Sioux Falls", "SD"),
    ("Cheyenne", "WY"),
    ("Reno", "NV"),
    ("Lubbock", "TX"),
]
