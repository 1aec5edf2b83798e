"""Retention and legal holds: what erasure does to a table, decided by the policy.

:class:`RetentionDecider` implements the erasure workflow's ``ErasurePolicy`` protocol
(``privacy.dsr.policy``): ``on_erase(source, table)`` returns an ``EraseDecision``:

- no retention rule for the table, or ``on_erase: delete``: ``delete`` the subject's rows;
- ``on_erase: anonymize`` (a legal obligation keeps the rows, GDPR Art. 17(3)(b), e.g.
  invoices kept 10 years for tax law): ``anonymize``, with ``columns`` = the rule's
  ``columns``, else every personal column the catalog tags in that table, each mapped to the
  rule's ``replace`` value or None (NULL).

A table that cannot be anonymized raises :class:`~privacy.errors.PolicyError` (the erasure
step fails and says what to fix), never a silent delete or a silent no-op: the rule names a
column the table does not have, the catalog tags no personal column there (nothing would
change), or a column to be nulled is NOT NULL and the rule gives no replacement.

Each decision is audited once per decider, table and policy version (``policy.retention``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from policies.model import OnErase
from policies.policy import Policy
from privacy import auditing
from privacy.config import Settings
from privacy.dsr.policy import EraseDecision
from privacy.errors import PolicyError, PrivacyError

if TYPE_CHECKING:
    from privacy.catalog import Catalog
    from privacy.sources import ColumnInfo

#: (source, table) -> the table's columns, or None when the source cannot be opened here
ColumnsLookup = Callable[[str, str], "list[ColumnInfo] | None"]


class RetentionDecider:
    def __init__(
        self,
        settings: Settings,
        policy: Policy | None = None,
        catalog: Catalog | None = None,
        *,
        columns: ColumnsLookup | None = None,
        actor: str | None = None,
    ) -> None:
        if policy is None:
            from policies.active import active_policy

            policy = active_policy(settings)
        if catalog is None:
            from privacy.catalog import Catalog

            catalog = Catalog(settings.catalog_url)
        self.settings = settings
        self.policy = policy
        self.catalog = catalog
        self.columns_of = columns or self._source_columns
        self.actor = actor
        self._done: dict[tuple[str, str], EraseDecision] = {}

    def on_erase(self, source: str, table: str) -> EraseDecision:
        key = (source, table)
        if key in self._done:
            return self._done[key]
        try:
            decision = self._decide(source, table)
        except PolicyError as e:
            auditing.record(
                self.settings,
                "policy.retention",
                f"{source}.{table}",
                outcome="failed",
                details={"policy_version": self.policy.version, "error": e.message},
                actor=self.actor,
            )
            raise
        self._done[key] = decision
        auditing.record(
            self.settings,
            "policy.retention",
            f"{source}.{table}",
            details={
                "policy_version": self.policy.version,
                "action": decision.action,
                "reason": decision.reason,
                "columns": sorted(decision.columns),
            },
            actor=self.actor,
        )
        return decision

    def _decide(self, source: str, table: str) -> EraseDecision:
        rule = self.policy.retention_for_table(source, table)
        if rule is None:
            return EraseDecision("delete", f"no retention rule (policy {self.policy.version})")
        if rule.on_erase == OnErase.DELETE:
            return EraseDecision(
                "delete", f"{rule.reason}; kept {rule.keep} (policy {self.policy.version})"
            )
        name = f"{source}.{table}"
        tags = self.catalog.tags(source, table)
        known = {t.column for t in tags}
        info = self.columns_of(source, table)
        if info is not None:
            known |= {c.name for c in info}
        if rule.columns is not None:
            cols = list(rule.columns)
            missing = [c for c in cols if known and c not in known]
            if missing:
                raise PolicyError(
                    f"retention for {name} anonymizes {', '.join(missing)}, which the table "
                    "does not have",
                    hint="fix the columns list of the retention rule",
                )
        else:
            cols = [t.column for t in tags if t.is_pii]
            if not cols:
                raise PolicyError(
                    f"retention for {name} says anonymize, but the catalog tags no personal "
                    "column in it: nothing would be anonymized",
                    hint=f"scan and confirm the tags of {name} (`privacy scan`, `privacy tag "
                    "confirm`), or list the columns in the retention rule",
                )
        if info is not None:
            not_null = {c.name for c in info if not c.nullable}
            stuck = [c for c in cols if c in not_null and rule.replace.get(c) is None]
            if stuck:
                raise PolicyError(
                    f"{name} cannot be anonymized: {', '.join(stuck)} NOT NULL and the "
                    "retention rule gives no replacement",
                    hint=f"add replace: {{{stuck[0]}: <value>}} to the retention rule of {name}",
                )
        replacements: dict[str, Any] = {c: rule.replace.get(c) for c in cols}
        return EraseDecision(
            "anonymize",
            f"{rule.reason}; kept {rule.keep} (policy {self.policy.version})",
            replacements,
        )

    def _source_columns(self, source: str, table: str) -> list[ColumnInfo] | None:
        """Columns from the live source when privacy.toml names it; None otherwise."""
        if source not in self.settings.sources:
            return None
        from privacy.sources import open_source

        try:
            with open_source(self.settings.sources[source].url, source) as src:
                return src.columns(table)
        except PrivacyError:
            return None
