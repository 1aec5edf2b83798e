"""Data-subject requests: erase and export across warehouse and lake, on time, verified,
resumable. Start with :mod:`privacy.dsr.workflow`; see docs/dsr.md."""

from privacy.dsr.models import Outcome, Plan, Request, RequestKind, StepKind, StepRecord, Subject
from privacy.dsr.policy import DeleteEverything, EraseDecision, ErasurePolicy, TablePolicy
from privacy.dsr.states import RequestState, StepStatus

__all__ = [
    "DeleteEverything",
    "EraseDecision",
    "ErasurePolicy",
    "Outcome",
    "Plan",
    "Request",
    "RequestKind",
    "RequestState",
    "StepKind",
    "StepRecord",
    "StepStatus",
    "Subject",
    "TablePolicy",
]
