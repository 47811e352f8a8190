"""Stream JSONL records through the pipeline: one result line per input record, in input
order, in parallel, with flat memory, written atomically and resumable after a crash.

The command ``cleaner batch`` is a thin shell over :func:`run_batch`; library users can call
it too. Per record, :class:`RecordCleaner` turns one input line into one output dict (an
``ok`` result or an ``error`` with the line number); :func:`run_batch` reads, fans the lines
out to worker processes in bounded chunks and writes the results back in order.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
import logging
import math
import multiprocessing
import os
import queue
import re
import signal
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeoutError  # the built-in one from Python 3.11
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path
from typing import IO, Any

from cleaner import __version__, provenance
from cleaner.config import CleanerConfig, stable_repr
from cleaner.document import RECORD_KEYS, Document
from cleaner.options import ConfigError
from cleaner.pipeline import Pipeline
from cleaner.provenance import ResumeError
from cleaner.records import document_from, open_jsonl

__all__ = [
    "OUTPUT_KEYS",
    "BatchSpec",
    "InputError",
    "Progress",
    "RecordCleaner",
    "ResumeError",
    "Summary",
    "WorkerError",
    "check_paths",
    "default_workers",
    "encode_record",
    "numbered_lines",
    "open_input",
    "retry_failed_translations",
    "run_batch",
]

logger = logging.getLogger(__name__)

# Keys of every output record (the record schema of cleaner.document); ``--keep-fields``
# may not reuse them.
OUTPUT_KEYS = RECORD_KEYS
GZIP_MAGIC = b"\x1f\x8b"
FLUSH_SECONDS = 1.0  # how much finished work a hard kill can lose (it is redone on --resume)
# With workers: how long the oldest chunk in flight may take before the run stops (a stopped
# or hung worker). Generous: a chunk of 16 records translated by a slow provider, with its
# 120 s deadline per article, still fits.
DEFAULT_CHUNK_TIMEOUT = 600.0
STARTUP_TIMEOUT = 300.0  # how long the workers may take to start (build their pipelines)
WORKER_EXIT_SECONDS = 10.0  # after the last result: how long idle workers may take to exit
WORKER_SETTLE_SECONDS = 5.0  # after a worker died: how long the pool may take to join the others


@dataclass(frozen=True, kw_only=True)
class BatchSpec:
    """What to do with each record. Picklable: it is sent once to each worker process,
    which builds its pipeline from it once.

    Args:
        config: the pipeline's options.
        text_field: the record field holding the article text.
        id_field: the record field holding its id (copied to the output and used to
            check a resumed run against its input); ``None``: records are known by line.
        keep_fields: record fields copied unchanged into the output (``null`` if missing).
        metadata_fields: record fields copied into ``Document.metadata`` so that steps can
            read them (e.g. a URL or site for a per-site filter); they also appear in the
            output's ``metadata``.
        steps: extra filters or steps (picklable), run after the configured filters and
            before language detection and translation. This is the extension point for
            corpus-level filters such as a site profile (issue 5).
        edits: include the per-line edits (Unicode repairs) in the output.

    >>> BatchSpec(keep_fields=("url",)).pipeline().names[-1]
    'detect_language'
    """

    config: CleanerConfig = field(default_factory=CleanerConfig)
    text_field: str = "text"
    id_field: str | None = None
    keep_fields: tuple[str, ...] = ()
    metadata_fields: tuple[str, ...] = ()
    steps: tuple[Any, ...] = ()
    edits: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "keep_fields", tuple(self.keep_fields))
        object.__setattr__(self, "metadata_fields", tuple(self.metadata_fields))
        object.__setattr__(self, "steps", tuple(self.steps))
        clash = set(self.keep_fields) & set(OUTPUT_KEYS)
        if clash:
            raise ValueError(
                f"--keep-fields {sorted(clash)} would overwrite output keys; output keys are {list(OUTPUT_KEYS)}"
            )

    def replace(self, **changes: Any) -> BatchSpec:
        return dataclasses.replace(self, **changes)

    def describe(self) -> dict[str, Any]:
        """The record options as plain data, for the output's meta file (the configuration
        is recorded on its own). A step is known by its ``fingerprint()`` if it has one (a
        site-profile filter: its options and a hash of its profile), else by its ``repr``.

        >>> BatchSpec(id_field="id").describe()["id_field"]
        'id'
        """
        return {
            "text_field": self.text_field,
            "id_field": self.id_field,
            "keep_fields": list(self.keep_fields),
            "metadata_fields": list(self.metadata_fields),
            "edits": self.edits,
            "steps": [_step_fingerprint(step) for step in self.steps],
        }

    def pipeline(self) -> Pipeline:
        """The configured pipeline with ``steps`` inserted before detection and translation."""
        pipeline = self.config.pipeline()
        for step in self.steps:
            anchor = next((n for n in ("detect_language", "translate") if n in pipeline.names), None)
            pipeline = pipeline.with_step(step, before=anchor) if anchor else pipeline.with_step(step)
        return pipeline


def _step_fingerprint(step: Any) -> str:
    fingerprint = getattr(step, "fingerprint", None)
    if callable(fingerprint):
        return str(fingerprint())
    return stable_repr(step)


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "an array", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


class RecordCleaner:
    """Turns input lines into output records; builds its pipeline lazily, once.

    Only the :class:`BatchSpec` is pickled, so an instance can be sent to other processes.

    >>> cleaner = RecordCleaner(BatchSpec(id_field="id", config=CleanerConfig(detect_language=False)))
    >>> out = cleaner.clean_line(1, b'{"id": 7, "text": "Advertisement\\\\nThe minister resigned."}')
    >>> out["status"], out["id"], out["text"], [r["reason"] for r in out["removed"]]
    ('ok', 7, 'The minister resigned.', ['advertisement'])
    >>> cleaner.clean_line(2, b'{"id": 8}')["error"]
    "missing field 'text'"
    """

    def __init__(self, spec: BatchSpec) -> None:
        self.spec = spec
        self._pipeline: Pipeline | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"spec": self.spec}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["spec"])  # type: ignore[misc]

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = self.spec.pipeline()
        return self._pipeline

    # -- parsing ---------------------------------------------------------------------------

    def parse(self, line_no: int | None, raw: bytes | str) -> tuple[dict[str, Any], Document | None]:
        """Read one JSON line: the output skeleton, and the document to clean (``None`` on error)."""
        try:
            record = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as err:
            return _fail({"id": None, "line": line_no, "status": "ok"}, f"invalid JSON: {err}"), None
        return self.prepare(line_no, record)

    def prepare(self, line_no: int | None, record: Any) -> tuple[dict[str, Any], Document | None]:
        """Check one parsed record: the output skeleton, and the document (``None`` on error)."""
        out: dict[str, Any] = {"id": None, "line": line_no, "status": "ok"}
        if not isinstance(record, Mapping):
            return _fail(out, f"expected a JSON object, got {_type_name(record)}"), None
        spec = self.spec
        for name in spec.keep_fields:
            if name == "*":  # every input field; one named like a record key as input_<name>
                out.update({f"input_{k}" if k in RECORD_KEYS else k: v for k, v in record.items()})
            else:
                out[name] = record.get(name)
        if spec.id_field is not None:
            if spec.id_field not in record:
                return _fail(out, f"missing id field {spec.id_field!r}"), None
            out["id"] = record[spec.id_field]
        if spec.text_field not in record:
            return _fail(out, f"missing field {spec.text_field!r}"), None
        text = record[spec.text_field]
        if not isinstance(text, str):
            return _fail(out, f"field {spec.text_field!r} is {_type_name(text)}, expected a string"), None
        metadata = {name: record[name] for name in spec.metadata_fields if name in record}
        doc_id = "" if out["id"] is None else str(out["id"])
        try:
            doc = document_from(text, id=doc_id, metadata=metadata)  # HTML: through trafilatura first
        except Exception as err:  # noqa: BLE001 - one bad record must not stop the run
            return _fail(out, f"{type(err).__name__}: {err}"), None
        return out, doc

    # -- cleaning --------------------------------------------------------------------------

    def clean_line(self, line_no: int, raw: bytes | str) -> dict[str, Any]:
        """One input line in, one output record out (never raises for bad data)."""
        return self.clean_lines([(line_no, raw)])[0]

    def clean_lines(self, lines: Sequence[tuple[int, bytes | str]]) -> list[dict[str, Any]]:
        """Clean a chunk of ``(line_number, json_line)`` pairs, in order."""
        return self._clean([self.parse(line_no, raw) for line_no, raw in lines])

    def clean_records(
        self, records: Iterable[Any], *, lines: Iterable[int | None] | None = None
    ) -> list[dict[str, Any]]:
        """Clean parsed records (mappings), in order; ``lines`` numbers them in the output."""
        numbers = lines if lines is not None else itertools.repeat(None)
        return self._clean([self.prepare(n, r) for n, r in zip(numbers, records)])

    def _clean(self, prepared: list[tuple[dict[str, Any], Document | None]]) -> list[dict[str, Any]]:
        todo = [(out, doc) for out, doc in prepared if doc is not None]
        # A chunk at once: steps that wait on the network (translation) work on all of it.
        results = self.pipeline.many([doc for _, doc in todo], errors="return")
        for (out, _), result in zip(todo, results):
            if isinstance(result, Document):
                self._fill(out, result)
            else:
                logger.debug("record at line %s failed", out["line"], exc_info=result)
                _fail(out, f"{type(result).__name__}: {result}")
        return [out for out, _ in prepared]

    def _fill(self, out: dict[str, Any], doc: Document) -> None:
        """The record of ``doc`` (see :meth:`Document.to_record`) with the input's id and
        line, followed by the kept fields."""
        record = doc.to_record(line=out["line"], edits=self.spec.edits)
        record["id"] = out["id"]
        kept = {k: v for k, v in out.items() if k not in RECORD_KEYS}
        out.clear()
        out.update(record)
        out.update(kept)


def _fail(out: dict[str, Any], message: str) -> dict[str, Any]:
    out["status"] = "error"
    out["error"] = message
    return out


# -- encoding ----------------------------------------------------------------------------

_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def encode_record(out: Mapping[str, Any]) -> bytes:
    """One output line: standard JSON in UTF-8, whatever the record holds.

    Lone surrogates (JSON input may escape them, ``"\\udc00"``; UTF-8 cannot hold them) are
    written as the same JSON escapes, so they read back as they came. ``NaN`` and
    ``Infinity`` (Python's JSON reader takes them; standard JSON has neither) are written as
    ``null``, as JavaScript's ``JSON.stringify`` does.

    >>> encode_record({"id": "\\udc00", "score": float("nan"), "text": "café"})
    b'{"id": "\\\\udc00", "score": null, "text": "caf\\xc3\\xa9"}\\n'
    """
    try:
        text = json.dumps(out, ensure_ascii=False, allow_nan=False, default=str)
    except ValueError:  # a NaN or an infinity somewhere (a kept field, metadata)
        text = json.dumps(_finite(out), ensure_ascii=False, allow_nan=False, default=str)
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:
        # A surrogate can only sit inside a JSON string here: its escape means the same.
        return (_SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n").encode("utf-8")


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


# -- summary and progress ----------------------------------------------------------------


@dataclass
class Summary:
    """Counts over a run: records, errors, removals per ``filter.reason``, languages, and
    the records whose translation failed (cleaned, but to be translated again: see
    :func:`retry_failed_translations`).

    Summaries add up (``a.merge(b)``), so workers' partial counts combine.

    >>> s = Summary()
    >>> s.add({"status": "ok", "language": "en", "removed": [{"filter": "bylines", "reason": "byline"}]})
    >>> s.add({"status": "error", "line": 3, "error": "invalid JSON"})
    >>> s.add({"status": "ok", "line": 4, "translation": {"status": "failed", "reason": "timeout"}})
    >>> s.records, s.errors, dict(s.reasons), dict(s.languages), s.translation_failures
    (3, 1, {'bylines.byline': 1}, {'en': 1}, 1)
    """

    records: int = 0
    errors: int = 0
    resumed: int = 0
    seconds: float = 0.0
    reasons: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    translations: Counter[str] = field(default_factory=Counter)
    first_errors: list[tuple[int, str]] = field(default_factory=list)
    translation_failures: int = 0
    first_translation_failures: list[tuple[int, str]] = field(default_factory=list)

    MAX_ERRORS_SHOWN = 10

    def add(self, out: Mapping[str, Any]) -> None:
        self.records += 1
        if out.get("status") != "ok":
            self.errors += 1
            if len(self.first_errors) < self.MAX_ERRORS_SHOWN:
                self.first_errors.append((int(out.get("line") or 0), str(out.get("error", ""))))
            return
        for removal in out.get("removed") or ():
            self.reasons[f"{removal['filter']}.{removal['reason']}"] += 1
        if out.get("language") is not None:  # None: detection was not asked for
            self.languages[str(out["language"])] += 1
        translation = out.get("translation")
        if translation:
            self.translations[f"{translation.get('status')}:{translation.get('reason') or 'ok'}"] += 1
            if translation.get("status") == "failed":
                self.translation_failures += 1
                if len(self.first_translation_failures) < self.MAX_ERRORS_SHOWN:
                    why = f"{translation.get('reason')}: {translation.get('message') or ''}".rstrip(": ")
                    self.first_translation_failures.append((int(out.get("line") or 0), why))

    def merge(self, other: Summary) -> None:
        self.records += other.records
        self.errors += other.errors
        self.resumed += other.resumed
        self.reasons.update(other.reasons)
        self.languages.update(other.languages)
        self.translations.update(other.translations)
        room = self.MAX_ERRORS_SHOWN - len(self.first_errors)
        self.first_errors.extend(other.first_errors[: max(room, 0)])
        self.translation_failures += other.translation_failures
        room = self.MAX_ERRORS_SHOWN - len(self.first_translation_failures)
        self.first_translation_failures.extend(other.first_translation_failures[: max(room, 0)])

    def state(self) -> dict[str, Any]:
        """Everything but the time, as plain data (kept in the output's meta file, so a
        resumed run reports the whole output without reading it again)."""
        return {
            "records": self.records,
            "errors": self.errors,
            "reasons": dict(self.reasons),
            "languages": dict(self.languages),
            "translations": dict(self.translations),
            "first_errors": [list(item) for item in self.first_errors],
            "translation_failures": self.translation_failures,
            "first_translation_failures": [list(item) for item in self.first_translation_failures],
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> Summary:
        """The summary :meth:`state` describes.

        >>> s = Summary(records=2, errors=1, first_errors=[(3, "bad")], translation_failures=1)
        >>> Summary.from_state(s.state()) == s
        True
        """
        return cls(
            records=int(state.get("records", 0)),
            errors=int(state.get("errors", 0)),
            reasons=Counter(state.get("reasons", {})),
            languages=Counter(state.get("languages", {})),
            translations=Counter(state.get("translations", {})),
            first_errors=[(int(line), str(error)) for line, error in state.get("first_errors", [])],
            translation_failures=int(state.get("translation_failures", 0)),
            first_translation_failures=[
                (int(line), str(why)) for line, why in state.get("first_translation_failures", [])
            ],
        )

    def save(self, path: str | Path) -> None:
        """Write :meth:`to_dict` as JSON (error messages with lone surrogates are escaped)."""
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
        text = _SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
        Path(path).write_text(text + "\n", encoding="utf-8")

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "ok": self.records - self.errors,
            "errors": self.errors,
            "resumed": self.resumed,
            "seconds": round(self.seconds, 3),
            "records_per_second": round((self.records - self.resumed) / self.seconds, 1)
            if self.seconds
            else None,
            "removed": dict(self.reasons.most_common()),
            "languages": dict(self.languages.most_common()),
            "translations": dict(self.translations.most_common()),
            "first_errors": [{"line": line, "error": error} for line, error in self.first_errors],
            "translation_failures": self.translation_failures,
            "first_translation_failures": [
                {"line": line, "error": error} for line, error in self.first_translation_failures
            ],
        }

    def format(self) -> str:
        """Human-readable lines for stderr."""
        data = self.to_dict()
        rate = f", {data['records_per_second']} records/s" if data["records_per_second"] else ""
        resumed = f" ({self.resumed} kept from the interrupted run)" if self.resumed else ""
        head = f"cleaner batch: {self.records} records{resumed} in {self.seconds:.1f} s{rate}: {data['ok']} ok, {self.errors} errors"
        lines = [head]
        for line, error in self.first_errors:
            lines.append(f"  error at line {line}: {error}")
        if self.errors > len(self.first_errors):
            lines.append(f"  ... and {self.errors - len(self.first_errors)} more errors")
        if self.translation_failures:
            lines.append(f"translation failed for {self.translation_failures} records (--retry-failed tries them again):")
            lines.extend(f"  line {line}: {why}" for line, why in self.first_translation_failures)
            if self.translation_failures > len(self.first_translation_failures):
                lines.append(f"  ... and {self.translation_failures - len(self.first_translation_failures)} more")

        def counts(title: str, counter: Counter[str]) -> None:
            if counter:
                lines.append(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))

        counts("languages", self.languages)
        counts("removed", self.reasons)
        counts("translations", self.translations)
        return "\n".join(lines)


class Progress:
    """A one-line progress display (records, records/s, errors), redrawn at most 4 times a
    second. No dependency: a carriage return and a padded line are all a terminal needs."""

    def __init__(self, stream: IO[str], *, interval: float = 0.25) -> None:
        self.stream = stream
        self.interval = interval
        self.start = time.monotonic()
        self.last = 0.0
        self.width = 0

    def update(self, records: int, errors: int, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < self.interval:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        text = f"cleaner: {records} records, {records / elapsed:.1f} records/s, {errors} errors"
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        if self.width:
            self.stream.write("\n")
            self.stream.flush()


# -- input and output ----------------------------------------------------------------------


class InputError(RuntimeError):
    """The input could not be read to its end (a truncated or corrupt compressed file, a
    read error). The records before the break were written."""


class WorkerError(RuntimeError):
    """A worker process died, failed or stopped answering. ``lines`` is the range of input
    lines that were in flight; the records before it were written."""

    def __init__(self, message: str, lines: tuple[int, int]) -> None:
        super().__init__(message)
        self.lines = lines


def open_input(path: str | Path) -> IO[bytes]:
    """Any input as JSON lines (see :func:`cleaner.records.open_jsonl`): JSONL plain, gzip
    or zstd (``-``: standard input), Parquet, a folder of ``.txt``/``.html`` files."""
    return open_jsonl(path)


def numbered_lines(stream: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """``(line_number, line)`` for each non-blank line, numbered from 1 like an editor.

    >>> list(numbered_lines([b'{"a": 1}\\n', b"\\n", b'{"a": 2}']))
    [(1, b'{"a": 1}\\n'), (3, b'{"a": 2}')]
    """
    for number, line in enumerate(stream, 1):
        if line.strip():
            yield number, line


@dataclass(frozen=True)
class _Position:
    """How far the input was read: lines, bytes (uncompressed) and a hash of those bytes."""

    lines: int
    offset: int
    hasher: Any

    def as_dict(self) -> dict[str, Any]:
        return {"input_lines": self.lines, "input_bytes": self.offset, "input_hash": self.hasher.hexdigest()}


class _Reader:
    """The input's non-blank lines, numbered like :func:`numbered_lines`, hashed as they are
    read. A read error (a truncated or corrupt gzip stream) ends the lines; it is kept in
    ``error`` so that the records before it are written first."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.lines = 0
        self.offset = 0
        self.hasher = blake2b(digest_size=16)
        self.error: Exception | None = None
        self.finished = False  # read to its end (or to a break)

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        update = self.hasher.update
        try:
            for raw in self.stream:
                self.lines += 1
                self.offset += len(raw)
                update(raw)
                if raw.strip():
                    yield self.lines, raw
        except (EOFError, OSError, zlib.error) as err:
            self.error = err
        self.finished = True

    def skip(self, lines: int) -> None:
        """Read (and hash) the first ``lines`` lines without yielding them."""
        try:
            while self.lines < lines:
                raw = self.stream.readline()
                if not raw:
                    return
                self.lines += 1
                self.offset += len(raw)
                self.hasher.update(raw)
        except (EOFError, OSError, zlib.error) as err:
            self.error = err

    def position(self) -> _Position:
        return _Position(self.lines, self.offset, self.hasher.copy())


class _Sink:
    """The output file, written in bytes. :meth:`checkpoint` pushes what was written to the
    file and returns its length; a resumed run truncates the file there and appends. A
    gzipped output is a series of complete gzip members, one per checkpoint (gzip readers
    read them as one stream), so that it can be cut at a checkpoint and continued."""

    def __init__(self, path: Path | None, *, gz: bool = False, keep: int | None = None) -> None:
        if path is None:
            self.file: IO[bytes] = sys.stdout.buffer
        elif keep is None:
            self.file = open(path, "wb")  # noqa: SIM115 - closed by close()
        else:
            self.file = open(path, "r+b")  # noqa: SIM115
            self.file.truncate(keep)
            self.file.seek(keep)
        self.stdout = path is None
        self.gz = gz
        self._deflate: Any = None

    def write(self, lines: list[bytes]) -> None:
        data = b"".join(lines)
        if self.gz:
            if self._deflate is None:
                self._deflate = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: a gzip member
            data = self._deflate.compress(data)
        self._write(data)

    def _write(self, data: bytes) -> None:
        # A large write can be cut short (a pipe closed, a disk filling) and still return:
        # write the rest, so that the cause is raised instead of the bytes silently lost.
        view = memoryview(data)
        while view:
            view = view[self.file.write(view) :]

    def checkpoint(self) -> int:
        if self._deflate is not None:
            self._write(self._deflate.flush())  # the member's end: what follows is a new one
            self._deflate = None
        self.file.flush()
        return 0 if self.stdout else self.file.tell()

    def close(self) -> None:
        if self.file.closed:
            return
        try:
            if self.gz and not self.stdout and self.file.tell() == 0:
                self.write([])  # an empty output is still one (empty) gzip member
            self.checkpoint()
        finally:
            if not self.stdout:
                self.file.close()


def _partial_path(out: Path) -> Path:
    return out.with_name(out.name + ".part")


def check_paths(source: str | Path, output: str | Path, *, summary: str | Path | None = None) -> None:
    """Refuse, before any work, an output that would destroy the input or cannot be written:
    the input itself (also through a symbolic or hard link), a directory, a file in a folder
    that is missing or not writable. The same for a ``summary`` file. Raises ``ValueError``.
    """
    named: list[tuple[str, Path]] = []
    if str(output) != "-":
        final = Path(output)
        named.append(("output", final))
        for path in (_partial_path(final), provenance.meta_path(final)):
            _not_the_input(source, "output", path)
    if summary is not None:
        named.append(("summary", Path(summary)))
    for what, path in named:
        _not_the_input(source, what, path)
        if path.is_dir():
            raise ValueError(f"the {what} {path} is a directory; give a file name")
        folder = path.parent
        if not folder.is_dir():
            raise ValueError(f"cannot write the {what} {path}: the folder {folder} does not exist")
        try:  # a real attempt: permissions, read-only file systems, and root alike
            fd, probe = tempfile.mkstemp(prefix=".cleaner-", dir=folder)
            os.close(fd)
            os.unlink(probe)
        except OSError as err:
            raise ValueError(f"cannot write the {what} {path}: {err.strerror or err}") from None


def _not_the_input(source: str | Path, what: str, path: Path) -> None:
    if str(source) == "-" or not path.exists():
        return
    try:
        same = os.path.samefile(source, path)
    except OSError:
        return
    if same:
        raise ValueError(f"the {what} {path} is the input {source}: refusing to overwrite it")


# -- running -----------------------------------------------------------------------------


def _chunks(reader: _Reader, size: int) -> Iterator[tuple[list[tuple[int, bytes]], _Position]]:
    """Chunks of lines, each with the input position just after its last line."""
    chunk: list[tuple[int, bytes]] = []
    for item in reader:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk, reader.position()
            chunk = []
    if chunk:
        yield chunk, reader.position()


_END = object()


def _read_ahead(chunks: Iterator[Chunk], *, size: int, idle: float) -> Generator[Chunk | None, None, None]:
    """``chunks`` read by a thread, at most ``size`` ahead; ``None`` each time none came for
    ``idle`` seconds (a slow pipe), so that the caller can still collect finished work and
    write a checkpoint instead of waiting for input with results in hand."""
    box: queue.Queue[Any] = queue.Queue(size)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                box.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for chunk in chunks:
                if not put(chunk):
                    return
            put(_END)
        except BaseException as err:  # noqa: BLE001 - handed to the consumer, which raises it
            put(err)

    thread = threading.Thread(target=produce, name="cleaner-reader", daemon=True)
    thread.start()
    try:
        while True:
            try:
                item = box.get(timeout=idle)
            except queue.Empty:
                yield None
                continue
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join(timeout=1.0)  # a thread blocked reading a pipe is a daemon: it goes at exit


_WORKER: RecordCleaner | None = None
_WORKER_ERROR = ""


def _stderr_logging() -> tuple[int, logging.Formatter | None] | None:
    """How this process shows the package's logs on stderr (the CLI's handler), if it does,
    so that worker processes, which start without it, show theirs the same way."""
    for handler in logging.getLogger("cleaner").handlers:
        if isinstance(handler, logging.StreamHandler) and getattr(handler, "stream", None) is sys.stderr:
            return handler.level, handler.formatter
    return None


def _init_worker(
    spec: BatchSpec,
    parent: int,
    stderr_logging: tuple[int, logging.Formatter | None] | None = None,
    started: Any = None,
) -> None:
    # Ctrl-C reaches the whole process group: let the parent decide, so a chunk is never
    # half-written; the parent cancels what is queued and keeps the partial output.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if stderr_logging is not None:  # warnings raised here (a corrupt cache...) reach the user too
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(stderr_logging[0])
        handler.setFormatter(stderr_logging[1])
        logging.getLogger("cleaner").addHandler(handler)
    threading.Thread(
        target=_exit_with_parent, args=(parent,), name="cleaner-parent-watch", daemon=True
    ).start()
    global _WORKER, _WORKER_ERROR
    try:
        worker = RecordCleaner(spec)
        worker.pipeline  # noqa: B018 - build it now, once per process, not inside the first chunk
        _WORKER = worker
    except Exception as err:  # noqa: BLE001 - reported with the first chunk, not as a dead pool
        _WORKER_ERROR = f"{type(err).__name__}: {err}"
    if started is not None:  # the parent's chunk clock runs once a worker is ready
        with started.get_lock():
            started.value += 1


def _exit_with_parent(parent: int, interval: float = 1.0) -> None:
    """End this worker once the parent is gone (``kill -9`` of the parent alone would
    otherwise leave workers waiting for tasks forever)."""
    while True:
        time.sleep(interval)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # pragma: no cover - the pid now belongs to someone else
            os._exit(1)


def _clean_chunk(chunk: list[tuple[int, bytes]]) -> tuple[list[bytes], Summary]:
    if _WORKER is None:
        raise RuntimeError(f"the worker could not build its pipeline: {_WORKER_ERROR}")
    return _encode(_WORKER.clean_lines(chunk))


def _encode(outs: list[dict[str, Any]]) -> tuple[list[bytes], Summary]:
    summary = Summary()
    lines = []
    for out in outs:
        summary.add(out)
        lines.append(encode_record(out))
    return lines, summary


Chunk = tuple[list[tuple[int, bytes]], _Position]
Done = tuple[_Position, list[bytes], Summary]


def _results(
    cleaner: RecordCleaner | None,
    spec: BatchSpec,
    chunks: Iterator[Chunk | None],
    workers: int,
    timeout: float | None,
    pool: tuple[ProcessPoolExecutor, Any] | None = None,
) -> Generator[Done | None, None, None]:
    """Cleaned chunks in input order. At most ``4 * workers`` chunks are in flight; a chunk
    whose result takes longer than ``timeout`` seconds to come stops the run. ``None`` from
    ``chunks`` (no input for a while) is passed on after the finished results. With more
    than one worker, ``pool`` is the pool :func:`_start_pool` started (or one is started)."""
    if workers <= 1:
        local = cleaner or RecordCleaner(spec)
        for item in chunks:
            yield None if item is None else (item[1], *_encode(local.clean_lines(item[0])))
        return
    pool, started = pool or _start_pool(spec, workers)
    pending: deque[tuple[list[tuple[int, bytes]], _Position, Future[tuple[list[bytes], Summary]]]] = deque()
    processes: dict[int, Any] = {}
    finished = False
    try:
        for item in chunks:
            if item is None:
                while pending and pending[0][2].done():
                    yield _collect(pending, timeout, processes, started, pool)
                yield None
                continue
            lines, position = item
            try:
                future = pool.submit(_clean_chunk, lines)
            except BrokenProcessPool:
                pending.append((lines, position, _broken_future()))
                break
            pending.append((lines, position, future))
            processes.update(getattr(pool, "_processes", None) or {})  # to say which one failed
            if len(pending) >= 4 * workers:
                yield _collect(pending, timeout, processes, started, pool)
        while pending:
            yield _collect(pending, timeout, processes, started, pool)
        finished = True
    finally:
        if finished:
            # Every result is in, but an idle worker may be stopped (SIGSTOP) or hung: it
            # would never take its exit order, and shutdown() would wait for it forever.
            pool.shutdown(wait=False, cancel_futures=True)
            _reap(processes, grace=WORKER_EXIT_SECONDS)
        else:
            # A stopped, dead or failed worker, or an interrupt: what is in flight is
            # discarded anyway, and a stopped process would never let shutdown() return.
            for process in processes.values():
                with contextlib.suppress(Exception):
                    process.kill()
        pool.shutdown(wait=True, cancel_futures=True)


def _start_pool(spec: BatchSpec, workers: int) -> tuple[ProcessPoolExecutor, Any]:
    """A pool of ``workers`` processes, each told to start now: they import the package and
    build their pipelines while the parent builds its own and opens the files (a pool starts
    a process only when a task comes). Also returns the count of workers ready."""
    # forkserver: workers start from a clean process, not a fork of one that may hold
    # threads (translation pools, a progress display) and their locks.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    started = context.Value("i", 0)
    pool = ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(spec, os.getpid(), _stderr_logging(), started),
    )
    for _ in range(workers):
        pool.submit(_ready)
    return pool, started


def _ready() -> None:
    """A worker's first task: nothing (its initializer built the pipeline)."""


def _reap(processes: Mapping[int, Any], *, grace: float) -> None:
    """Give the workers ``grace`` seconds to exit, then kill those still there."""
    deadline = time.monotonic() + grace
    left = dict(processes)
    while left:
        for pid in [pid for pid in left if not _exists(pid)]:
            del left[pid]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    for pid, process in left.items():
        logger.warning("worker process %s did not exit after the run%s; killed", pid, _workers_state({pid: process}))
        with contextlib.suppress(Exception):
            process.kill()


def _exists(pid: int) -> bool:
    """Whether a process is still there (its parent, the forkserver, reaps it at once)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - the pid now belongs to someone else
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _broken_future() -> Future[Any]:
    future: Future[Any] = Future()
    future.set_exception(BrokenProcessPool("the pool stopped before this chunk was sent"))
    return future


def _collect(
    pending: deque[tuple[list[tuple[int, bytes]], _Position, Future[tuple[list[bytes], Summary]]]],
    timeout: float | None,
    processes: Mapping[int, Any],
    started: Any,
    pool: ProcessPoolExecutor | None = None,
) -> Done:
    lines, position, future = pending[0]
    in_flight = (pending[0][0][0][0], pending[-1][0][-1][0])
    span = f"{lines[0][0]}-{lines[-1][0]}"
    try:
        result = _wait(future, timeout, started)
    except TimeoutError as err:
        raise WorkerError(
            f"a worker process stopped answering: {err} for the records of input lines {span}"
            f"{_workers_state(processes)}; lines {in_flight[0]}-{in_flight[1]} were in flight",
            in_flight,
        ) from None
    except BrokenProcessPool:
        if pool is not None:
            _settle(pool)
        raise WorkerError(
            f"a worker process died{_workers_state(processes)} while the records of input lines "
            f"{in_flight[0]}-{in_flight[1]} were in flight",
            in_flight,
        ) from None
    except Exception as err:
        raise WorkerError(
            f"a worker process failed on the records of input lines {span}: {type(err).__name__}: {err}",
            in_flight,
        ) from err
    pending.popleft()
    return (position, *result)


def _wait(future: Future[Any], timeout: float | None, started: Any) -> Any:
    """The future's result; ``TimeoutError`` once it took ``timeout`` seconds counted while
    a worker was ready (starting the workers, which builds their pipelines, does not count;
    it has its own limit, ``max(timeout, STARTUP_TIMEOUT)``)."""
    if timeout is None:
        return future.result()
    waited = 0.0
    starting = 0.0
    while True:
        begin = time.monotonic()
        try:
            return future.result(timeout=min(timeout, 0.5))
        except FutureTimeoutError:
            spent = time.monotonic() - begin
            if started.value:
                waited += spent
            else:
                starting += spent
            if waited >= timeout:
                raise TimeoutError(f"no result in {timeout:g} s") from None
            if starting >= max(timeout, STARTUP_TIMEOUT):
                raise TimeoutError(f"no worker started in {max(timeout, STARTUP_TIMEOUT):g} s") from None


def _settle(pool: ProcessPoolExecutor, timeout: float = WORKER_SETTLE_SECONDS) -> None:
    """Let a broken pool's manager thread finish before the workers' exit codes are read: it
    fails the futures first, then joins the workers, reading each one's status from the
    forkserver; a second reader at the same time may find the status gone and take 255 for
    it (a worker killed by SIGKILL reported as "exited with status 255"). A stopped worker
    would keep that join waiting: after ``timeout`` seconds the codes are read anyway."""
    waiter = threading.Thread(target=pool.shutdown, kwargs={"wait": True, "cancel_futures": True}, daemon=True)
    waiter.start()
    waiter.join(timeout)


def _workers_state(processes: Mapping[int, Any]) -> str:
    """`` (pid 12, killed by SIGKILL)``: what is known of the workers that are not running."""
    found = []
    for pid, process in processes.items():
        code = process.exitcode
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            found.append(f"pid {pid} killed by {name}")
        elif code is not None:
            found.append(f"pid {pid} exited with status {code}")
        elif _stopped(pid):
            found.append(f"pid {pid} is stopped (SIGSTOP)")
    return f" ({', '.join(found)})" if found else ""


def _stopped(pid: int) -> bool:
    try:  # Linux: the state letter after the command name in /proc/PID/stat
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("T", "t")
    except (OSError, IndexError):
        return False


def default_workers() -> int:
    """The cores this process may use (its CPU affinity where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def run_batch(
    source: str | Path,
    output: str | Path,
    spec: BatchSpec | None = None,
    *,
    workers: int | None = None,
    chunk_size: int = 16,
    resume: bool = False,
    progress: Progress | None = None,
    on_chunk: Callable[[Summary], None] | None = None,
    chunk_timeout: float | None = DEFAULT_CHUNK_TIMEOUT,
) -> Summary:
    """Clean every record of the JSONL ``source`` into ``output`` (``-``: stdin/stdout).

    Before any record is read, the paths are checked (:func:`check_paths`) and the pipeline
    is built once (a configuration its steps refuse raises ``ConfigError``). The output goes
    to ``OUTPUT.part``, renamed to ``OUTPUT`` when complete, and ``OUTPUT.meta.json`` says
    what produced it (see :mod:`cleaner.provenance`); it is updated at least every second
    with a checkpoint. If the run stops (crash, kill, Ctrl-C), ``resume=True`` checks that
    the version, configuration, record options and input are the same, cuts the output back
    to its last checkpoint and appends the rest in place. A ``.gz`` output is gzipped; a
    gzipped input is recognised. With workers, a chunk whose result takes more than
    ``chunk_timeout`` seconds (``None``: no limit) stops the run.

    Raises:
        ResumeError: the partial output cannot be continued (the message says what differs).
        InputError: the input breaks midway; the records before the break were written.
        WorkerError: a worker died or stopped answering; the records before it were written.
        KeyboardInterrupt: after the partial output was flushed and closed.
        ValueError: bad paths or options (nothing was done).
    """
    spec = spec or BatchSpec()
    workers = workers if workers is not None else default_workers()
    if workers < 1 or chunk_size < 1:
        raise ValueError(f"workers and chunk_size must be at least 1, got {workers} and {chunk_size}")
    if chunk_timeout is not None and not chunk_timeout > 0:
        raise ValueError(f"chunk_timeout must be more than 0 seconds, got {chunk_timeout}")
    summary = Summary()
    started = time.monotonic()
    to_stdout = str(output) == "-"
    if resume and to_stdout:
        raise ValueError("--resume needs an output file, not standard output")
    check_paths(source, output)
    # The workers start first: their start-up overlaps the parent's own build below.
    pool = _start_pool(spec, workers) if workers > 1 else None
    try:
        cleaner: RecordCleaner | None = _built(spec)
        identity = provenance.input_identity(source)
        stream = open_input(source)
    except BaseException:
        if pool is not None:
            pool[0].shutdown(wait=False, cancel_futures=True)
        raise
    reader = _Reader(stream)
    try:
        record: dict[str, Any] = {
            "produced_by": {
                "cleaner": __version__,
                "config_fingerprint": spec.config.fingerprint(),
                "config": spec.config.to_mapping(),
                "records": spec.describe(),
            },
            "input": identity,
            "complete": False,
        }
        meta_file = final = partial = None
        if to_stdout:
            sink = _Sink(None)
        else:
            final = Path(output)
            partial = _partial_path(final)
            meta_file = provenance.meta_path(final)
            gz = final.name.endswith(".gz")
            previous = partial if partial.exists() else final if final.exists() else None
            if resume and previous is not None:
                kept = _resume(reader, source, previous, meta_file, record, final)
                summary = Summary.from_state(record["checkpoint"]["summary"])
                summary.resumed = summary.records
                if previous == final:
                    os.replace(final, partial)  # continue it in place
                sink = _Sink(partial, gz=gz, keep=kept)
            else:
                if partial.exists():
                    logger.warning(
                        "%s exists from an interrupted run; starting over (use --resume to continue)", partial
                    )
                sink = _Sink(partial, gz=gz)
        done = reader.position()

        def checkpoint(**state: Any) -> None:
            written = sink.checkpoint()
            if meta_file is not None:
                record["checkpoint"] = {**done.as_dict(), "output_bytes": written, "summary": summary.state()}
                record.update(state)
                provenance.save(meta_file, record)

        checkpoint()  # before any work: the meta file says what this output is
        if workers > 1:
            cleaner = None  # built only to check the configuration; workers build their own
        flushed = time.monotonic()
        chunks = _read_ahead(_chunks(reader, chunk_size), size=4 * workers, idle=FLUSH_SECONDS)
        results = _results(cleaner, spec, chunks, workers, chunk_timeout, pool)
        try:
            for item in results:
                if item is not None:
                    done, out_lines, part = item
                    sink.write(out_lines)
                    summary.merge(part)
                now = time.monotonic()
                if now - flushed > FLUSH_SECONDS:
                    checkpoint()  # gzip: a complete member, so a killed run's output still decodes
                    flushed = now
                if item is None:
                    continue
                if progress is not None:
                    progress.update(summary.records, summary.errors)
                if on_chunk is not None:
                    on_chunk(summary)
            if reader.error is not None:
                message = f"{type(reader.error).__name__}: {reader.error}"
                checkpoint(input_error=message)
            else:
                checkpoint(complete=True)
        except BaseException:
            with contextlib.suppress(Exception):  # keep every record written so far
                checkpoint()
            raise
        finally:
            results.close()
            chunks.close()
            sink.close()
            if progress is not None:
                progress.update(summary.records, summary.errors, force=True)
                progress.close()
        if final is not None and partial is not None:
            os.replace(partial, final)
        if reader.error is not None:
            where = f"; the {summary.records} records before it are in {final}" if final is not None else ""
            raise InputError(
                f"{source}: the input breaks after line {reader.lines} "
                f"({type(reader.error).__name__}: {reader.error}){where}"
            )
    finally:
        if str(source) != "-" or reader.finished:  # a pipe being read is left to the exit
            stream.close()
        if pool is not None:  # stopped by _results once it ran; here when the run stopped before
            pool[0].shutdown(wait=False, cancel_futures=True)
        summary.seconds = time.monotonic() - started
    return summary


def _built(spec: BatchSpec) -> RecordCleaner:
    """A record cleaner with its pipeline built: options its steps refuse stop the run here."""
    cleaner = RecordCleaner(spec)
    try:
        cleaner.pipeline  # noqa: B018
    except (ConfigError, OSError):
        raise
    except Exception as err:
        raise ConfigError(f"the pipeline cannot be built: {type(err).__name__}: {err}") from err
    return cleaner


def _resume(
    reader: _Reader, source: str | Path, previous: Path, meta_file: Path, record: dict[str, Any], final: Path
) -> int:
    """Check that ``previous`` can be continued by this run and skip the input it holds.
    Returns the output bytes to keep; puts the saved checkpoint in ``record``."""
    saved = provenance.load(meta_file)
    head_bytes = saved.get("input", {}).get("head_bytes", provenance.HEAD_BYTES)
    current = {**record, "input": provenance.input_identity(source, head_bytes=int(head_bytes or 0))}
    problems = provenance.differences(saved, current)
    if problems:
        raise ResumeError(f"cannot continue {final}: " + "; ".join(problems))
    point = saved["checkpoint"]
    try:
        lines, size, digest = int(point["input_lines"]), int(point["input_bytes"]), str(point["input_hash"])
        keep = int(point["output_bytes"])
        Summary.from_state(point["summary"])
    except (KeyError, TypeError, ValueError) as err:
        raise ResumeError(f"{meta_file} has a damaged checkpoint ({err!r}); run again without --resume") from None
    if saved.get("complete"):
        keep = previous.stat().st_size  # nothing follows the last record (--retry-failed may rewrite it)
    if previous.stat().st_size < keep:
        raise ResumeError(
            f"cannot continue {final}: {previous} has {previous.stat().st_size} bytes but its checkpoint "
            f"says {keep} were written (a system crash?); run again without --resume"
        )
    reader.skip(lines)
    if reader.lines < lines:
        broke = f" ({type(reader.error).__name__}: {reader.error})" if reader.error else ""
        raise ResumeError(f"cannot continue {final}: it holds records of {lines} input lines, the input has {reader.lines}{broke}")
    if reader.offset != size or reader.hasher.hexdigest() != digest:
        raise ResumeError(
            f"cannot continue {final}: the input's first {lines} lines are not the ones it was made from "
            "(their hash differs)"
        )
    record["checkpoint"] = point
    return keep


# -- translations that failed --------------------------------------------------------------


def retry_failed_translations(
    output: str | Path, spec: BatchSpec, *, chunk_size: int = 64, progress: Progress | None = None
) -> Summary:
    """Translate again the records of a finished ``output`` whose translation failed.

    A record's cleaned text and language come from the output itself, so nothing is
    cleaned twice; every other record is copied as it is. The file is rewritten through a
    temporary file that replaces it at the end. Returns the summary of the new output
    (records whose translation failed again are in ``translation_failures``).

    Raises:
        ValueError: no translation is configured, ``output`` is missing or standard
            output, or a run into it was interrupted (finish that with ``--resume``).
    """
    step: Any = next((s for s in spec.pipeline().steps if getattr(s, "name", None) == "translate"), None)
    if step is None:
        raise ValueError("--retry-failed needs the translation options of the run (--translate-to LANG, ...)")
    if str(output) == "-":
        raise ValueError("--retry-failed needs an output file, not standard output")
    final = Path(output)
    if _partial_path(final).exists():
        raise ValueError(f"{_partial_path(final)} is from an interrupted run: finish it with --resume first")
    if not final.exists():
        raise ValueError(f"{final} does not exist: there is nothing to retry")
    started = time.monotonic()
    summary = Summary()
    fresh = final.with_name(final.name + ".retry")
    sink = _Sink(fresh, gz=final.name.endswith(".gz"))
    try:
        with open_input(final) as source:
            lines = numbered_lines(source)
            while chunk := list(itertools.islice(lines, chunk_size)):
                records = []
                for number, raw in chunk:
                    try:
                        records.append(json.loads(raw))
                    except ValueError as err:
                        raise ValueError(f"{final} line {number} is not a JSON record: {err}") from None
                failed = [r for r in records if _translation_failed(r)]
                for record, doc in zip(failed, step.many([_document_of(r) for r in failed])):
                    record["translation"] = doc.translation.to_dict() if doc.translation else None
                for record in records:
                    summary.add(record)
                sink.write([encode_record(record) for record in records])
                if progress is not None:
                    progress.update(summary.records, summary.errors)
        sink.close()
        _rewritten(final, summary)
        os.replace(fresh, final)
    finally:
        sink.close()
        fresh.unlink(missing_ok=True)
        if progress is not None:
            progress.close()
        summary.seconds = time.monotonic() - started
    return summary


def _rewritten(final: Path, summary: Summary) -> None:
    """Bring the meta file of ``final`` up to date with its rewritten records (the input
    read is unchanged), so that ``--resume`` keeps every byte of the new file."""
    meta_file = provenance.meta_path(final)
    if not meta_file.exists():
        return
    record = provenance.load(meta_file)
    fresh = final.with_name(final.name + ".retry")
    record["checkpoint"] = {**record["checkpoint"], "output_bytes": fresh.stat().st_size, "summary": summary.state()}
    provenance.save(meta_file, {k: v for k, v in record.items() if k not in ("format", "version")})


def _translation_failed(record: Any) -> bool:
    translation = record.get("translation") if isinstance(record, dict) else None
    return record.get("status") == "ok" and isinstance(translation, dict) and translation.get("status") == "failed"


def _document_of(record: Mapping[str, Any]) -> Document:
    """The cleaned document an output record describes."""
    return Document.from_record(record)
