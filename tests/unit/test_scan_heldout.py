"""Held-out accuracy floor: the scanner on 46 labelled tables it was not developed on
(benchmarks/heldout/, scored by benchmarks/heldout_eval.py, NER on as ``privacy scan`` runs).

First measured at P 0.976, R 0.901, F1 0.937 over 660 scored columns; the scanner was then
improved against the *causes* of those misses (not the files) and scores P 1.000, R 0.996,
F1 0.998. The floors sit a little under that, so a change that loses generality fails here.
Since the causes came from these tables they are no longer a clean held-out set:
benchmarks/heldout2/ is the fresh one. Never tune the scanner on these files (see
benchmarks/heldout/README.md).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
MIN_F1 = 0.98
MIN_PRECISION = 0.98
MIN_RECALL = 0.97


def _load_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "heldout_eval", ROOT / "benchmarks" / "heldout_eval.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["heldout_eval"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def heldout() -> ModuleType:
    return _load_eval()


def test_every_table_has_labels_for_exactly_its_columns(heldout: ModuleType) -> None:
    import pyarrow.parquet as pq

    tables = heldout.tables([])
    assert len(tables) >= 40
    for name, path in tables:
        labels = heldout.load_labels(name)
        if path.suffix == ".parquet":
            columns = pq.read_schema(path).names
        elif path.suffix == ".jsonl":
            columns = list(json.loads(path.open(encoding="utf-8").readline()))
        else:
            head = path.open(encoding="utf-8").readline().rstrip("\n")
            sep = ";" if head.count(";") > head.count(",") else ","
            columns = [c.strip('"') for c in head.split(sep)]
        assert sorted(labels) == sorted(columns), name
        for col, label in labels.items():
            assert label == "*" or isinstance(label, list), (name, col)


def test_scoring_rules(heldout: ModuleType) -> None:
    labels = {
        "a": [],
        "b": ["PERSON"],
        "c": ["FIRST_NAME", "PERSON"],
        "d": ["EMAIL_ADDRESS"],
        "e": "*",
        "f": [],
    }
    predicted = {"a": "PHONE_NUMBER", "b": None, "c": "PERSON", "d": "URL", "e": "AGE", "f": None}
    s = heldout.score_table("t", predicted, labels)
    assert (s.tp, s.fp, s.fn, s.tn) == (1, 2, 2, 1)
    assert [m.kind for m in s.misses] == ["FP", "FN", "FP+FN"]


def test_heldout_accuracy_floor(heldout: ModuleType) -> None:
    from privacy.scan.nlp import shared_tier

    ner = shared_tier(heldout.MODEL)
    total = heldout.Score()
    for name, path in heldout.tables([]):
        predicted, details, _ = heldout.run_scanner(path, ner=ner, sample=1000)
        total.add(heldout.score_table(name, predicted, heldout.load_labels(name), details))
    misses = [f"{m.kind} {m.table}.{m.column}: {m.label} -> {m.predicted}" for m in total.misses]
    assert total.tp >= 180, misses
    assert total.f1 >= MIN_F1, misses
    assert total.precision >= MIN_PRECISION, misses
    assert total.recall >= MIN_RECALL, misses
