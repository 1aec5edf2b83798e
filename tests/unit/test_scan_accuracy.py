"""Accuracy gate: column-level F1 on the fakename dataset and on our labelled cases, and no
false positive on the tables without personal data. A regression in the scanner fails here.

Tables are read through the real source adapters, as ``privacy scan`` reads them. NER is off
(the free-text case is covered by the finders alone; tests/unit/test_scan_ner.py loads NER).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy.scan.evaluation import Score, load_labels, score
from privacy.scan.scanner import scan_source
from privacy.sources import open_source

DATA = Path(__file__).resolve().parent.parent / "data" / "scan"
FAKENAME = DATA / "external" / "fakenamegenerator_3000.csv"
CASES = sorted(p for p in DATA.glob("*.csv"))
NO_PII = [
    "no_pii_orders",
    "no_pii_metrics",
    "no_pii_adversarial",
    "products_catalog",
    "ops_inventory",
]
TARGET_F1 = 0.95


def _score(path: Path) -> Score:
    labels = load_labels(path.with_name(path.stem + ".labels.json"))
    with open_source(str(path)) as src:
        report = scan_source(src, sample=1000, ner=None)
    assert not report.failures
    return score({t.column: t.entity for t in report.tags}, labels, prefix=f"{path.stem}.")


def test_fakename_f1() -> None:
    s = _score(FAKENAME)
    assert s.f1 >= TARGET_F1, s.errors
    assert s.precision >= TARGET_F1, s.errors


def test_labelled_cases_f1() -> None:
    total = Score()
    for path in CASES:
        total += _score(path)
    assert total.tp >= 80  # the cases are many, not a handful
    assert total.f1 >= TARGET_F1, total.errors


@pytest.mark.parametrize("stem", NO_PII)
def test_no_false_positive_on_tables_without_personal_data(stem: str) -> None:
    s = _score(DATA / f"{stem}.csv")
    assert s.fp == 0, s.errors
    assert s.tn >= 9
