"""`privacy demo` ends with the audit log signed and verified, a checkpoint exported and the
compliance report written; the log holds no raw e-mail address or card number."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from audit.guard import find_personal_data

pytestmark = pytest.mark.slow

PRIVACY = [sys.executable, "-c", "from cli.app import main; main()"]


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        PRIVACY_HOME=str(root / ".privacy"),
        PRIVACY_MASTER_KEY="test-master-key-0123456789abcdef",
        COLUMNS="200",
    )
    env.pop("PRIVACY_CONFIG", None)
    return subprocess.run(
        [*PRIVACY, *args], cwd=root, env=env, capture_output=True, text=True, timeout=900
    )


def test_a_fresh_demo_leaves_a_log_that_verifies(tmp_path: Path) -> None:
    work = tmp_path / "demo-data"
    r = run(tmp_path, "demo", "--workdir", str(work))
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert "OK audit log verified" in r.stdout
    html = (work / "audit-report.html").read_text()
    assert 'id="verified-badge">audit log verified' in html
    r = run(tmp_path, "audit", "verify", "--against", str(work / "audit-checkpoint.note"))
    assert r.returncode == 0, r.stderr
    # every entry of the log, screened again: nothing that looks like raw personal data
    lines = []
    for seg in sorted((tmp_path / ".privacy" / "audit" / "segments").glob("*.log")):
        lines += seg.read_text(encoding="utf-8").splitlines()
    for line in lines:
        values = re.findall(r'"((?:[^"\\]|\\.)*)"', line)
        found = [find_personal_data(v) for v in values]
        assert not any(found), (line[:200], found)
