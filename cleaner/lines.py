"""What each line of a page is, worked out once.

Every filter asks the same few questions of a line: its folded form and its core (folded,
decoration stripped), its length in words, whether it ends like a sentence, whether it is a
whole-line entry of a vocabulary category, whether it carries data. :class:`Lines` answers
them the first time a text is seen and keeps the answers, so later filters and later rounds
read them instead of folding and matching again. One ``Lines`` is made per pipeline and
shared by its filters (the caller owns it; nothing is kept at module level); it holds a
bounded number of texts and starts afresh when full.

The structure of runs of lines is judged here too (:class:`Shapes`): without HTML, a page's
structure shows in the shape of its lines: prose paragraphs, link-like short lines, and
*structured* lines that carry the article's own data: quantities ("300 g Mehl", "2 cups
flour"), prices, times, scores, percentages, numeric table cells, timelines ("1957–1959 Erster
Bauabschnitt ..."), code and command lines, a bare address, "Label: value" entries, and the
items of a list that a paragraph introduces with a colon. Units ("g", "cups", "TL", "łyżki")
are vocabulary (category ``units``).

This is the package's one speed device: describe a line once, then read the description.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar


import regex

from cleaner.blocks import Block
from cleaner.patterns import CJK_RE, DIGIT_RE, SCRIPT_FULL_STOPS, core, ends_sentence, fold, is_name_token, runs_on, size, strip_decoration, word_count
from cleaner.vocabulary import SPACE_CHAR_RE, Budget, Vocabulary, current_budget

__all__ = ["BAR_SEPARATOR_RE", "CLOCK_LED_RE", "CURRENCY_CODE_RE", "CURRENCY_RE", "DATED_ENTRY_RE", "FULL_STOP_END_RE", "INTRO_END_RE", "LABELLED_RE", "LIST_ITEM_RE", "POST_ATTRIBUTION_RE", "TIME_CELLS_RE", "WORDLESS_RE", "Line", "Lines", "Shapes", "bar_rows", "rated_rows", "crumb_items", "evenly_spaced", "is_crumbs", "is_entry", "is_fact_entry", "is_heading", "is_intro", "is_timed_entry", "names_person", "split_label"]

T = TypeVar("T")

# How many distinct texts one Lines object remembers (a few thousand pages' worth of
# distinct boilerplate and the pages in flight); it empties when full.
MAX_LINES = 1 << 15
# A line of this many words (see Line.size) that ends like a sentence is prose.
PROSE_WORDS = 12
# Lines longer than this get no memo entry (a pathological input of huge lines).
MAX_REMEMBERED_CHARS = 10_000
_UNKNOWN: Any = object()  # not answered yet (None and False are answers)


@dataclass(frozen=True, slots=True, eq=False)
class Line:
    """One line's text and what is always asked of it."""

    text: str
    folded: str  # see cleaner.patterns.fold
    key: str  # folded, without decoration at either end (cleaner.patterns.core)
    words: int  # word tokens
    size: float  # words, two Chinese or Japanese characters counting as one
    # Ends like a sentence (punctuation, an emoji or an emoticon), or is a long line of Thai
    # or Lao, which mark no sentence's end (:func:`cleaner.patterns.runs_on`).
    sentence_end: bool
    # A sentence-like line (:func:`cleaner.filters._common.is_prose` with its default twelve words).
    prose: bool
    # Whole-line vocabulary entries, by category: filled as filters ask (Lines.is_phrase).
    phrases: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> Line:
        folded = fold(text)
        words = word_count(text)
        length = size(text, words)
        sentence_end = ends_sentence(text) or runs_on(text)
        return cls(text, folded, strip_decoration(folded), words, length, sentence_end, length >= PROSE_WORDS and sentence_end)


class Lines:
    """Descriptions of lines, and answers to questions about them, remembered per text.

    >>> lines = Lines(Vocabulary({"section_labels": ["World"]}))
    >>> line = lines("  World ")
    >>> line.key, line.words, lines.is_phrase("section_labels", line)
    ('world', 1, True)
    """

    __slots__ = ("_answers", "_last", "_lines", "_shapes", "max_size", "vocabulary")

    def __init__(self, vocabulary: Vocabulary | None = None, *, max_size: int = MAX_LINES) -> None:
        self.vocabulary = vocabulary if vocabulary is not None else Vocabulary.default()
        self.max_size = max_size
        self._lines: dict[str, Line] = {}
        self._answers: dict[Hashable, Any] = {}
        self._shapes: Shapes | None = None
        self._last: tuple[Sequence[Block], tuple[Line, ...]] | None = None  # see of()

    @property
    def shapes(self) -> Shapes:
        """Data and structure judgments over these lines (regexes built on first use)."""
        if self._shapes is None:
            self._shapes = Shapes(self)
        return self._shapes

    def __reduce__(self) -> tuple[Any, ...]:
        # A pipeline sent to a worker starts with no memory.
        return (Lines, (self.vocabulary,), {"max_size": self.max_size})

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.max_size = state["max_size"]

    def __call__(self, text: str) -> Line:
        line = self._lines.get(text)
        if line is None:
            line = Line.of(text)
            if len(text) <= MAX_REMEMBERED_CHARS:
                if len(self._lines) >= self.max_size:
                    self._lines.clear()
                self._lines[text] = line
        return line

    def of(self, blocks: Sequence[Block]) -> Sequence[Line]:
        """The descriptions of blocks (a document's ``blocks``), in order. The filters that
        see the same blocks (one document between two removals) share one tuple."""
        last = self._last
        if last is not None and last[0] is blocks:
            return last[1]
        described = tuple([self(block.text) for block in blocks])
        if isinstance(blocks, tuple):  # immutable: the same object always holds the same blocks
            self._last = (blocks, described)
        return described

    def answer(self, question: Hashable, text: str, compute: Callable[[], T]) -> T:
        """The answer to ``question`` about ``text``, computed once. ``question`` names what
        is asked and every option it depends on (a filter's thresholds, categories)."""
        if len(text) > MAX_REMEMBERED_CHARS:
            return compute()
        memo_key = (question, text)
        result: T = self._answers.get(memo_key, _UNKNOWN)
        if result is not _UNKNOWN:
            return result
        value = compute()
        if self.vocabulary.has_user_patterns:
            budget = current_budget()
            if budget is not None and budget.exhausted:
                return value  # found on phrases only: not the answer for later documents
        if len(self._answers) >= self.max_size:
            self._answers.clear()
        self._answers[memo_key] = value
        return value

    # -- vocabulary -------------------------------------------------------------------------
    def is_phrase(self, category: str, line: Line, budget: Budget | None = None) -> bool:
        """Is the line's core a whole-line entry of ``category``? Remembered on the line
        (:attr:`Line.phrases`): every filter and every round that asks again reads it."""
        found = line.phrases.get(category)
        if found is None:
            phrases = self.vocabulary.only_phrases(category)
            if phrases is not None:
                found = line.key in phrases
            else:
                found = self.vocabulary.is_phrase(category, line.key, budget)
                if self.vocabulary.has_user_patterns:
                    document = current_budget()
                    if document is not None and document.exhausted:
                        return found  # found on phrases only: not the answer for later documents
            line.phrases[category] = found
        return found

    def greets(self, text: str) -> bool:
        """A letter's greeting: a salutation of the vocabulary ("Liebe Mitglieder,"), perhaps
        going on to more readers ("Liebe Mitglieder, liebe Freunde des TSV,"), closed by a
        comma, a colon or an exclamation mark, or in Japanese by the honorific
        ("保護者の皆様、地域の皆様")."""
        return (
            len(text) <= MAX_HEADER_CHARS
            and text.rstrip().endswith((",", ":", "!", *HONORIFIC_ENDS))
            and self.vocabulary.prefix("salutations", self(text).folded) is not None
        )

    def classify(self, categories: Sequence[str], line: Line, budget: Budget | None = None) -> str | None:
        """The first of ``categories`` the line's core is a whole-line entry of (see
        :meth:`cleaner.vocabulary.Vocabulary.classify`)."""
        categories = tuple(categories)
        return self.answer(("classify", categories), line.text, lambda: self.vocabulary.classify(categories, line.key, budget))


# Lines longer than this are never data, entries or list intros (they are prose or nothing).
MAX_DATA_CHARS = 300
# Whole numbers at least in a table's row of them after its label ("Pau Roig 21 4 7 24").
MIN_ROW_NUMBERS = 3
# The honorifics that close a Japanese letter's greeting ("保護者の皆様", "会員各位").
HONORIFIC_ENDS = ("様", "さま", "各位", "皆さん")
# Longer lines are never a header of other stories or comments.
MAX_HEADER_CHARS = 80

# List items and lines that introduce what follows are structure, not links.
LIST_ITEM_RE = regex.compile(r"^\s*(?:\d{1,3}[.)]|[-•*–▪·✓✔‣◦])\s")
INTRO_END_RE = regex.compile(r"[:：]\s*$")
# An entry of a list: a short label, a colon, then the items ("宮崎県：高鍋町、新富町", "Level: 70").
LABELLED_RE = regex.compile(r"^([^\s:：|]{1,30}(?: [^\s:：|]{1,30}){0,2})\s?[:：]\s?\S")  # group 1: the label
# The same label alone on its line, its value on the next ("Reino:" / "Animalia"): a
# definition list or an infobox flattened one cell per line.
LABEL_LINE_RE = regex.compile(r"^[^\s:：]{1,20}(?: [^\s:：]{1,20}){0,2}\s?[:：]\s*$")
# Words in a value under its label, at most.
MAX_VALUE_WORDS = 6
# The words of a fact box entry's value at most (see is_fact_entry).
MAX_FACT_WORDS = 3
# A line with a figure and more words than this needs a quarter of them to hold digits.
MAX_FIGURE_WORDS = 8
# ... or, up to this many words and not ending like a sentence, two figures or quantities
# or more: an offer's or a spec's line ("Chambre Classique (16 m²) – lit double, douche à
# l'italienne – à partir de 95 € la nuit"); a headline with a figure has one.
MAX_SPEC_WORDS = 24
MIN_SPEC_FIGURES = 2
# Tokens that separate words without being one.
DASH_TOKENS = ("-", "–", "—", "|", "·", "•", "/")
# Other lines between two data lines of a table (cell labels, headings).
MAX_CELL_GAP = 2
# Lines above a table's first figures that still belong to it (a heading, a header row).
MAX_TABLE_HEAD = 4
# Or a heading over a header row of this many short cells at most.
MAX_HEADER_CELLS = 12
# Items under a list heading ("Pros", "Zutaten") at most, and words in each.
MAX_HEADED_ITEMS = 15
MAX_ITEM_WORDS = 12
# Characters of a line led by a fact box's label at most ("Directed by ...").
MAX_FACT_LINE_CHARS = 120
# A range of days ("9 marzo – 30 giugno 2024"): a dash, or one short word between the days
# ("au", "t/m", "bis", "to"); each end of a few tokens ("Samedi 13 avril 2024").
RANGE_DASH_RE = regex.compile(r"\s*[–—]\s*|\s+-\s+")
RANGE_WORD_RE = regex.compile(r"[–—-]|[\p{L}/]{1,5}")
MAX_RANGE_END_TOKENS = 4
MAX_RANGE_CHARS = 80
# A list heading with what it is about after it has at most this many words.
MAX_HEADING_WORDS = 8
# What a list heading may say it is for: "(4 personen)", "für 4 Personen", "for 6".
LIST_FOR_RE = regex.compile(r"\s*\([^()]{1,40}\)?$|\s+\S+\s+\d+(?:\s+\S+)?$")
# A column's name shortened: "Pos.", "Pkt.", "Nr.".
ABBREVIATION_RE = regex.compile(r"\p{L}{1,5}\.")
# Rows with a figure in the same cell that make a table however sparse its figures.
MIN_TABLE_ROWS = 4
# Rows under a header row that make a small table, at least and at most (looked for); the
# cells of its rows at most, and the words of a cell (a room card's features: "Vistas a la
# calle, aire acondicionado, nevera").
MIN_HEADED_ROWS = 3
# Cells of a row, at least, for a table under a heading without a header row to need no more
# than MIN_HEADED_ROWS rows (a team, a team, a score).
MIN_HEADED_ROW_CELLS = 3
MAX_HEADED_ROWS = 12
MAX_HEADED_CELLS = 6
MAX_HEADED_CELL_WORDS = 10
# Rows of a label and its value at most over a table's first figures that open the text under
# the headline (a module's or a place's facts: "Modulnummer" / "UI-204" / ...).
MAX_LABEL_ROWS = 6
# Words (or pieces between spaces) at most of a table's cell that may repeat in the next rows.
MAX_CELL_WORDS = 3
# A cell's words, its figures not counted.
CELL_WORD_RE = regex.compile(r"[^\W\d_][\w'’-]*")
MAX_CJK_CELL_CHARS = 10  # in a script written without spaces ("３日", "午後２時")
# Rows at least of a table of labels and values, and values with a figure among them at least.
MIN_LABEL_VALUE_ROWS = 4
MAX_LABEL_CHARS = 40  # a label's characters at most (three words)
MIN_LABEL_VALUE_FIGURES = 2
# The lines such a table can span, at most (a heading, a header row and its rows).
MAX_HEADED_LINES = 1 + MAX_HEADED_CELLS * (MAX_HEADED_ROWS + 1)
# A line with no word at all: "___", "* * *", "✓".
WORDLESS_RE = regex.compile(r"^[^\p{L}\p{N}]*$")

# A match's minute alone, as a live report stamps its entries: "88'", "45.+2'", "90+3′".
MINUTE_RE = regex.compile(r"\s*\d{1,3}\.?(?:\s?\+\s?\d{1,2})?['’′]\s*")
_NUMBER = r"\d+(?:[.,'’ ]\d{3})*(?:[.,]\d+)?"
_FRACTION = r"[½¼¾⅓⅔⅛]"
# A currency's code or abbreviation right before an amount, on folded text ("chf 389.–", "fr.
# 16.50", "rp 50.000"); a code of letters is a word of its own, a space before the amount
# ("ron 120", not the user name "Ron73").
_CURRENCY_CODE = r"(?<!\p{L})(?:(?:chf|sfr|eur|usd|gbp|sek|nok|dkk|pln|czk|huf|ron|rp|rm|kr)\s|(?:sfr|fr|rs|rp|kr)\.\s?|r\$\s?)\d"
CURRENCY_CODE_RE = regex.compile(rf"\s*{_CURRENCY_CODE}")
# Evidence that a short line carries data rather than a link's words (on folded text): a
# figure counts when the line is short or dense with numbers ("Jessie Maduka fliegt auf
# 13,93 Meter" is a headline).
_FIGURE_PATTERNS = (
    # Money: "$285", "€27.90", "27,90 €"; a currency's code or abbreviation before the amount
    # ("CHF 389.–", "Fr. 16.50", "Rp 50.000", "RM 45", "kr. 120").
    rf"\p{{Sc}}\s?\d|\d\s?\p{{Sc}}|{_CURRENCY_CODE}",
    # Times: "4:30 p.m.", "13:15 uhr", "20h30", "8 p.m.".
    r"(?<![\d:.])\d{1,2}[:h]\d{2}(?![\d:])|(?<!\d)\d{1,2}\s?(?:a\.?m\.?|p\.?m\.?|uhr)(?!\p{L})",
    # Scores and records: "46:44", "(10-6, 3-4)", a Brazilian or Portuguese "2 x 1".
    r"(?<![\d.:/,-])\d{1,3}\s?[:–-]\s?\d{1,3}(?![\d.:/,-])|(?<![\d.:/,x-])\d{1,3}\sx\s\d{1,3}(?![\d.:/,x-])",
    # An American score, each team's points after its name: "eastfield 42, hillcrest 14",
    # "cold springs 31, lakeview 28 (2ot)".
    r"(?<=\p{L}\s)\d{1,3},\s\p{L}[\p{L}\p{M}.'’ -]{0,40}\s\d{1,3}(?:\s\(\w{1,4}\))?\s*$",
    # Race times and gaps in minutes and seconds: "4h12'37\"", "1'09\"", a gap alone: "à 24\"", "+ 12\"".
    r"(?<![\d'’′])\d{1,2}['’′]\d{2}[\"”″]|^(?:\+|à|a)?\s?\d{1,2}[\"”″]\s*$",
    # A match's minute alone (see MINUTE_RE).
    rf"^{MINUTE_RE.pattern}$",
)
FIGURE_RE = regex.compile("|".join(f"(?:{p})" for p in _FIGURE_PATTERNS))
# Where a quantity's number may start ("300 g", "2,5 kg", "½ TL"): its unit is looked up in the
# vocabulary's set of units, not matched by an alternation of hundreds of words (nothing to
# compile). A number glued to a word of a cased script ("A4g") is not a quantity; in Chinese
# or Japanese a number follows a word ("最大100km").
NUMBER_START_RE = regex.compile(rf"(?<![\p{{Latin}}\p{{Cyrillic}}\p{{Greek}}\d.,])\d|{_FRACTION}")
_GROUP_SEPARATORS, _DECIMAL_MARKS = ".,'’ ", ".,"
# A numeric cell: a number alone, with a sign, currency or dimensions, then perhaps a unit
# ("30'000", "-804", "155 x 96", "1kg"), or its change in brackets ("586 (31.0)", "3186（19.2）").
_CELL_HEAD = rf"[\s(\[+\-–−±~≈<>]*(?:\p{{Sc}}\s?)?(?:{_NUMBER}|{_FRACTION})(?:\s?[x×/\-–]\s?{_NUMBER})?"
CELL_HEAD_RE = regex.compile(rf"{_CELL_HEAD}\s?")
CELL_RE = regex.compile(rf"{_CELL_HEAD}(?:\s?\p{{Sc}})?(?:\s?\(\s?[+\-–−±]?{_NUMBER}\s?%?\s?\))?[\s)\].,]*")
CELL_END_RE = regex.compile(r"[\s)\].,]*")
LETTER_RE = regex.compile(r"\p{L}")
LETTER_OR_NUMBER_RE = regex.compile(r"[\p{L}\p{N}]")
# A trail of crumbs: items of a few words between one arrow or slash ("Reseptit / Leivonta /
# Pullat", "Sport › Athletics › Results"; the full-width arrow of Japanese and Chinese pages,
# "ホーム ＞ 客室・温泉"): three or more are no headline, and the last names the page.
CRUMB_SEPARATOR_RE = regex.compile(r"\s([/›>»→＞])\s")
MAX_CRUMB_WORDS = 4
# Words of a trail's last item, of three items or more, at most: the page's whole headline.
MAX_CRUMB_HEADLINE_WORDS = 12


def _number_ends(text: str, start: int) -> Iterator[int]:
    """Every position where a number (``_NUMBER``: "12", "1 000", "2,5", "0,0019") that starts
    at ``start`` can end."""
    size = len(text)
    end = start
    while end < size and text[end].isdecimal():
        end += 1
    yield from range(start + 1, end + 1)
    bases = [end]  # where a decimal part may follow
    while end + 4 <= size and text[end] in _GROUP_SEPARATORS and text[end + 1 : end + 4].isdecimal():
        end += 4
        yield end
        bases.append(end)
    for base in bases:
        if base + 1 < size and text[base] in _DECIMAL_MARKS and text[base + 1].isdecimal():
            decimal = base + 1
            while decimal < size and text[decimal].isdecimal():
                decimal += 1
                yield decimal


# Evidence that a line of any length carries data, however many words it has: a timeline
# entry (a year or a range of years, then text: "1957–1959 erster bauabschnitt", "2018∼2020년
# '반지하 레시피' 연재"), a bare address ("http://www.bafta.org", "www.dwds.de/themenglossar",
# "drhyman.com"), or code.
TIMELINE_RE = regex.compile(r"^\s*(?:1[6-9]|20)\d{2}(?:\s?[-–/∼~～]\s?(?:1[6-9]|20)?\d{2})?[年년]?(?:\s?[:.,]|\s)\s*\S")
ADDRESS_RE = regex.compile(r"^\s*(?:https?://\S+|www\.\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}(?:/\S*)?)\s*$")
# Every number, quantity, price, time or score holds one of these: a line without any is
# data only as an address or code.
NUMERAL_RE = regex.compile(r"[\d½¼¾⅓⅔⅛]")

# A JSON object on its line, perhaps in a list: a command's output ('{"id":1,"title":"Milk"}').
_JSON_OBJECT = r'^\s*\[?\{\s*"[^"\n]{1,40}"\s*:'
# A command or code line, on the line as written (commands are lower case), perhaps after the
# name of the system it is for ("macOS: brew upgrade --cask belegmeister").
# A line of code that opens a block: a key, then a brace or a bracket ("  watch: {", "items: [").
_CODE_BLOCK_OPEN = r"^\s*[\w.$\"'-]+:?\s?[{\[]\s*$"
CODE_BLOCK_OPEN_RE = regex.compile(_CODE_BLOCK_OPEN)
CODE_RE = regex.compile(
    r"^\s*(?:\$|#|>>>|%)\s+\S|^\s*[\w()/ ]{1,30}:\s(?:sudo|brew|apt(?:-get)?|dnf|yum|winget|choco|flatpak|pacman|zypper|pip3?|npm|npx|docker|kubectl) [-\w./:=@~]+"
    r"|^\s*(?:sudo|pip3?|npm|npx|yarn|git|apt(?:-get)?|dnf|yum|brew|docker|kubectl|"
    r"curl|wget|python3?|node|make|cargo|go|java|export|chmod|chown|mkdir|ssh|source|cd|ls|cat|cp|mv|rm|conda|uv|"
    r"poetry|systemctl|journalctl|rsync|scp|tar|grep|sed|awk|crontab|useradd|usermod|ufw|certbot|openssl|ffmpeg|"
    r"winget|choco|flatpak|pacman|zypper|helm|terraform|ansible|dotnet|composer|mvn|gradle|psql|mysql|sqlite3|bash|sh|"
    r"pytest|tox|nox|ruff|mypy|pipx|pnpm|bun|deno|cmake|gcc|rustup|gem|bundle|php|perl|snap|apk|nix|vagrant|minikube) [-\w./:=@~]+"
    r"|[\w\])]\s?(?:==|=>|->|\+=|:=|=)\s?[\w\"'\[({-]|^\s*[{}\[\]();,]+\s*$"
    rf"|{_CODE_BLOCK_OPEN}"
    r"|^\s*[A-Za-z_][A-Za-z0-9_.]*\([^()]*\)\s*[;{]?\s*$"
    # (a JSON object, a command's output: see JSON_LINE_RE)
    rf"|{_JSON_OBJECT}"
    # A commit by its hash, as "git log --oneline" prints it, perhaps after the command of an
    # interactive rebase's list ("pick e05b7a1 Add the sign-up form").
    r"|^\s*(?:(?:pick|reword|edit|squash|fixup|drop|[prefsd])\s)?(?=[0-9a-f]{0,39}\d)(?=[0-9a-f]{0,39}[a-f])[0-9a-f]{7,40}\s\S"
)
JSON_LINE_RE = regex.compile(_JSON_OBJECT)


# Date and time lines ("Updated 3:42 PM EDT", "Freitag, 15. März", "3日前"): see Shapes.is_date.
# A word with its vowel signs and accents ("मार्च", "กันยายน", a decomposed "μαΐου"), but not
# with the optional vowel points of Arabic and Hebrew, whose date words are listed in pieces
# ("نُشر": "ن", "شر").
TOKEN_RE = regex.compile(r"(?V1)[\p{L}\p{N}][[\p{L}\p{N}\p{M}.'’-]--[\u0591-\u05c7\u064b-\u065f\u0670]]*")
# A clock time's hour and minutes ("48:22" is a score, "50:55" a running time; the French
# press spaces its "h": "13 h 45"), perhaps glued to the year before it ("Apr 28 20232:23
# PM"); no digit after the minutes ("1.240" is a figure grouped in thousands).
_CLOCK = r"(?:(?<!\d)|(?<=(?<!\d)\d{4}))(?:[01]?\d|2[0-4])(?:[:h.]| h )[0-5]\d(?!\d)"
# "3:42", "15h30", "3 pm", "9 Uhr", "20 uur", "klo 15"; a unit is never the start of a word
# ("14 hours"), nor is an hour of the clock part of a longer number or past 24 ("180 h", "60
# h": a workload). The hour said with its "at" where the word for hours alone would also
# count hours ("u 20 sati", "v 19 hodin", "ob 20. uri", "o godz. 18", "kl. 19"): not "radi
# 12 sati" (works twelve hours).
_AT_HOUR = r"(?:[01]?\d|2[0-4])"
TIME_RE = regex.compile(
    rf"{_CLOCK}(?:[:.]\d{{2}})?(?:h)?|(?<!\d)(?:[01]?\d|2[0-4]) ?(?:am|pm|a\.m\.|p\.m\.|uhr|uur|h)(?!\p{{L}})|(?<!\p{{L}})klo (?:[01]?\d|2[0-4])(?![\d.:])"
    rf"|(?<!\p{{L}})(?:u {_AT_HOUR} (?:sati|časova)|v {_AT_HOUR}\.? hodin|ob {_AT_HOUR}\. uri|(?:o )?godz\. ?{_AT_HOUR}|kl\. ?{_AT_HOUR})(?![\d\p{{L}}])"
)
# A year ("Efterår 2024"); or a clock time in a date line: a post's or teaser's date, not a
# programme's day.
_YEAR = r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)"
YEAR_RE = regex.compile(_YEAR)
# Words between a word of birth or death and the year of its date, at most ("born on
# Tuesday 3 May 1933", "né le 3 mai 1933").
MAX_LIFE_DATE_WORDS = 5
YEAR_OR_TIME_RE = regex.compile(rf"{_YEAR}|\d{{1,2}}[:h.]\d{{2}}(?!\d)")
# A time zone after a live report's time ("12:58 BST", "09:15 CET", "3:47 pm ET").
_TIME_ZONE = r"(?:gmt|utc|bst|ist|cet|cest|eet|eest|wet|west|mez|mesz|oez|est|edt|cst|cdt|mst|mdt|pst|pdt|et|ct|mt|pt|aest|aedt|jst|kst|msk|hkt|sgt)"
# A clock time alone: "16:05", "9.30 uhr", "3:47 pm", "20h15", "13 h 45".
CLOCK_TIME_RE = regex.compile(rf"{_CLOCK}(?:\s?(?:uhr|h|am|pm|a\.m\.|p\.m\.))?(?:\s?{_TIME_ZONE})?")
# Clock times alone in one row's cells ("07.15", "06:45 | 07:15"): a timetable's row.
TIME_CELLS_RE = regex.compile(rf"\s*{_CLOCK}(?:\s*[|\t]\s*{_CLOCK})*\s*")
# Two clock times joined ("19.00–23.30", "9:00 - 17:00", "10 bis 18 Uhr", "9h–12h"): opening hours, a
# programme's slot; a post's stamp has one time.
TIME_RANGE_RE = regex.compile(
    rf"{_CLOCK}\s?(?:uhr|h)?\s?(?:[-–—]|bis|to|a|à|alle|al)\s?{_CLOCK}"
    r"|(?<![\d.:])\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\.?\s?(?:[-–—]|to)\s?\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\.?"
    r"|(?<!\d)\d{1,2}\s?(?:[-–—]|bis)\s?\d{1,2}\s?(?:uhr|h)(?!\p{L})"
    # Spelled with words for "to": "de 9 a 14 h", "de 9 à 12 h", "dalle 9 alle 13".
    r"|\bde\s\d{1,2}\s(?:a|à|al)\s\d{1,2}\s?h(?!\p{L})|\bdalle\s\d{1,2}(?:[:.]\d{2})?\salle\s\d{1,2}(?!\d)"
    # Hours in French and Spanish spelling: "9h–12h", "14h–18h", "de 8 h 30 à 12 h".
    r"|(?<![\d.:])\d{1,2}\s?h(?:\s?[0-5]\d)?\s?(?:[-–—]|à|a)\s?\d{1,2}\s?h(?:\s?[0-5]\d)?(?!\p{L})"
)
# "Home | News | Sport | ...", "Vollzeit | Standort: Fulda": items between spaced bars or
# bullets.
BAR_SEPARATOR_RE = regex.compile(r"\s[|•·]\s")
# Between a name and its office on one line: a comma, a spaced dash or a colon.
SIGNATURE_SPLIT_RE = regex.compile(r",\s*|\s+[-–—]\s+|:\s+")
# The name and the role of one more signer, at a comma or a spaced dash ("Halina Mazur –
# sekretarz"); a colon leads a row of the page's ("Unsere Partner: Sparkasse | ...").
SIGNER_SPLIT_RE = regex.compile(r",\s*|\s+[-–—]\s+")
# A table's row flattened with bars between its cells ("--keep | 10 | Number of rotated files
# to keep"): as many bars in each of three rows in a row.
TABLE_BAR_RE = regex.compile(r"\s\|\s")
MIN_ROW_BARS = 1
MIN_BAR_ROWS = 3
# An embedded post's attribution line, as the social network prints it under the post: a dash,
# the account's name, its handle in brackets and the date ("— Marcus Hale (@mhale) March 6,
# 2025"). The same account may post twice on a day: two such lines are no copy.
# Or the account's name and the network a page names after a comma and a preposition ("—
# Inspectoratul General pentru Situații de Urgență, pe Facebook", "– Stadt Köln, auf Instagram").
POST_ATTRIBUTION_RE = regex.compile(
    r"[—–-]\s?[^\s()][^()]{0,60}\s\(@\w{1,30}\)\s?\S.{0,40}"
    r"|[—–]\s?[^\s,][^,]{0,80},\s\p{L}{1,4}\s(?:Facebook|Instagram|Threads|Bluesky|X|Twitter|TikTok|LinkedIn|Mastodon|Telegram|YouTube)"
)
# A table's value cell that is an amount: a figure, perhaps with one word before it ("khoảng
# 2.810.000đ", "ca. 40"), a currency or a unit of three letters at most after it ("600.000đ",
# "12 €", "350 kr", "4,5 km", "120.000đ/ngày"); not "5 comments" nor "3 min read".
AMOUNT_CELL_RE = regex.compile(r"(?:\p{L}+\.?\s)?\p{Sc}?\s?\d[\d.,\s]*(?:\s?(?:\p{Sc}|\p{L}{1,3}\.?))?(?:/\p{L}+)?")
# An infobox flattened a row per line, "Label | value": its rows at least, and the words of
# each cell at most.
MIN_FACT_ROWS = 5
MAX_FACT_CELL_WORDS = 4
# A remark in brackets at the end of a cell: "No (salvo residentes)".
REMARK_END_RE = regex.compile(r"\s*\([^()]{1,80}\)\s*$")
MAX_HEADER_CELL_WORDS = 3
# A cell that is a phrase, not a category's name, in a table of two columns: its words, at least.
MIN_PHRASE_CELL_WORDS = 3
# A release's version number alone on its line, perhaps after a name: with a "v" ("v3.8.0",
# "Tidepool v3.8") or of three parts or four of at most three digits ("3.7.2", "Release
# 2.0.0-beta.1"): a changelog's or release notes' heading ("14.30" is a time, "12.05.2024" a
# date).
VERSION_LINE_RE = regex.compile(
    r"\s*(?:\p{L}[\p{L}\p{N}.\-]{0,24}\s){0,2}(?:v\d{1,4}(?:\.\d{1,4}){1,3}|\d{1,3}(?:\.\d{1,3}){2,3})"
    r"(?:[-+.]?(?:alpha|beta|rc|lts)[.\-]?\d*)?\s*"
)
# A number's last part of one digit ("3.7.2"): no short date ends so.
SINGLE_DIGIT_END_RE = regex.compile(r"(?<!\d)\d\s*$")
# A line led by a clock time and a word ("18:00 St. Martin, Vorabendmesse", "7.30 pm Evensong"),
# perhaps after the word for "at" ("ore 19:00 apertura stand", "kl. 10.00 gudstjeneste", "um
# 9:30 Gottesdienst"), perhaps with a dash or a colon between ("Ore 21.30 – Concerto della
# banda"): under a day, a schedule's entry.
CLOCK_LED_RE = regex.compile(rf"^\s*(?:(?:ore|alle|um|kl\.?|klo|à|a las|at|om|o godz\.?|godz\.?)\s)?{_CLOCK}(?:\s?(?:uhr|h|am|pm|a\.m\.|p\.m\.))?(?:\s*[-–—:|]\s*|\s+)\p{{L}}")
MAX_TIMED_ENTRY_WORDS = 14
# A programme's entry, however long: its time, a separator, what happens ("17:30 Uhr –
# Eröffnung mit dem Oberbürgermeister und dem Posaunenchor", "20.30: Konzert").
SCHEDULE_ENTRY_RE = regex.compile(rf"^\s*{_CLOCK}(?:\s?(?:uhr|h|am|pm|a\.m\.|p\.m\.))?\s?[-–—:|]\s?\S")
# A schedule's entry led by its date written with figures and a separator ("08.12.2023 –
# Weihnachtsbasar", "2024-01-08: Unterrichtsbeginn"), or by a day and month closed by a
# full stop and a capital ("15.06. Sportfest"), perhaps the last day of a span of days
# ("3.–20.6. Yleisurheilukoulu"), perhaps after its weekday's short name (a round's fixtures:
# "La 31.8. SJK–Ilves", "Sa 31.8. Bayern – Dortmund").
DATED_ENTRY_RE = regex.compile(r"\s*(?:(?:\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?|\d{4}-\d{2}-\d{2})\s*[-–—:|]\s|(?:\p{Lu}\p{Ll}{1,2}\.?,?\s)?(?:\d{1,2}\.(?:\d{1,2}\.)?\s?[-–]\s?)?\d{1,2}\.\d{1,2}\.\s\p{Lu})")
# A line's head up to a figure right before a capitalized word ("ke 10.4. klo 17.30
# Kuraattorin opastus"), and a day and month in figures in such a head ("10.4.").
DATE_BEFORE_TITLE_RE = regex.compile(r"\s*(\S.{2,40}?\d)\.?\s+(?=\p{Lu})")
DAY_MONTH_FIGURES_RE = regex.compile(r"(?<!\d)\d{1,2}\.\d{1,2}\.")
HOURS_SPAN_END_RE = regex.compile(r"\s?[–-]\s?\d{1,2}(?:[.:]\d{2})?$")
# A line led by a short head and a separator ("25 maj – städdag kl. 10", "Efterår 2024: Udbud
# af anlægsarbejdet"), or by an ideographic space, a field's separator in Chinese and Japanese
# ("2025年3月\u3000..."): the head may be a date (see Shapes.is_dated_entry).
ENTRY_HEAD_RE = regex.compile(r"\s*([^\s:：|–—-][^:：|–—\u3000]{0,29}?)(?:\s*(?:[–—|]|\s--?|:|：)\s+|\u3000)\S")
# Or a head with its clock time before a dash ("19 sierpnia 2025, godz. 9:00 – egzamin
# poprawkowy"; not before a colon: "Update, 3:40 p.m.: ..." is a live report's entry, with the
# page's stamp above it).
TIMED_ENTRY_HEAD_RE = regex.compile(r"\s*([^\s:：|–—-](?:(?<=\d):(?=\d{2}\b)|[^:：|–—\u3000]){0,29}?)\s*[–—|]\s+\S")
# A day's name and its date after a spaced dash ("New Year's Day – Wednesday, January 1"), and
# the name's words at most (see Shapes.is_named_day).
NAMED_DAY_RE = regex.compile(r"\s*(\S.{0,60}?)\s[–—-]\s(\S.{2,60})")
MAX_NAMED_DAY_WORDS = 5
MIN_NAMED_DAYS = 3
# A date that names a day holds two figures or more ("Sonntag, 19. April 2026", "március 2.,
# 19.00", "Madrid, 17 feb 2024"); a month alone ("November 2025", "– April 2025") is an
# archive's link or a title's.
DAY_FIGURES_RE = regex.compile(r"\d\D+\d")
# A scorecard's figures: four numbers joined by dashes (a bowler's overs, maidens, runs and
# wickets: "9.3-1-38-4"; a date has three parts), or runs and balls closing the line ("71 (96)",
# "38* (44)").
SCORECARD_RE = regex.compile(r"(?<![\d.])\d{1,3}(?:\.\d)?(?:-\d{1,3}){3}(?![\d.-])|(?<![\d.,])\d{1,3}\*? \(\d{1,3}\)\s*$")
# Entries named next to their dates between two paragraphs of the text, at least (see
# Shapes.dated_entries), each of this many words at most (a teaser's headline is longer).
MIN_DATED_ENTRIES = 3
MAX_DATED_ENTRY_WORDS = 7
# A duration read as a time: a video's or a recipe's minutes ("01:32 min", "60 min.").
DURATION_RE = regex.compile(r"\bmin(?:\.|uten?|utes?)?\s*$")
# Relative times: "15時間前", "3日前", "2小时前", "5분 전".
_RELATIVE_CJK = r"\d{1,3}\s?(?:時間|小时|小時|分鐘|分钟|分|秒|日|天|週間|周|か月|カ月|ヶ月|시간|분|일|주)\s?(?:前|전)"
RELATIVE_CJK_RE = regex.compile(_RELATIVE_CJK)
# The signs of birth and death before dates ("* 4. März 1938 † 11. Januar 2024"): a
# life's dates under a death notice's name, not a page's stamp nor its headline.
LIFE_DATES_RE = regex.compile(r"[†✝✞]|^\s*\*\s*\d")
# A date in figures, one separator between its parts ("12.03.2024", "2024-03-12", "3/12/24";
# a score is none: "7.0/10"), a month and its year ("03.2015"), or in the CJK forms.
NUMERIC_DATE_RE = regex.compile(
    r"\d{1,4}([./-])\d{1,2}\1\d{1,4}|(?<![\d.])(?:0?[1-9]|1[0-2])\.(?:1[89]|20)\d{2}(?![\d.])|(?<!\d)\d{1,2}\.\s\d{1,2}\.\s\d{4}(?!\d)|\d{2,4}\s?[年년]\s?\d{1,2}\s?[月월](?:\s?\d{1,2}\s?[日일])?|\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일]"
    rf"|{_RELATIVE_CJK}"
    r"|\d{1,2}\s?[時시点]\s?(?:\d{1,2}\s?[分분])?"
)
# Three figures: no day, month or year of the calendar.
THREE_FIGURES_RE = regex.compile(r"\d{3}\.?")
NUMBER_RE = regex.compile(r"\d{1,4}(?:st|nd|rd|th|er|e|\.|º|ª|г|г\.)?")
# A day and month without the year ("23.3.", "24/3"): a date only next to a date word
# ("Samstag, 23.3.", "Thứ bảy 23/3"); alone it may be a score or a section's number.
DAY_MONTH_RE = regex.compile(r"(?:[012]?\d|3[01])[./](?:0?[1-9]|1[0-2])\.?")
# A place name (one to three capitalized words) and a separator before a dateline's date; or
# two such names between bars or middle dots, the author's and the outlet's ("Chris Atwell ·
# CBC News · Posted: Mar 30, 2025 4:05 PM EDT").
PLACE_RE = regex.compile(r"^\s*(?:\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2} [|·] )?\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}\s*(?:,|\s[-–—|·]\s)\s*")
# A currency or percent sign: the figures are an amount.
AMOUNT_MARK_RE = regex.compile(r"[\p{Sc}%‰]")
# A label and a count after its colon: "November: 12", "Januar: 19" (a month's figure in a
# list of months), not a day of the calendar (no language writes a date "month: day").
LABEL_COUNT_RE = regex.compile(r"\p{L}+ ?: ?\d{1,6}")
# A currency sign: the figures are a price.
CURRENCY_RE = regex.compile(r"\p{Sc}")
# Contact details: an e-mail address, or a phone number of six digits or more ("0821 556677",
# "070-123 45 67", "+49 89 1234-0"); a date written with dots or a product number ("#559393")
# is none.
CONTACT_RE = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\d.,#])\+?\d(?:[\s()/.-]?\d){5,}(?![\d.,]*\d)")
DOTTED_DATE_RE = regex.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})")
# A date with its year in full at the start of such a match (a time may follow): no phone.
DATE_START_RE = regex.compile(r"\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{1,2}[./]\d{1,2}[./]\d{4}(?!\d)")
# What separates two details on one line ("Tel. 0575 123456 – P.IVA 01234560512").
ID_SEGMENT_RE = regex.compile(r"\s[-–—|·•]\s|[,;]\s|\d\s")
# Lines of contact details under their heading ("Kontakt") in the lines under it, at least
# (one of them a phone number or an e-mail address), and those lines (a name, a street, a
# town, a phone number, an e-mail address).
MIN_CONTACT_LINES = 2
CONTACT_WINDOW = 5
# The same under a heading that names them ("Ansprechpartnerin" / name / role / company /
# street / town / phone; vocabulary ``contact_headings``).
NAMED_CONTACT_WINDOW = 7
# A signature's name line: two to five words, each a name's (or a particle of one: "Jan de
# Vries", "Ursula von Hagen"), over the office it signs with (see Shapes.signs_with_role).
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 5
NAME_PARTICLES = frozenset({"von", "van", "de", "der", "den", "del", "della", "di", "da", "du", "dos", "la", "le", "y", "zu", "ten", "ter"})
MAX_ROLE_CHARS = 60
# Words of the line that names the office issuing a notice, over its signatures.
MAX_ISSUER_WORDS = 8
# Words of a signer's line that opens with the name: the office and whom else it signs for
# ("Sabine Keller, Kita-Leitung, und das ganze Team der Kita Regenbogen").
MAX_SIGNER_WORDS = 14
# Signers' lines in a row under a closing formula or the first signature.
MAX_SIGNERS = 3
# A title before a name, abbreviated in lower case ("drs.", "dr.", "ir.", "prof.").
TITLE_ABBREVIATION_RE = regex.compile(r"\p{Ll}{2,5}\.")
# Titles written without a full stop before a name ("mgr Joanna Kowalczyk", "dr hab. Jan Nowak",
# a priest's "don Luca Bacci", a friar's "fra Ivan Marić").
UNDOTTED_TITLES = frozenset({"mgr", "dr", "hab", "inż", "lic", "ks", "prof", "don", "fra"})
# Words of a contact block's heading at most ("Kontakt", "Musée des Tanneurs", "Per
# informazioni e prenotazioni"), unless it introduces the block with a colon.
MAX_CONTACT_HEADING_WORDS = 4
# A town after its postal code, at the start of a line or after a comma or a dash ("74918
# Angelbachtal", "Ellenberger Str. 12, 24376 Kappeln", "2, rue des Peupliers – 49170 Saint-Aubin",
# "62-345 Zielona Dolina", "1000-001 Lisboa"), or after a
# street and its number: part of an address.
POSTAL_TOWN_RE = regex.compile(
    r"(?:^|,\s|\s[–—]\s)(?:\d{4,5}|\d{2}-\d{3}|\d{4}-\d{3})\s\p{Lu}\p{Ll}"
    # A street and its number, then the town closing the line ("Via Ernesto Padova 14, Milano",
    # "12 rue des Tanneurs, Niort", "21 Mill Lane, Ely").
    r"|\p{L}{2}\.?\s\d{1,4}[a-z]?,\s\p{Lu}\p{Ll}+$|^\d{1,4}[a-z]?,?\s\p{L}[\p{L}'’.\- ]{2,40},\s\p{Lu}\p{Ll}+$"
)
# A place with its street and number between commas ("Stadtkirche St. Marien, Marktplatz 1,
# Heidenfeld", "Sitzungssaal im Rathaus, Hauptstraße 1, 1. OG", "12 rue des Tanneurs, Niort"),
# or closing the line ("Cultureel Centrum Zele, Markt 10"): where an event is held. The street
# may be led by a lower-case word for a street and a particle ("ul. Ołowianka 1", "via dei
# Mille 5", "calle Mayor 3").
_STREET = r"(?:\p{Ll}{1,8}\.?\s(?:\p{Ll}{1,3}\s)?)?\p{Lu}[\p{L}.'’\- ]{1,40}\s\d{1,4}[a-z]?"
VENUE_RE = regex.compile(rf"(?:^|,\s){_STREET},\s\S|(?:^|,\s)\d{{1,4}}[a-z]?,?\s\p{{L}}[\p{{L}}'’.\- ]{{2,40}},\s\S|,\s{_STREET}$")
# Lines that say when and where an event is held, at most (a date, its times, the place).
MAX_EVENT_LINES = 3
# Lines of an event's entry under its day, at most (its title, a description, its times,
# its place): see Shapes.dates_event_entry.
MAX_EVENT_ENTRY_LINES = 6
# Day names each over one item in a row, at least (a week's menu), and the length of a day
# name's line at most.
MIN_DAY_ITEMS = 3
MAX_DAY_NAME_CHARS = 40
# Item lines under each day of such a chain at most (a dish and its vegetarian choice).
MAX_DAY_ITEM_LINES = 3
# Item lines under each day at most when the days hold more or fewer (a school menu's
# starter, main, side, cheese and dessert).
MAX_DAY_GROUP_ITEMS = 6
# A programme by day: dates without the year, each over a group of short lines (a festival's
# acts, a market's stalls), this many days at least in calendar order, with this many lines
# under each at least and at most (see Shapes.day_groups).
MIN_DAY_GROUPS = 3
# A timeline's dated entries at least, and the years they span at least, or its entries at least
# when they span fewer years, some a month without its day (see Shapes._timeline); a year in a
# date line, or alone on its line ("1790").
MIN_TIMELINE_ENTRIES = 3
MIN_TIMELINE_YEARS = 5
MIN_MONTHLY_ENTRIES = 4
TIMELINE_YEAR_RE = regex.compile(r"(?<!\d)\d{3,4}(?!\d)")
# Words of a stamp that counts back from now without a figure, at most ("vor kurzem").
MAX_STAMP_WORDS = 3
MIN_GROUP_ITEMS, MAX_GROUP_ITEMS = 2, 10
# A review's score alone on its line: a figure out of 5, 10, 20 or 100 ("8/10"), a grade with
# its decimals ("1,9"; a whole number alone is a count of votes), or stars; and the length of
# its label's line at most (see Shapes.scores).
SCORE_VALUE_RE = regex.compile(r"\s*(?:\d{1,3}(?:[.,]\d{1,2})?\s*/\s*(?:5|10|20|100)|\d{1,2}[.,]\d{1,2}|[★☆✩✪⭐]{3,5})\s*")
MAX_SCORE_LABEL_CHARS = 40
# Words of a verdict after its label at most ("Falso", "Mostly false", "Missing context").
MAX_VERDICT_WORDS = 3
# A schedule's rows with a slot from one time to another each (see _slot_rows): the slots at
# least, the lines from one to the next at most, and a slot's line's length at most.
MIN_SLOT_ROWS = 3
MAX_SLOT_GAP = 4
MAX_SLOT_CHARS = 60
# Days enough, and lines under each at most, when the same labels stand under every day (a
# line-up by day and stage; see Shapes._labelled_day_groups); a label's words at most.
MIN_LABELLED_DAYS = 2
MAX_LABELLED_GROUP_ITEMS = 40
MAX_GROUP_LABEL_WORDS = 4
# Labels of a song's parts that make lines lyrics, at least; a label's length at most; the
# lines of the last part and a lyric line's words at most (see Shapes.lyrics_runs).
MIN_SONG_SECTIONS = 2
MAX_SONG_LABEL_CHARS = 30
MAX_STANZA_LINES = 12
MAX_LYRIC_WORDS = 14
# A poem's lines (see Shapes.verse_runs): sentences that run on from one short line into the
# next ("Four mugs, one of them mine" / "since 1994, a chip"), this many times at least, with
# at most this many lines between two of them.
MIN_RUN_ONS = 3
MAX_RUN_ON_GAP = 6
# How a verse line may end: a sentence's or a clause's mark.
VERSE_END_RE = regex.compile(r"[.,;:!?…—–)\"'”’»](?:\s?[\"'”’»])*\s*$")
# A thing named, a dash, and what is said of it in lower case or figures: a glossed item
# ("Möhren – in Reihen mit 25 cm Abstand"); MIN_GLOSSES of them in a row with MAX_GLOSS_GAP
# headings or plain items between two at most.
GLOSS_RE = regex.compile(r"\p{Lu}[^–—:|]{0,48}?(?:\s[–—-]\s|(?<=\S)\s?:\s)(?:\p{Ll}|\d)[\p{L}\d]*(?:\s\S+){2,}")
MIN_GLOSSES = 3
MAX_GLOSS_GAP = 1
# A thing named and one figure after a dash or a colon, all the line holds ("Самара — 57,80",
# "Lyon : 1,92 €", "Tampere – 12 %"); MIN_FIGURE_ROWS such lines in a row are a table.
FIGURE_ROW_RE = regex.compile(r"\p{L}[^\d:–—|]{0,40}?\s?[:–—-]\s?[-+−]?\d[\d.,\s]{0,12}\s?(?:%|€|\$|£|₽|zł|kr|Kč|руб\.?|р\.)?\s*$")
MIN_FIGURE_ROWS = 4
# A table of words flattened a cell per line (see word_rows): its rows at most (a box of links
# goes on in one shape past them) and the words of a cell at most.
MAX_WORD_TABLE_ROWS = 12
MAX_WORD_CELL_WORDS = 6
# Under its columns' names (see named_column_table): names at least, the words of a last
# cell (what a row says of its label) at most and at least, and the words of a cell on
# average at least.
MIN_NAMED_COLUMNS = 3
MAX_LAST_CELL_WORDS = 14
MIN_LAST_CELL_WORDS = 2
MIN_NAMED_CELL_WORDS = 1.5
# A price without its currency alone on its line ("14", "6,50"), items each over one at least
# in a row (see _priced_pairs), and the words of an item at least.
BARE_PRICE_RE = regex.compile(r"\d{1,3}(?:[.,]\d{1,2})?")
MIN_PRICED_PAIRS = 4
MIN_PRICED_ITEM_WORDS = 2
# Lines from one such price to the next at most: its item, perhaps under a section's heading.
MAX_PRICED_GAP = 3
# A number and the word after it, a book's page count if the word is one ("264 páginas").
PAGE_COUNT_RE = regex.compile(r"(?<!\d)\d{1,4}\s?([\p{L}'’]+\.?)")
# A line that ends in a figure after a word: a table's row flattened ("Osimana 42").
FIGURE_END_RE = regex.compile(r"\p{L}\S*\s+\d+(?:[.,:]\d+)*\s*$")
# A word and a number leading a line ("Station 3 – ...", "Day 2: ..."); MIN_NUMBERED_ITEMS
# lines counting on in a row are an enumeration.
NUMBERED_LEAD_RE = regex.compile(r"(\p{L}{2,20})\s(\d{1,3})\b(?![.,:]\d)")
MIN_NUMBERED_ITEMS = 3
# A step's number alone on its line ("1", "12", "3.").
STEP_NUMBER_RE = regex.compile(r"\s*\d{1,2}[.)]?\s*")
# Only digits and the separators of a telephone number.
PHONE_RE = regex.compile(r"\s*[+(]?\d[\d\s()./-]*\d\s*")
DIGITS_RE = regex.compile(r"\d+")


def _statement_above(texts: Sequence[str], start: int, first: int) -> int | None:
    """The last statement (a sentence of three words or more ending in a full stop) between
    ``start`` and a table's first figures at ``first``, with a line or more between them and
    near enough for a heading and a header row to fit between, or None."""
    for k in range(first - 2, max(start, first - 2 * MAX_HEADER_CELLS - 2) - 1, -1):
        if STATEMENT_END_RE.search(texts[k]) and len(texts[k].split()) >= 3:
            return k
    return None


def _header_row(texts: Sequence[str], heading: int, first: int, period: int | None) -> bool:
    """Are the lines from ``heading`` to a table's first figures a heading over a header row
    of as many cells as the table's rows (``period``, each a column's name: see
    :func:`_is_header_cell`), and the first row's short cells before its figure
    ("Arvosanojen jakauma" / "Arvosana" / "Osuus" over "L (laudatur)" / "5 %")?"""
    cells = [texts[k] for k in range(heading + 1, first)]
    if period is None or not period <= len(cells) < 2 * period:
        return False
    first_row = all(len(cell.split()) <= 3 and not STATEMENT_END_RE.search(cell) for cell in cells[period:])
    return first_row and all(_is_header_cell(cell) for cell in cells[:period])


def _header_start(texts: Sequence[str], first: int, figures: Collection[int]) -> int | None:
    """Where the header row starts over a table whose first figure is at ``first``: three or
    more short cells without a number (``MAX_HEADER_CELLS`` at most) right above the first
    row, which may open with cells before its figure, and the figure again as many lines
    further down, in the next row ("Αναχώρηση" / "Προορισμός" / "Άφιξη" over "07:00" /
    "Σύρος – Μύκονος" / "11:35" / "07:25"); None without one."""
    for row in range(first, max(0, first - MAX_CELL_GAP) - 1, -1):
        above = 0  # short cells right above the row (a heading such as "Sailings" may be one)
        while row - above - 1 >= 0 and above < MAX_HEADER_CELLS and _is_header_cell(texts[row - above - 1]):
            above += 1
        for cells in range(above, 2, -1):  # the longest header row the rows repeat
            if first - row < cells and first + cells in figures:
                return row - cells
    return None


def _is_header_cell(text: str) -> bool:
    """A column's name: three words at most, no number, no full stop ("Abfahrt", "Eerste
    trein", "Dokk1" is a name too)."""
    tokens = text.split()
    return 0 < len(tokens) <= 3 and (not STATEMENT_END_RE.search(text) or _is_abbreviation(text)) and not any(t.isdigit() for t in tokens)


# Two names paired by a dash, a row's first cell in a table of matches ("SV Rhede II – TuS Velen").
PAIRING_RE = regex.compile(r"\S\s[–—-]\s\S")


def _is_label_cell(text: str) -> bool:
    """A row's label in a table of labels and values: a column's name in shape, no figure, not
    a line that introduces ("Population", "OS grid reference")."""
    return len(text) <= MAX_LABEL_CHARS and NUMERAL_RE.search(text) is None and _is_header_cell(text) and not text.rstrip().endswith(":")


def _is_value_cell(text: str) -> bool:
    """A row's value: a short cell, no statement ("812 (2021 census)", "South West")."""
    return 0 < len(text.split()) <= MAX_HEADED_CELL_WORDS and not _is_statement(text) and not text.rstrip().endswith(":")


def _labels_value(texts: Sequence[str], k: int, figures: Collection[int]) -> bool:
    """Is line ``k``, right above a table's first figure, that figure's label, as the next
    row shows: a row of a label and a figure, then another ("Kaufpreis" / "489.000 €" /
    "Wohnfläche" / "148 m²"; "Length" / "412 m" / "Number of spans" / "17")? Labels are
    column names in shape (:func:`_is_header_cell`), not lines that introduce ("Preise:")."""
    label, value = texts[k], k + 1
    return (
        value + 2 in figures
        and not _is_statement(texts[value])  # a cell, not "Klassieker voor koude dagen. Klaar in 40 minuten."
        and _row_names(label, texts[value + 1])
        and not label.rstrip().endswith(":")
    )


def _row_names(first: str, second: str) -> bool:
    """Are two lines the first cells of two rows alike: column names in shape ("Kaufpreis",
    "Wohnfläche"), or pairings of a match ("SV Rhede II – TuS Velen", "Borussia Bocholt – SC
    Südlohn")?"""
    if _is_header_cell(first) and _is_header_cell(second):
        return True
    return all(PAIRING_RE.search(x) and len(x.split()) <= MAX_HEADED_CELL_WORDS and not STATEMENT_END_RE.search(x) for x in (first, second))


def _is_abbreviation(text: str) -> bool:
    """One short word with a full stop: a column's name ("Pos.", "Pkt.", "Nr."), not a sentence."""
    return ABBREVIATION_RE.fullmatch(text.strip()) is not None


def _step(positions: Sequence[int]) -> int | None:
    """The distance between figures three or more rows repeat evenly (a table too short
    for :func:`_period`: "9 %", "18 %", "27 %" two lines apart), or None."""
    steps = {b - a for a, b in zip(positions, positions[1:])}
    return steps.pop() if len(positions) >= 3 and len(steps) == 1 and min(steps) >= 2 else None


def evenly_spaced(positions: Sequence[int]) -> bool:
    """Do figures at ``positions`` repeat at a fixed row length (:func:`_step` or
    :func:`_period`): the shape of a table's rows?"""
    return _step(positions) is not None or _period(positions) is not None


def _period(positions: Sequence[int]) -> int | None:
    """The length of a table's rows, read from where its figures sit: the step (2 to
    ``MAX_HEADER_CELLS``) that maps the most figures to another figure (80 % at least, the
    smallest such step on a tie), over at least two thirds of the figures (and three), or None.

    >>> _period([5, 6, 8, 9, 11, 12, 14, 15]), _period([3, 8, 9, 13, 18])
    (3, None)
    >>> _period([11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27])  # a name, then five figures
    6
    """
    at = set(positions)
    best, best_rate = None, 0.8
    for step in range(2, MAX_HEADER_CELLS + 1):
        inside = [k for k in positions if k + step <= positions[-1]]
        if len(inside) >= max(3, 2 * len(positions) / 3):
            rate = sum(k + step in at for k in inside) / len(inside)
            if rate > best_rate or (best is None and rate >= best_rate):
                best, best_rate = step, rate
    return best


# A statement's end: one full stop or exclamation mark ("...", "(0 votes)", "Like it?" are not),
# perhaps inside closing quotes after a space (French: "... supprimé dix minutes avant. »").
STATEMENT_END_RE = regex.compile(rf"(?<![.…])[.!。！{SCRIPT_FULL_STOPS}](?:\s?[\"'”’»“‘«‹›])*\s*$")
# A full stop closing a statement (perhaps inside quotes or brackets), not a question or an
# exclamation (teaser headlines exclaim).
FULL_STOP_END_RE = regex.compile(rf"[.。{SCRIPT_FULL_STOPS}](?:\s?[\"'”’»“‘«‹›)\]])*\s*$")
# The last characters a line that STATEMENT_END_RE finds can end with.
STATEMENT_LAST_CHARS = frozenset(".!。！\"'”’»“‘«‹›" + SCRIPT_FULL_STOPS)
# A question's end ("Wann schließt das Werk?").
# (Greek asks with a semicolon after its last word: "Ισχύουν τα εισιτήρια που έχω αγοράσει;".)
QUESTION_END_RE = regex.compile(r"(?:[?？\u037e]|(?<=\p{Greek}[\"'”’»)]?);)(?:\s?[\"'”’»)])*\s*$")
# A list punctuated as one sentence: its items end in a semicolon, MIN_SEMICOLON_ITEMS of them
# at least before the last.
SEMICOLON_END_RE = regex.compile(r"[;；]\s*$")
MIN_SEMICOLON_ITEMS = 2
# Questions each answered on the next line that make a FAQ, at least; and a question's words
# at most.
MIN_ANSWERED = 2
MAX_QUESTION_WORDS = 20
# A list that answers the question above it: its items at least (not a feedback prompt's "Yes"
# / "No"), and the words of each at most.
MIN_ANSWER_ITEMS = 3
MAX_ANSWER_ITEM_WORDS = 6
# The end of a sentence inside a line: a full stop, "!" or "?" and a space before more words.
INNER_SENTENCE_END_RE = regex.compile(rf"[.!?。！？{SCRIPT_FULL_STOPS}]\s+[¿¡\"“„«]?\p{{L}}")
# Words naming whose contacts follow after a contact heading ("Kontakt Jugendleitung"), at most.
MAX_CONTACT_OWNER_WORDS = 2


def _introduced(texts: Sequence[str], start: int, end: int) -> tuple[int | None, int]:
    """For a run of lines from ``start`` under a paragraph: the line that introduces them with
    a colon (the paragraph itself, or the run's first line, perhaps under a separator such as
    "___"), or None, and where the lines it introduces begin."""
    intro, k = start - 1, start
    while k < end and WORDLESS_RE.match(texts[k]):
        k += 1
    if not is_intro(texts[intro]) and k < end and is_intro(texts[k]):
        intro, k = k, k + 1
    return (intro if is_intro(texts[intro]) else None), k


def is_timed_entry(line: Line) -> bool:
    """A programme's entry led by its time and no separator, not a sentence, of
    ``MAX_TIMED_ENTRY_WORDS`` words at most ("18:00 St. Martin, Vorabendmesse – für Josef und
    Anna Huber"); a teaser that opens with its time runs longer ("14:36 Rovers sign their new
    striker from city rivals after a long summer of talks and tests")."""
    return line.words <= MAX_TIMED_ENTRY_WORDS and not line.sentence_end and CLOCK_LED_RE.match(line.folded) is not None


def bar_rows(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Runs of ``MIN_BAR_ROWS`` lines or more in a row, each with as many bars between cells
    (``MIN_ROW_BARS`` at least), as ``(start, end)`` with ``end`` exclusive: a table flattened
    a row per line ("Option | Default | Description" / "--max-age | 30d | Rotate files older
    than this" / ...; "Serviço | Preço" / "Fotocópia A4 | 0,10 €" / ...); a menu with bars
    is one line."""
    runs: list[tuple[int, int]] = []
    start, cells = 0, 0
    for i, text in enumerate([*texts, ""]):
        count = len(TABLE_BAR_RE.findall(text)) if "|" in text else 0
        if count != cells or count < MIN_ROW_BARS:
            # Its first row is a header's or a row's: short cells, as a table's are (not a
            # directory of sites: "CIO – managing information strategies | Expert advice ...").
            # Words with a letter: figures are a row's cells ("Montag | 8:00–12:00 | 15:00–18:00").
            # Or rows of a label and its value, the first value long ("ডিসপ্লে | 6.6 ইঞ্চি Super
            # AMOLED, FHD+ (1080 x 2340), 120Hz, ..." / "র‍্যাম | 8GB" / ...): see _label_rows.
            if cells >= MIN_ROW_BARS and i - start >= MIN_BAR_ROWS and (_short_cells(TABLE_BAR_RE.split(texts[start])) or _label_rows(rows := [TABLE_BAR_RE.split(texts[k]) for k in range(start, i)]) or _amount_rows(rows)):
                # Rows of two cells are a label and its value: most values hold a figure
                # ("Fotocópia A4 a cores | 0,50 €"), not a category's headline ("Politik |
                # Merz verteidigt den Haushalt"). Or two columns of phrases under a header row
                # of two short cells, most rows led by a phrase, not a category ("Ventajas |
                # Inconvenientes" / "Alto porcentaje de éxito | Proceso lento" / ...).
                rows = [TABLE_BAR_RE.split(texts[k]) for k in range(start, i)]
                if cells > 1 or 2 * sum(1 for row in rows if NUMERAL_RE.search(row[-1])) >= len(rows) or _phrase_columns(rows) or _fact_rows(rows):
                    runs.append((start, i))
            start, cells = i, count
    return runs


# A criterion of a review and its rating in stars, nothing else ("Sicherheit ★★★★☆",
# "Battery: ★★★☆☆"); a readers' rating counts its votes ("★★★★★ (41)").
# Or a player's name and a match rating out of ten ("Adrián Martínez 8", "Tomás Marchiori 6,5").
RATED_ROW_RE = regex.compile(
    r"\s*(?:(?P<label>[^\d★☆✩✪⭐:：()]{1,40}?)\s*[:：]?\s*[★☆✩✪⭐]{3,5}"
    r"|(?P<label>\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3}) (?:10|\d(?:[.,]5)?))\s*"
)
# Rated criteria in a row that make a box of ratings, at least.
MIN_RATED_ROWS = 3


def rated_rows(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Runs of ``MIN_RATED_ROWS`` criteria or more, each with its stars, every criterion
    named once (``RATED_ROW_RE``), as ``(start, end)``: a review's box of ratings."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i, text in enumerate([*texts, ""]):
        if len(text) <= MAX_HEADER_CHARS and RATED_ROW_RE.fullmatch(text) is not None:
            continue
        labels = {fold(RATED_ROW_RE.fullmatch(texts[k]).group("label")) for k in range(start, i)}  # type: ignore[union-attr]
        if i - start >= MIN_RATED_ROWS and len(labels) == i - start:
            runs.append((start, i))
        start = i + 1
    return runs


# Records listed one after another, each in the same lines ("Linden-Apotheke" / "Hauptstraße
# 41, ..." / "Telefon: 09998 4412" / "Entfernung: 0,8 km" / "Route planen" / "Apotheke am
# Schlossberg" / ...): this many records at least, each this many lines long at least and at
# most, with this many labels at least that come back in every record at the same place.
MIN_RECORDS = 3
MIN_RECORD_LINES, MAX_RECORD_LINES = 3, 12
MIN_RECORD_LABELS = 2


# Initials closing a name, each letter with its full stop ("La M.O.D.A.", "R.E.M."): no
# sentence's end.
INITIALS_END_RE = regex.compile(r"(?<!\w)(?:\p{Lu}\.){2,}$")


def _is_item(text: str, prose: bool) -> bool:
    """A list's item: a short line that does not end like a statement ("Harmaa Hiekka"; a
    name closed by its initials, "La M.O.D.A.", is none)."""
    return not prose and word_count(text) <= MAX_ITEM_WORDS and (not STATEMENT_END_RE.search(text) or INITIALS_END_RE.search(text.rstrip()) is not None)


def record_runs(texts: Sequence[str], prose: Sequence[bool] | None = None) -> list[tuple[int, int]]:
    """Records listed one after another, as ``(start, end)`` with ``end`` exclusive: the
    labels of ``MIN_RECORD_LABELS`` fields or more ("Telefon: ...", "Entfernung: ...") come
    back at the same step (a record's length) in ``MIN_RECORDS`` records or more, each with
    another value; a search's results, a directory's entries, a programme's events. The run
    starts with the first record's lines above its first field (its name, its address; not
    over a paragraph when ``prose`` is given) and ends with the last record's last field or
    line said again in every record ("Route planen").

    >>> record_runs(["Suche", "Apotheke A", "Tel.: 1", "Entfernung: 1 km", "Apotheke B", "Tel.: 2", "Entfernung: 2 km", "Apotheke C", "Tel.: 3", "Entfernung: 3 km"])
    [(1, 10)]
    """
    where: dict[tuple[bool, str], list[int]] = {}
    fields: set[int] = set()
    for i, text in enumerate(texts):
        if (":" in text or "：" in text) and len(text) <= MAX_DATA_CHARS and (label := LABELLED_RE.match(text)) is not None:
            where.setdefault((True, fold(label.group(1))), []).append(i)
            fields.add(i)
    # Most pages hold too few labels said again to make records: the other lines are not read.
    if sum(len(found) >= MIN_RECORDS for found in where.values()) < MIN_RECORD_LABELS:
        return []
    for i, text in enumerate(texts):
        if i not in fields and len(text) <= MAX_DATA_CHARS:
            where.setdefault((False, text.strip()), []).append(i)
    chains: dict[int, list[tuple[int, int, bool]]] = {}  # step -> (first, last, labelled)
    for (labelled, _), found in where.items():
        a = 0
        while a + MIN_RECORDS <= len(found):
            step = found[a + 1] - found[a]
            b = a + 1
            while b + 1 < len(found) and found[b + 1] - found[b] == step:
                b += 1
            if MIN_RECORD_LINES <= step <= MAX_RECORD_LINES and b - a + 1 >= MIN_RECORDS:
                chains.setdefault(step, []).append((found[a], found[b], labelled))
            a = max(b, a + 1)
    runs: list[tuple[int, int]] = []
    for step, found in chains.items():
        found.sort()
        k = 0
        while k < len(found):
            # The fields of one record sit within one step of the first (``found`` is sorted).
            m = k + 1
            while m < len(found) and found[m][0] - found[k][0] < step:
                m += 1
            group, k = found[k:m], m
            if sum(labelled for _, _, labelled in group) < MIN_RECORD_LABELS:
                continue
            first = min(c[0] for c in group)
            start = max(0, first - (step - len(group)))
            while prose is not None and start < first and any(prose[start:first]):
                start += 1
            runs.append((start, max(c[1] for c in group) + 1))
    return sorted(runs)


def _fact_rows(rows: Sequence[Sequence[str]]) -> bool:
    """Rows of two short cells, ``MIN_FACT_ROWS`` or more, each label said once: an
    infobox's facts ("Domena | eukarionty" / "Królestwo | zwierzęta" / "Typ | strunowce" /
    ...), not a category over each headline ("Politik | Merz verteidigt den Haushalt"). A
    remark in brackets at a cell's end is no part of its length ("Sin etiqueta | No (salvo
    residentes y excepciones)")."""
    labels = [core(row[0]).casefold() for row in rows]
    return (
        len(rows) >= MIN_FACT_ROWS
        and len(set(labels)) == len(labels)
        and all(0 < word_count(REMARK_END_RE.sub("", cell)) <= MAX_FACT_CELL_WORDS for row in rows for cell in row)
    )


def _phrase_columns(rows: Sequence[Sequence[str]]) -> bool:
    """Rows of two cells under a header row of short cells, most of them led by a phrase of
    ``MIN_PHRASE_CELL_WORDS`` words or more, not a category's name ("Ventajas | Inconvenientes"
    / "Alto porcentaje de éxito | Proceso lento" / ...)."""
    header, body = rows[0], rows[1:]
    return all(_letter_words(cell) < MIN_PHRASE_CELL_WORDS for cell in header) and 2 * sum(1 for row in body if _letter_words(row[0]) >= MIN_PHRASE_CELL_WORDS) > len(body)


def _label_rows(rows: Sequence[Sequence[str]]) -> bool:
    """Rows of two cells, each led by a label of ``MAX_HEADER_CELL_WORDS`` words at most, every
    label said once, most values with a figure: a product's specifications, however long
    their values; a directory's sites or a category over each headline are led by longer
    names or said again, and carry no figures."""
    labels = [core(row[0]).casefold() for row in rows]
    return (
        all(len(row) == 2 and 0 < _letter_words(row[0]) <= MAX_HEADER_CELL_WORDS for row in rows)
        and len(set(labels)) == len(labels)
        and 2 * sum(1 for row in rows if NUMERAL_RE.search(row[1])) > len(rows)
    )


def _amount_rows(rows: Sequence[Sequence[str]]) -> bool:
    """Rows of two cells, each a thing and its amount (``AMOUNT_CELL_RE``), every thing said
    once and none a sentence: a table of costs or quantities, however long its labels
    ("Khách sạn 2 đêm (ở ghép 2 người) | 700.000đ"; Vietnamese writes each syllable apart, so
    a label of three words may count six); a list of other stories carries dates, counts of
    comments or reading times, not amounts."""
    labels = [core(row[0]).casefold() for row in rows]
    return (
        all(len(row) == 2 and AMOUNT_CELL_RE.fullmatch(row[1].strip()) is not None and STATEMENT_END_RE.search(row[0]) is None for row in rows)
        and len(set(labels)) == len(labels)
        and not any(NUMERIC_DATE_RE.search(row[1]) or CLOCK_TIME_RE.fullmatch(row[1].strip()) for row in rows)
    )


def _short_cells(cells: Sequence[str]) -> bool:
    """A table's first row: cells of ``MAX_HEADER_CELL_WORDS`` words with a letter at most, or,
    in a row of three cells or more, one of them after the first up to twice as long
    ("Miesiąc | Zmieszane | Metale i tworzywa sztuczne | Papier | Szkło | Bio"; not a
    directory's site and what it is: "CIO – managing information strategies | IT news | ...")."""
    long = [k for k, cell in enumerate(cells) if _letter_words(cell) > MAX_HEADER_CELL_WORDS]
    return not long or (long != [0] and len(long) == 1 and len(cells) >= 3 and _letter_words(cells[long[0]]) <= 2 * MAX_HEADER_CELL_WORDS)


def _letter_words(text: str) -> int:
    return sum(1 for token in text.split() if LETTER_RE.search(token))


def is_crumbs(text: str) -> bool:
    """A trail of crumbs: three items or more between one separator (``crumb_items``)."""
    return len(crumb_items(text)) >= 3


def crumb_items(text: str) -> list[str]:
    """The items of a trail of crumbs: the parts between one separator of
    ``CRUMB_SEPARATOR_RE``, each of ``MAX_CRUMB_WORDS`` words at most (words with a letter or
    digit: "Vous êtes ici : Accueil" has four); no items if the line is none."""
    # Most lines hold no separator at all.
    if not (" / " in text or "›" in text or " > " in text or "»" in text or "→" in text or " ＞ " in text):
        return []
    parts = CRUMB_SEPARATOR_RE.split(text)
    items, separators = parts[::2], parts[1::2]
    kinds = set(separators) - {"/"}
    if len(set(separators)) > 1 and len(kinds) == 1:
        # A slash inside an item of a trail led by arrows ("Forum › Heizungstechnik ›
        # Gasheizung / Gas-Brennwert"): the arrows separate.
        arrow = kinds.pop()
        items = [item.strip() for item in text.split(f" {arrow} ")]
        separators = [arrow] * (len(items) - 1)
    if not separators or len(set(separators)) > 1:
        return []
    # The last of three items or more may be the page's whole headline ("Wandern ›
    # Rundwanderungen › Über das Hohe Eck zur Bärenhalde").
    last = len(items) - 1 if len(items) >= 3 else len(items)
    for k, item in enumerate(items):
        if k == 0 and ":" in item:
            # The trail's label is no item ("Du er her: Lindeberg skole / For foreldre / ...").
            item = item.partition(":")[2]
        words = sum(1 for token in item.split() if LETTER_OR_NUMBER_RE.search(token))
        if not 0 < words <= (MAX_CRUMB_HEADLINE_WORDS if k == last else MAX_CRUMB_WORDS):
            return []
    return items


def names_person(text: str) -> bool:
    """Two to five capitalized words, particles or titles ("Dr. Claudia Weigand", "drs. M.L.
    van Rijn"), no figure, no label's colon ("Difficulty: Easy"), not a sentence: a person's
    name as a signature writes it; it ends in a surname, not an initial ("Vitamin D")."""
    tokens = text.split()
    if not MIN_NAME_WORDS <= len(tokens) <= MAX_NAME_WORDS or any(c.isdigit() for c in text) or ":" in text or ends_sentence(text):
        return False
    # A surname is no lone capital: "Vitamin D", "Hepatitis C" name no one.
    if len(tokens[-1]) == 1:
        return False
    return all(is_name_token(t) or t in NAME_PARTICLES or t in UNDOTTED_TITLES or TITLE_ABBREVIATION_RE.fullmatch(t) for t in tokens)


# What joins the names of two authors or more on a byline ("Eleanor Vance and Tom Ashworth",
# "Anna Berger und Jonas Reiter", "Marie Dubois et Paul Martin").
NAMES_JOIN_RE = regex.compile(r"\s*,\s*|\s+(?:and|&|und|et|y|e|en|og|och|i|és|a|ja)\s+")


def names_people(text: str) -> bool:
    """Two or three persons' names joined by a comma or "and" in the page's language
    (:func:`names_person` each, led by a capitalised name, not "der Pfarrgemeinderat"; a role
    may follow a name: "Eleanor Vance Health Correspondent and Tom Ashworth"): the authors of
    a byline without its lead-in."""
    parts = NAMES_JOIN_RE.split(text.strip())
    return 2 <= len(parts) <= MAX_SIGNERS and all(names_person(part) and is_name_token(part.split()[0]) for part in parts)


def is_heading(text: str) -> bool:
    """A short line of words that does not end as a sentence or a clause: a heading ("Trains
    cancelled across Wales"), not a player's "00:00"."""
    return (
        0 < word_count(text) <= MAX_ITEM_WORDS
        and LETTER_RE.search(text) is not None
        and STATEMENT_END_RE.search(text) is None
        and not text.rstrip().endswith((",", ":", "?"))
    )


def _is_statement(text: str) -> bool:
    """A sentence of five words or more that ends as a statement."""
    return STATEMENT_END_RE.search(text) is not None and word_count(text) >= 5


# Items between commas at least that make an entry's value a list (see _record_entry).
MIN_LISTED_VALUES = 3


def _record_entry(text: str) -> bool:
    """A "Label: value" entry of a record, not a teaser's kicker and headline: a fact box's entry
    (:func:`is_fact_entry`), or one whose value carries a figure or lists ``MIN_LISTED_VALUES``
    items or more between commas ("Interval de valabilitate: 13 septembrie, ora 10:00 – ...",
    "Fenomene vizate: ploi torențiale, cantități de apă, descărcări electrice, grindină"; not
    "Das E-Werk: Standort Zwickau ist Vorreiter")."""
    if is_fact_entry(text):
        return True
    label = LABELLED_RE.match(text)
    value = text[label.end(1) :] if label is not None else ""
    return DIGIT_RE.search(value) is not None or value.count(",") >= MIN_LISTED_VALUES - 1


def _entries(texts: Sequence[str], start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of two or more "Label: value" entries in a row, the value on the label's line
    or, under a label alone on its line, on the next ("Reino:" / "Animalia")."""
    # Each line once: 1 an entry, 2 a label alone, 0 neither (most lines hold no colon).
    kinds = [_entry_kind(text) if (":" in text or "：" in text) else 0 for text in texts[start:end]]
    found: list[tuple[int, int, str]] = []
    k, n = 0, len(kinds)
    while k < n:
        m, count, split = k, 0, 0
        before = (k, 0)  # where the first split entry starts, and the entries above it
        while m < n:
            if kinds[m] == 1:
                m += 1
            elif kinds[m] == 2 and m + 1 < n and kinds[m + 1] != 2 and _is_value(texts[start + m + 1]):
                if not split:
                    before = (m, count)
                m, split = m + 2, split + 1
            else:
                break
            count += 1
        # Two split entries at least when there are any: a label over a value once is a
        # heading that ends in a colon over a line ("Autour de :" / "Gala politique"), and the
        # entries above it end there ("Režie: Jakub Novotný" / "Hrají:" / the cast).
        if split == 1 and before[1] >= 2 and all(_record_entry(texts[start + x]) for x in range(k, before[0])):
            m, count, split = before[0], before[1], 0
        if count >= 2 and split != 1:
            found.append((start + k, start + m, "entries"))
            k = m
        else:
            k += 1
    return found


def _priced_pairs(texts: Sequence[str], start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of ``MIN_PRICED_PAIRS`` items or more each right over a bare number of its own
    (a menu's dish and its price without the currency: "Bigoli al ragù d'anatra" / "14" /
    "Gnocchi di patate con burro e salvia" / "12" / ...), with a section's heading between two
    of them at most, the numbers not counting on one by one: the article's price list, as
    ``(start, end, "data")``. A page's pagination puts its numbers next to each other; a
    how-to's step numbers stand over their steps and count 1, 2, 3."""
    found: list[tuple[int, int, str]] = []
    pairs = [
        k for k in range(max(start, 1), end)
        if BARE_PRICE_RE.fullmatch(texts[k]) and not BARE_PRICE_RE.fullmatch(texts[k - 1]) and word_count(texts[k - 1]) >= MIN_PRICED_ITEM_WORDS and not STATEMENT_END_RE.search(texts[k - 1])
    ]  # fmt: skip
    for chain in runs_of(pairs, lambda a, b: b - a <= MAX_PRICED_GAP):
        numbers = [float(texts[k].replace(",", ".")) for k in chain]
        if len(chain) >= MIN_PRICED_PAIRS and any(b - a != 1 for a, b in zip(numbers, numbers[1:])):
            found.append((chain[0] - 1, chain[-1] + 1, "data"))
    return found


def runs_of(positions: Iterable[int], adjacent: Callable[[int, int], bool]) -> list[list[int]]:
    """``positions`` (in order) cut into runs of neighbours, as ``adjacent`` tells them."""
    runs: list[list[int]] = []
    for i in positions:
        if runs and adjacent(runs[-1][-1], i):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def is_slot(text: str) -> bool:
    """A schedule's slot: a short line from one time to another ("poniedziałek, środa
    16:30–17:30", "Mi 19:30–21:00")."""
    return len(text) <= MAX_SLOT_CHARS and any(map(str.isdigit, text)) and TIME_RANGE_RE.search(fold(text)) is not None


def _slot_rows(texts: Sequence[str], start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of ``MIN_SLOT_ROWS`` slots or more, each a short line from one time to another
    ("poniedziałek, środa 16:30–17:30", "Di, Do 19:30–21:15"), ``MAX_SLOT_GAP`` lines apart
    at most, half of them or more the same number of lines apart (a group's heading between):
    a schedule's rows of a group, its slot and its place, as ``(start, end, "data")`` from
    the line over the first slot to the line under the last. Teasers are stamped with one
    time, not a slot; opening hours said once are one line."""
    found: list[tuple[int, int, str]] = []
    for chain in runs_of((k for k in range(start, end) if is_slot(texts[k])), lambda a, b: b - a <= MAX_SLOT_GAP):
        if len(chain) < MIN_SLOT_ROWS:
            continue
        step, count = Counter(b - a for a, b in zip(chain, chain[1:])).most_common(1)[0]
        if 2 * count >= len(chain) - 1 and step >= 2:
            found.append((max(start, chain[0] - 1), min(end, chain[-1] + step - 1), "data"))
    return found


def word_rows(texts: Sequence[str], start: int, n: int, *, described: bool = False) -> list[tuple[str, ...]]:
    """The rows of ``n`` cells from line ``start`` on, as long as each cell is short
    (``MAX_WORD_CELL_WORDS`` words, no statement, not a line ending in a colon), up to one row
    past ``MAX_WORD_TABLE_ROWS`` (a table runs no longer: the caller rejects that many). With
    ``described``, the last column may say more (``MAX_LAST_CELL_WORDS`` words, a statement):
    what a row says of its label."""
    rows: list[tuple[str, ...]] = []
    while len(rows) <= MAX_WORD_TABLE_ROWS:
        cells = tuple(texts[start + n * len(rows) : start + n * (len(rows) + 1)])
        if len(cells) < n:
            break
        for c, text in enumerate(cells):
            last = described and c == n - 1
            if not 0 < word_count(text) <= (MAX_LAST_CELL_WORDS if last else MAX_WORD_CELL_WORDS) or (not last and STATEMENT_END_RE.search(text)) or text.rstrip().endswith(":"):
                return rows
        rows.append(cells)
    return rows


def named_column_table(texts: Sequence[str], k: int) -> int | None:
    """Where a table of words flattened a cell per line under its columns' names, starting at
    line ``k``, ends: a header row of ``MIN_NAMED_COLUMNS`` to ``MAX_HEADED_CELLS`` names, a
    capitalised word each without a figure, over ``MIN_HEADED_ROWS`` to
    ``MAX_WORD_TABLE_ROWS`` rows of as many short cells, the last column's describing (see
    :func:`word_rows`), then a line that is no such row; the rows all different, no name said
    in them, their cells holding ``MIN_NAMED_CELL_WORDS`` words on average at least and the
    last ``MIN_LAST_CELL_WORDS`` at least, most without a figure ("Problem" / "Ursache" /
    "Lösung" / "Programm bricht ab" / "Wassertank nicht richtig eingesetzt" / "Tank fest
    eindrücken, Programm neu starten" / ...). None if there is none. (A site's menu has this
    shape as often: the caller asks only where the text introduces a table.)"""
    end = None
    for n in range(MIN_NAMED_COLUMNS, MAX_HEADED_CELLS + 1):
        header = texts[k : k + n]
        if len(header) < n or not all(_is_column_name(c) for c in header):
            break  # (a longer header row holds this one)
        rows = word_rows(texts, k + n, n, described=True)
        if not MIN_HEADED_ROWS <= len(rows) <= MAX_WORD_TABLE_ROWS or len(set(rows)) < len(rows):
            continue
        every = [c for r in rows for c in r]
        if (
            set(header).isdisjoint(every)
            and sum(map(word_count, every)) >= MIN_NAMED_CELL_WORDS * len(every)
            and all(word_count(r[-1]) >= MIN_LAST_CELL_WORDS for r in rows)
            # (A table of figures is read as one: see Shapes.headed_table.)
            and 2 * sum(1 for c in every if NUMERAL_RE.search(c)) < len(every)
        ):
            end = k + n * (len(rows) + 1)
    return end


def _is_column_name(text: str) -> bool:
    """A column's name of one capitalised word (a label cell: "Ursache", "Qté")."""
    return text[:1].isupper() and word_count(text) == 1 and _is_label_cell(text)


def _figure_rows(texts: Sequence[str], start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of ``MIN_FIGURE_ROWS`` lines or more that each name a thing and give one figure
    after a dash or a colon ("Самара — 57,80", "Lyon : 1,92 €"): a two-column table
    flattened one row per line, the article's data."""
    found: list[tuple[int, int, str]] = []
    k = start
    while k < end:
        m = k
        while m < end and FIGURE_ROW_RE.match(texts[m]):
            m += 1
        if m - k >= MIN_FIGURE_ROWS:
            found.append((k, m, "data"))
        k = m + 1
    return found


def _numbered_items(texts: Sequence[str], start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of ``MIN_NUMBERED_ITEMS`` lines or more led by the same word and the numbers that
    count on ("Station 1 – Einführung", "Station 2 – Die Spinnmühle", ...; "Day 1: ...",
    "Etappe 2 – ..."), with the heading right above the first: an enumeration of the
    article's, not other stories (a series' parts in a box of links rarely count on from 1)."""
    found: list[tuple[int, int, str]] = []
    k = start
    while k < end:
        lead = NUMBERED_LEAD_RE.match(texts[k])
        m = k + 1
        if lead is not None:
            word, number = lead.group(1).casefold(), int(lead.group(2))
            while m < end and (more := NUMBERED_LEAD_RE.match(texts[m])) is not None and more.group(1).casefold() == word and int(more.group(2)) == number + (m - k):
                m += 1
            if m - k >= MIN_NUMBERED_ITEMS:
                first = k - 1 if k > start and is_heading(texts[k - 1]) else k
                found.append((first, m, "list"))
        k = m
    return found


def step_numbers(lines: Sequence[Line], indexes: Sequence[int]) -> set[int]:
    """Positions of a how-to's step numbers: a number alone on its line right over a
    statement of its own (next to it in the input, by ``indexes``), the numbers counting on
    from one line to the next of them ("1" / "Pork belly into the freezer for 30 minutes."
    / "2" / ...; "1." / ...), ``MIN_NUMBERED_ITEMS`` of them at least. A page's pagination lists its
    numbers one under the other, over no statement."""
    marks = [
        (k, int(DIGITS_RE.search(line.text).group()))  # type: ignore[union-attr]
        for k, line in enumerate(lines[:-1])
        if STEP_NUMBER_RE.fullmatch(line.text) and indexes[k + 1] == indexes[k] + 1 and lines[k + 1].sentence_end and not STEP_NUMBER_RE.fullmatch(lines[k + 1].text)
    ]
    found: set[int] = set()
    g = 0
    while g < len(marks):
        h = g
        while h + 1 < len(marks) and marks[h + 1][1] == marks[h][1] + 1:
            h += 1
        if h - g + 1 >= MIN_NUMBERED_ITEMS:
            found.update(k for k, _ in marks[g : h + 1])
        g = h + 1
    return found


def _semicolon_items(texts: Sequence[str], start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of ``MIN_SEMICOLON_ITEMS`` lines or more that each end in a semicolon, the last
    item closing with a full stop, and the heading right above the first ("Что будет в новом
    здании" / "читальный зал на 60 мест;" / ... / "кафе на первом этаже."): a list punctuated
    as one sentence, the article's (no headline ends in a semicolon)."""
    found: list[tuple[int, int, str]] = []
    k = start
    while k < end:
        m = k
        while m < end and len(texts[m]) <= MAX_DATA_CHARS and SEMICOLON_END_RE.search(texts[m]):
            m += 1
        if m - k >= MIN_SEMICOLON_ITEMS:
            if m < end and len(texts[m]) <= MAX_DATA_CHARS and FULL_STOP_END_RE.search(texts[m]):
                m += 1
            first = k - 1 if k > start and (is_heading(texts[k - 1]) or is_intro(texts[k - 1])) else k
            found.append((first, m, "list"))
        k = max(m, k + 1)
    return found


def _answered_questions(texts: Sequence[str]) -> list[tuple[int, int, str]]:
    """Runs of ``MIN_ANSWERED`` questions or more, each answered by a statement on the line
    under it ("Когда откроется библиотека?" / "Открытие запланировано на 1 сентября." / "Будет
    ли работать старое здание?" / "Нет, ..."), and the heading right above the first: a FAQ
    of the article's. Found over the whole text (an answer may be a paragraph). Question
    headlines of other stories over their teasers are no statements ("Episódio 109: Os
    comboios ... vão mesmo chegar?" / "Subscreva a newsletter ...")."""
    found: list[tuple[int, int, str]] = []
    n = len(texts)
    k = 0
    while k < n:
        m = k
        while m + 1 < n and asks(texts[m]) and STATEMENT_END_RE.search(texts[m + 1]):
            m += 2
        if (m - k) // 2 >= MIN_ANSWERED:
            # Not the last item of a menu of topics right above ("Umzug" / "Zahlung").
            first = k - 1 if k > 0 and is_heading(texts[k - 1]) and not (k > 1 and is_heading(texts[k - 2])) else k
            found.append((first, m, "list"))
        k = max(m, k + 1)
    return found


def asks(text: str) -> bool:
    """A question of a FAQ's length (``MAX_QUESTION_WORDS`` words at most), one sentence: a
    forum post that ends in a question ("I fed it ... every other evening. Any ideas what
    went wrong?") asks no FAQ's question."""
    return QUESTION_END_RE.search(text) is not None and 0 < word_count(text) <= MAX_QUESTION_WORDS and INNER_SENTENCE_END_RE.search(text) is None


def _answer_items(texts: Sequence[str], start: int, end: int) -> int | None:
    """Where the items that answer a question at ``start`` (:func:`asks`) end: the short lines
    under it (``MAX_ANSWER_ITEM_WORDS`` words at most) before ``end``, none of them a question
    (a FAQ's or an interview's questions are read as such), ``MIN_ANSWER_ITEMS`` of them at
    least; else None."""
    if not asks(texts[start]):
        return None
    k = start + 1
    while k < end and 0 < word_count(texts[k]) <= MAX_ANSWER_ITEM_WORDS and QUESTION_END_RE.search(texts[k]) is None:
        k += 1
    return k if k - start - 1 >= MIN_ANSWER_ITEMS else None


def is_gloss(text: str) -> bool:
    """A glossed item: a thing named, a dash or a colon, and what is said of it in lower case
    or figures ("Spinat – verträgt leichten Frost problemlos")."""
    return GLOSS_RE.match(text) is not None


def _glosses(texts: Sequence[str], start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of ``MIN_GLOSSES`` items or more that each name a thing and say something of it
    after a dash, in lower case ("Spinat – verträgt leichten Frost problemlos", "Rote Bete –
    ab Ende April, ..."), with a heading or a plain item between them at most
    (``MAX_GLOSS_GAP``; "Vorziehen auf der Fensterbank"), and the heading right above the
    first: a list of the article's (what to sow, a glossary), not headlines of other
    stories (a teaser goes on after its dash with a capital: "Bundesliga – Salzburg
    siegt")."""
    found: list[tuple[int, int, str]] = []
    glossed = [k for k in range(start, end) if "–" in texts[k] or " - " in texts[k] or "—" in texts[k] or ": " in texts[k]]
    glossed = [k for k in glossed if is_gloss(texts[k])]
    g = 0
    while g < len(glossed):
        h = g
        while h + 1 < len(glossed) and glossed[h + 1] - glossed[h] <= MAX_GLOSS_GAP + 1 and all(is_heading(texts[m]) for m in range(glossed[h] + 1, glossed[h + 1])):
            h += 1
        if h - g + 1 >= MIN_GLOSSES:
            first = glossed[g] - 1 if glossed[g] > start and is_heading(texts[glossed[g] - 1]) else glossed[g]
            found.append((first, glossed[h] + 1, "list"))
        g = h + 1
    return found


def split_label(text: str) -> tuple[str, str, str]:
    """A "Label: value" line at its first colon (a full-width one in CJK text)."""
    return text.partition(":") if ":" in text else text.partition("：")


def is_fact_entry(text: str) -> bool:
    """A "Label: value" entry of a fact box: a label of one or two words and a value of
    ``MAX_FACT_WORDS`` at most ("Zuurgraad: hoog", "Verlag: Hanser", "Režie: Jakub Novotný"); a
    teaser's category and headline ("Kolumne: Über Nichtverlängerungen im Theater") has a
    longer value. A remark in brackets at the value's end is no part of its length ("Primer
    premio: Bar Los Arcos (Medina del Campo)")."""
    if len(text) > MAX_HEADER_CHARS or LABELLED_RE.match(text) is None:
        return False
    label, _, value = split_label(text)
    return len(label.split()) <= 2 and 0 < len(REMARK_END_RE.sub("", value).split()) <= MAX_FACT_WORDS


def _entry_kind(text: str) -> int:
    if is_entry(text):
        # A trail of crumbs led by its label is where the page is, no entry ("Du bist hier:
        # Startseite » Fußball » Herren" over the headline "Saisonrückblick 2023/24: ..."), two
        # items between arrows after the label too ("Sie sind hier: Aktuelles › Urteile").
        return 0 if is_crumbs(text) or _led_trail(text) else 1
    return 2 if len(text) <= MAX_HEADER_CHARS and LABEL_LINE_RE.match(text) else 0


def _led_trail(text: str) -> bool:
    """A label over two crumbs or more between arrows ("Sie sind hier: Aktuelles › Urteile");
    not a slash ("Strecke: Berlin / Hamburg")."""
    value = text.split(":", 1)[-1].split("：", 1)[-1]
    return ("›" in value or "»" in value or " > " in value or "→" in value) and len(crumb_items(value)) >= 2


def _is_value(text: str) -> bool:
    """A value under its label: a few words, not a line that introduces what follows."""
    return 0 < len(text.split()) <= MAX_VALUE_WORDS and not INTRO_END_RE.search(text)


# A word and a number of up to three digits: a row's label in a table ("Fase 1", "Runde 3").
NUMBERED_LABEL_RE = regex.compile(r"(\p{L}{2,20})\.? (\d{1,3})")


def _integer(text: str) -> int | None:
    stripped = text.strip()
    return int(stripped) if stripped.isdigit() and len(stripped) <= 6 and stripped.isascii() else None


def is_entry(text: str) -> bool:
    """A "Label: value" entry ("Level: 70", "Moderator: Hass Chapman")."""
    return len(text) <= MAX_DATA_CHARS and LABELLED_RE.match(text) is not None


def is_intro(text: str) -> bool:
    """A line that introduces what follows ("Zutaten:", "On the Net:")."""
    return len(text) <= MAX_DATA_CHARS and INTRO_END_RE.search(text) is not None


# structured_runs' defaults: the share of a run's lines that carry data for a table, and
# the lines of a list under a line that introduces it, at most.
MIN_DATA_SHARE = 0.5
MAX_LIST = 25
# Records of the same shape (see Shapes.shaped_records): lines per record, records at least,
# and the places of a record whose lines open with the same word in every record.
MIN_RECORD_PERIOD, MAX_RECORD_PERIOD = 2, 4
MIN_SHAPED_RECORDS = 3
MIN_SHAPED_PLACES = 2
# Records looked through around a line, at most (see Shapes.records_over's callers).
MAX_RECORD_SPAN = 8


def _stretches(prose: Sequence[bool], near: Collection[int] | None = None) -> Iterator[tuple[int, int]]:
    """The stretches of non-prose lines, as ``(start, end)`` with ``end`` exclusive (every
    structured run lies inside one); with ``near``, only those that hold one of its positions."""
    n = len(prose)
    i = 0
    while i < n:
        if prose[i]:
            i += 1
            continue
        j = i
        while j < n and not prose[j]:
            j += 1
        if near is None or any(i <= k < j for k in near):
            yield i, j
        i = j


class Shapes:
    """Data and structure judgments, remembered per line by a :class:`Lines`; the units
    come from its vocabulary.

    >>> shapes = Lines(Vocabulary({"units": ["g", "cups", "tl"]})).shapes
    >>> [shapes.is_data(t) for t in ("300 g Mehl", "2 cups flour", "Seattle at Green Bay, 4:30 p.m. (Fox)", "Home", "2 star")]
    [True, True, True, False, False]
    """

    __slots__ = ("_date_words", "_relative_words", "_unit_initials", "_unit_sizes", "_units", "lines")

    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        vocabulary = lines.vocabulary
        # Multi-word entries ("mis à jour") count word by word: lines are tokenized.
        self._date_words = frozenset(t for phrase in vocabulary.literals("date_words") for t in phrase.split())
        self._relative_words = vocabulary.literals("relative_time_words")
        self._units = vocabulary.literals("units")
        self._unit_sizes = tuple(sorted({len(u) for u in self._units}, reverse=True))
        self._unit_initials = frozenset(u[0] for u in self._units)

    @property
    def units(self) -> frozenset[str]:
        """The units of the vocabulary (``units``: "g", "kcal", "Kč")."""
        return self._units

    def _unit_ends(self, text: str, at: int) -> Iterator[int]:
        """Where each unit of the vocabulary that starts at ``at``, after one optional space,
        ends (longest first)."""
        for begin in (at + 1, at) if SPACE_CHAR_RE.match(text, at) else (at,):
            if begin < len(text) and text[begin] in self._unit_initials:
                for length in self._unit_sizes:
                    end = begin + length
                    if end <= len(text) and text[begin:end] in self._units:
                        yield end

    def _has_quantity(self, folded: str) -> bool:
        """A number followed by a unit that ends a word ("300 g mehl", "2 cups", "½ tl")."""
        return self._quantities(folded, 1) > 0

    def _quantities(self, folded: str, enough: int, skip: Collection[int] = ()) -> int:
        """How many numbers are followed by a unit that ends a word, counted up to ``enough``;
        a number with a digit at a position in ``skip`` (counted as a figure already) is not."""
        found = 0
        for start in NUMBER_START_RE.finditer(folded):
            at = start.start()
            if folded[at].isdecimal():
                ends, boundary = _number_ends(folded, at), LETTER_OR_NUMBER_RE
            else:
                ends, boundary = iter((start.end(),)), LETTER_RE
            if any(not boundary.match(folded, stop) for end in ends for stop in self._unit_ends(folded, end)):
                digits = at + 1
                while digits < len(folded) and folded[digits].isdecimal():
                    digits += 1
                if skip and any(k in skip for k in range(at, digits)):
                    continue
                found += 1
                if found >= enough:
                    break
        return found

    def _is_number_cell(self, folded: str) -> bool:
        """A numeric cell: a number alone, with a sign, currency, unit or percent ("30'000",
        "-804", "155 x 96", "1kg")."""
        if CELL_RE.fullmatch(folded):
            return True
        if not self._units:
            return False
        tail = len(folded)
        while tail > 0 and CELL_END_RE.fullmatch(folded[tail - 1]):
            tail -= 1
        for end in range(tail, len(folded) + 1):
            for length in self._unit_sizes:
                begin = end - length
                if begin > 0 and folded[begin:end] in self._units and CELL_HEAD_RE.fullmatch(folded, 0, begin):
                    return True
        return False

    def is_data_cell(self, text: str) -> bool:
        """A table's cell: data of ``MAX_CELL_WORDS`` words at most, or of as many pieces
        between spaces ("1.400 U/min", "8:00–12:00 und 15:00–18:00"; in a script written
        without spaces, ``MAX_CJK_CELL_CHARS`` characters): it may repeat in the next rows."""
        if CJK_RE.search(text) is not None:
            short = len(text.strip()) <= MAX_CJK_CELL_CHARS
        else:
            # Its figures are no words of its own ("2, 4 und 11 Monate": two words).
            short = self.lines(text).words <= MAX_CELL_WORDS or len(text.split()) <= MAX_CELL_WORDS or len(CELL_WORD_RE.findall(text)) <= MAX_CELL_WORDS
        return short and self.is_data(text)

    def is_data(self, text: str) -> bool:
        """Does a short line carry data: a quantity with its unit, a price, a time, a score,
        a numeric cell, a timeline entry, code, or a bare address?"""
        if len(text) > MAX_DATA_CHARS:
            return False
        return self.lines.answer("data", text, lambda: self._is_data(text))

    def _is_data(self, text: str) -> bool:
        folded = self.lines(text).folded
        if not NUMERAL_RE.search(folded):
            return ADDRESS_RE.match(folded) is not None or CODE_RE.search(text) is not None
        if self._is_number_cell(folded):
            return not folded.strip().isdigit() or len(folded.strip()) >= 4
        if TIMELINE_RE.match(folded) or SCHEDULE_ENTRY_RE.match(folded) or ADDRESS_RE.match(folded) or CODE_RE.search(text):
            return True
        if is_timed_entry(self.lines(text)):
            return True
        # A scorecard's figures: a bowler's four joined by dashes ("T Ashdown 9.3-1-38-4"), a
        # batter's runs and balls ("R Baker* c & b Lewis 71 (96)").
        if SCORECARD_RE.search(folded):
            return True
        tokens = folded.split()
        # A table's row of whole numbers after its label ("Biel Font 9 3 4 10"): three or more,
        # as many as the other tokens at least, after a word; not pages counted one by one
        # ("Pages: 1 2 3 4").
        numbers = [int(token) for token in tokens if token.isdigit()]
        if (
            len(numbers) >= MIN_ROW_NUMBERS
            and 2 * len(numbers) >= len(tokens)
            and any(c.isalpha() for c in tokens[0])
            and numbers != list(range(numbers[0], numbers[0] + len(numbers)))
            # A phone number in groups is no row ("Switchboard 0300 7777 878", "+44 300 ...").
            and not any(token.startswith("0") and len(token) >= 3 for token in tokens)
            and "+" not in text
        ):
            return True
        # A span of hours is a figure in any spelling ("Dagligt 9.00–19.00").
        if not FIGURE_RE.search(folded) and not TIME_RANGE_RE.search(folded) and not self._has_quantity(folded):
            return False
        # Words, not the dashes between them.
        words = len(tokens) - sum(map(tokens.count, DASH_TOKENS))
        if words <= MAX_FIGURE_WORDS or sum(any(c.isdigit() for c in t) for t in tokens) >= words / 4:
            return True
        if words > MAX_SPEC_WORDS or self.lines(text).sentence_end:
            return False
        # Each number once: "95 €" is a price, not a price and a quantity.
        matches = list(FIGURE_RE.finditer(folded))
        counted = {k for match in matches for k in range(*match.span())}
        figures = len(matches)
        return figures >= MIN_SPEC_FIGURES or figures + self._quantities(folded, MIN_SPEC_FIGURES - figures, counted) >= MIN_SPEC_FIGURES

    @property
    def date_words(self) -> frozenset[str]:
        """The words of the vocabulary's date phrases ("mis à jour" counts word by word)."""
        return self._date_words

    def is_date(self, text: str) -> bool:
        """A line that is only a date or time, perhaps with date words ("Updated 3:42 PM
        EDT, April 2, 2024", "Freitag, 15. März", "3日前"); a telephone number is not."""
        if len(text) > 120:
            return False
        return self.lines.answer("date", text, lambda: self._is_date(text))

    def _is_date(self, text: str) -> bool:
        folded = self.lines(text).folded
        if not any(map(str.isdigit, folded)) or AMOUNT_MARK_RE.search(folded):
            return False  # "5.000 €", "12.5 %": amounts, not times
        if LABEL_COUNT_RE.fullmatch(folded.strip()):
            return False  # "Desember: 21": a count under its month
        if folded.lstrip().startswith(("+", "±")):
            return False  # "+0:18": a gap to the winner, not a time of day
        if PHONE_RE.fullmatch(folded) and ":" not in folded:
            groups = DIGITS_RE.findall(folded)
            if len(groups) >= 4 or sum(map(len, groups)) >= 9:
                return False  # "02.23.45.67.89": a telephone number
        if self._only_date(folded):
            return True
        # A place before the date: "Madrid, 17 feb 2024", "Berlín - 23 FEB 2024 - 15:40 CET".
        # Its day with it: a heading's month ("Planning Applications – April 2025") is none.
        place = PLACE_RE.match(text)
        return place is not None and DAY_FIGURES_RE.search(text[place.end() :]) is not None and self._only_date(fold(text[place.end() :]), calendar=True)

    def is_named_day(self, text: str) -> bool:
        """A day's name, then its date after a spaced dash, without the year: an entry of a
        list of holidays or closing days ("New Year's Day – Wednesday, January 1",
        "Pfingstmontag – 20. Mai"); the name is ``MAX_NAMED_DAY_WORDS`` words at most. A
        teaser's headline and its date carry the year ("Title – March 3, 2024")."""
        if len(text) > MAX_DATA_CHARS:
            return False
        return self.lines.answer("named_day", text, lambda: self._is_named_day(text))

    def _is_named_day(self, text: str) -> bool:
        match = NAMED_DAY_RE.fullmatch(text)
        if match is None:
            return False
        name, day = match.groups()
        return (
            word_count(name) <= MAX_NAMED_DAY_WORDS
            and STATEMENT_END_RE.search(name) is None
            and YEAR_RE.search(day) is None
            and DIGITS_RE.search(day) is not None
            and self.is_date(day)
            and not self.is_relative_date(day)
        )

    def is_date_range(self, text: str) -> bool:
        """Two days of the calendar joined by a dash or one short word, perhaps led by another
        ("9 marzo – 30 giugno 2024", "Du 13 avril au 22 septembre 2024", "16 maart t/m 1
        september 2024"), each of ``MAX_RANGE_END_TOKENS`` tokens at most: when an exhibition,
        a festival or an offer runs. A page's stamp has one day ("12.03.2024 – 14:30")."""
        if len(text) > MAX_RANGE_CHARS:
            return False
        return self.lines.answer("date_range", text, lambda: self._is_date_range(text))

    def _is_date_range(self, text: str) -> bool:
        folded = self.lines(text).folded
        # (Days in figures are no times: "22.12.2025 – 02.01.2026", "06.10. – 17.10.2025".)
        if sum(c.isdigit() for c in folded) < 2 or TIME_RE.search(DAY_MONTH_FIGURES_RE.sub(" ", NUMERIC_DATE_RE.sub(" ", folded))) is not None:
            return False  # (a stamp's day and time: "Nov 8, 2023 / 04:43 PM CST")
        tokens = RANGE_DASH_RE.sub(" – ", folded).split()
        if tokens and RANGE_WORD_RE.fullmatch(tokens[0]) and tokens[0] not in self._date_words:
            tokens = tokens[1:]  # "du", "dal", "vom", "from"
        for k in range(1, len(tokens) - 1):
            if not RANGE_WORD_RE.fullmatch(tokens[k]) or tokens[k].rstrip(".,") in self._date_words:
                continue  # (not a month: "13. april 2024")
            left, right = tokens[:k], tokens[k + 1 :]
            # (The first day may leave its year to the last: "06.10. – 17.10.2025".)
            opens = self._only_date(" ".join(left), calendar=True) or (len(left) == 1 and DAY_MONTH_FIGURES_RE.fullmatch(left[0]) is not None)
            if len(left) <= MAX_RANGE_END_TOKENS and len(right) <= MAX_RANGE_END_TOKENS and opens and self._only_date(" ".join(right), calendar=True):
                return True
        return False

    def _only_date(self, folded: str, *, calendar: bool = False) -> bool:
        """Only a date or time, numbers and date words; with ``calendar``, a day of the
        calendar (a numeric date, or a month or weekday with a number), not a time alone."""
        dated = NUMERIC_DATE_RE.sub(" ", folded)
        scrubbed = TIME_RE.sub(" ", dated)
        has_time_or_date = scrubbed != folded
        tokens = TOKEN_RE.findall(scrubbed)
        strong = False
        for token in tokens:
            if NUMBER_RE.fullmatch(token) or DAY_MONTH_RE.fullmatch(token):
                if calendar and THREE_FIGURES_RE.fullmatch(token):
                    return False  # neither a day nor a year: "Drama. UK, 2024. 104 min." (a film's length)
                continue
            if token not in self._date_words and token.rstrip(".") not in self._date_words:
                return False
            token = token.rstrip(".")
            strong = strong or len(token) >= 3
        if calendar:
            return dated != folded or (strong and len(tokens) >= 2)
        return has_time_or_date or (strong and len(tokens) >= 2)

    def is_dated_entry(self, text: str) -> bool:
        """A schedule's or a timeline's entry led by its date and a separator ("08.12.2023 –
        Weihnachtsbasar", "25 maj – städdag kl. 10", "Efterår 2024: Udbud af
        anlægsarbejdet"): the head is a date, or three words at most with a year; or led by
        a day and month in figures (its weekday and time perhaps) right before its title's
        capital ("ke 10.4. klo 17.30 Kuraattorin opastus"); remembered per line, as is_date is."""
        return self.lines.answer("dated_entry", text, lambda: self._is_dated_entry(text))

    def _is_dated_entry(self, text: str) -> bool:
        if DATED_ENTRY_RE.match(text):
            return True
        if len(text) > MAX_DATA_CHARS * 2:
            return False
        # A day (its weekday and time perhaps) right before the entry's capitalized title:
        # "ke 10.4. klo 17.30 Kuraattorin opastus: Sanna Kivimäki".
        led = DATE_BEFORE_TITLE_RE.match(text)
        if led is not None and DAY_MONTH_FIGURES_RE.search(led.group(1)) and self.is_date(HOURS_SPAN_END_RE.sub("", led.group(1))) and not self.is_relative_date(led.group(1)):
            return True  # (a span of hours as its start: "su 19.5. klo 13–15 Perhepäivä")
        head = ENTRY_HEAD_RE.match(text) or TIMED_ENTRY_HEAD_RE.match(text)
        if head is None:
            return False
        words = head.group(1)
        return (YEAR_RE.search(words) is not None and len(words.split()) <= 3) or (self.is_date(words) and not self.is_relative_date(words))

    def dates_in_words(self, text: str) -> bool:
        """A "Label: value" entry whose label of one to three words names a time of the
        calendar in words, without a number ("Final de julho: trabalhos de pavimentação",
        "Ende Juli: Asphaltarbeiten", "Early March: tenders open": a word of the vocabulary's
        date phrases of four letters or more, one other word at most): in a run with entries
        led by their date, one more entry of a timeline. Not a headline's ("Why July
        matters: ...")."""
        match = LABELLED_RE.match(text)
        if match is None or len(text) > MAX_DATA_CHARS * 2 or any(map(str.isdigit, match.group(1))):
            return False
        tokens = fold(match.group(1)).split()
        dated = [token in self._date_words for token in tokens]
        return dated.count(False) <= 1 and any(len(token) >= 4 and ok for token, ok in zip(tokens, dated))

    def counts_pages(self, text: str) -> bool:
        """Does the line, ``MAX_DATA_CHARS`` at most, give a book's page count: a number and a
        word of vocabulary ``page_words`` after it ("264 páginas. 19,90 euros", "Blessing, 816
        Seiten", "Verlag Dr. Otto Schmidt, 5. Auflage, 2014, 896 Seiten, gebunden, ISBN ...")?"""
        if len(text) > MAX_DATA_CHARS:
            return False
        words = self.lines.vocabulary.literals("page_words")
        return any(m.group(1) in words or m.group(1).rstrip(".") in words for m in PAGE_COUNT_RE.finditer(self.lines(text).folded))

    def is_version(self, text: str) -> bool:
        """A release's version number, perhaps after its name ("v3.8.0", "Ledgerly 4.2.0",
        "Version 4.8.0"), not a short date ("1.5.24": no year has one digit)."""
        match = VERSION_LINE_RE.fullmatch(self.lines(text).folded)
        return match is not None and (not self.is_date(text) or SINGLE_DIGIT_END_RE.search(match.group()) is not None)

    def event_lines(self, texts: Sequence[str], i: int) -> int:
        """How many lines from line ``i`` say when and where an event is held, 0 if none: a
        date with its clock time over the place with its street and number ("Karfreitag, 18.
        April 2025, 17:00 Uhr" / "Stadtkirche St. Marien, Marktplatz 1, Heidenfeld"), or a
        date over its times over that place ("Samstag, 29. März 2025" / "Einlass 19:00 Uhr,
        Beginn 20:00 Uhr" / "Ort: Alte Weberei, Großer Saal, Fabrikstraße 3, ..."). A page's
        date line is followed by its text or its author. ``texts`` are neighbours in the input."""
        if not (i + 1 < len(texts) and self.is_date(texts[i])):
            return 0
        if TIME_RE.search(self.lines(texts[i]).folded) is not None and self._venue(texts[i + 1]):
            return 2
        times = texts[i + 1]
        if (
            i + 2 < len(texts)
            and word_count(times) <= MAX_ITEM_WORDS
            and STATEMENT_END_RE.search(times) is None
            and TIME_RE.search(self.lines(times).folded) is not None
            and self._venue(texts[i + 2])
        ):
            return 3
        return 0

    def dates_event_entry(self, texts: Sequence[str]) -> bool:
        """Is ``texts[0]`` a day's date (no year, no time) over an event's entry: its title,
        perhaps its description, then its times over the place with its street and number, no
        other date between (``MAX_EVENT_ENTRY_LINES`` lines at most: "Freitag, 11. Oktober" /
        "Jazz im Alten Stadthaus" / "Das Lea Furrer Trio spielt ..." / "Wann: 20 Uhr" / "Wo:
        Altes Stadthaus, Marktgasse 53")? A page's date line is followed by its text or its
        author, not by where and when something is held. ``texts`` are neighbours in the input."""
        texts = texts[:MAX_EVENT_ENTRY_LINES]
        if len(texts) < 4 or not self.is_date(texts[0]) or YEAR_OR_TIME_RE.search(self.lines(texts[0]).folded) is not None:
            return False
        for k in range(2, len(texts) - 1):
            timed = TIME_RE.search(self.lines(texts[k]).folded) is not None
            if not timed and self.is_date(texts[k]):
                return False  # (the next day)
            if timed and word_count(texts[k]) <= MAX_ITEM_WORDS and self._venue(texts[k + 1]):
                return True  # its times over its place
        return False

    def timed_place(self, date: str, place: str) -> bool:
        """A date with its clock time over a place, a short line that is no sentence and no
        date ("Samstag, 20. Juli 2024, 19:30 Uhr" / "Hofgarten, Freilichtbühne am
        Ochsenau-Eingang, Landshut"): when and where an event is held, when the event's
        buttons (tickets, calendar) stand right under them."""
        return (
            TIME_RE.search(self.lines(date).folded) is not None
            and self.is_date(date)
            and word_count(place) <= MAX_ITEM_WORDS
            and STATEMENT_END_RE.search(place) is None
            and not self.is_date(place)
        )

    def _venue(self, text: str) -> bool:
        """A place with its street and number (VENUE_RE), in a line that is no sentence."""
        return word_count(text) <= MAX_ITEM_WORDS and STATEMENT_END_RE.search(text) is None and VENUE_RE.search(text) is not None and not self.is_date(text)

    def is_relative_date(self, text: str) -> bool:
        """A date line that counts back from now ("2 hours ago", "vor 3 Tagen", "3日前"):
        a teaser's time stamp, never a schedule's day."""
        folded = self.lines(text).folded
        if RELATIVE_CJK_RE.search(folded):
            return True
        padded = f" {' '.join(TOKEN_RE.findall(folded))} "
        return any(f" {word} " in padded for word in self._relative_words)

    def is_form(self, text: str) -> bool:
        """A timeline entry, a command or code line, or a bare address."""
        if len(text) > MAX_DATA_CHARS:
            return False
        def form() -> bool:
            folded = self.lines(text).folded
            return bool(TIMELINE_RE.match(folded) or ADDRESS_RE.match(folded) or CODE_RE.search(text))

        return self.lines.answer("form", text, form)

    def _interviews(self, texts: Sequence[str], start: int, end: int) -> list[tuple[int, int, str]]:
        """The same question put to several people: a question or prompt (ending in "?" or
        ":", or four words or more) that recurs in the run with answers between; the span
        from its first copy to the answer under its last."""
        seen: dict[str, list[int]] = {}
        for k in range(start, end):
            text = texts[k].strip()
            if text.endswith(("?", "？", ":", "：")) or len(text.split()) >= 4:
                seen.setdefault(self.lines(texts[k]).folded, []).append(k)
        spans = [(ks[0], min(end, ks[-1] + 2)) for ks in seen.values() if len(ks) >= 2 and ks[-1] - ks[0] >= len(ks)]
        return [(a, b, "interview") for a, b in spans]

    def _sparse_table(self, texts: Sequence[str], data: Sequence[int], start: int, end: int) -> bool:
        """Rows with a number in the same cell ("AD", "29,5%", "79 deputados"), at least
        ``MIN_TABLE_ROWS`` of them: a table however few its figures. Numbers, not dates
        ("1日前", "vor 2 Stunden" under each headline of a list of other stories)."""
        if len(data) < MIN_TABLE_ROWS:
            return False
        numbers = [k for k in data if self._is_number_cell(self.lines(texts[k]).folded) or self._is_cell(texts, k, start, end)]
        return len(numbers) >= max(MIN_TABLE_ROWS, 0.8 * len(data)) and _period(numbers) is not None

    @staticmethod
    def _row_end(texts: Sequence[str], period: int | None, figures: Sequence[int], end: int) -> int:
        """The last line of the table's last row: the short cells after its last figure ("4
        deputados" after "3,2%"), at most as many as a row's other cells (``period``), each
        in the shape of the cell a row above it: where that one is a figure, a line without
        one is not a cell ("Kompletní tabulka" under "4." / "Brno" / "49" / "84" is a link)."""
        last = figures[-1]
        if period is None:
            return last
        present = set(figures)
        k = last
        while k + 1 < end and k - last < period - 1 and len(texts[k + 1].split()) <= 3 and not ends_sentence(texts[k + 1]):
            if k + 1 - period in present and not NUMERAL_RE.search(texts[k + 1]):
                break
            k += 1
        return k

    @staticmethod
    def _heads_table(texts: Sequence[str], start: int, first: int, period: int | None) -> bool:
        """Do the lines from ``start`` to a table's first figures head it: a line or two
        ("Playoff schedule", "Saturday"), or a heading over a header row with as many cells
        as the table's rows (``period``: "Lag", "S", "P" over rows of three), each of three
        words at most, and perhaps the first row's name ("1. Malmö FF")?"""
        if first - start <= MAX_TABLE_HEAD:
            return True
        between = first - start - 1
        return (
            period is not None
            and period <= between < 2 * period
            and all(len(texts[k].split()) <= 3 and not ends_sentence(texts[k]) for k in range(start + 1, first))
        )

    @staticmethod
    def _header_under(texts: Sequence[str], start: int, first: int, figures: Sequence[int]) -> bool:
        """Does a header row (see :func:`_header_start`) start at ``start`` or under one
        heading line there, over a table whose first figure is at ``first``?"""
        if first - start > MAX_HEADER_CELLS + MAX_CELL_GAP + 1:
            return False
        header = _header_start(texts, first, set(figures))
        return header is not None and header - start <= 1

    @staticmethod
    def date_column(texts: Sequence[str], dates: Sequence[int]) -> set[int]:
        """The dates (positions ``dates``, in order) that fill one column of a table flattened a
        cell per line (see :meth:`date_tables`)."""
        return {k for _, _, column in Shapes.date_tables(texts, dates) for k in column}

    @staticmethod
    def date_tables(texts: Sequence[str], dates: Sequence[int]) -> list[tuple[int, int, tuple[int, ...]]]:
        """Tables flattened a cell per line whose dates (positions ``dates``, in order) fill one
        column, as ``(start, end, column)``: its header row included, ``end`` exclusive, and
        the positions of the column's dates:
        ``MIN_HEADED_ROWS`` rows or more of 2 to ``MAX_HEADED_CELLS`` cells, a date at the same
        place in every row, the other cells short (``MAX_CELL_WORDS`` words with a letter at
        most, figures aside; no statement, not the same in every row: "Aula", "N 104–N 108"),
        under a header row of as many column names ("Naselje" / "Datum odvoza" / "Loška
        Reber, Breg" / "ponedeljek, 7. 4. 2025" / ...). A list of other stories has no header
        row, its headlines are longer, and a teaser card's label is said again on each."""
        found: list[tuple[int, int, tuple[int, ...]]] = []
        taken: set[int] = set()
        for j in range(len(dates) - 1):
            n = dates[j + 1] - dates[j]  # the row's length: dates at one stride from each other
            run = list(dates[j : j + 2])
            while j + len(run) < len(dates) and dates[j + len(run)] - run[-1] == n:
                run.append(dates[j + len(run)])
            if len(run) < MIN_HEADED_ROWS or not 2 <= n <= MAX_HEADED_CELLS or run[0] in taken:
                continue
            for place in range(n):  # the date's cell in its row
                first = run[0] - place
                cells = [k for k in range(first, run[-1] + n - place) if k not in run]
                header = range(first - n, first)
                if (
                    first - n >= 0
                    and run[-1] + n - place <= len(texts)
                    and all(_is_header_cell(texts[k]) and NUMERAL_RE.search(texts[k]) is None for k in header)
                    and all(0 < _letter_words(texts[k]) <= MAX_CELL_WORDS and size(DIGITS_RE.sub("", texts[k])) <= MAX_CELL_WORDS and not _is_statement(texts[k]) for k in cells)
                    # (A card's label said in every row is no column: "会員限定", a source's name.)
                    and all(len({texts[at - place + c] for at in run}) > 1 for c in range(n) if c != place)
                ):
                    taken.update(run)
                    found.append((first - n, run[-1] + n - place, tuple(run)))
                    break
        return found

    @staticmethod
    def header_row(texts: Sequence[str], figures: Collection[int]) -> int | None:
        """Where the header row over a run of data starts (``figures``: positions of its data
        and dates; see :func:`_header_start`), its first figure among the first three; None
        when the run has none."""
        for first in sorted(figures)[:3]:
            header = _header_start(texts, first, figures)
            if header is not None:
                return header
        return None

    def quoted_runs(self, texts: Sequence[str], prose: Sequence[bool], *, near: Collection[int] | None = None) -> list[range]:
        """The runs a line ending in a colon introduces ("the hymn she had chosen herself:"
        over its verses, "Le refrain :" over the refrain): lists and repeated lines, whose
        repeats are on purpose (the ``"list"`` and ``"interview"`` runs of
        :meth:`structured_runs`, found without its days and tables of labels; ``near`` as
        there)."""
        runs = []
        for i, j in _stretches(prose, near):
            for start, end, why in (*self._classify_run(texts, i, j, MIN_DATA_SHARE, MAX_LIST, set(), after_prose=i > 0, before_prose=j < len(texts)), *self._headed_lists(texts, i, j)):
                if why in ("list", "interview") and start > 0 and is_intro(texts[start - 1]):
                    runs.append(range(start, end))
        return runs

    def _headed_lists(self, texts: Sequence[str], start: int, end: int) -> list[tuple[int, int, str]]:
        """A list heading ("Pros", "Zutaten (für 4 Personen)", "Wady") and the short lines
        under it (``MAX_HEADED_ITEMS`` at most, up to the next heading or a section label)."""
        found: list[tuple[int, int, str]] = []
        for k in range(start, end - 1):
            if not self.is_list_heading(texts[k]):
                continue
            m = k + 1
            # Under a heading alone ("Voraussetzungen", not "Fakta: Badhuset"), an item may run
            # longer without a sentence's end.
            bare = ":" not in texts[k]
            while (
                m < end
                and m - k <= MAX_HEADED_ITEMS
                and self._list_item_length(texts[m], bare)
                and not self.is_list_heading(texts[m])
                and not self._is_label(texts[m])
                and not self._opens_other_stories(texts[m])
                # A stamp ends it ("Anuncio actualizado hace 3 días", "vor kurzem"), not an item
                # that says "vor" ("Hochrechnung: AfD klar stärkste Kraft vor CDU").
                and not (self.is_relative_date(texts[m]) and (DIGIT_RE.search(texts[m]) is not None or word_count(texts[m]) <= MAX_STAMP_WORDS))
            ):
                if m > k + 1 and m + 2 < end and all(FULL_STOP_END_RE.search(texts[n]) for n in (m + 1, m + 2)) and not FULL_STOP_END_RE.search(texts[m]):
                    break  # the heading of a section of statements ends the list
                m += 1
            # Rows that each end in a figure, ``MIN_TABLE_ROWS`` or more from the first, end
            # where one does not ("Classifica" / "Osimana 42" / ... / "Urbania 30" / "Tag" /
            # "Eccellenza": the page's tags under the table).
            rows = k + 1
            while rows < m and FIGURE_END_RE.search(texts[rows]):
                rows += 1
            if rows - k - 1 >= MIN_TABLE_ROWS:
                m = rows
            if m > k + 1:
                found.append((k, m, "list"))
        return found

    @staticmethod
    def _list_item_length(text: str, longer: bool) -> bool:
        """A list item's length under a list heading: ``MAX_ITEM_WORDS`` words, or, when
        ``longer``, twice that without a sentence's end ("Ein Raspberry Pi mit Raspberry Pi OS
        (Bookworm), auf dem SSH bereits aktiviert ist")."""
        words = word_count(text)
        return words <= MAX_ITEM_WORDS or (longer and words <= 2 * MAX_ITEM_WORDS and STATEMENT_END_RE.search(text) is None)

    # -- contact details ---------------------------------------------------------------------
    def is_contact(self, text: str) -> bool:
        """Does the line hold contact details: an e-mail address, or a phone number of six digits
        or more ("0821 556677", "070-123 45 67"; "12.05.2025" is a date, and a number after a
        company's registration label is no phone: "P.IVA 01234560512", "USt-IdNr. DE123456789";
        vocabulary ``id_labels``)?"""
        if len(text) > MAX_DATA_CHARS:  # a contact line is short
            return False
        return self.lines.answer("contact", text, lambda: any(self._names_contact(text, found) for found in CONTACT_RE.finditer(text)))

    def _names_contact(self, text: str, found: regex.Match[str]) -> bool:
        """Is ``found`` (a match of ``CONTACT_RE`` in ``text``) an e-mail address or a phone number?"""
        if DOTTED_DATE_RE.fullmatch(found.group()) or DATE_START_RE.match(found.group()):
            return False  # "12.05.2025", "2025-06-02 16:42:07", "12.05.2025 14:30"
        if "@" in found.group():
            return True
        # The words before the number, back to the previous detail ("Tel. 0575 1234 – P.IVA ...").
        label = ID_SEGMENT_RE.split(text[: found.start()])[-1]
        return not label.strip() or self.lines.vocabulary.search("id_labels", fold(label)) is None

    def heads_contacts(self, texts: Sequence[str], i: int) -> bool:
        """Is line ``i``, of ``MAX_CONTACT_HEADING_WORDS`` words at most ("Kontakt", "Ihr
        Ansprechpartner", "Musée des Tanneurs") or introducing what follows ("Für Rückfragen steht
        Ihnen das Bauamt zur Verfügung:"), the heading of contact details: do
        ``MIN_CONTACT_LINES`` of the next ``CONTACT_WINDOW`` lines (``NAMED_CONTACT_WINDOW`` under
        a heading of vocabulary ``contact_headings``) hold them (a phone number or an e-mail
        address in one of them at least; an address's town counts too, and an office's hours
        under a line that introduces them)?"""
        return self.contacts_end(texts, i) is not None

    def contacts_end(self, texts: Sequence[str], i: int, *, closing: bool = False) -> int | None:
        """The position of the last line of contact details under line ``i`` when line ``i`` is
        their heading (see :meth:`heads_contacts`), else None. ``closing``: the caller found
        nothing of the page's between them and the end of the article box, so an office's
        hours and its place count as they do under a line that introduces them."""
        # A heading that names them, not an appeal ("Contact us!"), whatever its length
        # ("Kontakt pre otázky k stavbe").
        named = len(texts[i]) <= MAX_DATA_CHARS and not texts[i].rstrip().endswith("!") and self._names_contacts(self.lines(texts[i]))
        if len(texts[i].split()) > MAX_CONTACT_HEADING_WORDS and not is_intro(texts[i]) and not named:
            return None
        window = range(i + 1, min(len(texts), i + 1 + (NAMED_CONTACT_WINDOW if named else CONTACT_WINDOW)))
        phones = [k for k in window if self.is_contact(texts[k])]
        if not phones:
            return None
        towns = [k for k in window if len(texts[k]) <= MAX_DATA_CHARS and (POSTAL_TOWN_RE.search(texts[k]) or (closing and VENUE_RE.search(texts[k])))]
        # Under a line that introduces them, an office's hours count too ("Informacja
        # pasażerska:" / "Biuro Obsługi Klienta MPK, ul. Zemborzycka 2" / "tel. 81 525 21 00, ..."
        # / "pon.–pt. 7:00–18:00"); a page's footer has no such line. Or under the office's
        # name closing the article box ("Sportello casa" / "Piazza del Popolo 10, piano terra" /
        # "Lunedì ... dalle 9 alle 12.30" / "Telefono 0547 ..." / "© Riproduzione riservata"),
        # or under a heading that names them ("Contact us" / ... / "Telephone: ..." / "Open
        # Monday to Friday, 9am to 4.30pm").
        hours = [k for k in window if k not in phones and len(texts[k]) <= MAX_DATA_CHARS and TIME_RANGE_RE.search(self.lines(texts[k]).folded)] if closing or named or is_intro(texts[i]) else []
        found = set(phones) | set(towns) | set(hours)
        # Under a heading that names them, one line with a phone number or an e-mail address is
        # enough ("Contact" / "Coördinator: dr. Femke Jansen" / "E-mail: minor@lekdal.nl").
        return max(found) if named or len(phones) + len(towns) + len(hours) >= MIN_CONTACT_LINES else None

    def fact_led(self, text: str, *, any_label: bool = True) -> bool:
        """A "Label: value" line (with ``any_label`` False, one whose label is a fact box's:
        "Durata: 2 ore"), or one of ``MAX_FACT_LINE_CHARS`` at most led by a fact box's label
        without a colon ("Directed by Marta Lindqvist", "regia di Giulia Ferrante"; vocabulary
        ``fact_labels``)."""
        if LABELLED_RE.match(text) is not None and (any_label or self.labels_fact(text)):
            return True
        return len(text) <= MAX_FACT_LINE_CHARS and self.lines.vocabulary.prefix("fact_labels", self.lines(text).folded) is not None

    def labels_fact(self, text: str) -> bool:
        """A "Label: value" line whose label is a fact box's ("Durata: 2 ore", "Prep time: 20
        minutes"; vocabulary ``fact_labels``)."""
        labelled = LABELLED_RE.match(text)
        return labelled is not None and self.lines.is_phrase("fact_labels", self.lines(labelled.group(1)))

    def gives_life_dates(self, text: str) -> bool:
        """A line of ``MAX_DATA_CHARS`` at most that gives a life's dates: two words of birth
        and death (vocabulary ``life_words``), each with a year among the ``MAX_LIFE_DATE_WORDS``
        words after it ("Sir Geoffrey Allard, born 3 May 1933, died 14 January 2025";
        "economist, born 3 May 1933; died 14 January 2025")."""
        if len(text) > MAX_DATA_CHARS or len(YEAR_RE.findall(text)) < 2:
            return False
        words = self.lines.vocabulary.literals("life_words")
        tokens = TOKEN_RE.findall(self.lines(text).folded)
        found = [k for k, token in enumerate(tokens) if token in words and any(YEAR_RE.fullmatch(t.rstrip(".")) for t in tokens[k + 1 : k + 1 + MAX_LIFE_DATE_WORDS])]
        return len({tokens[k] for k in found}) >= 2

    def cites_source(self, text: str) -> bool:
        """Is the line led by a source's label (vocabulary ``source_labels``) before its first
        colon ("Quelle: Stadt Dornstetten, Haushaltsplan 2025", "Fonte: Istat")?"""
        label = self.lines(text).folded.split(":", 1)[0].strip()
        return label in self.lines.vocabulary.literals("source_labels")

    def labels_contact(self, text: str) -> bool:
        """A contact on one line under its label of vocabulary ``contact_headings``, naming who
        (a capitalized word first, not an address alone: "Kontakt: carla@mailbox.org" is an
        author's) with a phone number or an e-mail address ("Ansprechpartnerin: Julia Brenner,
        Telefon 07523 612-240, kultur@hohenfelden.de"), or an office's e-mail address and phone
        number both ("Enquiries: festival@clarevalleywine.com.au or (08) 8842 2131")?"""
        labelled = LABELLED_RE.match(text)
        if labelled is None:
            return False
        value = text[labelled.end(1) :].lstrip(" :：").split()
        return (
            bool(value)
            and ((value[0][:1].isupper() and "@" not in value[0]) or self._mail_and_phone(text))
            and self.lines.is_phrase("contact_headings", self.lines(labelled.group(1)))
            and self.is_contact(text)
        )

    def _mail_and_phone(self, text: str) -> bool:
        """Does the (short) line hold an e-mail address and a phone number both?"""
        found = [match for match in CONTACT_RE.finditer(text) if self._names_contact(text, match)] if len(text) <= MAX_DATA_CHARS else []
        return any("@" in match.group() for match in found) and any("@" not in match.group() for match in found)

    def _names_contacts(self, line: Line) -> bool:
        """A heading of vocabulary ``contact_headings``, alone or before whose contacts they are,
        in ``MAX_CONTACT_OWNER_WORDS`` words at most ("Kontakt", "Kontakt Jugendleitung")."""
        if self.lines.is_phrase("contact_headings", line):
            return True
        end = self.lines.vocabulary.prefix("contact_headings", line.key)
        return end is not None and 0 < len(line.key[end:].split()) <= MAX_CONTACT_OWNER_WORDS

    def signs_with_role(self, texts: Sequence[str], i: int) -> bool:
        """Are lines ``i`` and ``i + 1`` a name and the office it signs with ("Thomas Kienzle" /
        "Bürgermeister", "Dr. Claudia Weigand" / "Bürgermeisterin"; vocabulary
        ``signature_roles``): a notice's or letter's signature without a closing formula?"""
        if not 0 <= i < len(texts) - 1 or len(texts[i + 1]) > MAX_ROLE_CHARS:
            return False
        return names_person(texts[i]) and self.lines.is_phrase("signature_roles", self.lines(texts[i + 1]))

    def signs_under_office(self, texts: Sequence[str], i: int) -> bool:
        """Are lines ``i`` and ``i + 1`` the office a text is signed with and the name under
        it, right under a sentence of the text ("... pod numerem telefonu 12 278 45 60." /
        "Dyrektor szkoły" / "mgr Joanna Kowalczyk"; vocabulary ``signature_roles``)? (Under a
        name, an office closes that name's signature: the line under it is judged on its own.)"""
        return 1 <= i < len(texts) - 1 and ends_sentence(texts[i - 1]) and self.signs_with_role([texts[i + 1], texts[i]], 0)

    def opens_signature(self, texts: Sequence[str], i: int, dated: bool = False) -> bool:
        """Does line ``i`` open a signature: a name over its office, a name and its office on
        one line (:meth:`signs_in_one_line`), or the office that issues a notice over those,
        closed by a comma ("Burgemeester en wethouders van Zuidplas," / "de secretaris, drs.
        M.L. van Rijn") or, ``dated`` (under the notice's place and date), without one
        ("Wolfsbach, 24. April 2024" / "Gemeinde Wolfsbach" / "Stefan Huber" / "Erster
        Bürgermeister"), or over a line signed with the name ("Gemeinde Hohenfeld" / "gez.
        Thomas Brandl")?"""
        if not 0 <= i < len(texts):
            return False
        if self.signs_with_role(texts, i) or self.signs_in_one_line(texts[i]):
            return True
        if i + 1 >= len(texts) or word_count(texts[i]) > MAX_ISSUER_WORDS or ends_sentence(texts[i]):
            return False
        # The office over a line signed with the name ("Gemeinde Hohenfeld" / "gez. Thomas
        # Brandl"; vocabulary ``signed_lines``), or closed by a comma over a signature.
        if len(texts[i + 1]) <= MAX_ROLE_CHARS and self.lines.is_phrase("signed_lines", self.lines(texts[i + 1])):
            return True
        return (dated or texts[i].rstrip().endswith(",")) and (self.signs_in_one_line(texts[i + 1]) or self.signs_with_role(texts, i + 1))

    def signs_in_one_line(self, text: str) -> bool:
        """Is ``text`` a name and the office it signs with on one line, either way round
        ("Ingrid Sjöberg, ordförande", "de burgemeester, H.J. de Groot", "Il Presidente – Luca
        Bertolino"; vocabulary ``signature_roles``), perhaps with others who sign after a
        comma ("Martine Leclerc, présidente, et toute l'équipe")?"""
        if len(text) > MAX_ROLE_CHARS + 40:
            return False
        # At the first comma, spaced dash or colon ("Il Presidente – Luca Bertolino").
        parts = SIGNATURE_SPLIT_RE.split(text, maxsplit=1)
        if len(parts) != 2:
            return False
        first, second = (part.strip() for part in parts)
        if names_person(first) and self.lines.is_phrase("signature_roles", self.lines(second)):
            return True
        if names_person(second) and self.lines.is_phrase("signature_roles", self.lines(first)):
            return True
        # The name and office, then those who sign with them ("Martine Leclerc, présidente, et
        # toute l'équipe du Refuge de la Vallée").
        role, comma, _ = second.partition(",")
        return bool(comma) and names_person(first) and self.lines.is_phrase("signature_roles", self.lines(role.strip()))

    def signs_in_row(self, text: str) -> bool:
        """Is ``text`` a row of signers, each cell a name and the office it signs with (see
        :meth:`signs_in_one_line`: "Claudia Herrmann, Erste Bürgermeisterin | Lisa Brenner,
        Schriftführerin")?"""
        cells = text.split("|") if "|" in text else []
        return len(cells) >= 2 and all(self.signs_in_one_line(cell.strip()) for cell in cells)

    def signs_again(self, texts: Sequence[str], i: int) -> bool:
        """Is line ``i`` one more signer of a letter: a line of ``MAX_SIGNER_WORDS`` words at
        most that opens with a person's name and a comma (or a spaced dash), not a sentence,
        right under a closing formula (vocabulary ``closing_formulas``) or another signer's line
        ("Andrea Fischer, Bürgermeisterin" / "Stefan Wagner, Schriftführer"; "Herzliche Grüße" /
        "Sabine Keller, Kita-Leitung, und das ganze Team der Kita Regenbogen"; "Anna Wróblewska –
        przewodnicząca" / "Halina Mazur – sekretarz")?"""
        for k in range(i, max(-1, i - MAX_SIGNERS), -1):
            text = texts[k]
            parts = SIGNER_SPLIT_RE.split(text, maxsplit=1)
            if k == 0 or len(parts) < 2 or word_count(text) > MAX_SIGNER_WORDS or ends_sentence(text) or not names_person(parts[0].strip()):
                return False
            above = texts[k - 1]
            if self.signs_in_one_line(above) or (len(above) <= MAX_ROLE_CHARS and self.lines.is_phrase("closing_formulas", self.lines(above))):
                return True
        return False

    @staticmethod
    def under_slot(blocks: Sequence[Block], k: int) -> bool:
        """Is block ``k`` right under a schedule's slot (:func:`is_slot`), next to it in the
        input: where the slot is held ("wtorek 15:30–17:00" / "hala SP nr 2")?"""
        return k > 0 and blocks[k - 1].index == blocks[k].index - 1 and is_slot(blocks[k - 1].text)

    def scores(self, label: str, value: str) -> bool:
        """Is ``value`` a review's score right under its label alone on a line (vocabulary
        ``score_labels``: "Testnote" / "1,9", "Score" / "4/5", "Note" / "8/10", "Betyg" /
        "★★★★☆")? A page counter ("2 / 12") stands under no such label."""
        return SCORE_VALUE_RE.fullmatch(value) is not None and len(label) <= MAX_SCORE_LABEL_CHARS and self.lines.is_phrase("score_labels", self.lines(label))

    def is_verdict(self, text: str) -> bool:
        """A review's or a fact-check's verdict on one line: a score label of the vocabulary,
        a colon, and a score or a rating of ``MAX_VERDICT_WORDS`` words at most ("Calificación:
        Falso", "Verdict: Misleading", "Note : 8/10"). The article's, wherever it stands."""
        labelled = LABELLED_RE.match(text)
        if labelled is None or len(text) > MAX_SCORE_LABEL_CHARS * 2:
            return False
        value = text[labelled.end(1) :].lstrip(" :：")
        return (SCORE_VALUE_RE.fullmatch(value) is not None or 0 < word_count(value) <= MAX_VERDICT_WORDS) and self.lines.is_phrase("score_labels", self.lines(labelled.group(1)))

    def is_list_heading(self, text: str) -> bool:
        """A heading over the article's own list (vocabulary ``list_headings``), perhaps
        with what it is for in brackets, after it or after a colon ("Ingrediënten (4
        personen)", "Zutaten für 4 Personen", "Fakta: Badhuset")."""
        if len(text) > 60:
            return False

        def heading() -> bool:
            key = self.lines(text).key
            bare = LIST_FOR_RE.sub("", key)
            # "Fakta: Badhuset", "Key facts: the new pool": the heading and what it is about.
            label = key.split(":", 1)[0].strip() if ":" in key else key
            headings = self.lines.vocabulary.literals("list_headings")
            if headings & {key, bare, label}:
                return True
            # A heading of two words or more and what it is about, without a colon ("Die
            # wichtigsten Punkte der Einigung", "O que muda com o projeto"); a one-word
            # heading followed by words is a headline as often ("Tipps für den Urlaub").
            if not 3 <= self.lines(text).words <= MAX_HEADING_WORDS:
                return False
            words = key.split()
            return any(" ".join(words[:n]) in headings for n in range(2, len(words)))

        return self.lines.answer("list_heading", text, heading)

    def _is_day(self, text: str) -> bool:
        """A date line naming a day of the calendar ("13.03.2024, 07:00", "Freitag, 15.
        März"), not a time or a duration alone ("20:15", "60 min")."""
        return NUMERIC_DATE_RE.search(self.lines(text).folded) is not None or not self.is_data(text)

    def lyrics_runs(self, texts: Sequence[str]) -> list[tuple[int, int]]:
        """A song's lines: from the first of ``MIN_SONG_SECTIONS`` labels of its parts or more
        (vocabulary ``song_sections``: "Strophe 1", "[Chorus]", "Refrain", "Repeat Chorus") to
        the end of the last part (short lines under its label, no more than the longest part
        before it has and ``MAX_STANZA_LINES`` at most), as
        ``(start, end)``: lyrics, however short their lines, a refrain printed again on purpose."""
        labels = [
            k for k, text in enumerate(texts) if len(text) <= MAX_SONG_LABEL_CHARS and self.lines.is_phrase("song_sections", self.lines(text))
        ]
        if len(labels) < MIN_SONG_SECTIONS:
            return []
        # The last part is no longer than the longest before it.
        longest = max(b - a - 1 for a, b in zip(labels, labels[1:]))
        end = labels[-1] + 1
        while (
            end < len(texts)
            and end - labels[-1] <= min(MAX_STANZA_LINES, max(longest, 1))
            and self.lines(texts[end]).words <= MAX_LYRIC_WORDS
            and not STATEMENT_END_RE.search(texts[end])
            and not BAR_SEPARATOR_RE.search(texts[end])
        ):
            end += 1
        return [(labels[0], end)]

    @staticmethod
    def verse_runs(texts: Sequence[str]) -> list[tuple[int, int]]:
        """A poem's lines, as ``(start, end)``: ``MIN_RUN_ONS`` times or more a clause ends with
        a comma on a line of ``MAX_LYRIC_WORDS`` words at most and the sentence runs on into the
        next, which starts with a small letter ("Rubber bands, a ball of string," / "the spare
        key to a car"), no more than ``MAX_RUN_ON_GAP`` lines apart; and the short lines around
        them that end as a verse does (a mark of a sentence or a clause: "One kettle,
        descaled.") or run on into the next ("Four mugs, one of them mine" / "since 1994, a
        chip"). A menu's or a box's links start each its own line; a paragraph is one line."""
        n = len(texts)
        short = [0 < word_count(text) <= MAX_LYRIC_WORDS for text in texts]
        run_ons = [
            k for k in range(n - 1)
            if short[k] and short[k + 1] and texts[k].rstrip().endswith(",") and texts[k + 1].lstrip()[:1].islower()
        ]  # fmt: skip

        def verse(k: int) -> bool:  # a short line that ends as a verse does, or runs on into the next
            return short[k] and (VERSE_END_RE.search(texts[k]) is not None or (k + 1 < n and short[k + 1] and texts[k + 1].lstrip()[:1].islower()))

        found: list[tuple[int, int]] = []
        g = 0
        while g < len(run_ons):
            h = g
            while h + 1 < len(run_ons) and run_ons[h + 1] - run_ons[h] <= MAX_RUN_ON_GAP and all(short[m] for m in range(run_ons[h], run_ons[h + 1])):
                h += 1
            if h - g + 1 >= MIN_RUN_ONS:
                start, end = run_ons[g], run_ons[h] + 2
                while start > 0 and verse(start - 1):
                    start -= 1
                while end < n and verse(end):
                    end += 1
                found.append((start, end))
            g = h + 1
        return found

    def _days(self, texts: Sequence[str], prose: Sequence[bool]) -> list[tuple[int, int, str]]:
        """Each day name or clock time over a statement, a line that introduces what follows,
        or a heading over a statement, a line that introduces what follows or a "Label: ..."
        entry (its line, and the heading's and the statement's when that is not a
        paragraph), when two or more are (see :meth:`structured_runs`), above
        any header of other stories or comments."""
        days = []
        for k in range(len(texts) - 1):
            if prose[k]:
                continue
            # Over a statement, a line that introduces what follows ("Here is the latest post
            # from the Met Office:"), or an entry's own heading over its statement.
            following = texts[k + 1]
            if STATEMENT_END_RE.search(following) or INTRO_END_RE.search(following):
                end = k + 1 if prose[k + 1] else k + 2
            elif (
                k + 2 < len(texts)
                and not prose[k + 1]
                and (
                    (texts[k + 2].rstrip()[-1:] in STATEMENT_LAST_CHARS and STATEMENT_END_RE.search(texts[k + 2]))
                    or INTRO_END_RE.search(texts[k + 2])
                    or LABELLED_RE.match(texts[k + 2])
                )
                # A heading, or an entry's question ("16:40" / "What does an amber warning
                # mean?" / "An amber warning means ...").
                and (is_heading(following) or (word_count(following) <= MAX_ITEM_WORDS and QUESTION_END_RE.search(following) is not None))
            ):
                end = k + 2 if prose[k + 2] else k + 3
            else:
                continue
            if self._is_stamp(texts, k):
                days.append((k, end, "days"))
        if len(days) < 2:
            days = []
        # Day names over items of their own count on their own (MIN_DAY_ITEMS in a row).
        days = sorted(days + self._day_items(texts, prose, {k for k, _, _ in days}))
        if len(days) < 2:
            return []
        # Under a header of other stories or comments ("More news", "Comments"), times over
        # headlines and summaries are a ticker of other stories, not the article's entries.
        # (A header of comments cuts only entries below it, under entries above it: above them
        # all it is the page's button, "Comments" next to the share buttons.)
        # (A header of other stories with a paragraph between it and the entries under it
        # heads none of them: a menu's "Últimas noticias" over the headline, its deck and
        # the live report.)
        first, last = days[0][0], days[-1][0]
        starts = [k for k, _, _ in days]
        limit = next(
            (
                k
                for k in range(last + 1)
                if not prose[k]
                and (
                    k > first
                    if self.is_comment_header(texts[k])
                    else self.is_related_header(texts[k]) and not any(prose[m] for m in range(k + 1, next((d for d in starts if d > k), k + 1)))
                )
            ),
            len(texts),
        )
        days = [day for day in days if day[0] < limit - 1]
        if len(days) < 2:
            return []
        # Between the first entry and the last, a clock time alone stamps an entry too, whatever
        # its entry holds ("18:20" / "Ce drumuri sunt închise?" / "DN2A – Slobozia–Țăndărei" /
        # ...): a live report's entries are stamped alike.
        taken = {k for k, _, _ in days}
        between = [(k, k + 1, "days") for k in range(days[0][0] + 1, days[-1][0]) if k not in taken and not prose[k] and self.is_clock_time(texts[k])]
        # So is the nearest clock time alone above the first entry, over a line that is no
        # paragraph and a paragraph under that: the latest entry, its heading longer than a
        # heading ("14:20" / "Desborde del estero Los Puercos obliga a evacuar a 40 familias en
        # Talca" / a paragraph / ... / "13:05" / ...).
        above = next((k for k in range(days[0][0] - 1, -1, -1) if self.is_clock_time(texts[k])), None)
        if above is not None and above + 2 < days[0][0] and not prose[above] and not prose[above + 1] and prose[above + 2]:
            between.append((above, above + 1, "days"))
        return sorted(days + between) if between else days

    def dated_entries(self, texts: Sequence[str], prose: Sequence[bool], dates: Collection[int], places: Sequence[int]) -> set[int]:
        """Dates between two paragraphs of the text, each next to a short entry of its own,
        ``MIN_DATED_ENTRIES`` different entries or more between the same two paragraphs
        ("Kedves Nyolcadikosok ..." / "2025. október 31." / "A középfokú iskolák ..." /
        "2025. december 5." / "Jelentkezés a központi írásbeli vizsgára" / ... / a paragraph;
        "Lepre" / "8 dicembre 2025" / "Starna" / "30 novembre 2025" / ...): the text's
        deadlines, a schedule or a table of dates. Their positions, with the entries' and the
        clock times' among them. ``dates``: the positions of the lines read as dates;
        ``places``: each line's position in the input (an entry stands next to its date). A
        page's stamp is one date or two, with its reading time; a post's or a comment's stamp
        carries the year and the time; a teaser's headline is longer than an entry, and a
        list of other stories names the same category over each teaser's date."""
        found: set[int] = set()
        if len(dates) < MIN_DATED_ENTRIES:
            return found  # (each entry has its own date)
        inside: list[int] = []
        last_prose: int | None = None
        for i in range(len(texts) + 1):
            if i < len(texts) and not prose[i]:
                if i in dates:
                    inside.append(i)
                continue
            if i < len(texts) and last_prose is not None:
                named: dict[int, int] = {}  # date -> its entry
                for k in inside:
                    entry = self._entry_next_to(texts, dates, places, k)
                    if entry is not None:
                        named[k] = entry
                if len({self.lines(texts[n]).key for n in named.values()}) >= MIN_DATED_ENTRIES:
                    first, last = min(named), max(named)
                    found.update(named)
                    found.update(named.values())
                    found.update(k for k in inside if first < k < last and self.is_clock_time(texts[k]))
            if i < len(texts):
                last_prose, inside = i, []
        return found

    def shaped_records(self, texts: Sequence[str], start: int, firsts: Sequence[list[str]] | None = None) -> int | None:
        """Where records of the same shape end that start at ``texts[start]``: ``MIN_SHAPED_RECORDS``
        groups or more of ``P`` lines (``MIN_RECORD_PERIOD`` to ``MAX_RECORD_PERIOD``), whose
        lines at ``MIN_SHAPED_PLACES`` places or more open with the same word in every record,
        not all the same line, and at one place carry a figure in every record, no time counted
        back ("Aviso laranja – precipitação" / the districts / "Entre as 03h00 e as 15h00 ..." /
        "Aviso laranja – vento" / ...: a warning's list by kind); None if there are none.
        Teasers' categories over their headlines and ages ("News" / a headline / "3 hours
        ago") say the same line again, or count back. ``firsts``: each line's first folded word
        (in a list, empty for none), when the caller has them."""
        if firsts is None:
            firsts = self._first_words(texts)
        for period in range(MIN_RECORD_PERIOD, MAX_RECORD_PERIOD + 1):
            most = (len(texts) - start) // period
            if most < MIN_SHAPED_RECORDS:
                break
            # How many records in a row, from the first, open each place with its word.
            runs = []
            for o in range(period):
                word, r = firsts[start + o], 0
                while word and r < most and firsts[start + r * period + o] == word:
                    r += 1
                runs.append(r)
            for records in range(min(most, sorted(runs)[-MIN_SHAPED_PLACES]), MIN_SHAPED_RECORDS - 1, -1):
                places = [[start + r * period + o for r in range(records)] for o in range(period)]
                same = [place for o, place in enumerate(places) if runs[o] >= records and len({self.lines(texts[k]).key for k in place}) > 1]
                # (Different words at those places: a record of two lines read as one of four
                # says the same word twice.)
                if len(same) >= MIN_SHAPED_PLACES and len({firsts[place[0]][0] for place in same}) >= MIN_SHAPED_PLACES and any(
                    all(DIGIT_RE.search(texts[k]) and not self.is_relative_date(texts[k]) for k in place) for place in places
                ):
                    return start + records * period
        return None

    def _first_words(self, texts: Sequence[str]) -> list[list[str]]:
        """Each line's first folded word, in a list (empty for a line without one), read from
        the shared line descriptions (the filters have folded these lines already)."""
        return [self.lines(text).folded.split(maxsplit=1)[:1] for text in texts]

    def records_over(self, texts: Sequence[str], k: int) -> int | None:
        """Where records of the same shape (:meth:`shaped_records`) that hold ``texts[k]``
        end, starting at ``k`` or above it; None if none does."""
        firsts = self._first_words(texts)
        for start in range(k + 1):
            end = self.shaped_records(texts, start, firsts)
            if end is not None and k < end:
                return end
        return None

    def dated_entry_lines(self, texts: Sequence[str], places: Sequence[int]) -> set[int]:
        """:meth:`dated_entries` over the lines read as dates here (no relative date): for a
        filter that asks whether a line said twice is a schedule's or a table's date."""
        prose = [self.lines(text).prose for text in texts]
        dates = {i for i, text in enumerate(texts) if not prose[i] and self.is_date(text) and not self.is_relative_date(text)}
        return self.dated_entries(texts, prose, dates, places)

    def _entry_next_to(self, texts: Sequence[str], dates: Collection[int], places: Sequence[int], k: int) -> int | None:
        """The entry that date ``k`` dates: the short line next to it in the input (above it,
        else under it), no date nor paragraph (``MAX_DATED_ENTRY_WORDS`` words at most); None
        for a post's stamp (the year and the time), a duration ("8 Min", "01:32 min"), or a
        date with no such line next to it, or under a person's name (an author's over a
        teaser's or a post's date)."""
        folded = self.lines(texts[k]).folded
        if (YEAR_RE.search(folded) and TIME_RE.search(YEAR_RE.sub(" ", folded))) or DURATION_RE.search(folded):
            return None
        for n in (k - 1, k + 1):
            if 0 <= n < len(texts) and abs(places[n] - places[k]) == 1 and n not in dates:
                if n < k and names_person(texts[n]):
                    return None  # an author's name over the date: a teaser's or a post's stamp
                line = self.lines(texts[n])
                if not line.prose and 0 < line.words <= MAX_DATED_ENTRY_WORDS and not self.is_date(texts[n]):
                    return n
        return None

    def day_groups(self, texts: Sequence[str], prose: Sequence[bool]) -> list[tuple[int, int]]:
        """Dates that name a day without the year, ``MIN_DAY_GROUPS`` or more in calendar order,
        each over ``MIN_GROUP_ITEMS`` to ``MAX_GROUP_ITEMS`` items that are no dates
        ("Perjantai 18.7." / "Sähkömetsä" / "Harmaa Hiekka" / ... / "Lauantai 19.7." / ...), as
        ``(start, end)`` with ``end`` exclusive: a programme by day, its days and its items. A
        list of other stories runs newest first; posts carry the year."""
        n = len(texts)
        heads = [
            k
            for k, text in enumerate(texts)
            if not prose[k]
            and len(text) <= MAX_DAY_NAME_CHARS
            and any(map(str.isdigit, text))
            and YEAR_RE.search(text) is None
            and self.is_date(text)
            and self._is_day(text)  # not a duration ("2:38 min" over a video's teaser)
            and not self.is_relative_date(text)
        ]
        runs: list[tuple[int, int]] = []
        chain: list[int] = []
        for h, k in enumerate(heads):
            nxt = heads[h + 1] if h + 1 < len(heads) else n
            end = k + 1
            # (An act's time among them: "Domingo 24 de agosto" / "12:00 h." / "Misa solemne".)
            while end < min(nxt, k + 1 + MAX_GROUP_ITEMS) and _is_item(texts[end], prose[end]) and (not self.is_date(texts[end]) or self.is_clock_time(texts[end])):
                end += 1
            grouped = MIN_GROUP_ITEMS <= end - k - 1
            if grouped:
                chain.append(k)
            if not grouped or end < nxt or nxt == n:  # the chain ends with this day's group (or before it)
                if len(chain) >= MIN_DAY_GROUPS:
                    days = [int(DIGITS_RE.search(texts[d]).group()) for d in chain]  # type: ignore[union-attr]
                    if all(a <= b for a, b in zip(days, days[1:])) and len(set(days)) == len(days):
                        runs.append((chain[0], end if grouped else k))
                chain = []
        return runs + self._labelled_day_groups(texts, prose, heads) + self._daily_entries(texts, prose, heads)

    def _daily_entries(self, texts: Sequence[str], prose: Sequence[bool], heads: Sequence[int]) -> list[tuple[int, int]]:
        """Days that follow each other in the calendar, ``MIN_DAY_GROUPS`` or more, each right
        over one to ``MAX_DAY_ITEM_LINES`` items that are no dates, up to the next day ("Lunedì
        19 maggio" / "Farmacia Comunale n. 3 – Via Sarzanese 212" / "Martedì 20 maggio" /
        ...): a rota or a programme with one entry a day. Teasers' dates run newest first and
        skip days; a day that follows the one before is said by whoever lists the week."""
        runs: list[tuple[int, int]] = []
        chain: list[tuple[int, int, int]] = []  # (day's line, end of its items, day of the month)

        def close() -> None:
            if len(chain) >= MIN_DAY_GROUPS:
                # (The last day holds as many items as the fewest another holds: what runs on
                # under it is the page's.)
                fewest = min(end - d for d, end, _ in chain[:-1])
                last, end, _ = chain[-1]
                runs.append((chain[0][0], min(end, last + fewest)))
            chain.clear()

        for h, k in enumerate(heads):
            end = self._items_under(texts, prose, heads, h, MAX_DAY_ITEM_LINES)
            day = int(DIGITS_RE.search(texts[k]).group())  # type: ignore[union-attr]
            if chain and not (chain[-1][1] == k and day in (chain[-1][2] + 1, 1)):
                close()
            if end == k + 1:
                close()
                continue
            chain.append((k, end, day))
        close()
        return runs

    def _items_under(self, texts: Sequence[str], prose: Sequence[bool], heads: Sequence[int], h: int, most: int) -> int:
        """Where the items under day ``heads[h]`` end: short lines that are no dates, up to the
        next day and ``most`` of them at most."""
        k = heads[h]
        nxt = heads[h + 1] if h + 1 < len(heads) else len(texts)
        end = k + 1
        while end < min(nxt, k + 1 + most) and _is_item(texts[end], prose[end]) and not self.is_date(texts[end]):
            end += 1
        return end

    def _labelled_day_groups(self, texts: Sequence[str], prose: Sequence[bool], heads: Sequence[int]) -> list[tuple[int, int]]:
        """Two days or more in calendar order, each over a group of items that holds the same
        labels as the others ("Samedi 2 août" / "Scène Bâbord" / "Angèle" / ... / "Scène
        Tribord" / ... / "Dimanche 3 août" / "Scène Bâbord" / ...): a festival's line-up by
        day and stage, however many acts. The labels said under every day are the evidence;
        each group runs to the next day, items only (``MAX_LABELLED_GROUP_ITEMS`` at most)."""
        runs: list[tuple[int, int]] = []
        chain: list[tuple[int, int]] = []  # (day, end of its group)

        def close() -> None:
            if len(chain) >= MIN_LABELLED_DAYS:
                days = [int(DIGITS_RE.search(texts[d]).group()) for d, _ in chain]  # type: ignore[union-attr]
                groups = [{texts[k] for k in range(d + 1, end) if word_count(texts[k]) <= MAX_GROUP_LABEL_WORDS} for d, end in chain]
                shared = set.intersection(*groups)
                if shared and all(a < b for a, b in zip(days, days[1:])):
                    runs.append((chain[0][0], chain[-1][1]))
            chain.clear()

        for h, k in enumerate(heads):
            nxt = heads[h + 1] if h + 1 < len(heads) else len(texts)
            end = self._items_under(texts, prose, heads, h, MAX_LABELLED_GROUP_ITEMS)
            if end - k - 1 >= MIN_GROUP_ITEMS:
                chain.append((k, end))
            if end - k - 1 < MIN_GROUP_ITEMS or end < nxt:
                close()
        close()
        return runs

    def _day_items(self, texts: Sequence[str], prose: Sequence[bool], taken: Collection[int]) -> list[tuple[int, int, str]]:
        """Day names or clock times each over one line of their own, ``MIN_DAY_ITEMS`` times or
        more in a row ("Måndag" / "Krämig laxsoppa med dill" / "Tisdag" / "Pannbiff med lök";
        "18:00 Uhr" / "Eröffnung, Bühne Rathaus" / "19:00 Uhr" / "Stadtkapelle"): a week's
        menu or a day's programme, whatever the items are (``taken``: days already found).
        The date right above such a chain of times is its day ("Freitag, 12. Juli")."""
        n = len(texts)
        # A day name or a time is a short line (three date words at most): the length test
        # spares the lookup on most lines.
        day = [len(text) <= MAX_DAY_NAME_CHARS and not p and (self.is_day_name(text) or self.is_clock_time(text)) for text, p in zip(texts, prose)]
        found: list[tuple[int, int, str]] = []
        end = 0  # where the last chain of pairs ended
        for k in (k for k, d in enumerate(day) if d and k >= end):
            # Groups of a day and the same number of items from k on, one item each first
            # ("Måndag" / "Köttbullar med potatismos" / "Vegetariskt: Bönbullar" / "Tisdag" /
            # ...: two each, the same shape of cells every day).
            chains = []
            for size in range(2, MAX_DAY_ITEM_LINES + 2):
                m = k
                while m + size <= n and day[m] and not any((prose[e] and STATEMENT_END_RE.search(texts[e])) or day[e] for e in range(m + 1, m + size)):
                    m += size
                chains.append((m, size))
            m, size = next(((m, size) for m, size in chains if (m - k) // size >= MIN_DAY_ITEMS), chains[0])
            if (m - k) // size >= MIN_DAY_ITEMS:
                groups = [(d, d + size) for d in range(k, m, size)]
            else:
                # Or each day over as many items as it has ("Lundi" / four dishes / "Mardi" /
                # five / "Jeudi" / ...: a school's menu), the days all different.
                groups = self._day_groups_unequal(texts, prose, day, k)
                m = groups[-1][1] if groups else m
            if groups:
                found += [(d, e, "days") for d, e in groups if d not in taken]
                if k > 0 and not prose[k - 1] and k - 1 not in taken and self.is_date(texts[k - 1]) and not self.is_relative_date(texts[k - 1]):
                    found.append((k - 1, k, "days"))
            end = m
        return found

    def _day_groups_unequal(self, texts: Sequence[str], prose: Sequence[bool], day: Sequence[bool], k: int) -> list[tuple[int, int]]:
        """From day ``k`` on, each day name or clock time over one to ``MAX_DAY_GROUP_ITEMS``
        short lines of its own (no statement, no day), ``MIN_DAY_ITEMS`` days or more in a
        row, each said once: a week's menu or a day's programme whose days hold more or fewer
        items. Said once, they are no row of tabs ("Montag" / "Dienstag" / ... with nothing
        under them) and no archive of posts by weekday. ``[(start, end), ...]``, or none."""
        n = len(texts)

        def item(e: int) -> bool:
            return not day[e] and not (prose[e] and STATEMENT_END_RE.search(texts[e]))

        groups: list[tuple[int, int]] = []
        seen: set[str] = set()
        d = k
        while d < n and day[d] and (key := self.lines(texts[d]).key) not in seen:
            e = d + 1
            while e < n and e - d - 1 < MAX_DAY_GROUP_ITEMS and item(e):
                e += 1
            if e == d + 1 or (e < n and item(e)):
                break  # no item, or more than a day holds
            seen.add(key)
            groups.append((d, e))
            d = e
        if len(groups) < MIN_DAY_ITEMS:
            return []
        # The last day holds no more items than the most another holds: what runs on under
        # it is the page's.
        most = max(e - d for d, e in groups[:-1])
        last, end = groups[-1]
        groups[-1] = (last, min(end, last + most))
        return groups

    def _timeline(self, texts: Sequence[str], prose: Sequence[bool]) -> list[tuple[int, int, str]]:
        """The dates of a timeline, each line a ``(k, k + 1, "days")`` run: a date with its year
        or a year alone, each right over a statement ("1887" / "A wooden trestle bridge is built
        ..." / "April 11, 1923" / "Spring flood destroys the old trestle ..."), in a row whose
        years never fall: ``MIN_TIMELINE_ENTRIES`` or more over ``MIN_TIMELINE_YEARS`` years or
        more, or ``MIN_MONTHLY_ENTRIES`` or more over two years or more, some a month without its
        day (an affair's months: "Dec. 2024" / "Jan. 9, 2025" / "Feb. 28, 2025"). A page's
        dateline is one date; a list of posts runs newest first, and teasers' and readers'
        comments' dates say their day."""
        entries: list[tuple[int, int, bool]] = []  # (line, year, a month or a year without its day)
        for k in range(len(texts) - 1):
            text = texts[k]
            if prose[k] or len(text) > MAX_DAY_NAME_CHARS or STATEMENT_END_RE.search(texts[k + 1]) is None:
                continue
            year = TIMELINE_YEAR_RE.search(text)
            if year is not None and (text.strip() == year.group() or (self.is_date(text) and not self.is_relative_date(text))):
                entries.append((k, int(year.group()), all(len(number) >= 3 for number in DIGITS_RE.findall(text))))
        found: list[tuple[int, int, str]] = []
        chain: list[tuple[int, int, bool]] = []
        for entry in [*entries, (len(texts), -1, False)]:  # (a last entry that ends the last chain)
            if chain and entry[1] < chain[-1][1]:
                years = [year for _, year, _ in chain]
                # Over years, or an affair's months over two years or more, some said without
                # their day (teasers' and comments' dates carry it).
                if (len(chain) >= MIN_TIMELINE_ENTRIES and years[-1] - years[0] >= MIN_TIMELINE_YEARS) or (
                    len(chain) >= MIN_MONTHLY_ENTRIES and years[-1] > years[0] and any(monthly for _, _, monthly in chain)
                ):
                    found.extend((k, k + 1, "days") for k, _, _ in chain)
                chain = []
            chain.append(entry)
        return found

    def _is_stamp(self, texts: Sequence[str], k: int) -> bool:
        """Line ``k`` (over a statement) names the day or the time of what follows: a day
        name ("Maandag"), a clock time ("16:05"), or, between two statements, a day of the
        calendar without a year or a time ("... in città." / "Venerdì 12 aprile" / "Jazz al
        Castello, ore 21."; a teaser's or a post's date has them: "14 septembre 2019",
        "Heute, 07:09 Uhr"); never a date that counts back from now."""
        text = texts[k]
        if self.is_day_name(text) or self.is_clock_time(text):
            return True
        return (
            k > 0
            and STATEMENT_END_RE.search(texts[k - 1]) is not None
            and self.is_date(text)
            and not self.is_relative_date(text)
            and not YEAR_OR_TIME_RE.search(self.lines(text).folded)
        )

    def _groups_rows(self, texts: Sequence[str], k: int, rows: Sequence[int], dates: Collection[int] = ()) -> bool:
        """Is line ``k``, right above a table, a day heading like those between its rows: a
        line of date words alone ("Freitag" over the first results when "Samstag" and
        "Sonntag" stand over the next), or a day's date among ``dates`` ("Samstag, 6. Juni"
        over the first services when "Sonntag, 7. Juni" stands over the next)?"""

        def heads(m: int) -> bool:
            return self.is_day_name(texts[m]) or (m in dates and self._is_day(texts[m]))

        if not heads(k):
            return False
        return any(heads(m) for m in range(rows[0] + 1, rows[-1]))

    def is_day_name(self, text: str) -> bool:
        """A line of date words alone, three at most ("Freitag", "Maandag", "Sunday night");
        remembered per line, as every structured_runs call asks it of every short line."""

        def day_name() -> bool:
            tokens = TOKEN_RE.findall(self.lines(text).folded)
            return 0 < len(tokens) <= 3 and all(t.rstrip(".") in self._date_words for t in tokens)

        return self.lines.answer("day_name", text, day_name)

    def is_clock_time(self, text: str) -> bool:
        """A clock time alone ("16:05", "15.59 Uhr", "3:47 PM"), perhaps after a word or two
        that say "at" (date words: "ore 15.00", "kl. 18.30", "a las 20:00"): over a
        statement, the stamp of a live report's entry or a programme's."""
        if len(text) > 20:
            return False
        # (An abbreviation's full stop closes it: "20:00 h.")
        folded = self.lines(text).folded.strip().rstrip(".")
        if CLOCK_TIME_RE.fullmatch(folded) is not None:
            return True
        words = folded.split()
        for lead in (1, 2):
            if len(words) > lead and all(w in self.date_words and not any(map(str.isdigit, w)) for w in words[:lead]):
                if CLOCK_TIME_RE.fullmatch(" ".join(words[lead:])) is not None:
                    return True
        return False

    def _list_end(self, texts: Sequence[str], k: int, limit: int) -> int:
        """Where a list introduced above line ``k`` ends: where the page's own words begin
        (a menu: two section labels in a row, or one as the last line), or at ``limit``. An
        item may be a section's word ("Prioritetna područja:" / "sport i rekreacija" /
        "kultura" / "socijalna skrb i zdravstvo" / ...)."""
        while k < limit and not (self._is_label(texts[k]) and (k + 1 >= limit or self._is_label(texts[k + 1]))):
            k += 1
        return k

    def is_related_header(self, text: str) -> bool:
        """A header over other stories ("Related stories", "Mehr Tests"; vocabulary
        ``related_headers``)."""
        return len(text) <= MAX_HEADER_CHARS and self.lines.is_phrase("related_headers", self.lines(text))

    def is_comment_header(self, text: str) -> bool:
        """A header over readers' comments (vocabulary ``comment_headers``)."""
        return len(text) <= MAX_HEADER_CHARS and self.lines.is_phrase("comment_headers", self.lines(text))

    def _opens_other_stories(self, text: str) -> bool:
        """A header over other stories or readers' comments: a list of the article's own
        ends above it."""
        return self.is_related_header(text) or self.is_comment_header(text)

    def _is_label(self, text: str) -> bool:
        return len(text) <= 60 and self.lines.is_phrase("section_labels", self.lines(text))

    @staticmethod
    def _is_cell(texts: Sequence[str], k: int, start: int, end: int) -> bool:
        """A bare integer in a run is a table cell ("393" points), unless it continues a
        count with the integer next to it ("1", "2", "3": page numbers)."""
        number = _integer(texts[k])
        if number is None:
            return False
        before = _integer(texts[k - 1]) if k > start else None
        after = _integer(texts[k + 1]) if k + 1 < end else None
        return before != number - 1 and after != number + 1

    def _is_figure(self, text: str) -> bool:
        """A table's figure: data, a bare integer ("4" semesters, "17" spans) or a range of
        days ("8 april – 14 juni")."""
        if self.is_data(text) or _integer(text) is not None:
            return True
        return DIGITS_RE.search(text) is not None and self.is_date_range(text)

    def label_rows(self, texts: Sequence[str], start: int, first: int) -> bool:
        """Are the lines from ``start`` to ``first`` rows of a label and its value, as the
        table at ``first`` opens ("Modulnummer" / "UI-204" / "Studiengang" / "B.Sc.
        Umweltingenieurwesen" over "Semester" / "4" / "ECTS-Punkte" / "6"): whole rows,
        ``MAX_LABEL_ROWS`` at most, each label a column's name in shape and no figure, each
        value a short cell (:func:`_is_value_cell`); the values above need no figure
        ("Carries" / "Ashby–Fenwick Railway (former)" over "Length" / "412 m")."""
        rows, odd = divmod(first - start, 2)
        if odd or not 0 < rows <= MAX_LABEL_ROWS or first + 1 >= len(texts):
            return False
        if not (_is_header_cell(texts[first]) and self._is_figure(texts[first + 1])):
            return False
        # (A label may hold a code here: a line with its own label and value opens the rows,
        # "Kursnummer 24B-3110" over "Termin" / "Sa, 12.10. und So, 13.10." / ...)
        for k in range(start, first, 2):
            label = texts[k]
            if not _is_header_cell(label) or label.rstrip().endswith(":") or self.is_data(label) or not _is_value_cell(texts[k + 1]):
                return False
        return True

    def _label_values(self, texts: Sequence[str], start: int, end: int) -> list[tuple[int, int, str]]:
        """Rows of a label and its value, one cell per line, ``MIN_LABEL_VALUE_ROWS`` or more:
        each label a column's name in shape without a figure, told apart from the others,
        each value a short cell, and figures in ``MIN_LABEL_VALUE_FIGURES`` values at least
        (or labels of a fact box: "Director" / "Hannah Pryce" / "Running time" / "1h 47min")
        and in no label (an infobox: "Population" / "812 (2021 census)" / "OS grid
        reference" / "ST 592 421" / "Region" / "South West" / ...; a menu has no figures)."""
        found: list[tuple[int, int, str]] = []
        if end - start < 2 * MIN_LABEL_VALUE_ROWS:
            return found
        # Where a run that failed ended, per parity: a later start inside it fails too (it
        # has no more figures nor rows), so each line is read once or twice.
        failed = [start, start]
        k = start
        while k + 1 < end:
            if k < failed[k % 2]:
                k += 1
                continue
            m, labels, figured = k, set(), []
            while m + 1 < end and _is_label_cell(texts[m]) and texts[m] not in labels and _is_value_cell(texts[m + 1]):
                labels.add(texts[m])
                value = texts[m + 1]
                # (a date is no figure here: a byline over the page's date is no row; a label of
                # a review's or a listing's fact box, vocabulary ``fact_labels``, counts as one:
                # "Director" / "Hannah Pryce" / "Cast" / ...)
                if (self._is_figure(value) and not self.is_date(value)) or self.lines.is_phrase("fact_labels", self.lines(texts[m])):
                    figured.append(m)
                m += 2
            # The table starts at its first row with a figure: rows above it may be a menu's
            # links two by two ("Studium" / "Forschung").
            if len(figured) >= MIN_LABEL_VALUE_FIGURES and (m - figured[0]) // 2 >= MIN_LABEL_VALUE_ROWS:
                found.append((figured[0], m, "data"))
                k = m
            else:
                failed[k % 2] = m
                k += 1
        return found

    def headed_table(self, texts: Sequence[str], i: int, end: int) -> int | None:
        """Where a small table that starts at line ``i`` ends (before ``end``): a header row of
        2 to ``MAX_HEADED_CELLS`` cells without figures (perhaps under a heading), then
        ``MIN_HEADED_ROWS`` rows or more of as many cells with a figure in the same cells of
        every row and in no other ("Koti" / "Vieras" / "Tulos" / "Porin Myrsky" / "Vaasan
        Viikingit" / "2–1" / ...); or, without a header row, ``MIN_TABLE_ROWS`` such rows
        that start with a name (cards: "Einzelzimmer" / "Etagenbad" / "ab 48 € / Nacht" /
        ...). Cells are lines of ``MAX_HEADED_CELL_WORDS`` words at most without a sentence
        end. None if there is none."""
        reach = min(end, i + MAX_HEADED_LINES)
        data: list[bool] = []
        # The first line is a heading, not a cell: too long for one, or closed as a sentence
        # or by a bracket ("Tabelle Kreisliga A (Auszug)").
        titled = False
        for k, text in enumerate(texts[i:reach]):
            is_data = self._is_figure(text)
            if not is_data:
                line = self.lines(text)
                # (One word closed by a full stop is an abbreviated cell: "Pos.", "Nr.")
                if (line.sentence_end and line.words > 1) or line.words > MAX_HEADED_CELL_WORDS:
                    if k > 0 or not is_heading(text):
                        break
                    titled = True
            data.append(is_data)
        if not any(data):
            return None  # a menu: no figures at all
        for heading in (1,) if titled else (0, 1):
            for n in range(2, MAX_HEADED_CELLS + 1):
                # With a header row of n cells, or without one: then MIN_TABLE_ROWS rows, or
                # MIN_HEADED_ROWS of three cells or more under a heading ("Ergebnisse 6.
                # Spieltag" / "TSV Grünwalde" / "SV Altheim" / "3:1" / ...).
                least_bare = MIN_HEADED_ROWS if heading and n >= MIN_HEADED_ROW_CELLS else MIN_TABLE_ROWS
                for first, least in ((heading + n, MIN_HEADED_ROWS), (heading, least_bare)):
                    # A heading over a header row may hold a figure ("Classificação – 10 km
                    # masculinos" / "Pos." / "Atleta" / "Clube" / "Tempo" / "1.º" / ...).
                    over_header = heading and first > heading and is_heading(texts[i])
                    if first + n * least > len(data) or any(data[1 if over_header else 0 : first]):
                        continue
                    shape = data[first : first + n]
                    if not any(shape) or (first == heading and shape[0]):
                        continue  # a row starts with its name, not a figure
                    rows = 1
                    while first + (rows + 1) * n <= len(data) and (
                        data[first + rows * n : first + (rows + 1) * n] == shape or self._numbers_on(texts, i + first, n, rows)
                    ):
                        rows += 1
                    if rows >= least:
                        return i + first + rows * n
        return None

    def named_table(self, texts: Sequence[str], i: int, end: int) -> int | None:
        """Where a small table of figures (:meth:`headed_table`) that starts at line ``i`` with
        a header row of ``MIN_NAMED_COLUMNS`` columns' names or more ends ("Asignatura" /
        "Fecha" / "Hora" / "Aula" / "Prehistoria II" / "26/05/2025" / "10:00" / "Aula 104" /
        ...): names of one capitalised word of two letters or more each, all different (a
        calendar's "M" / "D" / "M" / ... names no column). None if there is none."""
        header = list(texts[i : i + MIN_NAMED_COLUMNS])
        if len(header) < MIN_NAMED_COLUMNS or len(set(header)) < len(header) or not all(_is_column_name(c) and len(c.strip()) >= 2 for c in header):
            return None
        return self.headed_table(texts, i, end)

    @staticmethod
    def _numbers_on(texts: Sequence[str], start: int, n: int, rows: int) -> bool:
        """Does the row after ``rows`` rows of ``n`` cells from ``start`` go on numbering them by
        a label in its first cell, whatever its other cells hold ("Fase 3" / "Kerkplein" / "2
        september – 18 oktober" over "Fase 4" / "Afwerking ..." / "21 oktober – eind
        november")?"""
        last = NUMBERED_LABEL_RE.fullmatch(texts[start + (rows - 1) * n].strip())
        after = NUMBERED_LABEL_RE.fullmatch(texts[start + rows * n].strip())
        return last is not None and after is not None and last.group(1) == after.group(1) and int(after.group(2)) == int(last.group(2)) + 1

    def structured_runs(
        self,
        texts: Sequence[str],
        prose: Sequence[bool],
        *,
        min_share: float = MIN_DATA_SHARE,
        max_list: int = MAX_LIST,
        dates: Collection[int] = (),
        near: Collection[int] | None = None,
    ) -> list[tuple[int, int, str]]:
        """Runs of non-prose lines that are the article's structure, as ``(start, end, why)``
        with ``end`` exclusive:

        - ``"data"``: at least ``min_share`` of the run's lines (and two of them) carry data
          (:meth:`is_data`): a table, a schedule, an ingredient list, specs; the run's other
          lines (cell labels, day headings) go with it;
        - ``"entries"``: two or more "Label: value" entries in a row;
        - ``"list"``: the short lines under a paragraph that ends in a colon, or under a line
          ending in a colon right below a paragraph (at most ``max_list``);
        - ``"interview"``: a question asked again and again, with the answers between;
        - ``"list"`` too: the short lines under a list heading of the vocabulary ("Pros",
          "Zutaten", "Ingrédients", "Zalety"), wherever it sits;
        - ``"days"``: days or clock times, each over a statement of its own ("Maandag" /
          "Zonnig en droog." / "Dinsdag" / "Veel zon."; "16:05" / "Crews have reconnected
          12,000 homes."), two of them at least: a forecast or a programme by day, the
          entries of a live report.

        ``dates``: positions of lines another judge found to be dates ("Freitag, 15. März"),
        data of a schedule as much as its times. ``near``: positions of the only lines the
        caller asks about; a stretch of non-prose lines that holds none of them is not
        classified (days are found over the whole text all the same).

        >>> shapes = Lines(Vocabulary({})).shapes
        >>> texts = ["Sie brauchen nur drei Dinge, die jeder im Haus hat:", "Mehl", "Zucker", "Eier", "Rühren Sie alles gut um, bis ein glatter Teig entsteht."]
        >>> shapes.structured_runs(texts, [True, False, False, False, True])
        [(1, 4, 'list')]
        """
        out: list[tuple[int, int, str]] = []
        n = len(texts)
        dates = dates if isinstance(dates, (set, frozenset)) else set(dates)
        for i, j in _stretches(prose, near):
            out.extend(self._classify_run(texts, i, j, min_share, max_list, dates, after_prose=i > 0, before_prose=j < n))
            out.extend(self._headed_lists(texts, i, j))
            out.extend(self._label_values(texts, i, j))
            out.extend(_glosses(texts, i, j))
            out.extend(_figure_rows(texts, i, j))
            out.extend(_priced_pairs(texts, i, j))
            out.extend(_slot_rows(texts, i, j))
            out.extend(_numbered_items(texts, i, j))
            out.extend(_semicolon_items(texts, i, j))
        return out + self._days(texts, prose) + self._timeline(texts, prose) + _answered_questions(texts)

    def _classify_run(
        self,
        texts: Sequence[str],
        start: int,
        end: int,
        min_share: float,
        max_list: int,
        dates: Collection[int],
        *,
        after_prose: bool,
        before_prose: bool,
    ) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        # Data lines with at most ``MAX_CELL_GAP`` other lines (cell labels, day headings)
        # between them form a table; a line or two above it that opens the run under a
        # paragraph ("Playoff schedule", "Saturday") head it, and a line or two under it
        # that close the run above a paragraph are its last rows ("Mandelsplitter").
        data = [k for k in range(start, end) if k in dates or self.is_data(texts[k]) or self._is_cell(texts, k, start, end)]
        g = 0
        while g < len(data):
            h = g
            while h + 1 < len(data) and data[h + 1] - data[h] <= MAX_CELL_GAP + 1:
                h += 1
            following = h + 1
            # A day (not a time or a duration such as "60 min") is a schedule's heading
            # between its figures, not a table's edge (the date under a headline).
            # (Days named before their dates, ``MIN_NAMED_DAYS`` or more, are rows: "Easter
            # Sunday – April 20" in a list of holidays.)
            named = sum(1 for k in data[g : h + 1] if k in dates and self.is_named_day(texts[k])) >= MIN_NAMED_DAYS
            while g < h and data[g] in dates and self._is_day(texts[data[g]]) and not (named and self.is_named_day(texts[data[g]])):
                g += 1
            while h > g and data[h] in dates and self._is_day(texts[data[h]]) and not (named and self.is_named_day(texts[data[h]])):
                h -= 1
            first, last = data[g], data[h]
            # Dense with figures, or one figure in the same cell of each of several rows
            # ("AD", "29,5%", "79 deputados"): a repeated shape of cells.
            dense = (h - g + 1) >= min_share * (last - first + 1)
            if not dense and h - g + 1 >= 2 * MIN_TABLE_ROWS and (step := _period(data[g : h + 1])) is not None:
                # Rows of a fixed length with two figures or more each ("1." / name / team /
                # "4h12'37\""; "2." / ... / "à 24\""): a table, a heading between its parts
                # ("Classement général") or not.
                dense = (h - g + 1) * step >= 2 * (last - first + 1) - step
            if h > g and (dense or self._sparse_table(texts, data[g : h + 1], start, end)):
                period = _period(data[g : h + 1])
                # A table under another one is headed as one under a paragraph ("Tabulka" /
                # "Pořadí" / "Tým" / "B" under the round's results).
                top = found[-1][1] if found else start
                if (after_prose or top > start) and (self._heads_table(texts, top, first, period) or self._header_under(texts, top, first, data[g : h + 1])):
                    first = top  # the heading and the header row above the first figures
                elif (above := _statement_above(texts, top, first)) is not None and _header_row(texts, above + 1, first, period or _step(data[g : h + 1])):
                    first = above + 1  # a heading and a header row under a sentence (not a paragraph)
                elif first > start and self._groups_rows(texts, first - 1, data[g : h + 1], dates):
                    first -= 1  # "Freitag" over the first results, as "Samstag" over the next
                elif first > start and _labels_value(texts, first - 1, set(data[g : h + 1])):
                    first -= 1  # the first row's label ("Kaufpreis" over "489.000 €", as "Wohnfläche" over "148 m²")
                if before_prose and end - 1 - last <= MAX_CELL_GAP:
                    last = end - 1  # the table's last rows run on to the next paragraph
                else:
                    last = self._row_end(texts, period, data[g : h + 1], end)
                found.append((first, last + 1, "data"))
            g = following
        if found:
            # A line under a table that ends in a colon ("Adres:") introduces more of the
            # article's own lines, as one under a paragraph does.
            for _, table_end, _ in list(found):
                if table_end < end and is_intro(texts[table_end]):
                    m = self._list_end(texts, table_end + 1, min(end, table_end + 1 + max_list))
                    if m > table_end + 1:
                        found.append((table_end, m, "list"))
            # The paragraph above ends in a colon, or the run opens with such a line: the lines
            # under it, down to the first table, are the list it introduces ("... mediante a
            # apresentação de:" / "Cartão de Cidadão ..." / ... over the table of fees;
            # "Folgende umweltbezogene Informationen sind verfügbar:" over the documents, over
            # the notice's signature and its appendices).
            intro, k = _introduced(texts, start, end) if after_prose else (None, start)
            first_table = min(a for a, _, _ in found)
            if intro is not None and first_table > k:
                m = self._list_end(texts, k, min(first_table, k + max_list))
                if m > k:
                    # With the introducing line when it opens the run (one of the article's
                    # lines too, not a table's heading).
                    found.append((max(intro, start), m, "list"))
            # "Label: value" entries around the figures ("Rating: 4/5" over "Price: $249").
            return found + self._under_entries(texts, start, end, max_list, found) + _entries(texts, start, end)
        # A question asked again and again; a refrain repeated under the line that
        # introduces the verses ("... a refrain the whole room joins:") is a list too.
        found.extend(self._interviews(texts, start, end))
        interviews = bool(found)
        k = start
        if after_prose:
            # The paragraph above ends in a colon, or the run opens with such a line.
            intro, k = _introduced(texts, start, end)
            if intro is not None:
                m = self._list_end(texts, k, min(end, k + max_list))
                if m > k:
                    found.append((max(intro + 1, start), m, "list"))
                k = max(k, m)
            elif before_prose and _answer_items(texts, start, end) == end and not any(map(self._opens_other_stories, texts[start + 1 : end])):
                # A question of the text's that opens a run between its paragraphs over
                # short items and no question among them: the list that answers it ("Welche
                # Dienste unterstützen Passkeys?" / "Google" / "Apple" / ... / "Fazit" over
                # the next paragraph); not a teaser's question over the comments' header.
                m = self._list_end(texts, start + 1, min(end, start + 1 + max_list))
                if m > start + 1:
                    found.append((start, m, "list"))
                k = max(k, m)
        while k < end and not interviews:
            if k > start and is_intro(texts[k]) and _is_statement(texts[k - 1]):
                # A line ending in a colon under a sentence introduces what follows, as one
                # under a paragraph does ("Press contact:" under the company's profile).
                m = self._list_end(texts, k + 1, min(end, k + 1 + max_list))
                if m > k + 1:
                    found.append((k, m, "list"))
                    k = m
                    continue
            k += 1
        return found if interviews else found + self._under_entries(texts, start, end, max_list, found) + _entries(texts, start, end)

    def _under_entries(self, texts: Sequence[str], start: int, end: int, max_list: int, found: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The lists introduced by a line ending in a colon right under two "Label: value"
        entries or more ("Režie: Jakub Novotný" / "Dramaturgie: Kateřina Veselá" / "Hrají:" /
        the cast, each role and its actor), down to a table found below (``found``)."""
        lists: list[tuple[int, int, str]] = []
        for k in range(start + 2, end - 1):
            if is_intro(texts[k]) and _record_entry(texts[k - 2]) and _record_entry(texts[k - 1]) and ":" not in texts[k + 1]:
                limit = min([end, k + 1 + max_list, *(a for a, _, _ in found if a > k)])
                m = self._list_end(texts, k + 1, limit)
                if m > k + 1:
                    lists.append((k, m, "list"))
        return lists
