"""Carrying a request out: plan, run each step journaled before and after, verify, finish.

Every step is written to the journal as *started* before it acts and *done* after; a step is
idempotent (it re-queries the subject's rows with the planned selectors and the sealed keys, so
a second run deletes nothing more), which is what makes ``resume`` safe after a crash at any
point: it re-runs the step that was started and not done, and the steps after it. On resume the
keys are walked again from the identifier and added to the sealed ones, so rows linked to the
subject while the request was paused are erased and verified too.

A retryable fault (a database down, a lock, the catalog unreachable) pauses the request with
the reason; any other error fails it. Both are audited; ``resume`` continues from the journal.

Several requests of one subject kind can run as a group (:func:`run_group`): one statement per
table and batch of values for all of them, with the journal of each request updated together.

Test-only fault hook: when ``PRIVACY_DSR_CRASH_AT`` names a boundary (see :func:`boundaries`),
the process kills itself with SIGKILL there -- how the tests prove a crash anywhere resumes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from privacy import auditing
from privacy.config import Settings
from privacy.dsr import keys as keyring
from privacy.dsr.models import (
    Outcome,
    Plan,
    Request,
    RequestKind,
    StepKind,
    StepRecord,
    Subject,
    TableNode,
)
from privacy.dsr.planner import Keys, build_plans, selector_matches, selector_values
from privacy.dsr.policy import ErasurePolicy
from privacy.dsr.states import RequestState, StepStatus
from privacy.dsr.store import RequestStore
from privacy.dsr.workspace import Workspace
from privacy.errors import (
    CatalogUnavailableError,
    PrivacyError,
    RequestError,
    RetryableError,
    VerificationError,
)
from privacy.sources.base import SupportsErase
from privacy.sources.sql_errors import StillReferencedError

CRASH_ENV = "PRIVACY_DSR_CRASH_AT"

#: progress callback: (request ids, step, steps in total)
Progress = Callable[[Sequence[str], StepRecord, int], None]


def crash_point(boundary: str) -> None:
    """Test-only fault hook: SIGKILL this process at ``boundary`` when asked to."""
    if os.environ.get(CRASH_ENV) == boundary:
        os.kill(os.getpid(), signal.SIGKILL)


def boundaries(n_steps: int) -> list[str]:
    """Every crash boundary of a request with ``n_steps`` journal steps, in order."""
    out = ["received", "planned"]
    for i in range(n_steps):
        out += [f"step{i}.started", f"step{i}.acted", f"step{i}.done"]
    out += ["verified"]
    return out


def safe_reason(e: BaseException) -> str:
    """An error's text for the journal and audit: our errors say no personal data by
    contract; foreign exceptions (a driver's message may quote a value) only by type."""
    if isinstance(e, PrivacyError):
        return e.message
    return f"unexpected {type(e).__name__} (details withheld: they may quote personal data)"


def steps_for(request_id: str, plan: Plan) -> list[StepRecord]:
    """The journal of a plan: erase children before parents, then shred and verify; export
    parents first, then the manifest and verify."""
    tables = [t for t in plan.tables if t.rows > 0]
    out: list[StepRecord] = []
    if plan.kind is RequestKind.ERASE:
        for t in reversed(tables):
            kind = StepKind.ANONYMIZE if t.action == "anonymize" else StepKind.DELETE
            out.append(StepRecord(request_id, len(out), kind, t.name, rows_planned=t.rows))
        out.append(StepRecord(request_id, len(out), StepKind.SHRED, "subject key"))
    else:
        for t in tables:
            out.append(
                StepRecord(request_id, len(out), StepKind.EXPORT, t.name, rows_planned=t.rows)
            )
        out.append(StepRecord(request_id, len(out), StepKind.MANIFEST, "manifest"))
    out.append(StepRecord(request_id, len(out), StepKind.VERIFY, "request"))
    return out


@dataclass
class Member:
    """A request being worked on, with its secrets unsealed in memory."""

    request: Request
    subject: Subject
    keys: Keys = field(default_factory=dict)
    steps: list[StepRecord] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.request.id


class Executor:
    def __init__(
        self,
        settings: Settings,
        store: RequestStore,
        workspace: Workspace,
        *,
        policy: ErasurePolicy | None = None,
        actor: str | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.ws = workspace
        self.policy = policy
        self.actor = actor
        self.progress = progress
        self.statements = 0

    # --- audit -------------------------------------------------------------------------

    def audit(self, action: str, target: str, *, result: str = "ok", **details: Any) -> None:
        """One audit event; ``details`` never hold personal data (pseudonyms, names, counts)."""
        auditing.record(
            self.settings, action, target, outcome=result, details=details, actor=self.actor
        )

    # --- driving -----------------------------------------------------------------------

    def run(self, request_ids: Sequence[str]) -> list[Request]:
        """Drive requests (of one kind and subject kind) to done, paused or failed."""
        ids = list(request_ids)
        self.store.acquire_many(ids)
        try:
            self._drive(self._load(ids))
        finally:
            with contextlib.suppress(CatalogUnavailableError):
                self.store.release_many(ids)  # else the leases go stale on their own
        return self.store.get_many(ids)

    def _load(self, ids: list[str]) -> list[Member]:
        journals = self.store.steps_many(ids)
        members = []
        for req in self.store.get_many(ids):
            rid = req.id
            if req.sealed_subject is None:
                raise RequestError(
                    f"request {rid} holds no subject value any more (it is {req.state.value})",
                    hint="a done request cannot run again; submit a new request",
                )
            value = keyring.unseal(self.settings, rid, req.sealed_subject)
            keys = keyring.unseal(self.settings, rid, req.sealed_keys) if req.sealed_keys else {}
            members.append(Member(req, Subject(req.subject_kind, value), keys, journals[rid]))
        return members

    def _move(self, members: Sequence[Member], new: RequestState) -> None:
        self.store.transition_many([(m.id, {}) for m in members], new)
        for m in members:
            m.request.state = new

    def _drive(self, members: list[Member]) -> None:
        active = [m for m in members if m.request.state is not RequestState.DONE]
        try:
            todo = [m for m in active if m.request.state is RequestState.RECEIVED]
            resumed = [m for m in active if m not in todo]
            if todo:
                self._plan(todo)
            if resumed:
                self._refresh_keys(resumed)
            self._move(
                [m for m in active if m.request.state is RequestState.PLANNED],
                RequestState.RUNNING,
            )
            self._run_steps(active)
        except RetryableError as e:
            self._pause(active, e)
            raise
        except BaseException as e:
            if isinstance(e, KeyboardInterrupt):
                self._pause(active, RetryableError("interrupted by the user"))
                raise
            self._fail(active, e)
            raise

    def _pause(self, members: Sequence[Member], e: PrivacyError) -> None:
        reason = safe_reason(e)
        for m in members:
            try:
                cur = self.store.get(m.id)
                if cur.state in (RequestState.DONE, RequestState.FAILED, RequestState.PAUSED):
                    continue
                self.store.transition(m.id, RequestState.PAUSED, reason=reason)
            except CatalogUnavailableError:
                pass  # shown as paused (interrupted) once the catalog is back
            self.audit("dsr.paused", m.id, result="paused", reason=reason, retryable=True)

    def _fail(self, members: Sequence[Member], e: BaseException) -> None:
        reason = safe_reason(e)
        for m in members:
            try:
                cur = self.store.get(m.id)
                if cur.state in (RequestState.DONE, RequestState.FAILED):
                    continue
                self.store.transition(m.id, RequestState.FAILED, reason=reason)
            except CatalogUnavailableError:
                pass
            self.audit("dsr.failed", m.id, result="failed", reason=reason, error=type(e).__name__)

    # --- planning ----------------------------------------------------------------------

    def _plan(self, members: list[Member]) -> None:
        kind = members[0].request.kind
        results = build_plans(self.ws, [m.subject for m in members], kind, self.policy)
        items = []
        for m, (plan, keys) in zip(members, results, strict=True):
            m.keys = keys
            sealed = keyring.seal(self.settings, m.id, keys) if keys else None
            m.steps = steps_for(m.id, plan)
            m.request.plan = plan
            items.append((m.id, plan, sealed, m.steps))
        self.store.save_plans(items)
        for m, (plan, _keys) in zip(members, results, strict=True):
            m.request.state = RequestState.PLANNED
            self.audit(
                "dsr.planned",
                m.id,
                subject=m.request.pseudonym,
                tables=len([t for t in plan.tables if t.rows]),
                tables_examined=len(plan.tables),
                rows=plan.total_rows,
                steps=len(m.steps),
                plan=[
                    {"table": t.name, "rows": t.rows, "action": t.action}
                    for t in plan.tables
                    if t.rows
                ],
            )
        crash_point("planned")

    def _refresh_keys(self, members: list[Member]) -> None:
        """Walk the relations again from the subject's identifier and add what the walk finds
        to the sealed keys: rows linked to the subject after planning (a new order and its
        payment while the request was paused) are erased and verified too. The sealed keys
        stay, since parents deleted before a crash can no longer lead to their children.

        A table the walk now finds rows in that has no step (a relation declared in
        privacy.toml after the request failed on a foreign key from a table it did not know,
        or rows linked to a table that had none) gets one: the plan and the journal are
        extended, the steps already done kept as they are."""
        kind = members[0].request.kind
        fresh = build_plans(self.ws, [m.subject for m in members], kind, self.policy)
        changed = []
        for m, (_plan, keys) in zip(members, fresh, strict=True):
            merged = {k: list(v) for k, v in m.keys.items()}
            for col, vals in keys.items():
                bucket = merged.setdefault(col, [])
                bucket.extend(v for v in vals if v not in bucket)
            if merged != m.keys:
                m.keys = merged
                changed.append(m)
        grown = {m.id for m, (plan, _k) in zip(members, fresh, strict=True) if _new_tables(m, plan)}
        if grown:
            for m, (plan, _k) in zip(members, fresh, strict=True):
                self._replan(m, plan)
        for m in changed:  # sealed again, so a later resume starts from what this one knew
            if m.id not in grown:
                self.store.update(m.id, sealed_keys=keyring.seal(self.settings, m.id, m.keys))

    def _replan(self, m: Member, fresh: Plan) -> None:
        old = m.request.plan
        assert old is not None
        stored = {t.name: t for t in old.tables}
        stepped = {st.target for st in m.steps}
        tables: list[TableNode] = []
        for node in fresh.tables:
            keep = stored.get(node.name)
            # a table with a step keeps what was planned for it; the rest take the fresh count
            tables.append(keep if keep is not None and node.name in stepped else node)
        names = {t.name for t in tables}
        tables[:0] = [t for t in old.tables if t.name not in names]  # none, unless config changed
        plan = Plan(old.kind, old.subject_kind, tables, list(fresh.notes))
        before = {(st.kind, st.target): st for st in m.steps}
        steps = []
        for st in steps_for(m.id, plan):
            prev = before.get((st.kind, st.target))
            if prev is not None:
                prev.index = st.index
                st = prev
            steps.append(st)
        added = [t.name for t in tables if t.rows and t.name not in stepped]
        sealed = keyring.seal(self.settings, m.id, m.keys) if m.keys else None
        self.store.replan(m.id, plan, sealed, steps)
        m.request.plan, m.steps = plan, steps
        self.audit(
            "dsr.replanned",
            m.id,
            subject=m.request.pseudonym,
            added=[{"table": n, "rows": plan.node(n).rows} for n in added],
            steps=len(steps),
        )

    # --- steps -------------------------------------------------------------------------

    def _run_steps(self, members: list[Member]) -> None:
        # the journal of each request is a sequence; a group runs each distinct (kind, target)
        # once, in the first member's order (all plans of a group share the table order)
        order: list[tuple[StepKind, str]] = []
        for m in members:
            for st in m.steps:
                if (st.kind, st.target) not in order:
                    order.append((st.kind, st.target))
        order.sort(key=_step_rank(members))
        for kind, target in order:
            group = []
            for m in members:
                found = next((s for s in m.steps if (s.kind, s.target) == (kind, target)), None)
                if found is not None and found.status is not StepStatus.DONE:
                    group.append((m, found))
            if not group:
                continue
            if kind is StepKind.VERIFY:
                self._move(
                    [m for m, _ in group if m.request.state is RequestState.RUNNING],
                    RequestState.VERIFYING,
                )
            self._step(group)
        self._finish(members)

    def _step(self, group: list[tuple[Member, StepRecord]]) -> None:
        first = group[0][1]
        ids = [m.id for m, _ in group]
        batch = len(group) > 1
        target = ids[0] if not batch else f"batch:{len(ids)}"
        extra: dict[str, Any] = {"requests": ids} if batch else {}
        self.store.steps_started([(m.id, st.index) for m, st in group])
        for _m, st in group:
            st.status = StepStatus.STARTED
        self.audit(
            "dsr.step.started",
            target,
            step=first.kind.value,
            table=first.target,
            rows=sum(st.rows_planned for _, st in group),
            **extra,
        )
        crash_point(f"step{first.index}.started")
        try:
            rows, evidence = self._act(group)
        except BaseException as e:
            reason = safe_reason(e)
            for m, st in group:
                with contextlib.suppress(CatalogUnavailableError):
                    self.store.step_failed(m.id, st.index, reason)
            self.audit(
                "dsr.step.failed",
                target,
                result="failed",
                step=first.kind.value,
                table=first.target,
                rows=0,
                reason=reason,
                retryable=isinstance(e, RetryableError),
                **extra,
            )
            raise
        crash_point(f"step{first.index}.acted")
        done = []
        for m, st in group:
            ev = evidence.get(m.id, evidence.get("*", {}))
            r = rows.get(m.id, rows.get("*"))
            done.append((m.id, st.index, r, ev))
            st.status, st.rows_affected, st.evidence = StepStatus.DONE, r, ev
        self.store.steps_done(done)
        self.audit(
            "dsr.step.done",
            target,
            step=first.kind.value,
            table=first.target,
            rows=sum(v for v in rows.values() if v is not None),
            **extra,
        )
        if self.progress:
            self.progress(ids, first, len(group[0][0].steps))
        crash_point(f"step{first.index}.done")

    def _act(
        self, group: list[tuple[Member, StepRecord]]
    ) -> tuple[dict[str, int | None], dict[str, dict[str, Any]]]:
        kind = group[0][1].kind
        if kind in (StepKind.DELETE, StepKind.ANONYMIZE):
            return self._erase_table(group)
        if kind is StepKind.SHRED:
            rows: dict[str, int | None] = {}
            ev: dict[str, dict[str, Any]] = {}
            for m, _ in group:
                ev[m.id] = keyring.shred_subject(self.settings, m.request.pseudonym)
                rows[m.id] = None
            return rows, ev
        if kind is StepKind.VERIFY:
            from privacy.dsr.verify import verify_erasure_group, verify_export

            members = [m for m, _ in group]
            if members[0].request.kind is RequestKind.ERASE:
                ev = verify_erasure_group(self, members)
            else:
                ev = {m.id: verify_export(self, m) for m in members}
            return dict.fromkeys(ev), ev
        from privacy.dsr.export import export_step, manifest_step

        rows, ev = {}, {}
        for m, st in group:
            try:
                if kind is StepKind.EXPORT:
                    rows[m.id], ev[m.id] = export_step(self, m, st.target)
                else:
                    rows[m.id], ev[m.id] = manifest_step(self, m)
            except OSError as e:  # a full disk or a folder taken away: fixable, then resume
                raise RetryableError(
                    f"writing the export to {m.request.out_dir} failed ({e.strerror})",
                    hint=f"free space or fix the folder, then `privacy requests resume {m.id}`",
                ) from None
        return rows, ev

    def _erase_table(
        self, group: list[tuple[Member, StepRecord]]
    ) -> tuple[dict[str, int | None], dict[str, dict[str, Any]]]:
        m0, st0 = group[0]
        assert m0.request.plan is not None
        node = m0.request.plan.node(st0.target)
        src = self.ws.source(node.source)
        if not isinstance(src, SupportsErase):
            raise RequestError(
                f"{node.name}: the source cannot delete or change rows",
                hint="erase this table by hand, or configure a source URL with write access",
            )
        # every path to the table (identifier, relations) in one statement per batch of
        # values, the selectors OR'd: a row reached twice is still changed once
        matches, sels = selector_matches(
            node,
            m0.request.subject_kind,
            lambda sel: _union(selector_values(sel, m.subject, m.keys) for m, _ in group),
        )
        used = [sel.label for sel in sels]
        total = files = statements = 0
        purged = True
        if matches:
            try:
                if node.action == "anonymize":
                    res = src.anonymize_matches(node.table, matches, node.replacements)
                else:
                    res = src.delete_matches(node.table, matches)
            except StillReferencedError as e:
                raise e.for_request(" ".join(m.id for m, _ in group)) from None
            total = int(res.rows)
            files = res.files_rewritten
            statements = res.statements or 1  # a lake rewrite counts as one
            purged = res.purged
        self.statements += statements
        evidence: dict[str, Any] = {
            "table": node.name,
            "action": node.action,
            "reason": node.reason,
            "selectors": used,
            "rows": total,
            "statements": statements,
        }
        if node.lake:
            evidence["files_rewritten"] = files
            evidence["purged"] = purged
        if node.action == "anonymize":
            evidence["columns"] = sorted(node.replacements)
        if len(group) == 1:
            return {m0.id: total}, {m0.id: evidence}
        # a group statement's rows cannot be split per request: each keeps its planned count
        evidence["group_rows"] = total
        return (
            {m.id: st.rows_planned for m, st in group},
            {m.id: {**evidence, "rows": st.rows_planned} for m, st in group},
        )

    # --- finishing ---------------------------------------------------------------------

    def _finish(self, members: Sequence[Member]) -> None:
        todo = [m for m in members if m.request.state is not RequestState.DONE]
        for m in todo:
            verify = next(s for s in m.steps if s.kind is StepKind.VERIFY)
            if not verify.evidence.get("ok"):
                raise VerificationError(
                    f"request {m.id}: verification found the subject's data still present",
                    hint="see `privacy requests show ID` for the tables; fix and "
                    "`privacy requests resume ID`",
                )
        crash_point("verified")
        done_at = datetime.now(UTC)
        outcomes = {}
        for m in todo:
            plan = m.request.plan
            assert plan is not None
            if plan.total_rows == 0:
                outcomes[m.id] = Outcome.NO_DATA_FOUND
            elif m.request.kind is RequestKind.ERASE:
                outcomes[m.id] = Outcome.ERASED
            else:
                outcomes[m.id] = Outcome.EXPORTED
            verify = next(s for s in m.steps if s.kind is StepKind.VERIFY)
            self.audit(
                "dsr.verified",
                m.id,
                subject=m.request.pseudonym,
                checks=verify.evidence.get("checks", []),
            )
        self.store.transition_many(
            [
                (
                    m.id,
                    {
                        "outcome": outcomes[m.id].value,
                        "completed_at": done_at,
                        "sealed_subject": None,
                        "sealed_keys": None,
                    },
                )
                for m in todo
            ],
            RequestState.DONE,
        )
        for m in todo:
            req = m.request
            req.state, req.outcome, req.completed_at = (
                RequestState.DONE,
                outcomes[m.id].value,
                done_at,
            )
            due = req.effective_due
            self.audit(
                "dsr.completed",
                m.id,
                result=outcomes[m.id].value,
                kind=req.kind.value,
                subject=req.pseudonym,
                completed_at=done_at.isoformat(),
                due_at=due.isoformat(),
                on_time=done_at.date() <= due,
                outcome=outcomes[m.id].value,
            )


def _step_rank(members: Sequence[Member]) -> Callable[[tuple[StepKind, str]], tuple[int, int]]:
    # all plans of a group share one table order (parents first): erasure runs it backwards
    plan = members[0].request.plan
    names = [t.name for t in plan.tables] if plan else []
    tail = {StepKind.SHRED: 1, StepKind.MANIFEST: 1, StepKind.VERIFY: 2}

    def rank(k: tuple[StepKind, str]) -> tuple[int, int]:
        pos = names.index(k[1]) if k[1] in names else 0
        return (tail.get(k[0], 0), -pos if k[0] in (StepKind.DELETE, StepKind.ANONYMIZE) else pos)

    return rank


def _new_tables(m: Member, fresh: Plan) -> list[str]:
    """Tables in which the fresh walk finds the subject's rows but the journal has no step."""
    stepped = {st.target for st in m.steps}
    return [t.name for t in fresh.tables if t.rows and t.name not in stepped]


def _union(lists: Any) -> list[Any]:
    seen: dict[str, Any] = {}
    for values in lists:
        for v in values:
            seen.setdefault(repr(v), v)
    return list(seen.values())


def new_request_id() -> str:
    return "dsr-" + uuid.uuid4().hex[:10]


__all__ = ["Executor", "Member", "boundaries", "crash_point", "new_request_id", "steps_for"]
_ = TableNode  # re-exported type used by callers of Member.request.plan
