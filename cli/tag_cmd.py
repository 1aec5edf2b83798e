"""`privacy tag list|confirm|reject|set`: review the scanner's proposals.

Thin wiring over :class:`privacy.catalog.review.Review`; every decision is audited
(``tag.confirmed``, ``tag.rejected``, ``tag.set``). COLUMN is ``SOURCE.TABLE.COLUMN`` as
``privacy tag list`` shows it; ENTITY is an entity name (``privacy tag set ... none``
records "not personal data").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
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
    print_error,
    settings,
)

if TYPE_CHECKING:
    from privacy.catalog.models import ColumnTag
    from privacy.catalog.store import Catalog
    from privacy.config import Settings
    from privacy.sources.base import ColumnRef

tag_app = typer.Typer(
    help="Review the scanner's proposals: list, confirm, reject, or set what a column holds.",
    no_args_is_help=True,
)


class Status(StrEnum):
    proposed = "proposed"
    confirmed = "confirmed"
    rejected = "rejected"


@contextmanager
def _catalog() -> Iterator[tuple[Settings, Catalog]]:
    from privacy.catalog.store import Catalog

    with exit_on_error():
        s = settings()
        cat = Catalog(s.catalog_url)
        try:
            yield s, cat
        finally:
            cat.close()


def _tag_json(t: ColumnTag) -> dict[str, Any]:
    return {
        "column": str(t.ref),
        "entity": t.entity,
        "category": t.category,
        "confidence": t.confidence,
        "status": t.status.value,
        "evidence": list(t.evidence),
        "identifies_subject": t.identifies_subject,
        "subject_kind": t.subject_kind,
        "free_text": t.free_text,
        "scanned_entity": t.scanned_entity,
        "decided_by": t.decided_by,
        "gone": t.gone,
        "gone_since": t.gone_at.isoformat() if t.gone_at else None,
    }


@tag_app.command("list")
def list_tags(
    source: str | None = typer.Argument(None, help="Only this source (name or URL)."),
    status: Status | None = typer.Option(None, "--status", help="Only tags in this status."),
    pii: bool = typer.Option(False, "--pii", help="Only columns that hold personal data."),
    fmt: Format = typer.Option(Format.table, "--format", "-f"),
) -> None:
    """List column tags: what each column holds, how sure the scan was, who decided."""
    from rich.markup import escape
    from rich.table import Table

    from privacy.catalog.models import TagStatus

    with _catalog() as (s, cat):
        name = s.source_url(source)[0] if source else None
        tags = cat.tags(name, status=TagStatus(status.value) if status else None, pii_only=pii)
    if fmt == Format.json:
        typer.echo(json.dumps({"tags": [_tag_json(t) for t in tags]}, indent=2))
        return
    if not tags:
        err_console.print("no tags yet: run `privacy scan SOURCE` first", highlight=False)
        return
    sources = {tag.source for tag in tags}
    one = next(iter(sources)) if len(sources) == 1 else None
    title = f"column tags of {escape(one)}" if one else "column tags"
    t = Table(title=title, title_justify="left")
    t.add_column("table.column" if one else "column", overflow="fold", ratio=2)
    t.add_column("entity", overflow="fold", ratio=1)
    t.add_column("conf.", justify="right", no_wrap=True)
    t.add_column("status", no_wrap=True)
    t.add_column("subject", overflow="fold")
    for tag in tags:
        entity = escape(tag.entity) if tag.entity else "[dim]-[/]"
        if tag.scanned_entity != tag.entity and tag.status != TagStatus.PROPOSED:
            entity += f" [dim](scan: {escape(tag.scanned_entity or '-')})[/]"
        subject = escape(tag.subject_kind or "") if tag.identifies_subject else ""
        state = tag.status.value
        if tag.gone:
            # the column is no longer in the source; the decision is kept for a person to review
            state += "\n[bold red]gone[/]"
        t.add_row(escape(str(tag.ref)), entity, f"{tag.confidence:.2f}", state, subject)
    console.print(t)
    gone = sum(tag.gone for tag in tags)
    if gone:
        err_console.print(
            f"{gone} tag(s) marked gone: the last full scan of their source did not find the "
            "column (dropped or renamed); the tags and decisions are kept, and a scan that "
            "finds the column again clears the mark",
            highlight=False,
        )


def _refs(columns: list[str]) -> list[ColumnRef]:
    from privacy.errors import PrivacyError
    from privacy.sources.base import ColumnRef

    refs = []
    for c in columns:
        try:
            refs.append(ColumnRef.parse(c))
        except PrivacyError as e:
            print_error(e.message, e.hint)
            raise typer.Exit(EXIT_USAGE) from None
    return refs


def _decide_each(
    columns: list[str], decide: Callable[[ColumnRef], ColumnTag]
) -> tuple[list[ColumnTag], int]:
    """Apply ``decide`` to each column; one that fails is reported and counted, the rest go on.
    Returns (tags decided, failures)."""
    from privacy.errors import PrivacyError

    done, failed = [], 0
    for ref in _refs(columns):
        try:
            done.append(decide(ref))
        except PrivacyError as e:
            failed += 1
            print_error(e.message, e.hint)
    return done, failed


@tag_app.command("confirm")
def confirm(
    columns: list[str] = typer.Argument(None, help="Columns as SOURCE.TABLE.COLUMN."),
    all_: bool = typer.Option(False, "--all", help="Confirm every proposed tag."),
    source: str | None = typer.Option(None, "--source", help="With --all: only this source."),
    above: float = typer.Option(
        0.0, "--above", min=0.0, max=1.0, help="With --all: only proposals this confident."
    ),
) -> None:
    """Confirm proposed tags (the scan's answer becomes the column's tag)."""
    from privacy.catalog.review import Review

    if bool(columns) == all_:
        print_error(
            "give COLUMN... or --all, not both", "e.g. `privacy tag confirm shop.users.email`"
        )
        raise typer.Exit(EXIT_USAGE)
    failed = 0
    with _catalog() as (s, cat):
        review = Review(s, cat, actor())
        if all_:
            name = s.source_url(source)[0] if source else None
            done = review.confirm_all(name, min_confidence=above)
        else:
            done, failed = _decide_each(columns, review.confirm)
    console.print(f"confirmed {len(done)} tag(s)", highlight=False)
    if failed:
        raise typer.Exit(EXIT_ERROR)


@tag_app.command("reject")
def reject(
    columns: list[str] = typer.Argument(..., help="Columns as SOURCE.TABLE.COLUMN."),
) -> None:
    """Reject proposals that are wrong (the column is then treated as not personal data)."""
    from privacy.catalog.review import Review

    with _catalog() as (s, cat):
        done, failed = _decide_each(columns, Review(s, cat, actor()).reject)
    console.print(f"rejected {len(done)} tag(s)", highlight=False)
    if failed:
        raise typer.Exit(EXIT_ERROR)


@tag_app.command("set")
def set_tag(
    column: str = typer.Argument(..., help="The column as SOURCE.TABLE.COLUMN."),
    entity: str = typer.Argument(..., help="An entity (EMAIL_ADDRESS, ...) or `none`."),
    force: bool = typer.Option(
        False,
        "--force",
        help="Tag a column no scan has seen (one that will arrive later).",
    ),
) -> None:
    """State what a column holds; `none` records that it holds no personal data.

    The column must be one a scan has seen; --force tags a column that is not there yet."""
    from rich.markup import escape

    from privacy.catalog.review import Review
    from privacy.entities import ENTITIES

    value: str | None = entity.strip().upper()
    if value == "NONE":
        value = None
    elif value not in ENTITIES:
        print_error(
            f"unknown entity {entity!r}",
            "use one of: " + ", ".join(sorted(ENTITIES)) + ", or `none` for no personal data",
        )
        raise typer.Exit(EXIT_USAGE)
    (ref,) = _refs([column])
    with _catalog() as (s, cat):
        if not force and cat.get(ref) is None:
            # a typo must not become a confirmed tag for a column that does not exist
            print_error(
                f"{ref} is not in the catalog: no scan has seen this column",
                _unknown_column_hint(s, cat, ref),
            )
            raise typer.Exit(EXIT_ERROR)  # as `tag confirm` of a column not in the catalog
        tag = Review(s, cat, actor()).set(ref, value)
    console.print(escape(f"{tag.ref}: {value or 'not personal data'} (confirmed)"), highlight=False)


def _unknown_column_hint(s: Settings, cat: Catalog, ref: ColumnRef) -> str:
    """What to do about a column the catalog lacks: the near names it does have, or a scan."""
    import difflib

    same_table = [t.column for t in cat.tags(ref.source, ref.table)]
    close = difflib.get_close_matches(ref.column, same_table, n=3)
    sources = sorted({t.source for t in cat.tags()})
    if close:
        names = ", ".join(f"{ref.source}.{ref.table}.{c}" for c in close)
        lead = f"did you mean {names}? "
    elif same_table:
        lead = f"{ref.source}.{ref.table} has {len(same_table)} catalogued column(s) "
        lead += "(`privacy tag list`); "
    elif ref.source not in sources:
        lead = f"the catalog has no source {ref.source!r}"
        lead += f" (it has: {', '.join(sources)}); " if sources else "; "
    else:
        lead = f"the catalog has no table {ref.source}.{ref.table} (`privacy tag list`); "
    # only a configured name can be scanned by name; otherwise the user knows the URL or path
    scan = ref.source if ref.source in s.sources else "SOURCE"
    return (
        lead + f"scan the source first (`privacy scan {scan}`), or add --force to tag "
        "a column that will arrive later"
    )


def register(app: typer.Typer) -> None:
    app.add_typer(tag_app, name="tag")
