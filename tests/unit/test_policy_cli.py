"""`privacy policy validate|activate|show|explain` as a user runs them (the real console script)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from privacy.catalog import Catalog
from privacy.config import Settings
from privacy.sources.base import ColumnRef

PRIVACY = str(Path(sys.executable).parent / "privacy")
GOOD = """\
version: 1
roles:
  analyst: {}
  support: {inherits: [analyst]}
rules:
  - category: non_personal
    access: {analyst: allow}
  - category: contact
    access: {analyst: {mask: email}, support: allow}
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [PRIVACY, "policy", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def test_validate_reports_version_or_the_error_position(state_home: Path, tmp_path: Path) -> None:
    good = tmp_path / "company.yaml"
    good.write_text(GOOD)
    ok = run("validate", str(good), cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "valid" in ok.stdout and "policy version" in ok.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("support: allow", "suport: allow"))
    res = run("validate", str(bad), cwd=tmp_path)
    assert res.returncode == 2
    assert f"{bad}:9 [rules.1.access.suport]" in res.stderr.replace("\n", "")
    assert "hint:" in res.stderr
    js = run("validate", str(bad), "--format", "json", cwd=tmp_path)
    assert js.returncode == 2
    data = json.loads(js.stdout)
    assert data["files"] == [{"file": str(bad), "valid": False, "errors": 1}]
    assert [e["file"] for e in data.pop("errors")] == [str(bad)]
    del data["files"]
    assert data == {
        "valid": False,
        "error": "rule 'contact' gives access to role 'suport', which no policy file defines "
        "(roles: analyst, support)",
        "file": str(bad),
        "line": 9,
        "field": "rules.1.access.suport",
    }


def test_activate_refuses_a_bad_file_and_says_what_stays(state_home: Path, tmp_path: Path) -> None:
    good = tmp_path / "company.yaml"
    good.write_text(GOOD)
    first = run("activate", str(good), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    version = first.stdout.split("version ")[1].split()[0]
    good.write_text(GOOD.replace("analyst: {}", "analyst: {inherits: [support]}"))
    res = run("activate", str(good), cwd=tmp_path)
    assert res.returncode == 2
    err = res.stderr.replace("\n", " ")
    assert "cycle" in err and f"policy {version} stays active" in err
    show = run("show", "--format", "json", cwd=tmp_path)
    assert json.loads(show.stdout)["version"] == version


def test_explain_lists_columns_effects_and_reasons(state_home: Path, tmp_path: Path) -> None:
    good = tmp_path / "company.yaml"
    good.write_text(GOOD)
    assert run("activate", str(good), cwd=tmp_path).returncode == 0
    cat = Catalog(Settings(state_home).catalog_url)
    cat.set(ColumnRef("shop", "customers", "email"), "EMAIL_ADDRESS")
    cat.set(ColumnRef("shop", "customers", "id"), None)
    cat.record_proposals([])
    res = run(
        "explain",
        "--role",
        "support",
        "--table",
        "shop.customers",
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    cols = {c["column"]: c for c in out["columns"]}
    assert cols["email"]["effect"] == "allow"
    assert cols["id"]["effect"] == "allow" and "inherited from analyst" in cols["id"]["reason"]
    assert out["untagged_columns"] == "deny"
    table = run("explain", "--role", "analyst", cwd=tmp_path)
    # the table is a heading, its columns listed by their own names
    assert "shop.customers" in table.stdout and "mask:email" in table.stdout
    assert "email" in table.stdout
    unknown = run("explain", "--role", "intruder", cwd=tmp_path)
    assert unknown.returncode == 0
    assert "not a role" in unknown.stderr and "mask" not in unknown.stdout.split("why")[1]
    missing = run("explain", "--role", "analyst", "--table", "shop.nope", cwd=tmp_path)
    assert missing.returncode == 2 and "privacy scan" in missing.stderr


@pytest.mark.parametrize("url", ["sqlite:///w.db"])
def test_apply_to_an_unsupported_database_says_what_works(
    state_home: Path, tmp_path: Path, url: str
) -> None:
    res = run("apply", url, "--dry-run", cwd=tmp_path)
    assert res.returncode == 2
    assert "PostgreSQL and MariaDB" in res.stderr and "policies.read" in res.stderr
