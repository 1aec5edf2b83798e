"""What `privacy policy apply` will run: statements, plus what the database looks like now."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
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


def table_infos(rows: Iterable[tuple[str, str, object]]) -> list[TableInfo]:
    """Tables from (table, column, native type) rows in column order."""
    grouped: dict[str, list[tuple[str, ColumnType]]] = {}
    for table, col, native in rows:
        grouped.setdefault(table, []).append((col, ColumnType(str(native))))
    return [TableInfo(t, tuple(cols)) for t, cols in grouped.items()]


def decide_tables(
    policy: Policy, roles: list[str], tables: list[TableInfo], tags: dict[str, list[ColumnTag]]
) -> dict[tuple[str, str], list[ColumnDecision]]:
    """(role, table) -> the decision for each of the table's columns, in column order."""
    return {
        (r, t.name): decide_columns(policy, r, t.column_names, tags.get(t.name, []))
        for r in roles
        for t in tables
    }


def raw_readable(d: ColumnDecision) -> bool:
    """Columns a role may select from the base table directly: allowed and stored in clear
    (an encrypted column is ciphertext either way; the view shows it as stored)."""
    return d.effect.reveals_raw


def needs_hash_key(decisions: list[ColumnDecision]) -> bool:
    return any(
        d.effect.kind == EffectKind.HASH and d.encrypt == Encrypt.NONE and not d.cls.free_text
        for d in decisions
    )


def add_hash_key(
    plan: Plan,
    dialect: Dialect,
    decisions: Mapping[tuple[str, str], list[ColumnDecision]],
    hash_key: Callable[[], bytes],
) -> None:
    """Store the hash key in the dialect's key table when a view hashes a column (read from
    the key store only then); --dry-run shows a placeholder."""
    if not any(needs_hash_key(ds) for ds in decisions.values()):
        return
    table = dialect.key_table
    plan.add(f"CREATE TABLE IF NOT EXISTS {table} (k {dialect.key_type} NOT NULL)")
    plan.add(f"DELETE FROM {table}")
    insert = f"INSERT INTO {table} (k) VALUES ({{}})"
    plan.add(
        insert.format(dialect.bytes_literal(hash_key().hex())),
        display=insert.format(dialect.bytes_literal("<key from the key store>")),
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
