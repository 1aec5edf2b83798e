"""`privacy audit log|verify|checkpoint|key|report`, run as a user runs them (a process each)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PRIVACY = [sys.executable, "-c", "from cli.app import main; main()"]

SEED = """
import sys
from privacy import auditing
from privacy.config import load_settings
s = load_settings()
n = int(sys.argv[1])
for i in range(n):
    auditing.record(s, "scan.completed", f"source{i}", details={"tables": i, "columns": 3 * i,
                    "pii_columns": 1, "failed_tables": []})
auditing.record(s, "dsr.received", "dsr-0123456789", details={"kind": "erase", "regime": "gdpr",
                "subject": "subj_" + "ab" * 12, "received_at": "2024-05-02",
                "due_at": "2024-06-01"})
auditing.record(s, "dsr.completed", "dsr-0123456789", details={"kind": "erase",
                "completed_at": "2024-05-09T12:00:00Z", "due_at": "2024-06-01", "on_time": True,
                "outcome": "erased"})
"""


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        PRIVACY_HOME=str(root / ".privacy"),
        PRIVACY_MASTER_KEY="test-master-key-0123456789abcdef",
        PRIVACY_ACTOR="e2e",
        COLUMNS="200",
    )
    env.pop("PRIVACY_CONFIG", None)
    return subprocess.run(
        [*PRIVACY, *args], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )


def seed(root: Path, n: int = 5) -> None:
    env = dict(os.environ)
    env.update(PRIVACY_HOME=str(root / ".privacy"), PRIVACY_ACTOR="e2e")
    env["PRIVACY_MASTER_KEY"] = "test-master-key-0123456789abcdef"
    r = subprocess.run(
        [sys.executable, "-c", SEED, str(n)], cwd=root, env=env, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr


def test_a_log_written_by_other_processes_verifies_and_lists(tmp_path: Path) -> None:
    seed(tmp_path)
    r = run(tmp_path, "audit", "verify")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "OK audit log verified: 7 entries" in r.stdout  # signed when the writer exited
    r = run(tmp_path, "audit", "log", "--action", "dsr", "--format", "json")
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    assert [e["action"] for e in events] == ["dsr.received", "dsr.completed"]
    assert events[0]["actor"] == "e2e"
    r = run(tmp_path, "audit", "log", "--since", "1d", "--limit", "3")
    assert r.returncode == 0 and "last 3 of 7" in r.stdout and "dsr.completed" in r.stdout
    r = run(tmp_path, "audit", "log", "--since", "yesterday-ish")
    assert r.returncode == 2 and "age like 7d" in r.stderr


def test_tampering_fails_verification_and_says_where(tmp_path: Path) -> None:
    seed(tmp_path)
    seg = tmp_path / ".privacy" / "audit" / "segments" / f"{0:020d}.log"
    data = bytearray(seg.read_bytes())
    data[data.index(b'"tables":3') + 9] = ord("4")
    seg.write_bytes(bytes(data))
    r = run(tmp_path, "audit", "verify")
    assert r.returncode == 1
    assert "FAILED" in r.stdout
    assert "checkpoints/00000000000000000007.note" in r.stderr
    assert "do not hash to the signed root" in r.stderr
    assert "entries 0..6" in r.stderr  # narrowed to the checkpoint interval


def test_an_exported_checkpoint_catches_a_rollback(tmp_path: Path) -> None:
    seed(tmp_path, 2)
    backup = tmp_path / "backup"
    shutil.copytree(tmp_path / ".privacy" / "audit", backup)
    seed(tmp_path, 3)
    export = tmp_path / "officer" / "cp.note"
    r = run(tmp_path, "audit", "checkpoint", "--export", str(export))
    assert r.returncode == 0, r.stderr
    assert "checkpoint of 9 entries" in r.stdout
    vkey = run(tmp_path, "audit", "key").stdout.strip()
    assert vkey.startswith("privacy-audit+") and vkey in r.stdout
    assert export.read_text().splitlines()[1] == "9"
    seed(tmp_path, 1)  # the log goes on growing after the export
    r = run(tmp_path, "audit", "verify", "--against", str(export), "--key", vkey)
    assert r.returncode == 0, r.stderr
    assert "holds (consistency proof" in r.stdout
    shutil.rmtree(tmp_path / ".privacy" / "audit")
    shutil.copytree(backup, tmp_path / ".privacy" / "audit")
    r = run(tmp_path, "audit", "verify", "--against", str(export), "--key", vkey)
    assert r.returncode == 1
    assert "exported checkpoint: signs 9 entries but the log holds only 4" in r.stderr
    assert "truncated or rolled back" in r.stderr


def test_report_formats(tmp_path: Path) -> None:
    seed(tmp_path)
    for fmt in ("json", "md", "html"):
        out = tmp_path / f"report.{fmt}"
        r = run(
            tmp_path,
            "audit",
            "report",
            "--from",
            "2024-05-01",
            "--to",
            "2024-05-31",
            "--format",
            fmt,
            "--output",
            str(out),
        )
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 500
    data = json.loads((tmp_path / "report.json").read_text())
    assert data["requests"]["items"][0]["on_time"] is True
    assert data["verification"]["ok"] is True
    r = run(tmp_path, "audit", "report", "--from", "2024-06-01", "--to", "2024-05-01")
    assert r.returncode == 2 and "before --from" in r.stderr


def test_commands_on_a_missing_log_say_what_to_do(tmp_path: Path) -> None:
    r = run(tmp_path, "audit", "verify")
    assert r.returncode == 1
    assert "no audit log" in r.stderr and "hint" in r.stderr


@pytest.mark.parametrize("cmd", [["audit", "--help"], ["audit", "report", "--help"]])
def test_help(tmp_path: Path, cmd: list[str]) -> None:
    r = run(tmp_path, *cmd)
    assert r.returncode == 0 and "Usage" in r.stdout
