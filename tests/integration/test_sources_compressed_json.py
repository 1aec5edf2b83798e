"""JSON documents (an array of objects, or an object holding one) and gzip-compressed text
files, on real files: scanned, looked up, erased with the file still valid in its own format."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from privacy.errors import SourceReadError, UnsupportedSourceError
from privacy.scan.scanner import scan_source
from privacy.sources import ColumnKind, open_source, textfiles
from privacy.sources.files import FileSource
from privacy.sources.registry import default_name

PEOPLE = [
    {"id": i, "name": n, "email": f"{n.lower()}.{i}@example.com", "city": c}
    for i, (n, c) in enumerate(
        [("Anna", "Oslo"), ("Owen", "Cork"), ("Mira", "Graz"), ("Jonas", "Bern")] * 10, 1
    )
]
SUBJECT = PEOPLE[6]  # erased
OTHER = PEOPLE[9]  # anonymized


def _open(path: Path) -> FileSource:
    src = open_source(str(path))
    assert isinstance(src, FileSource)
    return src


def _csv_text(rows: list[dict[str, Any]], delimiter: str = ",") -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


def _jsonl_text(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r) + "\n" for r in rows)


# how each kind is written, and how a user's own tools read it back (proving it stays valid)
def _read_csv(text: str, delimiter: str = ",") -> list[dict[str, Any]]:
    return [
        {**r, "id": int(r["id"])} for r in csv.DictReader(io.StringIO(text), delimiter=delimiter)
    ]


def _read_jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


KINDS: dict[str, tuple[Callable[[list[dict[str, Any]]], str], Callable[[str], Any]]] = {
    "people.json": (lambda rows: json.dumps(rows, indent=2) + "\n", json.loads),
    "people.json.gz": (json.dumps, json.loads),
    "people.csv.gz": (_csv_text, _read_csv),
    "people.tsv.gz": (
        lambda rows: _csv_text(rows, "\t"),
        lambda text: _read_csv(text, "\t"),
    ),
    "people.jsonl.gz": (_jsonl_text, _read_jsonl),
    "people.ndjson.gz": (_jsonl_text, _read_jsonl),
}


def _write(path: Path, text: str) -> None:
    if path.name.endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8", newline="") as f:
            f.write(text)
    else:
        path.write_text(text, encoding="utf-8")


def _text(path: Path) -> str:
    if path.name.endswith(".gz"):
        assert path.read_bytes()[:2] == b"\x1f\x8b"  # still gzip
        with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
            return f.read()
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("filename", list(KINDS))
def test_each_kind_is_scanned_looked_up_and_erased_in_its_own_format(
    tmp_path: Path, filename: str
) -> None:
    write, read = KINDS[filename]
    path = tmp_path / filename
    _write(path, write(PEOPLE))

    src = _open(path)
    assert src.name == "people" and src.tables() == ["people"]
    kinds = {c.name: c.kind for c in src.columns("people")}
    assert kinds["email"] is ColumnKind.STRING and kinds["id"] is ColumnKind.INTEGER
    assert src.count("people") == len(PEOPLE)
    assert src.sample("people", ["email"], n=5).num_rows == 5
    found = {t.column: t.entity for t in scan_source(src).tags}
    assert found["email"] == "EMAIL_ADDRESS"

    asked = [str(SUBJECT["email"]).upper()]  # the DSR workflow folds e-mail case
    assert src.count_where("people", "email", asked) == 0
    assert src.count_where("people", "email", asked, fold_case=True) == 1
    got = src.lookup("people", "email", asked, columns=["id", "name"], fold_case=True)
    assert got.to_pylist() == [{"id": SUBJECT["id"], "name": SUBJECT["name"]}]

    r = src.delete_where("people", "email", asked, fold_case=True)
    assert (r.rows, r.files_rewritten) == (1, 1)
    r = src.anonymize_where("people", "id", [OTHER["id"]], {"name": "REDACTED"})
    assert r.rows == 1

    expected = [{**p, "name": "REDACTED"} if p is OTHER else p for p in PEOPLE if p is not SUBJECT]
    assert read(_text(path)) == expected  # valid in its format; nobody else's row changed
    # erasure is verified by a fresh lookup
    again = _open(path)
    assert again.count_where("people", "email", asked, fold_case=True) == 0
    assert again.count("people") == len(PEOPLE) - 1
    assert not any(n.startswith(".people") for n in os.listdir(tmp_path))  # no temp file left


def test_cli_scans_a_json_array(tmp_path: Path, state_home: Path) -> None:
    path = tmp_path / "arr.json"
    path.write_text(json.dumps(PEOPLE), encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "cli.app", "scan", str(path), "--format", "json"],
        cwd=tmp_path,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    cols = {(c["table"], c["column"]): c["entity"] for c in out["columns"]}
    assert cols[("arr", "email")] == "EMAIL_ADDRESS"
    assert out["failed"] == []


def test_json_array_erasure_keeps_other_records_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    text = (
        "[\n"
        '    {"id": 1, "email": "a@example.com"},\n'
        '    { "email" : "b@example.com", "id": 2 },\n'
        "    {\n"
        '        "id": 3,\n'
        '        "email": "c@example.com",\n'
        '        "tags": ["x", "y"]\n'
        "    },\n"
        '    {"id": 4, "email": "d@example.com"}\n'
        "]\n"
    )
    path.write_text(text)
    src = _open(path)
    assert src.delete_where("dump", "id", [1]).rows == 1  # the first: no comma after `[`
    assert path.read_text() == text.replace('    {"id": 1, "email": "a@example.com"},\n', "")
    assert src.anonymize_where("dump", "id", [3], {"email": None}).rows == 1
    assert src.delete_where("dump", "id", [4]).rows == 1  # the last: no comma before `]`
    assert path.read_text() == (
        "[\n"
        '    { "email" : "b@example.com", "id": 2 },\n'
        "    {\n"
        '        "id": 3,\n'
        '        "email": null,\n'
        '        "tags": [\n'
        '            "x",\n'
        '            "y"\n'
        "        ]\n"
        "    }\n"
        "]\n"
    )
    assert src.delete_where("dump", "id", [2, 3]).rows == 2
    assert json.loads(path.read_text()) == []
    assert _open(path).count("dump") == 0
    assert _open(path).count_where("dump", "id", [2]) == 0


def test_object_holding_the_records_keeps_its_other_members(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    doc = {"meta": {"exported": "2024-05-01", "tags": ["a"]}, "data": PEOPLE[:4], "next": None}
    path.write_text(json.dumps(doc, indent=2))
    minified = tmp_path / "api.json"  # one line, as `curl` saves an API response
    minified.write_text(json.dumps({"results": PEOPLE[:4]}))
    for p, table in ((path, "export"), (minified, "api")):
        src = _open(p)
        assert src.count(table) == 4
        assert {t.column: t.entity for t in scan_source(src).tags}["email"] == "EMAIL_ADDRESS"
        assert src.delete_where(table, "email", [PEOPLE[1]["email"]]).rows == 1
    after = json.loads(path.read_text())
    assert after == {**doc, "data": [PEOPLE[0], PEOPLE[2], PEOPLE[3]]}
    assert json.loads(minified.read_text()) == {"results": [PEOPLE[0], PEOPLE[2], PEOPLE[3]]}
    # a repeated key: json.loads keeps the last, and so does the rewrite
    twice = tmp_path / "twice.json"
    twice.write_text('{"data": "old", "n": [], "data": [{"id": 1}, {"id": 2}]}')
    assert _open(twice).delete_where("twice", "id", [2]).rows == 1
    assert twice.read_text() == '{"data": "old", "n": [], "data": [{"id": 1}]}'


def test_json_file_of_json_lines_is_still_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text(_jsonl_text(PEOPLE[:3]))
    src = _open(path)
    assert src.count("events") == 3
    assert src.delete_where("events", "id", [2]).rows == 1
    assert path.read_text() == _jsonl_text([PEOPLE[0], PEOPLE[2]])
    one = tmp_path / "one.json"  # one object on one line, no list of records: one row
    one.write_text('{"id": 1, "email": "a@example.com"}\n')
    assert _open(one).count("one") == 1


def test_too_large_json_document_is_refused_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(textfiles, "JSON_DOCUMENT_MAX_BYTES", 200)
    plain = tmp_path / "big.json"
    plain.write_text(json.dumps(PEOPLE))
    packed = tmp_path / "bigz.json.gz"  # small compressed, large once decompressed
    _write(packed, json.dumps(PEOPLE))
    assert packed.stat().st_size < 1000
    for path, table in ((plain, "big"), (packed, "bigz")):
        before = path.read_bytes()
        src = _open(path)
        with pytest.raises(UnsupportedSourceError) as e:
            src.count(table)
        assert str(path) in str(e.value) and "MiB" in str(e.value)
        assert "JSON lines" in (e.value.hint or "") and "jq -c" in (e.value.hint or "")
        with pytest.raises(UnsupportedSourceError):
            src.delete_where(table, "id", [1])
        assert path.read_bytes() == before
        # the scanner reports the table as failed rather than crashing
        report = scan_source(src)
        assert [f.table for f in report.failures] == [table]
    small = tmp_path / "small.json"
    small.write_text(json.dumps(PEOPLE[:1]))
    assert _open(small).count("small") == 1  # under the limit: read


@pytest.mark.parametrize(
    "text",
    [
        '[{"id": 1, "email": "secret.person@example.com"},]',
        '[{"id": 1, "email": "secret.person@example.com"} {"id": 2}]',
        '[\n  {"id": 1, "email": "secret.person@example.com"\n',
        '{"id": 1, "email": "secret.person@example.com",\n "x": }',
    ],
)
def test_malformed_json_document_names_the_file_not_the_values(tmp_path: Path, text: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(text)
    src = _open(path)
    with pytest.raises(SourceReadError) as e:
        src.count_where("broken", "email", ["secret.person@example.com"])
    message = f"{e.value} {e.value.hint}"
    assert str(path) in message and "line" in str(e.value)
    assert "secret" not in message and "example.com" not in message
    assert "fix the file" in (e.value.hint or "")
    with pytest.raises(SourceReadError):
        src.delete_where("broken", "email", ["secret.person@example.com"])
    assert path.read_text() == text


def test_array_of_non_objects_and_object_without_records(tmp_path: Path) -> None:
    (tmp_path / "nums.json").write_text('[{"id": 1}, "secret@example.com"]')
    with pytest.raises(SourceReadError, match="record 2") as e:
        _open(tmp_path / "nums.json").count("nums")
    assert "secret" not in str(e.value)
    (tmp_path / "conf.json").write_text('{\n  "a": [{"x": 1}],\n  "b": [{"y": 2}]\n}\n')
    with pytest.raises(SourceReadError, match="no single list of records"):
        _open(tmp_path / "conf.json").count("conf")


def test_empty_array_and_empty_gzip(tmp_path: Path) -> None:
    (tmp_path / "none.json").write_text("[]\n")
    _write(tmp_path / "blank.csv.gz", "")
    src = _open(tmp_path)
    assert src.tables() == ["blank", "none"]
    for table in ("none", "blank"):
        assert src.count(table) == 0
        assert src.columns(table) == []
        assert src.lookup(table, "email", ["a@example.com"], columns=["email"]).num_rows == 0
        assert src.delete_where(table, "email", ["a@example.com"]).rows == 0


def test_damaged_gzip_is_a_clear_error_and_changes_nothing(tmp_path: Path) -> None:
    good = tmp_path / "good.csv.gz"
    _write(good, _csv_text(PEOPLE))
    cut = tmp_path / "cut.csv.gz"
    cut.write_bytes(good.read_bytes()[:-30])  # the end of the stream is missing
    before = cut.read_bytes()
    src = _open(cut)
    with pytest.raises(SourceReadError) as e:
        src.delete_where("cut", "email", [PEOPLE[-1]["email"]])
    assert str(cut) in str(e.value) and "gzip" in str(e.value) + (e.value.hint or "")
    assert cut.read_bytes() == before
    notgz = tmp_path / "fake.jsonl.gz"
    notgz.write_bytes(b'{"id": 1}\n')
    with pytest.raises(SourceReadError):
        _open(notgz).count("fake")


def test_folder_of_compressed_files_and_source_names(tmp_path: Path) -> None:
    _write(tmp_path / "people.csv.gz", _csv_text(PEOPLE))
    _write(tmp_path / "events.2024.jsonl.gz", _jsonl_text(PEOPLE[:2]))
    (tmp_path / "dump.json").write_text(json.dumps(PEOPLE[:3]))
    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress(b"not a table"))
    src = _open(tmp_path)
    assert src.tables() == ["dump", "events_2024", "people"]
    assert [src.count(t) for t in src.tables()] == [3, 2, len(PEOPLE)]
    assert default_name(str(tmp_path / "people.csv.gz")) == "people"
    assert default_name(str(tmp_path / "dump.json.gz")) == "dump"
    _write(tmp_path / "people.csv", _csv_text(PEOPLE))  # two files, one table name
    with pytest.raises(SourceReadError, match="people"):
        _open(tmp_path)
