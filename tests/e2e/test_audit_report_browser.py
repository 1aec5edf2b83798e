"""The HTML report in a real browser (headless Chromium): it renders offline, its sections and
charts are in the DOM with the right numbers, and a screenshot is kept as a test artifact
(``test-artifacts/audit-report.png``)."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from audit import Event, load_or_create_signer, open_log

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PRIVACY = [sys.executable, "-c", "from cli.app import main; main()"]
SUBJ = "subj_" + "5e" * 12


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    msg = "headless Chromium is not installed (scripts/services.sh installs Debian's chromium)"
    if os.environ.get("PRIVACY_REQUIRE_SERVICES") == "1":
        pytest.fail(msg + " -- PRIVACY_REQUIRE_SERVICES=1 makes this a failure")
    pytest.skip(msg)


def _events() -> list[Event]:
    def ev(day: date, action: str, target: str, outcome: str = "ok", **d: object) -> Event:
        return Event(
            action, target, outcome=outcome, details=d, actor="dpo", time=f"{day}T09:30:00Z"
        )

    start = date(2024, 4, 1)
    out = [
        ev(start, "scan.completed", "warehouse", tables=6, columns=48, pii_columns=9,
           failed_tables=[]),
    ]  # fmt: skip
    columns = [
        ("warehouse.customers.email", "EMAIL_ADDRESS", "contact"),
        ("warehouse.customers.phone", "PHONE_NUMBER", "contact"),
        ("warehouse.customers.street", "STREET_ADDRESS", "contact"),
        ("warehouse.payments.iban", "IBAN_CODE", "financial"),
        ("warehouse.payments.card", "CREDIT_CARD", "financial"),
        ("warehouse.customers.ssn", "US_SSN", "government_id"),
        ("lake.events.ip", "IP_ADDRESS", "identifier"),
        ("lake.events.user_id", "USER_ID", "identifier"),
    ]
    for i, (col, entity, cat) in enumerate(columns):
        action = "tag.proposed" if i == 7 else "tag.confirmed"
        out.append(ev(start, action, col, entity=entity, category=cat, confidence=0.9))
    for k in range(14):
        day = start + timedelta(days=3 * k + 1)
        rid = f"dsr-{k:02d}aa00bb11"
        kind = "export" if k % 4 == 0 else "erase"
        due = day + timedelta(days=30)
        out.append(
            ev(day, "dsr.received", rid, kind=kind, regime="gdpr", subject=SUBJ,
               received_at=str(day), due_at=str(due))
        )  # fmt: skip
        if k < 11:
            took = [5, 12, 21, 28, 9, 35, 14, 3, 18, 26, 40][k]
            done = day + timedelta(days=took)
            out.append(ev(done, "dsr.step.done", rid, step=0, table="customers", rows=1))
            out.append(
                ev(done, "dsr.completed", rid, kind=kind, completed_at=f"{done}T12:00:00Z",
                   due_at=str(due), on_time=done <= due,
                   outcome="erased" if kind == "erase" else "exported")
            )  # fmt: skip
            if kind == "erase":
                out.append(ev(done, "key.shredded", SUBJ, subject=SUBJ))
    for k in range(5):
        day = start + timedelta(days=7 * k + 2)
        out.append(
            ev(day, "hook.rejected", "lake.signups", "rejected",
               columns=[{"table": "signups", "column": "contact", "entity": "EMAIL_ADDRESS"}],
               rows=100 + k)
        )  # fmt: skip
        out.append(
            ev(day, "policy.decision", "warehouse.customers", role="analyst", policy_version="2",
               effects={"email": "mask", "ssn": "deny", "id": "allow"})
        )  # fmt: skip
    return out


def test_the_html_report_renders_in_chromium_with_its_charts(tmp_path: Path) -> None:
    browser = _chromium()
    home = tmp_path / ".privacy"
    signer = load_or_create_signer(home / "keys" / "audit-signing.key")
    log = open_log(home / "audit", signer=signer)
    log.append_many(_events())
    log.close()

    html = tmp_path / "report.html"
    env = dict(os.environ, PRIVACY_HOME=str(home))
    env.pop("PRIVACY_CONFIG", None)
    r = subprocess.run(
        [*PRIVACY, "audit", "report", "--from", "2024-04-01", "--to", "2024-06-30",
         "--format", "html", "--output", str(html)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr

    base = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'chromium'}",
    ]
    url = html.as_uri()
    dom = subprocess.run(
        [*base, "--dump-dom", url], capture_output=True, text=True, timeout=120
    ).stdout
    for ident in ("summary", "integrity", "inventory", "ingestion", "access", "requests", "keys"):
        assert f'id="{ident}"' in dom, ident
    for chart in ("chart-per-week", "chart-deadlines", "chart-categories"):
        assert f'<svg id="{chart}"' in dom, chart
    assert dom.count('class="bar bar-late"') == 2  # 35 and 40 days against 30
    assert dom.count('class="bar bar-overdue"') == 3  # received mid-May, still open at June's end
    assert "audit log verified" in dom
    assert "dsr-10aa00bb11: 40 days, deadline 30 days (late)" in dom
    assert "warehouse.payments" in dom or "payments" in dom

    shot = tmp_path / "report.png"
    subprocess.run(
        [*base, f"--screenshot={shot}", "--window-size=1280,3400", url],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1280, 3400)
    assert len(png) > 60_000  # text, tables and charts, not a blank page
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(shot, ARTIFACTS / "audit-report.png")
    shutil.copy(html, ARTIFACTS / "audit-report.html")
