"""The request journal on a PostgreSQL catalog database (a team's shared catalog)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from privacy.dsr.models import Request, RequestKind, StepKind, StepRecord
from privacy.dsr.states import RequestState, StepStatus
from privacy.dsr.store import RequestStore
from privacy.errors import InvalidTransitionError

pytestmark = pytest.mark.services


def test_journal_round_trip_on_postgresql(pg_url: str) -> None:
    store = RequestStore(pg_url)
    now = datetime.now(UTC)
    req = Request(
        id="dsr-0000000001",
        kind=RequestKind.ERASE,
        subject_kind="email",
        pseudonym="subj_" + "0" * 24,
        regime="gdpr",
        received_at=date(2024, 1, 31),
        due_at=date(2024, 2, 29),
        state=RequestState.RECEIVED,
        created_at=now,
        updated_at=now,
        sealed_subject=b"pv1:g:sealed",
    )
    store.create(req)
    store.acquire(req.id)
    from privacy.dsr.models import Plan

    plan = Plan(RequestKind.ERASE, "email", [])
    steps = [
        StepRecord(req.id, 0, StepKind.SHRED, "subject key"),
        StepRecord(req.id, 1, StepKind.VERIFY, "request"),
    ]
    got = store.save_plan(req.id, plan, b"pv1:g:keys", steps)
    assert got.state is RequestState.PLANNED and got.sealed_keys == b"pv1:g:keys"
    with pytest.raises(InvalidTransitionError):
        store.transition(req.id, RequestState.DONE)
    store.transition(req.id, RequestState.RUNNING)
    store.steps_started([(req.id, 0)])
    store.steps_done([(req.id, 0, None, {"ok": True})])
    store.step_started(req.id, 1)
    store.step_failed(req.id, 1, "the database is unavailable")
    paused = store.transition(req.id, RequestState.PAUSED, reason="the database is unavailable")
    assert paused.paused_from is RequestState.RUNNING
    journal = store.steps(req.id)
    assert [s.status for s in journal] == [StepStatus.DONE, StepStatus.FAILED]
    assert journal[0].evidence == {"ok": True} and journal[1].attempts == 1
    assert store.get(req.id).received_at == date(2024, 1, 31)
    store.release(req.id)
    store.close()
