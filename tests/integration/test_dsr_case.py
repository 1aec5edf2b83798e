"""An e-mail subject is found, erased, verified and exported whatever the case it was stored
in: PostgreSQL, a MariaDB column with a case-sensitive (binary) collation, a Delta table
(whose log must still never hold the value) and a CSV file. The world of test_dsr_world,
with alice's address respelled in each place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from deltalake import DeltaTable
from typer.testing import CliRunner

from cli.app import app
from privacy.config import load_settings
from privacy.dsr import workflow as dsr
from tests.integration import test_dsr_world as world

pytestmark = [pytest.mark.services]

#: as the subject wrote it on the form; the systems hold other spellings
ASKED = "email:alice@example.com"


def respell(root: Path, pg_url: str, mysql_url: str) -> None:
    eng = sa.create_engine(pg_url)
    with eng.begin() as c:
        c.execute(sa.text("UPDATE customers SET email = 'Alice@Example.com' WHERE id = 1"))
        c.execute(
            sa.text("UPDATE invoices SET billing_email = 'ALICE@EXAMPLE.COM' WHERE id = 1000")
        )
    eng.dispose()
    eng = sa.create_engine(mysql_url)
    with eng.begin() as c:
        # a binary collation compares case-sensitively (the default _ci one would not)
        c.execute(sa.text("ALTER TABLE tickets MODIFY email VARCHAR(200) COLLATE utf8mb4_bin"))
        # ticket 3 has no customer id: only the address leads to it
        c.execute(sa.text("UPDATE tickets SET email = 'Alice@example.COM' WHERE id = 3"))
    eng.dispose()
    # the newsletter event has no user id either
    DeltaTable(str(root / "lake" / "events")).update(
        predicate="user_id IS NULL", updates={"email": "'ALICE@example.com'"}
    )
    (root / "lake" / "crm.csv").write_text(
        "id,email,note\n1,aLiCe@ExAmPlE.cOm,called\n2,bob@example.com,wrote\n"
    )
    toml = root / "privacy.toml"
    toml.write_text(
        toml.read_text().replace('"lake.events.email"]', '"lake.events.email", "lake.crm.email"]')
    )


@pytest.fixture
def root(state_home: Path, pg_url: str, mysql_url: str) -> Path:
    r = state_home.parent
    world.build(r, pg_url, mysql_url)
    respell(r, pg_url, mysql_url)
    return r


def test_dry_run_finds_every_spelling(root: Path) -> None:
    res = CliRunner().invoke(app, ["erase", "--subject", ASKED, "--dry-run"])
    assert res.exit_code == 0, res.output
    plan = dsr.preview(load_settings(), ASKED)
    counts = {t.name: t.rows for t in plan.tables if t.rows}
    assert counts == {
        "pg.customers": 1,
        "pg.invoices": 1,
        "pg.orders": 2,
        "pg.order_items": 3,
        "my.tickets": 2,
        "my.ticket_messages": 3,
        "lake.events": 3,
        "lake.crm": 1,
    }
    # a different spelling of the subject finds the same
    other = dsr.preview(load_settings(), "email:ALICE@Example.Com")
    assert {t.name: t.rows for t in other.tables if t.rows} == counts
    # the operator learns which lookups scan, and the index that would serve them
    assert any(
        n.startswith("pg.customers.email is matched case-insensitively")
        and "CREATE INDEX ON customers (lower(email))" in n
        for n in plan.notes
    )
    assert any(n.startswith("my.tickets.email has a case-sensitive collation") for n in plan.notes)


def test_no_cost_note_where_an_index_serves_lower(root: Path, pg_url: str) -> None:
    eng = sa.create_engine(pg_url)
    with eng.begin() as c:
        c.execute(sa.text("CREATE INDEX ON customers (lower(email))"))
        c.execute(sa.text("CREATE INDEX ON invoices (lower(billing_email))"))
    eng.dispose()
    plan = dsr.preview(load_settings(), ASKED)
    assert not any(n.startswith("pg.") for n in plan.notes), plan.notes


def test_erasure_removes_every_spelling_and_keeps_them_out_of_the_delta_log(
    root: Path, pg_url: str, mysql_url: str
) -> None:
    settings = load_settings()
    req = dsr.erase(settings, ASKED, raise_on_error=True)
    assert req.outcome == "erased"
    after = world.snapshot(pg_url, mysql_url, root / "lake")
    assert after == world.expected_after_erasing_alice()
    assert (root / "lake" / "crm.csv").read_text() == "id,email,note\n2,bob@example.com,wrote\n"
    for p in (root / "lake" / "events").rglob("*"):
        if p.is_file():
            assert b"alice@example.com" not in p.read_bytes().lower(), p
    _view, steps = dsr.show(settings, req.id)
    checks = steps[-1].evidence["checks"]
    assert all(c.get("remaining", 0) == 0 for c in checks if c["check"] == "table")
    delta = next(c for c in checks if c["check"] == "lake" and c["format"] == "delta")
    assert delta["ok"] and delta["log_mentions"] == 0
    # one statement per table, although invoices and tickets are reached by two paths
    erased = {s.target: s.evidence for s in steps if s.kind.value in ("delete", "anonymize")}
    assert erased["pg.invoices"]["statements"] == 1
    assert len(erased["pg.invoices"]["selectors"]) == 2
    assert erased["my.tickets"]["statements"] == 1 and erased["my.tickets"]["rows"] == 2


def test_export_finds_every_spelling(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    req = dsr.export(load_settings(), ASKED, str(out), raise_on_error=True)
    assert req.outcome == "exported"
    tickets = json.loads((out / "my.tickets.json").read_text())
    assert sorted(t["id"] for t in tickets) == [1, 3]
    events = json.loads((out / "lake.events.json").read_text())
    assert len(events) == 3
    crm = json.loads((out / "lake.crm.json").read_text())
    assert [r["note"] for r in crm] == ["called"]
    customers = json.loads((out / "pg.customers.json").read_text())
    assert [c["email"] for c in customers] == ["Alice@Example.com"]
