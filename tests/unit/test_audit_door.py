"""privacy.auditing, the toolkit's only door to the audit log."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from privacy import auditing
from privacy.config import Settings
from privacy.crypto.pseudonyms import pseudonymize
from privacy.errors import AuditFailure

# Raw identifiers these tests use; none may ever reach the log's files.
RAW = {
    "email": "alice.martin@example.com",
    "phone": "+33 6 12 34 56 78",
    "card": "4539 1488 0343 6467",
    "iban": "FR14 2004 1010 0505 0001 3M02 606",
    "ssn": "536-22-1234",
    "ip": "198.51.100.23",
}


@pytest.fixture(autouse=True)
def _fresh_door() -> None:
    yield
    auditing.close_all()


def _files(settings: Settings) -> list[Path]:
    return [p for p in Path(settings.audit_url).rglob("*") if p.is_file()]


def test_record_creates_the_log_and_a_separate_signing_key(settings: Settings) -> None:
    r1 = auditing.record(settings, "scan.completed", "warehouse", details={"tables": 3})
    r2 = auditing.record(settings, "tag.confirmed", "warehouse.customers.email", actor="ana")
    assert (r1.seq, r2.seq) == (0, 1)
    key = settings.keys_dir / "audit-signing.key"
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    assert oct(settings.keys_dir.stat().st_mode & 0o777) == "0o700"
    assert Path(settings.audit_url).is_dir() and key.parent != Path(settings.audit_url)
    assert auditing.open_log(settings) is auditing.open_log(settings)  # cached per process
    recs = list(auditing.open_log(settings, readonly=True).records())
    assert [(r.action, r.actor) for r in recs][-1] == ("tag.confirmed", "ana")


def test_raw_personal_data_is_refused_and_never_reaches_the_files(settings: Settings) -> None:
    for kind, value in RAW.items():
        subject = pseudonymize(settings, kind, value)
        auditing.record(
            settings,
            "dsr.received",
            "dsr-0a1b2c3d4e",
            details={
                "kind": "erase",
                "regime": "gdpr",
                "subject": subject,
                "received_at": "2024-05-01",
                "due_at": "2024-05-31",
            },
        )
        auditing.record(settings, "key.shredded", subject, details={"subject": subject})
        for field in ("subject", "note"):
            with pytest.raises(AuditFailure) as e:
                auditing.record(settings, "dsr.received", "dsr-1", details={field: value})
            assert f"details.{field}" in e.value.message
            assert value not in str(e.value)
        with pytest.raises(AuditFailure):
            auditing.record(settings, "hook.rejected", f"dataset of {value}")
    auditing.close_all()
    files = _files(settings)
    assert any(p.parent.name == "segments" for p in files)
    blob = b"".join(p.read_bytes() for p in files)
    for value in RAW.values():
        for form in {value, value.lower(), value.replace(" ", ""), value.replace("-", "")}:
            assert form.encode() not in blob, f"raw identifier found in the audit log: {form}"
    assert auditing.verify(settings).ok
    recs = list(auditing.open_log(settings, readonly=True).records(actions=["dsr.", "key.shred"]))
    assert len(recs) == 2 * len(RAW)  # what was refused left no entry behind


def test_checkpoints_are_signed_every_n_events_and_at_close(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(auditing, "CHECKPOINT_EVERY", 3)
    for i in range(4):
        auditing.record(settings, "scan.completed", f"s{i}")
    log = auditing.open_log(settings)
    assert (log.size, log.signed_size) == (4, 3)
    auditing.close_all()
    rep = auditing.verify(settings)
    assert rep.ok and rep.size == rep.signed_size == 4


def test_verify_against_an_export_catches_a_rollback(settings: Settings, tmp_path: Path) -> None:
    for i in range(3):
        auditing.record(settings, "scan.completed", f"s{i}")
    auditing.close_all()
    backup = tmp_path / "backup"
    shutil.copytree(settings.audit_url, backup)
    auditing.record(settings, "key.shredded", "k1", details={"subject": "subj_" + "a" * 24})
    export = tmp_path / "officer" / "checkpoint.note"
    cp = auditing.export_checkpoint(settings, export)
    assert cp.size == 4 and export.read_bytes() == cp.note
    assert auditing.verify(settings, against=export).ok
    auditing.close_all()
    shutil.rmtree(settings.audit_url)
    shutil.copytree(backup, settings.audit_url)  # someone restores an older copy
    assert auditing.verify(settings).ok  # an older log on its own is a valid log ...
    rep = auditing.verify(settings, against=export)  # ... but not the one the officer saw
    assert not rep.ok and "rolled back" in rep.problems[0].message


def test_a_log_deleted_under_a_running_process_is_started_afresh(settings: Settings) -> None:
    auditing.record(settings, "scan.completed", "s1")
    auditing.flush()
    shutil.rmtree(settings.audit_url)
    r = auditing.record(settings, "scan.completed", "s2")
    assert r.seq == 0
    auditing.close_all()
    assert auditing.verify(settings).size == 1


def test_the_verifier_key_can_be_pinned_from_text(settings: Settings) -> None:
    auditing.record(settings, "scan.completed", "s1")
    vkey = auditing.trusted_verifier(settings)
    assert vkey is not None
    assert auditing.verify(settings, key=vkey.encode()).key_trusted
    other = "privacy-audit+00000000+AQ" + "A" * 42 + "="
    with pytest.raises(AuditFailure, match="verifier key"):
        auditing.verify(settings, key=other)
