"""Subject identifiers the scanner proposes: columns by which a data-subject request finds a
person's rows.

Kept conservative, because a wrong identifier makes an erasure miss or over-reach:

- a column whose entity names a person by itself (email, phone, username, national ids; see
  ``identifies_subject`` in :mod:`privacy.entities`) carries that entity's subject kind;
- in a *people table* (its name is ``customers``, ``users``, ``members``, ``patients``,
  ``kunden``... see :data:`privacy.scan.vocabulary.PEOPLE_TABLES`) the id column (``id``,
  ``<table>_id``, ``customer_id``..., or the target of a foreign key) identifies the subject,
  kind ``<singular>_id`` (``customers`` -> ``customer_id``);
- a foreign key that references such an id column carries the same kind (the rows it links
  belong to that person);
- without declared foreign keys (files, lakes), a column in another table of the same source
  named exactly like the kind (``orders.customer_id``) is proposed with the same kind.

Everything is a proposal in the catalog: a person confirms it, and ``[[identifiers]]`` and
``[[relations]]`` in ``privacy.toml`` win over it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from privacy.scan.headers import people_table_kind
from privacy.scan.text import split_identifier
from privacy.sources.base import ColumnInfo, ForeignKey


@dataclass(frozen=True)
class SubjectProposal:
    table: str
    column: str
    kind: str
    evidence: str


def _singular(table: str) -> str:
    words = split_identifier(table)
    last = words[-1] if words else table.lower()
    for suffix, repl in (("ies", "y"), ("ses", "s"), ("s", "")):
        if last.endswith(suffix) and len(last) > len(suffix) + 2:
            return last[: -len(suffix)] + repl
    return last


def _id_column(
    table: str, kind: str, columns: Sequence[ColumnInfo], fk_targets: set[str]
) -> str | None:
    names = {c.name.lower(): c.name for c in columns}
    single = _singular(table)
    for cand in ("id", kind, f"{single}_id", f"{single}id", f"{table.lower()}_id", "uuid", "guid"):
        if cand in names:
            return names[cand]
    for info in columns:
        if info.name in fk_targets:
            return info.name
    return None


def propose(
    columns: Mapping[str, Sequence[ColumnInfo]],
    foreign_keys: Sequence[ForeignKey] | None,
) -> list[SubjectProposal]:
    """Subject-identifier proposals for the scanned tables (``table -> columns``).
    ``foreign_keys`` None: the source declares none (files), so names are matched instead."""
    fks = list(foreign_keys or [])
    targets: dict[str, set[str]] = {}
    for fk in fks:
        targets.setdefault(fk.ref_table, set()).update(fk.ref_columns)
    out: list[SubjectProposal] = []
    id_cols: dict[tuple[str, str], str] = {}
    for table, cols in columns.items():
        kind = people_table_kind(table)
        if kind is None:
            continue
        id_col = _id_column(table, kind, cols, targets.get(table, set()))
        if id_col is None:
            continue
        id_cols[(table, id_col)] = kind
        out.append(SubjectProposal(table, id_col, kind, f"subject:id of people table {table}"))
    if not id_cols:
        return out
    if foreign_keys is not None:
        for fk in fks:
            for child, parent in zip(fk.columns, fk.ref_columns, strict=False):
                kind = id_cols.get((fk.ref_table, parent))
                if kind and fk.table in columns:
                    out.append(
                        SubjectProposal(
                            fk.table, child, kind, f"subject:foreign key to {fk.ref_table}.{parent}"
                        )
                    )
    else:
        by_kind = {kind: (t, c) for (t, c), kind in id_cols.items()}
        for table, cols in columns.items():
            for col in cols:
                hit = by_kind.get(col.name.lower())
                if hit and hit[0] != table:
                    out.append(
                        SubjectProposal(
                            table, col.name, col.name.lower(),
                            f"subject:name matches {hit[0]}.{hit[1]}",
                        )
                    )  # fmt: skip
    return out
