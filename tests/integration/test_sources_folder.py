"""A folder as a source: which entries become tables, and how clashes are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from deltalake import write_deltalake

from privacy.errors import SourceNotFoundError, SourceReadError
from privacy.sources import SupportsErase, SupportsLookup, SupportsRelations, open_source


def _t(n: int = 10) -> pa.Table:
    return pa.table({"id": list(range(n)), "email": [f"p{i}@example.com" for i in range(n)]})


@pytest.fixture
def lake(tmp_path: Path) -> Path:
    root = tmp_path / "lake"
    root.mkdir()
    pq.write_table(_t(), root / "customers.parquet")
    (root / "visits.csv").write_text("id,email\n1,p1@example.com\n")
    (root / "clicks.jsonl").write_text(json.dumps({"id": 1, "email": "p1@example.com"}) + "\n")
    write_deltalake(root / "orders", _t())
    (root / "parts" / "day=1").mkdir(parents=True)
    pq.write_table(_t(), root / "parts" / "day=1" / "part-0.parquet")
    (root / "README.md").write_text("not data")
    (root / "_SUCCESS").write_text("")
    (root / ".hidden.csv").write_text("a\n1\n")
    (root / ".customers.parquet.privacy-0123456789ab.tmp").write_bytes(b"half-written")
    (root / "empty_dir").mkdir()
    return root


def test_folder_lists_files_delta_tables_and_part_folders(lake: Path) -> None:
    src = open_source(str(lake))
    assert src.name == "lake"
    assert src.tables() == ["clicks", "customers", "orders", "parts", "visits"]
    assert isinstance(src, SupportsLookup) and isinstance(src, SupportsErase)
    assert not isinstance(src, SupportsRelations)  # lake relations are declared in privacy.toml
    for table in src.tables():
        assert src.count_where(table, "email", ["p1@example.com"]) == 1, table
        assert src.delete_where(table, "email", ["p1@example.com"]).rows == 1, table
        assert src.count_where(table, "email", ["p1@example.com"]) == 0, table


def test_file_url(lake: Path) -> None:
    src = open_source(f"file://{lake}")
    assert "orders" in src.tables()


def test_same_table_name_twice_is_an_error_not_a_guess(tmp_path: Path) -> None:
    pq.write_table(_t(), tmp_path / "customers.parquet")
    (tmp_path / "customers.csv").write_text("id\n1\n")
    with pytest.raises(SourceReadError) as e:
        open_source(str(tmp_path))
    assert "customers" in str(e.value) and "rename" in (e.value.hint or "")


def test_unknown_table(lake: Path) -> None:
    with pytest.raises(SourceNotFoundError) as e:
        open_source(str(lake)).sample("nope")
    assert "customers" in (e.value.hint or "")


def test_dotted_file_stems_become_usable_table_names(tmp_path: Path) -> None:
    pq.write_table(_t(), tmp_path / "events.2024-01.parquet")
    assert open_source(str(tmp_path)).tables() == ["events_2024-01"]
