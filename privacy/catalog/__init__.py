"""Catalog: column tags, subject identifiers and relations between tables."""

from privacy.catalog.models import ColumnTag, ProposalStats, Relation, TagStatus
from privacy.catalog.store import Catalog, open_catalog

__all__ = ["Catalog", "ColumnTag", "ProposalStats", "Relation", "TagStatus", "open_catalog"]
