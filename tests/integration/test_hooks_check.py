"""``check_source`` and ``check_dbt`` against real databases: the columns a gate must flag, the
proposals it leaves, the tables it cannot read, and a catalog it cannot reach."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from privacy.catalog import Catalog, TagStatus
from privacy.config import FileConfig, Settings, StateConfig
from privacy.errors import CatalogUnavailableError
from privacy.hooks import core as guard_module
from privacy.hooks import state as hook_state
from privacy.hooks.check import check_source
from privacy.hooks.dbt import check_dbt
from privacy.sources.base import ColumnRef
from tests.support import audit_events as events

N = 40
EMAILS = [f"member.{i}@example.net" for i in range(N)]
IBANS = ["DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606"]


@pytest.fixture(autouse=True)
def _isolated() -> Iterator[None]:
    yield
    hook_state.close_all()
    guard_module._verdicts.clear()


@pytest.fixture
def warehouse(tmp_path: Path) -> str:
    db = tmp_path / "wh.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, country TEXT)")
    con.executemany(
        "INSERT INTO customers VALUES (?,?,?)",
        [(i, EMAILS[i], ["DE", "FR", "KR"][i % 3]) for i in range(N)],
    )
    con.execute("CREATE TABLE payouts (id INTEGER PRIMARY KEY, iban TEXT, amount REAL)")
    con.executemany(
        "INSERT INTO payouts VALUES (?,?,?)", [(i, IBANS[i % 3], i * 1.5) for i in range(N)]
    )
    con.execute("CREATE TABLE products (sku TEXT, price REAL)")
    con.executemany("INSERT INTO products VALUES (?,?)", [(f"SKU-{i}", 9.99) for i in range(N)])
    con.commit()
    con.close()
    return f"sqlite:///{db}"


def test_check_flags_untagged_pii_and_leaves_proposals(settings: Settings, warehouse: str) -> None:
    report = check_source(warehouse, settings=settings)
    assert report.exit_code == 3
    assert sorted((t.table, c.column, c.entity) for t, c in report.rejected) == [
        ("customers", "email", "EMAIL_ADDRESS"),
        ("payouts", "iban", "IBAN_CODE"),
    ]
    assert [t.table for t in report.tables] == ["customers", "payouts", "products"]
    assert report.tables[0].columns == 3 and report.tables[0].rows_sampled == N
    out = report.as_json()
    assert out["summary"]["untagged_pii_columns"] == 2 and not out["ok"]
    assert not any(v in json.dumps(out) for v in [*EMAILS, *IBANS])
    # the proposals are there for a person to confirm
    cat = Catalog(settings.catalog_url)
    tag = cat.get(ColumnRef("wh", "customers", "email"))
    assert tag is not None and tag.status == TagStatus.PROPOSED
    (ev,) = events(settings, "hook.checked")
    assert ev["target"] == "wh" and ev["outcome"] == "violation"
    assert {c["column"] for c in ev["details"]["columns"]} == {"email", "iban"}

    cat.confirm_all("wh")
    again = check_source(warehouse, settings=settings)
    assert again.exit_code == 0 and not again.rejected
    assert events(settings, "hook.checked")[-1]["outcome"] == "ok"


def test_check_named_tables_only_and_missing_table(settings: Settings, warehouse: str) -> None:
    report = check_source(warehouse, ["products"], settings=settings)
    assert report.exit_code == 0 and [t.table for t in report.tables] == ["products"]
    report = check_source(warehouse, ["products", "nope"], settings=settings)
    assert report.exit_code == 1
    (bad,) = report.errors
    assert bad.table == "nope" and bad.error is not None and bad.error.hint


def test_check_with_unreachable_catalog_raises(state_home: Path, warehouse: str) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/catalog?connect_timeout=2"
    s = Settings(state_home, file=FileConfig(state=StateConfig(catalog_url=url)))
    with pytest.raises(CatalogUnavailableError):
        check_source(warehouse, settings=s)


def test_check_a_lake_folder(settings: Settings, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from deltalake import write_deltalake

    lake = tmp_path / "lake"
    lake.mkdir()
    pq.write_table(pa.table({"id": list(range(N)), "mail": EMAILS}), lake / "signups.parquet")
    write_deltalake(str(lake / "events"), pa.table({"id": list(range(N)), "page": ["/"] * N}))
    report = check_source(str(lake), settings=settings)
    assert [(t.table, c.column) for t, c in report.rejected] == [("signups", "mail")]


# --- dbt against PostgreSQL ----------------------------------------------------------------


def _manifest(tmp_path: Path, statuses: dict[str, str]) -> Path:
    def node(kind: str, name: str, schema: str, materialized: str) -> dict[str, Any]:
        return {
            "resource_type": kind,
            "unique_id": f"{kind}.shop.{name}",
            "name": name,
            "alias": name,
            "database": "shop",
            "schema": schema,
            "config": {"enabled": True, "materialized": materialized},
            "columns": {},
        }

    nodes = [
        node("model", "dim_customers", "analytics", "table"),
        node("model", "fct_orders", "analytics", "table"),
        node("model", "int_orders", "analytics", "ephemeral"),
        node("seed", "raw_contacts", "staging", "seed"),
        node("model", "broken_model", "analytics", "table"),
    ]
    target = tmp_path / "target"
    target.mkdir()
    (target / "manifest.json").write_text(
        json.dumps(
            {"metadata": {"adapter_type": "postgres"}, "nodes": {n["unique_id"]: n for n in nodes}}
        )
    )
    (target / "run_results.json").write_text(
        json.dumps({"results": [{"unique_id": k, "status": v} for k, v in statuses.items()]})
    )
    return target / "manifest.json"


@pytest.mark.services
def test_dbt_models_in_postgresql(settings: Settings, pg_url: str, tmp_path: Path) -> None:
    engine = sa.create_engine(pg_url)
    with engine.begin() as c:
        c.execute(sa.text("CREATE SCHEMA analytics"))
        c.execute(sa.text("CREATE SCHEMA staging"))
        c.execute(sa.text("CREATE TABLE analytics.dim_customers (id int, email text, tier text)"))
        c.execute(sa.text("CREATE TABLE analytics.fct_orders (id int, amount numeric)"))
        c.execute(sa.text("CREATE TABLE staging.raw_contacts (id int, iban text)"))
        for i in range(N):
            c.execute(
                sa.text("INSERT INTO analytics.dim_customers VALUES (:i, :e, 'gold')"),
                {"i": i, "e": EMAILS[i]},
            )
            c.execute(sa.text("INSERT INTO analytics.fct_orders VALUES (:i, 10)"), {"i": i})
            c.execute(
                sa.text("INSERT INTO staging.raw_contacts VALUES (:i, :b)"),
                {"i": i, "b": IBANS[i % 3]},
            )
    engine.dispose()
    manifest = _manifest(
        tmp_path,
        {
            "model.shop.dim_customers": "success",
            "model.shop.fct_orders": "success",
            "seed.shop.raw_contacts": "success",
            "model.shop.broken_model": "error",
        },
    )
    url = pg_url + "?schema=analytics"
    name = settings.source_url(url)[0]
    report = check_dbt(url, manifest, settings=settings)
    assert report.exit_code == 3
    found = sorted((t.source, t.table, c.column, c.entity, t.model) for t, c in report.rejected)
    assert found == [
        (name, "dim_customers", "email", "EMAIL_ADDRESS", "model.shop.dim_customers"),
        (f"{name}_staging", "raw_contacts", "iban", "IBAN_CODE", "seed.shop.raw_contacts"),
    ]
    assert sorted(report.skipped) == [
        "model.shop.broken_model (run status error: nothing new was built)",
        "model.shop.int_orders (ephemeral: builds no relation)",
    ]
    assert report.as_json()["columns"][0]["model"] == "model.shop.dim_customers"

    # confirm the proposals; the gate opens
    Catalog(settings.catalog_url).confirm_all()
    assert check_dbt(url, manifest, settings=settings).exit_code == 0


@pytest.mark.services
def test_dbt_model_missing_from_the_database_is_an_error(
    settings: Settings, pg_url: str, tmp_path: Path
) -> None:
    manifest = _manifest(tmp_path, {"model.shop.fct_orders": "success"})
    engine = sa.create_engine(pg_url)
    with engine.begin() as c:
        c.execute(sa.text("CREATE SCHEMA analytics"))
    engine.dispose()
    report = check_dbt(pg_url + "?schema=analytics", manifest, settings=settings)
    assert report.exit_code == 1
    (bad,) = report.errors
    assert bad.model == "model.shop.fct_orders" and bad.error is not None
    assert "which is not there" in bad.error.message
