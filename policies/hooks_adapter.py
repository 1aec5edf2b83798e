"""The policy engine as the ETL guard's protector.

``privacy.hooks`` sits below ``policies`` and never imports it; it asks for a
:class:`privacy.hooks.Protector`. Call :func:`activate` once at the start of a job (or of an
Airflow worker) and every ``guard``/``write_*`` call in the process encrypts passing batches as
the active policy says::

    from policies.hooks_adapter import activate
    activate(settings)            # registers the policy engine; returns the protector
    write_parquet(df, "lake/orders/", "lake.orders")
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from policies.enforce import Enforcer
from privacy.config import Settings, load_settings
from privacy.hooks import Protector, use_protector

if TYPE_CHECKING:
    import pyarrow as pa

    from policies.policy import Policy


class PolicyProtector:
    """Encrypts the columns whose category the policy says to encrypt (see
    :meth:`policies.enforce.Enforcer.protect`). The policy is read once, when the first batch
    is protected; call :func:`activate` again after activating another policy."""

    def __init__(self, settings: Settings, policy: Policy | None = None) -> None:
        self.settings = settings
        self._enforcer = Enforcer(settings, policy=policy, actor="etl")
        self._lock = threading.Lock()

    def protect(self, batch: pa.Table, dataset: str) -> pa.Table:
        with self._lock:  # the enforcer opens its policy, catalog and key store lazily
            return self._enforcer.protect(batch, dataset)


def activate(settings: Settings | None = None, *, policy: Policy | None = None) -> Protector:
    """Register the policy engine as the process's protector and return it."""
    protector = PolicyProtector(settings or load_settings(), policy)
    use_protector(protector)
    return protector


def deactivate() -> None:
    """Remove the registered protector (guards then fail closed while a policy is configured)."""
    use_protector(None)
