"""Guard overhead on a 100,000-row batch, side by side with writing the same batch to Parquet.

    .venv/bin/python benchmarks/bench_guard.py [--rows 100000] [--repeat 11]

Anchors: ``pyarrow.parquet.write_table`` of the same batch (snappy), and the same write made
durable the way ``write_parquet`` makes it (temp file, fsync, rename, fsync of the folder).
Rows: ``guard`` on Arrow and on pandas input with every column confirmed in the catalog (PII
and not PII; the not-PII text columns get their small re-check, one of them free text), and
with three new, untagged (clean) columns classified on a sample. The guard's time includes
the catalog lookups and the durable ``hook.passed`` audit event; its parts are printed
below. No policy is configured, so nothing is encrypted (that is the policy engine's cost, see
bench_policy.py / bench_crypto.py).

The machine is shared, so each run writes and guards the *same* batch back to back and the
ratio is taken per run; the table shows medians over --repeat runs after one warm-up. Every
run gets a different batch (high-cardinality values shifted), as consecutive loads of a real
job do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from privacy import auditing
from privacy.catalog import Catalog
from privacy.config import Settings
from privacy.hooks import Guard, guard, view_of
from privacy.hooks import state as hook_state
from privacy.sources.base import ColumnRef

DATASET = "lake.orders"
PII = {
    "customer_email": "EMAIL_ADDRESS",
    "customer_name": "PERSON",
    "phone": "PHONE_NUMBER",
    "birth_date": "DATE_OF_BIRTH",
}


def make_batch(n: int, *, extra: bool, start: int = 0) -> pa.Table:
    """One day's orders; ``start`` shifts every high-cardinality value, so consecutive
    batches differ the way a real job's do (the guard caches nothing across them)."""
    rng = np.random.default_rng(7 + start)
    first = ["Anna", "Bruno", "Chloé", "Dmitri", "Eva", "Farid", "Greta", "Hiro"]
    last = ["Martin", "Schmidt", "Rossi", "Kim", "Novak", "Silva", "Dubois", "Berg"]
    i = np.arange(start, start + n)
    cols: dict[str, Any] = {
        "order_id": pa.array(i + 1_000_000),
        "customer_email": pa.array([f"user{k}@example.com" for k in range(start, start + n)]),
        "customer_name": pa.array(
            [f"{first[k % 8]} {last[(k // 8) % 8]}" for k in range(start, start + n)]
        ),
        "phone": pa.array([f"+49 30 {5550000 + k % 100000}" for k in range(start, start + n)]),
        "birth_date": pa.array(
            [dt.date(1950 + k % 50, 1 + k % 12, 1 + k % 28) for k in range(start, start + n)],
            pa.date32(),
        ),
        "amount": pa.array(np.round(rng.random(n) * 500, 2)),
        "currency": pa.array(["EUR", "USD", "GBP", "KRW"] * (n // 4) + ["EUR"] * (n % 4)),
        "status": pa.array(["paid", "open", "refunded"] * (n // 3) + ["paid"] * (n % 3)),
        "sku": pa.array([f"SKU-{k % 5000:05d}" for k in range(start, start + n)]),
        "created_at": pa.array((i * 37).astype("datetime64[s]")),
        "country": pa.array(["DE", "FR", "US", "KR", "IT"] * (n // 5) + ["DE"] * (n % 5)),
        "notes": pa.array([f"order {k} packed in box {k % 7}" for k in range(start, start + n)]),
    }
    if extra:
        cols["coupon_code"] = pa.array([f"spring-{k % 90 + 10}" for k in range(start, start + n)])
        cols["channel"] = pa.array(["web", "app", "store"] * (n // 3) + ["web"] * (n % 3))
        cols["weight_kg"] = pa.array(np.round(rng.random(n) * 20, 3))
    return pa.table(cols)


def timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def durable_write(table: pa.Table, path: Path) -> None:
    from privacy.sources.atomic import atomic_replace

    with atomic_replace(path) as tmp:
        pq.write_table(table, tmp)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=11)
    args = ap.parse_args()
    n, rep = args.rows, args.repeat

    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as tmp:
        home = Path(tmp) / ".privacy"
        os.environ.setdefault("PRIVACY_MASTER_KEY", "bench-master-key-0123456789abcdef")
        settings = Settings(home)
        catalog = Catalog(settings.catalog_url)
        base = [make_batch(n, extra=False, start=r * n) for r in range(rep + 1)]
        wide = [make_batch(n, extra=True, start=r * n) for r in range(rep + 1)]
        frames = [b.to_pandas() for b in base]
        no_text = [b.drop_columns(["notes"]) for b in base]
        for col in base[0].column_names:
            catalog.set(ColumnRef("lake", "orders", col), PII.get(col), actor="bench")
        guard(base[0], DATASET, settings=settings)  # remembers the column types
        out = Path(tmp) / "out.parquet"
        g = Guard(settings)
        st = hook_state.state_for(settings.catalog_url)

        # (label, what guard gets, the same batch as Arrow for the anchors)
        scenarios: list[tuple[str, list[Any], list[pa.Table]]] = [
            ("guard, Arrow, all 12 columns confirmed", base, base),
            ("guard, Arrow, 11 confirmed (no free-text column)", no_text, no_text),
            ("guard, pandas, all 12 columns confirmed", frames, base),
            ("guard, Arrow, 12 confirmed + 3 new clean columns", wide, wide),
        ]
        results = []
        for label, batches, tables in scenarios:
            w, d, gm, r1, r2 = [], [], [], [], []
            for r in range(rep + 1):
                t, b = tables[r], batches[r]
                # guard first, durable write last, as a job does (guard, write, guard, ...):
                # the durable write's fsync leaves no dirty pages for the next audit fsync
                tg = timed(lambda b=b: guard(b, DATASET, settings=settings))  # type: ignore[misc]
                tw = timed(lambda t=t: pq.write_table(t, out))  # type: ignore[misc]
                td = timed(lambda t=t: durable_write(t, out))  # type: ignore[misc]
                if r == 0:
                    continue  # warm-up
                w.append(tw)
                d.append(td)
                gm.append(tg)
                r1.append(tg / tw)
                r2.append(tg / td)
            med = statistics.median
            results.append((label, med(w), med(d), med(gm), med(r1), med(r2)))

        parts = []
        for label, fn in [
            (
                "catalog: tags + column types",
                lambda r: (st.tags("lake", "orders"), st.kinds("lake", "orders")),
            ),
            (
                "evaluate: catalog lookups, sampling, re-checks",
                lambda r: g.evaluate(view_of(base[r]), DATASET),
            ),
            (
                "evaluate of the free-text `notes` column alone",
                lambda r: g.evaluate(view_of(base[r].select(["notes"])), DATASET),
            ),
            (
                "audit: one durable hook.passed event",
                lambda r: auditing.record(settings, "hook.passed", DATASET, details={"rows": n}),
            ),
        ]:
            ts = [timed(lambda fn=fn, r=r: fn(r)) for r in range(rep + 1)][1:]  # type: ignore[misc]
            parts.append((label, statistics.median(ts)))

    print(
        f"guard overhead on {n:,} rows x 12 columns (15 with the new ones); medians of {rep} runs"
    )
    print(f"{'':50} {'write':>7} {'durable':>8} {'guard':>7} {'vs write':>9} {'vs durable':>11}")
    for label, mw, md, mg, q1, q2 in results:
        print(f"{label:50} {mw:6.1f}ms {md:6.1f}ms {mg:5.1f}ms {q1:8.1%} {q2:10.1%}")
    print("parts of the all-confirmed Arrow run:")
    for label, ms in parts:
        print(f"  {label:48} {ms:5.1f}ms")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
