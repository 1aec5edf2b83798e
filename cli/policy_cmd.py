"""`privacy policy validate|activate|show|explain|apply`: wiring over :mod:`policies`."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.markup import escape

from cli.common import (
    EXIT_USAGE,
    actor,
    console,
    exit_on_error,
    print_error,
    print_warning,
    settings,
)

F = TypeVar("F", bound=Callable[..., Any])


def _guarded(fn: F) -> F:
    # policy errors name fields as ``[rules.0.access]``: exit_on_error prints them as text
    @wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        with exit_on_error():
            return fn(*args, **kwargs)

    return run  # type: ignore[return-value]


def _bare(e: Any) -> str:
    """The message without the ``file:line [field]: `` prefix (JSON gives those apart)."""
    where = ":".join(str(p) for p in (e.file, e.line) if p is not None)
    if e.field:
        where = f"{where} [{e.field}]" if where else f"[{e.field}]"
    return str(e.message).removeprefix(f"{where}: ") if where else str(e.message)


policy_app = typer.Typer(
    help="Policy as code: validate, activate, explain, and enforce in the warehouse.",
    no_args_is_help=True,
)


@policy_app.command("validate")
@_guarded
def validate(
    files: list[Path] = typer.Argument(..., help="Policy files (YAML), merged as one policy."),
    output: str = typer.Option("text", "--format", help="text or json"),
) -> None:
    """Check policy files without changing the active policy. Every file is checked and every
    error reported (file, line, field); exit 2 when any is invalid."""
    from policies.loader import validate_files

    result = validate_files(files)
    policy = result.policy
    if policy is None:
        errors = result.errors
        bad = [f for f, errs in result.files.items() if errs]
        if output == "json":
            first = errors[0]
            console.print_json(
                json.dumps(
                    {
                        "valid": False,
                        # the first error as before, for scripts that read one
                        "error": _bare(first),
                        "file": first.file,
                        "line": first.line,
                        "field": first.field,
                        "errors": [
                            {
                                "file": e.file,
                                "line": e.line,
                                "field": e.field,
                                "error": _bare(e),
                                "hint": e.hint,
                            }
                            for e in errors
                        ],
                        "files": [
                            {"file": f, "valid": not errs, "errors": len(errs)}
                            for f, errs in result.files.items()
                        ],
                    }
                )
            )
            raise typer.Exit(EXIT_USAGE)
        for f, errs in result.files.items():
            if not errs:
                console.print(f"[green]ok[/]: {escape(f)}", highlight=False)
            for e in errs:
                print_error(e.message, e.hint)
        n = len(result.files)
        print_error(
            f"{len(bad)} of {n} file{'s' if n != 1 else ''} "
            f"{'are' if len(bad) != 1 else 'is'} invalid ({len(errors)} error(s))",
            "fix them and run `privacy policy validate` again; the active policy stays in force",
        )
        raise typer.Exit(EXIT_USAGE)
    if output == "json":
        console.print_json(
            json.dumps(
                {
                    "valid": True,
                    "version": policy.version,
                    "files": list(policy.files),
                    "roles": sorted(policy.roles),
                    "warnings": policy.warnings,
                }
            )
        )
        return
    console.print(
        f"[green]valid[/]: policy version {policy.version} "
        f"({len(policy.roles)} roles, {len(policy.rules)} rules, "
        f"{len(policy.entity_category)} entities) from {', '.join(map(str, files))}",
        highlight=False,
    )
    for w in policy.warnings:
        print_warning(w)


@policy_app.command("activate")
@_guarded
def activate(
    files: list[Path] = typer.Argument(
        None,
        help="Policy files; default: privacy.toml \\[policy] files, else the GDPR default.",
    ),
) -> None:
    """Validate and make the policy the active one. An invalid file changes nothing."""
    from policies.active import activate as do_activate
    from policies.active import active_state
    from privacy.errors import PolicyError

    s = settings()
    try:
        policy = do_activate(s, files or None, actor=actor())
    except PolicyError as e:
        state = active_state(s)
        keep = f"policy {state.version} stays active" if state else "no policy is active yet"
        e.hint = f"{e.hint or 'fix the file'}; {keep}"
        raise
    console.print(
        f"active policy: version {policy.version} from {', '.join(policy.files)}",
        highlight=False,
    )
    for w in policy.warnings:
        print_warning(w)


@policy_app.command("show")
@_guarded
def show(output: str = typer.Option("text", "--format", help="text or json")) -> None:
    """The active policy: version, files, when and by whom it was activated."""
    from policies.active import active_policy, active_state

    s = settings()
    policy = active_policy(s)
    state = active_state(s)
    roles = {r: policy.ancestors(r) for r in sorted(policy.roles)}
    info = {
        "version": policy.version,
        "files": list(policy.files),
        "activated_at": state.activated_at if state else None,
        "activated_by": state.activated_by if state else None,
        "roles": roles,
    }
    if output == "json":
        console.print_json(json.dumps(info))
        return
    console.print(f"active policy {policy.version} from {', '.join(policy.files)}", highlight=False)
    if state:
        console.print(f"activated {state.activated_at} by {state.activated_by}", highlight=False)
    for role, parents in roles.items():
        extra = f" (inherits {', '.join(parents)})" if parents else ""
        console.print(f"  role {role}{extra}", highlight=False)


@policy_app.command("explain")
@_guarded
def explain(
    role: str = typer.Option(..., "--role", help="A policy role."),
    table: str = typer.Option(None, "--table", help="SOURCE.TABLE or TABLE; default all."),
    output: str = typer.Option("table", "--format", help="table or json"),
) -> None:
    """What ROLE gets for each catalogued column, and why."""

    from policies.active import active_policy
    from policies.explain import explain as do_explain
    from policies.explain import untagged_resolution
    from privacy.catalog import Catalog

    s = settings()
    policy = active_policy(s)
    rows = do_explain(policy, role, Catalog(s.catalog_url), table)
    untagged = untagged_resolution(policy, role)
    if output == "json":
        console.print_json(
            json.dumps(
                {
                    "role": role,
                    "known_role": role in policy.roles,
                    "policy_version": policy.version,
                    "untagged_columns": str(untagged.effect),
                    "columns": [
                        {"source": r.source, "table": r.table, **r.decision.as_dict()} for r in rows
                    ],
                }
            )
        )
        return
    if role not in policy.roles:
        print_warning(
            f"{role!r} is not a role of policy {policy.version} "
            f"(roles: {', '.join(sorted(policy.roles))}): everything is denied"
        )
    console.print(escape(f"role {role} - policy {policy.version}"), highlight=False)
    # one table per catalogued table, its name as the title: a column cell holds the bare
    # column name, so names stay whole in 80 characters (they are what a reader acts on)
    groups: dict[str, list[Any]] = {}
    for r in rows:
        groups.setdefault(f"{r.source}.{r.table}", []).append(r)
    for name, group in groups.items():
        console.print(_explain_table(name, group))
    if not rows:
        console.print("the catalog has no columns yet: run `privacy scan SOURCE` first")
    unclassified = f"{untagged.effect} ({untagged.reason})"
    console.print(
        f"columns not in the catalog are unclassified: {escape(unclassified)}", highlight=False
    )


@policy_app.command("apply")
@_guarded
def apply(
    url: str = typer.Argument(
        ..., help="Warehouse: a PostgreSQL or MariaDB URL, or a source name."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the SQL; change nothing."),
    schema: str = typer.Option(
        None, "--schema", help="PostgreSQL schema holding the tables (default: public)."
    ),
) -> None:
    """Make the database enforce the active policy: roles, masked views, column grants."""
    from policies.active import active_policy, policy_for_preview
    from policies.warehouse import apply_policy
    from privacy.catalog import Catalog

    s = settings()
    name, real_url = s.source_url(url)
    if dry_run:
        # a dry run changes nothing: no first activation, no key store, no catalog file
        policy, is_active = policy_for_preview(s)
        if not is_active:
            print_warning(
                f"no policy is active yet: showing policy {policy.version} "
                f"({', '.join(policy.files)}), which the first real use activates; "
                "nothing was activated"
            )
        catalog = _catalog_for_reading(s.catalog_url)
    else:
        policy = active_policy(s)
        catalog = Catalog(s.catalog_url)
    plan = apply_policy(
        s,
        policy,
        real_url,
        source=name,
        catalog=catalog,
        schema=schema,
        dry_run=dry_run,
        actor=actor(),
    )
    for w in plan.warnings:
        print_warning(w)
    if dry_run:
        console.print(plan.sql_text(), highlight=False, markup=False, soft_wrap=True)
        return
    console.print(
        f"applied policy {policy.version} to {plan.target}: {len(plan.roles)} roles, "
        f"{len(plan.tables)} tables, {len(plan.statements)} statements",
        highlight=False,
    )


def _catalog_for_reading(url: str) -> Any:
    """The catalog, without creating a SQLite file that is not there yet (an empty, in-memory
    catalog stands in: nothing is tagged)."""
    from privacy.catalog import Catalog

    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:" and not Path(path).exists():
            return Catalog("sqlite://")
    return Catalog(url)


_EFFECT_STYLES = {"allow": "green", "deny": "red", "null": "red"}


def _explain_table(name: str, rows: list[Any]) -> Any:
    """The columns of one table and what the role gets; every cell wraps, none is cut."""
    from rich import box
    from rich.table import Table

    t = Table(title=escape(name), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)

    def fitted(values: list[str], header: str, cap: int) -> int:
        # short identifiers keep their width (cut entity names misread); long ones fold
        return min(max([len(header), *map(len, values)]), cap)

    columns = [r.decision.column for r in rows]
    holds = [r.decision.cls.entity or "-" for r in rows] + [r.decision.category for r in rows]
    t.add_column("column", overflow="fold", min_width=fitted(columns, "column", 24))
    # entity above its category: one column instead of two keeps room for the reason
    t.add_column("entity/category", overflow="fold", min_width=fitted(holds, "entity", 16))
    t.add_column("encrypt", overflow="fold")
    t.add_column("effect", overflow="fold", min_width=fitted([], "mask:partial", 12))
    t.add_column("why", overflow="fold", ratio=1, min_width=16)
    for r in rows:
        d = r.decision
        eff = str(d.effect)
        style = _EFFECT_STYLES.get(eff, "yellow")
        t.add_row(
            escape(d.column),
            f"{escape(d.cls.entity or '-')}\n[dim]{escape(d.category)}[/]",
            d.encrypt.value,
            f"[{style}]{escape(eff)}[/]",
            escape(d.resolution.reason),
        )
    return t


def register(app: typer.Typer) -> None:
    app.add_typer(policy_app, name="policy")


__all__ = ["EXIT_USAGE", "register"]
