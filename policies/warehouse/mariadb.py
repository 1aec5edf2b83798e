"""MariaDB: the policy enforced by the server itself.

MariaDB has no schemas inside a database and no per-role ``search_path``, so:

- each policy role gets a database ``<db>__privacy_<role>`` holding one view per governed table
  (same names and columns, masked; ``SQL SECURITY DEFINER`` so the role needs no grant on the
  base table), and ``SELECT`` on that database;
- users connect to ``<db>__privacy_<role>`` instead of ``<db>`` (their queries need no other
  change); ``apply`` sets the policy role as the *default role* of members that have none, so
  it is active without ``SET ROLE``;
- ``SELECT`` on ``<db>`` itself is revoked from the role and its members (database, table and
  column level), then granted back per column for the columns the role may read raw;
- the hash key lives in ``<db>__privacy_internal.hash_key``, readable only by the view definer.

DDL is not transactional in MariaDB: statements are idempotent (IF NOT EXISTS, CREATE OR
REPLACE, revokes only of grants that exist), so re-running after a failure converges.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import sqlalchemy as sa

from policies.policy import Policy
from policies.warehouse.plan import (
    Plan,
    TableInfo,
    add_hash_key,
    decide_tables,
    raw_readable,
    table_infos,
    view_select,
)
from policies.warehouse.sqlmask import MariaDBDialect
from privacy.errors import PolicyError

if TYPE_CHECKING:
    from privacy.catalog import ColumnTag

MAX_NAME = 64


def view_database(db: str, role: str) -> str:
    return f"{db}__privacy_{role}"


def internal_database(db: str) -> str:
    return f"{db}__privacy_internal"


def account(user: str, host: str) -> str:
    """A grantee: a role is a bare name, a user is 'user'@'host'."""
    esc = lambda s: "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"  # noqa: E731
    return esc(user) if host == "" else f"{esc(user)}@{esc(host)}"


class MariaDBApplier:
    name = "mariadb"

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.d: MariaDBDialect | None = None

    def tables(self, conn: sa.Connection) -> list[TableInfo]:
        rows = conn.execute(
            sa.text(
                "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE "
                "FROM information_schema.COLUMNS c JOIN information_schema.TABLES t "
                "ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
                "WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' "
                "ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION"
            )
        ).all()
        return table_infos(rows)

    def _roles(self, conn: sa.Connection) -> set[str]:
        return {
            r for (r,) in conn.execute(sa.text("SELECT User FROM mysql.user WHERE is_role = 'Y'"))
        }

    def _mapping(self, conn: sa.Connection) -> list[tuple[str, str, str]]:
        return [
            (u, h, r)
            for u, h, r in conn.execute(sa.text("SELECT User, Host, Role FROM mysql.roles_mapping"))
        ]

    def members(self, conn: sa.Connection, role: str) -> list[tuple[str, str]]:
        """Users (user, host) granted ``role``, directly or through other roles; not the
        applying account (MariaDB grants a new role to its creator, with admin option)."""
        me = str(conn.execute(sa.text("SELECT CURRENT_USER()")).scalar_one())
        me_user, _, me_host = me.rpartition("@")
        mapping = [m for m in self._mapping(conn) if (m[0], m[1]) != (me_user, me_host)]
        out: list[tuple[str, str]] = []
        todo, seen = [role], {role}
        while todo:
            r = todo.pop()
            for u, h, granted in mapping:
                if granted != r:
                    continue
                if h == "":  # a role granted to a role
                    if u not in seen:
                        seen.add(u)
                        todo.append(u)
                elif (u, h) not in out:
                    out.append((u, h))
        return sorted(out)

    def _managed(self, conn: sa.Connection, internal: str) -> set[str]:
        n = conn.execute(
            sa.text(
                "SELECT COUNT(*) FROM information_schema.TABLES "
                "WHERE TABLE_SCHEMA = :d AND TABLE_NAME = 'managed_roles'"
            ),
            {"d": internal},
        ).scalar_one()
        if not n:
            return set()
        rows = conn.execute(sa.text(f"SELECT role FROM `{internal}`.`managed_roles`"))
        return {r for (r,) in rows}

    def _select_grants(
        self, conn: sa.Connection, db: str, user: str, host: str
    ) -> tuple[bool, list[str], dict[str, list[str]]]:
        """(database-level SELECT, tables with table-level SELECT, table -> columns with SELECT)"""
        p = {"db": db, "u": user, "h": host}
        db_level = bool(
            conn.execute(
                sa.text(
                    "SELECT COUNT(*) FROM mysql.db WHERE Db = :db AND User = :u AND Host = :h "
                    "AND Select_priv = 'Y'"
                ),
                p,
            ).scalar_one()
        )
        tables = [
            t
            for (t, priv) in conn.execute(
                sa.text(
                    "SELECT Table_name, Table_priv FROM mysql.tables_priv "
                    "WHERE Db = :db AND User = :u AND Host = :h"
                ),
                p,
            )
            if "Select" in str(priv).split(",")
        ]
        cols: dict[str, list[str]] = {}
        for t, c, priv in conn.execute(
            sa.text(
                "SELECT Table_name, Column_name, Column_priv FROM mysql.columns_priv "
                "WHERE Db = :db AND User = :u AND Host = :h"
            ),
            p,
        ):
            if "Select" in str(priv).split(","):
                cols.setdefault(t, []).append(c)
        return db_level, tables, cols

    def plan(
        self,
        conn: sa.Connection,
        policy: Policy,
        tags: dict[str, list[ColumnTag]],
        plan: Plan,
        hash_key: Callable[[], bytes],
    ) -> None:
        db = conn.execute(sa.text("SELECT DATABASE()")).scalar_one()
        if not db:
            raise PolicyError(
                "the MariaDB URL names no database",
                hint="put the database in the URL: mysql+pymysql://user@host/DB",
            )
        internal = internal_database(db)
        d = self.d = MariaDBDialect(internal)
        q = d.ident
        roles = sorted(policy.roles)
        for r in roles:
            if len(view_database(db, r)) > MAX_NAME:
                raise PolicyError(
                    f"database name {view_database(db, r)!r} is longer than MariaDB's "
                    f"{MAX_NAME} characters",
                    hint="use a shorter role name",
                )
        plan.roles = roles
        tables = self.tables(conn)
        plan.tables = [t.name for t in tables]
        existing = self._roles(conn)
        managed = self._managed(conn, internal)
        decisions = decide_tables(policy, roles, tables, tags)

        plan.comment("bookkeeping: managed roles and the hash key, readable by the definer only")
        plan.add(f"CREATE DATABASE IF NOT EXISTS {q(internal)}")
        managed_table = f"{q(internal)}.`managed_roles`"
        plan.add(f"CREATE TABLE IF NOT EXISTS {managed_table} (role VARCHAR(64) PRIMARY KEY)")
        add_hash_key(plan, d, decisions, hash_key)

        for role in roles:
            plan.comment(f"role {role}: views in database {view_database(db, role)}")
            if role not in existing:
                plan.add(f"CREATE ROLE IF NOT EXISTS {q(role)}")
            plan.add(f"INSERT IGNORE INTO {managed_table} (role) VALUES ({d.string(role)})")
            vdb = view_database(db, role)
            plan.add(f"CREATE DATABASE IF NOT EXISTS {q(vdb)}")
            for (stale,) in conn.execute(
                sa.text("SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = :d"),
                {"d": vdb},
            ):
                if stale not in plan.tables:
                    plan.add(f"DROP VIEW IF EXISTS {q(vdb)}.{q(stale)}")
            members = self.members(conn, role)
            grantees = [(role, ""), *members]
            # take away every way to SELECT the base tables, then grant the raw columns back
            for user, host in grantees:
                who = account(user, host)
                db_level, tbls, cols = self._select_grants(conn, db, user, host)
                if db_level:
                    plan.add(f"REVOKE SELECT ON {q(db)}.* FROM {who}")
                for name in tbls:
                    if name in plan.tables:
                        plan.add(f"REVOKE SELECT ON {q(db)}.{q(name)} FROM {who}")
                for name, cs in sorted(cols.items()):
                    if name in plan.tables:
                        plan.add(
                            f"REVOKE SELECT ({', '.join(q(c) for c in cs)}) ON {q(db)}.{q(name)} "
                            f"FROM {who}"
                        )
            plan.effects[role] = {}
            for t in tables:
                ds = decisions[(role, t.name)]
                select, notes = view_select(d, f"{q(db)}.{q(t.name)}", t, ds)
                plan.warnings.extend(f"{role}: {n}" for n in notes)
                plan.add(
                    f"CREATE OR REPLACE SQL SECURITY DEFINER VIEW {q(vdb)}.{q(t.name)} AS {select}"
                )
                raw = [x.column for x in ds if raw_readable(x)]
                if raw:
                    cols_sql = ", ".join(q(c) for c in raw)
                    plan.add(f"GRANT SELECT ({cols_sql}) ON {q(db)}.{q(t.name)} TO {q(role)}")
                plan.effects[role][t.name] = {x.column: str(x.effect) for x in ds}
            plan.add(f"GRANT SELECT, SHOW VIEW ON {q(vdb)}.* TO {q(role)}")
            for user, host in members:
                current = conn.execute(
                    sa.text("SELECT default_role FROM mysql.user WHERE User = :u AND Host = :h"),
                    {"u": user, "h": host},
                ).scalar()
                if not current:
                    plan.add(f"SET DEFAULT ROLE {q(role)} FOR {account(user, host)}")
                elif current != role:
                    plan.warnings.append(
                        f"{user}@{host} has default role {current}; it must run "
                        f"`SET ROLE {role}` to read {vdb}"
                    )

        for gone in sorted(managed - set(roles)):
            plan.comment(f"role {gone} is no longer in the policy: views dropped, grants revoked")
            vdb = view_database(db, gone)
            held = conn.execute(
                sa.text("SELECT COUNT(*) FROM mysql.db WHERE Db = :d AND User = :u AND Host = ''"),
                {"d": vdb, "u": gone},
            ).scalar_one()
            if held:  # dropping a database keeps the grants on it
                plan.add(f"REVOKE ALL PRIVILEGES ON {q(vdb)}.* FROM {q(gone)}")
            plan.add(f"DROP DATABASE IF EXISTS {q(vdb)}")
            if gone in existing:
                _dbl, tbls, cols = self._select_grants(conn, db, gone, "")
                for name in sorted(set(tbls) | set(cols)):
                    if name in cols:
                        plan.add(
                            f"REVOKE SELECT ({', '.join(q(c) for c in cols[name])}) "
                            f"ON {q(db)}.{q(name)} FROM {q(gone)}"
                        )
                    if name in tbls:
                        plan.add(f"REVOKE SELECT ON {q(db)}.{q(name)} FROM {q(gone)}")
            plan.add(f"DELETE FROM {managed_table} WHERE role = {d.string(gone)}")
            plan.warnings.append(f"role {gone} is kept in the server but holds no privileges")

    def execute(self, plan: Plan) -> None:
        with self.engine.connect() as conn:
            for s in plan.executable:
                conn.exec_driver_sql(s.sql.replace("%", "%%"))
                conn.commit()

    def verify(self, policy: Policy, plan: Plan) -> None:
        with self.engine.connect() as conn:
            db = conn.execute(sa.text("SELECT DATABASE()")).scalar_one()
            for role in plan.roles:
                for user, host in [(role, ""), *self.members(conn, role)]:
                    glob = conn.execute(
                        sa.text(
                            "SELECT COUNT(*) FROM mysql.user WHERE User = :u AND Host = :h "
                            "AND Select_priv = 'Y'"
                        ),
                        {"u": user, "h": host},
                    ).scalar_one()
                    db_level, tbls, cols = self._select_grants(conn, db, user, host)
                    who = user if not host else f"{user}@{host}"
                    if glob or db_level:
                        plan.bypasses.append(
                            f"{who} has SELECT on {'every database' if glob else db}: the views "
                            "cannot hold it back"
                        )
                    for t in tbls:
                        plan.bypasses.append(f"{who} has SELECT on table {db}.{t}")
                    for t, cs in cols.items():
                        effects = plan.effects.get(role, {}).get(t, {})
                        for c in cs:
                            if effects.get(c, "allow") != "allow":
                                plan.bypasses.append(f"{who} has SELECT on column {db}.{t}.{c}")
