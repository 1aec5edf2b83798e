"""Master key rotation: re-wrap without re-encrypting, old key refused, crash-safe.

A crash is a real process death: the rotation runs in a forked child that calls ``os._exit``
at a chosen step (the one fault we cannot cause otherwise), then the parent reopens the store.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from privacy.config import Settings
from privacy.crypto import (
    KeyStore,
    decrypt_values,
    encrypt_values,
    open_keystore,
    parse_master_secret,
    pseudonymize,
)
from privacy.crypto import rotation as rot
from privacy.errors import KeyShreddedError, MasterKeyError

OLD = base64.b64encode(b"\x01" * 32).decode()
NEW = "a brand new master passphrase"
T, C = "warehouse.customers", "ssn"


@pytest.fixture
def home(state_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRIVACY_MASTER_KEY", OLD)
    return state_home


def populate(store: KeyStore, n_subjects: int = 5) -> dict[str, list[str | None]]:
    """Tokens of every kind: column keys (two versions), subject keys, a shredded subject."""
    subjects = [pseudonymize(store, "email", f"u{i}@example.com") for i in range(n_subjects)]
    data = {
        "col": encrypt_values(store, ["a", "b"], table=T, column=C),
        "det": encrypt_values(store, ["a", "b"], table=T, column="email", mode="deterministic"),
        "subj": encrypt_values(
            store, [f"s{i}" for i in range(n_subjects)], table=T, column="phone", subjects=subjects
        ),
    }
    store.rotate_column_key(T, C)
    data["col2"] = encrypt_values(store, ["c"], table=T, column=C)
    gone = pseudonymize(store, "email", "gone@example.com")
    data["gone"] = encrypt_values(store, ["x"], table=T, column="phone", subjects=[gone])
    store.shred(gone)
    return data


def assert_readable(store: KeyStore, data: dict[str, list[str | None]], n: int = 5) -> None:
    assert decrypt_values(store, data["col"], table=T, column=C) == ["a", "b"]
    assert decrypt_values(store, data["col2"], table=T, column=C) == ["c"]
    assert decrypt_values(store, data["det"], table=T, column="email") == ["a", "b"]
    got = decrypt_values(store, data["subj"], table=T, column="phone")
    assert got == [f"s{i}" for i in range(n)]
    with pytest.raises(KeyShreddedError):
        decrypt_values(store, data["gone"], table=T, column="phone")


def reopen(home: Path, key: str | None, monkeypatch: pytest.MonkeyPatch) -> KeyStore:
    if key is None:
        monkeypatch.delenv("PRIVACY_MASTER_KEY", raising=False)
    else:
        monkeypatch.setenv("PRIVACY_MASTER_KEY", key)
    return open_keystore(Settings(home))


def test_rotation_keeps_every_token_and_retires_the_old_key(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_keystore(Settings(home))
    data = populate(store)
    pseudonym = pseudonymize(store, "email", "u0@example.com")
    # (audit-signing.key is the audit log's own key, not wrapped by the master key)
    before = {
        p.name: p.read_bytes()
        for p in store.keys_dir.rglob("*.key")
        if p.name != "audit-signing.key"
    }

    count = rot.rotate_master_secret(store, parse_master_secret(NEW))

    assert count == len(before)  # every key file, of every kind
    assert_readable(store, data)  # the same process keeps working
    after = {
        p.name: p.read_bytes()
        for p in store.keys_dir.rglob("*.key")
        if p.name != "audit-signing.key"
    }
    assert after.keys() == before.keys() and all(after[k] != before[k] for k in after)
    assert (
        not list(store.keys_dir.rglob("*.new")) and not (store.keys_dir / "rotation.json").exists()
    )
    with pytest.raises(MasterKeyError, match="master key is a passphrase"):
        reopen(home, OLD, monkeypatch)
    with pytest.raises(MasterKeyError, match="does not open"):
        reopen(home, "an old passphrase that never was", monkeypatch)
    fresh = reopen(home, NEW, monkeypatch)
    assert_readable(fresh, data)
    assert pseudonymize(fresh, "email", "u0@example.com") == pseudonym  # pseudonyms unchanged

    rot.rotate_master_secret(fresh, parse_master_secret(NEW + " two"))  # same form again
    with pytest.raises(MasterKeyError, match="does not open"):
        reopen(home, NEW, monkeypatch)
    assert_readable(reopen(home, NEW + " two", monkeypatch), data)


def test_rotating_to_the_same_key_is_refused(home: Path) -> None:
    store = open_keystore(Settings(home))
    with pytest.raises(MasterKeyError, match="same as the current"):
        rot.rotate_master_secret(store, parse_master_secret(OLD))


def test_env_store_needs_a_new_key_to_rotate(home: Path) -> None:
    store = open_keystore(Settings(home))
    with pytest.raises(MasterKeyError) as e:
        rot.rotate_master_secret(store, None)
    assert "PRIVACY_NEW_MASTER_KEY" in str(e.value.hint)


def test_local_file_store_rotates_to_a_new_file_and_then_to_env(
    state_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRIVACY_MASTER_KEY")
    store = open_keystore(Settings(state_home))
    data = populate(store)
    mfile = state_home / "master.key"
    first = mfile.read_bytes()
    rot.rotate_master_secret(store, None)
    second = mfile.read_bytes()
    assert second != first and oct(mfile.stat().st_mode & 0o777) == "0o600"
    assert_readable(reopen(state_home, None, monkeypatch), data)
    with pytest.raises(MasterKeyError):
        reopen(state_home, first.decode().strip(), monkeypatch)

    store = reopen(state_home, None, monkeypatch)
    rot.rotate_master_secret(store, parse_master_secret(NEW, "env"))
    assert not mfile.exists()  # the store no longer uses it: shredded
    assert_readable(reopen(state_home, NEW, monkeypatch), data)


def test_a_process_that_opened_before_the_rotation_must_restart(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = open_keystore(Settings(home))
    data = populate(stale)
    rot.rotate_master_secret(open_keystore(Settings(home)), parse_master_secret(NEW))
    with pytest.raises(MasterKeyError, match="rotated by another process"):
        encrypt_values(stale, ["x"], table="new.table", column="c")
    with pytest.raises(MasterKeyError, match="rotated by another process"):
        stale.shred(pseudonymize(stale, "email", "u1@example.com"))
    assert_readable(reopen(home, NEW, monkeypatch), data)


# --- crashes -----------------------------------------------------------------------------


def crash_at(target: str, after: int, action: Callable[[], object]) -> None:
    """Run ``action`` in a child process that dies (os._exit) at the ``after``-th call of
    ``rotation.<target>``, as a power cut would: no cleanup, no finally blocks."""
    pid = os.fork()
    if pid == 0:  # child
        try:
            real = getattr(rot, target)
            calls = [0]

            def dying(*args: object, **kw: object) -> object:
                calls[0] += 1
                if calls[0] > after:
                    os._exit(137)
                return real(*args, **kw)

            setattr(rot, target, dying)
            action()
        finally:
            os._exit(0)  # reached only if the crash point was never hit
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 137, "the crash point was not reached"


@pytest.mark.parametrize("after", [0, 3])
def test_crash_before_the_commit_rolls_back_to_the_old_key(
    home: Path, monkeypatch: pytest.MonkeyPatch, after: int
) -> None:
    store = open_keystore(Settings(home))
    data = populate(store)
    crash_at(
        "_rewrap_one", after, lambda: rot.rotate_master_secret(store, parse_master_secret(NEW))
    )
    keys_dir = store.keys_dir
    assert (keys_dir / "rotation.json").exists()  # the child really died mid-way
    assert len(list(keys_dir.rglob("*.key.new"))) == after

    with pytest.raises(MasterKeyError):
        reopen(home, NEW, monkeypatch)  # not committed: the new key opens nothing
    recovered = reopen(home, OLD, monkeypatch)
    assert_readable(recovered, data)
    assert not list(keys_dir.rglob("*.new")) and not (keys_dir / "rotation.json").exists()
    rot.rotate_master_secret(recovered, parse_master_secret(NEW))  # and it can be redone
    assert_readable(reopen(home, NEW, monkeypatch), data)


@pytest.mark.parametrize("after", [0, 2])
def test_crash_after_the_commit_rolls_forward_to_the_new_key(
    home: Path, monkeypatch: pytest.MonkeyPatch, after: int
) -> None:
    store = open_keystore(Settings(home))
    data = populate(store)
    crash_at("_swap_one", after, lambda: rot.rotate_master_secret(store, parse_master_secret(NEW)))
    keys_dir = store.keys_dir
    assert (keys_dir / "rotation.json").exists()
    assert list(keys_dir.rglob("*.key.new"))  # some keys still only in their new files

    with pytest.raises(MasterKeyError):
        reopen(home, OLD, monkeypatch)  # committed: the old key is refused...
    assert not list(keys_dir.rglob("*.new"))  # ...after recovery finished the swap
    assert_readable(reopen(home, NEW, monkeypatch), data)


def test_crash_after_commit_of_a_local_file_rotation_keeps_the_new_file(
    state_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRIVACY_MASTER_KEY")
    store = open_keystore(Settings(state_home))
    data = populate(store)
    mfile = state_home / "master.key"
    old_file = mfile.read_bytes()
    crash_at("_swap_one", 0, lambda: rot.rotate_master_secret(store, None))
    assert mfile.read_bytes() == old_file and (state_home / "master.key.new").exists()

    recovered = reopen(state_home, None, monkeypatch)  # recovery swaps the master file too
    assert mfile.read_bytes() != old_file and not (state_home / "master.key.new").exists()
    assert_readable(recovered, data)


def test_crash_before_commit_of_a_local_file_rotation_discards_the_new_file(
    state_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRIVACY_MASTER_KEY")
    store = open_keystore(Settings(state_home))
    data = populate(store)
    old_file = (state_home / "master.key").read_bytes()
    with pytest.raises(AssertionError, match="not reached"):  # the harness can tell
        crash_at("_commit", 0, lambda: None)
    # die right before the commit: every .new written, master.key.new written, store.json old
    crash_at("_commit", 0, lambda: rot.rotate_master_secret(store, None))
    assert (state_home / "master.key.new").exists()
    recovered = reopen(state_home, None, monkeypatch)
    assert not (state_home / "master.key.new").exists()
    assert (state_home / "master.key").read_bytes() == old_file
    assert_readable(recovered, data)
