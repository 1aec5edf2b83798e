"""Keyed pseudonyms for data subjects: HMAC-SHA256 under a secret kept in the key store.

The same subject always maps to the same pseudonym (so audit events of one request can be
joined), but without the key nobody can test a guess. Audit events, logs and reports carry
only these pseudonyms.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

PREFIX = "subj_"


def _key(keys_dir: Path) -> bytes:
    # replaced by a key-store-wrapped secret by the crypto work; same file layout contract
    path = keys_dir / "pseudonym.key"
    if not path.exists():
        keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(os.urandom(32))
    return path.read_bytes()


def pseudonymize(keys_dir: Path, kind: str, value: str) -> str:
    """``subj_`` + 24 hex digits of HMAC(key, kind:normalized value)."""
    norm = value.strip().lower() if kind in ("email", "username") else value.strip()
    mac = hmac.new(_key(keys_dir), f"{kind}:{norm}".encode(), hashlib.sha256).hexdigest()
    return PREFIX + mac[:24]
