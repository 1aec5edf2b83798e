"""The toolkit's door to the audit log: every state change is recorded through here.

``record`` appends one event and returns only once it is durable. Details must not hold
personal data: pass subjects through :func:`privacy.crypto.pseudonyms.pseudonymize` first
(the log refuses e-mail addresses, phone, card and IBAN numbers, SSNs and IP addresses).
This module is the only place in ``privacy`` that talks to ``audit``.

The log lives at ``settings.audit_url`` (a folder, by default ``.privacy/audit``, or a
``postgresql+psycopg://`` URL). Its Ed25519 signing key lives apart, in
``settings.keys_dir / "audit-signing.key"`` (created on first use, 0600). Open logs are cached
per process; a checkpoint is signed every :data:`CHECKPOINT_EVERY` events, when the last one
is older than :data:`CHECKPOINT_AFTER` seconds, and when the process exits.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import time
from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy.config import Settings
from privacy.errors import AuditFailure

if TYPE_CHECKING:
    from audit import AuditLog, Checkpoint, Receipt, Verifier, VerifyReport

SIGNING_KEY_FILE = "audit-signing.key"
CHECKPOINT_EVERY = 256
CHECKPOINT_AFTER = 30.0
_MAX_OPEN = 8

_lock = threading.RLock()
_open: OrderedDict[tuple[str, str], _Open] = OrderedDict()


class _Open:
    def __init__(self, log: AuditLog) -> None:
        self.log = log
        self.signed_at = time.monotonic()


def default_actor() -> str:
    return os.environ.get("PRIVACY_ACTOR") or os.environ.get("USER") or "system"


def signing_key_path(settings: Settings) -> Path:
    return Path(settings.keys_dir) / SIGNING_KEY_FILE


def location(settings: Settings) -> str:
    url = str(settings.audit_url)
    return url if "://" in url else str(Path(url).resolve())


def _failure(e: Exception, what: str) -> AuditFailure:
    import audit

    message = getattr(e, "message", str(e))
    hint = getattr(e, "hint", None)
    if isinstance(e, audit.PersonalDataError):
        return AuditFailure(message, hint=hint)
    if isinstance(e, audit.TamperError):
        return AuditFailure(
            f"{what}: {message}",
            hint=hint or "run `privacy audit verify` to see what is damaged",
        )
    return AuditFailure(f"{what}: {message}", hint=hint)


def _signer(settings: Settings) -> Any:
    import audit

    try:
        return audit.load_or_create_signer(signing_key_path(settings))
    except audit.AuditError as e:
        raise _failure(e, "audit signing key") from None


def _writable(settings: Settings) -> _Open:
    import audit

    key = (location(settings), str(signing_key_path(settings)))
    with _lock:
        entry = _open.get(key)
        if entry is not None:
            _open.move_to_end(key)
            return entry
        signer = _signer(settings)
        try:
            log = audit.open_log(key[0], signer=signer)
        except audit.AuditError as e:
            raise _failure(e, f"opening the audit log at {key[0]}") from None
        for r in log.recoveries:
            print(
                f"audit: cut a torn tail of {r.bytes_removed} bytes at {r.where} "
                f"(entry {r.first_seq}: {r.reason}); recorded as audit.tail_cut",
                file=sys.stderr,
            )
        entry = _Open(log)
        _open[key] = entry
        while len(_open) > _MAX_OPEN:
            _, old = _open.popitem(last=False)
            _close(old)
        return entry


def _evict(settings: Settings) -> None:
    key = (location(settings), str(signing_key_path(settings)))
    with _lock:
        entry = _open.pop(key, None)
    if entry is not None:
        _close(entry, checkpoint=False)


def _close(entry: _Open, *, checkpoint: bool = True) -> None:
    try:
        entry.log.close(checkpoint=checkpoint and entry.log.unsigned > 0)
    except Exception as e:  # closing at exit must not mask the command's own outcome
        if Path(entry.log.location).exists() or "://" in entry.log.location:
            print(
                f"audit: could not sign a checkpoint of {entry.log.location}: {e}", file=sys.stderr
            )


def ensure_writable(settings: Settings) -> None:
    """Fail closed: raise AuditFailure *before* a change that could then not be audited (a
    damaged log, an audit database that is down). Opening verifies the log against its last
    signed checkpoint; the writer stays open for the events that follow."""
    _writable(settings)


def open_log(settings: Settings, *, readonly: bool = False) -> AuditLog:
    """The log for ``settings``: the cached writer, or a fresh read-only view."""
    import audit

    if not readonly:
        return _writable(settings).log
    try:
        return audit.open_log(location(settings), create=False)
    except audit.AuditError as e:
        raise _failure(e, "opening the audit log") from None


def record(
    settings: Settings,
    action: str,
    target: str,
    *,
    outcome: str = "ok",
    details: dict[str, Any] | None = None,
    actor: str | None = None,
) -> Receipt:
    """Append an event; returns its receipt once it is durable. Raises AuditFailure (and the
    work that needed auditing should stop) when the event cannot be recorded."""
    import audit

    event = audit.Event(
        action=action,
        target=target,
        outcome=outcome,
        details=details or {},
        actor=actor or default_actor(),
    )
    for attempt in (1, 2):
        entry = _writable(settings)
        try:
            receipt = entry.log.append(event)
            break
        except audit.LogReplacedError:
            _evict(settings)  # the folder was deleted or replaced: start over once
            if attempt == 2:
                raise AuditFailure(
                    f"the audit log at {location(settings)} keeps changing"
                ) from None
        except audit.AuditError as e:
            raise _failure(e, f"recording {action}") from None
        except OSError as e:
            raise AuditFailure(
                f"recording {action}: the audit log at {location(settings)} cannot be "
                f"written ({e.strerror})",
                hint="check the disk and the folder's permissions",
            ) from None
    log = entry.log
    if log.unsigned >= CHECKPOINT_EVERY or (time.monotonic() - entry.signed_at > CHECKPOINT_AFTER):
        _checkpoint(entry)
    return receipt


def _checkpoint(entry: _Open) -> Checkpoint:
    import audit

    try:
        cp = entry.log.checkpoint()
    except audit.AuditError as e:
        raise _failure(e, "signing an audit checkpoint") from None
    entry.signed_at = time.monotonic()
    return cp


def checkpoint(settings: Settings) -> Checkpoint:
    """Sign the log's current state now (creating the log if there is none yet)."""
    return _checkpoint(_writable(settings))


def flush(settings: Settings | None = None) -> None:
    """Sign what this process appended (all open logs, or the one for ``settings``)."""
    with _lock:
        entries = list(_open.items())
    for key, entry in entries:
        if settings is not None and key[0] != location(settings):
            continue
        if entry.log.unsigned > 0:
            _checkpoint(entry)


def close_all() -> None:
    """Sign and close every log this process opened (runs at exit)."""
    with _lock:
        entries = list(_open.values())
        _open.clear()
    for entry in entries:
        _close(entry)


atexit.register(close_all)


def trusted_verifier(settings: Settings, key: str | None = None) -> Verifier | None:
    """The key to pin: ``key`` (text or file) if given, else the public half of the local
    signing key if there is one, else None (the log's own key is then used, with a warning)."""
    import audit

    try:
        if key:
            return audit.load_verifier(key)
        path = signing_key_path(settings)
        if path.exists():
            return audit.load_signer(path).verifier
    except audit.AuditError as e:
        raise _failure(e, "loading the verifier key") from None
    return None


def verify(
    settings: Settings, *, against: Path | None = None, key: str | None = None
) -> VerifyReport:
    """Check every hash and signature of the log; with ``against`` (an exported checkpoint
    file) also that the log still extends it. Signs this process's own appends first."""
    import audit

    flush(settings)
    trusted = trusted_verifier(settings, key)
    note = None
    if against is not None:
        try:
            note = Path(against).read_bytes()
        except OSError as e:
            raise AuditFailure(
                f"cannot read the exported checkpoint {against}: {e.strerror}",
                hint="pass the file written by `privacy audit checkpoint --export`",
            ) from None
    where = location(settings)
    if "://" not in where and not Path(where).exists():
        raise AuditFailure(
            f"no audit log at {where}",
            hint="the log is created by the first command that changes something; check "
            "PRIVACY_HOME or [state] audit_url in privacy.toml",
        )
    try:
        image = audit.make_store(where).image()
        return audit.verify_image(image, trusted, against=note)
    except audit.AuditError as e:
        raise _failure(e, "verifying the audit log") from None


def export_checkpoint(settings: Settings, path: Path) -> Checkpoint:
    """Sign a checkpoint now and write it (a C2SP signed note) to ``path``."""
    cp = checkpoint(settings)
    from privacy.sources.atomic import write_atomic

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, cp.note)
    return cp


def report(
    settings: Settings,
    start: date,
    end: date,
    fmt: str = "html",
    *,
    key: str | None = None,
) -> str:
    """The compliance report for [start, end], rendered as ``html``, ``md`` or ``json``."""
    import audit
    from audit.render import render
    from audit.report import REPORT_ACTION_PREFIXES, build_report

    verification = verify(settings, key=key)
    log = open_log(settings, readonly=True)
    try:
        records = log.records(actions=REPORT_ACTION_PREFIXES)
        data = build_report(records, start, end, verification)
    except audit.AuditError as e:
        raise _failure(e, "reading the audit log") from None
    finally:
        log.close()
    return render(data, fmt)
