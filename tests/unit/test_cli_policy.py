"""`privacy policy explain|apply --dry-run|validate` as a person at an 80-column terminal sees
them (Typer's CliRunner over the real app and a real state directory)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from cli.app import app
from privacy.catalog import Catalog, ColumnTag
from privacy.config import Settings

runner = CliRunner()


def _tag(source: str, table: str, column: str, entity: str | None) -> ColumnTag:
    return ColumnTag(source, table, column, entity, confidence=0.9)


def test_explain_fits_80_columns_with_every_column_name_whole(settings: Settings) -> None:
    cat = Catalog(settings.catalog_url)
    cat.record_proposals(
        [
            _tag("warehouse", "customers", "email", "EMAIL_ADDRESS"),
            _tag("warehouse", "customers", "street_address", "STREET_ADDRESS"),
            _tag("warehouse", "customers", "date_of_birth", "DATE_OF_BIRTH"),
            _tag("warehouse", "support_tickets", "body", None),
            _tag("lake", "newsletter_signups", "signed_up_at", None),
        ]
    )
    cat.close()
    env = {"COLUMNS": "80"}
    everything = runner.invoke(app, ["policy", "explain", "--role", "analyst"], env=env)
    assert everything.exit_code == 0, everything.output
    one = runner.invoke(
        app,
        ["policy", "explain", "--role", "analyst", "--table", "warehouse.customers"],
        env=env,
    )
    assert one.exit_code == 0, one.output
    for res in (everything, one):
        assert "…" not in res.output, res.output
        assert max(len(line) for line in res.output.splitlines()) <= 80
    for name in ("email", "street_address", "date_of_birth", "EMAIL_ADDRESS", "STREET_ADDRESS"):
        assert name in one.output
    # tables are headings: a column cell names the column, not its table
    assert "warehouse.customers" in one.output and "warehouse.customers.email" not in one.output
    for heading in ("warehouse.customers", "warehouse.support_tickets", "lake.newsletter_signups"):
        assert heading in everything.output
    assert "support_tickets" not in one.output


def test_apply_dry_run_on_a_fresh_state_changes_nothing(
    state_home: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No policy activated, no key store (no master.key), no audit log, no catalog file."""
    monkeypatch.delenv("PRIVACY_MASTER_KEY")
    engine = sa.create_engine(pg_url)
    with engine.begin() as c:
        c.execute(sa.text("CREATE TABLE customers (id int, first_name text, email text)"))
    engine.dispose()
    res = runner.invoke(app, ["policy", "apply", pg_url, "--dry-run"])
    assert res.exit_code == 0, res.output
    assert "CREATE" in res.stdout
    assert "no policy is active yet" in res.stderr and "nothing was activated" in res.stderr
    assert not state_home.exists(), sorted(str(p) for p in state_home.rglob("*"))


def test_apply_dry_run_with_a_hashed_column_opens_no_key_store(
    settings: Settings, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The analyst hashes names: the dry run prints a placeholder, never creates a key."""
    monkeypatch.delenv("PRIVACY_MASTER_KEY")
    engine = sa.create_engine(pg_url)
    with engine.begin() as c:
        c.execute(sa.text("CREATE TABLE customers (id int, first_name text)"))
    engine.dispose()
    source = sa.engine.make_url(pg_url).database
    assert source
    cat = Catalog(settings.catalog_url)
    cat.record_proposals([_tag(source, "customers", "first_name", "FIRST_NAME")])
    cat.close()
    res = runner.invoke(app, ["policy", "apply", pg_url, "--dry-run"])
    assert res.exit_code == 0, res.output
    assert "<key from the key store>" in res.stdout
    assert not (settings.home / "master.key").exists()
    assert not settings.keys_dir.exists()
    assert not (settings.home / "policy").exists()


BAD_KEY = """version: 1
roles:
  analyst: {}
rules:
  - category: contact
    encrypt: sometimes
    acess: {analyst: allow}
"""

BAD_YAML = """version: 1
roles:
  analyst: {
"""

GOOD = """version: 1
roles:
  analyst: {}
"""


def test_validate_reports_every_file_and_every_error(tmp_path: Path, state_home: Path) -> None:
    (tmp_path / "a.yaml").write_text(BAD_KEY)
    (tmp_path / "b.yaml").write_text(GOOD)
    (tmp_path / "c.yaml").write_text(BAD_YAML)
    files = [str(tmp_path / n) for n in ("a.yaml", "b.yaml", "c.yaml", "missing.yaml")]
    res = runner.invoke(app, ["policy", "validate", *files], env={"COLUMNS": "200"})
    assert res.exit_code == 2, res.output
    err = res.stderr
    assert f"{files[0]}:7 [rules.0.acess]" in err and "unknown key" in err
    assert f"{files[0]}:6 [rules.0.encrypt]" in err  # the same file's other error
    assert files[2] in err
    assert f"{files[3]}: no such policy file" in err
    assert "3 of 4 files are invalid" in err
    assert f"ok: {files[1]}" in res.stdout
    js = runner.invoke(app, ["policy", "validate", *files, "--format", "json"])
    assert js.exit_code == 2
    data = json.loads(js.stdout)
    assert data["valid"] is False
    assert {e["file"] for e in data["errors"]} == {files[0], files[2], files[3]}
    assert {f["file"]: f["valid"] for f in data["files"]} == {
        files[0]: False,
        files[1]: True,
        files[2]: False,
        files[3]: False,
    }
    assert all({"file", "line", "field", "error", "hint"} <= set(e) for e in data["errors"])


def test_validate_reports_contradictions_between_valid_files(
    tmp_path: Path, state_home: Path
) -> None:
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD)  # analyst defined twice
    (tmp_path / "c.yaml").write_text(
        "version: 1\nrules:\n  - category: contact\n    access: {nobody: allow}\n"
    )
    files = [str(tmp_path / n) for n in ("a.yaml", "b.yaml", "c.yaml")]
    res = runner.invoke(app, ["policy", "validate", *files], env={"COLUMNS": "200"})
    assert res.exit_code == 2, res.output
    assert "role 'analyst' is already defined" in res.stderr
    assert f"{files[2]}:4 [rules.0.access.nobody]" in res.stderr
