"""The one-pass engine's shortcuts agree with the plain definitions they stand for.

The vocabulary looks whole-line phrases up in a dict and runs a pattern only when a quick
test says it could match (what it can start with, a piece of plain text every match
holds, read from an index shipped with the vocabulary); a quantity's unit is a set
lookup. :class:`cleaner.lines.Lines` remembers what it worked out about a line. None of
that may change an answer: checked here against plain, unfiltered alternations in the
``regex`` engine, over the vocabulary's own entries, fixture lines, text in scripts with
combining marks, and random text, and by cleaning with an overflowing memo.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleaner.patterns import core, fold
from cleaner.vocabulary import Vocabulary, first_chars, required_any, starts

ROOT = Path(__file__).resolve().parent.parent
VOCAB = Vocabulary.default()
CATEGORIES = tuple(VOCAB.categories())


def _alternation(patterns: list[str], template: str) -> regex.Pattern[str] | None:
    return regex.compile(template.format(body="|".join(f"(?:{p})" for p in patterns))) if patterns else None


class SlowVocabulary:
    """The matching rules written plainly: one alternation per question, no prefilter."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.full: dict[str, regex.Pattern[str] | None] = {}
        self.contains: dict[str, regex.Pattern[str] | None] = {}
        self.prefix_re: dict[str, regex.Pattern[str] | None] = {}
        self.search_re: dict[str, regex.Pattern[str] | None] = {}
        for category, entries in vocab.entries.items():
            patterns = [e[3:].strip() for e in entries if e.startswith("re:")]
            contains = [e[4:].strip() for e in entries if e.startswith("has:")]
            literals = sorted(vocab.literals(category), key=len, reverse=True)
            ordered = patterns + [regex.escape(p) for p in literals]
            self.full[category] = _alternation(patterns, "{body}")
            self.contains[category] = _alternation(contains, "{body}")
            self.prefix_re[category] = _alternation(ordered, r"^(?:{body})(?!\w)")
            self.search_re[category] = _alternation(ordered, r"(?<!\w)(?:{body})(?!\w)")

    def is_phrase(self, category: str, text: str) -> bool:
        full, contains = self.full[category], self.contains[category]
        return (
            text in self.vocab.literals(category)
            or (full is not None and full.fullmatch(text) is not None)
            or (contains is not None and contains.search(text) is not None)
        )

    def classify(self, categories: tuple[str, ...], text: str) -> str | None:
        for category in categories:
            if text in self.vocab.literals(category):
                return category
        for category in categories:
            full = self.full[category]
            if full is not None and full.fullmatch(text):
                return category
        for category in categories:
            contains = self.contains[category]
            if contains is not None and contains.search(text):
                return category
        return None

    def prefix(self, category: str, text: str) -> int | None:
        prefix_re = self.prefix_re[category]
        match = prefix_re.match(text) if prefix_re is not None else None
        return match.end() if match else None

    def remove_all(self, category: str, text: str) -> tuple[str, int]:
        search_re = self.search_re[category]
        return search_re.subn(" ", text) if search_re is not None else (text, 0)

    def search_span(self, category: str, text: str) -> tuple[int, int] | None:
        search_re = self.search_re[category]
        match = search_re.search(text) if search_re is not None else None
        return match.span() if match else None


SLOW = SlowVocabulary(VOCAB)


def _lines() -> list[str]:
    """Fixture lines, vocabulary phrases with decoration, glued and cut, and random text."""
    rng = random.Random(5)
    lines = []
    for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    phrases = [e for c in CATEGORIES for e in VOCAB.entries[c] if not e.startswith(("re:", "has:"))]
    for phrase in rng.sample(phrases, 600):
        lines.append(phrase)
        lines.append(f"» {phrase} :")
        lines.append(f"{phrase} {rng.choice(lines)}")
        lines.append(f"{rng.choice(lines)[:40]} {phrase}")
        lines.append(phrase[: rng.randrange(1, len(phrase) + 1)])
    # scripts with combining marks, where the two regex engines' \w could differ
    lines += ["हिंदी समाचार पढ़ें", "और पढ़ें", "ইউক্রেনের খবর", "தமிழ் செய்திகள்", "ข่าวล่าสุด อ่านต่อ", "اقرأ أيضاً", "שָׁלוֹם"]
    alphabet = "ab é.:/|-©()0123 \u00a0Жи中文ΑΒ'\"»\u0301\u093f\u0e48"
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 60))) for _ in range(500)]
    keys = {text for line in lines for text in (line, fold(line), core(line))}
    return sorted(keys)


LINES = _lines()


def test_interface_categories_agree_with_plain_alternations() -> None:
    from cleaner.filters.interface import CATEGORIES as INTERFACE

    for text in LINES:
        assert VOCAB.classify(INTERFACE, text) == SLOW.classify(INTERFACE, text), text


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_question_agrees_with_plain_alternations(category: str) -> None:
    for text in LINES:
        assert VOCAB.is_phrase(category, text) == SLOW.is_phrase(category, text), text
        assert VOCAB.prefix(category, text) == SLOW.prefix(category, text), text
        assert VOCAB.remove_all(category, text) == SLOW.remove_all(category, text), text
        # search answers whether an entry occurs (its match is one entry's, not the leftmost)
        found = VOCAB.search(category, text)
        assert (found is not None) == (SLOW.search_span(category, text) is not None), text
        if found is not None:
            start, end = found.span()
            assert SLOW.search_span(category, text[start:end]) == (0, end - start), text


def _patterns() -> list[str]:
    return sorted({e.split(":", 1)[1].strip() for c in CATEGORIES for e in VOCAB.entries[c] if e.startswith(("re:", "has:"))})


def _compiled_patterns() -> list[tuple[str, regex.Pattern[str]]]:
    return [(p, regex.compile(p)) for p in _patterns()]


def test_one_of_the_required_pieces_occurs_in_every_match() -> None:
    """A pattern is skipped (and never compiled) on a line holding none of its required
    pieces: every match holds one of them."""
    checked = gated = 0
    for pattern, compiled in _compiled_patterns():
        pieces = required_any(pattern)
        if pieces is None:
            continue
        gated += 1
        for text in LINES:
            match = compiled.search(text)
            if match is not None:
                assert any(piece in match.group() for piece in pieces), (pattern, text, pieces)
                checked += 1
    assert checked > 100
    assert gated > len(_patterns()) // 2  # most shipped patterns are gated


@pytest.mark.parametrize(
    ("pattern", "pieces"),
    [
        ("all rights reserved", ("all rights reserved",)),
        (r"(tous droits|reproduction) (réservés|interdite)", ("tous droits", "reproduction")),
        (r"^([\w'.-]+ ){1,3}(covers|writes for)\b", ("covers", "writes for")),
        (r"(en|et|\d{1,5}) (kommentarer|svar)", ("kommentarer", "svar")),
        (r"x(abc|)yz", None),  # an empty alternative requires nothing
        (r"(?:abcd)?efg", ("efg",)),  # an optional group requires nothing
        (r"(?:abcd)+ef", ("abcd",)),
        (r"(?i)abcd", None),
        (r"a(?i:bcde)", None),
        (r"(?!abcd)efg", ("efg",)),  # a negative lookahead's text is not in the match
        (r"ab|cd", None),
        (r"\d+ ?/ ?\d+", None),
    ],
)
def test_required_pieces_examples(pattern: str, pieces: tuple[str, ...] | None) -> None:
    assert required_any(pattern) == pieces


def test_starts_and_first_characters_begin_every_match() -> None:
    """A pattern is tried only on lines that begin as it can (two characters, or one)."""
    from cleaner.vocabulary import DIGIT, SPACE, WORD

    classes = {DIGIT: regex.compile(r"\d"), WORD: regex.compile(r"\w"), SPACE: regex.compile(r"\s")}
    checked = 0
    for pattern, compiled in _compiled_patterns():
        heads, chars = starts(pattern), first_chars(pattern)
        for text in LINES:
            match = compiled.match(text)
            if match is None or not match.group():
                continue
            checked += 1
            if heads is not None:
                assert any(match.group().startswith(h) for h in heads), (pattern, text)
            if chars is not None:
                first = text[0]
                assert first in chars or any(c in classes and classes[c].match(first) for c in chars), (pattern, text)
    assert checked > 100


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_required_pieces_and_starts_on_generated_matches(data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(_patterns()))
    try:
        strategy = st.from_regex(re.compile(pattern), fullmatch=True)
    except Exception:  # noqa: BLE001 - a pattern Python's re cannot generate for
        return
    text = data.draw(strategy)
    assume(regex.compile(pattern).fullmatch(text) is not None)
    heads, pieces = starts(pattern), required_any(pattern)
    assert pieces is None or any(piece in text for piece in pieces)
    assert heads is None or any(text.startswith(h) for h in heads)


@pytest.mark.parametrize(
    ("pattern", "literal", "heads"),
    [
        ("all rights reserved", "all rights reserved", {"al"}),
        (r"(a|b)cde", "cde", {"ac", "bc"}),
        (r"x?yzz", "yzz", {"xy", "yz"}),
        (r"\d+ of \d+", " of ", None),
        (r"(?i)abc", None, None),
        (r"\p{L}+ abc", None, None),  # regex-only syntax: nothing claimed
        (r"[[:alpha:]]+x", None, None),
        (r"(?:abc){e<=1}", None, None),  # fuzzy matching
        (r"a*", None, None),
    ],
)
def test_required_pieces_and_starts_examples(pattern: str, literal: str | None, heads: set[str] | None) -> None:
    assert required_any(pattern) == ((literal,) if literal is not None else None)
    found = starts(pattern)
    assert (set(found) if found is not None else None) == heads


@given(st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_random_text_agrees(text: str) -> None:
    from cleaner.filters.interface import CATEGORIES as INTERFACE

    key = core(text)
    assert VOCAB.classify(INTERFACE, key) == SLOW.classify(INTERFACE, key)
    for category in ("share_prompt", "bio_phrases", "byline_lead_ins", "promo_lead_ins", "copyright_line"):
        assert VOCAB.prefix(category, key) == SLOW.prefix(category, key)
        assert VOCAB.remove_all(category, key) == SLOW.remove_all(category, key)
        assert VOCAB.is_phrase(category, key) == SLOW.is_phrase(category, key)


def _slow_whitespace(text: str, nbsp: str) -> str:
    from cleaner.filters.unicode import EDGE_SPACE_RE, INVISIBLE_RE, NBSP_RE, SPACE_RUN_RE

    text = INVISIBLE_RE.sub("", text)
    if nbsp == "space":
        text = NBSP_RE.sub(" ", text)
    return EDGE_SPACE_RE.sub("", SPACE_RUN_RE.sub(" ", text))


@given(st.text(alphabet=st.sampled_from("ab .\t\u00a0\u202f\u200b\u2060\ufeff\u3000\u2003\u1680\u205f\u2028é"), max_size=30))
@settings(max_examples=500, deadline=None)
def test_whitespace_fast_path_agrees(text: str) -> None:
    from cleaner.filters.unicode import FixUnicode

    for nbsp in ("keep", "space"):
        assert FixUnicode(nbsp=nbsp).whitespace(text) == _slow_whitespace(text, nbsp)  # type: ignore[arg-type]


def _mojibake_alphabet() -> str:
    """Every character ftfy's badness pattern names, with ASCII, spaces and common letters."""
    from ftfy.badness import BADNESS_RE

    named = {ch for ch in BADNESS_RE.pattern if not ch.isascii()}
    return "".join(sorted(named | set("aAzZ .,?!-'\"0\t\u00a0") | set("éÉàüÜßçœŒжЖαΑ中")))


def _mojibake_samples() -> list[str]:
    """Fixture text as is and as mojibake (UTF-8 read in the encodings ftfy looks for)."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    samples = [line for text in texts for line in text.split("\n")]
    for text in texts:
        for encoding in ("latin-1", "windows-1252", "windows-1251", "windows-1253", "windows-1257", "mac-roman", "cp437"):
            garbled = text.encode("utf-8").decode(encoding, errors="replace")
            samples += garbled.split("\n")
    return samples


def test_badness_prefilter_agrees_on_fixture_text_and_mojibake() -> None:
    from ftfy.badness import is_bad

    from cleaner.filters.unicode import may_be_bad

    samples = _mojibake_samples()
    assert sum(map(is_bad, samples)) > 100  # the mojibake really is bad
    for text in samples:
        assert may_be_bad(text) == is_bad(text), text


def test_badness_prefilter_agrees_on_every_short_sequence() -> None:
    """All pairs over the characters ftfy's pattern names (most alternatives are two
    characters long), and random runs of up to six for the longer ones."""
    from ftfy.badness import is_bad

    from cleaner.filters.unicode import may_be_bad

    alphabet = _mojibake_alphabet()
    for first in alphabet:
        for second in alphabet:
            pair = first + second
            assert may_be_bad(pair) == is_bad(pair), pair
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(3, 7)))
        assert may_be_bad(text) == is_bad(text), text


@given(st.text(max_size=60) | st.text(alphabet=st.sampled_from(_mojibake_alphabet()), max_size=12))
@settings(max_examples=500, deadline=None)
def test_badness_prefilter_agrees_on_random_text(text: str) -> None:
    from ftfy.badness import is_bad

    from cleaner.filters.unicode import may_be_bad

    assert may_be_bad(text) == is_bad(text)


def test_badness_prefilter_skips_ordinary_text() -> None:
    from cleaner.filters.unicode import _badness_prefilter

    prefilter = _badness_prefilter()
    assert prefilter is not None
    for text in ("Ein „Zitat“ – mit Umlauten: schön", "« L’été », dit-il.", "Москва — столица", "東京の桜"):
        assert prefilter.search(text) is None, text


def test_trigger_class_agrees_between_engines_on_every_code_point() -> None:
    from cleaner.filters.unicode import FTFY_TRIGGER_RE, _trigger_class

    everything = "".join(map(chr, range(0x110000)))
    assert FTFY_TRIGGER_RE.findall(everything) == regex.compile(_trigger_class()).findall(everything)
    assert len(FTFY_TRIGGER_RE.findall(everything)) > 2048  # surrogates, C1, controls, ligatures


def _caption_lines() -> list[str]:
    """Fixture lines, and short ones with a credit glued on in each form the regexes know."""
    from cleaner.filters.captions import Captions

    rng = random.Random(9)
    agencies = sorted(Captions()._agencies)
    lines = [line for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt")) for line in path.read_text(encoding="utf-8").split("\n")]
    short = [line for line in lines if 0 < len(line) < 120]
    credits = [
        "(AP Photo/Jane Roe)", "(Foto: {a})", "({a})", "(© {a})", "Foto: Bernd Kessler/{a}", "Photo by Jane Roe",
        "Fot. PAP/Tomasz W.", "© {a}", "{a}", "{a}/Jane Roe", "Jane Roe/{a}", "Bild: {a}", "фото: {a}", "Quelle: {a}",
    ]
    for _ in range(3000):
        credit = rng.choice(credits).format(a=rng.choice(agencies))
        caption = rng.choice(short)
        lines += [f"{caption} {credit}", f"{caption}. {credit}", f"{credit} {caption}", credit, f"{caption}{credit}"]
    return lines


def test_credit_hints_occur_in_every_credit_match() -> None:
    from cleaner.filters.captions import LEADING_CREDIT_HINT, TRAILING_CREDIT_HINT_RE, Captions

    captions = Captions()
    matched = 0
    for line in _caption_lines():
        folded = fold(line)
        if captions._trailing_credit_re.search(folded):
            matched += 1
            assert TRAILING_CREDIT_HINT_RE.search(folded), folded
        if captions._leading_credit_re.search(folded):
            assert LEADING_CREDIT_HINT in folded, folded
    assert matched > 1000


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_trailing_credit_hint_on_generated_matches(data: st.DataObject) -> None:
    import re

    from cleaner.filters.captions import TRAILING_CREDIT_HINT_RE, Captions

    pattern = Captions()._trailing_credit_re.pattern
    text = data.draw(st.from_regex(re.compile(pattern)))
    assume(Captions()._trailing_credit_re.search(text) is not None)
    assert TRAILING_CREDIT_HINT_RE.search(text)


def test_credit_judgments_agree_with_the_plain_rules() -> None:
    """Cuts, trailing credits and lone credits as written before the fast paths."""
    from cleaner.filters.captions import Captions
    from cleaner.patterns import DECOR_RE, word_count

    fast, plain = Captions(), Captions()
    for line in _caption_lines():
        folded = fold(line)
        expected_cuts = (
            DECOR_RE.sub("", plain._trailing_credit_re.sub("", folded)),
            DECOR_RE.sub("", plain._leading_credit_re.sub("", folded)),
        )
        assert fast._credit_cuts(folded, core(line)) == expected_cuts, line
        expected_trailing = (
            word_count(line) <= plain.max_caption_words
            and plain._trailing_credit_re.search(folded) is not None
            and not plain.vocabulary.is_phrase("copyright_line", core(line))
        )
        assert fast.has_trailing_credit(line) == expected_trailing, line
        expected_credit = len(line) <= 120 and (
            not plain.vocabulary.is_phrase("copyright_line", core(line)) and plain._looks_like_credit(line) and not plain.lines.shapes.is_form(line)
        )
        assert fast.is_credit(line) == expected_credit, line


def _plain_fold(text: str) -> str:
    import unicodedata

    from cleaner.patterns import QUOTES_TABLE, SPACES_RE

    folded = unicodedata.normalize("NFKC", text.translate(QUOTES_TABLE)).casefold().replace("i\u0307", "i")  # a Turkish "İ"
    return SPACES_RE.sub(" ", folded).strip()


FOLD_ALPHABET = (
    "aZé ß.,:;!?…|•»«›‹<>*#\"'()[]{}/\\+=_~■【】。、-–—―−‐\u00ad\u200b\ufeff\u2060\u00a0\u202f\u3000\u2003\u1680"
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u2028\u2029‘’‚‛′´`ʼ“”„‟″ﬁ①Ｆ\u0301ſΣςİi\u0307"
)


@given(st.text(alphabet=st.sampled_from(FOLD_ALPHABET), max_size=40) | st.text(max_size=40))
@settings(max_examples=1000, deadline=None)
def test_fold_and_core_fast_paths_agree(text: str) -> None:
    from cleaner.patterns import DECOR_RE, fold, strip_decoration

    assert fold(text) == _plain_fold(text)
    assert strip_decoration(text) == DECOR_RE.sub("", text)
    assert core(text) == DECOR_RE.sub("", _plain_fold(text))


def test_printable_text_has_no_white_space_but_the_space() -> None:
    """What fold's split/join relies on, for every code point (both engines' rules)."""
    everything = "".join(map(chr, range(0x110000)))
    spaces = regex.findall(r"\s", everything)
    assert [c for c in spaces if c.isprintable()] == [" "]
    assert [c for c in everything if c.isspace() and c.isprintable()] == [" "]


def test_fold_and_core_agree_on_fixture_lines() -> None:
    from cleaner.patterns import DECOR_RE, fold

    for text in LINES:
        assert fold(text) == _plain_fold(text)
        assert core(text) == DECOR_RE.sub("", _plain_fold(text))


def test_a_shared_overflowing_memo_changes_no_result() -> None:
    """One Lines object serves every filter of a pipeline and every document it cleans;
    answers it remembers (or forgets when full) never change what is removed."""
    from cleaner.config import CleanerConfig

    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    config = CleanerConfig(detect_language=False)
    shared = config.pipeline()
    memos = {id(step.lines): step.lines for step in shared.steps if getattr(step, "lines", None) is not None}
    assert len(memos) == 1  # one description of each line, read by every filter
    (memo,) = memos.values()
    memo.max_size = 50  # overflows on every page
    for _ in range(2):
        for text in texts:
            fresh = config.pipeline().clean(text)
            again = shared.clean(text)
            assert again.text == fresh.text
            assert [r.to_dict() for r in again.removals] == [
                r.to_dict() for r in fresh.removals
            ]


def _plain_pull_quotes(self, blocks, keys, gone, line):  # type: ignore[no-untyped-def]
    """Captions._pull_quotes as written before its count prefilter: every line compared."""
    from cleaner.document import Removal
    from cleaner.filters.captions import CJK_RE, FILE_PATH_RE, INTRO_END_RE, QUOTE_BOUNDARY_RE, QUOTE_CHARS_RE, QUOTE_MARK, is_whole_sentence
    from cleaner.patterns import ends_sentence, size

    bare = [QUOTE_CHARS_RE.sub("", k) for k in keys]
    top = next((k for k, b in enumerate(blocks) if self.lines(b.text).prose and not self.lines.is_phrase("cookie_notice", self.lines(b.text))), len(blocks))
    for i, block in enumerate(blocks):
        if i in gone or i <= top or not 3 <= size(block.text) <= self.max_caption_words:
            continue
        needle = bare[i].strip(" .,;:-。")
        if len(needle) < (12 if CJK_RE.search(needle) else 25):
            continue
        lo, hi = max(0, i - self.pull_quote_window), min(len(blocks), i + self.pull_quote_window + 1)
        for j in range(lo, hi):
            # The paragraph a pull quote repeats ends like a sentence.
            if j != i and j not in gone and len(bare[j]) >= 1.3 * len(needle) and needle in bare[j] and ends_sentence(blocks[j].text):
                container = QUOTE_BOUNDARY_RE.sub(QUOTE_MARK, fold(blocks[j].text))
                if not is_whole_sentence(needle, container):
                    continue
                if self._among_cells(blocks, i) or FILE_PATH_RE.search(block.text):
                    break  # a table's cell, a program's message (the same rules as the filter's)
                if i > 0 and blocks[i - 1].index == block.index - 1 and INTRO_END_RE.search(blocks[i - 1].text):
                    break  # what the line above introduces (a reply's quote under "... said:")
                gone.add(i)
                yield Removal(block, self.name, "pull_quote", f"repeats line {line(blocks[j].index)}")
                break


def test_pull_quotes_agree_with_the_plain_loop() -> None:
    import re

    from cleaner.document import Document
    from cleaner.filters.captions import Captions

    rng = random.Random(4)
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    fast, plain = Captions(), Captions()
    plain._pull_quotes = _plain_pull_quotes.__get__(plain)  # type: ignore[method-assign]
    found = 0
    for _ in range(300):
        lines = rng.choice(texts).split("\n")
        for _ in range(rng.randrange(1, 6)):  # copy a sentence (perhaps quoted) near its paragraph
            source = rng.randrange(len(lines))
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", lines[source]) if s]
            if sentences:
                quote = rng.choice(sentences)
                quote = rng.choice([quote, f"“{quote}”", f"« {quote} »", quote[: len(quote) // 2], quote.upper()])
                lines.insert(min(len(lines), max(1, source + rng.randrange(-30, 30))), quote)
        doc = Document.from_text("\n".join(lines))
        expected = [(r.block.index, r.reason, r.detail) for r in plain.find(doc)]
        assert [(r.block.index, r.reason, r.detail) for r in fast.find(doc)] == expected
        found += sum(reason == "pull_quote" for _, reason, _ in expected)
    assert found > 50


def test_spacing_test_agrees_with_the_combined_regex() -> None:
    """FixUnicode.has_spacing (a stdlib class, two end characters) == SPACING_RE.search."""
    from cleaner.filters.unicode import SPACING_OR_NBSP_RE, SPACING_RE, FixUnicode

    rng = random.Random(5)
    spacey = regex.compile(r"[\s\p{Z}\p{Cc}\p{Cf}\u3000]")
    chars = [chr(c) for c in range(0x110000) if spacey.match(chr(c)) or chr(c).isspace()]
    chars += [chr(rng.randrange(0x110000)) for _ in range(3000)] + list("ab .\n")
    texts = [""]
    for c in chars:
        texts += [c, f"a{c}b", f"{c}a", f"a{c}", f"a{c}{c}b", f"a {c}b", f"a{c} b", f"{c}\n", f"a\n{c}"]
    for _ in range(3000):
        texts.append("".join(rng.choice(chars) for _ in range(rng.randrange(1, 6))))
    texts += LINES[:2000]
    for nbsp, combined in (("keep", SPACING_RE), ("space", SPACING_OR_NBSP_RE)):
        step = FixUnicode(nbsp=nbsp)  # type: ignore[arg-type]
        assert [step.has_spacing(t) for t in texts] == [combined.search(t) is not None for t in texts]


def test_sentence_ends_and_decoration_agree_with_their_regexes_on_every_code_point() -> None:
    from cleaner.patterns import DECOR_CHAR_RE, SENTENCE_END_RE, ends_sentence, is_decoration

    import unicodedata

    for code in range(0x110000):
        char = chr(code)
        # Python's Unicode database may be older than the regex module's (3.10: Unicode 13):
        # a code point assigned since (U+2E5D, a dash of Unicode 14) is unknown to it.
        if unicodedata.category(char) != "Cn":
            assert is_decoration(char) == (DECOR_CHAR_RE.fullmatch(char) is not None), hex(code)
        for text in (f"word{char}", f"a {char} ", f"x{char}\ufe0f"):
            assert ends_sentence(text) == (SENTENCE_END_RE.search(text) is not None), (hex(code), text)
    for text in [*LINES, "", " ", ":)", "a :-P", "<3", "x ;d", "ok :-(", "3", "end)"]:
        assert ends_sentence(text) == (SENTENCE_END_RE.search(text) is not None), text


def test_quote_substitution_and_cjk_range_agree_on_every_code_point() -> None:
    from cleaner.patterns import (
        AFTER_CJK_FIRST_RE,
        CJK_FIRST,
        CJK_RE,
        QUOTES_TABLE,
        QUOTES_TABLE_RE,
        _straight_quote,
    )

    everything = "".join(map(chr, range(0x110000)))
    assert QUOTES_TABLE_RE.sub(_straight_quote, everything) == everything.translate(QUOTES_TABLE)
    cjk = CJK_RE.findall(everything)
    assert min(cjk) == CJK_FIRST
    assert "".join(AFTER_CJK_FIRST_RE.findall(everything)) == everything[ord(CJK_FIRST) :]


def test_spaceless_ranges_are_the_four_scripts_blocks() -> None:
    from cleaner.patterns import RUN_ON_RE, SPACELESS_RE

    everything = "".join(map(chr, range(0x110000)))
    blocks = regex.compile(r"[\p{Block=Thai}\p{Block=Lao}\p{Block=Myanmar}\p{Block=Khmer}]")
    assert SPACELESS_RE.findall(everything) == blocks.findall(everything)
    assert RUN_ON_RE.findall(everything) == regex.findall(r"[\p{Block=Thai}\p{Block=Lao}]", everything)


def test_size_fast_path_agrees() -> None:
    from cleaner.patterns import CJK_RE, SPACELESS_CHARS_PER_WORD, size, word_count

    # Thai, Lao, Burmese and Khmer, by their Unicode blocks.
    spaceless_re = regex.compile(r"[\p{Block=Thai}\p{Block=Lao}\p{Block=Myanmar}\p{Block=Khmer}]")

    def plain(text: str) -> float:
        cjk = len(CJK_RE.findall(text))
        spaceless = len(spaceless_re.findall(text))
        return word_count(spaceless_re.sub(" ", CJK_RE.sub(" ", text))) + cjk / 2 + spaceless / SPACELESS_CHARS_PER_WORD

    for text in [*LINES, "", "学生们在上课", "a ⺀ b", "東京 Tokyo", "ฝนตกหนัก ทั้งคืน", "ຝົນຕົກ", "မိုးရွာ", "ភ្លៀងធ្លាក់", "ไทย 中文 Tokyo"]:
        assert size(text) == plain(text), text
        assert size(text, word_count(text)) == plain(text), text


def test_quote_class_agrees_between_engines_on_every_code_point() -> None:
    from cleaner.filters.captions import QUOTE_CHARS_RE

    everything = "".join(map(chr, range(0x110000)))
    assert QUOTE_CHARS_RE.findall(everything) == regex.compile(QUOTE_CHARS_RE.pattern).findall(everything)


def test_ascii_word_tokens_agree_between_engines() -> None:
    from cleaner.patterns import ASCII_WORD_RE, WORD_RE

    ascii_chars = "".join(map(chr, range(128)))
    assert regex.findall(r"\w", ascii_chars) == re.findall(r"[A-Za-z0-9_]", ascii_chars)
    rng = random.Random(6)
    pieces = ["a", "Z", "0", "_", "'", "-", ".", " ", ",", "\t", "\n", "!", "x'y", "e.g.", "--", "''", "/"]
    texts = [line for line in LINES if line.isascii()]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12))) for _ in range(20000)]
    texts += [a + b + c for a in pieces for b in pieces for c in pieces]
    for text in texts:
        assert ASCII_WORD_RE.findall(text) == WORD_RE.findall(text), text


def test_shipped_patterns_are_bounded_on_adversarial_lines() -> None:
    """Shipped patterns run without a timeout (user patterns have one, and a per-document
    budget): every one of them, as each matching mode wraps it, must finish fast on the
    longest lines the filters match (300 characters) built to make backtracking explode."""
    from cleaner.filters._common import MAX_UI_CHARS
    from cleaner.vocabulary import TEMPLATES

    def adversarial(pattern: str) -> list[str]:
        literal = (required_any(pattern) or ("a",))[0]
        pieces = ["a", "a ", "1", "1 ", "-", ". ", "a.", "é", "中", "( ", ":", "/ ", "a-", literal + " ", literal]
        return [(piece * MAX_UI_CHARS)[:MAX_UI_CHARS] for piece in pieces] + [
            (literal + " x" * MAX_UI_CHARS)[:MAX_UI_CHARS]
        ]

    slow = []
    for pattern in _patterns():
        texts = adversarial(pattern)
        for template in TEMPLATES.values():
            compiled = regex.compile(template.format(pattern))
            for text in texts:
                try:
                    compiled.search(text, timeout=0.05)
                    compiled.fullmatch(text, timeout=0.05)
                except TimeoutError:
                    slow.append((pattern, text[:20]))
    assert not slow, slow[:5]


def test_answers_found_after_the_budget_is_spent_are_not_remembered() -> None:
    """Once a document's budget is spent, the user's patterns stop matching for it; what
    was answered then (on phrases only) must not become the answer for later documents."""
    from cleaner.lines import Lines
    from cleaner.vocabulary import current_budget, document_budget

    lines = Lines(Vocabulary({"advertisement": ["Werbung", r"re:sponsored by [a-z ]+"]}))
    line = lines("Sponsored by Acme")
    with document_budget(0.0) as budget:
        assert current_budget() is budget and budget.exhausted
        assert not lines.is_phrase("advertisement", line)  # phrases only
        assert lines.is_phrase("advertisement", lines("Werbung"))
    with document_budget():
        assert lines.is_phrase("advertisement", line)  # the next document matches again
    assert current_budget() is None and lines.is_phrase("advertisement", line)


# --- the shipped facts index and the units lookup ---------------------------------------


def test_the_shipped_facts_index_says_what_parsing_says() -> None:
    """``vocab/facts.json`` holds, for every shipped pattern and no other, the facts one
    parse of it gives (after editing a vocabulary file, run
    ``python -c "from cleaner.vocabulary import write_facts_index; write_facts_index()"``)."""
    from cleaner.vocabulary import _shipped_facts, pattern_facts

    shipped = _shipped_facts()
    assert set(shipped) == set(_patterns())
    stale = [p for p in _patterns() if shipped[p] != pattern_facts(p)]
    assert stale == []


def test_shipped_patterns_are_not_parsed_before_the_first_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh vocabulary reads its patterns' facts from the index; a user's pattern is parsed."""
    import cleaner.vocabulary as vocabulary
    from cleaner.filters.interface import CATEGORIES as INTERFACE

    parsed: list[str] = []
    real = vocabulary.pattern_facts
    monkeypatch.setattr(vocabulary, "pattern_facts", lambda p: parsed.append(p) or real(p))
    fresh = Vocabulary.load()
    for line in LINES[:300]:
        fresh.classify(INTERFACE, core(line))
    assert parsed == []
    user = Vocabulary.load().extended({"navigation": [r"re:zz\d+ menu"]})
    assert user.classify(INTERFACE, "zz12 menu") == "navigation"
    assert set(parsed) == {r"zz\d+ menu"}


def _plain_unit_regexes(units: list[str]) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Units matched the plain way: an alternation of every unit (what the lookups replace)."""
    from cleaner.lines import _FRACTION, _NUMBER

    unit = "|".join(regex.escape(u) for u in sorted(units, key=len, reverse=True))
    quantity = regex.compile(
        rf"(?<![\p{{Latin}}\p{{Cyrillic}}\p{{Greek}}\d.,]){_NUMBER}\s?(?:{unit})(?![\p{{L}}\p{{N}}])|{_FRACTION}\s?(?:{unit})(?!\p{{L}})"
    )
    cell = regex.compile(
        rf"^[\s(\[+\-–−±~≈<>]*(?:\p{{Sc}}\s?)?(?:{_NUMBER}|{_FRACTION})(?:\s?[x×/\-–]\s?{_NUMBER})?"
        rf"(?:\s?(?:\p{{Sc}}|{unit}))?[\s)\].,]*$"
    )
    return quantity, cell


UNITS = sorted(VOCAB.literals("units"))
PLAIN_QUANTITY, PLAIN_CELL = _plain_unit_regexes(UNITS)
NUMBER_LINES = [fold(line) for line in LINES if any(c.isdigit() for c in line)] + [
    "das entsprach 0,0019% aller fälle", "03.2015", "1 000 km", "5 km/hx", "5 kmh", "2 c. à café", "½tl", "½ tl.",
    "A4g", "最大100km", "12 € )", "155 x 96", "2 x xícaras", "45'000 mio.", "3 ст. л.", "7,5 km)", "1.000,5 kg",
]


def test_units_lookup_agrees_with_the_plain_alternation() -> None:
    from cleaner.lines import Lines

    shapes = Lines(VOCAB).shapes
    for text in NUMBER_LINES:
        assert shapes._has_quantity(text) == bool(PLAIN_QUANTITY.search(text)), text
        assert shapes._is_number_cell(text) == bool(PLAIN_CELL.match(text)), text


@given(st.text(alphabet=st.sampled_from("0123456789 .,'’½%€$kmgl/x×-–()tsc.àéфото\u00a0"), max_size=24))
@settings(max_examples=800, deadline=None)
def test_units_lookup_agrees_on_random_numbers(text: str) -> None:
    from cleaner.lines import Lines

    shapes = Lines(VOCAB).shapes
    assert shapes._has_quantity(text) == bool(PLAIN_QUANTITY.search(text))
    assert shapes._is_number_cell(text) == bool(PLAIN_CELL.match(text))


@pytest.mark.parametrize(
    ("text", "is_code"),
    [
        ("journalctl -u nightly-backup.service --since today", True),
        ("rsync -a --delete /srv/ /mnt/backup/", True),
        ("macOS: brew upgrade --cask belegmeister", True),
        ("Linux (Debian/Ubuntu): sudo apt update && sudo apt install belegmeister", True),
        # a label and words that only start like a command are no command
        ("Tipp: git ist toll", False),
        ("Fazit: make it so", False),
        ("Windows: Hilfe → Nach Updates suchen", False),
    ],
)
def test_a_command_after_the_name_of_its_system_is_code(text: str, is_code: bool) -> None:
    from cleaner.lines import CODE_RE

    assert (CODE_RE.search(text) is not None) == is_code


def test_contact_blocks_end_at_their_last_detail() -> None:
    from cleaner.lines import Lines

    shapes = Lines().shapes
    contacts_end, heads_contacts, is_contact = shapes.contacts_end, shapes.heads_contacts, shapes.is_contact

    block = ["Ihr Ansprechpartner", "Herr Jonas Seibert", "Burgstraße 14", "64678 Lindenfels", "Tel. 06255 9130-42", "Ähnliche Jobs"]
    assert contacts_end(block, 0) == 4  # the phone line; "Ähnliche Jobs" is no detail
    # A line that introduces the details is their heading however long.
    assert heads_contacts(["Für Rückfragen steht Ihnen das Bauamt zur Verfügung:", "Frau Petra Gaiser", "Telefon 07226 9210-31", "bauamt@example.de"], 0)
    # A heading of up to four words: the place's name, "Per informazioni e prenotazioni".
    assert heads_contacts(["Per informazioni e prenotazioni", "Giorgio e Manuela", "Tel. 0547 81 22 41", "47042 Cesenatico"], 0)
    # A long line that does not introduce them is not.
    assert not heads_contacts(["Die Gemeinde lädt alle Bürgerinnen und Bürger ein", "Telefon 07226 9210-31", "bauamt@example.de"], 0)
    # A town after its postal code counts only beside a phone number or an e-mail address.
    assert not heads_contacts(["Filialen", "64678 Lindenfels", "64646 Heppenheim"], 0)
    # A product number is no phone number ("Article content" over wine prices).
    assert not is_contact("La Vieille Ferme 2025 Rosé, France ($14.99, #559393)")
    assert not heads_contacts(["Article content", "Rosé, France ($14.99, #559393)", "Carricante, Italy ($19.99, #192961)"], 0)
    # A company's registration or tax number is no phone number (vocabulary id_labels), a
    # phone number beside one on the same line still is.
    for line in ("P.IVA 01234560512", "USt-IdNr. DE123456789", "SIRET 123 456 789 00012", "Codice fiscale e P.IVA: 01234560512", "KvK 12345678"):
        assert not is_contact(line), line
    assert is_contact("Tel. 0575 123456 – P.IVA 01234560512")
    # A street and its number with the town closing the line is an address's detail.
    assert contacts_end(["Osteria del Ponte", "Via Ernesto Padova 14, Milano", "Tel. 02 8841 2270", "Potrebbe interessarti anche"], 0) == 2
    assert contacts_end(["The Bridge Inn", "21 Mill Lane, Ely", "Tel. 01353 884 122"], 0) == 2
    assert contacts_end(["Tabelle", "3 Tore, Bayern gewinnt", "Tel. 089 12 34 56"], 0) is None
    # A date with its year in full, a time after it or not, is no phone number; a phone number
    # written with dots still is one.
    assert not is_contact("2025-06-02 16:42:07") and not is_contact("12.05.2025 14:30")
    assert is_contact("02.23.45.67.89")
    # Postal codes with a hyphen (Poland, Portugal) before the town.
    assert contacts_end(["Adres i kontakt", "ul. Lipowa 14", "62-345 Zielona Dolina", "tel. 63 274 11 22"], 0) == 3
    # Under a heading that names them one detail is enough, unless the heading appeals.
    assert contacts_end(["Contact", "Coördinator: dr. Femke Jansen", "E-mail: minor@example.nl"], 0) == 2
    assert contacts_end(["Contact us!", "Write to us at info@example.com"], 0) is None
    assert contacts_end(["Unsere Partner", "info@example.com"], 0) is None
    # Under a heading that names contact details, seven lines are looked through, not five.
    named = ["Ansprechpartnerin", "Claudia Huber", "Personal", "Elektro Huber GmbH", "Gewerbepark Ost 12", "93055 Regensburg", "Tel. 0941 46 38 20"]
    assert contacts_end(named, 0) == 6
    # A postal code after a dash starts a town as after a comma; the block's name is its heading.
    pool = ["Centre aquatique Les Ondines", "2, rue des Peupliers – 49170 Saint-Aubin-sur-Loire", "Tél. : 02 41 77 58 20", "Télécharger la plaquette (PDF, 1,2 Mo)"]
    assert contacts_end(pool, 0) == 2
    assert contacts_end([pool[0], "2, rue des Peupliers 49170 Saint-Aubin-sur-Loire", pool[2]], 0) is None  # no separator: a number in a line
    assert contacts_end(["Unsere Werkstatt", *named[1:]], 0) is None
    assert not heads_contacts(["Altri corsi", "Acquerello", "Legatoria", "Scuola civica – Via dei Mille 21, 52025 Montevarchi", "P.IVA 01234560512"], 0)


def test_a_table_of_labels_and_values() -> None:
    """Rows of a label and its value, most values words, some figures: a table from its first
    row with a figure (a menu's links two by two above it are not); a menu without figures, or
    a byline over the page's date, is none."""
    from cleaner.lines import Lines

    shapes = Lines(VOCAB).shapes
    rows = ["Gewicht", "250 g", "Herkunft", "Äthiopien", "Anbauhöhe", "1.900 m", "Röstgrad", "hell", "Aufbereitung", "gewaschen"]
    text = "Wir rösten jede Woche frisch und versenden spätestens zwei Tage nach der Röstung."
    assert (1, 11, "data") in shapes.structured_runs([text, *rows, text], [True, *[False] * 10, True])
    menu = ["Studium", "Forschung", "Hochschule", "Kontakt"]
    assert (5, 15, "data") in shapes.structured_runs([text, *menu, *rows, text], [True, *[False] * 14, True])
    assert not any(why == "data" for _, _, why in shapes.structured_runs([text, *menu, "Presse", "Karriere", text], [True, *[False] * 6, True]))
    byline = ["Por Rui Carvalho", "5 de junho de 2024, 11:20", "Partilhar", "Veredito"]
    assert not any(a < 5 for a, _, why in shapes.structured_runs([text, *byline, text], [True, *[False] * 4, True]) if why == "data")


def test_a_table_cell_may_repeat() -> None:
    """Short data is a table's cell, counted in words or in pieces between spaces (times split
    into many words), in characters in a script without spaces; a caption with a date is none."""
    from cleaner.lines import Lines

    cell = Lines().shapes.is_data_cell
    assert cell("8:00–12:00 und 15:00–18:00") and cell("1.400 U/min") and cell("8h–12h et 15h–18h") and cell("１５０円")
    assert not cell("３日、ソウルの国会前で警備に当たる警察官ら＝ＡＰ")
    assert not cell("Montag bis Freitag von 8:00 bis 12:00 Uhr") and not cell("Montag")


def test_a_name_over_the_office_it_signs_with() -> None:
    """A notice's signature without a closing formula: a name, then the office (vocabulary
    ``signature_roles``); not a sentence about the office, a date, or a role alone."""
    from cleaner.lines import Lines

    signs = Lines().shapes.signs_with_role
    assert signs(["Thomas Kienzle", "Bürgermeister"], 0)
    assert signs(["Jan de Vries", "Burgemeester"], 0) and signs(["Dr. Claudia Weigand", "Bürgermeisterin"], 0)
    assert not signs(["Thomas Kienzle", "Bürgermeister Kienzle eröffnete das Fest."], 0)
    assert not signs(["Am 3. Mai", "Bürgermeister"], 0)
    assert not signs(["Der Bürgermeister sagte dazu:", "Bürgermeister"], 0)
    assert not signs(["Bürgermeister"], 0) and not signs(["Thomas Kienzle", "Redakteur"], 0)


def test_a_small_table_under_its_header_row() -> None:
    from cleaner.lines import Lines

    shapes = Lines(VOCAB).shapes
    rows = ["Porin Myrsky", "Vaasan Viikingit", "2–1", "Tampereen Tähti", "Joensuun Jaguaarit", "5–4", "Rauman Merikotkat", "Kuopion Kotkat", "0–2"]
    texts = ["Kierroksen muut tulokset", "Koti", "Vieras", "Tulos", *rows, "Karhut nousi kuudenneksi."]
    assert shapes.headed_table(texts, 0, len(texts)) == 13  # heading, header row, three rows
    assert shapes.headed_table(texts[1:], 0, len(texts) - 1) == 12  # the header row alone on top
    # Two rows are no table; nor are rows whose figures change cell (teasers with dates).
    assert shapes.headed_table(texts[:10], 0, 10) is None
    shifted = ["Koti", "Vieras", "Tulos", "Porin Myrsky", "Vaasan Viikingit", "2–1", "Tampereen Tähti", "5–4", "Joensuun Jaguaarit", "Rauman Merikotkat", "0–2", "Kuopion Kotkat"]
    assert shapes.headed_table(shifted, 0, len(shifted)) is None
    # A sentence ends the cells.
    assert shapes.headed_table(["Koti", "Vieras", "Tulos", "Porin Myrsky", "Vaasan Viikingit", "2–1", "Das ist ein Satz."], 0, 7) is None


def test_rows_of_a_label_and_its_value() -> None:
    """A table of a label and its value, one cell per line, starts with the first row's label
    ("Kaufpreis" over "489.000 €"), and rows without figures over it are its rows when whole
    and short ("Modulnummer" / "UI-204"); a statement, a line that introduces, a row cut in
    half are not."""
    from cleaner.lines import Lines

    shapes = Lines(VOCAB).shapes
    listing = ["Teilen", "Kaufpreis", "489.000 €", "Wohnfläche", "148 m²", "Zimmer", "5,5", "Grundstück", "712 m²", "Das Haus wurde 1987 gebaut und 2019 modernisiert."]
    prose = [False] * 9 + [True]
    assert (1, 9, "data") in shapes.structured_runs(listing, prose)
    # "Delen" over a sentence with a figure over the recipe's list is no row.
    recipe = ["Delen", "Klassieker voor koude dagen. Klaar in 40 minuten.", "Ingrediënten (4 personen)", "1 kg kruimige aardappelen", "500 g boerenkool", "200 ml warme melk"]
    assert all(start > 0 for start, _, _ in shapes.structured_runs(recipe, [False] * 6))
    # A match's pairing is its row's first cell as a label is ("SV Rhede II – TuS Velen" over "2:1").
    results = ["Kreisliga A2: Ergebnisse", "SV Rhede II – TuS Velen", "2:1", "Borussia Bocholt – SC Südlohn", "0:0", "FC Oeding – SV Krechting", "4:2", "Der Spitzenreiter gewann erneut deutlich."]
    assert (1, 7, "data") in shapes.structured_runs(results, [False] * 7 + [True])
    assert (2, 7, "data") in shapes.structured_runs(["Kreisliga A2: Ergebnisse", "Ergebnisse vom Samstag", *results[2:]], [False] * 7 + [True])  # no pairing
    module = ["Modul UI-204: Hydrologie", "Modulnummer", "UI-204", "Studiengang", "B.Sc. Umweltingenieurwesen", "Semester", "4", "ECTS-Punkte", "6"]
    assert shapes.label_rows(module, 1, 5)
    assert not shapes.label_rows(module, 2, 5)  # half a row
    assert not shapes.label_rows(["Preise:", "ab 12 €", *module[5:]], 0, 2)  # a line that introduces
    assert not shapes.label_rows(["Lage", "Das Haus liegt ruhig am Ortsrand.", *module[5:]], 0, 2)  # a statement
    assert not shapes.label_rows(["Modulnummer", "UI-204", "Semester", "vierte"], 0, 2)  # no figure in the table below


def test_cards_without_a_header_row_are_a_table_from_four_rows() -> None:
    from cleaner.lines import Lines

    shapes = Lines(VOCAB).shapes
    cards = ["Single room", "Shared bathroom, fan", "from £52 a night", "Standard double", "Private bathroom", "from £78 a night",
             "Double with balcony", "Garden view, air conditioning, fridge", "from £92 a night", "Triple room", "Three single beds", "from £105 a night"]
    assert shapes.headed_table(cards, 0, len(cards)) == 12
    # Three cards are too few without a header row; a row that starts with its figure is no card.
    assert shapes.headed_table(cards[:9], 0, 9) is None
    assert shapes.headed_table(["12,90 €", "Milchkännchen", "24,90 €", "Tamper", "9,90 €", "Entkalker", "19,90 €", "Abschlagbehälter"], 0, 8) is None


def test_a_headed_list_ends_at_a_section_of_statements() -> None:
    """The items under a list heading ("Ausstattung") end at the heading of a section whose
    lines are statements ("Unser Restaurant" over its hours and its kitchen): those lines are
    no items, and the lines under them are judged on their own."""
    from cleaner.lines import Lines

    lines = Lines()
    texts = [
        "Ausstattung", "Kostenloses WLAN", "Sauna und Ruheraum", "Hunde erlaubt",
        "Unser Restaurant", "Täglich von 12 bis 14 Uhr geöffnet.", "Fisch aus dem See und Wild aus der Region.",
        "Das sagen unsere Gäste", "Unsere Partner",
    ]  # fmt: skip
    runs = [(start, end) for start, end, why in lines.shapes.structured_runs(texts, [lines(t).prose for t in texts]) if why == "list"]
    assert runs == [(0, 4)]
    # A list whose last item is a statement keeps it.
    texts = ["Ausstattung", "Kostenloses WLAN", "Sauna und Ruheraum", "Bettwäsche wird gestellt."]
    runs = [(start, end) for start, end, why in lines.shapes.structured_runs(texts, [lines(t).prose for t in texts]) if why == "list"]
    assert runs == [(0, 4)]


def test_items_ending_in_semicolons_are_a_list() -> None:
    """Items that each end in a semicolon, the last in a full stop, are one list with the
    heading above them; one such line alone is none."""
    from cleaner.lines import Lines

    lines = Lines()
    texts = ["Что будет в новом здании", "читальный зал на 60 мест;", "студия звукозаписи для подкастов;", "кафе на первом этаже.", "Реклама"]
    runs = [(start, end) for start, end, why in lines.shapes.structured_runs(texts, [False] * 5) if why == "list"]
    assert (0, 4) in runs
    texts = ["Was das Haus bietet", "einen Lesesaal mit 60 Plätzen;", "Anzeige", "Mehr lesen"]
    assert not any(why == "list" for _, _, why in lines.shapes.structured_runs(texts, [False] * 4))


def test_questions_each_answered_by_a_statement_are_a_faq() -> None:
    """Two questions or more, each answered on the next line by a statement, make a FAQ with
    its heading; question headlines over teasers that make no statement do not, nor does the
    last topic of a menu right above the first question head it."""
    from cleaner.lines import Lines

    lines = Lines()
    faq = ["Fragen und Antworten", "Wann öffnet die Bibliothek?", "Am 1. September.", "Brauche ich einen neuen Ausweis?", "Nein, die alten bleiben gültig."]
    assert (0, 5, "list") in lines.shapes.structured_runs(faq, [False] * 5)
    teasers = ["Mais episódios", "Episódio 111: O que aconteceu às livrarias?", "Episódio 110: Viver com 820 euros", "Episódio 109: Os comboios vão chegar?", "Subscreva a newsletter"]
    assert not any(why == "list" for _, _, why in lines.shapes.structured_runs(teasers, [False] * 5))
    menu = ["Abrechnung", "Umzug", "Zahlung", *faq[1:]]
    assert (3, 7, "list") in lines.shapes.structured_runs(menu, [False] * 7)
    assert not any(start < 3 for start, _, why in lines.shapes.structured_runs(menu, [False] * 7) if why == "list")
    # A forum thread: a question headline, a post that ends in a question, a reply; no FAQ.
    thread = ["Lawn turning yellow after scarifying – what now?", "Hi all, I scarified the lawn and several patches have turned yellow.",
              "I fed it with a slow-release fertiliser. Any ideas what went wrong?", "That is quite normal after scarifying."]
    assert not any(why == "list" for _, _, why in lines.shapes.structured_runs(thread, [False] * 4))


def test_an_office_s_hours_count_as_contact_details_under_an_introducing_line() -> None:
    """Under a line that introduces them, an office's address without a postcode, its phone and
    its hours are a contact block (six languages); a footer's hours under a plain heading, with
    one phone line, are not."""
    from cleaner.lines import Lines

    shapes = Lines().shapes
    blocks = [
        ["Informacja pasażerska:", "Biuro Obsługi Klienta MPK, ul. Zemborzycka 2", "tel. 81 525 21 00, e-mail: informacja@mpk.example.pl", "pon.–pt. 7:00–18:00"],
        ["Fahrgastinformation:", "Kundencenter der Stadtwerke, Bahnhofplatz 3", "Tel. 0841 305 200", "Mo–Fr 7:00–18:00 Uhr"],
        ["Passenger information:", "Travel Centre, Station Square 3", "Tel. 0114 496 0123", "Mon–Fri 7:00–18:00"],
        ["Information voyageurs :", "Agence commerciale, place de la Gare 3", "Tél. 02 32 51 00 00", "lun.–ven. 7h00–18h00"],
        ["Informace pro cestující:", "Zákaznické centrum, Nádražní náměstí 3", "tel. 567 123 456", "po–pá 7:00–18:00"],
        ["Reizigersinformatie:", "Klantenservice, Stationsplein 3", "tel. 0528 123 456", "ma–vr 7:00–18:00"],
    ]
    assert [b[0] for b in blocks if shapes.contacts_end(b, 0) != 3] == []
    # Without the introducing colon, one phone line and the hours are a footer's, not a block.
    assert shapes.contacts_end(["Gästestimmen", "Jetzt Verfügbarkeit prüfen", "Campingplatz Seeblick GmbH | Tel. 038735 4321", "Rezeption: 8–12 Uhr und 15–19 Uhr"], 0) is None


def test_a_statement_may_end_inside_spaced_closing_quotes() -> None:
    """French quotes close after a space ("... avant. »"): the line still ends a statement, so a
    live report's time over it is an entry's heading, not a dateline; "..." still is none."""
    from cleaner.lines import FULL_STOP_END_RE, QUESTION_END_RE, STATEMENT_END_RE

    quoted = "Martine attend depuis une heure. « On nous avait dit qu'il y en aurait un. Il a été supprimé dix minutes avant. »"
    assert STATEMENT_END_RE.search(quoted) and FULL_STOP_END_RE.search(quoted)
    assert QUESTION_END_RE.search("« Pourquoi ce train a-t-il été supprimé ? »")
    assert not STATEMENT_END_RE.search("« Et après... »") and not STATEMENT_END_RE.search("« Attendez »")
    from cleaner import clean

    report = "\n".join([
        "Grève à la SNCF : le trafic très perturbé en Rhône-Alpes",
        "12h10",
        "La direction régionale annonce que les prévisions pour jeudi seront publiées à 17 heures.",
        "11h35",
        "Sur le quai, Martine attend depuis une heure. « On nous avait dit qu'il y en aurait un à 10h20. Il a été supprimé. »",
        "10h50",
        "Un train sur deux circule sur la ligne Lyon – Saint-Étienne, selon la SNCF.",
    ])  # fmt: skip
    assert clean(report).text == report


def test_explain_names_the_entry_and_where_it_is_written(tmp_path: Path) -> None:
    shipped = Vocabulary.load(["en"])
    found = shipped.explain(("advertisement", "navigation"), "advertisement")
    assert found is not None and found.startswith("vocabulary entry 'advertisement' at en/advertisement.txt:")
    line = int(found.rsplit(":", 1)[1])
    written = (Path(__file__).parent.parent / "cleaner" / "vocab" / "en" / "advertisement.txt").read_text(encoding="utf-8").split("\n")[line - 1]
    assert fold(written) == "advertisement"
    assert shipped.explain(("advertisement",), "the minister resigned") is None
    # A user's folder: its file by its path, a pattern as written.
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "navigation.txt").write_text("# mine\nre:zurück zu .{1,30}\n", encoding="utf-8")
    mine = Vocabulary.load([], extra=[folder])
    assert mine.explain(("navigation",), "zurück zu den nachrichten") == f"vocabulary entry 're:zurück zu .{{1,30}}' at {folder / 'navigation.txt'}:2"
    # Entries given as a mapping have no file.
    assert Vocabulary({"navigation": ["Home"]}).explain(("navigation",), "home") == "vocabulary entry 'home'"
