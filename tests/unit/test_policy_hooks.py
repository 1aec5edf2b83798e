"""The policy engine registered as the ETL guard's protector."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pytest

from policies.hooks_adapter import PolicyProtector, activate
from policies.loader import default_policy
from privacy.catalog import Catalog
from privacy.config import Settings
from privacy.crypto import is_ciphertext
from privacy.sources.base import ColumnRef


@pytest.fixture
def clean_registry() -> Iterator[None]:
    from privacy.hooks.protector import use_protector

    previous = use_protector(None)
    yield
    use_protector(previous)


def test_activate_registers_a_protector_that_encrypts_per_policy(
    settings: Settings, clean_registry: None
) -> None:
    from privacy.hooks.protector import Protector, resolve

    Catalog(settings.catalog_url).set(ColumnRef("lake", "signups", "ssn"), "US_SSN")
    p = activate(settings, policy=default_policy())
    assert isinstance(p, Protector) and isinstance(p, PolicyProtector)
    assert resolve(settings, None, "lake.signups") is p
    batch = pa.table({"id": [1, 2], "ssn": ["123-45-6789", None]})
    out = p.protect(batch, "lake.signups")
    assert out.column_names == ["id", "ssn"]
    assert is_ciphertext(out.column("ssn")[0].as_py()) and out.column("ssn")[1].as_py() is None
    assert out.column("id").to_pylist() == [1, 2]
