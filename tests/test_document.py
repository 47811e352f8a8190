"""The record schema (``Document.to_record`` / ``from_record``) and the notebook views
(``repr``, ``explain``, ``_repr_html_``)."""

from __future__ import annotations

import json

import pytest

import cleaner
from cleaner.document import RECORD_KEYS, Document, Edit, Language, Removal, Translation

RAW = (
    "World\n\nMarkets <b>rally</b> & \u201cjump\u201d\n\nStocks rose on Monday, traders said, after the "
    "central bank held rates.\n\nAdvertisement\n\nBy Jane Doe"
)


def full_document() -> Document:
    """A document with every part of the schema set: removals, an edit, a language with
    candidates, a translation, user metadata and learnt facts."""
    doc = Document.from_text(RAW, id="a17", metadata={"url": "https://example.org/a", "n": 3})
    by = {b.text: b for b in doc.blocks}
    doc = doc.without([
        Removal(by["World"], "section_labels", "section_label"),
        Removal(by["Advertisement"], "interface_lines", "advertisement", "whole-line phrase"),
        Removal(by["By Jane Doe"], "bylines", "byline"),
    ])  # fmt: skip
    first = doc.blocks[0]
    edited = first.__class__(first.index, first.text.replace("&", "and"), first.paragraph)
    doc = doc.with_blocks(
        (edited, *doc.blocks[1:]),
        [Edit("fix_unicode", first.index, first.text, edited.text, (("apply", "x"),))],
    )
    return doc.replace(
        language=Language("en", 0.97, (("en", 0.97), ("nl", 0.03)), "langdetect"),
        translation=Translation(
            "ok", "fr", source="en", provider="fake", text="Les marchés", chunks=1, requests=1
        ),
    )


def through_json(record: dict[str, object]) -> dict[str, object]:
    return json.loads(json.dumps(record, ensure_ascii=False))


def test_record_round_trip_with_blocks_is_exact() -> None:
    doc = full_document()
    record = through_json(doc.to_record(line=4, blocks=True))
    assert Document.from_record(record) == doc
    assert Document.from_dict(record) == doc  # the old name reads records too


def test_record_without_blocks_keeps_everything_but_line_positions() -> None:
    doc = full_document()
    record = through_json(doc.to_record(line=4))
    again = Document.from_record(record)
    assert again.text == doc.text and again.id == doc.id
    assert again.removals == doc.removals and again.edits == doc.edits
    assert again.language == doc.language and again.translation == doc.translation
    assert again.metadata == {"url": "https://example.org/a", "n": 3}
    assert through_json(again.to_record(line=4)) == record  # a record is a fixed point


def test_record_keys_types_and_one_based_lines() -> None:
    doc = full_document()
    record = doc.to_record(line=4)
    assert tuple(record) == RECORD_KEYS
    assert list(record["removed"][0]) == ["line", "index", "text", "paragraph", "filter", "reason", "detail"]
    by_text = {r["text"]: r for r in record["removed"]}
    assert by_text["World"]["line"] == 1 and by_text["World"]["index"] == 0
    assert by_text["Advertisement"]["line"] == 7
    assert record["edits"][0]["line"] == 3 and record["edits"][0]["index"] == 2
    assert record["language"] == "en" and record["language_probability"] == 0.97
    assert record["language_candidates"] == {"en": 0.97, "nl": 0.03}
    assert record["metadata"]["authors"] == ["By Jane Doe"] and record["metadata"]["url"].endswith("/a")
    assert record["translation"]["text"] == "Les marchés"
    assert "edits" not in doc.to_record(edits=False)
    # --explain counts lines the same way
    assert "- line 7: interface_lines/advertisement (whole-line phrase): Advertisement" in doc.explain()


def test_stats_per_document() -> None:
    stats = full_document().stats
    assert stats["lines_in"] == 5 and stats["lines_out"] == 2
    kept = len("Markets <b>rally</b> and \u201cjump\u201d") + len(
        "Stocks rose on Monday, traders said, after the central bank held rates."
    )
    removed = len("World") + len("Advertisement") + len("By Jane Doe")
    assert stats["chars_out"] == kept and stats["chars_in"] == kept + removed
    assert stats["removed_share"] == round(removed / (kept + removed), 4)
    assert stats["removed_by_reason"] == {
        "section_labels.section_label": 1, "interface_lines.advertisement": 1, "bylines.byline": 1
    }  # fmt: skip
    empty = Document.from_text("").stats
    assert empty["chars_in"] == 0 and empty["removed_share"] == 0.0


def test_error_records_have_no_document() -> None:
    with pytest.raises(ValueError, match="missing field"):
        Document.from_record({"id": 1, "line": 2, "status": "error", "error": "missing field 'text'"})


def test_parquet_shapes_are_read_too() -> None:
    """Parquet output stores metadata as JSON text and candidates as key/value pairs."""
    doc = full_document()
    record = doc.to_record()
    record["metadata"] = json.dumps(record["metadata"])
    record["language_candidates"] = list(record["language_candidates"].items())
    again = Document.from_record(record)
    assert again.language == doc.language and again.metadata["n"] == 3


def test_short_repr() -> None:
    doc = cleaner.clean("Advertisement\n\n" + "The minister resigned on Monday after a long debate. " * 100)
    text = repr(doc)
    assert len(text) < 200
    assert text.startswith("Document(id='', text='The minister resigned")
    assert "lines=1 kept of 2, removed=1, language='en'" in text


def test_repr_html_strikes_removed_lines_and_escapes() -> None:
    doc = full_document()
    page = doc._repr_html_()
    assert "<del>Advertisement</del>" in page
    assert "interface_lines/advertisement: whole-line phrase" in page
    assert "Markets &lt;b&gt;rally&lt;/b&gt; and" in page and "<b>rally</b>" not in page
    assert page.index("<del>World</del>") < page.index("Markets") < page.index("<del>Advertisement</del>")
    hostile = Document.from_text("<script>alert(1)</script>", id="<i>x</i>")
    assert "<script>" not in hostile._repr_html_() and "&lt;i&gt;x&lt;/i&gt;" in hostile._repr_html_()


def test_explain_is_public_and_matches_the_cli(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    from cleaner import cli

    path = Path(str(tmp_path)) / "a.txt"
    path.write_text(
        "World\n\nMinister resigns\n\nThe minister resigned on Monday.\n\nAdvertisement", encoding="utf-8"
    )
    assert cli.main(["clean", str(path), "--explain", "--no-detect-language"]) == 0
    out = capsys.readouterr().out
    doc = cleaner.default_pipeline(detect_language=False).clean(path.read_bytes(), id=str(path))
    assert out.rstrip("\n").endswith(doc.explain())
    assert "- line 1: section_labels/section_label (vocabulary entry 'world' at en/section_labels.txt:2): World" in doc.explain()


def test_renumbered_reads_the_input_without_its_blank_lines_and_numbers_back() -> None:
    doc = Document.from_text("Menu\n\nThe minister resigned.\nShe had led the ministry.\n\n\nShare")
    view, back = doc.renumbered()
    # Lines 0, 2, 3 and 6 of the input are 0 to 3 in the view; the paragraphs stay.
    assert [(b.index, b.paragraph) for b in view.blocks] == [(0, 0), (1, 1), (2, 1), (3, 2)]
    done = back(view.without([Removal(view.blocks[3], "interface_lines", "share_prompt")]))
    assert [r.block.index for r in done.removals] == [6]
    assert [(b.index, b.paragraph) for b in done.blocks] == [(b.index, b.paragraph) for b in doc.blocks[:3]]
    assert done.text == "Menu\n\nThe minister resigned.\nShe had led the ministry."
    # A blank line between every two lines groups nothing: one paragraph in the view.
    spaced, _ = Document.from_text("a\n\nb\n\nc").renumbered()
    assert [(b.index, b.paragraph) for b in spaced.blocks] == [(0, 0), (1, 0), (2, 0)]
    # Without blank lines there is nothing to renumber.
    assert Document.from_text("a\nb").renumbered() is None
