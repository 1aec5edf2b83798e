"""File kinds the toolkit reads, by suffix. Kept free of heavy imports: the registry names
sources by stripping these suffixes before any adapter is loaded."""

from __future__ import annotations

PARQUET_SUFFIXES = (".parquet", ".pq", ".parq")
CSV_SUFFIXES = (".csv", ".tsv")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: one JSON document (an array of objects, or an object holding one), or JSON lines
JSON_SUFFIXES = (".json",)
GZIP_SUFFIX = ".gz"
TEXT_SUFFIXES = CSV_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES
#: text files compressed with gzip (``people.csv.gz``); Parquet compresses inside the file
GZIP_SUFFIXES = tuple(s + GZIP_SUFFIX for s in TEXT_SUFFIXES)
# compound suffixes first: whoever strips the first suffix that ends a name gets the stem
SUFFIXES = GZIP_SUFFIXES + PARQUET_SUFFIXES + TEXT_SUFFIXES


def split_name(name: str) -> tuple[str, str] | None:
    """(stem, kind suffix lowercased) of a file name the toolkit reads, else None:
    ``people.csv.gz`` -> ``("people", ".csv.gz")``."""
    low = name.lower()
    for suffix in SUFFIXES:
        if low.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return None
