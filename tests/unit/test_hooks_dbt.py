"""Reading what a dbt run built from target/manifest.json (+ run_results.json), and where each
relation is looked up. The manifest is a trimmed but faithful dbt 1.8 (schema v12) file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from privacy.config import FileConfig, Settings, SourceConfig
from privacy.errors import ConfigError
from privacy.hooks.dbt import _location, load_run


def _node(
    kind: str,
    name: str,
    schema: str,
    columns: list[str],
    *,
    materialized: str | None = None,
    alias: str | None = None,
    enabled: bool = True,
    database: str = "shop",
) -> dict[str, Any]:
    alias = alias or name
    return {
        "database": database,
        "schema": schema,
        "name": name,
        "resource_type": kind,
        "package_name": "shop",
        "path": f"{name}.sql",
        "original_file_path": f"{'seeds' if kind == 'seed' else 'models'}/{name}.sql",
        "unique_id": f"{kind}.shop.{name}",
        "fqn": ["shop", name],
        "alias": alias,
        "checksum": {"name": "sha256", "checksum": "0" * 64},
        "config": {
            "enabled": enabled,
            "alias": None,
            "schema": None,
            "database": None,
            "tags": [],
            "meta": {},
            "materialized": materialized or ("seed" if kind == "seed" else "table"),
            "persist_docs": {},
            "on_schema_change": "ignore",
        },
        "tags": [],
        "description": "",
        "columns": {
            c: {"name": c, "description": "", "meta": {}, "data_type": None, "tags": []}
            for c in columns
        },
        "meta": {},
        "relation_name": f'"{database}"."{schema}"."{alias}"',
        "depends_on": {"macros": [], "nodes": []},
    }


def manifest() -> dict[str, Any]:
    nodes = [
        _node("model", "dim_customers", "analytics", ["customer_id", "email", "country"]),
        _node("model", "fct_orders", "analytics", ["order_id", "customer_id", "amount"]),
        _node("model", "stg_payments", "staging", ["payment_id", "card"], materialized="view"),
        _node("model", "int_sessions", "analytics", ["session_id"], materialized="ephemeral"),
        _node("model", "old_report", "analytics", ["x"], enabled=False),
        _node("model", "daily_revenue", "analytics", ["day", "revenue"], alias="revenue_daily"),
        _node("seed", "country_codes", "staging", ["code", "name"]),
        _node("snapshot", "customers_snapshot", "snapshots", ["customer_id", "email"]),
    ]
    test_node = {
        "resource_type": "test",
        "unique_id": "test.shop.not_null_dim_customers_email.1a2b3c",
        "name": "not_null_dim_customers_email",
        "schema": "analytics_dbt_test__audit",
        "config": {"enabled": True, "materialized": "test"},
    }
    return {
        "metadata": {
            "dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json",
            "dbt_version": "1.8.7",
            "generated_at": "2024-11-20T08:00:00.000000Z",
            "invocation_id": "5c1f0b7e-3b1a-4a7e-9f5e-2b3c4d5e6f70",
            "env": {},
            "adapter_type": "postgres",
        },
        "nodes": {n["unique_id"]: n for n in [*nodes, test_node]},
        "sources": {},
        "macros": {},
        "docs": {},
        "exposures": {},
        "metrics": {},
        "groups": {},
        "selectors": {},
        "disabled": {},
        "parent_map": {},
        "child_map": {},
        "group_map": {},
        "saved_queries": {},
        "semantic_models": {},
        "unit_tests": {},
    }


def run_results(statuses: dict[str, str]) -> dict[str, Any]:
    return {
        "metadata": {
            "dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json",
            "dbt_version": "1.8.7",
            "generated_at": "2024-11-20T08:01:00.000000Z",
        },
        "results": [
            {
                "status": status,
                "timing": [],
                "thread_id": "Thread-1",
                "execution_time": 0.12,
                "adapter_response": {},
                "message": "SELECT 3",
                "failures": None,
                "unique_id": uid,
                "compiled": True,
                "relation_name": None,
            }
            for uid, status in statuses.items()
        ],
        "elapsed_time": 1.5,
        "args": {"which": "build"},
    }


def write(tmp_path: Path, results: dict[str, str] | None = None) -> Path:
    target = tmp_path / "target"
    target.mkdir()
    (target / "manifest.json").write_text(json.dumps(manifest()), encoding="utf-8")
    if results is not None:
        (target / "run_results.json").write_text(json.dumps(run_results(results)))
    return target / "manifest.json"


def test_without_run_results_every_built_node_counts(tmp_path: Path) -> None:
    run = load_run(write(tmp_path))
    assert run.run_results is None
    assert [(n.unique_id, n.schema, n.relation) for n in run.nodes] == [
        ("model.shop.daily_revenue", "analytics", "revenue_daily"),  # alias wins over name
        ("model.shop.dim_customers", "analytics", "dim_customers"),
        ("model.shop.fct_orders", "analytics", "fct_orders"),
        ("model.shop.stg_payments", "staging", "stg_payments"),
        ("seed.shop.country_codes", "staging", "country_codes"),
        ("snapshot.shop.customers_snapshot", "snapshots", "customers_snapshot"),
    ]
    dim = run.nodes[1]
    assert dim.columns == ("customer_id", "email", "country") and dim.materialized == "table"
    assert run.skipped == ["model.shop.int_sessions (ephemeral: builds no relation)"]


def test_run_results_limit_the_check_to_what_the_run_built(tmp_path: Path) -> None:
    run = load_run(
        write(
            tmp_path,
            {
                "model.shop.dim_customers": "success",
                "model.shop.fct_orders": "error",
                "seed.shop.country_codes": "success",
                "test.shop.not_null_dim_customers_email.1a2b3c": "pass",
            },
        )
    )
    assert run.run_results is not None
    assert [n.unique_id for n in run.nodes] == [
        "model.shop.dim_customers",
        "seed.shop.country_codes",
    ]
    assert "model.shop.fct_orders (run status error: nothing new was built)" in run.skipped
    assert "model.shop.stg_payments (not part of this run)" in run.skipped


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "no dbt manifest at"),
        ("{not json", "is not a readable dbt manifest"),
        ("[1, 2]", "is not a dbt manifest"),
        ('{"metadata": {}}', "has no 'nodes' object"),
    ],
)
def test_unreadable_manifests(tmp_path: Path, content: str | None, words: str) -> None:
    path = tmp_path / "manifest.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ConfigError) as ei:
        load_run(path)
    assert words in str(ei.value) and ei.value.exit_code == 2 and ei.value.hint


def test_where_each_relation_is_looked_up(tmp_path: Path) -> None:
    pg = "postgresql+psycopg://etl@db.internal/shop"
    s = Settings(
        tmp_path,
        file=FileConfig(
            sources={
                "staging": SourceConfig(url=pg + "?schema=staging"),
                "other_db": SourceConfig(url="postgresql+psycopg://etl@db.internal/crm?schema=x"),
            }
        ),
    )
    # the URL's own schema (explicit, or the database's default)
    assert _location(s, "wh", pg + "?schema=analytics", "analytics") == (
        "wh",
        pg + "?schema=analytics",
    )
    assert _location(s, "wh", pg, "public") == ("wh", pg)
    # a source of privacy.toml on the same server and database, pointing at that schema
    assert _location(s, "wh", pg, "staging") == ("staging", pg + "?schema=staging")
    # otherwise the model's schema under a derived name
    name, url = _location(s, "wh", pg, "x")
    assert name == "wh_x" and url.endswith("/shop?schema=x")
    # MySQL: a schema is a database
    my = "mysql+pymysql://root@127.0.0.1:3306/shop"
    assert _location(s, "wh", my, "shop") == ("wh", my)
    name, url = _location(s, "wh", my, "marts")
    assert name == "wh_marts" and "/marts" in url
    # SQLite has one schema; paths have none
    assert _location(s, "wh", "sqlite:///w.db", "main") == ("wh", "sqlite:///w.db")
    assert _location(s, "lake", "./lake", "analytics") == ("lake", "./lake")
