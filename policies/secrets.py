"""The secret behind the keyed ``hash`` effect, derived from the key store.

The same key hashes in Python (``policies.read``) and in warehouse views (stored in a table only
the view owner reads), so a hashed column joins across both. It never leaves the key store's
protection in clear except into that table.
"""

from __future__ import annotations

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
    key = store.derive_secret(PURPOSE, 32)
    _CACHE[settings.keys_dir] = key
    return key
