"""Where data lives: one Source interface and its adapters (SQL, files, Delta)."""

from privacy.sources.base import (
    ColumnInfo,
    ColumnKind,
    ColumnRef,
    EraseResult,
    ForeignKey,
    Source,
    SupportsErase,
    SupportsLookup,
    SupportsRelations,
    SupportsSample,
)
from privacy.sources.registry import open_source, register

__all__ = [
    "ColumnInfo",
    "ColumnKind",
    "ColumnRef",
    "EraseResult",
    "ForeignKey",
    "Source",
    "SupportsErase",
    "SupportsLookup",
    "SupportsRelations",
    "SupportsSample",
    "open_source",
    "register",
]
