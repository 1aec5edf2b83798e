"""PostgreSQL specifics: permissions, unreachable servers, schemas, wide and partitioned
tables, stale statistics, locks. Against the real server on this machine."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from privacy.errors import (
    SourceNotFoundError,
    SourcePermissionError,
    SourceUnavailableError,
)
from privacy.sources import open_source
from privacy.sources import sql as sql_module


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(url, isolation_level="AUTOCOMMIT")


def _exec(url: str, *statements: str) -> None:
    eng = _engine(url)
    with eng.connect() as c:
        for s in statements:
            c.execute(sa.text(s))
    eng.dispose()


@pytest.fixture
def no_select_role(pg_url: str) -> Iterator[str]:
    """A login role that may connect but not read ``customers``; its URL."""
    role = f"privacy_noread_{uuid.uuid4().hex[:8]}"
    db = pg_url.rsplit("/", 1)[1]
    _exec(
        pg_url,
        "CREATE TABLE customers (id int primary key, email text)",
        "INSERT INTO customers VALUES (1, 'a@example.com')",
        f'CREATE ROLE "{role}" LOGIN',
        f'GRANT CONNECT ON DATABASE "{db}" TO "{role}"',
    )
    try:
        yield pg_url.replace("postgres@", f"{role}@", 1)
    finally:
        _exec(
            pg_url,
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'",
            f'REVOKE ALL ON DATABASE "{db}" FROM "{role}"',
            f'DROP OWNED BY "{role}"',
            f'DROP ROLE "{role}"',
        )


def test_role_without_select_gets_a_permission_error_naming_the_table(
    no_select_role: str,
) -> None:
    with open_source(no_select_role) as src:
        assert "customers" in src.tables()  # visible in the catalog, not readable
        with pytest.raises(SourcePermissionError) as e:
            src.sample("customers")
        msg = str(e.value)
        assert "customers" in msg and "GRANT" in msg.upper()
        assert "a@example.com" not in msg
        with pytest.raises(SourcePermissionError):
            src.delete_where("customers", "email", ["a@example.com"])
        with pytest.raises(SourcePermissionError):
            src.count("customers")


def test_refused_connection_is_retryable_and_fast() -> None:
    t = time.monotonic()
    with pytest.raises(SourceUnavailableError) as e:
        open_source("postgresql://postgres:topsecret@127.0.0.1:1/postgres")
    assert e.value.retryable
    assert time.monotonic() - t < 5
    assert "topsecret" not in str(e.value)


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP port that accepts connections and never answers (a hung server)."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        srv.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
                held.append(conn)
            except OSError:
                continue

    th = threading.Thread(target=accept, daemon=True)
    th.start()
    yield srv.getsockname()[1]
    stop.set()
    th.join()
    for c in held:
        c.close()
    srv.close()


@pytest.mark.slow
def test_hung_server_fails_within_the_default_connect_timeout(silent_server: int) -> None:
    t = time.monotonic()
    with pytest.raises(SourceUnavailableError) as e:
        open_source(f"postgresql://postgres:pw@127.0.0.1:{silent_server}/postgres")
    elapsed = time.monotonic() - t
    assert sql_module.CONNECT_TIMEOUT - 1 <= elapsed < sql_module.CONNECT_TIMEOUT + 4
    assert "pw@" not in str(e.value)


def test_unknown_database_and_role(pg_url: str) -> None:
    base = pg_url.rsplit("/", 1)[0]
    with pytest.raises(SourceNotFoundError):
        open_source(base + "/no_such_database_here")
    with pytest.raises(SourcePermissionError):
        open_source(base.replace("postgres@", "no_such_role_here@") + "/postgres")


def test_url_shown_without_password(pg_url: str) -> None:
    with open_source(pg_url.replace("postgres@", "postgres:hunter2@", 1)) as src:
        assert "hunter2" not in src.url
        assert src.url.startswith("postgresql+psycopg://postgres@")


def test_widest_table_postgres_allows(pg_url: str) -> None:
    # PostgreSQL caps a table at 1,600 columns; the adapter handles the full width
    cols = ", ".join(f"c{i} int" for i in range(1600))
    _exec(pg_url, f"CREATE TABLE wide ({cols})")
    vals = ", ".join(str(i) for i in range(1600))
    _exec(pg_url, *[f"INSERT INTO wide VALUES ({vals})"] * 3)
    with open_source(pg_url) as src:
        assert len(src.columns("wide")) == 1600
        t = src.sample("wide", n=10)
        assert t.num_rows == 3 and t.num_columns == 1600
        assert t.column("c1599").to_pylist() == [1599] * 3


def test_schema_parameter(pg_url: str) -> None:
    _exec(
        pg_url,
        "CREATE SCHEMA sales",
        "CREATE TABLE sales.customers (id int primary key, email text)",
        "CREATE TABLE sales.orders (id int, cid int references sales.customers(id))",
        "INSERT INTO sales.customers VALUES (1, 'a@example.com'), (2, 'b@example.com')",
        "CREATE TABLE public.other (id int)",
    )
    with open_source(pg_url + "?schema=sales") as src:
        assert src.tables() == ["customers", "orders"]
        assert src.sample("customers").num_rows == 2
        assert src.foreign_keys()[0].ref_table == "customers"
        assert src.delete_where("customers", "email", ["b@example.com"]).rows == 1
    with pytest.raises(SourceNotFoundError, match="no schema"):
        open_source(pg_url + "?schema=nope")


def test_stale_statistics_still_give_a_full_spread_sample(pg_url: str) -> None:
    _exec(
        pg_url,
        "CREATE TABLE events (id int, email text)",
        "INSERT INTO events SELECT g, 'u' || g || '@x.org' FROM generate_series(1, 100) g",
        "ANALYZE events",  # the planner now believes 100 rows
        "INSERT INTO events SELECT g, 'u' || g || '@x.org' FROM generate_series(101, 300000) g",
    )
    with open_source(pg_url) as src:
        ids = src.sample("events", ["id"], n=1000).column("id").to_pylist()
    assert len(ids) == 1000
    tenths = [sum(1 for i in ids if k * 30_000 < i <= (k + 1) * 30_000) for k in range(10)]
    assert min(tenths) >= 40, tenths


def test_partitioned_table(pg_url: str) -> None:
    _exec(
        pg_url,
        "CREATE TABLE logs (id int, country text, email text) PARTITION BY LIST (country)",
        "CREATE TABLE logs_kr PARTITION OF logs FOR VALUES IN ('KR')",
        "CREATE TABLE logs_us PARTITION OF logs FOR VALUES IN ('US')",
        "INSERT INTO logs SELECT g, CASE WHEN g % 2 = 0 THEN 'KR' ELSE 'US' END, "
        "'u' || g || '@x.org' FROM generate_series(1, 50000) g",
        "ANALYZE logs",
    )
    with open_source(pg_url) as src:
        t = src.sample("logs", n=500)
        assert t.num_rows == 500
        assert set(t.column("country").to_pylist()) == {"KR", "US"}
        assert src.delete_where("logs", "email", ["u2@x.org", "u3@x.org"]).rows == 2


def test_erasure_waiting_on_a_lock_gives_up_retryably(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sql_module, "LOCK_TIMEOUT", "1s")
    _exec(pg_url, "CREATE TABLE t (id int, email text)", "INSERT INTO t VALUES (1, 'a@x.org')")
    holder = sa.create_engine(pg_url)
    with holder.connect() as c:
        c.execute(sa.text("LOCK TABLE t IN ACCESS EXCLUSIVE MODE"))
        with open_source(pg_url) as src:
            src.columns("t")
            t0 = time.monotonic()
            with pytest.raises(SourceUnavailableError) as e:
                src.delete_where("t", "email", ["a@x.org"])
            assert time.monotonic() - t0 < 10
            assert e.value.retryable and "a@x.org" not in str(e.value)
        c.rollback()
    holder.dispose()
    with open_source(pg_url) as src:
        assert src.delete_where("t", "email", ["a@x.org"]).rows == 1


def test_fold_case_leaves_uuid_and_enum_columns_exact(pg_url: str) -> None:
    # they count as text (they identify people and devices), but lower() does not take them
    _exec(
        pg_url,
        "CREATE TYPE tier AS ENUM ('Gold', 'basic')",
        "CREATE TABLE devices (id uuid PRIMARY KEY, owner_email text, tier tier)",
        "INSERT INTO devices VALUES ('6f1c2a9e-0b7d-4c1e-9a55-2f0e8d1b3c4a', "
        "'Owner@Example.com', 'Gold')",
    )
    with open_source(pg_url) as src:
        uid = "6f1c2a9e-0b7d-4c1e-9a55-2f0e8d1b3c4a"
        assert src.count_where("devices", "id", [uid], fold_case=True) == 1
        assert src.count_where("devices", "tier", ["Gold"], fold_case=True) == 1
        assert src.count_where("devices", "owner_email", ["owner@example.com"], fold_case=True)
        assert src.delete_where("devices", "id", [uid.upper()], fold_case=True).rows == 1
