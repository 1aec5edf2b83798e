"""File kinds the toolkit reads, by suffix. Kept free of heavy imports: the registry names
sources by stripping these suffixes before any adapter is loaded."""

from __future__ import annotations

PARQUET_SUFFIXES = (".parquet", ".pq", ".parq")
CSV_SUFFIXES = (".csv", ".tsv")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
SUFFIXES = PARQUET_SUFFIXES + CSV_SUFFIXES + JSONL_SUFFIXES
