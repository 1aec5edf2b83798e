"""The `Source` interface: where data lives.

A source lists its tables and columns and counts rows. What else it can do is declared by
capability mixins, checked with ``isinstance``:

- :class:`SupportsSample` -- a bounded sample of some columns, pushed down to the engine;
- :class:`SupportsRelations` -- foreign keys between its tables;
- :class:`SupportsLookup` -- rows where columns hold one of some values (export, planning);
- :class:`SupportsErase` -- delete or anonymize such rows, set-based (erasure).

Which rows: a list of :class:`Match` (column, values, fold_case), OR'd.

Data crosses the interface as ``pyarrow.Table``: one columnar format for SQL rows, Parquet,
CSV and Delta alike. Adapters are registered explicitly in :mod:`privacy.sources.registry`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    import pyarrow as pa


class ColumnKind(StrEnum):
    """The logical type of a column, as far as PII detection cares."""

    STRING = "string"
    INTEGER = "integer"
    FLOAT = "float"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"
    TIME = "time"
    BINARY = "binary"
    JSON = "json"
    OTHER = "other"

    @property
    def is_textual(self) -> bool:
        return self in (ColumnKind.STRING, ColumnKind.JSON, ColumnKind.OTHER)

    @property
    def is_numeric(self) -> bool:
        return self in (ColumnKind.INTEGER, ColumnKind.FLOAT, ColumnKind.DECIMAL)

    @property
    def is_temporal(self) -> bool:
        return self in (ColumnKind.DATE, ColumnKind.DATETIME, ColumnKind.TIME)


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    kind: ColumnKind
    native_type: str = ""
    nullable: bool = True


@dataclass(frozen=True)
class ColumnRef:
    """A fully qualified column: SOURCE.TABLE.COLUMN."""

    source: str
    table: str
    column: str

    def __str__(self) -> str:
        return f"{self.source}.{self.table}.{self.column}"

    @classmethod
    def parse(cls, text: str) -> ColumnRef:
        # source and table names hold no dot; a column's may (``user.email``, ``name[0].family``)
        parts = text.split(".", 2)
        if len(parts) != 3 or not all(parts):
            from privacy.errors import ConfigError

            raise ConfigError(
                f"{text!r} is not a column name of the form SOURCE.TABLE.COLUMN",
                hint="name the source as in privacy.toml (or as `privacy tag list` shows it)",
            )
        return cls(*parts)


def split_dataset(dataset: str) -> tuple[str, str]:
    """``SOURCE.TABLE`` -> (source, table)."""
    parts = dataset.split(".") if isinstance(dataset, str) else []
    if len(parts) != 2 or not all(parts):
        from privacy.errors import ConfigError

        raise ConfigError(
            f"{dataset!r} is not a dataset name of the form SOURCE.TABLE",
            hint="name the source as in privacy.toml (or as `privacy tag list` shows it), "
            "e.g. 'warehouse.customers'",
        )
    return parts[0], parts[1]


@dataclass(frozen=True)
class EraseResult:
    """What one ``delete_where`` / ``anonymize_where`` call did. Carries counts, never values.

    ``rows``: rows deleted or changed. ``files_rewritten``: data files written anew because they
    held matching rows (lake sources; 0 for SQL). ``statements``: SQL statements executed (one
    per batch of up to 1,000 values; 0 for lakes). ``purged``: older versions and copies that
    could bring the rows back were removed (Delta: vacuum + log cleanup; Parquet/CSV/JSON: the
    replaced file is gone; SQL: the database's own MVCC/undo is out of reach, so False).
    """

    rows: int
    files_rewritten: int = 0
    statements: int = 0
    purged: bool = False

    def __int__(self) -> int:
        return self.rows


@dataclass(frozen=True)
class ForeignKey:
    """``table.columns`` references ``ref_table.ref_columns`` (child -> parent)."""

    table: str
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]
    #: the constraint's name where the database gives one
    name: str | None = None


class Source(ABC):
    """A place that holds tables: a database, a folder of files, a Delta table."""

    #: short name used in SOURCE.TABLE.COLUMN
    name: str
    #: the URL or path it was opened from, with any password removed
    url: str

    @abstractmethod
    def tables(self) -> list[str]:
        """Table names, sorted."""

    @abstractmethod
    def columns(self, table: str) -> list[ColumnInfo]:
        """Columns of ``table`` in their declared order. Raises SourceNotFoundError."""

    @abstractmethod
    def count(self, table: str) -> int:
        """Exact row count (may be costly; callers use it for reports, not for sampling)."""

    def close(self) -> None:  # noqa: B027 -- optional hook; most adapters hold nothing
        """Release connections or file handles."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SupportsSample(ABC):
    @abstractmethod
    def sample(self, table: str, columns: Sequence[str] | None = None, n: int = 1000) -> pa.Table:
        """Up to ``n`` rows of ``columns`` (all when None), spread over the table where the
        engine allows, read in memory bounded by ``n`` and not by the table's size."""


class SupportsRelations(ABC):
    @abstractmethod
    def foreign_keys(self) -> list[ForeignKey]:
        """Foreign keys declared between this source's tables."""


@dataclass(frozen=True)
class Match:
    """Rows whose ``column`` equals one of ``values``.

    ``fold_case``: compare text case-insensitively (both sides lowercased), for identifiers
    whose case carries no meaning (e-mail addresses, user names). The caller says so; a source
    never guesses it from the values. Ignored for non-text columns (ids stay exact)."""

    column: str
    values: Sequence[Any]
    fold_case: bool = False


def fold(text: str) -> str:
    """The one lowercase form used on both sides of a case-insensitive comparison."""
    return text.lower()


class SupportsLookup(ABC):
    @abstractmethod
    def find(
        self, table: str, matches: Sequence[Match], columns: Sequence[str] | None = None
    ) -> pa.Table:
        """Rows matching any of ``matches`` (each row once), with ``columns`` (all when
        None); one set-based, parameterised query per batch of values. Values are matched in
        the column's type (``"42"`` finds 42 in an integer column; a value that cannot be of
        that type matches nothing)."""

    @abstractmethod
    def count_matches(self, table: str, matches: Sequence[Match]) -> int:
        """How many rows ``find`` would return."""

    def lookup(
        self,
        table: str,
        column: str,
        values: Sequence[Any],
        columns: Sequence[str] | None = None,
        *,
        fold_case: bool = False,
    ) -> pa.Table:
        """Rows whose ``column`` equals one of ``values``: ``find`` with one match."""
        return self.find(table, [Match(column, values, fold_case)], columns)

    def count_where(
        self, table: str, column: str, values: Sequence[Any], *, fold_case: bool = False
    ) -> int:
        """How many rows ``lookup`` would return."""
        return self.count_matches(table, [Match(column, values, fold_case)])


class SupportsErase(ABC):
    @abstractmethod
    def delete_matches(self, table: str, matches: Sequence[Match]) -> EraseResult:
        """Delete rows matching any of ``matches``: one set-based statement per batch of
        values with the matches OR'd (SQL, all batches in one transaction), or a rewrite of
        only the files that hold them (lakes). Lake adapters also purge older versions so the
        rows cannot be read back. Calling it again with the same values is harmless (0 rows)."""

    @abstractmethod
    def anonymize_matches(
        self, table: str, matches: Sequence[Match], replacements: Mapping[str, Any]
    ) -> EraseResult:
        """Set ``replacements`` (column -> new value, None for NULL) on matching rows, keeping
        the rows (legal hold); set-based like ``delete_matches``, and purged the same way."""

    def delete_where(
        self, table: str, column: str, values: Sequence[Any], *, fold_case: bool = False
    ) -> EraseResult:
        """Delete rows whose ``column`` is in ``values``: ``delete_matches`` with one match."""
        return self.delete_matches(table, [Match(column, values, fold_case)])

    def anonymize_where(
        self,
        table: str,
        column: str,
        values: Sequence[Any],
        replacements: Mapping[str, Any],
        *,
        fold_case: bool = False,
    ) -> EraseResult:
        """``anonymize_matches`` with one match."""
        return self.anonymize_matches(table, [Match(column, values, fold_case)], replacements)
