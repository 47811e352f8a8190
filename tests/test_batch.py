"""``cleaner batch`` never mixes, loses or half-writes data: what produced an output and the
checks ``--resume`` makes, resuming in place after an interrupt or a kill, outputs refused
before any work, records that hold anything (lone surrogates, NaN), a compressed input that
breaks midway, and workers that die or stop answering."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cleaner import batch, cli
from cleaner import records as records_module
from cleaner.batch import BatchSpec, InputError, RecordCleaner, ResumeError, run_batch
from cleaner.config import CleanerConfig
from cleaner.document import Document

ROOT = Path(__file__).resolve().parent.parent
QUICK = CleanerConfig(detect_language=False)
FAST = ["--no-detect-language", "-q"]

PAGES = [
    "World\n\nHarbour fees rise\n\nThe port authority raised its fees on {day}.\n\nAdvertisement",
    "Partager\n\nLe conseil municipal a voté le budget le {day}.\n\nLire aussi : un autre sujet",
    "Politik\n\nDer Stadtrat beschloss am {day} einen neuen Haushalt.\n\nFoto: dpa",
]


def make_records(count: int, *, start: int = 0) -> list[dict[str, Any]]:
    return [
        {"id": f"n{i}", "text": PAGES[i % 3].format(day=f"day {i}") + f"\n\nItem {i}.", "url": f"https://s{i % 4}.example/{i}"}
        for i in range(start, start + count)
    ]


def write_records(path: Path, records: list[Any]) -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def _no_constant(name: str) -> Any:
    raise ValueError(f"non-standard JSON constant {name}")


def strict_records(path: Path) -> list[dict[str, Any]]:
    """The output's records, read as strict UTF-8 and standard JSON (no NaN, no Infinity)."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return [json.loads(line, parse_constant=_no_constant) for line in data.decode("utf-8").splitlines()]


def meta_of(output: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(str(output) + ".meta.json").read_text(encoding="ascii"))
    return data


def batch_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = cli.main(["batch", *argv])
    return status, capsys.readouterr().err


def interrupted(source: Path, out: Path, spec: BatchSpec, *, after: int, snapshot: int | None = None) -> bytes | None:
    """Run until ``after`` chunks are written, then interrupt (as Ctrl-C would); returns the
    meta file as it was after chunk ``snapshot`` (a checkpoint is written after every chunk)."""
    seen: list[bytes] = []

    def stop(summary: batch.Summary) -> None:
        seen.append(Path(str(out) + ".meta.json").read_bytes())
        if len(seen) >= after:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(source, out, spec, workers=1, chunk_size=4, on_chunk=stop)
    return seen[snapshot - 1] if snapshot else None


# -- what produced an output ---------------------------------------------------------------------


def test_output_remembers_what_produced_it(tmp_path: Path) -> None:
    source = write_records(tmp_path / "in.jsonl", make_records(10))
    out = tmp_path / "out.jsonl"
    spec = BatchSpec(id_field="id", keep_fields=("url",), config=QUICK.replace(disable=("body_region",)))
    run_batch(source, out, spec, workers=1)
    assert len(strict_records(out)) == 10  # the output itself stays plain JSONL
    meta = meta_of(out)
    produced = meta["produced_by"]
    assert produced["cleaner"] == batch.__version__
    assert produced["config"]["disable"] == ["body_region"] and produced["config"]["detect_language"] is False
    assert produced["config_fingerprint"] == spec.config.fingerprint() != QUICK.fingerprint()
    assert produced["records"]["id_field"] == "id" and produced["records"]["keep_fields"] == ["url"]
    assert meta["input"]["path"] == str(source.resolve()) and meta["input"]["size"] == source.stat().st_size
    assert meta["complete"] is True
    assert meta["checkpoint"]["input_lines"] == 10 and meta["checkpoint"]["output_bytes"] == out.stat().st_size
    assert meta["checkpoint"]["summary"]["records"] == 10


# -- resume ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_resume_appends_in_place_and_cuts_what_followed_the_checkpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A run killed between two checkpoints leaves records (and a torn one) after the last
    one: --resume cuts the file back to it and appends in place (the same file, no copy)."""
    monkeypatch.setattr(batch, "FLUSH_SECONDS", 0.0)  # a checkpoint after every chunk
    records = make_records(60)
    source = write_records(tmp_path / "in.jsonl", records)
    spec = BatchSpec(id_field="id", config=QUICK)
    reference = tmp_path / f"reference-{name}"
    run_batch(source, reference, spec, workers=1)
    out = tmp_path / name
    part = Path(str(out) + ".part")
    older = interrupted(source, out, spec, after=8, snapshot=5)
    assert older is not None
    Path(str(out) + ".meta.json").write_bytes(older)  # killed before the last checkpoints
    with open(part, "ab") as handle:
        handle.write(b'{"id": "n99", "line": 99, "status": "o')  # a torn record
    inode = part.stat().st_ino
    summary = run_batch(source, out, spec, workers=2, chunk_size=4, resume=True)
    assert summary.resumed == 20 and summary.records == 60
    assert out.stat().st_ino == inode  # appended in place
    assert strict_records(out) == strict_records(reference)
    assert not part.exists() and not list(tmp_path.glob("*.tmp"))


def test_resume_after_an_interrupt_loses_nothing_and_a_finished_output_stays(tmp_path: Path) -> None:
    source = write_records(tmp_path / "in.jsonl", make_records(40))
    spec = BatchSpec(config=QUICK)
    reference = tmp_path / "reference.jsonl"
    run_batch(source, reference, spec, workers=1)
    out = tmp_path / "out.jsonl"
    interrupted(source, out, spec, after=3)
    assert meta_of(out)["checkpoint"]["summary"]["records"] == 12  # Ctrl-C keeps every record written
    assert run_batch(source, out, spec, workers=1, resume=True).resumed == 12
    assert out.read_bytes() == reference.read_bytes()
    again = run_batch(source, out, spec, workers=1, resume=True)
    assert again.resumed == 40 and again.records == 40 and again.errors == 0
    assert out.read_bytes() == reference.read_bytes()


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        (["--disable", "body_region"], ["--disable", "body_region,captions"],
         'disable: was ["body_region"], now ["body_region", "captions"]'),
        ([], ["--no-detect-language"], "detect_language: was true, now false"),
    ],
)  # fmt: skip
def test_resume_refuses_a_changed_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], first: list[str], then: list[str], expected: str
) -> None:
    source = write_records(tmp_path / "in.jsonl", make_records(30))
    out = tmp_path / "out.jsonl"
    interrupted(source, out, BatchSpec(config=cli.config_from_args(parse(*first))), after=2)
    before = Path(str(out) + ".part").read_bytes()
    status, err = batch_cli(capsys, str(source), "-o", str(out), "--resume", "-q", *then)
    assert status == cli.EXIT_USAGE
    assert "the configuration differs" in err and expected in err
    assert Path(str(out) + ".part").read_bytes() == before  # untouched


def parse(*argv: str) -> Any:
    return cli.build_parser().parse_args(["batch", "in.jsonl", "-o", "out.jsonl", *argv])


def test_resume_refuses_other_input_of_the_same_length(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No --id-field: before, only line numbers were compared, so old and new records mixed."""
    source = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    records = make_records(600)  # 400 lines are over 64 KiB: the head hash cannot tell a late change
    for record in records:
        record["pad"] = "x" * 200
    write_records(source, records)
    interrupted(source, out, BatchSpec(config=QUICK), after=100)
    size = source.stat().st_size
    late = [dict(r) for r in records]
    late[300]["text"] = late[300]["text"].replace("Item", "Itam")  # same length, past the head
    write_records(source, late)
    assert source.stat().st_size == size
    status, err = batch_cli(capsys, str(source), "-o", str(out), "--resume", *FAST)
    assert status == cli.EXIT_USAGE
    assert "input's first 400 lines are not the ones it was made from" in err
    early = [dict(r) for r in records]
    early[0]["text"] = early[0]["text"].replace("Item", "Itam")
    write_records(source, early)
    status, err = batch_cli(capsys, str(source), "-o", str(out), "--resume", *FAST)
    assert status == cli.EXIT_USAGE and "the input's first 65536 bytes differ" in err
    write_records(source, records[:-1])
    status, err = batch_cli(capsys, str(source), "-o", str(out), "--resume", *FAST)
    assert status == cli.EXIT_USAGE and f"the input was {size} bytes, now it is" in err
    write_records(source, records)  # the same input again: it continues
    assert batch_cli(capsys, str(source), "-o", str(out), "--resume", *FAST)[0] == cli.EXIT_OK
    assert [r["line"] for r in strict_records(out)] == list(range(1, 601))


def test_resume_refuses_another_version_a_moved_input_or_a_missing_meta_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_records(tmp_path / "in.jsonl", make_records(20))
    out = tmp_path / "out.jsonl"
    spec = BatchSpec(config=QUICK)
    interrupted(source, out, spec, after=2)
    monkeypatch.setattr(batch, "__version__", "99.0")
    with pytest.raises(ResumeError, match=r"made by cleaner .+, this is cleaner 99\.0"):
        run_batch(source, out, spec, workers=1, resume=True)
    monkeypatch.undo()
    moved = source.rename(tmp_path / "moved.jsonl")
    with pytest.raises(ResumeError, match="the input was .*in.jsonl, now it is .*moved.jsonl"):
        run_batch(moved, out, spec, workers=1, resume=True)
    moved.rename(source)
    with pytest.raises(ResumeError, match="the record options differ"):
        run_batch(source, out, spec.replace(id_field="id"), workers=1, resume=True)
    Path(str(out) + ".meta.json").unlink()
    with pytest.raises(ResumeError, match="meta.json is missing"):
        run_batch(source, out, spec, workers=1, resume=True)


# -- outputs refused before any work --------------------------------------------------------------


class Counting:
    """A step that counts the documents it sees (in this process)."""

    name = "counting"

    def __init__(self) -> None:
        self.seen = 0

    def __call__(self, doc: Document) -> Document:
        self.seen += 1
        return doc


@pytest.mark.parametrize("how", ["same", "spelling", "symlink", "hardlink"])
@pytest.mark.parametrize("resume", [False, True])
def test_output_that_is_the_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, how: str, resume: bool
) -> None:
    source = write_records(tmp_path / "in.jsonl", make_records(5))
    before = source.read_bytes()
    out = source
    if how == "spelling":  # another spelling of the same path: relative, through a ".."
        (tmp_path / "sub").mkdir()
        monkeypatch.chdir(tmp_path / "sub")
        out = Path("..") / "sub" / ".." / "in.jsonl"
    elif how == "symlink":
        out = tmp_path / "link.jsonl"
        out.symlink_to(source)
    elif how == "hardlink":
        out = tmp_path / "hard.jsonl"
        os.link(source, out)
    status, err = batch_cli(capsys, str(source), "-o", str(out), *FAST, *(["--resume"] if resume else []))
    assert status == cli.EXIT_USAGE and "is the input" in err and "refusing to overwrite it" in err
    assert source.read_bytes() == before
    step = Counting()
    with pytest.raises(ValueError, match="refusing to overwrite it"):
        run_batch(source, out, BatchSpec(config=QUICK, steps=(step,)), workers=1, resume=resume)
    assert step.seen == 0 and source.read_bytes() == before  # before any work


def test_unwritable_outputs_are_refused_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_records(tmp_path / "in.jsonl", make_records(5))
    out = tmp_path / "out.jsonl"
    status, err = batch_cli(capsys, str(source), "-o", str(tmp_path), *FAST)
    assert status == cli.EXIT_USAGE and "is a directory" in err
    status, err = batch_cli(capsys, str(source), "-o", str(tmp_path / "nowhere" / "out.jsonl"), *FAST)
    assert status == cli.EXIT_USAGE and "the folder" in err and "does not exist" in err
    status, err = batch_cli(capsys, str(source), "-o", str(out), "--summary", str(tmp_path / "no" / "s.json"), *FAST)
    assert status == cli.EXIT_USAGE and "cannot write the summary" in err
    status, err = batch_cli(capsys, str(source), "-o", str(out), "--summary", str(tmp_path), *FAST)
    assert status == cli.EXIT_USAGE and "summary" in err and "is a directory" in err
    locked = Path("/proc/cleaner-test-output.jsonl")  # a folder not even root can write in
    status, err = batch_cli(capsys, str(source), "-o", str(locked), *FAST)
    assert status == cli.EXIT_USAGE and f"cannot write the output {locked}" in err
    status, err = batch_cli(capsys, str(source), "-o", str(out), "--summary", "/proc/cleaner-summary.json", *FAST)
    assert status == cli.EXIT_USAGE and "cannot write the summary /proc/cleaner-summary.json" in err
    assert not out.exists() and not list(tmp_path.glob("out.jsonl*"))  # nothing was done
    step = Counting()
    for target in (locked, tmp_path / "nowhere" / "out.jsonl", tmp_path):
        with pytest.raises(ValueError, match="cannot write|is a directory"):
            run_batch(source, target, BatchSpec(config=QUICK, steps=(step,)), workers=1)
    assert step.seen == 0


# -- records are data -------------------------------------------------------------------------------

ODD = [
    {"id": "\udc00", "text": "The council met.\n\nIt voted.", "url": "u", "note": "a\udc80b", "\ud800": 1},
    {"id": "n1", "text": "The council met \udc00 again.\n\nAdvertisement", "url": "\ud800x"},
    {"id": "n2", "text": "Caf\u00c3\u00a9 owners met.", "url": float("nan"), "score": float("inf")},
    {"id": "n3", "text": "Normal text.", "url": {"nested": [float("-inf"), "\udfff"]}},
]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_lone_surrogates_nan_and_infinity_are_written_as_standard_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    source = tmp_path / "in.jsonl"
    # Python's JSON writer escapes lone surrogates ("\udc00") and writes NaN/Infinity as
    # literals, as many producers do.
    source.write_text("".join(json.dumps(r) + "\n" for r in ODD) * 5, encoding="ascii")
    out = tmp_path / "out.jsonl"
    status, err = batch_cli(
        capsys, str(source), "-o", str(out), "-w", workers, "--chunk-size", "3", "--id-field", "id",
        "--keep-fields", "score,note,\ud800", "--metadata-fields", "url", "--edits", *FAST,
    )  # fmt: skip
    assert status == cli.EXIT_OK, err
    results = strict_records(out)
    assert len(results) == 20 and all(r["status"] == "ok" for r in results)
    assert results[0]["id"] == "\udc00" and results[0]["note"] == "a\udc80b" and results[0]["\ud800"] == 1
    assert results[1]["metadata"]["url"] == "\ud800x"
    # ftfy's repair of the text is an edit, which keeps the text as it came
    assert results[1]["text"].startswith("The council met \ufffd again.")
    assert results[1]["edits"][0]["before"] == "The council met \udc00 again."
    assert results[2]["score"] is None and results[2]["metadata"]["url"] is None  # NaN, Infinity: null
    assert results[2]["edits"] and results[2]["text"] == "Café owners met."
    assert results[3]["metadata"]["url"] == {"nested": [None, "\udfff"]}


def test_resume_goes_past_records_with_surrogates(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in ODD) * 10, encoding="ascii")
    out = tmp_path / "out.jsonl"
    spec = BatchSpec(id_field="id", metadata_fields=("url",), edits=True, config=QUICK)
    interrupted(source, out, spec, after=3)
    summary = run_batch(source, out, spec, workers=1, resume=True)
    assert summary.records == 40 and summary.resumed == 12 and summary.errors == 0
    assert [r["line"] for r in strict_records(out)] == list(range(1, 41))


def test_encode_record_keeps_strings_as_they_came() -> None:
    record = {"id": "\ud83d", "text": "ok \U0001f600 \udc80", "n": [float("nan"), 1.5]}
    line = batch.encode_record(record)
    line.decode("utf-8")  # strict UTF-8
    assert json.loads(line) == {"id": "\ud83d", "text": "ok \U0001f600 \udc80", "n": [None, 1.5]}


# -- a compressed input that breaks midway ----------------------------------------------------------


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_broken_gzip_input_keeps_the_records_before_the_break(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    records = make_records(3000)
    blob = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode())
    if damage == "truncated":
        blob = blob[: len(blob) // 2]
    else:
        blob = blob[:-8] + bytes(b ^ 0xFF for b in blob[-8:])  # a wrong CRC and length
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(blob)
    out = tmp_path / "out.jsonl"
    status, err = batch_cli(capsys, str(source), "-o", str(out), "-w", "2", "--id-field", "id", *FAST)
    assert status == cli.EXIT_USAGE
    assert "Traceback" not in err and "the input breaks after line" in err and str(out) in err
    results = strict_records(out)
    assert 0 < len(results) <= 3000
    assert [r["id"] for r in results] == [r["id"] for r in records[: len(results)]]
    assert all(r["status"] == "ok" for r in results)
    if damage == "truncated":
        assert len(results) < 3000
    meta = meta_of(out)
    assert meta["complete"] is False and meta["input_error"]


def _damaged(damage: str, data: bytes) -> bytes:
    if damage.startswith("zstd"):
        zstandard = pytest.importorskip("zstandard")
        compressor = zstandard.ZstdCompressor(level=1)
        blob = b"".join(compressor.compress(data[i : i + 50_000]) for i in range(0, len(data), 50_000))  # frames
        if damage == "zstd truncated":
            return blob[: len(blob) * 2 // 3]
        middle = len(blob) // 2
        return blob[:middle] + bytes(b ^ 0xFF for b in blob[middle : middle + 40]) + blob[middle + 40 :]
    blob = gzip.compress(data)
    if damage == "gzip header only":
        return blob[:12]
    return blob[:10] + bytes(b ^ 0xFF for b in blob[10:40]) + blob[40:]  # "gzip corrupt head"


@pytest.mark.parametrize("damage", ["zstd truncated", "zstd corrupt", "gzip header only", "gzip corrupt head"])
def test_any_broken_compressed_input_stops_with_a_message_not_a_traceback_or_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    """Before: a truncated zstd input ended quietly (exit 0, a third of the records lost), a
    corrupt one, or a gzip input broken in its first bytes, gave a traceback."""
    records = make_records(3000)
    source = tmp_path / ("in.jsonl.zst" if damage.startswith("zstd") else "in.jsonl.gz")
    source.write_bytes(_damaged(damage, "".join(json.dumps(r) + "\n" for r in records).encode()))
    assert records_module.count_items(source) is None  # the progress bar's count does not fail either
    out = tmp_path / "out.jsonl"
    status, err = batch_cli(capsys, str(source), "-o", str(out), "--id-field", "id", *FAST)
    assert status == cli.EXIT_USAGE, err
    assert "Traceback" not in err and "the input breaks after line" in err and str(out) in err
    results = strict_records(out)
    assert len(results) < 3000
    assert [r["id"] for r in results] == [r["id"] for r in records[: len(results)]]
    assert meta_of(out)["complete"] is False


def test_a_site_profile_of_a_broken_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: a traceback (and with --two-pass, a profile of part of the input)."""
    records = make_records(3000)
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(_damaged("gzip corrupt head", "".join(json.dumps(r) + "\n" for r in records).encode()))
    status = cli.main(["profile", str(source), "-o", str(tmp_path / "site.profile")])
    err = capsys.readouterr().err
    assert status == cli.EXIT_USAGE and f"{source}: the input breaks after line 0" in err and "Traceback" not in err
    assert not (tmp_path / "site.profile").exists()
    status, err = batch_cli(capsys, str(source), "-o", str(tmp_path / "out.jsonl"), "--two-pass", *FAST)
    assert status == cli.EXIT_USAGE and "the input breaks after line 0" in err
    assert not list(tmp_path.glob("out.jsonl*"))  # refused before any work


def test_a_repaired_input_continues_a_run_that_broke(tmp_path: Path) -> None:
    records = make_records(2000)
    blob = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode())
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(blob[: len(blob) // 2])
    out = tmp_path / "out.jsonl"
    spec = BatchSpec(id_field="id", config=QUICK)
    with pytest.raises(InputError):
        run_batch(source, out, spec, workers=1)
    kept = len(strict_records(out))
    source.write_bytes(blob)  # the complete download
    summary = run_batch(source, out, spec, workers=1, resume=True)
    assert summary.resumed == kept and summary.records == 2000
    assert [r["id"] for r in strict_records(out)] == [r["id"] for r in records]


# -- workers that die or stop answering, and kills ------------------------------------------------


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found |= {int(c) for c in task.read_text().split()}
    return found


def descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        current = children(todo.pop())
        found |= current
        todo.extend(current)
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0] not in "ZX"
    except FileNotFoundError:
        return False


def checkpointed(out: Path) -> int:
    try:
        return int(meta_of(out)["checkpoint"]["summary"]["records"])
    except (FileNotFoundError, ValueError, KeyError):
        return 0


def start(args: list[str]) -> subprocess.Popen[bytes]:
    """``cleaner`` reading standard input: the test decides when the input ends, so a run
    cannot finish before the test has stopped it, however fast or slow the machine."""
    return subprocess.Popen(
        [sys.executable, "-m", "cleaner", *args],
        cwd=ROOT, stdin=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip


def feed(process: subprocess.Popen[bytes], records: list[dict[str, Any]], *, close: bool = False) -> None:
    """Write records to the run's input (it may have stopped already: a dead worker)."""
    assert process.stdin is not None
    with contextlib.suppress(BrokenPipeError):
        process.stdin.write("".join(json.dumps(r) + "\n" for r in records).encode())
        process.stdin.flush()
        if close:
            process.stdin.close()


def wait_for_records(out: Path, count: int, process: subprocess.Popen[bytes], limit: float = 90) -> None:
    """Wait until the meta file's checkpoint holds ``count`` records."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if checkpointed(out) >= count:
            return
        if process.poll() is not None:
            pytest.fail(f"the run ended before it could be stopped: {process.stderr.read()!r}")  # type: ignore[union-attr]
        time.sleep(0.05)
    pytest.fail(f"{out} never reached {count} records")


def finish(process: subprocess.Popen[bytes]) -> str:
    """Kill what is left of the run; its standard error."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(30)
    if process.stdin is not None:
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()
    assert process.stderr is not None
    err = process.stderr.read().decode()
    process.stderr.close()
    return err


def workers_of(pid: int) -> list[int]:
    """The pool's worker processes: children of the forkserver, a child of the run."""
    return sorted(w for child in children(pid) for w in children(child))


def resume_and_check(args: list[str], out: Path, records: list[dict[str, Any]], tmp_path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "cleaner", *args, "--resume", "--summary", str(tmp_path / "s.json")],
        input="".join(json.dumps(r) + "\n" for r in records).encode(),
        cwd=ROOT, capture_output=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    results = strict_records(out)
    assert [r["id"] for r in results] == [r["id"] for r in records]
    assert [r["line"] for r in results] == list(range(1, len(records) + 1))
    summary: dict[str, Any] = json.loads((tmp_path / "s.json").read_text())
    return summary


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds worker processes in /proc")
@pytest.mark.parametrize("how", ["SIGSTOP", "SIGKILL"])
def test_a_worker_that_stops_answering_or_dies_is_reported_with_the_lines_in_flight(
    tmp_path: Path, how: str
) -> None:
    records = make_records(1200)
    out = tmp_path / "out.jsonl"
    args = ["batch", "-", "-o", str(out), "-w", "2", "--chunk-size", "4", "--id-field", "id",
            "--chunk-timeout", "4", *FAST]  # fmt: skip
    process = start(args)
    try:
        feed(process, records[:400])
        wait_for_records(out, 40, process)
        # SIGSTOP: every worker, so that the work in flight is theirs (a stopped idle worker
        # is the next test); SIGKILL: one is enough.
        victims = workers_of(process.pid)
        victim = victims[0]
        for pid in victims if how == "SIGSTOP" else [victim]:
            os.kill(pid, getattr(signal, how))
        feed(process, records[400:], close=True)
        status = process.wait(60)  # a stopped worker no longer makes the run wait forever
    finally:
        err = finish(process)
    assert status == cli.EXIT_WORKER, err
    if how == "SIGSTOP":
        assert "a worker process stopped answering: no result in 4 s" in err
        assert f"pid {victim} is stopped (SIGSTOP)" in err
    else:
        assert "a worker process died (" in err and f"pid {victim} killed by SIGKILL" in err
    assert "rerun with --resume" in err and "Traceback" not in err
    first, last = map(int, re.search(r"lines (\d+)-(\d+) were in flight", err).groups())  # type: ignore[union-attr]
    assert first <= last
    assert not any(alive(pid) for pid in victims)
    written = strict_records(Path(str(out) + ".part"))
    assert [r["line"] for r in written] == list(range(1, first))  # every record before the range
    assert meta_of(out)["checkpoint"]["input_lines"] == first - 1
    # Workers compile their vocabularies on their first lines: on a loaded machine that can
    # take more than 4 s, so the resumed run keeps the default limit.
    summary = resume_and_check(args[:-4] + FAST, out, records, tmp_path)
    assert summary["resumed"] == first - 1


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds worker processes in /proc")
def test_a_stopped_idle_worker_does_not_keep_a_finished_run_waiting(tmp_path: Path) -> None:
    records = make_records(200)
    out = tmp_path / "out.jsonl"
    process = start(["batch", "-", "-o", str(out), "-w", "2", "--chunk-size", "4", "--no-detect-language"])
    try:
        feed(process, records)
        wait_for_records(out, 200, process)  # every record is done: the workers are idle
        victim = workers_of(process.pid)[0]
        os.kill(victim, signal.SIGSTOP)
        feed(process, [], close=True)
        status = process.wait(60)
    finally:
        err = finish(process)
    assert status == cli.EXIT_OK, err
    assert f"worker process {victim} did not exit after the run (pid {victim} is stopped (SIGSTOP)); killed" in err
    assert not alive(victim)
    assert [r["line"] for r in strict_records(out)] == list(range(1, 201))


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds worker processes in /proc")
@pytest.mark.parametrize("how", ["kill", "kill-parent", "term"])
def test_interrupted_run_resumes_with_every_record_exactly_once(tmp_path: Path, how: str) -> None:
    """A real run with 2 workers is stopped (SIGKILL of the process group; SIGKILL of the
    parent alone, whose workers must then exit by themselves; SIGTERM, which stops it
    cleanly), then rerun with --resume: every record comes out once, in order."""
    records = make_records(1000)
    out = tmp_path / "out.jsonl"
    part = Path(str(out) + ".part")
    args = ["batch", "-", "-o", str(out), "-w", "2", "--chunk-size", "4", "--id-field", "id", *FAST]
    process = start(args)
    try:
        feed(process, records[:400])
        wait_for_records(out, 100, process)
        if how == "kill":
            os.killpg(process.pid, signal.SIGKILL)
            assert process.wait(30) == -signal.SIGKILL
        elif how == "kill-parent":
            workers = descendants(process.pid)
            assert len(workers) >= 2
            process.kill()
            assert process.wait(30) == -signal.SIGKILL
            deadline = time.monotonic() + 30
            while any(alive(w) for w in workers) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not any(alive(w) for w in workers), "workers outlived their parent"
        else:
            process.send_signal(signal.SIGTERM)
            assert process.wait(30) == cli.EXIT_INTERRUPTED
    finally:
        err = finish(process)
    if how == "term":
        assert "rerun with --resume" in err
    assert part.exists() and not out.exists()
    kept = checkpointed(out)
    assert 100 <= kept <= 400
    summary = resume_and_check(args, out, records, tmp_path)
    assert summary["records"] == 1000 and summary["resumed"] == kept
    results = strict_records(out)
    reference = RecordCleaner(BatchSpec(id_field="id", config=QUICK))
    sample = [0, 499, 999]
    assert [results[i] for i in sample] == [reference.clean_records([records[i]], lines=[i + 1])[0] for i in sample]


def test_worker_errors_exit_3_and_say_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_records(tmp_path / "in.jsonl", make_records(3))

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise batch.WorkerError("a worker process died while the records of input lines 5-9 were in flight", (5, 9))

    monkeypatch.setattr(batch, "run_batch", failing)
    status, err = batch_cli(capsys, str(source), "-o", str(tmp_path / "o.jsonl"), *FAST)
    assert status == cli.EXIT_WORKER == 3
    assert "lines 5-9 were in flight; rerun with --resume to continue" in err


def test_a_folder_input_is_remembered_and_resumed(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, record in enumerate(make_records(30)):
        (folder / f"a{i:02d}.txt").write_text(record["text"], encoding="utf-8")
    spec = BatchSpec(id_field="id", config=QUICK)
    reference = tmp_path / "reference.jsonl"
    run_batch(folder, reference, spec, workers=1)
    out = tmp_path / "out.jsonl"
    interrupted(folder, out, spec, after=3)
    assert meta_of(out)["input"] == {"path": str(folder.resolve()), "size": None, "head": None, "head_bytes": 0}
    assert run_batch(folder, out, spec, workers=1, resume=True).resumed == 12
    assert out.read_bytes() == reference.read_bytes()
    (folder / "a05.txt").write_text("Another article.", encoding="utf-8")
    with pytest.raises(ResumeError, match="first 30 lines are not the ones"):
        run_batch(folder, out, spec, workers=1, resume=True)


# -- a user's vocabulary ---------------------------------------------------------------------------


def user_vocabulary(tmp_path: Path, entries: list[str]) -> Path:
    folder = tmp_path / "vocab"
    folder.mkdir()
    (folder / "advertisement.txt").write_text("".join(e + "\n" for e in entries), encoding="utf-8")
    return folder


def test_an_invalid_user_pattern_is_refused_with_its_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a ``regex.error`` traceback from deep inside a worker."""
    folder = user_vocabulary(tmp_path, ["# my phrases", "Buy now", "re:sponsored (content", "Sale"])
    source = write_records(tmp_path / "in.jsonl", make_records(3))
    status, err = batch_cli(
        capsys, str(source), "-o", str(tmp_path / "out.jsonl"), "--vocabulary", str(folder), "-w", "2", *FAST
    )
    assert status == cli.EXIT_USAGE, err
    assert f"{folder / 'advertisement.txt'}:3" in err and "sponsored (content" in err
    assert "Traceback" not in err and "worker" not in err
    assert not list(tmp_path.glob("out.jsonl*"))  # before any work


def test_a_backtracking_user_pattern_is_bounded_per_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: every line's match ran to its timeout, so a 5 KB record of 100 lines took
    25-36 s. Now the document's time budget runs out, one warning says so, and the record
    is cleaned with phrases only (its lines, which the pattern never matches, stay)."""
    # Fails (exponentially) at the "!" in the middle of each line: a match runs to its timeout.
    folder = user_vocabulary(tmp_path, ["Buy now", r"re:([\w\s,]|[\w\s,][\w\s,])+"])
    lines = [f"Line {i:03d} of the harbour report and its words! 2" for i in range(100)]
    text = "\n\n".join([*lines, "Buy now"])
    assert 4_900 <= len(text.encode()) <= 5_200
    source = write_records(tmp_path / "in.jsonl", [{"id": "long", "text": text}])
    out = tmp_path / "out.jsonl"
    # Without -q: the CLI shows the package's warnings on stderr.
    status, err = batch_cli(capsys, str(source), "-o", str(out), "--vocabulary", str(folder), "-w", "1", "--no-detect-language")
    assert status == cli.EXIT_OK, err
    assert "time budget" in err  # the warning, once
    assert err.count("time budget") == 1
    [result] = strict_records(out)
    assert result["status"] == "ok" and result["text"].split("\n\n") == lines  # "Buy now" (a phrase) went
    assert [r["reason"] for r in result["removed"]] == ["advertisement"]
