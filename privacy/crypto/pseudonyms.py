"""Keyed pseudonyms for data subjects: HMAC-SHA256 under a secret kept in the key store.

The same subject always maps to the same pseudonym (so audit events of one request can be
joined), but without the key nobody can test a guess. Audit events, logs and reports carry
only these pseudonyms. The secret is wrapped by the master key like every other key
(``keys/system/pseudonym.key``); the provisional raw ``keys/pseudonym.key`` is migrated.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from privacy.crypto.keystore import PSEUDONYM_PREFIX, STORE_FILE, KeyStore

if TYPE_CHECKING:
    from privacy.config import Settings

PREFIX = PSEUDONYM_PREFIX

_stores: dict[tuple[str, str, int, int], KeyStore] = {}


def _store(keys: KeyStore | Settings | Path) -> KeyStore:
    if isinstance(keys, KeyStore):
        return keys
    settings = None if isinstance(keys, Path | str) else keys
    keys_dir = Path(keys if settings is None else settings.keys_dir).resolve()  # type: ignore[arg-type]
    env = hashlib.sha256(os.environ.get("PRIVACY_MASTER_KEY", "").encode()).hexdigest()
    try:
        st = (keys_dir / STORE_FILE).stat()
        ident = (st.st_ino, st.st_mtime_ns)
    except FileNotFoundError:
        ident = (0, 0)
    cache_key = (str(keys_dir), env, *ident)
    store = _stores.get(cache_key)
    if store is None:
        store = KeyStore.open(keys_dir, settings=settings)
        if len(_stores) > 16:
            _stores.clear()
        if ident != (0, 0):
            _stores[cache_key] = store
    return store


def pseudonymize(keys: KeyStore | Settings | Path, kind: str, value: str) -> str:
    """``subj_`` + 24 hex digits of HMAC(key, kind:normalized value).

    ``keys`` is an open :class:`KeyStore`, a ``Settings`` or a keys folder; the latter two open
    the store with the environment's master key (cached per process).
    """
    return _store(keys).pseudonym(kind, value)


def pseudonymize_many(
    keys: KeyStore | Settings | Path, kind: str, values: Iterable[str | None]
) -> list[str | None]:
    """A column of identifiers to pseudonyms (``None`` stays ``None``)."""
    store = _store(keys)
    return [None if v is None else store.pseudonym(kind, str(v)) for v in values]
