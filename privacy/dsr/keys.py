"""The workflow's use of the key store: sealing what a request must remember, and shredding.

- ``seal``/``unseal``: the raw subject value and the collected keys are personal data. They
  are stored only encrypted, under a key of the request workflow (a column key of
  ``privacy.dsr_requests``), *not* the subject's key, so shredding the subject's key does not
  lock the request out of its own work. The plaintext names the request it belongs to, so a
  sealed blob copied to another request is refused.
- ``shred_subject``: encrypts a canary under the subject's key, shreds the key, and returns
  evidence; ``verify_shredded`` checks the canary no longer decrypts (KeyShreddedError) and no
  key material is left.
"""

from __future__ import annotations

import json
from typing import Any

from privacy.config import Settings
from privacy.errors import CryptoError, DecryptionError, KeyShreddedError

SEAL_TABLE, SEAL_COLUMN = "privacy.dsr_requests", "sealed"
CANARY_TABLE, CANARY_COLUMN = "privacy.dsr_requests", "shred_canary"


def _store(settings: Settings) -> Any:
    from privacy.crypto import open_keystore

    return open_keystore(settings)


def seal(settings: Settings, request_id: str, data: Any) -> bytes:
    from privacy.crypto import encrypt_value

    text = json.dumps({"request": request_id, "data": data}, separators=(",", ":"))
    token = encrypt_value(
        _store(settings), text, table=SEAL_TABLE, column=SEAL_COLUMN, mode="randomized"
    )
    return str(token).encode("ascii")


def unseal(settings: Settings, request_id: str, blob: bytes) -> Any:
    from privacy.crypto import decrypt_value

    text = decrypt_value(
        _store(settings), blob.decode("ascii"), table=SEAL_TABLE, column=SEAL_COLUMN
    )
    payload = json.loads(text)
    if payload.get("request") != request_id:
        raise DecryptionError(
            f"sealed data of request {request_id} belongs to another request",
            hint="the request record was altered; restore it from a backup",
        )
    return payload["data"]


def shred_subject(settings: Settings, pseudonym: str) -> dict[str, Any]:
    """Shred the subject's data key; returns evidence (no key material, no values)."""
    from privacy.crypto import encrypt_value

    store = _store(settings)
    evidence: dict[str, Any] = {"subject": pseudonym}
    if store.is_shredded(pseudonym):
        evidence["already_shredded"] = True
        return evidence
    from privacy.errors import KeyNotFoundError

    try:
        store.subject_keys([pseudonym], create=False)
        had_key = True
    except KeyNotFoundError:
        had_key = False
    if had_key:
        # a value encrypted under the key now, to prove after shredding that it cannot be read
        evidence["canary"] = encrypt_value(
            store,
            "canary",
            table=CANARY_TABLE,
            column=CANARY_COLUMN,
            mode="randomized",
            subject=pseudonym,
        )
    result = store.shred(pseudonym)
    evidence["key_ids"] = list(getattr(result, "key_ids", []) or [])
    evidence["had_key"] = had_key
    return evidence


def verify_shredded(settings: Settings, pseudonym: str, evidence: dict[str, Any]) -> dict[str, Any]:
    """Check the subject's key is gone: the canary fails with KeyShreddedError."""
    from privacy.crypto import decrypt_value

    store = _store(settings)
    out: dict[str, Any] = {
        "tombstone": bool(store.is_shredded(pseudonym)),
        "key_material_present": bool(store.key_material_present(pseudonym)),
    }
    canary = evidence.get("canary")
    if canary:
        try:
            decrypt_value(store, canary, table=CANARY_TABLE, column=CANARY_COLUMN)
            out["canary"] = "decrypted"
        except KeyShreddedError:
            out["canary"] = "KeyShreddedError"
        except CryptoError as e:
            out["canary"] = type(e).__name__
    out["ok"] = (
        out["tombstone"]
        and not out["key_material_present"]
        and out.get("canary", "KeyShreddedError") == "KeyShreddedError"
    )
    return out
