"""Column-level precision, recall and F1 of scan results against labels.

Labels use the format of ``fakenamegenerator_3000.labels.json``: per column a list of entities
that count as right, ``[]`` for "not personal data", ``"*"`` for "either answer is
acceptable" (keys starting with ``_`` are comments). Per column:

- labelled PII, predicted one of the listed entities: a true positive;
- labelled PII, predicted another entity: a false positive *and* a false negative;
- labelled PII, predicted none: a false negative;
- labelled ``[]``, predicted an entity: a false positive;
- ``"*"``: not counted.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Labels = dict[str, Any]


def load_labels(path: str | Path) -> Labels:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    #: (column, predicted, expected) of every miss
    errors: list[tuple[str, str | None, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: Score) -> Score:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn
        self.errors.extend(other.errors)
        return self


def score(predicted: Mapping[str, str | None], labels: Labels, *, prefix: str = "") -> Score:
    """Score ``column -> predicted entity`` against ``labels``."""
    s = Score()
    for column, expected in labels.items():
        if expected == "*":
            continue
        got = predicted.get(column)
        name = f"{prefix}{column}"
        if expected:
            if got in expected:
                s.tp += 1
            elif got is None:
                s.fn += 1
                s.errors.append((name, got, expected))
            else:
                s.fp += 1
                s.fn += 1
                s.errors.append((name, got, expected))
        elif got is None:
            s.tn += 1
        else:
            s.fp += 1
            s.errors.append((name, got, expected))
    return s
