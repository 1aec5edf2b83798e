"""`privacy check` as a scheduler or CI runs it: the console script in a fresh process, its
exit code and what it prints."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

PRIVACY = str(Path(sys.executable).with_name("privacy"))
N = 30
EMAILS = [f"client.{i}@example.org" for i in range(N)]


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        PRIVACY_HOME=str(cwd / ".privacy"),
        PRIVACY_MASTER_KEY="test-master-key-0123456789abcdef",
        COLUMNS="200",
    )
    env.pop("PRIVACY_CONFIG", None)
    return subprocess.run(
        [PRIVACY, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    con = sqlite3.connect(tmp_path / "shop.db")
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, plan TEXT)")
    con.executemany(
        "INSERT INTO customers VALUES (?,?,?)",
        [(i, EMAILS[i], ["free", "pro"][i % 2]) for i in range(N)],
    )
    con.execute("CREATE TABLE products (sku TEXT, price REAL)")
    con.executemany("INSERT INTO products VALUES (?,?)", [(f"SKU-{i}", 5.0) for i in range(N)])
    con.commit()
    con.close()
    (tmp_path / "privacy.toml").write_text('[sources.shop]\nurl = "sqlite:///shop.db"\n')
    return tmp_path


def test_gate_fails_with_3_then_passes_after_confirmation(workdir: Path) -> None:
    r = run(workdir, "check", "shop")
    assert r.returncode == 3, r.stderr
    assert "shop.customers.email" in r.stdout and "EMAIL_ADDRESS" in r.stdout
    assert "shop.products" not in r.stdout and "2 tables, 5 columns checked" in r.stdout
    assert "privacy tag confirm shop.customers.email" in r.stderr
    assert not any(e in r.stdout + r.stderr for e in EMAILS)

    r = run(workdir, "tag", "confirm", "shop.customers.email")
    assert r.returncode == 0, r.stderr
    r = run(workdir, "check", "shop")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "no personal data in untagged columns" in r.stdout


def test_json_output_and_table_selection(workdir: Path) -> None:
    r = run(workdir, "check", "sqlite:///shop.db", "--table", "customers", "--format", "json")
    assert r.returncode == 3
    out = json.loads(r.stdout)
    assert out["ok"] is False and out["summary"]["tables"] == 1
    (col,) = out["columns"]
    assert (col["source"], col["table"], col["column"], col["entity"]) == (
        "shop",
        "customers",
        "email",
        "EMAIL_ADDRESS",
    )
    assert col["reason"] == "untagged" and col["evidence"][0] == "catalog:no tag"

    r = run(workdir, "check", "shop", "--table", "products", "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout)["ok"] is True


def test_dbt_manifest(workdir: Path) -> None:
    target = workdir / "target"
    target.mkdir()
    nodes = {
        "model.shop.customers": {
            "resource_type": "model",
            "name": "customers",
            "alias": "customers",
            "database": "main",
            "schema": "main",
            "config": {"enabled": True, "materialized": "table"},
            "columns": {"email": {"name": "email"}},
        }
    }
    (target / "manifest.json").write_text(json.dumps({"nodes": nodes}))
    r = run(workdir, "check", "shop", "--dbt-manifest", "target/manifest.json")
    assert r.returncode == 3, r.stdout + r.stderr
    assert "model.shop.customers" in r.stdout and "shop.customers.email" in r.stdout


def test_errors_exit_with_their_codes(workdir: Path) -> None:
    r = run(workdir, "check", "shop", "--table", "nope")
    assert r.returncode == 1 and "nope" in r.stderr

    r = run(workdir, "check", "shop", "--dbt-manifest", "missing.json")
    assert r.returncode == 2 and "no dbt manifest" in r.stderr

    r = run(workdir, "check", "shop", "--table", "customers", "--dbt-manifest", "m.json")
    assert r.returncode == 2

    (workdir / "privacy.toml").write_text(
        '[state]\ncatalog_url = "postgresql+psycopg://nobody@127.0.0.1:1/c?connect_timeout=2"\n'
        '[sources.shop]\nurl = "sqlite:///shop.db"\n'
    )
    r = run(workdir, "check", "shop")
    assert r.returncode == 1  # fails closed: an error, never a pass
    assert "cannot be reached" in r.stderr
