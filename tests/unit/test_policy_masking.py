"""Mask kinds, hashing and redaction on single values (the SQL twins are checked against these
on the real servers in tests/integration/test_policy_warehouse.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest

from policies.effects import Effect
from policies.masking import keyed_hash, value_function

CASES: list[tuple[Any, Any, Any]] = [
    ({"mask": "email"}, "alice.martin@example.com", "a***********@example.com"),
    ({"mask": "email"}, "a@example.com", "a@example.com"),
    ({"mask": "email"}, "@example.com", "@example.com"),
    ({"mask": "email"}, "no-at-sign-here", "no-*********ere"),  # falls back to partial
    ({"mask": "partial"}, "+49 30 1234567", "+49********567"),
    ({"mask": "partial"}, "Alice", "A***e"),
    ({"mask": "partial"}, "Bob", "***"),
    ({"mask": "partial"}, "4111111111111111", "4111********1111"),
    ({"mask": "partial"}, "Zoë Müller-Lüdenscheidt", "Zoë ***************eidt"),
    ({"mask": "last4"}, "4111111111111111", "************1111"),
    ({"mask": "last4"}, "1234", "****"),
    ({"mask": "last4"}, 4111111111111111, "************1111"),  # numbers masked as text
    ({"mask": "full"}, "secret", "******"),
    ({"mask": "year"}, dt.date(1984, 6, 13), dt.date(1984, 1, 1)),
    (
        {"mask": "year"},
        dt.datetime(1984, 6, 13, 10, 30, tzinfo=dt.UTC),
        dt.datetime(1984, 1, 1, tzinfo=dt.UTC),
    ),
    ({"mask": "year"}, "13/06/1984", "1984"),
    ({"mask": "year"}, "unknown", None),
    ({"mask": "redact"}, "alice@example.com", "<EMAIL_ADDRESS>"),
    ("null", "anything", None),
    ("allow", "kept", "kept"),
]


@pytest.mark.parametrize(("effect", "value", "expected"), CASES)
def test_value_effects(effect: Any, value: Any, expected: Any) -> None:
    fn = value_function(Effect.parse(effect), entity="EMAIL_ADDRESS", hash_key=b"k" * 32)
    assert fn(value) == expected


def test_partial_keeps_a_quarter_each_side_at_most_four() -> None:
    fn = value_function(Effect.parse({"mask": "partial"}), entity=None, hash_key=None)
    for n in range(0, 40):
        text = "x" * n
        out = fn(text)
        k = min(n // 4, 4)
        assert len(out) == n and out.count("*") == n - 2 * k


def test_hash_is_keyed_sha256_and_joinable() -> None:
    key = b"0123456789abcdef0123456789abcdef"
    fn = value_function(Effect.parse("hash"), entity=None, hash_key=key)
    assert fn("alice") == fn("alice") != fn("Alice")
    assert fn("alice") == hashlib.sha256(b"alice" + key).hexdigest() == keyed_hash("alice", key)
    other = value_function(Effect.parse("hash"), entity=None, hash_key=b"x" * 32)
    assert other("alice") != fn("alice")  # without the key nobody can test a guess
    with pytest.raises(ValueError, match="hash key"):
        value_function(Effect.parse("hash"), entity=None, hash_key=None)
