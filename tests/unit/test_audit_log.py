"""The folder log as a writer sees it: durability, group commit, recovery, alarms."""

from __future__ import annotations

import errno
import multiprocessing
import os
import threading
import time
from pathlib import Path

import pytest

import audit.folder
from audit import (
    Event,
    LogNotFoundError,
    Signer,
    SigningKeyError,
    TamperError,
    WriterStoppedError,
    load_or_create_signer,
    open_log,
)
from audit.log import AuditLog


@pytest.fixture
def signer() -> Signer:
    return Signer.generate("privacy-audit")


def _ev(i: int, action: str = "scan.completed") -> Event:
    return Event(action, f"src{i}", details={"tables": i}, actor="tester")


def _files(path: Path) -> dict[str, bytes]:
    return {str(p.relative_to(path)): p.read_bytes() for p in path.rglob("*") if p.is_file()}


def test_append_returns_a_receipt_that_matches_the_entry(tmp_path: Path, signer: Signer) -> None:
    log = open_log(tmp_path / "audit", signer=signer)
    receipts = [log.append(_ev(i)) for i in range(5)]
    assert [r.seq for r in receipts] == list(range(5))
    proof = log.inclusion_proof(3)
    assert proof.leaf_hash == receipts[3].leaf_hash and proof.verify()
    assert receipts[3].time.endswith("Z")
    records = list(log.records())
    assert [r.target for r in records] == [f"src{i}" for i in range(5)]
    log.close()
    again = open_log(tmp_path / "audit", signer=signer)
    assert (again.size, again.signed_size) == (5, 5)
    again.close()


def test_the_log_is_created_with_a_signed_empty_checkpoint(tmp_path: Path, signer: Signer) -> None:
    log = open_log(tmp_path / "audit", signer=signer)
    rep = log.verify(signer.verifier)
    assert rep.ok and rep.size == 0 and rep.checkpoints == 1
    assert sorted(_files(tmp_path / "audit")) == [
        "LOG",
        "checkpoints/00000000000000000000.note",
        "lock",
        "state",
    ]


def test_the_signing_key_lives_apart_with_tight_modes(tmp_path: Path) -> None:
    key = tmp_path / "keys" / "audit-signing.key"
    s = load_or_create_signer(key)
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    assert oct(key.parent.stat().st_mode & 0o777) == "0o700"
    assert load_or_create_signer(key) == s  # the same key next time
    log = open_log(tmp_path / "audit", signer=s)
    log.append(_ev(1))
    log.close()
    secret = s.seed
    assert not any(
        secret in data or s.encode().encode() in data
        for data in _files(tmp_path / "audit").values()
    )
    key.chmod(0o644)
    with pytest.raises(SigningKeyError, match="chmod 600"):
        load_or_create_signer(key)


def test_a_log_refuses_a_different_signing_key(tmp_path: Path, signer: Signer) -> None:
    open_log(tmp_path / "audit", signer=signer).close()
    with pytest.raises(SigningKeyError, match="signed by"):
        open_log(tmp_path / "audit", signer=Signer.generate("privacy-audit"))


def test_read_only_views_need_no_key_and_do_not_create(tmp_path: Path, signer: Signer) -> None:
    with pytest.raises(LogNotFoundError):
        open_log(tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()
    w = open_log(tmp_path / "audit", signer=signer)
    w.append_many([_ev(i) for i in range(3)])
    ro = open_log(tmp_path / "audit")
    assert ro.size == 3 and not ro.writable
    with pytest.raises(SigningKeyError, match="read-only"):
        ro.append(_ev(9))


def test_group_commit_shares_fsyncs_between_concurrent_appenders(
    tmp_path: Path, signer: Signer, monkeypatch: pytest.MonkeyPatch
) -> None:
    syncs = 0
    real = audit.folder.fsync_fd

    def counting(fd: int) -> None:
        nonlocal syncs
        syncs += 1
        real(fd)
        time.sleep(0.002)  # a slow disk: appenders pile up behind each fsync

    log = open_log(tmp_path / "audit", signer=signer)
    monkeypatch.setattr(audit.folder, "fsync_fd", counting)
    results: list[int] = []
    mu = threading.Lock()

    def worker(k: int) -> None:
        for i in range(50):
            r = log.append(_ev(k * 1000 + i))
            with mu:
                results.append(r.seq)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == list(range(800))
    assert syncs < 400  # batches shared their fsync
    assert log.verify(signer.verifier).ok


def _child_append(path: str, seed: str, k: int, n: int) -> None:
    log = open_log(path, signer=Signer.parse(seed))
    for i in range(n):
        log.append(_ev(k * 1000 + i))
        if i % 7 == 0:
            log.checkpoint()
    log.close()


def test_several_processes_append_to_one_log(tmp_path: Path, signer: Signer) -> None:
    path = tmp_path / "audit"
    open_log(path, signer=signer, segment_entries=16).close()
    ctx = multiprocessing.get_context("fork")
    procs = [
        ctx.Process(target=_child_append, args=(str(path), signer.encode(), k, 40))
        for k in range(4)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        assert p.exitcode == 0
    log = open_log(path, signer=signer)
    rep = log.verify(signer.verifier)
    assert rep.ok, rep.problems
    targets = sorted(r.target for r in log.records())
    assert targets == sorted(f"src{k * 1000 + i}" for k in range(4) for i in range(40))


@pytest.mark.parametrize(
    "tail",
    [
        b'{"seq":12,"action":"scan.comp',  # cut mid-entry
        b"\x00" * 300,  # a block the file system extended but never wrote
        b'{"seq":12,"action"\x00\x00\x00\n{"seq":13,"actio',
    ],
)
def test_a_torn_tail_is_cut_reported_and_recorded(
    tmp_path: Path, signer: Signer, tail: bytes
) -> None:
    path = tmp_path / "audit"
    log = open_log(path, signer=signer, segment_entries=8)
    log.append_many([_ev(i) for i in range(10)])
    log.checkpoint()
    log.append_many([_ev(i) for i in range(10, 12)])  # acknowledged, not yet signed
    seg = path / "segments" / f"{8:020d}.log"
    with open(seg, "ab") as f:
        f.write(tail)
    before = verify_report = log.verify(signer.verifier)
    assert before.ok and verify_report.torn_tail is not None  # a warning, nothing failed
    reopened = open_log(path, signer=signer)
    assert [r.first_seq for r in reopened.recoveries] == [12]
    assert reopened.recoveries[0].bytes_removed == len(tail)
    recs = list(reopened.records())
    assert [r.target for r in recs[:12]] == [f"src{i}" for i in range(12)]  # nothing acked lost
    assert recs[12].action == "audit.tail_cut" and recs[12].details["first_seq"] == 12
    reopened.close()
    assert reopened.verify(signer.verifier).ok


def test_damage_at_or_below_a_checkpoint_is_an_alarm_and_nothing_is_repaired(
    tmp_path: Path, signer: Signer
) -> None:
    path = tmp_path / "audit"
    log = open_log(path, signer=signer, segment_entries=8)
    log.append_many([_ev(i) for i in range(12)])
    log.close()
    seg = path / "segments" / f"{8:020d}.log"
    seg.write_bytes(seg.read_bytes()[:-10])  # the last signed entry loses its end
    snapshot = _files(path)
    with pytest.raises(TamperError, match=r"entries 8\.\.11 do not match signed checkpoint 12"):
        open_log(path, signer=signer)
    assert _files(path) == snapshot  # not cut, not "repaired"


def test_a_changed_entry_of_the_current_segment_is_an_alarm_on_open(
    tmp_path: Path, signer: Signer
) -> None:
    path = tmp_path / "audit"
    log = open_log(path, signer=signer, segment_entries=8)
    log.append_many([_ev(i) for i in range(12)])
    log.close()
    seg = path / "segments" / f"{8:020d}.log"
    seg.write_bytes(seg.read_bytes().replace(b'"src9"', b'"srcX"'))
    snapshot = _files(path)
    with pytest.raises(TamperError, match=r"entries 8\.\.11 do not match signed checkpoint 12"):
        open_log(path, signer=signer)
    assert _files(path) == snapshot


def test_a_complete_entry_out_of_place_is_tampering_even_past_the_checkpoint(
    tmp_path: Path, signer: Signer
) -> None:
    path = tmp_path / "audit"
    log = open_log(path, signer=signer, segment_entries=8)
    log.append_many([_ev(i) for i in range(5)])
    log.close()
    seg = path / "segments" / f"{0:020d}.log"
    first = seg.read_bytes().split(b"\n")[0]
    with open(seg, "ab") as f:
        f.write(first + b"\n")  # a replayed copy of entry 0
    snapshot = _files(path)
    with pytest.raises(TamperError, match="where entry 5 belongs"):
        open_log(path, signer=signer)
    assert _files(path) == snapshot
    rep = log.verify(signer.verifier)
    assert not rep.ok and "out of place" in rep.problems[0].message


def test_a_damaged_state_file_is_an_alarm(tmp_path: Path, signer: Signer) -> None:
    path = tmp_path / "audit"
    log = open_log(path, signer=signer)
    log.append_many([_ev(i) for i in range(3)])
    log.close()
    state = path / "state"
    state.write_bytes(state.read_bytes().replace(b"node ", b"node 0", 1)[:-2] + b"\n")
    with pytest.raises(TamperError, match="state"):
        open_log(path, signer=signer)


def test_an_fsync_error_stops_the_writer_instead_of_retrying(
    tmp_path: Path, signer: Signer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # EIO from fsync cannot be produced on demand by this machine's disk: injected here.
    log = open_log(tmp_path / "audit", signer=signer)
    log.append(_ev(0))
    calls = 0

    def failing(fd: int) -> None:
        nonlocal calls
        calls += 1
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(audit.folder, "fsync_fd", failing)
    with pytest.raises(WriterStoppedError, match="will not retry"):
        log.append(_ev(1))
    assert calls == 1
    monkeypatch.undo()  # even with a healthy disk again, this writer stays stopped
    with pytest.raises(WriterStoppedError):
        log.append(_ev(2))
    with pytest.raises(WriterStoppedError):
        log.checkpoint()
    assert calls == 1
    log.close()
    fresh = open_log(tmp_path / "audit", signer=signer)  # a new writer recovers
    fresh.append(_ev(3))
    fresh.close()
    rep = fresh.verify(signer.verifier)
    assert rep.ok
    targets = [r.target for r in fresh.records()]
    assert targets[0] == "src0" and targets[-1] == "src3"


def test_segments_roll_over_and_proofs_span_them(tmp_path: Path, signer: Signer) -> None:
    log: AuditLog = open_log(tmp_path / "audit", signer=signer, segment_entries=4)
    log.append_many([_ev(i) for i in range(10)])
    cp_small = log.checkpoint()
    log.append_many([_ev(i) for i in range(10, 23)])
    log.checkpoint()
    names = sorted(p.name for p in (tmp_path / "audit" / "segments").iterdir())
    assert names == [f"{i:020d}.log" for i in range(0, 23, 4)]
    for seq in (0, 3, 4, 9, 22):
        assert log.inclusion_proof(seq).verify()
    proof = log.consistency_proof(10)
    from audit.merkle import verify_consistency

    assert verify_consistency(10, 23, cp_small.root, log.root(), proof)


def test_records_filter_by_action_family(tmp_path: Path, signer: Signer) -> None:
    log = open_log(tmp_path / "audit", signer=signer)
    log.append_many([_ev(1), _ev(2, "dsr.received"), _ev(3, "dsr.step.done"), _ev(4)])
    assert [r.action for r in log.records(actions=["dsr."])] == ["dsr.received", "dsr.step.done"]
    assert [r.seq for r in log.records(start=2)] == [2, 3]
