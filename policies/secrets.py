"""The secret behind the keyed ``hash`` effect, derived from the key store.

The same key hashes in Python (``policies.read``) and in warehouse views (stored in a table only
the view owner reads), so a hashed column joins across both. It never leaves the key store's
protection in clear except into that table.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from privacy.config import Settings

PURPOSE = "policies.hash.v1"
_CACHE: dict[Path, bytes] = {}


def hash_key(settings: Settings) -> bytes:
    """32 secret bytes for keyed hashing, stable for a key store."""
    cached = _CACHE.get(settings.keys_dir)
    if cached is not None:
        return cached
    from privacy import crypto

    store = crypto.open_keystore(settings)
    derive = getattr(store, "derive_secret", None)
    if derive is not None:
        key = bytes(derive(PURPOSE, 32))
    else:
        # Until the key store offers derive_secret: a deterministic (AES-SIV) token of a fixed
        # label under a domain key of its own is a keyed PRF output nobody else ever sees.
        token = crypto.encrypt_value(
            store, PURPOSE, table="policies", column="hash", domain=PURPOSE, mode="deterministic"
        )
        key = hashlib.sha256(str(token).encode()).digest()
    _CACHE[settings.keys_dir] = key
    return key
