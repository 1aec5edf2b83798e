"""Role inheritance and column classification: who gets which effect, and why."""

from __future__ import annotations

import textwrap

import pytest

from policies.loader import load_texts
from policies.model import NON_PERSONAL, UNCLASSIFIED
from policies.policy import Policy
from privacy.catalog import ColumnTag, TagStatus

POLICY = """\
version: 1
roles:
  analyst: {}
  billing: {}
  support: {inherits: [analyst]}
  lead: {inherits: [support, billing]}
  intern: {inherits: [support]}
categories:
  contact: [EMAIL_ADDRESS]
  financial: [CREDIT_CARD]
  health: [HEALTH_DATA]
rules:
  - category: contact
    access: {analyst: {mask: email}, support: allow, intern: deny}
  - category: financial
    access: {analyst: deny, billing: {mask: last4}}
  - category: health
    access: {billing: null}
"""


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_texts([("p.yaml", textwrap.dedent(POLICY))])


@pytest.mark.parametrize(
    ("role", "category", "effect", "reason"),
    [
        ("analyst", "contact", "mask:email", "rule contact: analyst"),
        ("support", "contact", "allow", "rule contact: support"),  # own entry beats parent's mask
        ("lead", "contact", "allow", "inherited from support"),  # an inherited allow counts
        ("intern", "contact", "deny", "rule contact: intern"),  # a child can be narrowed
        ("support", "financial", "deny", "inherited from analyst"),
        ("lead", "financial", "mask:last4", "inherited from billing"),  # union: most revealing
        ("lead", "health", "null", "inherited from billing"),
        ("analyst", "health", "deny", "analyst not in rule health"),
        ("analyst", "location", "deny", "no rule for location"),  # a default category, no rule
        ("analyst", UNCLASSIFIED, "deny", "no rule for unclassified"),
        ("nobody", "contact", "deny", "unknown role"),
    ],
)
def test_effects_follow_inheritance(
    policy: Policy, role: str, category: str, effect: str, reason: str
) -> None:
    res = policy.resolve(role, category)
    assert str(res.effect) == effect
    assert reason in res.reason


def tag(entity: str | None, status: TagStatus, **kw: object) -> ColumnTag:
    return ColumnTag("w", "t", "c", entity, status=status, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("t", "category"),
    [
        (None, UNCLASSIFIED),
        (tag(None, TagStatus.PROPOSED), UNCLASSIFIED),  # a scanner's "nothing found" is no decision
        (tag(None, TagStatus.CONFIRMED), NON_PERSONAL),
        (tag("EMAIL_ADDRESS", TagStatus.REJECTED), NON_PERSONAL),
        (tag("EMAIL_ADDRESS", TagStatus.PROPOSED), "contact"),  # unreviewed PII is still PII
        (tag("EMAIL_ADDRESS", TagStatus.CONFIRMED, category="other"), "contact"),  # policy wins
        (tag("LOYALTY_ID", TagStatus.CONFIRMED, category="loyalty"), "loyalty"),  # catalog's
        (tag("LOYALTY_ID", TagStatus.CONFIRMED), "other"),
        (tag("US_SSN", TagStatus.CONFIRMED), "government_id"),  # from the default map
    ],
)
def test_columns_are_classified_from_their_tags(
    policy: Policy, t: ColumnTag | None, category: str
) -> None:
    assert policy.classify(t).category == category


def test_free_text_is_recognised(policy: Policy) -> None:
    assert policy.classify(tag("FREE_TEXT_PII", TagStatus.CONFIRMED)).free_text
    assert policy.classify(tag("PERSON", TagStatus.CONFIRMED, free_text=True)).free_text
    assert not policy.classify(tag("PERSON", TagStatus.CONFIRMED)).free_text
