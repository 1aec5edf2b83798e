"""The NER tier (Presidio + spaCy, NER pipe only): loaded only when a column needs it, offline,
and used for free text."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from privacy.scan.classifier import classify
from privacy.scan.nlp import NerTier, shared_tier
from privacy.sources.base import ColumnInfo, ColumnKind

DATA = Path(__file__).resolve().parent.parent / "data" / "scan"


@pytest.fixture(scope="module")
def ner() -> NerTier:
    tier = shared_tier()
    if not tier.available():
        pytest.fail(f"the NER tier must load from the installed model: {tier.error}")
    return tier


def _column(stem: str, name: str) -> list[str]:
    with (DATA / f"{stem}.csv").open(encoding="utf-8") as f:
        return [r[name] for r in csv.DictReader(f)]


def test_structured_columns_never_load_the_model() -> None:
    tier = NerTier()
    for name, values in [
        ("email", ["a@example.com", "b@example.org"] * 20),
        ("amount", ["1.50", "2.75"] * 20),
        ("col1", ["x1", "x2"] * 20),
    ]:
        classify(ColumnInfo(name, ColumnKind.STRING), values, ner=tier)
    assert not tier.loaded


def test_only_the_ner_pipe_is_loaded(ner: NerTier) -> None:
    ner.analyze(["Anna Schmidt lives in Berlin."], ["PERSON"])
    nlp = ner._analyzer.nlp_engine.nlp["en"]
    assert nlp.pipe_names == ["ner"]


def test_finds_people_and_places(ner: NerTier) -> None:
    (found,) = ner.analyze(
        ["Please call Kenneth Baker in Chicago tomorrow."], ["PERSON", "LOCATION"]
    )
    assert {f.entity for f in found} == {"PERSON", "LOCATION"}


def test_support_ticket_bodies_are_free_text_pii(ner: NerTier) -> None:
    r = classify(ColumnInfo("body", ColumnKind.STRING), _column("support_tickets", "body"), ner=ner)
    assert r.entity == "FREE_TEXT_PII" and r.free_text
    assert any(e.startswith("ner:") and e.endswith("PERSON") for e in r.evidence)
    assert any(e.startswith("free_text:") and e.endswith("EMAIL_ADDRESS") for e in r.evidence)


def test_notes_without_personal_data_stay_clean(ner: NerTier) -> None:
    values = _column("support_tickets", "internal_note")
    assert classify(ColumnInfo("internal_note", ColumnKind.STRING), values, ner=ner).entity is None


def test_job_titles_and_slogans_are_not_people(ner: NerTier) -> None:
    values = [
        f"{a} {b} {c} for the regional team"
        for a in ("Senior", "Lead", "Chief")
        for b in ("Data", "Sales", "Support", "Design")
        for c in ("Engineer", "Manager")
    ]
    assert classify(ColumnInfo("col3", ColumnKind.STRING), values * 4, ner=ner).entity is None


def test_missing_model_degrades_to_the_finders() -> None:
    tier = NerTier("no_such_model_installed")
    values = _column("support_tickets", "body")
    r = classify(ColumnInfo("body", ColumnKind.STRING), values, ner=tier)
    assert tier.error is not None and not tier.loaded
    assert r.entity == "FREE_TEXT_PII"
    assert "ner:unavailable" in r.evidence
