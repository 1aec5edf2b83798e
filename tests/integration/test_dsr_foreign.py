"""A foreign key from a table the plan does not know (another PostgreSQL schema, a MariaDB
table reached by nothing) stops the delete of the rows it references. The request fails with
a message naming the table and what to do, changes nothing, and after the relation is
declared `privacy requests resume ID` erases the referencing rows first and finishes."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from privacy.config import load_settings
from privacy.dsr import RequestState
from privacy.dsr import workflow as dsr
from privacy.sources.sql_errors import StillReferencedError
from tests.integration import test_dsr_world as world

pytestmark = [pytest.mark.services]

ALICE = "email:alice@example.com"


def _exec(url: str, *statements: str) -> None:
    eng = sa.create_engine(url)
    with eng.begin() as c:
        for s in statements:
            c.execute(sa.text(s))
    eng.dispose()


def _rows(url: str, sql: str) -> list[tuple[object, ...]]:
    eng = sa.create_engine(url)
    with eng.connect() as c:
        out = [tuple(r) for r in c.execute(sa.text(sql))]
    eng.dispose()
    return out


def test_foreign_key_from_an_unread_schema_fails_clearly_then_resumes(
    state_home: Path, pg_url: str, mysql_url: str
) -> None:
    root = state_home.parent
    toml = world.build(root, pg_url, mysql_url)
    _exec(
        pg_url,
        "CREATE SCHEMA other",
        "CREATE TABLE other.notes (id INTEGER PRIMARY KEY, "
        "customer_id INTEGER NOT NULL REFERENCES public.customers(id), body TEXT)",
        "INSERT INTO other.notes VALUES (1, 1, 'alice note'), (2, 2, 'bob note')",
    )
    settings = load_settings()
    req = dsr.erase(settings, ALICE)
    assert req.state is RequestState.FAILED
    reason = req.state_reason or ""
    assert "table 'customers'" in reason and "other.notes" in reason
    assert "not in the plan" in reason and "privacy.toml" in reason
    assert "23503" in reason and "the database reported an error" not in reason
    # the customers delete was refused as a whole: alice's customer row is still there
    assert _rows(pg_url, "SELECT id FROM customers ORDER BY id") == [(1,), (2,), (3,)]
    with pytest.raises(StillReferencedError) as e:
        dsr.resume(settings, req.id, raise_on_error=True)
    assert f"privacy requests resume {req.id}" in (e.value.hint or "")

    toml.write_text(
        toml.read_text()
        + f"""
[sources.notes]
url = "{pg_url}?schema=other"

[[relations]]
from = "notes.notes.customer_id"
to = "pg.customers.id"
"""
    )
    settings = load_settings()
    done = dsr.resume(settings, req.id, raise_on_error=True)
    assert done.state is RequestState.DONE and done.outcome == "erased"
    assert _rows(pg_url, "SELECT id, customer_id FROM other.notes") == [(2, 2)]
    assert world.snapshot(pg_url, mysql_url, root / "lake") == (
        world.expected_after_erasing_alice()
    )
    _v, steps = dsr.show(settings, req.id)
    targets = [s.target for s in steps]
    assert targets.index("notes.notes") < targets.index("pg.customers")
    assert all(s.status.value == "done" for s in steps)
    verify = steps[-1].evidence
    assert {"check": "table", "table": "notes.notes", "remaining": 0} in verify["checks"]


def test_mariadb_foreign_key_violation_is_named(mysql_url: str) -> None:
    from privacy.sources import open_source

    _exec(
        mysql_url,
        "CREATE TABLE parents (id INT PRIMARY KEY) ENGINE=InnoDB",
        "CREATE TABLE kids (id INT PRIMARY KEY, parent_id INT, "
        "FOREIGN KEY (parent_id) REFERENCES parents(id)) ENGINE=InnoDB",
        "INSERT INTO parents VALUES (1), (2)",
        "INSERT INTO kids VALUES (10, 1)",
    )
    with open_source(mysql_url) as src:
        with pytest.raises(StillReferencedError) as e:
            src.delete_where("parents", "id", [1, 2])  # type: ignore[attr-defined]
        assert src.count("parents") == 2  # one transaction: nothing deleted
    assert "table 'parents'" in e.value.message and "kids" in e.value.message
    assert "1451" in e.value.message and not e.value.retryable
