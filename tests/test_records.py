"""Reading and writing corpora (cleaner.records): JSONL plain/gzip/zstd, Parquet by row
groups, folders of files, HTML recognition; the records come back as documents."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import cleaner
from cleaner import records
from cleaner.document import Document
from cleaner.webpage import looks_like_html

TEXTS = [
    "World\n\nMinister resigns\n\nThe minister resigned on Monday after a long debate.\n\nAdvertisement",
    "Share this article\n\nLa ministre a démissionné lundi après un long débat.\n\nLire aussi : autre chose",
]


def cleaned_lines(n: int) -> list[str]:
    docs = [cleaner.clean(TEXTS[i % 2], id=f"r{i}") for i in range(n)]
    return [
        json.dumps(d.to_record(line=i + 1, edits=False), ensure_ascii=False) + "\n"
        for i, d in enumerate(docs)
    ]


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "out.jsonl.zst", "out.parquet"])
def test_written_records_read_back_as_the_same_documents(tmp_path: Path, name: str) -> None:
    if name.endswith(".zst"):
        pytest.importorskip("zstandard")
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    lines = cleaned_lines(5)
    with records.open_output(tmp_path / name) as sink:
        sink.writelines(lines)
    assert records.count_items(tmp_path / name) == 5
    back = list(records.read_records(tmp_path / name))
    assert [r["id"] for r in back] == [f"r{i}" for i in range(5)]
    assert [r["line"] for r in back] == [1, 2, 3, 4, 5]
    expected = [Document.from_record(json.loads(line)) for line in lines]
    assert [Document.from_record(r) for r in back] == expected


def test_compression_is_recognised_by_content(tmp_path: Path) -> None:
    path = tmp_path / "corpus.data"  # no telling extension
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write('{"text": "a"}\n\n{"text": "b"}\n')
    assert records.input_format(path) == "jsonl"
    assert records.open_jsonl(path).read() == b'{"text": "a"}\n\n{"text": "b"}\n'
    assert list(records.read_records(path)) == [{"text": "a"}, {"text": "b"}]


def test_parquet_is_read_by_row_groups(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": list(range(5000)), "body": [f"text {i}" for i in range(5000)]})
    path = tmp_path / "in.parquet"
    parquet.write_table(table, path, row_group_size=1000)
    assert records.input_format(path) == "parquet" and records.count_items(path) == 5000
    lines = records.open_jsonl(path)
    assert next(lines) == b'{"id": 0, "body": "text 0"}\n'
    assert list(lines)[-1] == b'{"id": 4999, "body": "text 4999"}\n'  # line 5000 is row 5000


def test_parquet_output_types(tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    lines = cleaned_lines(3)
    lines.insert(
        1, json.dumps({"id": "bad", "line": 2, "status": "error", "error": "missing field 'text'"}) + "\n"
    )
    with records.open_output(tmp_path / "o.parquet") as sink:
        sink.writelines(lines)
    table = parquet.read_table(tmp_path / "o.parquet")
    assert table.schema.names[:4] == ["id", "line", "status", "error"]
    assert str(table.schema.field("removed").type).startswith("list<element: struct<line: int64")
    assert str(table.schema.field("stats").type).startswith("struct<lines_in: int64")
    rows = table.to_pylist()
    assert rows[1]["status"] == "error" and rows[1]["text"] is None
    assert json.loads(rows[0]["metadata"])["captions"] == []
    assert json.loads(rows[0]["stats"]["removed_by_reason"]) == {  # keys vary: JSON text
        "section_labels.section_label": 1,
        "interface_lines.advertisement": 1,
    }


def test_a_folder_is_one_record_per_file(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_bytes("Première page".encode("cp1252"))
    (tmp_path / "b" / "c" / "page.html").write_bytes(b"<html><body><p>x</p></body></html>")
    (tmp_path / "b" / "notes.md").write_text("not an article")
    assert records.input_format(tmp_path) == "folder" and records.count_items(tmp_path) == 2
    assert list(records.read_records(tmp_path)) == [
        {"id": "a.txt", "text": "Première page", "source_encoding": "sloppy-windows-1252"},
        {"id": "b/c/page.html", "text": "<html><body><p>x</p></body></html>"},
    ]


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        ("<!DOCTYPE html>\n<html><head></head></html>", None, True),
        ("\ufeff  <?xml version='1.0'?>\n<!-- saved -->\n<HTML lang='fr'>", None, True),
        ("<body><p>Only a body</p></body>", None, True),
        ("<p>A fragment</p>", None, False),
        ("An article about the <html> tag.", None, False),
        ('{"text": "<html>"}', None, False),
        ("plain", "page.htm", True),
        ("<!-- " + "x" * 5000 + " -->" + "<html>", None, False),  # bounded: a comment over the limit
    ],
)
def test_html_is_recognised_by_content_or_extension(data: str, name: str | None, expected: bool) -> None:
    assert looks_like_html(data, name) is expected
    assert looks_like_html(data.encode("utf-8"), name) is expected


def test_missing_engines_name_their_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.jsonl.zst"
    path.write_bytes(records.ZSTD_MAGIC + b"\x00" * 8)
    monkeypatch.setitem(sys.modules, "zstandard", None)
    with pytest.raises(ImportError, match=r"pip install 'article-cleaner\[zstd\]'"):
        list(records.read_records(path))
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ImportError, match=r"pip install 'article-cleaner\[parquet\]'"):
        records.open_output(tmp_path / "o.parquet")


def test_html_records_become_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("trafilatura")
    page = (
        "<html><head><title>Budget vote</title></head><body><nav>Home | News</nav><article>"
        "<p>The council approved the budget on Tuesday after a debate that lasted late into the night.</p>"
        "<p>The opposition said it would challenge the vote in court next month.</p></article></body></html>"
    )
    doc = records.document_from(page.encode("utf-8"), id="p1")
    assert doc.text.startswith("Budget vote\n\nThe council approved the budget")
    assert doc.metadata["source_format"] == "html" and doc.metadata["html"]["title"] == "Budget vote"
    assert "Home" not in doc.text and "<" not in doc.text
    plain: Any = records.document_from("Advertisement\nText", id="t")
    assert plain.text == "Advertisement\nText" and "source_format" not in plain.metadata
