"""Delta tables (``deltalake``): a folder with ``_delta_log``.

Reading goes through the table's current snapshot as a pyarrow dataset (partition values
filled in, file statistics used for pruning); sampling reads a few row groups spread over its
files like Parquet.

Erasure (checked by a byte search of the whole folder in the tests):

1. ``DeltaTable.delete`` / ``update`` with a *hashed* predicate,
   ``encode(sha256(CAST(col AS VARCHAR)), 'hex') IN ('<hex>', ...)`` (``lower(CAST(...))``
   for a case-insensitive match, hashes of the lowercased values), so the subject's value
   never enters the transaction log (``commitInfo`` records the predicate). Only the files
   that hold a matching row are rewritten (copy-on-write).
2. Purge, so time travel cannot bring the rows back: ``vacuum(retention_hours=0,
   enforce_retention_duration=False)`` removes every file the current version does not use;
   with ``delta.logRetentionDuration = 'interval 0 days'`` a checkpoint and
   ``cleanup_metadata`` remove the older commits (whose ``add`` actions carry min/max
   statistics, i.e. values). Change-data files (``_change_data/``) that no remaining commit
   references are removed too (vacuum leaves them). The table's previous log retention
   setting is restored afterwards (``interval 30 days``, Delta's default, when it had none).

Consequence, by design: after an erasure no earlier version of the table can be loaded.
The purge runs on every call, even when nothing matched, so a retried erasure whose first
attempt stopped between delete and purge still completes it.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.fs as pafs

from privacy.errors import SourceReadError, UnsupportedSourceError
from privacy.sources.arrowutil import as_ints, as_text, batched, folded_text, is_text_type
from privacy.sources.atomic import fsync_dir
from privacy.sources.base import EraseResult, Match, fold
from privacy.sources.lake import LakeTable, erase_action, file_errors
from privacy.sources.parquet import scan_matches
from privacy.sources.rowgroups import sample_fragments

LOG_RETENTION = "delta.logRetentionDuration"
DEFAULT_LOG_RETENTION = "interval 30 days"


def _ident(name: str) -> str:
    """A column name as a SQL identifier for delta-rs predicates (double quotes doubled)."""
    return '"' + name.replace('"', '""') + '"'


def sql_literal(value: Any) -> str:
    """A replacement value as a SQL literal for ``DeltaTable.update`` (which takes SQL text).

    Only plain types; strings have their quotes doubled. Replacement values are the policy's
    anonymized values, not subject data."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise UnsupportedSourceError(
        f"cannot write a replacement of type {type(value).__name__} to a Delta table",
        hint="use a string, number, boolean or None (NULL)",
    )


def _partition_scalar(value: str, t: pa.DataType) -> pa.Scalar:
    """A partition value (text in the log) in the column's type, text if it will not cast."""
    try:
        return pa.scalar(value).cast(t)
    except (pa.ArrowException, ValueError):
        return pa.scalar(value)


def _case_spans(values: Sequence[Any]) -> list[tuple[str, str]] | None:
    """Per value, the range its case variants span: ``V.upper()`` (upper case sorts first)
    to ``v.lower()``. None when a value is not ASCII (its variants' order is not that
    simple), so nothing is pruned."""
    spans = []
    for v in sorted(folded_text(values)):
        if not v.isascii():
            return None
        spans.append((v.upper(), v))
    return spans


def _files_that_may_hold_folded(
    lows: list[Any], highs: list[Any], values: Sequence[Any]
) -> list[bool] | None:
    spans = _case_spans(values)
    if spans is None:
        return None
    keep: list[bool] = []
    for lo, hi in zip(lows, highs, strict=True):
        if not isinstance(lo, str) or not isinstance(hi, str):
            keep.append(True)
            continue
        # a variant lies in [lo, hi] only if the spans overlap; a variant above a truncated
        # max that starts with it may lie in the file too
        hi_folded = fold(hi)
        keep.append(any(low >= lo and (up <= hi or low.startswith(hi_folded)) for up, low in spans))
    return keep


def _files_that_may_hold(
    adds: pa.Table, schema: pa.Schema, matches: Sequence[Match]
) -> list[bool] | None:
    """Per file of the snapshot: may it hold a row matching any of ``matches``, judging by
    the min/max statistics in the log? None when the log cannot tell for some match."""
    keep: list[bool] | None = None
    for m in matches:
        one = _files_that_may_hold_one(adds, schema, m)
        if one is None:
            return None
        keep = one if keep is None else [a or b for a, b in zip(keep, one, strict=True)]
    return keep


def _files_that_may_hold_one(adds: pa.Table, schema: pa.Schema, m: Match) -> list[bool] | None:
    column, values = m.column, m.values
    lo_name, hi_name = f"min.{column}", f"max.{column}"
    if lo_name not in adds.column_names or hi_name not in adds.column_names:
        return None
    t = schema.field(column).type
    is_text = is_text_type(t)
    if is_text and m.fold_case:
        return _files_that_may_hold_folded(
            adds.column(lo_name).to_pylist(), adds.column(hi_name).to_pylist(), values
        )
    if pa.types.is_integer(t):
        vals: list[Any] = sorted(as_ints(values))
    elif is_text:
        vals = sorted(as_text(values))
    else:
        return None
    keep: list[bool] = []
    for lo, hi in zip(
        adds.column(lo_name).to_pylist(), adds.column(hi_name).to_pylist(), strict=True
    ):
        if lo is None or hi is None:
            keep.append(True)  # no statistics: the file must be read
            continue
        i = bisect.bisect_left(vals, lo)
        if i == len(vals):
            keep.append(False)
        elif vals[i] <= hi:
            keep.append(True)
        elif is_text and isinstance(hi, str):
            # writers may truncate long string statistics to a prefix: a value above a
            # truncated max that starts with it can still lie in the file
            j = bisect.bisect_left(vals, hi)
            keep.append(j < len(vals) and vals[j].startswith(hi))
        else:
            keep.append(False)
    return keep


class DeltaLakeTable(LakeTable):
    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path
        self.notes = []

    def _dt(self) -> Any:
        from deltalake import DeltaTable

        with file_errors(self.path, self.name, "open"):
            try:
                return DeltaTable(str(self.path))
            except Exception as e:  # deltalake raises its own TableNotFoundError, DeltaError...
                raise SourceReadError(
                    f"{self.path}: cannot open Delta table {self.name!r} ({type(e).__name__})",
                    hint="check `_delta_log` is intact and readable",
                ) from e

    def _check_features(self, dt: Any) -> None:
        features = set(dt.protocol().reader_features or [])
        for feature, why in (
            ("deletionVectors", "rows a deletion vector marks as gone would be read back"),
            ("columnMapping", "its files name columns differently from the table"),
        ):
            if feature in features:
                raise UnsupportedSourceError(
                    f"{self.path}: Delta table {self.name!r} uses {feature}; {why}",
                    hint="rewrite the table without it (e.g. `REORG TABLE ... APPLY (PURGE)` "
                    "in Spark for deletion vectors)",
                )

    def _dataset(self, dt: Any, matches: Sequence[Match] = ()) -> ds.FileSystemDataset:
        """The current snapshot's files as a dataset, partition values filled in from the log.

        With ``matches``, files whose log statistics (min/max) exclude every value are left
        out, as the Delta reader would."""
        self._check_features(dt)
        schema = pa.schema(dt.schema().to_arrow())
        adds = pa.table(dt.get_add_actions(flatten=True))
        names = adds.column_names
        keep = _files_that_may_hold(adds, schema, matches) if matches else None
        part_cols = [c for c in (dt.metadata().partition_columns or [])]
        paths: list[str] = []
        exprs: list[ds.Expression] = []
        rel_paths = adds.column("path").to_pylist() if adds.num_rows else []
        part_vals = {
            c: adds.column(f"partition.{c}").to_pylist()
            for c in part_cols
            if f"partition.{c}" in names
        }
        for i, rel in enumerate(rel_paths):
            if keep is not None and not keep[i]:
                continue
            p = self.path / rel
            if not p.exists():
                p = self.path / unquote(rel)
            paths.append(str(p))
            expr = pc.scalar(True)
            for c, vals in part_vals.items():
                v = vals[i]
                if v is None:
                    expr = expr & pc.field(c).is_null()
                else:
                    expr = expr & (pc.field(c) == _partition_scalar(v, schema.field(c).type))
            exprs.append(expr)
        return ds.FileSystemDataset.from_paths(
            paths,
            schema=schema,
            format=ds.ParquetFileFormat(),
            filesystem=pafs.LocalFileSystem(),
            partitions=exprs,
        )

    def schema(self) -> pa.Schema:
        return pa.schema(self._dt().schema().to_arrow())

    def count(self) -> int:
        dt = self._dt()
        with file_errors(self.path, self.name, "count"):
            adds = pa.table(dt.get_add_actions(flatten=True))
            if adds.num_rows == 0:
                return 0
            counts = adds.column("num_records")
            if counts.null_count == 0:
                return int(pc.sum(counts).as_py() or 0)  # from the log, no file read
            return int(self._dataset(dt).count_rows())

    def sample(self, columns: Sequence[str] | None, n: int) -> pa.Table:
        cols = list(columns) if columns is not None else self.schema().names
        self.check_columns(cols)
        dt = self._dt()
        with file_errors(self.path, self.name, "sample"):
            d = self._dataset(dt)
            return sample_fragments(list(d.get_fragments()), d.schema, cols, n)

    def find(self, matches: Sequence[Match], columns: Sequence[str] | None) -> pa.Table:
        cols = list(columns) if columns is not None else self.schema().names
        self.check_columns([*cols, *(m.column for m in matches)])
        dt = self._dt()
        with file_errors(self.path, self.name, "look up rows in"):
            result = scan_matches(self._dataset(dt, matches), matches, cols)
        assert isinstance(result, pa.Table)
        return result

    def count_matches(self, matches: Sequence[Match]) -> int:
        self.check_columns([m.column for m in matches])
        dt = self._dt()
        with file_errors(self.path, self.name, "count rows in"):
            return int(scan_matches(self._dataset(dt, matches), matches, None))

    # --- erasure -----------------------------------------------------------------------------

    def _hashed_terms(self, dt: Any, m: Match) -> list[str]:
        """``encode(sha256(...), 'hex') IN (...)`` per batch of values: the log sees hashes.
        With ``fold_case`` (text) the column is lowercased before hashing, and the values
        hashed are the lowercased ones, so the log still holds no value."""
        column = m.column
        field = pa.schema(dt.schema().to_arrow()).field(column)
        if column in (dt.metadata().partition_columns or []):
            raise UnsupportedSourceError(
                f"{self.path}: Delta table {self.name!r} is partitioned by {column!r}; its "
                "values are folder names and log entries, which erasure cannot rewrite",
                hint="repartition the table by a column that does not identify a person",
            )
        t = field.type
        text = f"CAST({_ident(column)} AS VARCHAR)"
        if pa.types.is_integer(t):
            texts = sorted(str(i) for i in as_ints(m.values))
        elif is_text_type(t):
            if m.fold_case:
                texts = sorted(folded_text(m.values))
                text = f"lower({text})"
            else:
                texts = sorted(as_text(m.values))
        else:
            raise UnsupportedSourceError(
                f"{self.path}: cannot erase by column {column!r} of Delta table {self.name!r}: "
                f"type {t} (text and integer identifier columns are supported)",
                hint="declare a text or integer identifier column for this table",
            )
        expr = f"encode(sha256({text}), 'hex')"
        out = []
        for chunk in batched(texts):
            hexes = ", ".join(f"'{hashlib.sha256(v.encode('utf-8')).hexdigest()}'" for v in chunk)
            out.append(f"{expr} IN ({hexes})")
        return out

    def _hashed_predicates(self, dt: Any, matches: Sequence[Match]) -> list[str]:
        """Per batch, the terms of every match OR'd: one delete/update serves every path."""
        self.check_columns([m.column for m in matches])
        terms = [self._hashed_terms(dt, m) for m in matches]
        out = []
        for k in range(max((len(t) for t in terms), default=0)):
            parts = [t[k] for t in terms if k < len(t)]
            out.append(parts[0] if len(parts) == 1 else " OR ".join(f"({p})" for p in parts))
        return out

    def _erase(
        self, matches: Sequence[Match], replacements: Mapping[str, Any] | None
    ) -> EraseResult:
        action = erase_action(replacements)
        dt = self._dt()
        self._check_features(dt)  # before anything is written
        predicates = self._hashed_predicates(dt, matches)
        updates = {_ident(c): sql_literal(v) for c, v in (replacements or {}).items()}
        rows = files = 0
        with file_errors(self.path, self.name, action):
            try:
                for predicate in predicates:
                    if replacements is None:
                        m = dt.delete(predicate)
                        rows += int(m.get("num_deleted_rows", 0))
                    else:
                        m = dt.update(updates=updates, predicate=predicate)
                        rows += int(m.get("num_updated_rows", 0))
                    files += int(m.get("num_removed_files", 0))
                self._purge(dt)
            except (UnsupportedSourceError, SourceReadError):
                raise
            except Exception as e:  # deltalake's own errors (commit conflicts, IO)
                raise SourceReadError(
                    f"{self.path}: cannot {action} Delta table {self.name!r} ({type(e).__name__})",
                    hint="retry; if another writer is committing, wait for it",
                ) from e
        return EraseResult(rows=rows, files_rewritten=files, purged=True)

    def _purge(self, dt: Any) -> None:
        """Remove every older version and log entry (see module doc)."""
        dt.vacuum(retention_hours=0, enforce_retention_duration=False, dry_run=False)
        previous = dt.metadata().configuration.get(LOG_RETENTION)
        dt.alter.set_table_properties({LOG_RETENTION: "interval 0 days"})
        dt.create_checkpoint()
        dt.cleanup_metadata()
        self._remove_orphan_change_data()
        dt.alter.set_table_properties({LOG_RETENTION: previous or DEFAULT_LOG_RETENTION})

    def _remove_orphan_change_data(self) -> None:
        cdc_root = self.path / "_change_data"
        if not cdc_root.is_dir():
            return
        referenced: set[str] = set()
        for commit in (self.path / "_delta_log").glob("*.json"):
            with open(commit, encoding="utf-8") as f:
                for line in f:
                    if '"cdc"' in line:
                        action = json.loads(line).get("cdc")
                        if action and "path" in action:
                            referenced.add(os.path.normpath(unquote(action["path"])))
        for entry in sorted(cdc_root.rglob("*"), reverse=True):
            rel = os.path.normpath(str(entry.relative_to(self.path)))
            if entry.is_file() and rel not in referenced:
                entry.unlink()
            elif entry.is_dir() and not any(entry.iterdir()):
                entry.rmdir()
        if cdc_root.is_dir() and not any(cdc_root.iterdir()):
            cdc_root.rmdir()
        fsync_dir(self.path)
