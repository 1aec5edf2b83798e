"""`privacy scan` of empty inputs and of a source that fails as a whole: a person is told what
the scan could not look at, a script gets the documented JSON and a telling exit code."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.e2e.test_scan_cli import run


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_empty_sql_table_is_a_note_and_the_scan_succeeds(state_home: Path) -> None:
    db = state_home.parent / "w.db"
    with sqlite3.connect(db) as c:
        c.execute("CREATE TABLE empty_t (id INTEGER, email TEXT, active BOOLEAN)")
        c.execute("CREATE TABLE full_t (id INTEGER, email TEXT)")
        c.executemany("INSERT INTO full_t VALUES (?, ?)", [(i, f"u{i}@ex.com") for i in range(20)])
    r = run("scan", "sqlite:///w.db", "--no-ner", cwd=db.parent)
    assert r.returncode == 0, r.stderr
    err = _one_line(r.stderr)
    assert "note: table empty_t is empty" in err and "tagged by name only" in err
    assert "rescan when it has rows" in err
    assert "full_t" not in err
    js = run("scan", "sqlite:///w.db", "--no-ner", "-f", "json", cwd=db.parent)
    assert js.returncode == 0, js.stderr
    out = json.loads(js.stdout)
    assert [n["table"] for n in out["notes"]] == ["empty_t"]
    assert out["failed"] == []


def test_a_zero_byte_csv_among_others_is_a_note(state_home: Path) -> None:
    folder = state_home.parent / "lake"
    folder.mkdir()
    (folder / "zero.csv").write_bytes(b"")
    (folder / "people.csv").write_text(
        "email\n" + "\n".join(f"u{i}@ex.com" for i in range(20)) + "\n"
    )
    r = run("scan", "lake", "--no-ner", cwd=folder.parent)
    assert r.returncode == 0, r.stderr
    assert "note: table zero has no columns" in _one_line(r.stderr)


@pytest.mark.parametrize(
    ("make", "source", "words", "hint"),
    [
        ("zero", "zero.csv", "no columns found in zero.csv", "no header row"),
        ("emptydir", "emptydir", "no tables found in emptydir", "check the path"),
        ("nodata", "nodata", "no tables found in nodata", "CSV, Parquet and JSON-lines"),
        (None, "sqlite:///", "no tables found in sqlite:///", "names no database file"),
    ],
)
def test_nothing_to_scan_is_an_error(
    state_home: Path, make: str | None, source: str, words: str, hint: str
) -> None:
    cwd = state_home.parent
    if make == "zero":
        (cwd / "zero.csv").write_bytes(b"")
    elif make == "emptydir":
        (cwd / "emptydir").mkdir()
    elif make == "nodata":
        (cwd / "nodata").mkdir()
        (cwd / "nodata" / "readme.txt").write_text("not data\n")
    r = run("scan", source, "--no-ner", cwd=cwd)
    assert r.returncode == 1, r.stderr
    err = _one_line(r.stderr)
    assert words in err and hint in err, err
    js = run("scan", source, "--no-ner", "--format", "json", cwd=cwd)
    assert js.returncode == 1
    out = json.loads(js.stdout)
    assert out["columns"] == []
    assert out["failed"] == [
        {"table": None, "error": out["failed"][0]["error"], "hint": out["failed"][0]["hint"]}
    ]
    assert words in out["failed"][0]["error"]


def test_json_of_a_source_that_fails_as_a_whole(state_home: Path) -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:1/nope"
    r = run("scan", url, "--format", "json", cwd=state_home.parent)
    assert r.returncode == 1
    out = json.loads(r.stdout)
    assert out["source"] == "nope" and out["columns"] == []
    (failed,) = out["failed"]
    assert failed["table"] is None
    assert "cannot connect" in failed["error"] and failed["hint"]
    assert out["summary"]["failed_tables"] == 1
    assert "cannot connect" in r.stderr  # people still read the error on stderr
    target = state_home.parent / "report.json"
    to_file = run("scan", url, "-f", "json", "-o", str(target), cwd=state_home.parent)
    assert to_file.returncode == 1 and to_file.stdout == ""
    assert json.loads(target.read_text())["failed"][0]["table"] is None
