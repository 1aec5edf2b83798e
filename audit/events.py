"""Events and their canonical encoding.

An entry (a Merkle leaf) is one line of UTF-8 JSON without its newline:
``{"seq":N,"action":...,"actor":...,"details":{...},"outcome":...,"target":...,"time":...}``:
``seq`` first (so a reader can find an entry's position without parsing), then the other
keys sorted, nested keys sorted, no spaces, non-ASCII kept as UTF-8. Re-encoding a decoded
entry gives the same bytes, which is how a reader tells a canonical entry from a tampered one.
"""

from __future__ import annotations

import enum
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from audit.errors import InvalidEventError, LogFormatError, SequenceError
from audit.guard import check_no_personal_data

ACTION_RE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+$")
OUTCOME_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
MAX_TARGET = 1024
MAX_ACTOR = 256
MAX_DETAILS = 64 * 1024
_MAX_DEPTH = 16
_KEYS = ("action", "actor", "details", "outcome", "target", "time")


def format_time(moment: datetime | str | None = None) -> str:
    """UTC ISO-8601 with microseconds and ``Z``: the only form stored, so it sorts as text."""
    if moment is None:
        return datetime.now(UTC).strftime(TIME_FORMAT)
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            raise InvalidEventError("event time is not an ISO-8601 timestamp") from None
    if moment.tzinfo is None:
        raise InvalidEventError(
            "event time has no time zone", hint="pass an aware datetime (UTC) or ...Z"
        )
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


@dataclass(frozen=True)
class Event:
    """What a caller appends. ``time`` defaults to now (UTC)."""

    action: str
    target: str
    outcome: str = "ok"
    details: Mapping[str, Any] = field(default_factory=dict)
    actor: str = "system"
    time: datetime | str | None = None


@dataclass(frozen=True)
class Record:
    """An entry read back from the log."""

    seq: int
    time: str
    actor: str
    action: str
    target: str
    outcome: str
    details: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "time": self.time,
            "actor": self.actor,
            "action": self.action,
            "target": self.target,
            "outcome": self.outcome,
            "details": self.details,
        }


def _plain(value: Any, path: str, depth: int = 0) -> Any:
    """JSON-able copy of ``value``: dates become ISO text, enums their value."""
    if depth > _MAX_DEPTH:
        raise InvalidEventError(f"{path} is nested too deeply")
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, enum.Enum):
        return _plain(value.value, path, depth)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidEventError(f"{path} is not a finite number")
        return value
    if isinstance(value, datetime):
        return format_time(value) if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise InvalidEventError(f"{path} has a key that is not a string")
            out[k] = _plain(v, f"{path}.{k}", depth + 1)
        return out
    if isinstance(value, list | tuple):
        return [_plain(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)]
    raise InvalidEventError(f"{path} holds a {type(value).__name__}, which is not JSON")


def encode_body(event: Event) -> tuple[bytes, str]:
    """Validate ``event`` and encode everything but ``seq``: ``"action":...}`` (and return
    the event's normalised time with it).

    The entry is ``b'{"seq":%d,' % seq + body``; the writer adds ``seq`` when the entry's
    position is known. Raw personal data is refused here, before anything is written.
    """
    if not isinstance(event.action, str) or not ACTION_RE.match(event.action):
        raise InvalidEventError(
            "event action must look like `area.verb` (lower case, dotted)",
            hint="e.g. scan.completed, tag.confirmed, dsr.step.done",
        )
    if not isinstance(event.target, str) or not event.target or len(event.target) > MAX_TARGET:
        raise InvalidEventError(f"event target must be a non-empty string of <= {MAX_TARGET}")
    if not isinstance(event.outcome, str) or not OUTCOME_RE.match(event.outcome):
        raise InvalidEventError("event outcome must be a short lower-case word (ok, denied...)")
    if not isinstance(event.actor, str) or not event.actor or len(event.actor) > MAX_ACTOR:
        raise InvalidEventError(f"event actor must be a non-empty string of <= {MAX_ACTOR}")
    if not isinstance(event.details, Mapping):
        raise InvalidEventError("event details must be a mapping")
    details = _plain(event.details, "details")
    moment = format_time(event.time)
    fields = {
        "action": event.action,
        "actor": event.actor,
        "details": details,
        "outcome": event.outcome,
        "target": event.target,
        "time": moment,
    }
    check_no_personal_data(
        {"actor": event.actor, "target": event.target, "outcome": event.outcome, "details": details}
    )
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    body = text.encode("utf-8")
    if len(body) > MAX_DETAILS:
        raise InvalidEventError(f"event is larger than {MAX_DETAILS} bytes")
    return body[1:], moment


def entry(seq: int, body: bytes) -> bytes:
    return b'{"seq":%d,' % seq + body


def decode_entry(line: bytes, *, expect_seq: int | None = None, canonical: bool = True) -> Record:
    """Parse one entry. With ``canonical`` the bytes must be exactly what the writer makes."""
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        raise LogFormatError("entry is not JSON") from None
    if not isinstance(obj, dict) or set(obj) != {"seq", *_KEYS}:
        raise LogFormatError("entry does not have the event fields")
    seq = obj.pop("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise LogFormatError("entry seq is not a number")
    if canonical:
        again = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        if entry(seq, again.encode("utf-8")[1:]) != line:
            raise LogFormatError("entry is not in canonical form")
    for k in ("action", "actor", "outcome", "target", "time"):
        if not isinstance(obj[k], str):
            raise LogFormatError(f"entry {k} is not a string")
    if not isinstance(obj["details"], dict):
        raise LogFormatError("entry details is not an object")
    if expect_seq is not None and seq != expect_seq:
        # a whole, well-formed entry out of place: a crash cannot do that, a person can
        raise SequenceError(f"entry holds seq {seq} where entry {expect_seq} belongs")
    return Record(
        seq=seq,
        time=obj["time"],
        actor=obj["actor"],
        action=obj["action"],
        target=obj["target"],
        outcome=obj["outcome"],
        details=obj["details"],
    )
