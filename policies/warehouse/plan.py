"""What `privacy policy apply` will run: statements, plus what the database looks like now."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from policies.decisions import ColumnDecision, decide_columns
from policies.effects import EffectKind
from policies.model import Encrypt
from policies.policy import Policy
from policies.warehouse.sqlmask import ColumnType, Dialect

if TYPE_CHECKING:
    from privacy.catalog import ColumnTag


@dataclass(frozen=True)
class Statement:
    sql: str
    #: what --dry-run prints when ``sql`` holds a secret (the hash key)
    display: str | None = None

    def __str__(self) -> str:
        return self.display or self.sql


@dataclass(frozen=True)
class TableInfo:
    name: str
    columns: tuple[tuple[str, ColumnType], ...]

    @property
    def column_names(self) -> list[str]:
        return [c for c, _t in self.columns]


@dataclass
class Plan:
    target: str
    dialect: str
    policy_version: str
    roles: list[str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: per role, per table: column -> effect as applied (for the audit event and tests)
    effects: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    #: roles/users that can still read a governed column raw after apply, with the column
    bypasses: list[str] = field(default_factory=list)

    def add(self, sql: str, display: str | None = None) -> None:
        self.statements.append(Statement(sql, display))

    def comment(self, text: str) -> None:
        self.statements.append(Statement("", f"-- {text}"))

    @property
    def executable(self) -> list[Statement]:
        return [s for s in self.statements if s.sql]

    def sql_text(self) -> str:
        lines = [
            f"-- privacy policy apply: policy {self.policy_version} on {self.target} "
            f"({self.dialect})"
        ]
        for s in self.statements:
            text = str(s)
            lines.append(text if text.startswith("--") else text + ";")
        return "\n".join(lines)


def table_decisions(
    policy: Policy, role: str, table: TableInfo, tags: list[ColumnTag]
) -> list[ColumnDecision]:
    return decide_columns(policy, role, table.column_names, tags)


def raw_readable(d: ColumnDecision) -> bool:
    """Columns a role may select from the base table directly: allowed and stored in clear
    (an encrypted column is ciphertext either way; the view shows it as stored)."""
    return d.effect.kind == EffectKind.ALLOW


def needs_hash_key(decisions: list[ColumnDecision]) -> bool:
    return any(
        d.effect.kind == EffectKind.HASH and d.encrypt == Encrypt.NONE and not d.cls.free_text
        for d in decisions
    )


def view_select(
    dialect: Dialect, base: str, table: TableInfo, decisions: list[ColumnDecision]
) -> tuple[str, list[str]]:
    """``SELECT <masked columns> FROM base`` and notes on columns that read as NULL in the
    warehouse although Python would show them masked."""
    exprs, notes = [], []
    for (col, ctype), d in zip(table.columns, decisions, strict=True):
        ref = f"t.{dialect.ident(col)}"
        expr, note = dialect.column(ref, ctype, d)
        exprs.append(f"{expr} AS {dialect.ident(col)}")
        if note:
            notes.append(f"{table.name}.{col}: {note}")
    return "SELECT " + ", ".join(exprs) + f" FROM {base} AS t", notes
