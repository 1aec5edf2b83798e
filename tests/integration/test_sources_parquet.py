"""Parquet tables: single files and folders of part files (Hive partitions), sampling spread
over row groups, and erasure that rewrites only the files holding the subject, atomically."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from privacy.errors import (
    SourceNotFoundError,
    SourcePermissionError,
    SourceReadError,
    UnsupportedSourceError,
)
from privacy.sources import ColumnKind, open_source
from privacy.sources.files import FileSource


def people(lo: int, hi: int) -> pa.Table:
    ids = list(range(lo, hi))
    return pa.table(
        {
            "id": pa.array(ids, pa.int64()),
            "email": [f"person{i}@example.com" for i in ids],
            "name": [f"Person {i}" for i in ids],
            "photo": pa.array([bytes([i % 256]) * 4 for i in ids], pa.binary()),
            "nothing": pa.nulls(len(ids), pa.string()),
            "score": [i * 0.5 for i in ids],
        }
    )


def all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.fixture
def one_file(tmp_path: Path) -> Path:
    path = tmp_path / "customers.parquet"
    t = people(0, 100_000).replace_schema_metadata({"owner": "crm-team"})
    pq.write_table(t, path, row_group_size=5_000, compression="none")
    return path


@pytest.fixture
def parted(tmp_path: Path) -> Path:
    """events/country=XX/part-N.parquet: 3 partitions x 2 files, uncompressed."""
    root = tmp_path / "lake" / "events"
    k = 0
    for country in ("KR", "US", "FR"):
        (root / f"country={country}").mkdir(parents=True)
        for part in range(2):
            pq.write_table(
                people(k * 1000, (k + 1) * 1000),
                root / f"country={country}" / f"part-{part}.parquet",
                compression="none",
            )
            k += 1
    (root / "_SUCCESS").write_text("")
    return root.parent


def test_single_file_is_one_table(one_file: Path) -> None:
    src = open_source(str(one_file))
    assert isinstance(src, FileSource)
    assert src.name == "customers" and src.tables() == ["customers"]
    kinds = {c.name: c.kind for c in src.columns("customers")}
    assert kinds == {
        "id": ColumnKind.INTEGER,
        "email": ColumnKind.STRING,
        "name": ColumnKind.STRING,
        "photo": ColumnKind.BINARY,
        "nothing": ColumnKind.STRING,
        "score": ColumnKind.FLOAT,
    }
    assert src.count("customers") == 100_000


def test_sample_spreads_over_row_groups(one_file: Path) -> None:
    src = open_source(str(one_file))
    t = src.sample("customers", ["email", "id", "photo", "nothing"], n=1000)
    assert t.num_rows == 1000 and t.column_names == ["email", "id", "photo", "nothing"]
    ids = t.column("id").to_pylist()
    assert len(set(ids)) == 1000
    tenths = [sum(1 for i in ids if k * 10_000 <= i < (k + 1) * 10_000) for k in range(10)]
    assert min(tenths) >= 50, tenths
    assert t.column("nothing").null_count == 1000
    assert t.schema.field("email").type == pa.string()
    assert isinstance(t.column("photo")[0].as_py(), bytes)


def test_sample_of_one_huge_row_group_is_still_spread(tmp_path: Path) -> None:
    path = tmp_path / "big.parquet"
    pq.write_table(people(0, 200_000), path)  # one row group
    assert pq.ParquetFile(path).metadata.num_row_groups == 1
    ids = open_source(str(path)).sample("big", ["id"], n=500).column("id").to_pylist()
    assert len(ids) == 500 and min(ids) < 1_000 and max(ids) > 199_000


def test_rewrite_of_a_huge_row_group_streams_it_in_bounded_pieces(tmp_path: Path) -> None:
    path = tmp_path / "big.parquet"
    original = people(0, 200_000)
    pq.write_table(original, path)  # one 200k-row row group
    src = open_source(str(path))
    assert src.delete_where("big", "id", [150_000]).rows == 1
    pf = pq.ParquetFile(path)
    assert pf.metadata.num_row_groups == 2  # split at REWRITE_GROUP_ROWS
    after = pf.read()
    assert after.num_rows == 199_999
    assert after.column("id").to_pylist() == [i for i in range(200_000) if i != 150_000]
    assert after.slice(0, 1000).equals(original.slice(0, 1000))


def test_empty_file_and_thousands_of_columns(tmp_path: Path) -> None:
    pq.write_table(people(0, 0), tmp_path / "empty.parquet")
    wide = pa.table({f"c{i}": [i, i + 1] for i in range(3000)})
    pq.write_table(wide, tmp_path / "wide.parquet")
    src = open_source(str(tmp_path))
    assert src.sample("empty").num_rows == 0
    assert src.count("empty") == 0
    t = src.sample("wide")
    assert t.num_columns == 3000 and t.column("c2999").to_pylist() == [2999, 3000]
    assert len(src.columns("wide")) == 3000


def test_folder_of_part_files_is_one_table_with_partition_columns(parted: Path) -> None:
    src = open_source(str(parted))
    assert src.tables() == ["events"]
    assert [c.name for c in src.columns("events")][-1] == "country"
    assert src.count("events") == 6000
    t = src.sample("events", ["id", "country"], n=600)
    assert t.num_rows == 600
    assert set(t.column("country").to_pylist()) == {"KR", "US", "FR"}
    ids = t.column("id").to_pylist()
    assert min(ids) < 1000 and max(ids) >= 5000


def test_lookup_and_count_where(parted: Path) -> None:
    src = open_source(str(parted))
    got = src.lookup("events", "email", ["person42@example.com", "person4242@example.com"])
    assert sorted(got.column("id").to_pylist()) == [42, 4242]
    assert src.count_where("events", "id", ["42", 4242, "x", 2**70]) == 2
    assert src.lookup("events", "country", ["KR"], columns=["id"]).num_rows == 2000


def test_erase_rewrites_only_files_holding_the_subject(parted: Path) -> None:
    src = open_source(str(parted))
    files = sorted((parted / "events").rglob("*.parquet"))
    before = {f: (f.stat().st_ino, f.read_bytes()) for f in files}
    subject = ["person1500@example.com", "person1501@example.com"]  # both in KR/part-1
    r = src.delete_where("events", "email", subject)
    assert (r.rows, r.files_rewritten, r.purged) == (2, 1, True)
    changed = [f for f in files if f.read_bytes() != before[f][1]]
    assert [f.relative_to(parted).as_posix() for f in changed] == [
        "events/country=KR/part-1.parquet"
    ]
    assert b"person1500@example.com" not in all_bytes(parted)
    assert src.count_where("events", "email", subject) == 0
    assert src.count("events") == 5998
    assert src.count_where("events", "email", ["person1502@example.com"]) == 1
    assert not [p for p in parted.rglob("*") if p.name.startswith(".")]  # no temp left
    assert src.delete_where("events", "email", subject).rows == 0  # idempotent


def test_folder_of_plain_part_files_loses_only_the_subjects_rows(tmp_path: Path) -> None:
    folder = tmp_path / "lake" / "events"
    folder.mkdir(parents=True)
    for k in range(3):
        pq.write_table(people(k * 100, (k + 1) * 100), folder / f"part-{k}.parquet")
    src = open_source(str(tmp_path / "lake"))
    r = src.delete_where("events", "email", ["person142@example.com"])
    assert (r.rows, r.files_rewritten) == (1, 1)
    assert sorted(p.name for p in folder.iterdir()) == [f"part-{k}.parquet" for k in range(3)]
    assert src.count("events") == 299
    assert pq.ParquetFile(folder / "part-1.parquet").metadata.num_rows == 99


def test_part_files_with_a_column_added_later_read_as_one_schema(tmp_path: Path) -> None:
    # an ETL job added `email` on its second load: the older file has no such column
    folder = tmp_path / "lake" / "signups"
    folder.mkdir(parents=True)
    pq.write_table(pa.table({"id": [1, 2], "plan": ["a", "b"]}), folder / "p1.parquet")
    pq.write_table(
        pa.table({"id": [3, 4], "plan": ["c", "d"], "email": ["x@example.com", "y@example.com"]}),
        folder / "p2.parquet",
    )
    src = open_source(str(tmp_path / "lake"))
    assert [c.name for c in src.columns("signups")] == ["id", "plan", "email"]
    assert src.lookup("signups", "email", ["x@example.com"]).column("id").to_pylist() == [3]
    before = (folder / "p1.parquet").read_bytes()
    assert src.delete_where("signups", "email", ["x@example.com"]).files_rewritten == 1
    assert (folder / "p1.parquet").read_bytes() == before
    assert sorted(src.sample("signups", ["id"], 10).column("id").to_pylist()) == [1, 2, 4]


def test_rewrite_keeps_schema_metadata_compression_and_row_groups(one_file: Path) -> None:
    src = open_source(str(one_file))
    src.delete_where("customers", "id", [12_345, 77_777])
    pf = pq.ParquetFile(one_file)
    assert pf.schema_arrow.metadata[b"owner"] == b"crm-team"
    assert pf.metadata.num_row_groups == 20
    assert pf.metadata.row_group(0).column(0).compression == "UNCOMPRESSED"
    assert pf.metadata.num_rows == 99_998
    assert b"person12345@example.com" not in one_file.read_bytes()


def test_anonymize_overwrites_and_keeps_rows(one_file: Path) -> None:
    src = open_source(str(one_file))
    r = src.anonymize_where(
        "customers", "email", ["person7@example.com"], {"email": None, "name": "redacted"}
    )
    assert (r.rows, r.files_rewritten) == (1, 1)
    row = src.lookup("customers", "id", [7]).to_pylist()[0]
    assert row["email"] is None and row["name"] == "redacted" and row["score"] == 3.5
    assert src.count("customers") == 100_000
    assert b"person7@example.com" not in one_file.read_bytes()
    with pytest.raises(UnsupportedSourceError):
        src.anonymize_where("customers", "id", [8], {"score": "not a number"})
    with pytest.raises(SourceNotFoundError):
        src.anonymize_where("customers", "id", [8], {"no_such_column": None})


def test_partition_column_erasure(parted: Path) -> None:
    src = open_source(str(parted))
    with pytest.raises(UnsupportedSourceError, match="partition"):
        src.anonymize_where("events", "country", ["FR"], {"email": None})
    r = src.delete_where("events", "country", ["FR"])
    assert (r.rows, r.files_rewritten) == (2000, 2)
    assert not (parted / "events" / "country=FR").exists()  # the folder named the value
    assert src.count("events") == 4000


def test_failed_rewrite_leaves_the_old_file_intact(one_file: Path) -> None:
    # damage a late row group's `name` pages: the subject (in row group 0) is found through
    # the `id` column, then the rewrite hits the damage part-way through
    meta = pq.ParquetFile(one_file).metadata
    col = meta.row_group(15).column(2)
    data = bytearray(one_file.read_bytes())
    start = col.data_page_offset
    data[start + 20 : start + 4000] = b"\xff" * 3980
    one_file.write_bytes(bytes(data))
    before = one_file.read_bytes()
    src = open_source(str(one_file))
    assert src.count_where("customers", "id", [3]) == 1
    with pytest.raises(SourceReadError) as e:
        src.delete_where("customers", "id", [3])
    assert "customers" in str(e.value) and "unchanged" in (e.value.hint or "")
    assert one_file.read_bytes() == before
    assert [p.name for p in one_file.parent.iterdir()] == ["customers.parquet"]


@pytest.fixture
def immutable_folder(one_file: Path) -> Iterator[Path]:
    """The folder may not change: real EPERM even for root (chattr +i)."""
    folder = one_file.parent
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available on this file system")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_no_permission_to_rewrite(one_file: Path, immutable_folder: Path) -> None:
    before = one_file.read_bytes()
    src = open_source(str(one_file))
    with pytest.raises(SourcePermissionError) as e:
        src.delete_where("customers", "id", [3])
    assert "customers" in str(e.value)
    assert one_file.read_bytes() == before


KILLED_CHILD = """
import sys
from privacy.sources import open_source
src = open_source(sys.argv[1])
print("go", flush=True)
src.delete_where("big", "id", [5])
print("done", flush=True)
"""


def test_killed_rewrite_leaves_a_readable_table(tmp_path: Path) -> None:
    path = tmp_path / "big.parquet"
    pq.write_table(people(0, 600_000), path, row_group_size=20_000)
    before = path.read_bytes()
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "go"
    time.sleep(0.4)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    # the file is either the old one or the complete new one, never half-written
    rows = pq.ParquetFile(path).metadata.num_rows
    assert rows in (600_000, 599_999)
    if rows == 600_000:
        assert path.read_bytes() == before
    # a temp file the killed process left is hidden from listings, and erasure completes
    src = open_source(str(tmp_path))
    assert src.tables() == ["big"]
    src.delete_where("big", "id", [5])
    assert src.count_where("big", "id", [5]) == 0 and src.count("big") == 599_999
    assert [p.name for p in tmp_path.iterdir()] == ["big.parquet"]  # stray copy removed


def test_fold_case_finds_and_rewrites_the_identifier_in_any_case(tmp_path: Path) -> None:
    folder = tmp_path / "lake" / "events"
    folder.mkdir(parents=True)
    for k in range(3):
        pq.write_table(people(k * 100, (k + 1) * 100), folder / f"part-{k}.parquet")
    t = pq.read_table(folder / "part-1.parquet")
    emails = t.column("email").to_pylist()
    emails[42] = "Mixed.Case@Example.com"
    t = t.set_column(t.schema.get_field_index("email"), "email", pa.array(emails))
    pq.write_table(t, folder / "part-1.parquet")
    src = open_source(str(tmp_path / "lake"))
    asked = ["mixed.case@example.com"]
    assert src.count_where("events", "email", asked) == 0  # exact unless asked to fold
    assert src.count_where("events", "email", asked, fold_case=True) == 1
    got = src.lookup("events", "email", asked, columns=["id"], fold_case=True)
    assert got.column("id").to_pylist() == [142]
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    r = src.delete_where("events", "email", ["MIXED.case@example.com"], fold_case=True)
    assert (r.rows, r.files_rewritten) == (1, 1)
    assert [n for n, b in before.items() if (folder / n).read_bytes() != b] == ["part-1.parquet"]
    assert b"Mixed.Case@Example.com" not in all_bytes(tmp_path / "lake")
    assert src.count("events") == 299
    # the same rows with the column typed string_view (as delta-rs and Polars write it)
    other = tmp_path / "views"
    other.mkdir()
    pq.write_table(
        t.cast(
            pa.schema([f.with_type(pa.string_view()) if f.name == "email" else f for f in t.schema])
        ),
        other / "v.parquet",
    )
    assert open_source(str(other)).count_where("v", "email", asked, fold_case=True) == 1
