"""Run every fixture (articles, focused cases, negatives) through ``cleaner.clean``.

The fixtures are data (see fixtures/README.md). A fixture marked ``"expect": "fail"`` is a
known miss: it runs under ``xfail(strict=True)``, so it stays visible and turns into an
error the day it starts passing. The ``test_fixture_*`` checks at the bottom only check
that the fixture files are consistent with themselves; they do not call the cleaner.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ftfy
import pytest

import cleaner

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLES = FIXTURES / "articles"
CASES = FIXTURES / "cases"
NEGATIVE = FIXTURES / "negative.json"

REASONS = frozenset(
    {
        # section_labels
        "section_label",
        "kicker",
        # interface_lines
        "advertisement",
        "navigation",
        "share_prompt",
        "subscription_prompt",
        "cookie_notice",
        "comment_counter",
        "copyright_line",
        "tag_list",
        "shop_button",
        # bylines
        "byline",
        "dateline",
        # captions
        "caption",
        "repeated_caption",
        "image_credit",
        "caption_with_credit",
        "pull_quote",
        "gallery",
        # related_promos
        "promo_lead_in",
        "promoted_headline",
        # author_bio
        "author_bio",
        "bio_language_switch",
        "author_name",
        # duplicate_paragraphs
        "duplicate_paragraph",
        # fix_unicode
        "empty_after_repair",
        # body_region
        "before_body",
        "after_body",
        "link_list",
    }
)

# The normalization every kept line gets (see fixtures/README.md): ftfy with curly quotes
# and full-width forms left alone, zero-width characters dropped, runs of spaces and tabs
# collapsed to one space (no-break spaces are kept: French typography uses them), ends trimmed.
FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False)
LINE_BREAK_RE = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028]")
BLANK_RE = re.compile(r"[\s\u200b\u2060\ufeff\u00ad]*")
INVISIBLE_RE = re.compile(r"[\u200b\u2060\ufeff]")
SPACE_RUN_RE = re.compile(r"[\t \u1680\u2000-\u200a\u205f]+")
EDGE_SPACE_RE = re.compile(r"^[\s\u00a0\u202f\u3000]+|[\s\u00a0\u202f\u3000]+$")


def normalize_line(line: str) -> str:
    """One kept line as the cleaner must output it."""
    text = ftfy.fix_text(line, FTFY_CONFIG)
    text = INVISIBLE_RE.sub("", text)
    text = SPACE_RUN_RE.sub(" ", text)
    return EDGE_SPACE_RE.sub("", text)


def rebuild(text: str, removed_lines: set[int] | frozenset[int] = frozenset()) -> str:
    """The expected output of ``text`` once the 1-based ``removed_lines`` are gone.

    Kept lines of one paragraph join with "\\n"; one or more blank input lines between two
    kept lines make "\\n\\n". A removed line never creates a paragraph break.
    """
    text = text.replace("\u2029", "\n\n")
    out: list[str] = []
    paragraph, previous, pending, seen = 0, None, False, False
    for number, line in enumerate(LINE_BREAK_RE.split(text), start=1):
        if BLANK_RE.fullmatch(line):
            pending = seen
            continue
        if pending:
            paragraph += 1
            pending = False
        seen = True
        fixed = normalize_line(line)
        if number in removed_lines or not fixed:
            continue
        if previous is not None:
            out.append("\n" if paragraph == previous else "\n\n")
        out.append(fixed)
        previous = paragraph
    return "".join(out)


def _param(data: dict[str, Any], id: str) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=data.get("note") or "known miss")]
    return pytest.param(data, id=id, marks=marks if data.get("expect") == "fail" else ())


def _articles() -> Iterator[Any]:
    for path in sorted(ARTICLES.glob("*.expected.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        source = path.with_name(path.name.removesuffix(".expected.json") + ".txt")
        data["source"] = source.read_bytes().decode("utf-8")
        yield _param(data, id=source.stem)


def _cases() -> Iterator[Any]:
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            yield _param(case, id=f"{path.stem}:{case['label']}")


def _negatives() -> Iterator[Any]:
    if not NEGATIVE.exists():  # test_fixture_counts reports it
        return
    for item in json.loads(NEGATIVE.read_text(encoding="utf-8")):
        yield _param(item, id=item["label"])


ARTICLE_PARAMS = list(_articles())
CASE_PARAMS = list(_cases())
NEGATIVE_PARAMS = list(_negatives())


def _removed_pairs(doc: cleaner.Document) -> list[tuple[int, str]]:
    return sorted((r.block.index + 1, r.reason) for r in doc.removed)


@pytest.mark.parametrize("article", ARTICLE_PARAMS)
def test_article(article: dict[str, Any]) -> None:
    doc = cleaner.clean(article["source"])
    expected_removed = sorted((r["line"], r["reason"]) for r in article["removed"])
    assert doc.text == article["expected"]
    assert _removed_pairs(doc) == expected_removed
    assert doc.title == article["title"]
    # Every removal says why, beyond its reason code.
    assert [r.block.text for r in doc.removals if not r.detail] == []


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_case(case: dict[str, Any]) -> None:
    doc = cleaner.clean(case["input"])
    assert doc.text == case["expected"]
    assert [reason for _, reason in _removed_pairs(doc)] == case["removed"]
    assert [r.block.text for r in doc.removals if not r.detail] == []


@pytest.mark.parametrize("negative", NEGATIVE_PARAMS)
def test_negative(negative: dict[str, Any]) -> None:
    doc = cleaner.clean(negative["text"])
    assert doc.text == rebuild(negative["text"])


# --- the fixtures themselves (no cleaner involved) ---------------------------------------


def test_fixture_counts() -> None:
    assert len(ARTICLE_PARAMS) >= 14
    assert len(CASE_PARAMS) >= 25
    assert len(NEGATIVE_PARAMS) >= 25
    for path in ARTICLES.glob("*.txt"):
        assert path.with_name(path.stem + ".expected.json").exists(), path.name


@pytest.mark.parametrize("article", [pytest.param(p.values[0], id=p.id) for p in ARTICLE_PARAMS])
def test_fixture_article_is_consistent(article: dict[str, Any]) -> None:
    lines = LINE_BREAK_RE.split(article["source"])
    removed = {r["line"] for r in article["removed"]}
    assert len(removed) == len(article["removed"]), "a line is removed twice"
    assert {r["reason"] for r in article["removed"]} <= REASONS
    for number in removed:
        assert not BLANK_RE.fullmatch(lines[number - 1]), f"line {number} is blank"
    assert rebuild(article["source"], removed) == article["expected"]
    if article["title"] is not None:
        assert article["expected"].split("\n", 1)[0] == article["title"]
    assert article["expect"] in ("pass", "fail")


# The self-checks hold for known misses too, so they run without the xfail mark.
@pytest.mark.parametrize("case", [pytest.param(p.values[0], id=p.id) for p in CASE_PARAMS])
def test_fixture_case_is_consistent(case: dict[str, Any]) -> None:
    assert set(case["removed"]) <= REASONS
    assert case["expect"] in ("pass", "fail")
    # Match the expected lines, in order, against the repaired input lines; the lines left
    # over are the removed ones, and removing them must give `expected` exactly.
    wanted = [line for line in case["expected"].split("\n") if line]
    removed: set[int] = set()
    empty = 0
    for number, line in enumerate(LINE_BREAK_RE.split(case["input"]), start=1):
        if BLANK_RE.fullmatch(line):
            continue
        fixed = normalize_line(line)
        if not fixed:
            empty += 1
        elif wanted and fixed == wanted[0]:
            wanted.pop(0)
        else:
            removed.add(number)
    assert not wanted, f"expected lines not found in the input: {wanted}"
    assert rebuild(case["input"], removed) == case["expected"]
    assert len(removed) + empty == len(case["removed"])
    assert case["removed"].count("empty_after_repair") == empty


NON_LATIN = frozenset({"ru", "uk", "el", "ar", "ja", "zh", "bg", "he", "ko"})


def test_fixture_cases_cover_every_reason() -> None:
    """Every reason code has cases in 3+ languages (the label's "xx:" prefix), one non-Latin."""
    languages: dict[str, set[str]] = {reason: set() for reason in REASONS}
    for param in CASE_PARAMS:
        case = param.values[0]
        language = case["label"].split(":", 1)[0]
        for reason in case["removed"]:
            languages[reason].add(language)
    thin = {reason: sorted(langs) for reason, langs in languages.items() if len(langs) < 3}
    assert not thin, f"reasons with cases in fewer than 3 languages: {thin}"
    latin_only = sorted(reason for reason, langs in languages.items() if not langs & NON_LATIN)
    assert not latin_only, f"reasons without a non-Latin case: {latin_only}"


def test_fixture_labels_are_unique() -> None:
    for params in (ARTICLE_PARAMS, CASE_PARAMS, NEGATIVE_PARAMS):
        ids = [param.id for param in params]
        assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
