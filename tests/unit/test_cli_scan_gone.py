"""A full rescan after a table or a column was dropped: the catalog keeps their tags (a person's
decision is never deleted) but marks them gone, and `privacy tag list` says so."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from cli.app import app
from privacy import auditing
from privacy.config import Settings

runner = CliRunner()


def _db(path: Path) -> None:
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE a (id INTEGER, email TEXT, phone TEXT)")
        c.execute("CREATE TABLE b (id INTEGER, ssn TEXT)")
        c.executemany(
            "INSERT INTO a VALUES (?, ?, ?)",
            [(i, f"u{i}@ex.com", f"+1 415 555 {1000 + i}") for i in range(30)],
        )
        c.executemany("INSERT INTO b VALUES (?, ?)", [(i, f"123-45-{6000 + i}") for i in range(30)])


def _scan(*args: str) -> None:
    res = runner.invoke(app, ["scan", "sqlite:///w.db", "--no-ner", *args])
    assert res.exit_code == 0, res.output


def _listed() -> dict[str, dict[str, object]]:
    res = runner.invoke(app, ["tag", "list", "--format", "json"])
    assert res.exit_code == 0, res.output
    return {t["column"]: t for t in json.loads(res.stdout)["tags"]}


def test_full_rescan_marks_dropped_columns_gone_and_keeps_decisions(settings: Settings) -> None:
    db = Path("w.db")
    _db(db)
    _scan()
    assert runner.invoke(app, ["tag", "confirm", "w.a.phone", "w.b.ssn"]).exit_code == 0
    with sqlite3.connect(db) as c:
        c.execute("DROP TABLE b")
        c.execute("ALTER TABLE a DROP COLUMN phone")
    _scan("--table", "a")  # a filtered scan sees only part of the source: marks nothing
    assert not any(t["gone"] for t in _listed().values())

    res = runner.invoke(app, ["scan", "sqlite:///w.db", "--no-ner"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "3 catalogued column(s) no longer exist in w" in res.stderr
    tags = _listed()
    assert {c for c, t in tags.items() if t["gone"]} == {"w.a.phone", "w.b.id", "w.b.ssn"}
    assert tags["w.b.ssn"]["status"] == "confirmed" and tags["w.b.ssn"]["entity"] == "US_SSN"
    assert tags["w.b.ssn"]["gone_since"]
    assert not tags["w.a.email"]["gone"]
    table = runner.invoke(app, ["tag", "list"], env={"COLUMNS": "120"})
    assert "gone" in table.stdout and "3 tag(s) marked gone" in table.stderr
    auditing.flush()
    log = runner.invoke(app, ["audit", "log", "--format", "json"])
    assert log.stdout.count('"tag.gone"') == 3, log.output

    with sqlite3.connect(db) as c:  # the column comes back: the mark goes, the decision stays
        c.execute("ALTER TABLE a ADD COLUMN phone TEXT")
    _scan()
    phone = _listed()["w.a.phone"]
    assert phone["gone"] is False and phone["status"] == "confirmed"
