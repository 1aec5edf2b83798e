"""CSV, JSON-lines and JSON tables: one file each, the file's stem is the table name.

Any of them may be gzip-compressed (``people.csv.gz``): it is read through gzip as a stream,
exactly like the plain file, and rewritten gzip-compressed.

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

A ``.json`` file holding one JSON document (an array of objects, or an object with one list
of objects) is a :class:`JsonTable`: the stdlib ``json`` module parses it whole, so it is
refused above ``JSON_DOCUMENT_MAX_BYTES`` (uncompressed) with a hint to convert it to JSON
lines. A ``.json`` file of one object per line is read as JSON lines.
"""

from __future__ import annotations

import codecs
import csv
import functools
import gzip
import io
import json
import logging
import random
import re
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TextIO, TypeVar

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.json as pajson

from privacy.errors import SourceReadError, UnsupportedSourceError
from privacy.sources.arrowutil import SEED, Reservoir, as_ints, as_text, folded_text
from privacy.sources.atomic import atomic_replace
from privacy.sources.base import EraseResult, Match, fold
from privacy.sources.formats import GZIP_SUFFIX
from privacy.sources.lake import LakeTable, erase_action, file_errors

log = logging.getLogger(__name__)

HEAD_BYTES = 1 << 20
#: sampling reads at most this much of a text file (the sample then covers its start)
MAX_SCAN_BYTES = 2 << 30
BLOCK = 1 << 20
#: a JSON document is parsed whole (stdlib ``json``): larger ones (uncompressed) are refused
#: rather than exhausting memory; JSON lines have no such limit
JSON_DOCUMENT_MAX_BYTES = 512 << 20
#: gzip level of rewritten ``.gz`` files (gzip's own default: level 9 is far slower)
GZIP_LEVEL = 6

csv.field_size_limit(1 << 30)

_P = ParamSpec("_P")
_R = TypeVar("_R")


# --- plain or gzip-compressed files ----------------------------------------------------------


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(GZIP_SUFFIX)


def kind_suffix(path: Path) -> str:
    """The suffix that says the format: ``.csv`` for both ``a.csv`` and ``a.csv.gz``."""
    name = path.name[: -len(GZIP_SUFFIX)] if is_gzip(path) else path.name
    return Path(name).suffix.lower()


def open_bytes(path: Path) -> io.BufferedIOBase:
    return gzip.open(path, "rb") if is_gzip(path) else open(path, "rb")


def open_text(path: Path, encoding: str, errors: str = "strict") -> TextIO:
    if is_gzip(path):
        return gzip.open(path, "rt", encoding=encoding, errors=errors, newline="")
    return open(path, encoding=encoding, errors=errors, newline="")


@contextmanager
def write_text(tmp: Path, target: Path, encoding: str) -> Iterator[TextIO]:
    """A text stream writing ``tmp`` in ``target``'s form: gzip-compressed for a ``.gz``."""
    if not is_gzip(target):
        with open(tmp, "w", encoding=encoding, newline="") as f:
            yield f
        return
    with (
        open(tmp, "wb") as raw,
        # the header names the original file, as `gzip` writes it, not the temp file
        gzip.GzipFile(filename=target.name, mode="wb", fileobj=raw, compresslevel=GZIP_LEVEL) as gz,
        io.TextIOWrapper(gz, encoding=encoding, newline="") as text,
    ):
        yield text


def _head(path: Path, n: int) -> bytes:
    with open_bytes(path) as f:
        return f.read(n)


def _is_empty(path: Path) -> bool:
    # a gzip file of nothing still has a header: ask the decompressed stream
    return not _head(path, 1) if is_gzip(path) else path.stat().st_size == 0


@contextmanager
def _arrow_input(path: Path) -> Iterator[tuple[pa.NativeFile, pa.NativeFile]]:
    """(raw file, stream to parse): the raw file's position is what a scan budget counts."""
    with pa.OSFile(str(path)) as raw:
        if is_gzip(path):
            with pa.CompressedInputStream(raw, "gzip") as stream:
                yield raw, stream
        else:
            yield raw, raw


def _gzip_guard(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """A damaged or cut-short gzip file becomes a clear error (Python's gzip raises EOFError
    and zlib.error, which are not OS errors)."""

    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(*args, **kwargs)
        except (EOFError, zlib.error, gzip.BadGzipFile) as e:
            path = getattr(args[0], "path", "file")
            raise SourceReadError(
                f"{path}: the gzip data is damaged or cut short ({type(e).__name__})",
                hint="check it with `gzip -t FILE` and restore a good copy; the file is unchanged",
            ) from e

    return wrapper


def _utf8_ok(head: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path) -> tuple[str, str | None]:
    """(encoding, note) from the first MiB; note is None for UTF-8."""
    head = _head(path, HEAD_BYTES)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # a spreadsheet's "Unicode text" export; the codec reads the BOM and writes it back
        return "utf-16", None
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

    @_gzip_guard
    def find(self, matches: Sequence[Match], columns: Sequence[str] | None) -> pa.Table:
        cols = list(columns) if columns is not None else self.schema().names
        if self._empty():
            return pa.table({c: pa.nulls(0, pa.string()) for c in cols})
        self.check_columns([*cols, *(m.column for m in matches)])
        with file_errors(self.path, self.name, "look up rows in"):
            records = [r for r, hit in self._records(matches) if hit]
        return self._to_table(records, cols)

    @_gzip_guard
    def count_matches(self, matches: Sequence[Match]) -> int:
        if self._empty():
            return 0
        self.check_columns([m.column for m in matches])
        with file_errors(self.path, self.name, "count rows in"):
            return sum(1 for _, hit in self._records(matches) if hit)

    @_gzip_guard
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
                with open_text(self.path, enc, errors="replace") as f:
                    header = f.readline()
            if kind_suffix(self.path) == ".tsv":
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
        stream: pa.NativeFile,
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
            stream,
            read_options=pacsv.ReadOptions(
                encoding="utf8" if enc.startswith("utf-8") else enc, block_size=infer_block
            ),
            parse_options=pacsv.ParseOptions(delimiter=delim, newlines_in_values=True),
            convert_options=convert,
        )

    @_gzip_guard
    def schema(self) -> pa.Schema:
        if self._schema is None:
            with file_errors(self.path, self.name, "open"):
                if _is_empty(self.path):
                    self._schema = pa.schema([])
                else:
                    # types inferred from the first block (1 MiB)
                    enc, delim = self._dialect()
                    with _arrow_input(self.path) as (_, stream):
                        reader = pacsv.open_csv(
                            stream,
                            read_options=pacsv.ReadOptions(
                                encoding="utf8" if enc.startswith("utf-8") else enc,
                                block_size=BLOCK,
                            ),
                            parse_options=pacsv.ParseOptions(
                                delimiter=delim, newlines_in_values=True
                            ),
                        )
                        self._schema = reader.schema
        return self._schema

    @_gzip_guard
    def count(self) -> int:
        if not self.schema().names:
            return 0
        with (
            file_errors(self.path, self.name, "count"),
            self._utf8_guard(),
            _arrow_input(self.path) as (_, stream),
        ):
            first = self.schema().names[0]
            return sum(b.num_rows for b in self._reader(stream, include=[first], text=True))

    @_gzip_guard
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
        with _arrow_input(self.path) as (raw, stream):
            reader = self._reader(stream, include=cols, text=text)
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
        return open_text(self.path, enc)

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
                write_text(tmp, self.path, enc) as out,
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
        with open_text(self.path, "utf-8") as f:
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

    @_gzip_guard
    def schema(self) -> pa.Schema:
        if self._schema is None:
            with file_errors(self.path, self.name, "open"):
                try:
                    with _arrow_input(self.path) as (_, stream):
                        reader = pajson.open_json(
                            stream, read_options=pajson.ReadOptions(block_size=BLOCK)
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

    @_gzip_guard
    def count(self) -> int:
        with file_errors(self.path, self.name, "count"):
            return sum(1 for _, obj in self._lines() if obj is not None)

    @_gzip_guard
    def sample(self, columns: Sequence[str] | None, n: int) -> pa.Table:
        cols = list(columns) if columns is not None else self.schema().names
        self.check_columns(cols)
        if not cols or n <= 0:
            return pa.schema([self.schema().field(c) for c in cols]).empty_table()
        with file_errors(self.path, self.name, "sample"):
            try:
                res = Reservoir(n)
                with _arrow_input(self.path) as (raw, stream):
                    reader = pajson.open_json(
                        stream, read_options=pajson.ReadOptions(block_size=BLOCK)
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
        with atomic_replace(self.path) as tmp, write_text(tmp, self.path, "utf-8") as out:
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


# --- JSON documents --------------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_JSON_WS = b" \t\n\r"


def _skip_ws(text: str, pos: int) -> int:
    m = _WS.match(text, pos)
    return m.end() if m else pos


@dataclass(slots=True)
class _Element:
    start: int
    end: int
    value: Any


def _iter_array(text: str, pos: int) -> Iterator[_Element]:
    """The elements of the array opening at ``text[pos]``, one at a time with their spans,
    each decoded by the stdlib decoder (one at a time: a rewrite holds one record, not all)."""
    pos = _skip_ws(text, pos + 1)
    if text.startswith("]", pos):
        return
    while True:
        value, end = _DECODER.raw_decode(text, pos)
        yield _Element(pos, end, value)
        pos = _skip_ws(text, end)
        if text.startswith(",", pos):
            pos = _skip_ws(text, pos + 1)
        elif text.startswith("]", pos):
            return
        else:
            raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)


def _member_span(text: str, pos: int, wanted: str) -> int:
    """Index of the value of member ``wanted`` of the object opening at ``text[pos]`` (the
    text is valid JSON: it was parsed already). The last one if the key repeats, as
    ``json.loads`` keeps; the members' values are decoded to skip them."""
    found = -1
    pos = _skip_ws(text, pos + 1)
    while not text.startswith("}", pos):
        key, end = _DECODER.raw_decode(text, pos)
        value_at = _skip_ws(text, _skip_ws(text, end) + 1)  # past ':'
        if key == wanted:
            found = value_at
        _, end = _DECODER.raw_decode(text, value_at)
        pos = _skip_ws(text, end)
        if text.startswith(",", pos):
            pos = _skip_ws(text, pos + 1)
    return found


def records_key(obj: Mapping[str, Any]) -> str | None:
    """The member of an object that holds its records: its one non-empty list of objects, or
    failing that its one list (empty: no records); None when there is no such single member."""
    filled = [
        k
        for k, v in obj.items()
        if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)
    ]
    if len(filled) == 1:
        return filled[0]
    lists = [k for k, v in obj.items() if isinstance(v, list)]
    if not filled and len(lists) == 1 and not obj[lists[0]]:
        return lists[0]
    return None


def _reindented(obj: dict[str, Any], text: str, element: _Element) -> str:
    """``obj`` serialized in the layout of the element it replaces: one line, or indented
    like the original (a pretty-printed array stays readable)."""
    original = text[element.start : element.end]
    if "\n" not in original:
        return json.dumps(obj, ensure_ascii=False, default=str)
    line_start = text.rfind("\n", 0, element.start) + 1
    margin = text[line_start : element.start]
    if margin.strip():
        margin = " " * len(margin)
    second = original.split("\n", 2)[1]
    unit = len(second) - len(second.lstrip(" ")) - len(margin)
    out = json.dumps(obj, ensure_ascii=False, default=str, indent=unit if unit > 0 else 2)
    return out.replace("\n", "\n" + margin)


class JsonTable(JsonLinesTable):
    """A ``.json`` (or ``.json.gz``) file: one JSON document — an array of objects, or an object
    with one list of objects (``{"data": [...]}``, other members kept as they are) — or, when
    its first line is a whole object and more lines follow, JSON lines.

    Reads parse the document with one ``json.loads`` (the fast C parser). An erasure that
    matches rows walks the array element by element (``raw_decode``) to learn where each
    record sits, so the rewrite copies untouched records and everything around them as they
    are. Nothing parsed is kept between calls (a scan of many files must not hold them all);
    the schema and the row count are, with the file's size and mtime that they belong to."""

    def __init__(self, name: str, path: Path) -> None:
        super().__init__(name, path)
        self._layout: str | None = None
        self._count: tuple[tuple[int, int], int] | None = None

    def _is_lines(self) -> bool:
        if self._layout is None:
            with file_errors(self.path, self.name, "open"):
                self._layout = self._sniff()
        return self._layout == "lines"

    def _sniff(self) -> str:
        with open_bytes(self.path) as f:
            head = f.read(HEAD_BYTES)
            start = head.removeprefix(codecs.BOM_UTF8).lstrip(_JSON_WS)
            if start.startswith(b"["):
                return "document"
            if not start.startswith(b"{"):
                return "lines"  # empty, or not JSON: the line reader says what is wrong
            f.seek(0)
            first = f.readline(JSON_DOCUMENT_MAX_BYTES + 1)
            try:
                obj = json.loads(first.removeprefix(codecs.BOM_UTF8))
            except (json.JSONDecodeError, UnicodeDecodeError):
                return "document"  # a pretty-printed object: `{` alone on line 1
            if not isinstance(obj, dict):
                return "lines"
            while chunk := f.read(BLOCK):
                if chunk.strip(_JSON_WS):
                    return "lines"  # more objects follow
            # one object on one line: a minified document holding the records, else one row
            return "document" if records_key(obj) is not None else "lines"

    def _signature(self) -> tuple[int, int]:
        st = self.path.stat()
        return st.st_size, st.st_mtime_ns

    def _text(self) -> tuple[str, bool]:
        """(the document's text, whether it starts with a UTF-8 BOM), size-checked."""
        limit = JSON_DOCUMENT_MAX_BYTES
        if not is_gzip(self.path) and self.path.stat().st_size > limit:
            raise self._too_large()
        with open_bytes(self.path) as f:
            data = f.read(limit + 1)
        if len(data) > limit:
            raise self._too_large()
        bom = data.startswith(codecs.BOM_UTF8)
        try:
            return data[3 if bom else 0 :].decode("utf-8"), bom
        except UnicodeDecodeError as e:
            raise SourceReadError(
                f"{self.path}: not UTF-8 text (byte {e.start + (3 if bom else 0)})",
                hint="JSON files must be UTF-8 (RFC 8259): convert it (`iconv -t utf-8`) and "
                "retry; the file is unchanged",
            ) from None

    def _syntax_error(self, e: json.JSONDecodeError) -> SourceReadError:
        # the decoder's message names the syntax, never the text around it
        return SourceReadError(
            f"{self.path}: not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})",
            hint="fix the file: a JSON table is one array of objects (or an object holding "
            "one), or one object per line; the file is unchanged",
        )

    def _parse(self, text: str) -> tuple[list[dict[str, Any]], str | None]:
        """(records, the member holding them, None for an array)."""
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as e:
            raise self._syntax_error(e) from None
        key: str | None = None
        if isinstance(doc, dict):
            key = records_key(doc)
            if key is None:
                raise SourceReadError(
                    f"{self.path}: one JSON object with no single list of records in it",
                    hint="a JSON table is an array of objects, or an object with one list of "
                    "objects; extract the records (`jq -c '.KEY[]' IN > OUT.jsonl`) and scan "
                    "that; the file is unchanged",
                )
            doc = doc[key]
        if not isinstance(doc, list):
            raise SourceReadError(
                f"{self.path}: the JSON document is neither an array nor an object",
                hint="a JSON table is an array of objects, one per row; the file is unchanged",
            )
        for i, record in enumerate(doc, 1):
            if not isinstance(record, dict):
                raise SourceReadError(
                    f"{self.path}: record {i} of the JSON array is not an object",
                    hint="a JSON table is an array of objects, one per row; the file is unchanged",
                )
        return doc, key

    def _load(self) -> list[dict[str, Any]]:
        signature = self._signature()
        records, _ = self._parse(self._text()[0])
        self._count = (signature, len(records))
        if self._schema is None:
            self._schema = self._infer(records)
        return records

    @staticmethod
    def _infer(records: list[dict[str, Any]]) -> pa.Schema:
        names: dict[str, None] = {}
        for r in records:
            names.update(dict.fromkeys(r))
        # types from the first rows, and from the first row holding each later column
        head = records[:1000]
        seen: set[str] = set()
        for r in head:
            seen.update(r)
        for r in records[1000:]:
            if not seen.issuperset(r):
                head.append(r)
                seen.update(r)
        return _from_pylist(head, list(names)).schema

    def _too_large(self) -> UnsupportedSourceError:
        mib = JSON_DOCUMENT_MAX_BYTES >> 20
        return UnsupportedSourceError(
            f"{self.path}: a JSON document over {mib} MiB (uncompressed) is not read: "
            "it would be parsed whole in memory",
            hint="convert it to JSON lines, one object per line, and scan that "
            "(`jq -c '.[]' IN > OUT.jsonl`, or `jq -c '.KEY[]'` for an object holding the "
            "records); the file is unchanged",
        )

    # --- the table interface: JSON lines go to JsonLinesTable ---

    @_gzip_guard
    def schema(self) -> pa.Schema:
        if self._is_lines():
            return super().schema()
        if self._schema is None:
            with file_errors(self.path, self.name, "open"):
                self._load()
        assert self._schema is not None
        return self._schema

    @_gzip_guard
    def count(self) -> int:
        if self._is_lines():
            return super().count()
        with file_errors(self.path, self.name, "count"):
            if self._count is not None and self._count[0] == self._signature():
                return self._count[1]
            return len(self._load())

    @_gzip_guard
    def sample(self, columns: Sequence[str] | None, n: int) -> pa.Table:
        if self._is_lines():
            return super().sample(columns, n)
        with file_errors(self.path, self.name, "sample"):
            records = self._load()
            cols = list(columns) if columns is not None else self.schema().names
            self.check_columns(cols)
            out_schema = pa.schema([self.schema().field(c) for c in cols])
            if not cols or n <= 0:
                return out_schema.empty_table()
            kept = records if len(records) <= n else random.Random(SEED).sample(records, n)
            return _cast_like(_from_pylist(kept, cols), out_schema)

    def _records(self, matches: Sequence[Match]) -> Iterator[tuple[Any, bool]]:
        if self._is_lines():
            yield from super()._records(matches)
            return
        hit = _json_test(matches)
        for obj in self._load():
            yield obj, hit(obj)

    @_gzip_guard
    def _erase(
        self, matches: Sequence[Match], replacements: Mapping[str, Any] | None
    ) -> EraseResult:
        if self._is_lines():
            return super()._erase(matches, replacements)
        if self._empty():
            return EraseResult(rows=0, purged=True)
        self.check_columns([m.column for m in matches])
        with file_errors(self.path, self.name, erase_action(replacements)):
            rows = self._rewrite_document(matches, replacements)
        return EraseResult(rows=rows, files_rewritten=1 if rows else 0, purged=True)

    def _rewrite_document(
        self, matches: Sequence[Match], replacements: Mapping[str, Any] | None
    ) -> int:
        hit = _json_test(matches)
        text, bom = self._text()
        records, key = self._parse(text)
        if not any(hit(r) for r in records):
            return 0  # most calls find nothing: the file is not touched
        del records
        # where each record sits: the records' array, then its elements one by one
        at = _skip_ws(text, 0)
        if key is not None:
            at = _member_span(text, at, key)
        opened = at + 1
        changed = 0
        kept = 0
        first_start: int | None = None
        previous_end = opened
        with atomic_replace(self.path) as tmp, write_text(tmp, self.path, "utf-8") as out:
            out.write("\ufeff" if bom else "")
            out.write(text[:opened])
            for e in _iter_array(text, at):
                # what precedes an element: whitespace after `[`, or `,` and whitespace
                lead = text[previous_end : e.start]
                previous_end = e.end
                if first_start is None:
                    first_start = e.start
                if hit(e.value):
                    changed += 1
                    if replacements is None:
                        continue
                    e.value.update(replacements)
                    body = _reindented(e.value, text, e)
                else:
                    body = text[e.start : e.end]
                # the first record kept takes the first record's lead: no comma after `[`
                out.write(text[opened:first_start] if kept == 0 else lead)
                out.write(body)
                kept += 1
            out.write(text[previous_end:])
            out.flush()
        self._count = None
        return changed
