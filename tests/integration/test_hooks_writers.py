"""Writers that guard first, on real targets: a rejected batch leaves the Parquet file or
folder, the Delta table and the PostgreSQL table exactly as they were; a passing one lands.
Also: a PostgreSQL catalog that goes away between two loads fails the second one closed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa

from privacy.catalog import Catalog
from privacy.config import FileConfig, Settings, StateConfig
from privacy.errors import CatalogUnavailableError, SourceError, UntaggedPIIError
from privacy.hooks import core as guard_module
from privacy.hooks import state as hook_state
from privacy.hooks import use_protector, write_delta, write_parquet, write_sql
from privacy.sources import open_source
from privacy.sources.base import ColumnRef

N = 25
EMAILS = [f"buyer.{i}@example.com" for i in range(N)]


def batch(start: int = 0, **extra: list[Any]) -> pd.DataFrame:
    cols: dict[str, list[Any]] = {
        "id": list(range(start, start + N)),
        "email": [f"buyer.{i}@example.com" for i in range(start, start + N)],
        "amount": [float(i) for i in range(N)],
    }
    cols.update(extra)
    return pd.DataFrame(cols)


def tag(settings: Settings, source: str, table: str) -> None:
    cat = Catalog(settings.catalog_url)
    for col, entity in {"id": None, "email": "EMAIL_ADDRESS", "amount": None}.items():
        cat.set(ColumnRef(source, table, col), entity)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (hidden ones too) with its bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture(autouse=True)
def _isolated() -> Iterator[None]:
    previous = use_protector(None)
    yield
    use_protector(previous)
    hook_state.close_all()
    guard_module._verdicts.clear()


# --- Parquet -------------------------------------------------------------------------------


def test_parquet_file(settings: Settings, tmp_path: Path) -> None:
    tag(settings, "lake", "orders")
    target = tmp_path / "lake" / "orders.parquet"
    write_parquet(batch(), target, "lake.orders", settings=settings)
    before = snapshot(target.parent)

    with pytest.raises(UntaggedPIIError):
        write_parquet(batch(100, contact=EMAILS), target, "lake.orders", settings=settings)
    assert snapshot(target.parent) == before

    write_parquet(batch(200), target, "lake.orders", settings=settings)
    assert pq.read_table(target).column("id").to_pylist()[0] == 200
    assert [p.name for p in target.parent.iterdir()] == ["orders.parquet"]  # no temp file left


def test_parquet_folder(settings: Settings, tmp_path: Path) -> None:
    tag(settings, "lake", "orders")
    lake = tmp_path / "lake"
    folder = lake / "orders"
    first = write_parquet(batch(), f"{folder}/", "lake.orders", settings=settings)
    assert first.parent == folder and first.name.startswith("part-")
    before = snapshot(lake)

    with pytest.raises(UntaggedPIIError):
        write_parquet(batch(100, contact=EMAILS), folder, "lake.orders", settings=settings)
    assert snapshot(lake) == before

    write_parquet(batch(100), folder, "lake.orders", settings=settings)
    assert len(list(folder.glob("part-*.parquet"))) == 2
    with open_source(str(lake), "lake") as src:  # the folder reads as one table
        assert src.count("orders") == 2 * N


# --- Delta ---------------------------------------------------------------------------------


def test_delta_table(settings: Settings, tmp_path: Path) -> None:
    from deltalake import DeltaTable

    tag(settings, "lake", "orders")
    uri = tmp_path / "lake" / "orders"
    write_delta(batch(), uri, "lake.orders", settings=settings)
    before, version = snapshot(uri), DeltaTable(str(uri)).version()

    with pytest.raises(UntaggedPIIError):
        write_delta(batch(100, contact=EMAILS), uri, "lake.orders", settings=settings)
    assert snapshot(uri) == before
    assert DeltaTable(str(uri)).version() == version

    write_delta(batch(100), uri, "lake.orders", settings=settings)
    dt = DeltaTable(str(uri))
    assert dt.version() == version + 1
    assert sorted(dt.to_pyarrow_table().column("id").to_pylist()) == [
        *range(N),
        *range(100, 100 + N),
    ]


def test_delta_learn_then_enforce(settings: Settings, tmp_path: Path) -> None:
    """First load of a new source in learn mode; the next load waits for confirmation."""
    uri = tmp_path / "lake" / "signups"
    write_delta(batch(), uri, "lake.signups", mode="learn", settings=settings)
    with pytest.raises(UntaggedPIIError):
        write_delta(batch(100), uri, "lake.signups", settings=settings)
    Catalog(settings.catalog_url).confirm_all("lake")
    write_delta(batch(100), uri, "lake.signups", settings=settings)


# --- PostgreSQL ----------------------------------------------------------------------------


def _rows(url: str, table: str) -> list[tuple[Any, ...]]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as c:
            return [tuple(r) for r in c.execute(sa.text(f"SELECT * FROM {table} ORDER BY id"))]
    finally:
        engine.dispose()


@pytest.mark.services
def test_postgresql_table(settings: Settings, pg_url: str) -> None:
    source = settings.source_url(pg_url)[0]
    tag(settings, source, "orders")
    assert write_sql(batch(), pg_url, "orders", settings=settings) == N
    before = _rows(pg_url, "orders")
    assert len(before) == N

    with pytest.raises(UntaggedPIIError) as ei:
        write_sql(batch(100, contact=EMAILS), pg_url, "orders", settings=settings)
    assert ei.value.dataset == f"{source}.orders"
    assert _rows(pg_url, "orders") == before

    write_sql(batch(100), pg_url, "orders", settings=settings)
    assert len(_rows(pg_url, "orders")) == 2 * N


@pytest.mark.services
def test_postgresql_refused_write_rolls_back_and_quotes_no_value(
    settings: Settings, pg_url: str
) -> None:
    source = settings.source_url(pg_url)[0]
    tag(settings, source, "orders")
    engine = sa.create_engine(pg_url)
    with engine.begin() as c:
        c.execute(
            sa.text("CREATE TABLE orders (id int PRIMARY KEY, email text UNIQUE, amount float)")
        )
    engine.dispose()
    write_sql(batch(), pg_url, "orders", settings=settings)
    # the second half of this batch collides with the first load: nothing of it may stay
    clash = pd.concat([batch(1000).iloc[:10], batch().iloc[10:]], ignore_index=True)
    with pytest.raises(SourceError) as ei:
        write_sql(clash, pg_url, "orders", settings=settings)
    assert "23505" in str(ei.value)  # unique_violation, by code
    assert not any(e in str(ei.value) for e in EMAILS)
    assert len(_rows(pg_url, "orders")) == N


@pytest.mark.services
def test_postgresql_catalog_lost_between_loads_fails_closed(
    state_home: Path, pg_url: str, tmp_path: Path
) -> None:
    """The catalog lives in PostgreSQL; the database goes away after the first load."""
    s = Settings(state_home, file=FileConfig(state=StateConfig(catalog_url=pg_url)))
    tag(s, "lake", "orders")
    folder = tmp_path / "lake" / "orders"
    write_parquet(batch(), f"{folder}/", "lake.orders", settings=s)
    before = snapshot(folder)

    admin_url, name = pg_url.rsplit("/", 1)
    hook_state.close_all()
    admin = sa.create_engine(admin_url + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(
            sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :n AND pid <> pg_backend_pid()"
            ),
            {"n": name},
        )
        c.execute(sa.text(f'DROP DATABASE "{name}"'))
    admin.dispose()

    with pytest.raises(CatalogUnavailableError) as ei:
        write_parquet(batch(100), folder, "lake.orders", settings=s)
    assert "batch rejected" in str(ei.value)
    assert snapshot(folder) == before


@pytest.mark.services
def test_mariadb_table(settings: Settings, mysql_url: str) -> None:
    source = settings.source_url(mysql_url)[0]
    tag(settings, source, "orders")
    df = batch()
    df["email"] = df["email"].astype(object)
    write_sql(pa.Table.from_pandas(df), mysql_url, "orders", settings=settings)
    before = _rows(mysql_url, "orders")
    with pytest.raises(UntaggedPIIError):
        write_sql(batch(100, contact=EMAILS), mysql_url, "orders", settings=settings)
    assert _rows(mysql_url, "orders") == before


@pytest.mark.services
def test_postgresql_existing_table_with_write_mode_fail_says_so(
    settings: Settings, pg_url: str
) -> None:
    source = settings.source_url(pg_url)[0]
    tag(settings, source, "orders")
    write_sql(batch(), pg_url, "orders", settings=settings)
    with pytest.raises(SourceError, match="already exists") as ei:
        write_sql(batch(100), pg_url, "orders", settings=settings, write_mode="fail")
    assert "write_mode='append'" in str(ei.value)
    assert len(_rows(pg_url, "orders")) == N
