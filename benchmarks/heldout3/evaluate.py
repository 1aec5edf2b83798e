"""Third held-out set: column-level precision, recall and F1 of the scanner on unseen tables.

    .venv/bin/python -m benchmarks.heldout3.evaluate [--presidio] [--no-ner] [--sample N]
                                                    [--json OUT.json] [--show-ambiguous] [TABLE ...]

Tables are in ``benchmarks/heldout3/data`` (made by ``python -m benchmarks.heldout3.generate``),
expected tags in ``benchmarks/heldout3/labels/<table>.json``. The scanning and the scoring are
``benchmarks/heldout_eval.py``'s own functions, so all three sets are scored by one rule:

- label []: predicted None is a true negative, any entity a false positive;
- label [A, B, ...]: a predicted entity in the list is a true positive, None a false negative,
  any other entity both a false positive and a false negative;
- label "*": not scored.

Two differences from the second set's evaluator, both because this set has files a reader can
get wrong (``|`` and tab separators, Windows-1252, UTF-16): a table the scanner cannot open, or
a labelled column its report does not name (a mis-split header), counts as "found nothing"
for those columns instead of stopping the run, and is listed; and presidio-structured, which
reads no files itself, is handed frames read with the encoding and separator of the file.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import heldout_eval as he  # noqa: E402
from benchmarks.heldout2.evaluate import as_dict, print_groups  # noqa: E402  (one report format)

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
LABELS = HERE / "labels"


def load_labels(table: str) -> dict[str, he.Label]:
    raw = json.loads((LABELS / f"{table}.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def tables(names: list[str]) -> list[tuple[str, Path]]:
    found = {
        p.stem: p for p in sorted(DATA.iterdir()) if p.suffix in (".csv", ".parquet", ".jsonl")
    }
    if not found:
        raise SystemExit(f"no tables in {DATA}: run `python -m benchmarks.heldout3.generate`")
    if names:
        unknown = [n for n in names if n not in found]
        if unknown:
            raise SystemExit(f"unknown table(s) {unknown}; have {sorted(found)}")
        return [(n, found[n]) for n in names]
    return sorted(found.items())


def scan(
    path: Path, labels: dict[str, he.Label], *, ner: Any, sample: int
) -> tuple[dict[str, str | None], dict[str, tuple[float, tuple[str, ...]]], float, str | None]:
    """The scanner's tags for the labelled columns; a column it did not report found nothing."""
    started = time.perf_counter()
    problem: str | None = None
    try:
        predicted, details, secs = he.run_scanner(path, ner=ner, sample=sample)
    except (SystemExit, Exception) as exc:  # a failed read is a result here, not a crash
        predicted, details, secs = {}, {}, time.perf_counter() - started
        problem = f"scan failed: {type(exc).__name__}"
    unread = [c for c in labels if c not in predicted]
    if unread and problem is None:
        problem = f"{len(unread)} labelled column(s) not in the report"
    return {c: predicted.get(c) for c in labels}, details, secs, problem


# -- presidio-structured -----------------------------------------------------------------------


def _encoding(path: Path) -> str:
    head = path.read_bytes()[:4]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    if head[:3] == b"\xef\xbb\xbf":
        return "utf-8-sig"
    try:
        path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def read_frame(path: Path) -> pd.DataFrame:
    """The table as a pandas user would load it, with cells presidio's batch analyzer takes."""
    if path.suffix != ".csv":
        return he.read_frame(path)
    enc = _encoding(path)
    with path.open(encoding=enc, newline="") as fh:
        head = fh.readline()
    sep = max([",", ";", "\t", "|"], key=head.count)
    df = pd.read_csv(path, sep=sep, encoding=enc, quoting=csv.QUOTE_MINIMAL)
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


# -- the run -----------------------------------------------------------------------------------


def evaluate(
    names: list[str] | None = None,
    *,
    ner: Any = None,
    sample: int = 1000,
    builder: Any = None,
    verbose: bool = False,
) -> dict[str, Any]:
    """Scan and score the tables; returns totals, per-table scores and the misses."""
    total, total_p = he.Score(), he.Score()
    per_table: dict[str, Any] = {}
    ambiguous: list[str] = []
    problems: dict[str, str] = {}
    started = time.perf_counter()
    for name, path in tables(list(names or [])):
        labels = load_labels(name)
        predicted, details, secs, problem = scan(path, labels, ner=ner, sample=sample)
        if problem:
            problems[name] = problem
        s = he.score_table(name, predicted, labels, details)
        total.add(s)
        ambiguous += [
            f"  {name}.{c}: predicted={predicted[c]}"
            + (f"  conf={details[c][0]:.2f}" if predicted[c] else "")
            for c, lab in labels.items()
            if lab == "*"
        ]
        row: dict[str, Any] = {"scanner": {**as_dict(s), "seconds": round(secs, 2)}}
        line = f"{name:30} {len(labels):4}  {s.line():55} {secs:5.1f}"
        if builder is not None:
            try:
                pp, psecs = run_presidio(path, builder)
            except Exception as exc:  # scored as finding nothing, like a failed scan
                pp, psecs = {}, 0.0
                problems[f"{name} (presidio)"] = f"failed: {type(exc).__name__}"
            ps = he.score_table(name, {c: pp.get(c) for c in labels}, labels)
            total_p.add(ps)
            row["presidio"] = {**as_dict(ps), "seconds": round(psecs, 2)}
            line += f"   F1 {ps.f1:.3f} ({psecs:.1f}s)"
        per_table[name] = row
        if verbose:
            print(line + (f"   [{problem}]" if problem else ""), flush=True)
    out: dict[str, Any] = {
        "scanner": {**as_dict(total), "misses": [asdict(m) for m in total.misses]},
        "tables": per_table,
        "ambiguous": ambiguous,
        "problems": problems,
        "seconds": round(time.perf_counter() - started, 1),
        "_total": total,
    }
    if builder is not None:
        out["presidio"] = {**as_dict(total_p), "misses": [asdict(m) for m in total_p.misses]}
        out["_total_p"] = total_p
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("tables", nargs="*", help="table names (default: all)")
    ap.add_argument("--presidio", action="store_true", help="also score presidio-structured")
    ap.add_argument("--no-ner", action="store_true", help="scan without the NER tier")
    ap.add_argument("--sample", type=int, default=1000)
    ap.add_argument("--json", type=Path, help="write the scores and misses to this file")
    ap.add_argument(
        "--show-ambiguous", action="store_true", help='list what the scanner said on "*" columns'
    )
    args = ap.parse_args()

    from privacy.scan.nlp import shared_tier

    ner = None if args.no_ner else shared_tier(he.MODEL)
    builder = he.presidio_builder() if args.presidio else None
    print(
        f"{'table':30} {'cols':>4}  scanner{'':48} {'secs':>5}"
        + ("   presidio-structured" if builder else "")
    )
    res = evaluate(args.tables, ner=ner, sample=args.sample, builder=builder, verbose=True)
    total: he.Score = res.pop("_total")
    total_p: he.Score | None = res.pop("_total_p", None)
    print(f"\nscanner             {total.line()}  in {res['seconds']:.1f}s")
    if total_p is not None:
        print(f"presidio-structured {total_p.line()}")
    if res["problems"]:
        print(
            "tables not fully read: " + "; ".join(f"{k}: {v}" for k, v in res["problems"].items())
        )
    he.print_misses("scanner", total.misses, with_details=True)
    print_groups(total.misses)
    if total_p is not None:
        he.print_misses("presidio-structured", total_p.misses, with_details=False)
    if args.show_ambiguous:
        print(f'\nscanner on "*" columns (not scored): {len(res["ambiguous"])}')
        print("\n".join(res["ambiguous"]))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
