"""Policy files: what is accepted, what is rejected (with file, line and field), and the version."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from policies.effects import Effect, MaskKind
from policies.loader import default_policy, from_document, load_files, load_texts
from privacy.entities import ENTITIES
from privacy.errors import PolicyError

BASE = """\
version: 1
roles:
  analyst: {}
  support: {inherits: [analyst]}
  dpo: {}
categories:
  contact: [EMAIL_ADDRESS, PHONE_NUMBER]
  financial: [CREDIT_CARD]
rules:
  - category: contact
    access:
      dpo: allow
      analyst: {mask: email}
  - category: financial
    encrypt: randomized
    access: {support: {mask: last4}}
retention:
  - table: warehouse.invoices
    keep: 10y
    reason: tax law
    on_erase: anonymize
"""


def load(text: str, name: str = "p.yaml") -> object:
    return load_texts([(name, textwrap.dedent(text))])


def test_the_default_policy_loads_and_matches_the_entity_table() -> None:
    p = default_policy()
    assert p.warnings == []
    assert set(p.roles) == {"analyst", "support", "dpo"}
    for name, entity in ENTITIES.items():
        assert p.category_of(name) == entity.category, name


def test_a_valid_file_loads_with_defaults_filling_unmapped_entities() -> None:
    p = load(BASE)
    assert p.category_of("EMAIL_ADDRESS") == "contact"  # type: ignore[attr-defined]
    assert p.category_of("US_SSN") == "government_id"  # type: ignore[attr-defined]
    assert p.resolve("analyst", "contact").effect == Effect.parse({"mask": "email"})  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("spelling", "kind"),
    [("last-4", MaskKind.LAST4), ("year-only", MaskKind.YEAR), ("LAST4", MaskKind.LAST4)],
)
def test_issue_spellings_of_mask_kinds_are_accepted(spelling: str, kind: MaskKind) -> None:
    assert Effect.parse({"mask": spelling}).mask == kind


# (what is wrong, the file, line expected, field expected, words the message must contain)
BAD = [
    ("unknown top-level key", BASE + "owner: me\n", 22, "owner", "unknown key"),
    (
        "misspelt effect",
        BASE.replace("dpo: allow", "dpo: alow"),
        12,
        "rules.0.access.dpo",
        "'alow' is not an effect",
    ),
    (
        "unknown mask kind",
        BASE.replace("{mask: email}", "{mask: stars}"),
        13,
        "rules.0.access.analyst",
        "not a mask kind",
    ),
    (
        "yaml boolean as effect",
        BASE.replace("dpo: allow", "dpo: yes"),
        12,
        "rules.0.access.dpo",
        "YAML boolean",
    ),
    (
        "key given twice",
        BASE.replace("      dpo: allow\n", "      dpo: allow\n      dpo: deny\n"),
        13,
        "rules.0.access.dpo",
        "appears twice",
    ),
    (
        "entity in two categories",
        BASE.replace("financial: [CREDIT_CARD]", "financial: [CREDIT_CARD, PHONE_NUMBER]"),
        8,
        "categories.financial.1",
        "PHONE_NUMBER is listed under 'contact'",
    ),
    (
        "inheritance cycle",
        BASE.replace("analyst: {}", "analyst: {inherits: [support]}"),
        3,
        "roles.analyst.inherits",
        "cycle",
    ),
    (
        "unknown parent",
        BASE.replace("inherits: [analyst]", "inherits: [analysts]"),
        4,
        "roles.support.inherits.0",
        "no policy file defines",
    ),
    (
        "rule names an unknown role",
        BASE.replace("dpo: allow", "auditor: allow"),
        12,
        "rules.0.access.auditor",
        "role 'auditor'",
    ),
    (
        "rule for an undeclared category",
        BASE.replace("- category: financial", "- category: finance"),
        14,
        "rules.1.category",
        "'finance'",
    ),
    (
        "two rules for one category",
        BASE.replace("- category: financial", "- category: contact"),
        14,
        "rules.1.category",
        "second rule",
    ),
    (
        "encrypt an engine category",
        BASE + "  - category: unclassified\n    encrypt: deterministic\n",
        None,
        None,
        "unknown key",
    ),
    (
        "bad encrypt mode",
        BASE.replace("encrypt: randomized", "encrypt: aes"),
        15,
        "rules.1.encrypt",
        "'none', 'randomized' or 'deterministic'",
    ),
    (
        "bad duration",
        BASE.replace("keep: 10y", "keep: ten years"),
        19,
        "retention.0.keep",
        "not a duration",
    ),
    (
        "anonymize a category",
        BASE.replace("table: warehouse.invoices", "category: financial"),
        18,
        "retention.0",
        "applies to a table",
    ),
    (
        "table without source",
        BASE.replace("warehouse.invoices", "invoices"),
        18,
        "retention.0.table",
        "SOURCE.TABLE",
    ),
    ("schema version", BASE.replace("version: 1", "version: 2"), 1, "version", "1"),
    (
        "reserved role name",
        BASE.replace("dpo: {}", "public: {}"),
        5,
        "roles.public",
        "databases reserve",
    ),
    ("not a mapping", "- just\n- a list\n", 1, None, "mapping"),
    ("empty file", "# nothing\n", None, None, "empty"),
    ("syntax error", BASE.replace("dpo: allow", "dpo: [allow"), 13, None, "not valid YAML"),
    (
        "entity name case",
        BASE.replace("EMAIL_ADDRESS", "email"),
        7,
        "categories.contact.0",
        "not an entity name",
    ),
]


@pytest.mark.parametrize(("what", "text", "line", "field", "words"), BAD, ids=[b[0] for b in BAD])
def test_malformed_or_contradictory_files_are_rejected_with_position(
    what: str, text: str, line: int | None, field: str | None, words: str
) -> None:
    if what == "encrypt an engine category":
        # a rule with encrypt on an engine category (the rule list continues the file)
        text = BASE.replace(
            "retention:",
            "  - category: unclassified\n    encrypt: deterministic\nretention:",
        )
        line, field, words = 18, "rules.2.encrypt", "no known personal data"
    with pytest.raises(PolicyError) as err:
        load_texts([("company.yaml", text)])
    e = err.value
    assert e.file == "company.yaml"
    assert words in e.message, e.message
    if line is not None:
        assert e.line == line, (e.line, e.message)
    if field is not None:
        assert e.field is not None and e.field.startswith(field), e.field
    assert "company.yaml" in str(e)
    assert e.exit_code == 2


def test_conflicting_inheritance_is_rejected_and_own_entry_resolves_it() -> None:
    text = """\
    version: 1
    roles:
      a: {}
      b: {}
      c: {inherits: [a, b]}
    categories:
      contact: [EMAIL_ADDRESS]
    rules:
      - category: contact
        access: {a: hash, b: {mask: email}}
    """
    with pytest.raises(PolicyError, match=r"conflicting effects.*'contact'") as err:
        load(text)
    assert err.value.line == 5 and err.value.field == "roles.c"
    fixed = load(
        text.replace("{a: hash, b: {mask: email}}", "{a: hash, b: {mask: email}, c: null}")
    )
    assert str(fixed.resolve("c", "contact").effect) == "null"  # type: ignore[attr-defined]


def test_version_ignores_formatting_and_follows_meaning() -> None:
    a = load(BASE)
    b = load(
        "# a comment\n"
        + BASE.replace("access: {support: {mask: last4}}", "access:\n      support: {mask: last-4}")
    )
    c = load(BASE.replace("analyst: {mask: email}", "analyst: {mask: partial}"))
    assert a.version == b.version  # type: ignore[attr-defined]
    assert a.version != c.version  # type: ignore[attr-defined]
    assert len(a.version) == 16  # type: ignore[attr-defined]


def test_stored_document_rebuilds_the_same_policy() -> None:
    for p in (default_policy(), load(BASE)):
        again = from_document(p.document, "snapshot")  # type: ignore[attr-defined]
        assert again.version == p.version  # type: ignore[attr-defined]


def test_several_files_merge_and_clash_across_files(tmp_path: Path) -> None:
    roles = tmp_path / "roles.yaml"
    roles.write_text("version: 1\nroles:\n  analyst: {}\n  dpo: {}\n")
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "version: 1\nrules:\n  - category: contact\n    access: {analyst: hash, dpo: allow}\n"
    )
    p = load_files([roles, rules])
    assert str(p.resolve("analyst", "contact").effect) == "hash"
    assert p.files == (str(roles), str(rules))
    again = tmp_path / "again.yaml"
    again.write_text("version: 1\nroles:\n  dpo: {}\n")
    with pytest.raises(PolicyError, match=r"role 'dpo' is already defined in .*roles.yaml") as err:
        load_files([roles, again])
    assert err.value.file == str(again) and err.value.line == 3


def test_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="no such policy file"):
        load_files([tmp_path / "nope.yaml"])


def test_unknown_entities_and_unruled_categories_are_warned_about() -> None:
    p = load(BASE.replace("financial: [CREDIT_CARD]", "financial: [CREDIT_CARD, LOYALTY_NO]"))
    warnings = " ".join(p.warnings)  # type: ignore[attr-defined]
    assert "LOYALTY_NO" in warnings
    assert "'name' has no rule" in warnings  # from the defaults' categories
