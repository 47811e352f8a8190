"""Stream JSONL records through the pipeline: one result line per input record, in input
order, in parallel, with flat memory, written atomically and resumable after a crash.

The command ``cleaner batch`` is a thin shell over :func:`run_batch`; library users can call
it too. Per record, :class:`RecordCleaner` turns one input line into one output dict (an
``ok`` result or an ``error`` with the line number); :func:`run_batch` reads, fans the lines
out to worker processes in bounded chunks and writes the results back in order.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import itertools
import json
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from cleaner.config import CleanerConfig
from cleaner.document import RECORD_KEYS, Document
from cleaner.pipeline import Pipeline
from cleaner.records import document_from, open_jsonl

__all__ = [
    "OUTPUT_KEYS",
    "BatchSpec",
    "Progress",
    "RecordCleaner",
    "ResumeError",
    "Summary",
    "default_workers",
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

    def pipeline(self) -> Pipeline:
        """The configured pipeline with ``steps`` inserted before detection and translation."""
        pipeline = self.config.pipeline()
        for step in self.steps:
            anchor = next((n for n in ("detect_language", "translate") if n in pipeline.names), None)
            pipeline = pipeline.with_step(step, before=anchor) if anchor else pipeline.with_step(step)
        return pipeline


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


def _open_output(path: Path, mode: str, *, gz: bool) -> IO[str]:
    if gz:
        return io.TextIOWrapper(cast(IO[bytes], gzip.open(path, mode + "b")), encoding="utf-8", newline="\n")
    return open(path, mode, encoding="utf-8", newline="\n")


def _partial_path(out: Path) -> Path:
    return out.with_name(out.name + ".part")


def _read_complete_records(path: Path, *, gz: bool) -> Iterator[tuple[str, dict[str, Any]]]:
    """Records of a possibly torn output file, stopping at the first incomplete one."""
    opener = gzip.open if gz else open
    try:
        with opener(path, "rb") as handle:
            for raw in handle:
                if not raw.endswith(b"\n"):
                    return
                try:
                    record = json.loads(raw)
                except ValueError:
                    return
                if not isinstance(record, dict) or not isinstance(record.get("line"), int):
                    return
                yield raw.decode("utf-8"), record
    except (EOFError, gzip.BadGzipFile, OSError) as err:
        # A killed gzip writer leaves a stream without its end: what decoded is kept.
        logger.info("partial output %s ends early (%s)", path, err)


class ResumeError(RuntimeError):
    """The partial output does not match the input it is said to continue."""


def _record_id(spec: BatchSpec, raw: bytes) -> Any:
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return record.get(spec.id_field) if isinstance(record, dict) and spec.id_field else None


def _resume(
    spec: BatchSpec,
    source: Path,
    lines: Iterator[tuple[int, bytes]],
    sink: IO[str],
    summary: Summary,
    *,
    gz: bool,
) -> None:
    """Copy the complete records of ``source`` to ``sink`` and advance ``lines`` past them.

    The output is in input order, so what was written is a prefix of the input: records are
    matched by line number, and by id when there is an id field.
    """
    for text, record in _read_complete_records(source, gz=gz):
        for line_no, raw in lines:
            if line_no == record["line"]:
                break
            if line_no > record["line"]:
                raise ResumeError(f"{source} has a record for line {record['line']}, which the input lacks")
        else:
            raise ResumeError(f"{source} has more records than the input (line {record['line']})")
        if spec.id_field and record.get("id") is not None and record["id"] != _record_id(spec, raw):
            raise ResumeError(
                f"{source} line {record['line']} has id {record['id']!r} but the input has "
                f"{_record_id(spec, raw)!r}: not the same input"
            )
        sink.write(text)
        summary.add(record)
        summary.resumed += 1


# -- running -----------------------------------------------------------------------------


def _chunks(lines: Iterator[tuple[int, bytes]], size: int) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for item in lines:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_WORKER: RecordCleaner | None = None


def _stderr_logging() -> tuple[int, logging.Formatter | None] | None:
    """How this process shows the package's logs on stderr (the CLI's handler), if it does,
    so that worker processes, which start without it, show theirs the same way."""
    for handler in logging.getLogger("cleaner").handlers:
        if isinstance(handler, logging.StreamHandler) and getattr(handler, "stream", None) is sys.stderr:
            return handler.level, handler.formatter
    return None


def _init_worker(
    spec: BatchSpec, parent: int, stderr_logging: tuple[int, logging.Formatter | None] | None = None
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
    global _WORKER
    _WORKER = RecordCleaner(spec)
    _WORKER.pipeline  # noqa: B018 - build it now, once per process, not inside the first chunk


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


def _clean_chunk(chunk: list[tuple[int, bytes]]) -> tuple[list[str], Summary]:
    assert _WORKER is not None, "worker process not initialised"
    return _encode(_WORKER.clean_lines(chunk))


def _encode(outs: list[dict[str, Any]]) -> tuple[list[str], Summary]:
    summary = Summary()
    lines = []
    for out in outs:
        summary.add(out)
        lines.append(json.dumps(out, ensure_ascii=False, default=str) + "\n")
    return lines, summary


def _results(
    spec: BatchSpec, chunks: Iterator[list[tuple[int, bytes]]], workers: int
) -> Iterator[tuple[list[str], Summary]]:
    """Cleaned chunks in input order. At most ``4 * workers`` chunks are in flight."""
    if workers <= 1:
        local = RecordCleaner(spec)
        for chunk in chunks:
            yield _encode(local.clean_lines(chunk))
        return
    # forkserver: workers start from a clean process, not a fork of one that may hold
    # threads (translation pools, a progress display) and their locks.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(spec, os.getpid(), _stderr_logging())
    )
    pending: deque[Future[tuple[list[str], Summary]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_clean_chunk, chunk))
            if len(pending) >= 4 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


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
) -> Summary:
    """Clean every record of the JSONL ``source`` into ``output`` (``-``: stdin/stdout).

    The output goes to ``OUTPUT.part`` and is renamed to ``OUTPUT`` when complete. If the
    run stops (crash, kill, Ctrl-C), ``resume=True`` keeps the records already written and
    cleans only the rest. A ``.gz`` output is gzipped; a gzipped input is recognised.

    Raises:
        ResumeError: the partial output belongs to different input.
        KeyboardInterrupt: after the partial output was flushed and closed.
    """
    spec = spec or BatchSpec()
    workers = workers if workers is not None else default_workers()
    summary = Summary()
    started = time.monotonic()
    to_stdout = str(output) == "-"
    if resume and to_stdout:
        raise ValueError("--resume needs an output file, not standard output")
    stream = open_input(source)
    try:
        lines = numbered_lines(stream)
        if to_stdout:
            sink: IO[str] = io.TextIOWrapper(
                sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=False
            )
            final = partial = None
        else:
            final = Path(output)
            partial = _partial_path(final)
            gz = final.name.endswith(".gz")
            previous = partial if partial.exists() else final if final.exists() else None
            if resume and previous is not None:
                # Copy what was done into a fresh file (a torn gzip stream cannot be appended
                # to), then swap it in: a crash during the copy leaves the old one intact.
                fresh = partial.with_name(partial.name + ".tmp")
                with _open_output(fresh, "w", gz=gz) as copy:
                    _resume(spec, previous, lines, copy, summary, gz=gz)
                os.replace(fresh, partial)
                if previous == final:
                    final.unlink()
                sink = _open_output(partial, "a", gz=gz)
            else:
                if partial.exists():
                    logger.warning(
                        "%s exists from an interrupted run; starting over (use --resume to continue)", partial
                    )
                sink = _open_output(partial, "w", gz=gz)
        flushed = time.monotonic()
        try:
            for out_lines, part in _results(spec, _chunks(lines, chunk_size), workers):
                sink.writelines(out_lines)
                summary.merge(part)
                now = time.monotonic()
                if now - flushed > FLUSH_SECONDS:
                    sink.flush()  # gzip: a sync flush, so a killed run's output still decodes
                    flushed = now
                if progress is not None:
                    progress.update(summary.records, summary.errors)
                if on_chunk is not None:
                    on_chunk(summary)
        finally:
            if to_stdout:
                sink.flush()
                cast(io.TextIOWrapper, sink).detach()  # leave sys.stdout open
            else:
                sink.close()
            if progress is not None:
                progress.update(summary.records, summary.errors, force=True)
                progress.close()
        if final is not None and partial is not None:
            os.replace(partial, final)
    finally:
        if str(source) != "-":
            stream.close()
        summary.seconds = time.monotonic() - started
    return summary


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
    opener: Any = gzip.open if final.name.endswith(".gz") else open
    try:
        with open_input(final) as source, opener(fresh, "wt", encoding="utf-8", newline="\n") as sink:
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
                    sink.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                if progress is not None:
                    progress.update(summary.records, summary.errors)
        os.replace(fresh, final)
    finally:
        fresh.unlink(missing_ok=True)
        if progress is not None:
            progress.close()
        summary.seconds = time.monotonic() - started
    return summary


def _translation_failed(record: Any) -> bool:
    translation = record.get("translation") if isinstance(record, dict) else None
    return record.get("status") == "ok" and isinstance(translation, dict) and translation.get("status") == "failed"


def _document_of(record: Mapping[str, Any]) -> Document:
    """The cleaned document an output record describes."""
    return Document.from_record(record)
