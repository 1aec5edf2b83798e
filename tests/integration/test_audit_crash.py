"""Crash safety: writers killed with SIGKILL at random moments, 200 times.

Each round forks a writer that appends (one by one, in batches, or from several threads at
once, with checkpoints now and then) and reports every append *after* it returned; the test
kills it after a random delay. The log must then verify as it lies on disk (a torn tail is
allowed, nothing else) and hold every reported event at the position its receipt gave.
"""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from pathlib import Path

import pytest

from audit import Event, Signer, open_log, verify_image
from audit.folder import FolderStore

ROUNDS = 200


def _writer(path: Path, signer: Signer, round_no: int, out: int) -> None:
    """Runs in the child; reports ``seq target`` lines on ``out`` after each append."""
    mu = threading.Lock()

    def report(seq: int, target: str) -> None:
        with mu:
            os.write(out, f"{seq} {target}\n".encode())  # < PIPE_BUF: atomic

    log = open_log(path, signer=signer)
    mode = round_no % 3
    if mode == 2:

        def worker(k: int) -> None:
            for i in range(10_000):
                target = f"r{round_no}-t{k}-{i}"
                r = log.append(Event("dsr.step.done", target, details={"rows": i}))
                report(r.seq, target)

        threads = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(4)]
        for t in threads:
            t.start()
        while True:
            time.sleep(0.002)
            log.checkpoint()
    for i in range(100_000):
        if mode == 0:
            target = f"r{round_no}-{i}"
            r = log.append(Event("scan.completed", target, details={"tables": i}))
            report(r.seq, target)
        else:
            targets = [f"r{round_no}-{i}-{j}" for j in range(5)]
            receipts = log.append_many([Event("tag.proposed", t) for t in targets])
            for r, t in zip(receipts, targets, strict=True):
                report(r.seq, t)
        if i % 4 == 3:
            log.checkpoint()


@pytest.mark.slow
def test_sigkilled_writers_leave_a_log_that_verifies_and_keeps_every_acked_event(
    tmp_path: Path,
) -> None:
    path = tmp_path / "audit"
    signer = Signer.generate("privacy-audit")
    open_log(path, signer=signer, segment_entries=16).close()  # small segments: many files
    rng = random.Random(20240501)
    acked: dict[str, int] = {}
    torn_seen = 0
    for round_no in range(ROUNDS):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(r)
            try:
                _writer(path, signer, round_no, w)
            finally:
                os._exit(0)
        os.close(w)
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        chunks = []
        while chunk := os.read(r, 1 << 16):
            chunks.append(chunk)
        os.close(r)
        for line in b"".join(chunks).decode().splitlines():
            seq, target = line.split(" ")
            acked[target] = int(seq)

        rep = verify_image(FolderStore(path).image(), signer.verifier)
        assert rep.ok, (round_no, [str(p) for p in rep.problems])
        torn_seen += rep.torn_tail is not None
        held = {rec.target: rec.seq for rec in open_log(path).records()}
        lost = {t: s for t, s in acked.items() if held.get(t) != s}
        assert not lost, (round_no, sorted(lost.items())[:5])

    assert len(acked) > ROUNDS  # the writers really were killed mid-work, not before it
    log = open_log(path, signer=signer)  # a last writer recovers whatever the last kill left
    log.close()
    final = log.verify(signer.verifier)
    assert final.ok and final.torn_tail is None and final.size == final.signed_size
    print(f"{ROUNDS} kills, {len(acked)} acknowledged appends, {torn_seen} torn tails seen")
