"""`privacy demo` runs the whole flow on the embedded default and leaves evidence of each step:
tags in the catalog, an encrypted column, a rejected load that wrote nothing, the erased subject
gone from warehouse and lake (old Delta versions included), an export, and a verified log."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

pytestmark = pytest.mark.slow

ALICE = "alice.martin@example.com"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    root = tmp_path_factory.mktemp("demo")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRIVACY_")}
    env["COLUMNS"] = "200"
    r = subprocess.run(
        [sys.executable, "-c", "from cli.app import main; main()", "demo", "--workdir", "d"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    return root / "d", r


def test_demo_succeeds_with_state_inside_its_folder(
    demo: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    work, r = demo
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    for p in ("privacy.toml", ".privacy/catalog.db", ".privacy/audit", ".privacy/keys"):
        assert (work / p).exists(), p


def test_scan_tagged_the_obvious_columns(
    demo: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    work, _ = demo
    con = sqlite3.connect(work / ".privacy" / "catalog.db")
    tags = {
        (s, t, c): e
        for s, t, c, e in con.execute(
            "select source, table_name, column_name, entity from catalog_tags"
        )
    }
    assert tags[("warehouse", "customers", "email")] == "EMAIL_ADDRESS"
    assert tags[("warehouse", "customers", "phone")] == "PHONE_NUMBER"
    assert tags[("warehouse", "payments", "card_number")] == "CREDIT_CARD"
    assert tags[("lake", "web_events", "ip_address")] == "IP_ADDRESS"
    for col in ("id", "total_amount", "quantity", "status"):
        assert tags[("warehouse", "orders", col)] is None, col


def test_card_numbers_are_encrypted_at_rest(
    demo: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    work, _ = demo
    con = sqlite3.connect(work / "warehouse.db")
    cards = [r[0] for r in con.execute("select card_number from payments")]
    assert cards and all(str(c).startswith("pv1:") for c in cards)


def test_rejected_load_wrote_nothing_and_the_rerun_passed(
    demo: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    work, r = demo
    assert "rejected" in r.stdout and "buyer_email" in r.stdout
    files = sorted((work / "lake" / "orders_export").glob("*.parquet"))
    assert len(files) == 2  # Monday's load and Tuesday's rerun; the rejected load left none


def test_erased_subject_is_gone_everywhere(
    demo: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    work, _ = demo
    con = sqlite3.connect(work / "warehouse.db")
    assert con.execute("select count(*) from customers where email = ?", (ALICE,)).fetchone() == (
        0,
    )
    assert con.execute("select count(*) from orders where customer_id = 1").fetchone() == (0,)
    # invoices are kept for tax law, anonymized
    assert con.execute(
        "select count(*) from invoices where billing_name = 'Alice Martin'"
    ).fetchone() == (0,)
    # no byte of the lake (Delta data, log and checkpoints, Parquet files) holds her address
    for p in (work / "lake").rglob("*"):
        if p.is_file():
            assert ALICE.encode() not in p.read_bytes(), p
    signups = (
        pq.read_table(work / "lake" / "newsletter_signups.parquet").column("email").to_pylist()
    )
    assert ALICE not in signups


def test_export_has_only_the_subjects_rows_with_checksums(
    demo: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    work, _ = demo
    out = work / "export"
    import hashlib

    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["files"], manifest
    for f in manifest["files"]:
        assert hashlib.sha256((out / f["path"]).read_bytes()).hexdigest() == f["sha256"]
    assert (out / "summary.html").exists()
    # exported decrypted: the card numbers stored as tokens come out readable
    payments = (out / "warehouse.payments.json").read_text()
    assert "pv1:" not in payments
    text = "".join(p.read_text(errors="replace") for p in out.rglob("*.json"))
    assert "bruno.schmidt@example.org" in text
    assert ALICE not in text


def test_audit_log_verifies_and_holds_no_raw_subject(
    demo: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    work, r = demo
    assert "OK audit log verified" in r.stdout
    for p in (work / ".privacy" / "audit").rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            assert ALICE.encode() not in data and b"bruno.schmidt" not in data, p
