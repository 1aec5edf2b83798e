"""The data-subject request workflow as library functions (the CLI and the demo call these).

::

    from privacy.dsr import workflow as dsr
    req = dsr.erase(settings, "email:alice@example.com")          # submit + run to done
    plan = dsr.preview(settings, "email:alice@example.com")       # --dry-run: counts, no change
    req = dsr.export(settings, "customer_id:42", out_dir="out/")  # JSON + CSV + manifest + HTML
    dsr.resume(settings, req.id); dsr.extend(settings, req.id, until=..., reason="...")
    views = dsr.list_requests(settings); late = dsr.overdue(settings)

Functions take an optional ``policy`` (:class:`~privacy.dsr.policy.ErasurePolicy`); without
one erasure deletes everywhere. They return the request as stored; a request that paused or
failed is returned in that state (its ``state_reason`` says why) unless ``raise_on_error``.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, closing, nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from privacy import auditing
from privacy.config import Settings
from privacy.dsr import deadlines
from privacy.dsr import keys as keyring
from privacy.dsr.executor import Executor, Progress, crash_point, new_request_id
from privacy.dsr.models import Plan, Request, RequestKind, StepKind, StepRecord, Subject
from privacy.dsr.planner import build_plan, identifier_columns
from privacy.dsr.policy import ErasurePolicy
from privacy.dsr.states import RequestState, StepStatus
from privacy.dsr.store import RequestStore, lease_is_live, lease_owner_id, now
from privacy.dsr.workspace import Workspace
from privacy.errors import PrivacyError, RequestError


def _pseudonym(settings: Settings, subject: Subject) -> str:
    from privacy.crypto import pseudonymize

    return pseudonymize(settings.keys_dir, subject.kind, subject.value)


def _subject(subject: str | Subject) -> Subject:
    return subject if isinstance(subject, Subject) else Subject.parse(subject)


def _audit(settings: Settings, action: str, target: str, actor: str | None, **details: Any) -> None:
    auditing.record(settings, action, target, details=details, actor=actor)


def _store(
    settings: Settings, given: RequestStore | None = None
) -> AbstractContextManager[RequestStore]:
    """``given`` as it is (the caller closes it), or a store opened and closed for this call."""
    return nullcontext(given) if given is not None else closing(RequestStore(settings.catalog_url))


def _workspace(
    settings: Settings, given: Workspace | None = None
) -> AbstractContextManager[Workspace]:
    """``given`` as it is, or a workspace opened and closed for this call."""
    return nullcontext(given) if given is not None else closing(Workspace(settings))


# --- submitting ---------------------------------------------------------------------------


def submit(
    settings: Settings,
    kind: RequestKind | str,
    subject: str | Subject,
    *,
    regime: str = "gdpr",
    received: date | datetime | None = None,
    out_dir: str | None = None,
    actor: str | None = None,
    store: RequestStore | None = None,
    workspace: Workspace | None = None,
) -> Request:
    """Record a request as received (due date computed, subject sealed), audit ``dsr.received``."""
    return submit_many(
        settings,
        kind,
        [subject],
        regime=regime,
        received=received,
        out_dir=out_dir,
        actor=actor,
        store=store,
        workspace=workspace,
    )[0]


def submit_many(
    settings: Settings,
    kind: RequestKind | str,
    subjects: Sequence[str | Subject],
    *,
    regime: str = "gdpr",
    received: date | datetime | None = None,
    out_dir: str | None = None,
    actor: str | None = None,
    store: RequestStore | None = None,
    workspace: Workspace | None = None,
) -> list[Request]:
    """Record several requests as received, in one transaction; one ``dsr.received`` each."""
    kind = RequestKind(kind)
    subjs = [_subject(s) for s in subjects]
    reg = deadlines.Regime.parse(regime)
    received_on = deadlines.checked_receipt(received)
    if kind is RequestKind.EXPORT and not out_dir:
        raise RequestError("an export needs an output folder", hint="pass --out DIR")
    with _workspace(settings, workspace) as ws:
        for skind in sorted({s.kind for s in subjs}):
            identifier_columns(ws, skind)
    with _store(settings, store) as st:
        reqs = []
        for subj in subjs:
            rid = new_request_id()
            moment = now()
            reqs.append(
                Request(
                    id=rid,
                    kind=kind,
                    subject_kind=subj.kind,
                    pseudonym=_pseudonym(settings, subj),
                    regime=reg.value,
                    received_at=received_on,
                    due_at=deadlines.due_date(received_on, reg),
                    state=RequestState.RECEIVED,
                    created_at=moment,
                    updated_at=moment,
                    out_dir=out_dir,
                    sealed_subject=keyring.seal(settings, rid, subj.value),
                )
            )
        st.create_many(reqs)
        for req in reqs:
            _audit(
                settings,
                "dsr.received",
                req.id,
                actor,
                kind=kind.value,
                regime=reg.value,
                subject=req.pseudonym,
                received_at=req.received_at.isoformat(),
                due_at=req.due_at.isoformat(),
            )
        crash_point("received")
        return reqs


# --- running ------------------------------------------------------------------------------


def run(
    settings: Settings,
    request_ids: str | Sequence[str],
    *,
    policy: ErasurePolicy | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
    raise_on_error: bool = False,
    store: RequestStore | None = None,
    workspace: Workspace | None = None,
) -> list[Request]:
    """Drive requests to done (or paused/failed). Several ids run as one group."""
    ids = [request_ids] if isinstance(request_ids, str) else list(request_ids)
    with _store(settings, store) as st, _workspace(settings, workspace) as ws:
        ex = Executor(settings, st, ws, policy=policy, actor=actor, progress=progress)
        try:
            return ex.run(ids)
        except PrivacyError:
            if raise_on_error:
                raise
            return [st.get(i) for i in ids]


def erase(
    settings: Settings,
    subject: str | Subject,
    *,
    regime: str = "gdpr",
    received: date | datetime | None = None,
    policy: ErasurePolicy | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
    raise_on_error: bool = False,
) -> Request:
    """Submit an erasure and carry it out: the one call for "erase this person"."""
    req = submit(
        settings, RequestKind.ERASE, subject, regime=regime, received=received, actor=actor
    )
    return run(
        settings,
        req.id,
        policy=policy,
        actor=actor,
        progress=progress,
        raise_on_error=raise_on_error,
    )[0]


def erase_batch(
    settings: Settings,
    subjects: Sequence[str | Subject],
    *,
    regime: str = "gdpr",
    received: date | datetime | None = None,
    policy: ErasurePolicy | None = None,
    actor: str | None = None,
    raise_on_error: bool = False,
) -> list[Request]:
    """Erase many subjects of one kind together: one request each (own journal, audit and
    evidence), one statement per table and batch of values for all of them."""
    with _store(settings) as st, _workspace(settings) as ws:
        subjs = [_subject(x) for x in subjects]
        kinds = {x.kind for x in subjs}
        if len(kinds) > 1:
            raise RequestError(
                "a batch holds subjects of one kind",
                hint="run one batch per kind: " + ", ".join(sorted(kinds)),
            )
        reqs = submit_many(
            settings,
            RequestKind.ERASE,
            subjs,
            regime=regime,
            received=received,
            actor=actor,
            store=st,
            workspace=ws,
        )
        ids = [r.id for r in reqs]
        return run(
            settings,
            ids,
            policy=policy,
            actor=actor,
            raise_on_error=raise_on_error,
            store=st,
            workspace=ws,
        )


def export(
    settings: Settings,
    subject: str | Subject,
    out_dir: str,
    *,
    regime: str = "gdpr",
    received: date | datetime | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
    raise_on_error: bool = False,
) -> Request:
    """Submit an access/portability request and write the subject's data to ``out_dir``."""
    req = submit(
        settings,
        RequestKind.EXPORT,
        subject,
        regime=regime,
        received=received,
        out_dir=str(out_dir),
        actor=actor,
    )
    return run(settings, req.id, actor=actor, progress=progress, raise_on_error=raise_on_error)[0]


def preview(
    settings: Settings,
    subject: str | Subject,
    *,
    kind: RequestKind | str = RequestKind.ERASE,
    policy: ErasurePolicy | None = None,
) -> Plan:
    """The plan with row counts per table (``--dry-run``): reads only, records nothing."""
    with Workspace(settings) as ws:
        plan, _keys = build_plan(ws, _subject(subject), RequestKind(kind), policy)
    return plan


def resume(
    settings: Settings,
    request_id: str,
    *,
    policy: ErasurePolicy | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
    raise_on_error: bool = False,
) -> Request:
    """Continue a paused, failed or interrupted request from its journal."""
    with _store(settings) as st:
        req = st.get(request_id)
        if req.state is RequestState.DONE:
            raise RequestError(
                f"request {request_id} is done; there is nothing to resume",
                hint="see its evidence with `privacy requests show ID`",
            )
        owner, at = st.lease(request_id)
        if owner and owner != lease_owner_id() and lease_is_live(owner, at):
            raise RequestError(
                f"request {request_id} is being worked on by process {owner}",
                hint="wait for it to finish, then check `privacy requests show ID`",
            )
        previous = req.state
        if req.state in (RequestState.PAUSED, RequestState.FAILED):
            target = req.paused_from or RequestState.RUNNING
            if target is RequestState.PAUSED:
                target = RequestState.RUNNING
            if target is RequestState.VERIFYING or req.state is RequestState.FAILED:
                _reopen_failed_verification(st, request_id)
                if target is RequestState.VERIFYING and _has_pending_work(st, request_id):
                    target = RequestState.RUNNING
            if req.plan is None:
                target = RequestState.RECEIVED
            st.transition(request_id, target, reason=None)
        _audit(
            settings,
            "dsr.resumed",
            request_id,
            actor,
            subject=req.pseudonym,
            previous_state=previous.value,
            reason=req.state_reason,
        )
    return run(
        settings,
        request_id,
        policy=policy,
        actor=actor,
        progress=progress,
        raise_on_error=raise_on_error,
    )[0]


def _reopen_failed_verification(st: RequestStore, request_id: str) -> None:
    """A verification that found data still present: re-run the table steps (they re-query
    the subject's rows, so rows added since are caught) and verify again."""
    steps = st.steps(request_id)
    verify = next((s for s in steps if s.kind is StepKind.VERIFY), None)
    if verify is None or verify.status is not StepStatus.DONE or verify.evidence.get("ok"):
        return
    redo = [s.index for s in steps if s.kind in (StepKind.DELETE, StepKind.ANONYMIZE)]
    st.reset_steps(request_id, [*redo, verify.index])


def _has_pending_work(st: RequestStore, request_id: str) -> bool:
    return any(
        s.status is not StepStatus.DONE and s.kind is not StepKind.VERIFY
        for s in st.steps(request_id)
    )


def extend(
    settings: Settings,
    request_id: str,
    *,
    until: date,
    reason: str,
    today: date | None = None,
    actor: str | None = None,
) -> Request:
    """Extend the due date once (with a reason), within the regime's limit, before it passes."""
    if not reason.strip():
        raise RequestError("an extension needs a reason", hint='pass --reason "..."')
    with _store(settings) as st:
        req = st.get(request_id)
        if req.state is RequestState.DONE:
            raise RequestError(f"request {request_id} is done; it needs no extension")
        deadlines.check_extension(
            regime=req.regime,
            due=req.due_at,
            until=until,
            today=today or deadlines.today_utc(),
            already_extended=req.extended_until is not None,
        )
        st.extension(request_id, until, reason.strip())
        _audit(
            settings,
            "dsr.extended",
            request_id,
            actor,
            subject=req.pseudonym,
            due_at=req.due_at.isoformat(),
            until=until.isoformat(),
            reason=reason.strip(),
        )
        return st.get(request_id)


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestView:
    """A request as the list shows it: state as a person should read it, days left."""

    request: Request
    state: str
    reason: str | None
    days_left: int | None
    overdue: bool

    def to_json(self) -> dict[str, Any]:
        r = self.request
        return {
            "id": r.id,
            "kind": r.kind.value,
            "state": self.state,
            "reason": self.reason,
            "regime": r.regime,
            "subject": r.pseudonym,
            "subject_kind": r.subject_kind,
            "received_at": r.received_at.isoformat(),
            "due_at": r.effective_due.isoformat(),
            "original_due_at": r.due_at.isoformat(),
            "extended_until": r.extended_until.isoformat() if r.extended_until else None,
            "days_left": self.days_left,
            "overdue": self.overdue,
            "outcome": r.outcome,
            "completed_at": r.completed_at.isoformat() if r.completed_at else None,
        }


INTERRUPTED = "interrupted: the process working on it stopped; `privacy requests resume ID`"


def view(req: Request, lease: tuple[str | None, datetime | None], today: date) -> RequestView:
    state, reason = req.state.value, req.state_reason
    working = req.state in (
        RequestState.RECEIVED,
        RequestState.PLANNED,
        RequestState.RUNNING,
        RequestState.VERIFYING,
    )
    if working and not lease_is_live(*lease):
        state, reason = RequestState.PAUSED.value, INTERRUPTED
    if req.state is RequestState.DONE:
        assert req.completed_at is not None
        late = deadlines.is_overdue(req.effective_due, req.completed_at.date())
        return RequestView(req, state, reason, None, late)
    left = deadlines.days_left(req.effective_due, today)
    return RequestView(req, state, reason, left, deadlines.is_overdue(req.effective_due, today))


def list_requests(
    settings: Settings, *, open_only: bool = False, today: date | None = None
) -> list[RequestView]:
    with _store(settings) as st:
        leases = st.leases()
        day = today or deadlines.today_utc()
        return [view(r, leases.get(r.id, (None, None)), day) for r in st.all(open_only=open_only)]


def overdue(settings: Settings, *, today: date | None = None) -> list[RequestView]:
    """Open requests past their (extended) due date."""
    return [
        v
        for v in list_requests(settings, open_only=True, today=today)
        if v.overdue and v.request.is_open
    ]


def show(settings: Settings, request_id: str) -> tuple[RequestView, list[StepRecord]]:
    with _store(settings) as st:
        req = st.get(request_id)
        return view(req, st.lease(request_id), deadlines.today_utc()), st.steps(request_id)
