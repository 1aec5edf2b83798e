"""CSV and JSON-lines tables: streamed sampling, encodings, and byte-preserving atomic erasure."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest

from privacy.errors import SourceReadError
from privacy.sources import ColumnKind, open_source
from privacy.sources.files import FileSource


def write_csv(path: Path, rows: int) -> None:
    with open(path, "w", newline="") as f:
        f.write("id,email,city\n")
        for i in range(rows):
            f.write(f"{i},person{i}@example.com,City {i % 7}\n")


def test_csv_sample_is_spread_over_the_whole_file(tmp_path: Path) -> None:
    write_csv(tmp_path / "people.csv", 50_000)
    src = open_source(str(tmp_path / "people.csv"))
    kinds = {c.name: c.kind for c in src.columns("people")}
    assert kinds == {
        "id": ColumnKind.INTEGER,
        "email": ColumnKind.STRING,
        "city": ColumnKind.STRING,
    }
    t = src.sample("people", ["email", "id"], n=1000)
    assert t.column_names == ["email", "id"] and t.num_rows == 1000
    ids = t.column("id").to_pylist()
    fifths = [sum(1 for i in ids if k * 10_000 <= i < (k + 1) * 10_000) for k in range(5)]
    assert min(fifths) >= 120, fifths
    assert src.count("people") == 50_000


def test_csv_value_later_in_the_file_that_breaks_the_inferred_type(tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    write_csv(path, 60_000)  # > 1 MiB: types are inferred from the first block
    with open(path, "a") as f:
        f.write("unknown,someone@example.com,Nowhere\n")
    src = open_source(str(path))
    t = src.sample("late", n=60_001)
    assert t.num_rows == 60_001
    assert "unknown" in t.column("id").to_pylist()  # kept as text, nothing lost


CP1252_ROWS = [("1", "José Müller", "jose@example.com"), ("2", "Zoë €uro", "zoe@example.com")]


def test_cp1252_csv_is_detected_read_and_rewritten_in_its_encoding(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    text = "id,name,email\r\n" + "".join(",".join(r) + "\r\n" for r in CP1252_ROWS)
    path.write_bytes(text.encode("cp1252"))
    src = open_source(str(path))
    assert isinstance(src, FileSource)
    names = sorted(src.sample("legacy").column("name").to_pylist())
    assert names == ["José Müller", "Zoë €uro"]
    assert any("cp1252" in n for n in src.notes)
    assert src.lookup("legacy", "email", ["zoe@example.com"]).column("name").to_pylist() == [
        "Zoë €uro"
    ]
    assert src.delete_where("legacy", "email", ["jose@example.com"]).rows == 1
    assert path.read_bytes() == ("id,name,email\r\n2,Zoë €uro,zoe@example.com\r\n").encode("cp1252")


def test_utf16_tab_separated_export_is_read_and_rewritten_in_its_encoding(tmp_path: Path) -> None:
    """A spreadsheet's "Unicode text" export: UTF-16 with a BOM, tab-separated."""
    path = tmp_path / "contacts.csv"
    text = "id\tname\temail\r\n" + "".join("\t".join(r) + "\r\n" for r in CP1252_ROWS)
    path.write_bytes(text.encode("utf-16"))
    src = open_source(str(path))
    names = sorted(src.sample("contacts").column("name").to_pylist())
    assert names == ["José Müller", "Zoë €uro"]
    assert src.count_where("contacts", "email", ["zoe@example.com"]) == 1
    assert src.delete_where("contacts", "email", ["jose@example.com"]).rows == 1
    left = "id\tname\temail\r\n2\tZoë €uro\tzoe@example.com\r\n"
    assert path.read_bytes() == left.encode("utf-16")


def test_bytes_cp1252_cannot_decode_fall_back_to_latin1(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"id,name\n1,A\x81B\n")
    src = open_source(str(path))
    assert src.sample("odd").column("name").to_pylist() == ["A\x81B"]
    assert any("latin-1" in n for n in src.notes)


def test_invalid_utf8_after_the_first_mib_is_a_clear_error_and_changes_nothing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mixed.csv"
    write_csv(path, 60_000)
    with open(path, "ab") as f:
        f.write(b"60000,caf\xe9@example.com,Paris\n")
    before = path.read_bytes()
    src = open_source(str(path))
    with pytest.raises(SourceReadError) as e:
        src.sample("mixed")
    assert "iconv" in (e.value.hint or "")
    with pytest.raises(SourceReadError):
        src.delete_where("mixed", "email", ["person5@example.com"])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["mixed.csv"]


def test_semicolon_csv_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "eu.csv"
    path.write_bytes("\ufeffid;name;amount\n1;Ana;1,50\n2;Bo;2,00\n".encode())
    src = open_source(str(path))
    assert [c.name for c in src.columns("eu")] == ["id", "name", "amount"]
    assert src.sample("eu").column("name").to_pylist() == ["Ana", "Bo"]
    assert src.delete_where("eu", "id", [1]).rows == 1
    assert path.read_bytes() == "\ufeffid;name;amount\n2;Bo;2,00\n".encode()


def test_csv_erase_keeps_untouched_records_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    original = (
        "id,email,note\r\n"
        '1,"a@example.com","line one\r\nline two"\r\n'
        '2,b@example.com,"she said ""hi"""\r\n'
        "\r\n"
        "3,c@example.com,plain\r\n"
        '4,"b@example.com",again\r\n'
    )
    path.write_bytes(original.encode())
    src = open_source(str(path))
    assert src.count_where("notes", "email", ["b@example.com"]) == 2
    r = src.anonymize_where("notes", "email", ["a@example.com"], {"email": None, "note": "x"})
    assert (r.rows, r.files_rewritten) == (1, 1)
    r = src.delete_where("notes", "email", ["b@example.com"])
    assert r.rows == 2
    assert path.read_bytes() == (b"id,email,note\r\n1,,x\r\n\r\n3,c@example.com,plain\r\n")
    nothing = src.delete_where("notes", "email", ["nobody@example.com"])
    assert (nothing.rows, nothing.files_rewritten) == (0, 0)


def test_empty_and_header_only_csv(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "header.csv").write_text("id,email\n")
    src = open_source(str(tmp_path))
    assert src.columns("empty") == [] and src.sample("empty").num_rows == 0
    assert [c.name for c in src.columns("header")] == ["id", "email"]
    assert src.sample("header").num_rows == 0 and src.count("header") == 0


def test_csv_with_thousands_of_columns(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(
        ",".join(f"c{i}" for i in range(3000)) + "\n" + ",".join("1" for _ in range(3000)) + "\n"
    )
    t = open_source(str(path)).sample("wide")
    assert t.num_columns == 3000 and t.column("c2999").to_pylist() == [1]


def write_jsonl(path: Path, rows: int) -> None:
    with open(path, "w") as f:
        for i in range(rows):
            f.write(json.dumps({"user_id": i, "email": f"u{i}@example.com", "tags": ["a"]}) + "\n")


def test_jsonl_sample_types_and_count(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "events.jsonl", 20_000)
    src = open_source(str(tmp_path / "events.jsonl"))
    kinds = {c.name: c.kind for c in src.columns("events")}
    assert kinds["user_id"] is ColumnKind.INTEGER and kinds["tags"] is ColumnKind.JSON
    ids = src.sample("events", ["user_id"], n=500).column("user_id").to_pylist()
    assert len(ids) == 500 and min(ids) < 2_000 and max(ids) > 18_000
    assert src.count("events") == 20_000


def test_jsonl_with_mixed_types_falls_back_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "messy.ndjson"
    path.write_text('{"id": 1, "who": "a@x.org"}\n{"id": "B-2", "who": {"n": 1}}\n')
    src = open_source(str(path))
    t = src.sample("messy")
    assert t.num_rows == 2
    assert sorted(map(str, t.column("id").to_pylist())) == ["1", "B-2"]


def test_json_array_as_json_lines_is_refused_with_a_hint(tmp_path: Path) -> None:
    # a .json file holding an array is one document and is read as such (see
    # test_sources_compressed_json.py); named .jsonl it promises one object per line
    path = tmp_path / "dump.jsonl"
    path.write_text('[\n{"id": 1}\n]\n')
    with pytest.raises(SourceReadError) as e:
        open_source(str(path)).count("dump")
    assert "jq" in (e.value.hint or "")
    (tmp_path / "dump.jsonl").rename(tmp_path / "doc.json")
    assert open_source(str(tmp_path / "doc.json")).count("doc") == 1


def test_jsonl_erase_keeps_other_lines_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    lines = [
        '{"user_id": 41, "email": "a@example.com"}\n',
        '{ "email":"b@example.com",  "user_id":42 }\n',
        "\n",
        '{"user_id": 43, "email": "c@example.com", "extra": {"k": [1, 2]}}\n',
        '{"user_id": "42", "email": "text-id@example.com"}\n',
    ]
    path.write_text("".join(lines))
    src = open_source(str(path))
    assert src.count_where("log", "user_id", ["42"]) == 2  # 42 and "42"
    got = src.lookup("log", "user_id", [43], columns=["email"])
    assert got.to_pylist() == [{"email": "c@example.com"}]
    r = src.anonymize_where("log", "user_id", [41], {"email": None})
    assert r.rows == 1
    r = src.delete_where("log", "email", ["b@example.com", "text-id@example.com"])
    assert (r.rows, r.files_rewritten) == (2, 1)
    assert path.read_text() == '{"user_id": 41, "email": null}\n' + lines[2] + lines[3]


def test_jsonl_line_that_is_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"a": 1}\n[1, 2]\n')
    with pytest.raises(SourceReadError, match="line 2"):
        open_source(str(path)).delete_where("bad", "a", [1])
    assert path.read_text() == '{"a": 1}\n[1, 2]\n'


def test_lookup_returns_typed_columns(tmp_path: Path) -> None:
    write_csv(tmp_path / "people.csv", 100)
    t = open_source(str(tmp_path)).lookup("people", "email", ["person5@example.com"])
    assert t.schema.field("id").type == pa.int64()
    assert t.to_pylist() == [{"id": 5, "email": "person5@example.com", "city": "City 5"}]


def test_fold_case_in_csv_and_json_lines(tmp_path: Path) -> None:
    csv_path = tmp_path / "people.csv"
    csv_path.write_bytes(b"id,email\r\n1,Mixed.Case@Example.com\r\n2,other@example.com\r\n")
    jl_path = tmp_path / "events.jsonl"
    jl_path.write_text(
        '{"id": 1, "email": "MIXED.CASE@EXAMPLE.COM"}\n{"id": 2, "email": "other@example.com"}\n'
    )
    src = open_source(str(tmp_path))
    asked = ["mixed.case@example.com"]
    for table in ("people", "events"):
        assert src.count_where(table, "email", asked) == 0  # exact unless asked to fold
        assert src.count_where(table, "email", asked, fold_case=True) == 1
        got = src.lookup(table, "email", asked, columns=["id"], fold_case=True)
        assert [str(i) for i in got.column("id").to_pylist()] == ["1"]
        assert src.delete_where(table, "email", asked, fold_case=True).rows == 1
    assert csv_path.read_bytes() == b"id,email\r\n2,other@example.com\r\n"
    assert jl_path.read_text() == '{"id": 2, "email": "other@example.com"}\n'
