"""What erasure does to a table: the seam between the workflow and the policy engine.

``privacy`` never imports ``policies``. The caller (the CLI, or a job) passes any object with
an ``on_erase(source, table)`` method; the policy engine's retention rules provide one. Without
one, erasure deletes the subject's rows everywhere (:class:`DeleteEverything`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

Action = Literal["delete", "anonymize"]


@dataclass(frozen=True)
class EraseDecision:
    """``delete`` the subject's rows, or ``anonymize`` them: keep the rows (a legal obligation,
    GDPR Art. 17(3)) and set ``columns`` (column -> replacement value, None for NULL).

    For ``anonymize`` with no ``columns``, the workflow nulls the table's personal columns as
    the catalog tags them. Either way it also nulls the columns by which the subject's rows were
    found (identifier and relation columns), unless ``columns`` gives them a value, so the kept
    rows no longer point at the subject.
    """

    action: Action = "delete"
    reason: str = ""
    columns: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.action not in ("delete", "anonymize"):
            raise ValueError(
                f"EraseDecision.action must be delete or anonymize, not {self.action!r}"
            )


@runtime_checkable
class ErasurePolicy(Protocol):
    def on_erase(self, source: str, table: str) -> EraseDecision:
        """What to do with the subject's rows in ``source.table``."""
        ...


class DeleteEverything:
    """The default: no retention rule keeps anything."""

    def on_erase(self, source: str, table: str) -> EraseDecision:
        return EraseDecision("delete", "no retention rule")


class TablePolicy:
    """A policy given as a mapping ``"SOURCE.TABLE" -> EraseDecision`` (tests, scripts, the
    demo); tables not named are deleted."""

    def __init__(self, decisions: Mapping[str, EraseDecision]) -> None:
        self.decisions = dict(decisions)

    def on_erase(self, source: str, table: str) -> EraseDecision:
        return self.decisions.get(f"{source}.{table}") or EraseDecision(
            "delete", "no retention rule"
        )
