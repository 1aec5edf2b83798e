"""Proof that a request did what it says.

Erasure is verified by three kinds of check, all recorded as evidence (counts and file names,
never values):

- **tables**: every planned selector (identifier and relation keys) is queried again in every
  table of the plan, including those where nothing was found at planning; all must return 0;
- **lake**: for a Delta table, no older version is readable (time travel fails), every data
  file in the folder is one the current version uses (nothing left over from before the
  delete), and the transaction log does not mention the subject's identifier; for a Parquet
  folder, no file but the table's own remains;
- **key**: the subject's data key is shredded: a tombstone exists, no key material is left,
  and a canary encrypted under the key before shredding fails with ``KeyShreddedError``.

Export is verified by re-reading every written file against the manifest's SHA-256.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy.dsr import keys as keyring
from privacy.dsr.models import StepKind
from privacy.dsr.planner import selector_matches, selector_values
from privacy.sources.base import SupportsLookup

if TYPE_CHECKING:
    from privacy.dsr.executor import Executor, Member


def verify_erasure_group(ex: Executor, members: Sequence[Member]) -> dict[str, dict[str, Any]]:
    """Verify several erasures at once: one count per table, path and batch of values for
    all of them. Should anything remain, each request is checked alone, so the evidence says
    whose data it is."""
    plan = members[0].request.plan
    assert plan is not None
    checks: list[dict[str, Any]] = []
    ok = True
    for node in plan.tables:
        src = ex.ws.source(node.source)
        if not isinstance(src, SupportsLookup):
            continue
        matches, _used = selector_matches(
            node,
            plan.subject_kind,
            lambda sel: union_values(selector_values(sel, m.subject, m.keys) for m in members),
        )
        remaining = src.count_matches(node.table, matches) if matches else 0
        ok = ok and remaining == 0
        checks.append({"check": "table", "table": node.name, "remaining": remaining})
        if node.lake:
            path = ex.ws.lake_path(node.source, node.table)
            if path is not None:
                identifier = any(s.parent is None for s in node.selectors)
                needles = (
                    [v for m in members for v in m.subject.lookup_values()] if identifier else []
                )
                lake = check_lake(path, needles, fold_case=members[0].subject.fold_case)
                checks.append({"check": "lake", "table": node.name, **lake})
                ok = ok and lake["ok"]
    if not ok and len(members) > 1:
        return {m.id: verify_erasure_group(ex, [m])[m.id] for m in members}
    out = {}
    for m in members:
        shred = next((s for s in m.steps if s.kind is StepKind.SHRED), None)
        key = keyring.verify_shredded(
            ex.settings, m.request.pseudonym, shred.evidence if shred else {}
        )
        out[m.id] = {
            "ok": ok and key["ok"],
            "checks": [*checks, {"check": "key", **key}],
            **({"group": len(members)} if len(members) > 1 else {}),
        }
    return out


def union_values(lists: Iterable[Sequence[Any]]) -> list[Any]:
    seen: dict[str, Any] = {}
    for values in lists:
        for v in values:
            seen.setdefault(repr(v), v)
    return list(seen.values())


def check_lake(path: Path, needles: list[str], *, fold_case: bool = False) -> dict[str, Any]:
    """Lake-side evidence for one table folder (Delta) or file/folder (Parquet). With
    ``fold_case`` the log is searched for the identifier in any case."""
    if (path / "_delta_log").is_dir():
        return _check_delta(path, needles, fold_case)
    files = [p for p in (path.rglob("*") if path.is_dir() else [path]) if p.is_file()]
    leftovers = [p.name for p in files if p.name.startswith(".") or p.suffix in (".tmp", ".old")]
    return {"format": "parquet", "files": len(files), "leftovers": leftovers, "ok": not leftovers}


def _check_delta(path: Path, needles: list[str], fold_case: bool = False) -> dict[str, Any]:
    from deltalake import DeltaTable

    dt = DeltaTable(str(path))
    current = dt.version()
    referenced = {Path(u).name for u in dt.file_uris()}
    on_disk = [p for p in path.rglob("*.parquet") if "_delta_log" not in p.parts]
    unreferenced = sorted(p.name for p in on_disk if p.name not in referenced)
    # an older version is a risk only if it reads data files the current version does not use
    # (those could hold the erased rows); a version with the same or fewer files holds nothing
    # the current one does not
    current_files = set(dt.file_uris())
    readable_old: list[int] = []
    for v in range(current):
        try:
            extra = set(DeltaTable(str(path), version=v).file_uris()) - current_files
        except Exception:
            continue
        readable = [f for f in extra if Path(f.removeprefix("file://")).exists()]
        if readable:
            readable_old.append(v)
    mentions = 0
    # bytes.lower() folds ASCII only: enough to find an ASCII identifier in any case; a
    # non-ASCII one is also searched as given and lowercased
    needles_b = {(n.lower() if fold_case else n).encode() for n in needles if n}
    if fold_case:
        needles_b |= {n.encode() for n in needles if n}
    for p in (path / "_delta_log").rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            if fold_case:
                data = data.lower()
            mentions += sum(data.count(n) for n in needles_b)
    return {
        "format": "delta",
        "version": current,
        "files": len(on_disk),
        "unreferenced_files": unreferenced,
        "older_versions_with_other_files": readable_old,
        "log_mentions": mentions,
        "ok": not unreferenced and not readable_old and mentions == 0,
    }


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_export(ex: Executor, m: Member) -> dict[str, Any]:
    out = Path(m.request.out_dir or ".")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    bad: list[str] = []
    n = 0
    for entry in manifest["files"]:
        n += 1
        p = out / entry["path"]
        if not p.is_file() or sha256_file(p) != entry["sha256"]:
            bad.append(entry["path"])
    return {
        "ok": not bad,
        "checks": [{"check": "manifest", "files": n, "mismatched": bad}],
    }
