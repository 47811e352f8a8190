"""Text folding for matching, and the precompiled regexes shared by the filters.

Matching always happens on folded text: NFKC, case-folded, one kind of quote and dash,
single spaces. Folding never touches the document itself, only the comparison.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

import regex

T = TypeVar("T")

__all__ = ["core", "fold", "is_name_token", "size", "strip_decoration", "word_count", "words"]

QUOTES_TABLE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
        "`": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": '"', "\u203a": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u200b": None, "\u00ad": None, "\ufeff": None,
    }
)
# Any character QUOTES_TABLE changes: most lines have none, and translate() is slow. The
# stdlib engine: a class of literal characters means the same there and scans faster.
QUOTES_TABLE_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(QUOTES_TABLE)) + "]")
SPACES_RE = regex.compile(r"\s+")
# Decoration around UI lines: bullets, arrows, pipes, brackets, quotes and final punctuation.
# The copyright sign is not decoration: it is evidence.
DECOR = r"[\s\p{Pd}:;.,!?…|•·▪▸►▶→←↑⬆»«›‹<>*#\"'()\[\]{}/\\+=_~■□◆◇●○★☆【】「」『』〔〕《》〈〉：；。、]"
DECOR_RE = regex.compile(rf"^{DECOR}+|{DECOR}+$")
DECOR_CHAR_RE = regex.compile(DECOR)
WORD_RE = regex.compile(r"\w+(?:['’\-.]\w+)*")
# WORD_RE for ASCII text, in the stdlib engine (several times faster on short lines): on
# ASCII characters both engines' \w is [A-Za-z0-9_] (tested), and ’ cannot occur.
ASCII_WORD_RE = re.compile(r"[A-Za-z0-9_]+(?:['\-.][A-Za-z0-9_]+)*")
# A sentence ends in punctuation, or in an emoji or emoticon ("... gefällt mir 😉", "<3").
SENTENCE_END_RE = regex.compile(r"(?:[.!?…。！？।؟»\"'”’)]|\p{Extended_Pictographic}|[:;]-?[()DPp]|<3)[\s\ufe0f]*$")
CAPITALIZED_RE = regex.compile(r"^\p{Lu}")
DIGIT_RE = regex.compile(r"\d")
CJK_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# The first code point CJK_RE matches (CJK Radicals Supplement; tested over all of them),
# and any character from there on (stdlib engine: one range, scanned fast).
CJK_FIRST = "\u2e80"
AFTER_CJK_FIRST_RE = re.compile(f"[{CJK_FIRST}-\U0010ffff]")


# Filters judge the same lines many times (each filter, each round): fold, core and size
# are pure functions of one line, so they are memoized. The caches change no result. Short
# lines (up to CACHE_MAX_CHARS) go to a cache of CACHE_SIZE entries; paragraphs (up to
# LONG_CACHE_MAX_CHARS) to a small one that holds a few documents' worth, so that memory
# stays bounded (a few MB at most) while a long paragraph is not measured again by every
# filter in every round. Longer lines are never cached.
CACHE_SIZE = 1 << 13
CACHE_MAX_CHARS = 400
LONG_CACHE_SIZE = 256
LONG_CACHE_MAX_CHARS = 10_000


def _memoized(func: Callable[[str], T]) -> Callable[[str], T]:
    cached = lru_cache(maxsize=CACHE_SIZE)(func)
    cached_long = lru_cache(maxsize=LONG_CACHE_SIZE)(func)

    @wraps(func)
    def call(text: str) -> T:
        if len(text) <= CACHE_MAX_CHARS:
            return cached(text)
        return cached_long(text) if len(text) <= LONG_CACHE_MAX_CHARS else func(text)

    return call


def _straight_quote(match: re.Match[str]) -> str:
    return QUOTES_TABLE[ord(match.group())] or ""


@_memoized
def fold(text: str) -> str:
    """Normalize for comparison: NFKC, casefold, straight quotes, hyphens, single spaces.

    >>> fold("La page d’accueil  du site")
    "la page d'accueil du site"
    """
    # ``text.translate(QUOTES_TABLE)``: a substitution per quote mark, not a lookup per character.
    text = QUOTES_TABLE_RE.sub(_straight_quote, text)
    text = unicodedata.normalize("NFKC", text).casefold()
    if text.isprintable():
        # The only white space in printable text is " " (by str's and by regex's rules), so
        # split/join collapses and trims it exactly as the substitution below does.
        return " ".join(text.split())
    return SPACES_RE.sub(" ", text).strip()


@_memoized
def core(text: str) -> str:
    """Folded text without decoration around it (bullets, arrows, final colon or period).

    >>> core("» Lire aussi :")
    'lire aussi'
    """
    return strip_decoration(fold(text))


@lru_cache(maxsize=4096)
def _is_decoration(char: str) -> bool:
    return DECOR_CHAR_RE.fullmatch(char) is not None


def strip_decoration(text: str) -> str:
    """``DECOR_RE.sub("", text)``: the runs of decoration at both ends removed, found a
    character at a time from each end instead of by a scan of the whole line.

    >>> strip_decoration("» lire aussi :")
    'lire aussi'
    """
    start, end = 0, len(text)
    while start < end and _is_decoration(text[start]):
        start += 1
    while end > start and _is_decoration(text[end - 1]):
        end -= 1
    return text[start:end]


def word_count(text: str) -> int:
    """Number of word tokens (memoized).

    >>> word_count("Coco.gg, c’est fini")
    3
    """
    return _word_count(text)


@_memoized
def _word_count(text: str) -> int:
    return len((ASCII_WORD_RE if text.isascii() else WORD_RE).findall(text))


def words(text: str) -> list[str]:
    """Word tokens.

    >>> words("Coco.gg, c’est fini")
    ['Coco.gg', 'c’est', 'fini']
    """
    return WORD_RE.findall(text)


@_memoized
def size(text: str) -> float:
    """Length in words, counting two Chinese or Japanese characters as one word.

    >>> size("Two words"), size("学生们在上课")
    (2, 3.0)
    """
    if not AFTER_CJK_FIRST_RE.search(text):
        return word_count(text)  # no Chinese or Japanese character: they all come later
    cjk = len(CJK_RE.findall(text))
    return word_count(CJK_RE.sub(" ", text)) + cjk / 2 if cjk else word_count(text)


def is_name_token(token: str) -> bool:
    """Capitalized, or from a script without case (Arabic, Hebrew, CJK, ...).

    >>> is_name_token("Doe"), is_name_token("doe"), is_name_token("حسن")
    (True, False, True)
    """
    if not token:
        return False
    first = token[0]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())
