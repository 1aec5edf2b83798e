"""What the CLI prints is the data as it is: names and details with square brackets are not
swallowed as Rich markup (a CSV header or a database column may be called ``[notes]``)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cli.app import app
from cli.common import print_warning
from cli.dsr_cmd import show_plan
from privacy import auditing
from privacy.config import Settings
from privacy.dsr.models import Plan, RequestKind, Selector, TableNode


def test_erasure_plan_marks_lake_tables_and_keeps_bracketed_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    plan = Plan(
        RequestKind.ERASE,
        "email",
        [
            TableNode("lake", "events", [Selector("email")], rows=2, lake=True),
            TableNode("crm", "[legacy]", [Selector("[mail]")], rows=1),
        ],
        notes=["column [mail] matched by name"],
    )
    show_plan(plan, "plan")
    out = capsys.readouterr().out
    assert "lake.events [lake]" in out
    assert "crm.[legacy]" in out
    assert "[mail] = subject" in out
    assert "column [mail] matched by name" in out


def test_warnings_keep_bracketed_text(capsys: pytest.CaptureFixture[str]) -> None:
    print_warning("analyst: orders.[notes]: free text [/] reads as NULL")
    assert "orders.[notes]: free text [/] reads as NULL" in capsys.readouterr().err


def test_audit_log_table_shows_details_and_targets_as_recorded(settings: Settings) -> None:
    auditing.record(settings, "tag.set", "crm.[legacy].x", details={"flags": [True]})
    auditing.flush()
    result = CliRunner().invoke(
        app, ["audit", "log"], env={"COLUMNS": "200"}, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert '{"flags":[true]}' in result.output
    assert "crm.[legacy].x" in result.output


@pytest.mark.parametrize(
    ("command", "text"),
    [(["scan", "--help"], "[scan] sample"), (["policy", "activate", "--help"], "[policy] files")],
)
def test_help_names_privacy_toml_tables(command: list[str], text: str) -> None:
    # Typer renders help as Rich markup: a [table] name must be escaped to show
    result = CliRunner().invoke(app, command, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert text in result.output
