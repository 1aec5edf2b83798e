"""The compliance report, computed from audit events only (so audit stays independent).

:func:`build_report` folds the events into a plain, JSON-able dict (the ``json`` format is
exactly that dict); :mod:`audit.render` turns it into HTML or Markdown. The event vocabulary
it reads is documented in docs/audit.md: ``scan.completed``, ``tag.*``, ``hook.*``,
``policy.*``, ``dsr.*``, ``key.*``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from audit.events import Record
from audit.verify import VerifyReport

REPORT_ACTION_PREFIXES = ("scan.", "tag.", "hook.", "policy.", "dsr.", "key.", "audit.")
_TAG_STATUS = {
    "tag.proposed": "proposed",
    "tag.confirmed": "confirmed",
    "tag.set": "confirmed",
    "tag.rejected": "rejected",
}


def _day(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _split_column(name: str) -> tuple[str, str, str]:
    parts = name.split(".")
    if len(parts) >= 3:
        return parts[0], ".".join(parts[1:-1]), parts[-1]
    if len(parts) == 2:
        return "", parts[0], parts[1]
    return "", "", name


@dataclass
class _Request:
    id: str
    kind: str = "?"
    regime: str = ""
    subject: str = ""
    received_at: date | None = None
    due_at: date | None = None
    extended_until: date | None = None
    extension_reason: str = ""
    completed_at: str | None = None
    on_time: bool | None = None
    outcome: str = ""
    failed: bool = False
    paused: bool = False
    steps_done: int = 0
    steps_failed: int = 0
    events: int = 0
    last_time: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def due(self) -> date | None:
        return self.extended_until or self.due_at


def build_report(
    records: Iterable[Record],
    start: date,
    end: date,
    verification: VerifyReport | None = None,
    *,
    generated_at: datetime | None = None,
) -> dict[str, Any]:
    """Everything a compliance officer reads for [start, end] (whole UTC days)."""
    if end < start:
        raise ValueError("the report period ends before it starts")
    lo = f"{start.isoformat()}T00:00:00"
    hi = f"{end.isoformat()}T23:59:59.999999Z"
    tags: dict[str, dict[str, Any]] = {}
    scans: dict[str, dict[str, Any]] = {}
    rejections: list[dict[str, Any]] = []
    hook_counts: Counter[str] = Counter()
    decisions: dict[tuple[str, str], dict[str, Any]] = {}
    effect_totals: Counter[str] = Counter()
    denied = 0
    n_decisions = 0
    policy_events: list[dict[str, Any]] = []
    requests: dict[str, _Request] = {}
    shreds: list[dict[str, Any]] = []
    key_counts: Counter[str] = Counter()
    in_period = 0
    actions: Counter[str] = Counter()

    for r in records:
        if r.action.startswith("dsr."):
            # requests are placed by their own dates (received_at, completed_at), which may
            # precede the event (a request that arrived by post last week)
            _fold_request(requests, r)
            continue
        if r.time > hi:
            continue  # events after the period do not change what held at its end
        within = r.time >= lo
        if within:
            in_period += 1
            actions[r.action] += 1
        a, d = r.action, r.details
        if a in _TAG_STATUS:
            # the inventory is a state: events before the period count too. A field an event
            # leaves out (a confirmation that does not repeat the category) keeps its value.
            prev = tags.get(r.target, {})
            tags[r.target] = {
                "status": _TAG_STATUS[a],
                "entity": d["entity"] if "entity" in d else prev.get("entity"),
                "category": d["category"] if "category" in d else prev.get("category"),
                "confidence": d["confidence"] if "confidence" in d else prev.get("confidence"),
                "since": r.time,
            }
        elif a == "scan.completed":
            scans[r.target] = {
                "source": r.target,
                "time": r.time,
                "tables": d.get("tables"),
                "columns": d.get("columns"),
                "pii_columns": d.get("pii_columns"),
                "failed_tables": list(d.get("failed_tables") or []),
            }
        elif a.startswith("hook.") and within:
            hook_counts[a[5:]] += 1
            if a == "hook.rejected":
                cols = [c for c in d.get("columns") or [] if isinstance(c, dict)]
                rejections.append(
                    {
                        "time": r.time,
                        "dataset": r.target,
                        "actor": r.actor,
                        "columns": [
                            {
                                "table": c.get("table"),
                                "column": c.get("column"),
                                "entity": c.get("entity"),
                            }
                            for c in cols
                        ],
                        "rows": d.get("rows"),
                    }
                )
        elif a == "policy.decision" and within:
            n_decisions += 1
            role = str(d.get("role", "?"))
            key = (role, r.target)
            agg = decisions.setdefault(
                key,
                {
                    "role": role,
                    "dataset": r.target,
                    "count": 0,
                    "policy_versions": set(),
                    "effects": Counter(),
                },
            )
            agg["count"] += 1
            if d.get("policy_version") is not None:
                agg["policy_versions"].add(str(d["policy_version"]))
            effects = d.get("effects") or d.get("columns") or {}
            if isinstance(effects, dict):
                for eff in effects.values():
                    name = eff.split(":")[0] if isinstance(eff, str) else "mask"  # mask:email
                    agg["effects"][name] += 1
                    effect_totals[name] += 1
            if r.outcome in ("denied", "deny"):
                denied += 1
        elif a.startswith("policy.") and within:
            policy_events.append(
                {
                    "time": r.time,
                    "action": a,
                    "target": r.target,
                    "outcome": r.outcome,
                    "actor": r.actor,
                    "policy_version": d.get("policy_version"),
                }
            )
        elif a.startswith("key.") and within:
            key_counts[a[4:]] += 1
            if a == "key.shredded":
                shreds.append(
                    {
                        "time": r.time,
                        "key": r.target,
                        "subject": d.get("subject") or (r.target if "subj_" in r.target else ""),
                        "actor": r.actor,
                        "outcome": r.outcome,
                    }
                )

    inventory = _inventory(tags, end)
    reqs = _requests(requests, start, end)
    by_role = sorted(decisions.values(), key=lambda x: (x["role"], x["dataset"]))
    for agg in by_role:
        agg["policy_versions"] = sorted(agg["policy_versions"])
        agg["effects"] = dict(sorted(agg["effects"].items()))
    verification_dict = verification.as_dict() if verification is not None else None
    if verification is not None and verification_dict is not None:
        verification_dict["summary"] = verification.summary()
    generated = (generated_at or datetime.now(UTC)).astimezone(UTC)
    return {
        "report": {
            "title": "Privacy compliance report",
            "period": {"from": start.isoformat(), "to": end.isoformat()},
            "generated_at": generated.strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
        "summary": {
            "events_in_period": in_period,
            "pii_columns": inventory["pii_columns"],
            "pii_tables": inventory["pii_tables"],
            "ingestion_rejections": len(rejections),
            "access_decisions": n_decisions,
            "access_denied": denied,
            "requests": reqs["summary"],
            "key_shreds": len(shreds),
            "log_verified": None if verification is None else verification.ok,
        },
        "inventory": {**inventory, "scans": sorted(scans.values(), key=lambda s: s["source"])},
        "ingestion": {
            "rejections": rejections,
            "rejected": hook_counts.get("rejected", 0),
            "passed": hook_counts.get("passed", 0),
            "learned": hook_counts.get("learned", 0),
        },
        "access": {
            "decisions": n_decisions,
            "denied": denied,
            "by_role": by_role,
            "effect_totals": dict(sorted(effect_totals.items())),
            "policy_events": policy_events,
        },
        "requests": reqs,
        "keys": {
            "shreds": shreds,
            "created": key_counts.get("created", 0),
            "rotated": key_counts.get("rotated", 0),
            "shredded": key_counts.get("shredded", 0),
        },
        "activity": dict(sorted(actions.items())),
        "verification": verification_dict,
    }


def _inventory(tags: dict[str, dict[str, Any]], end: date) -> dict[str, Any]:
    by_cat: dict[str, list[dict[str, Any]]] = defaultdict(list)
    not_pii = proposed = 0
    tables: set[tuple[str, str]] = set()
    for name, t in sorted(tags.items()):
        if t["status"] == "rejected" or not t["entity"]:
            not_pii += 1
            continue
        source, table, column = _split_column(name)
        if t["status"] == "proposed":
            proposed += 1
        else:
            tables.add((source, table))
        by_cat[str(t["category"] or "uncategorised")].append(
            {
                "name": name,
                "source": source,
                "table": table,
                "column": column,
                "entity": t["entity"],
                "status": t["status"],
                "confidence": t["confidence"],
                "since": t["since"],
            }
        )
    categories = []
    for cat in sorted(by_cat):
        cols = by_cat[cat]
        confirmed = [c for c in cols if c["status"] == "confirmed"]
        categories.append(
            {
                "category": cat,
                "columns": cols,
                "confirmed": len(confirmed),
                "proposed": len(cols) - len(confirmed),
                "tables": sorted({f"{c['source']}.{c['table']}".strip(".") for c in cols}),
            }
        )
    return {
        "as_of": end.isoformat(),
        "categories": categories,
        "pii_columns": sum(c["confirmed"] for c in categories),
        "pii_tables": len(tables),
        "proposed": proposed,
        "not_pii": not_pii,
    }


def _fold_request(requests: dict[str, _Request], r: Record) -> None:
    req = requests.setdefault(r.target, _Request(r.target))
    d = r.details
    req.events += 1
    req.last_time = r.time
    a = r.action
    if a == "dsr.received":
        req.kind = str(d.get("kind", req.kind))
        req.regime = str(d.get("regime", ""))
        req.subject = str(d.get("subject", ""))
        req.received_at = _day(d.get("received_at")) or _day(r.time)
        req.due_at = _day(d.get("due_at"))
    elif a == "dsr.extended":
        req.extended_until = _day(d.get("until")) or req.extended_until
        req.extension_reason = str(d.get("reason", ""))
    elif a == "dsr.step.done":
        req.steps_done += 1
    elif a == "dsr.step.failed":
        req.steps_failed += 1
    elif a == "dsr.paused":
        req.paused = True
    elif a == "dsr.resumed":
        req.paused = False
    elif a == "dsr.failed":
        req.failed = True
    elif a == "dsr.completed":
        req.completed_at = str(d.get("completed_at") or r.time)
        req.kind = str(d.get("kind", req.kind))
        final = _day(d.get("due_at"))  # the due date in force at completion
        if req.due_at is None:
            req.due_at = final
        elif final and final > req.due_at and req.extended_until is None:
            req.extended_until = final
        on_time = d.get("on_time")
        req.on_time = on_time if isinstance(on_time, bool) else None
        req.outcome = str(d.get("outcome", ""))
        req.failed = False


def _requests(requests: dict[str, _Request], start: date, end: date) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    for req in requests.values():
        received = req.received_at
        if received is None or received > end:
            continue
        done = _day(req.completed_at)
        if done is not None and done < start:
            continue  # finished before the period: not this report's business
        if done is not None and done > end:
            done = None  # finished after the period: still open at its end
        due = req.due()
        if done is not None:
            state = "completed"
            on_time = req.on_time if req.on_time is not None else (due is None or done <= due)
        elif req.failed and req.completed_at is None:
            state, on_time = "failed", None
        else:
            state = "overdue" if due is not None and end > due else "open"
            on_time = False if state == "overdue" else None
        days_taken = (done - received).days if done else None
        items.append(
            {
                "id": req.id,
                "kind": req.kind,
                "regime": req.regime,
                "subject": req.subject,
                "received_at": received.isoformat(),
                "due_at": req.due_at.isoformat() if req.due_at else None,
                "extended_until": req.extended_until.isoformat() if req.extended_until else None,
                "extension_reason": req.extension_reason,
                "deadline": due.isoformat() if due else None,
                "completed_at": req.completed_at if done else None,
                "days_taken": days_taken,
                "days_open": (end - received).days if done is None else None,
                "days_allowed": (due - received).days if due else None,
                "on_time": on_time,
                "outcome": req.outcome,
                "state": "paused" if state == "open" and req.paused else state,
                "steps_done": req.steps_done,
                "steps_failed": req.steps_failed,
            }
        )
    items.sort(key=lambda x: (x["received_at"], x["id"]))
    lo, hi = start.isoformat(), end.isoformat()
    received_in = [i for i in items if lo <= str(i["received_at"]) <= hi]
    completed = [i for i in items if i["state"] == "completed"]
    summary = {
        "received": len(received_in),
        "completed": len(completed),
        "on_time": sum(1 for i in completed if i["on_time"]),
        "late": sum(1 for i in completed if i["on_time"] is False),
        "open": sum(1 for i in items if i["state"] in ("open", "paused")),
        "overdue": sum(1 for i in items if i["state"] == "overdue"),
        "failed": sum(1 for i in items if i["state"] == "failed"),
        "erase": sum(1 for i in received_in if i["kind"] == "erase"),
        "export": sum(1 for i in received_in if i["kind"] == "export"),
    }
    return {"items": items, "summary": summary, "per_week": _per_week(received_in, start, end)}


def _per_week(items: list[dict[str, Any]], start: date, end: date) -> list[dict[str, Any]]:
    monday = start - timedelta(days=start.weekday())
    weeks: dict[date, dict[str, Any]] = {}
    d = monday
    while d <= end:
        iso = d.isocalendar()
        weeks[d] = {
            "week": f"{iso[0]}-W{iso[1]:02d}",
            "start": d.isoformat(),
            "erase": 0,
            "export": 0,
            "other": 0,
        }
        d += timedelta(days=7)
    for i in items:
        day = date.fromisoformat(i["received_at"])
        w = weeks.get(day - timedelta(days=day.weekday()))
        if w is not None:
            w[
                "erase" if i["kind"] == "erase" else "export" if i["kind"] == "export" else "other"
            ] += 1
    return list(weeks.values())
