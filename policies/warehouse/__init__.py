"""`privacy policy apply URL`: make PostgreSQL or MariaDB enforce the policy themselves.

One database role per policy role, masked views per role, table access revoked, column grants
for what a role may read raw. See :mod:`policies.warehouse.postgres` and
:mod:`policies.warehouse.mariadb` for each server's shape, and docs/policies.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError, ProgrammingError, SQLAlchemyError

from policies.policy import Policy
from policies.warehouse.mariadb import MariaDBApplier
from policies.warehouse.plan import Plan, Statement
from policies.warehouse.postgres import PostgresApplier
from privacy import auditing
from privacy.config import Settings
from privacy.errors import (
    SourcePermissionError,
    SourceUnavailableError,
    UnsupportedSourceError,
)
from privacy.sources.sql_errors import error_code

if TYPE_CHECKING:
    from privacy.catalog import Catalog, ColumnTag

__all__ = ["Plan", "Statement", "apply_policy"]


def _applier(engine: sa.Engine, schema: str | None) -> PostgresApplier | MariaDBApplier:
    name = engine.dialect.name
    if name == "postgresql":
        return PostgresApplier(engine, schema)
    if name in ("mysql", "mariadb"):
        if schema:
            raise UnsupportedSourceError(
                "--schema is for PostgreSQL; on MariaDB the database in the URL is governed"
            )
        return MariaDBApplier(engine)
    raise UnsupportedSourceError(
        f"`privacy policy apply` supports PostgreSQL and MariaDB, not {name}",
        hint="for other sources, read through policies.read(dataset, role), which applies "
        "the same policy in Python",
    )


def apply_policy(
    settings: Settings,
    policy: Policy,
    url: str,
    *,
    source: str,
    catalog: Catalog,
    schema: str | None = None,
    dry_run: bool = False,
    actor: str | None = None,
    hash_key: bytes | None = None,
) -> Plan:
    """Plan and (unless ``dry_run``) run the statements that make the database enforce
    ``policy`` for the tables of ``source`` (the catalog's name for that database).

    ``hash_key`` defaults to the key store's (the same one ``policies.read`` uses, so hashes
    agree). Returns the plan, with ``bypasses`` filled after a real run: grants outside the
    policy's reach that still let someone read a governed column raw."""
    try:
        engine = sa.create_engine(url)
    except (SQLAlchemyError, ValueError, ImportError) as e:
        raise UnsupportedSourceError(f"not a usable database URL ({type(e).__name__})") from None
    target = engine.url.render_as_string(hide_password=True)
    applier = _applier(engine, schema)
    tags: dict[str, list[ColumnTag]] = {}
    for t in catalog.tags(source):
        tags.setdefault(t.table, []).append(t)

    def key() -> bytes:
        if hash_key is not None:
            return hash_key
        if dry_run:
            # a dry run prints a placeholder for the key: opening the store could create it
            return bytes(32)
        from policies.secrets import hash_key as store_hash_key

        return store_hash_key(settings)

    plan = Plan(
        target=target,
        dialect=applier.name,
        policy_version=policy.version,
    )
    try:
        with engine.connect() as conn:
            applier.plan(conn, policy, tags, plan, key)
        if dry_run:
            return plan
        applier.execute(plan)
        applier.verify(policy, plan)
    except OperationalError as e:
        _audit_failure(settings, plan, actor, e)
        raise SourceUnavailableError(
            f"{target} cannot be reached or refused the change ({error_code(e)})",
            hint="check that the server runs and the URL's user may create roles and grant",
        ) from None
    except ProgrammingError as e:
        _audit_failure(settings, plan, actor, e)
        raise SourcePermissionError(
            f"{target} refused a statement ({error_code(e)})",
            hint="run apply as a user that owns the tables and may create roles "
            "(PostgreSQL: CREATEROLE; MariaDB: CREATE USER and GRANT OPTION); "
            "`--dry-run` prints the statements to run in the database's own client, "
            "which shows the full message",
        ) from None
    finally:
        engine.dispose()
    plan.bypasses = list(dict.fromkeys(plan.bypasses))
    plan.warnings = list(dict.fromkeys([*plan.warnings, *plan.bypasses]))
    auditing.record(
        settings,
        "policy.applied",
        target,
        outcome="ok" if not plan.bypasses else "partial",
        details={
            "policy_version": policy.version,
            "dialect": plan.dialect,
            "roles": plan.roles,
            "tables": plan.tables,
            "statements": len(plan.executable),
            "effects": plan.effects,
            "bypasses": plan.bypasses,
        },
        actor=actor,
    )
    return plan


def _audit_failure(settings: Settings, plan: Plan, actor: str | None, e: Exception) -> None:
    auditing.record(
        settings,
        "policy.applied",
        plan.target,
        outcome="failed",
        details={"policy_version": plan.policy_version, "error": type(e).__name__},
        actor=actor,
    )
