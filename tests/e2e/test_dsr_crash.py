"""SIGKILL at every step boundary of a multi-table erasure on real PostgreSQL, MariaDB and a
Delta table, then `privacy requests resume ID`: the subject's rows are gone everywhere, nobody
else's rows changed, the request is done and its journal consistent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from privacy.dsr.executor import CRASH_ENV, boundaries
from tests.integration import test_dsr_world as world

pytestmark = [pytest.mark.services, pytest.mark.slow]

PRIVACY = [sys.executable, "-c", "from cli.app import main; main()"]
#: 7 tables hold alice's rows, then shred and verify
STEPS = 9


def cli(root: Path, *args: str, crash: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != CRASH_ENV}
    env.update(
        PRIVACY_HOME=str(root / ".privacy"),
        PRIVACY_CONFIG=str(root / "privacy.toml"),
        PRIVACY_MASTER_KEY="test-master-key-0123456789abcdef",
        COLUMNS="200",
    )
    if crash:
        env[CRASH_ENV] = crash
    return subprocess.run(
        [*PRIVACY, *args], cwd=root, env=env, capture_output=True, text=True, timeout=180
    )


def test_boundaries_cover_the_plan(tmp_path: Path, pg_url: str, mysql_url: str) -> None:
    world.build(tmp_path, pg_url, mysql_url)
    r = cli(tmp_path, "erase", "--subject", "email:alice@example.com", "--yes")
    assert r.returncode == 0, r.stderr
    listed = json.loads(cli(tmp_path, "requests", "list", "--format", "json").stdout)
    rid = listed["requests"][0]["id"]
    shown = json.loads(cli(tmp_path, "requests", "show", rid, "--format", "json").stdout)
    assert len(shown["steps"]) == STEPS
    assert world.snapshot(pg_url, mysql_url, tmp_path / "lake") == (
        world.expected_after_erasing_alice()
    )


@pytest.mark.parametrize("boundary", boundaries(STEPS))
def test_sigkill_at_boundary_then_resume(
    boundary: str, tmp_path: Path, pg_url: str, mysql_url: str
) -> None:
    world.build(tmp_path, pg_url, mysql_url)
    crashed = cli(
        tmp_path, "erase", "--subject", "email:alice@example.com", "--yes", crash=boundary
    )
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr

    listed = json.loads(cli(tmp_path, "requests", "list", "--format", "json").stdout)["requests"]
    assert len(listed) == 1
    rid = listed[0]["id"]
    # a killed process cannot write "paused"; the list shows it as paused (interrupted)
    assert listed[0]["state"] == "paused" and "interrupted" in listed[0]["reason"]

    resumed = cli(tmp_path, "requests", "resume", rid)
    assert resumed.returncode == 0, resumed.stderr + resumed.stdout

    assert world.snapshot(pg_url, mysql_url, tmp_path / "lake") == (
        world.expected_after_erasing_alice()
    )
    shown = json.loads(cli(tmp_path, "requests", "show", rid, "--format", "json").stdout)
    assert shown["state"] == "done" and shown["outcome"] == "erased"
    steps = shown["steps"]
    assert [s["status"] for s in steps] == ["done"] * STEPS
    assert steps[-1]["evidence"]["ok"] is True
    # a step re-runs only if the crash came after it started and before it was journaled done
    for i, s in enumerate(steps):
        rerun = boundary in (f"step{i}.started", f"step{i}.acted")
        assert s["attempts"] == (2 if rerun else 1), (i, s)
    # every row counted once over both attempts, except a step killed after acting (its
    # first attempt's count died with the process)
    table_rows = sum(s["rows_affected"] or 0 for s in steps if s["kind"] == "delete")
    acted = boundary.endswith(".acted") and int(boundary[4:].split(".")[0]) < STEPS - 2
    assert table_rows == 15 or (acted and table_rows < 15)

    from privacy import auditing
    from privacy.config import Settings

    log = auditing.open_log(Settings(tmp_path / ".privacy"), readonly=True)
    actions = [r.action for r in log.records()]
    assert actions.count("dsr.completed") == 1 and "dsr.resumed" in actions
    # personal data never in the audit log or the catalog database
    for f in (tmp_path / ".privacy" / "audit").rglob("*"):
        if f.is_file():
            assert b"alice@example.com" not in f.read_bytes(), f
    assert b"alice@example.com" not in (tmp_path / ".privacy" / "catalog.db").read_bytes()
    lake = tmp_path / "lake" / "events"
    for f in lake.rglob("*"):
        if f.is_file():
            assert b"alice@example.com" not in f.read_bytes(), f
