"""Signed notes and checkpoints in the C2SP formats, with Ed25519 from ``cryptography``.

A checkpoint (C2SP tlog-checkpoint) is the text ``<origin>\\n<size>\\n<base64 root>\\n``; a
signed note (C2SP signed-note) is that text, a blank line, and signature lines
``— <key name> <base64(key id || signature)>\\n``. Key id = SHA-256(name || 0x0A || 0x01 ||
public key)[:4]. Keys are encoded as in Go's ``golang.org/x/mod/sumdb/note``:
verifier ``<name>+<hex id>+<base64(0x01 || public)>``, signer
``PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>``.

Parsing is strict and canonical (base64 must re-encode to the same text, no stray bytes):
every byte of a stored note matters, so that no single-byte change can go unnoticed.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from functools import lru_cache
from hashlib import sha256

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from audit.errors import LogFormatError, SigningKeyError

ALG_ED25519 = 0x01
SIG_PREFIX = "\u2014 "
_NAME_RE = re.compile(r"^[^\s+]+$")
_CONTROL_RE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_DECIMAL_RE = re.compile(r"^(?:0|[1-9][0-9]{0,18})$")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, what: str) -> bytes:
    """Strict base64: alphabet and padding checked, and it must re-encode to the same text."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise LogFormatError(f"{what} is not valid base64") from None
    if b64(raw) != text:
        raise LogFormatError(f"{what} is not canonical base64")
    return raw


def key_id(name: str, public: bytes) -> bytes:
    return sha256(name.encode() + b"\n" + bytes([ALG_ED25519]) + public).digest()[:4]


def _check_name(name: str) -> None:
    if not _NAME_RE.match(name):
        raise SigningKeyError(f"key name {name!r} must be non-empty, without spaces or '+'")


def _ed25519_key(name: str, data: str, what: str) -> bytes:
    """The 32 key bytes of an encoded ``what`` (verifier or signing key) named ``name``."""
    _check_name(name)
    try:
        raw = unb64(data, what)
    except LogFormatError as e:
        raise SigningKeyError(e.message) from None
    if len(raw) != 33 or raw[0] != ALG_ED25519:
        raise SigningKeyError(f"{what} is not an Ed25519 key")
    return raw[1:]


@lru_cache(maxsize=8192)
def _ed25519_ok(public: bytes, message: bytes, signature: bytes) -> bool:
    # A pure function of its arguments, so memoising it is safe; re-verifying the same
    # checkpoints (a monitor, or the exhaustive tamper test) then costs nothing.
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except InvalidSignature:
        return False
    return True


@dataclass(frozen=True)
class Verifier:
    """The public half: checks signatures. Safe to publish and keep next to an export."""

    name: str
    public: bytes

    @property
    def key_id(self) -> bytes:
        return key_id(self.name, self.public)

    def encode(self) -> str:
        return f"{self.name}+{self.key_id.hex()}+{b64(bytes([ALG_ED25519]) + self.public)}"

    @classmethod
    def parse(cls, text: str) -> Verifier:
        parts = text.strip().split("+", 2)
        if len(parts) != 3:
            raise SigningKeyError(
                "a verifier key reads NAME+KEYID+BASE64",
                hint="copy the key printed by `privacy audit checkpoint`",
            )
        name, kid, data = parts
        v = cls(name, _ed25519_key(name, data, "verifier key"))
        if v.key_id.hex() != kid:
            raise SigningKeyError("verifier key id does not match its name and key")
        return v

    def verify(self, message: bytes, signature: bytes) -> bool:
        return _ed25519_ok(self.public, message, signature)


@dataclass(frozen=True)
class Signer:
    """The private half. Lives apart from the log (``keys/audit-signing.key``)."""

    name: str
    seed: bytes

    @classmethod
    def generate(cls, name: str) -> Signer:
        _check_name(name)
        key = Ed25519PrivateKey.generate()
        seed = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return cls(name, seed)

    @property
    def _key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.seed)

    @property
    def verifier(self) -> Verifier:
        return _verifier_of(self.name, self.seed)

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)

    def encode(self) -> str:
        kid = self.verifier.key_id.hex()
        return f"PRIVATE+KEY+{self.name}+{kid}+{b64(bytes([ALG_ED25519]) + self.seed)}"

    @classmethod
    def parse(cls, text: str) -> Signer:
        parts = text.strip().split("+", 4)
        if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"]:
            raise SigningKeyError("a signing key reads PRIVATE+KEY+NAME+KEYID+BASE64")
        name, kid, data = parts[2:]
        s = cls(name, _ed25519_key(name, data, "signing key"))
        if s.verifier.key_id.hex() != kid:
            raise SigningKeyError("signing key id does not match its key")
        return s

    def __repr__(self) -> str:  # never print the seed
        return f"Signer({self.name!r}, id={self.verifier.key_id.hex()})"


@lru_cache(maxsize=64)
def _verifier_of(name: str, seed: bytes) -> Verifier:
    key = Ed25519PrivateKey.from_private_bytes(seed)
    return Verifier(name, key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


# --- signed notes --------------------------------------------------------------------------


def sign_note(text: str, signer: Signer) -> str:
    if not text.endswith("\n") or "\n\n" in text:
        raise ValueError("note text must end in one newline and hold no blank line")
    sig = signer.sign(text.encode())
    return f"{text}\n{SIG_PREFIX}{signer.name} {b64(signer.verifier.key_id + sig)}\n"


def open_note(note: bytes, verifier: Verifier, *, only_signer: bool = True) -> str:
    """Check ``note`` and return its text. With ``only_signer`` the note must carry exactly
    one signature line, ``verifier``'s; otherwise other signers' lines are allowed and
    ignored (a cosigned export), but ours must be there and valid."""
    try:
        s = note.decode("utf-8")
    except UnicodeDecodeError:
        raise LogFormatError("note is not UTF-8") from None
    if _CONTROL_RE.search(s):
        raise LogFormatError("note holds control characters")
    split = s.rfind("\n\n")
    if split < 0 or not s.endswith("\n"):
        raise LogFormatError("note has no signature block")
    text, sigblock = s[: split + 1], s[split + 2 :]
    lines = sigblock[:-1].split("\n")
    if only_signer and len(lines) != 1:
        raise LogFormatError(f"note carries {len(lines)} signature lines, expected 1")
    ours = 0
    for line in lines:
        if not line.startswith(SIG_PREFIX):
            raise LogFormatError("malformed signature line")
        parts = line[len(SIG_PREFIX) :].split(" ")
        if len(parts) != 2 or not parts[0]:
            raise LogFormatError("malformed signature line")
        name, data = parts
        raw = unb64(data, "signature")
        if len(raw) < 5:
            raise LogFormatError("signature too short")
        if name != verifier.name or raw[:4] != verifier.key_id:
            if only_signer:
                raise LogFormatError(
                    f"note is signed by key {name}+{raw[:4].hex()}, "
                    f"not by {verifier.name}+{verifier.key_id.hex()}"
                )
            continue
        if len(raw) != 68 or not verifier.verify(text.encode(), raw[4:]):
            raise LogFormatError("signature does not verify")
        ours += 1
    if ours != 1:
        raise LogFormatError(
            f"note is not signed by {verifier.name}+{verifier.key_id.hex()}"
            if not ours
            else "note carries our signature twice"
        )
    return text


# --- checkpoints ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    """A signed statement: the log ``origin`` held ``size`` entries with this ``root``."""

    origin: str
    size: int
    root: bytes
    note: bytes

    @property
    def text(self) -> str:
        return checkpoint_text(self.origin, self.size, self.root)


def checkpoint_text(origin: str, size: int, root: bytes) -> str:
    return f"{origin}\n{size}\n{b64(root)}\n"


def sign_checkpoint(origin: str, size: int, root: bytes, signer: Signer) -> Checkpoint:
    note = sign_note(checkpoint_text(origin, size, root), signer).encode()
    return Checkpoint(origin, size, root, note)


def parse_checkpoint(note: bytes, verifier: Verifier, *, only_signer: bool = True) -> Checkpoint:
    """Verify the signature, then parse the text strictly (no extension lines)."""
    return _parse_checkpoint(bytes(note), verifier, only_signer)


@lru_cache(maxsize=4096)
def _parse_checkpoint(note: bytes, verifier: Verifier, only_signer: bool) -> Checkpoint:
    # memoised like the signature check: a pure function of immutable inputs (failures are
    # exceptions, which are not cached)
    text = open_note(note, verifier, only_signer=only_signer)
    lines = text[:-1].split("\n")
    if len(lines) != 3:
        raise LogFormatError(f"checkpoint text has {len(lines)} lines, expected 3")
    origin, size_s, root_s = lines
    if not _DECIMAL_RE.match(size_s):
        raise LogFormatError("checkpoint size is not a canonical decimal")
    root = unb64(root_s, "checkpoint root")
    if len(root) != 32:
        raise LogFormatError("checkpoint root is not 32 bytes")
    return Checkpoint(origin, int(size_s), root, note)
