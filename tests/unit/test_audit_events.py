"""Event validation and the canonical entry encoding."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from audit import Event, InvalidEventError, LogFormatError
from audit.events import decode_entry, encode_body, entry, format_time


def test_entry_is_canonical_json_with_seq_first() -> None:
    body, when = encode_body(
        Event(
            "dsr.received",
            "dsr-0a1b2c3d4e",
            details={"z": 1, "a": {"y": [1, 2], "b": "é"}, "due": date(2024, 6, 1)},
            actor="ops",
            time=datetime(2024, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=2))),
        )
    )
    line = entry(7, body)
    assert line.startswith(b'{"seq":7,"action":"dsr.received","actor":"ops","details":{"a":')
    assert when == "2024-05-01T10:00:00.000000Z"
    obj = json.loads(line)
    assert obj["details"] == {"a": {"b": "é", "y": [1, 2]}, "due": "2024-06-01", "z": 1}
    assert "é".encode() in line  # UTF-8 kept, not \\u-escaped
    rec = decode_entry(line, expect_seq=7)
    assert (rec.seq, rec.action, rec.time) == (7, "dsr.received", when)


@pytest.mark.parametrize(
    ("event", "match"),
    [
        (Event("Scan", "x"), "area.verb"),
        (Event("scan.", "x"), "area.verb"),
        (Event("scan.completed", ""), "target"),
        (Event("scan.completed", "x" * 2000), "target"),
        (Event("scan.completed", "x", outcome="Not OK"), "outcome"),
        (Event("scan.completed", "x", actor=""), "actor"),
        (Event("scan.completed", "x", details={"f": float("nan")}), "finite"),
        (Event("scan.completed", "x", details={"f": object()}), "not JSON"),
        (Event("scan.completed", "x", details={1: "a"}), "not a string"),  # type: ignore[dict-item]
        (Event("scan.completed", "x", time="yesterday"), "ISO-8601"),
        (Event("scan.completed", "x", time=datetime(2024, 1, 1)), "time zone"),
        (Event("scan.completed", "x", details={"blob": "a" * 70_000}), "larger"),
    ],
)
def test_malformed_events_are_refused_with_a_reason(event: Event, match: str) -> None:
    with pytest.raises(InvalidEventError, match=match):
        encode_body(event)


@pytest.mark.parametrize(
    "line",
    [
        b'{"seq":1,"action":"a.b","actor":"x","details":{},"outcome":"ok","target":"t","time":"t"}',
        b'{"seq":0, "action":"a.b","actor":"x","details":{},"outcome":"ok","target":"t",'
        b'"time":"t"}',
        b'{"action":"a.b","actor":"x","details":{},"outcome":"ok","target":"t","time":"t","seq":0}',
        b'{"seq":0,"action":"a.b","actor":"x","details":{},"outcome":"ok","target":"t"}',
        b'{"seq":0,"action":"a.b","actor":"x","details":[],"outcome":"ok","target":"t","time":"t"}',
        b"\x00\x00\x00",
    ],
)
def test_decoding_refuses_anything_a_writer_would_not_have_written(line: bytes) -> None:
    with pytest.raises(LogFormatError):
        decode_entry(line, expect_seq=0)


def test_time_defaults_to_now_in_utc() -> None:
    t = format_time()
    assert (
        t.endswith("Z")
        and abs(datetime.fromisoformat(t).timestamp() - datetime.now(UTC).timestamp()) < 5
    )
