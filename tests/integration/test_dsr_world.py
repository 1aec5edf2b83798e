"""Shared fixture data (no tests here) for data-subject request tests: a PostgreSQL
warehouse, a MariaDB support database and a Delta events table, related by foreign keys
and declared relations.

Subjects: alice (customer 1) has rows everywhere; bob (customer 2) too and must stay intact;
carol (customer 3) has a customer row only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import sqlalchemy as sa

PG_DDL = [
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT)",
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, "
    "customer_id INTEGER NOT NULL REFERENCES customers(id), total NUMERIC(10,2))",
    "CREATE TABLE order_items (id INTEGER PRIMARY KEY, "
    "order_id INTEGER NOT NULL REFERENCES orders(id), sku TEXT)",
    "CREATE TABLE invoices (id INTEGER PRIMARY KEY, "
    "customer_id INTEGER REFERENCES customers(id), billing_email TEXT, amount NUMERIC(10,2))",
]
PG_ROWS = {
    "customers": [
        (1, "alice@example.com", "Alice"),
        (2, "bob@example.com", "Bob"),
        (3, "carol@example.com", "Carol"),
    ],
    "orders": [(10, 1, 5), (11, 1, 6), (12, 2, 7)],
    "order_items": [(100, 10, "a"), (101, 11, "b"), (102, 12, "c"), (103, 10, "d")],
    "invoices": [(1000, 1, "alice@example.com", 5), (1001, 2, "bob@example.com", 7)],
}
MY_DDL = [
    "CREATE TABLE tickets (id INT PRIMARY KEY, customer_id INT, email VARCHAR(200), "
    "body TEXT) ENGINE=InnoDB",
    "CREATE TABLE ticket_messages (id INT PRIMARY KEY, ticket_id INT NOT NULL, "
    "text TEXT, FOREIGN KEY (ticket_id) REFERENCES tickets(id)) ENGINE=InnoDB",
]
MY_ROWS = {
    "tickets": [
        (1, 1, "alice@example.com", "my parcel"),
        (2, 2, "bob@example.com", "refund"),
        (3, None, "alice@example.com", "second account question"),
    ],
    "ticket_messages": [(1, 1, "hello"), (2, 1, "thanks"), (3, 2, "hi"), (4, 3, "ping")],
}


def _load(url: str, ddl: list[str], rows: dict[str, list[tuple[Any, ...]]]) -> None:
    eng = sa.create_engine(url)
    with eng.begin() as c:
        for stmt in ddl:
            c.execute(sa.text(stmt))
        for table, data in rows.items():
            n = len(data[0])
            marks = ", ".join(f":p{i}" for i in range(n))
            c.execute(
                sa.text(f"INSERT INTO {table} VALUES ({marks})"),
                [{f"p{i}": v for i, v in enumerate(r)} for r in data],
            )
    eng.dispose()


def write_events(path: Path) -> None:
    from deltalake import write_deltalake

    # three commits -> three files, so erasure rewrites only the files holding the subject
    batches = [
        [(1, "alice@example.com", "login"), (2, "bob@example.com", "login")],
        [(2, "bob@example.com", "view"), (3, "carol@example.com", "view")],
        [(1, "alice@example.com", "buy"), (None, "alice@example.com", "newsletter")],
    ]
    for b in batches:
        t = pa.table(
            {
                "user_id": pa.array([r[0] for r in b], pa.int64()),
                "email": pa.array([r[1] for r in b], pa.string()),
                "event": pa.array([r[2] for r in b], pa.string()),
            }
        )
        write_deltalake(str(path), t, mode="append")


def build(root: Path, pg_url: str, mysql_url: str) -> Path:
    """Create the databases' tables, the lake and privacy.toml in ``root``; return the toml."""
    _load(pg_url, PG_DDL, PG_ROWS)
    _load(mysql_url, MY_DDL, MY_ROWS)
    lake = root / "lake"
    lake.mkdir(parents=True, exist_ok=True)
    write_events(lake / "events")
    toml = root / "privacy.toml"
    toml.write_text(
        f"""
[sources.pg]
url = "{pg_url}"
[sources.my]
url = "{mysql_url}"
[sources.lake]
url = "{lake}"

[[identifiers]]
kind = "email"
columns = ["pg.customers.email", "pg.invoices.billing_email", "my.tickets.email",
           "lake.events.email"]

[[identifiers]]
kind = "customer_id"
columns = ["pg.customers.id"]

[[relations]]
from = "my.tickets.customer_id"
to = "pg.customers.id"

[[relations]]
from = "lake.events.user_id"
to = "pg.customers.id"
""",
        encoding="utf-8",
    )
    return toml


def snapshot(pg_url: str, mysql_url: str, lake: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, as comparable tuples."""
    from deltalake import DeltaTable

    out: dict[str, list[tuple[Any, ...]]] = {}
    for url, tables in ((pg_url, PG_ROWS), (mysql_url, MY_ROWS)):
        eng = sa.create_engine(url)
        with eng.connect() as c:
            for t in tables:
                rows = c.execute(sa.text(f"SELECT * FROM {t} ORDER BY id")).all()
                out[t] = [
                    tuple(
                        int(v) if hasattr(v, "as_integer_ratio") and not isinstance(v, float) else v
                        for v in r
                    )
                    for r in rows
                ]
        eng.dispose()
    ev = DeltaTable(str(lake / "events")).to_pyarrow_table().to_pylist()
    out["events"] = sorted((r["user_id"], r["email"], r["event"]) for r in ev)  # type: ignore[type-var]
    return out


def expected_after_erasing_alice() -> dict[str, list[tuple[Any, ...]]]:
    return {
        "customers": [(2, "bob@example.com", "Bob"), (3, "carol@example.com", "Carol")],
        "orders": [(12, 2, 7)],
        "order_items": [(102, 12, "c")],
        "invoices": [(1001, 2, "bob@example.com", 7)],
        "tickets": [(2, 2, "bob@example.com", "refund")],
        "ticket_messages": [(3, 2, "hi")],
        "events": sorted(
            [
                (2, "bob@example.com", "login"),
                (2, "bob@example.com", "view"),
                (3, "carol@example.com", "view"),
            ]
        ),
    }
