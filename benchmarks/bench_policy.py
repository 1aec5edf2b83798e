"""Policy engine speed: encryption throughput, and what `read` with masking costs over a plain read.

    .venv/bin/python benchmarks/bench_policy.py [--rows 100000] [--repeat 3] [--no-db]

1. Encryption through `policies.protect`'s path (privacy.crypto batch functions): values/s for
   AES-256-GCM (randomized) and AES-SIV (deterministic), encrypt and decrypt, next to a plain
   copy of the same list (the anchor).
2. `read` of a customers table (id, email, phone, card, date of birth, amount; N rows from a
   Parquet file) as roles with different effects, next to the plain read of the same file
   (the anchor): a role allowed everything (policy bookkeeping only), the analyst (email and
   phone masked, card hashed, dob cut to the year), and the DPO on a protected copy (email and
   card decrypted).
3. Unless --no-db: the same table in PostgreSQL, `SELECT *` from the base table (anchor) and
   from the analyst's masked view, as the analyst role.

Best of --repeat runs. State (keys, catalog, audit log) lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

DATASET = "bench.customers"
POLICY = """\
version: 1
roles:
  everyone: {}
  analyst: {}
  dpo: {}
categories:
  contact: [EMAIL_ADDRESS, PHONE_NUMBER]
  financial: [CREDIT_CARD]
  demographic: [DATE_OF_BIRTH]
rules:
  - category: non_personal
    access: {everyone: allow, analyst: allow, dpo: allow}
  - category: contact
    encrypt: deterministic
    access: {everyone: allow, analyst: {mask: email}, dpo: allow}
  - category: financial
    encrypt: randomized
    access: {everyone: allow, analyst: hash, dpo: allow}
  - category: demographic
    access: {everyone: allow, analyst: {mask: year}, dpo: allow}
"""
DB_POLICY = """\
version: 1
roles: {analyst: {}}
categories:
  contact: [EMAIL_ADDRESS, PHONE_NUMBER]
  financial: [CREDIT_CARD]
  demographic: [DATE_OF_BIRTH]
rules:
  - category: non_personal
    access: {analyst: allow}
  - category: contact
    access: {analyst: {mask: email}}
  - category: financial
    access: {analyst: hash}
  - category: demographic
    access: {analyst: {mask: year}}
"""
TAGS = {
    "id": None,
    "email": "EMAIL_ADDRESS",
    "phone": "PHONE_NUMBER",
    "card": "CREDIT_CARD",
    "dob": "DATE_OF_BIRTH",
    "amount": None,
}


def best(repeat: int, fn: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def table(n: int) -> pa.Table:
    rng = random.Random(7)
    return pa.table(
        {
            "id": list(range(n)),
            "email": [f"user{i:06d}@example.com" for i in range(n)],
            "phone": [f"+49 30 {rng.randrange(1000000, 9999999)}" for _ in range(n)],
            "card": [f"4111{rng.randrange(10**11, 10**12)}" for _ in range(n)],
            "dob": [
                dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(20000)) for _ in range(n)
            ],
            "amount": [rng.random() * 100 for _ in range(n)],
        }
    )


def line(what: str, seconds: float, n: int, anchor: float | None, unit: str = "values") -> None:
    rate = n / seconds if seconds else float("inf")
    ratio = f"{seconds / anchor:8.1f}x" if anchor else "  anchor"
    print(f"  {what:<44} {seconds * 1000:9.1f} ms {rate:13,.0f} {unit}/s {ratio}")


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-db", action="store_true", help="skip the PostgreSQL view comparison")
    args = ap.parse_args()
    n, rep = args.rows, args.repeat

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PRIVACY_HOME"] = str(Path(tmp) / ".privacy")
        os.environ.setdefault("PRIVACY_MASTER_KEY", os.urandom(32).hex())
        from policies.enforce import Enforcer
        from policies.loader import load_texts
        from privacy.catalog import Catalog
        from privacy.config import Settings
        from privacy.crypto import decrypt_values, encrypt_values, open_keystore
        from privacy.sources.base import ColumnRef

        settings = Settings(Path(tmp) / ".privacy")
        store = open_keystore(settings)
        values = [f"user{i:06d}@example.com" for i in range(n)]

        print(f"encryption, {n:,} short strings (e-mail addresses), best of {rep}")
        anchor = best(rep, lambda: list(values))
        line("plain copy of the list", anchor, n, None)
        for mode, name in (("randomized", "AES-256-GCM"), ("deterministic", "AES-SIV")):
            m: Any = mode
            tokens = encrypt_values(store, values, table=DATASET, column="email", mode=m)
            line(
                f"encrypt {name} ({mode})",
                best(
                    rep,
                    lambda m=m: encrypt_values(
                        store, values, table=DATASET, column="email", mode=m
                    ),
                ),
                n,
                anchor,
            )
            line(
                f"decrypt {name}",
                best(rep, lambda t=tokens: decrypt_values(store, t, table=DATASET, column="email")),
                n,
                anchor,
            )

        catalog = Catalog(settings.catalog_url)
        for col, ent in TAGS.items():
            catalog.set(ColumnRef("bench", "customers", col), ent)
        policy = load_texts([("bench.yaml", POLICY)])
        enf = Enforcer(settings, policy=policy, catalog=catalog, store=store)
        raw = table(n)
        plain_path = Path(tmp) / "customers.parquet"
        pq.write_table(raw, plain_path)
        protected_path = Path(tmp) / "protected.parquet"
        # column keys only: per-subject keys would add one key file per customer (see
        # bench_crypto.py for their cost)
        pq.write_table(enf.protect(raw, DATASET, per_subject=False), protected_path)

        print(f"\nread of {n:,} rows x {raw.num_columns} columns from Parquet, best of {rep}")
        anchor = best(rep, lambda: pq.read_table(plain_path))
        line("plain read (pyarrow.parquet.read_table)", anchor, n, None, "rows")
        for what, role, path in (
            ("read as a role allowed everything", "everyone", plain_path),
            ("read as analyst (mask, hash, year)", "analyst", plain_path),
            ("read as dpo, protected file (decrypt 3 cols)", "dpo", protected_path),
        ):
            line(
                what,
                best(rep, lambda r=role, p=path: enf.read(DATASET, r, data=pq.read_table(p))),
                n,
                anchor,
                "rows",
            )
        out = enf.read(DATASET, "analyst", data=pq.read_table(plain_path))
        print("  analyst sees:", {c: out.column(c)[0].as_py() for c in out.column_names})

        if not args.no_db:
            db_part(settings, policy, catalog, raw, n, rep)


def db_part(settings: Any, policy: Any, catalog: Any, raw: pa.Table, n: int, rep: int) -> None:
    import sqlalchemy as sa

    from policies.loader import load_texts
    from policies.warehouse import apply_policy
    from privacy.sources.base import ColumnRef

    admin_url = os.environ.get(
        "PRIVACY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    sfx = uuid.uuid4().hex[:6]
    db, role = f"bench_policy_{sfx}", f"analyst_{sfx}"
    try:
        admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{db}"')
    except Exception as e:
        print(f"\nPostgreSQL part skipped: {type(e).__name__}", file=sys.stderr)
        return
    url = admin_url.rsplit("/", 1)[0] + f"/{db}"
    eng = sa.create_engine(url)
    try:
        with eng.begin() as c:
            c.exec_driver_sql(
                "CREATE TABLE customers (id int PRIMARY KEY, email text, phone text, card text, "
                "dob date, amount float8)"
            )
            c.execute(
                sa.text("INSERT INTO customers VALUES (:id, :email, :phone, :card, :dob, :amount)"),
                raw.to_pylist(),
            )
            c.exec_driver_sql("ANALYZE customers")
        pol = load_texts([("b.yaml", DB_POLICY.replace("analyst", role))])
        for col, ent in TAGS.items():
            catalog.set(ColumnRef(db, "customers", col), ent)
        apply_policy(settings, pol, url, source=db, catalog=catalog)
        print(f"\nPostgreSQL, SELECT * of {n:,} rows, best of {rep}")

        def select(sql: str, as_role: str | None = None) -> Callable[[], Any]:
            def run() -> Any:
                with eng.connect() as c:
                    if as_role:
                        c.exec_driver_sql(f'SET ROLE "{as_role}"')
                    rows = c.exec_driver_sql(sql).all()
                    c.rollback()
                    return rows

            return run

        anchor = best(rep, select("SELECT * FROM public.customers"))
        line("base table, as the owner", anchor, n, None, "rows")
        line(
            "analyst's masked view, as the analyst",
            best(rep, select(f'SELECT * FROM "privacy_{role}".customers', role)),
            n,
            anchor,
            "rows",
        )
    finally:
        eng.dispose()
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE "{db}" WITH (FORCE)')
            c.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.dispose()


if __name__ == "__main__":
    main()
