"""What a log's backing store does for the writer. Two implementations: a folder
(:mod:`audit.folder`) and a PostgreSQL database (:mod:`audit.postgres`); both hold the same
items in the same formats, and both hand the verifier the same kind of image."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from audit.layout import LogImage


@dataclass(frozen=True)
class Tail:
    """Entries a writer has not seen yet: complete lines from entry ``start`` on, and why
    reading stopped early, if it did (``issue``: entry seq, where, reason, and whether a
    crash could have left it so, i.e. whether it is a torn tail)."""

    start: int
    lines: list[bytes]
    issue: tuple[int, str, str, bool] | None = None


class Store(Protocol):
    location: str

    def exists(self) -> bool: ...

    def initialise(self, meta: bytes, note0: bytes, state0: bytes) -> None:
        """Create the log with its first checkpoint (size 0) unless it exists. Idempotent and
        safe against a concurrent creator."""

    def locked(self) -> AbstractContextManager[None]:
        """Exclusive writer access across processes; commits (durably) on exit."""

    def identity(self) -> object:
        """Changes when the log is replaced by another one at the same location."""

    def read_meta(self) -> bytes | None: ...

    def read_state(self) -> bytes | None: ...

    def checkpoint_sizes(self) -> list[int]: ...

    def read_checkpoint(self, size: int) -> bytes | None: ...

    def read_from(self, size: int, offset: int, per_segment: int) -> Tail:
        """Entries from ``size`` on; ``offset`` is entry ``size``'s byte offset in its segment."""

    def cut(self, seq: int, per_segment: int) -> int:
        """Remove entry ``seq`` and everything after it (a torn tail). Returns bytes removed."""

    def append(self, size: int, offset: int, per_segment: int, lines: list[bytes]) -> None:
        """Add entries ``size``.. durably (returns once they survive a crash)."""

    def write_checkpoint(self, size: int, note: bytes, state: bytes) -> None: ...

    def tidy(self) -> None:
        """Remove leftovers of interrupted writes (temporary files). Caller holds the lock."""

    def image(self) -> LogImage: ...

    def close(self) -> None: ...
