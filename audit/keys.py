"""The signing key's file: created on first use (mode 0600, folder 0700), kept apart from the
log so that whoever can write the log's files cannot also sign a rewritten history."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from audit.errors import SigningKeyError
from audit.folder import fsync_dir, fsync_fd
from audit.note import Signer, Verifier

DEFAULT_KEY_NAME = "privacy-audit"


def load_signer(path: Path) -> Signer:
    try:
        st = os.stat(path)
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        raise SigningKeyError(f"no audit signing key at {path}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise SigningKeyError(f"cannot read the audit signing key at {path}: {e}") from None
    if stat.S_IMODE(st.st_mode) & 0o077:
        raise SigningKeyError(
            f"the audit signing key {path} is readable by others",
            hint=f"chmod 600 {path}",
        )
    return Signer.parse(text)


def load_or_create_signer(path: Path, name: str = DEFAULT_KEY_NAME) -> Signer:
    """Load the key at ``path``, creating it (atomically, once even under races) if absent."""
    path = Path(path)
    if path.exists():
        return load_signer(path)
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    signer = Signer.generate(name)
    tmp = folder / f".{path.name}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    try:
        os.write(fd, (signer.encode() + "\n").encode("ascii"))
        fsync_fd(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # fails if another process made one first: then use theirs
    except FileExistsError:
        pass
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    fsync_dir(folder)
    return load_signer(path)


def load_verifier(text_or_path: str) -> Verifier:
    """A verifier key given as text (``name+id+base64``) or as a file holding it, or a signing
    key file (its public half)."""
    p = Path(text_or_path)
    if "+" not in text_or_path or p.exists():
        try:
            text = p.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as e:
            raise SigningKeyError(f"cannot read a key from {text_or_path}: {e}") from None
        if text.startswith("PRIVATE+KEY+"):
            return Signer.parse(text).verifier
        return Verifier.parse(text)
    return Verifier.parse(text_or_path)
