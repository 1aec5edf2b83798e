"""Build the given-name and surname lists the scanner's name recognizers use.

Run once (output is committed): ``python scripts/build_name_lists.py``. Needs ``faker`` (a dev
dependency); the scanner itself never imports faker.

Source: the person providers of every Faker locale (about 90 locales across Latin, Cyrillic,
Greek, Arabic, Hebrew, Devanagari, CJK, Hangul and Thai scripts), attributes ``first_name*`` and
``last_name*`` (plain lists, weighted dicts, and ja_JP's kanji/kana/romaji tuples).

Normal form (shared with :func:`privacy.scan.recognizers.person_name.fold`): NFKC, case-folded,
combining marks removed (``Hamanová`` -> ``hamanova``), then NFC so Hangul stays composed.
Multi-word entries (``María José``, ``De la Cruz``) are kept whole and also split into their
words of three or more letters, minus particles (``de``, ``van``, ``al``...). Placeholders some
locales list as names (``unknown``, ``male``, ``true``) are left out (:data:`NOT_NAMES`).

Output: ``privacy/scan/data/first_names.txt.gz`` and ``last_names.txt.gz``, one name a line,
sorted, gzip with a fixed mtime so rebuilding gives identical bytes.
"""

from __future__ import annotations

import gzip
import importlib
import io
import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import faker

OUT = Path(__file__).resolve().parent.parent / "privacy" / "scan" / "data"

PARTICLES = {
    "de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "van",
    "von", "ten", "ter", "al", "el", "bin", "ben", "ibn", "y", "e", "st", "mac", "mc", "o",
}  # fmt: skip


#: words some locales list as names that are placeholders or category values in real tables
NOT_NAMES = {
    "unknown", "male", "female", "true", "false", "nil", "none", "null", "other", "yes", "no",
    "test", "n/a", "na", "anonymous", "unspecified", "default",
}  # fmt: skip


def fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    t = "".join(c for c in t if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", t).strip()


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k in value:
            yield from _strings(k)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _strings(v)


def _add(target: set[str], raw: str) -> None:
    name = fold(raw)
    if not name or any(ch.isdigit() for ch in name) or name in NOT_NAMES:
        return
    target.add(name)
    words = [w for w in name.replace("-", " ").split() if w]
    if len(words) > 1:
        for w in words:
            if len(w) >= 3 and w not in PARTICLES and w not in NOT_NAMES:
                target.add(w)


def collect() -> tuple[set[str], set[str]]:
    first: set[str] = set()
    last: set[str] = set()
    folder = Path(faker.__file__).parent / "providers" / "person"
    for loc in sorted(os.listdir(folder)):
        if loc.startswith("_") or not (folder / loc).is_dir():
            continue
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in dir(provider):
            if attr.startswith("_") or not ("first_name" in attr or "last_name" in attr):
                continue
            value = getattr(provider, attr)
            if callable(value):
                continue
            target = first if "first_name" in attr else last
            for s in _strings(value):
                _add(target, s)
    return first, last


def write(path: Path, names: set[str]) -> None:
    data = "\n".join(sorted(names)).encode("utf-8") + b"\n"
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as f:
        f.write(data)
    path.write_bytes(buf.getvalue())
    print(f"{path.name}: {len(names)} names, {len(buf.getvalue()) // 1024} KiB")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    first, last = collect()
    write(OUT / "first_names.txt.gz", first)
    write(OUT / "last_names.txt.gz", last)


if __name__ == "__main__":
    main()
