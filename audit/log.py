"""The audit log: open, append (group commit), checkpoint, verify, prove, read.

One :class:`AuditLog` per process and location is enough; it is thread-safe. ``append``
returns a :class:`Receipt` only once the entry is durable. Concurrent appenders share one
write and one fsync (group commit): the first to arrive writes everything queued while the
previous batch was being synced. A write or fsync error stops the writer for good (see
:class:`~audit.errors.WriterStoppedError`); re-open to recover.

On open, a writer reads what lies past the last checkpoint: a torn tail (a crash mid-write)
is cut and reported in :attr:`AuditLog.recoveries` and as an ``audit.tail_cut`` event; damage
at or below a signed checkpoint raises :class:`~audit.errors.TamperError` and changes nothing.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from audit import merkle
from audit.errors import (
    AuditError,
    LogFormatError,
    LogNotFoundError,
    LogReplacedError,
    ProofError,
    SequenceError,
    SigningKeyError,
    TamperError,
    WriterStoppedError,
)
from audit.events import Event, Record, decode_entry, encode_body, entry
from audit.layout import DEFAULT_SEGMENT_ENTRIES, Meta, State, parse_segment_name
from audit.merkle import Frontier
from audit.note import Checkpoint, Signer, Verifier, parse_checkpoint, sign_checkpoint
from audit.store import Store
from audit.verify import ImageTree, SegmentCache, VerifyReport, verify_image


@dataclass(frozen=True)
class Receipt:
    """Proof of a durable append: the entry's position and its Merkle leaf hash."""

    seq: int
    leaf_hash: bytes
    time: str


@dataclass(frozen=True)
class Recovery:
    """A torn tail cut on open: from which entry, why, and how many bytes."""

    first_seq: int
    where: str
    reason: str
    bytes_removed: int


@dataclass(frozen=True)
class InclusionProof:
    index: int
    size: int
    leaf_hash: bytes
    root: bytes
    hashes: list[bytes]

    def verify(self) -> bool:
        return merkle.verify_inclusion(
            self.leaf_hash, self.index, self.size, self.hashes, self.root
        )

    @property
    def nbytes(self) -> int:
        return 32 * len(self.hashes)


class _Pending:
    __slots__ = ("body", "error", "receipt", "time")

    def __init__(self, body: bytes, time: str) -> None:
        self.body = body
        self.time = time
        self.receipt: Receipt | None = None
        self.error: BaseException | None = None


def make_store(location: str | Path) -> Store:
    loc = str(location)
    if loc.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        from audit.postgres import PostgresStore

        return PostgresStore(loc)
    if "://" in loc:
        raise LogNotFoundError(
            f"unsupported audit log location {loc.split('://')[0]}://...",
            hint="use a folder path or a postgresql+psycopg:// URL",
        )
    from audit.folder import FolderStore

    return FolderStore(Path(loc))


class AuditLog:
    """Use :func:`open_log`."""

    def __init__(self, store: Store, meta: Meta, signer: Signer | None) -> None:
        self.store = store
        self.meta = meta
        self.signer = signer
        self.recoveries: list[Recovery] = []
        self._identity = store.identity()
        self._cv = threading.Condition(threading.Lock())
        self._queue: list[_Pending] = []
        self._busy = False
        self._stopped: WriterStoppedError | None = None
        self._closed = False
        # tree state: entries [0, size), the frontier, entry `size`'s byte offset in its segment
        self._size = 0
        self._offset = 0
        self._tree = Frontier()
        self._signed = 0
        self._appended_since_checkpoint = 0

    # --- properties ------------------------------------------------------------------------

    @property
    def location(self) -> str:
        return self.store.location

    @property
    def origin(self) -> str:
        return self.meta.origin

    @property
    def verifier(self) -> Verifier:
        return self.meta.key

    @property
    def size(self) -> int:
        return self._size

    @property
    def signed_size(self) -> int:
        return self._signed

    @property
    def unsigned(self) -> int:
        """Entries this writer knows of that no checkpoint signs yet."""
        return self._size - self._signed

    @property
    def writable(self) -> bool:
        return self.signer is not None

    # --- exclusive section (one batch or checkpoint at a time in this process) ------------

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        with self._cv:
            while self._busy:
                self._cv.wait()
            self._busy = True
        try:
            yield
        finally:
            with self._cv:
                self._busy = False
                self._cv.notify_all()

    def _check_writable(self) -> None:
        if self.signer is None:
            raise SigningKeyError(
                "this audit log was opened read-only (no signing key)",
                hint="open it with the signing key to append or checkpoint",
            )
        if self._closed:
            raise AuditError("the audit log is closed")
        if self._stopped is not None:
            raise self._stopped

    # --- recovery and catching up with other writers ---------------------------------------

    def _load_base(self) -> None:
        """Start from the state file's frontier, checked against the checkpoint it names."""
        raw = self.store.read_state()
        if raw is None:
            self._size, self._offset, self._tree = 0, 0, Frontier()
            return
        try:
            st = State.parse(raw)
        except LogFormatError as e:
            raise TamperError(f"{self.location}: state file is damaged: {e.message}") from None
        note = self.store.read_checkpoint(st.size)
        if note is None:
            raise TamperError(f"{self.location}: checkpoint {st.size} named by state is missing")
        try:
            cp = parse_checkpoint(note, self.meta.key)
        except LogFormatError as e:
            raise TamperError(f"{self.location}: checkpoint {st.size}: {e.message}") from None
        tree = Frontier(st.size, st.nodes)
        if tree.root() != cp.root or cp.origin != self.meta.origin:
            raise TamperError(f"{self.location}: state does not match checkpoint {st.size}")
        # The signed entries of the current segment are rehashed (at most one segment): the
        # frontier's smallest nodes cover exactly them. Older segments are `verify`'s job.
        k = st.size % self.meta.segment_entries
        if k:
            lines = self.store.read_from(st.size - k, 0, self.meta.segment_entries).lines[:k]
            local = Frontier()
            local.extend(merkle.leaf_hashes(lines))
            nbytes = sum(len(x) for x in lines) + len(lines)
            if (
                len(lines) < k
                or local.nodes != list(st.nodes[-k.bit_count() :])
                or (nbytes != st.offset)
            ):
                raise TamperError(
                    f"{self.location}: entries {st.size - k}..{st.size - 1} do not match "
                    f"signed checkpoint {st.size}",
                    hint="do not write to this log; run `privacy audit verify`",
                )
        self._size, self._offset, self._tree, self._signed = st.size, st.offset, tree, st.size

    def _sync(self, repair: bool = True) -> None:
        """Take in entries other writers added; cut a torn tail (with ``repair``; the caller
        then holds the store lock)."""
        if self.store.identity() != self._identity:
            raise LogReplacedError(f"the audit log at {self.location} was replaced")
        E = self.meta.segment_entries
        tail = self.store.read_from(self._size, self._offset, E)
        issue = tail.issue
        if not tail.lines and issue is None:
            return
        sizes = self.store.checkpoint_sizes()
        latest = sizes[-1] if sizes else 0
        pending = [s for s in sizes if s > self._size]
        size, offset, tree = self._size, self._offset, self._tree.copy()
        for line in tail.lines:
            try:
                decode_entry(line, expect_seq=size)
            except SequenceError as e:
                issue = (size, f"entry {size}", e.message, False)
                break
            except LogFormatError as e:
                issue = (size, f"entry {size}", e.message, True)
                break
            tree.append(merkle.leaf_hash(line))
            size += 1
            offset = 0 if size % E == 0 else offset + len(line) + 1
            if pending and pending[0] == size:
                self._check_checkpoint(size, tree)
                pending.pop(0)
        if issue is not None:
            seq, where, reason, torn = issue
            if seq < latest or not torn:
                signed = f", and checkpoint {latest} signed it" if seq < latest else ""
                raise TamperError(
                    f"{self.location}: {where}: entry {seq} is damaged ({reason}){signed}",
                    hint="do not write to this log; run `privacy audit verify` and restore "
                    "the log from a copy",
                )
            if repair:
                removed = self.store.cut(seq, E)
                self.recoveries.append(Recovery(seq, where, reason, removed))
        if pending:
            raise TamperError(
                f"{self.location}: checkpoint {pending[0]} signs more entries than the log "
                f"holds ({size}): entries were removed"
            )
        self._size, self._offset, self._tree = size, offset, tree
        self._signed = max(self._signed, min(latest, size))

    def _check_checkpoint(self, size: int, tree: Frontier) -> None:
        note = self.store.read_checkpoint(size)
        try:
            cp = parse_checkpoint(note or b"", self.meta.key)
        except LogFormatError as e:
            raise TamperError(f"{self.location}: checkpoint {size}: {e.message}") from None
        if cp.root != tree.root():
            raise TamperError(
                f"{self.location}: the first {size} entries do not match signed checkpoint {size}"
            )

    # --- appending -------------------------------------------------------------------------

    def append(self, event: Event) -> Receipt:
        """Append one event; returns once it is durable."""
        return self.append_many([event])[0]

    def append_many(self, events: Sequence[Event]) -> list[Receipt]:
        """Append events in order; returns once all are durable (one fsync if it can)."""
        self._check_writable()
        # validation and the personal-data guard run here, outside the lock
        pend = [_Pending(*encode_body(ev)) for ev in events]
        if not pend:
            return []
        last = pend[-1]
        with self._cv:
            self._queue.extend(pend)
            while last.receipt is None and last.error is None:
                if self._busy:
                    self._cv.wait()
                    continue
                self._busy = True
                batch, self._queue = self._queue, []
                self._cv.release()
                try:
                    self._flush(batch)
                finally:
                    self._cv.acquire()
                    self._busy = False
                    self._cv.notify_all()
        for p in pend:
            if p.error is not None:
                raise p.error
        return [p.receipt for p in pend if p.receipt is not None]

    def _stop(self, what: str, e: OSError) -> WriterStoppedError:
        """Stop the writer for good after a failed write or fsync (see the module doc)."""
        self._stopped = WriterStoppedError(
            f"writing {what} failed ({e.strerror}); the writer stopped and will not retry",
            hint="fix the disk, then restart: the log recovers on open",
        )
        return self._stopped

    def _flush(self, batch: list[_Pending]) -> None:
        if self._stopped is not None:
            for p in batch:
                p.error = self._stopped
            return
        E = self.meta.segment_entries
        try:
            with self.store.locked():
                self._sync()
                size, offset, tree = self._size, self._offset, self._tree.copy()
                lines, leaves = [], []
                for i, p in enumerate(batch):
                    line = entry(size + i, p.body)
                    lines.append(line)
                    leaves.append(merkle.leaf_hash(line))
                try:
                    self.store.append(size, offset, E, lines)
                except OSError as e:
                    raise self._stop(f"the audit log at {self.location}", e) from e
        except BaseException as e:
            for p in batch:
                p.error = e
            return
        for line in lines:
            size += 1
            offset = 0 if size % E == 0 else offset + len(line) + 1
        tree.extend(leaves)
        self._size, self._offset, self._tree = size, offset, tree
        self._appended_since_checkpoint += len(batch)
        first = size - len(batch)
        for i, p in enumerate(batch):
            p.receipt = Receipt(first + i, leaves[i], p.time)

    # --- checkpoints -----------------------------------------------------------------------

    def checkpoint(self) -> Checkpoint:
        """Sign the current tree (no-op if the latest checkpoint already covers it)."""
        self._check_writable()
        assert self.signer is not None
        with self._exclusive():
            try:
                with self.store.locked():
                    self._sync()
                    sizes = self.store.checkpoint_sizes()
                    latest = sizes[-1] if sizes else -1
                    if latest == self._size:
                        note = self.store.read_checkpoint(latest) or b""
                        cp = parse_checkpoint(note, self.meta.key)
                    else:
                        cp = sign_checkpoint(
                            self.meta.origin, self._size, self._tree.root(), self.signer
                        )
                        st = State(self._size, self._offset, tuple(self._tree.nodes))
                        self.store.write_checkpoint(self._size, cp.note, st.render())
            except OSError as e:
                raise self._stop(f"a checkpoint of {self.location}", e) from e
            self._signed = self._size
            self._appended_since_checkpoint = 0
            return cp

    def latest_checkpoint(self) -> Checkpoint | None:
        sizes = self.store.checkpoint_sizes()
        for size in reversed(sizes):
            note = self.store.read_checkpoint(size)
            if note is None:
                continue
            try:
                return parse_checkpoint(note, self.meta.key)
            except LogFormatError:
                continue
        return None

    # --- verification and proofs -----------------------------------------------------------

    def verify(
        self,
        trusted: Verifier | None = None,
        *,
        against: bytes | None = None,
        cache: SegmentCache | None = None,
    ) -> VerifyReport:
        return verify_image(self.store.image(), trusted, against=against, cache=cache)

    def _tree_reader(self) -> ImageTree:
        return ImageTree(self.store.image(), self.meta.segment_entries)

    def root(self, size: int | None = None) -> bytes:
        size = self._size if size is None else size
        if size == self._size:
            return self._tree.root()
        return self._tree_reader().mth(0, size)

    def inclusion_proof(self, seq: int, size: int | None = None) -> InclusionProof:
        size = self._size if size is None else size
        if not 0 <= seq < size:
            raise ProofError(f"entry {seq} is not among the first {size} entries")
        reader = self._tree_reader()
        hashes = merkle.inclusion_path(seq, size, reader.mth)
        leaf = reader.mth(seq, seq + 1)
        return InclusionProof(seq, size, leaf, reader.mth(0, size), hashes)

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        new_size = self._size if new_size is None else new_size
        if not 0 <= old_size <= new_size:
            raise ProofError(f"no consistency proof from size {old_size} to {new_size}")
        return merkle.consistency_path(old_size, new_size, self._tree_reader().mth)

    # --- reading ---------------------------------------------------------------------------

    def records(self, start: int = 0, *, actions: Sequence[str] | None = None) -> Iterator[Record]:
        """Entries in order, from ``start``; stops at a torn tail. ``actions``: only those
        whose action starts with one of these prefixes (filtered before parsing)."""
        image = self.store.image()
        E = self.meta.segment_entries
        wanted = tuple(b'"action":"' + a.encode() for a in actions) if actions else None
        for name in image.segment_names():
            first = parse_segment_name(name)
            if first is None or first + E <= start:
                continue
            lines = image.segment(name).split(b"\n")
            lines.pop()
            for i, line in enumerate(lines):
                seq = first + i
                if seq < start:
                    continue
                if wanted is not None and not line.startswith(wanted, line.find(b",") + 1):
                    continue
                try:
                    yield decode_entry(line, expect_seq=seq, canonical=False)
                except LogFormatError:
                    return
            if len(lines) < E:
                return

    # --- closing ---------------------------------------------------------------------------

    def close(self, *, checkpoint: bool = True) -> None:
        """Sign what was appended (unless told not to), then release the store."""
        if self._closed:
            return
        try:
            if checkpoint and self.signer is not None and self._stopped is None:
                self.checkpoint()
        finally:
            self._closed = True
            self.store.close()

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_log(
    location: str | Path,
    *,
    signer: Signer | None = None,
    create: bool = True,
    origin: str | None = None,
    segment_entries: int = DEFAULT_SEGMENT_ENTRIES,
    record_recovery: bool = True,
) -> AuditLog:
    """Open (and with ``signer`` and ``create``, create) the log at ``location``: a folder path
    or a ``postgresql+psycopg://`` URL. Without ``signer`` the log is read-only."""
    store = make_store(location)
    if not store.exists():
        if not (create and signer is not None):
            raise LogNotFoundError(
                f"no audit log at {store.location}",
                hint="the log is created by the first command that changes something",
            )
        origin = origin or f"privacy-audit/{secrets.token_hex(8)}"
        meta = Meta(origin, segment_entries, signer.verifier)
        note0 = sign_checkpoint(origin, 0, merkle.EMPTY_ROOT, signer).note
        store.initialise(meta.render(), note0, State(0, 0).render())
    raw = store.read_meta()
    if raw is None:
        raise LogNotFoundError(f"no audit log at {store.location}")
    try:
        meta = Meta.parse(raw)
    except LogFormatError as e:
        raise TamperError(f"{store.location}: LOG: {e.message}") from None
    if signer is not None and signer.verifier != meta.key:
        raise SigningKeyError(
            f"the audit log at {store.location} is signed by {meta.key.encode()}, "
            f"but the signing key given is {signer.verifier.encode()}",
            hint="use the log's own signing key, or start a new log elsewhere",
        )
    log = AuditLog(store, meta, signer)
    if signer is None:
        # read-only: learn the size without repairing or locking; damage is verify's business
        with contextlib.suppress(TamperError):
            log._load_base()
            log._sync(repair=False)
        return log
    with store.locked():
        store.tidy()
        log._load_base()
        log._sync()
    if log.recoveries and record_recovery:
        for r in log.recoveries:
            log.append(
                Event(
                    "audit.tail_cut",
                    r.where,
                    outcome="repaired",
                    details={
                        "first_seq": r.first_seq,
                        "bytes": r.bytes_removed,
                        "reason": r.reason,
                    },
                    actor="audit",
                )
            )
    return log
