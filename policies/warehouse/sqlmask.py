"""The masking rules of :mod:`policies.masking`, written as SQL for PostgreSQL and MariaDB.

Each function returns an expression over a column reference; nulls stay null (every
function used propagates NULL). Output must equal the Python side character for character;
``tests/integration/test_policy_warehouse.py`` checks it on the real servers.
"""

from __future__ import annotations

from dataclasses import dataclass

from policies.decisions import ColumnDecision
from policies.effects import EffectKind, MaskKind
from policies.model import Encrypt


@dataclass(frozen=True)
class ColumnType:
    native: str  # as the database prints it: 'character varying(80)', 'int(11)', ...

    @property
    def base(self) -> str:
        return self.native.split("(")[0].strip().lower()

    @property
    def is_date(self) -> bool:
        return self.base == "date"

    @property
    def is_datetime(self) -> bool:
        return self.base.startswith(("timestamp", "datetime"))

    @property
    def is_text(self) -> bool:
        b = self.base
        return b in ("text", "character varying", "varchar", "char", "character", "citext") or (
            b.endswith("text")
        )


class Dialect:
    name = ""
    #: where the hash key lives (a table only the view owner can read), and its column type
    key_table = ""
    key_type = ""

    def ident(self, name: str) -> str:
        raise NotImplementedError

    def text(self, x: str, t: ColumnType) -> str:
        raise NotImplementedError

    def length(self, x: str) -> str:
        return f"CHAR_LENGTH({x})"

    def concat(self, *parts: str) -> str:
        raise NotImplementedError

    def string(self, value: str) -> str:
        return "'" + value.replace("'", "''") + "'"

    def typed_null(self, t: ColumnType) -> str:
        raise NotImplementedError

    def bytes_literal(self, hex_digits: str) -> str:
        raise NotImplementedError

    def year(self, x: str, t: ColumnType) -> str:
        raise NotImplementedError

    def hash(self, x: str, t: ColumnType) -> str:
        raise NotImplementedError

    def at(self, x: str) -> str:
        raise NotImplementedError

    # --- mask kinds, shared shape ------------------------------------------------------

    def partial(self, x: str) -> str:
        n = self.length(x)
        k = f"LEAST({self.div(n, '4')}, 4)"
        return self.concat(f"LEFT({x}, {k})", f"REPEAT('*', {n} - 2 * {k})", f"RIGHT({x}, {k})")

    def div(self, a: str, b: str) -> str:
        raise NotImplementedError

    def email(self, x: str) -> str:
        p = self.at(x)
        return (
            f"CASE WHEN {p} > 0 THEN "
            + self.concat(
                f"LEFT({x}, LEAST(1, {p} - 1))",
                f"REPEAT('*', GREATEST({p} - 2, 0))",
                f"SUBSTRING({x}, {p})",
            )
            + f" ELSE {self.partial(x)} END"
        )

    def last4(self, x: str) -> str:
        n = self.length(x)
        shown = self.concat(f"REPEAT('*', {n} - 4)", f"RIGHT({x}, 4)")
        return f"CASE WHEN {n} > 4 THEN {shown} ELSE REPEAT('*', {n}) END"

    def full(self, x: str) -> str:
        return f"REPEAT('*', {self.length(x)})"

    def redact(self, x: str, entity: str | None) -> str:
        label = self.string("<" + (entity or "PII") + ">")
        return f"CASE WHEN {x} IS NULL THEN NULL ELSE {label} END"

    # --- one column ----------------------------------------------------------------------

    def column(self, ref: str, t: ColumnType, d: ColumnDecision) -> tuple[str, str]:
        """(expression, note) for a view column. The note says why it differs from the
        Python side, when it does."""
        eff = d.effect
        if eff.kind == EffectKind.ALLOW:
            return ref, ""
        if eff.kind in (EffectKind.NULL, EffectKind.DENY):
            return self.typed_null(t), ""
        if d.encrypt != Encrypt.NONE:
            return self.typed_null(t), (
                f"encrypted at rest ({d.encrypt.value}): {eff} needs the key; read through "
                "policies.read"
            )
        if d.cls.free_text:
            return self.typed_null(t), (
                f"free text: {eff} masks only the PII spans, which needs the analyzer; "
                "read through policies.read"
            )
        if eff.kind == EffectKind.HASH:
            return self.hash(ref, t), ""
        assert eff.mask is not None
        if eff.mask == MaskKind.YEAR:
            return self.year(ref, t), ""
        if eff.mask == MaskKind.REDACT:
            return self.redact(ref, d.cls.entity), ""
        x = self.text(ref, t)
        fn = {
            MaskKind.PARTIAL: self.partial,
            MaskKind.EMAIL: self.email,
            MaskKind.LAST4: self.last4,
            MaskKind.FULL: self.full,
        }[eff.mask]
        return fn(x), ""


class PostgresDialect(Dialect):
    name = "postgresql"
    key_table = '"privacy_internal"."hash_key"'
    key_type = "bytea"

    def ident(self, name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    def text(self, x: str, t: ColumnType) -> str:
        return x if t.is_text else f"CAST({x} AS text)"

    def concat(self, *parts: str) -> str:
        return "(" + " || ".join(parts) + ")"

    def div(self, a: str, b: str) -> str:
        return f"({a} / {b})"

    def at(self, x: str) -> str:
        return f"STRPOS({x}, '@')"

    def typed_null(self, t: ColumnType) -> str:
        return f"CAST(NULL AS {t.native})"

    def bytes_literal(self, hex_digits: str) -> str:
        return f"'\\x{hex_digits}'"

    def year(self, x: str, t: ColumnType) -> str:
        if t.is_date:
            return f"CAST(DATE_TRUNC('year', {x}) AS date)"
        if t.is_datetime:
            return f"DATE_TRUNC('year', {x})"
        return f"SUBSTRING({self.text(x, t)} FROM '[0-9]{{4}}')"

    def hash(self, x: str, t: ColumnType) -> str:
        return (
            f"ENCODE(SHA256(CONVERT_TO({self.text(x, t)}, 'UTF8') || "
            f"(SELECT k FROM {self.key_table})), 'hex')"
        )


_MARIADB_CASTS = {
    "date": "DATE",
    "datetime": "DATETIME",
    "timestamp": "DATETIME",
    "time": "TIME",
    "double": "DOUBLE",
    "float": "DOUBLE",
}


class MariaDBDialect(Dialect):
    name = "mariadb"
    key_type = "VARBINARY(64)"

    def __init__(self, internal_db: str) -> None:
        self.key_table = f"{self.ident(internal_db)}.{self.ident('hash_key')}"

    def ident(self, name: str) -> str:
        return "`" + name.replace("`", "``") + "`"

    def text(self, x: str, t: ColumnType) -> str:
        return f"CAST({x} AS CHAR CHARACTER SET utf8mb4)"

    def string(self, value: str) -> str:
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'"

    def concat(self, *parts: str) -> str:
        return "CONCAT(" + ", ".join(parts) + ")"

    def bytes_literal(self, hex_digits: str) -> str:
        return f"X'{hex_digits}'"

    def div(self, a: str, b: str) -> str:
        return f"({a} DIV {b})"

    def at(self, x: str) -> str:
        return f"LOCATE('@', {x})"

    def typed_null(self, t: ColumnType) -> str:
        b = t.base
        if b in _MARIADB_CASTS:
            return f"CAST(NULL AS {_MARIADB_CASTS[b]})"
        if b in ("decimal", "numeric"):
            return f"CAST(NULL AS {t.native.split(' ')[0].upper()})"
        if b.endswith("int"):
            return "CAST(NULL AS SIGNED)"
        if t.is_text:
            return "CAST(NULL AS CHAR)"
        return "NULL"

    def year(self, x: str, t: ColumnType) -> str:
        if t.is_date:
            return f"MAKEDATE(YEAR({x}), 1)"
        if t.is_datetime:
            return f"CAST(MAKEDATE(YEAR({x}), 1) AS DATETIME)"
        return f"NULLIF(REGEXP_SUBSTR({self.text(x, t)}, '[0-9]{{4}}'), '')"

    def hash(self, x: str, t: ColumnType) -> str:
        return f"SHA2(CONCAT({self.text(x, t)}, (SELECT k FROM {self.key_table})), 256)"
