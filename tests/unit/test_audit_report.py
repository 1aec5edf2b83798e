"""The compliance report, computed from events: what it counts, and how it renders."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from audit import Event, Signer, open_log
from audit.render import render
from audit.report import build_report

SUBJ = "subj_" + "1f" * 12
START, END = date(2024, 5, 1), date(2024, 6, 30)


def ev(time: str, action: str, target: str, outcome: str = "ok", **details: object) -> Event:
    return Event(action, target, outcome=outcome, details=details, actor="ops", time=time + "Z")


EVENTS = [
    # inventory: a state, so events before the period count
    ev("2024-04-01T09:00:00", "tag.proposed", "wh.customers.email", entity="EMAIL_ADDRESS",
       category="contact", confidence=0.97),
    ev("2024-04-02T09:00:00", "tag.confirmed", "wh.customers.email", confidence=0.97),
    ev("2024-05-03T09:00:00", "tag.set", "wh.customers.iban", entity="IBAN_CODE",
       category="financial"),
    ev("2024-05-03T09:00:00", "tag.proposed", "lake.events.ip", entity="IP_ADDRESS",
       category="identifier", confidence=0.8),
    ev("2024-05-04T09:00:00", "tag.confirmed", "wh.orders.amount", entity=None, category=None),
    ev("2024-05-04T09:00:00", "tag.confirmed", "wh.customers.phone", entity="PHONE_NUMBER",
       category="contact"),
    ev("2024-05-05T09:00:00", "tag.rejected", "wh.customers.phone", entity="PHONE_NUMBER"),
    ev("2024-07-05T09:00:00", "tag.confirmed", "wh.late.col", entity="EMAIL_ADDRESS",
       category="contact"),  # after the period: not in this report
    ev("2024-05-02T08:00:00", "scan.completed", "wh", tables=4, columns=30, pii_columns=3,
       failed_tables=["broken"]),
    ev("2024-05-06T08:00:00", "hook.rejected", "lake.signups", "rejected",
       columns=[{"table": "signups", "column": "mail", "entity": "EMAIL_ADDRESS"}], rows=120),
    ev("2024-05-06T08:05:00", "hook.passed", "lake.signups", rows=120),
    ev("2024-04-06T08:00:00", "hook.rejected", "lake.old", "rejected", columns=[], rows=1),
    ev("2024-05-07T10:00:00", "policy.decision", "wh.customers", role="analyst",
       policy_version="3", effects={"email": "mask", "iban": "deny", "id": "allow"}),
    ev("2024-05-07T10:01:00", "policy.decision", "wh.customers", "denied", role="analyst",
       policy_version="4", columns={"iban": "deny", "email": "mask:email"}),
    ev("2024-05-07T10:02:00", "policy.decision", "wh.customers", role="dpo",
       policy_version="4", effects={"iban": "allow"}),
    ev("2024-05-07T09:00:00", "policy.applied", "warehouse", policy_version="4"),
    # requests
    ev("2024-05-02T10:00:00", "dsr.received", "dsr-aaaa000001", kind="erase", regime="gdpr",
       subject=SUBJ, received_at="2024-05-02", due_at="2024-06-01"),
    ev("2024-05-03T10:00:00", "dsr.step.done", "dsr-aaaa000001", step=0, table="c", rows=1),
    ev("2024-05-10T10:00:00", "dsr.completed", "dsr-aaaa000001", kind="erase",
       completed_at="2024-05-10T10:00:00Z", due_at="2024-06-01", on_time=True,
       outcome="erased"),
    ev("2024-04-01T10:00:00", "dsr.received", "dsr-bbbb000002", kind="export", regime="gdpr",
       subject=SUBJ, received_at="2024-04-01", due_at="2024-05-01"),
    ev("2024-04-20T10:00:00", "dsr.extended", "dsr-bbbb000002", until="2024-06-30",
       reason="complex"),
    ev("2024-06-15T10:00:00", "dsr.completed", "dsr-bbbb000002", kind="export",
       completed_at="2024-06-15T10:00:00Z", due_at="2024-06-30", on_time=True,
       outcome="exported"),
    ev("2024-05-20T10:00:00", "dsr.received", "dsr-cccc000003", kind="erase", regime="gdpr",
       subject=SUBJ, received_at="2024-05-20", due_at="2024-06-19"),
    ev("2024-02-01T10:00:00", "dsr.received", "dsr-dddd000004", kind="erase", regime="gdpr",
       subject=SUBJ, received_at="2024-02-01", due_at="2024-03-01"),
    ev("2024-02-20T10:00:00", "dsr.completed", "dsr-dddd000004", kind="erase",
       completed_at="2024-02-20T10:00:00Z", due_at="2024-03-01", on_time=True,
       outcome="erased"),
    ev("2024-05-21T10:00:00", "dsr.received", "dsr-eeee000005", kind="erase", regime="pipa",
       subject=SUBJ, received_at="2024-05-21", due_at="2024-05-31"),
    ev("2024-06-04T10:00:00", "dsr.completed", "dsr-eeee000005", kind="erase",
       completed_at="2024-06-04T10:00:00Z", due_at="2024-05-31", on_time=False,
       outcome="erased"),
    ev("2024-05-10T10:00:01", "key.shredded", SUBJ, subject=SUBJ),
    ev("2024-05-10T10:00:02", "key.rotated", "master"),
]  # fmt: skip


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    signer = Signer.generate("privacy-audit")
    log = open_log(tmp_path_factory.mktemp("r") / "audit", signer=signer)
    log.append_many(EVENTS)
    log.close()
    return build_report(log.records(), START, END, log.verify(signer.verifier))


def test_inventory_is_the_latest_state_per_column_at_the_period_end(report: dict) -> None:
    inv = report["inventory"]
    cats = {c["category"]: c for c in inv["categories"]}
    assert set(cats) == {"contact", "financial", "identifier"}
    assert [c["name"] for c in cats["contact"]["columns"]] == ["wh.customers.email"]
    assert cats["contact"]["columns"][0]["status"] == "confirmed"
    assert cats["contact"]["columns"][0]["entity"] == "EMAIL_ADDRESS"  # kept from the proposal
    assert cats["identifier"]["columns"][0]["status"] == "proposed"
    assert (inv["pii_columns"], inv["pii_tables"], inv["proposed"], inv["not_pii"]) == (2, 1, 1, 2)
    assert report["inventory"]["scans"][0]["failed_tables"] == ["broken"]


def test_ingestion_and_access_cover_the_period_only(report: dict) -> None:
    ing = report["ingestion"]
    assert (ing["rejected"], ing["passed"]) == (1, 1)
    assert ing["rejections"][0]["columns"][0]["entity"] == "EMAIL_ADDRESS"
    acc = report["access"]
    assert (acc["decisions"], acc["denied"]) == (3, 1)
    by = {(d["role"], d["dataset"]): d for d in acc["by_role"]}
    assert by[("analyst", "wh.customers")]["count"] == 2
    assert by[("analyst", "wh.customers")]["policy_versions"] == ["3", "4"]
    assert acc["effect_totals"] == {"allow": 2, "deny": 2, "mask": 2}
    assert acc["policy_events"][0]["action"] == "policy.applied"


def test_requests_due_dates_completion_and_timeliness(report: dict) -> None:
    items = {i["id"]: i for i in report["requests"]["items"]}
    assert set(items) == {"dsr-aaaa000001", "dsr-bbbb000002", "dsr-cccc000003", "dsr-eeee000005"}
    a = items["dsr-aaaa000001"]
    assert (a["days_taken"], a["days_allowed"], a["on_time"], a["state"]) == (
        8,
        30,
        True,
        "completed",
    )
    b = items["dsr-bbbb000002"]
    assert (b["deadline"], b["extended_until"], b["on_time"]) == ("2024-06-30", "2024-06-30", True)
    c = items["dsr-cccc000003"]
    assert (c["state"], c["on_time"], c["days_open"]) == ("overdue", False, 41)
    e = items["dsr-eeee000005"]
    assert (e["on_time"], e["days_taken"], e["days_allowed"]) == (False, 14, 10)
    s = report["requests"]["summary"]
    assert (s["received"], s["completed"], s["on_time"], s["late"], s["overdue"]) == (3, 3, 2, 1, 1)
    weeks = {w["week"]: w for w in report["requests"]["per_week"]}
    assert weeks["2024-W18"]["erase"] == 1 and weeks["2024-W21"]["erase"] == 2
    assert sum(w["erase"] + w["export"] for w in weeks.values()) == 3


def test_key_shreds_and_the_log_check(report: dict) -> None:
    assert report["keys"]["shreds"][0]["subject"] == SUBJ
    assert report["keys"]["rotated"] == 1
    assert report["verification"]["ok"] is True
    assert report["summary"]["log_verified"] is True


def test_json_and_markdown(report: dict) -> None:
    assert json.loads(render(report, "json")) == report
    md = render(report, "md")
    for heading in ("Integrity", "Inventory", "Ingestion", "Access", "Data-subject", "Key shreds"):
        assert heading in md
    assert "| `dsr-cccc000003` | erase | gdpr | 2024-05-20 | 2024-06-19 |" in md


def test_html_stands_alone_and_draws_its_charts(report: dict, tmp_path: Path) -> None:
    html = render(report, "html")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["'](https?:)?//""", html)
    assert "<script" not in html and "@import" not in html and "url(" not in html
    for chart in ("chart-per-week", "chart-deadlines", "chart-categories"):
        assert f'<svg id="{chart}"' in html
    assert html.count('class="bar bar-late"') == 1 and html.count('class="bar bar-on-time"') == 2
    assert 'class="bar bar-overdue"' in html
    assert "dsr-eeee000005: 14 days, deadline 10 days (late)" in html
    for section in ("integrity", "inventory", "ingestion", "access", "requests", "keys"):
        assert f'<section id="{section}">' in html


def test_text_from_events_is_escaped_in_html(tmp_path: Path) -> None:
    signer = Signer.generate("privacy-audit")
    log = open_log(tmp_path / "audit", signer=signer)
    log.append(ev("2024-05-02T10:00:00", "scan.completed", "<script>alert(1)</script>"))
    html = render(build_report(log.records(), START, END, None), "html")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html
