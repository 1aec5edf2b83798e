"""`privacy scan SOURCE`: classify every column of a source and store the proposals.

Thin wiring over :func:`privacy.scan.run_scan`; heavy imports (sources, catalog, Presidio)
happen inside the command. JSON goes to stdout untouched (progress and errors go to stderr),
so ``privacy scan ... --format json | jq`` works.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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
    fail,
    print_error,
    print_note,
    settings,
)
from privacy.errors import PrivacyError

if TYPE_CHECKING:
    from privacy.catalog.models import ColumnTag
    from privacy.config import Settings
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


def report_json(
    report: ScanReport,
    accepted: int | None = None,
    *,
    notes: list[Note] | None = None,
    nothing: Problem | None = None,
) -> dict[str, Any]:
    """The report as DESIGN.md promises it. ``nothing``: the scan found nothing to scan, a
    failure of the whole source (``table`` null); ``notes``: non-fatal remarks per table."""
    failed = [{"table": f.table, "error": f.error, "hint": f.hint} for f in report.failures]
    if nothing is not None:
        failed.append({"table": None, "error": nothing.error, "hint": nothing.hint})
    out: dict[str, Any] = {
        "source": report.source,
        "columns": [tag_json(t) for t in report.tags],
        "failed": failed,
        "notes": [{"table": n.table, "note": n.text} for n in notes or []],
        "summary": {
            "tables": len(report.tables),
            "columns": len(report.tags),
            "pii_columns": len(report.pii),
            "failed_tables": len(failed),
            "seconds": round(report.seconds, 3),
        },
    }
    if accepted is not None:
        out["summary"]["accepted"] = accepted
    return out


def failure_json(source: str, error: str, hint: str | None) -> dict[str, Any]:
    """The report of a scan that failed as a whole (unreachable, unknown scheme, ...): the same
    shape, no columns, one failure with no table, so a script reads every outcome alike."""
    return {
        "source": source,
        "columns": [],
        "failed": [{"table": None, "error": error, "hint": hint}],
        "notes": [],
        "summary": {
            "tables": 0,
            "columns": 0,
            "pii_columns": 0,
            "failed_tables": 1,
            "seconds": 0.0,
        },
    }


@dataclass(frozen=True)
class Note:
    table: str
    text: str


@dataclass(frozen=True)
class Problem:
    error: str
    hint: str


#: kinds the classifier judges without values (evidence ``type:...``, never ``values:empty``)
_VALUELESS_KINDS = frozenset({"type:boolean", "type:binary", "type:time"})


def scan_notes(report: ScanReport) -> list[Note]:
    """Tables a person should know were scanned with nothing to look at: no columns (an empty
    file), or no values at all (an empty table, or every column null), tagged by name only."""
    by_table: dict[str, list[ColumnTag]] = {t: [] for t in report.tables}
    for tag in report.tags:
        by_table.setdefault(tag.table, []).append(tag)
    notes = []
    for table, tags in by_table.items():
        if not tags:
            notes.append(
                Note(table, f"table {table} has no columns (an empty file?): nothing to tag")
            )
        elif any("values:empty" in t.evidence for t in tags) and all(
            "values:empty" in t.evidence or _VALUELESS_KINDS & set(t.evidence) for t in tags
        ):
            notes.append(
                Note(
                    table,
                    f"table {table} is empty (no values in its sample): tagged by name only; "
                    "rescan when it has rows",
                )
            )
    return notes


def nothing_found(report: ScanReport, where: str) -> Problem | None:
    """A scan that found no table, or only tables with no columns, is an error: the path or
    URL (``where``, as the user typed it) is almost certainly not what was meant."""
    if report.tags or report.failures:
        return None
    from privacy.sources.urls import is_url, scheme_of

    url = report.url
    if report.tables:
        return Problem(
            f"no columns found in {where}: "
            + ", ".join(report.tables)
            + f" {'has' if len(report.tables) == 1 else 'have'} none",
            "the file is empty or has no header row: check the export that wrote it",
        )
    error = f"no tables found in {where}"
    if is_url(url) and scheme_of(url) != "file":
        if scheme_of(url).startswith("sqlite") and url.split("///", 1)[-1] in ("", ":memory:"):
            hint = "sqlite:/// names no database file: give its path, e.g. sqlite:///warehouse.db"
        else:
            hint = (
                "the database has no tables this login can see: check the database name in "
                "the URL and the login's privileges"
            )
    else:
        hint = (
            "a folder is scanned for CSV, Parquet and JSON-lines files and Delta tables "
            "(folders with _delta_log): check the path"
        )
    return Problem(error, hint)


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
    name: str | None = typer.Option(
        None,
        "--name",
        help="Catalog name for a URL or path (default: the database or file name).",
    ),
) -> None:
    """Find the columns that hold personal data and store them as proposed tags."""
    from rich.markup import escape

    from privacy.scan.scanner import accept_above, run_scan

    who = actor()
    if name is not None and not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        fail(
            f"--name {name!r} is not a source name",
            EXIT_USAGE,
            hint="letters, digits, _ and - only (it is the SOURCE of SOURCE.TABLE.COLUMN)",
        )
    if output is not None and (output.is_dir() or not output.parent.is_dir()):
        # checked before the scan: its proposals must not be stored with no report to show
        where = "is a folder" if output.is_dir() else "is in a folder that does not exist"
        fail(
            f"--output {output} {where}", EXIT_USAGE, hint="give a file path in an existing folder"
        )

    def emit_json(data: dict[str, Any]) -> None:
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            typer.echo(text, nl=False)

    try:
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
                name=name,
            )
        accepted = None
        if accept is not None:
            accepted = len(accept_above(s, report, accept, actor=who))
        gone = [] if table else _mark_gone(s, report, who)
    except PrivacyError as e:
        if fmt == Format.json:
            # the whole source failed: still the documented shape, so `| jq` sees why
            emit_json(failure_json(_source_name(source), e.message, e.hint))
        print_error(e.message, e.hint)
        raise typer.Exit(e.exit_code) from None

    nothing = nothing_found(report, source)
    notes = scan_notes(report) if nothing is None else []
    if fmt == Format.json:
        emit_json(report_json(report, accepted, notes=notes, nothing=nothing))
    elif output:
        from rich.console import Console

        with output.open("w", encoding="utf-8") as out:
            file_console = Console(file=out, width=160, no_color=True, force_terminal=False)
            file_console.print(_table(report))
            file_console.print(_summary(report, accepted))
    else:
        if nothing is None:
            console.print(_table(report))
        console.print(_summary(report, accepted), highlight=False)
    if output:
        err_console.print(
            f"{escape(_summary(report, accepted))}; report written to {escape(str(output))}",
            highlight=False,
        )
    for n in notes:
        print_note(n.text)
    if gone:
        names = ", ".join(str(t.ref) for t in gone[:5]) + (" ..." if len(gone) > 5 else "")
        print_note(
            f"{len(gone)} catalogued column(s) no longer exist in {report.source}: {names}; "
            "their tags stay, marked gone (`privacy tag list` shows them)"
        )
    for f in report.failures:
        print_error(f"table {f.table}: {f.error}", f.hint)
    if nothing is not None:
        print_error(nothing.error, nothing.hint)
    if report.failures or nothing is not None:
        raise typer.Exit(EXIT_ERROR)


def _mark_gone(s: Settings, report: ScanReport, who: str) -> list[ColumnTag]:
    """A full scan saw every column the source has: tags of columns it did not see (a dropped
    table or column) are marked gone, never deleted. Tables the scan could not read are left
    alone, and a scan that found nothing at all marks nothing (a wrong path is not a drop)."""
    from privacy.catalog.review import record_gone
    from privacy.catalog.store import Catalog

    if not report.tables:
        return []
    cat = Catalog(s.catalog_url)
    try:
        return record_gone(
            s,
            cat,
            report.source,
            {(t.table, t.column) for t in report.tags},
            unknown_tables={f.table for f in report.failures},
            actor=who,
        )
    finally:
        cat.close()


def _source_name(source: str) -> str:
    """The name a report gives SOURCE, also when settings or the source could not be opened."""
    try:
        return settings().source_url(source)[0]
    except Exception:  # a broken privacy.toml is the error being reported
        return source


def register(app: typer.Typer) -> None:
    app.command("scan")(scan)
