"""The key store: data keys wrapped by the master key, one file per key, in ``settings.keys_dir``.

Three kinds of key: *column* keys (a column's or join domain's cells that belong to no subject;
versioned, old versions kept), *subject* keys (one person's cells everywhere; shredded on
erasure, leaving a tombstone), and the *pseudonym* secret behind ``subj_...`` pseudonyms.
Layout, rotation and the shredding procedure are described in docs/crypto.md.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from privacy.crypto import _files, master
from privacy.crypto.master import KeyWrapper
from privacy.errors import CryptoError, KeyNotFoundError, KeyShreddedError, MasterKeyError

if TYPE_CHECKING:
    from privacy.config import Settings

FORMAT = 1
DATA_KEY_BYTES = 96  # 32 for AES-256-GCM + 64 for AES-SIV: the two modes never share key bytes
STORE_FILE = "store.json"
LOCK_FILE = ".lock"
ROTATION_FILE = "rotation.json"
KIND_DIRS = {"pseudonym": "system", "column": "columns", "subject": "subjects"}
PSEUDONYM_ID = "pseudonym"
PSEUDONYM_PREFIX = "subj_"
_PSEUDONYM_RE = re.compile(r"subj_[0-9a-f]{24}")
_KEY_ID_RE = re.compile(r"(c[0-9a-f]{16}v[1-9][0-9]*|s[0-9a-f]{24})")
_CHECK_CONTEXT = b"privacy keystore check"

_SNAPSHOT_AT = 64  # distinct subjects in a batch above which the folder is listed once
_exists = os.path.exists

SHREDDED_MESSAGE = "this subject's data was erased: its key was shredded"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


@dataclass
class DataKey:
    """An unwrapped data key. Cipher objects are built once, on first use."""

    id: str
    material: bytes = field(repr=False)
    _gcm: AESGCM | None = field(default=None, repr=False)
    _siv: AESSIV | None = field(default=None, repr=False)

    def gcm(self) -> AESGCM:
        if self._gcm is None:
            self._gcm = AESGCM(self.material[:32])
        return self._gcm

    def siv(self) -> AESSIV:
        if self._siv is None:
            self._siv = AESSIV(self.material[32:96])
        return self._siv


@dataclass(frozen=True)
class KeyInfo:
    """What ``privacy keys list`` shows: no key material."""

    id: str
    kind: str
    scope: str
    version: int
    created: str | None
    state: str  # active | retired (an older column version) | shredded
    shredded_at: str | None = None


@dataclass(frozen=True)
class ShredResult:
    subject: str
    key_ids: tuple[str, ...]
    had_key: bool


def check_pseudonym(p: str) -> str:
    if not isinstance(p, str) or not _PSEUDONYM_RE.fullmatch(p):
        # never echo the value: a caller may have passed a raw email by mistake
        raise CryptoError(
            "a subject key is looked up by pseudonym (subj_ + 24 hex), and this is not one",
            hint="pass privacy.crypto.pseudonymize(store, kind, value), never the raw value",
        )
    return p


def column_scope(table: str, column: str | None, domain: str | None) -> tuple[str, bytes]:
    """Display scope and the canonical bytes its key id is derived from."""
    if domain is not None:
        return f"domain:{domain}", json.dumps(["domain", domain]).encode()
    if not table or not column:
        raise CryptoError("a column key needs both table and column (or a domain)")
    return f"{table}.{column}", json.dumps(["column", table, column]).encode()


class KeyStore:
    """Open with :meth:`open` (or :func:`privacy.crypto.open_keystore`); reuse the instance."""

    def __init__(
        self,
        keys_dir: Path,
        wrapper: KeyWrapper,
        meta: dict[str, Any],
        pseudonym_secret: bytes,
        settings: Settings | None = None,
    ) -> None:
        self.keys_dir = keys_dir
        self.wrapper = wrapper
        self.meta = meta
        self.settings = settings
        self._pseudonym_secret = pseudonym_secret
        self._keys: dict[str, DataKey] = {}
        self._dirs = {kind: str(keys_dir / sub) for kind, sub in KIND_DIRS.items()}
        self._column_versions: dict[str, tuple[int, int]] = {}  # prefix -> (dir mtime, version)

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        keys_dir: Path,
        *,
        wrapper: KeyWrapper | None = None,
        settings: Settings | None = None,
    ) -> KeyStore:
        """Open (or create) the store, finishing an interrupted rotation first."""
        from privacy.crypto import rotation

        keys_dir = Path(keys_dir)
        given = wrapper
        _files.ensure_dir(keys_dir)
        for sub in KIND_DIRS.values():
            _files.ensure_dir(keys_dir / sub)
        lock = keys_dir / LOCK_FILE
        if (keys_dir / ROTATION_FILE).exists():
            with _files.locked(lock, exclusive=True):
                rotation.recover(keys_dir)
        meta_path = keys_dir / STORE_FILE
        meta = _files.read_json(meta_path) if meta_path.exists() else None
        if wrapper is None:
            wrapper = _environment_wrapper(keys_dir, meta)
        if meta is None:
            with _files.locked(lock, exclusive=True):
                if meta_path.exists():  # another process created it meanwhile
                    return cls.open(keys_dir, wrapper=given, settings=settings)
                return cls._create(keys_dir, wrapper, settings)
        _verify_check(keys_dir, wrapper, meta)
        store = cls(keys_dir, wrapper, meta, b"", settings)
        store._pseudonym_secret = store._load_pseudonym_secret()
        return store

    @classmethod
    def _create(cls, keys_dir: Path, wrapper: KeyWrapper, settings: Settings | None) -> KeyStore:
        existing = [p.name for sub in KIND_DIRS.values() for p in (keys_dir / sub).glob("*.key")]
        if existing:
            raise CryptoError(
                f"{keys_dir / STORE_FILE} is missing but the folder holds {len(existing)} keys",
                hint="restore store.json from the same backup as the keys; without it the "
                "keys cannot be opened",
            )
        meta = _new_meta(wrapper, generation=1)
        store = cls(keys_dir, wrapper, meta, b"", settings)
        legacy = keys_dir / "pseudonym.key"
        secret = legacy.read_bytes() if legacy.exists() else os.urandom(32)
        if len(secret) != 32:
            raise CryptoError(f"{legacy} is not a 32-byte pseudonym key")
        _files.write_replace(keys_dir / STORE_FILE, _files.dump_json(meta))
        store._write_key("pseudonym", PSEUDONYM_ID, "", 1, secret, create=True)
        if legacy.exists():  # the provisional raw key, now wrapped: pseudonyms stay the same
            _files.shred_file(legacy)
        store._pseudonym_secret = secret
        store.audit("key.created", "pseudonym", {"kind": "pseudonym"})
        return store

    def _load_pseudonym_secret(self) -> bytes:
        path = self._path("pseudonym", PSEUDONYM_ID)
        if not path.exists():
            raise CryptoError(
                f"the pseudonym key {path} is missing",
                hint="restore the keys folder from backup; pseudonyms cannot be recomputed",
            )
        return self._unwrap_file(path, "pseudonym", PSEUDONYM_ID)

    # --- files ---------------------------------------------------------------------------

    def _path(self, kind: str, key_id: str, suffix: str = ".key") -> Path:
        return self.keys_dir / KIND_DIRS[kind] / f"{key_id}{suffix}"

    def _file(self, kind: str, key_id: str, suffix: str = ".key") -> str:
        # a plain string: pathlib costs more than the stat on the per-key hot path
        return f"{self._dirs[kind]}/{key_id}{suffix}"

    @staticmethod
    def _context(key_id: str, kind: str, scope: str, version: int) -> bytes:
        return json.dumps(["privacy-key", FORMAT, key_id, kind, scope, version]).encode()

    def _key_record(
        self, kind: str, key_id: str, scope: str, version: int, material: bytes
    ) -> dict[str, Any]:
        ctx = self._context(key_id, kind, scope, version)
        return {
            "format": FORMAT,
            "id": key_id,
            "kind": kind,
            "scope": scope,
            "version": version,
            "created": _now(),
            "wrapped": _b64(self.wrapper.wrap(material, ctx)),
        }

    def _write_key(
        self,
        kind: str,
        key_id: str,
        scope: str,
        version: int,
        material: bytes,
        *,
        create: bool,
        sync_dir: bool = True,
    ) -> bool:
        data = _files.dump_json(self._key_record(kind, key_id, scope, version, material))
        path = self._path(kind, key_id)
        if create:
            return _files.write_new(path, data, sync_dir=sync_dir)
        _files.write_replace(path, data, sync_dir=sync_dir)
        return True

    def _unwrap_file(self, path: Path, kind: str, key_id: str) -> bytes:
        try:
            rec = _files.read_json(path)
            ctx = self._context(rec["id"], rec["kind"], rec["scope"], int(rec["version"]))
            blob = base64.b64decode(rec["wrapped"])
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise CryptoError(
                f"key file {path.name} is unreadable ({type(e).__name__})",
                hint="restore the keys folder from backup",
            ) from None
        if rec["id"] != key_id or rec["kind"] != kind:
            raise CryptoError(f"key file {path.name} holds key {rec['id']!r}, not {key_id!r}")
        try:
            return self.wrapper.unwrap(blob, ctx)
        except MasterKeyError:
            self._raise_if_rotated()
            raise CryptoError(
                f"key {key_id} cannot be unwrapped: its file was altered or wrapped by another "
                "master key",
                hint="restore the keys folder from backup",
            ) from None

    def _raise_if_rotated(self) -> None:
        try:
            current = _files.read_json(self.keys_dir / STORE_FILE)
        except OSError:
            return
        if current.get("generation") != self.meta.get("generation"):
            raise MasterKeyError(
                "the master key of this key store was rotated by another process",
                hint="restart with the new PRIVACY_MASTER_KEY",
            )

    def audit(self, action: str, target: str, details: dict[str, Any], outcome: str = "ok") -> None:
        if self.settings is None:
            return
        from privacy.auditing import record

        record(self.settings, action, target, outcome=outcome, details=details)

    # --- pseudonyms and ids --------------------------------------------------------------

    def _mac(self, data: bytes) -> str:
        return hmac.new(self._pseudonym_secret, data, hashlib.sha256).hexdigest()

    def pseudonym(self, kind: str, value: str) -> str:
        """``subj_`` + 24 hex of HMAC-SHA256(secret, ``kind:normalized value``)."""
        norm = value.strip().lower() if kind in ("email", "username") else value.strip()
        return PSEUDONYM_PREFIX + self._mac(f"{kind}:{norm}".encode())[:24]

    def derive_secret(self, purpose: str, length: int = 32) -> bytes:
        """A secret for another part of the toolkit (e.g. keyed hashing), stable for this store.

        HKDF-SHA256 from the store's pseudonym secret with ``purpose`` as info: different
        purposes give independent secrets; master key rotation does not change them."""
        if not purpose:
            raise CryptoError("derive_secret needs a purpose label")
        hkdf = HKDF(
            algorithm=hashes.SHA256(),
            length=length,
            salt=None,
            info=b"privacy derived secret\0" + purpose.encode(),
        )
        return hkdf.derive(self._pseudonym_secret)

    def _subject_id(self, pseudonym: str, generation: int) -> str:
        return "s" + self._mac(f"subject\0{pseudonym}\0{generation}".encode())[:24]

    def _column_prefix(self, canonical: bytes) -> str:
        return "c" + self._mac(b"column\0" + canonical)[:16] + "v"

    # --- column keys ---------------------------------------------------------------------

    def _column_version(self, prefix: str) -> int:
        folder = self.keys_dir / KIND_DIRS["column"]
        mtime = folder.stat().st_mtime_ns
        cached = self._column_versions.get(prefix)
        if cached and cached[0] == mtime:
            return cached[1]
        versions = [
            int(name[len(prefix) : -4])
            for name in os.listdir(folder)
            if name.startswith(prefix) and name.endswith(".key")
        ]
        version = max(versions, default=0)
        self._column_versions[prefix] = (mtime, version)
        return version

    def column_key(
        self, table: str, column: str | None, *, domain: str | None = None, create: bool = True
    ) -> DataKey:
        """The current key of a column (or domain), created on first use."""
        scope, canonical = column_scope(table, column, domain)
        prefix = self._column_prefix(canonical)
        version = self._column_version(prefix)
        if version == 0:
            if not create:
                raise KeyNotFoundError(f"no key for {scope} yet")
            return self._new_column_key(prefix, scope, 1, previous=None)
        return self.key_by_id(f"{prefix}{version}")

    def rotate_column_key(
        self, table: str, column: str | None, *, domain: str | None = None
    ) -> str:
        """Start a new key version for new writes; old tokens keep decrypting. Returns its id."""
        scope, canonical = column_scope(table, column, domain)
        prefix = self._column_prefix(canonical)
        old = self._column_version(prefix)
        key = self._new_column_key(prefix, scope, old + 1, previous=old or None)
        return key.id

    def _new_column_key(
        self, prefix: str, scope: str, version: int, previous: int | None
    ) -> DataKey:
        key_id = f"{prefix}{version}"
        material = os.urandom(DATA_KEY_BYTES)
        with _files.locked(self.keys_dir / LOCK_FILE, exclusive=False):
            self._raise_if_rotated()
            created = self._write_key("column", key_id, scope, version, material, create=True)
        self._column_versions.pop(prefix, None)
        if not created:  # a concurrent writer made this version first: use theirs
            return self.key_by_id(key_id)
        key = DataKey(key_id, material)
        self._keys[key_id] = key
        if previous is None:
            self.audit("key.created", key_id, {"kind": "column", "scope": scope, "version": 1})
        else:
            details = {"scope": scope, "version": version, "previous": f"{prefix}{previous}"}
            self.audit("key.rotated", key_id, details)
        return key

    # --- lookup by id (decryption) -------------------------------------------------------

    def key_by_id(self, key_id: str) -> DataKey:
        """The key a token names. :class:`KeyShreddedError` if it was shredded."""
        if not _KEY_ID_RE.fullmatch(key_id):
            raise KeyNotFoundError(f"{key_id!r} is not a key id of this toolkit")
        kind = "subject" if key_id[0] == "s" else "column"
        path = self._file(kind, key_id)
        cached = self._keys.get(key_id)
        # checked on every lookup: another process may have shredded it since we cached it
        if kind == "subject" and (
            _exists(self._file(kind, key_id, ".shredded"))
            or (cached is not None and not _exists(path))
        ):
            self._keys.pop(key_id, None)
            raise KeyShreddedError(
                f"key {key_id}: {SHREDDED_MESSAGE}",
                hint="nothing to do: erased data cannot be recovered, by design",
            )
        return cached or self._load(kind, key_id)

    def _load(self, kind: str, key_id: str) -> DataKey:
        path = self._path(kind, key_id)
        if not path.exists():
            raise KeyNotFoundError(
                f"key {key_id} is not in the key store at {self.keys_dir}",
                hint="check settings.keys_dir (privacy.toml [state] keys_dir) points at the "
                "store that encrypted this data",
            )
        key = DataKey(key_id, self._unwrap_file(path, kind, key_id))
        self._keys[key_id] = key
        return key

    # --- subject keys --------------------------------------------------------------------

    def _subject_state(self, pseudonym: str, names: set[str] | None = None) -> tuple[str, int, str]:
        """(active|shredded|absent, generation, key id) of a subject's current key.

        ``names``: a snapshot of the subjects folder, for large batches (one listdir instead
        of a few stats per subject)."""

        def exists(key_id: str, suffix: str) -> bool:
            if names is not None:
                return f"{key_id}{suffix}" in names
            return _exists(self._file("subject", key_id, suffix))

        generation = 1
        while True:
            key_id = self._subject_id(pseudonym, generation)
            if exists(key_id, ".shredded"):
                nxt = self._subject_id(pseudonym, generation + 1)
                if exists(nxt, ".key") or exists(nxt, ".shredded"):
                    generation += 1
                    continue
                return "shredded", generation, key_id
            if exists(key_id, ".key"):
                return "active", generation, key_id
            return "absent", generation, key_id

    def subject_keys(self, pseudonyms: Iterable[str], *, create: bool = True) -> dict[str, DataKey]:
        """The keys of these subjects, creating missing ones in one batch (one fsync per key)."""
        wanted = {check_pseudonym(p) for p in pseudonyms}
        found: dict[str, DataKey] = {}
        missing: list[tuple[str, str, int]] = []
        names = set(os.listdir(self._dirs["subject"])) if len(wanted) > _SNAPSHOT_AT else None
        for p in wanted:
            state, generation, key_id = self._subject_state(p, names)
            if state == "active":
                found[p] = self._keys.get(key_id) or self._load("subject", key_id)
            elif state == "shredded":
                raise KeyShreddedError(
                    f"subject {p}: {SHREDDED_MESSAGE}; refusing to create a new key for it",
                    hint="do not load erased people again; if this person came back as a new "
                    "customer, call store.reissue_subject_key(pseudonym) first",
                )
            elif not create:
                raise KeyNotFoundError(f"subject {p} has no key")
            else:
                missing.append((p, key_id, generation))
        if missing:
            found.update(self._create_subject_keys(missing))
        return found

    def _create_subject_keys(self, missing: list[tuple[str, str, int]]) -> dict[str, DataKey]:
        made: dict[str, DataKey] = {}
        created = 0
        folder = self.keys_dir / KIND_DIRS["subject"]
        with _files.locked(self.keys_dir / LOCK_FILE, exclusive=False):
            self._raise_if_rotated()
            for p, key_id, generation in missing:
                if self._path("subject", key_id, ".shredded").exists():
                    raise KeyShreddedError(f"subject {p}: {SHREDDED_MESSAGE}")
                material = os.urandom(DATA_KEY_BYTES)
                if self._write_key(
                    "subject", key_id, p, generation, material, create=True, sync_dir=False
                ):
                    created += 1
                    made[p] = self._keys[key_id] = DataKey(key_id, material)
                else:
                    made[p] = self.key_by_id(key_id)
            _files.fsync_dir(folder)
        if created:
            self.audit("key.created", "subjects", {"kind": "subject", "count": created})
        return made

    def reissue_subject_key(self, pseudonym: str) -> str:
        """Explicitly give a shredded subject a fresh key (old tokens stay unreadable)."""
        check_pseudonym(pseudonym)
        with _files.locked(self.keys_dir / LOCK_FILE, exclusive=True):
            self._raise_if_rotated()
            state, generation, key_id = self._subject_state(pseudonym)
            if state != "shredded":
                raise CryptoError(
                    f"subject {pseudonym} has no shredded key to reissue",
                    hint="keys are created on demand; reissue is only for erased subjects",
                )
            new_id = self._subject_id(pseudonym, generation + 1)
            material = os.urandom(DATA_KEY_BYTES)
            self._write_key("subject", new_id, pseudonym, generation + 1, material, create=True)
        self._keys[new_id] = DataKey(new_id, material)
        details = {"kind": "subject", "subject": pseudonym, "reissued_after": key_id}
        self.audit("key.created", new_id, details)
        return new_id

    def shred(self, pseudonym: str) -> ShredResult:
        """Destroy a subject's key(s) for good, leaving a tombstone. Idempotent."""
        check_pseudonym(pseudonym)
        shredded: list[str] = []
        with _files.locked(self.keys_dir / LOCK_FILE, exclusive=True):
            self._raise_if_rotated()
            generation = 1
            while True:
                key_id = self._subject_id(pseudonym, generation)
                key_path = self._path("subject", key_id)
                tomb = self._path("subject", key_id, ".shredded")
                has_key, has_tomb = key_path.exists(), tomb.exists()
                if not has_key and not has_tomb:
                    if generation == 1:  # never had a key: the tombstone still blocks creation
                        self._write_tombstone(tomb, key_id, pseudonym, generation, None)
                    break
                if has_key:
                    if not has_tomb:  # tombstone first: a crash between leaves it shredded
                        created = self._created_of(key_path)
                        self._write_tombstone(tomb, key_id, pseudonym, generation, created)
                    _files.shred_file(key_path)
                    shredded.append(key_id)
                self._keys.pop(key_id, None)
                generation += 1
        result = ShredResult(pseudonym, tuple(shredded), bool(shredded))
        details = {"subject": pseudonym, "key_ids": list(shredded), "had_key": bool(shredded)}
        self.audit("key.shredded", pseudonym, details)
        return result

    def _created_of(self, key_path: Path) -> str | None:
        try:
            created = _files.read_json(key_path).get("created")
            return str(created) if created else None
        except (OSError, ValueError):
            return None

    def _write_tombstone(
        self, path: Path, key_id: str, pseudonym: str, generation: int, created: str | None
    ) -> None:
        record = {
            "format": FORMAT,
            "id": key_id,
            "kind": "subject",
            "scope": pseudonym,
            "version": generation,
            "created": created,
            "shredded_at": _now(),
        }
        _files.write_new(path, _files.dump_json(record))

    def is_shredded(self, pseudonym: str) -> bool:
        return self._subject_state(check_pseudonym(pseudonym))[0] == "shredded"

    def key_material_present(self, pseudonym: str) -> bool:
        """True while any key file of this subject (any generation) is still on disk."""
        check_pseudonym(pseudonym)
        generation = 1
        while True:
            key_id = self._subject_id(pseudonym, generation)
            if self._path("subject", key_id).exists():
                return True
            if not self._path("subject", key_id, ".shredded").exists():
                return False
            generation += 1

    # --- listing -------------------------------------------------------------------------

    def list_keys(self, kind: str | None = None) -> list[KeyInfo]:
        """Every key and tombstone, without key material."""
        infos: list[KeyInfo] = []
        for k, sub in KIND_DIRS.items():
            if kind and kind != k and not (kind == "system" and k == "pseudonym"):
                continue
            folder = self.keys_dir / sub
            for name in sorted(os.listdir(folder)):
                if name.startswith(".") or not name.endswith((".key", ".shredded")):
                    continue
                try:
                    rec = _files.read_json(folder / name)
                except (OSError, ValueError):
                    continue
                shredded = name.endswith(".shredded")
                infos.append(
                    KeyInfo(
                        id=str(rec.get("id")),
                        kind=k,
                        scope=str(rec.get("scope", "")),
                        version=int(rec.get("version", 1)),
                        created=rec.get("created"),
                        state="shredded" if shredded else "active",
                        shredded_at=rec.get("shredded_at"),
                    )
                )
        latest: dict[str, int] = {}
        for i in infos:
            if i.kind == "column":
                latest[i.scope] = max(latest.get(i.scope, 0), i.version)
        return [
            KeyInfo(i.id, i.kind, i.scope, i.version, i.created, "retired", None)
            if i.kind == "column" and i.version < latest[i.scope]
            else i
            for i in infos
        ]

    # --- master key rotation -------------------------------------------------------------

    def rotate_master(self, new_wrapper: KeyWrapper, **kwargs: Any) -> int:
        """Re-wrap every key under ``new_wrapper``; see :func:`privacy.crypto.rotation`."""
        from privacy.crypto import rotation

        return rotation.rotate_master(self, new_wrapper, **kwargs)


def _new_meta(wrapper: KeyWrapper, generation: int, created: str | None = None) -> dict[str, Any]:
    check = wrapper.wrap(os.urandom(32), _CHECK_CONTEXT)
    return {
        "format": FORMAT,
        "generation": generation,
        "wrapper": wrapper.describe(),
        "check": _b64(check),
        "created": created or _now(),
        "updated": _now(),
    }


def _environment_wrapper(keys_dir: Path, meta: dict[str, Any] | None) -> KeyWrapper:
    described = (meta or {}).get("wrapper", {})
    if meta is not None and described.get("type") != "local":
        raise MasterKeyError(
            f"the key store at {keys_dir} is wrapped by {described.get('type')!r}",
            hint="open it with that KeyWrapper: open_keystore(settings, wrapper=...)",
        )
    secret = master.secret_from_environment(keys_dir, store_exists=meta is not None)
    return master.local_wrapper(secret, described.get("kdf") if meta else None)


def _verify_check(keys_dir: Path, wrapper: KeyWrapper, meta: dict[str, Any]) -> None:
    try:
        wrapper.unwrap(base64.b64decode(meta["check"]), _CHECK_CONTEXT)
    except MasterKeyError:
        origin = meta.get("wrapper", {}).get("origin")
        where = (
            "the local master.key file"
            if origin == "file"
            else "PRIVACY_MASTER_KEY"
            if origin == "env"
            else "the wrapper"
        )
        raise MasterKeyError(
            f"the master key does not open the key store at {keys_dir}",
            hint=f"this store was last keyed from {where}; give that key (after a rotation, "
            "the new one)",
        ) from None
