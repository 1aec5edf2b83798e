"""What passes the guard is protected as the policy says: the real policy engine registered
through ``policies.hooks_adapter``, the real key store, on every batch shape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from policies.hooks_adapter import activate, deactivate
from policies.loader import default_policy
from privacy.catalog import Catalog
from privacy.config import Settings
from privacy.crypto import is_ciphertext
from privacy.hooks import ProtectorMissingError, guard, use_protector, write_parquet
from privacy.hooks import core as guard_module
from privacy.hooks import state as hook_state
from privacy.sources.base import ColumnRef

SOURCE, TABLE = "lake", "payments"
DATASET = f"{SOURCE}.{TABLE}"


def _luhn(prefix: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(prefix)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return prefix + str((10 - total % 10) % 10)


N = 30
CARDS = [_luhn(f"411111111111{i:03d}") for i in range(N)]
EMAILS = [f"payer.{i}@example.com" for i in range(N)]
COLS: dict[str, list[Any]] = {
    "id": list(range(N)),
    "email": EMAILS,
    "card": CARDS,
    "amount": [float(i) for i in range(N)],
}


def make(shape: str) -> Any:
    if shape == "pandas":
        return pd.DataFrame(COLS, index=range(1000, 1000 + N))
    if shape == "arrow":
        return pa.table(COLS)
    if shape == "record_batch":
        return pa.RecordBatch.from_pydict(COLS)
    if shape == "arrow_views":  # as delta-rs and Polars hand text over
        t = pa.table(COLS)
        views = [f.with_type(pa.string_view()) if f.type == pa.string() else f for f in t.schema]
        return t.cast(pa.schema(views))
    rows = [{k: v[i] for k, v in COLS.items()} for i in range(N)]
    del rows[3]["card"]  # a row without the key keeps not having it
    return rows


def column(batch: Any, name: str) -> list[Any]:
    if isinstance(batch, pd.DataFrame):
        return list(batch[name])
    if isinstance(batch, pa.Table | pa.RecordBatch):
        return batch.column(name).to_pylist()
    return [r.get(name) for r in batch]


@pytest.fixture(autouse=True)
def _isolated() -> Iterator[None]:
    previous = use_protector(None)
    yield
    use_protector(previous)
    hook_state.close_all()
    guard_module._verdicts.clear()


@pytest.fixture
def tagged(settings: Settings) -> Catalog:
    cat = Catalog(settings.catalog_url)
    for col, entity in {
        "id": None,
        "email": "EMAIL_ADDRESS",
        "card": "CREDIT_CARD",
        "amount": None,
    }.items():
        cat.set(ColumnRef(SOURCE, TABLE, col), entity)
    return cat


@pytest.mark.parametrize("shape", ["pandas", "arrow", "record_batch", "arrow_views", "records"])
def test_passing_batch_is_encrypted_per_policy(
    shape: str, settings: Settings, tagged: Catalog
) -> None:
    activate(settings, policy=default_policy())  # financial: randomized; contact: none
    batch = make(shape)
    out = guard(batch, DATASET, settings=settings)
    assert type(out) is type(batch)
    cards = [c for c in column(out, "card") if c is not None]
    assert cards and all(is_ciphertext(c) for c in cards)
    assert not set(cards) & set(CARDS)
    assert column(out, "email") == column(batch, "email")  # contact: stored as is
    assert column(out, "amount") == column(batch, "amount")
    if shape == "pandas":
        assert list(out.index) == list(batch.index)
        assert out["amount"].dtype == batch["amount"].dtype
        assert list(batch["card"]) == CARDS  # the caller's frame is untouched
    if shape == "records":
        assert "card" not in out[3] and out[3]["email"] == EMAILS[3]
    assert column(batch, "card")[0] == CARDS[0]


def test_an_activated_policy_without_a_protector_fails_closed(
    settings: Settings, tagged: Catalog
) -> None:
    """No policy files in privacy.toml, but a policy was activated in the state directory."""
    from policies.active import activate as activate_policy

    activate_policy(settings)
    with pytest.raises(ProtectorMissingError):
        guard(pa.table(COLS), DATASET, settings=settings)
    activate(settings)
    out = guard(pa.table(COLS), DATASET, settings=settings)
    assert all(is_ciphertext(c) for c in out.column("card").to_pylist())
    deactivate()
    with pytest.raises(ProtectorMissingError):
        guard(pa.table(COLS), DATASET, settings=settings)


def test_learn_mode_protects_what_it_just_learned(settings: Settings) -> None:
    activate(settings, policy=default_policy())
    out = guard(pa.table(COLS), DATASET, mode="learn", settings=settings)
    # the proposal (CREDIT_CARD, financial) is in the catalog before the policy protects
    assert all(is_ciphertext(c) for c in out.column("card").to_pylist())


def test_written_parquet_holds_no_card_number(
    settings: Settings, tagged: Catalog, tmp_path: Path
) -> None:
    activate(settings, policy=default_policy())
    path = write_parquet(pd.DataFrame(COLS), tmp_path / "lake" / "payments.parquet", DATASET)
    data = path.read_bytes()
    assert not any(c.encode() in data for c in CARDS)
    assert all(is_ciphertext(c) for c in pq.read_table(path).column("card").to_pylist())
