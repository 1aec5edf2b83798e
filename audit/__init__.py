"""Append-only, tamper-evident audit log. Imports nothing of the rest of the project.

    log = open_log(".privacy/audit", signer=load_or_create_signer(keys / "audit-signing.key"))
    receipt = log.append(Event("scan.completed", "warehouse", details={"tables": 3}))
    log.checkpoint()
    report = log.verify(trusted=signer.verifier)

Entries form a Merkle tree (RFC 6962/9162); checkpoints are C2SP signed notes (Ed25519).
See docs/audit.md for the formats and guarantees.
"""

from audit.errors import (
    AuditError,
    InvalidEventError,
    LogBusyError,
    LogFormatError,
    LogNotFoundError,
    LogReplacedError,
    PersonalDataError,
    ProofError,
    SigningKeyError,
    StoreUnavailableError,
    TamperError,
    WriterStoppedError,
)
from audit.events import Event, Record
from audit.keys import load_or_create_signer, load_signer, load_verifier
from audit.log import (
    AuditLog,
    InclusionProof,
    Receipt,
    Recovery,
    make_store,
    open_log,
)
from audit.note import Checkpoint, Signer, Verifier, parse_checkpoint
from audit.verify import SegmentCache, VerifyReport, verify_image

__all__ = [
    "AuditError",
    "AuditLog",
    "Checkpoint",
    "Event",
    "InclusionProof",
    "InvalidEventError",
    "LogBusyError",
    "LogFormatError",
    "LogNotFoundError",
    "LogReplacedError",
    "PersonalDataError",
    "ProofError",
    "Receipt",
    "Record",
    "Recovery",
    "SegmentCache",
    "Signer",
    "SigningKeyError",
    "StoreUnavailableError",
    "TamperError",
    "Verifier",
    "VerifyReport",
    "WriterStoppedError",
    "load_or_create_signer",
    "load_signer",
    "load_verifier",
    "make_store",
    "open_log",
    "parse_checkpoint",
    "verify_image",
]
