"""The log's files, as the verifier sees them: an *image*.

A log is four kinds of item, whatever stores it (folder or PostgreSQL):

- ``LOG``: the log's identity (format, origin, entries per segment, verifier key).
- ``segments/<first seq>.log``: entries, one per line, exactly ``segment_entries`` per
  segment except the last; ``segment_entries`` is a power of two, so every full segment is a
  complete subtree of the Merkle tree.
- ``checkpoints/<size>.note``: signed checkpoints (C2SP signed note).
- ``state``: where the latest checkpoint left the tree (its frontier), so a writer can open a
  large log without rehashing it. Checked against the checkpoint it names, so it adds no trust.

All text formats are canonical: parsing and re-rendering gives the same bytes, or the item is
rejected. That is what makes every single-byte change visible.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from audit.errors import LogFormatError, SigningKeyError
from audit.note import Verifier

LOG_FORMAT = "privacy-audit-log/1"
STATE_FORMAT = "privacy-audit-state/1"
META_NAME = "LOG"
STATE_NAME = "state"
LOCK_NAME = "lock"
SEGMENTS = "segments"
CHECKPOINTS = "checkpoints"
DEFAULT_SEGMENT_ENTRIES = 1 << 12  # ~1 MB files; a writer rehashes at most one on open

_SEG_RE = re.compile(r"^segments/(\d{20})\.log$")
_CP_RE = re.compile(r"^checkpoints/(\d{20})\.note$")
_ORIGIN_RE = re.compile(r"^[\x21-\x7e]{1,200}$")
_HEX32_RE = re.compile(r"^[0-9a-f]{64}$")
_DEC_RE = re.compile(r"^(?:0|[1-9][0-9]{0,18})$")


def segment_name(first: int) -> str:
    return f"{SEGMENTS}/{first:020d}.log"


def checkpoint_name(size: int) -> str:
    return f"{CHECKPOINTS}/{size:020d}.note"


@lru_cache(maxsize=65536)
def parse_segment_name(name: str) -> int | None:
    m = _SEG_RE.match(name)
    return int(m.group(1)) if m else None


@lru_cache(maxsize=65536)
def parse_checkpoint_name(name: str) -> int | None:
    m = _CP_RE.match(name)
    return int(m.group(1)) if m else None


def _dec(text: str, what: str) -> int:
    if not _DEC_RE.match(text):
        raise LogFormatError(f"{what} is not a canonical decimal")
    return int(text)


@dataclass(frozen=True)
class Meta:
    origin: str
    segment_entries: int
    key: Verifier

    def render(self) -> bytes:
        return (
            f"{LOG_FORMAT}\norigin {self.origin}\nsegment-entries {self.segment_entries}\n"
            f"key {self.key.encode()}\n"
        ).encode()

    @classmethod
    def parse(cls, data: bytes) -> Meta:
        return _parse_meta(bytes(data))

    @classmethod
    def _parse(cls, data: bytes) -> Meta:
        try:
            lines = data.decode("ascii").split("\n")
        except UnicodeDecodeError:
            raise LogFormatError("LOG is not ASCII text") from None
        if len(lines) != 5 or lines[0] != LOG_FORMAT or lines[4] != "":
            raise LogFormatError(f"LOG is not a {LOG_FORMAT} header")
        fields = {}
        for line, key in zip(lines[1:4], ("origin", "segment-entries", "key"), strict=True):
            k, sep, v = line.partition(" ")
            if k != key or not sep:
                raise LogFormatError(f"LOG line {key!r} is missing or out of order")
            fields[key] = v
        if not _ORIGIN_RE.match(fields["origin"]):
            raise LogFormatError("LOG origin is not printable ASCII without spaces")
        entries = _dec(fields["segment-entries"], "LOG segment-entries")
        if entries < 1 or entries & (entries - 1) or entries > 1 << 24:
            raise LogFormatError("LOG segment-entries is not a power of two <= 2**24")
        try:
            verifier = Verifier.parse(fields["key"])
        except SigningKeyError as e:
            raise LogFormatError(f"LOG key: {e.message}") from None
        meta = cls(fields["origin"], entries, verifier)
        if meta.render() != data:
            raise LogFormatError("LOG is not in canonical form")
        return meta


@dataclass(frozen=True)
class State:
    """The frontier at ``size`` and the byte ``offset`` of entry ``size`` in its segment."""

    size: int
    offset: int
    nodes: tuple[bytes, ...] = field(default=())

    def render(self) -> bytes:
        lines = [STATE_FORMAT, f"size {self.size}", f"offset {self.offset}"]
        lines += [f"node {n.hex()}" for n in self.nodes]
        return ("\n".join(lines) + "\n").encode()

    @classmethod
    def parse(cls, data: bytes) -> State:
        return _parse_state(bytes(data))

    @classmethod
    def _parse(cls, data: bytes) -> State:
        try:
            lines = data.decode("ascii").split("\n")
        except UnicodeDecodeError:
            raise LogFormatError("state is not ASCII text") from None
        if len(lines) < 4 or lines[0] != STATE_FORMAT or lines[-1] != "":
            raise LogFormatError(f"state is not a {STATE_FORMAT} file")
        if not lines[1].startswith("size ") or not lines[2].startswith("offset "):
            raise LogFormatError("state lacks size or offset")
        size = _dec(lines[1][5:], "state size")
        offset = _dec(lines[2][7:], "state offset")
        nodes = []
        for line in lines[3:-1]:
            if not line.startswith("node ") or not _HEX32_RE.match(line[5:]):
                raise LogFormatError("state node line is malformed")
            nodes.append(bytes.fromhex(line[5:]))
        if len(nodes) != size.bit_count():
            raise LogFormatError(f"state of size {size} must list {size.bit_count()} nodes")
        st = cls(size, offset, tuple(nodes))
        if st.render() != data:
            raise LogFormatError("state is not in canonical form")
        return st


@lru_cache(maxsize=256)
def _parse_meta(data: bytes) -> Meta:
    return Meta._parse(data)


@lru_cache(maxsize=256)
def _parse_state(data: bytes) -> State:
    return State._parse(data)


# --- images --------------------------------------------------------------------------------


class LogImage(Protocol):
    """Read access to every item of a log, for the verifier. Read in this order: meta,
    states, checkpoints, segments (a writer adds a segment's entries before the checkpoint
    that signs them, and a checkpoint before the state that names it)."""

    location: str
    torn_tails_possible: bool  # False where writes are transactional (a database)

    def meta(self) -> bytes | None: ...

    def states(self) -> list[tuple[str, bytes]]: ...

    def checkpoints(self) -> list[tuple[str, bytes]]: ...

    def segment_names(self) -> list[str]: ...

    def segment(self, name: str) -> bytes: ...

    def strays(self) -> list[str]: ...


class MemoryImage:
    """A log held in memory, item name -> bytes (tests mutate copies of it)."""

    torn_tails_possible = True

    def __init__(
        self,
        items: dict[str, bytes],
        location: str = "<memory>",
        _names: tuple[list[str], list[str], list[str]] | None = None,
    ) -> None:
        self.items = items
        self.location = location
        if _names is None:
            names = sorted(items)
            cps = [n for n in names if n.startswith(CHECKPOINTS + "/")]
            segs = [n for n in names if n.startswith(SEGMENTS + "/")]
            strays = [n for n in names if n not in (META_NAME, STATE_NAME, *cps, *segs)]
            _names = (cps, segs, strays)
        self._cps, self._segs, self._strays = _names

    @classmethod
    def from_image(cls, image: LogImage) -> MemoryImage:
        items: dict[str, bytes] = {}
        meta = image.meta()
        if meta is not None:
            items[META_NAME] = meta
        items.update(image.states())
        items.update(image.checkpoints())
        for name in image.segment_names():
            items[name] = image.segment(name)
        return cls(items, image.location)

    def replace(self, name: str, data: bytes) -> MemoryImage:
        """A copy with one item's bytes replaced (cheap: the item names stay the same)."""
        items = dict(self.items)
        known = name in items
        items[name] = data
        names = (self._cps, self._segs, self._strays) if known else None
        return MemoryImage(items, self.location, names)

    def meta(self) -> bytes | None:
        return self.items.get(META_NAME)

    def states(self) -> list[tuple[str, bytes]]:
        return [(n, d) for n, d in self.items.items() if n == STATE_NAME]

    def checkpoints(self) -> list[tuple[str, bytes]]:
        return [(n, self.items[n]) for n in self._cps]

    def segment_names(self) -> list[str]:
        return self._segs

    def segment(self, name: str) -> bytes:
        return self.items[name]

    def strays(self) -> list[str]:
        return self._strays


class FolderImage:
    """A log folder, read lazily (one segment in memory at a time)."""

    torn_tails_possible = True

    def __init__(self, path: Path) -> None:
        self.path = path
        self.location = str(path)

    def _read(self, name: str) -> bytes | None:
        try:
            return (self.path / name).read_bytes()
        except FileNotFoundError:
            return None

    def meta(self) -> bytes | None:
        return self._read(META_NAME)

    def states(self) -> list[tuple[str, bytes]]:
        data = self._read(STATE_NAME)
        return [] if data is None else [(STATE_NAME, data)]

    def _list(self, sub: str) -> list[str]:
        try:
            return sorted(f"{sub}/{n}" for n in os.listdir(self.path / sub))
        except FileNotFoundError:
            return []

    def checkpoints(self) -> list[tuple[str, bytes]]:
        out = []
        for name in self._list(CHECKPOINTS):
            if name.endswith(".tmp"):
                continue
            data = self._read(name)
            if data is not None:
                out.append((name, data))
        return out

    def segment_names(self) -> list[str]:
        return self._list(SEGMENTS)

    def segment(self, name: str) -> bytes:
        return self._read(name) or b""

    def strays(self) -> list[str]:
        try:
            top = os.listdir(self.path)
        except FileNotFoundError:
            return []
        known = {META_NAME, STATE_NAME, LOCK_NAME, SEGMENTS, CHECKPOINTS}
        out = [n for n in top if n not in known and not n.endswith(".tmp")]
        return sorted(out)
