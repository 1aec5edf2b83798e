"""`privacy scan` as a user runs it: the real console script in a subprocess."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SECRET_EMAIL = "zelda.unique@example.com"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.app", *args],
        cwd=cwd,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def lake(state_home: Path) -> Path:
    folder = state_home.parent / "lake"
    folder.mkdir()
    rows = ["email,amount,first_name"]
    rows += [f"user{i}@example.com,{i}.50,{n}" for i, n in enumerate(["Anna", "Owen"] * 20)]
    rows.append(f"{SECRET_EMAIL},9.99,Zelda")
    (folder / "customers.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "events.csv").write_text(
        "event,count\n" + "\n".join(f"click,{i}" for i in range(30)) + "\n", encoding="utf-8"
    )
    return folder


def test_json_contract(lake: Path) -> None:
    r = run("scan", str(lake), "--format", "json", cwd=lake.parent)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)  # stdout is JSON only: progress and notes go to stderr
    assert out["source"] == "lake"
    cols = {(c["table"], c["column"]): c for c in out["columns"]}
    email = cols[("customers", "email")]
    assert set(email) >= {"table", "column", "entity", "category", "confidence", "evidence"}
    assert email["entity"] == "EMAIL_ADDRESS" and email["category"] == "contact"
    assert 0.9 <= email["confidence"] <= 1 and "name:email" in email["evidence"]
    amount = cols[("customers", "amount")]
    assert amount["entity"] is None and amount["confidence"] == 0.0
    assert out["failed"] == [] and out["summary"]["pii_columns"] == 2


def test_table_filter_and_output_file(lake: Path) -> None:
    target = lake.parent / "report.json"
    r = run(
        "scan", str(lake), "--table", "events", "-f", "json", "-o", str(target), cwd=lake.parent
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    out = json.loads(target.read_text(encoding="utf-8"))
    assert {c["table"] for c in out["columns"]} == {"events"}
    assert "report written to" in r.stderr


def test_readable_table_by_default(lake: Path) -> None:
    r = run("scan", str(lake), cwd=lake.parent)
    assert r.returncode == 0, r.stderr
    assert "EMAIL_ADDRESS" in r.stdout and "FIRST_NAME" in r.stdout
    assert "2 tables, 5 columns scanned" in r.stdout.replace("\n", " ")


def test_failing_table_does_not_stop_the_others(lake: Path) -> None:
    (lake / "broken.parquet").write_bytes(b"PAR1 this is not parquet " + SECRET_EMAIL.encode())
    r = run("scan", str(lake), "--format", "json", cwd=lake.parent)
    assert r.returncode == 1
    out = json.loads(r.stdout)
    assert [f["table"] for f in out["failed"]] == ["broken"]
    assert {c["table"] for c in out["columns"]} == {"customers", "events"}
    assert "table broken" in r.stderr and "hint:" in r.stderr


def test_unknown_table_exit_1_and_the_rest_is_scanned(lake: Path) -> None:
    r = run("scan", str(lake), "-t", "customers", "-t", "nope", "-f", "json", cwd=lake.parent)
    assert r.returncode == 1
    assert "nope" in r.stderr
    assert {c["table"] for c in json.loads(r.stdout)["columns"]} == {"customers"}


def test_no_sampled_value_in_stderr(lake: Path) -> None:
    (lake / "broken.parquet").write_bytes(b"PAR1" + SECRET_EMAIL.encode() * 3)
    r = run("scan", str(lake), cwd=lake.parent)
    assert SECRET_EMAIL not in r.stderr
    assert SECRET_EMAIL not in r.stdout  # the report names columns, never values


@pytest.mark.parametrize(
    ("source", "code", "words"),
    [("nope:///x", 2, "no adapter"), ("missing/folder", 1, "no file or folder"),
     ("postgresql+psycopg://postgres@127.0.0.1:1/x", 1, "cannot connect")],
)  # fmt: skip
def test_bad_sources(state_home: Path, source: str, code: int, words: str) -> None:
    r = run("scan", source, cwd=state_home.parent)
    assert r.returncode == code
    assert words in r.stderr and "hint:" in r.stderr


def test_usage_errors(lake: Path) -> None:
    assert run("scan", str(lake), "--format", "xml", cwd=lake.parent).returncode == 2
    assert run("scan", str(lake), "--sample", "1", cwd=lake.parent).returncode == 2
    assert run("scan", cwd=lake.parent).returncode == 2


def test_sqlite_foreign_keys_become_relations_and_subjects(state_home: Path) -> None:
    db = state_home.parent / "shop.db"
    con = sqlite3.connect(db)
    con.executescript(
        """
        CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT);
        CREATE TABLE orders (id INTEGER PRIMARY KEY,
                             customer_id INTEGER REFERENCES customers(id), total REAL);
        """
    )
    con.executemany(
        "INSERT INTO customers VALUES (?, ?, ?)",
        [(i, f"c{i}@example.com", n) for i, n in enumerate(["Anna Schmidt", "Owen Harris"] * 15)],
    )
    con.executemany(
        "INSERT INTO orders VALUES (?, ?, ?)", [(i, i % 30, i * 2.5) for i in range(60)]
    )
    con.commit()
    con.close()
    r = run(
        "scan", f"sqlite:///{db}", "-f", "json", "--accept-above", "0.95", cwd=state_home.parent
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    cols = {(c["table"], c["column"]): c for c in out["columns"]}
    assert cols[("customers", "id")]["subject_kind"] == "customer_id"
    assert cols[("orders", "customer_id")]["subject_kind"] == "customer_id"
    assert cols[("customers", "full_name")]["entity"] == "PERSON"
    assert out["summary"]["accepted"] >= 1

    from privacy.catalog.models import TagStatus
    from privacy.catalog.store import Catalog
    from privacy.sources.base import ColumnRef

    cat = Catalog(f"sqlite:///{state_home / 'catalog.db'}")
    try:
        assert [str(x) for x in cat.relations()] == ["shop.orders.customer_id -> shop.customers.id"]
        email = cat.get(ColumnRef("shop", "customers", "email"))
        assert email is not None and email.status == TagStatus.CONFIRMED
    finally:
        cat.close()


def _shop(url: str) -> None:
    import sqlalchemy as sa

    eng = sa.create_engine(url)
    with eng.begin() as c:
        c.execute(sa.text(
            "CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(200),"
            " first_name VARCHAR(100), birth_date DATE, created_at TIMESTAMP)"
        ))  # fmt: skip
        c.execute(sa.text(
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES"
            " customers(id), amount DECIMAL(10,2), status VARCHAR(20))"
        ))  # fmt: skip
        c.execute(
            sa.text("INSERT INTO customers VALUES (:i, :e, :f, :b, :t)"),
            [{"i": i, "e": f"c{i}@example.com", "f": ["Anna", "Owen", "Maria", "Lars"][i % 4],
              "b": f"{1950 + i % 50}-0{1 + i % 9}-1{i % 9}", "t": "2024-05-01 10:00:00"}
             for i in range(60)],
        )  # fmt: skip
        c.execute(
            sa.text("INSERT INTO orders VALUES (:i, :c, :a, :s)"),
            [{"i": i, "c": i % 60, "a": i * 1.25, "s": "paid"} for i in range(120)],
        )
    eng.dispose()


@pytest.mark.services
@pytest.mark.parametrize("db", ["pg_url", "mysql_url"])
def test_sql_servers(state_home: Path, db: str, request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue(db)
    _shop(url)
    r = run("scan", url, "-f", "json", cwd=state_home.parent)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    got = {(c["table"], c["column"]): c["entity"] for c in out["columns"]}
    assert got == {
        ("customers", "id"): None,
        ("customers", "email"): "EMAIL_ADDRESS",
        ("customers", "first_name"): "FIRST_NAME",
        ("customers", "birth_date"): "DATE_OF_BIRTH",
        ("customers", "created_at"): None,
        ("orders", "id"): None,
        ("orders", "customer_id"): None,
        ("orders", "amount"): None,
        ("orders", "status"): None,
    }
    subjects = {(c["table"], c["column"]): c["subject_kind"] for c in out["columns"]}
    assert subjects[("orders", "customer_id")] == "customer_id"
    assert "error" not in r.stderr


def test_source_by_name_from_privacy_toml(lake: Path) -> None:
    (lake.parent / "privacy.toml").write_text('[sources.shop]\nurl = "lake"\n', encoding="utf-8")
    r = run("scan", "shop", "-f", "json", "--table", "customers", cwd=lake.parent)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["source"] == "shop"
    listed = run("tag", "list", "shop", "--pii", "--format", "json", cwd=lake.parent)
    assert {t["column"] for t in json.loads(listed.stdout)["tags"]} == {
        "shop.customers.email",
        "shop.customers.first_name",
    }
