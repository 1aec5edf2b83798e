"""The folder store (the default, ``.privacy/audit/``).

Durability: entries are written with one ``write`` per segment touched, then ``fsync``; a
new segment file is followed by an ``fsync`` of the ``segments`` folder. Checkpoints and the
state file are written to a temporary file, fsynced, renamed into place, and the folder is
fsynced. An append returns only after all of that. Writers in several processes take turns
through ``flock`` on ``lock`` (held for one batch, never while idle).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path

from audit.errors import LogBusyError, LogFormatError, LogReplacedError, TamperError
from audit.layout import (
    CHECKPOINTS,
    LOCK_NAME,
    META_NAME,
    SEGMENTS,
    STATE_NAME,
    FolderImage,
    checkpoint_name,
    parse_checkpoint_name,
    parse_segment_name,
    segment_name,
)
from audit.store import Tail

LOCK_TIMEOUT = 30.0


def fsync_fd(fd: int) -> None:
    """The one place files are synced (a test injects an EIO here: a fault no real disk here
    can be made to produce on demand)."""
    os.fsync(fd)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fsync_fd(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
    try:
        _write_all(fd, data)
        fsync_fd(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


class FolderStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.location = str(self.path)

    # --- identity and lock -----------------------------------------------------------------

    def exists(self) -> bool:
        return (self.path / META_NAME).is_file()

    def identity(self) -> object:
        try:
            st = os.stat(self.path / META_NAME)
        except FileNotFoundError:
            return None
        return (st.st_dev, st.st_ino)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        try:
            fd = os.open(self.path / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except FileNotFoundError:
            raise LogReplacedError(f"the audit log folder {self.path} is gone") from None
        try:
            deadline = time.monotonic() + LOCK_TIMEOUT
            delay = 0.0005
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise LogBusyError(
                            f"another process has held the audit log's lock for "
                            f"{LOCK_TIMEOUT:.0f} s",
                            hint=f"look for a stuck process writing to {self.path}",
                        ) from None
                    time.sleep(delay)
                    delay = min(delay * 2, 0.05)
            yield
        finally:
            os.close(fd)  # closing releases the flock

    def initialise(self, meta: bytes, note0: bytes, state0: bytes) -> None:
        created = not self.path.exists()
        self.path.mkdir(parents=True, exist_ok=True, mode=0o700)
        if created:
            fsync_dir(self.path.parent)
        with self.locked():
            if self.exists():
                return
            for sub in (SEGMENTS, CHECKPOINTS):
                (self.path / sub).mkdir(exist_ok=True, mode=0o700)
            fsync_dir(self.path)
            atomic_write(self.path / checkpoint_name(0), note0)
            atomic_write(self.path / STATE_NAME, state0)
            atomic_write(self.path / META_NAME, meta)  # last: the log exists now

    # --- reading ---------------------------------------------------------------------------

    def _read(self, name: str) -> bytes | None:
        try:
            return (self.path / name).read_bytes()
        except FileNotFoundError:
            return None

    def read_meta(self) -> bytes | None:
        return self._read(META_NAME)

    def read_state(self) -> bytes | None:
        return self._read(STATE_NAME)

    def checkpoint_sizes(self) -> list[int]:
        sizes = []
        for n in os.listdir(self.path / CHECKPOINTS):
            s = parse_checkpoint_name(f"{CHECKPOINTS}/{n}")
            if s is not None:
                sizes.append(s)
        return sorted(sizes)

    def read_checkpoint(self, size: int) -> bytes | None:
        return self._read(checkpoint_name(size))

    def _segments_from(self, first: int) -> list[int]:
        out = []
        for n in os.listdir(self.path / SEGMENTS):
            s = parse_segment_name(f"{SEGMENTS}/{n}")
            if s is not None and s >= first:
                out.append(s)
        return sorted(out)

    def read_from(self, size: int, offset: int, per_segment: int) -> Tail:
        E = per_segment
        seg, off, seq = size - size % E, offset, size
        lines: list[bytes] = []
        while True:
            path = self.path / segment_name(seg)
            try:
                with open(path, "rb") as f:
                    length = os.fstat(f.fileno()).st_size
                    if length < off:
                        raise TamperError(
                            f"{segment_name(seg)} holds {length} bytes, fewer than the {off} "
                            f"that entries up to {size} filled: entries were removed",
                            hint="run `privacy audit verify`; restore the log from a copy",
                        )
                    f.seek(off)
                    data = f.read()
            except FileNotFoundError:
                if off:
                    raise TamperError(
                        f"{segment_name(seg)} disappeared under a running writer"
                    ) from None
                later = self._segments_from(seg + 1)
                if later:
                    issue = (seq, segment_name(later[0]), "a segment is missing", False)
                    return Tail(size, lines, issue)
                return Tail(size, lines)
            parts = data.split(b"\n")
            partial = parts.pop()
            room = E - (seq - seg)
            where = segment_name(seg)
            if len(parts) > room:
                lines += parts[:room]
                return Tail(size, lines, (seg + E, where, f"holds more than {E} entries", False))
            lines += parts
            seq += len(parts)
            if partial:
                return Tail(size, lines, (seq, where, "entry is cut short (no newline)", True))
            if seq - seg < E:
                later = self._segments_from(seg + 1)
                if later:
                    issue = (seq, segment_name(later[0]), "follows an incomplete segment", False)
                    return Tail(size, lines, issue)
                return Tail(size, lines)
            seg, off = seg + E, 0

    # --- writing ---------------------------------------------------------------------------

    def cut(self, seq: int, per_segment: int) -> int:
        E = per_segment
        seg = seq - seq % E
        removed = 0
        path = self.path / segment_name(seg)
        if path.exists():
            data = path.read_bytes()
            keep = 0
            for _ in range(seq - seg):
                nl = data.find(b"\n", keep)
                if nl < 0:
                    raise LogFormatError(f"cannot cut {segment_name(seg)} at entry {seq}")
                keep = nl + 1
            removed += len(data) - keep
            fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC)
            try:
                os.ftruncate(fd, keep)
                fsync_fd(fd)
            finally:
                os.close(fd)
        for later in self._segments_from(seg + 1):
            p = self.path / segment_name(later)
            removed += p.stat().st_size
            p.unlink()
        fsync_dir(self.path / SEGMENTS)
        return removed

    def append(self, size: int, offset: int, per_segment: int, lines: list[bytes]) -> None:
        E = per_segment
        seq, i = size, 0
        while i < len(lines):
            seg = seq - seq % E
            room = E - (seq - seg)
            chunk = lines[i : i + room]
            data = b"\n".join(chunk) + b"\n"
            path = self.path / segment_name(seg)
            new = seq == seg
            flags = os.O_WRONLY | os.O_APPEND | os.O_CLOEXEC | (os.O_CREAT if new else 0)
            fd = os.open(path, flags, 0o600)
            try:
                expect = 0 if new else offset
                if os.fstat(fd).st_size != expect:
                    raise LogFormatError(
                        f"{segment_name(seg)} is not where this writer left it",
                        hint="another program writes to the audit folder; only the toolkit may",
                    )
                _write_all(fd, data)
                fsync_fd(fd)
            finally:
                os.close(fd)
            if new:
                fsync_dir(self.path / SEGMENTS)
            seq += len(chunk)
            i += len(chunk)
            offset = 0

    def write_checkpoint(self, size: int, note: bytes, state: bytes) -> None:
        path = self.path / checkpoint_name(size)
        old = self._read(checkpoint_name(size))
        if old is None:
            atomic_write(path, note)
        elif old != note:
            raise TamperError(f"{checkpoint_name(size)} exists with a different signed root")
        atomic_write(self.path / STATE_NAME, state)

    def tidy(self) -> None:
        for folder in (self.path, self.path / CHECKPOINTS):
            for name in os.listdir(folder):
                if name.endswith(".tmp"):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(folder / name)

    def image(self) -> FolderImage:
        return FolderImage(self.path)

    def close(self) -> None:
        pass
