"""The guard's demo step: a rejected load that writes nothing, then a protected load."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from rich.console import Console

from policies.hooks_adapter import activate
from policies.loader import default_policy
from privacy.config import Settings
from privacy.crypto import is_ciphertext
from privacy.hooks import core as guard_module
from privacy.hooks import state as hook_state
from privacy.hooks import use_protector
from privacy.hooks.demo import demo_step


@pytest.fixture(autouse=True)
def _isolated() -> Iterator[None]:
    previous = use_protector(None)
    yield
    use_protector(previous)
    hook_state.close_all()
    guard_module._verdicts.clear()


def test_demo_step(settings: Settings, tmp_path: Path) -> None:
    console = Console(record=True, width=120)
    protector = activate(settings, policy=default_policy())
    r = demo_step(settings, tmp_path / "lake", protector=protector, console=console, rows=60)
    assert r.learned == ["card_number (CREDIT_CARD)"]
    assert [(f.column, f.entity) for f in r.rejected] == [("buyer_email", "EMAIL_ADDRESS")]
    assert r.files_before_rejection == r.files_after_rejection
    assert len(r.files_after_rejection) == 1
    assert r.passed_file is not None and r.passed_rows == 60 and r.protected
    table = pq.read_table(r.passed_file)
    assert all(is_ciphertext(c) for c in table.column("card_number").to_pylist())
    text = console.export_text()
    assert "rejected" in text and "buyer_email" in text and "unchanged" in text
    assert "@example.com" not in text
