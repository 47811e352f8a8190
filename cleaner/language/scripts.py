"""Letters and scripts: how many letters a text has, which scripts they belong to, and which
languages those scripts allow. The one implementation the detector and the filters share.

A letter is a character of Unicode category L. Han, kana and Hangul characters are each
about a syllable or a word, so where letters measure how much text there is they count as
two (:func:`count_letters`).
"""

from __future__ import annotations

import regex

from cleaner.codes import SIMPLIFIED, TRADITIONAL

__all__ = [
    "LANGDETECT_LANGUAGES",
    "SCRIPTS",
    "SCRIPT_LANGUAGES",
    "count_letters",
    "dominant_script",
    "script_languages",
    "script_of",
]

# The scripts langdetect's languages are written in, and those languages (our codes).
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Latin": (
        "af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id",
        "it", "lt", "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw",
        "tl", "tr", "vi",
    ),
    "Cyrillic": ("bg", "mk", "ru", "uk"),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi", "mr", "ne"),
    "Greek": ("el",), "Hebrew": ("he",), "Thai": ("th",), "Bengali": ("bn",),
    "Gujarati": ("gu",), "Gurmukhi": ("pa",), "Kannada": ("kn",), "Malayalam": ("ml",),
    "Tamil": ("ta",), "Telugu": ("te",),
    # Han, kana and Hangul: one group (Korean also uses Han), whose languages are told apart
    # by which of them occur (see script_languages).
    "CJK": ("ja", "ko", SIMPLIFIED, TRADITIONAL),
}  # fmt: skip

#: The languages langdetect's bundled profiles know, in our spelling.
LANGDETECT_LANGUAGES: tuple[str, ...] = tuple(sorted(c for codes in SCRIPT_LANGUAGES.values() for c in codes))

# The scripts counted apart: those of SCRIPT_LANGUAGES, with Hangul apart from Han and kana.
SCRIPTS = (*(name for name in SCRIPT_LANGUAGES if name != "CJK"), "CJK", "Hangul")
# One group per script, in SCRIPTS order: letters, except that in the dense scripts every
# character counts (as in DENSE_LETTER_RE).
_CLASSES = {"CJK": r"[\p{Han}\p{Hiragana}\p{Katakana}]", "Hangul": r"\p{Hangul}"}
SCRIPT_RE = regex.compile(
    "|".join("(" + _CLASSES.get(name, rf"[\p{{{name}}}&&\p{{L}}]") + "+)" for name in SCRIPTS), regex.V1
)
LETTER_RE = regex.compile(r"\p{L}")
DENSE_LETTER_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
NON_LATIN_LETTER_RE = regex.compile(r"[\p{L}--\p{Latin}]", regex.V1)
HAN_RE = regex.compile(r"\p{Han}")
HANGUL_RE = regex.compile(r"\p{Hangul}")
KANA_RE = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
# A language is a candidate when its script holds at least this share of a sample's letters:
# a language cannot be written in a script it does not use, and a minority of Latin letters
# in other scripts (brand names, "AFP") says nothing about the language.
MIN_SCRIPT_SHARE = 0.2
_SCRIPT_OF = {code: name for name, codes in SCRIPT_LANGUAGES.items() for code in codes}


def count_letters(text: str, *, dense: int = 2) -> int:
    """Letters in ``text``, each Han, kana and Hangul character counting ``dense`` times.

    >>> count_letters("Voir aussi"), count_letters("東京都"), count_letters("東京都", dense=1), count_letters("2024 !")
    (9, 6, 3, 0)
    """
    letters = len(LETTER_RE.findall(text))
    if dense == 1:
        return letters
    # Counted apart from the category: a few of these characters are not letters (radicals).
    return letters + (dense - 1) * len(DENSE_LETTER_RE.findall(text))


def _script_counts(text: str) -> list[int]:
    """Letters of ``text`` per script, in ``SCRIPTS`` order (dense ones once)."""
    counts = [0] * len(SCRIPTS)
    for match in SCRIPT_RE.finditer(text):
        counts[match.lastindex - 1] += len(match.group())  # type: ignore[operator]
    return counts


def dominant_script(text: str, *, sample: int = 400, share: float = 0.6) -> str | None:
    """The script of most letters in the first ``sample`` characters, if it has ``share`` of
    the letters of the ``SCRIPTS`` (``"CJK"`` is Han and kana; Hangul counts apart).

    >>> dominant_script("Жители города"), dominant_script("A bio in English"), dominant_script("123")
    ('Cyrillic', 'Latin', None)
    """
    counts = _script_counts(text[:sample])
    total = sum(counts)
    if not total:
        return None
    best = max(counts)
    return SCRIPTS[counts.index(best)] if best >= share * total else None


def script_languages(sample: str) -> tuple[str, ...]:
    """langdetect's languages written in the scripts that hold a fifth of ``sample``'s letters.

    Han, kana and Hangul letters count double (as in :func:`count_letters`) and share one
    fifth, from which Japanese needs kana, Korean Hangul and Chinese Han. Letters of scripts
    none of langdetect's languages use count in the total, so text written in them has no
    candidates.

    >>> script_languages("Москва")
    ('bg', 'mk', 'ru', 'uk')
    >>> len(script_languages("Der Konzern Газпром")), len(script_languages("Акции Газпрома, AG"))
    (35, 4)
    >>> script_languages("東京都"), script_languages("東京です"), script_languages("Ծիծեռնակ")
    (('zh-Hans', 'zh-Hant'), ('ja', 'zh-Hans', 'zh-Hant'), ())
    """
    if not NON_LATIN_LETTER_RE.search(sample):
        return SCRIPT_LANGUAGES["Latin"] if LETTER_RE.search(sample) else ()
    *alphabets, han, hangul = _script_counts(sample)
    least = MIN_SCRIPT_SHARE * count_letters(sample)
    found: list[str] = []
    for name, count in zip(SCRIPTS, alphabets):
        if count and count >= least:
            found += SCRIPT_LANGUAGES[name]
    dense = 2 * (han + hangul)
    if dense and dense >= least:
        if HAN_RE.search(sample):
            found += (SIMPLIFIED, TRADITIONAL)
        if KANA_RE.search(sample):
            found.append("ja")
        if HANGUL_RE.search(sample):
            found.append("ko")
    return tuple(sorted(found))


def script_of(code: str) -> str:
    """The script group of a language langdetect knows (``"CJK"`` for Chinese, Japanese, Korean).

    >>> script_of("ru"), script_of("zh-Hant")
    ('Cyrillic', 'CJK')
    """
    return _SCRIPT_OF[code]
