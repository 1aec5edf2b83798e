"""The active policy: the one decisions use until another valid policy is activated.

State lives in ``<state dir>/policy/active.json``: the merged policy document (a snapshot, so
later edits of the files change nothing until activated), its version and the files it came
from. ``activate`` validates first and writes only a valid policy (atomically: a temp file
renamed over the old one), so a malformed or contradictory file never displaces the policy in
force. Both outcomes go to the audit log (``policy.activated`` / ``policy.rejected``).

With no state yet, the first use activates the files privacy.toml names, or the default GDPR
policy when it names none.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from policies.loader import DEFAULT_POLICY, default_policy, from_document, load_files
from policies.policy import Policy
from privacy import auditing
from privacy.config import Settings
from privacy.errors import AuditFailure, PolicyError

STATE_FILE = "active.json"


def state_path(settings: Settings) -> Path:
    return settings.home / "policy" / STATE_FILE


@dataclass(frozen=True)
class ActiveState:
    version: str
    files: tuple[str, ...]
    activated_at: str
    activated_by: str


def _load_configured(settings: Settings, paths: Sequence[str | Path] | None) -> Policy:
    chosen = list(paths) if paths else list(settings.policy_files)
    if chosen:
        return load_files(chosen)
    return default_policy()


def activate(
    settings: Settings, paths: Sequence[str | Path] | None = None, *, actor: str | None = None
) -> Policy:
    """Validate ``paths`` (default: privacy.toml's files, else the default policy) and make the
    result the active policy. On error nothing changes and PolicyError propagates."""
    names = [str(p) for p in paths] if paths else list(settings.policy_files) or [DEFAULT_POLICY]
    target = ",".join(names)
    try:
        policy = _load_configured(settings, paths)
    except PolicyError as e:
        previous = _read_state(settings)
        details = {
            "error": e.message,
            "file": e.file,
            "line": e.line,
            "field": e.field,
            "active_version": previous["version"] if previous else None,
        }

        def rejected() -> None:
            auditing.record(
                settings,
                "policy.rejected",
                target,
                outcome="rejected",
                details=details,
                actor=actor,
            )

        try:
            rejected()
        except AuditFailure:
            # the message quotes the file, which may hold what the log refuses (an address
            # typed where an entity belongs): record where the error is, not what it says
            details["error"] = "(message withheld: it quotes the file)"
            rejected()
        raise
    _write_state(settings, policy, actor)
    auditing.record(
        settings,
        "policy.activated",
        target,
        details={"policy_version": policy.version, "files": list(policy.files)},
        actor=actor,
    )
    return policy


def _write_state(settings: Settings, policy: Policy, actor: str | None) -> None:
    from privacy.sources.atomic import write_atomic

    path = state_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {
        "version": policy.version,
        "files": list(policy.files),
        "activated_at": datetime.now(UTC).isoformat(),
        "activated_by": actor or os.environ.get("PRIVACY_ACTOR") or os.environ.get("USER") or "",
        "document": policy.document,
    }
    text = json.dumps(state, indent=1, sort_keys=True, ensure_ascii=False)
    write_atomic(path, text.encode("utf-8"))


def _read_state(settings: Settings) -> dict[str, Any] | None:
    path = state_path(settings)
    if not path.exists():
        return None
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(state, dict) or "document" not in state or "version" not in state:
            raise ValueError("missing fields")
        return state
    except (OSError, ValueError) as e:
        raise PolicyError(
            f"the active-policy state {path} is unreadable ({type(e).__name__})",
            hint="run `privacy policy activate` to store a valid policy again; until then "
            "every read is refused",
        ) from None


def active_policy(settings: Settings) -> Policy:
    """The policy in force. Fails closed (PolicyError) when the stored state is damaged."""
    state = _read_state(settings)
    if state is None:
        return activate(settings, actor="system")
    policy = from_document(state["document"], f"active policy {state['version']}")
    if policy.version != state["version"]:
        raise PolicyError(
            f"the active-policy state {state_path(settings)} does not match its version hash "
            "(edited by hand?)",
            hint="run `privacy policy activate` to store a valid policy again",
        )
    policy.files = tuple(state.get("files", ()))
    return policy


def policy_for_preview(settings: Settings) -> tuple[Policy, bool]:
    """The active policy and True; with none active yet, the policy the first use would
    activate and False -- loaded, not activated: a dry run must leave the state as it found it
    (no activation, no audit event, no key store)."""
    if _read_state(settings) is not None:
        return active_policy(settings), True
    return _load_configured(settings, None), False


def active_state(settings: Settings) -> ActiveState | None:
    state = _read_state(settings)
    if state is None:
        return None
    return ActiveState(
        version=state["version"],
        files=tuple(state.get("files", ())),
        activated_at=state.get("activated_at", ""),
        activated_by=state.get("activated_by", ""),
    )
