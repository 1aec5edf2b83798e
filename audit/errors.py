"""The audit package's own exception tree (it imports nothing of the project).

``privacy.auditing`` translates these into ``privacy.errors.AuditFailure``. Messages never
echo event values: a refused field is named, its content is not.
"""

from __future__ import annotations


class AuditError(Exception):
    """Root of every error the audit package raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message


class InvalidEventError(AuditError):
    """An event is malformed: unknown shape, bad action name, not JSON-able, too large."""


_KIND_WORDS = {
    "EMAIL_ADDRESS": "an e-mail address",
    "PHONE_NUMBER": "a phone number",
    "CREDIT_CARD": "a payment card number",
    "IBAN_CODE": "an IBAN",
    "US_SSN": "a US social security number",
    "IP_ADDRESS": "an IP address",
}


class PersonalDataError(InvalidEventError):
    """An event holds what looks like raw personal data. Names the field, never the value."""

    def __init__(self, field: str, kind: str) -> None:
        super().__init__(
            f"audit event field {field} holds what looks like {_KIND_WORDS.get(kind, kind)}; "
            "the audit log refuses personal data",
            hint="refer to data subjects by their keyed pseudonym "
            "(privacy.crypto.pseudonyms.pseudonymize) and leave values out of events",
        )
        self.field = field
        self.kind = kind


class LogNotFoundError(AuditError):
    """No audit log at the given location."""


class LogReplacedError(AuditError):
    """The log at this location was deleted or replaced while this process had it open."""


class LogFormatError(AuditError):
    """A file or row of the log is not in the expected format (and is not a torn tail)."""


class SequenceError(LogFormatError):
    """A well-formed entry in the wrong place (duplicated, moved, inserted): never torn."""


class TamperError(AuditError):
    """Damage at or below a signed checkpoint: never repaired, always reported."""


class SigningKeyError(AuditError):
    """A signing or verifier key is missing, malformed, or not the log's key."""


class WriterStoppedError(AuditError):
    """A write or fsync failed: the writer stopped rather than retry (the data may be lost).

    After an fsync error the kernel may already have dropped the dirty pages, so a retry that
    "succeeds" would claim durability that does not exist. Re-open the log: recovery cuts
    whatever tail was not made durable and reports it.
    """


class LogBusyError(AuditError):
    """Another process held the log's writer lock for too long."""


class StoreUnavailableError(AuditError):
    """The log's database cannot be reached. The appends of the failed batch were not made."""


class ProofError(AuditError):
    """A proof cannot be produced for the sizes asked (out of range)."""


__all__ = [
    "AuditError",
    "InvalidEventError",
    "LogBusyError",
    "LogFormatError",
    "LogNotFoundError",
    "LogReplacedError",
    "PersonalDataError",
    "ProofError",
    "SequenceError",
    "SigningKeyError",
    "StoreUnavailableError",
    "TamperError",
    "WriterStoppedError",
]
