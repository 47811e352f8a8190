"""The command line: ``cleaner clean`` and ``cleaner batch`` (records in order, error records,
gzip, stdin/stdout, workers, options and config), CLI conventions. Resume, provenance and
failures of ``batch``: tests/test_batch.py."""

from __future__ import annotations

import argparse
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cleaner import cli, records
from cleaner.batch import BatchSpec, RecordCleaner, Summary, run_batch
from cleaner.config import CleanerConfig
from cleaner.document import RECORD_KEYS, Document, Removal

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
FAST = ["--no-detect-language", "-q"]  # most tests need no language detection

SHORT = [
    "World\n\nMinister resigns\n\nThe minister resigned on Monday after a long debate.\n\nAdvertisement",
    "Share this article\n\nLa ministre a démissionné lundi après un long débat.\n\nLire aussi : autre chose",
    "Politik\n\nDie Regierung stellte am Montag neue Regeln vor.\n\nFoto: dpa",
]


def short_records(n: int, *, start: int = 0) -> list[dict[str, Any]]:
    return [{"id": f"r{i}", "text": f"{SHORT[i % 3]}\n\nParagraph number {i}.", "url": f"https://s{i % 5}.example/{i}"}
            for i in range(start, start + n)]  # fmt: skip


def write_jsonl(path: Path, records: list[Any], *, raw_lines: dict[int, str] | None = None) -> Path:
    """Write records; ``raw_lines`` puts literal text at some 0-based positions (bad lines)."""
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    for at, text in sorted((raw_lines or {}).items()):
        lines.insert(at, text)
    opener: Any = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with records.open_binary(path) as handle:  # gzip and zstd recognised
        return [json.loads(line) for line in handle]


def run_module(
    *args: str, stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args],
        check=False,
        input=stdin,
        capture_output=True,
        timeout=timeout,
        cwd=ROOT,
    )


# -- clean ----------------------------------------------------------------------------------


def test_clean_file_explain_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SHORT[0], encoding="utf-8")
    assert cli.main(["clean", str(path), "--explain", "--no-detect-language"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Minister resigns\n\nThe minister resigned on Monday after a long debate.\n")
    assert "interface_lines/advertisement" in out and "section_labels/section_label" in out
    assert cli.main(["clean", str(path), "--json", "--disable", "interface_lines"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"].endswith("Advertisement")
    assert data["language"] == "en" and data["line"] == 1 and data["id"] == str(path)


def test_clean_stdin_and_missing_file(tmp_path: Path) -> None:
    done = run_module("clean", "-", "--no-detect-language", stdin=SHORT[1].encode())
    assert done.returncode == 0
    assert done.stdout.decode().strip() == "La ministre a démissionné lundi après un long débat."
    missing = run_module("clean", str(tmp_path / "nope.txt"))
    assert missing.returncode == cli.EXIT_USAGE and b"nope.txt" in missing.stderr


# -- batch: records ---------------------------------------------------------------------------


def test_batch_one_result_per_record_in_order_with_error_records(tmp_path: Path) -> None:
    records = short_records(20)
    records[4] = {"id": "r4", "text": 17}  # not text
    records[6] = {"id": "r6"}  # no text
    records[8] = {"text": "no id"}  # no id
    bad = {3: "{not json", 11: "[1, 2]", 15: '"a string"'}
    source = write_jsonl(tmp_path / "in.jsonl", records, raw_lines=bad)
    with open(source, "ab") as handle:
        handle.write(b"\n\n" + b'{"id": "bytes", "text": "caf\xe9"}\n')  # blank lines; invalid UTF-8
    out = tmp_path / "out.jsonl"
    summary_path = tmp_path / "summary.json"
    status = cli.main(
        ["batch", str(source), "-o", str(out), "--id-field", "id", "--keep-fields", "url", "-w", "1",
         "--summary", str(summary_path), *FAST]
    )  # fmt: skip
    assert status == cli.EXIT_RECORD_ERRORS
    results = read_jsonl(out)
    assert len(results) == len(records) + len(bad) + 1
    assert [r["line"] for r in results] == sorted(r["line"] for r in results)
    errors = {r["line"]: r["error"] for r in results if r["status"] == "error"}
    assert errors[4].startswith("invalid JSON")
    assert errors[12] == "expected a JSON object, got an array"
    assert errors[16] == "expected a JSON object, got str"
    assert "field 'text' is a number, expected a string" in errors.values()
    assert "missing field 'text'" in errors.values()
    assert "missing id field 'id'" in errors.values()
    assert any(e.startswith("invalid JSON") for line, e in errors.items() if line > 24)  # the bytes line
    ok = [r for r in results if r["status"] == "ok"]
    assert [r["id"] for r in ok] == [r["id"] for r in records if isinstance(r.get("text"), str) and "id" in r]
    first = ok[0]
    assert (
        first["text"]
        == "Minister resigns\n\nThe minister resigned on Monday after a long debate.\n\nParagraph number 0."
    )
    assert first["url"] == "https://s0.example/0"
    assert {(r["filter"], r["reason"]) for r in first["removed"]} == {
        ("section_labels", "section_label"), ("interface_lines", "advertisement")
    }  # fmt: skip
    assert first["language"] is None and first["translation"] is None and "edits" not in first
    summary = json.loads(summary_path.read_text())
    assert summary["records"] == len(results) and summary["errors"] == len(errors) == 7
    assert summary["removed"]["interface_lines.advertisement"] == 6
    assert [e["line"] for e in summary["first_errors"]][:2] == [4, 6]  # {not json; records[4]


def test_batch_language_title_and_summary_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [{"text": p.read_text(encoding="utf-8")} for p in ARTICLES[:4]]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    assert cli.main(["batch", str(source), "-o", str(tmp_path / "out.jsonl"), "-w", "1"]) == 0
    results = read_jsonl(tmp_path / "out.jsonl")
    expected = [json.loads(p.with_suffix(".expected.json").read_text(encoding="utf-8")) for p in ARTICLES[:4]]
    assert [r["language"] for r in results] == [e["language"] for e in expected]
    assert all(0.5 < r["language_probability"] <= 1 for r in results)
    assert [r["id"] for r in results] == [None] * 4 and [r["line"] for r in results] == [1, 2, 3, 4]
    err = capsys.readouterr().err
    assert "cleaner batch: 4 records" in err and "4 ok, 0 errors" in err and "languages: " in err


def test_batch_gzip_stdin_stdout(tmp_path: Path) -> None:
    records = short_records(30)
    source = write_jsonl(tmp_path / "in.jsonl.gz", records)
    out = tmp_path / "out.jsonl.gz"
    assert cli.main(["batch", str(source), "-o", str(out), "-w", "1", *FAST]) == 0
    assert out.read_bytes()[:2] == b"\x1f\x8b"
    from_gz = read_jsonl(out)
    assert [r["line"] for r in from_gz] == list(range(1, 31))
    piped = run_module("batch", "-", "-o", "-", "-w", "2", *FAST, stdin=source.read_bytes())
    assert piped.returncode == 0, piped.stderr
    from_pipe = [json.loads(line) for line in piped.stdout.decode().splitlines()]
    assert from_pipe == from_gz
    assert not list(tmp_path.glob("*.part*"))


def test_workers_give_the_same_ordered_output(tmp_path: Path) -> None:
    records = short_records(120)
    source = write_jsonl(tmp_path / "in.jsonl", records, raw_lines={50: "oops"})
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert cli.main(["batch", str(source), "-o", str(one), "-w", "1", "--id-field", "id", *FAST]) == 1
    assert (
        cli.main(
            ["batch", str(source), "-o", str(two), "-w", "2", "--chunk-size", "3", "--id-field", "id", *FAST]
        )
        == 1
    )
    assert one.read_bytes() == two.read_bytes()


def test_keep_fields_may_not_overwrite_output_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", short_records(1))
    assert cli.main(["batch", str(source), "-o", str(tmp_path / "o.jsonl"), "--keep-fields", "url,text"]) == 2
    assert "would overwrite output keys" in capsys.readouterr().err


# -- options and configuration ---------------------------------------------------------------


def parse(*argv: str) -> argparse.Namespace:
    return cli.build_parser().parse_args(["batch", "in.jsonl", "-o", "out.jsonl", *argv])


def test_flags_override_the_toml_config(tmp_path: Path) -> None:
    toml = tmp_path / "cleaner.toml"
    toml.write_text(
        '[cleaner]\ndisable = ["body_region"]\nnbsp = "space"\n'
        "[cleaner.filters.author_bio]\ntail_blocks = 4\n"
        "[cleaner.translation]\ntimeout = 5.0\n",
        encoding="utf-8",
    )
    config = cli.config_from_args(parse(
        "--config", str(toml), "--disable", "captions,bylines", "--nbsp", "keep", "--languages", "en,de",
        "--translate-to", "en", "--translator", "libre", "--translator-url", "http://127.0.0.1:5000",
        "--translation-cache", str(tmp_path / "tr.sqlite"), "--translation-concurrency", "2",
        "--set", "filters.author_bio.max_words=50", "--set", "language.sample_chars=800",
    ))  # fmt: skip
    assert config.disable == ("body_region", "captions", "bylines")
    assert config.nbsp == "keep"
    assert config.filters["author_bio"] == {"tail_blocks": 4, "max_words": 50}
    assert config.language == {"languages": ["en", "de"], "sample_chars": 800}
    assert (config.translate_to, config.translator, config.translator_url) == (
        "en",
        "libre",
        "http://127.0.0.1:5000",
    )
    assert config.translation == {"timeout": 5.0, "cache": str(tmp_path / "tr.sqlite"), "max_in_flight": 2}
    pipeline = config.pipeline()
    assert "captions" not in pipeline.names and pipeline.names[-2:] == ["detect_language", "translate"]
    step: Any = pipeline.steps[-1]
    assert step.cache.path == tmp_path / "tr.sqlite" and step.max_in_flight == 2
    assert cli.config_from_args(parse("--no-translation-cache", "--translate-to", "de")).translation == {
        "cache": False
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--disable", "nonsense"], "unknown filter or step name"),
        (["--set", "no_equals_sign"], "--set expects KEY=VALUE"),
        (["--set", "colour=1"], "unknown option colour"),
        (["--workers", "0"], "--workers must be at least 1"),
        (["--config", "/nonexistent/cleaner.toml"], "No such file"),
    ],
)
def test_bad_options_exit_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", short_records(1))
    assert cli.main(["batch", str(source), "-o", str(tmp_path / "o.jsonl"), *argv]) == cli.EXIT_USAGE
    assert message in capsys.readouterr().err


class Shout:
    """A picklable fake translator: no network."""

    name = "shout"

    def __call__(self, text: str, source: str, target: str) -> str:
        return text.upper()


def test_batch_translates_with_workers(tmp_path: Path) -> None:
    records = short_records(12)
    source = write_jsonl(tmp_path / "in.jsonl", records)
    config = CleanerConfig(translate_to="en", translation={"translator": Shout(), "cache": False})
    for workers in (1, 2):
        out = tmp_path / f"out{workers}.jsonl"
        summary = run_batch(source, out, BatchSpec(config=config), workers=workers, chunk_size=5)
        results = read_jsonl(out)
        by_language = {r["language"]: r["translation"] for r in results}
        assert by_language["en"]["status"] == "skipped" and by_language["en"]["reason"] == "same_language"
        assert by_language["fr"]["status"] == "ok" and by_language["fr"]["text"].startswith("LA MINISTRE")
        assert summary.translations["ok:ok"] == 8


# -- extension points -------------------------------------------------------------------------


class DropSiteLines:
    """A corpus-level filter stand-in: reads the record's site from the document's metadata."""

    name = "drop_site_lines"

    def find(self, doc: Document) -> list[Removal]:
        if doc.metadata.get("url", "").startswith("https://s0."):
            return [Removal(b, self.name, "site_line") for b in doc.blocks if b.text.startswith("Paragraph")]
        return []


def test_extra_steps_see_metadata_fields_and_run_in_workers(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", short_records(10))
    spec = BatchSpec(config=CleanerConfig(), metadata_fields=("url",), steps=(DropSiteLines(),))
    assert spec.pipeline().names[-2:] == ["drop_site_lines", "detect_language"]
    run_batch(source, tmp_path / "out.jsonl", spec, workers=2, chunk_size=2)
    results = read_jsonl(tmp_path / "out.jsonl")
    dropped = [r["line"] for r in results if any(x["filter"] == "drop_site_lines" for x in r["removed"])]
    assert dropped == [1, 6]
    assert results[0]["metadata"]["url"] == "https://s0.example/0"


def test_profile_command_is_registered() -> None:
    args = cli.build_parser().parse_args(["profile", "in.jsonl", "-o", "site.profile"])
    assert args.command == "profile" and callable(args.run)
    batch = parse("--two-pass", "--site-field", "site")
    assert batch.two_pass and batch.site_field == "site"


# -- progress and summary --------------------------------------------------------------------


def test_progress_bar_has_total_rate_and_eta() -> None:
    stream = io.StringIO()
    progress = cli.BarProgress(stream, total=2000)
    progress.update(10, 1)
    progress.update(2000, 3, force=True)
    progress.close()
    text = stream.getvalue()
    assert "2000/2000" in text and "100%" in text and "records/s" in text and "errors=3" in text
    assert "<" in text  # elapsed<remaining: tqdm's ETA


def test_progress_only_on_a_terminal(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", short_records(3))
    done = run_module(
        "batch", str(source), "-o", str(tmp_path / "o.jsonl"), "-w", "1", "--no-detect-language"
    )
    assert b"\r" not in done.stderr and b"cleaner batch: 3 records" in done.stderr
    quiet = run_module(
        "batch", str(source), "-o", str(tmp_path / "o.jsonl"), "-w", "1", "-q", "--no-detect-language"
    )
    assert quiet.stderr == b""


def test_summary_merges() -> None:
    a, b = Summary(), Summary()
    a.add({"status": "ok", "language": "fr", "removed": [{"filter": "f", "reason": "r"}]})
    b.add({"status": "error", "line": 9, "error": "bad"})
    a.merge(b)
    assert a.to_dict()["errors"] == 1 and a.to_dict()["first_errors"] == [{"line": 9, "error": "bad"}]
    assert "error at line 9: bad" in a.format()


# -- conventions ------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Minister resigns after budget row</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Minister resigns after budget row</h1>
<p>By Jane Doe</p>
<p>The finance minister resigned on Monday after a long debate in parliament about the budget for next year.</p>
<p>Advertisement</p>
<p>She said she would return to teaching economics at the university, where she worked for twenty years.</p>
<p>Her deputy will take over until a successor is named, the prime minister's office said in a statement.</p>
</article>
<footer>&copy; 2024 Example News. All rights reserved.</footer>
</body></html>
"""


def test_version() -> None:
    import cleaner

    done = run_module("--version")
    assert done.returncode == 0 and done.stdout.decode().strip() == f"cleaner {cleaner.__version__}"


@pytest.mark.parametrize(
    ("argv", "usage", "message"),
    [
        (["clean", "--nope", "f.txt"], "usage: cleaner clean", "cleaner clean: error: unrecognized arguments: --nope"),
        (["batch", "in.jsonl", "-o", "o.jsonl", "--nope"], "usage: cleaner batch", "unrecognized arguments: --nope"),
        (["batch", "in.jsonl"], "usage: cleaner batch", "the following arguments are required: -o/--output"),
        (["batch", "in.jsonl", "-o", "o", "--disable", "nonsense"], "usage: cleaner batch", "unknown filter"),
    ],
)
def test_errors_show_the_subcommand_usage(argv: list[str], usage: str, message: str) -> None:
    done = run_module(*argv)
    err = done.stderr.decode()
    assert done.returncode == cli.EXIT_USAGE
    assert err.startswith(usage) and message in err and "usage: cleaner [-h]" not in err


def test_clean_writes_to_an_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(SHORT[0], encoding="utf-8")
    b.write_text(SHORT[1], encoding="utf-8")
    out = tmp_path / "out.txt"
    assert cli.main(["clean", str(a), "-o", str(out), "--no-detect-language"]) == 0
    assert out.read_text(encoding="utf-8") == "Minister resigns\n\nThe minister resigned on Monday after a long debate.\n"
    records = tmp_path / "out.jsonl"
    assert cli.main(["clean", str(a), str(b), "--json", "-o", str(records), "--no-detect-language"]) == 0
    assert capsys.readouterr().out == ""
    written = read_jsonl(records)
    assert [(r["id"], r["line"]) for r in written] == [(str(a), 1), (str(b), 2)]


def test_clean_json_has_the_keys_and_types_of_a_batch_record(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SHORT[0], encoding="utf-8")
    single = json.loads(run_module("clean", str(path), "--json").stdout)
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": str(path), "text": SHORT[0]}])
    assert cli.main(["batch", str(source), "-o", str(tmp_path / "o.jsonl"), "--id-field", "id", "-w", "1", "-q"]) == 0
    [record] = read_jsonl(tmp_path / "o.jsonl")
    assert list(single) == list(record)
    assert {k: type(v) for k, v in single.items()} == {k: type(v) for k, v in record.items()}
    assert single["metadata"].pop("source_encoding") == "utf-8"  # clean reads the file's bytes
    assert single == record


def test_closed_pipe_is_not_an_interrupt(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"Paragraph {i} of a long article about the budget." for i in range(20_000)))
    # This machine's pipes can hold 1 MB: the output must be larger for a write to fail.
    for argv in (["clean", *[str(path)] * 3, "--no-detect-language"], ["batch", "-", "-o", "-", "-w", "1", *FAST]):
        stdin = json.dumps({"text": path.read_text()}).encode() * 3 if argv[0] == "batch" else None
        process = subprocess.Popen(
            [sys.executable, "-m", "cleaner", *argv],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        if stdin is not None:
            process.stdin.write(stdin.replace(b"}{", b"}\n{"))  # type: ignore[union-attr]
        process.stdin.close()  # type: ignore[union-attr]
        process.stdout.readline()  # type: ignore[union-attr]
        process.stdout.close()  # like `| head -1`
        status = process.wait(60)
        err = process.stderr.read().decode()  # type: ignore[union-attr]
        process.stderr.close()  # type: ignore[union-attr]
        assert status == cli.EXIT_BROKEN_PIPE, err
        assert "interrupted" not in err and "Traceback" not in err and "Exception" not in err


def test_batch_stops_early_when_the_first_records_fail_the_same_way(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", short_records(200))
    out = tmp_path / "out.jsonl"
    done = run_module("batch", str(source), "-o", str(out), "--text-field", "nope", "-w", "1", *FAST)
    err = done.stderr.decode()
    assert done.returncode == cli.EXIT_USAGE
    assert "stopped" in err and "missing field 'nope'" in err
    assert not out.exists() and not Path(str(out) + ".part").exists()
    # Mixed failures are record errors, not a wrong option: the run goes on.
    mixed = write_jsonl(tmp_path / "mixed.jsonl", short_records(30), raw_lines={0: "oops", 2: "[1]"})
    assert cli.main(["batch", str(mixed), "-o", str(out), "-w", "1", *FAST]) == cli.EXIT_RECORD_ERRORS
    assert len(read_jsonl(out)) == 32


def test_clean_an_html_page(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    done = run_module("clean", str(page), "--no-detect-language")
    text = done.stdout.decode()
    assert done.returncode == 0, done.stderr
    assert text.startswith("Minister resigns after budget row\n\n")
    assert "The finance minister resigned on Monday" in text and "successor is named" in text
    assert "<" not in text and "Advertisement" not in text and "By Jane Doe" not in text
    # recognised by its content too
    renamed = tmp_path / "page.dat"
    renamed.write_text(PAGE, encoding="utf-8")
    as_json = json.loads(run_module("clean", str(renamed), "--json", "--no-detect-language").stdout)
    assert as_json["text"] == text.rstrip("\n") and as_json["metadata"]["source_format"] == "html"
    assert as_json["metadata"]["html"]["title"] == "Minister resigns after budget row"


def test_html_without_the_extra_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert cli.main(["clean", str(page)]) == cli.EXIT_USAGE
    assert "pip install 'article-cleaner[html]'" in capsys.readouterr().err


# -- batch: formats ---------------------------------------------------------------------------


def test_batch_parquet_in_and_out_keeps_ids(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    records = short_records(60)
    table = pa.table({"id": [r["id"] for r in records], "body": [r["text"] for r in records], "n": list(range(60))})
    source = tmp_path / "in.parquet"
    parquet.write_table(table, source, row_group_size=16)
    out = tmp_path / "out.parquet"
    done = run_module(
        "batch", str(source), "-o", str(out), "--text-field", "body", "--id-field", "id", "--keep-fields", "n",
        "-w", "2", *FAST,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = parquet.read_table(out).to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in records] and [r["n"] for r in rows] == list(range(60))
    assert [r["line"] for r in rows] == list(range(1, 61))
    reference = RecordCleaner(BatchSpec(config=CleanerConfig(detect_language=False))).clean_records(records)
    assert [r["text"] for r in rows] == [r["text"] for r in reference]
    assert rows[0]["text"].startswith("Minister resigns") and "Advertisement" not in rows[0]["text"]
    assert Document.from_record(rows[0]).removals == Document.from_record(reference[0]).removals


def test_batch_a_folder_gives_one_record_per_file(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "2024").mkdir(parents=True)
    for i, text in enumerate(SHORT):
        (folder / "2024" / f"a{i}.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_bytes("Le ministre a démissionné lundi soir après un long débat.".encode("latin-1"))
    (folder / "notes.md").write_text("not an article")
    out = tmp_path / "out.jsonl"
    assert cli.main(["batch", str(folder), "-o", str(out), "-w", "1", *FAST]) == 0
    results = read_jsonl(out)
    assert [r["id"] for r in results] == ["2024/a0.txt", "2024/a1.txt", "2024/a2.txt", "b.txt"]
    assert [r["line"] for r in results] == [1, 2, 3, 4]
    assert results[0]["text"] == "Minister resigns\n\nThe minister resigned on Monday after a long debate."
    assert results[3]["text"] == "Le ministre a démissionné lundi soir après un long débat."  # not UTF-8: decoded, and said so
    # (the file is not UTF-8: its text was decoded by ftfy's guess)


def test_batch_html_records_and_keep_every_field(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    records = [{"id": "p1", "html": PAGE, "url": "https://example.org/p1"}, {"id": "t1", "html": SHORT[0], "url": None}]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    argv = ["batch", str(source), "-o", str(out), "--text-field", "html", "--id-field", "id", "--keep-fields", "*"]
    assert cli.main([*argv, "-w", "1", *FAST]) == 0
    page, text = read_jsonl(out)
    assert page["text"].startswith("Minister resigns after budget row\n\n") and "<" not in page["text"]
    assert page["metadata"]["source_format"] == "html" and "source_format" not in text["metadata"]
    assert text["text"] == "Minister resigns\n\nThe minister resigned on Monday after a long debate."
    # '*' keeps every input field; the one named like a record key ("id") as input_id
    assert page["html"] == PAGE and page["url"] == "https://example.org/p1" and page["input_id"] == "p1"
    assert list(page)[: len(RECORD_KEYS) - 1] == [k for k in RECORD_KEYS if k != "edits"]


def test_batch_zstd_output_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A zstd (or Parquet) output is made from the JSONL the run writes next to it
    (OUT.jsonl), which --resume continues like any JSONL output."""
    pytest.importorskip("zstandard")
    from cleaner import batch

    source = write_jsonl(tmp_path / "in.jsonl", short_records(200))
    reference = tmp_path / "reference.jsonl.zst"
    assert cli.main(["batch", str(source), "-o", str(reference), "-w", "1", *FAST]) == 0
    assert reference.read_bytes()[:4] == b"\x28\xb5\x2f\xfd"
    # the working JSONL is gone; the meta file that --resume checks stays beside the output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["in.jsonl", "reference.jsonl.zst", "reference.jsonl.zst.meta.json"]
    done = read_jsonl(reference)

    original = batch.run_batch
    monkeypatch.setattr(batch, "FLUSH_SECONDS", 0.0)  # a checkpoint after every chunk

    def killed_after_three_chunks(*args: Any, **kwargs: Any) -> Any:
        chunks: list[int] = []

        def stop(summary: Any) -> None:
            chunks.append(1)
            if len(chunks) >= 3:
                raise KeyboardInterrupt

        return original(*args, **{**kwargs, "chunk_size": 16, "on_chunk": stop})

    out = tmp_path / "out.jsonl.zst"
    monkeypatch.setattr(batch, "run_batch", killed_after_three_chunks)
    assert cli.main(["batch", str(source), "-o", str(out), "-w", "1", *FAST]) == cli.EXIT_INTERRUPTED
    assert not out.exists()  # only the working JSONL, which --resume continues
    monkeypatch.setattr(batch, "run_batch", original)
    assert cli.main(["batch", str(source), "-o", str(out), "-w", "1", "--resume", *FAST]) == 0
    assert read_jsonl(out) == done


def test_batch_html_without_the_extra_stops_naming_it(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": PAGE}] * 12)
    argv = ["batch", str(source), "-o", str(tmp_path / "o.jsonl"), "-w", "1", "-q"]
    code = f"import sys; sys.modules['trafilatura'] = None; from cleaner.cli import main; raise SystemExit(main({argv!r}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120, check=False)
    assert done.returncode == cli.EXIT_USAGE
    assert b"pip install 'article-cleaner[html]'" in done.stderr
