"""Access and portability (GDPR Art. 15 and 20): the subject's rows from every table.

The export folder holds, per table, ``SOURCE.TABLE.json`` (a list of objects) and
``SOURCE.TABLE.csv``; ``summary.html``, a short page a person can read; and ``manifest.json``
with the SHA-256 of every other file. Encrypted cells (toolkit tokens) are decrypted; a cell
whose subject key was shredded is exported as null and counted in the summary. Only rows found
through the subject's identifier and the relations from it are read: nobody else's rows.

Each table file is written to a temporary name and renamed into place, so an export step that
is re-run after a crash rewrites the same file whole.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy.dsr.models import StepKind
from privacy.dsr.planner import selector_matches, selector_values
from privacy.dsr.verify import sha256_file
from privacy.errors import CryptoError, RequestError
from privacy.sources.atomic import write_atomic
from privacy.sources.base import SupportsLookup

if TYPE_CHECKING:
    import pyarrow as pa

    from privacy.dsr.executor import Executor, Member

SUMMARY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Your data: export {{ request.id }}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
th{background:#f3f3f3} .muted{color:#666} .scroll{overflow-x:auto}
</style></head><body>
<h1>Your personal data</h1>
<p>This is a copy of the personal data we hold about you, prepared on {{ generated }}
in answer to your request <strong>{{ request.id }}</strong>
(received {{ request.received_at }}).</p>
<p>We found <strong>{{ total_rows }}</strong> record{{ "" if total_rows == 1 else "s" }}
in <strong>{{ tables|length }}</strong> table{{ "" if tables|length == 1 else "s" }}.
Each table is also in the files named below, as JSON and as CSV, for use in other services.</p>
{% if not tables %}<p>We found no personal data about you.</p>{% else %}
<ul>{% for t in tables %}<li>{{ t.title }}: {{ t.rows }}</li>{% endfor %}</ul>{% endif %}
{% for t in tables %}
<h2>{{ t.title }}</h2>
<p class="muted">{{ t.rows }} record{{ "" if t.rows == 1 else "s" }} &middot; files:
{{ t.json }}, {{ t.csv }}{% if t.unreadable %} &middot; {{ t.unreadable }} value(s) could not be
decrypted because they were erased{% endif %}</p>
<div class="scroll"><table><tr>{% for c in t.columns %}<th>{{ c }}</th>{% endfor %}</tr>
{% for row in t.preview %}<tr>{% for c in t.columns %}<td>{{ row[c] }}</td>{% endfor %}</tr>
{% endfor %}</table></div>
{% if t.rows > t.preview|length %}<p class="muted">Showing {{ t.preview|length }} of
{{ t.rows }}; all are in the files.</p>{% endif %}
{% endfor %}
<p class="muted">manifest.json lists every file with its SHA-256 checksum.</p>
</body></html>
"""

PREVIEW_ROWS = 20


def _plain(v: Any) -> Any:
    if isinstance(v, datetime | date | time):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def _decrypt(ex: Executor, table: str, tbl: pa.Table) -> tuple[list[dict[str, Any]], int]:
    """Rows as dicts with toolkit tokens decrypted; returns (rows, cells left unreadable)."""
    rows = tbl.to_pylist()
    if not rows:
        return rows, 0
    try:
        from privacy.crypto import decrypt_values, is_ciphertext, open_keystore
    except ImportError:  # pragma: no cover -- crypto ships with the package
        return rows, 0
    unreadable = 0
    store: Any = None
    for col in tbl.column_names:
        idx = [i for i, r in enumerate(rows) if isinstance(r[col], str) and is_ciphertext(r[col])]
        if not idx:
            continue
        store = store or open_keystore(ex.settings)
        try:
            plain = decrypt_values(
                store, [rows[i][col] for i in idx], table=table, column=col, on_shredded="null"
            )
        except CryptoError:
            plain = [None] * len(idx)
        for i, v in zip(idx, plain, strict=True):
            if v is None:
                unreadable += 1
            rows[i][col] = v
    return rows, unreadable


def export_step(ex: Executor, m: Member, target: str) -> tuple[int, dict[str, Any]]:
    plan = m.request.plan
    assert plan is not None and m.request.out_dir
    node = plan.node(target)
    src = ex.ws.source(node.source)
    if not isinstance(src, SupportsLookup):
        raise RequestError(f"{node.name}: the source cannot look rows up")
    matches, _used = selector_matches(
        node, plan.subject_kind, lambda sel: selector_values(sel, m.subject, m.keys)
    )
    import pyarrow as pa

    tbl = src.find(node.table, matches) if matches else pa.table({})
    rows, unreadable = _decrypt(ex, node.name, tbl)
    # a row found by two paths (identifier and relation) is exported once
    unique: dict[str, dict[str, Any]] = {}
    for r in rows:
        r = {k: _plain(v) for k, v in r.items()}
        unique.setdefault(json.dumps(r, sort_keys=True, default=str), r)
    rows = list(unique.values())
    out = Path(m.request.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = node.name
    write_atomic(
        out / f"{stem}.json",
        json.dumps(rows, indent=2, ensure_ascii=False, default=str).encode("utf-8"),
    )
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=tbl.column_names, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if v is None else v) for k, v in r.items()})
    write_atomic(out / f"{stem}.csv", buf.getvalue().encode("utf-8"))
    return len(rows), {
        "table": node.name,
        "rows": len(rows),
        "columns": tbl.column_names,
        "files": [f"{stem}.json", f"{stem}.csv"],
        "undecryptable_cells": unreadable,
    }


def manifest_step(ex: Executor, m: Member) -> tuple[int, dict[str, Any]]:
    from jinja2 import Environment

    assert m.request.out_dir
    out = Path(m.request.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    done = [s for s in ex.store.steps(m.id) if s.kind is StepKind.EXPORT]
    tables = []
    files: list[str] = []
    for s in done:
        ev = s.evidence
        json_name, csv_name = ev["files"]
        files += ev["files"]
        rows = json.loads((out / json_name).read_text(encoding="utf-8"))
        tables.append(
            {
                "title": ev["table"],
                "rows": ev["rows"],
                "columns": ev["columns"],
                "json": json_name,
                "csv": csv_name,
                "unreadable": ev.get("undecryptable_cells", 0),
                "preview": rows[:PREVIEW_ROWS],
            }
        )
    generated = datetime.now(UTC)
    html = (
        Environment(autoescape=True)
        .from_string(SUMMARY)
        .render(
            request=m.request,
            generated=generated.strftime("%Y-%m-%d %H:%M UTC"),
            tables=tables,
            total_rows=sum(t["rows"] for t in tables),
        )
    )
    write_atomic(out / "summary.html", html.encode("utf-8"))
    files.append("summary.html")
    manifest = {
        "request": m.id,
        "subject": m.request.pseudonym,
        "generated_at": generated.isoformat(),
        "tables": [{"table": t["title"], "rows": t["rows"]} for t in tables],
        "files": [{"path": f, "sha256": sha256_file(out / f)} for f in files],
    }
    write_atomic(out / "manifest.json", json.dumps(manifest, indent=2).encode("utf-8"))
    return sum(t["rows"] for t in tables), {"files": len(files) + 1, "manifest": "manifest.json"}
