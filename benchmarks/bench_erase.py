"""Erasure speed, side by side with the anchors of the issue.

    .venv/bin/python benchmarks/bench_erase.py [--rows 10000000] [--batch 1000] [--keep]

1. One subject erased across 20 related PostgreSQL tables holding --rows rows in total (foreign
   keys indexed): the whole request -- plan, journal, 20 set-based deletes, key shred,
   verification, audit -- wall time. Anchor: under 2 s. E-mail is matched case-insensitively
   (``lower(email)``), which the unique index on email cannot serve; the case is then run again
   with an expression index on ``lower(email)``.
2. --batch subjects in one batch: SQL statements sent to PostgreSQL (counted on the wire by a
   SQLAlchemy event hook), next to the bound tables x batches (x3: plan lookup, delete,
   verification count). Anchor: bounded by tables x batches, not by rows.
3. A Delta table of --rows rows in 100 files: one subject's rows deleted and purged; files
   rewritten printed. Anchor: only the files holding the subject.

Needs the local PostgreSQL (127.0.0.1:5432, user postgres). Creates and drops its own database.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa

PG_ADMIN = os.environ.get(
    "PRIVACY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
LEVEL1, LEVEL2 = 10, 9  # child tables of customers, and grandchildren (one per child table)


def build_pg(url: str, total: int) -> dict[str, int]:
    """customers + 10 children + 9 grandchildren = 20 tables, ~``total`` rows, FKs indexed."""
    n_cust = total // 10
    n_child = (total - n_cust) // (LEVEL1 + LEVEL2)
    active = max(n_child // 5, 1)  # the first customers own 5 rows in each child table
    eng = sa.create_engine(url)
    sizes: dict[str, int] = {}
    with eng.begin() as c:
        c.execute(sa.text("CREATE TABLE customers (id BIGINT PRIMARY KEY, email TEXT NOT NULL)"))
        c.execute(
            sa.text(
                "INSERT INTO customers SELECT i, 'user' || i || '@example.com' "
                "FROM generate_series(1, :n) i"
            ),
            {"n": n_cust},
        )
        c.execute(sa.text("CREATE UNIQUE INDEX ON customers (email)"))
        sizes["customers"] = n_cust
        for k in range(1, LEVEL1 + 1):
            c.execute(
                sa.text(
                    f"CREATE TABLE c{k} (id BIGINT PRIMARY KEY, "
                    f"customer_id BIGINT NOT NULL REFERENCES customers(id), payload TEXT)"
                )
            )
            c.execute(
                sa.text(
                    f"INSERT INTO c{k} SELECT i, (i % :a) + 1, md5(i::text) "
                    "FROM generate_series(1, :n) i"
                ),
                {"a": active, "n": n_child},
            )
            c.execute(sa.text(f"CREATE INDEX ON c{k} (customer_id)"))
            sizes[f"c{k}"] = n_child
        for k in range(1, LEVEL2 + 1):
            c.execute(
                sa.text(
                    f"CREATE TABLE g{k} (id BIGINT PRIMARY KEY, "
                    f"c_id BIGINT NOT NULL REFERENCES c{k}(id), note TEXT)"
                )
            )
            c.execute(
                sa.text(
                    f"INSERT INTO g{k} SELECT i, ((i - 1) % :m) + 1, 'n' "
                    "FROM generate_series(1, :n) i"
                ),
                {"m": n_child, "n": n_child},
            )
            c.execute(sa.text(f"CREATE INDEX ON g{k} (c_id)"))
            sizes[f"g{k}"] = n_child
    with eng.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(sa.text("VACUUM ANALYZE"))
    eng.dispose()
    return sizes


def settings_for(root: Path, sources: dict[str, str], identifiers: dict[str, list[str]]) -> Any:
    from privacy.config import load_settings

    lines = [f'[sources.{k}]\nurl = "{v}"\n' for k, v in sources.items()]
    for kind, cols in identifiers.items():
        lines.append(f'[[identifiers]]\nkind = "{kind}"\ncolumns = {json.dumps(cols)}\n')
    (root / "privacy.toml").write_text("\n".join(lines))
    os.environ["PRIVACY_HOME"] = str(root / ".privacy")
    os.environ.setdefault("PRIVACY_MASTER_KEY", "bench-master-key-0123456789abcdef")
    return load_settings(root)


class StatementCounter:
    """Counts statements sent to one database (by name) through any SQLAlchemy engine."""

    def __init__(self, database: str) -> None:
        self.database = database
        self.count = 0
        self.kinds: dict[str, int] = {}
        sa.event.listen(sa.engine.Engine, "before_cursor_execute", self._on)

    def _on(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if conn.engine.url.database == self.database:
            self.count += 1
            word = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "?"
            self.kinds[word] = self.kinds.get(word, 0) + 1

    def close(self) -> None:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", self._on)


def bench_pg(total: int, batch: int, keep: bool) -> None:
    from privacy.dsr import workflow as dsr

    name = f"privacy_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    try:
        t0 = time.perf_counter()
        sizes = build_pg(url, total)
        print(
            f"setup: 20 PostgreSQL tables, {sum(sizes.values()):,} rows, indexed, "
            f"{time.perf_counter() - t0:.1f} s"
        )
        with tempfile.TemporaryDirectory() as tmp:
            settings = settings_for(Path(tmp), {"pg": url}, {"email": ["pg.customers.email"]})
            dsr.preview(settings, "email:user1@example.com")  # warm imports and key store
            t0 = time.perf_counter()
            req = dsr.erase(settings, "email:user42@example.com", raise_on_error=True)
            wall = time.perf_counter() - t0
            _v, steps = dsr.show(settings, req.id)
            rows = sum(s.rows_affected or 0 for s in steps if s.kind.value == "delete")
            tables = sum(1 for s in steps if s.kind.value == "delete")
            print(
                f"1 subject erased: {wall:.2f} s wall for {rows} rows in {tables} tables "
                f"(plan+journal+delete+shred+verify+audit)   anchor: < 2 s   "
                f"{'OK' if wall < 2 else 'OVER'}"
            )
            # e-mail is matched case-insensitively (lower(email) IN ...): the unique index on
            # email cannot serve it, so the customers lookups above scanned the table; an
            # expression index on lower(email) makes them index lookups
            eng = sa.create_engine(url)
            with eng.begin() as c:
                c.execute(sa.text("CREATE INDEX ON customers (lower(email))"))
            eng.dispose()
            t0 = time.perf_counter()
            dsr.erase(settings, "email:USER43@example.com", raise_on_error=True)
            wall = time.perf_counter() - t0
            print(
                f"  the same with an index on lower(email) (subject given as USER43@...): "
                f"{wall:.2f} s wall   {'OK' if wall < 2 else 'OVER'}"
            )

            first = 1000
            subjects = [f"email:user{first + i}@example.com" for i in range(batch)]
            counter = StatementCounter(name)
            t0 = time.perf_counter()
            reqs = dsr.erase_batch(settings, subjects, raise_on_error=True)
            wall = time.perf_counter() - t0
            counter.close()
            done = sum(r.state.value == "done" for r in reqs)
            batches = math.ceil(batch * 5 / 1000)  # the widest key set: 5 child rows each
            dml = counter.kinds.get("DELETE", 0) + counter.kinds.get("UPDATE", 0)
            reads = counter.kinds.get("SELECT", 0)
            print(
                f"{batch} subjects in one batch: {wall:.1f} s wall, {done} done; statements to "
                f"PostgreSQL: {counter.count} in all {dict(sorted(counter.kinds.items()))}"
            )
            print(
                f"  DELETE {dml} (bound 20 tables x {batches} batches = {20 * batches}), "
                f"SELECT {reads} (plan lookups + verification counts + schema reflection; bound "
                f"2 x 20 x {batches} = {40 * batches} plus reflection)   anchor: tables x "
                f"batches, not rows ({batch * 96:,} rows)   "
                f"{'OK' if dml <= 20 * batches else 'OVER'}"
            )
    finally:
        if keep:
            print(f"kept database {name}")
        else:
            with admin.connect() as c:
                c.execute(
                    sa.text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = :n AND pid <> pg_backend_pid()"
                    ),
                    {"n": name},
                )
                c.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def bench_delta(total: int) -> None:
    import pyarrow as pa
    from deltalake import DeltaTable, write_deltalake

    from privacy.dsr import workflow as dsr

    files = 100
    per = total // files
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        lake = root / "lake"
        lake.mkdir()
        path = lake / "events"
        t0 = time.perf_counter()
        # ids clustered by file (as after a Z-order or a load by id): user 4242 sits in one
        for f in range(files):
            start = f * per
            ids = pa.array(range(start // 20, (start + per) // 20), pa.int64())
            ids = pa.compute.take(ids, pa.array([i // 20 for i in range(per)]))
            write_deltalake(
                str(path),
                pa.table({"user_id": ids, "event": pa.array(["view"] * per)}),
                mode="append",
            )
        dt = DeltaTable(str(path))
        n_files = len(dt.file_uris())
        print(
            f"setup: Delta table, {total:,} rows in {n_files} files, "
            f"{time.perf_counter() - t0:.1f} s"
        )
        settings = settings_for(root, {"lake": str(lake)}, {"user_id": ["lake.events.user_id"]})
        t0 = time.perf_counter()
        req = dsr.erase(settings, "user_id:4242", raise_on_error=True)
        wall = time.perf_counter() - t0
        _v, steps = dsr.show(settings, req.id)
        step = next(s for s in steps if s.kind.value == "delete")
        lake_check = next(c for c in steps[-1].evidence["checks"] if c["check"] == "lake")
        print(
            f"1 subject erased from Delta: {wall:.1f} s wall, {step.rows_affected} rows, "
            f"{step.evidence.get('files_rewritten')} of {n_files} files rewritten, purged="
            f"{step.evidence.get('purged')}, unreferenced files left="
            f"{len(lake_check['unreferenced_files'])}   anchor: only the files holding the "
            f"subject (1 here)   {'OK' if step.evidence.get('files_rewritten') == 1 else 'OVER'}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--keep", action="store_true", help="keep the benchmark database")
    ap.add_argument("--only", choices=["pg", "delta"], default=None)
    args = ap.parse_args()
    print(f"bench_erase: rows={args.rows:,} batch={args.batch} (python {sys.version.split()[0]})")
    if args.only in (None, "pg"):
        bench_pg(args.rows, args.batch, args.keep)
    if args.only in (None, "delta"):
        bench_delta(args.rows)


if __name__ == "__main__":
    main()
