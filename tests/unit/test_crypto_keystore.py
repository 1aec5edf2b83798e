"""Key store: master key handling, file modes, per-subject keys and crypto-shredding."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import privacy.auditing
from privacy.config import Settings
from privacy.crypto import (
    KeyStore,
    decrypt_values,
    encrypt_values,
    open_keystore,
    parse_master_secret,
    parse_token,
    pseudonymize,
    pseudonymize_many,
)
from privacy.errors import CryptoError, KeyNotFoundError, KeyShreddedError, MasterKeyError

RAW_KEY = base64.b64encode(bytes(range(32))).decode()
T, C = "warehouse.customers", "email"


@pytest.fixture
def raw_env(state_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shared isolated state dir, with a raw 32-byte master key (no scrypt per test)."""
    monkeypatch.setenv("PRIVACY_MASTER_KEY", RAW_KEY)
    return state_home


@pytest.fixture
def audited(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, Any]]]:
    """Spy on privacy.auditing.record: events still go to the real audit log."""
    events: list[dict[str, Any]] = []
    real = privacy.auditing.record

    def spy(settings: Settings, action: str, target: str, **kw: Any) -> None:
        events.append({"action": action, "target": target, **kw})
        real(settings, action, target, **kw)

    monkeypatch.setattr(privacy.auditing, "record", spy)
    yield events


@pytest.fixture
def store(raw_env: Path) -> KeyStore:
    return open_keystore(Settings(raw_env))


def all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


# --- master key --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,form",
    [
        (RAW_KEY, "raw"),
        (base64.urlsafe_b64encode(b"\xfb" * 32).decode().rstrip("="), "raw"),
        ("ab" * 32, "raw"),
        ("correct horse battery staple", "passphrase"),
        ("AB" * 31, "passphrase"),  # 62 hex digits: not a 32-byte key
        (base64.b64encode(b"x" * 31).decode(), "passphrase"),  # base64 of 31 bytes
    ],
)
def test_master_key_forms(text: str, form: str) -> None:
    assert parse_master_secret(text).form == form


def test_short_passphrase_is_refused_with_a_hint() -> None:
    with pytest.raises(MasterKeyError) as e:
        parse_master_secret("hunter2")
    assert "12" in str(e.value.hint)


def test_passphrase_store_records_scrypt_parameters(settings: Settings) -> None:
    open_keystore(settings)  # the conftest fixture's passphrase
    meta = json.loads((settings.keys_dir / "store.json").read_text())
    kdf = meta["wrapper"]["kdf"]
    assert (
        kdf["name"] == "scrypt" and kdf["n"] >= 2**14 and len(base64.b64decode(kdf["salt"])) == 16
    )
    assert "test-master-key" not in json.dumps(meta)


def test_wrong_master_key_is_a_clear_error_not_garbage(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_keystore(settings)
    token = encrypt_values(store, ["alice@example.com"], table=T, column=C)
    monkeypatch.setenv("PRIVACY_MASTER_KEY", "another-passphrase-entirely")
    with pytest.raises(MasterKeyError, match="does not open the key store") as e:
        open_keystore(settings)
    assert e.value.exit_code == 2
    monkeypatch.setenv("PRIVACY_MASTER_KEY", "test-master-key-0123456789abcdef")
    assert decrypt_values(open_keystore(settings), token, table=T, column=C) == [
        "alice@example.com"
    ]


def test_raw_key_for_a_passphrase_store_says_so(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_keystore(settings)
    monkeypatch.setenv("PRIVACY_MASTER_KEY", RAW_KEY)
    with pytest.raises(MasterKeyError, match="master key is a passphrase"):
        open_keystore(settings)


def test_missing_master_key_for_an_existing_store(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_keystore(settings)
    monkeypatch.delenv("PRIVACY_MASTER_KEY")
    with pytest.raises(MasterKeyError, match="PRIVACY_MASTER_KEY is not set") as e:
        open_keystore(settings)
    assert "PRIVACY_MASTER_KEY" in str(e.value.hint)
    assert not (settings.home / "master.key").exists()  # no silent new key for an old store


def test_require_master_key_refuses_to_generate(
    state_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRIVACY_MASTER_KEY")
    monkeypatch.setenv("PRIVACY_REQUIRE_MASTER_KEY", "1")
    with pytest.raises(MasterKeyError) as e:
        open_keystore(Settings(state_home))
    assert "PRIVACY_MASTER_KEY" in str(e.value.hint)
    assert not (state_home / "master.key").exists()


def test_embedded_default_generates_a_private_local_master_key(
    state_home: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("PRIVACY_MASTER_KEY")
    monkeypatch.delenv("PRIVACY_REQUIRE_MASTER_KEY", raising=False)
    settings = Settings(state_home)
    with caplog.at_level(logging.WARNING, logger="privacy.crypto"):
        store = open_keystore(settings)
    assert "secret manager" in caplog.text
    mfile = state_home / "master.key"
    assert stat.S_IMODE(mfile.stat().st_mode) == 0o600
    assert len(base64.b64decode(mfile.read_text())) == 32
    tokens = encrypt_values(store, ["x"], table=T, column=C)
    caplog.clear()
    again = open_keystore(settings)  # a later process: uses the file, no new warning
    assert decrypt_values(again, tokens, table=T, column=C) == ["x"]
    assert "generated" not in caplog.text


# --- files -------------------------------------------------------------------------------


def test_key_files_are_0600_and_folders_0700(store: KeyStore) -> None:
    p = pseudonymize(store, "email", "a@example.com")
    encrypt_values(store, ["a", "b"], table=T, column=C, subjects=[p, None])
    store.shred(pseudonymize(store, "email", "b@example.com"))
    files = [q for q in store.keys_dir.rglob("*") if q.is_file()]
    assert len(files) >= 5
    for q in files:
        assert stat.S_IMODE(q.stat().st_mode) == 0o600, q
    for d in [store.keys_dir, *(q for q in store.keys_dir.rglob("*") if q.is_dir())]:
        assert stat.S_IMODE(d.stat().st_mode) == 0o700, d


def test_an_existing_loose_keys_folder_is_tightened(raw_env: Path) -> None:
    keys = raw_env / "keys"
    keys.mkdir(parents=True, mode=0o755)
    os.chmod(keys, 0o755)
    open_keystore(Settings(raw_env))
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700


def test_keys_are_wrapped_not_stored_in_clear(store: KeyStore) -> None:
    tokens = encrypt_values(store, ["v"], table=T, column=C)
    key = store.key_by_id(parse_token(tokens[0] or "").key_id)
    assert key.material not in all_bytes(store.keys_dir)
    assert key.material[:32] not in all_bytes(store.keys_dir)


def test_store_json_missing_with_keys_present_is_refused(store: KeyStore, raw_env: Path) -> None:
    encrypt_values(store, ["v"], table=T, column=C)
    (store.keys_dir / "store.json").unlink()
    with pytest.raises(CryptoError, match=r"store\.json is missing"):
        open_keystore(Settings(raw_env))


# --- pseudonyms --------------------------------------------------------------------------


def test_pseudonym_form_normalization_and_stability(store: KeyStore, raw_env: Path) -> None:
    p = pseudonymize(store, "email", " Alice@Example.com ")
    assert p.startswith("subj_") and len(p) == 29 and int(p[5:], 16) >= 0
    assert p == pseudonymize(store, "email", "alice@example.com")
    assert p == pseudonymize(Settings(raw_env), "email", "alice@example.com")
    assert p == pseudonymize(raw_env / "keys", "email", "alice@example.com")
    assert p != pseudonymize(store, "customer_id", "alice@example.com")
    assert pseudonymize(store, "customer_id", "A7") != pseudonymize(store, "customer_id", "a7")
    assert pseudonymize_many(store, "email", ["ALICE@example.com", None]) == [p, None]


def test_provisional_raw_pseudonym_key_is_migrated_and_pseudonyms_stay(raw_env: Path) -> None:
    keys = raw_env / "keys"
    keys.mkdir(parents=True, mode=0o700)
    secret = os.urandom(32)
    (keys / "pseudonym.key").write_bytes(secret)
    old = "subj_" + hmac.new(secret, b"email:bob@example.com", hashlib.sha256).hexdigest()[:24]
    store = open_keystore(Settings(raw_env))
    assert pseudonymize(store, "email", "Bob@example.com") == old
    assert not (keys / "pseudonym.key").exists()
    assert secret not in all_bytes(keys)


# --- subject keys and shredding ----------------------------------------------------------


def test_shred_makes_values_unreadable_and_leaves_no_key_bytes(
    store: KeyStore, raw_env: Path, audited: list[dict[str, Any]]
) -> None:
    alice = pseudonymize(store, "email", "alice@example.com")
    bob = pseudonymize(store, "email", "bob@example.com")
    tokens = encrypt_values(store, ["A1", "B1"], table=T, column=C, subjects=[alice, bob])
    other = encrypt_values(store, ["A2"], table="lake.events", column="ip", subjects=[alice])
    kid = parse_token(tokens[0] or "").key_id
    key_file = store.keys_dir / "subjects" / f"{kid}.key"
    wrapped_text = json.loads(key_file.read_text())["wrapped"]
    secrets = [
        key_file.read_bytes(),
        wrapped_text.encode(),
        base64.b64decode(wrapped_text),
        store.key_by_id(kid).material,
    ]

    result = store.shred(alice)

    assert result.had_key and result.key_ids == (kid,)
    with pytest.raises(KeyShreddedError, match="this subject's data was erased"):
        decrypt_values(store, tokens, table=T, column=C)
    with pytest.raises(KeyShreddedError):  # another table, same subject
        decrypt_values(store, other, table="lake.events", column="ip")
    fresh = open_keystore(Settings(raw_env))  # a new process, no cache
    with pytest.raises(KeyShreddedError):
        decrypt_values(fresh, tokens, table=T, column=C)
    assert decrypt_values(fresh, tokens, table=T, column=C, on_shredded="null") == [None, "B1"]
    on_disk = all_bytes(store.keys_dir)
    for s in secrets:
        assert s not in on_disk
    assert not key_file.exists()
    assert not store.key_material_present(alice) and store.key_material_present(bob)
    assert store.is_shredded(alice) and not store.is_shredded(bob)
    shredded = [e for e in audited if e["action"] == "key.shredded"]
    assert shredded == [
        {
            "action": "key.shredded",
            "target": alice,
            "outcome": "ok",
            "details": {"subject": alice, "key_ids": [kid], "had_key": True},
        }
    ]
    assert b"alice@example.com" not in all_bytes(raw_env)


def test_shredded_subject_key_is_not_recreated_by_accident(store: KeyStore) -> None:
    p = pseudonymize(store, "email", "carol@example.com")
    old = encrypt_values(store, ["v"], table=T, column=C, subjects=[p])
    store.shred(p)
    with pytest.raises(KeyShreddedError, match="refusing to create") as e:
        encrypt_values(store, ["v again"], table=T, column=C, subjects=[p])
    assert "reissue_subject_key" in str(e.value.hint)
    new_id = store.reissue_subject_key(p)  # explicitly asked: the person came back
    new = encrypt_values(store, ["new"], table=T, column=C, subjects=[p])
    assert parse_token(new[0] or "").key_id == new_id
    assert decrypt_values(store, new, table=T, column=C) == ["new"]
    with pytest.raises(KeyShreddedError):
        decrypt_values(store, old, table=T, column=C)
    assert store.shred(p).key_ids == (new_id,)  # shredding again covers the new generation
    with pytest.raises(KeyShreddedError):
        decrypt_values(store, new, table=T, column=C)


def test_shred_before_any_key_blocks_creation(store: KeyStore) -> None:
    p = pseudonymize(store, "email", "dave@example.com")
    result = store.shred(p)
    assert not result.had_key and store.is_shredded(p)
    with pytest.raises(KeyShreddedError):
        encrypt_values(store, ["v"], table=T, column=C, subjects=[p])


def test_shred_is_idempotent(store: KeyStore) -> None:
    p = pseudonymize(store, "email", "erin@example.com")
    encrypt_values(store, ["v"], table=T, column=C, subjects=[p])
    assert store.shred(p).had_key
    again = store.shred(p)
    assert not again.had_key and again.key_ids == ()


def test_reissue_without_shred_is_refused(store: KeyStore) -> None:
    with pytest.raises(CryptoError, match="no shredded key"):
        store.reissue_subject_key(pseudonymize(store, "email", "f@example.com"))


def test_a_shred_by_another_process_is_seen_by_a_running_reader(
    store: KeyStore, raw_env: Path
) -> None:
    p = pseudonymize(store, "email", "gina@example.com")
    tokens = encrypt_values(store, ["v"], table=T, column=C, subjects=[p])
    assert decrypt_values(store, tokens, table=T, column=C) == ["v"]  # key now cached
    open_keystore(Settings(raw_env)).shred(p)
    with pytest.raises(KeyShreddedError):
        decrypt_values(store, tokens, table=T, column=C)


def test_subject_keys_are_created_in_one_audited_batch(
    store: KeyStore, audited: list[dict[str, Any]]
) -> None:
    subjects = pseudonymize_many(store, "customer_id", [str(i) for i in range(300)])
    tokens = encrypt_values(
        store, [f"v{i}" for i in range(300)], table=T, column=C, subjects=subjects
    )
    assert len({parse_token(t or "").key_id for t in tokens}) == 300
    assert len(list((store.keys_dir / "subjects").glob("*.key"))) == 300
    created = [e for e in audited if e["action"] == "key.created"]
    assert created == [
        {
            "action": "key.created",
            "target": "subjects",
            "outcome": "ok",
            "details": {"kind": "subject", "count": 300},
        }
    ]
    assert decrypt_values(store, tokens, table=T, column=C) == [f"v{i}" for i in range(300)]


def test_lookup_without_create(store: KeyStore) -> None:
    with pytest.raises(KeyNotFoundError):
        store.subject_keys([pseudonymize(store, "email", "h@example.com")], create=False)


# --- column keys -------------------------------------------------------------------------


def test_column_key_rotation_keeps_old_tokens_readable(
    store: KeyStore, audited: list[dict[str, Any]]
) -> None:
    old = encrypt_values(store, ["a", "b"], table=T, column=C, mode="deterministic")
    new_id = store.rotate_column_key(T, C)
    new = encrypt_values(store, ["a", "b"], table=T, column=C, mode="deterministic")
    assert parse_token(new[0] or "").key_id == new_id != parse_token(old[0] or "").key_id
    assert new_id.endswith("v2")
    assert decrypt_values(store, old + new, table=T, column=C) == ["a", "b", "a", "b"]
    states = {i.id: i.state for i in store.list_keys("column")}
    assert states[parse_token(old[0] or "").key_id] == "retired" and states[new_id] == "active"
    rotated = [e for e in audited if e["action"] == "key.rotated"]
    assert rotated[0]["details"]["scope"] == f"{T}.{C}" and rotated[0]["target"] == new_id


def test_another_process_sees_a_rotated_column_key(store: KeyStore, raw_env: Path) -> None:
    encrypt_values(store, ["a"], table=T, column=C)
    new_id = open_keystore(Settings(raw_env)).rotate_column_key(T, C)
    tokens = encrypt_values(store, ["a"], table=T, column=C)
    assert parse_token(tokens[0] or "").key_id == new_id


def test_list_keys_has_no_secrets(store: KeyStore) -> None:
    p = pseudonymize(store, "email", "i@example.com")
    encrypt_values(store, ["a"], table=T, column=C, subjects=[p])
    store.shred(p)
    infos = store.list_keys()
    assert {i.kind for i in infos} == {"pseudonym", "subject"}
    text = repr(infos)
    for f in store.keys_dir.rglob("*.key"):
        if f.name == "audit-signing.key":  # the audit log's own Ed25519 key (privacy.auditing)
            continue
        assert json.loads(f.read_text())["wrapped"] not in text
    (shredded,) = [i for i in infos if i.kind == "subject"]
    assert shredded.scope == p and shredded.state == "shredded" and shredded.shredded_at


# --- a KMS in place of the local master key ----------------------------------------------


class ToyKms:
    """A KeyWrapper that is not the built-in one (stands where a cloud KMS client would)."""

    def __init__(self, key: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(key)

    def wrap(self, key: bytes, context: bytes) -> bytes:
        nonce = os.urandom(12)
        return nonce + self._aead.encrypt(nonce, key, b"kms|" + context)

    def unwrap(self, blob: bytes, context: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        try:
            return self._aead.decrypt(blob[:12], blob[12:], b"kms|" + context)
        except InvalidTag:
            raise MasterKeyError("the KMS refused to unwrap") from None

    def describe(self) -> dict[str, Any]:
        return {"type": "toy-kms", "key": "projects/p/keys/k1"}


def test_a_kms_wrapper_plugs_in_and_can_be_rotated_to(raw_env: Path) -> None:
    settings = Settings(raw_env)
    kms_key = os.urandom(32)
    store = open_keystore(settings, wrapper=ToyKms(kms_key))
    tokens = encrypt_values(store, ["x"], table=T, column=C)
    meta = json.loads((store.keys_dir / "store.json").read_text())
    assert meta["wrapper"] == {"type": "toy-kms", "key": "projects/p/keys/k1"}
    with pytest.raises(MasterKeyError, match="toy-kms"):
        open_keystore(settings)  # the environment's key is not what wraps this store
    with pytest.raises(MasterKeyError):
        open_keystore(settings, wrapper=ToyKms(os.urandom(32)))
    store.rotate_master(ToyKms(other := os.urandom(32)))
    assert decrypt_values(
        open_keystore(settings, wrapper=ToyKms(other)), tokens, table=T, column=C
    ) == ["x"]


# --- concurrent processes ----------------------------------------------------------------


def test_concurrent_processes_creating_the_same_subject_keys_agree(
    store: KeyStore, raw_env: Path, tmp_path: Path
) -> None:
    subjects = pseudonymize_many(store, "email", [f"p{i}@example.com" for i in range(40)])
    pids = []
    for worker in range(3):
        pid = os.fork()
        if pid == 0:  # child: its own store, racing the others to create the same keys
            code = 1
            try:
                mine = open_keystore(Settings(raw_env))
                tokens = encrypt_values(
                    mine,
                    [f"w{worker}-{i}" for i in range(40)],
                    table=T,
                    column=C,
                    subjects=subjects,
                )
                (tmp_path / f"w{worker}.json").write_text(json.dumps(tokens))
                code = 0
            finally:
                os._exit(code)
        pids.append(pid)
    for pid in pids:
        assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
    assert len(list((store.keys_dir / "subjects").glob("*.key"))) == 40
    assert not list((store.keys_dir / "subjects").glob(".*"))  # no temporary files left
    fresh = open_keystore(Settings(raw_env))
    for worker in range(3):
        tokens = json.loads((tmp_path / f"w{worker}.json").read_text())
        assert decrypt_values(fresh, tokens, table=T, column=C) == [
            f"w{worker}-{i}" for i in range(40)
        ]


def test_derived_secrets_are_stable_independent_and_survive_rotation(
    store: KeyStore, raw_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from privacy.crypto.rotation import rotate_master_secret

    a = store.derive_secret("policies.hash.v1")
    assert len(a) == 32 and a == open_keystore(Settings(raw_env)).derive_secret("policies.hash.v1")
    assert a != store.derive_secret("policies.hash.v2")
    assert len(store.derive_secret("x", 64)) == 64
    assert a not in all_bytes(store.keys_dir)
    rotate_master_secret(store, parse_master_secret("a new master passphrase"))
    monkeypatch.setenv("PRIVACY_MASTER_KEY", "a new master passphrase")
    assert open_keystore(Settings(raw_env)).derive_secret("policies.hash.v1") == a
