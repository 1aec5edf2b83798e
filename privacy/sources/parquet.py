"""Parquet tables: one file, or a folder of part files (optionally Hive-partitioned).

Sampling reads a few row groups spread over the files (see :func:`rowgroups.sample_fragments`).
Lookups and erasure use a filtered dataset scan, which skips files and row groups whose
statistics exclude the values. Erasure rewrites only the files that hold a matching row, each
atomically (temp file in the same folder, fsync, ``os.replace``, fsync the folder), one row
group at a time, keeping the file's schema, metadata, compression and row-group layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from privacy.errors import UnsupportedSourceError
from privacy.sources.arrowutil import (
    arrow_literal_values,
    batched,
    folded_text,
    is_text_type,
    matches_mask,
)
from privacy.sources.atomic import atomic_replace, is_temp, remove_file
from privacy.sources.base import EraseResult, Match
from privacy.sources.formats import PARQUET_SUFFIXES
from privacy.sources.lake import LakeTable, erase_action, file_errors
from privacy.sources.rowgroups import sample_fragments


def is_parquet(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in PARQUET_SUFFIXES and not _hidden(path)


def _hidden(path: Path) -> bool:
    return path.name.startswith((".", "_")) or is_temp(path)


def parquet_files(folder: Path) -> list[Path]:
    """Part files under ``folder`` (recursively), skipping hidden and ``_``-prefixed entries
    (``_SUCCESS``, ``_delta_log``, temp files)."""
    out: list[Path] = []
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).parts
        if any(part.startswith((".", "_")) for part in rel):
            continue
        if is_parquet(p):
            out.append(p)
    return out


def filter_expr(field: pa.Field, m: Match, cast: bool = False) -> ds.Expression | None:
    """``field IN values`` typed like the column, for pruning by statistics (lowercased on
    both sides with ``fold_case``, which statistics cannot prune); None when the column's type
    has no exact literal form (the caller then filters with match_mask). ``cast``: compare the
    column cast to the dataset's type (files that say ``string_view``)."""
    col = pc.field(field.name)
    if cast:
        col = col.cast(field.type)
    if m.fold_case and is_text_type(field.type):
        folded = pa.array(sorted(folded_text(m.values)), type=pa.string())
        return pc.utf8_lower(pc.field(field.name).cast(pa.string())).isin(folded)
    arr = arrow_literal_values(field.type, m.values)
    if arr is None:
        return None
    return col.isin(arr)


def _any_expr(schema: pa.Schema, matches: Sequence[Match], cast: bool) -> ds.Expression | None:
    out: ds.Expression | None = None
    for m in matches:
        e = filter_expr(schema.field(m.column), m, cast)
        if e is None:
            return None
        out = e if out is None else (out | e)
    return out


def scan_matches(
    d: ds.Dataset, matches: Sequence[Match], columns: Sequence[str] | None
) -> pa.Table | int:
    """Rows of ``d`` matching any of ``matches`` (a table of ``columns``), or their count
    when ``columns`` is None. Pushes the filter down so statistics prune files and row groups;
    files whose schema says ``string_view`` (written by delta-rs, Polars) cannot take a
    pushed-down string filter in Arrow, so those scans fall back to a cast filter."""
    expr = _any_expr(d.schema, matches, cast=False)
    if expr is None:
        cols = list(columns or [])
        parts: list[pa.Table] = []
        hits = 0
        wanted = list(dict.fromkeys([*cols, *(m.column for m in matches)]))
        for b in d.to_batches(columns=wanted):
            mask = matches_mask(b, matches)
            hits += int(pc.sum(mask).as_py() or 0)
            if columns is not None:
                parts.append(pa.Table.from_batches([b]).filter(mask).select(cols))
        if columns is None:
            return hits
        return pa.concat_tables(parts) if parts else d.schema.empty_table().select(cols)
    fallback = _any_expr(d.schema, matches, cast=True)
    assert fallback is not None
    for e in (expr, fallback):
        try:
            if columns is None:
                return int(d.count_rows(filter=e))
            return d.to_table(columns=list(columns), filter=e)
        except pa.ArrowNotImplementedError:
            if e is fallback:
                raise
    raise AssertionError("unreachable")


def replacement_array(t: pa.DataType, value: Any, length: int) -> pa.Array:
    try:
        return pa.array([value] * length, type=t)
    except (pa.ArrowException, TypeError, ValueError, OverflowError) as e:
        raise UnsupportedSourceError(
            f"replacement value does not fit the column type {t}",
            hint="give a replacement of the column's type, or None for NULL",
        ) from e


def _unified_schema(files: Sequence[str]) -> pa.Schema | None:
    """One schema over part files written at different times: a column added later (schema
    drift) reads as null in older files instead of being invisible or failing lookups."""
    if len(files) < 2:
        return None
    schemas = [pq.read_schema(f) for f in files]
    first = schemas[0]
    if all(s.equals(first) for s in schemas[1:]):
        return None
    return pa.unify_schemas(schemas, promote_options="permissive")


class ParquetTable(LakeTable):
    def __init__(self, name: str, path: Path, files: Sequence[Path] | None = None) -> None:
        self.name = name
        self.path = path
        self.notes = []
        self._files = list(files) if files is not None else None
        self._dataset: ds.FileSystemDataset | None = None

    # --- reading ---------------------------------------------------------------------------

    def files(self) -> list[Path]:
        if self.path.is_file():
            return [self.path]
        return self._files if self._files is not None else parquet_files(self.path)

    def dataset(self) -> ds.FileSystemDataset:
        if self._dataset is None:
            with file_errors(self.path, self.name, "open"):
                files = [str(f) for f in self.files()]
                if self.path.is_dir():
                    self._dataset = ds.dataset(
                        files,
                        schema=_unified_schema(files),
                        format="parquet",
                        partitioning=ds.partitioning(flavor="hive"),
                        partition_base_dir=str(self.path),
                    )
                else:
                    self._dataset = ds.dataset(files, format="parquet")
        return self._dataset

    def _refresh(self) -> None:
        self._dataset = None
        self._files = None

    def schema(self) -> pa.Schema:
        return self.dataset().schema

    def partition_columns(self) -> set[str]:
        # from the fragments' own partition expressions: the dataset's discovered
        # partitioning reports every column when no folder is named key=value
        keys: set[str] = set()
        for frag in self.dataset().get_fragments():
            keys |= set(ds.get_partition_keys(frag.partition_expression) or {})
        return keys

    def count(self) -> int:
        with file_errors(self.path, self.name, "count"):
            return int(self.dataset().count_rows())

    def sample(self, columns: Sequence[str] | None, n: int) -> pa.Table:
        cols = list(columns) if columns is not None else self.schema().names
        self.check_columns(cols)
        with file_errors(self.path, self.name, "sample"):
            d = self.dataset()
            return sample_fragments(list(d.get_fragments()), d.schema, cols, n)

    def find(self, matches: Sequence[Match], columns: Sequence[str] | None) -> pa.Table:
        cols = list(columns) if columns is not None else self.schema().names
        self.check_columns([*cols, *(m.column for m in matches)])
        with file_errors(self.path, self.name, "look up rows in"):
            result = scan_matches(self.dataset(), matches, cols)
        assert isinstance(result, pa.Table)
        return result

    def count_matches(self, matches: Sequence[Match]) -> int:
        self.check_columns([m.column for m in matches])
        with file_errors(self.path, self.name, "count rows in"):
            return int(scan_matches(self.dataset(), matches, None))

    # --- erasure -----------------------------------------------------------------------------

    def _holding(self, matches: Sequence[Match]) -> list[tuple[Path, int]]:
        """Files with at least one matching row and how many; statistics prune the rest."""
        d = self.dataset()
        out: list[tuple[Path, int]] = []
        for frag in d.get_fragments():
            one = ds.FileSystemDataset([frag], d.schema, d.format, d.filesystem)
            hits = int(scan_matches(one, matches, None))
            if hits:
                out.append((Path(frag.path), hits))
        return out

    def _erase(
        self, matches: Sequence[Match], replacements: Mapping[str, Any] | None
    ) -> EraseResult:
        self.check_columns([m.column for m in matches])
        partitions = self.partition_columns()
        named = partitions & {*(replacements or {}), *(m.column for m in matches)}
        if replacements is not None and named:
            raise UnsupportedSourceError(
                f"{self.path}: cannot anonymize partition column(s) {sorted(named)} of table "
                f"{self.name!r}, or by one: partition values are folder names",
                hint="delete the rows instead, or repartition the table by another column",
            )
        action = erase_action(replacements)
        rows = files = 0
        # a match on a partition column names whole files (the partition's folder holds the
        # value); the others are matched row by row, in the files that hold a match
        by_partition = [m for m in matches if m.column in partitions]
        by_row = [m for m in matches if m.column not in partitions]
        with file_errors(self.path, self.name, action):
            for group, whole in ((by_partition, True), (by_row, False)):
                if not group:
                    continue
                holding: dict[Path, int] = {}
                for chunk in _chunks(group):
                    for path, hits in self._holding(chunk):
                        holding[path] = holding.get(path, 0) + hits
                for path, hits in sorted(holding.items()):
                    if whole:
                        remove_file(path)
                        _prune_empty_dirs(path.parent, self.path)
                        rows += hits
                    else:
                        rows += rewrite_parquet(path, group, replacements)
                    files += 1
                self._refresh()
        return EraseResult(rows=rows, files_rewritten=files, purged=True)


def _chunks(matches: Sequence[Match]) -> list[list[Match]]:
    """Batch k of every match, as matches: filters of a sane size."""
    split = [(m, list(batched(list(m.values)))) for m in matches]
    out: list[list[Match]] = []
    for k in range(max((len(c) for _, c in split), default=0)):
        out.append([Match(m.column, c[k], m.fold_case) for m, c in split if k < len(c)])
    return out


def _prune_empty_dirs(folder: Path, root: Path) -> None:
    # an empty partition folder would still carry the value in its name
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


#: row groups up to this size are rewritten whole (layout kept); larger ones are streamed
#: and written back in pieces of this size, so memory stays bounded
REWRITE_GROUP_ROWS = 131_072


def rewrite_parquet(
    path: Path, matches: Sequence[Match], replacements: Mapping[str, Any] | None
) -> int:
    """Rewrite one file without the matching rows (or with them anonymized), atomically.

    Returns the rows removed or changed. Keeps the schema (with its metadata), each column's
    compression, and row groups of up to ``REWRITE_GROUP_ROWS`` rows as they were."""
    pf = pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
    meta = pf.metadata
    schema = pf.schema_arrow
    compression: dict[str, str] = {}
    if meta.num_row_groups:
        rg0 = meta.row_group(0)
        for i in range(rg0.num_columns):
            col = rg0.column(i)
            top = col.path_in_schema.split(".")[0]
            codec = str(col.compression).lower()
            compression.setdefault(top, "none" if codec == "uncompressed" else codec)
    changed = 0

    def edit(table: pa.Table) -> tuple[pa.Table, int]:
        mask = matches_mask(table, matches)
        hits = int(pc.sum(mask).as_py() or 0)
        if hits and replacements is None:
            table = table.filter(pc.invert(mask))
        elif hits and replacements is not None:
            for name, value in replacements.items():
                idx = table.schema.get_field_index(name)
                col = table.column(idx)
                new = replacement_array(col.type, value, len(table))
                table = table.set_column(idx, table.schema.field(idx), pc.if_else(mask, new, col))
        return table, hits

    version = meta.format_version if meta.format_version in ("1.0", "2.4", "2.6") else "2.6"
    with (
        atomic_replace(path) as tmp,
        pq.ParquetWriter(tmp, schema, compression=compression or "snappy", version=version) as w,
    ):
        for i in range(meta.num_row_groups):
            if meta.row_group(i).num_rows <= REWRITE_GROUP_ROWS:
                table, hits = edit(pf.read_row_group(i))
                changed += hits
                if table.num_rows:
                    w.write_table(table, row_group_size=table.num_rows)
                continue
            pending: list[pa.Table] = []
            held = 0
            for batch in pf.iter_batches(batch_size=8192, row_groups=[i], use_threads=False):
                table, hits = edit(pa.Table.from_batches([batch], schema=schema))
                changed += hits
                pending.append(table)
                held += table.num_rows
                if held >= REWRITE_GROUP_ROWS:
                    w.write_table(pa.concat_tables(pending), row_group_size=held)
                    pending, held = [], 0
            if held:
                w.write_table(pa.concat_tables(pending), row_group_size=held)
    return changed
