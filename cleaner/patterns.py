"""Text folding for matching, and the precompiled regexes shared by the filters.

Matching always happens on folded text: NFKC, case-folded, one kind of quote and dash,
single spaces. Folding never touches the document itself, only the comparison.
"""

from __future__ import annotations

import re
import unicodedata
import regex

__all__ = ["core", "ends_sentence", "fold", "is_name_token", "runs_on", "size", "states_run_on", "strip_decoration", "word_count", "words"]

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
# A sentence ends in punctuation, or in an emoji or emoticon ("... gefällt mir 😉", "<3"), or
# in punctuation inside the closing quotes of German, Czech or Danish (".“", "!‘", ".«").
# The full stops of scripts that do not use "." (Devanagari and Bengali "।", "॥", Urdu "۔",
# Armenian "։", Ethiopic "።", Burmese "။", Khmer "។").
SCRIPT_FULL_STOPS = "।॥۔։።။។"
SENTENCE_END_RE = regex.compile(rf"(?:[.!?…。！？{SCRIPT_FULL_STOPS}؟»\"'”’)]|[.!?…]\s?[“‘«‹›]+|\p{{Extended_Pictographic}}|[:;]-?[()DPp]|<3)[\s\ufe0f]*$")
CAPITALIZED_RE = regex.compile(r"^\p{Lu}")
DIGIT_RE = regex.compile(r"\d")
CJK_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# The first code point CJK_RE matches (CJK Radicals Supplement; tested over all of them),
# and any character from there on (stdlib engine: one range, scanned fast).
CJK_FIRST = "\u2e80"
AFTER_CJK_FIRST_RE = re.compile(f"[{CJK_FIRST}-\U0010ffff]")
# Scripts written without spaces between words (Thai, Lao, Khmer, Burmese): their letters
# stand for words, about this many to a word (see size). The stdlib engine: one class of
# ranges, scanned fast.
SPACELESS_RE = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
SPACELESS_CHARS_PER_WORD = 4
# Thai and Lao: no full stop either (see runs_on); a paragraph has this many letters at least.
RUN_ON_RE = re.compile("[\u0e00-\u0eff]")
MIN_RUN_ON_CHARS = 80
# ... and a statement has this many, in two clauses or more (a space between them): a tip
# under its heading ("ควรใส่มะนาวหลังปิดไฟเสมอ เพราะถ้าต้มมะนาว..."), not a headline's words.
MIN_STATEMENT_RUN_ON_CHARS = 40


def _straight_quote(match: re.Match[str]) -> str:
    return QUOTES_TABLE[ord(match.group())] or ""


def fold(text: str) -> str:
    """Normalize for comparison: NFKC, casefold, straight quotes, hyphens, single spaces.

    >>> fold("La page d’accueil  du site")
    "la page d'accueil du site"
    """
    # ``text.translate(QUOTES_TABLE)``: a substitution per quote mark, not a lookup per character.
    text = QUOTES_TABLE_RE.sub(_straight_quote, text)
    text = unicodedata.normalize("NFKC", text).casefold()
    if "\u0307" in text:
        # A Turkish capital "İ" casefolds to "i" and a combining dot: "İLGİLİ HABERLER" folds
        # as "İlgili haberler" and "ilgili haberler" do.
        text = text.replace("i\u0307", "i")
    if text.isprintable():
        # The only white space in printable text is " " (by str's and by regex's rules), so
        # split/join collapses and trims it exactly as the substitution below does.
        return " ".join(text.split())
    return SPACES_RE.sub(" ", text).strip()


def core(text: str) -> str:
    """Folded text without decoration around it (bullets, arrows, final colon or period).

    >>> core("» Lire aussi :")
    'lire aussi'
    """
    return strip_decoration(fold(text))


# DECOR's characters: its literals, regex's white space, and dashes (\p{Pd}); outside the
# BMP (where Python's Unicode tables may be older than the regex module's) DECOR decides.
_DECOR_LITERALS = frozenset(""":;.,!?…|•·▪▸►▶→←↑⬆»«›‹<>*#"'()[]{}/\\+=_~■□◆◇●○★☆【】「」『』〔〕《》〈〉：；。、""")
_WHITE_SPACE = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


def is_decoration(char: str) -> bool:
    """``DECOR_CHAR_RE.fullmatch(char)``, without a regex for the usual characters."""
    if char in _DECOR_LITERALS or char in _WHITE_SPACE:
        return True
    if ord(char) >= 0x10000:
        return DECOR_CHAR_RE.fullmatch(char) is not None
    return unicodedata.category(char) == "Pd"


def strip_decoration(text: str) -> str:
    """``DECOR_RE.sub("", text)``: the runs of decoration at both ends removed, found a
    character at a time from each end instead of by a scan of the whole line.

    >>> strip_decoration("» lire aussi :")
    'lire aussi'
    """
    start, end = 0, len(text)
    while start < end and is_decoration(text[start]):
        start += 1
    while end > start and is_decoration(text[end - 1]):
        end -= 1
    return text[start:end]


# SENTENCE_END_RE's final characters, and what may follow them.
_SENTENCE_STOPS = frozenset(".!?…。！？।؟»\"'”’)")
_TRAILING = "".join(sorted(_WHITE_SPACE)) + "\ufe0f"  # what SENTENCE_END_RE allows after the end
_EMOTICON_ENDS = (":)", ":(", ":d", ":p", ";)", ";(", ";d", ";p", ":-)", ":-(", ":-d", ":-p", ";-)", ";-(", ";-d", ";-p", "<3")


def ends_sentence(text: str) -> bool:
    """``SENTENCE_END_RE.search(text) is not None``, deciding on the last characters
    (punctuation, an emoticon) and asking the regex only about a last character that may be
    an emoji.

    >>> ends_sentence("Done."), ends_sentence("Das gefällt mir 😉"), ends_sentence("Most read")
    (True, True, False)
    """
    stripped = text.rstrip(_TRAILING)
    if not stripped:
        return False
    last = stripped[-1]
    if last in _SENTENCE_STOPS:
        return True
    if last in ")(dDpP3" and stripped[-3:].lower().endswith(_EMOTICON_ENDS):
        return SENTENCE_END_RE.search(text) is not None
    if last.isascii():
        return False
    return SENTENCE_END_RE.search(text) is not None


def word_count(text: str) -> int:
    """Number of word tokens.

    >>> word_count("Coco.gg, c’est fini")
    3
    """
    return len((ASCII_WORD_RE if text.isascii() else WORD_RE).findall(text))


def words(text: str) -> list[str]:
    """Word tokens.

    >>> words("Coco.gg, c’est fini")
    ['Coco.gg', 'c’est', 'fini']
    """
    return WORD_RE.findall(text)


def size(text: str, words: int | None = None) -> float:
    """Length in words, counting two Chinese or Japanese characters as one word, and
    ``SPACELESS_CHARS_PER_WORD`` letters of Thai, Lao, Khmer or Burmese (written without
    spaces between words) as one (``words``: the text's word count, when it is known).

    >>> size("Two words"), size("学生们在上课"), size("ฝนตกหนักทั้งคืน")
    (2, 3.0, 3.75)
    """
    if text.isascii():
        return word_count(text) if words is None else words
    cjk = len(CJK_RE.findall(text)) if AFTER_CJK_FIRST_RE.search(text) else 0  # (they all come later)
    spaceless = len(SPACELESS_RE.findall(text))
    if not cjk and not spaceless:
        return word_count(text) if words is None else words
    rest = CJK_RE.sub(" ", text) if cjk else text
    rest = SPACELESS_RE.sub(" ", rest) if spaceless else rest
    return word_count(rest) + cjk / 2 + spaceless / SPACELESS_CHARS_PER_WORD


def _run_on_letters(text: str) -> int:
    """How many letters of Thai or Lao ``text`` holds when its last character is one of
    them, else 0."""
    if text.isascii():
        return 0
    stripped = text.rstrip()
    return len(RUN_ON_RE.findall(stripped)) if stripped and RUN_ON_RE.match(stripped[-1]) is not None else 0


def runs_on(text: str) -> bool:
    """A line of Thai or Lao, which mark no sentence's end (a space ends a sentence, the
    line's end the paragraph), of ``MIN_RUN_ON_CHARS`` of their letters or more, its last
    character one of them: a paragraph, though no punctuation says so.

    >>> runs_on("ฝนตกหนักทั้งคืน"), runs_on("Done.")
    (False, False)
    """
    return _run_on_letters(text) >= MIN_RUN_ON_CHARS


def states_run_on(text: str) -> bool:
    """A statement of Thai or Lao (see :func:`runs_on`): ``MIN_STATEMENT_RUN_ON_CHARS`` of
    their letters or more, in two clauses or more, its last character one of them.

    >>> states_run_on("ควรใส่มะนาวหลังปิดไฟเสมอ เพราะถ้าต้มมะนาวในน้ำเดือดจะทำให้มีรสขม"), states_run_on("ต้มข่าไก่ สูตรโบราณ")
    (True, False)
    """
    return _run_on_letters(text) >= MIN_STATEMENT_RUN_ON_CHARS and " " in text.strip()


def is_name_token(token: str) -> bool:
    """Capitalized, or from a script without case (Arabic, Hebrew, CJK, ...).

    >>> is_name_token("Doe"), is_name_token("doe"), is_name_token("حسن")
    (True, False, True)
    """
    if not token:
        return False
    first = token[0]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())
