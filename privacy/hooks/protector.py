"""How a batch that passes the guard gets protected, without ``privacy`` importing ``policies``.

The policy engine sits above this package, so the guard receives protection as a small
Protocol object: passed per call (``guard(..., protector=p)``) or registered once per process
(:func:`use_protector`; ``policies.hooks_adapter.activate(settings)`` registers one backed by
the policy engine).

Fail closed: when a policy is configured (privacy.toml names policy files, or a policy has been
activated in the state directory) and no protector is given or registered, the guard refuses
to let the batch through, because writing data the policy says to encrypt in the clear must
never be the silent default. With no policy at all, passing batches are returned unchanged.
"""

from __future__ import annotations

import threading
from typing import Protocol, runtime_checkable

import pyarrow as pa

from privacy.config import Settings
from privacy.errors import ConfigError

#: where the policy engine keeps the active policy (``policies.active.state_path``); its
#: existence means a policy is in force for this state directory
ACTIVE_POLICY_FILE = ("policy", "active.json")


@runtime_checkable
class Protector(Protocol):
    """Encrypts (or otherwise protects) a batch for ``dataset`` (``SOURCE.TABLE``) as the
    policy says. Returns a table with the same columns, in the same order."""

    def protect(self, batch: pa.Table, dataset: str) -> pa.Table: ...


class ProtectorMissingError(ConfigError):
    """A policy is configured but nothing was given to apply it."""


_lock = threading.Lock()
_default: Protector | None = None


def use_protector(protector: Protector | None) -> Protector | None:
    """Register the process-wide protector (None removes it). Returns the previous one."""
    global _default
    if protector is not None and not isinstance(protector, Protector):
        raise TypeError("a protector needs a protect(batch: pyarrow.Table, dataset: str) method")
    with _lock:
        previous, _default = _default, protector
    return previous


def registered_protector() -> Protector | None:
    return _default


def policy_configured(settings: Settings) -> bool:
    return bool(settings.policy_files) or settings.home.joinpath(*ACTIVE_POLICY_FILE).exists()


def resolve(settings: Settings, given: Protector | None, dataset: str) -> Protector | None:
    """The protector for this call, or None when no policy asks for protection.

    Raises ProtectorMissingError when a policy is configured but no protector is at hand."""
    if given is not None:
        return given
    registered = _default
    if registered is not None:
        return registered
    if policy_configured(settings):
        raise ProtectorMissingError(
            f"{dataset}: a policy is configured but no protector was given, so the batch "
            "cannot be encrypted as the policy says; it was not let through",
            hint="call policies.hooks_adapter.activate(settings) once at job start (registers "
            "the policy engine), or pass protector= to guard()/write_*()",
        )
    return None
