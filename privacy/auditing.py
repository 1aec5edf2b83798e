"""The toolkit's door to the audit log: every state change is recorded through here.

``record`` appends one event and returns only once it is durable. Details must not hold
personal data: pass subjects through :func:`privacy.crypto.pseudonyms.pseudonymize` first.
(This module is the only place in ``privacy`` that talks to ``audit``.)
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from typing import Any

from privacy.config import Settings


def record(
    settings: Settings,
    action: str,
    target: str,
    *,
    outcome: str = "ok",
    details: dict[str, Any] | None = None,
    actor: str | None = None,
) -> None:
    """Append an event. Provisional: a JSON-lines file until the audit package lands."""
    folder = settings.home / "audit"
    folder.mkdir(parents=True, exist_ok=True)
    event = {
        "time": datetime.now(UTC).isoformat(),
        "actor": actor or os.environ.get("PRIVACY_ACTOR") or os.environ.get("USER") or "system",
        "action": action,
        "target": target,
        "outcome": outcome,
        "details": details or {},
    }
    with open(folder / "events.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(event, sort_keys=True) + "\n")
        f.flush()
        os.fsync(f.fileno())
