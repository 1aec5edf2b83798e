"""The row-group sampler Parquet and Delta tables share: a few row groups spread over the
files, decoded in small batches so memory stays bounded by the sample, not the table."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from privacy.sources.arrowutil import PLAIN_OF_VIEW, spread_indices

#: spread a sample over at least this many row groups (when the data has them)
SPREAD_GROUPS = 16
#: read at most this many files' footers to plan a sample
SPREAD_FILES = 32
#: rows per decoded batch while sampling; small batches keep a 1M-row row group's
#: sampling at tens of MB (Arrow's dataset scanner with read-ahead took ~270 MB)
SCAN_BATCH = 8192


def sample_fragments(
    fragments: Sequence[ds.ParquetFileFragment],
    schema: pa.Schema,
    columns: Sequence[str],
    n: int,
) -> pa.Table:
    """Up to ``n`` rows spread over a set of Parquet files, reading few row groups.

    Plans from footers only: picks files spread over the set (at least ``SPREAD_FILES`` where
    there are that many, more until they hold ``n`` rows), then row groups spread over their
    rows (at least ``SPREAD_GROUPS``, more until they hold ``n`` rows), and takes evenly spaced
    rows from each in proportion to its size. Row groups are streamed in small batches through
    ``ParquetFile.iter_batches`` (no pre-buffering), so memory is bounded by ``n``, the batch
    and the pages in flight, never by the file. Partition values (Hive folders, Delta) come
    from each fragment's partition expression; columns a file lacks are nulls.
    """
    out_schema = pa.schema([schema.field(c) for c in columns])
    if n <= 0 or not fragments:
        return out_schema.empty_table()
    groups: list[tuple[int, int, int]] = []  # (fragment index, row group, rows)
    files: dict[int, pq.ParquetFile] = {}
    held = 0
    for chosen, i in enumerate(_spread_order(len(fragments))):
        if chosen >= SPREAD_FILES and held >= n:
            break
        pf = pq.ParquetFile(fragments[i].path, pre_buffer=False, buffer_size=1 << 20)
        files[i] = pf
        for rg in range(pf.metadata.num_row_groups):
            rows = pf.metadata.row_group(rg).num_rows
            if rows:
                groups.append((i, rg, rows))
                held += rows
    groups.sort()  # the table's order, so the sample reads front to back
    if not groups:
        return out_schema.empty_table()
    picked = _pick_groups([g[2] for g in groups], n)
    sizes = [groups[i][2] for i in picked]
    quotas = _apportion(min(n, sum(sizes)), sizes)
    parts: list[pa.Table] = []
    for gi, quota in zip(picked, quotas, strict=True):
        if quota <= 0:
            continue
        fi, rg, rows = groups[gi]
        taken = _take_spread(files[fi], rg, rows, quota, columns)
        parts.append(_conform(taken, fragments[fi], out_schema))
    return pa.concat_tables(parts) if parts else out_schema.empty_table()


def _conform(table: pa.Table, frag: ds.ParquetFileFragment, schema: pa.Schema) -> pa.Table:
    """Columns of ``schema`` in order: partition values filled in, missing ones null, types
    cast (delta-rs writes ``string_view`` where the table says ``string``)."""
    keys = ds.get_partition_keys(frag.partition_expression) or {}
    arrays = []
    have = {name: i for i, name in enumerate(table.column_names)}
    for field in schema:
        if field.name in have:
            col = table.column(have[field.name])
            arrays.append(col if col.type == field.type else col.cast(field.type))
        elif field.name in keys:
            arrays.append(pa.array([keys[field.name]] * table.num_rows).cast(field.type))
        else:
            arrays.append(pa.nulls(table.num_rows, field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _spread_order(k: int) -> list[int]:
    """0..k-1 ordered so any prefix is spread over the range (coarse to fine)."""
    order: list[int] = []
    seen: set[int] = set()
    step = 1
    while len(order) < k:
        for i in spread_indices(k, step):
            if i not in seen:
                seen.add(i)
                order.append(i)
        if step >= k:
            break
        step *= 2
    order.extend(i for i in range(k) if i not in seen)
    return order


def _pick_groups(sizes: Sequence[int], n: int) -> list[int]:
    order = _spread_order(len(sizes))
    picked: list[int] = []
    held = 0
    for i in order:
        picked.append(i)
        held += sizes[i]
        if len(picked) >= SPREAD_GROUPS and held >= n:
            break
    return sorted(picked)


def _apportion(n: int, sizes: Sequence[int]) -> list[int]:
    """Split n over groups in proportion to their sizes (largest remainders), capped by size."""
    total = sum(sizes)
    raw = [n * s / total for s in sizes]
    quotas = [min(s, math.floor(r)) for s, r in zip(sizes, raw, strict=True)]
    left = n - sum(quotas)
    for i in sorted(range(len(sizes)), key=lambda i: raw[i] - quotas[i], reverse=True):
        if left <= 0:
            break
        if quotas[i] < sizes[i]:
            quotas[i] += 1
            left -= 1
    return quotas


def _viewless(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``batch`` with view columns as plain ones: Arrow has no ``take`` kernel for
    ``string_view``, which delta-rs writes when it rewrites files (a DELETE, an erasure)."""
    if not any(f.type in PLAIN_OF_VIEW for f in batch.schema):
        return batch
    schema = pa.schema([f.with_type(PLAIN_OF_VIEW.get(f.type, f.type)) for f in batch.schema])
    return batch.cast(schema)


def _take_spread(
    pf: pq.ParquetFile, rg: int, rows: int, k: int, columns: Sequence[str]
) -> pa.Table:
    """``k`` evenly spaced rows of row group ``rg``, streamed batch by batch."""
    file_schema = pf.schema_arrow  # a property that rebuilds the schema on every access
    names = set(file_schema.names)
    present = [c for c in columns if c in names]
    wanted = np.floor((np.arange(k) + 0.5) * rows / k).astype(np.int64)
    out: list[pa.RecordBatch] = []
    start = 0
    batches = pf.iter_batches(
        batch_size=SCAN_BATCH, row_groups=[rg], columns=present, use_threads=False
    )
    for batch in batches:
        end = start + batch.num_rows
        lo, hi = np.searchsorted(wanted, [start, end])
        if hi > lo:
            out.append(_viewless(batch).take(pa.array(wanted[lo:hi] - start)))
        start = end
        if hi >= k:
            break
    if not out:
        return pa.schema([file_schema.field(c) for c in present]).empty_table()
    return pa.Table.from_batches(out)
