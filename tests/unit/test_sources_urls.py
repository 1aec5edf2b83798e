"""SOURCE arguments: URL forms, password stripping, unknown schemes and missing paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy.errors import SourceNotFoundError, UnsupportedSourceError
from privacy.sources import open_source, register
from privacy.sources.registry import default_name, registered
from privacy.sources.urls import parse_sql_url, redact


@pytest.mark.parametrize(
    ("given", "kind", "driver"),
    [
        ("postgresql+psycopg://u@h/db", "postgresql", "postgresql+psycopg"),
        ("postgresql://u@h/db", "postgresql", "postgresql+psycopg"),
        ("postgres://u@h:5433/db", "postgresql", "postgresql+psycopg"),
        ("mysql://root@h/db", "mysql", "mysql+pymysql"),
        ("mysql+pymysql://root@h/db", "mysql", "mysql+pymysql"),
        ("mariadb://root@h/db", "mysql", "mysql+pymysql"),
        ("sqlite:///w.db", "sqlite", "sqlite"),
        ("duckdb:///w.duckdb", "duckdb", "duckdb"),
    ],
)
def test_url_forms_map_to_the_drivers_installed(given: str, kind: str, driver: str) -> None:
    t = parse_sql_url(given)
    assert t.kind == kind
    assert t.url.drivername == driver


@pytest.mark.parametrize(
    "given",
    [
        "postgresql://alice:s3cr3t-pw@db.example.com:5432/shop",
        "postgres://alice:s3cr3t-pw@db.example.com/shop?sslmode=require",
        "mysql://alice:s3cr3t-pw@db.example.com/shop",
        "postgresql://alice@db.example.com/shop?password=s3cr3t-pw",
    ],
)
def test_displayed_url_never_holds_the_password(given: str) -> None:
    t = parse_sql_url(given)
    assert "s3cr3t-pw" not in t.display
    assert "alice" in t.display and "db.example.com" in t.display
    # the engine still gets it
    assert t.url.password == "s3cr3t-pw" or t.url.query.get("password") == "s3cr3t-pw"


def test_redact_works_on_urls_sqlalchemy_cannot_parse() -> None:
    assert "pw" not in redact("postgres://user:pw@host:notaport/db")
    assert redact("postgres://user:pw@host:notaport/db").startswith("postgres://user@")


def test_schema_parameter_is_taken_out_of_the_driver_url() -> None:
    t = parse_sql_url("postgresql://u@h/db?schema=sales&sslmode=disable")
    assert t.schema == "sales"
    assert "schema" not in t.url.query
    assert t.url.query["sslmode"] == "disable"


@pytest.mark.parametrize("url", ["mssql://sa@h/db", "s3://bucket/key", "oracle://u@h/x"])
def test_unknown_scheme_is_refused_with_the_forms_that_work(url: str) -> None:
    with pytest.raises(UnsupportedSourceError) as e:
        open_source(url)
    assert "postgresql+psycopg://" in (e.value.hint or "")


def test_malformed_url_is_refused_without_echoing_the_password() -> None:
    with pytest.raises(UnsupportedSourceError) as e:
        open_source("postgresql://bob:hunter2@host:port-is-not-a-number/db")
    assert "hunter2" not in str(e.value)


def test_missing_path_says_so(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError) as e:
        open_source(str(tmp_path / "nope"))
    assert "nope" in str(e.value)


def test_missing_sqlite_file_is_not_created(tmp_path: Path) -> None:
    db = tmp_path / "typo.db"
    with pytest.raises(SourceNotFoundError):
        open_source(f"sqlite:///{db}")
    assert not db.exists()


def test_missing_duckdb_file_is_not_created(tmp_path: Path) -> None:
    db = tmp_path / "typo.duckdb"
    with pytest.raises(SourceNotFoundError):
        open_source(f"duckdb:///{db}")
    assert not db.exists()


def test_unsupported_file_kind(tmp_path: Path) -> None:
    f = tmp_path / "report.xlsx"
    f.write_bytes(b"PK\x03\x04")
    with pytest.raises(UnsupportedSourceError) as e:
        open_source(str(f))
    assert ".parquet" in (e.value.hint or "")


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("postgresql://u:p@h/shop", "shop"),
        ("sqlite:///data/warehouse.db", "warehouse"),
        ("duckdb:////abs/lake.duckdb", "lake"),
        ("./lake/", "lake"),
        ("exports/customers.csv", "customers"),
        ("exports/events.2024.parquet", "events_2024"),
    ],
)
def test_default_source_names_fit_source_table_column(url: str, name: str) -> None:
    assert default_name(url) == name


def test_registry_is_explicit_and_extensible(tmp_path: Path) -> None:
    assert {"postgresql", "mysql", "sqlite", "duckdb", "path"} <= set(registered())
    opened: list[tuple[str, str]] = []

    def factory(url: str, name: str):  # type: ignore[no-untyped-def]
        opened.append((url, name))
        raise UnsupportedSourceError("stub")

    from privacy.sources import registry

    before = dict(registry._FACTORIES)
    try:
        register("sqlite", factory)
        with pytest.raises(UnsupportedSourceError, match="stub"):
            open_source("sqlite:///x.db", name="w")
        assert opened == [("sqlite:///x.db", "w")]
    finally:
        registry._FACTORIES.clear()
        registry._FACTORIES.update(before)
