"""Bylines ("By Jane Doe", "Par Marie Dupont") and datelines ("Updated 3:42 PM EDT")."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleaner.document import Block, Document, Removal
from cleaner import reasons
from cleaner.filters._common import MIN_DAY_TABLE_ROWS, NAME_CONNECTORS, box_neighbours, crosses_removed, days_twice_at_most, event_time, run_of_neighbours, runs_of
from cleaner.filters.base import BlockFilter
from cleaner.lines import CLOCK_LED_RE, DAY_FIGURES_RE, DIGITS_RE, LABELLED_RE, LETTER_RE, LIFE_DATES_RE, MAX_EVENT_ENTRY_LINES, MAX_EVENT_LINES, MAX_ISSUER_WORDS, MAX_NAME_WORDS, MAX_SIGNERS, NUMERIC_DATE_RE, QUESTION_END_RE, REMARK_END_RE, TIME_CELLS_RE, TIME_RANGE_RE, TIME_RE, TOKEN_RE, YEAR_OR_TIME_RE, YEAR_RE, Lines, bar_rows, crumb_items, is_intro, is_slot, names_people, names_person
from cleaner.patterns import ends_sentence, fold, is_name_token, word_count
from cleaner.vocabulary import Vocabulary

__all__ = ["Bylines"]

# Days each over an entry led by its time that make a schedule.
MIN_TIMED_DAYS = 2
# A date written as a sentence ends in a figure and a full stop ("Den 31. december 2024.";
# "4 Min." is an abbreviation).
DATE_SENTENCE_END_RE = regex.compile(r"\d[.。]\s*$")

LEAD_SEPARATOR_RE = regex.compile(r"^[\s:|\-–—]*")
# A byline names a person or an agency: "By The Numbers" opens with an article.
ARTICLES = frozenset({"the", "a", "an"})
# An article's length at most ("der", "la", "the", "het").
MAX_ARTICLE_CHARS = 3
BYLINE_TAIL_RE = regex.compile(r"[,;|/•·–—-]|\b(?:and|und|et|y|e|i|en|og|och|ve|и)\b")
# A degree's abbreviation inside a name: "Dr. med. Anja Lorenz", "Dr. rer. nat. Paul Kurz".
DEGREE_RE = regex.compile(r"\p{Ll}{2,4}\.")
# A blog's stamp names the post's categories after its date: "... 2024 in News, Sports".
CATEGORY_TAIL_RE = regex.compile(r"\s+(?:in|im|en|dans|em|na|w|i)\s+[\p{Lu}\p{N}][\p{L}\p{N}&-]*(?:,?\s+[\p{Lu}&][\p{L}&-]*){0,3}\s*$")
# ... or a count of its comments, views or minutes: "... 2024 · 7 Kommentare".
COUNTER_TAIL_RE = regex.compile(r"(?:\s[|·•]\s\d{1,6}\s\p{L}{1,15}\.?)+\s*$")
# A user name in a post's stamp: letters, figures, "_", "." or "-" ("küchenfee_77", "admin").
HANDLE_RE = regex.compile(r"[\p{L}\p{N}_.-]{1,30}")
SEPARATORS = " ,;|•·–—-:"
MAX_STAMP_WORDS = 16
# Cells of a stamp flattened as a row between bars, at most (see Bylines._stamp_row).
MAX_STAMP_CELLS = 4
# What follows a stamp's date after a bar: its categories.
BAR_TAIL_RE = regex.compile(r"\s[|•]\s.*$")
# A page's reference number after a separator, closing a date line ("· ID: 7712903", "| Nr.
# 88123", "– Ref.: A-2231").
REFERENCE_TAIL_RE = regex.compile(r"\s[|·•–-]\s(?:ID|Id|id|Ref\.?|ref\.?|Nr\.?|nr\.?|N\.?º|No\.?)\s?:?\s?[\w-]{1,20}\s*$")
# Items of a menu or a trail of crumbs, not a headline: "Forsiden | Nyheter | Sport".
MENU_SEPARATOR_RE = regex.compile(r"\s[|›»•·>/]\s")
# Lines of clock times alone in a row that make a timetable's cells, at least.
MIN_TIME_ROWS = 4
# Days with their times in a row over the place, at least: an event's performances.
MIN_PERFORMANCES = 2
# Words, for the shape of a row ("Samstag, 22. November 2025, 20.00 Uhr": "a, 0. a 0, 0.0 a").
ROW_SHAPE_RE = regex.compile(r"\p{L}+")
# Dates alone that name a day, in a row, that make a list of dates (a market's or a play's
# next dates), at least: a page's stamp and its update make two.
MIN_DATE_ROWS = 3
# A table of two columns flattened one cell per line: a value under each label, its labels
# of this many words at most ("Autonomie polyvalente" / "19 h 40" / "Recharge complète" /
# "24 min"); a box of other stories has headlines over its dates.
MAX_CELL_LABEL_WORDS = 4
# ... and its values of this many words at most, a value alone (a comment's "Posted: 16:50 8th
# January 2008" under its title is a stamp).
MAX_CELL_VALUE_WORDS = 3
# Words of a timeline's heading at most: a month and its year ("May 2023", "im März 2024").
MAX_MONTH_HEAD_WORDS = 3
# Dates over entries, in calendar order, that make a programme (see Bylines._programme).
MIN_PROGRAMME_DAYS = 4
# A day's number alone with its weekday or month in words ("Friday, February 14"): a day of
# a programme without the year.
ONE_DAY_RE = regex.compile(r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?!\d)")
# Or this many under a heading that names the list ("Program", "Programm"; vocabulary
# ``list_headings``).
MIN_HEADED_PROGRAMME_DAYS = 3
# The month a programme's date names, the word after its (last) day ("sábado 28 de
# septiembre", "Friday 8 November"; not a clock time's "16.00 Uhr") or else before it
# ("November 8"), a date word either way (folded).
MONTH_AFTER_DAY_RE = regex.compile(r"(?<![\d:.])\d{1,2}\.?\s+(?:(?:de|del|di|of)\s+)?(\p{L}{3,})")
MONTH_BEFORE_DAY_RE = regex.compile(r"(\p{L}{3,})\.?\s+\d{1,2}(?!\d)")
# A day's number alone ("Monday 25 December") in a table of days only (``MIN_DAY_TABLE_ROWS``
# lines or more), not a page's stamp and reading time ("2 min"); a count in brackets is none
# ("► June (24)" in a blog's archive).
DAY_NUMBER_RE = regex.compile(r"(?<!\d)\d{1,2}(?!\d)")
# A note in brackets at the end of a line ("Friday 29 March 2024 (Good Friday)").
NOTE_TAIL_RE = regex.compile(r"\s*\([^()]{1,60}\)\s*$")
MAX_STAMP_NAME_WORDS = 4
# A place's name between an author's name and the dateline ("Villanueva de la Serena").
MAX_PLACE_WORDS = 4
# A clock time ("5:12", "11h35") or a day and month in figures ("15.01."); a line holding
# this many of them at least is a schedule's row, not a stamp.
SCHEDULE_TOKEN_RE = regex.compile(r"(?<![\d.:])(?:\d{1,2}[:h]\d{2}|\d{1,2}\.\d{1,2}\.)(?![\d:])")
MIN_SCHEDULE_TOKENS = 3
# A row of show times or opening hours: days named in words, a colon, then clock times alone
# ("Lunes a jueves: 18:00 | 20:30", "Todos los días: 18:15"); rows of this shape under this
# many different labels at least make a programme's times (see Bylines._show_times).
SHOW_TIMES_RE = regex.compile(r"([^\d:|]{2,40}):" + TIME_CELLS_RE.pattern)
MIN_SHOW_TIME_ROWS = 3
# "Label: value" lines next to a labelled byline, neither bylines nor dates, that make it an
# entry of a fact box (see Bylines._in_fact_box).
MIN_FACT_NEIGHBOURS = 3
# A sentence ending in a colon over the date it announces: this many words at least (a
# stamp's label, "Veröffentlicht am:", has a few).
MIN_INTRO_SENTENCE_WORDS = 8
# Lines of one shape, figures aside, that are no dates and make a date of that shape one of
# their values (see Bylines._shaped_as_values), at least; a value's length at most.
MIN_SAME_SHAPE_VALUES = 2
MAX_VALUE_CHARS = 40
# A post's signer and its date, as a social network prints them under the post ("Philippe
# Derbaix – 12 octobre 2024 à 13:27", "Віталій Сидоренко · 2 вересня о 10:14").
POST_SIGNER_RE = regex.compile(r"(?P<name>[^–—·|,\d]{3,60}?)\s*[–—·|,-]\s*\S*\d")
# An account's handle alone on its line, perhaps in brackets after the account's name ("@LancsRoadsPolice",
# "Midwest Traffic (@MidwestTraffic)"): the head of a post the page embeds, as the network prints it.
POST_HANDLE_RE = regex.compile(r"(?:[^@()\d]{1,60}\s)?\(?@[\p{L}\p{N}_.]{1,30}\)?\s*")
# The post's text under its handle, in lines at most.
MAX_POST_LINES = 3
# The first word of a dated title the trail of crumbs above names: this many letters at least.
MIN_TRAIL_WORD_CHARS = 4


# A table's rows flattened one cell per line, with a time slot in the same cell of each: the
# cells of a row at least and at most (see Bylines._time_column).
MIN_TIME_ROW_CELLS, MAX_TIME_ROW_CELLS = 3, 8

# Other records of an event programme at least whose venue line leads as a date's does (see
# Bylines._venue_again).
MIN_VENUE_REPEATS = 2


class Bylines(BlockFilter):
    """Remove byline lines and lines that are only a date or time.

    A byline is a lead-in ("By", "Par", "Von", ...) followed by nothing but names (and
    an agency or role after a comma); "By contrast, ..." or "Par ailleurs, ..." stay.

    >>> doc = Document.from_text("By Jane Doe and John Roe, Reuters\\nUpdated 3:42 PM EDT, April 2, 2024\\nBy contrast, prices fell.")
    >>> [r.reason for r in Bylines().find(doc)]
    ['byline', 'dateline']
    """

    name = "bylines"
    reasons = frozenset({reasons.BYLINE, reasons.DATELINE})
    # Not line-local: a date line inside a table stays, and that depends on its neighbours.
    line_local = False

    def __init__(self, *, vocabulary: Vocabulary | None = None, lines: Lines | None = None, max_words: int = 14) -> None:
        super().__init__(vocabulary=vocabulary, lines=lines)
        self.max_words = max_words
        self._agencies = self.vocabulary.literals("credit_agencies")
        self._lead_words = frozenset(phrase.split()[0] for phrase in self.vocabulary.literals("byline_lead_ins"))

    def judge(self, text: str) -> str | None:
        """``"byline"``, ``"dateline"`` or None; remembered per line (bylines recur on a site)."""
        if len(text) > 200:  # longer than any byline or dateline
            return None
        result: str | None = self.lines.answer(("bylines", self.max_words), text, lambda: self._judge(text))
        return result

    def _judge(self, text: str) -> str | None:
        if self.is_byline(text) or self.is_stamp(text):
            return "byline"
        return "dateline" if self.is_dateline(text) else None

    def is_byline(self, text: str) -> bool:
        if len(text) > 200:
            return False
        if self.lines.is_phrase("byline_patterns", self.lines(text)):
            return True  # e.g. "田中一郎記者": the name comes first
        folded = self.lines(text).folded
        end = self.vocabulary.prefix("byline_lead_ins", folded)
        if end is None:
            return False
        # Skip as many words of the original as the lead-in has (folding can change lengths).
        parts = text.split(maxsplit=len(folded[:end].split()))
        rest = LEAD_SEPARATOR_RE.sub("", parts[-1] if len(parts) > len(folded[:end].split()) else "")
        tokens = TOKEN_RE.findall(rest)
        if not tokens or len(tokens) > self.max_words:
            return False
        if not (is_name_token(tokens[0]) or fold(tokens[0]) in self._agencies):
            return False
        if fold(tokens[0]) in self.lines.shapes.date_words:
            return False  # "By Tuesday, the river had risen"
        if rest[len(tokens[0]) : len(tokens[0]) + 1] == ":":
            return False  # a longer label the lead-in opens ("Author Talk: Priya Raman, ..."), no name
        # Names up to the first comma or bar; a role or agency may follow.
        head = BYLINE_TAIL_RE.split(rest, maxsplit=1)[0]
        name_tokens = TOKEN_RE.findall(head)
        if not name_tokens:
            return False
        lower = [t for t in name_tokens if not is_name_token(t) and t.lower() not in NAME_CONNECTORS and not DEGREE_RE.fullmatch(t)]
        if lower or len(tokens) - len(name_tokens) > 7:
            return False
        agency = fold(head).strip()
        agency = agency.split(" ", 1)[1] if agency.split(" ", 1)[0] in ARTICLES and " " in agency else agency
        if agency not in self._agencies and not self._names_someone(name_tokens):
            return False  # "By The Numbers", "By Design": a subheading
        return not rest.rstrip().endswith(("?", "!"))

    def is_stamp(self, text: str) -> bool:
        """A post's stamp: a lead-in and a name with a date before or after it, perhaps the
        post's categories ("Posted by admin on March 3, 2024 in News", "Publié le 3 mars
        2024 par Marie Dupont", "Von küchenfee_77 · 14.02.2023"). The date is the evidence
        that lets the name be a user name; before the lead-in stands nothing but date words
        ("Posted", "Gepostet"), so "Trial by Jury set for March 3" is not one."""
        words = text.split()
        if len(words) > MAX_STAMP_WORDS or not any(map(str.isdigit, text)):
            return False
        shapes = self.lines.shapes
        if "|" in text and self._stamp_row(text):
            return True
        date_words = shapes.date_words
        # The line's folded words (folded once per line), word by word where folding
        # changed their count.
        folded = self.lines(text).folded.split()
        if len(folded) != len(words):
            folded = [fold(word) for word in words]
        if self._lead_words.isdisjoint(folded):
            return False
        for k, word in enumerate(folded):
            if word not in self._lead_words:
                continue
            before = " ".join(words[:k])
            if before and not (shapes.is_date(before) or all(t in date_words for t in TOKEN_RE.findall(" ".join(folded[:k])))):
                break  # more than date words before the lead-in: not a stamp
            rest = " ".join(folded[k:])
            end = self.vocabulary.prefix("byline_lead_ins", rest)
            if end is None:
                continue
            lead_words = rest[:end].split()
            lead = len(lead_words)
            # "Posted by", or a lead-in that says who wrote it ("Skrevet af", "Written by"):
            # a lower-case user name or body may follow ("Skrevet af bestyrelsen · 3. februar").
            posted = bool(before) or lead_words[0] in date_words or lead > 1
            for count in range(1, MAX_STAMP_NAME_WORDS + 1):
                name = [w.strip(SEPARATORS) for w in words[k + lead : k + lead + count]]
                if len(name) < count or not self._is_stamp_name(name, posted=posted):
                    if count == 1 and name and fold(name[0]) in date_words and is_name_token(name[0]):
                        continue  # perhaps a first name spelled as a month's abbreviation ("Jan Brandt")
                    break
                after = COUNTER_TAIL_RE.sub("", " " + " ".join(words[k + lead + count :])).strip(SEPARATORS)
                if after:
                    # The date, perhaps then its categories after a bar ("29. März 2026 |
                    # Kategorie: Gartenkalender").
                    dated = shapes.is_date(after) or shapes.is_date(CATEGORY_TAIL_RE.sub("", after)) or shapes.is_date(BAR_TAIL_RE.sub("", after))
                else:
                    dated = shapes.is_date(before)
                if dated and not (after and fold(name[-1]) in date_words):
                    return True
                if words[k + lead + count - 1][-1:] in SEPARATORS:
                    break  # the name ended at a separator
            break
        return False

    def _stamp_row(self, text: str) -> bool:
        """A post's stamp as a row of cells between bars: its date, its byline and perhaps its
        labelled categories ("27.05.2025 | Kategorie: Mietrecht, Urteile | Autor: RA Jonas
        Hartmann"); each cell one of those, the date and the byline there."""
        cells = [cell.strip() for cell in text.split("|")]
        if len(cells) > MAX_STAMP_CELLS or not all(cells):
            return False
        shapes = self.lines.shapes
        dates = [cell for cell in cells if shapes.is_date(cell)]
        names = [cell for cell in cells if cell not in dates and self.is_byline(cell)]
        return bool(dates) and bool(names) and all(cell in dates or cell in names or LABELLED_RE.match(cell) is not None for cell in cells)

    def _is_stamp_name(self, name: list[str], *, posted: bool) -> bool:
        """Names ("Marie Dupont", "Jan van Dijk"), or one user name or agency; a lower-case
        word alone ("admin") only after a posting word ("Posted by admin"). A user name holds a
        letter: "19.03." after "Di" in a row of show times ("Do 14.03. 20:15 | ... | Di 19.03.
        20:15") is a date."""
        date_words = self.lines.shapes.date_words
        if posted and name[0].isalpha() and name[0].islower() and len(name[0]) <= MAX_ARTICLE_CHARS:
            # A body named with its article after a posting word ("Veröffentlicht am
            # 29.09.2025 von der Kita-Leitung", "publié le 3 mars par la Rédaction"; the
            # article alone only as the name's start).
            return all(is_name_token(t) and fold(t) not in date_words for t in name[1:])
        if not name[0]:
            return False
        if fold(name[0]) in date_words and (len(name) == 1 or any(fold(t) in date_words for t in name[1:])):
            # (A first name spelled as a month's abbreviation, "Jan Brandt", "April Ryan",
            # needs a surname that is no date word.)
            return False
        if len(name) == 1:
            token = name[0]
            return HANDLE_RE.fullmatch(token) is not None and any(map(str.isalpha, token)) and (
                is_name_token(token) or posted or fold(token) in self._agencies or any(c.isdigit() or c == "_" for c in token)
            )
        return is_name_token(name[0]) and all(is_name_token(t) or fold(t) in NAME_CONNECTORS or DEGREE_RE.fullmatch(t) for t in name)

    def _names_someone(self, tokens: list[str]) -> bool:
        """A person's name (two words or more, not opening with an article), an agency, or a
        user name ("bjoernlinder01")."""
        if fold(tokens[0]) in ARTICLES:
            return False
        if len(tokens) >= 2:
            return True
        token = tokens[0]
        return fold(token) in self._agencies or any(not c.isalpha() for c in token) or (token.isupper() and len(token) > 1)

    def is_dateline(self, text: str) -> bool:
        """A line that is only a date or time (see :meth:`cleaner.lines.Shapes.is_date`), not
        a fact under its label ("Time: 30 minutes"), nor a span of hours ("Venerdì e sabato:
        19.00–23.30" is a row of opening hours), nor a life's dates ("* 4. März 1938 † 11.
        Januar 2024" under a death notice's name), nor a range of days, nor a schedule's row of
        ``MIN_SCHEDULE_TOKENS`` days or times or more ("5:12, 5:42, 6:07, ..."; "15.01. |
        12.02. | 12.03."): a page's stamp has a date and a time or two."""
        if not self.lines.shapes.is_date(text):
            # (Perhaps with the page's reference number after it: "Anúncio publicado em
            # 12/03/2024 · ID: 7712903".)
            stripped = REFERENCE_TAIL_RE.sub("", text)
            if stripped == text or not self.lines.shapes.is_date(stripped):
                return False
            text = stripped
        # A release's version, perhaps with its date ("3.2.0 (2024-04-22)", "[3.1.2] -
        # 2024-03-05"): a changelog's heading.
        lead = text.split(maxsplit=1)[0].strip("[]()")
        if self.lines.shapes.is_version(lead):
            return False
        # A fact under its label ("Time: 30 minutes", "Dauer: 2 Stunden"; vocabulary
        # ``fact_labels``): how long a task takes, not when the page was written.
        labelled = LABELLED_RE.match(text)
        if labelled is not None and self.lines.is_phrase("fact_labels", self.lines(labelled.group(1))):
            return False
        folded = self.lines(text).folded
        if TIME_RANGE_RE.search(folded) is not None or LIFE_DATES_RE.search(text) is not None or len(SCHEDULE_TOKEN_RE.findall(folded)) >= MIN_SCHEDULE_TOKENS:
            return False
        # Nor a range of days ("9 marzo – 30 giugno 2024"): when an exhibition runs.
        return not self.lines.shapes.is_date_range(text)

    def find(self, doc: Document) -> Iterator[Removal]:
        found = [(i, reason) for i, block in enumerate(doc.blocks) if (reason := self.judge(block.text)) is not None]
        kept = (
            self._inside_tables(doc, found) | self._days_of(doc, found) | self._answers(doc, found) | self._introduced(doc, found) | self._named_by_trail(doc, found) | self._signed(doc, found) | self._timetable(doc, found) | self._listed(doc, found) | self._released(doc, found) | self._held(doc, found) | self._performances(doc, found) | self._programme(doc, found) | self._show_times(doc, found) | self._day_groups(doc, found) | self._timeline(doc, found) | self._date_column(doc, found) | self._signs_post(doc, found) | self._dates_post(doc, found) | self._shaped_as_values(doc, found) | self._between_paragraphs(doc, found) | self._time_column(doc, found)
            if any(r == "dateline" for _, r in found)
            else set()
        ) | self._in_fact_box(doc, found) | self._song_credits(doc, found)
        for i, reason in found:
            if i not in kept:
                yield self.removal(doc.blocks[i], reason, self._detail(doc.blocks[i].text, reason))
        yield from self._named_over_dates(doc, found, kept)

    def _detail(self, text: str, reason: str) -> str:
        """Which shape made the line a byline or a dateline."""
        if reason == "dateline":
            return "a date or time alone, in no table, schedule or programme of the text"
        line = self.lines(text)
        if self.lines.is_phrase("byline_patterns", line):
            return self.vocabulary.explain(("byline_patterns",), line.key) or "a byline pattern of the vocabulary"
        if self.is_byline(text):
            return "a name after a byline lead-in (vocabulary byline_lead_ins)"
        return "a post's stamp: a lead-in, a name and a date"

    def _named_over_dates(self, doc: Document, found: list[tuple[int, str]], kept: set[int]) -> Iterator[Removal]:
        """A person's name alone right over the page's dateline, under a longer line (the
        headline or its deck), is the article's byline ("... jäi alle 60 prosentin." / "Heikki
        Mäkelä" / "14.4.2025 klo 00.42"), or a name and a place between a bar ("Castilla Hoy |
        Valladolid"). Not the first line nor one under a menu or a trail
        of crumbs (a portrait's headline is a name), nor over a date a letter's signature or
        a table keeps, nor over a later date (teasers of other stories name their authors over
        their dates)."""
        blocks = doc.blocks
        taken = {i for i, _ in found}
        # The page's first date only: names over dates further down are other stories'.
        i = next((i for i, reason in found if reason == "dateline"), None)
        if i is not None:
            name = i - 1
            # The author's place or role may stand between, next to both in the input ("Javier
            # Mancha" / "Villanueva de la Serena" / "Domingo, 17 de marzo 2024, 20:14"): a few
            # capitalised words, no figure, no sentence, no copy of the name. It goes with them, as
            # the dateline's place.
            place = None
            if (
                name >= 2
                and name not in taken
                and blocks[name - 1].index + 1 == blocks[name].index == blocks[i].index - 1
                and self._names_place(blocks[name].text)
                and names_person(blocks[name - 1].text)
                and blocks[name - 1].text != blocks[name].text
            ):
                place, name = name, name - 1
            if (
                i not in kept
                and name >= 1
                and name not in taken
                and (names_person(blocks[name].text) or names_people(blocks[name].text) or self._names_with_place(blocks[name].text))
                and word_count(blocks[name - 1].text) > MAX_NAME_WORDS
                and not names_person(blocks[name - 1].text)
                and not MENU_SEPARATOR_RE.search(blocks[name - 1].text)
            ):
                yield self.removal(blocks[name], "byline", f"a name over the dateline on line {doc.line(blocks[i].index)}")
                if place is not None:
                    # A dateline's place, on its own line (a role in its place is no name either).
                    yield self.removal(blocks[place], "dateline", f"the place or role between the byline and the dateline on line {doc.line(blocks[i].index)}")

    @classmethod
    def _names_with_place(cls, text: str) -> bool:
        """A name and a place between a bar ("Castilla Hoy | Valladolid", "Redacción |
        Benavides de la Vega"): the author or the paper, and where it writes from."""
        cells = text.split(" | ")
        return len(cells) == 2 and (names_person(cells[0]) or cls._names_place(cells[0])) and cls._names_place(cells[1])

    @staticmethod
    def _names_place(text: str) -> bool:
        """A place's name alone ("Villanueva de la Serena", "Bad Homburg"): ``MAX_PLACE_WORDS``
        words at most, the first capitalised, no figure, no sentence end (a second author's
        name is one too)."""
        tokens = text.split()
        return (
            0 < len(tokens) <= MAX_PLACE_WORDS
            and is_name_token(tokens[0])
            and not DIGITS_RE.search(text)
            and not ends_sentence(text)
        )

    @staticmethod
    def _answers(doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """A date written as a sentence right under a question answers it ("Hvornår lukker
        fabrikken?" / "Den 31. december 2024."); a teaser's or a post's date has no full stop."""
        blocks = doc.blocks
        return {
            i
            for i, reason in found
            if reason == "dateline" and i > 0 and QUESTION_END_RE.search(blocks[i - 1].text) and DATE_SENTENCE_END_RE.search(blocks[i].text)
        }

    @staticmethod
    def _named_by_trail(doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """A dated title right under the trail of crumbs whose last item names it ("Parents >
        Newsletters" / "Newsletter – Friday 22nd March 2024"): the page's headline, not its
        stamp. Its first word, ``MIN_TRAIL_WORD_CHARS`` letters at least, begins that item or
        that item begins it."""
        blocks = doc.blocks
        kept: set[int] = set()
        texts_at: dict[int, str] | None = None  # the input's lines, removed or not (the trail may be gone)
        for i, reason in found:
            if reason != "dateline" or blocks[i].index == 0:
                continue
            if texts_at is None:
                texts_at = {b.index: b.text for b in doc.input_blocks}
            items = crumb_items(texts_at.get(blocks[i].index - 1, ""))
            words = blocks[i].text.split(maxsplit=1)
            if len(items) < 2 or not words or len(words[0]) < MIN_TRAIL_WORD_CHARS or not words[0].isalpha():
                continue
            first, last = fold(words[0]), fold(items[-1])
            if last.startswith(first) or first.startswith(last):
                kept.add(i)
        return kept

    @staticmethod
    def _introduced(doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """A date right under a sentence of the text that ends in a colon, next to it in the
        input, is the date it announces ("The Parish Council will consider the application at
        an extraordinary meeting:" / "Thursday 19 September 2024 at 7.30pm"): the article's,
        not the page's. A stamp's label ends in a colon too, in a few words ("Published on:"),
        or leads the stamp ("Publisert: 05.08.24 kl. 14:47" under "... ikke vært ute for
        foreløpig:", the lead-in of an embedded video gone)."""
        blocks = doc.blocks
        return {
            i
            for i, reason in found
            if reason == "dateline"
            and i > 0
            and blocks[i - 1].index == blocks[i].index - 1
            and blocks[i - 1].text.rstrip().endswith(":")
            and word_count(blocks[i - 1].text) >= MIN_INTRO_SENTENCE_WORDS
            and LABELLED_RE.match(blocks[i].text) is None  # "Publisert: 05.08.24 kl. 14:47" under an embed's lead-in
        }

    def _shaped_as_values(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """A date or time of the same shape, figures aside, as ``MIN_SAME_SHAPE_VALUES`` lines
        or more of the page that are no dates: a value of their column ("Fr. 16.50" among "Fr.
        46.00" and "Fr. 39.50", a menu's prices in Swiss francs, not Friday at 16.50)."""
        datelines = [i for i, reason in found if reason == reasons.DATELINE]
        if not datelines:
            return set()
        shapes: dict[str, int] = {}
        for i, block in enumerate(doc.blocks):
            if len(block.text) <= MAX_VALUE_CHARS and DIGITS_RE.search(block.text) and not self.lines.shapes.is_date(block.text):
                key = DIGITS_RE.sub("0", self.lines(block.text).folded)
                shapes[key] = shapes.get(key, 0) + 1
        return {i for i in datelines if shapes.get(DIGITS_RE.sub("0", self.lines(doc.blocks[i].text).folded), 0) >= MIN_SAME_SHAPE_VALUES}

    @staticmethod
    def _signs_post(doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """A person's name and a date right under a paragraph that a sentence of the text
        ending in a colon introduces, the three next to each other in the input ("Notre
        bourgmestre a partagé son émotion sur sa page Facebook :" / the post / "Philippe
        Derbaix – 12 octobre 2024 à 13:27"): the attribution of a post the text quotes, as the
        network prints it, not the page's byline."""
        blocks = doc.blocks
        kept = set()
        for i, reason in found:
            if reason not in (reasons.BYLINE, reasons.DATELINE) or i < 2 or blocks[i - 2].index != blocks[i].index - 2 or blocks[i - 1].index != blocks[i].index - 1:
                continue
            intro, post = blocks[i - 2].text.rstrip(), blocks[i - 1].text.rstrip()
            if not intro.endswith(":") or post.endswith(":") or word_count(intro) < MIN_INTRO_SENTENCE_WORDS or word_count(post) < MIN_INTRO_SENTENCE_WORDS:
                continue
            signed = POST_SIGNER_RE.match(blocks[i].text)
            if signed is not None and names_person(signed.group("name")):
                kept.add(i)
        return kept

    @staticmethod
    def _dates_post(doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """A date right under the text of a post the page embeds, its account's handle alone
        over the text, all next to each other in the input ("Lancs Road Police" /
        "@LancsRoadsPolice" / "M65 remains closed both ways ..." / "1:47 PM · Feb 14, 2025"):
        the post's date, as the network prints it, not the page's dateline."""
        blocks = doc.blocks
        kept = set()
        for i, reason in found:
            if reason != reasons.DATELINE:
                continue
            for head in range(i - 2, max(-1, i - 2 - MAX_POST_LINES), -1):
                if blocks[i].index - blocks[head].index != i - head:
                    break
                if POST_HANDLE_RE.fullmatch(blocks[head].text) is not None:
                    if all(word_count(blocks[k].text) >= MIN_INTRO_SENTENCE_WORDS for k in range(head + 1, i)):
                        kept.add(i)
                    break
        return kept

    def _in_fact_box(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """A byline led by its label ("Av: William Shakespeare, i översättning av ...", "Written
        by ...") among ``MIN_FACT_NEIGHBOURS`` "Label: value" lines or more, or lines led by a
        fact label ("Directed by ..."), that are neither bylines nor dates ("Regi: Sofia
        Lindqvist" / "Scenografi: Erik Nordin"): an entry of a review's fact box
        (the play's author), not the page's byline; so is a byline right over
        ``MIN_FACT_NEIGHBOURS`` lines or more led by a fact label (not a review's "Rating: 4/5"
        / "Price: $249" under its author). A box of credits ("Text: ..." / "Fotos:
        ...") is bylines throughout. A labelled date among such lines is an event's fact too."""
        blocks = doc.blocks
        taken = {i for i, _ in found}
        kept = set()
        top: int | None = None  # the page's first paragraph, found when first needed
        for i, reason in found:
            if reason == "dateline":
                # A labelled date among such lines is the event's date ("Data: domingo, 12 de
                # maio de 2024" / "Horário: 15h" / "Local: Estádio da Baixada" / "Arbitragem:
                # ..."): a match's or a show's facts.
                # Under the text's paragraphs: a page's stamp box stands under the headline
                # ("发布时间：2024-05-10 16:30" / "来源：..." / "浏览次数：3587").
                label = LABELLED_RE.match(blocks[i].text)
                if label is None and self._under_fact_labels(blocks, i):
                    kept.add(i)  # a box's rows flattened a cell per line: "Regie" / "Lena Vogt" / ... / "Kinostart" / "3. April 2025"
                    continue
                if label is None or LETTER_RE.search(label.group(1)) is None:
                    continue
                if top is None:
                    top = next((k for k, block in enumerate(blocks) if self.lines(block.text).prose), len(blocks))
                if (
                    top < i
                    and box_neighbours(blocks, i, lambda k: self.lines.shapes.fact_led(blocks[k].text), lambda k: k not in taken) >= MIN_FACT_NEIGHBOURS
                ):
                    kept.add(i)
                continue
            if reason != "byline":
                continue
            if not self.lines.shapes.fact_led(blocks[i].text):
                # Or a byline right over such lines, the work's author over its credits ("Il
                # giardino dei ciliegi" / "di Anton Čechov" / "traduzione di ..." / "regia di
                # ..." / "con ...").
                below = 0
                k = i + 1
                while k < len(blocks) and blocks[k].index == blocks[k - 1].index + 1 and k not in taken and self.lines.shapes.fact_led(blocks[k].text, any_label=False):
                    below += 1
                    k += 1
                if below >= MIN_FACT_NEIGHBOURS:
                    kept.add(i)
                continue
            if box_neighbours(blocks, i, lambda k: self.lines.shapes.fact_led(blocks[k].text), lambda k: k not in taken) >= MIN_FACT_NEIGHBOURS:
                kept.add(i)
        return kept

    def _under_fact_labels(self, blocks: tuple[Block, ...], i: int) -> bool:
        """Is line ``i`` the value right under a fact label alone (vocabulary ``fact_labels``:
        "Kinostart"), that label the last of ``MIN_FACT_NEIGHBOURS`` or more each over its
        value, all next to each other in the input ("Regie" / "Lena Vogt" / "Drehbuch" / ... /
        "Kinostart" / "3. April 2025")?"""
        labels = 0
        # Each label right over its value, the rows next to each other.
        for k in range(i - 1, -1, -2):
            label = blocks[k].text
            if blocks[k + 1].index != blocks[k].index + 1 or len(label) > MAX_VALUE_CHARS or not self.lines.is_phrase("fact_labels", self.lines(label)):
                break
            labels += 1
            if k > 0 and blocks[k].index != blocks[k - 1].index + 1:
                break
        return labels >= MIN_FACT_NEIGHBOURS

    def _between_paragraphs(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Dates between two paragraphs of the text, each next to a short entry of its own
        (see :meth:`lines.Shapes.dated_entries`): the text's deadlines, a schedule or a table
        of dates, not the page's stamp."""
        datelines = {i for i, reason in found if reason == "dateline"}
        prose = [line.prose for line in self.lines.of(doc.blocks)]
        entries = self.lines.shapes.dated_entries([b.text for b in doc.blocks], prose, datelines, [b.index for b in doc.blocks])
        return datelines & entries

    def _held(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """A date right over its times and the place with its street and number (see
        Shapes.event_lines) says when and where an event is held, not when the page was; so
        does a date with its clock time right over a place (a short line, no sentence, no date)
        with the event's buttons right under it ("Samstag, 20. Juli 2024, 19:30 Uhr" /
        "Hofgarten, Freilichtbühne am Ochsenau-Eingang, Landshut" / "In den Kalender
        eintragen"; removed as ``shop_button``)."""
        blocks = doc.blocks
        buttons = {r.block.index for r in doc.removals if r.reason == reasons.SHOP_BUTTON}
        held = set()
        for i, reason in found:
            if reason != "dateline":
                continue
            if self.lines.shapes.event_lines(run_of_neighbours(blocks, i, MAX_EVENT_LINES), 0):
                held.add(i)
            elif self.lines.shapes.dates_event_entry(run_of_neighbours(blocks, i, MAX_EVENT_ENTRY_LINES)):
                held.add(i)
            elif buttons and event_time(self.lines, blocks, i, buttons):
                held.add(i)
            elif self._venue_again(blocks, i):
                held.add(i)
        return held

    def _venue_again(self, blocks: tuple[Block, ...], i: int) -> bool:
        """Is block ``i`` a date with its clock time right over a place (Shapes.timed_place)
        whose first word leads ``MIN_VENUE_REPEATS`` other lines or more, each right under a
        line with a clock time: an event programme's records, each with its date and its venue
        ("Dimanche 27 octobre, 14 h" / "Bibliothèque Saint-David" / ... / "Samedi 5 octobre, de
        10 h à 11 h 30" / "Bibliothèque Francine-McKenzie" / ...)?"""
        if i + 1 >= len(blocks) or blocks[i + 1].index != blocks[i].index + 1 or not self.lines.shapes.timed_place(blocks[i].text, blocks[i + 1].text):
            return False
        # (A programme's day says no year; a post's or a teaser's stamp does, and a poster's or
        # an author's name stands under it: "06-11-2023, 09:02 PM #2" / "rotorhead".)
        place = blocks[i + 1].text
        if YEAR_RE.search(blocks[i].text) or word_count(place) < 2:
            return False
        lead = self.lines(place).folded.split(maxsplit=1)[:1]
        if not lead or not LETTER_RE.search(lead[0]):
            return False
        again = 0
        for k in range(1, len(blocks)):
            if k == i + 1 or blocks[k - 1].index != blocks[k].index - 1 or self.lines(blocks[k].text).folded.split(maxsplit=1)[:1] != lead:
                continue
            if TIME_RE.search(self.lines(blocks[k - 1].text).folded) is not None:
                again += 1
        return again >= MIN_VENUE_REPEATS

    def _performances(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Days with their clock times (a weekday or a month in words), ``MIN_PERFORMANCES``
        lines or more in a row, each a different day said the same way, right over a place (a
        short line next to them in the input: no sentence, no date, no label, no byline): an
        event's performances ("Samstag, 22. November 2025, 20.00 Uhr" / "Sonntag, 23. November
        2025, 17.00 Uhr" / "Stadttheater Sursee"), not the page's stamp and its update, which
        say one day, or are followed by the author."""
        blocks = doc.blocks
        shapes = self.lines.shapes
        judged = {i for i, _reason in found}  # (the author's name under the stamp is a byline)
        timed = [i for i, reason in found if reason == "dateline" and TIME_RE.search(self.lines(blocks[i].text).folded) and DAY_FIGURES_RE.search(blocks[i].text) and LETTER_RE.search(blocks[i].text)]
        held: set[int] = set()
        for run in runs_of(timed, lambda a, b: b == a + 1 and blocks[b].index == blocks[a].index + 1):
            under = run[-1] + 1
            if (
                len(run) >= MIN_PERFORMANCES
                # (each on a day of its own, without a label, said the same way: a page's stamp
                # and its update say one day, "Publié le 13 octobre 2024 à 19h12" / "Modifié le
                # 13 octobre 2024 à 20h40")
                and len({tuple(DIGITS_RE.findall(TIME_RE.sub(" ", self.lines(blocks[i].text).folded))) for i in run}) == len(run)
                and not any(LABELLED_RE.match(blocks[i].text) for i in run)
                and len({ROW_SHAPE_RE.sub("a", DIGITS_RE.sub("0", blocks[i].text)) for i in run}) == 1
                and under < len(blocks)
                and blocks[under].index == blocks[run[-1]].index + 1
                and shapes.timed_place(blocks[run[-1]].text, blocks[under].text)
                and LABELLED_RE.match(blocks[under].text) is None
                and under not in judged
            ):
                held.update(run)
        return held

    def _released(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """A date right under or over a release's version number ("v3.8.0" / "June 11, 2024")
        is the release's date in a changelog, not the page's."""
        blocks = doc.blocks
        return {
            i
            for i, reason in found
            if reason == "dateline"
            and any(0 <= k < len(blocks) and self.lines.shapes.is_version(blocks[k].text) for k in (i - 1, i + 1))
        }

    def _timetable(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Clock times alone on ``MIN_TIME_ROWS`` lines in a row or more ("07.15" / "07.45" /
        "08.05" / ...; "06:45 | 07:15" / "07:15 | 07:45" / ...) are a timetable's cells: a
        page's time stamp is one line, a live report's times have entries between them."""
        times = [i for i, reason in found if reason == "dateline" and TIME_CELLS_RE.fullmatch(self.lines(doc.blocks[i].text).folded)]
        return {i for run in runs_of(times, lambda a, b: b == a + 1) if len(run) >= MIN_TIME_ROWS for i in run}

    def _listed(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Dates alone that name a day, ``MIN_DATE_ROWS`` lines in a row or more, none
        relative ("Sonntag, 19. April 2026" / "Sonntag, 21. Juni 2026" / "Sonntag, 16. August
        2026"; a date with a note in brackets after it counts: "Friday 29 March 2024 (Good
        Friday)", or named before a dash: "Easter Sunday – April 20"): a list of dates under its
        heading, not the page's stamp (one line, or two with its update)."""
        blocks = doc.blocks
        shapes = self.lines.shapes
        datelines = {i for i, reason in found if reason == "dateline"}
        # A row of a schedule's days among them counts too ("April: 01.04., 15.04., 29.04."
        # between "März: 04.03., 18.03." and "Mai: 13.05., 27.05."), though no dateline itself;
        # so does a day with its note after a dash ("Saturday 4 April – Easter market").
        dates = [
            i
            for i, block in enumerate(blocks)
            if DAY_NUMBER_RE.search(NOTE_TAIL_RE.sub("", block.text))
            and (i in datelines or shapes.is_date(block.text) or shapes.is_date(NOTE_TAIL_RE.sub("", block.text)) or shapes.is_named_day(block.text) or shapes.is_dated_entry(block.text))
            and not shapes.is_relative_date(block.text)
            and not TIME_CELLS_RE.fullmatch(self.lines(block.text).folded)  # times alone: see _timetable
        ]
        # In a row in the input too, and different days, each said twice at most (a table of
        # days from one to another): the same date over each screenshot is a gallery's stamp.
        runs = runs_of(dates, lambda a, b: b == a + 1 and blocks[b].index == blocks[a].index + 1)
        return {
            i
            for run in runs
            if len(run) >= (MIN_DATE_ROWS if all(DAY_FIGURES_RE.search(blocks[k].text) for k in run) else MIN_DAY_TABLE_ROWS)
            and len({blocks[k].text for k in run}) >= MIN_DATE_ROWS
            and days_twice_at_most([blocks[k].text for k in run])
            for i in run
            if i in datelines
        }

    def _song_credits(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Labelled credits in a song's lyrics or right under them, down the "Label: value"
        lines there ("Tekst: Piotr Zawada" / "Muzyka: Zorza Polna" / "Album: Nocne linie
        (2021)"): who wrote the song, not the page."""
        if not any(reason == "byline" for _, reason in found):
            return set()
        blocks = doc.blocks
        credits: set[int] = set()
        for start, end in self.lines.shapes.lyrics_runs([b.text for b in blocks]):
            credits.update(range(start, end))
            k = end
            while k < len(blocks) and blocks[k].index == blocks[k - 1].index + 1 and LABELLED_RE.match(blocks[k].text):
                credits.add(k)
                k += 1
        return {i for i, reason in found if reason == "byline" and i in credits and LABELLED_RE.match(blocks[i].text)}

    def _timeline(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Months with their year and no day, ``MIN_DATE_ROWS`` or more on the page in
        calendar order, each right over a statement ("May 2023" / "During a routine
        inspection, engineers discover ..." / "June 2023" / ...): a timeline's headings, not
        the page's stamp (which names the day)."""
        blocks = doc.blocks
        heads = []
        for i, reason in found:
            text = blocks[i].text
            figures = DIGITS_RE.findall(text)
            if (
                reason == "dateline"
                and len(figures) == 1
                and YEAR_RE.fullmatch(figures[0]) is not None
                and word_count(text) <= MAX_MONTH_HEAD_WORDS
                and i + 1 < len(blocks)
                and blocks[i + 1].index == blocks[i].index + 1
                and self.lines(blocks[i + 1].text).sentence_end
            ):
                heads.append((i, int(figures[0])))
        years = [year for _, year in heads]
        if len(heads) < MIN_DATE_ROWS or years != sorted(years):
            return set()
        return {i for i, _ in heads}

    def _time_column(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """A clock time alone in the column of a table flattened one cell per line whose two
        rows above hold a slot from one time to another in the same cell (rows of
        ``MIN_TIME_ROW_CELLS`` cells or more, none a paragraph: "Damen" / "Mi" / "19:30–21:00"
        / "Rasen" / ... / "AH" / "Fr" / "19:00" / "Kunstrasen"): a training's or an opening's
        time, not the page's stamp. A list of other stories stamps its headlines with single
        times, one line apart."""
        blocks = doc.blocks
        shapes = self.lines.shapes
        found_times = [i for i, reason in found if reason == "dateline" and shapes.is_clock_time(blocks[i].text)]
        if not found_times:
            return set()
        described = self.lines.of(blocks)
        out: set[int] = set()
        for i in found_times:
            for step in range(MIN_TIME_ROW_CELLS, MAX_TIME_ROW_CELLS + 1):
                top = i - 2 * step
                if top >= 0 and is_slot(blocks[i - step].text) and is_slot(blocks[top].text) and not any(described[k].prose for k in range(top, i)) and blocks[i].index - blocks[top].index == 2 * step:
                    out.add(i)
                    break
        return out

    def _date_column(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Dates that fill a column of a table under its header row (see Shapes.date_column:
        "Naselje" / "Datum odvoza" / "Loška Reber, Breg" / "ponedeljek, 7. 4. 2025" / ...)."""
        dates = sorted(i for i, reason in found if reason == "dateline")
        return self.lines.shapes.date_column([b.text for b in doc.blocks], dates) if len(dates) >= 2 else set()

    def _day_groups(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Dates that head a programme's days, each over its group of acts or items (see
        Shapes.day_groups)."""
        texts = [b.text for b in doc.blocks]
        runs = self.lines.shapes.day_groups(texts, [line.prose for line in self.lines.of(doc.blocks)])
        return {i for i, reason in found if reason == "dateline" and any(start <= i < end for start, end in runs)}

    def _show_times(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Rows of days named in words over their clock times ("Viernes a domingo: 17:00 |
        19:30 | 22:00" / ... / "Lunes a jueves: 18:00 | 20:30"), under ``MIN_SHOW_TIME_ROWS``
        different labels or more on the page: a cinema's or a venue's times, however few on
        one row; a page's stamp is one line and carries a date."""
        rows = {}
        for i, block in enumerate(doc.blocks):
            if ":" in block.text and (match := SHOW_TIMES_RE.fullmatch(self.lines(block.text).folded)) is not None:
                rows[i] = match.group(1).strip()
        if len(set(rows.values())) < MIN_SHOW_TIME_ROWS:
            return set()
        return {i for i, reason in found if reason == "dateline" and i in rows}

    def _programme(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Dates that name a day (two figures, or one with its weekday or month in words:
        "Friday, February 14"; one with a remark after it counts too: "Monday, February 17
        (Family Day)"), ``MIN_PROGRAMME_DAYS`` or more, none relative, each over a line
        of its own entry (next to it in the input), their days in calendar order and without
        the year ("Di, 5. November, 16.00 Uhr" / "Bilderbuchkino: ..." / ... / "Mi, 6. November,
        18.00 Uhr" / ...): a programme's days, its entries under them. A list of other stories
        runs the other way, newest first; posts and comments, in calendar order too, are
        stamped with the year and the time ("Dodano: 04.11.2024, 21:14"); a page's stamp is one
        date. Or else days that all say the same year and no time, under a heading that names
        the list ("Program" / "Petek, 25. julija 2025" / "ob 20. uri" / ... / "Sobota, 26.
        julija 2025" / ...)."""
        return self._programme_days(doc, found, dated=False) or self._programme_days(doc, found, dated=True)

    def _programme_days(self, doc: Document, found: list[tuple[int, str]], *, dated: bool) -> set[int]:
        """See :meth:`_programme`: days without the year, or (``dated``) with one."""
        blocks = doc.blocks
        shapes = self.lines.shapes
        # (A day with a remark after it is one of them, kept as no date line: "Monday, February
        # 17 (Family Day)".)
        datelines = {i for i, reason in found if reason == "dateline"}
        remarked = {i for i, block in enumerate(blocks) if block.text.endswith(")") and i not in datelines and REMARK_END_RE.search(block.text) and shapes.is_date(REMARK_END_RE.sub("", block.text))}
        days = [
            i
            for i in sorted(datelines | remarked)
            if i + 1 < len(blocks)
            and blocks[i + 1].index == blocks[i].index + 1
            # (its first entry's time under it counts: "Jueves 21 de agosto" / "20:00 h." /
            # "Chupinazo ...")
            and (not shapes.is_date(blocks[i + 1].text) or shapes.is_clock_time(blocks[i + 1].text))
            and (DAY_FIGURES_RE.search(blocks[i].text) or (not dated and ONE_DAY_RE.search(blocks[i].text) and LETTER_RE.search(blocks[i].text)))
            and (YEAR_RE.search(blocks[i].text) is not None) == dated
            and not shapes.is_relative_date(blocks[i].text)
            and not shapes.is_clock_time(blocks[i].text)  # an entry's time under its day ("ob 20.30")
        ]
        # Fewer days under a heading that names the list ("Program" / "Petek, 25. julija 2025"
        # / ...; vocabulary ``list_headings``).
        headed = bool(days) and days[0] > 0 and blocks[days[0] - 1].index == blocks[days[0]].index - 1 and shapes.is_list_heading(blocks[days[0] - 1].text)
        if len(days) < (MIN_HEADED_PROGRAMME_DAYS if headed else MIN_PROGRAMME_DAYS) or len({blocks[i].text for i in days}) < len(days):
            return set()
        if dated and (not headed or len({year for i in days for year in YEAR_RE.findall(blocks[i].text)}) > 1 or any(TIME_RE.search(YEAR_RE.sub(" ", blocks[i].text)) for i in days)):
            return set()
        # An entry's time between the first day and the last is the programme's too ("ob 20.30"),
        # and under the last day down to the text's next paragraph.
        described = self.lines.of(blocks)
        end = next((k for k in range(days[-1] + 1, len(blocks)) if described[k].prose), len(blocks))
        kept = (set(days) - remarked) | {i for i, reason in found if reason == "dateline" and days[0] < i < end and shapes.is_clock_time(blocks[i].text)}
        numbers = [int(DIGITS_RE.search(blocks[i].text).group()) for i in days]  # type: ignore[union-attr]
        if all(a <= b for a, b in zip(numbers, numbers[1:])):
            return kept
        # A day's number falls back only where the month changes ("Sábado 28 de septiembre"
        # / ... / "Sábado 19 y domingo 20 de octubre"), and rises within a month somewhere: a
        # list of other stories, newest first, falls within a month.
        months = [self._month_of(blocks[i].text) for i in days]
        steps = list(zip(numbers, numbers[1:], months, months[1:]))
        if any(month_a is None for _, _, month_a, _ in steps) or months[-1] is None:
            return set()
        rises = any(a < b and month_a == month_b for a, b, month_a, month_b in steps)
        in_order = all(a <= b or month_a != month_b for a, b, month_a, month_b in steps)
        return kept if rises and in_order else set()

    def _month_of(self, text: str) -> str | None:
        """The month word a date names next to its day (see MONTH_AFTER_DAY_RE), or None."""
        folded = self.lines(text).folded
        date_words = self.lines.shapes.date_words
        for pattern in (MONTH_AFTER_DAY_RE, MONTH_BEFORE_DAY_RE):
            # The last one: "Saturday 19 and Sunday 20 October" names October.
            found = [match.group(1) for match in pattern.finditer(folded) if match.group(1) in date_words]
            if found:
                return found[-1]
        return None

    def _signed(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """A letter's place and date right above its signature ("Little Hadham, 9 July 2025" /
        "Signed: Margaret Ellis"; vocabulary ``signed_lines`` and ``closing_formulas``; the
        office alone that signs, "Der Vorstand": ``signature_roles``; or a name over the office
        it signs with, "Thomas Kienzle" / "Bürgermeister"), or right under
        it, close the text; right above its greeting, they open it: they are no dateline of
        the page."""
        blocks = doc.blocks
        texts = [b.text for b in blocks]
        return {
            i
            for i, reason in found
            if reason == "dateline"
            and (
                (
                    i + 1 < len(blocks)
                    and (
                        any(self.lines.is_phrase(category, self.lines(texts[i + 1])) for category in ("signed_lines", "closing_formulas", "signature_roles"))
                        or self.lines.shapes.opens_signature(texts[i + 1 : i + 4], 0)
                        or self.lines.shapes.signs_in_row(texts[i + 1])  # "Claudia Herrmann, Erste Bürgermeisterin | Lisa Brenner, Schriftführerin"
                        # or under the office that issues the notice ("Talheim, 25.09.2024" /
                        # "Stadt Talheim" / "Petra Wolf, Erste Bürgermeisterin")
                        or (word_count(texts[i + 1]) <= MAX_ISSUER_WORDS and not ends_sentence(texts[i + 1]) and self.lines.shapes.opens_signature(texts[i + 2 : i + 4], 0))
                    )
                )
                # Or right over the letter's greeting ("Lindenau, 14. November 2025" / "Liebe
                # Eltern, liebe Erziehungsberechtigte,").
                or ("," in texts[i] and i + 1 < len(blocks) and blocks[i + 1].index == blocks[i].index + 1 and self.lines.greets(texts[i + 1]))
                # Or right under the signature, the place and the date ("Sabine Keller,
                # Kita-Leitung" / "Hallstadt, 17. Juni 2024").
                or (i > 0 and "," in texts[i] and (self.lines.shapes.signs_in_one_line(texts[i - 1]) or self.lines.shapes.signs_again(texts, i - 1)))
                # Or under the signers' lines of a closing formula ("Atentamente," / "Rosario
                # Quintanilla Ortega" / "Presidenta de la Asociación Vecinal ..." / "En San
                # Lázaro, a 17 de febrero de 2025").
                or (
                    "," in texts[i]
                    and any(self.lines.is_phrase("closing_formulas", self.lines(texts[k])) for k in range(max(0, i - 1 - MAX_SIGNERS), i - 1))
                )
            )
        }

    def _days_of(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Dates each right over a line led by a clock time, or over entries of one label,
        ``MIN_TIMED_DAYS`` of them or more:
        a schedule's days ("Samstag, 2. März" / "18:00 St. Martin, Vorabendmesse" / "Sonntag,
        3. März" / "08:30 St. Ulrich, Pfarrgottesdienst"), however long their entries."""
        blocks = doc.blocks
        days = {
            i
            for i, reason in found
            if reason == "dateline"
            and i + 1 < len(blocks)
            and blocks[i + 1].index == blocks[i].index + 1
            and CLOCK_LED_RE.match(self.lines(blocks[i + 1].text).folded)
            and not self.lines.shapes.is_relative_date(blocks[i].text)
        }
        days = days if len(days) >= MIN_TIMED_DAYS else set()
        # Or each right over an entry with the same label ("Pátek 17. července" / "Hlavní
        # pódium: Paper Lanterns, ..." / "Sobota 18. července" / "Hlavní pódium: ..."): a
        # programme by day, the same shape of entries under every date; its days name no year
        # nor time (teasers' dates over "Kolumne: ..." do).
        labels: dict[str, set[int]] = {}
        for i, reason in found:
            if reason == "dateline" and i + 1 < len(blocks) and blocks[i + 1].index == blocks[i].index + 1:
                entry = LABELLED_RE.match(blocks[i + 1].text)
                if entry is not None and not self.lines.shapes.is_relative_date(blocks[i].text) and not YEAR_OR_TIME_RE.search(self.lines(blocks[i].text).folded):
                    labels.setdefault(fold(blocks[i + 1].text.split(":", 1)[0]), set()).add(i)
        for same in labels.values():
            if len(same) >= MIN_TIMED_DAYS:
                days |= same
        return days

    def _labelled_cells(self, blocks: tuple[Block, ...], texts: list[str], dates: set[int], start: int, end: int) -> int:
        """How many of the dates or times between ``start`` and ``end`` are each a value under
        its label, the two next to each other in the input: a label of ``MAX_CELL_LABEL_WORDS``
        words at most, no figure, no sentence, over a value of ``MAX_CELL_VALUE_WORDS`` words
        at most ("Lecture vidéo en streaming" / "24 h 15")."""
        return sum(
            1
            for k in range(max(start, 1), end)
            if k in dates
            and word_count(texts[k]) <= MAX_CELL_VALUE_WORDS
            and k - 1 not in dates
            and blocks[k - 1].index == blocks[k].index - 1
            and word_count(texts[k - 1]) <= MAX_CELL_LABEL_WORDS
            and not DIGITS_RE.search(texts[k - 1])
            and not ends_sentence(texts[k - 1])
        )

    def _inside_tables(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Date lines that belong to a table or schedule of the article (day headings over
        events, opening hours, times in cells): data runs (the date lines counting as data)
        with two or more figures that are not date lines, or one under a line that
        introduces the run ("Nowe godziny otwarcia:"). Dates alone under headlines are not
        a schedule, and a relative date ("3 hours ago") never heads one."""
        texts = [b.text for b in doc.blocks]
        dates = {i for i, reason in found if reason == "dateline" and not self.lines.shapes.is_relative_date(texts[i])}
        # A row of a table flattened with bars is a row, a date in it or not ("10月6日 | 6:00 |
        # 23:30" under "日期 | 首班车 | 末班车").
        kept = {i for start, end in bar_rows(texts) for i in range(start, end) if i in dates}
        rows: set[int] = set()  # the lines of the runs that keep their dates
        # Only the structure around the dates (their stretches of lines that are not prose).
        for start, end, why in self.lines.shapes.structured_runs(texts, [line.prose for line in self.lines.of(doc.blocks)], dates=dates, near=dates):
            if why == "days" and start in dates:
                kept.add(start)  # "16:05" over an entry of a live report, "Venerdì 12 aprile" over an event
                continue
            listed = dates.intersection(range(start, end))
            # (A list holds its dates when it lists several: one under a heading is the page's
            # stamp under a box's title, "Bulletin neige" / "Mis à jour le samedi 08/02/2025".)
            if not listed or why not in ("data", "list") or (why == "list" and len(listed) < MIN_DATE_ROWS):
                continue
            shapes = self.lines.shapes
            # Figures (times, prices, scores), not addresses or dates: an author's link or a
            # dated caption under each of a list of other stories makes no schedule.
            others = sum(
                1
                for k in range(start, end)
                if k not in dates and shapes.is_data(texts[k]) and not shapes.is_form(texts[k]) and not NUMERIC_DATE_RE.search(texts[k])
            )
            introduced = is_intro(texts[start]) or (start > 0 and is_intro(texts[start - 1]))
            # Under a list heading that names a schedule ("Öffnungszeiten", "Opening hours";
            # "Important dates" over "January 6" / "Application opens" / ...), the days and
            # times are its rows, figures besides them or not.
            # (A list's heading is no date itself: "Stand: 26.04.2024, 20:44 Uhr" reads as a
            # standings table's heading.)
            if any(shapes.is_list_heading(texts[k]) for k in (start - 1, start) if 0 <= k < len(texts) and not (why == "list" and k in dates)):
                kept.update(dates.intersection(range(start, end)))
                continue
            if why == "list":
                continue  # a list keeps its dates only under such a heading
            # Or a timetable whose figures are all times, under its header row (and the day
            # right above that row: "Σάββατο 22 Ιουνίου" over "Αναχώρηση" / "Προορισμός").
            header = shapes.header_row(texts, {k for k in range(start, end) if k in dates or shapes.is_data(texts[k])})
            if header is not None:
                kept.update(dates.intersection(range(min(start, header - 1), end)))
                rows.update(range(start, end))
            elif others >= 2 or (others >= 1 and introduced) or self._labelled_cells(doc.blocks, texts, dates, start, end) >= MIN_DATE_ROWS:
                kept.update(dates.intersection(range(start, end)))
                rows.update(range(start, end))
        # The page's date over the end of an article box (a share bar under it, removed) is
        # not a row of the table under that box; the last cell of a table above that end is
        # ("Jo Wren" / "Canterbury Harriers" / "18:02" / the tags).
        ends = sorted(r.block.index for r in doc.removals if r.reason in reasons.BOUNDARY)
        return {i for i in kept if not (i + 1 < len(doc.blocks) and crosses_removed(ends, doc.blocks, i + 1) and (i - 1 not in rows or doc.blocks[i - 1].index != doc.blocks[i].index - 1))}
