"""Delta tables: reading through the log, and erasure that leaves no copy of the subject
anywhere in the table's folder (data files, old versions, log statistics, predicates, CDF)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from deltalake import DeltaTable, write_deltalake

from privacy.errors import UnsupportedSourceError
from privacy.sources import ColumnKind, open_source
from privacy.sources.delta import (
    DEFAULT_LOG_RETENTION,
    LOG_RETENTION,
    DeltaLakeTable,
    sql_literal,
)


def batch(lo: int, hi: int) -> pa.Table:
    ids = list(range(lo, hi))
    return pa.table(
        {
            "customer_id": pa.array(ids, pa.int64()),
            "email": [f"person{i}@example.com" for i in ids],
            "name": [f"Given{i} Family{i}" for i in ids],
            "country": ["KR" if i % 2 else "US" for i in ids],
        }
    )


def holds(folder: Path, needle: str) -> bool:
    """Is ``needle`` anywhere in the folder: in any file's raw bytes (logs, checkpoints,
    uncompressed pages) or in any Parquet file's decoded values (compressed data pages,
    checkpoint statistics)?"""
    for p in sorted(folder.rglob("*")):
        if not p.is_file():
            continue
        if needle.encode() in p.read_bytes():
            return True
        if p.suffix == ".parquet" and needle in str(pq.read_table(p).to_pylist()):
            return True
    return False


@pytest.fixture
def table(tmp_path: Path) -> Path:
    """Four commits of 1,000 rows; the subject (id 1042 / person1042) is in the second."""
    path = tmp_path / "customers"
    for k in range(4):
        write_deltalake(path, batch(k * 1000, (k + 1) * 1000), mode="append")
    return path


def test_reads_schema_count_sample_lookup(table: Path) -> None:
    src = open_source(str(table))
    assert src.name == "customers" and src.tables() == ["customers"]
    kinds = {c.name: c.kind for c in src.columns("customers")}
    assert kinds["customer_id"] is ColumnKind.INTEGER and kinds["email"] is ColumnKind.STRING
    assert src.count("customers") == 4000
    ids = src.sample("customers", ["customer_id"], n=400).column("customer_id").to_pylist()
    assert len(ids) == 400
    assert all(any(k * 1000 <= i < (k + 1) * 1000 for i in ids) for k in range(4))
    got = src.lookup("customers", "customer_id", ["1042", 3001], columns=["email"])
    assert sorted(got.column("email").to_pylist()) == [
        "person1042@example.com",
        "person3001@example.com",
    ]
    assert src.count_where("customers", "email", ["person7@example.com", "nobody"]) == 1


def test_delete_leaves_no_copy_anywhere_in_the_folder(table: Path) -> None:
    subject = "person1042@example.com"
    assert holds(table, subject)
    src = open_source(str(table))
    files_before = set(DeltaTable(str(table)).file_uris())
    r = src.delete_where("customers", "email", [subject])
    assert (r.rows, r.files_rewritten, r.purged) == (1, 1, True)
    assert not holds(table, subject)
    assert not holds(table, "Given1042 Family1042")  # the rest of the row too
    with pytest.raises(Exception):  # noqa: B017 - deltalake's own error type
        DeltaTable(str(table), version=0)
    # only the file that held the subject was replaced
    files_after = set(DeltaTable(str(table)).file_uris())
    assert len(files_before - files_after) == 1 and len(files_after - files_before) == 1
    assert src.count("customers") == 3999
    assert src.count_where("customers", "email", [subject]) == 0
    assert src.count_where("customers", "email", ["person1043@example.com"]) == 1


def test_delete_by_integer_key(table: Path) -> None:
    src = open_source(str(table))
    r = src.delete_where("customers", "customer_id", ["1042", 2042, "not-a-number"])
    assert (r.rows, r.files_rewritten) == (2, 2)
    assert not holds(table, "person1042@example.com")
    assert not holds(table, "person2042@example.com")
    assert src.lookup("customers", "customer_id", [1042, 2042]).num_rows == 0


def test_anonymize_keeps_the_row_and_purges_the_old_value(table: Path) -> None:
    src = open_source(str(table))
    r = src.anonymize_where(
        "customers", "email", ["person1042@example.com"], {"email": None, "name": "O'Redacted"}
    )
    assert (r.rows, r.files_rewritten) == (1, 1)
    row = src.lookup("customers", "customer_id", [1042]).to_pylist()
    assert row == [{"customer_id": 1042, "email": None, "name": "O'Redacted", "country": "US"}]
    assert not holds(table, "person1042@example.com")
    assert src.count("customers") == 4000


def test_change_data_feed_copies_are_purged_too(tmp_path: Path) -> None:
    path = tmp_path / "events"
    write_deltalake(path, batch(0, 500), configuration={"delta.enableChangeDataFeed": "true"})
    write_deltalake(path, batch(500, 1000), mode="append")
    # another writer's update left change-data files holding the pre-image of the row
    DeltaTable(str(path)).update(predicate="customer_id = 10", updates={"name": "'x'"})
    assert holds(path / "_change_data", "person10@example.com")
    src = open_source(str(path))
    src.delete_where("events", "email", ["person10@example.com", "person600@example.com"])
    assert not holds(path, "person10@example.com")
    assert not holds(path, "person600@example.com")
    assert src.count("events") == 998


def test_partitioned_table(tmp_path: Path) -> None:
    path = tmp_path / "orders"
    write_deltalake(path, batch(0, 2000), partition_by=["country"])
    src = open_source(str(path))
    t = src.sample("orders", ["customer_id", "country"], n=200)
    assert set(t.column("country").to_pylist()) == {"KR", "US"}
    assert src.count_where("orders", "country", ["KR"]) == 1000
    r = src.delete_where("orders", "email", ["person7@example.com"])
    assert (r.rows, r.files_rewritten) == (1, 1)
    assert not holds(path, "person7@example.com")
    with pytest.raises(UnsupportedSourceError, match="partitioned by 'country'"):
        src.delete_where("orders", "country", ["KR"])


def test_log_retention_setting_is_restored(table: Path, tmp_path: Path) -> None:
    open_source(str(table)).delete_where("customers", "customer_id", [1])
    assert DeltaTable(str(table)).metadata().configuration[LOG_RETENTION] == (DEFAULT_LOG_RETENTION)
    other = tmp_path / "kept"
    write_deltalake(other, batch(0, 10), configuration={LOG_RETENTION: "interval 7 days"})
    open_source(str(other)).delete_where("kept", "customer_id", [1])
    assert DeltaTable(str(other)).metadata().configuration[LOG_RETENTION] == "interval 7 days"


def test_retry_after_an_interrupted_erasure_completes_the_purge(table: Path) -> None:
    # a first attempt deleted but stopped before purging: old versions still hold the row
    DeltaTable(str(table)).delete("customer_id = 1042")
    assert holds(table, "person1042@example.com")
    r = open_source(str(table)).delete_where("customers", "customer_id", [1042])
    assert r.rows == 0 and r.purged
    assert not holds(table, "person1042@example.com")
    with pytest.raises(Exception):  # noqa: B017
        DeltaTable(str(table), version=0)


def test_erasure_stopped_before_its_purge_left_no_value_in_the_log(
    table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    subject = "person1042@example.com"
    monkeypatch.setattr(DeltaLakeTable, "_purge", lambda self, dt: None)  # crash after delete
    src = open_source(str(table))
    assert src.delete_where("customers", "email", [subject]).rows == 1
    log = b"".join(p.read_bytes() for p in (table / "_delta_log").glob("*.json"))
    assert b'"operation":"DELETE"' in log
    assert subject.encode() not in log  # the predicate holds a hash, not the value
    monkeypatch.undo()
    assert holds(table, subject)  # old versions still hold it until the purge runs
    src.delete_where("customers", "email", [subject])
    assert not holds(table, subject)


def test_values_are_data_not_predicate_text(table: Path) -> None:
    src = open_source(str(table))
    assert src.delete_where("customers", "email", ["x') OR true OR ('"]).rows == 0
    assert src.count("customers") == 4000


@pytest.mark.parametrize(
    ("value", "literal"),
    [(None, "NULL"), ("O'Hara", "'O''Hara'"), (3, "3"), (True, "true"), (1.5, "1.5")],
)
def test_replacement_literals(value: object, literal: str) -> None:
    assert sql_literal(value) == literal


def test_unsupported_key_type(tmp_path: Path) -> None:
    path = tmp_path / "m"
    write_deltalake(path, pa.table({"score": [1.5, 2.5], "email": ["a", "b"]}))
    with pytest.raises(UnsupportedSourceError, match="text and integer"):
        open_source(str(path)).delete_where("m", "score", [1.5])


def test_a_table_with_rewritten_files_can_still_be_sampled_and_scanned(table: Path) -> None:
    # delta-rs rewrites a file with `string_view` columns when it deletes from it; sampling
    # must still read every file (the scan and `privacy check` after an erasure)
    src = open_source(str(table))
    src.delete_where("customers", "email", ["person1042@example.com"])
    rewritten = [
        p
        for p in table.glob("*.parquet")
        if pq.read_schema(p).field("email").type == pa.string_view()
    ]
    assert rewritten, "deltalake no longer writes string_view: this test lost its point"
    sample = open_source(str(table)).sample("customers", ["email", "customer_id"], n=4000)
    assert sample.num_rows == 3999
    assert "person1043@example.com" in sample.column("email").to_pylist()


def test_fold_case_erases_the_identifier_in_any_case_and_keeps_it_out_of_the_log(
    tmp_path: Path,
) -> None:
    path = tmp_path / "customers"
    for k in range(4):
        write_deltalake(path, batch(k * 1000, (k + 1) * 1000), mode="append")
    stored = "Mixed.Case1042@Example.com"
    DeltaTable(str(path)).update(predicate="customer_id = 1042", updates={"email": f"'{stored}'"})
    src = open_source(str(path))
    asked = ["mixed.case1042@example.com"]
    assert src.count_where("customers", "email", asked) == 0  # exact unless asked to fold
    assert src.count_where("customers", "email", asked, fold_case=True) == 1
    got = src.lookup("customers", "email", asked, columns=["customer_id"], fold_case=True)
    assert got.column("customer_id").to_pylist() == [1042]
    files_before = set(DeltaTable(str(path)).file_uris())
    r = src.delete_where("customers", "email", asked, fold_case=True)
    assert (r.rows, r.files_rewritten, r.purged) == (1, 1, True)
    # the lowercased value went into the predicate only as a hash; no case of it is left
    assert not holds(path, stored) and not holds(path, asked[0])
    assert not holds(path, "Given1042 Family1042")
    files_after = set(DeltaTable(str(path)).file_uris())
    assert len(files_before - files_after) == 1  # statistics still pruned the other files
    assert src.count("customers") == 3999


def test_matches_on_two_columns_are_one_delete(table: Path) -> None:
    from privacy.sources.base import Match

    src = open_source(str(table))
    r = src.delete_matches(
        "customers",
        [
            Match("email", ["PERSON1042@example.com"], fold_case=True),
            Match("customer_id", [1042, 7]),
        ],
    )
    assert r.rows == 2 and src.count("customers") == 3998  # 1042 reached twice, once
