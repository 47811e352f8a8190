"""Tests for cleaner.codes: one spelling of language codes, and codes the detector can emit."""

from __future__ import annotations

import pytest

from cleaner import codes
from cleaner.filters import bio
from cleaner.language import LANGDETECT_LANGUAGES, backends
from cleaner.language.scripts import SCRIPT_LANGUAGES
from cleaner.vocabulary import VOCAB_DIR


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("en", "en"), (" EN ", "en"), ("en-GB", "en"), ("pt_BR", "pt"), ("iw", "he"), ("in", "id"),
        ("jw", "jv"), ("nb", "no"), ("nn", "nn"), ("fil", "tl"), ("zh", "zh-Hans"), ("zh-cn", "zh-Hans"),
        ("zh-SG", "zh-Hans"), ("zh-Hans", "zh-Hans"), ("zh-hans-cn", "zh-Hans"), ("zho", "zh-Hans"),
        ("zh-tw", "zh-Hant"), ("zh-HK", "zh-Hant"), ("zh-mo", "zh-Hant"), ("zh_Hant_TW", "zh-Hant"),
        ("und", "und"),
    ],
)  # fmt: skip
def test_canonical(given: str, expected: str) -> None:
    assert codes.canonical(given) == expected
    assert codes.canonical(expected) == expected  # our spelling is a fixed point


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("zh-cn", "zh-Hans", True), ("zh-tw", "zh-cn", False), ("zh", "zh-Hant", True), ("zh", "zh-tw", True),
        ("en", "en-GB", True), ("EN", "en", True), ("nb", "no", True), ("nn", "no", False), ("iw", "he", True),
        ("de", "nl", False), ("hr", "sr", False),
    ],
)  # fmt: skip
def test_same_language(a: str, b: str, same: bool) -> None:
    assert codes.same_language(a, b) is same
    assert codes.same_language(b, a) is same


def test_expand_primary_and_langdetect_names() -> None:
    assert codes.expand("zh") == codes.expand("ZHO") == ("zh-Hans", "zh-Hant")
    assert codes.expand("zh-tw") == ("zh-Hant",) and codes.expand("nb") == ("no",)
    assert [codes.primary(c) for c in ("zh-Hans", "zh-Hant", "pt-BR", "nb")] == ["zh", "zh", "pt", "no"]
    assert [codes.to_langdetect(c) for c in ("zh-Hans", "zh-Hant", "no", "zh-tw")] == [
        "zh-cn",
        "zh-tw",
        "no",
        "zh-tw",
    ]


def _emittable() -> set[str]:
    """The codes the detector can answer: its profiles' languages (in our spelling) that the
    scripts make candidates. Short-text judges answer only among the candidates."""
    factory = backends.langdetect_factory("langdetect")
    profiles = {codes.canonical(name) for name in factory.langlist}
    assert len(profiles) == len(factory.langlist) == 55  # no two profiles spelled alike
    scripted = {code for languages in SCRIPT_LANGUAGES.values() for code in languages}
    return profiles & scripted


def test_the_detector_knows_exactly_its_profiles() -> None:
    emittable = _emittable()
    assert emittable == set(LANGDETECT_LANGUAGES)  # every profile can be a candidate, and only those
    assert all(codes.canonical(code) == code for code in emittable)


def test_codes_the_bio_filter_compares_can_be_emitted() -> None:
    emittable = _emittable()
    used = {code for pair in bio.CONFUSABLE for code in pair}
    assert used <= emittable, sorted(used - emittable)
    assert all(len(pair) == 2 for pair in bio.CONFUSABLE)  # two different languages each


def test_vocabulary_languages_can_be_emitted() -> None:
    emittable = _emittable()
    folders = [p.name for p in VOCAB_DIR.iterdir() if p.is_dir() and p.name != "any"]
    assert folders
    for name in folders:
        assert set(codes.expand(name)) <= emittable, name
