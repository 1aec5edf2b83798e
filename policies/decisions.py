"""Per-column decisions: for a role and a table, what each column's reader gets and why.

A column's category comes from its catalog tag (through the policy's entity -> category map);
a column with no tag, or only a scanner's unreviewed "nothing found", is ``unclassified``; a
column a person confirmed as not personal (or whose tag a person rejected) is
``non_personal``. Both are governed by rules like any other category, so nothing is readable
without an explicit ``allow``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from policies.effects import Effect, EffectKind
from policies.model import Encrypt
from policies.policy import ColumnClass, Policy, Resolution

if TYPE_CHECKING:
    from privacy.catalog import ColumnTag


@dataclass(frozen=True)
class ColumnDecision:
    column: str
    cls: ColumnClass
    encrypt: Encrypt
    resolution: Resolution

    @property
    def effect(self) -> Effect:
        return self.resolution.effect

    @property
    def category(self) -> str:
        return self.cls.category

    @property
    def withheld(self) -> bool:
        return self.effect.kind == EffectKind.DENY

    def as_dict(self) -> dict[str, Any]:
        """JSON-able, no personal data: what audit events and `explain --format json` carry."""
        return {
            "column": self.column,
            "entity": self.cls.entity,
            "category": self.cls.category,
            "encrypt": self.encrypt.value,
            "effect": str(self.effect),
            "reason": self.resolution.reason,
            "classified_by": self.cls.why,
            "free_text": self.cls.free_text,
        }


def decide_columns(
    policy: Policy,
    role: str,
    columns: Sequence[str],
    tags: Mapping[str, ColumnTag] | Iterable[ColumnTag],
) -> list[ColumnDecision]:
    """One decision per column, in the given order."""
    by_col = dict(tags) if isinstance(tags, Mapping) else {t.column: t for t in tags}
    out = []
    for col in columns:
        cls = policy.classify(by_col.get(col))
        out.append(
            ColumnDecision(
                col, cls, policy.encryption(cls.category), policy.resolve(role, cls.category)
            )
        )
    return out
