"""Shared fixtures: an isolated state directory, and real PostgreSQL / MariaDB databases.

Each service fixture creates a fresh database and drops it afterwards. When the service is
unreachable the test is skipped, unless PRIVACY_REQUIRE_SERVICES=1 (CI), where it fails.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from privacy.config import Settings

REQUIRE_SERVICES = os.environ.get("PRIVACY_REQUIRE_SERVICES") == "1"
PG_ADMIN_URL = os.environ.get(
    "PRIVACY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
MY_ADMIN_URL = os.environ.get("PRIVACY_TEST_MYSQL", "mysql+pymysql://root@127.0.0.1:3306/")


def _unavailable(what: str, err: Exception) -> None:
    msg = f"{what} unreachable ({type(err).__name__}: {err})"
    if REQUIRE_SERVICES:
        pytest.fail(msg + " -- PRIVACY_REQUIRE_SERVICES=1 makes this a failure")
    pytest.skip(msg)


@pytest.fixture
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private PRIVACY_HOME and working directory for one test."""
    home = tmp_path / ".privacy"
    monkeypatch.setenv("PRIVACY_HOME", str(home))
    monkeypatch.setenv("PRIVACY_MASTER_KEY", "test-master-key-0123456789abcdef")
    monkeypatch.delenv("PRIVACY_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    return home


@pytest.fixture
def settings(state_home: Path) -> Settings:
    return Settings(state_home)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """URL of a fresh PostgreSQL database, dropped after the test."""
    import sqlalchemy as sa

    name = f"privacy_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except Exception as e:
        _unavailable("PostgreSQL", e)
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        with admin.connect() as c:
            c.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": name},
            )
            c.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture
def mysql_url() -> Iterator[str]:
    """URL of a fresh MariaDB database, dropped after the test."""
    import sqlalchemy as sa

    name = f"privacy_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = sa.create_engine(MY_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(sa.text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4"))
    except Exception as e:
        _unavailable("MariaDB", e)
    url = MY_ADMIN_URL.rstrip("/") + f"/{name}?charset=utf8mb4"
    try:
        yield url
    finally:
        with admin.connect() as c:
            c.execute(sa.text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()
