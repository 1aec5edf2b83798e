"""No unmasked read without an explicit allow: every (role x column x policy state).

Columns cover every tag state (untagged, the scanner's unreviewed "nothing", confirmed
non-personal, rejected, proposed and confirmed PII, free text, an entity no policy maps), roles
include an unknown one, and policies are both hand-written edge cases and generated ones
(random roles, inheritance, effects and encryption). Each cell goes through ``protect`` and
``read`` for real. The oracle is written independently of the engine: a raw value may come
back only if the role, or a role it inherits from, has an explicit ``allow`` that no closer
entry overrides.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from policies.enforce import Enforcer
from policies.loader import default_policy, load_texts
from policies.policy import Policy
from privacy.catalog import Catalog, ColumnTag, TagStatus
from privacy.config import Settings
from privacy.errors import PolicyError
from privacy.sources.base import ColumnRef

ENTITIES = {"c_contact": "EMAIL_ADDRESS", "c_money": "CREDIT_CARD", "c_health": "HEALTH_DATA"}
CATEGORY_OF = {"EMAIL_ADDRESS": "contact", "CREDIT_CARD": "financial", "HEALTH_DATA": "health"}
EFFECTS: list[Any] = [
    "allow",
    "deny",
    None,
    "hash",
    {"mask": "partial"},
    {"mask": "email"},
    {"mask": "last4"},
    {"mask": "year"},
    {"mask": "full"},
    {"mask": "redact"},
]
CATEGORIES = ["contact", "financial", "health", "unclassified", "non_personal", "free_text"]
ROLES = ["r0", "r1", "r2", "r3"]
DATASET = "w.matrix"


def column_states() -> dict[str, ColumnTag | None]:
    def t(col: str, entity: str | None, status: TagStatus, **kw: Any) -> ColumnTag:
        return ColumnTag("w", "matrix", col, entity, status=status, **kw)

    cols: dict[str, ColumnTag | None] = {"untagged": None}
    cols["scanned_nothing"] = t("scanned_nothing", None, TagStatus.PROPOSED)
    cols["not_personal"] = t("not_personal", None, TagStatus.CONFIRMED)
    cols["rejected"] = t("rejected", "EMAIL_ADDRESS", TagStatus.REJECTED)
    cols["unmapped_entity"] = t("unmapped_entity", "LOYALTY_NO", TagStatus.CONFIRMED)
    cols["free_text"] = t("free_text", "FREE_TEXT_PII", TagStatus.CONFIRMED, free_text=True)
    for ent in ENTITIES.values():
        for status in (TagStatus.PROPOSED, TagStatus.CONFIRMED):
            name = f"{ent.lower()}_{status.value}"
            cols[name] = t(name, ent, status)
    return cols


COLUMNS = column_states()
RAW = {c: [f"SECRET {c} {i} about Alice Martin" for i in range(2)] for c in COLUMNS}


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, Catalog]]:
    home = tmp_path_factory.mktemp("matrix") / ".privacy"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PRIVACY_MASTER_KEY", "test-master-key-0123456789abcdef")
        s = Settings(home)
        cat = Catalog(s.catalog_url)
        for col, tag in COLUMNS.items():
            if tag is None:
                continue
            if tag.status == TagStatus.CONFIRMED:
                cat.set(ColumnRef("w", "matrix", col), tag.entity)
            else:
                cat.record_proposals([tag])
                if tag.status == TagStatus.REJECTED:
                    cat.reject(tag.ref)
        yield s, cat


def explicit_allow(doc: dict[str, Any], role: str, category: str) -> bool:
    """The oracle: may ``role`` read ``category`` raw? Own entry first; else any parent."""
    roles = doc.get("roles") or {}
    if role not in roles:
        return False
    rule = next((r for r in doc.get("rules", []) if r["category"] == category), None)
    access = (rule or {}).get("access") or {}
    if role in access:
        return access[role] == "allow"
    parents = (roles[role] or {}).get("inherits", [])
    return any(explicit_allow(doc, p, category) for p in parents)


FIXED = {
    "untagged": "unclassified",
    "scanned_nothing": "unclassified",  # a scanner's "nothing found" is not a decision
    "not_personal": "non_personal",
    "rejected": "non_personal",
    "unmapped_entity": "other",
    "free_text": "free_text",
}
DEFAULT_MAP = default_policy().entity_category


def category_of(doc: dict[str, Any], col: str) -> str:
    """The oracle's own classification of a column state under a policy document."""
    if col in FIXED:
        return FIXED[col]
    entity = COLUMNS[col].entity  # type: ignore[union-attr]
    for cat, ents in (doc.get("categories") or {}).items():
        if entity in ents:
            return str(cat)
    return DEFAULT_MAP[str(entity)]


def check(env: tuple[Settings, Catalog], policy: Policy, doc: dict[str, Any]) -> int:
    s, cat = env
    enf = Enforcer(s, policy=policy, catalog=cat)
    enf._hash_key = b"k" * 32
    stored = enf.protect(pd.DataFrame(RAW), DATASET)
    checked = 0
    for role in [*sorted(policy.roles), "intruder"]:
        out = enf.read(DATASET, role, data=stored)
        for col in COLUMNS:
            category = category_of(doc, col)
            assert policy.classify(COLUMNS[col]).category == category, col
            allowed = explicit_allow(doc, role, category)
            got = out[col].tolist() if col in out.columns else None
            raw = got == RAW[col]
            assert raw == allowed, (role, col, category, got)
            if got is not None and not raw:
                for v in got:  # not even the name inside the value
                    assert v is None or "Alice Martin" not in str(v), (role, col, v)
            checked += 1
    return checked


HAND_WRITTEN = {
    "no rules at all": """\
        version: 1
        roles: {a: {}, b: {inherits: [a]}}
    """,
    "parent allows, child narrowed": """\
        version: 1
        roles: {a: {}, b: {inherits: [a]}, c: {inherits: [b]}}
        categories: {contact: [EMAIL_ADDRESS], financial: [CREDIT_CARD], health: [HEALTH_DATA]}
        rules:
          - category: contact
            encrypt: deterministic
            access: {a: allow, b: {mask: email}}
          - category: financial
            encrypt: randomized
            access: {a: allow, b: deny}
          - category: health
            access: {a: allow, c: null}
          - category: unclassified
            access: {a: {mask: full}}
          - category: non_personal
            access: {a: allow}
          - category: free_text
            access: {a: {mask: partial}, b: allow}
    """,
    "two parents, union": """\
        version: 1
        roles: {a: {}, b: {}, c: {inherits: [a, b]}}
        categories: {contact: [EMAIL_ADDRESS], financial: [CREDIT_CARD], health: [HEALTH_DATA]}
        rules:
          - category: contact
            access: {a: deny, b: allow}
          - category: financial
            access: {a: hash, b: allow}
          - category: unclassified
            access: {b: allow}
    """,
}


@pytest.mark.parametrize("name", HAND_WRITTEN)
def test_hand_written_policies(env: tuple[Settings, Catalog], name: str) -> None:
    text = textwrap.dedent(HAND_WRITTEN[name])
    policy = load_texts([(f"{name}.yaml", text)])
    assert check(env, policy, yaml.safe_load(text)) > 0


def test_the_default_policy(env: tuple[Settings, Catalog]) -> None:
    policy = default_policy()
    doc = policy.document
    # the oracle reads access values as written: turn them back into YAML shapes
    assert check(env, policy, doc) == (len(policy.roles) + 1) * len(COLUMNS)


@st.composite
def policies(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(1, len(ROLES)))
    roles: dict[str, Any] = {}
    for i, name in enumerate(ROLES[:n]):
        parents = draw(st.lists(st.sampled_from(ROLES[:i]), unique=True, max_size=2)) if i else []
        roles[name] = {"inherits": parents} if parents else {}
    rules = []
    for cat in draw(st.lists(st.sampled_from(CATEGORIES), unique=True)):
        access = draw(st.dictionaries(st.sampled_from(ROLES[:n]), st.sampled_from(EFFECTS)))
        rule: dict[str, Any] = {"category": cat, "access": access}
        if cat in ("contact", "financial", "health"):
            rule["encrypt"] = draw(st.sampled_from(["none", "randomized", "deterministic"]))
        rules.append(rule)
    return {
        "version": 1,
        "roles": roles,
        "categories": {
            "contact": ["EMAIL_ADDRESS"],
            "financial": ["CREDIT_CARD"],
            "health": ["HEALTH_DATA"],
        },
        "rules": rules,
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=policies())
def test_generated_policies(env: tuple[Settings, Catalog], doc: dict[str, Any]) -> None:
    text = yaml.safe_dump(doc, sort_keys=False)
    try:
        policy = load_texts([("generated.yaml", text)])
    except PolicyError as e:
        assume("conflicting effects" not in e.message)
        raise
    check(env, policy, doc)


def test_the_oracle_itself_can_fail(env: tuple[Settings, Catalog], tmp_path: Path) -> None:
    """A policy that allows must show raw values, so `check` would catch a read that masks
    everything as surely as one that leaks."""
    text = "version: 1\nroles: {a: {}}\nrules:\n  - category: contact\n    access: {a: allow}\n"
    policy = load_texts([("p.yaml", text)])
    lying = yaml.safe_load(text.replace("{a: allow}", "{a: deny}"))
    with pytest.raises(AssertionError):
        check(env, policy, lying)
