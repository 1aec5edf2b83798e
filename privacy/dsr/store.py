"""Requests and their step journal, persisted in the catalog database (SQLAlchemy).

Two tables, created on first use: ``dsr_requests`` (one row per request: pseudonym, regime,
dates, state, plan without values, sealed subject value and keys while open) and ``dsr_steps``
(the journal: one row per step, written before and after it runs).

A request is worked on by one process at a time: :meth:`RequestStore.acquire` takes a lease
(host, pid, heartbeat) with a conditional UPDATE; a lease whose process is gone (same host) or
whose heartbeat is older than :data:`LEASE_STALE_AFTER` may be taken over, which is how
``resume`` picks up a request whose process was killed.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from privacy.catalog import db
from privacy.dsr.models import Plan, Request, RequestKind, StepKind, StepRecord
from privacy.dsr.states import RequestState, StepStatus, check_transition
from privacy.errors import RequestError, RequestNotFoundError

LEASE_STALE_AFTER = timedelta(minutes=15)

_UNAVAILABLE = "the catalog database (request journal)"
_UNAVAILABLE_HINT = (
    "check that the catalog database is running; then "
    "`privacy requests resume ID` continues where the request stopped"
)

metadata = sa.MetaData()

requests_table = sa.Table(
    "dsr_requests",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("subject_kind", sa.String(64), nullable=False),
    sa.Column("pseudonym", sa.String(64), nullable=False, index=True),
    sa.Column("regime", sa.String(16), nullable=False),
    sa.Column("received_at", sa.Date, nullable=False),
    sa.Column("due_at", sa.Date, nullable=False),
    sa.Column("extended_until", sa.Date),
    sa.Column("extension_reason", sa.Text),
    sa.Column("state", sa.String(16), nullable=False, index=True),
    sa.Column("state_reason", sa.Text),
    sa.Column("paused_from", sa.String(16)),
    sa.Column("outcome", sa.String(32)),
    sa.Column("out_dir", sa.Text),
    sa.Column("plan_json", sa.Text),
    sa.Column("evidence_json", sa.Text, nullable=False, default="{}"),
    sa.Column("sealed_subject", sa.LargeBinary),
    sa.Column("sealed_keys", sa.LargeBinary),
    sa.Column("lease_owner", sa.String(200)),
    sa.Column("lease_at", sa.DateTime(timezone=True)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("completed_at", sa.DateTime(timezone=True)),
)

steps_table = sa.Table(
    "dsr_steps",
    metadata,
    sa.Column("request_id", sa.String(32), sa.ForeignKey("dsr_requests.id"), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("target", sa.String(400), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("rows_planned", sa.BigInteger, nullable=False, default=0),
    sa.Column("rows_affected", sa.BigInteger),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("evidence_json", sa.Text, nullable=False, default="{}"),
    sa.Column("error", sa.Text),
    sa.Column("started_at", sa.DateTime(timezone=True)),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
)


def now() -> datetime:
    return datetime.now(UTC)


def _aware(d: datetime | None) -> datetime | None:
    if d is not None and d.tzinfo is None:
        return d.replace(tzinfo=UTC)
    return d


def lease_owner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie (killed, not yet reaped by its parent) is gone for our purpose
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def lease_is_live(
    owner: str | None, at: datetime | None, *, moment: datetime | None = None
) -> bool:
    """True when another process is (probably) still working on the request."""
    if not owner:
        return False
    at = _aware(at)
    if at is None or (moment or now()) - at > LEASE_STALE_AFTER:
        return False
    host, _, pid = owner.rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        return int(pid) == os.getpid() or _pid_alive(int(pid))
    return True


class RequestStore:
    """Request records and the step journal. Every method is one short transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = db.create_engine(url)
        with db.unavailable(_UNAVAILABLE, _UNAVAILABLE_HINT):
            metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def _tx(self) -> AbstractContextManager[sa.Connection]:
        return db.transaction(self.engine, _UNAVAILABLE, _UNAVAILABLE_HINT)

    # --- requests ----------------------------------------------------------------------

    def create(self, req: Request) -> None:
        self.create_many([req])

    def create_many(self, reqs: Sequence[Request]) -> None:
        """Insert requests, leased to this process (which is about to work on them)."""
        me, moment = lease_owner_id(), now()
        try:
            with self._tx() as conn:
                conn.execute(
                    requests_table.insert(),
                    [{**self._row(r), "lease_owner": me, "lease_at": moment} for r in reqs],
                )
        except IntegrityError:
            raise RequestError("a request with one of these ids exists already") from None

    @staticmethod
    def _row(req: Request) -> dict[str, Any]:
        return {
            "id": req.id,
            "kind": req.kind.value,
            "subject_kind": req.subject_kind,
            "pseudonym": req.pseudonym,
            "regime": req.regime,
            "received_at": req.received_at,
            "due_at": req.due_at,
            "extended_until": req.extended_until,
            "extension_reason": req.extension_reason,
            "state": req.state.value,
            "state_reason": req.state_reason,
            "paused_from": req.paused_from.value if req.paused_from else None,
            "outcome": req.outcome,
            "out_dir": req.out_dir,
            "plan_json": json.dumps(req.plan.to_json()) if req.plan else None,
            "evidence_json": json.dumps(req.evidence),
            "sealed_subject": req.sealed_subject,
            "sealed_keys": req.sealed_keys,
            "created_at": req.created_at,
            "updated_at": req.updated_at,
            "completed_at": req.completed_at,
        }

    @staticmethod
    def _from_row(row: sa.Row[Any]) -> Request:
        m = row._mapping
        created = _aware(m["created_at"])
        updated = _aware(m["updated_at"])
        assert created is not None and updated is not None
        return Request(
            id=m["id"],
            kind=RequestKind(m["kind"]),
            subject_kind=m["subject_kind"],
            pseudonym=m["pseudonym"],
            regime=m["regime"],
            received_at=m["received_at"],
            due_at=m["due_at"],
            state=RequestState(m["state"]),
            created_at=created,
            updated_at=updated,
            state_reason=m["state_reason"],
            paused_from=RequestState(m["paused_from"]) if m["paused_from"] else None,
            extended_until=m["extended_until"],
            extension_reason=m["extension_reason"],
            outcome=m["outcome"],
            completed_at=_aware(m["completed_at"]),
            out_dir=m["out_dir"],
            plan=Plan.from_json(json.loads(m["plan_json"])) if m["plan_json"] else None,
            evidence=json.loads(m["evidence_json"] or "{}"),
            sealed_subject=m["sealed_subject"],
            sealed_keys=m["sealed_keys"],
        )

    def get(self, request_id: str) -> Request:
        with self._tx() as conn:
            row = conn.execute(
                sa.select(requests_table).where(requests_table.c.id == request_id)
            ).first()
        if row is None:
            raise RequestNotFoundError(
                f"no request with id {request_id!r}",
                hint="list requests with `privacy requests list`",
            )
        return self._from_row(row)

    def get_many(self, request_ids: Sequence[str]) -> list[Request]:
        t = requests_table
        with self._tx() as conn:
            rows = {
                r._mapping["id"]: r
                for r in conn.execute(sa.select(t).where(t.c.id.in_(list(request_ids))))
            }
        missing = [i for i in request_ids if i not in rows]
        if missing:
            raise RequestNotFoundError(
                f"no request with id {missing[0]!r}",
                hint="list requests with `privacy requests list`",
            )
        return [self._from_row(rows[i]) for i in request_ids]

    def lease(self, request_id: str) -> tuple[str | None, datetime | None]:
        t = requests_table
        with self._tx() as conn:
            row = conn.execute(
                sa.select(t.c.lease_owner, t.c.lease_at).where(t.c.id == request_id)
            ).first()
        return (row[0], _aware(row[1])) if row else (None, None)

    def all(self, *, open_only: bool = False) -> list[Request]:
        t = requests_table
        q = sa.select(t).order_by(t.c.created_at, t.c.id)
        if open_only:
            q = q.where(t.c.state != RequestState.DONE.value)
        with self._tx() as conn:
            return [self._from_row(r) for r in conn.execute(q)]

    def leases(self) -> dict[str, tuple[str | None, datetime | None]]:
        t = requests_table
        with self._tx() as conn:
            rows = conn.execute(sa.select(t.c.id, t.c.lease_owner, t.c.lease_at)).all()
        return {r[0]: (r[1], _aware(r[2])) for r in rows}

    def transition(
        self,
        request_id: str,
        new: RequestState,
        *,
        reason: str | None = None,
        **values: Any,
    ) -> Request:
        """Move a request to ``new`` (checked against the transition table) and set values."""
        self.transition_many([(request_id, values)], new, reason=reason)
        return self.get(request_id)

    def transition_many(
        self,
        updates: Sequence[tuple[str, dict[str, Any]]],
        new: RequestState,
        *,
        reason: str | None = None,
    ) -> None:
        """Move several requests to ``new`` in one transaction (each checked), setting each
        request's own values."""
        t = requests_table
        ids = [rid for rid, _ in updates]
        moment = now()
        with self._tx() as conn:
            found = {
                r[0]: (RequestState(r[1]), r[2])
                for r in conn.execute(
                    sa.select(t.c.id, t.c.state, t.c.paused_from).where(t.c.id.in_(ids))
                )
            }
            for request_id, values in updates:
                if request_id not in found:
                    raise RequestNotFoundError(f"no request with id {request_id!r}")
                current, paused_from = found[request_id]
                if current is not new:
                    check_transition(request_id, current, new)
                extra: dict[str, Any] = {}
                if new is RequestState.PAUSED and current is not RequestState.PAUSED:
                    extra["paused_from"] = current.value
                elif new is not RequestState.PAUSED and new is not RequestState.FAILED:
                    extra["paused_from"] = None
                if new is RequestState.FAILED and current is not RequestState.FAILED:
                    # remember where it failed, so `resume` after a fix goes back there
                    extra["paused_from"] = (
                        paused_from if current is RequestState.PAUSED else current.value
                    )
                conn.execute(
                    t.update()
                    .where(t.c.id == request_id)
                    .values(
                        state=new.value, state_reason=reason, updated_at=moment, **extra, **values
                    )
                )

    def update(self, request_id: str, **values: Any) -> None:
        t = requests_table
        if "evidence" in values:
            values["evidence_json"] = json.dumps(values.pop("evidence"))
        with self._tx() as conn:
            conn.execute(t.update().where(t.c.id == request_id).values(updated_at=now(), **values))

    def save_plan(
        self, request_id: str, plan: Plan, sealed_keys: bytes | None, steps: Sequence[StepRecord]
    ) -> Request:
        self.save_plans([(request_id, plan, sealed_keys, steps)])
        return self.get(request_id)

    def save_plans(
        self, items: Sequence[tuple[str, Plan, bytes | None, Sequence[StepRecord]]]
    ) -> None:
        """Persist plans, sealed keys and pending journals, and mark the requests planned --
        in one transaction, so a crash leaves either no plan or whole ones."""
        t, s = requests_table, steps_table
        moment = now()
        with self._tx() as conn:
            ids = [i for i, *_ in items]
            states = dict(conn.execute(sa.select(t.c.id, t.c.state).where(t.c.id.in_(ids))).all())
            for request_id, plan, sealed_keys, steps in items:
                check_transition(request_id, RequestState(states[request_id]), RequestState.PLANNED)
                conn.execute(s.delete().where(s.c.request_id == request_id))
                if steps:
                    conn.execute(
                        s.insert(),
                        [
                            {
                                "request_id": request_id,
                                "idx": st.index,
                                "kind": st.kind.value,
                                "target": st.target,
                                "status": StepStatus.PENDING.value,
                                "rows_planned": st.rows_planned,
                                "attempts": 0,
                                "evidence_json": "{}",
                            }
                            for st in steps
                        ],
                    )
                conn.execute(
                    t.update()
                    .where(t.c.id == request_id)
                    .values(
                        state=RequestState.PLANNED.value,
                        state_reason=None,
                        paused_from=None,
                        plan_json=json.dumps(plan.to_json()),
                        sealed_keys=sealed_keys,
                        updated_at=moment,
                        lease_at=moment,
                    )
                )

    def replan(
        self,
        request_id: str,
        plan: Plan,
        sealed_keys: bytes | None,
        steps: Sequence[StepRecord],
    ) -> None:
        """Replace a running request's plan, sealed keys and journal in one transaction (a
        resume that found tables the first plan did not have). ``steps`` carry their state:
        the steps already done keep it, the new ones are pending."""
        t, s = requests_table, steps_table
        with self._tx() as conn:
            conn.execute(s.delete().where(s.c.request_id == request_id))
            conn.execute(
                s.insert(),
                [
                    {
                        "request_id": request_id,
                        "idx": st.index,
                        "kind": st.kind.value,
                        "target": st.target,
                        "status": st.status.value,
                        "rows_planned": st.rows_planned,
                        "rows_affected": st.rows_affected,
                        "attempts": st.attempts,
                        "evidence_json": json.dumps(st.evidence, default=str),
                        "error": st.error,
                        "started_at": st.started_at,
                        "finished_at": st.finished_at,
                    }
                    for st in steps
                ],
            )
            conn.execute(
                t.update()
                .where(t.c.id == request_id)
                .values(
                    plan_json=json.dumps(plan.to_json()),
                    sealed_keys=sealed_keys,
                    updated_at=now(),
                )
            )

    # --- lease -------------------------------------------------------------------------

    def acquire(self, request_id: str) -> None:
        self.acquire_many([request_id])

    def acquire_many(self, request_ids: Sequence[str]) -> None:
        """Take the requests for this process, or raise when another live process holds one."""
        t = requests_table
        me = lease_owner_id()
        with self._tx() as conn:
            held = {
                r[0]: (r[1], _aware(r[2]))
                for r in conn.execute(
                    sa.select(t.c.id, t.c.lease_owner, t.c.lease_at).where(
                        t.c.id.in_(list(request_ids))
                    )
                )
            }
            for request_id in request_ids:
                if request_id not in held:
                    raise RequestNotFoundError(f"no request with id {request_id!r}")
                owner, at = held[request_id]
                if owner and owner != me and lease_is_live(owner, at):
                    raise RequestError(
                        f"request {request_id} is being worked on by process {owner}",
                        hint="wait for it to finish; if that process is gone on another host, "
                        f"retry after {int(LEASE_STALE_AFTER.total_seconds() // 60)} minutes",
                    )
                cond = t.c.lease_owner.is_(None) if owner is None else t.c.lease_owner == owner
                res = conn.execute(
                    t.update()
                    .where(t.c.id == request_id, cond)
                    .values(lease_owner=me, lease_at=now())
                )
                if res.rowcount != 1:
                    raise RequestError(
                        f"request {request_id} was taken by another process just now",
                        hint="run `privacy requests show ID` to see its state",
                    )

    def heartbeat(self, request_id: str) -> None:
        t = requests_table
        with self._tx() as conn:
            conn.execute(t.update().where(t.c.id == request_id).values(lease_at=now()))

    def release(self, request_id: str) -> None:
        self.release_many([request_id])

    def release_many(self, request_ids: Sequence[str]) -> None:
        t = requests_table
        with self._tx() as conn:
            conn.execute(
                t.update()
                .where(t.c.id.in_(list(request_ids)), t.c.lease_owner == lease_owner_id())
                .values(lease_owner=None, lease_at=None)
            )

    # --- journal -----------------------------------------------------------------------

    def steps(self, request_id: str) -> list[StepRecord]:
        return self.steps_many([request_id])[request_id]

    def steps_many(self, request_ids: Sequence[str]) -> dict[str, list[StepRecord]]:
        s = steps_table
        with self._tx() as conn:
            rows = conn.execute(
                sa.select(s)
                .where(s.c.request_id.in_(list(request_ids)))
                .order_by(s.c.request_id, s.c.idx)
            ).all()
        out: dict[str, list[StepRecord]] = {i: [] for i in request_ids}
        for r in rows:
            m = r._mapping
            out[m["request_id"]].append(
                StepRecord(
                    request_id=m["request_id"],
                    index=m["idx"],
                    kind=StepKind(m["kind"]),
                    target=m["target"],
                    status=StepStatus(m["status"]),
                    rows_planned=int(m["rows_planned"] or 0),
                    rows_affected=m["rows_affected"],
                    attempts=int(m["attempts"] or 0),
                    evidence=json.loads(m["evidence_json"] or "{}"),
                    error=m["error"],
                    started_at=_aware(m["started_at"]),
                    finished_at=_aware(m["finished_at"]),
                )
            )
        return out

    def steps_started(self, pairs: Sequence[tuple[str, int]]) -> None:
        """Journal several requests' steps as started in one transaction (a group step): one
        statement executed for many parameter sets."""
        s, t = steps_table, requests_table
        moment = now()
        where = (s.c.request_id == sa.bindparam("b_rid"), s.c.idx == sa.bindparam("b_idx"))
        with self._tx() as conn:
            conn.execute(
                s.update()
                .where(*where)
                .values(
                    status=StepStatus.STARTED.value,
                    attempts=s.c.attempts + 1,
                    started_at=moment,
                    error=None,
                ),
                [{"b_rid": r, "b_idx": i} for r, i in pairs],
            )
            ids = sorted({r for r, _ in pairs})
            conn.execute(t.update().where(t.c.id.in_(ids)).values(lease_at=moment))

    def steps_done(self, done: Sequence[tuple[str, int, int | None, dict[str, Any]]]) -> None:
        """Journal several requests' steps as done in one transaction (a group step)."""
        s = steps_table
        moment = now()
        where = (s.c.request_id == sa.bindparam("b_rid"), s.c.idx == sa.bindparam("b_idx"))
        counted = [d for d in done if d[2] is not None]
        uncounted = [d for d in done if d[2] is None]
        with self._tx() as conn:
            if counted:
                conn.execute(
                    s.update()
                    .where(*where)
                    .values(
                        status=StepStatus.DONE.value,
                        # a re-run (resume after a failed verification) adds to the first count
                        rows_affected=sa.func.coalesce(s.c.rows_affected, 0)
                        + sa.bindparam("b_rows", type_=sa.BigInteger),
                        evidence_json=sa.bindparam("b_ev"),
                        finished_at=moment,
                    ),
                    [
                        {"b_rid": r, "b_idx": i, "b_rows": n, "b_ev": json.dumps(ev, default=str)}
                        for r, i, n, ev in counted
                    ],
                )
            if uncounted:
                conn.execute(
                    s.update()
                    .where(*where)
                    .values(
                        status=StepStatus.DONE.value,
                        evidence_json=sa.bindparam("b_ev"),
                        finished_at=moment,
                    ),
                    [
                        {"b_rid": r, "b_idx": i, "b_ev": json.dumps(ev, default=str)}
                        for r, i, _n, ev in uncounted
                    ],
                )

    def step_started(self, request_id: str, index: int) -> None:
        s, t = steps_table, requests_table
        with self._tx() as conn:
            conn.execute(
                s.update()
                .where(s.c.request_id == request_id, s.c.idx == index)
                .values(
                    status=StepStatus.STARTED.value,
                    attempts=s.c.attempts + 1,
                    started_at=now(),
                    error=None,
                )
            )
            conn.execute(t.update().where(t.c.id == request_id).values(lease_at=now()))

    def step_failed(self, request_id: str, index: int, error: str) -> None:
        s = steps_table
        with self._tx() as conn:
            conn.execute(
                s.update()
                .where(s.c.request_id == request_id, s.c.idx == index)
                .values(status=StepStatus.FAILED.value, error=error, finished_at=now())
            )

    def reset_steps(self, request_id: str, indices: Sequence[int]) -> None:
        """Mark steps pending again (a failed verification re-runs the table steps)."""
        s = steps_table
        with self._tx() as conn:
            conn.execute(
                s.update()
                .where(s.c.request_id == request_id, s.c.idx.in_(list(indices)))
                .values(status=StepStatus.PENDING.value, error=None)
            )

    def extension(self, request_id: str, until: date, reason: str) -> None:
        self.update(request_id, extended_until=until, extension_reason=reason)
