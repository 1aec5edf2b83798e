"""Load policy files: parse, validate, merge, reject contradictions, compile.

Errors name the file, the line and the field. Several files merge into one policy; the
entity -> category map of ``policies/defaults/gdpr.yaml`` fills in entities the files do not
map (a file's own mapping wins). Contradictions rejected here:

- a YAML key given twice in one mapping (YAML would keep the last silently);
- a role defined twice, inheriting an unknown role, or inheritance forming a cycle;
- an entity listed under two categories;
- two rules for one category; a rule for a category no file or default declares;
  a rule naming a role the policy does not define; encryption on the engine's own
  categories (``unclassified``, ``non_personal``);
- a role that inherits, for one category, two effects none of which subsumes the other;
- two retention rules for one table or category; a retention rule for an unknown category.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from policies.model import PSEUDO_CATEGORIES, Encrypt, OnErase, PolicyFile
from policies.policy import InheritanceConflict, Policy
from policies.yamlsrc import Located, load_yaml
from privacy.errors import PolicyError

DEFAULT_POLICY = "gdpr.yaml"


def defaults_text(name: str = DEFAULT_POLICY) -> str:
    return (resources.files("policies") / "defaults" / name).read_text(encoding="utf-8")


def _pydantic_message(err: dict[str, Any]) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required field is missing"
    msg = str(err["msg"])
    return msg.removeprefix("Value error, ")


def parse_file(text: str, file: str) -> tuple[PolicyFile, Located]:
    """Validate one file's text against the model. Raises PolicyError naming file:line [field]."""
    model, located, errors = parse_file_all(text, file)
    if errors:
        raise errors[0]
    assert model is not None and located is not None
    return model, located


def parse_file_all(
    text: str, file: str
) -> tuple[PolicyFile | None, Located | None, list[PolicyError]]:
    """Like :func:`parse_file`, but every schema error of the file, not only the first (for
    `privacy policy validate`, so one run shows all there is to fix)."""
    try:
        located = load_yaml(text, file)
    except PolicyError as e:
        return None, None, [e]
    if located.data is None:
        return (
            None,
            located,
            [
                PolicyError(
                    "the file is empty",
                    file=file,
                    hint="a policy file starts with `version: 1`; see docs/policies.md",
                )
            ],
        )
    if not isinstance(located.data, dict):
        return (
            None,
            located,
            [
                PolicyError(
                    f"a policy file is a mapping (version, roles, categories, rules, retention), "
                    f"not a {type(located.data).__name__}",
                    file=file,
                    line=1,
                    hint="see docs/policies.md for the shape",
                )
            ],
        )
    try:
        model = PolicyFile.model_validate(located.data)
    except ValidationError as e:
        errors = []
        for err in e.errors():
            loc = tuple(p for p in err["loc"] if p != "[key]")
            errors.append(
                located.error(
                    _pydantic_message(dict(err)),
                    loc,
                    hint="see docs/policies.md for allowed keys and values; the active policy "
                    "stays in force until a valid one is activated",
                )
            )
        return None, located, errors
    return model, located, []


class _Merger:
    """Merges parsed files, checking contradictions with positions in the file that caused them."""

    def __init__(self, *, collect: bool = False) -> None:
        #: with ``collect``, contradictions are gathered here instead of raised at the first
        self.errors: list[PolicyError] = []
        self.collect = collect
        self.roles: dict[str, Any] = {}
        self.role_origin: dict[str, tuple[Located, tuple[Any, ...]]] = {}
        self.categories: dict[str, list[str]] = {}
        self.entity_origin: dict[str, tuple[str, str]] = {}  # entity -> (category, file)
        self.rules: dict[str, Any] = {}
        self.rule_origin: dict[str, tuple[Located, int]] = {}
        self.retention: list[Any] = []
        self.retention_keys: dict[str, str] = {}
        self.names: list[str] = []
        self.descriptions: list[str] = []

    def _fail(self, error: PolicyError) -> None:
        if not self.collect:
            raise error
        self.errors.append(error)

    def add(self, model: PolicyFile, src: Located) -> None:
        if model.name:
            self.names.append(model.name)
        if model.description:
            self.descriptions.append(model.description)
        for name, spec in model.roles.items():
            if name in self.roles:
                other = self.role_origin[name][0].file
                self._fail(
                    src.error(f"role {name!r} is already defined in {other}", ("roles", name))
                )
                continue
            self.roles[name] = spec
            self.role_origin[name] = (src, ("roles", name))
        for cat, entities in model.categories.items():
            for i, ent in enumerate(entities):
                if ent in self.entity_origin:
                    prev_cat, prev_file = self.entity_origin[ent]
                    where = "" if prev_file == src.file else f" in {prev_file}"
                    self._fail(
                        src.error(
                            f"entity {ent} is listed under {prev_cat!r}{where} and under {cat!r}; "
                            "an entity belongs to one category",
                            ("categories", cat, i),
                        )
                    )
                    continue
                self.entity_origin[ent] = (cat, src.file)
                self.categories.setdefault(cat, []).append(ent)
            self.categories.setdefault(cat, [])
        for i, rule in enumerate(model.rules):
            if rule.category in self.rules:
                prev, prev_i = self.rule_origin[rule.category]
                line = prev.line(("rules", prev_i))
                self._fail(
                    src.error(
                        f"a second rule for category {rule.category!r} "
                        f"(the first is at {prev.file}:{line}); one rule per category",
                        ("rules", i, "category"),
                    )
                )
                continue
            self.rules[rule.category] = rule
            self.rule_origin[rule.category] = (src, i)
        for i, ret in enumerate(model.retention):
            key = f"table {ret.table}" if ret.table else f"category {ret.category}"
            if key in self.retention_keys:
                self._fail(
                    src.error(
                        f"a second retention rule for {key} (the first is in "
                        f"{self.retention_keys[key]}); one rule per table or category",
                        ("retention", i),
                    )
                )
                continue
            self.retention_keys[key] = src.file
            self.retention.append((ret, src, i))

    def overlay_defaults(self, defaults: PolicyFile) -> None:
        """Entities the files do not map take the default category."""
        for cat, entities in defaults.categories.items():
            for ent in entities:
                if ent not in self.entity_origin:
                    self.entity_origin[ent] = (cat, "defaults")
                    self.categories.setdefault(cat, []).append(ent)

    def check(self) -> None:
        # roles: parents exist, no cycles
        for name, spec in self.roles.items():
            src, loc = self.role_origin[name]
            for j, parent in enumerate(spec.inherits):
                if parent not in self.roles:
                    self._fail(
                        src.error(
                            f"role {name!r} inherits {parent!r}, which no policy file defines",
                            (*loc, "inherits", j),
                        )
                    )
        reported: set[frozenset[str]] = set()
        for name in self.roles:
            cycle = self._cycle(name, [])
            if cycle and frozenset(cycle) not in reported:
                reported.add(frozenset(cycle))  # one report per cycle, not one per member
                src, loc = self.role_origin[name]
                self._fail(
                    src.error(
                        "role inheritance forms a cycle: " + " -> ".join(cycle),
                        (*loc, "inherits"),
                    )
                )
        known = set(self.categories) | set(PSEUDO_CATEGORIES)
        for cat, rule in self.rules.items():
            src, i = self.rule_origin[cat]
            if cat not in known:
                self._fail(
                    src.error(
                        f"rule for category {cat!r}, which no file declares under categories "
                        f"(known: {', '.join(sorted(known))})",
                        ("rules", i, "category"),
                        hint="declare the category with its entities under categories, "
                        "or fix the name",
                    )
                )
                continue
            if cat in PSEUDO_CATEGORIES and rule.encrypt != Encrypt.NONE:
                self._fail(
                    src.error(
                        f"{cat!r} columns hold no known personal data to encrypt; "
                        "use encrypt: none for it",
                        ("rules", i, "encrypt"),
                    )
                )
            for role in rule.access:
                if role not in self.roles:
                    self._fail(
                        src.error(
                            f"rule {cat!r} gives access to role {role!r}, which no policy file "
                            f"defines (roles: {', '.join(sorted(self.roles)) or 'none'})",
                            ("rules", i, "access", role),
                            hint="define the role under roles, or fix the name",
                        )
                    )
        for ret, src, i in self.retention:
            if ret.category is not None and ret.category not in known:
                self._fail(
                    src.error(
                        f"retention for category {ret.category!r}, which no file declares",
                        ("retention", i, "category"),
                    )
                )
            if ret.on_erase == OnErase.ANONYMIZE and ret.columns is not None:
                for j, col in enumerate(ret.columns):
                    if not col or "." in col:
                        self._fail(
                            src.error(
                                f"{col!r} is not a column name of {ret.table}",
                                ("retention", i, "columns", j),
                            )
                        )

    def _cycle(self, start: str, path: list[str]) -> list[str] | None:
        if start in path:
            return [*path[path.index(start) :], start]
        for parent in self.roles[start].inherits:
            if parent not in self.roles:  # reported by check(); only when collecting
                continue
            found = self._cycle(parent, [*path, start])
            if found:
                return found
        return None

    def model(self) -> PolicyFile:
        return PolicyFile(
            version=1,
            name=" + ".join(self.names),
            description="\n".join(self.descriptions),
            roles=self.roles,
            categories={c: sorted(set(e)) for c, e in self.categories.items()},
            rules=list(self.rules.values()),
            retention=[r for r, _s, _i in self.retention],
        )


def _compile(merger: _Merger, files: tuple[str, ...]) -> Policy:
    model = merger.model()
    try:
        policy = Policy(model, files)
    except InheritanceConflict as c:
        src, loc = merger.role_origin[c.role]
        offers = ", ".join(f"{p} gives {e}" for p, e in sorted(c.offers.items()))
        raise src.error(
            f"role {c.role!r} inherits conflicting effects for category {c.category!r} "
            f"({offers}) and none reveals less than the other",
            loc,
            hint=f"give {c.role!r} its own entry in the {c.category!r} rule",
        ) from None
    policy.warnings.extend(_warnings(policy))
    return policy


def _warnings(policy: Policy) -> list[str]:
    from privacy.entities import ENTITIES

    out = []
    for ent in sorted(policy.entity_category):
        if ent not in ENTITIES:
            out.append(f"entity {ent} is not one the scanner knows; only manual tags will use it")
    for cat in sorted(set(policy.model.categories) - set(policy.rules) - {"other"}):
        if policy.model.categories[cat]:
            out.append(f"category {cat!r} has no rule: every role is denied its columns")
    return out


def load_texts(texts: Iterable[tuple[str, str]], *, with_defaults: bool = True) -> Policy:
    """Load (file name, text) pairs as one policy."""
    merger = _Merger()
    names: list[str] = []
    for file, text in texts:
        model, located = parse_file(text, file)
        merger.add(model, located)
        names.append(file)
    if not names:
        raise PolicyError(
            "no policy file given",
            hint="name one or more files, or leave [policy] files out of privacy.toml to use "
            "the default GDPR policy",
        )
    if with_defaults:
        defaults, _ = parse_file(defaults_text(), f"defaults/{DEFAULT_POLICY}")
        merger.overlay_defaults(defaults)
    merger.check()
    return _compile(merger, tuple(names))


def _read(p: str | Path) -> str:
    try:
        return Path(p).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError(
            "no such policy file",
            file=str(p),
            hint="check the path (privacy.toml [policy] files are relative to privacy.toml)",
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise PolicyError(f"cannot be read ({type(e).__name__})", file=str(p)) from None


def load_files(paths: Sequence[str | Path], *, with_defaults: bool = True) -> Policy:
    return load_texts([(str(p), _read(p)) for p in paths], with_defaults=with_defaults)


@dataclass
class Validation:
    """Every file's errors (an empty list: the file is valid) and, when all hold together,
    the merged policy."""

    files: dict[str, list[PolicyError]] = field(default_factory=dict)
    policy: Policy | None = None

    @property
    def errors(self) -> list[PolicyError]:
        return [e for errs in self.files.values() for e in errs]


def validate_files(paths: Sequence[str | Path], *, with_defaults: bool = True) -> Validation:
    """Check every file and report all errors, not only the first: each file's syntax and
    schema, then -- once every file parses -- the contradictions between them."""
    out = Validation()
    parsed: list[tuple[PolicyFile, Located]] = []
    for p in paths:
        name = str(p)
        errors = out.files.setdefault(name, [])
        try:
            text = _read(p)
        except PolicyError as e:
            errors.append(e)
            continue
        model, located, errs = parse_file_all(text, name)
        errors.extend(errs)
        if model is not None and located is not None:
            parsed.append((model, located))
    if out.errors:
        # contradictions between files are judged once every file parses: a broken file's
        # roles would otherwise show up as "unknown" in the others
        return out
    merger = _Merger(collect=True)
    for model, located in parsed:
        merger.add(model, located)
    if with_defaults:
        defaults, _ = parse_file(defaults_text(), f"defaults/{DEFAULT_POLICY}")
        merger.overlay_defaults(defaults)
    merger.check()
    if not merger.errors:
        try:
            out.policy = _compile(merger, tuple(out.files))
        except PolicyError as conflict:
            merger.errors.append(conflict)
    for err in merger.errors:
        out.files.setdefault(err.file or "", []).append(err)
    return out


def default_policy() -> Policy:
    """The GDPR policy that ships in policies/defaults/."""
    return load_texts([(f"defaults/{DEFAULT_POLICY}", defaults_text())], with_defaults=False)


def from_document(document: dict[str, Any], origin: str) -> Policy:
    """Rebuild a policy from its stored document (the active-policy snapshot)."""
    import yaml

    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    return load_texts([(origin, text)], with_defaults=False)
