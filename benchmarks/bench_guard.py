"""Guard overhead on a 100,000-row batch, side by side with writing the same batch to Parquet.

    .venv/bin/python benchmarks/bench_guard.py [--rows 100000] [--repeat 7]

Anchor: ``pyarrow.parquet.write_table`` of the same batch (snappy, page cache) and the same
write made durable (fsync, as ``write_parquet`` does). Rows: ``guard`` on Arrow and on pandas
input with every column confirmed in the catalog (PII and not-PII; not-PII text columns get
their small re-check), and with three new, untagged (clean) columns that are classified on a
sample. The guard's time includes the catalog lookups and the durable ``hook.passed`` audit
event; its parts are printed below. No policy is configured, so nothing is encrypted (that is
the policy engine's cost, see bench_crypto.py). Median of --repeat runs after one warm-up.
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
        cols["coupon_code"] = pa.array([f"SPRING{k % 90 + 10}" for k in range(start, start + n)])
        cols["channel"] = pa.array(["web", "app", "store"] * (n // 3) + ["web"] * (n % 3))
        cols["weight_kg"] = pa.array(np.round(rng.random(n) * 20, 3))
    return pa.table(cols)


def median_ms(repeat: int, fn: Callable[[int], Any]) -> float:
    fn(0)  # warm-up: imports, first catalog handle
    times = []
    for r in range(1, repeat + 1):
        t0 = time.perf_counter()
        fn(r)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def durable_write(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path)
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=7)
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
        for col in base[0].column_names:
            catalog.set(ColumnRef("lake", "orders", col), PII.get(col), actor="bench")
        g = Guard(settings)
        g(base[0], DATASET)  # remembers the column types

        out = Path(tmp) / "out.parquet"
        pq_ms = median_ms(rep, lambda r: pq.write_table(base[r], out))
        pq_sync_ms = median_ms(rep, lambda r: durable_write(base[r], out))
        pq_wide = median_ms(rep, lambda r: pq.write_table(wide[r], out))
        rows = [
            (
                "guard, Arrow, all 12 columns confirmed",
                lambda r: guard(base[r], DATASET, settings=settings),
            ),
            (
                "guard, pandas, all 12 columns confirmed",
                lambda r: guard(frames[r], DATASET, settings=settings),
            ),
            (
                "guard, Arrow, 12 confirmed + 3 new clean columns",
                lambda r: guard(wide[r], DATASET, settings=settings),
            ),
        ]
        timed = [(what, median_ms(rep, fn)) for what, fn in rows]

        # the parts of the all-confirmed Arrow run
        st = hook_state.state_for(settings.catalog_url)
        parts = [
            (
                "  catalog: tags + column types",
                lambda r: (st.tags("lake", "orders"), st.kinds("lake", "orders")),
            ),
            (
                "  evaluate: catalog lookups, sampling, re-checks",
                lambda r: g.evaluate(view_of(base[r]), DATASET),
            ),
            (
                "  evaluate of the free-text `notes` column alone",
                lambda r: g.evaluate(view_of(base[r].select(["notes"])), DATASET),
            ),
            (
                "  audit: one durable hook.passed event",
                lambda r: auditing.record(settings, "hook.passed", DATASET, details={"rows": n}),
            ),
        ]
        timed_parts = [(what, median_ms(rep, fn)) for what, fn in parts]

    print(f"guard overhead, {n:,} rows x 12 columns (15 with the new ones); median of {rep} runs")
    print(f"{'':52} {'ms':>8} {'vs write':>9} {'vs durable':>11}")
    print(f"{'anchor: pyarrow.parquet.write_table (12 columns)':52} {pq_ms:8.1f}")
    print(f"{'anchor: write_table + fsync (12 columns)':52} {pq_sync_ms:8.1f}")
    print(f"{'anchor: write_table (15 columns)':52} {pq_wide:8.1f}")
    for what, ms in timed:
        anchor = pq_wide if "new" in what else pq_ms
        anchor_sync = pq_sync_ms * (pq_wide / pq_ms if "new" in what else 1.0)
        print(f"{what:52} {ms:8.1f} {ms / anchor:8.1%} {ms / anchor_sync:10.1%}")
    for what, ms in timed_parts:
        print(f"{what:52} {ms:8.1f} {ms / pq_ms:8.1%}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
