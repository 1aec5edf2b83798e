"""`privacy policy apply` on the real PostgreSQL and MariaDB, checked by logging in as each role.

A role without a grant cannot select the raw column; through its view it sees the values masked
exactly as ``policies.read`` masks them in Python (same hash key, same rules).
"""

from __future__ import annotations

import datetime as dt
import textwrap
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from policies.effects import Effect
from policies.enforce import Enforcer
from policies.loader import load_texts
from policies.masking import value_function
from policies.policy import Policy
from policies.warehouse import apply_policy
from privacy.catalog import Catalog
from privacy.config import Settings
from privacy.sources.base import ColumnRef
from tests.support import audit_events

pytestmark = pytest.mark.services

KEY = bytes(range(32))
ROWS = [
    (
        1,
        "alice.martin@example.com",
        "+49 30 1234567",
        "4111111111111111",
        dt.date(1984, 6, 13),
        "call me",
        12.5,
    ),
    (
        2,
        "zoë.müller@example.org",
        "+33 1 23 45 67 89",
        "5555555555554444",
        dt.date(1990, 1, 2),
        "no",
        7.0,
    ),
    (3, None, "12", "123", None, None, None),
    (4, "@odd", "", "4012888888881881", dt.date(2001, 12, 31), "x", 1.25),
]
TAGS = {
    "id": None,
    "email": "EMAIL_ADDRESS",
    "phone": "PHONE_NUMBER",
    "card": "CREDIT_CARD",
    "dob": "DATE_OF_BIRTH",
    "amount": None,
}  # notes: never tagged


def policy_text(s: str) -> str:
    return textwrap.dedent(
        f"""\
        version: 1
        roles:
          analyst_{s}: {{}}
          support_{s}: {{inherits: [analyst_{s}]}}
        categories:
          contact: [EMAIL_ADDRESS, PHONE_NUMBER]
          financial: [CREDIT_CARD]
          demographic: [DATE_OF_BIRTH]
        rules:
          - category: non_personal
            access: {{analyst_{s}: allow}}
          - category: contact
            access: {{analyst_{s}: {{mask: email}}, support_{s}: allow}}
          - category: financial
            access: {{analyst_{s}: hash, support_{s}: {{mask: last4}}}}
          - category: demographic
            access: {{analyst_{s}: {{mask: year}}}}
        """
    )


@dataclass
class Warehouse:
    kind: str
    url: str
    admin: sa.Engine
    db: str
    suffix: str
    roles: list[str] = field(default_factory=list)
    users: list[str] = field(default_factory=list)

    def create_user(self, name: str, role: str) -> None:
        self.users.append(name)
        with self.admin.begin() as c:
            if self.kind == "pg":
                x(c, f'CREATE ROLE "{name}" LOGIN')
                x(c, f'GRANT "{role}" TO "{name}"')
            else:
                x(c, f"CREATE USER '{name}'@'%'")
                x(c, f"GRANT `{role}` TO '{name}'@'%'")

    def login(self, user: str, role: str) -> sa.Engine:
        """An engine logged in as ``user``, pointed where its role's users point: on
        PostgreSQL the same database (search_path does the rest), on MariaDB the role's view
        database."""
        base = sa.make_url(self.url)
        if self.kind == "pg":
            return sa.create_engine(base.set(username=user))
        return sa.create_engine(base.set(username=user, database=f"{self.db}__privacy_{role}"))

    def raw_table(self) -> str:
        return '"public"."customers"' if self.kind == "pg" else f"`{self.db}`.`customers`"


def x(conn: sa.Connection, sql: str) -> Any:
    """Run literal SQL: both drivers read % as a placeholder even without parameters."""
    return conn.exec_driver_sql(sql.replace("%", "%%"))


def _pg(url: str, s: str) -> Warehouse:
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    return Warehouse("pg", url, admin, sa.make_url(url).database or "", s)


def _my(url: str, s: str) -> Warehouse:
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    return Warehouse("my", url, admin, sa.make_url(url).database or "", s)


def _cleanup(w: Warehouse) -> None:
    with w.admin.connect() as c:
        names = [*w.users, *w.roles]
        if w.kind == "pg":
            for n in names:
                if x(c, f"SELECT 1 FROM pg_roles WHERE rolname = '{n}'").first():
                    x(c, f'DROP OWNED BY "{n}"')
                    x(c, f'DROP ROLE "{n}"')
        else:
            for u in w.users:
                x(c, f"DROP USER IF EXISTS '{u}'@'%'")
            for r in w.roles:
                x(c, f"DROP ROLE IF EXISTS `{r}`")
                x(c, f"DROP DATABASE IF EXISTS `{w.db}__privacy_{r}`")
            x(c, f"DROP DATABASE IF EXISTS `{w.db}__privacy_internal`")
    w.admin.dispose()


@pytest.fixture(params=["pg", "my"])
def warehouse(request: pytest.FixtureRequest) -> Iterator[Warehouse]:
    s = uuid.uuid4().hex[:6]
    url = request.getfixturevalue("pg_url" if request.param == "pg" else "mysql_url")
    w = (_pg if request.param == "pg" else _my)(url, s)
    w.roles = [f"analyst_{s}", f"support_{s}"]
    date_type = "date"
    with w.admin.begin() as c:
        x(
            c,
            "CREATE TABLE customers (id integer PRIMARY KEY, email varchar(200), "
            f"phone varchar(40), card varchar(40), dob {date_type}, notes text, "
            "amount numeric(10,2))",
        )
        c.execute(
            sa.text("INSERT INTO customers VALUES (:a, :b, :c, :d, :e, :f, :g)"),
            [dict(zip("abcdefg", r, strict=True)) for r in ROWS],
        )
    try:
        yield w
    finally:
        _cleanup(w)


@pytest.fixture
def policy(warehouse: Warehouse) -> Policy:
    return load_texts([("company.yaml", policy_text(warehouse.suffix))])


@pytest.fixture
def catalog(settings: Settings, warehouse: Warehouse) -> Catalog:
    cat = Catalog(settings.catalog_url)
    for col, ent in TAGS.items():
        cat.set(ColumnRef(warehouse.db, "customers", col), ent)
    return cat


def apply(w: Warehouse, settings: Settings, policy: Policy, catalog: Catalog, **kw: Any) -> Any:
    return apply_policy(settings, policy, w.url, source=w.db, catalog=catalog, hash_key=KEY, **kw)


def python_view(
    settings: Settings, policy: Policy, catalog: Catalog, w: Warehouse, role: str
) -> dict[str, list[Any]]:
    """What policies.read shows the role, for the same rows."""
    frame = pd.DataFrame(ROWS, columns=["id", "email", "phone", "card", "dob", "notes", "amount"])
    enf = Enforcer(settings, policy=policy, catalog=catalog)
    enf._hash_key = KEY
    out = enf.read(f"{w.db}.customers", role, data=frame)
    return {c: [None if pd.isna(v) else v for v in out[c].tolist()] for c in out.columns}


def denied(engine: sa.Engine, sql: str) -> bool:
    try:
        with engine.connect() as c:
            x(c, sql).all()
    except DBAPIError as e:
        text = str(e.orig).lower()
        assert "denied" in text or "permission" in text, text
        return True
    return False


def test_roles_read_masked_views_and_cannot_select_raw_columns(
    warehouse: Warehouse, settings: Settings, policy: Policy, catalog: Catalog
) -> None:
    w, s = warehouse, warehouse.suffix
    apply(w, settings, policy, catalog)
    w.create_user(f"bob_{s}", f"analyst_{s}")
    w.create_user(f"carol_{s}", f"support_{s}")
    plan = apply(w, settings, policy, catalog)  # re-run after adding users (documented)
    assert plan.bypasses == []

    for user, role in ((f"bob_{s}", f"analyst_{s}"), (f"carol_{s}", f"support_{s}")):
        eng = w.login(user, role)
        try:
            with eng.connect() as c:
                rows = x(c, "SELECT * FROM customers ORDER BY id").mappings().all()
            got = {k: [r[k] for r in rows] for k in rows[0]}
            want = python_view(settings, policy, catalog, w, role)
            for col in want:  # the database masks exactly as Python does
                norm = [float(v) if col == "amount" and v is not None else v for v in got[col]]
                assert norm == want[col], (role, col)
            assert got["notes"] == [None] * 4  # untagged: withheld (NULL in the view)
            # the raw table: non-personal columns by column grant, the rest refused
            with eng.connect() as c:
                ids = x(c, f"SELECT id FROM {w.raw_table()} ORDER BY id").all()
            assert [r[0] for r in ids] == [1, 2, 3, 4]
            assert denied(eng, f"SELECT card FROM {w.raw_table()}")
            assert denied(eng, f"SELECT notes FROM {w.raw_table()}")
            assert denied(eng, f"SELECT * FROM {w.raw_table()}")
            assert denied(eng, f"SELECT id FROM {w.raw_table()} WHERE card LIKE '4%'")
        finally:
            eng.dispose()
    bob = w.login(f"bob_{s}", f"analyst_{s}")
    try:
        assert denied(bob, f"SELECT email FROM {w.raw_table()}")
    finally:
        bob.dispose()
    carol = w.login(f"carol_{s}", f"support_{s}")
    try:  # support may read contact raw: granted per column on the base table
        with carol.connect() as c:
            emails = x(c, f"SELECT email FROM {w.raw_table()} ORDER BY id").all()
        assert emails[0][0] == "alice.martin@example.com"
    finally:
        carol.dispose()


def privileges(w: Warehouse) -> list[tuple[Any, ...]]:
    with w.admin.connect() as c:
        if w.kind == "pg":
            return [
                tuple(r)
                for r in x(
                    c,
                    "SELECT grantee, table_schema, table_name, column_name, privilege_type "
                    "FROM information_schema.column_privileges "
                    f"WHERE grantee LIKE '%{w.suffix}' ORDER BY 1, 2, 3, 4, 5",
                )
            ]
        return [
            tuple(r)
            for r in x(
                c,
                "SELECT User, Host, Db, Table_name, Column_name, Column_priv "
                f"FROM mysql.columns_priv WHERE User LIKE '%{w.suffix}' ORDER BY 1, 2, 3, 4, 5",
            )
        ] + [
            tuple(r)
            for r in x(
                c,
                f"SELECT User, Db, Select_priv FROM mysql.db WHERE User LIKE '%{w.suffix}' "
                "ORDER BY 1, 2",
            )
        ]


def test_dry_run_changes_nothing_and_apply_is_idempotent(
    warehouse: Warehouse, settings: Settings, policy: Policy, catalog: Catalog
) -> None:
    w = warehouse
    plan = apply(w, settings, policy, catalog, dry_run=True)
    sql = plan.sql_text()
    assert "CREATE" in sql and "VIEW" in sql and "GRANT SELECT (" in sql
    assert KEY.hex() not in sql and "<key from the key store>" in sql
    assert privileges(w) == []
    with w.admin.connect() as c:
        q = (
            "SELECT rolname FROM pg_roles"
            if w.kind == "pg"
            else "SELECT User FROM mysql.user WHERE is_role = 'Y'"
        )
        assert not {r[0] for r in x(c, q)} & set(w.roles)
    apply(w, settings, policy, catalog)
    first = privileges(w)
    assert first
    again = apply(w, settings, policy, catalog)
    assert privileges(w) == first
    assert again.effects[f"analyst_{w.suffix}"]["customers"]["card"] == "hash"
    applied = audit_events(settings, "policy.applied")
    assert len(applied) == 2 and KEY.hex() not in str(applied)
    assert applied[1]["details"]["policy_version"] == policy.version


def test_a_direct_grant_is_revoked_and_a_foreign_one_is_reported(
    warehouse: Warehouse, settings: Settings, policy: Policy, catalog: Catalog
) -> None:
    w, s = warehouse, warehouse.suffix
    apply(w, settings, policy, catalog)
    w.create_user(f"dave_{s}", f"analyst_{s}")
    with w.admin.begin() as c:  # someone granted dave the table directly
        if w.kind == "pg":
            x(c, f'GRANT SELECT ON public.customers TO "dave_{s}"')
        else:
            x(c, f"GRANT SELECT ON `{w.db}`.customers TO 'dave_{s}'@'%'")
    plan = apply(w, settings, policy, catalog)
    assert plan.bypasses == []
    dave = w.login(f"dave_{s}", f"analyst_{s}")
    try:
        assert denied(dave, f"SELECT card FROM {w.raw_table()}")
    finally:
        dave.dispose()
    if w.kind == "pg":  # a group role outside the policy still lets dave through: reported
        w.roles.append(f"readers_{s}")
        with w.admin.begin() as c:
            x(c, f'CREATE ROLE "readers_{s}"')
            x(c, f'GRANT SELECT ON public.customers TO "readers_{s}"')
            x(c, f'GRANT "readers_{s}" TO "dave_{s}"')
        plan = apply(w, settings, policy, catalog)
        assert any(f"dave_{s} can select public.customers.card" in b for b in plan.bypasses)
        assert any("card" in x for x in plan.warnings)


def test_a_role_dropped_from_the_policy_loses_its_views(
    warehouse: Warehouse, settings: Settings, policy: Policy, catalog: Catalog
) -> None:
    w, s = warehouse, warehouse.suffix
    apply(w, settings, policy, catalog)
    smaller = load_texts(
        [
            (
                "company.yaml",
                policy_text(s)
                .replace(f"  support_{s}: {{inherits: [analyst_{s}]}}\n", "")
                .replace(f", support_{s}: allow", "")
                .replace(f", support_{s}: {{mask: last4}}", ""),
            )
        ]
    )
    plan = apply(w, settings, smaller, catalog)
    assert plan.roles == [f"analyst_{s}"]
    with w.admin.connect() as c:
        if w.kind == "pg":
            left = x(
                c, f"SELECT count(*) FROM pg_views WHERE schemaname = 'privacy_support_{s}'"
            ).scalar()
        else:
            left = x(
                c,
                "SELECT count(*) FROM information_schema.SCHEMATA "
                f"WHERE SCHEMA_NAME = '{w.db}__privacy_support_{s}'",
            ).scalar()
    assert left == 0
    assert not [p for p in privileges(w) if f"support_{s}" in str(p[0])]


def test_mask_rules_match_python_on_awkward_values(
    warehouse: Warehouse, settings: Settings
) -> None:
    """Each mask kind as SQL against the Python function, on values chosen to hit the edges."""
    w, s = warehouse, warehouse.suffix
    values = [
        "",
        "a",
        "ab",
        "abc",
        "abcd",
        "abcde",
        "Zoë Müller-Lüdenscheidt",
        "a@b",
        "@x",
        "x@",
        "first.last@example.com",
        "no year here",
        "born 13/06/1984 in 1999",
        "O'Brien",
        "가나다라마바사",
        None,
    ]
    kinds = ["partial", "email", "last4", "full", "year", "redact"]
    with w.admin.begin() as c:
        cols = ", ".join(f"m_{k} varchar(100)" for k in kinds) + ", m_hash varchar(100)"
        x(c, f"CREATE TABLE awkward (id integer PRIMARY KEY, {cols})")
        for i, v in enumerate(values):
            c.execute(
                sa.text(
                    "INSERT INTO awkward VALUES (:i, "
                    + ", ".join(f":v{j}" for j in range(len(kinds) + 1))
                    + ")"
                ),
                {"i": i, **{f"v{j}": v for j in range(len(kinds) + 1)}},
            )
    cats = "\n".join(f"  k_{k}: [E_{k.upper()}]" for k in [*kinds, "hash"])
    rules = (
        "\n".join(f"  - category: k_{k}\n    access: {{a_{s}: {{mask: {k}}}}}" for k in kinds)
        + f"\n  - category: k_hash\n    access: {{a_{s}: hash}}"
    )
    w.roles.append(f"a_{s}")
    policy = load_texts(
        [("p.yaml", f"version: 1\nroles: {{a_{s}: {{}}}}\ncategories:\n{cats}\nrules:\n{rules}\n")]
    )
    cat = Catalog(settings.catalog_url)
    for k in [*kinds, "hash"]:
        cat.set(ColumnRef(w.db, "awkward", f"m_{k}"), f"E_{k.upper()}")
    apply(w, settings, policy, cat)
    w.create_user(f"eve_{s}", f"a_{s}")
    apply(w, settings, policy, cat)
    eve = w.login(f"eve_{s}", f"a_{s}")
    try:
        with eve.connect() as c:
            rows = x(c, "SELECT * FROM awkward ORDER BY id").mappings().all()
    finally:
        eve.dispose()
    for k in [*kinds, "hash"]:
        eff = Effect.parse("hash" if k == "hash" else {"mask": k})
        fn = value_function(eff, entity=f"E_{k.upper()}", hash_key=KEY)
        want = [None if v is None else fn(v) for v in values]
        got = [r[f"m_{k}"] for r in rows]
        assert got == want, k


def test_cli_dry_run_prints_the_sql(
    warehouse: Warehouse, settings: Settings, catalog: Catalog, tmp_path: Any
) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    w, s = warehouse, warehouse.suffix
    policy_file = tmp_path / "company.yaml"
    policy_file.write_text(policy_text(s))
    privacy = str(Path(sys.executable).parent / "privacy")
    env = {**os.environ, "COLUMNS": "250"}
    act = subprocess.run(
        [privacy, "policy", "activate", str(policy_file)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert act.returncode == 0, act.stderr
    res = subprocess.run(
        [privacy, "policy", "apply", w.url, "--dry-run"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    assert f"analyst_{s}" in res.stdout and "CREATE" in res.stdout and "VIEW" in res.stdout
    assert "<key from the key store>" in res.stdout
    with w.admin.connect() as c:  # nothing happened
        q = (
            "SELECT count(*) FROM pg_roles WHERE rolname LIKE '%" + s + "'"
            if w.kind == "pg"
            else "SELECT count(*) FROM mysql.user WHERE User LIKE '%" + s + "'"
        )
        assert x(c, q).scalar() == 0


@pytest.mark.parametrize("warehouse", ["pg"], indirect=True)
def test_a_user_who_may_not_create_roles_gets_a_clear_error_without_the_servers_text(
    warehouse: Warehouse, settings: Settings, policy: Policy, catalog: Catalog
) -> None:
    from privacy.errors import PrivacyError

    w = warehouse
    weak = f"weak_{w.suffix}"
    w.users.append(weak)
    with w.admin.begin() as c:
        x(c, f'CREATE ROLE "{weak}" LOGIN')
    url = sa.make_url(w.url).set(username=weak).render_as_string(hide_password=False)
    with pytest.raises(PrivacyError) as e:
        apply_policy(settings, policy, url, source=w.db, catalog=catalog, hash_key=KEY)
    text = str(e.value)
    assert "42501" in text and "CREATEROLE" in text  # the SQLSTATE and what to do
    assert "permission denied to" not in text.lower()  # the server's own words stay out
    assert privileges(w) == []
