"""`privacy tag list|confirm|reject|set` over a scanned source; every decision is audited.

Runs the Typer app in-process (the scan CLI tests cover the console script in a subprocess).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from cli.app import app
from privacy import auditing
from privacy.config import Settings


def run(*args: str, cwd: Path) -> SimpleNamespace:
    assert Path.cwd() == cwd  # the state_home fixture moved us there
    result = CliRunner().invoke(app, list(args), env=dict(os.environ), catch_exceptions=False)
    return SimpleNamespace(returncode=result.exit_code, stdout=result.stdout, stderr=result.stderr)


@pytest.fixture
def scanned(state_home: Path) -> Path:
    work = state_home.parent
    (work / "people.csv").write_text(
        "email,phone,amount\n"
        + "\n".join(f"u{i}@example.com,+49 30 {1000000 + i * 7},{i}" for i in range(40))
        + "\n",
        encoding="utf-8",
    )
    r = run("scan", "people.csv", "-f", "json", cwd=work)
    assert r.returncode == 0, r.stderr
    return work


def _tags(work: Path, *args: str) -> dict[str, dict[str, object]]:
    r = run("tag", "list", *args, "--format", "json", cwd=work)
    assert r.returncode == 0, r.stderr
    return {t["column"]: t for t in json.loads(r.stdout)["tags"]}


def _actions(state_home: Path) -> list[tuple[str, str]]:
    s = Settings(state_home)
    auditing.close_all()
    log = auditing.open_log(s, readonly=True)
    return [(e.action, e.target) for e in log.records(actions=["tag."])]


def test_list(scanned: Path) -> None:
    tags = _tags(scanned)
    assert tags["people.people.email"]["entity"] == "EMAIL_ADDRESS"
    assert tags["people.people.email"]["status"] == "proposed"
    assert set(_tags(scanned, "people", "--pii")) == {"people.people.email", "people.people.phone"}
    r = run("tag", "list", cwd=scanned)
    assert "people.email" in r.stdout and "proposed" in r.stdout


def test_confirm_reject_set_are_audited(scanned: Path, state_home: Path) -> None:
    assert run("tag", "confirm", "people.people.email", cwd=scanned).returncode == 0
    assert run("tag", "reject", "people.people.phone", cwd=scanned).returncode == 0
    assert run("tag", "set", "people.people.amount", "none", cwd=scanned).returncode == 0
    tags = _tags(scanned)
    assert tags["people.people.email"]["status"] == "confirmed"
    assert tags["people.people.phone"]["status"] == "rejected"
    assert tags["people.people.amount"]["entity"] is None
    assert tags["people.people.amount"]["status"] == "confirmed"
    actions = _actions(state_home)
    assert ("tag.confirmed", "people.people.email") in actions
    assert ("tag.rejected", "people.people.phone") in actions
    assert ("tag.set", "people.people.amount") in actions


def test_set_an_entity_and_rescan_keeps_it(scanned: Path) -> None:
    assert run("tag", "set", "people.people.amount", "credit_card", cwd=scanned).returncode == 0
    assert run("scan", "people.csv", cwd=scanned).returncode == 0
    tag = _tags(scanned)["people.people.amount"]
    assert tag["entity"] == "CREDIT_CARD" and tag["scanned_entity"] is None


def test_confirm_all_above(scanned: Path) -> None:
    r = run("tag", "confirm", "--all", "--above", "0.95", cwd=scanned)
    assert r.returncode == 0, r.stderr
    statuses = {k: v["status"] for k, v in _tags(scanned).items()}
    assert statuses["people.people.email"] == "confirmed"


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [(("set", "people.people.email", "FOO"), 2, "unknown entity"),
     (("set", "not-a-column", "none"), 2, "SOURCE.TABLE.COLUMN"),
     (("confirm", "people.people.nope"), 1, "not in the catalog"),
     (("confirm",), 2, "COLUMN... or --all"),
     (("reject", "x.y.z"), 1, "not in the catalog")],
)  # fmt: skip
def test_errors(scanned: Path, args: tuple[str, ...], code: int, words: str) -> None:
    r = run("tag", *args, cwd=scanned)
    assert r.returncode == code
    assert words in r.stderr.replace("\n", " ")
