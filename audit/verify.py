"""Verify a log image: every hash, every signature, every file's form.

One pass over the segments recomputes the Merkle tree (leaf hashes in bulk, full segments as
whole subtrees) and compares its root with every signed checkpoint. Entries past the latest
valid checkpoint are checked one by one (form and sequence): the first bad one starts a
*torn tail*, a warning (a crashed writer leaves one; the next writer cuts it). Anything wrong
at or below a signed checkpoint is a problem, and the report says which item and where.

With an exported checkpoint (kept elsewhere by a compliance officer) the log must still hold
that checkpoint's entries unchanged: fewer entries means truncated or rolled back; a different
root means rewritten. A consistency proof from it to the latest checkpoint is checked too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from hashlib import sha256
from typing import Any

from audit import merkle
from audit.errors import LogFormatError, SequenceError
from audit.events import decode_entry
from audit.layout import (
    LogImage,
    Meta,
    State,
    checkpoint_name,
    parse_checkpoint_name,
    parse_segment_name,
)
from audit.merkle import Frontier
from audit.note import Checkpoint, Verifier, parse_checkpoint


@dataclass(frozen=True)
class Finding:
    """One thing wrong (a problem) or worth knowing (a warning): what, and where."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class TornTail:
    first_seq: int
    where: str
    reason: str
    bytes: int


@dataclass(frozen=True)
class AgainstResult:
    size: int
    root: bytes
    holds: bool
    proof_hashes: int = 0


@dataclass
class VerifyReport:
    location: str
    ok: bool = False
    origin: str = ""
    key: str = ""
    key_trusted: bool = False
    size: int = 0
    signed_size: int = 0
    root: bytes = merkle.EMPTY_ROOT
    checkpoints: int = 0
    problems: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    torn_tail: TornTail | None = None
    against: AgainstResult | None = None

    def summary(self) -> str:
        if not self.ok:
            first = self.problems[0] if self.problems else Finding(self.location, "failed")
            more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
            return f"audit log FAILED verification: {first}{more}"
        unsigned = self.size - self.signed_size
        tail = f"; {unsigned} newer entries not yet signed" if unsigned else ""
        ext = ""
        if self.against is not None:
            ext = f"; extends the exported checkpoint of size {self.against.size}"
        return (
            f"audit log verified: {self.signed_size} entries under {self.checkpoints} signed "
            f"checkpoints{tail}{ext}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "location": self.location,
            "origin": self.origin,
            "key": self.key,
            "key_trusted": self.key_trusted,
            "size": self.size,
            "signed_size": self.signed_size,
            "root": self.root.hex(),
            "checkpoints": self.checkpoints,
            "problems": [{"where": f.where, "message": f.message} for f in self.problems],
            "warnings": [{"where": f.where, "message": f.message} for f in self.warnings],
            "torn_tail": None
            if self.torn_tail is None
            else {
                "first_seq": self.torn_tail.first_seq,
                "where": self.torn_tail.where,
                "reason": self.torn_tail.reason,
                "bytes": self.torn_tail.bytes,
            },
            "against": None
            if self.against is None
            else {
                "size": self.against.size,
                "root": self.against.root.hex(),
                "holds": self.against.holds,
                "proof_hashes": self.against.proof_hashes,
            },
        }


# --- one segment ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _SegmentResult:
    count: int  # good entries
    anomaly: tuple[int, str, bool] | None  # (index in segment, reason, could a crash do it)
    anomaly_byte: int  # byte offset where the anomaly starts
    at: dict[int, tuple[tuple[bytes, ...], int]]  # offset -> (local frontier nodes, byte offset)
    end: tuple[bytes, ...]


def _scan_segment(
    data: bytes, first: int, per_segment: int, check_from: int, offsets: tuple[int, ...]
) -> _SegmentResult:
    lines = data.split(b"\n")
    partial = lines.pop()
    anomaly: tuple[int, str, bool] | None = None
    count = len(lines)
    if count > per_segment:
        anomaly = (per_segment, f"segment holds more than {per_segment} entries", False)
        count = per_segment
    elif partial:
        anomaly = (count, "entry is cut short (no newline)", True)
    for i in range(check_from, count):
        try:
            decode_entry(lines[i], expect_seq=first + i)
        except SequenceError as e:
            anomaly, count = (i, e.message, False), i
            break
        except LogFormatError as e:
            anomaly, count = (i, e.message, True), i
            break
    good = lines[:count] if count < len(lines) else lines
    hashes = [sha256(b"\x00" + x).digest() for x in good]
    local = Frontier()
    at: dict[int, tuple[tuple[bytes, ...], int]] = {}
    prev = 0
    nbytes = 0
    for off in offsets:
        if off > count:
            break
        local.extend(hashes[prev:off])
        nbytes += sum(len(x) for x in good[prev:off]) + (off - prev)
        at[off] = (tuple(local.nodes), nbytes)
        prev = off
    local.extend(hashes[prev:])
    anomaly_byte = sum(len(x) for x in good) + count if anomaly else 0
    return _SegmentResult(count, anomaly, anomaly_byte, at, tuple(local.nodes))


class SegmentCache:
    """Memo of segment scans keyed by their exact bytes and parameters, bounded in bytes.

    Re-verifying a log whose segments did not change (a monitor that runs every minute, or the
    exhaustive tamper test) then rehashes only what changed. Correct by construction: the key
    is the whole input of a pure function.
    """

    def __init__(self, max_bytes: int = 256 << 20) -> None:
        self.max_bytes = max_bytes
        self._bytes = 0
        self._memo: dict[tuple[Any, ...], _SegmentResult] = {}

    def scan(
        self, data: bytes, first: int, per_segment: int, check_from: int, offsets: tuple[int, ...]
    ) -> _SegmentResult:
        key = (data, first, per_segment, check_from, offsets)
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        res = _scan_segment(data, first, per_segment, check_from, offsets)
        if self._bytes + len(data) > self.max_bytes:
            self._memo.clear()
            self._bytes = 0
        self._memo[key] = res
        self._bytes += len(data)
        return res


def _push_local(tree: Frontier, local_nodes: Iterable[bytes], local_size: int) -> None:
    """Append a segment's own frontier (segments start aligned, so heights follow the bits
    of its entry count) to the tree's."""
    if local_size & (local_size - 1) == 0 and local_size:  # a full segment: one subtree
        for node in local_nodes:
            tree.push_subtree(local_size.bit_length() - 1, node)
        return
    heights = [b for b in range(local_size.bit_length() - 1, -1, -1) if local_size >> b & 1]
    for h, node in zip(heights, local_nodes, strict=True):
        tree.push_subtree(h, node)


# --- range hashing for proofs over an image -------------------------------------------------


class ImageTree:
    """MTH of any leaf range of an image, for proofs. Full segments are hashed once."""

    def __init__(self, image: LogImage, per_segment: int) -> None:
        self.image = image
        self.E = per_segment
        self._names = {parse_segment_name(n): n for n in image.segment_names()}
        self._seg_roots: dict[int, bytes] = {}
        self._leaves: OrderedDict[int, list[bytes]] = OrderedDict()

    def leaves(self, seg: int) -> list[bytes]:
        got = self._leaves.get(seg)
        if got is None:
            name = self._names.get(seg * self.E)
            data = self.image.segment(name) if name else b""
            lines = data.split(b"\n")
            lines.pop()
            got = merkle.leaf_hashes(lines[: self.E])
            self._leaves[seg] = got
            if len(self._leaves) > 4:
                self._leaves.popitem(last=False)
        return got

    def mth(self, a: int, b: int) -> bytes:
        if b <= a:
            return merkle.EMPTY_ROOT
        seg = a // self.E
        if b <= (seg + 1) * self.E:
            if a == seg * self.E and b - a == self.E:
                root = self._seg_roots.get(seg)
                if root is None:
                    root = merkle.root_of(self.leaves(seg))
                    self._seg_roots[seg] = root
                return root
            leaves = self.leaves(seg)[a - seg * self.E : b - seg * self.E]
            if len(leaves) != b - a:
                raise LogFormatError(f"entries {a}..{b - 1} are not in the log")
            return merkle.root_of(leaves)
        k = 1 << ((b - a - 1).bit_length() - 1)
        return merkle.node_hash(self.mth(a, a + k), self.mth(a + k, b))


# --- the whole image -----------------------------------------------------------------------


def verify_image(
    image: LogImage,
    trusted: Verifier | None = None,
    *,
    against: bytes | None = None,
    cache: SegmentCache | None = None,
    diagnose: bool = True,
) -> VerifyReport:
    """Check everything in ``image``. ``trusted``: the verifier key to pin (else the key the
    log names is used, with a warning). ``against``: an exported checkpoint note."""
    rep = VerifyReport(location=image.location)
    problem, warn = rep.problems.append, rep.warnings.append

    raw_meta = image.meta()
    if raw_meta is None:
        problem(Finding("LOG", "missing: this is not an audit log, or its header was deleted"))
        return rep
    try:
        meta = Meta.parse(raw_meta)
    except LogFormatError as e:
        problem(Finding("LOG", e.message))
        return rep
    rep.origin = meta.origin
    key = trusted or meta.key
    rep.key, rep.key_trusted = key.encode(), trusted is not None
    if trusted is None:
        warn(Finding("LOG", "no trusted key given: signatures checked with the key the log names"))
    elif trusted != meta.key:
        problem(
            Finding("LOG", f"the log names signing key {meta.key.encode()}, not the trusted key")
        )
    E = meta.segment_entries

    states: list[tuple[str, State]] = []
    for name, data in image.states():
        try:
            states.append((name, State.parse(data)))
        except LogFormatError as e:
            problem(Finding(name, e.message))

    signed: dict[int, bytes] = {}
    for name, data in image.checkpoints():
        size = parse_checkpoint_name(name)
        if size is None:
            problem(Finding(name, "unexpected file among the checkpoints"))
            continue
        try:
            cp = parse_checkpoint(data, key)
        except LogFormatError as e:
            problem(Finding(name, e.message))
            continue
        if cp.origin != meta.origin:
            problem(Finding(name, f"checkpoint of another log ({cp.origin})"))
        elif cp.size != size:
            problem(Finding(name, f"file name says size {size}, the signed note {cp.size}"))
        else:
            signed[size] = cp.root
    if not signed:
        problem(Finding("checkpoints/", "no valid signed checkpoint: nothing is proven"))
    latest = max(signed, default=0)
    rep.checkpoints, rep.signed_size = len(signed), latest

    exported: Checkpoint | None = None
    if against is not None:
        try:
            exported = parse_checkpoint(against, key, only_signer=False)
        except LogFormatError as e:
            problem(Finding("exported checkpoint", e.message))
        else:
            if exported.origin != meta.origin:
                problem(
                    Finding("exported checkpoint", f"belongs to another log ({exported.origin})")
                )
                exported = None

    for name in image.strays():
        warn(Finding(name, "unexpected file in the log folder (ignored)"))

    # One pass over the segments.
    boundaries = set(signed) | {st.size for _, st in states}
    if exported is not None:
        boundaries.add(exported.size)
    bounds = sorted(b for b in boundaries if b > 0)
    roots: dict[int, bytes] = {0: merkle.EMPTY_ROOT}
    frontiers: dict[int, tuple[tuple[bytes, ...], int]] = {0: ((), 0)}
    tree = Frontier()
    height = E.bit_length() - 1
    scan = cache.scan if cache is not None else _scan_segment
    pos = 0
    anomaly: tuple[int, str, str, bool] | None = None  # (seq, where, reason, torn)
    tail_bytes = 0
    for name in image.segment_names():
        first = parse_segment_name(name)
        if anomaly is not None:
            tail_bytes += len(image.segment(name))
            continue
        if first is None:
            anomaly = (pos, name, "unexpected file among the segments", False)
            continue
        if first != pos or pos % E:
            expected = f"segment starts at entry {first}; entry {pos} was expected"
            anomaly = (pos, name, expected, False)
            tail_bytes += len(image.segment(name))
            continue
        data = image.segment(name)
        lo = bisect_right(bounds, first)
        if lo < len(bounds) and bounds[lo] <= first + E:
            offsets = tuple(b - first for b in bounds[lo : bisect_right(bounds, first + E, lo)])
        else:
            offsets = ()
        check_from = latest - first
        check_from = 0 if check_from < 0 else E if check_from > E else check_from
        res = scan(data, first, E, check_from, offsets)
        if res.at:
            for off, (nodes, nbytes) in res.at.items():
                f = tree.copy()
                _push_local(f, nodes, off)
                roots[first + off] = f.root()
                frontiers[first + off] = (tuple(f.nodes), 0 if off == E else nbytes)
        if res.count == E:
            tree.push_subtree(height, res.end[0])  # a full segment is one subtree
        else:
            _push_local(tree, res.end, res.count)
        pos = first + res.count
        if res.anomaly is not None:
            idx, reason, torn = res.anomaly
            anomaly = (first + idx, f"{name} line {idx + 1}", reason, torn)
            tail_bytes += len(data) - res.anomaly_byte
    rep.size = pos

    if anomaly is not None:
        seq, where, reason, torn = anomaly
        # a database commits whole transactions: there, nothing is ever torn
        if seq >= latest and torn and getattr(image, "torn_tails_possible", True):
            rep.torn_tail = TornTail(seq, where, reason, tail_bytes)
            warn(
                Finding(
                    where,
                    f"torn tail after the latest checkpoint: {reason}; {tail_bytes} bytes from "
                    f"entry {seq} on are not part of the log (a writer cuts them on open)",
                )
            )
        elif seq >= latest:
            problem(Finding(where, f"entry {seq} is out of place: {reason}"))
        else:
            problem(Finding(where, f"entry {seq}, signed by a checkpoint, is damaged: {reason}"))

    first_bad: int | None = None
    good_before = 0
    for size in sorted(signed):
        if size > pos:
            if anomaly is None or anomaly[0] >= size:
                problem(
                    Finding(
                        checkpoint_name(size),
                        f"signs {size} entries but the log holds only {pos}: "
                        "entries were removed (truncated)",
                    )
                )
            continue
        if roots.get(size) != signed[size]:
            problem(
                Finding(
                    checkpoint_name(size),
                    f"the first {size} entries do not hash to the signed root: "
                    "entries were changed, removed, inserted or reordered",
                )
            )
            if first_bad is None:
                first_bad = size
        elif first_bad is None:
            good_before = size
    if first_bad is not None and diagnose:
        problem(_diagnose(image, E, good_before, first_bad))

    for name, st in states:
        if st.size not in signed:
            problem(Finding(name, f"names checkpoint {st.size}, which is not a valid checkpoint"))
        elif st.size <= pos and frontiers.get(st.size) != (st.nodes, st.offset):
            problem(Finding(name, f"does not match the tree at checkpoint {st.size}"))

    if exported is not None:
        m = exported.size
        if m > pos:
            problem(
                Finding(
                    "exported checkpoint",
                    f"signs {m} entries but the log holds only {pos}: "
                    "the log was truncated or rolled back since the export",
                )
            )
            rep.against = AgainstResult(m, exported.root, False)
        elif roots.get(m) != exported.root:
            problem(
                Finding(
                    "exported checkpoint",
                    f"the log's first {m} entries differ from the export: "
                    "the log was rewritten since the export",
                )
            )
            rep.against = AgainstResult(m, exported.root, False)
        elif latest >= m and latest in roots:
            proof = merkle.consistency_path(m, latest, ImageTree(image, E).mth)
            ok = merkle.verify_consistency(m, latest, exported.root, signed[latest], proof)
            if not ok:
                problem(Finding("exported checkpoint", "consistency proof does not verify"))
            rep.against = AgainstResult(m, exported.root, ok, len(proof))
        else:
            rep.against = AgainstResult(m, exported.root, True)

    rep.root = signed.get(latest, merkle.EMPTY_ROOT)
    rep.ok = not rep.problems
    return rep


def _diagnose(image: LogImage, E: int, start: int, end: int) -> Finding:
    """Find the first malformed entry in [start, end); else name the range."""
    for seg in range(start // E, (end - 1) // E + 1):
        name = f"segments/{seg * E:020d}.log"
        data = image.segment(name)
        lines = data.split(b"\n")
        lines.pop()
        lo = max(start - seg * E, 0)
        hi = min(end - seg * E, len(lines))
        for i in range(lo, hi):
            try:
                decode_entry(lines[i], expect_seq=seg * E + i)
            except LogFormatError as e:
                return Finding(f"{name} line {i + 1}", f"entry {seg * E + i}: {e.message}")
    return Finding(
        f"entries {start}..{end - 1}",
        "well-formed but altered: the change lies in this range (between the last checkpoint "
        "that verifies and the first that does not)",
    )
