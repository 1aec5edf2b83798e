"""PII scanner: decides per column one entity (or none), with a confidence and its evidence.

- :func:`classify` / :func:`classify_table` -- the column classifier (name, values, NER);
- :func:`scan_source` / :func:`record_scan` / :func:`run_scan` -- drive a Source and store the
  proposals in the catalog, audited;
- :class:`NerTier` -- the Presidio + spaCy tier, loaded only when a column needs it.

Attributes load lazily so ``import privacy.scan`` stays cheap. See docs/scanner.md.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from privacy.scan.classifier import Classification, classify, classify_table
    from privacy.scan.nlp import NerTier, shared_tier
    from privacy.scan.scanner import (
        ScanReport,
        TableFailure,
        accept_above,
        record_scan,
        run_scan,
        scan_source,
    )

_WHERE = {
    "Classification": "privacy.scan.classifier",
    "classify": "privacy.scan.classifier",
    "classify_table": "privacy.scan.classifier",
    "NerTier": "privacy.scan.nlp",
    "shared_tier": "privacy.scan.nlp",
    "ScanReport": "privacy.scan.scanner",
    "TableFailure": "privacy.scan.scanner",
    "accept_above": "privacy.scan.scanner",
    "record_scan": "privacy.scan.scanner",
    "run_scan": "privacy.scan.scanner",
    "scan_source": "privacy.scan.scanner",
}

__all__ = [
    "Classification",
    "NerTier",
    "ScanReport",
    "TableFailure",
    "accept_above",
    "classify",
    "classify_table",
    "record_scan",
    "run_scan",
    "scan_source",
    "shared_tier",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'privacy.scan' has no attribute {name!r}")
