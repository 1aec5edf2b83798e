"""The demo step on the generated warehouse: a policy, an encrypted column, two roles."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from rich.console import Console

from policies.active import active_policy
from policies.demo import demo_step
from privacy.config import Settings
from privacy.crypto import is_ciphertext
from privacy.demodata import generate


def test_demo_step(settings: Settings, tmp_path: Path) -> None:
    data = generate(tmp_path / "demo", customers=20)
    buf = io.StringIO()
    result = demo_step(
        settings, data.warehouse_url, tmp_path / "demo", console=Console(file=buf, width=200)
    )
    assert active_policy(settings).version == result.policy_version
    assert result.policy_file.exists()
    con = sqlite3.connect(data.warehouse_path)
    cards = [r[0] for r in con.execute("SELECT card_number FROM payments")]
    con.close()
    assert cards and all(is_ciphertext(c) for c in cards)
    assert result.encrypted_rows == len(cards)

    analyst = result.views["analyst"]
    support = result.views["support"]
    assert "card_number" not in analyst["payments"][0]  # denied: withheld
    assert support["payments"][0]["card_number"].startswith("************")  # decrypted, masked
    assert analyst["customers"][0]["email"] == "a***********@example.com"  # alice.martin@...
    assert support["customers"][0]["email"] == "alice.martin@example.com"
    assert result.invoices_decision == "anonymize"
    assert result.decider is not None
    text = buf.getvalue()
    assert "payments as support" in text and "anonymize" in text
    # running the demo again does not encrypt twice
    again = demo_step(
        settings, data.warehouse_url, tmp_path / "demo", console=Console(file=io.StringIO())
    )
    assert (
        again.views["support"]["payments"][0]["card_number"]
        == (support["payments"][0]["card_number"])
    )
