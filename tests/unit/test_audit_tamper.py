"""Tamper evidence: every change to a 1,000-event log is found, and the report says where.

The log is built once (a real folder log, 32 entries per segment so the tree spans many
segment files, checkpoints at 0, 250, 500, 750 and 1000), loaded into memory, and then
mutated copy by copy; each copy goes through the real verifier.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from audit import Event, SegmentCache, Signer, open_log, verify_image
from audit.folder import FolderStore
from audit.layout import MemoryImage, State

N = 1000
E = 32
ACTIONS = [
    ("scan.completed", lambda i: {"tables": i % 7}),
    ("tag.confirmed", lambda i: {"entity": "EMAIL_ADDRESS"}),
    ("policy.decision", lambda i: {"role": "analyst"}),
    ("dsr.step.done", lambda i: {"rows": i % 3}),
    ("key.shredded", lambda i: {"subject": f"subj_{i:024x}"}),
]


def _event(i: int) -> Event:
    action, details = ACTIONS[i % len(ACTIONS)]
    return Event(
        action,
        f"w.t{i % 9}.c{i % 13}",
        details=details(i),
        actor="ops",
        time=f"2024-05-{1 + i % 28:02d}T10:00:00+00:00",
    )


@pytest.fixture(scope="module")
def signer() -> Signer:
    return Signer.generate("privacy-audit")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, signer: Signer) -> Path:
    path = tmp_path_factory.mktemp("tamper") / "audit"
    log = open_log(path, signer=signer, segment_entries=E)
    for start in range(0, N, 250):
        log.append_many([_event(i) for i in range(start, start + 250)])
        log.checkpoint()
    log.close()
    return path


@pytest.fixture(scope="module")
def image(built: Path) -> MemoryImage:
    return MemoryImage.from_image(FolderStore(built).image())


def test_the_untouched_log_verifies(image: MemoryImage, signer: Signer) -> None:
    rep = verify_image(image, signer.verifier)
    assert rep.ok, rep.problems
    assert (rep.size, rep.signed_size, rep.checkpoints) == (N, N, 5)
    assert not rep.warnings


@pytest.mark.slow
def test_every_single_byte_change_anywhere_is_detected(image: MemoryImage, signer: Signer) -> None:
    cache = SegmentCache(max_bytes=8 << 20)
    assert verify_image(image, signer.verifier, cache=cache).ok
    tried = 0
    undetected: list[tuple[str, int]] = []
    total = sum(len(d) for d in image.items.values())
    for name, data in image.items.items():
        buf = bytearray(data)
        for i, byte in enumerate(data):
            buf[i] = (byte + 1 + i % 255) % 256  # never the same byte; varies by position
            rep = verify_image(
                image.replace(name, bytes(buf)), signer.verifier, cache=cache, diagnose=False
            )
            buf[i] = byte
            tried += 1
            if rep.ok:
                undetected.append((name, i))
    assert tried == total > 100_000  # 1,000 entries of ~120 bytes, plus the other files
    assert not undetected, undetected[:10]


def _segments(image: MemoryImage) -> list[bytes]:
    """All entries, in order (the lines of the segment files)."""
    out: list[bytes] = []
    for name in image.segment_names():
        lines = image.segment(name).split(b"\n")
        out += lines[:-1]
    return out


def _with_entries(image: MemoryImage, lines: list[bytes]) -> MemoryImage:
    """The image with its segments rewritten from ``lines`` (E per segment)."""
    items = {k: v for k, v in image.items.items() if not k.startswith("segments/")}
    for first in range(0, len(lines), E):
        chunk = lines[first : first + E]
        items[f"segments/{first:020d}.log"] = b"\n".join(chunk) + b"\n"
    return MemoryImage(items)


def test_every_deleted_swapped_or_inserted_record_is_detected(
    image: MemoryImage, signer: Signer
) -> None:
    lines = _segments(image)
    cache = SegmentCache()
    v = signer.verifier
    assert verify_image(_with_entries(image, lines), v, cache=cache).ok
    forged = lines[10].replace(b'"ops"', b'"eve"')
    for i in range(N):
        deleted = lines[:i] + lines[i + 1 :]
        assert not verify_image(_with_entries(image, deleted), v, cache=cache, diagnose=False).ok
        duplicated = [*lines[:i], lines[i], *lines[i:]]
        assert not verify_image(_with_entries(image, duplicated), v, cache=cache).ok
        inserted = [*lines[:i], forged, *lines[i:]]
        assert not verify_image(_with_entries(image, inserted), v, cache=cache).ok
        if i + 1 < N:
            swapped = [*lines[:i], lines[i + 1], lines[i], *lines[i + 2 :]]
            assert not verify_image(_with_entries(image, swapped), v, cache=cache).ok
        # moving a record to the front is a swap at a distance
        if i:
            moved = [lines[i], *lines[:i], *lines[i + 1 :]]
            assert not verify_image(_with_entries(image, moved), v, cache=cache).ok


def test_a_missing_segment_file_is_detected_and_located(image: MemoryImage, signer: Signer) -> None:
    items = dict(image.items)
    del items["segments/00000000000000000064.log"]
    rep = verify_image(MemoryImage(items), signer.verifier)
    assert not rep.ok
    assert any("entry 64 was expected" in p.message for p in rep.problems)


def test_a_malformed_entry_is_named_with_file_line_and_seq(
    image: MemoryImage, signer: Signer
) -> None:
    name = "segments/00000000000000000320.log"
    data = image.segment(name).replace(b'"seq":330,', b'"seq":330 ', 1)
    rep = verify_image(image.replace(name, data), signer.verifier)
    assert not rep.ok
    wheres = [p.where for p in rep.problems]
    assert f"{name} line 11" in wheres  # seq 330 is the 11th entry of the segment at 320
    assert "checkpoints/00000000000000000500.note" in wheres  # the first checkpoint that fails
    assert "checkpoints/00000000000000000250.note" not in wheres


def test_a_well_formed_alteration_is_narrowed_to_a_checkpoint_interval(
    image: MemoryImage, signer: Signer
) -> None:
    name = "segments/00000000000000000608.log"
    data = image.segment(name)
    assert b'"actor":"ops"' in data
    data = data.replace(b'"actor":"ops"', b'"actor":"eve"', 1)
    rep = verify_image(image.replace(name, data), signer.verifier)
    assert not rep.ok
    assert any(p.where == "entries 500..749" for p in rep.problems), rep.problems


def test_a_log_resigned_with_another_key_fails_against_the_trusted_key(
    built: Path, signer: Signer, tmp_path: Path
) -> None:
    copy = tmp_path / "audit"
    shutil.copytree(built, copy)
    forger = Signer.generate("privacy-audit")
    # rebuild the whole log under the forger's key with one event changed
    forged = open_log(tmp_path / "forged", signer=forger, segment_entries=E)
    events = [_event(i) for i in range(N)]
    events[3] = Event("key.shredded", "w.t3.c3", details={}, actor="ops")
    forged.append_many(events)
    forged.close()
    image = MemoryImage.from_image(FolderStore(tmp_path / "forged").image())
    rep = verify_image(image, signer.verifier)
    assert not rep.ok
    assert any("not the trusted key" in p.message for p in rep.problems)
    # without a pinned key the forgery is self-consistent: that is why the key is pinned
    loose = verify_image(image)
    assert loose.ok and any("no trusted key" in w.message for w in loose.warnings)


def test_truncation_and_rollback_are_caught_by_an_exported_checkpoint(
    built: Path, signer: Signer, tmp_path: Path
) -> None:
    exported = (built / "checkpoints" / f"{N:020d}.note").read_bytes()
    # An intruder (without the signing key) cuts the log back to 750 entries and tidies up:
    # drops the newer checkpoints and rewrites the state file to match what is left.
    work = tmp_path / "audit"
    shutil.copytree(built, work)
    for first in range(768, N, E):
        (work / "segments" / f"{first:020d}.log").unlink()
    seg = work / "segments" / f"{736:020d}.log"
    seg.write_bytes(b"".join(seg.read_bytes().split(b"\n")[:14][i] + b"\n" for i in range(14)))
    (work / "checkpoints" / f"{N:020d}.note").unlink()
    image = MemoryImage.from_image(FolderStore(work).image())
    ref = verify_image(MemoryImage.from_image(FolderStore(built).image()), signer.verifier)
    assert ref.ok
    from audit.verify import ImageTree

    tree = ImageTree(image, E)
    from audit.merkle import Frontier

    f = Frontier()
    for i in range(750):
        f.append(tree.mth(i, i + 1))
    offset = sum(len(x) + 1 for x in image.segment(f"segments/{736:020d}.log").split(b"\n")[:14])
    (work / "state").write_bytes(State(750, offset, tuple(f.nodes)).render())
    image = MemoryImage.from_image(FolderStore(work).image())

    alone = verify_image(image, signer.verifier)
    assert alone.ok, alone.problems  # on its own, an older log is a valid log
    rep = verify_image(image, signer.verifier, against=exported)
    assert not rep.ok
    assert rep.against is not None and not rep.against.holds
    assert any(
        p.where == "exported checkpoint" and "truncated or rolled back" in p.message
        for p in rep.problems
    )


def test_a_rewrite_is_caught_by_an_exported_checkpoint_and_the_extension_is_proven(
    built: Path, signer: Signer, tmp_path: Path
) -> None:
    exported = (built / "checkpoints" / f"{500:020d}.note").read_bytes()
    rep = verify_image(FolderStore(built).image(), signer.verifier, against=exported)
    assert rep.ok and rep.against is not None and rep.against.holds
    assert rep.against.proof_hashes > 0  # a consistency proof 500 -> 1000 was checked
    # a rewrite by the key holder (re-signed history) no longer extends the export
    forged = open_log(tmp_path / "rewritten", signer=signer, segment_entries=E)
    events = [_event(i) for i in range(N)]
    events[42] = Event("tag.rejected", "w.t6.c3", actor="ops")
    forged.append_many(events)
    forged.close()
    rep2 = verify_image(FolderStore(tmp_path / "rewritten").image(), signer.verifier)
    assert rep2.ok  # it is internally consistent and signed by the right key ...
    with_export = verify_image(
        FolderStore(tmp_path / "rewritten").image(), signer.verifier, against=exported
    )
    assert not with_export.ok  # ... but it is not the log the officer saw
    assert any("belongs to another log" in p.message for p in with_export.problems)


def test_a_torn_tail_after_the_last_checkpoint_is_a_warning_not_a_failure(
    image: MemoryImage, signer: Signer
) -> None:
    name = "segments/00000000000000000992.log"
    rep = verify_image(
        image.replace(name, image.segment(name) + b'{"seq":1000,"act'), signer.verifier
    )
    assert rep.ok
    assert rep.torn_tail is not None and rep.torn_tail.first_seq == N
    assert any("torn tail" in w.message for w in rep.warnings)


def test_damage_below_a_checkpoint_is_never_called_torn(image: MemoryImage, signer: Signer) -> None:
    name = "segments/00000000000000000992.log"
    data = image.segment(name)
    rep = verify_image(image.replace(name, data[:-5]), signer.verifier)
    assert not rep.ok and rep.torn_tail is None
    assert any("signed by a checkpoint, is damaged" in p.message for p in rep.problems)
