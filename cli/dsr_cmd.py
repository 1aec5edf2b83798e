"""`privacy erase`, `privacy export` and `privacy requests ...`: wiring over privacy.dsr."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_OVERDUE,
    EXIT_USAGE,
    actor,
    console,
    err_console,
    fail,
    settings,
)
from privacy.errors import RetryableError

if TYPE_CHECKING:
    from privacy.config import Settings
    from privacy.dsr.models import Plan, Request, StepRecord
    from privacy.dsr.policy import ErasurePolicy
    from privacy.dsr.workflow import RequestView

REGIMES = ("gdpr", "ccpa", "pipa")


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        try:
            day = datetime.fromisoformat(text.strip()).date()
        except ValueError:
            fail(f"{option} {text!r} is not a date", EXIT_USAGE, hint="write it as YYYY-MM-DD")
    if option == "--received":
        from privacy.dsr.deadlines import checked_receipt

        checked_receipt(day)  # refused before any planning (exit 2)
    return day


def erasure_policy(settings: Settings) -> ErasurePolicy | None:
    """The policy engine's retention decisions when policy files are configured, else None
    (delete everywhere). Fails closed: with a policy configured but not loadable, nothing is
    erased, since rows kept for a legal obligation might otherwise be deleted."""
    if not settings.policy_files:
        return None
    try:
        from policies.retention import RetentionDecider
    except ImportError:
        fail(
            "policy files are configured but the retention engine (policies.retention) is "
            "not available",
            EXIT_ERROR,
            hint="install the complete toolkit, or remove the policy files setting from "
            "privacy.toml to erase without retention rules",
        )
    return RetentionDecider(settings, actor=actor())


def show_plan(plan: Plan, title: str) -> None:
    """Print a plan as a table (rows, action and how each table was reached). The demo uses it."""
    from rich.table import Table

    t = Table(title=title, title_justify="left")
    t.add_column("#", justify="right")
    t.add_column("table", overflow="fold")  # names wrap, never cut: they are what to check
    t.add_column("rows", justify="right")
    t.add_column("action", no_wrap=True)
    t.add_column("found by", overflow="fold")
    order = list(reversed(plan.tables)) if plan.kind.value == "erase" else plan.tables
    kept: list[str] = []  # why rows are anonymized rather than deleted, below the table
    for i, node in enumerate(order, 1):
        action = node.action
        if node.action == "anonymize" and node.rows:
            kept.append(
                f"#{i} {node.name}: {node.reason}; sets "
                + ", ".join(sorted(node.replacements))
                + " to null or a replacement, keeps the rest"
            )
            action += f" (#{i} below)"
        t.add_row(
            str(i),
            escape(node.name + (" [lake]" if node.lake else "")),
            str(node.rows),
            escape(action) if node.rows else "[dim]nothing found[/]",
            escape("; ".join(s.label for s in node.selectors)),
        )
    console.print(t)
    for line in kept:
        console.print(f"[dim]kept for a legal obligation:[/] {escape(line)}", highlight=False)
    for note in plan.notes:
        console.print(f"[dim]note:[/] {escape(note)}", highlight=False)
    console.print(f"{plan.total_rows} row(s) in {len([n for n in plan.tables if n.rows])} table(s)")


def progress_printer() -> Any:
    """A progress callback for the workflow: one line per journal step, on stderr."""

    def report(ids: Any, step: StepRecord, total: int) -> None:
        rows = "" if step.rows_affected is None else f" ({step.rows_affected} rows)"
        err_console.print(
            escape(f"  [{step.index + 1}/{total}] {step.kind.value} {step.target}{rows}"),
            highlight=False,
        )

    return report


def _finish(req: Request) -> None:
    from privacy.dsr.states import RequestState

    if req.state is RequestState.DONE:
        console.print(
            f"request [bold]{req.id}[/] done: {req.outcome} (subject {req.pseudonym}, "
            f"due {req.effective_due.isoformat()})",
            highlight=False,
        )
        return
    err_console.print(
        f"[bold red]request {req.id} is {req.state.value}:[/] {escape(str(req.state_reason))}",
        highlight=False,
    )
    err_console.print(
        f"  [dim]hint:[/] fix the cause, then `privacy requests resume {req.id}`", highlight=False
    )
    raise typer.Exit(EXIT_ERROR)


def _view_row(v: RequestView) -> list[str]:
    r = v.request
    if v.days_left is None:
        left = "late" if v.overdue else "-"
    elif v.overdue:
        left = f"[bold red]{-v.days_left} overdue[/]"
    else:
        left = str(v.days_left)
    state = v.state if v.state != "failed" else "[red]failed[/]"
    due = r.effective_due.isoformat() + (" (ext.)" if r.extended_until else "")
    if v.overdue and r.is_open:
        due = f"[bold red]{due}[/]"
    return [r.id, r.kind.value, state, r.regime, r.received_at.isoformat(), due, left, r.pseudonym]


def _fmt(d: dict[str, Any]) -> str:
    return escape(", ".join(f"{k}={json.dumps(v, default=str)}" for k, v in d.items()))


def register(app: typer.Typer) -> None:
    @app.command()
    def erase(
        subject: str = typer.Option(..., "--subject", help="KIND:VALUE, e.g. email:a@b.com"),
        dry_run: bool = typer.Option(False, "--dry-run", help="Show the plan; change nothing."),
        regime: str = typer.Option("gdpr", help="gdpr, ccpa or pipa (sets the due date)."),
        received: str | None = typer.Option(
            None, help="Date the request arrived (YYYY-MM-DD, UTC); default today."
        ),
        yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
    ) -> None:
        """Erase a data subject's rows from every table that holds them, then verify."""
        from privacy.dsr import workflow

        s = settings()
        if regime not in REGIMES:
            fail(f"unknown regime {regime!r}", EXIT_USAGE, hint="use gdpr, ccpa or pipa")
        when = _date(received, "--received")
        policy = erasure_policy(s)
        try:
            plan = workflow.preview(s, subject, policy=policy)
        except RetryableError as e:
            if dry_run or not yes:
                raise
            # the request arrived and its deadline runs: record it now, paused with the
            # reason, so `privacy requests resume ID` carries it out once the source is back
            err_console.print(f"[yellow]cannot plan yet:[/] {escape(e.message)}", highlight=False)
        else:
            show_plan(plan, "erasure plan (children before parents)")
        if dry_run:
            console.print("[dim]dry run: nothing was changed and no request was recorded[/]")
            return
        if not yes and not typer.confirm("Erase these rows and shred the subject's key?"):
            raise typer.Exit(EXIT_ERROR)
        req = workflow.erase(
            s,
            subject,
            regime=regime,
            received=when,
            policy=policy,
            actor=actor(),
            progress=progress_printer(),
        )
        _finish(req)

    @app.command()
    def export(
        subject: str = typer.Option(..., "--subject", help="KIND:VALUE, e.g. email:a@b.com"),
        out: Path = typer.Option(..., "--out", help="Folder to write the subject's data to."),
        regime: str = typer.Option("gdpr", help="gdpr, ccpa or pipa (sets the due date)."),
        received: str | None = typer.Option(
            None, help="Date the request arrived (YYYY-MM-DD, UTC); default today."
        ),
    ) -> None:
        """Write a data subject's rows (decrypted) as JSON and CSV, a manifest and a summary."""
        from privacy.dsr import workflow

        s = settings()
        if regime not in REGIMES:
            fail(f"unknown regime {regime!r}", EXIT_USAGE, hint="use gdpr, ccpa or pipa")
        if out.exists() and not out.is_dir():
            fail(f"{out} is a file, not a folder", EXIT_USAGE, hint="give a new or empty folder")
        if out.exists() and any(out.iterdir()):
            fail(
                f"{out} is not empty",
                EXIT_USAGE,
                hint="give a new or empty folder, so the export holds only this subject's data",
            )
        try:  # before the request is recorded: a folder that cannot be written is a usage error
            out.mkdir(parents=True, exist_ok=True)
            probe = out / ".privacy-write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as e:
            fail(
                f"cannot write to {out} ({e.strerror})",
                EXIT_USAGE,
                hint="give a folder this user may create and write",
            )
        req = workflow.export(
            s,
            subject,
            str(out.resolve()),
            regime=regime,
            received=_date(received, "--received"),
            actor=actor(),
            progress=progress_printer(),
        )
        _finish(req)
        console.print(f"written to {out}/ (open summary.html; manifest.json has checksums)")

    requests = typer.Typer(help="Data-subject requests: list, show, resume, extend, check.")
    app.add_typer(requests, name="requests")

    @requests.command("list")
    def list_(
        fmt: str = typer.Option("table", "--format", help="table or json"),
        open_only: bool = typer.Option(False, "--open", help="Only requests not done."),
    ) -> None:
        """Requests with due date, days left and state; overdue ones in red."""
        from rich.table import Table

        from privacy.dsr import workflow

        views = workflow.list_requests(settings(), open_only=open_only)
        if fmt == "json":
            print(json.dumps({"requests": [v.to_json() for v in views]}, indent=2))
            return
        if fmt != "table":
            fail(f"unknown format {fmt!r}", EXIT_USAGE, hint="use table or json")
        from rich import box

        t = Table(box=box.SIMPLE_HEAD)  # light borders: eight columns fit 80 characters
        for col in ("id", "kind", "state", "regime", "received", "due", "days left"):
            t.add_column(
                col, no_wrap=True, min_width={"received": 10, "due": 10, "days left": 9}.get(col)
            )
        wide = console.width >= 140  # the pseudonym is what a narrow terminal can spare
        if wide:
            t.add_column("subject (pseudonym)", overflow="fold")
        for v in views:
            row = _view_row(v)
            t.add_row(*(row if wide else row[:-1]))
        console.print(t if views else "no requests")

    @requests.command("show")
    def show(
        request_id: str = typer.Argument(..., metavar="ID"),
        fmt: str = typer.Option("table", "--format", help="table or json"),
    ) -> None:
        """A request's plan, steps and evidence."""
        from rich.table import Table

        from privacy.dsr import workflow

        v, steps = workflow.show(settings(), request_id)
        r = v.request
        if fmt == "json":
            data = v.to_json()
            data["plan"] = r.plan.to_json() if r.plan else None
            data["extension_reason"] = r.extension_reason
            data["steps"] = [
                {
                    "index": s.index,
                    "kind": s.kind.value,
                    "target": s.target,
                    "status": s.status.value,
                    "rows_planned": s.rows_planned,
                    "rows_affected": s.rows_affected,
                    "attempts": s.attempts,
                    "error": s.error,
                    "evidence": s.evidence,
                }
                for s in steps
            ]
            print(json.dumps(data, indent=2, default=str))
            return
        console.print(f"[bold]{r.id}[/] {r.kind.value} of {r.pseudonym} ({r.subject_kind})")
        console.print(escape(f"state: {v.state}" + (f" -- {v.reason}" if v.reason else "")))
        console.print(
            f"regime {r.regime}; received {r.received_at}; due {r.due_at}"
            + (
                f"; extended to {r.extended_until} ({escape(r.extension_reason or '')})"
                if r.extended_until
                else ""
            )
            + (f"; days left {v.days_left}" if v.days_left is not None else "")
            + (" [bold red]OVERDUE[/]" if v.overdue else ""),
            highlight=False,
        )
        if r.outcome:
            console.print(f"outcome: {r.outcome} at {r.completed_at}")
        if r.plan:
            show_plan(r.plan, "plan")
        t = Table(title="steps (journal)", title_justify="left")
        for col in ("#", "step", "target", "status", "rows", "tries"):
            t.add_column(col)
        for s in steps:
            t.add_row(
                str(s.index),
                s.kind.value,
                escape(s.target),
                escape(s.status.value + (f": {s.error}" if s.error else "")),
                "" if s.rows_affected is None else str(s.rows_affected),
                str(s.attempts),
            )
        console.print(t)
        console.print("[bold]evidence[/]")
        for s in steps:
            ev = {k: v for k, v in s.evidence.items() if k not in ("canary", "table", "checks")}
            if ev:
                console.print(
                    escape(f"  #{s.index} {s.kind.value} {s.target}: ") + _fmt(ev),
                    highlight=False,
                )
            for c in s.evidence.get("checks", []):
                c = dict(c)
                console.print(f"  #{s.index} check {c.pop('check')}: " + _fmt(c), highlight=False)

    @requests.command("resume")
    def resume(request_id: str = typer.Argument(..., metavar="ID")) -> None:
        """Continue a paused, failed or interrupted request from its journal."""
        from privacy.dsr import workflow

        s = settings()
        req = workflow.resume(
            s,
            request_id,
            policy=erasure_policy(s),
            actor=actor(),
            progress=progress_printer(),
        )
        _finish(req)

    @requests.command("extend")
    def extend(
        request_id: str = typer.Argument(..., metavar="ID"),
        until: str = typer.Option(..., help="New due date (YYYY-MM-DD)."),
        reason: str = typer.Option(..., help="Why more time is needed (told to the subject)."),
    ) -> None:
        """Extend a request's due date once, within the regime's limit, before it passes."""
        from privacy.dsr import workflow

        new = _date(until, "--until")
        assert new is not None
        req = workflow.extend(settings(), request_id, until=new, reason=reason, actor=actor())
        console.print(f"request {req.id} now due {req.effective_due.isoformat()}")

    @requests.command("check")
    def check() -> None:
        """Exit 4 when any open request is overdue (for a scheduler to alert on)."""
        from privacy.dsr import workflow

        late = workflow.overdue(settings())
        for v in late:
            err_console.print(
                f"overdue: {v.request.id} ({v.request.kind.value}, {v.state}) due "
                f"{v.request.effective_due.isoformat()}, {-(v.days_left or 0)} day(s) late",
                highlight=False,
            )
        if late:
            raise typer.Exit(EXIT_OVERDUE)
        console.print("no open request is overdue")
        raise typer.Exit(EXIT_OK)
