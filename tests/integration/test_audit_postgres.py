"""The PostgreSQL store, against the real server: same format, insert-only, same verifier."""

from __future__ import annotations

import multiprocessing
import uuid
from pathlib import Path

import psycopg
import pytest

from audit import Event, Signer, TamperError, open_log, verify_image
from audit.folder import FolderStore
from audit.layout import MemoryImage
from audit.postgres import WRITER_ROLE, psycopg_url

pytestmark = pytest.mark.services


def _ev(i: int) -> Event:
    return Event(
        "policy.decision",
        f"warehouse.t{i % 3}",
        details={"role": "analyst", "policy_version": 2, "effects": {"email": "mask"}},
        actor="tester",
        time=f"2024-05-01T10:00:{i % 60:02d}Z",
    )


def _sql(url: str, statement: str, *, role: str | None = None) -> None:
    with psycopg.connect(psycopg_url(url), autocommit=True) as conn:
        if role:
            conn.execute(f'SET ROLE "{role}"')
        conn.execute(statement)


def test_append_checkpoint_verify_and_the_same_bytes_as_a_folder(
    pg_url: str, tmp_path: Path
) -> None:
    signer = Signer.generate("privacy-audit")
    pg = open_log(pg_url, signer=signer, origin="example/audit", segment_entries=8)
    folder = open_log(tmp_path / "audit", signer=signer, origin="example/audit", segment_entries=8)
    events = [_ev(i) for i in range(21)]
    for log in (pg, folder):
        log.append_many(events[:10])
        log.checkpoint()
        for e in events[10:]:
            log.append(e)
        log.close()
    rep = verify_image(pg.store.image(), signer.verifier)
    assert rep.ok, rep.problems
    assert (rep.size, rep.signed_size, rep.checkpoints) == (21, 21, 3)
    # the database holds exactly the folder's format: same entries, notes and header
    pg_items = MemoryImage.from_image(pg.store.image()).items
    folder_items = MemoryImage.from_image(FolderStore(tmp_path / "audit").image()).items
    for name, data in folder_items.items():
        if name != "state":
            assert pg_items[name] == data, name
    again = open_log(pg_url, signer=signer)
    assert (again.size, again.signed_size) == (21, 21)
    assert again.inclusion_proof(17).verify()
    again.close()


def test_the_writer_may_only_insert_and_triggers_refuse_changes(pg_url: str) -> None:
    signer = Signer.generate("privacy-audit")
    log = open_log(pg_url, signer=signer)
    log.append_many([_ev(i) for i in range(3)])
    log.close()
    for statement in (
        "UPDATE audit_entries SET entry = 'x' WHERE seq = 1",
        "DELETE FROM audit_entries WHERE seq = 1",
        "TRUNCATE audit_entries",
        "DELETE FROM audit_checkpoints",
        "UPDATE audit_meta SET meta = 'x'",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
            _sql(pg_url, statement, role=WRITER_ROLE)
        # even the owner (here a superuser) is stopped by the trigger
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            _sql(pg_url, statement)
    _sql(
        pg_url,
        "INSERT INTO audit_entries (seq, entry) VALUES (1000, 'x')",
        role=WRITER_ROLE,
    )  # insert is what the role is for (a junk row, which the verifier then reports)
    assert not verify_image(log.store.image(), signer.verifier).ok


def test_a_login_granted_the_writer_role_works_as_it(pg_url: str) -> None:
    signer = Signer.generate("privacy-audit")
    open_log(pg_url, signer=signer).close()  # installs the schema as the owner
    login = f"audit_app_{uuid.uuid4().hex[:8]}"
    _sql(pg_url, f"CREATE ROLE {login} LOGIN")
    try:
        _sql(pg_url, f'GRANT "{WRITER_ROLE}" TO {login}')
        app_url = pg_url.replace("postgres@", f"{login}@")
        log = open_log(app_url, signer=signer)
        log.append(_ev(1))
        log.checkpoint()
        with (
            psycopg.connect(psycopg_url(app_url), autocommit=True) as conn,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            conn.execute("DELETE FROM audit_entries")
        assert log.verify(signer.verifier).ok
        log.close()
    finally:
        _sql(pg_url, f"DROP OWNED BY {login}")
        _sql(pg_url, f"DROP ROLE {login}")


def test_a_superuser_who_bypasses_the_trigger_is_still_caught(pg_url: str) -> None:
    signer = Signer.generate("privacy-audit")
    log = open_log(pg_url, signer=signer)
    log.append_many([_ev(i) for i in range(5)])
    log.close()
    _sql(pg_url, "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change")
    _sql(
        pg_url,
        "UPDATE audit_entries SET entry = "
        "convert_to(replace(convert_from(entry, 'UTF8'), 'mask', 'allow'), 'UTF8') WHERE seq = 2",
    )
    rep = verify_image(log.store.image(), signer.verifier)
    assert not rep.ok
    assert any("do not hash to the signed root" in p.message for p in rep.problems)
    _sql(pg_url, "DELETE FROM audit_entries WHERE seq = 4")
    with pytest.raises(TamperError):
        open_log(pg_url, signer=signer)


def _child(url: str, seed: str, k: int) -> None:
    log = open_log(url, signer=Signer.parse(seed))
    for i in range(15):
        log.append(Event("scan.completed", f"p{k}-{i}"))
    log.close()


def test_writers_in_several_processes_take_turns(pg_url: str) -> None:
    signer = Signer.generate("privacy-audit")
    open_log(pg_url, signer=signer, segment_entries=4).close()
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_child, args=(pg_url, signer.encode(), k)) for k in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        assert p.exitcode == 0
    log = open_log(pg_url)
    rep = log.verify(signer.verifier)
    assert rep.ok and rep.size == 45, rep.problems
    assert sorted(r.target for r in log.records()) == sorted(
        f"p{k}-{i}" for k in range(3) for i in range(15)
    )
