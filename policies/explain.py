"""`privacy policy explain`: what a role gets, column by column, and why."""

from __future__ import annotations

from dataclasses import dataclass

from policies.decisions import ColumnDecision, decide_columns
from policies.model import UNCLASSIFIED
from policies.policy import Policy, Resolution
from privacy.catalog import Catalog, ColumnTag
from privacy.errors import PolicyError


@dataclass(frozen=True)
class Explained:
    source: str
    table: str
    decision: ColumnDecision


def explain(
    policy: Policy, role: str, catalog: Catalog, table: str | None = None
) -> list[Explained]:
    """Decisions for every catalogued column (of ``table``: ``SOURCE.TABLE`` or ``TABLE``)."""
    source = name = None
    if table:
        source, _, name = table.rpartition(".")
        source = source or None
    tags = catalog.tags(source, name)
    if table and not tags:
        raise PolicyError(
            f"the catalog has no columns for table {table!r}",
            hint="scan the source first (`privacy scan SOURCE`) or check the name with "
            "`privacy tag list`",
        )
    groups: dict[tuple[str, str], list[ColumnTag]] = {}
    for t in tags:
        groups.setdefault((t.source, t.table), []).append(t)
    out = []
    for (src, tbl), cols in groups.items():
        for d in decide_columns(policy, role, [c.column for c in cols], cols):
            out.append(Explained(src, tbl, d))
    return out


def untagged_resolution(policy: Policy, role: str) -> Resolution:
    """What a column that is not in the catalog at all gets."""
    return policy.resolve(role, UNCLASSIFIED)
