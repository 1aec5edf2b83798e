"""The shape of a policy file, as pydantic models (unknown keys refused).

Checks that need one field at a time live here; checks across the file (unknown roles,
inheritance cycles, an entity in two categories) live in :mod:`policies.loader`, which knows
file names and line numbers.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    field_validator,
    model_validator,
)

from policies.effects import Effect

ROLE_RE = r"^[a-z][a-z0-9_]{0,39}$"
CATEGORY_RE = r"^[a-z][a-z0-9_]{0,62}$"
ENTITY_RE = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")
DURATION_RE = re.compile(r"^(\d+)\s*([dwmy])$")

#: categories the engine assigns itself: a column a person decided holds no personal data,
#: and a column nobody has classified (no tag, or a scanner's unreviewed "nothing found").
NON_PERSONAL = "non_personal"
UNCLASSIFIED = "unclassified"
PSEUDO_CATEGORIES = (NON_PERSONAL, UNCLASSIFIED)

#: names a database already uses or that would read as something else in SQL
RESERVED_ROLES = frozenset(
    {"public", "postgres", "root", "none", "all", "admin", "current_user", "session_user"}
)


class Encrypt(StrEnum):
    NONE = "none"
    RANDOMIZED = "randomized"  # AES-256-GCM: equal values encrypt differently
    DETERMINISTIC = "deterministic"  # AES-SIV: equal values encrypt equally (joinable)


class OnErase(StrEnum):
    DELETE = "delete"
    ANONYMIZE = "anonymize"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _effect(value: Any) -> Effect:
    return Effect.parse(value)


EffectField = Annotated[Effect, PlainValidator(_effect)]


def _role_name(name: str) -> str:
    if not re.fullmatch(ROLE_RE, name):
        raise ValueError(
            f"{name!r} is not a role name: lower case letters, digits and _, starting with a "
            "letter, at most 40 characters (it becomes a database role)"
        )
    if name in RESERVED_ROLES or name.startswith(("pg_", "privacy_")):
        raise ValueError(
            f"{name!r} cannot be a role name: databases reserve it (or the pg_ and privacy_ "
            "prefixes); pick another name"
        )
    return name


def _entity_name(name: str) -> str:
    if not ENTITY_RE.match(name):
        raise ValueError(f"{name!r} is not an entity name (upper case, e.g. EMAIL_ADDRESS)")
    return name


RoleName = Annotated[str, AfterValidator(_role_name)]
EntityName = Annotated[str, AfterValidator(_entity_name)]
CategoryName = Annotated[str, Field(pattern=CATEGORY_RE)]


class RoleSpec(_Model):
    inherits: list[RoleName] = Field(default_factory=list)
    description: str = ""


class Rule(_Model):
    """What happens to one category: encryption at rest and each role's access effect."""

    category: CategoryName
    encrypt: Encrypt = Encrypt.NONE
    access: dict[RoleName, EffectField] = Field(default_factory=dict)
    description: str = ""


class Retention(_Model):
    """How long a category (or a table) is kept, and what erasure does to a table's rows."""

    table: str | None = None
    category: CategoryName | None = None
    keep: str
    reason: str = Field(min_length=3)
    on_erase: OnErase = OnErase.DELETE
    #: the columns anonymization overwrites (default: every personal column in the catalog)
    columns: list[str] | None = None
    #: a value to write instead of NULL (for NOT NULL columns, or a readable marker)
    replace: dict[str, str | int | float | None] = Field(default_factory=dict)

    @field_validator("table")
    @classmethod
    def _table_name(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"[^.\s]+\.[^.\s]+", v):
            raise ValueError(f"{v!r} is not SOURCE.TABLE (e.g. warehouse.invoices)")
        return v

    @field_validator("keep")
    @classmethod
    def _duration(cls, v: str) -> str:
        text = str(v).strip().lower()
        if text == "forever":
            return text
        m = DURATION_RE.match(text)
        if not m or int(m.group(1)) == 0:
            raise ValueError(
                f"{v!r} is not a duration; write a positive number and a unit: 30d, 6w, 18m, 10y"
            )
        return f"{int(m.group(1))}{m.group(2)}"

    @model_validator(mode="after")
    def _shape(self) -> Retention:
        if (self.table is None) == (self.category is None):
            raise ValueError("a retention rule names exactly one of table or category")
        if self.category is not None and self.on_erase != OnErase.DELETE:
            raise ValueError(
                "on_erase applies to a table (the rows a legal obligation keeps); "
                "name the table instead of the category"
            )
        if self.on_erase == OnErase.DELETE and (self.columns is not None or self.replace):
            raise ValueError("columns and replace only apply to on_erase: anonymize")
        if self.columns is not None and not self.columns:
            raise ValueError(
                "on_erase: anonymize with no columns leaves the subject's data in place; "
                "list the personal columns or leave columns out to use the catalog's"
            )
        if self.columns is not None:
            stray = sorted(set(self.replace) - set(self.columns))
            if stray:
                raise ValueError(f"replace names columns not listed in columns: {stray}")
        return self


class PolicyFile(_Model):
    """One policy file. Several files (privacy.toml ``[policy] files``) merge into one policy."""

    version: Literal[1]
    name: str = ""
    description: str = ""
    roles: dict[RoleName, RoleSpec] = Field(default_factory=dict)
    categories: dict[CategoryName, list[EntityName]] = Field(default_factory=dict)
    rules: list[Rule] = Field(default_factory=list)
    retention: list[Retention] = Field(default_factory=list)

    @field_validator("roles", mode="before")
    @classmethod
    def _roles(cls, v: Any) -> Any:
        # `analyst:` with nothing after it is a role without parents
        if isinstance(v, dict):
            return {k: ({} if spec is None else spec) for k, spec in v.items()}
        return v

    @field_validator("categories")
    @classmethod
    def _entities(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        for cat in v:
            if cat in PSEUDO_CATEGORIES:
                raise ValueError(
                    f"{cat!r} is assigned by the engine (untagged or non-personal columns); "
                    "write a rule for it, but do not list entities under it"
                )
        return v
