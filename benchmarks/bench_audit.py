"""Audit log speed, printed side by side with the targets (not a timed test).

    .venv/bin/python benchmarks/bench_audit.py [--events 1000000] [--dir /tmp/bench-audit]

Measures, on a folder log in ``--dir`` (same disk as the default ``.privacy``):
durable appends per second one at a time (an fsync each) and with group commit (32 threads
appending at once, and ``append_many`` batches), the same against PostgreSQL when it is
reachable, the time to verify a log of ``--events`` entries, to open it for writing, and the
size of an inclusion proof in it.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit import Event, Signer, open_log, verify_image
from audit.folder import FolderStore

PG_ADMIN = os.environ.get("PRIVACY_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def event(i: int) -> Event:
    """A typical event: ~200 bytes, a pseudonym and a few numbers."""
    return Event(
        "policy.decision" if i % 3 else "dsr.step.done",
        f"warehouse.customers.c{i % 40}",
        details={
            "role": "analyst",
            "policy_version": 7,
            "rows": i % 1000,
            "subject": f"subj_{i:024x}",
        },
        actor="bench",
    )


def single(location: str, signer: Signer, n: int) -> float:
    log = open_log(location, signer=signer)
    t = time.perf_counter()
    for i in range(n):
        log.append(event(i))
    dt = time.perf_counter() - t
    log.close()
    return n / dt


def threaded(location: str, signer: Signer, threads: int, per_thread: int) -> float:
    log = open_log(location, signer=signer)
    go = threading.Barrier(threads + 1)

    def work(k: int) -> None:
        go.wait()
        for i in range(per_thread):
            log.append(event(k * per_thread + i))

    ts = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for t in ts:
        t.start()
    go.wait()
    t0 = time.perf_counter()
    for t in ts:
        t.join()
    dt = time.perf_counter() - t0
    log.close()
    return threads * per_thread / dt


def batched(location: str, signer: Signer, n: int, batch: int) -> float:
    log = open_log(location, signer=signer)
    t = time.perf_counter()
    for start in range(0, n, batch):
        log.append_many([event(i) for i in range(start, min(n, start + batch))])
    dt = time.perf_counter() - t
    log.close()
    return n / dt


def pg_url() -> str | None:
    try:
        import psycopg

        name = f"bench_audit_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    except Exception:
        return None


def drop_pg(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN, autocommit=True) as c:
        c.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
        )
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000, help="size of the verified log")
    ap.add_argument("--dir", type=Path, default=None, help="where to put the logs")
    ap.add_argument("--keep", action="store_true", help="keep the big log for the next run")
    args = ap.parse_args()
    root = args.dir or Path(tempfile.mkdtemp(prefix="bench-audit-"))
    root.mkdir(parents=True, exist_ok=True)
    signer = Signer.generate("privacy-audit")
    rows: list[tuple[str, str, str]] = []

    def fresh(name: str) -> str:
        p = root / name
        shutil.rmtree(p, ignore_errors=True)
        return str(p)

    print(f"logs in {root} (cpus: {os.cpu_count()}, load {os.getloadavg()[0]:.1f})", flush=True)
    a1 = single(fresh("single"), signer, 2000)
    rows.append(("durable appends/s, one at a time (fsync each)", f"{a1:,.0f}", "-"))
    # with group commit, throughput ~ concurrent appenders / fsync latency
    for threads in (8, 32, 128):
        a2 = threaded(fresh(f"threads{threads}"), signer, threads, 16_000 // threads)
        target = ">= 5,000" if threads == 32 else "-"
        rows.append((f"durable appends/s, group commit ({threads} threads)", f"{a2:,.0f}", target))
    a3 = batched(fresh("batched"), signer, 50_000, 100)
    rows.append(("durable appends/s, append_many(100)", f"{a3:,.0f}", ">= 5,000"))

    url = pg_url()
    if url:
        try:
            p1 = single(url, signer, 300)
            rows.append(("PostgreSQL appends/s, one at a time (a commit each)", f"{p1:,.0f}", "-"))
            p2 = threaded(url, signer, 32, 100)
            rows.append(("PostgreSQL appends/s, group commit (32 threads)", f"{p2:,.0f}", "-"))
        finally:
            drop_pg(url)
    else:
        rows.append(("PostgreSQL appends/s", "not reachable", "-"))

    n = args.events
    big = root / f"big-{n}"
    key_file = root / f"big-{n}.key"
    if not (big / "LOG").exists() or not key_file.exists():
        shutil.rmtree(big, ignore_errors=True)
        print(f"writing a log of {n:,} events (group commit, 10,000 a batch)...", flush=True)
        t = time.perf_counter()
        log = open_log(big, signer=signer)
        for start in range(0, n, 10_000):
            log.append_many([event(i) for i in range(start, min(n, start + 10_000))])
            if start % 250_000 == 0:
                log.checkpoint()
        log.close()
        key_file.write_text(signer.encode())
        rows.append((f"writing {n:,} events", f"{time.perf_counter() - t:.1f} s", "-"))
    big_signer = Signer.parse(key_file.read_text())
    size_mb = sum(f.stat().st_size for f in big.rglob("*") if f.is_file()) / 1e6

    t = time.perf_counter()
    rep = verify_image(FolderStore(big).image(), big_signer.verifier)
    dv = time.perf_counter() - t
    assert rep.ok and rep.size == n, rep.problems
    rows.append((f"verify {n:,} events ({size_mb:,.0f} MB, every hash)", f"{dv:.2f} s", "<= 10 s"))

    t = time.perf_counter()
    log = open_log(big, signer=big_signer)
    do = time.perf_counter() - t
    rows.append((f"open a {n:,}-event log for writing", f"{do * 1000:.0f} ms", "-"))
    t = time.perf_counter()
    proof = log.inclusion_proof(n // 3)
    dp = time.perf_counter() - t
    assert proof.verify()
    bound = 32 * math.ceil(math.log2(n))
    rows.append((f"inclusion proof size, n = {n:,}", f"{proof.nbytes} bytes", f"<= {bound} bytes"))
    rows.append(("inclusion proof, time to produce", f"{dp:.2f} s", "-"))
    log.close(checkpoint=False)

    width = max(len(r[0]) for r in rows)
    print()
    print(f"{'measure'.ljust(width)}  {'result':>16}  {'target':>16}")
    for name, value, target in rows:
        print(f"{name.ljust(width)}  {value:>16}  {target:>16}")
    if not args.keep and args.dir is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
