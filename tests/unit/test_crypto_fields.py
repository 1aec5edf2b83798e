"""Field encryption: round trips, determinism, binding, tampering. Real AES from cryptography."""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import math
import struct
import zoneinfo
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy.crypto import (
    KeyStore,
    LocalKeyWrapper,
    decrypt_value,
    decrypt_values,
    encrypt_value,
    encrypt_values,
    is_ciphertext,
    parse_master_secret,
    parse_token,
)
from privacy.crypto.master import local_wrapper
from privacy.crypto.tokens import b64encode
from privacy.errors import CryptoError, DecryptionError, KeyNotFoundError

RAW_KEY = base64.b64encode(bytes(range(32))).decode()
T, C = "warehouse.customers", "ssn"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> KeyStore:
    # an explicit wrapper: one store for the whole module (hypothesis runs many examples)
    keys_dir = tmp_path_factory.mktemp("fields") / "keys"
    return KeyStore.open(keys_dir, wrapper=_wrapper())


def _wrapper() -> LocalKeyWrapper:
    return local_wrapper(parse_master_secret(RAW_KEY), {"name": "hkdf-sha256", "salt": "AAAA"})


def subject(n: int) -> str:
    return f"subj_{n:024x}"


# --- round trips -------------------------------------------------------------------------

MODES = ["randomized", "deterministic"]


@pytest.mark.parametrize("mode", MODES)
@settings(max_examples=150, deadline=None)
@given(values=st.lists(st.one_of(st.text(), st.binary(), st.none()), max_size=20))
def test_strings_and_bytes_round_trip(store: KeyStore, mode: str, values: list) -> None:
    tokens = encrypt_values(store, values, table=T, column=C, mode=mode)  # type: ignore[arg-type]
    assert all(t is None or is_ciphertext(t) for t in tokens)
    assert decrypt_values(store, tokens, table=T, column=C) == values


@pytest.mark.parametrize("mode", MODES)
@settings(max_examples=100, deadline=None)
@given(
    value=st.one_of(
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.dates(),
        st.datetimes(timezones=st.none() | st.timezones()),
        st.times(),
        st.decimals(allow_nan=False),
    )
)
def test_typed_values_round_trip_with_their_type(store: KeyStore, mode: str, value: object) -> None:
    token = encrypt_value(store, value, table=T, column=C, mode=mode)  # type: ignore[arg-type]
    back = decrypt_value(store, token, table=T, column=C)
    assert type(back) is type(value)
    if isinstance(value, float):
        assert struct.pack(">d", back) == struct.pack(">d", value)  # NaN, -0.0 exact
    elif isinstance(value, dt.datetime) and isinstance(back, dt.datetime):
        # the same wall time and offset, hence the same instant; compared field by field because
        # == is never true across zones for a local time a DST change skips or repeats (PEP 495)
        assert back.replace(tzinfo=None) == value.replace(tzinfo=None)
        assert back.utcoffset() == value.utcoffset()
    else:
        assert back == value


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("fold", [0, 1])
def test_a_local_time_a_dst_change_skips_keeps_its_offset(
    store: KeyStore, mode: str, fold: int
) -> None:
    # 1973-05-01 00:00 does not exist in Managua (clocks went from 00:00 to 01:00)
    value = dt.datetime(1973, 5, 1, tzinfo=zoneinfo.ZoneInfo("America/Managua"), fold=fold)
    token = encrypt_value(store, value, table=T, column=C, mode=mode)  # type: ignore[arg-type]
    back = decrypt_value(store, token, table=T, column=C)
    assert back.utcoffset() == value.utcoffset()
    assert back.astimezone(dt.UTC) == value.astimezone(dt.UTC)


def test_int_and_str_of_same_digits_are_different_values(store: KeyStore) -> None:
    a, b = encrypt_values(store, [1, "1"], table=T, column=C, mode="deterministic")
    assert a != b
    assert decrypt_values(store, [a, b], table=T, column=C) == [1, "1"]


def test_unsupported_type_is_refused_clearly(store: KeyStore) -> None:
    with pytest.raises(CryptoError, match="type dict"):
        encrypt_values(store, [{"a": 1}], table=T, column=C)


def test_pyarrow_array_in_list_out(store: KeyStore) -> None:
    import pyarrow as pa

    arr = pa.chunked_array([pa.array(["a", None, "c"]), pa.array(["d"])])
    tokens = encrypt_values(store, arr, table=T, column=C)
    assert tokens[1] is None and len(tokens) == 4
    assert decrypt_values(store, pa.array(tokens), table=T, column=C) == ["a", None, "c", "d"]


def test_pandas_missing_values_stay_missing(store: KeyStore) -> None:
    import pandas as pd

    s = pd.Series(["x", None, float("nan")], dtype=object)
    tokens = encrypt_values(store, s, table=T, column=C)
    assert tokens[0] is not None and tokens[1] is None and tokens[2] is None


# --- determinism -------------------------------------------------------------------------


def test_siv_is_deterministic_per_column(store: KeyStore) -> None:
    a = encrypt_values(store, ["alice", "alice", "bob"], table=T, column=C, mode="deterministic")
    assert a[0] == a[1] != a[2]
    again = encrypt_value(store, "alice", table=T, column=C, mode="deterministic")
    assert again == a[0]  # an equality lookup: WHERE ssn = <token>
    other_col = encrypt_value(store, "alice", table=T, column="email", mode="deterministic")
    other_tab = encrypt_value(store, "alice", table="lake.events", column=C, mode="deterministic")
    assert len({a[0], other_col, other_tab}) == 3


def test_gcm_is_randomized(store: KeyStore) -> None:
    tokens = encrypt_values(store, ["alice"] * 50, table=T, column=C, mode="randomized")
    assert len(set(tokens)) == 50
    nonces = {parse_token(t).payload[:12] for t in tokens if t}
    assert len(nonces) == 50


def test_domain_makes_join_keys_equal_across_tables(store: KeyStore) -> None:
    a = encrypt_value(
        store, "a@x.io", table="w.customers", column="email", mode="deterministic", domain="email"
    )
    b = encrypt_value(
        store, "a@x.io", table="lake.events", column="mail", mode="deterministic", domain="email"
    )
    assert a == b
    assert decrypt_value(store, a, table="x", column="y", domain="email") == "a@x.io"
    with pytest.raises(DecryptionError):  # a domain token is not a column token
        decrypt_value(store, a, table="w.customers", column="email")


def test_per_subject_rows_use_their_subjects_keys(store: KeyStore) -> None:
    subjects = [subject(1), subject(2), None, subject(1)]
    tokens = encrypt_values(store, ["a", "b", "c", "d"], table=T, column=C, subjects=subjects)
    kids = [parse_token(t).key_id for t in tokens if t]
    assert kids[0] == kids[3] != kids[1]
    assert kids[0].startswith("s") and kids[2].startswith("c")
    assert decrypt_values(store, tokens, table=T, column=C) == ["a", "b", "c", "d"]


def test_subjects_must_be_pseudonyms_and_the_value_is_not_echoed(store: KeyStore) -> None:
    with pytest.raises(CryptoError) as e:
        encrypt_values(store, ["x"], table=T, column=C, subjects=["alice@example.com"])
    assert "alice" not in str(e.value) and "pseudonymize" in str(e.value)


# --- binding (associated data) -----------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "table,column", [("warehouse.orders", C), (T, "email"), ("warehouse.customer", "sssn")]
)
def test_token_moved_to_another_place_fails(
    store: KeyStore, mode: str, table: str, column: str
) -> None:
    token = encrypt_value(store, "123-45-6789", table=T, column=C, mode=mode)  # type: ignore[arg-type]
    with pytest.raises(DecryptionError) as e:
        decrypt_value(store, token, table=table, column=column)
    assert "123-45" not in str(e.value)


@pytest.mark.parametrize("mode", MODES)
def test_token_under_another_key_id_fails(store: KeyStore, mode: str) -> None:
    mine = encrypt_value(store, "v", table=T, column=C, mode=mode)  # type: ignore[arg-type]
    other = encrypt_value(store, "v", table=T, column="other", mode=mode)  # type: ignore[arg-type]
    assert mine and other
    p_mine, p_other = parse_token(mine), parse_token(other)
    # payload of one key presented under the other key id (same binding): must not open
    forged = f"pv1:{p_mine.mode}:{p_other.key_id}:{b64encode(p_mine.payload)}"
    with pytest.raises(DecryptionError):
        decrypt_value(store, forged, table=T, column=C)


def test_ambiguous_table_column_split_is_still_bound(store: KeyStore) -> None:
    token = encrypt_value(store, "v", table="a.b", column="c", mode="deterministic")
    with pytest.raises(DecryptionError):
        decrypt_value(store, token, table="a", column="b.c")


# --- tampering ---------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("value", ["4111 1111 1111 111", "4111 1111 1111 1111", "4111-1111"])
def test_every_single_bit_flip_of_a_token_fails(store: KeyStore, mode: str, value: str) -> None:
    # three payload lengths (mod 3), so the base64 tail has 0, 2 and 4 spare bits
    token = encrypt_value(store, value, table=T, column=C, mode=mode)  # type: ignore[arg-type]
    assert token
    payload_start = token.rindex(":") + 1
    for i, ch in enumerate(token):
        for bit in range(8):
            flipped = token[:i] + chr(ord(ch) ^ (1 << bit)) + token[i + 1 :]
            with pytest.raises(CryptoError) as e:
                decrypt_value(store, flipped, table=T, column=C)
            if i >= payload_start:
                assert isinstance(e.value, DecryptionError), (i, bit)


@pytest.mark.parametrize("mode", MODES)
def test_every_single_bit_flip_of_the_decoded_payload_fails(store: KeyStore, mode: str) -> None:
    token = encrypt_value(store, "secret", table=T, column=C, mode=mode)  # type: ignore[arg-type]
    assert token
    tok = parse_token(token)
    head = token[: token.rindex(":") + 1]
    for i in range(len(tok.payload)):
        for bit in range(8):
            raw = bytearray(tok.payload)
            raw[i] ^= 1 << bit
            with pytest.raises(DecryptionError):
                decrypt_value(store, head + b64encode(bytes(raw)), table=T, column=C)


@pytest.mark.parametrize("mode", MODES)
def test_truncated_and_extended_tokens_fail(store: KeyStore, mode: str) -> None:
    token = encrypt_value(store, "secret", table=T, column=C, mode=mode)  # type: ignore[arg-type]
    assert token
    for bad in (
        token[:-1],
        token[:-4],
        token + "A",
        token + "AAAA",
        token[: token.rindex(":") + 1],
    ):
        with pytest.raises(DecryptionError):
            decrypt_value(store, bad, table=T, column=C)


def test_unknown_key_id_says_key_not_found(store: KeyStore) -> None:
    token = encrypt_value(store, "x", table=T, column=C)
    assert token
    tok = parse_token(token)
    forged = f"pv1:g:c{'0' * 16}v1:{b64encode(tok.payload)}"
    with pytest.raises(KeyNotFoundError):
        decrypt_value(store, forged, table=T, column=C)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("pv1:g:c0123456789abcdefv1:AAAA", True),
        ("pv1:d:s0123:AAAA", True),
        ("pv1:x:c01:AAAA", False),
        ("pv1:g::AAAA", False),
        ("pv1:g:", False),
        ("alice@example.com", False),
        (b"pv1:g:c1:AAAA", False),
        (None, False),
        (42, False),
    ],
)
def test_is_ciphertext(value: object, expected: bool) -> None:
    assert is_ciphertext(value) is expected


def test_plaintext_in_an_encrypted_column_is_an_error_naming_the_row(store: KeyStore) -> None:
    tokens = encrypt_values(store, ["a", "b"], table=T, column=C)
    with pytest.raises(DecryptionError, match=r"row 1: not a ciphertext"):
        decrypt_values(store, [tokens[0], "123-45-6789"], table=T, column=C)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("subj", [None, "subj_" + "ab" * 12])
def test_tokens_fit_the_documented_varchar(store: KeyStore, mode: str, subj: str | None) -> None:
    # docs/crypto.md: VARCHAR(80 + ceil(4n/3)) holds a token of an n-byte value
    for n in (0, 1, 11, 100):
        value = "x" * n
        token = encrypt_value(store, value, table=T, column=C, mode=mode, subject=subj)  # type: ignore[arg-type]
        assert token and token.isascii() and len(token) <= 80 + math.ceil(4 * n / 3)


def test_numpy_scalars_round_trip_as_python_types(store: KeyStore) -> None:
    import numpy as np

    vals = [np.int64(7), np.float64(2.5), np.bool_(True), np.str_("s")]
    tokens = encrypt_values(store, vals, table=T, column=C)
    back = decrypt_values(store, tokens, table=T, column=C)
    assert back == [7, 2.5, True, "s"]
    assert [type(b) for b in back] == [int, float, bool, str]


def test_wrong_store_cannot_open_tokens(tmp_path: Path, store: KeyStore) -> None:
    other = KeyStore.open(tmp_path / "keys", wrapper=_wrapper())
    token = encrypt_value(store, "x", table=T, column=C)
    with pytest.raises(KeyNotFoundError):  # different pseudonym secret: different key ids
        decrypt_value(other, token, table=T, column=C)


def test_decimal_and_big_int(store: KeyStore) -> None:
    vals = [decimal.Decimal("12.3400"), 10**60, -(10**60)]
    tokens = encrypt_values(store, vals, table=T, column=C)
    assert decrypt_values(store, tokens, table=T, column=C) == vals
