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


def test_scan_output_path_and_damaged_catalog_are_clear_errors(
    settings: Settings, tmp_path: object
) -> None:
    """No traceback, and nothing stored when the report could not be written."""
    from pathlib import Path

    from privacy.catalog import Catalog

    root = Path(str(tmp_path))
    (root / "t.csv").write_text("id,user.email\n1,a1@ex.com\n2,b2@ex.com\n3,c3@ex.com\n")
    runner = CliRunner()
    for out, what in ((root / "nodir" / "r.json", "does not exist"), (root, "is a folder")):
        res = runner.invoke(app, ["scan", str(root / "t.csv"), "-o", str(out)])
        assert res.exit_code == 2 and what in " ".join(res.output.split()), res.output
    assert not Path(settings.catalog_url.removeprefix("sqlite:///")).exists()
    # a column name with a dot can be reviewed by its SOURCE.TABLE.COLUMN name
    assert runner.invoke(app, ["scan", str(root / "t.csv")]).exit_code == 0
    res = runner.invoke(app, ["tag", "confirm", "t.t.user.email"])
    assert res.exit_code == 0, res.output
    tags = Catalog(settings.catalog_url).tags("t")
    assert [(t.column, t.status.value) for t in tags if t.entity] == [("user.email", "confirmed")]
    Path(settings.catalog_url.removeprefix("sqlite:///")).write_bytes(b"garbage" * 100)
    res = runner.invoke(app, ["tag", "list"])
    assert res.exit_code == 1 and res.exception is not None
    assert "cannot be read as a catalog" in " ".join(res.output.split())


def test_one_source_name_stands_for_one_database(settings: Settings, tmp_path: object) -> None:
    """Two databases both called `w` would mix their tags under one name: the second is
    refused with a hint, and scans under a name of its own."""
    import sqlite3
    from pathlib import Path

    from privacy.catalog import Catalog

    root = Path(str(tmp_path))
    for sub in ("a", "b"):
        (root / sub).mkdir()
        c = sqlite3.connect(root / sub / "w.db")
        c.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, email TEXT)")
        c.executemany(
            "INSERT INTO customers(email) VALUES (?)", [(f"p{i}@ex.com",) for i in range(30)]
        )
        c.commit()
        c.close()
    runner = CliRunner()
    first = runner.invoke(app, ["scan", f"sqlite:///{root}/a/w.db"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["scan", f"sqlite:///{root}/a/w.db"])  # the same data: fine
    assert again.exit_code == 0, again.output
    other = runner.invoke(app, ["scan", f"sqlite:///{root}/b/w.db"])
    text = " ".join(other.output.split())
    assert other.exit_code == 1 and "holds the tags of" in text and "--name" in text
    named = runner.invoke(app, ["scan", f"sqlite:///{root}/b/w.db", "--name", "w_b"])
    assert named.exit_code == 0, named.output
    cat = Catalog(settings.catalog_url)
    assert {t.source for t in cat.tags()} == {"w", "w_b"}
    assert cat.source_urls()["w_b"].endswith("b/w.db")
    bad = runner.invoke(app, ["scan", f"sqlite:///{root}/b/w.db", "--name", "w.b"])
    assert bad.exit_code == 2
