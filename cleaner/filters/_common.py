"""Small judgments shared by several filters (prose or not, name-like, headline-like)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Sequence

from cleaner.document import Block, Document
from cleaner.lines import PROSE_WORDS, STATEMENT_END_RE, TIME_RE, Lines, runs_of
from cleaner.patterns import CAPITALIZED_RE, DIGIT_RE, SENTENCE_END_RE, runs_on, size

# Lines longer than this are prose for every vocabulary match (a consent banner's notice
# aside: see MAX_NOTICE_CHARS): it bounds regex work and keeps "un bouton « retour
# en haut de la page » permet ..." safe.
MAX_UI_CHARS = 300
# A consent banner's notice is one long paragraph ("We and our 842 partners store and/or
# access information on a device, such as cookies, ..."): a line longer than other interface
# lines is read for it alone, up to this length.
MAX_NOTICE_CHARS = 1000
# Lines under a headline said again that may stand before its card's first fact (a rating,
# the card's summary), at most.
MAX_CARD_GAP = 3
# Date lines in a row at least that make a table of days flattened a cell per line (a bin day
# and the day it moves to: "Monday 25 December" / "Wednesday 27 December" / ...).
MIN_DAY_TABLE_ROWS = 6
# A cookie banner's buttons between its notice and its "More information" link, and their
# words at most ("Aceptar", "Rechazar todo").
MAX_BANNER_BUTTONS = 3
MAX_BANNER_BUTTON_WORDS = 3
NAME_CONNECTORS = frozenset(
    {"and", "und", "et", "y", "e", "i", "en", "og", "och", "ve", "и", "&", "de", "da", "di", "van", "von", "der",
     "den", "del", "la", "le", "du", "dos", "das", "ter", "bin", "al", "el", "ben", "von der", "mc", "st."}
)


def is_prose(text: str, *, min_words: int = PROSE_WORDS) -> bool:
    """A sentence-like line: enough words (two Chinese or Japanese characters count as
    one) and a sentence end (or a long line of Thai or Lao, which mark none: ``runs_on``)."""
    return size(text) >= min_words and (SENTENCE_END_RE.search(text) is not None or runs_on(text))


def is_name_like(text: str, *, max_words: int = 5) -> bool:
    """A person's name alone on a line: 2-5 capitalized words, no digits, no final period.

    >>> is_name_like("Cammile Bussière"), is_name_like("Vente de drogues et pédopornographie")
    (True, False)
    """
    stripped = text.strip()
    if len(stripped) > 60 or DIGIT_RE.search(stripped) or stripped.endswith((".", ":", "?", "!", ",")):
        return False
    tokens = stripped.replace(",", " ").split()
    if not 2 <= len(tokens) <= max_words:
        return False
    capitalized = [t for t in tokens if CAPITALIZED_RE.match(t)]
    rest = [t for t in tokens if not CAPITALIZED_RE.match(t)]
    return len(capitalized) >= 2 and all(t.lower() in NAME_CONNECTORS for t in rest)


def under_cookie_notice(lines: Lines, blocks: Sequence[Block], i: int) -> bool:
    """Is block ``i`` a cookie banner's link, its notice (vocabulary ``cookie_notice``) right
    above it or over its buttons (``MAX_BANNER_BUTTONS`` short lines), next to each other in
    the input? "Más información" under "Esta web utiliza cookies ..." / "Aceptar" heads no
    other stories."""
    for k in range(i - 1, max(-1, i - 2 - MAX_BANNER_BUTTONS), -1):
        line = lines(blocks[k].text)
        if lines.is_phrase("cookie_notice", line):
            return True
        if line.words > MAX_BANNER_BUTTON_WORDS or blocks[k + 1].index != blocks[k].index + 1:
            return False
    return False


def names_entry(lines: Lines, doc: Document, block: Block) -> bool:
    """Is ``block`` the name of an encyclopedia's or a wiki's entry: said twice in a row in
    the input (the page's title and its infobox's heading, the other copy removed or not),
    and opening the first paragraph under it ("Nors" / "Nors" / a caption / the infobox /
    "Nors (Osmerus eperlanus) är en fisk ...")?"""
    key = lines(block.text).key
    rows = doc.input_blocks
    at = next(position for position, row in enumerate(rows) if row.index == block.index)
    if not key or not any(0 <= n < len(rows) and lines(rows[n].text).key == key for n in (at - 1, at + 1)):
        return False
    opening = next((lines(b.text) for b in doc.blocks if b.index > block.index and is_prose(b.text)), None)
    return opening is not None and opening.key.startswith(key) and not opening.key[len(key) : len(key) + 1].isalnum()


def head_positions(doc: Document, *, max_blocks: int) -> range:
    """Positions of the head: blocks before the first prose line, at most ``max_blocks``."""
    end = 0
    for end, block in enumerate(doc.blocks[:max_blocks]):
        if is_prose(block.text):
            return range(end)
    return range(min(len(doc.blocks), max_blocks))


def quoted_together(lines: Lines, blocks: Sequence[Block], runs: dict[int, list[range]], i: int, j: int) -> bool:
    """Are blocks ``i`` and ``j`` in one list or refrain under a line ending in a colon
    (:meth:`cleaner.lines.Shapes.quoted_runs`)? Such a run holds no prose line, so only the
    stretch of other lines around the two is looked at: ``runs`` starts empty and keeps the
    runs found, by the first line of their stretch."""
    low, high = min(i, j), max(i, j)
    if any(lines(blocks[k].text).prose for k in range(low, high + 1)):
        return False
    start = low
    while start > 0 and not lines(blocks[start - 1].text).prose:
        start -= 1
    if start not in runs:
        texts = [b.text for b in blocks]
        runs[start] = lines.shapes.quoted_runs(texts, [line.prose for line in lines.of(blocks)], near=(start,))
    return any(i in run and j in run for run in runs[start])


def crosses_removed(removed: Sequence[int], blocks: Sequence[Block], i: int) -> bool:
    """Does a removed line (``removed``: original positions, sorted) sit between block
    ``i - 1`` and block ``i``?"""
    return bool(removed) and i > 0 and bisect_right(removed, blocks[i].index) > bisect_right(removed, blocks[i - 1].index)


def box_neighbours(blocks: Sequence[Block], i: int, member: Callable[[int], bool], counts: Callable[[int], bool]) -> int:
    """How many of the blocks next to block ``i`` in the input, each way as far as ``member``
    holds of them (the lines of its box: "Label: value" entries), ``counts`` holds of (the
    box's other entries, not the kind of line asked about)."""
    found = 0
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(blocks) and blocks[k].index == blocks[k - step].index + step and member(k):
            found += counts(k)
            k += step
    return found


def run_of_neighbours(blocks: Sequence[Block], start: int, count: int) -> list[str]:
    """The texts of up to ``count`` blocks from ``start`` on, as far as each is the next line
    of the input after the one before (no line removed between them)."""
    texts: list[str] = []
    for k in range(start, min(start + count, len(blocks))):
        if k > start and blocks[k].index != blocks[k - 1].index + 1:
            break
        texts.append(blocks[k].text)
    return texts


# Words of a clock time alone on its line at most ("20.15 uur", "ab 19:30 Uhr").
MAX_TIME_WORDS = 3


# Lines from an event's place down to its buttons at most (its description, another button).
MAX_EVENT_BUTTON_GAP = 3


def event_place(lines: Lines, blocks: Sequence[Block], i: int, buttons: Collection[int]) -> bool:
    """Is block ``i`` the place of an event under its date with the clock time (see
    Shapes.timed_place), or under the time alone under the date ("vrijdag 15 november 2024" /
    "20.15 uur" / "Grote Zaal"), next to each other in the input, with the event's buttons
    right under it or under the event's description, one line (``buttons``: where
    ``shop_button`` lines were removed, "In den Kalender eintragen", "Book tickets"; one more
    button may stand over it: "Thursday, March 14, 7:00 p.m." / "Main Library, Auditorium" /
    "Ashford native Priya Raman discusses ..." / "Register" / "Add to calendar")? Then the date
    is no dateline and the place no headline."""
    if not (0 < i < len(blocks) and blocks[i - 1].index + 1 == blocks[i].index):
        return False
    if blocks[i].index + 1 not in buttons:
        # (under a description: a statement next to the place in the input)
        described = i + 1 < len(blocks) and blocks[i + 1].index == blocks[i].index + 1 and STATEMENT_END_RE.search(blocks[i + 1].text) is not None
        if not (described and any(blocks[i].index + k in buttons for k in range(2, MAX_EVENT_BUTTON_GAP + 1))):
            return False
    when, place = blocks[i - 1].text, blocks[i].text
    if lines.shapes.timed_place(when, place):
        return True
    return (
        i > 1
        and blocks[i - 2].index + 1 == blocks[i - 1].index
        and size(when) <= MAX_TIME_WORDS
        and TIME_RE.search(lines(when).folded) is not None
        and lines.shapes.timed_place(f"{blocks[i - 2].text}, {when}", place)
    )


def event_time(lines: Lines, blocks: Sequence[Block], i: int, buttons: Collection[int]) -> bool:
    """Is block ``i`` the date or the time alone of an event over its place over its buttons
    (see event_place)?"""
    return any(event_place(lines, blocks, k, buttons) for k in (i + 1, i + 2) if k < len(blocks) and blocks[k].index - blocks[i].index == k - i)


# Entries of a page's table of contents under its header at most, the header's length at
# most, and the words of an entry at most.
MAX_CONTENTS_ENTRIES = 15
MAX_CONTENTS_HEADER_CHARS = 80
MAX_CONTENTS_ENTRY_WORDS = 12


def under_contents_header(lines: Lines, blocks: Sequence[Block], i: int) -> bool:
    """Is block ``i`` an entry of a page's table of contents: one of the short lines (no
    sentence) right under a contents header ("On this page", "Inhalt"; vocabulary
    ``contents_headings``), next to each other in the input? The heading it names below stays,
    whatever that heading stands over (a question over its answer)."""
    k = i
    while k > 0 and i - k < MAX_CONTENTS_ENTRIES and blocks[k - 1].index == blocks[k].index - 1:
        k -= 1
        text = blocks[k].text
        if len(text) <= MAX_CONTENTS_HEADER_CHARS and lines.is_phrase("contents_headings", lines(text)):
            return True
        if size(text) > MAX_CONTENTS_ENTRY_WORDS or SENTENCE_END_RE.search(text):
            return False
    return False


def days_twice_at_most(texts: Sequence[str]) -> bool:
    """Are ``texts`` (a run of date lines) different days, each said twice at most and most
    said once (a table of days moved from one to another; the same date over each screenshot
    is a gallery's stamp)?"""
    counts = Counter(texts)
    return bool(counts) and max(counts.values()) <= 2 and 2 * len(counts) > len(texts)


