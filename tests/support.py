"""Helpers shared by tests."""

from __future__ import annotations

from typing import Any

from privacy.config import Settings
from privacy.errors import AuditFailure


def audit_events(settings: Settings, action: str | None = None) -> list[dict[str, Any]]:
    """Events of the real audit log, as dicts (seq, actor, action, target, outcome, details);
    ``action`` filters by name or prefix. Empty when no log exists yet."""
    from privacy.auditing import open_log

    try:
        log = open_log(settings, readonly=True)
    except AuditFailure:  # no log yet
        return []
    return [r.as_dict() for r in log.records(actions=[action] if action else None)]
