"""A loaded policy: roles with their resolved inheritance, the entity -> category map, the
rules, retention, and the version that every decision records.

Effect of a role on a category (``resolve``):

1. an unknown role gets ``deny`` for everything;
2. the role's own entry in the category's rule wins (most specific wins, even when it is
   stricter than what a parent has: a child can be narrowed);
3. otherwise the role gets what its parents get, each resolved the same way, and of those
   the one that reveals the most (RBAC union: an inherited ``allow`` counts). Parents that
   would hand down two effects none of which subsumes the other (``hash`` and
   ``mask:email``) make the policy contradictory, which the loader rejects;
4. no entry anywhere: ``deny``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from policies.effects import DENY, Effect, most_revealing
from policies.model import (
    NON_PERSONAL,
    PSEUDO_CATEGORIES,
    UNCLASSIFIED,
    Encrypt,
    PolicyFile,
    Retention,
    Rule,
)

if TYPE_CHECKING:
    from privacy.catalog import ColumnTag

FREE_TEXT_ENTITY = "FREE_TEXT_PII"


@dataclass(frozen=True)
class Resolution:
    """A role's effect on a category and why."""

    effect: Effect
    reason: str
    #: the role whose rule entry decided (the role itself, an ancestor, or None: no entry)
    via: str | None = None


@dataclass(frozen=True)
class ColumnClass:
    """What the policy makes of one column's tag."""

    category: str
    entity: str | None
    free_text: bool
    why: str

    @property
    def personal(self) -> bool:
        return self.category not in PSEUDO_CATEGORIES


class InheritanceConflict(Exception):
    """Raised while compiling: parents hand down incomparable effects (the loader reports it)."""

    def __init__(self, role: str, category: str, offers: Mapping[str, Effect]) -> None:
        self.role, self.category, self.offers = role, category, dict(offers)
        super().__init__(role, category)


def canonical_json(document: Any) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def document_of(model: PolicyFile) -> dict[str, Any]:
    """The merged policy as plain data: what the version hashes and the active state stores."""
    return {
        "version": model.version,
        "name": model.name,
        "description": model.description,
        "roles": {
            name: {"inherits": list(spec.inherits), "description": spec.description}
            for name, spec in sorted(model.roles.items())
        },
        "categories": {cat: sorted(ents) for cat, ents in sorted(model.categories.items())},
        "rules": [
            {
                "category": r.category,
                "encrypt": r.encrypt.value,
                "access": {role: eff.to_yaml() for role, eff in sorted(r.access.items())},
                "description": r.description,
            }
            for r in sorted(model.rules, key=lambda r: r.category)
        ],
        "retention": [
            r.model_dump(mode="json", exclude_defaults=True) | {"keep": r.keep, "reason": r.reason}
            for r in model.retention
        ],
    }


@dataclass
class Policy:
    model: PolicyFile
    files: tuple[str, ...] = ()
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.roles = dict(self.model.roles)
        self.rules: dict[str, Rule] = {r.category: r for r in self.model.rules}
        self.entity_category: dict[str, str] = {
            e: cat for cat, ents in self.model.categories.items() for e in ents
        }
        self._matrix: dict[tuple[str, str], Resolution] = {}
        for role in self.roles:
            for category in self.categories:
                self._matrix[(role, category)] = self._resolve(role, category, ())

    # --- identity ------------------------------------------------------------------------

    @cached_property
    def document(self) -> dict[str, Any]:
        return document_of(self.model)

    @cached_property
    def version(self) -> str:
        """Content hash of the merged policy: formatting and comments do not change it."""
        return hashlib.sha256(canonical_json(self.document).encode()).hexdigest()[:16]

    # --- lookups -------------------------------------------------------------------------

    @property
    def categories(self) -> list[str]:
        """Every category the policy knows: declared ones, ruled ones and the engine's own."""
        names = set(self.model.categories) | set(self.rules) | set(PSEUDO_CATEGORIES)
        return sorted(names)

    def ancestors(self, role: str) -> list[str]:
        out: list[str] = []
        stack = list(self.roles[role].inherits) if role in self.roles else []
        while stack:
            r = stack.pop(0)
            if r not in out:
                out.append(r)
                stack.extend(self.roles[r].inherits)
        return out

    def encryption(self, category: str) -> Encrypt:
        rule = self.rules.get(category)
        return rule.encrypt if rule else Encrypt.NONE

    def category_of(self, entity: str, fallback: str | None = None) -> str:
        """The policy's category for an entity; the catalog's (``fallback``) when the policy
        does not map it; ``other`` when neither does (no rule, hence deny)."""
        return self.entity_category.get(entity) or fallback or "other"

    def classify(self, tag: ColumnTag | None) -> ColumnClass:
        from privacy.catalog import TagStatus

        if tag is None:
            return ColumnClass(UNCLASSIFIED, None, False, "no tag in the catalog")
        if tag.status == TagStatus.REJECTED:
            return ColumnClass(NON_PERSONAL, None, False, "tag rejected by a person")
        if tag.entity is None:
            if tag.status == TagStatus.CONFIRMED:
                return ColumnClass(NON_PERSONAL, None, False, "confirmed: no personal data")
            return ColumnClass(UNCLASSIFIED, None, False, "scanner found nothing; not reviewed")
        category = self.category_of(tag.entity, tag.category)
        free_text = tag.free_text or tag.entity == FREE_TEXT_ENTITY
        status = "confirmed" if tag.status == TagStatus.CONFIRMED else "proposed"
        return ColumnClass(category, tag.entity, free_text, f"{status} tag {tag.entity}")

    def resolve(self, role: str, category: str) -> Resolution:
        if role not in self.roles:
            return Resolution(DENY, f"unknown role {role!r}: everything is denied")
        hit = self._matrix.get((role, category))
        if hit is None:  # a category no file mentions (e.g. 'other'): no rule
            hit = self._resolve(role, category, ())
        return hit

    def _resolve(self, role: str, category: str, seen: tuple[str, ...]) -> Resolution:
        rule = self.rules.get(category)
        if rule is not None and role in rule.access:
            return Resolution(rule.access[role], f"rule {category}: {role}", via=role)
        offers: dict[str, Resolution] = {}
        for parent in self.roles[role].inherits:
            if parent in seen:  # cycles are rejected by the loader; never recurse forever
                continue
            res = self._resolve(parent, category, (*seen, role))
            if res.via is not None:
                offers[parent] = res
        if not offers:
            why = f"no rule for {category}" if rule is None else f"{role} not in rule {category}"
            return Resolution(DENY, f"{why}: deny")
        best = most_revealing([r.effect for r in offers.values()])
        if best is None:
            raise InheritanceConflict(role, category, {p: r.effect for p, r in offers.items()})
        parent, res = next((p, r) for p, r in offers.items() if r.effect == best)
        return Resolution(best, f"inherited from {parent} (rule {category}: {res.via})", res.via)

    def retention_for_table(self, source: str, table: str) -> Retention | None:
        name = f"{source}.{table}"
        for r in self.model.retention:
            if r.table == name:
                return r
        return None

    def retention_for_category(self, category: str) -> Retention | None:
        for r in self.model.retention:
            if r.category == category:
                return r
        return None
