"""`privacy check SOURCE`: the pipeline gate. Exit 3 when PII sits in an untagged column.

Thin wiring over :func:`privacy.hooks.check.check_source` and
:func:`privacy.hooks.dbt.check_dbt`; heavy imports happen inside the command. The offending
columns are printed (a table, or JSON on stdout with ``--format json``); errors go to stderr.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from cli.common import (
    EXIT_USAGE,
    EXIT_VIOLATION,
    Format,
    actor,
    console,
    err_console,
    exit_on_error,
    print_error,
    settings,
)

if TYPE_CHECKING:
    from privacy.hooks.check import CheckReport


def _table(report: CheckReport) -> Any:
    from rich.markup import escape
    from rich.table import Table

    t = Table(
        title=f"privacy check: {escape(report.source)} — personal data in untagged columns",
        title_justify="left",
    )
    t.add_column("column")
    t.add_column("entity")
    t.add_column("why")
    t.add_column("evidence", overflow="fold")
    with_model = any(tc.model for tc, _ in report.rejected)
    if with_model:
        t.add_column("dbt node")
    for tc, c in report.rejected:
        evidence = list(c.finding.evidence) if c.finding else []
        why = evidence[0].removeprefix("catalog:") if evidence else ""
        row = [
            escape(f"{tc.source}.{tc.table}.{c.column}"),
            f"[bold]{escape(c.entity or '')}[/]",
            escape(why),
            escape(", ".join(evidence[1:])),
        ]
        if with_model:
            row.append(escape(tc.model or ""))
        t.add_row(*row)
    return t


def _summary(report: CheckReport) -> str:
    n = len(report.tables)
    cols = sum(t.columns for t in report.tables)
    line = f"{n} table{'s' if n != 1 else ''}, {cols} columns checked"
    if report.rejected:
        line += f": {len(report.rejected)} column(s) hold personal data without a confirmed tag"
    else:
        line += ": no personal data in untagged columns"
    if report.errors:
        line += f"; {len(report.errors)} table(s) could not be checked"
    if report.skipped:
        line += f"; {len(report.skipped)} dbt node(s) built nothing to check"
    return line


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        source: str = typer.Argument(
            ..., help="A source name from privacy.toml, a SQLAlchemy URL, or a path."
        ),
        table: list[str] = typer.Option(
            [], "--table", "-t", help="Check only this table (repeatable)."
        ),
        dbt_manifest: Path | None = typer.Option(
            None,
            "--dbt-manifest",
            help="dbt's target/manifest.json: check the relations that dbt run built "
            "(run_results.json beside it says which).",
        ),
        sample: int | None = typer.Option(
            None, "--sample", min=10, help="Rows sampled per table (default: scan.sample, 1000)."
        ),
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
        no_record: bool = typer.Option(
            False, "--no-record", help="Do not store proposals for the offending columns."
        ),
    ) -> None:
        """Fail (exit 3) when personal data sits in a column with no confirmed tag."""
        from rich.markup import escape

        if dbt_manifest is not None and table:
            print_error("--table and --dbt-manifest exclude each other")
            raise typer.Exit(EXIT_USAGE)
        who = actor()
        with exit_on_error():
            s = settings()
            if dbt_manifest is not None:
                from privacy.hooks.dbt import check_dbt

                report = check_dbt(
                    source,
                    dbt_manifest,
                    settings=s,
                    sample=sample,
                    record=not no_record,
                    actor=who,
                )
            else:
                from privacy.hooks.check import check_source

                report = check_source(
                    source,
                    table or None,
                    settings=s,
                    sample=sample,
                    record=not no_record,
                    actor=who,
                )

        if fmt == Format.json:
            typer.echo(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
        else:
            if report.rejected:
                console.print(_table(report))
            console.print(_summary(report), highlight=False)
        for tc in report.errors:
            assert tc.error is not None
            print_error(f"{tc.table}: {tc.error.message}", tc.error.hint)
        if report.rejected and fmt != Format.json:
            first_t, first_c = report.rejected[0]
            ref = f"{first_t.source}.{first_t.table}.{first_c.column}"
            err_console.print(
                f"  [dim]hint:[/] confirm the proposals (`privacy tag confirm {escape(ref)}`), "
                "tag the columns (`privacy tag set COLUMN ENTITY`) or drop them",
                highlight=False,
            )
        if report.exit_code:
            raise typer.Exit(EXIT_VIOLATION if report.rejected else report.exit_code)
