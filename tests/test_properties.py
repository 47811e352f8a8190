"""Properties of the whole pipeline: never raises, invents nothing, idempotent, linear."""

from __future__ import annotations

import json
from pathlib import Path

import ftfy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.filters.unicode import FTFY_CONFIG, FixUnicode, fix_line, replay

LINES = st.sampled_from(
    [
        "Advertisement", "World", "By Jane Doe", "Updated 3:42 PM EDT, April 2, 2024", "Lire aussi :",
        "Le maire démissionne", "Getty Images", "Share", "La page d'accueil du site.", "La page d’accueil du site.",
        "The minister resigned on Monday after weeks of pressure from her own party, aides said.",
        "Jane Doe is a senior reporter covering politics.", "Back to top", "", "   ", "caf\u00c3\u00a9 &amp; th\u00e9",
        "Вчера в Москве прошёл митинг, собравший несколько тысяч человек, сообщает агентство.", "• Tags: a, b",
    ]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=25).map("\n".join))
# derandomize: CI runs the same examples every time (a real test, never a flaky one).
FAST = settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXTS)
def test_never_raises_and_invents_nothing(text: str) -> None:
    result = cleaner.clean(text)
    repaired = {FixUnicode().whitespace(fix_line(line)[0]) for line in cleaner.Document.from_text(text).blocks for line in [line.text]}
    for line in result.text.split("\n"):
        assert line == "" or line in repaired


@FAST
@given(TEXTS)
def test_idempotent(text: str) -> None:
    once = cleaner.clean(text).text
    assert cleaner.clean(once).text == once


@FAST
@given(st.text(max_size=200))
def test_fix_line_is_ftfy(line: str) -> None:
    line = line.replace("\r", "").replace("\n", "")
    fixed, plan = fix_line(line)
    assert fixed == ftfy.fix_text(line, FTFY_CONFIG)
    assert replay(line, plan) == fixed


def test_fix_line_is_ftfy_on_fixtures() -> None:
    from pathlib import Path

    for path in sorted(Path(__file__).parent.parent.joinpath("fixtures", "articles").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert fix_line(line)[0] == ftfy.fix_text(line, FTFY_CONFIG)


def test_edits_replay() -> None:
    text = "Caf\u00c3\u00a9 cr\u00c3\u00a8me\ncafe\u0301 s\u00c3\u00b3\nl&#39;\u00e9t\u00e9"
    doc = cleaner.clean(text)
    edits = [e for e in doc.edits if e.step == "fix_unicode"]
    assert len(edits) == 3
    for edit in edits:
        assert replay(edit.before, edit.explanation) == edit.after


@pytest.mark.parametrize("bad", [None, 42, ["text"], {"text": "x"}])
def test_non_text_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        cleaner.clean(bad)  # type: ignore[arg-type]


def test_bytes_are_decoded_and_recorded() -> None:
    assert cleaner.clean("Déjà vu.".encode()).metadata["source_encoding"] == "utf-8"
    latin = cleaner.clean("Déjà vu, encore une fois.".encode("latin-1"))
    assert latin.text == "Déjà vu, encore une fois."
    assert latin.metadata["source_encoding"] != "utf-8"


@pytest.mark.parametrize("text", ["", "   ", "\n\n\u00a0\n\u200b"])
def test_blank_gives_empty_result(text: str) -> None:
    result = cleaner.clean(text)
    assert result.text == "" and result.title is None and result.removed == ()


def test_results_are_json_ready_and_picklable() -> None:
    import json
    import pickle

    doc = cleaner.clean("World\n\nA title\n\nSome article text here, long enough to count as a paragraph.\n\nAdvertisement")
    data = json.loads(json.dumps(doc.to_dict(blocks=True)))
    again = cleaner.Document.from_dict(data)
    assert again.text == doc.text and again.removals == doc.removals
    assert pickle.loads(pickle.dumps(doc)) == doc


PARAGRAPH = "The council voted on Monday to extend the tram line to the airport by 2030, officials said.\n"


@pytest.mark.parametrize(
    "text",
    [
        PARAGRAPH * 110_000,  # ~10 MB, 110,000 lines
        "a" * 1_000_000,  # one line of 1 MB
        ("word " * 200_000) + "\n" + "Advertisement\n" * 1000,  # long line among short ones
        ("(" * 5000 + "a" * 5000 + ")" * 5000 + "\n") * 20,  # adversarial punctuation
        ("By " + "A " * 3000 + "\n") * 50 + ("© " * 5000 + "\n") * 5,
        # Under a footer word that may head contact details: lines the e-mail and phone
        # patterns would scan from every start.
        PARAGRAPH * 3 + "Kontakt\n" + "a.b-c" * 200_000 + "\n" + "1 " * 500_000 + "\n",
        # Small tables, cards and list entries, thousands of them: what the table and entry
        # readers look ahead over; a headline-like line of 1 MB closed by a bracket.
        PARAGRAPH * 3 + ("Home\nAway\nScore\n" + "Porin Myrsky\nVaasan Viikingit\n2–1\n" * 5) * 1000 + ("Home\n12\n") * 10_000,
        PARAGRAPH * 3 + ("Zimmer: 2 Betten\n" + "WLAN\n" * 7 + "Haustiere: nein\n") * 2000,
        "Menu\n" + "Wort " * 200_000 + "(m/w/d)\n" + PARAGRAPH * 3,
    ],
    ids=["10MB", "1MB-line", "long-and-short", "brackets", "byline-like", "contact-like", "tables", "entries", "qualified-line"],
)
def test_large_and_adversarial_inputs(text: str) -> None:
    result = cleaner.clean(text)
    assert isinstance(result.text, str)
    kept = len(result.text)
    assert kept <= len(text)


def _verdicts(doc: cleaner.Document) -> tuple[list[str], list[tuple[str, str, str]]]:
    return [b.text for b in doc.blocks], sorted((r.block.text, r.filter, r.reason) for r in doc.removals)


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGES = [
    *((p.stem, p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "articles").glob("*.txt"))),
    *((case["label"], case["input"]) for case in json.loads((FIXTURES / "cases" / "pages.json").read_text(encoding="utf-8"))),
]


@pytest.mark.parametrize("page", [text for _, text in PAGES], ids=[label for label, _ in PAGES])
def test_blank_lines_between_every_two_lines_change_no_verdict(page: str) -> None:
    """Scrapers give a page's lines with a blank line between every two or with none: the
    same lines go, for the same reasons, and the result keeps the input's line numbers."""
    rows = [line for line in page.splitlines() if line.strip()]
    tight = cleaner.clean("\n".join(rows))
    spaced = cleaner.clean("\n\n".join(rows))
    assert _verdicts(spaced) == _verdicts(tight)
    assert [r.block.index for r in spaced.removals] == [2 * r.block.index for r in tight.removals]
    assert [e.block_index for e in spaced.edits] == [2 * e.block_index for e in tight.edits]


def test_details_name_the_input_lines_across_blank_lines() -> None:
    """Filters see the lines numbered without blank lines; the details they write name the
    lines of the input, as the removals' own line numbers do."""
    para = "The council will vote on the new budget on Monday, officials said."
    other = "More text here, and it is long enough to be a paragraph of the article."
    doc = cleaner.clean("\n\n\n" + para + "\n\n" + other + "\n\n" + para)
    assert [(r.block.index + 1, r.reason, r.detail) for r in doc.removals] == [(8, "duplicate_paragraph", "same text as line 4")]


def test_steps_see_the_document_as_it_is_with_its_paragraphs() -> None:
    """Only filters see the view numbered without blank lines: a step (language, translation,
    a user's step) gets the document with its line numbers and paragraphs."""
    from cleaner.filters import InterfaceLines
    from cleaner.pipeline import Pipeline

    seen = []

    class Step:
        name = "look"

        def __call__(self, doc: cleaner.Document) -> cleaner.Document:
            seen.append((doc.text, [b.index for b in doc.blocks]))
            return doc

    text = "Advertisement\n\nThe council met on Monday.\n\nIt voted on the budget."
    Pipeline(InterfaceLines(), Step()).clean(text)
    assert seen == [("The council met on Monday.\n\nIt voted on the budget.", [2, 4])]
