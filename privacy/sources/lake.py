"""Tables stored as files: the common interface of Parquet, CSV, JSON-lines and Delta tables.

Kept light (no ``pyarrow.dataset``, which pulls in pandas): a CSV scan must not pay for the
Parquet and Delta machinery; :mod:`privacy.sources.rowgroups` holds the row-group sampler.

A :class:`LakeTable` is one table of a :class:`~privacy.sources.files.FileSource`; the source
only routes calls by table name.
"""

from __future__ import annotations

import errno
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa

from privacy.errors import (
    PrivacyError,
    SourceNotFoundError,
    SourcePermissionError,
    SourceReadError,
    SourceUnavailableError,
    UnsupportedSourceError,
)
from privacy.sources.base import ColumnInfo, EraseResult, Match
from privacy.sources.kinds import kind_of_arrow_type


def is_delta(path: Path) -> bool:
    """A Delta table: a folder with a ``_delta_log``."""
    return path.is_dir() and (path / "_delta_log").is_dir()


class LakeTable(ABC):
    """One table in files. Subclasses raise the toolkit's source errors, naming the table."""

    name: str
    path: Path
    #: human-readable notes about how it was read (e.g. a non-UTF-8 encoding); no values
    notes: list[str]

    @abstractmethod
    def schema(self) -> pa.Schema: ...

    def columns(self) -> list[ColumnInfo]:
        return [
            ColumnInfo(
                name=f.name,
                kind=kind_of_arrow_type(f.type),
                native_type=str(f.type),
                nullable=f.nullable,
            )
            for f in self.schema()
        ]

    def check_columns(self, names: Sequence[str]) -> None:
        have = set(self.schema().names)
        missing = list(dict.fromkeys(c for c in names if c not in have))
        if missing:
            raise SourceNotFoundError(
                f"{self.path}: table {self.name!r} has no column "
                + ", ".join(repr(c) for c in missing),
                hint="list its columns with `privacy scan SOURCE --table TABLE`",
            )

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def sample(self, columns: Sequence[str] | None, n: int) -> pa.Table: ...

    @abstractmethod
    def find(self, matches: Sequence[Match], columns: Sequence[str] | None) -> pa.Table: ...

    @abstractmethod
    def count_matches(self, matches: Sequence[Match]) -> int: ...

    def delete_matches(self, matches: Sequence[Match]) -> EraseResult:
        return self._erase(matches, None)

    def anonymize_matches(
        self, matches: Sequence[Match], replacements: Mapping[str, Any]
    ) -> EraseResult:
        if not replacements:
            raise UnsupportedSourceError(
                f"{self.path}: nothing to anonymize in table {self.name!r}",
                hint="name the columns to overwrite (column -> new value, None for NULL)",
            )
        self.check_columns(list(replacements))
        return self._erase(matches, replacements)

    @abstractmethod
    def _erase(
        self, matches: Sequence[Match], replacements: Mapping[str, Any] | None
    ) -> EraseResult:
        """Delete the rows matching any of ``matches`` (``replacements`` None) or overwrite
        their ``replacements`` columns, then purge what could bring them back."""


def erase_action(replacements: Mapping[str, Any] | None) -> str:
    """What an erasure does, for error messages: "cannot <action> table ..."."""
    return "delete rows from" if replacements is None else "anonymize rows in"


@contextmanager
def file_errors(path: Path, table: str, action: str) -> Iterator[None]:
    """Turn OS and Arrow errors into source errors naming the table, not the data."""
    try:
        yield
    except PrivacyError:
        raise
    except PermissionError as e:
        raise SourcePermissionError(
            f"{path}: cannot {action} table {table!r}: permission denied",
            hint="give the user running the toolkit read (and, to erase, write) access to the "
            "file and its folder",
        ) from e
    except FileNotFoundError as e:
        raise SourceNotFoundError(
            f"{path}: cannot {action} table {table!r}: a file of it is gone",
            hint="another process may have rewritten or removed it; open the source again",
        ) from e
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EAGAIN, errno.EBUSY) or (
            "no space left" in str(e).lower()
        ):
            raise SourceUnavailableError(
                f"{path}: cannot {action} table {table!r}: "
                f"{errno.errorcode.get(e.errno or 0, 'I/O error')}",
                hint="free disk space or wait for the storage, then retry; "
                "the original files are unchanged",
            ) from e
        raise _malformed(path, table, action, e) from e
    except (pa.ArrowException, ValueError) as e:
        raise _malformed(path, table, action, e) from e


def _malformed(path: Path, table: str, action: str, e: BaseException) -> SourceReadError:
    return SourceReadError(
        f"{path}: cannot {action} table {table!r}: a file is damaged or not of its format "
        f"({type(e).__name__})",
        hint="check the file opens in its own tools; the original files are unchanged",
    )
