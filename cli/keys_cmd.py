"""`privacy keys list|rotate|shred`: wiring over :mod:`privacy.crypto`."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import typer

from cli.common import EXIT_ERROR, EXIT_USAGE, console, err_console, fail, settings

if TYPE_CHECKING:
    from privacy.config import Settings
    from privacy.crypto import KeyStore

keys_app = typer.Typer(
    help="The key store: list keys, rotate the master key or a column key, shred a subject.",
    no_args_is_help=True,
)


@keys_app.command("list")
def list_keys(
    kind: str = typer.Option(None, "--kind", help="column, subject or system"),
    output: str = typer.Option("table", "--format", help="table or json"),
) -> None:
    """Key ids, kinds, scopes, creation and shredding times. Never key material."""
    from privacy.crypto import open_keystore

    if kind not in (None, "column", "subject", "system"):
        fail(f"unknown key kind {kind!r}", EXIT_USAGE, hint="use column, subject or system")
    store = open_keystore(settings())
    infos = store.list_keys(kind)
    if output == "json":
        rows = [
            {
                "id": i.id,
                "kind": "system" if i.kind == "pseudonym" else i.kind,
                "scope": i.scope,
                "version": i.version,
                "created": i.created,
                "state": i.state,
                "shredded_at": i.shredded_at,
            }
            for i in infos
        ]
        print(json.dumps({"keys_dir": str(store.keys_dir), "keys": rows}, indent=1))
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"keys in {store.keys_dir}")
    for col in ("id", "kind", "scope", "version", "created", "state"):
        table.add_column(col)
    for i in infos:
        state = f"shredded {i.shredded_at}" if i.state == "shredded" else i.state
        kind_name = "system" if i.kind == "pseudonym" else i.kind
        table.add_row(i.id, kind_name, escape(i.scope), str(i.version), i.created or "", state)
    console.print(table)


@keys_app.command("rotate")
def rotate(
    new_master_key_env: str = typer.Option(
        "PRIVACY_NEW_MASTER_KEY",
        "--new-master-key-env",
        help="Environment variable holding the new master key.",
    ),
    column: str = typer.Option(
        None,
        "--column",
        help="SOURCE.TABLE.COLUMN (as `privacy keys list --kind column` shows its scope): "
        "start a new data key version for this column instead.",
    ),
    force: bool = typer.Option(
        False,
        "--force",
        help="With --column: start a key for a column that has none and is not in the catalog.",
    ),
) -> None:
    """Re-wrap every key under a new master key (no data is re-encrypted)."""
    from privacy.crypto import open_keystore, parse_master_secret
    from privacy.crypto.rotation import rotate_master_secret

    s = settings()
    store = open_keystore(s)
    if column:
        table_name, _, column_name = column.rpartition(".")
        if not table_name or not column_name:
            fail(
                f"{column!r} is not SOURCE.TABLE.COLUMN",
                EXIT_USAGE,
                hint="name the column as `privacy keys list --kind column` shows its scope",
            )
        if not force:
            _check_column(s, store, column)
        key_id = store.rotate_column_key(table_name, column_name)
        console.print(
            f"new key {key_id} for {column}: new writes use it, older tokens still decrypt",
            highlight=False,
        )
        return
    text = os.environ.get(new_master_key_env, "")
    secret = parse_master_secret(text, "env") if text.strip() else None
    from rich.progress import Progress

    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task("re-wrapping keys", total=None)

        def step(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        count = rotate_master_secret(store, secret, progress=step)
    console.print(f"re-wrapped {count} keys under the new master key", highlight=False)
    if secret is None:
        console.print(f"a new local master key was written to {store.keys_dir.parent}/master.key")
    else:
        console.print(
            f"now set PRIVACY_MASTER_KEY to the value of {new_master_key_env}: "
            "the old master key no longer opens the store",
            highlight=False,
        )


def _check_column(s: Settings, store: KeyStore, column: str) -> None:
    """Refuse a column that has no key yet and that the catalog does not know: a typo would
    otherwise start a key nothing uses, and the real column would keep its old one."""
    scopes = {i.scope for i in store.list_keys("column")}
    if column in scopes:
        return
    from privacy.catalog import Catalog

    cat = Catalog(s.catalog_url)
    try:
        known = {str(t.ref) for t in cat.tags()}
    finally:
        cat.close()
    if column in known:
        return  # catalogued, no key yet: a first key ahead of its first encrypted write
    tables = {ref.rpartition(".")[0] for ref in known | scopes}
    if column in tables:
        # columns that have keys first: those are the ones rotation is for
        cols = sorted(c for c in scopes if c.startswith(column + "."))
        cols += sorted(c for c in known - scopes if c.startswith(column + "."))
        fail(
            f"{column!r} is a table, not a column",
            EXIT_USAGE,
            hint=f"name one of its columns, e.g. --column {cols[0]}",
        )
    with_keys = ", ".join(sorted(scopes)[:5]) or "none yet"
    fail(
        f"{column!r} has no column key and is not in the catalog",
        EXIT_ERROR,
        hint=f"columns with keys: {with_keys} (all: `privacy keys list --kind column`; "
        "catalogued columns: `privacy tag list`); --force starts a key for a column that "
        "is not scanned yet",
    )


@keys_app.command("shred")
def shred(
    subject: str = typer.Option(..., "--subject", help="KIND:VALUE, e.g. email:alice@example.com"),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
) -> None:
    """Destroy one subject's key: their encrypted values become unreadable everywhere."""
    from privacy.crypto import open_keystore

    kind, sep, value = subject.partition(":")
    if not sep or not kind or not value:
        fail("--subject must be KIND:VALUE", EXIT_USAGE, hint="e.g. --subject email:a@b.example")
    store = open_keystore(settings())
    pseudonym = store.pseudonym(kind, value)
    if not yes and not typer.confirm(
        f"Shred the key of subject {pseudonym}? Their encrypted data cannot be recovered."
    ):
        raise typer.Exit(1)
    result = store.shred(pseudonym)
    if result.had_key:
        console.print(
            f"shredded {len(result.key_ids)} key(s) of {pseudonym}; its encrypted values are "
            "now unreadable",
            highlight=False,
        )
    else:
        console.print(
            f"{pseudonym} had no key; a tombstone now stops one from being created",
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    app.add_typer(keys_app, name="keys")
