"""The request workflow on a SQLite warehouse and a Parquet lake: planning, erasure with a
retention policy, export, bad input, states, extensions and overdue checks."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from cli.app import app
from privacy.config import load_settings
from privacy.dsr import EraseDecision, RequestState, Subject, TablePolicy
from privacy.dsr import workflow as dsr
from privacy.dsr.states import TRANSITIONS, check_transition
from privacy.dsr.store import RequestStore
from privacy.errors import (
    ConfigError,
    ExtensionNotAllowedError,
    InvalidTransitionError,
    RelationCycleError,
    RequestError,
    UnknownIdentifierKindError,
)
from tests.support import audit_events

ALICE = "email:alice@example.com"

TOML = """
[sources.w]
url = "sqlite:///{db}"
[sources.lake]
url = "{lake}"

[[identifiers]]
kind = "email"
columns = ["w.customers.email", "w.invoices.email"]

[[relations]]
from = "lake.clicks.uid"
to = "w.customers.id"
"""


def make_world(root: Path, extra_toml: str = "") -> None:
    db = root / "w.db"
    c = sqlite3.connect(db)
    c.executescript(
        """
        PRAGMA foreign_keys=ON;
        CREATE TABLE customers(id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT,
            referred_by INTEGER REFERENCES customers(id));
        CREATE TABLE orders(id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id), total REAL);
        CREATE TABLE order_items(id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders(id), sku TEXT);
        CREATE TABLE invoices(id INTEGER PRIMARY KEY,
            customer_id INTEGER REFERENCES customers(id), email TEXT, amount REAL);
        INSERT INTO customers VALUES (1,'alice@example.com','Alice',NULL),
            (2,'bob@example.com','Bob',NULL);
        INSERT INTO orders VALUES (10,1,5.0),(11,1,6.0),(12,2,7.0);
        INSERT INTO order_items VALUES (100,10,'a'),(101,11,'b'),(102,12,'c');
        INSERT INTO invoices VALUES (1000,1,'alice@example.com',5.0),(1001,2,'bob@example.com',7.0);
        """
    )
    c.commit()
    c.close()
    lake = root / "lake"
    lake.mkdir()
    pq.write_table(
        pa.table({"uid": [1, 2, 1], "page": ["/a", "/b", "/c"]}), lake / "clicks.parquet"
    )
    pq.write_table(pa.table({"uid": [2], "page": ["/z"]}), lake / "other.parquet")
    (root / "privacy.toml").write_text(TOML.format(db=db, lake=lake) + extra_toml)


@pytest.fixture
def world(state_home: Path) -> Path:
    root = state_home.parent
    make_world(root)
    return root


def rows(root: Path, table: str) -> list[tuple[object, ...]]:
    c = sqlite3.connect(root / "w.db")
    try:
        return c.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        c.close()


def test_plan_follows_relations_parents_first_and_changes_nothing(world: Path) -> None:
    plan = dsr.preview(load_settings(), ALICE)
    names = [t.name for t in plan.tables]
    assert names.index("w.customers") < names.index("w.orders") < names.index("w.order_items")
    assert names.index("w.customers") < names.index("lake.clicks")
    counts = {t.name: t.rows for t in plan.tables}
    # invoices reached by email and by customer_id: the same row counted once
    assert counts == {
        "w.customers": 1,
        "w.invoices": 1,
        "w.orders": 2,
        "w.order_items": 2,
        "lake.clicks": 2,
    }
    assert any("referred_by" in n for n in plan.notes)  # self-reference not followed
    assert len(rows(world, "customers")) == 2
    assert RequestStore(load_settings().catalog_url).all() == []


def test_erase_with_retention_anonymizes_and_deletes_the_rest(world: Path) -> None:
    settings = load_settings()
    policy = TablePolicy({"w.invoices": EraseDecision("anonymize", "tax law", {"email": None})})
    req = dsr.erase(settings, ALICE, policy=policy)
    assert req.state is RequestState.DONE and req.outcome == "erased"
    assert req.sealed_subject is None and req.sealed_keys is None
    assert rows(world, "customers") == [(2, "bob@example.com", "Bob", None)]
    assert rows(world, "orders") == [(12, 2, 7.0)]
    assert rows(world, "order_items") == [(102, 12, "c")]
    # kept for tax law, no longer pointing at alice
    assert rows(world, "invoices") == [(1000, None, None, 5.0), (1001, 2, "bob@example.com", 7.0)]
    clicks = pq.read_table(world / "lake" / "clicks.parquet").to_pylist()
    assert clicks == [{"uid": 2, "page": "/b"}]
    assert pq.read_table(world / "lake" / "other.parquet").num_rows == 1
    _view, steps = dsr.show(settings, req.id)
    verify = steps[-1].evidence
    assert verify["ok"] and all(
        c.get("remaining", 0) == 0 for c in verify["checks"] if c["check"] == "table"
    )
    events = audit_events(settings)
    done = next(e for e in events if e["action"] == "dsr.completed")
    assert done["details"]["outcome"] == "erased" and done["details"]["on_time"] is True
    received = next(e for e in events if e["action"] == "dsr.received")["details"]
    assert set(received) >= {"kind", "regime", "subject", "received_at", "due_at"}
    assert "alice" not in json.dumps(events)


def test_subject_found_nowhere_completes_with_no_data_found(world: Path) -> None:
    req = dsr.erase(load_settings(), "email:nobody@example.com")
    assert req.state is RequestState.DONE and req.outcome == "no_data_found"
    assert len(rows(world, "customers")) == 2


def test_export_writes_only_the_subjects_rows(world: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    req = dsr.export(load_settings(), ALICE, str(out))
    assert req.state is RequestState.DONE and req.outcome == "exported"
    orders = json.loads((out / "w.orders.json").read_text())
    assert sorted(o["id"] for o in orders) == [10, 11]
    assert (out / "w.orders.csv").read_text().splitlines()[0] == "id,customer_id,total"
    clicks = json.loads((out / "lake.clicks.json").read_text())
    assert sorted(c["page"] for c in clicks) == ["/a", "/c"]
    everything = "".join(p.read_text() for p in out.iterdir())
    assert "bob@example.com" not in everything and '"/b"' not in everything
    manifest = json.loads((out / "manifest.json").read_text())
    assert {f["path"] for f in manifest["files"]} >= {"summary.html", "w.customers.json"}
    assert "Your personal data" in (out / "summary.html").read_text()
    # tampering with an exported file is caught by the manifest check
    (out / "w.orders.csv").write_text("changed")
    from privacy.dsr.verify import sha256_file

    entry = next(f for f in manifest["files"] if f["path"] == "w.orders.csv")
    assert sha256_file(out / "w.orders.csv") != entry["sha256"]


def test_unknown_kind_is_refused_before_anything_is_recorded(world: Path) -> None:
    with pytest.raises(UnknownIdentifierKindError) as e:
        dsr.erase(load_settings(), "phone:+4915112345678")
    assert "email" in (e.value.hint or "") and e.value.exit_code == 2
    assert RequestStore(load_settings().catalog_url).all() == []


@pytest.mark.parametrize("text", ["alice@example.com", "email:", ":x", "E mail:x"])
def test_malformed_subject(text: str) -> None:
    with pytest.raises(RequestError) as e:
        Subject.parse(text)
    assert e.value.hint
    assert e.value.exit_code == 2  # usage, as an unknown kind


def test_subject_never_prints_its_value() -> None:
    assert "alice" not in repr(Subject.parse(ALICE))


def test_relation_cycle_is_refused(state_home: Path) -> None:
    root = state_home.parent
    make_world(
        root,
        '\n[[relations]]\nfrom = "w.customers.id"\nto = "w.order_items.id"\n',
    )
    with pytest.raises(RelationCycleError) as e:
        dsr.preview(load_settings(), ALICE)
    assert "w.customers -> " in e.value.message and e.value.hint


@pytest.mark.parametrize(
    ("relation", "match"),
    [
        ('from = "nowhere.t.c"\nto = "w.customers.id"', "does not define"),
        ('from = "w.customers.id"\nto = "w.customers.id"', "itself"),
    ],
)
def test_bad_declared_relation(state_home: Path, relation: str, match: str) -> None:
    make_world(state_home.parent, f"\n[[relations]]\n{relation}\n")
    with pytest.raises(ConfigError, match=match) as e:
        dsr.preview(load_settings(), ALICE)
    assert e.value.hint


def test_declared_relation_naming_a_missing_column_says_so_once_and_where(
    state_home: Path,
) -> None:
    make_world(
        state_home.parent,
        '\n[[relations]]\nfrom = "lake.clicks.nosuchcol"\nto = "w.customers.id"\n',
    )
    with pytest.raises(ConfigError) as e:
        dsr.preview(load_settings(), ALICE)
    text = str(e.value)
    assert "privacy.toml" in text and "[relations[1]]" in text
    assert "table lake.clicks has no column 'nosuchcol'" in text
    assert text.count("nosuchcol") == 2  # the entry as written, then the missing column
    assert e.value.exit_code == 2 and e.value.hint


def test_declared_identifier_naming_a_missing_table_says_where(state_home: Path) -> None:
    make_world(state_home.parent)
    toml = state_home.parent / "privacy.toml"
    toml.write_text(toml.read_text().replace("w.invoices.email", "w.invoice.email"))
    with pytest.raises(ConfigError, match=r"\[identifiers\[0\]\].*no table 'invoice'"):
        dsr.preview(load_settings(), ALICE)


def test_table_reached_by_two_paths_is_erased_by_one_statement(world: Path) -> None:
    settings = load_settings()
    req = dsr.erase(settings, ALICE)
    assert req.outcome == "erased"
    _v, steps = dsr.show(settings, req.id)
    invoices = next(s for s in steps if s.target == "w.invoices")
    assert invoices.evidence["selectors"] == [
        "email = subject (any case)",
        "customer_id -> w.customers.id",
    ]
    assert invoices.evidence["statements"] == 1 and invoices.rows_affected == 1


def test_malformed_relation_in_toml_says_where(state_home: Path) -> None:
    make_world(state_home.parent, '\n[[relations]]\nfrom = "clicks.uid"\nto = "w.customers.id"\n')
    with pytest.raises(ConfigError) as e:
        load_settings()
    assert "relations" in str(e.value) and "SOURCE.TABLE.COLUMN" in str(e.value)


def test_state_machine_refuses_invalid_transitions() -> None:
    check_transition("r", RequestState.RECEIVED, RequestState.PLANNED)
    with pytest.raises(InvalidTransitionError, match="cannot become running"):
        check_transition("r", RequestState.RECEIVED, RequestState.RUNNING)
    with pytest.raises(InvalidTransitionError, match="none \\(final\\)"):
        check_transition("r", RequestState.DONE, RequestState.RUNNING)
    assert all(
        RequestState.PAUSED in TRANSITIONS[s]
        for s in TRANSITIONS
        if s.is_open and s not in (RequestState.PAUSED, RequestState.FAILED)
    )


def test_extension_once_and_overdue_check(world: Path) -> None:
    settings = load_settings()
    today = date.today()
    old = dsr.submit(settings, "erase", ALICE, received=today - timedelta(days=40))
    fresh = dsr.submit(
        settings, "erase", "email:bob@example.com", received=today - timedelta(days=2)
    )
    late = [v.request.id for v in dsr.overdue(settings)]
    assert late == [old.id]
    with pytest.raises(ExtensionNotAllowedError, match="has passed"):
        dsr.extend(settings, old.id, until=today + timedelta(days=10), reason="complex")
    dsr.extend(settings, fresh.id, until=fresh.due_at + timedelta(days=20), reason="many systems")
    with pytest.raises(ExtensionNotAllowedError, match="already extended"):
        dsr.extend(settings, fresh.id, until=fresh.due_at + timedelta(days=30), reason="again")
    v, _ = dsr.show(settings, fresh.id)
    assert v.request.effective_due == fresh.due_at + timedelta(days=20)

    runner = CliRunner()
    res = runner.invoke(app, ["requests", "check"])
    assert res.exit_code == 4
    listed = json.loads(runner.invoke(app, ["requests", "list", "--format", "json"]).stdout)
    by_id = {r["id"]: r for r in listed["requests"]}
    assert by_id[old.id]["overdue"] is True and by_id[old.id]["days_left"] < 0
    assert by_id[fresh.id]["due_at"] == v.request.effective_due.isoformat()
    # finishing the late one clears the alarm (it stays on record as late)
    dsr.run(settings, [old.id, fresh.id])
    assert runner.invoke(app, ["requests", "check"]).exit_code == 0


def test_cli_erase_dry_run_and_errors(world: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["erase", "--subject", ALICE, "--dry-run"])
    assert res.exit_code == 0, res.output
    assert "w.order_items" in res.stdout and "dry run" in res.stdout
    assert len(rows(world, "customers")) == 2
    res = runner.invoke(app, ["erase", "--subject", ALICE, "--received", "yesterday", "--yes"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["erase", "--subject", ALICE, "--regime", "hipaa", "--yes"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["erase", "--subject", ALICE, "--yes"])
    assert res.exit_code == 0, res.output
    assert rows(world, "customers") == [(2, "bob@example.com", "Bob", None)]
    rid = json.loads(runner.invoke(app, ["requests", "list", "--format", "json"]).stdout)[
        "requests"
    ][0]["id"]
    shown = runner.invoke(app, ["requests", "show", rid])
    assert "check key" in shown.stdout and "alice" not in shown.stdout
    res = runner.invoke(app, ["requests", "resume", rid])
    assert res.exit_code != 0  # done: nothing to resume


def test_batch_erasure_one_statement_per_table_and_batch(world: Path) -> None:
    settings = load_settings()
    reqs = dsr.erase_batch(settings, [ALICE, "email:bob@example.com", "email:zed@example.com"])
    assert [r.outcome for r in reqs] == ["erased", "erased", "no_data_found"]
    assert rows(world, "customers") == [] and rows(world, "order_items") == []
    _v, steps = dsr.show(settings, reqs[0].id)
    assert all(s.evidence.get("statements", 1) <= 2 for s in steps)


def test_export_decrypts_and_erasure_shreds_the_subject_key(world: Path, tmp_path: Path) -> None:
    from privacy.crypto import encrypt_values, open_keystore, pseudonymize

    settings = load_settings()
    store = open_keystore(settings)
    alice = pseudonymize(settings.keys_dir, "email", "alice@example.com")
    bob = pseudonymize(settings.keys_dir, "email", "bob@example.com")
    tokens = encrypt_values(
        store, ["Alice A.", "Bob B."], table="w.customers", column="name", subjects=[alice, bob]
    )
    c = sqlite3.connect(world / "w.db")
    c.execute("UPDATE customers SET name = ? WHERE id = 1", (tokens[0],))
    c.execute("UPDATE customers SET name = ? WHERE id = 2", (tokens[1],))
    c.commit()
    c.close()
    out = tmp_path / "x"
    dsr.export(settings, ALICE, str(out), raise_on_error=True)
    exported = json.loads((out / "w.customers.json").read_text())
    assert exported == [
        {"id": 1, "email": "alice@example.com", "name": "Alice A.", "referred_by": None}
    ]

    req = dsr.erase(settings, ALICE, raise_on_error=True)
    _v, steps = dsr.show(settings, req.id)
    key_check = next(c for c in steps[-1].evidence["checks"] if c["check"] == "key")
    assert key_check == {
        "check": "key",
        "tombstone": True,
        "key_material_present": False,
        "canary": "KeyShreddedError",
        "ok": True,
    }
    assert store.is_shredded(alice) and not store.is_shredded(bob)


def test_a_request_held_by_a_live_process_is_not_resumed_twice(world: Path) -> None:
    import os
    import socket

    import sqlalchemy as sa

    from privacy.dsr.store import requests_table

    settings = load_settings()
    req = dsr.submit(settings, "erase", ALICE)
    store = RequestStore(settings.catalog_url)
    with store.engine.begin() as c:  # another live process (our parent) holds the lease
        c.execute(
            sa.update(requests_table)
            .where(requests_table.c.id == req.id)
            .values(lease_owner=f"{socket.gethostname()}:{os.getppid()}")
        )
    with pytest.raises(RequestError, match="being worked on"):
        dsr.resume(settings, req.id)
    assert len(rows(world, "customers")) == 2
    with store.engine.begin() as c:  # that process died
        c.execute(
            sa.update(requests_table)
            .where(requests_table.c.id == req.id)
            .values(lease_owner=f"{socket.gethostname()}:999999999")
        )
    assert dsr.list_requests(settings)[0].state == "paused"  # shown as interrupted
    assert dsr.resume(settings, req.id).state is RequestState.DONE


def test_request_store_on_sqlite_keeps_no_plain_subject(world: Path) -> None:
    settings = load_settings()
    dsr.submit(settings, "erase", ALICE)
    db = (settings.home / "catalog.db").read_bytes()
    assert b"alice@example.com" not in db


def test_cli_export_and_extend(world: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x.txt").write_text("someone else's file")
    res = runner.invoke(app, ["export", "--subject", ALICE, "--out", str(busy)])
    assert res.exit_code == 2 and "empty folder" in res.output
    res = runner.invoke(app, ["export", "--subject", ALICE, "--out", str(busy / "x.txt")])
    assert res.exit_code == 2 and "is a file, not a folder" in " ".join(res.output.split())
    res = runner.invoke(app, ["export", "--subject", ALICE, "--out", "/proc/no-such/alice"])
    assert res.exit_code == 2 and "cannot write to" in " ".join(res.output.split())
    assert dsr.list_requests(load_settings()) == []  # refused before anything was recorded
    out = tmp_path / "alice"
    res = runner.invoke(app, ["export", "--subject", ALICE, "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert (out / "manifest.json").is_file() and (out / "summary.html").is_file()

    req = dsr.submit(load_settings(), "erase", ALICE)
    until = (req.due_at + timedelta(days=30)).isoformat()
    res = runner.invoke(
        app, ["requests", "extend", req.id, "--until", until, "--reason", "three systems"]
    )
    assert res.exit_code == 0 and until in res.stdout
    res = runner.invoke(app, ["requests", "extend", req.id, "--until", until, "--reason", "again"])
    # the console script turns it into exit code 2 (cli.app.main); the runner sees the error
    assert isinstance(res.exception, ExtensionNotAllowedError)
    assert res.exception.exit_code == 2
    shown = json.loads(runner.invoke(app, ["requests", "show", req.id, "--format", "json"]).stdout)
    assert shown["extended_until"] == until and shown["extension_reason"] == "three systems"


def test_resume_erases_rows_linked_to_the_subject_after_planning(world: Path) -> None:
    """Killed right after planning; while paused the subject places an order with an item.
    Resume walks the relations again, so the new order and its item go too (the sealed keys
    alone would miss them, and verification would not notice)."""
    import os
    import signal
    import subprocess
    import sys

    from privacy.dsr.executor import CRASH_ENV

    env = {**os.environ, CRASH_ENV: "planned"}
    crashed = subprocess.run(
        [sys.executable, "-c", "from cli.app import main; main()", "erase", "--subject", ALICE,
         "--yes"],
        cwd=world, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    c = sqlite3.connect(world / "w.db")
    c.executescript(
        "INSERT INTO orders VALUES (13,1,9.0); INSERT INTO order_items VALUES (103,13,'d');"
    )
    c.commit()
    c.close()
    settings = load_settings()
    rid = dsr.list_requests(settings)[0].request.id
    assert dsr.resume(settings, rid).state is RequestState.DONE
    assert rows(world, "orders") == [(12, 2, 7.0)]
    assert rows(world, "order_items") == [(102, 12, "c")]
    _, steps = dsr.show(settings, rid)
    assert steps[-1].evidence["ok"] is True


def test_a_receipt_date_in_the_future_is_refused_before_planning(world: Path) -> None:
    from privacy.errors import ReceiptInFutureError

    later = (date.today() + timedelta(days=3)).isoformat()
    with pytest.raises(ReceiptInFutureError):
        dsr.submit(load_settings(), "erase", ALICE, received=date.fromisoformat(later))
    res = CliRunner().invoke(app, ["erase", "--subject", ALICE, "--received", later, "--yes"])
    assert isinstance(res.exception, ReceiptInFutureError) and res.exception.exit_code == 2
    assert "erasure plan" not in res.output  # refused before anything was planned
    assert dsr.list_requests(load_settings()) == []
