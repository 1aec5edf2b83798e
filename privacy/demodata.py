"""Synthetic data for `privacy demo`: a small company's SQLite warehouse and a local lake.

Deterministic (seeded) and generated without network or extra packages. Every person is made
up; e-mail domains are the reserved ``example.*`` ones, card numbers are Luhn-valid test ranges.

Warehouse (SQLite, with foreign keys): customers, orders, payments, support_tickets (free text),
invoices (kept for tax law), products (no personal data).
Lake (folder): ``web_events/`` a Delta table whose ``user_id`` refers to customers.id,
``newsletter_signups.parquet`` and ``page_views.parquet`` (no personal data).
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

FIRST = [
    "Alice",
    "Bruno",
    "Chloé",
    "Dmitri",
    "Elena",
    "Farid",
    "Greta",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Katarzyna",
    "Liam",
    "Mei",
    "Nikolai",
    "Olga",
    "Pedro",
    "Quentin",
    "Rosa",
    "Sven",
    "Tomás",
    "Ulla",
    "Viktor",
    "Wanda",
    "Xavier",
    "Yusuf",
    "Zoë",
    "Amara",
    "Björn",
    "Carmen",
    "Diego",
]
LAST = [
    "Martin",
    "Schmidt",
    "Dubois",
    "Ivanov",
    "Rossi",
    "Haddad",
    "Larsen",
    "Tanaka",
    "García",
    "Novak",
    "Kowalska",
    "O'Brien",
    "Chen",
    "Petrov",
    "Svensson",
    "Silva",
    "Moreau",
    "Fernández",
    "Nielsen",
    "Horváth",
    "Virtanen",
    "Kovač",
    "Nowak",
    "Lefèvre",
    "Yılmaz",
    "Müller",
    "Okafor",
    "Andersson",
    "López",
    "Romero",
]
STREETS = [
    "Baker Street",
    "Rue de Rivoli",
    "Hauptstraße",
    "Calle Mayor",
    "Via Roma",
    "Kungsgatan",
    "Elm Avenue",
    "Oak Lane",
    "Maple Road",
    "Church Street",
    "Station Road",
    "Park Avenue",
]
CITIES = [
    ("London", "GB", "SW1A 1AA"),
    ("Paris", "FR", "75001"),
    ("Berlin", "DE", "10115"),
    ("Madrid", "ES", "28013"),
    ("Rome", "IT", "00184"),
    ("Stockholm", "SE", "111 57"),
    ("Boston", "US", "02108"),
    ("Chicago", "US", "60601"),
    ("Lisbon", "PT", "1100-148"),
    ("Amsterdam", "NL", "1012 JS"),
]
PHONE_PREFIX = {
    "GB": "+44 20 7946 0",
    "FR": "+33 1 99 00 ",
    "DE": "+49 30 1234 ",
    "ES": "+34 91 123 ",
    "IT": "+39 06 1234 ",
    "SE": "+46 8 123 ",
    "US": "+1 617 555 0",
    "PT": "+351 21 123 ",
    "NL": "+31 20 123 ",
}
PRODUCTS = [
    ("SKU-1001", "Espresso beans 1kg", 24.90),
    ("SKU-1002", "Ceramic mug", 9.50),
    ("SKU-1003", "Pour-over kettle", 59.00),
    ("SKU-1004", "Paper filters x100", 4.20),
    ("SKU-1005", "Burr grinder", 129.00),
    ("SKU-1006", "Travel tumbler", 19.99),
]
TICKET_TOPICS = [
    "My order arrived damaged, the mug was broken in the box.",
    "Where is my parcel? Tracking has not moved for a week.",
    "Please cancel my subscription at the end of the month.",
    "The grinder makes a loud noise after two weeks of use.",
    "Can I change the delivery address for my last order?",
    "I was charged twice for the same order.",
]

#: the subjects the demo erases and exports (made-up people, reserved domains)
ERASE_SUBJECT = "email:alice.martin@example.com"
EXPORT_SUBJECT = "email:bruno.schmidt@example.org"


def with_luhn_digit(digits: str) -> str:
    """``digits`` followed by the Luhn check digit (a card number that passes the checksum)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return digits + str((10 - total % 10) % 10)


def _luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = "".join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
    return with_luhn_digit(prefix + body)


@dataclass(frozen=True)
class DemoData:
    warehouse_url: str
    warehouse_path: Path
    lake_path: Path
    erase_subject: str = ERASE_SUBJECT
    export_subject: str = EXPORT_SUBJECT


def generate(workdir: Path, *, customers: int = 200, seed: int = 7) -> DemoData:
    """Write the warehouse and lake under ``workdir`` (replacing earlier demo data)."""
    rng = random.Random(seed)
    workdir.mkdir(parents=True, exist_ok=True)
    wh = workdir / "warehouse.db"
    if wh.exists():
        wh.unlink()
    lake = workdir / "lake"
    if lake.exists():
        import shutil

        shutil.rmtree(lake)
    lake.mkdir(parents=True)
    people = _people(customers, rng)
    _write_warehouse(wh, people, rng)
    _write_lake(lake, people, rng)
    return DemoData(f"sqlite:///{wh}", wh, lake)


def _people(n: int, rng: random.Random) -> list[dict[str, object]]:
    people = []
    base = date(2020, 1, 1)
    for i in range(1, n + 1):
        if i == 1:
            first, last = "Alice", "Martin"
        elif i == 2:
            first, last = "Bruno", "Schmidt"
        else:
            first, last = rng.choice(FIRST), rng.choice(LAST)
        city, country, postal = rng.choice(CITIES)
        local = (
            f"{first}.{last}".lower()
            .replace("é", "e")
            .replace("ë", "e")
            .replace("á", "a")
            .replace("í", "i")
            .replace("ö", "o")
            .replace("å", "a")
            .replace("ç", "c")
            .replace("ı", "i")
            .replace("'", "")
            .replace("č", "c")
            .replace("ä", "a")
            .replace("ü", "u")
        )
        domain = (
            "example.org" if i == 2 else rng.choice(["example.com", "example.org", "example.net"])
        )
        email = f"{local}@{domain}" if i <= 2 else f"{local}{i}@{domain}"
        people.append(
            {
                "id": i,
                "first_name": first,
                "last_name": last,
                "email": email,
                "phone": PHONE_PREFIX[country] + f"{rng.randrange(100, 999)}",
                "street_address": f"{rng.randrange(1, 200)} {rng.choice(STREETS)}",
                "city": city,
                "postal_code": postal,
                "country": country,
                "date_of_birth": (
                    date(1950, 1, 1) + timedelta(days=rng.randrange(0, 18000))
                ).isoformat(),
                "created_at": (base + timedelta(days=rng.randrange(0, 1500))).isoformat(),
                "is_active": rng.random() > 0.1,
                "loyalty_points": rng.randrange(0, 5000),
            }
        )
    return people


def _write_warehouse(path: Path, people: list[dict[str, object]], rng: random.Random) -> None:
    con = sqlite3.connect(path)
    con.executescript(
        """
        PRAGMA foreign_keys = ON;
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT UNIQUE,
            phone TEXT, street_address TEXT, city TEXT, postal_code TEXT, country TEXT,
            date_of_birth DATE, created_at DATE, is_active BOOLEAN, loyalty_points INTEGER);
        CREATE TABLE products (sku TEXT PRIMARY KEY, name TEXT, unit_price NUMERIC);
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id),
            sku TEXT REFERENCES products(sku), quantity INTEGER, total_amount NUMERIC,
            currency TEXT, status TEXT, ordered_at TIMESTAMP);
        CREATE TABLE payments (
            id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders(id),
            card_number TEXT, card_expiry TEXT, amount NUMERIC, method TEXT, paid_at TIMESTAMP);
        CREATE TABLE support_tickets (
            id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id),
            opened_at TIMESTAMP, priority TEXT, body TEXT);
        CREATE TABLE invoices (
            id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id),
            order_id INTEGER REFERENCES orders(id), billing_name TEXT, billing_address TEXT,
            amount NUMERIC, issued_at DATE);
        """
    )
    con.executemany(
        "INSERT INTO customers VALUES (:id,:first_name,:last_name,:email,:phone,:street_address,"
        ":city,:postal_code,:country,:date_of_birth,:created_at,:is_active,:loyalty_points)",
        people,
    )
    con.executemany("INSERT INTO products VALUES (?,?,?)", PRODUCTS)
    orders: list[tuple[object, ...]] = []
    payments: list[tuple[object, ...]] = []
    invoices: list[tuple[object, ...]] = []
    tickets: list[tuple[object, ...]] = []
    start = datetime(2023, 1, 1, tzinfo=UTC)
    oid = 0
    for p in people:
        for _ in range(rng.randrange(1, 5)):
            oid += 1
            sku, _name, price = rng.choice(PRODUCTS)
            qty = rng.randrange(1, 4)
            at = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 600))
            total = round(price * qty, 2)
            orders.append(
                (
                    oid,
                    p["id"],
                    sku,
                    qty,
                    total,
                    "EUR",
                    rng.choice(["paid", "shipped", "delivered", "refunded"]),
                    at.isoformat(),
                )
            )
            card = _luhn_complete(rng.choice(["4111", "5555", "4012"]), 16, rng)
            payments.append(
                (
                    oid,
                    oid,
                    card,
                    f"{rng.randrange(1, 13):02d}/{rng.randrange(26, 31)}",
                    total,
                    "card",
                    at.isoformat(),
                )
            )
            invoices.append(
                (
                    oid,
                    p["id"],
                    oid,
                    f"{p['first_name']} {p['last_name']}",
                    f"{p['street_address']}, {p['postal_code']} {p['city']}",
                    total,
                    at.date().isoformat(),
                )
            )
        if rng.random() < 0.6:
            topic = rng.choice(TICKET_TOPICS)
            if rng.random() < 0.5:
                body = (
                    f"Hello, this is {p['first_name']} {p['last_name']}. {topic} "
                    f"You can reach me at {p['phone']}."
                )
            else:
                body = f"{topic} Thanks."
            tickets.append(
                (
                    len(tickets) + 1,
                    p["id"],
                    (start + timedelta(days=rng.randrange(0, 600))).isoformat(),
                    rng.choice(["low", "normal", "high"]),
                    body,
                )
            )
    con.executemany("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?)", orders)
    con.executemany("INSERT INTO payments VALUES (?,?,?,?,?,?,?)", payments)
    con.executemany("INSERT INTO invoices VALUES (?,?,?,?,?,?,?)", invoices)
    con.executemany("INSERT INTO support_tickets VALUES (?,?,?,?,?)", tickets)
    con.commit()
    con.close()


def _write_lake(lake: Path, people: list[dict[str, object]], rng: random.Random) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from deltalake import write_deltalake

    start = datetime(2024, 1, 1, tzinfo=UTC)
    rows: dict[str, list[object]] = {
        "event_id": [],
        "user_id": [],
        "event_type": [],
        "page": [],
        "ip_address": [],
        "user_agent": [],
        "occurred_at": [],
    }
    agents = [
        "Mozilla/5.0 (X11; Linux x86_64)",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1)",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)",
    ]
    for i in range(1, 4001):
        p = rng.choice(people)
        rows["event_id"].append(i)
        rows["user_id"].append(p["id"])
        rows["event_type"].append(rng.choice(["view", "add_to_cart", "checkout", "search"]))
        rows["page"].append(rng.choice(["/", "/shop", "/cart", "/account", "/product/1003"]))
        octets = (
            rng.randrange(11, 223),
            rng.randrange(256),
            rng.randrange(256),
            rng.randrange(1, 255),
        )
        rows["ip_address"].append(".".join(map(str, octets)))
        rows["user_agent"].append(rng.choice(agents))
        rows["occurred_at"].append(start + timedelta(seconds=rng.randrange(0, 86400 * 300)))
    events = pa.table(rows)
    # several files, as a real job appending daily would leave
    for k in range(4):
        write_deltalake(
            str(lake / "web_events"), events.slice(k * 1000, 1000), mode="append" if k else "error"
        )

    signups = [p for p in people if rng.random() < 0.4]
    signups.sort(key=lambda p: p["id"] != 1)  # Alice signed up too
    pq.write_table(
        pa.table(
            {
                "email": [p["email"] for p in signups],
                "signed_up_at": [str(p["created_at"]) for p in signups],
                "source": [rng.choice(["footer", "checkout", "popup"]) for _ in signups],
                "consent": [True for _ in signups],
            }
        ),
        lake / "newsletter_signups.parquet",
    )
    n = 1500
    pq.write_table(
        pa.table(
            {
                "view_id": list(range(n)),
                "page": [rng.choice(["/", "/shop", "/cart"]) for _ in range(n)],
                "duration_ms": [rng.randrange(200, 60000) for _ in range(n)],
                "country": [rng.choice(CITIES)[1] for _ in range(n)],
            }
        ),
        lake / "page_views.parquet",
        row_group_size=500,
    )
