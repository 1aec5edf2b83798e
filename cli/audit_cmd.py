"""`privacy audit log|verify|checkpoint|key|report`: wiring over :mod:`privacy.auditing`."""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import typer
from rich.markup import escape

from cli.common import EXIT_ERROR, EXIT_USAGE, console, err_console, fail, settings

audit_app = typer.Typer(
    help="The tamper-evident audit log: list events, verify, export checkpoints, reports.",
    no_args_is_help=True,
)

_RELATIVE = re.compile(r"^(\d+)([smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def _moment(text: str, option: str, *, end_of_day: bool = False) -> str:
    """An ISO date/datetime or a relative age (``7d``, ``24h``) as the log's time format."""
    m = _RELATIVE.match(text.strip())
    if m:
        moment = datetime.now(UTC) - timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})
    else:
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            fail(
                f"{option} {text!r} is neither an ISO date/time nor an age like 7d or 24h",
                EXIT_USAGE,
            )
        if len(text.strip()) == 10 and end_of_day:
            moment += timedelta(days=1, microseconds=-1)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{option} {text!r} is not a date (YYYY-MM-DD)", EXIT_USAGE)


def _action_filter(patterns: list[str]) -> tuple[list[str], list[str]]:
    """``dsr.*``/``dsr.``/``dsr`` select a family, anything else one action exactly."""
    prefixes, exact = [], []
    for p in patterns:
        if p.endswith("*"):
            prefixes.append(p[:-1])
        elif p.endswith(".") or "." not in p:
            prefixes.append(p if p.endswith(".") else p + ".")
        else:
            exact.append(p)
            prefixes.append(p)
    return prefixes, exact


@audit_app.command("log")
def log_events(
    since: str = typer.Option(None, "--since", help="ISO date/time, or an age: 7d, 24h, 30m."),
    until: str = typer.Option(None, "--until", help="ISO date/time (a date includes that day)."),
    action: list[str] = typer.Option(
        [], "--action", help="An action (dsr.received) or a family (dsr, dsr.*). Repeatable."
    ),
    target: str = typer.Option(None, "--target", help="Only events with this exact target."),
    limit: int = typer.Option(100, "--limit", help="Show the last N matches (0: all)."),
    output: str = typer.Option("table", "--format", help="table or json (one event a line)."),
) -> None:
    """List audit events, oldest first."""
    from collections import deque

    from privacy import auditing

    if output not in ("table", "json"):
        fail(f"unknown format {output!r}", EXIT_USAGE, hint="use table or json")
    lo = _moment(since, "--since") if since else None
    hi = _moment(until, "--until", end_of_day=True) if until else None
    prefixes, exact = _action_filter(action)
    log = auditing.open_log(settings(), readonly=True)
    shown: deque = deque(maxlen=limit if limit > 0 else None)
    matched = 0
    try:
        for rec in log.records(actions=prefixes or None):
            if (
                exact
                and rec.action not in exact
                and not any(rec.action.startswith(p) for p in prefixes if p not in exact)
            ):
                continue
            if (lo and rec.time < lo) or (hi and rec.time > hi):
                continue
            if target and rec.target != target:
                continue
            matched += 1
            shown.append(rec)
    finally:
        log.close()
    if output == "json":
        for rec in shown:
            sys.stdout.write(json.dumps(rec.as_dict(), ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    title = f"audit log {log.location}"
    if matched > len(shown):
        title += f" (last {len(shown)} of {matched} matching events)"
    table = Table(title=escape(title))
    for col, kw in (
        ("seq", {"justify": "right"}),
        ("time (UTC)", {}),
        ("actor", {}),
        ("action", {}),
        ("target", {"overflow": "fold"}),
        ("outcome", {}),
        ("details", {"overflow": "fold", "max_width": 60}),
    ):
        table.add_column(col, **kw)
    for rec in shown:
        details = json.dumps(rec.details, ensure_ascii=False, separators=(",", ":"))
        if len(details) > 160:
            details = details[:157] + "..."
        style = "" if rec.outcome in ("ok", "passed") else "yellow"
        table.add_row(
            str(rec.seq),
            rec.time[:19].replace("T", " "),
            escape(rec.actor),
            escape(rec.action),
            escape(rec.target),
            f"[{style}]{escape(rec.outcome)}[/]" if style else escape(rec.outcome),
            escape(details),
        )
    console.print(table)
    if not shown:
        console.print("[dim]no matching events[/]")


@audit_app.command("verify")
def verify(
    against: Path = typer.Option(
        None,
        "--against",
        help="A checkpoint file exported earlier (`privacy audit checkpoint --export`): also "
        "prove the log was not truncated, rolled back or rewritten since.",
    ),
    key: str = typer.Option(
        None,
        "--key",
        help="Verifier key (NAME+ID+BASE64, or a file holding it) to pin; default: the local "
        "signing key's public half.",
    ),
    output: str = typer.Option("text", "--format", help="text or json"),
) -> None:
    """Check every hash and signature of the audit log. Exit 0 only if all holds."""
    from privacy import auditing

    if output not in ("text", "json"):
        fail(f"unknown format {output!r}", EXIT_USAGE, hint="use text or json")
    rep = auditing.verify(settings(), against=against, key=key)
    if output == "json":
        print(json.dumps(rep.as_dict(), indent=1))
    else:
        mark = "[bold green]OK[/]" if rep.ok else "[bold red]FAILED[/]"
        console.print(f"{mark} {rep.summary()}", highlight=False, soft_wrap=True)
        console.print(f"  log      {rep.location}", highlight=False, soft_wrap=True)
        console.print(f"  origin   {rep.origin}", highlight=False, soft_wrap=True)
        console.print(
            f"  root     {rep.root.hex()} (size {rep.signed_size})", highlight=False, soft_wrap=True
        )
        trusted = "pinned" if rep.key_trusted else "named by the log itself"
        console.print(f"  key      {rep.key} ({trusted})", highlight=False, soft_wrap=True)
        if rep.against is not None:
            a = rep.against
            state = "holds" if a.holds else "does NOT hold"
            console.print(
                f"  export   size {a.size}, root {a.root.hex()[:16]}…: {state}"
                + (f" (consistency proof, {a.proof_hashes} hashes)" if a.holds else ""),
                highlight=False,
                soft_wrap=True,
            )
        for p in rep.problems:
            err_console.print(
                f"[red]problem[/] {escape(f'{p.where}: {p.message}')}",
                highlight=False,
                soft_wrap=True,
            )
        for w in rep.warnings:
            err_console.print(
                f"[yellow]warning[/] {escape(f'{w.where}: {w.message}')}",
                highlight=False,
                soft_wrap=True,
            )
    if not rep.ok:
        raise typer.Exit(EXIT_ERROR)


@audit_app.command("checkpoint")
def checkpoint(
    export: Path = typer.Option(
        None, "--export", help="Also write the signed checkpoint to this file, to keep elsewhere."
    ),
) -> None:
    """Sign a checkpoint of the log now (and export it for the compliance officer)."""
    from privacy import auditing

    s = settings()
    cp = auditing.export_checkpoint(s, export) if export else auditing.checkpoint(s)
    vkey = auditing.trusted_verifier(s)
    console.print(
        f"checkpoint of [bold]{cp.size}[/] entries, root {cp.root.hex()}", highlight=False
    )
    if export:
        console.print(f"written to {export}", highlight=False, soft_wrap=True)
    if vkey is not None:
        console.print(f"verifier key: {vkey.encode()}", highlight=False, soft_wrap=True)
        if export:
            console.print(
                "[dim]keep the file and this key apart from the log; later run "
                f"`privacy audit verify --against {export} --key <key>`[/]",
                highlight=False,
                soft_wrap=True,
            )


@audit_app.command("key")
def key() -> None:
    """Print the audit log's verifier (public) key, to pin in `verify --key`."""
    from privacy import auditing

    s = settings()
    vkey = auditing.trusted_verifier(s)
    if vkey is None:
        fail(
            f"no audit signing key at {auditing.signing_key_path(s)}",
            hint="it is created by the first command that changes something",
        )
    print(vkey.encode())


@audit_app.command("report")
def report(
    from_: str = typer.Option(None, "--from", help="First day (YYYY-MM-DD); default: 30 days ago."),
    to: str = typer.Option(None, "--to", help="Last day (YYYY-MM-DD), included; default: today."),
    output_format: str = typer.Option("html", "--format", help="html, md or json"),
    output: Path = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    key: str = typer.Option(None, "--key", help="Verifier key to pin (see `audit verify`)."),
) -> None:
    """A compliance report for a period: PII inventory, ingestion rejections, access
    decisions, data-subject requests and deadlines, key shreds, and the log's own check."""
    from privacy import auditing

    if output_format not in ("html", "md", "json"):
        fail(f"unknown format {output_format!r}", EXIT_USAGE, hint="use html, md or json")
    end = _day(to, "--to") if to else datetime.now(UTC).date()
    start = _day(from_, "--from") if from_ else end - timedelta(days=30)
    if end < start:
        fail(f"--to {end} is before --from {start}", EXIT_USAGE)
    text = auditing.report(settings(), start, end, output_format, key=key)
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    console.print(
        f"report for {start} .. {end} written to {output}", highlight=False, soft_wrap=True
    )


def demo_step(workdir: Path) -> bool:
    """The demo's last step: sign, verify, export a checkpoint and write the HTML report.
    Returns whether the log verified."""
    from privacy import auditing

    s = settings()
    console.rule("audit log")
    auditing.flush()  # sign what the demo appended in this process
    export = workdir / "audit-checkpoint.note"
    auditing.export_checkpoint(s, export)
    rep = auditing.verify(s, against=export)
    mark = "[bold green]OK[/]" if rep.ok else "[bold red]FAILED[/]"
    console.print(f"{mark} {rep.summary()}", highlight=False, soft_wrap=True)
    for p in rep.problems:
        err_console.print(f"[red]problem[/] {escape(f'{p.where}: {p.message}')}", highlight=False)
    today = datetime.now(UTC).date()
    html = workdir / "audit-report.html"
    html.write_text(auditing.report(s, today - timedelta(days=30), today, "html"), encoding="utf-8")
    console.print(f"compliance report: {html}", highlight=False, soft_wrap=True)
    console.print(
        f"checkpoint for the officer: {export} (later: privacy audit verify --against {export})",
        highlight=False,
        soft_wrap=True,
    )
    return rep.ok


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
