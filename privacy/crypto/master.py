"""The master key: where it comes from, and the small interface that wraps data keys with it.

The key store never uses the master key on data. It only wraps and unwraps data keys through a
:class:`KeyWrapper`, so a cloud KMS can take the local wrapper's place without touching the rest.

``PRIVACY_MASTER_KEY`` is read as a raw 256-bit key when it is 64 hex digits or base64/base64url
of exactly 32 bytes, and as a passphrase (scrypt) otherwise. Without it, the local file
``master.key`` next to the keys folder is used, and generated when the store is new (the
embedded default, ``make demo``). See docs/crypto.md.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from privacy.crypto import _files
from privacy.errors import MasterKeyError

log = logging.getLogger("privacy.crypto")

ENV_MASTER_KEY = "PRIVACY_MASTER_KEY"
ENV_REQUIRE = "PRIVACY_REQUIRE_MASTER_KEY"
MASTER_FILE = "master.key"
MIN_PASSPHRASE = 12

# scrypt cost: 32 MiB and ~0.15 s here; stored per store so a later rotation can raise it
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1

SET_KEY_HINT = (
    "set PRIVACY_MASTER_KEY to a passphrase (12+ characters) or a 32-byte key in base64 "
    '(python -c "import os,base64;print(base64.b64encode(os.urandom(32)).decode())"), '
    "ideally from a secret manager"
)

_HEX64 = re.compile(r"[0-9a-fA-F]{64}")
_B64_32 = re.compile(r"[A-Za-z0-9+/_-]{43}=?")


@runtime_checkable
class KeyWrapper(Protocol):
    """Wraps data keys with a master key. Implement this to plug in a KMS."""

    def wrap(self, key: bytes, context: bytes) -> bytes:
        """Encrypt ``key``; ``context`` is associated data that must match on unwrap."""
        ...

    def unwrap(self, blob: bytes, context: bytes) -> bytes:
        """Return the key, or raise :class:`MasterKeyError` when it cannot be opened."""
        ...

    def describe(self) -> dict[str, Any]:
        """Non-secret description kept in store.json; must contain ``"type"``."""
        ...


class LocalKeyWrapper:
    """AES-256-GCM key wrapping under a key-encryption key derived from the master secret."""

    def __init__(self, kek: bytes, description: dict[str, Any]) -> None:
        if len(kek) != 32:
            raise ValueError("a key-encryption key is 32 bytes")
        self._aead = AESGCM(kek)
        self._description = description

    def wrap(self, key: bytes, context: bytes) -> bytes:
        nonce = os.urandom(12)
        return nonce + self._aead.encrypt(nonce, key, context)

    def unwrap(self, blob: bytes, context: bytes) -> bytes:
        try:
            return self._aead.decrypt(blob[:12], blob[12:], context)
        except (InvalidTag, ValueError):
            raise MasterKeyError("the master key does not open this wrapped key") from None

    def describe(self) -> dict[str, Any]:
        return dict(self._description)


@dataclass(frozen=True)
class MasterSecret:
    """A master key as given: a raw 32-byte key or a passphrase, and where it came from."""

    form: Literal["raw", "passphrase"]
    secret: bytes
    origin: Literal["env", "file", "given"]

    def __repr__(self) -> str:  # never print the secret
        return f"MasterSecret(form={self.form!r}, origin={self.origin!r})"

    def digest(self) -> str:
        """A stable, non-reversible identity for caches (never stored)."""
        return hashlib.sha256(self.form.encode() + b"\0" + self.secret).hexdigest()


def parse_master_secret(
    text: str, origin: Literal["env", "file", "given"] = "given"
) -> MasterSecret:
    """Interpret a master key string (see module docstring)."""
    s = text.strip()
    if _HEX64.fullmatch(s):
        return MasterSecret("raw", bytes.fromhex(s), origin)
    if _B64_32.fullmatch(s):
        try:
            raw = base64.b64decode(
                s.replace("-", "+").replace("_", "/") + "=" * (-len(s) % 4), validate=True
            )
        except binascii.Error:
            raw = b""
        if len(raw) == 32:
            return MasterSecret("raw", raw, origin)
    if len(s) < MIN_PASSPHRASE:
        raise MasterKeyError(
            f"the master key passphrase is too short ({len(s)} characters)",
            hint=f"use at least {MIN_PASSPHRASE} characters, or a 32-byte key in base64",
        )
    return MasterSecret("passphrase", s.encode("utf-8"), origin)


def new_kdf(form: Literal["raw", "passphrase"]) -> dict[str, Any]:
    salt = base64.b64encode(os.urandom(16)).decode()
    if form == "passphrase":
        return {"name": "scrypt", "salt": salt, "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}
    return {"name": "hkdf-sha256", "salt": salt}


_kek_cache: dict[tuple[str, str], bytes] = {}


def derive_kek(secret: MasterSecret, kdf: dict[str, Any]) -> bytes:
    """The key-encryption key for ``secret`` under a store's KDF parameters (cached)."""
    name = kdf.get("name")
    expected = "scrypt" if secret.form == "passphrase" else "hkdf-sha256"
    if name != expected:
        was = "a passphrase" if name == "scrypt" else "a raw 32-byte key"
        now = "a passphrase" if secret.form == "passphrase" else "a raw 32-byte key"
        raise MasterKeyError(
            f"this key store's master key is {was}, but {now} was given",
            hint="give the master key the store was created (or last rotated) with",
        )
    cache_key = (secret.digest(), repr(sorted(kdf.items())))
    if cache_key in _kek_cache:
        return _kek_cache[cache_key]
    salt = base64.b64decode(kdf["salt"])
    if name == "scrypt":
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        kek = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret.secret)
    else:
        kek = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=salt, info=b"privacy keystore kek"
        ).derive(secret.secret)
    if len(_kek_cache) > 32:
        _kek_cache.clear()
    _kek_cache[cache_key] = kek
    return kek


def local_wrapper(secret: MasterSecret, kdf: dict[str, Any] | None = None) -> LocalKeyWrapper:
    """A :class:`LocalKeyWrapper` for ``secret``; a fresh KDF (new salt) when ``kdf`` is None."""
    kdf = kdf or new_kdf(secret.form)
    return LocalKeyWrapper(
        derive_kek(secret, kdf), {"type": "local", "kdf": kdf, "origin": secret.origin}
    )


def master_file(keys_dir: Path) -> Path:
    """The local master key file: next to the keys folder (in the state dir by default)."""
    return keys_dir.parent / MASTER_FILE


def read_master_file(path: Path) -> MasterSecret:
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        log.warning("%s was readable by others (mode %o); set it to 0600", path, mode)
        os.chmod(path, _files.FILE_MODE)
    secret = parse_master_secret(path.read_text(encoding="ascii"), "file")
    if secret.form != "raw":
        raise MasterKeyError(
            f"{path} does not hold a 32-byte base64 key", hint="restore the file from backup"
        )
    return secret


def generate_master_file(path: Path) -> MasterSecret:
    if not path.parent.exists():  # an existing folder's mode is its owner's business
        _files.ensure_dir(path.parent)
    raw = os.urandom(32)
    if not _files.write_new(path, base64.b64encode(raw) + b"\n"):
        return read_master_file(path)  # another process generated it first
    log.warning(
        "privacy: generated a local master key in %s (mode 0600). It protects every key in the "
        "store: move it to a secret manager and set PRIVACY_MASTER_KEY instead for real data.",
        path,
    )
    return MasterSecret("raw", raw, "file")


def secret_from_environment(keys_dir: Path, store_exists: bool) -> MasterSecret:
    """Resolve the master key: PRIVACY_MASTER_KEY, else the local file (generated if new)."""
    env = os.environ.get(ENV_MASTER_KEY, "")
    if env.strip():
        return parse_master_secret(env, "env")
    path = master_file(keys_dir)
    if path.exists():
        return read_master_file(path)
    if store_exists:
        raise MasterKeyError(
            f"no master key for the key store at {keys_dir}: PRIVACY_MASTER_KEY is not set and "
            f"{path} does not exist",
            hint="set PRIVACY_MASTER_KEY to the key the store was created with (or restore "
            "the local master.key file)",
        )
    if os.environ.get(ENV_REQUIRE) == "1":
        raise MasterKeyError(
            "no master key: PRIVACY_MASTER_KEY is not set (and PRIVACY_REQUIRE_MASTER_KEY=1 "
            "forbids generating a local one)",
            hint=SET_KEY_HINT,
        )
    return generate_master_file(path)
