"""Sources made of files: a CSV, Parquet, JSON or JSON-lines file (text kinds also gzipped:
``.csv.gz``), a folder of them, a Delta table.

Given                                     Tables
========================================  ===================================================
a file ``customers.csv``                  one table, named after the file's stem
                                          (``people.csv.gz`` -> ``people``)
a Delta table (folder with _delta_log)    one table, named after the folder
a folder                                  one per file (stem), one per Delta sub-folder, and
                                          one per sub-folder of Parquet part files (Spark/Hive
                                          output, ``key=value/`` partitions), named after it
========================================  ===================================================

Hidden entries and ``_``-prefixed ones (``_SUCCESS``, ``_delta_log``) are skipped, and so are
files of other kinds. Two entries that would give the same table name are an error: erasure
must never guess which one is meant.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from privacy.errors import (
    SourceNotFoundError,
    SourcePermissionError,
    SourceReadError,
    UnsupportedSourceError,
)
from privacy.sources.base import (
    ColumnInfo,
    EraseResult,
    Match,
    Source,
    SupportsErase,
    SupportsLookup,
    SupportsSample,
)
from privacy.sources.formats import (
    CSV_SUFFIXES,
    GZIP_SUFFIX,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    SUFFIXES,
    split_name,
)
from privacy.sources.lake import LakeTable, is_delta
from privacy.sources.textfiles import CsvTable, JsonLinesTable, JsonTable


def table_name(stem: str) -> str:
    # table names appear in SOURCE.TABLE.COLUMN: a dot would split them
    return stem.replace(".", "_")


def table_for(path: Path, name: str | None = None) -> LakeTable | None:
    """The table a file or folder holds, or None if it is nothing the toolkit reads."""
    # Parquet and Delta adapters are imported when met: they pull in pyarrow.dataset and pandas
    if path.is_dir():
        if is_delta(path):
            return _delta(name or table_name(path.name), path)
        from privacy.sources.parquet import ParquetTable, parquet_files

        files = parquet_files(path)
        if files:
            return ParquetTable(name or table_name(path.name), path, files)
        return None
    split = split_name(path.name)
    if split is None:
        return None
    stem = name or table_name(split[0])
    # ``people.csv.gz`` is read as ``.csv``; the table class opens it through gzip
    suffix = split[1].removesuffix(GZIP_SUFFIX)
    if suffix in PARQUET_SUFFIXES:
        from privacy.sources.parquet import ParquetTable

        return ParquetTable(stem, path)
    if suffix in CSV_SUFFIXES:
        return CsvTable(stem, path)
    if suffix in JSONL_SUFFIXES:
        return JsonLinesTable(stem, path)
    if suffix in JSON_SUFFIXES:
        return JsonTable(stem, path)
    return None


def _delta(name: str, path: Path) -> LakeTable:
    from privacy.sources.delta import DeltaLakeTable

    return DeltaLakeTable(name, path)


def discover(folder: Path) -> dict[str, LakeTable]:
    tables: dict[str, LakeTable] = {}
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith((".", "_")):
            continue
        table = table_for(entry)
        if table is None:
            continue
        if table.name in tables:
            raise SourceReadError(
                f"{folder}: both {tables[table.name].path.name!r} and {entry.name!r} would be "
                f"table {table.name!r}",
                hint="rename or move one of them so each table name is unique",
            )
        tables[table.name] = table
    return tables


def open_path(path: Path, name: str) -> FileSource:
    if not path.exists():
        raise SourceNotFoundError(
            f"no file or folder at {str(path)!r}",
            hint="check the path (relative paths start from the working directory)",
        )
    if path.is_file():
        table = table_for(path)
        if table is None:
            raise UnsupportedSourceError(
                f"{path}: not a file kind the toolkit reads ({path.suffix or 'no suffix'})",
                hint=f"use one of {', '.join(SUFFIXES)}, a folder of them, or a Delta table",
            )
        return FileSource(name, path, {table.name: table})
    if is_delta(path):
        table = _delta(table_name(path.name), path)
        return FileSource(name, path, {table.name: table})
    try:
        tables = discover(path)
    except PermissionError as e:
        raise SourcePermissionError(
            f"{path}: cannot list the folder: permission denied",
            hint="give the user running the toolkit read access to it",
        ) from e
    return FileSource(name, path, tables)


class FileSource(Source, SupportsSample, SupportsLookup, SupportsErase):
    """Tables held in files. Relations between them are declared in privacy.toml."""

    def __init__(self, name: str, path: Path, tables: Mapping[str, LakeTable]) -> None:
        self.name = name
        self.path = path
        self.url = str(path)
        self._tables = dict(tables)

    @property
    def notes(self) -> list[str]:
        """How files were read, where it matters (non-UTF-8 encodings, scan budgets)."""
        return [n for t in self._tables.values() for n in t.notes]

    def table(self, table: str) -> LakeTable:
        try:
            return self._tables[table]
        except KeyError:
            raise SourceNotFoundError(
                f"{self.url}: no table {table!r}",
                hint=f"tables here: {', '.join(sorted(self._tables)[:20]) or '(none)'}",
            ) from None

    def tables(self) -> list[str]:
        return sorted(self._tables)

    def columns(self, table: str) -> list[ColumnInfo]:
        return self.table(table).columns()

    def count(self, table: str) -> int:
        return self.table(table).count()

    def sample(self, table: str, columns: Sequence[str] | None = None, n: int = 1000) -> pa.Table:
        return self.table(table).sample(columns, n)

    def find(
        self, table: str, matches: Sequence[Match], columns: Sequence[str] | None = None
    ) -> pa.Table:
        return self.table(table).find(matches, columns)

    def count_matches(self, table: str, matches: Sequence[Match]) -> int:
        return self.table(table).count_matches(matches)

    def delete_matches(self, table: str, matches: Sequence[Match]) -> EraseResult:
        return self.table(table).delete_matches(matches)

    def anonymize_matches(
        self, table: str, matches: Sequence[Match], replacements: Mapping[str, Any]
    ) -> EraseResult:
        return self.table(table).anonymize_matches(matches, replacements)
