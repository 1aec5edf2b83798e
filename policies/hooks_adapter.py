"""The policy engine as the ETL guard's protector (``privacy.hooks`` never imports ``policies``).

    from policies.hooks_adapter import activate
    activate(settings)          # once at job start; guard()/write_*() then encrypt per policy
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policies.enforce import Enforcer
from policies.policy import Policy
from privacy.config import Settings

if TYPE_CHECKING:
    import pyarrow as pa


class PolicyProtector:
    """``protect(batch, dataset)``: encrypts the columns the active (or given) policy says to,
    same columns in the same order. The policy is read once, when first needed; tags are read
    from the catalog on every batch."""

    def __init__(self, settings: Settings, policy: Policy | None = None) -> None:
        self.enforcer = Enforcer(settings, policy=policy, actor="etl")

    def protect(self, batch: pa.Table, dataset: str) -> pa.Table:
        return self.enforcer.protect(batch, dataset)


def activate(settings: Settings, policy: Policy | None = None) -> PolicyProtector:
    """Register the policy engine as the process-wide protector and return it."""
    from privacy.hooks.protector import use_protector

    protector = PolicyProtector(settings, policy)
    use_protector(protector)
    return protector
