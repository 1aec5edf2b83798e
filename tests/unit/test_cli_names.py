"""Column names typed at the command line are checked against what exists: a typo must not
start a key nothing uses (`privacy keys rotate --column`) or confirm a tag for a column no scan
has seen (`privacy tag set`)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cli.app import app
from privacy.catalog import Catalog, ColumnTag
from privacy.config import Settings
from privacy.crypto import encrypt_values, open_keystore

runner = CliRunner()


def _column_keys(settings: Settings) -> list[str]:
    return [i.scope for i in open_keystore(settings).list_keys("column")]


def _catalogue(settings: Settings) -> None:
    cat = Catalog(settings.catalog_url)
    cat.record_proposals(
        [
            ColumnTag("warehouse", "payments", "card_number", "CREDIT_CARD", confidence=0.9),
            ColumnTag("warehouse", "customers", "email", "EMAIL_ADDRESS", confidence=0.9),
        ]
    )
    cat.close()


def test_rotate_refuses_a_column_with_no_key_that_the_catalog_does_not_know(
    settings: Settings,
) -> None:
    _catalogue(settings)
    env = {"COLUMNS": "200"}
    nosuch = runner.invoke(app, ["keys", "rotate", "--column", "nosuch.col"], env=env)
    assert nosuch.exit_code == 1, nosuch.output
    assert "has no column key and is not in the catalog" in nosuch.stderr
    assert "--force" in nosuch.stderr and "privacy keys list" in nosuch.stderr
    table = runner.invoke(app, ["keys", "rotate", "--column", "warehouse.payments"], env=env)
    assert table.exit_code == 2, table.output
    assert "is a table, not a column" in table.stderr
    assert "warehouse.payments.card_number" in table.stderr
    assert _column_keys(settings) == []


def test_rotate_accepts_keyed_or_catalogued_columns_and_force(settings: Settings) -> None:
    _catalogue(settings)
    store = open_keystore(settings)
    encrypt_values(store, ["x"], table="lake.orders", column="card")  # keyed, never scanned
    for column in ("lake.orders.card", "warehouse.payments.card_number"):
        res = runner.invoke(app, ["keys", "rotate", "--column", column])
        assert res.exit_code == 0, res.output
    forced = runner.invoke(app, ["keys", "rotate", "--column", "lake.later.col", "--force"])
    assert forced.exit_code == 0, forced.output
    assert sorted(set(_column_keys(settings))) == [
        "lake.later.col",
        "lake.orders.card",
        "warehouse.payments.card_number",
    ]


def _tags(settings: Settings) -> dict[str, ColumnTag]:
    cat = Catalog(settings.catalog_url)
    try:
        return {str(t.ref): t for t in cat.tags()}
    finally:
        cat.close()


def test_tag_set_on_an_unscanned_column_needs_force(settings: Settings) -> None:
    _catalogue(settings)
    env = {"COLUMNS": "200"}
    typo = runner.invoke(app, ["tag", "set", "warehouse.customers.emial", "EMAIL_ADDRESS"], env=env)
    assert typo.exit_code == 1, typo.output
    assert "not in the catalog" in typo.stderr
    assert "did you mean warehouse.customers.email" in typo.stderr
    assert "--force" in typo.stderr
    other = runner.invoke(app, ["tag", "set", "w.customers.newcol", "EMAIL_ADDRESS"], env=env)
    assert other.exit_code == 1 and "no source 'w' (it has: warehouse)" in other.stderr
    assert "privacy scan SOURCE" in other.stderr  # `w` is no configured source to scan
    table = runner.invoke(app, ["tag", "set", "warehouse.nope.col", "none"], env=env)
    assert table.exit_code == 1 and "no table warehouse.nope" in table.stderr
    assert set(_tags(settings)) == {
        "warehouse.payments.card_number",
        "warehouse.customers.email",
    }
    later = runner.invoke(
        app, ["tag", "set", "warehouse.customers.newcol", "EMAIL_ADDRESS", "--force"]
    )
    assert later.exit_code == 0, later.output
    assert _tags(settings)["warehouse.customers.newcol"].status.value == "confirmed"
    known = runner.invoke(app, ["tag", "set", "warehouse.customers.email", "none"])
    assert known.exit_code == 0, known.output
    listed = json.loads(runner.invoke(app, ["tag", "list", "--format", "json"]).stdout)
    assert {t["column"] for t in listed["tags"]} == {
        "warehouse.payments.card_number",
        "warehouse.customers.email",
        "warehouse.customers.newcol",
    }
