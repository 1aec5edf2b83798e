"""A source scanned by URL alone, with no privacy.toml: the catalog remembers the URL, so an
erasure can reach it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from cli.app import app
from privacy.config import load_settings
from privacy.dsr import RequestState
from privacy.dsr import workflow as dsr


def test_erase_reaches_a_database_scanned_by_url_only(state_home: Path) -> None:
    db = state_home.parent / "shop.db"
    c = sqlite3.connect(db)
    c.executescript(
        """
        CREATE TABLE customers(id INTEGER PRIMARY KEY, email TEXT, name TEXT);
        CREATE TABLE orders(id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id));
        """
    )
    people = [(i, f"person{i}@example.com", f"Person {i}") for i in range(1, 41)]
    c.executemany("INSERT INTO customers VALUES (?, ?, ?)", people)
    c.executemany("INSERT INTO orders VALUES (?, ?)", [(100 + i, i) for i in range(1, 41)])
    c.commit()
    c.close()
    runner = CliRunner()
    assert runner.invoke(app, ["scan", f"sqlite:///{db}"]).exit_code == 0
    assert runner.invoke(app, ["tag", "confirm", "--all"]).exit_code == 0
    req = dsr.erase(load_settings(), "email:person7@example.com")
    assert req.state is RequestState.DONE, req.state_reason
    c = sqlite3.connect(db)
    left = c.execute("SELECT count(*) FROM customers WHERE id = 7").fetchone()[0]
    orders = c.execute("SELECT count(*) FROM orders WHERE customer_id = 7").fetchone()[0]
    others = c.execute("SELECT count(*) FROM customers").fetchone()[0]
    c.close()
    assert (left, orders, others) == (0, 0, 39)
