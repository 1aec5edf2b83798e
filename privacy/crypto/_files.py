"""Durable, private file operations for the key store.

Every key file is written to a temporary name, fsynced, then linked (create-if-absent) or
renamed (replace) into place, and the folder is fsynced, so a crash leaves either the old or
the new file, never a torn one. Files are 0600 and folders 0700 from the moment they exist.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) as 0700; tighten an existing folder to 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if path.stat().st_mode & 0o777 != DIR_MODE:
        os.chmod(path, DIR_MODE)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(path: Path, data: bytes) -> Path:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    return tmp


def write_replace(path: Path, data: bytes, *, sync_dir: bool = True) -> None:
    """Write ``data`` to ``path`` atomically, replacing any existing file."""
    tmp = _write_temp(path, data)
    os.replace(tmp, path)
    if sync_dir:
        fsync_dir(path.parent)


def write_new(path: Path, data: bytes, *, sync_dir: bool = True) -> bool:
    """Create ``path`` with ``data`` unless it exists. Returns False if another writer won."""
    tmp = _write_temp(path, data)
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    finally:
        os.unlink(tmp)
    if sync_dir:
        fsync_dir(path.parent)
    return True


def shred_file(path: Path, *, sync_dir: bool = True) -> bool:
    """Overwrite a file with random bytes, fsync, delete it, fsync its folder.

    Returns False if the file did not exist. (On copy-on-write filesystems and wear-levelled
    SSDs the old blocks may survive the overwrite; docs/crypto.md says so.)
    """
    try:
        fd = os.open(path, os.O_WRONLY)
    except FileNotFoundError:
        return False
    try:
        size = os.fstat(fd).st_size
        os.write(fd, os.urandom(max(size, 1)))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.unlink(path)
    if sync_dir:
        fsync_dir(path.parent)
    return True


def dump_json(obj: dict[str, Any]) -> bytes:
    return (json.dumps(obj, sort_keys=True, indent=1) + "\n").encode()


def read_json(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_bytes())
    if not isinstance(data, dict):
        raise ValueError(f"{path.name} is not a JSON object")
    return data


@contextlib.contextmanager
def locked(lock_path: Path, *, exclusive: bool) -> Iterator[None]:
    """An advisory lock shared between processes (flock). Released when the process dies."""
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
