"""Master key rotation: re-wrap every stored key under a new master key, crash-safe.

Data keys do not change, so no data is re-encrypted. The procedure, under the store's
exclusive lock:

1. write ``rotation.json`` (the journal: which generation the store moves to);
2. write every ``X.key.new``, wrapped by the new master key, and fsync it;
3. replace ``store.json`` (new check value, generation + 1) by an atomic rename: the commit;
4. rename every ``X.key.new`` over ``X.key``, handle the local master file, drop the journal.

:func:`recover` (run by ``KeyStore.open`` whenever a journal is left) rolls back before the
commit (delete the ``.new`` files: the old master key still opens everything) and forward
after it (finish the renames: the new master key opens everything). No key is ever lost.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy.crypto import _files, master
from privacy.crypto.master import KeyWrapper, MasterSecret
from privacy.errors import MasterKeyError

if TYPE_CHECKING:
    from privacy.crypto.keystore import KeyStore

NEW = ".new"


def _journal_path(keys_dir: Path) -> Path:
    from privacy.crypto.keystore import ROTATION_FILE

    return keys_dir / ROTATION_FILE


def _folders(keys_dir: Path) -> list[Path]:
    from privacy.crypto.keystore import KIND_DIRS

    return [keys_dir / sub for sub in KIND_DIRS.values()]


def _key_files(keys_dir: Path) -> list[Path]:
    return sorted(p for folder in _folders(keys_dir) for p in folder.glob("[!.]*.key"))


def _write_scratch(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, _files.FILE_MODE)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _rewrap_one(store: KeyStore, path: Path, new_wrapper: KeyWrapper) -> bool:
    """Write ``path.new`` wrapped by ``new_wrapper``. False if the key was half-shredded."""
    rec = _files.read_json(path)
    if rec["kind"] == "subject" and path.with_suffix(".shredded").exists():
        # a crash between tombstone and deletion: finish the shred instead of carrying it over
        _files.shred_file(path)
        return False
    material = store._unwrap_file(path, rec["kind"], rec["id"])
    ctx = store._context(rec["id"], rec["kind"], rec["scope"], int(rec["version"]))
    new_rec = dict(rec, wrapped=base64.b64encode(new_wrapper.wrap(material, ctx)).decode())
    _write_scratch(path.with_name(path.name + NEW), _files.dump_json(new_rec))
    return True


def _swap_one(new_path: Path) -> None:
    os.replace(new_path, new_path.with_name(new_path.name[: -len(NEW)]))


def _commit(keys_dir: Path, meta: dict[str, Any]) -> None:
    """The commit point: one atomic rename of store.json (new check value and generation)."""
    from privacy.crypto.keystore import STORE_FILE

    _files.write_replace(keys_dir / STORE_FILE, _files.dump_json(meta))


def _finish(keys_dir: Path, journal: dict[str, Any]) -> None:
    for folder in _folders(keys_dir):
        for new_path in sorted(folder.glob("[!.]*.key" + NEW)):
            _swap_one(new_path)
        _files.fsync_dir(folder)
    mfile = master.master_file(keys_dir)
    mnew = mfile.with_name(mfile.name + NEW)
    if journal.get("master_file") == "replace" and mnew.exists():
        os.replace(mnew, mfile)
        _files.fsync_dir(mfile.parent)
    elif journal.get("master_file") == "remove":
        _files.shred_file(mfile)
    _journal_path(keys_dir).unlink(missing_ok=True)
    _files.fsync_dir(keys_dir)


def _roll_back(keys_dir: Path) -> None:
    for folder in _folders(keys_dir):
        for new_path in folder.glob("[!.]*.key" + NEW):
            new_path.unlink()
        _files.fsync_dir(folder)
    mfile = master.master_file(keys_dir)
    _files.shred_file(mfile.with_name(mfile.name + NEW))
    _journal_path(keys_dir).unlink(missing_ok=True)
    _files.fsync_dir(keys_dir)


def recover(keys_dir: Path) -> str | None:
    """Finish or undo an interrupted rotation. Caller holds the exclusive lock."""
    from privacy.crypto.keystore import STORE_FILE

    jpath = _journal_path(keys_dir)
    if not jpath.exists():
        return None
    journal = _files.read_json(jpath)
    meta = _files.read_json(keys_dir / STORE_FILE)
    if int(meta["generation"]) >= int(journal["target_generation"]):
        _finish(keys_dir, journal)
        return "forward"
    _roll_back(keys_dir)
    return "back"


def rotate_master(
    store: KeyStore,
    new_wrapper: KeyWrapper,
    *,
    new_master_file: bytes | None = None,
    remove_master_file: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Re-wrap every key of ``store`` under ``new_wrapper``. Returns the number of keys."""
    from privacy.crypto.keystore import LOCK_FILE, _new_meta

    keys_dir = store.keys_dir
    with _files.locked(keys_dir / LOCK_FILE, exclusive=True):
        recover(keys_dir)
        store._raise_if_rotated()
        generation = int(store.meta["generation"])
        journal = {
            "format": 1,
            "from_generation": generation,
            "target_generation": generation + 1,
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "master_file": "replace"
            if new_master_file is not None
            else "remove"
            if remove_master_file
            else None,
        }
        _files.write_replace(_journal_path(keys_dir), _files.dump_json(journal))
        files = _key_files(keys_dir)
        count = 0
        for i, path in enumerate(files, 1):
            count += _rewrap_one(store, path, new_wrapper)
            if progress:
                progress(i, len(files))
        for folder in _folders(keys_dir):
            _files.fsync_dir(folder)
        if new_master_file is not None:
            mfile = master.master_file(keys_dir)
            _write_scratch(mfile.with_name(mfile.name + NEW), new_master_file)
            _files.fsync_dir(mfile.parent)
        meta = _new_meta(new_wrapper, generation + 1, created=store.meta.get("created"))
        _commit(keys_dir, meta)
        _finish(keys_dir, journal)
    store.wrapper, store.meta = new_wrapper, meta
    kind = new_wrapper.describe().get("type")
    details = {"keys": count, "wrapper": kind, "generation": generation + 1}
    store.audit("key.rotated", "master", details)
    return count


def rotate_master_secret(
    store: KeyStore,
    new_secret: MasterSecret | None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Rotate a locally wrapped store to ``new_secret``.

    ``None`` means "a new random local master key file" and is allowed only when the store is
    keyed from that file today. Moving from the local file to a given key shreds the file.
    """
    described = store.meta.get("wrapper", {})
    if described.get("type") != "local":
        raise MasterKeyError(
            "this store is wrapped by a KMS wrapper; rotate with store.rotate_master(wrapper)"
        )
    from_file = described.get("origin") == "file"
    new_file: bytes | None = None
    if new_secret is None:
        if not from_file:
            raise MasterKeyError(
                "no new master key given",
                hint="put the new key in PRIVACY_NEW_MASTER_KEY (or the variable named by "
                "--new-master-key-env) and run the rotation again",
            )
        raw = os.urandom(32)
        new_file = base64.b64encode(raw) + b"\n"
        new_secret = MasterSecret("raw", raw, "file")
    else:
        _refuse_same_key(store, new_secret)
    wrapper = master.local_wrapper(new_secret)
    return rotate_master(
        store,
        wrapper,
        new_master_file=new_file,
        remove_master_file=from_file and new_file is None,
        progress=progress,
    )


def _refuse_same_key(store: KeyStore, secret: MasterSecret) -> None:
    from privacy.crypto.keystore import _CHECK_CONTEXT

    kdf = store.meta.get("wrapper", {}).get("kdf")
    try:
        same = master.local_wrapper(secret, kdf)
        same.unwrap(base64.b64decode(store.meta["check"]), _CHECK_CONTEXT)
    except MasterKeyError:
        return  # a different key (or a different form): good
    raise MasterKeyError(
        "the new master key is the same as the current one",
        hint="generate a new key; rotating to the same key would change nothing",
    )
