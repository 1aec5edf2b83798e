"""The request's state machine: typed states and the transitions allowed between them.

::

    received -> planned -> running -> verifying -> done
        \\          \\          \\           \\
         +----------+----------+-----------+--> paused (retryable fault; `resume` goes back)
         +----------+----------+-----------+--> failed (terminal fault; `resume` after a fix)

``paused`` remembers the state it paused from; ``resume`` returns there. ``failed`` may be
resumed once the cause is fixed (a permission granted, a table restored): the journal says
which steps are done, so nothing is redone. ``done`` is final.
"""

from __future__ import annotations

from enum import StrEnum

from privacy.errors import InvalidTransitionError


class RequestState(StrEnum):
    RECEIVED = "received"
    PLANNED = "planned"
    RUNNING = "running"
    VERIFYING = "verifying"
    DONE = "done"
    PAUSED = "paused"
    FAILED = "failed"

    @property
    def is_open(self) -> bool:
        return self is not RequestState.DONE


S = RequestState

TRANSITIONS: dict[RequestState, frozenset[RequestState]] = {
    S.RECEIVED: frozenset({S.PLANNED, S.PAUSED, S.FAILED}),
    S.PLANNED: frozenset({S.RUNNING, S.PAUSED, S.FAILED}),
    S.RUNNING: frozenset({S.VERIFYING, S.PAUSED, S.FAILED}),
    S.VERIFYING: frozenset({S.DONE, S.PAUSED, S.FAILED}),
    S.PAUSED: frozenset({S.RECEIVED, S.PLANNED, S.RUNNING, S.VERIFYING, S.FAILED}),
    S.FAILED: frozenset({S.RECEIVED, S.PLANNED, S.RUNNING, S.VERIFYING}),
    S.DONE: frozenset(),
}


class StepStatus(StrEnum):
    PENDING = "pending"
    STARTED = "started"
    DONE = "done"
    FAILED = "failed"


def check_transition(request_id: str, current: RequestState, new: RequestState) -> None:
    if new not in TRANSITIONS[current]:
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[current])) or "none (final)"
        raise InvalidTransitionError(
            f"request {request_id} is {current.value}; it cannot become {new.value}",
            hint=f"from {current.value} it may become: {allowed}",
        )
