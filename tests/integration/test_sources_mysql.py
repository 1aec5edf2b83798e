"""MariaDB/MySQL specifics: sampling without an integer key, permissions, unknown databases,
wide tables. Against the real MariaDB on this machine."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from privacy.errors import SourceNotFoundError, SourcePermissionError, SourceUnavailableError
from privacy.sources import open_source
from privacy.sources.sql import SqlSource


def _exec(url: str, *statements: str) -> None:
    eng = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with eng.connect() as c:
        for s in statements:
            c.execute(sa.text(s))
    eng.dispose()


def test_big_table_without_integer_key_is_sampled_in_one_scan_without_sorting(
    mysql_url: str,
) -> None:
    _exec(
        mysql_url,
        "CREATE TABLE visits (email varchar(100), n int)",
        "INSERT INTO visits SELECT concat('u', seq, '@x.org'), seq FROM seq_1_to_200000",
        "ANALYZE TABLE visits",
    )
    with open_source(mysql_url) as src:
        assert isinstance(src, SqlSource)
        seen: list[str] = []
        sa.event.listen(
            src.engine, "before_cursor_execute", lambda c, cur, stmt, *a: seen.append(stmt)
        )
        ns = src.sample("visits", n=1000).column("n").to_pylist()
    assert 800 <= len(ns) <= 1000
    fifths = [sum(1 for i in ns if k * 40_000 < i <= (k + 1) * 40_000) for k in range(5)]
    assert min(fifths) >= 100, fifths
    sql = " ".join(seen).upper()
    assert "RAND(" in sql and "ORDER BY RAND" not in sql


def test_unknown_database(mysql_url: str) -> None:
    base = mysql_url.rsplit("/", 1)[0]
    with pytest.raises(SourceNotFoundError):
        open_source(base + "/no_such_database_here")


def test_refused_connection_is_retryable() -> None:
    t = time.monotonic()
    with pytest.raises(SourceUnavailableError):
        open_source("mysql://root:pw@127.0.0.1:1/test")
    assert time.monotonic() - t < 6


@pytest.fixture
def insert_only_user(mysql_url: str) -> Iterator[str]:
    """A user that may INSERT into ``customers`` but not SELECT from it; its URL."""
    user = f"pv_{uuid.uuid4().hex[:8]}"
    db = mysql_url.rsplit("/", 1)[1].split("?")[0]
    _exec(
        mysql_url,
        "CREATE TABLE customers (id int primary key, email varchar(100))",
        "INSERT INTO customers VALUES (1, 'a@example.com')",
    )
    hosts = ["%", "localhost", "127.0.0.1"]
    for h in hosts:
        _exec(
            mysql_url,
            f"CREATE USER '{user}'@'{h}' IDENTIFIED BY 'pw-{user}'",
            f"GRANT INSERT ON `{db}`.customers TO '{user}'@'{h}'",
        )
    try:
        yield mysql_url.replace("root@", f"{user}:pw-{user}@", 1)
    finally:
        for h in hosts:
            _exec(mysql_url, f"DROP USER IF EXISTS '{user}'@'{h}'")


def test_user_without_select_gets_a_permission_error(insert_only_user: str) -> None:
    with open_source(insert_only_user) as src:
        assert src.tables() == ["customers"]
        assert "pw-" not in src.url
        with pytest.raises(SourcePermissionError) as e:
            src.sample("customers")
        assert "customers" in str(e.value) and "a@example.com" not in str(e.value)
        with pytest.raises(SourcePermissionError):
            src.delete_where("customers", "email", ["a@example.com"])


def test_wrong_password_is_a_permission_error_without_the_password(
    insert_only_user: str,
) -> None:
    bad = insert_only_user.replace(":pw-", ":wrong-", 1)
    with pytest.raises(SourcePermissionError) as e:
        open_source(bad)
    assert "wrong-" not in str(e.value)
    # a refused login is not a missing grant: the hint points at the credentials
    assert "refused the login" in e.value.message
    assert e.value.hint and "password" in e.value.hint and "grant" not in e.value.hint


def test_wide_table(mysql_url: str) -> None:
    # InnoDB caps a table at 1,017 columns
    cols = ", ".join(f"c{i} int" for i in range(1000))
    _exec(mysql_url, f"CREATE TABLE wide ({cols})")
    _exec(mysql_url, f"INSERT INTO wide VALUES ({', '.join(['7'] * 1000)})")
    with open_source(mysql_url) as src:
        t = src.sample("wide")
        assert t.num_columns == 1000 and t.column("c999").to_pylist() == [7]


def test_unicode_round_trip(mysql_url: str) -> None:
    _exec(
        mysql_url,
        "CREATE TABLE people (id int primary key, name varchar(100))",
        "INSERT INTO people VALUES (1, '김민준'), (2, 'Zoë 😀')",
    )
    with open_source(mysql_url) as src:
        names: list[Any] = sorted(src.sample("people").column("name").to_pylist())
        assert names == ["Zoë 😀", "김민준"]
        assert src.delete_where("people", "name", ["김민준"]).rows == 1


def test_fold_case_on_binary_and_case_insensitive_collations(mysql_url: str) -> None:
    # a _bin column compares case-sensitively: lower() on both sides; a _ci one folds case
    # itself, so a plain IN keeps its index
    _exec(
        mysql_url,
        "CREATE TABLE accounts (id int primary key, "
        "login varchar(100) COLLATE utf8mb4_bin, email varchar(100) COLLATE utf8mb4_general_ci, "
        "KEY (email))",
        "INSERT INTO accounts VALUES (1, 'Mixed.Case', 'Mixed.Case@Example.com'), "
        "(2, 'other', 'other@example.com')",
    )
    with open_source(mysql_url) as src:
        assert isinstance(src, SqlSource)
        assert src.count_where("accounts", "login", ["mixed.case"]) == 0  # exact, as asked
        assert src.count_where("accounts", "login", ["mixed.case"], fold_case=True) == 1
        assert src.count_where("accounts", "email", ["MIXED.case@example.com"], fold_case=True)
        seen: list[str] = []
        sa.event.listen(
            src.engine, "before_cursor_execute", lambda c, cur, stmt, *a: seen.append(stmt)
        )
        src.count_where("accounts", "email", ["x@example.com"], fold_case=True)
        src.count_where("accounts", "login", ["x"], fold_case=True)
        r = src.delete_where("accounts", "login", ["MIXED.CASE"], fold_case=True)
        assert r.rows == 1 and src.count("accounts") == 1
    counts = [s for s in seen if "count(" in s.lower()]
    assert "lower(" not in counts[0].lower()  # the _ci column: index usable
    assert "lower(" in counts[1].lower()  # the _bin column
