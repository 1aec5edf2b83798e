"""`privacy scan SOURCE`: classify every column of a source and store the proposals.

Thin wiring over :func:`privacy.scan.run_scan`; heavy imports (sources, catalog, Presidio)
happen inside the command. JSON goes to stdout untouched (progress and errors go to stderr),
so ``privacy scan ... --format json | jq`` works.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from cli.common import (
    EXIT_ERROR,
    EXIT_USAGE,
    Format,
    actor,
    console,
    err_console,
    exit_on_error,
    fail,
    print_error,
    settings,
)

if TYPE_CHECKING:
    from privacy.catalog.models import ColumnTag
    from privacy.scan.scanner import Progress, ScanReport


def tag_json(tag: ColumnTag) -> dict[str, Any]:
    """One column of the JSON report (the shape DESIGN.md promises, plus subject fields)."""
    return {
        "table": tag.table,
        "column": tag.column,
        "entity": tag.entity,
        "category": tag.category,
        "confidence": tag.confidence,
        "evidence": list(tag.evidence),
        "identifies_subject": tag.identifies_subject,
        "subject_kind": tag.subject_kind,
        "free_text": tag.free_text,
    }


def report_json(report: ScanReport, accepted: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "source": report.source,
        "columns": [tag_json(t) for t in report.tags],
        "failed": [{"table": f.table, "error": f.error, "hint": f.hint} for f in report.failures],
        "summary": {
            "tables": len(report.tables),
            "columns": len(report.tags),
            "pii_columns": len(report.pii),
            "failed_tables": len(report.failures),
            "seconds": round(report.seconds, 3),
        },
    }
    if accepted is not None:
        out["summary"]["accepted"] = accepted
    return out


def _table(report: ScanReport) -> Any:
    from rich.markup import escape
    from rich.table import Table

    many = len({t.table for t in report.tags}) > 1
    t = Table(title=f"privacy scan: {escape(report.source)}", title_justify="left", expand=False)
    t.add_column("column", no_wrap=True)
    t.add_column("entity", no_wrap=True)
    t.add_column("conf.", justify="right", no_wrap=True)
    t.add_column("evidence", overflow="fold", ratio=1)
    for tag in report.tags:
        name = escape(f"{tag.table}.{tag.column}" if many else tag.column)
        ev = escape(", ".join(tag.evidence))
        if tag.identifies_subject and tag.subject_kind:
            ev = f"[bold]subject:{escape(tag.subject_kind)}[/] {ev}"
        if tag.entity:
            t.add_row(name, f"[bold]{escape(tag.entity)}[/]", f"{tag.confidence:.2f}", ev)
        else:
            t.add_row(f"[dim]{name}[/]", "[dim]-[/]", "", f"[dim]{ev}[/]")
    return t


def _summary(report: ScanReport, accepted: int | None) -> str:
    n = len(report.tables)
    line = (
        f"{n} table{'s' if n != 1 else ''}, {len(report.tags)} columns scanned in "
        f"{report.seconds:.1f} s: {len(report.pii)} hold personal data"
    )
    if report.failures:
        line += f"; {len(report.failures)} table(s) failed"
    if accepted is not None:
        line += f"; {accepted} proposal(s) confirmed by --accept-above"
    return line


@contextmanager
def _progress(enabled: bool) -> Iterator[Progress | None]:
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("scanning"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=err_console,
        transient=True,
    )
    task = bar.add_task("", total=None)

    def update(table: str, done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description=table)

    with bar:
        yield update


def scan(
    source: str = typer.Argument(
        ..., help="A source name from privacy.toml, a SQLAlchemy URL, or a path."
    ),
    table: list[str] = typer.Option([], "--table", "-t", help="Scan only this table (repeatable)."),
    sample: int | None = typer.Option(
        None,
        "--sample",
        min=10,
        help="Rows sampled per table (default: \\[scan] sample, 1000).",
    ),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to this file instead of stdout."
    ),
    accept: float | None = typer.Option(
        None,
        "--accept-above",
        min=0.0,
        max=1.0,
        help="Confirm proposals with at least this confidence (a person's decisions stay).",
    ),
    no_ner: bool = typer.Option(
        False, "--no-ner", help="Never load the NLP model (faster; free text less accurate)."
    ),
) -> None:
    """Find the columns that hold personal data and store them as proposed tags."""
    from rich.markup import escape

    from privacy.scan.scanner import accept_above, run_scan

    who = actor()
    if output is not None and (output.is_dir() or not output.parent.is_dir()):
        # checked before the scan: its proposals must not be stored with no report to show
        where = "is a folder" if output.is_dir() else "is in a folder that does not exist"
        fail(
            f"--output {output} {where}", EXIT_USAGE, hint="give a file path in an existing folder"
        )
    with exit_on_error():
        s = settings()
        with _progress(err_console.is_terminal) as progress:
            report = run_scan(
                s,
                source,
                tables=table or None,
                sample=sample,
                ner=not no_ner,
                progress=progress,
                actor=who,
            )
        accepted = None
        if accept is not None:
            accepted = len(accept_above(s, report, accept, actor=who))

    if fmt == Format.json:
        text = json.dumps(report_json(report, accepted), indent=2, ensure_ascii=False) + "\n"
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            typer.echo(text, nl=False)
    elif output:
        from rich.console import Console

        with output.open("w", encoding="utf-8") as out:
            file_console = Console(file=out, width=160, no_color=True, force_terminal=False)
            file_console.print(_table(report))
            file_console.print(_summary(report, accepted))
    else:
        console.print(_table(report))
        console.print(_summary(report, accepted), highlight=False)
    if output:
        err_console.print(
            f"{escape(_summary(report, accepted))}; report written to {escape(str(output))}",
            highlight=False,
        )
    for f in report.failures:
        print_error(f"table {f.table}: {f.error}", f.hint)
    if report.failures:
        raise typer.Exit(EXIT_ERROR)


def register(app: typer.Typer) -> None:
    app.command("scan")(scan)
