"""PostgreSQL: the policy enforced by the database itself.

For every policy role: a NOLOGIN role of the same name; a schema ``privacy_<role>`` with one
view per governed table (same name, same columns, masked per the policy; owned by the applying
user, so the role needs no grant on the base table to use it); ``SELECT`` on those views;
table-level access to the base tables revoked (from the role, its login members and PUBLIC);
column-level ``SELECT`` on the base table only for the columns the role may read raw;
``search_path`` = ``privacy_<role>, <schema>`` for the role and for each login member, in this
database. The hash key sits in ``privacy_internal.hash_key``, which only the view owner reads.

Everything runs in one transaction (PostgreSQL DDL is transactional): a failure changes
nothing. Re-running converges: views are recreated, grants reset, stale views dropped.
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
from policies.warehouse.sqlmask import PostgresDialect

if TYPE_CHECKING:
    from privacy.catalog import ColumnTag

MANAGED = '"privacy_internal"."managed_roles"'


def view_schema(role: str) -> str:
    return f"privacy_{role}"


class PostgresApplier:
    name = "postgresql"

    def __init__(self, engine: sa.Engine, schema: str | None) -> None:
        self.engine = engine
        self.schema = schema or "public"
        self.d = PostgresDialect()

    # --- reading the database's state ----------------------------------------------------

    def tables(self, conn: sa.Connection) -> list[TableInfo]:
        rows = conn.execute(
            sa.text(
                "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) "
                "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "JOIN pg_attribute a ON a.attrelid = c.oid "
                "WHERE n.nspname = :s AND c.relkind IN ('r', 'p') AND a.attnum > 0 "
                "AND NOT a.attisdropped ORDER BY c.relname, a.attnum"
            ),
            {"s": self.schema},
        ).all()
        return table_infos(rows)

    def _existing_roles(self, conn: sa.Connection) -> set[str]:
        return {r for (r,) in conn.execute(sa.text("SELECT rolname FROM pg_roles"))}

    def _managed_roles(self, conn: sa.Connection) -> set[str]:
        exists = conn.execute(sa.text("SELECT to_regclass('privacy_internal.managed_roles')"))
        if exists.scalar() is None:
            return set()
        return {r for (r,) in conn.execute(sa.text(f"SELECT role FROM {MANAGED}"))}

    def _members(self, conn: sa.Connection, role: str) -> list[tuple[str, bool]]:
        """Login roles that are members of ``role``, directly or through other roles."""
        rows = conn.execute(
            sa.text(
                "WITH RECURSIVE m(member) AS ("
                " SELECT am.member FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid"
                " WHERE r.rolname = :r"
                " UNION SELECT am.member FROM pg_auth_members am JOIN m ON am.roleid = m.member)"
                " SELECT DISTINCT r.rolname, r.rolsuper FROM m JOIN pg_roles r ON r.oid = m.member"
                " WHERE r.rolcanlogin AND r.rolname <> current_user ORDER BY r.rolname"
            ),
            {"r": role},
        ).all()
        return [(name, bool(sup)) for name, sup in rows]

    def _views(self, conn: sa.Connection, schema: str) -> list[str]:
        return [
            v
            for (v,) in conn.execute(
                sa.text("SELECT viewname FROM pg_views WHERE schemaname = :s ORDER BY viewname"),
                {"s": schema},
            )
        ]

    # --- the plan --------------------------------------------------------------------------

    def plan(
        self,
        conn: sa.Connection,
        policy: Policy,
        tags: dict[str, list[ColumnTag]],
        plan: Plan,
        hash_key: Callable[[], bytes],
    ) -> None:
        d, q = self.d, self.d.ident
        db = conn.execute(sa.text("SELECT current_database()")).scalar_one()
        tables = self.tables(conn)
        plan.tables = [t.name for t in tables]
        roles = sorted(policy.roles)
        plan.roles = roles
        existing = self._existing_roles(conn)
        managed = self._managed_roles(conn)
        decisions = decide_tables(policy, roles, tables, tags)

        plan.comment("bookkeeping: managed roles and the hash key, readable by the owner only")
        plan.add('CREATE SCHEMA IF NOT EXISTS "privacy_internal"')
        plan.add('REVOKE ALL ON SCHEMA "privacy_internal" FROM PUBLIC')
        plan.add(f"CREATE TABLE IF NOT EXISTS {MANAGED} (role name PRIMARY KEY)")
        add_hash_key(plan, d, decisions, hash_key)
        plan.add('REVOKE ALL ON ALL TABLES IN SCHEMA "privacy_internal" FROM PUBLIC')

        plan.comment(f"no direct table access for PUBLIC in schema {self.schema}")
        for t in tables:
            plan.add(f"REVOKE SELECT ON {q(self.schema)}.{q(t.name)} FROM PUBLIC")

        member_roles: dict[str, list[str]] = {}
        for role in roles:
            plan.comment(f"role {role}")
            if role not in existing:
                plan.add(f"CREATE ROLE {q(role)} NOLOGIN")
            plan.add(
                f"INSERT INTO {MANAGED} (role) VALUES ({d.string(role)}) ON CONFLICT DO NOTHING"
            )
            vs = view_schema(role)
            plan.add(f"CREATE SCHEMA IF NOT EXISTS {q(vs)}")
            plan.add(f"REVOKE ALL ON SCHEMA {q(vs)} FROM PUBLIC")
            plan.add(f"GRANT USAGE ON SCHEMA {q(vs)} TO {q(role)}")
            plan.add(f"GRANT USAGE ON SCHEMA {q(self.schema)} TO {q(role)}")
            for stale in sorted(set(self._views(conn, vs)) - set(plan.tables)):
                plan.add(f"DROP VIEW IF EXISTS {q(vs)}.{q(stale)}")
            members = self._members(conn, role)
            logins = [m for m, sup in members if m not in policy.roles and not sup]
            for m, sup in members:
                if sup:
                    plan.warnings.append(
                        f"{m} is a superuser (member of {role}): superusers bypass every grant"
                    )
            plan.effects[role] = {}
            for t in tables:
                ds = decisions[(role, t.name)]
                base = f"{q(self.schema)}.{q(t.name)}"
                select, notes = view_select(d, base, t, ds)
                plan.warnings.extend(f"{role}: {n}" for n in notes)
                plan.add(f"DROP VIEW IF EXISTS {q(vs)}.{q(t.name)}")
                plan.add(f"CREATE VIEW {q(vs)}.{q(t.name)} WITH (security_barrier) AS {select}")
                plan.add(f"GRANT SELECT ON {q(vs)}.{q(t.name)} TO {q(role)}")
                plan.add(f"REVOKE ALL ON {base} FROM {q(role)}")
                for m in logins:  # only reading: their write grants are not ours to take
                    plan.add(f"REVOKE SELECT ON {base} FROM {q(m)}")
                raw = [x.column for x in ds if raw_readable(x)]
                if raw:
                    cols = ", ".join(q(c) for c in raw)
                    plan.add(f"GRANT SELECT ({cols}) ON {base} TO {q(role)}")
                plan.effects[role][t.name] = {x.column: str(x.effect) for x in ds}
            path = f"{q(vs)}, {q(self.schema)}"
            plan.add(f"ALTER ROLE {q(role)} IN DATABASE {q(db)} SET search_path = {path}")
            for m in logins:
                member_roles.setdefault(m, []).append(role)

        for m, of in sorted(member_roles.items()):
            if len(of) > 1:
                plan.warnings.append(
                    f"{m} is a member of several policy roles ({', '.join(of)}); its "
                    f"search_path lists {view_schema(of[0])} first"
                )
            path = ", ".join(q(view_schema(r)) for r in of) + f", {q(self.schema)}"
            plan.add(f"ALTER ROLE {q(m)} IN DATABASE {q(db)} SET search_path = {path}")

        for gone in sorted(managed - set(roles)):
            plan.comment(f"role {gone} is no longer in the policy: views dropped, grants revoked")
            vs = view_schema(gone)
            for v in self._views(conn, vs):
                plan.add(f"DROP VIEW IF EXISTS {q(vs)}.{q(v)}")
            plan.add(f"DROP SCHEMA IF EXISTS {q(vs)}")
            if gone in existing:
                for t in tables:
                    plan.add(f"REVOKE ALL ON {q(self.schema)}.{q(t.name)} FROM {q(gone)}")
                plan.add(f"REVOKE USAGE ON SCHEMA {q(self.schema)} FROM {q(gone)}")
                plan.add(f"ALTER ROLE {q(gone)} IN DATABASE {q(db)} RESET search_path")
            plan.add(f"DELETE FROM {MANAGED} WHERE role = {d.string(gone)}")
            plan.warnings.append(f"role {gone} is kept in the database but holds no privileges")

    def execute(self, plan: Plan) -> None:
        with self.engine.begin() as conn:
            for s in plan.executable:
                conn.exec_driver_sql(s.sql.replace("%", "%%"))

    # --- after apply: can anyone still read a governed column raw? -----------------------

    def verify(self, policy: Policy, plan: Plan) -> None:
        with self.engine.connect() as conn:
            of: dict[str, list[str]] = {}
            for role in plan.roles:
                of.setdefault(role, []).append(role)
                for m, sup in self._members(conn, role):
                    if not sup and m not in policy.roles:
                        of.setdefault(m, []).append(role)
            for grantee, roles in sorted(of.items()):
                rows = conn.execute(
                    sa.text(
                        "SELECT c.relname, a.attname FROM pg_class c "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "JOIN pg_attribute a ON a.attrelid = c.oid "
                        "WHERE n.nspname = :s AND c.relkind IN ('r', 'p') AND a.attnum > 0 "
                        "AND NOT a.attisdropped "
                        "AND has_column_privilege(:g, c.oid, a.attnum, 'SELECT')"
                    ),
                    {"s": self.schema, "g": grantee},
                ).all()
                for table, col in rows:
                    effects = [plan.effects[r].get(table, {}).get(col) for r in roles]
                    if "allow" not in effects:
                        plan.bypasses.append(
                            f"{grantee} can select {self.schema}.{table}.{col} directly although "
                            f"the policy gives {', '.join(roles)} {effects[0]}: another grant "
                            "(a non-policy role, or table ownership) lets it through"
                        )
