"""`privacy keys list|rotate|shred`: the command line over the key store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import privacy.auditing
from cli.app import app
from privacy.config import Settings
from privacy.crypto import decrypt_values, encrypt_values, open_keystore, pseudonymize
from privacy.errors import KeyShreddedError

runner = CliRunner()
T, C = "warehouse.customers", "email"


@pytest.fixture
def audited(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    real = privacy.auditing.record

    def spy(settings: Settings, action: str, target: str, **kw: Any) -> None:
        events.append({"action": action, "target": target, **kw})
        real(settings, action, target, **kw)

    monkeypatch.setattr(privacy.auditing, "record", spy)
    return events


def test_shred_pseudonymises_shreds_and_audits(
    settings: Settings, audited: list[dict[str, Any]]
) -> None:
    store = open_keystore(settings)
    p = pseudonymize(store, "email", "alice@example.com")
    tokens = encrypt_values(store, ["x"], table=T, column=C, subjects=[p])

    result = runner.invoke(app, ["keys", "shred", "--subject", "email:Alice@example.com", "--yes"])

    assert result.exit_code == 0, result.output
    assert p in result.output and "alice" not in result.output.lower()
    with pytest.raises(KeyShreddedError):
        decrypt_values(open_keystore(settings), tokens, table=T, column=C)
    (event,) = [e for e in audited if e["action"] == "key.shredded"]
    assert event["target"] == p and event["details"]["subject"] == p
    for f in settings.home.rglob("*"):
        if f.is_file():
            assert b"alice@example.com" not in f.read_bytes().lower(), f


def test_shred_asks_for_confirmation(settings: Settings) -> None:
    store = open_keystore(settings)
    p = pseudonymize(store, "email", "bob@example.com")
    tokens = encrypt_values(store, ["x"], table=T, column=C, subjects=[p])
    result = runner.invoke(
        app, ["keys", "shred", "--subject", "email:bob@example.com"], input="n\n"
    )
    assert result.exit_code == 1
    assert decrypt_values(open_keystore(settings), tokens, table=T, column=C) == ["x"]


@pytest.mark.parametrize("bad", ["alice@example.com", ":x", "email:"])
def test_shred_refuses_a_subject_without_kind(settings: Settings, bad: str) -> None:
    result = runner.invoke(app, ["keys", "shred", "--subject", bad, "--yes"])
    assert result.exit_code == 2 and "KIND:VALUE" in result.output


def test_list_json_shows_keys_without_secrets(settings: Settings) -> None:
    store = open_keystore(settings)
    p = pseudonymize(store, "email", "carol@example.com")
    encrypt_values(store, ["x", "y"], table=T, column=C, subjects=[p, None])
    store.shred(p)
    result = runner.invoke(app, ["keys", "list", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)["keys"]
    assert {(k["kind"], k["state"]) for k in listed} == {
        ("system", "active"),
        ("column", "active"),
        ("subject", "shredded"),
    }
    assert all(
        set(k) == {"id", "kind", "scope", "version", "created", "state", "shredded_at"}
        for k in listed
    )
    for f in settings.keys_dir.rglob("*.key"):
        if f.name == "audit-signing.key":  # the audit log's own Ed25519 key (privacy.auditing)
            continue
        assert json.loads(f.read_text())["wrapped"] not in result.output
    table = runner.invoke(app, ["keys", "list", "--kind", "subject"])
    assert table.exit_code == 0 and "shredded" in table.output


def test_rotate_master_from_env_variable(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_keystore(settings)
    tokens = encrypt_values(store, ["x"], table=T, column=C)
    monkeypatch.setenv("NEXT_KEY", "the next master passphrase")
    result = runner.invoke(app, ["keys", "rotate", "--new-master-key-env", "NEXT_KEY"])
    assert result.exit_code == 0, result.output
    assert "PRIVACY_MASTER_KEY" in result.output and "NEXT_KEY" in result.output
    monkeypatch.setenv("PRIVACY_MASTER_KEY", "the next master passphrase")
    assert decrypt_values(open_keystore(settings), tokens, table=T, column=C) == ["x"]


def test_rotate_column_key(settings: Settings) -> None:
    store = open_keystore(settings)
    old = encrypt_values(store, ["x"], table=T, column=C)
    result = runner.invoke(app, ["keys", "rotate", "--column", f"{T}.{C}"])
    assert result.exit_code == 0, result.output
    store = open_keystore(settings)
    new = encrypt_values(store, ["y"], table=T, column=C)
    assert new[0] and old[0] and new[0].split(":")[2].endswith("v2")
    assert decrypt_values(store, old + new, table=T, column=C) == ["x", "y"]


def test_wrong_master_key_exits_2_with_a_hint(settings: Settings, tmp_path: Path) -> None:
    open_keystore(settings)
    env = {**os.environ, "PRIVACY_MASTER_KEY": "definitely not the right key"}
    out = subprocess.run(
        [sys.executable, "-c", "from cli.app import main; main()", "keys", "list"],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert out.returncode == 2
    assert "does not open the key store" in out.stderr and "hint" in out.stderr
    assert "Traceback" not in out.stderr
