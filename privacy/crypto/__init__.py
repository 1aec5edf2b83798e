"""Encryption: key store, field encryption (AES-256-GCM, AES-SIV), crypto-shredding.

The API other parts use is re-exported here; docs/crypto.md describes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from privacy.crypto.fields import decrypt_value, decrypt_values, encrypt_value, encrypt_values
from privacy.crypto.keystore import KeyInfo, KeyStore, ShredResult
from privacy.crypto.master import KeyWrapper, LocalKeyWrapper, MasterSecret, parse_master_secret
from privacy.crypto.pseudonyms import pseudonymize, pseudonymize_many
from privacy.crypto.tokens import Mode, Token, is_ciphertext, parse_token

if TYPE_CHECKING:
    from privacy.config import Settings


def open_keystore(settings: Settings, *, wrapper: KeyWrapper | None = None) -> KeyStore:
    """The settings' key store (``settings.keys_dir``), audited through ``settings``."""
    return KeyStore.open(settings.keys_dir, wrapper=wrapper, settings=settings)


__all__ = [
    "KeyInfo",
    "KeyStore",
    "KeyWrapper",
    "LocalKeyWrapper",
    "MasterSecret",
    "Mode",
    "ShredResult",
    "Token",
    "decrypt_value",
    "decrypt_values",
    "encrypt_value",
    "encrypt_values",
    "is_ciphertext",
    "open_keystore",
    "parse_master_secret",
    "parse_token",
    "pseudonymize",
    "pseudonymize_many",
]
