"""Reading and writing corpora of records, for ``cleaner batch`` and ``cleaner profile``.

Inputs: JSONL (plain, gzip, or zstd with the ``zstd`` extra; ``-`` is standard input),
Parquet (extra ``parquet``; read by row groups, so memory stays flat), a folder of
``.txt``/``.html`` files (one record per file, ``{"id": path relative to the folder,
"text": its text}``), or one ``.txt``/``.html`` file. Formats are recognised by their first
bytes, else by the file name.

:func:`open_jsonl` shows any input as a stream of JSON lines: ``cleaner batch`` reads,
numbers, hashes and resumes every format the same way, and a record's number is its line
in that stream (the line of a JSONL file, the row of a Parquet file, the file's place in a
folder, from 1). :func:`read_records` yields the records, for ``cleaner profile``.

Outputs: JSONL (``.gz`` gzip, ``.zst`` zstd) or Parquet (``.parquet``), chosen by the file
name (:func:`open_output`, :func:`write_records`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from cleaner.document import RECORD_KEYS, Document, Translation
from cleaner.pipeline import to_document
from cleaner.webpage import HTML_EXTENSIONS, ExtraMissing, extract, looks_like_html

if TYPE_CHECKING:  # pragma: no cover
    from typing_extensions import Self

__all__ = [
    "DOCUMENT_EXTENSIONS",
    "ExtraMissing",
    "ParquetSink",
    "count_items",
    "document_from",
    "input_format",
    "open_binary",
    "open_jsonl",
    "open_output",
    "output_format",
    "read_records",
    "record_schema",
    "table_row",
    "write_records",
]

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
PARQUET_MAGIC = b"PAR1"
READ_BYTES = 1 << 16  # compressed bytes read at a time
# What reading a broken compressed stream raises (a truncated or corrupt gzip or zstd file).
READ_ERRORS = (EOFError, OSError, zlib.error)
DOCUMENT_EXTENSIONS = (".txt", *HTML_EXTENSIONS)
PARQUET_BATCH_ROWS = 1024  # rows decoded at a time (within one row group)
PARQUET_ROW_GROUP = 2048  # rows per row group written


def _require(module: str, extra: str, what: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise ExtraMissing(
            f"{what} needs {module.split('.')[0]}: pip install 'article-cleaner[{extra}]'"
        ) from err


# -- compressed streams ------------------------------------------------------------------------


def _decompressed(raw: IO[bytes], head: bytes) -> IO[bytes]:
    if head[:2] == GZIP_MAGIC:
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb"))
    if head[:4] == ZSTD_MAGIC:
        zstandard = _require("zstandard", "zstd", "reading zstd files")
        return cast(IO[bytes], io.BufferedReader(_ZstdFrames(raw, zstandard)))
    return raw


class _ZstdFrames(io.RawIOBase):
    """A zstd stream decompressed frame after frame. Like gzip, a stream that ends inside a
    frame raises ``EOFError`` and corrupt data ``OSError`` (zstandard's stream reader would
    end quietly at a truncation, and raise its own error type for corrupt data)."""

    def __init__(self, raw: IO[bytes], zstandard: Any) -> None:
        self._raw = raw
        self._error = zstandard.ZstdError
        self._context = zstandard.ZstdDecompressor()
        self._frame: Any = None  # the frame being decompressed
        self._pending = b""
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._at >= len(self._pending):
            data = self._raw.read(READ_BYTES)
            if not data:
                if self._frame is not None:
                    raise EOFError("zstd stream ended before the end of a frame")
                return 0
            self._pending, self._at = self._decompress(data), 0
        size = min(len(buffer), len(self._pending) - self._at)
        buffer[:size] = memoryview(self._pending)[self._at : self._at + size]
        self._at += size
        return size

    def _decompress(self, data: bytes) -> bytes:
        out = []
        while data:
            if self._frame is None:
                self._frame = self._context.decompressobj()
            try:
                out.append(self._frame.decompress(data))
            except self._error as err:
                raise OSError(f"corrupt zstd data: {err}") from None
            data = b""
            if self._frame.eof:
                data, self._frame = self._frame.unused_data, None
        return b"".join(out)

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


def open_binary(path: str | os.PathLike[str]) -> IO[bytes]:
    """Open a file (``-``: standard input) for reading, decompressing gzip or zstd, which
    are recognised by their first bytes."""
    if os.fspath(path) == "-":
        stdin: Any = sys.stdin.buffer
        with contextlib.suppress(AttributeError, OSError, ValueError):
            # A file of our own on the same descriptor: batch reads ahead in a thread that may
            # be blocked in it when the interpreter exits, which must not wait for its lock.
            stdin = open(os.dup(sys.stdin.fileno()), "rb")  # noqa: SIM115 - closed by the caller
        buffered = stdin if isinstance(stdin, io.BufferedReader) else io.BufferedReader(stdin)
        return _decompressed(buffered, buffered.peek(4)[:4])
    handle = open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    head = handle.read(4)
    handle.seek(0)
    return _decompressed(handle, head)


def _head(path: str | os.PathLike[str], size: int = 2048) -> bytes:
    """The first bytes of a file, decompressed; none if they cannot be (reading the file
    says so where it breaks)."""
    with open_binary(path) as handle:
        try:
            return handle.read(size)
        except READ_ERRORS:
            return b""


# -- reading ---------------------------------------------------------------------------------


def input_format(path: str | os.PathLike[str]) -> str:
    """``"jsonl"``, ``"parquet"``, ``"folder"`` or ``"document"`` (one text or HTML file).

    >>> input_format("-")
    'jsonl'
    """
    name = os.fspath(path)
    if name == "-":
        return "jsonl"
    if os.path.isdir(name):
        return "folder"
    with open(name, "rb") as handle:
        magic = handle.read(4)
    if magic == PARQUET_MAGIC or (not magic and name.endswith(".parquet")):
        return "parquet"
    if name.lower().endswith(DOCUMENT_EXTENSIONS):
        return "document"
    if looks_like_html(_head(name)):
        return "document"
    return "jsonl"


def _folder_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name.lower().endswith(DOCUMENT_EXTENSIONS))


def _decode(raw: bytes) -> tuple[str, str]:
    """Text of a file and its encoding: UTF-8, else ftfy's guess."""
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    import ftfy

    try:
        text, encoding = ftfy.guess_bytes(raw)
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace"), "utf-8-replace"
    return text, str(encoding)


def _file_records(path: str | os.PathLike[str], kind: str) -> Iterator[dict[str, Any]]:
    root = Path(path)
    files = _folder_files(root) if kind == "folder" else [root]
    for file in files:
        text, encoding = _decode(file.read_bytes())
        record = {"id": file.relative_to(root).as_posix() if kind == "folder" else file.name, "text": text}
        if encoding != "utf-8":
            record["source_encoding"] = encoding
        yield record


def _json_value(value: Any) -> Any:
    """A Parquet value as JSON can hold it (binary text decoded; dates and the like as text)."""
    if isinstance(value, bytes):
        return _decode(value)[0]
    return value


class _LineStream(io.RawIOBase):
    """A binary stream over an iterator of lines."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        self._lines = lines
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            line = next(self._lines, None)
            if line is None:
                return 0
            self._pending = line
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _as_lines(records: Iterator[Mapping[str, Any]]) -> Iterator[bytes]:
    for record in records:
        line = json.dumps({k: _json_value(v) for k, v in record.items()}, ensure_ascii=False, default=str)
        yield (line + "\n").encode("utf-8", errors="surrogatepass")


def open_jsonl(path: str | os.PathLike[str]) -> IO[bytes]:
    """Any input (see the module doc) as a binary stream of JSON lines, one per record.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("First article")
    >>> open_jsonl(folder).read()
    b'{"id": "a.txt", "text": "First article"}\\n'
    """
    kind = input_format(path)
    if kind == "jsonl":
        return open_binary(path)
    rows = _parquet_rows(path) if kind == "parquet" else _file_records(path, kind)
    return io.BufferedReader(_LineStream(_as_lines(rows)))


def read_records(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The records of ``path`` as mappings; JSON lines that are malformed or not objects
    are skipped (``cleaner batch`` reports them; a site profile just does not count them).
    A compressed file that breaks midway raises ``ValueError`` saying where."""
    stream = open_jsonl(path)
    number = 0
    try:
        for number, line in enumerate(stream, 1):
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                yield record
    except READ_ERRORS as err:
        where = f"{os.fspath(path)}: the input breaks after line {number}"
        raise ValueError(f"{where} ({type(err).__name__}: {err})") from None
    finally:
        if os.fspath(path) != "-":  # standard input stays open
            stream.close()


def _parquet_rows(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    parquet = _require("pyarrow.parquet", "parquet", "reading Parquet")
    with parquet.ParquetFile(path) as table:
        for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS):
            yield from batch.to_pylist()


def count_items(path: str | os.PathLike[str]) -> int | None:
    """How many records ``path`` holds, for a progress bar; ``None`` for standard input.

    Costs a pass over a JSONL file (decompressing it), far less than cleaning it.
    """
    if os.fspath(path) == "-":
        return None
    kind = input_format(path)
    if kind == "parquet":
        parquet = _require("pyarrow.parquet", "parquet", "reading Parquet")
        with parquet.ParquetFile(path) as table:
            return int(table.metadata.num_rows)
    if kind == "folder":
        return len(_folder_files(Path(path)))
    if kind == "document":
        return 1
    count = 0
    with open_binary(path) as stream:
        try:
            for line in stream:
                count += bool(line.strip())
        except READ_ERRORS:
            return None  # a broken compressed file: the run reports where it breaks
    return count


def document_from(
    text: str | bytes, *, id: str = "", metadata: Mapping[str, Any] | None = None, name: str | None = None
) -> Document:
    """The document for a record's or a file's text: an HTML page (by ``name``'s extension
    or by how it starts) is extracted first (see :mod:`cleaner.webpage`); ``bytes`` are
    decoded (UTF-8, else a guess, recorded in ``metadata["source_encoding"]``).

    >>> document_from(b"Advertisement\\nText", id="a").metadata
    {'source_encoding': 'utf-8'}
    """
    extra = dict(metadata or {})
    if looks_like_html(text, name):
        body, facts = extract(text)
        extra["source_format"] = "html"
        if facts:
            extra["html"] = facts
        return Document.from_text(body, id=id, metadata=extra)
    doc = to_document(text, id=id)
    return doc.replace(metadata={**doc.metadata, **extra}) if extra else doc


# -- writing ---------------------------------------------------------------------------------


def output_format(path: str | os.PathLike[str]) -> str:
    """``"parquet"`` for a ``.parquet`` name, else ``"jsonl"``.

    >>> output_format("out.parquet"), output_format("out.jsonl.zst")
    ('parquet', 'jsonl')
    """
    return "parquet" if os.fspath(path).endswith(".parquet") else "jsonl"


def open_output(path: str | os.PathLike[str], mode: str = "w", *, name: str | None = None) -> IO[str]:
    """A text sink for JSON lines at ``path``; ``name`` (default: ``path``'s) chooses the
    format: ``.gz`` gzip, ``.zst`` zstd, ``.parquet`` Parquet (JSON lines written to it are
    stored as rows; ``mode`` must be ``"w"``), else plain JSONL. ``mode`` ``"a"`` appends."""
    name = name or os.fspath(path)
    if output_format(name) == "parquet":
        if mode != "w":
            raise ValueError("a Parquet output cannot be appended to (--resume needs JSONL output)")
        return cast(IO[str], ParquetSink(path))
    if name.endswith(".gz"):
        return io.TextIOWrapper(cast(IO[bytes], gzip.open(path, mode + "b")), encoding="utf-8", newline="\n")
    if name.endswith(".zst"):
        zstandard = _require("zstandard", "zstd", "writing zstd files")
        raw = open(path, mode + "b")  # noqa: SIM115 - closed with the writer
        writer = zstandard.ZstdCompressor().stream_writer(raw, closefd=True)
        return io.TextIOWrapper(cast(IO[bytes], writer), encoding="utf-8", newline="\n")
    return open(path, mode, encoding="utf-8", newline="\n")


def write_records(
    records: Iterable[Mapping[str, Any]], path: str | os.PathLike[str], *, name: str | None = None
) -> int:
    """Write ``records`` to ``path`` in the format its name (or ``name``) says; returns how many."""
    count = 0
    with open_output(path, name=name) as sink:
        for record in records:
            sink.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def _translation_type(pa: Any) -> Any:
    kinds = {"int": pa.int64()}
    return pa.struct(
        [pa.field(f.name, kinds.get(str(f.type), pa.string())) for f in dataclasses.fields(Translation)]
    )


# Mappings whose keys vary from record to record: JSON text in tables.
VARYING_KEYS = ("metadata", "language_candidates")


def table_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record as a table row (Parquet, the adapters' columns): the mappings whose keys
    vary (``metadata``, ``language_candidates``, ``stats["removed_by_reason"]``) become
    JSON text, so that every row has the same type.

    >>> table_row({"language_candidates": {"fr": 1.0}, "stats": {"removed_by_reason": {}}})
    {'language_candidates': '{"fr": 1.0}', 'stats': {'removed_by_reason': '{}'}}
    """
    row = dict(record)
    for key in VARYING_KEYS:
        if isinstance(row.get(key), Mapping):
            row[key] = json.dumps(row[key], ensure_ascii=False, default=str)
    stats = row.get("stats")
    if isinstance(stats, Mapping) and isinstance(stats.get("removed_by_reason"), Mapping):
        row["stats"] = {**stats, "removed_by_reason": json.dumps(stats["removed_by_reason"], ensure_ascii=False)}
    return row


def record_schema(pa: Any) -> dict[str, Any]:
    """The Arrow type of each record key in a table (see :func:`table_row`); ``id`` and kept
    fields take the type of their values."""
    removal = pa.struct(
        [
            ("line", pa.int64()),
            ("index", pa.int64()),
            ("text", pa.string()),
            ("paragraph", pa.int64()),
            ("filter", pa.string()),
            ("reason", pa.string()),
            ("detail", pa.string()),
        ]
    )
    edit = pa.struct(
        [
            ("step", pa.string()),
            ("line", pa.int64()),
            ("index", pa.int64()),
            ("before", pa.string()),
            ("after", pa.string()),
            ("explanation", pa.list_(pa.list_(pa.string()))),
        ]
    )
    stats = pa.struct(
        [
            ("lines_in", pa.int64()),
            ("lines_out", pa.int64()),
            ("chars_in", pa.int64()),
            ("chars_out", pa.int64()),
            ("removed_share", pa.float64()),
            ("removed_by_reason", pa.string()),
        ]
    )
    return {
        "line": pa.int64(),
        "status": pa.string(),
        "error": pa.string(),
        "text": pa.string(),
        "title": pa.string(),
        "language": pa.string(),
        "language_probability": pa.float64(),
        "language_candidates": pa.string(),
        "language_backend": pa.string(),
        "removed": pa.list_(removal),
        "edits": pa.list_(edit),
        "metadata": pa.string(),
        "translation": _translation_type(pa),
        "stats": stats,
    }


class ParquetSink:
    """Writes JSON lines (records) as Parquet rows, a row group at a time.

    The columns are the record keys (see :func:`record_schema`) followed by the other keys
    of the first rows (kept fields), typed from their values. Call :meth:`close` to write
    the file's footer: a Parquet file without it cannot be read.
    """

    def __init__(self, path: str | os.PathLike[str], *, row_group_size: int = PARQUET_ROW_GROUP) -> None:
        self.pa = _require("pyarrow", "parquet", "writing Parquet")
        self.parquet = _require("pyarrow.parquet", "parquet", "writing Parquet")
        self.path = path
        self.row_group_size = row_group_size
        self.rows: list[dict[str, Any]] = []
        self.schema: Any = None
        self.writer: Any = None

    def write(self, line: str) -> int:
        self.rows.append(table_row(json.loads(line)))
        if len(self.rows) >= self.row_group_size:
            self._write_rows()
        return len(line)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        """Nothing to do: rows are written a row group at a time."""

    def _make_schema(self) -> Any:
        pa = self.pa
        known = record_schema(pa)
        extra: dict[str, None] = {}
        for row in self.rows:
            extra.update(dict.fromkeys(k for k in row if k not in known))
        inferred = (
            pa.Table.from_pylist([{k: row.get(k) for k in extra} for row in self.rows]).schema
            if extra
            else None
        )
        fields = []
        for key in ("id", *(k for k in RECORD_KEYS if k != "id"), *(k for k in extra if k != "id")):
            if key in known:
                fields.append(pa.field(key, known[key]))
            else:
                kind = inferred.field(key).type if inferred is not None else pa.string()
                fields.append(pa.field(key, pa.string() if pa.types.is_null(kind) else kind))
        return pa.schema(fields)

    def _write_rows(self) -> None:
        if not self.rows:
            return
        if self.writer is None:
            self.schema = self._make_schema()
            self.writer = self.parquet.ParquetWriter(self.path, self.schema)
        unknown = {k for row in self.rows for k in row} - set(self.schema.names)
        if unknown:
            raise ValueError(
                f"fields {sorted(unknown)} appear after the first rows; Parquet needs them from the start"
            )
        try:
            table = self.pa.Table.from_pylist(self.rows, schema=self.schema)
        except (self.pa.ArrowInvalid, self.pa.ArrowTypeError) as err:
            raise ValueError(f"a value does not fit its Parquet column: {err}") from err
        self.writer.write_table(table, row_group_size=self.row_group_size)
        self.rows = []

    def close(self) -> None:
        try:
            self._write_rows()
        finally:
            if self.writer is None:  # no rows at all: an empty file with the record columns
                self.schema = self._make_schema()
                self.writer = self.parquet.ParquetWriter(self.path, self.schema)
            self.writer.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
