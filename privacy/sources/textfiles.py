"""CSV and JSON-lines tables: one file each, the file's stem is the table name.

Sampling streams the file through pyarrow's readers into a bounded reservoir (memory bounded
by the sample, time by the file, with a scan budget of ``MAX_SCAN_BYTES``). Lookups, counts
and erasure walk the file record by record in Python, so the three always agree on what
matches, and a rewrite copies every untouched record byte for byte (quoting, spacing, key
order and encoding unchanged); the rewrite goes to a temp file in the same folder that
atomically replaces the original.

Encodings (CSV): a UTF-8 file (with or without BOM) is read as such. A file whose first MiB is
not valid UTF-8 is read as cp1252 (Windows "ANSI"), or latin-1 when cp1252 cannot decode it,
and the table records a note saying so; it is rewritten in the same encoding. A file that is
valid UTF-8 at the start but not later fails with a SourceReadError that says how to convert
it. JSON lines must be UTF-8 (RFC 8259).
"""

from __future__ import annotations

import codecs
import csv
import json
import logging
import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.json as pajson

from privacy.errors import SourceReadError
from privacy.sources.arrowutil import SEED, Reservoir, as_ints, as_text, folded_text
from privacy.sources.atomic import atomic_replace
from privacy.sources.base import EraseResult, Match, fold
from privacy.sources.lake import LakeTable, erase_action, file_errors

log = logging.getLogger(__name__)

HEAD_BYTES = 1 << 20
#: sampling reads at most this much of a text file (the sample then covers its start)
MAX_SCAN_BYTES = 2 << 30
BLOCK = 1 << 20

csv.field_size_limit(1 << 30)


def _utf8_ok(head: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path) -> tuple[str, str | None]:
    """(encoding, note) from the first MiB; note is None for UTF-8."""
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    if _utf8_ok(head):
        return "utf-8", None
    try:
        head.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1", f"{path.name} is not UTF-8; read as latin-1"
    return "cp1252", f"{path.name} is not UTF-8; read as cp1252 (Windows-1252)"


class _Recorder:
    """Feeds lines to csv.reader and keeps the raw text of the record being parsed, so an
    untouched record can be written back byte for byte."""

    def __init__(self, f: TextIO) -> None:
        self.f = f
        self.raw: list[str] = []

    def __iter__(self) -> Iterator[str]:
        for line in self.f:
            self.raw.append(line)
            yield line

    def take(self) -> str:
        text = "".join(self.raw)
        self.raw.clear()
        return text


def _cast_like(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """Cast text columns to the types inferred for the table where every value allows."""
    cols = []
    types = dict(zip(schema.names, schema.types, strict=True))
    for name in table.column_names:
        col = table.column(name)
        target = types.get(name, col.type)
        if target != col.type and not pa.types.is_null(target):
            with suppress(pa.ArrowException, ValueError):
                col = col.cast(target)
        cols.append(col)
    return pa.Table.from_arrays(cols, names=table.column_names)


class _TextTable(LakeTable):
    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path
        self.notes = []
        self._schema: pa.Schema | None = None

    def _budget_note(self) -> None:
        note = f"{self.path.name}: sampled from its first {MAX_SCAN_BYTES >> 30} GiB"
        if note not in self.notes:
            self.notes.append(note)

    def _empty(self) -> bool:
        # an empty file has no columns to check: nothing can match (e.g. after erasing the
        # only row, a verification lookup must find nothing rather than fail)
        return not self.schema().names

    def find(self, matches: Sequence[Match], columns: Sequence[str] | None) -> pa.Table:
        cols = list(columns) if columns is not None else self.schema().names
        if self._empty():
            return pa.table({c: pa.nulls(0, pa.string()) for c in cols})
        self.check_columns([*cols, *(m.column for m in matches)])
        with file_errors(self.path, self.name, "look up rows in"):
            records = [r for r, hit in self._records(matches) if hit]
        return self._to_table(records, cols)

    def count_matches(self, matches: Sequence[Match]) -> int:
        if self._empty():
            return 0
        self.check_columns([m.column for m in matches])
        with file_errors(self.path, self.name, "count rows in"):
            return sum(1 for _, hit in self._records(matches) if hit)

    def _erase(
        self, matches: Sequence[Match], replacements: Mapping[str, Any] | None
    ) -> EraseResult:
        if self._empty():
            return EraseResult(rows=0, purged=True)
        self.check_columns([m.column for m in matches])
        action = erase_action(replacements)
        with file_errors(self.path, self.name, action):
            # a first pass that writes nothing: most calls find nothing and leave the file be
            if not any(hit for _, hit in self._records(matches)):
                return EraseResult(rows=0, purged=True)
            rows = self._rewrite(matches, replacements)
        return EraseResult(rows=rows, files_rewritten=1 if rows else 0, purged=True)

    # subclasses
    def _records(self, matches: Sequence[Match]) -> Iterator[tuple[Any, bool]]:
        raise NotImplementedError

    def _to_table(self, records: list[Any], cols: list[str]) -> pa.Table:
        raise NotImplementedError

    def _rewrite(self, matches: Sequence[Match], replacements: Mapping[str, Any] | None) -> int:
        raise NotImplementedError


class _CellTest:
    """Does a CSV record match any of the matches? Cells are text: compared exactly, or
    lowercased on both sides for a ``fold_case`` match."""

    def __init__(self, header: list[str], matches: Sequence[Match]) -> None:
        self.tests = [
            (
                header.index(m.column),
                folded_text(m.values) if m.fold_case else as_text(m.values),
                m.fold_case,
            )
            for m in matches
        ]

    def __call__(self, row: list[str]) -> bool:
        for idx, texts, folded in self.tests:
            if idx < len(row) and (fold(row[idx]) if folded else row[idx]) in texts:
                return True
        return False


# --- CSV -------------------------------------------------------------------------------------


class CsvTable(_TextTable):
    def __init__(self, name: str, path: Path) -> None:
        super().__init__(name, path)
        self._encoding: str | None = None
        self._delimiter: str | None = None

    def _dialect(self) -> tuple[str, str]:
        if self._encoding is None or self._delimiter is None:
            with file_errors(self.path, self.name, "open"):
                enc, note = detect_encoding(self.path)
                if note:
                    self.notes.append(note)
                    log.warning("%s", note)
                with open(self.path, encoding=enc, errors="replace", newline="") as f:
                    header = f.readline()
            if self.path.suffix.lower() == ".tsv":
                delim = "\t"
            else:
                # the header tells: a ';' file (common where ',' is the decimal mark) has no ','
                counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
                delim = max(counts, key=lambda d: (counts[d], d == ","))
                if counts[delim] == 0:
                    delim = ","
            self._encoding, self._delimiter = enc, delim
        return self._encoding, self._delimiter

    def _reader(
        self,
        *,
        include: Sequence[str] | None = None,
        text: bool = False,
        infer_block: int = BLOCK,
    ) -> pacsv.CSVStreamingReader:
        enc, delim = self._dialect()
        convert = pacsv.ConvertOptions(
            include_columns=list(include) if include is not None else None,
            column_types={c: pa.string() for c in self.schema().names} if text else None,
            strings_can_be_null=False,
        )
        return pacsv.open_csv(
            self.path,
            read_options=pacsv.ReadOptions(
                encoding="utf8" if enc.startswith("utf-8") else enc, block_size=infer_block
            ),
            parse_options=pacsv.ParseOptions(delimiter=delim, newlines_in_values=True),
            convert_options=convert,
        )

    def schema(self) -> pa.Schema:
        if self._schema is None:
            with file_errors(self.path, self.name, "open"):
                if self.path.stat().st_size == 0:
                    self._schema = pa.schema([])
                else:
                    # types inferred from the first block (1 MiB)
                    enc, delim = self._dialect()
                    reader = pacsv.open_csv(
                        self.path,
                        read_options=pacsv.ReadOptions(
                            encoding="utf8" if enc.startswith("utf-8") else enc, block_size=BLOCK
                        ),
                        parse_options=pacsv.ParseOptions(delimiter=delim, newlines_in_values=True),
                    )
                    self._schema = reader.schema
        return self._schema

    def count(self) -> int:
        if not self.schema().names:
            return 0
        with file_errors(self.path, self.name, "count"), self._utf8_guard():
            first = self.schema().names[0]
            return sum(b.num_rows for b in self._reader(include=[first], text=True))

    def sample(self, columns: Sequence[str] | None, n: int) -> pa.Table:
        cols = list(columns) if columns is not None else self.schema().names
        self.check_columns(cols)
        out_schema = pa.schema([self.schema().field(c) for c in cols])
        if not cols or n <= 0:
            return out_schema.empty_table()
        with file_errors(self.path, self.name, "sample"), self._utf8_guard():
            try:
                return self._reservoir(cols, n, text=False)
            except pa.ArrowInvalid:
                # a value later in the file does not fit the type inferred from its start
                return _cast_like(self._reservoir(cols, n, text=True), out_schema)

    def _reservoir(self, cols: list[str], n: int, *, text: bool) -> pa.Table:
        res = Reservoir(n)
        with open(self.path, "rb") as raw:
            reader = self._reader(include=cols, text=text)
            schema = reader.schema
            for batch in reader:
                res.add(batch)
                if raw.tell() > MAX_SCAN_BYTES:  # pragma: no cover - needs a >2 GiB file
                    self._budget_note()
                    break
        return res.result(schema).select(cols)

    @contextmanager
    def _utf8_guard(self) -> Iterator[None]:
        """Arrow's "invalid UTF8" past the first MiB becomes a clear error."""
        try:
            yield
        except pa.ArrowInvalid as e:
            if self._dialect()[0].startswith("utf-8") and "utf8" in str(e).lower():
                raise self._decode_error() from e
            raise

    def _open_text(self) -> TextIO:
        enc, _ = self._dialect()
        return open(self.path, encoding=enc, newline="")

    def _records(self, matches: Sequence[Match]) -> Iterator[tuple[Any, bool]]:
        _, delim = self._dialect()
        try:
            with self._open_text() as f:
                reader = csv.reader(f, delimiter=delim)
                header = next(reader, None)
                if header is None:
                    return
                hit = _CellTest(header, matches)
                for row in reader:
                    if not row:
                        continue
                    yield row, hit(row)
        except UnicodeDecodeError as e:
            raise self._decode_error() from e

    def _decode_error(self) -> SourceReadError:
        return SourceReadError(
            f"{self.path}: bytes that are not valid {self._dialect()[0]} past the file's first MiB",
            hint="convert it to UTF-8 (`iconv -f cp1252 -t utf-8 IN > OUT`) and retry; "
            "the file is unchanged",
        )

    def _to_table(self, records: list[Any], cols: list[str]) -> pa.Table:
        names = self.schema().names
        index = {c: names.index(c) for c in cols}
        arrays = [
            pa.array([r[index[c]] if index[c] < len(r) else None for r in records], pa.string())
            for c in cols
        ]
        table = pa.Table.from_arrays(arrays, names=cols)
        return _cast_like(table, self.schema())

    def _rewrite(self, matches: Sequence[Match], replacements: Mapping[str, Any] | None) -> int:
        enc, delim = self._dialect()
        changed = 0
        try:
            with (
                self._open_text() as src,
                atomic_replace(self.path) as tmp,
                open(tmp, "w", encoding=enc, newline="") as out,
            ):
                rec = _Recorder(src)
                reader = csv.reader(rec, delimiter=delim)
                header = next(reader, None)
                head_text = rec.take()
                out.write(head_text)
                if header is None:
                    return 0
                eol = "\r\n" if head_text.endswith("\r\n") else "\n"
                writer = csv.writer(out, delimiter=delim, lineterminator=eol)
                hit = _CellTest(header, matches)
                rep = {header.index(c): v for c, v in (replacements or {}).items()}
                for row in reader:
                    text = rec.take()
                    if row and hit(row):
                        changed += 1
                        if replacements is None:
                            continue
                        for i, v in rep.items():
                            if i < len(row):
                                row[i] = "" if v is None else str(v)
                        writer.writerow(row)
                    else:
                        out.write(text)
                out.flush()
        except UnicodeDecodeError as e:
            raise self._decode_error() from e
        return changed


# --- JSON lines ------------------------------------------------------------------------------


def _json_match(x: Any, ints: set[int], texts: set[str], folded: bool = False) -> bool:
    """The same rule as Arrow's match_mask: integers by value, strings exactly (or both
    sides lowercased when ``folded``; ``texts`` are then lowercased already)."""
    if isinstance(x, bool) or x is None:
        return False
    if isinstance(x, int):
        return x in ints
    if isinstance(x, float):
        return x.is_integer() and int(x) in ints
    if isinstance(x, str):
        return (fold(x) if folded else x) in texts
    return False


def _json_test(matches: Sequence[Match]) -> Callable[[dict[str, Any]], bool]:
    tests = [
        (
            m.column,
            as_ints(m.values),
            folded_text(m.values) if m.fold_case else as_text(m.values),
            m.fold_case,
        )
        for m in matches
    ]

    def hit(obj: dict[str, Any]) -> bool:
        return any(_json_match(obj.get(c), i, t, f) for c, i, t, f in tests)

    return hit


def _from_pylist(records: list[dict[str, Any]], cols: list[str]) -> pa.Table:
    rows = [{c: r.get(c) for c in cols} for r in records]
    try:
        return pa.Table.from_pylist(rows) if rows else pa.table({c: pa.nulls(0) for c in cols})
    except (pa.ArrowException, TypeError, ValueError):
        # values of mixed JSON types in one column: keep them as their JSON text
        return pa.table(
            {
                c: pa.array(
                    [
                        None
                        if r.get(c) is None
                        else (r[c] if isinstance(r[c], str) else json.dumps(r[c]))
                        for r in records
                    ],
                    pa.string(),
                )
                for c in cols
            }
        )


class JsonLinesTable(_TextTable):
    def _lines(self) -> Iterator[tuple[str, dict[str, Any] | None]]:
        """(raw line, parsed object or None for a blank line)."""
        with open(self.path, encoding="utf-8", newline="") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    yield line, None
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    hint = (
                        "this looks like one JSON document, not JSON lines: write one object "
                        "per line (e.g. `jq -c '.[]' IN > OUT.jsonl`)"
                        if number == 1 and line.lstrip().startswith("[")
                        else "fix or remove that line; the file is unchanged"
                    )
                    raise SourceReadError(
                        f"{self.path}: line {number} is not valid JSON", hint=hint
                    ) from e
                if not isinstance(obj, dict):
                    raise SourceReadError(
                        f"{self.path}: line {number} is not a JSON object",
                        hint="JSON lines tables hold one object per line",
                    )
                yield line, obj

    def schema(self) -> pa.Schema:
        if self._schema is None:
            with file_errors(self.path, self.name, "open"):
                try:
                    reader = pajson.open_json(
                        self.path, read_options=pajson.ReadOptions(block_size=BLOCK)
                    )
                    self._schema = reader.schema
                except pa.ArrowInvalid:
                    # mixed types or a malformed line: infer from the first lines in Python
                    head: list[dict[str, Any]] = []
                    names: dict[str, None] = {}
                    for _, obj in self._lines():
                        if obj is not None:
                            head.append(obj)
                            names.update(dict.fromkeys(obj))
                        if len(head) >= 1000:
                            break
                    self._schema = _from_pylist(head, list(names)).schema
        return self._schema

    def count(self) -> int:
        with file_errors(self.path, self.name, "count"):
            return sum(1 for _, obj in self._lines() if obj is not None)

    def sample(self, columns: Sequence[str] | None, n: int) -> pa.Table:
        cols = list(columns) if columns is not None else self.schema().names
        self.check_columns(cols)
        if not cols or n <= 0:
            return pa.schema([self.schema().field(c) for c in cols]).empty_table()
        with file_errors(self.path, self.name, "sample"):
            try:
                res = Reservoir(n)
                with open(self.path, "rb") as raw:
                    reader = pajson.open_json(
                        raw, read_options=pajson.ReadOptions(block_size=BLOCK)
                    )
                    for batch in reader:
                        res.add(pa.Table.from_batches([batch]).select(cols))
                        if raw.tell() > MAX_SCAN_BYTES:  # pragma: no cover
                            self._budget_note()
                            break
                return res.result(pa.schema([self.schema().field(c) for c in cols]))
            except pa.ArrowInvalid:
                return self._python_sample(cols, n)

    def _python_sample(self, cols: list[str], n: int) -> pa.Table:
        # reservoir over parsed lines (Algorithm R); slower, but takes any valid JSON lines
        rng = random.Random(SEED)
        kept: list[dict[str, Any]] = []
        seen = 0
        for _, obj in self._lines():
            if obj is None:
                continue
            seen += 1
            if len(kept) < n:
                kept.append(obj)
            else:
                j = rng.randrange(seen)
                if j < n:
                    kept[j] = obj
        return _from_pylist(kept, cols)

    def _records(self, matches: Sequence[Match]) -> Iterator[tuple[Any, bool]]:
        hit = _json_test(matches)
        for _, obj in self._lines():
            if obj is not None:
                yield obj, hit(obj)

    def _to_table(self, records: list[Any], cols: list[str]) -> pa.Table:
        table = _from_pylist(records, cols)
        return _cast_like(table, self.schema())

    def _rewrite(self, matches: Sequence[Match], replacements: Mapping[str, Any] | None) -> int:
        hit = _json_test(matches)
        changed = 0
        with atomic_replace(self.path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as out:
            for line, obj in self._lines():
                if obj is None or not hit(obj):
                    out.write(line)
                    continue
                changed += 1
                if replacements is None:
                    continue
                obj.update(replacements)
                eol = "\r\n" if line.endswith("\r\n") else ("\n" if line.endswith("\n") else "")
                out.write(json.dumps(obj, ensure_ascii=False) + eol)
            out.flush()
        return changed
