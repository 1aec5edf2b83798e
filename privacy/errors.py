"""The toolkit's exception tree.

One root, :class:`PrivacyError`. Every error carries a ``hint`` that tells the user what to do,
an ``exit_code`` the CLI uses, and whether it is ``retryable``: the request executor retries
(or pauses and later resumes) on retryable errors and fails the step on terminal ones.

Messages never contain personal data: name tables, columns, entities and pseudonyms, not values.

The ``audit`` package sits below ``privacy`` and imports nothing of it, so it raises its own
``audit.AuditError``; :func:`privacy.auditing` translates those into :class:`AuditFailure`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class PrivacyError(Exception):
    """Root of every error the toolkit raises on purpose."""

    exit_code: int = 1
    retryable: bool = False

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message}\n  hint: {self.hint}"
        return self.message


class RetryableError(PrivacyError):
    """A fault that may pass: a service down, a lock, a timeout. Safe to retry the same step."""

    retryable = True


# --- configuration -------------------------------------------------------------------------


class ConfigError(PrivacyError):
    """privacy.toml or a setting is wrong."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        where = ":".join(str(p) for p in (file, line) if p is not None)
        if field:
            where = f"{where} [{field}]" if where else f"[{field}]"
        super().__init__(f"{where}: {message}" if where else message, hint=hint)
        self.file, self.line, self.field = file, line, field


# --- sources -------------------------------------------------------------------------------


class SourceError(PrivacyError):
    """A data source cannot be used as asked."""


class UnsupportedSourceError(SourceError):
    """A URL scheme or file format the toolkit has no adapter for."""

    exit_code = 2


class SourceNotFoundError(SourceError):
    """A path, database, table or column that does not exist."""


class SourceUnavailableError(SourceError, RetryableError):
    """The source exists but cannot be reached right now (connection refused, timeout)."""


class SourcePermissionError(SourceError):
    """The credentials in use may not read (or change) this table."""


class SourceReadError(SourceError):
    """The data could not be read: bad encoding, corrupt file, unsupported column type."""


# --- catalog -------------------------------------------------------------------------------


class CatalogError(PrivacyError):
    """The catalog database refused an operation."""


class SourceNameConflictError(CatalogError):
    """A source name in the catalog already stands for other data."""


class CatalogUnavailableError(CatalogError, RetryableError):
    """The catalog database cannot be reached. Guards fail closed on this."""


class UnknownColumnError(CatalogError):
    """A SOURCE.TABLE.COLUMN name that the catalog does not know."""


# --- scanning and ingestion ----------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One column that holds PII without a confirmed tag. Never carries a value."""

    table: str
    column: str
    entity: str
    evidence: tuple[str, ...] = ()


class UntaggedPIIError(PrivacyError):
    """A batch or table holds personal data in columns that have no confirmed tag."""

    exit_code = 3

    def __init__(self, dataset: str, findings: Sequence[Finding], *, hint: str | None = None):
        cols = ", ".join(f"{f.table}.{f.column} ({f.entity})" for f in findings)
        super().__init__(
            f"{dataset}: personal data in untagged columns: {cols}",
            hint=hint
            or "confirm the proposed tags (`privacy tag confirm SOURCE.TABLE.COLUMN`) or drop "
            "the columns before loading",
        )
        self.dataset = dataset
        self.findings = tuple(findings)


# --- policy and access ---------------------------------------------------------------------


class PolicyError(PrivacyError):
    """A policy file is malformed or contradictory. The previous policy stays in force."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        where = ":".join(str(p) for p in (file, line) if p is not None)
        if field:
            where = f"{where} [{field}]" if where else f"[{field}]"
        super().__init__(f"{where}: {message}" if where else message, hint=hint)
        self.file, self.line, self.field = file, line, field


class AccessDeniedError(PrivacyError):
    """The policy denies this role what it asked for."""

    exit_code = 3


# --- crypto --------------------------------------------------------------------------------


class CryptoError(PrivacyError):
    """Encryption or key management failed."""


class KeyNotFoundError(CryptoError):
    """No key with that id in the key store."""


class KeyShreddedError(CryptoError):
    """The key was destroyed on purpose (crypto-shredding); its data is gone for good."""


class DecryptionError(CryptoError):
    """A ciphertext failed authentication: tampered, truncated, or moved to another column."""


class MasterKeyError(CryptoError):
    """The master key is missing or wrong."""

    exit_code = 2


# --- data-subject requests -----------------------------------------------------------------


class RequestError(PrivacyError):
    """A data-subject request cannot proceed as asked."""


class SubjectFormatError(RequestError):
    """A subject that is not written KIND:VALUE (a usage error, like an unknown kind)."""

    exit_code = 2


class ReceiptInFutureError(RequestError):
    """A request's receipt date lies in the future (a usage error)."""

    exit_code = 2


class UnknownIdentifierKindError(RequestError):
    """A subject KIND that no identifier column is declared or tagged for."""

    exit_code = 2


class RequestNotFoundError(RequestError):
    """No request with that id."""


class InvalidTransitionError(RequestError):
    """The request's state does not allow that operation."""


class ExtensionNotAllowedError(RequestError):
    """An extension past the legal limit, a second extension, or one after the due date."""

    exit_code = 2


class RequestOverdueError(RequestError):
    """At least one open request is past its due date."""

    exit_code = 4


class RelationCycleError(RequestError):
    """Declared relations form a cycle the planner cannot order."""

    exit_code = 2


class VerificationError(RequestError):
    """After an erasure, the subject's data could still be found."""


# --- audit ---------------------------------------------------------------------------------


class AuditFailure(PrivacyError):
    """The audit log could not record or verify an event. Work that must be audited stops."""
