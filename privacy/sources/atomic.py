"""Replace a file atomically: write a sibling temp file, fsync it, ``os.replace``, fsync the folder.

Readers see the old file or the new one, never a half-written one; a crash or an error during
the write leaves the old file untouched and removes the temp file. Temp files are hidden
(``.NAME.privacy-XXXX.tmp``) so folder listings skip one a killed process left behind.
"""

from __future__ import annotations

import contextlib
import glob
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

TMP_MARK = ".privacy-"


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # platforms that cannot open folders; the rename is still atomic
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}{TMP_MARK}{uuid.uuid4().hex[:12]}.tmp")


def is_temp(path: Path) -> bool:
    return path.name.startswith(".") and TMP_MARK in path.name and path.name.endswith(".tmp")


@contextlib.contextmanager
def atomic_replace(target: Path) -> Iterator[Path]:
    """Yield a temp path next to ``target``; on a clean exit it replaces ``target``.

    Temp files of ``target`` that a killed process left behind are removed first: they are
    stray copies of the other rows (two processes rewriting one file at once would lose an
    update anyway, so no live writer is expected)."""
    for stale in target.parent.glob(f".{glob.escape(target.name)}{TMP_MARK}*.tmp"):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
    tmp = temp_path(target)
    try:
        yield tmp
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_atomic(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` through :func:`atomic_replace`."""
    with atomic_replace(target) as tmp:
        tmp.write_bytes(data)


def remove_file(target: Path) -> None:
    """Delete ``target`` durably (the folder entry is synced)."""
    target.unlink()
    fsync_dir(target.parent)
