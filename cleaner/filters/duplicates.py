"""DuplicateParagraphs: a paragraph that appears again later (keep the first copy, or the
heading rather than its entry in a table of contents), and a stretch of lines printed twice.

A short question, entry or list item may repeat on purpose: the same question put to
several people in an interview, a step repeated in a how-to, a row label of a table, a
schedule's entry (the same Mass each Saturday, the same session on two timetables). It
goes only with a repeated group (the article printed twice), never alone. A repeated
headline without such a shape (a teaser listed twice) goes.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleaner import reasons
from cleaner.document import Block, Document, Removal
from cleaner.filters._common import MAX_CARD_GAP, quoted_together, under_contents_header
from cleaner.filters.base import BlockFilter
from cleaner.lines import CODE_RE, FIGURE_RE, FULL_STOP_END_RE, LIST_ITEM_RE, MAX_RECORD_PERIOD, MAX_RECORD_SPAN, MAX_TIMED_ENTRY_WORDS, POST_ATTRIBUTION_RE, QUESTION_END_RE, TIME_RANGE_RE, YEAR_RE, Lines, bar_rows, is_entry, is_intro, is_timed_entry
from cleaner.patterns import SENTENCE_END_RE, size
from cleaner.vocabulary import Vocabulary


def is_structure(text: str) -> bool:
    """A question, an entry, a list item, a line of code or an embedded post's attribution: it
    may repeat on purpose (the same question put to several people, a step of a recipe, a row
    label, "raise HTTPException(status_code=404)" in two functions, "— Marcus Hale (@mhale)
    March 6, 2025" under each of his two posts)."""
    return bool(
        QUESTION_END_RE.search(text) or is_intro(text) or is_entry(text) or LIST_ITEM_RE.match(text) or CODE_RE.search(text) or POST_ATTRIBUTION_RE.fullmatch(text.strip())
    )


__all__ = ["DuplicateParagraphs"]

# A row of column labels over a table's rows: this many cells at least, each after the first
# this long at most or in capitals ("Player MIN FG 3PT FT REB AST PTS", "Pos Team P W D L Pts").
MIN_HEADER_CELLS = 4
MAX_LABEL_CHARS = 4
# A row of figures, half its tokens numbers at least ("1 ITA 216604 Chiara Menichetti 1 1 2 4").
NUMBER_TOKEN_RE = regex.compile(r"[+-]?\d+(?:[.,]\d+)?")


class DuplicateParagraphs(BlockFilter):
    """Remove later copies of a paragraph (compared after folding case, quotes and spaces),
    and later copies of shorter lines that repeat together with a neighbour.

    Args:
        min_words: shorter blocks never count as copies (list items, "Yes.").
        min_paragraph_words: a block with a sentence end and this many words (or twice as
            many without), or a shorter statement ending in a full stop, is a paragraph: a
            later copy goes alone. Other blocks (a question, a heading, a label) go only when
            the block next to them repeats the first copy's neighbour too.
        contents: when a heading first appears in a list of headings (a table of contents)
            and again above its paragraph, remove the list entry and keep the heading.
        max_heading_words: longer blocks, or blocks with a sentence end, are not headings.

    >>> doc = Document.from_text("The vote is on Monday, officials said.\\nMore text here.\\nThe vote is on Monday, officials said.")
    >>> [(r.block.index, r.reason) for r in DuplicateParagraphs().find(doc)]
    [(2, 'duplicate_paragraph')]
    """

    name = "duplicate_paragraphs"
    reasons = frozenset({reasons.DUPLICATE_PARAGRAPH})

    def __init__(
        self,
        *,
        min_words: int = 5,
        min_paragraph_words: int = 10,
        contents: bool = True,
        max_heading_words: int = 12,
        vocabulary: Vocabulary | None = None,
        lines: Lines | None = None,
    ) -> None:
        super().__init__(vocabulary=vocabulary, lines=lines)
        self.min_words = min_words
        self.min_paragraph_words = min_paragraph_words
        self.contents = contents
        self.max_heading_words = max_heading_words

    def is_paragraph(self, text: str) -> bool:
        """A paragraph or a statement: long, or a sentence; a short question is not one."""
        n = size(text)
        if n >= 2 * self.min_paragraph_words:
            return True
        if n >= self.min_paragraph_words and SENTENCE_END_RE.search(text):
            return True
        return FULL_STOP_END_RE.search(text) is not None  # a statement, not a question

    def find(self, doc: Document) -> Iterator[Removal]:
        blocks = doc.blocks
        described = self.lines.of(doc.blocks)
        keys = [line.key if line.size >= self.min_words else None for line in described]
        first: dict[str, int] = {}  # key -> position in ``blocks`` of the copy that stays
        copy_of: dict[int, int] = {}  # position of a later copy -> position of its first copy
        for j, key in enumerate(keys):
            if key is None:
                continue
            i = first.get(key)
            if i is None:
                first[key] = j
            else:
                copy_of[j] = i
        quoted: dict[int, list[range]] = {}  # lists under a colon, found when first needed
        # A song's refrain is printed again on purpose (see Shapes.lyrics_runs).
        songs = self.lines.shapes.lyrics_runs([b.text for b in blocks]) if copy_of else []
        tables: list[tuple[int, int]] | None = None  # tables flattened with bars, found when first needed
        first_paragraph: int | None = None  # the page's first paragraph, found when first needed
        schedule: list[set[int]] = []  # dates between the text's paragraphs with their entries, found when first needed
        for j in sorted(copy_of):
            i = copy_of[j]
            block = blocks[j]
            if any(start <= i and j < end for start, end in songs):
                continue
            if "|" in block.text:
                if tables is None:
                    tables = bar_rows([b.text for b in blocks])
                table_i = next((t for t in tables if t[0] <= i < t[1]), None)
                table_j = next((t for t in tables if t[0] <= j < t[1]), None)
                if table_i is not None and table_j is not None and table_i != table_j:
                    if i == table_i[0] and j == table_j[0]:
                        continue  # the same header row over each group's table ("Platz | Mannschaft | ...")
                    if any(k not in copy_of for k in range(table_j[0] + 1, table_j[1])):
                        continue  # a row in two tables, the others' rows their own (a subject every department sits)
            if self._heads_rows(blocks, i) and self._heads_rows(blocks, j):
                continue  # the same header row over each team's rows ("Player MIN FG PTS" / "Luis Ferreira 40 8-17 22")
            if first_paragraph is None:
                first_paragraph = next((k for k, b in enumerate(blocks) if self.is_paragraph(b.text)), len(blocks))
            if i < first_paragraph < j and self._signs_notice(blocks, j):
                continue  # the issuer over the notice's date at its end, named in the page's head too
            if self._heads_card(blocks, j):
                continue  # the headline said again over its recipe card's facts ("Préparation : 30 minutes")
            if self._contents_entry(blocks, i, j):
                first[keys[j]] = j  # type: ignore[index]
                yield self.removal(blocks[i], "duplicate_paragraph", f"contents entry of the heading on line {doc.line(block.index)}")
            elif size(block.text) < 2 * self.min_paragraph_words and quoted_together(self.lines, blocks, quoted, i, j):
                # A refrain of verse quoted under "... she had chosen herself:", its lines
                # sentences or not (a paragraph of twice that length printed again goes).
                continue
            elif not self.is_paragraph(block.text) and self.lines.shapes.under_slot(blocks, i) and self.lines.shapes.under_slot(blocks, j):
                continue  # a schedule's place under two of its slots ("wtorek, czwartek 16:30–17:45" / "Orlik przy SP nr 4")
            elif not self.is_paragraph(block.text) and self._in_schedule(blocks, schedule, i, j):
                continue  # a date said again in a table of dates ("Szczupak" / "od 1 stycznia do 30 kwietnia" / ... / "Sandacz" / "od 1 stycznia do 30 kwietnia")
            elif self.is_paragraph(block.text) or not (
                is_structure(block.text)
                or self.lines.shapes.is_data_cell(block.text)
                or self._schedule_entry(block.text)
                or self._data_row(blocks, j)
                or self._row_label(blocks, i)
                or self._in_records(blocks, j)
            ):
                # (A table's cell or a schedule's entry may repeat too: "8h–12h et 15h–18h" on
                # Monday and Tuesday, "18.00 Uhr St. Josef: Vorabendmesse" each Saturday; so
                # may a row of data among others, a game's score over its report and again in
                # the scoreboard, a row's label, the same districts under two warnings.)
                yield self.removal(block, "duplicate_paragraph", f"same text as line {doc.line(blocks[i].index)}")
            elif (copy_of.get(j - 1) == i - 1 or copy_of.get(j + 1) == i + 1) and not (self._schedule_entry(block.text) or CODE_RE.search(block.text)):
                # (Not a schedule's entries, the same two Masses each Sunday, nor code: they
                # repeat in groups on purpose.)
                yield self.removal(block, "duplicate_paragraph", f"lines {doc.line(blocks[i].index)}ff. printed again")

    def _in_records(self, blocks: tuple[Block, ...], j: int) -> bool:
        """Is line ``j`` inside records of the same shape (:meth:`lines.Shapes.shaped_records`:
        "Aviso laranja – precipitação" / "Viana do Castelo, Braga, Porto" / "Entre as 03h00 ..."
        / ... / "Aviso laranja – agitação marítima" / "Viana do Castelo, Braga, Porto" / ...),
        among the lines next to it in the input that are no paragraph?"""
        reach = MAX_RECORD_PERIOD * MAX_RECORD_SPAN
        lo = j
        while lo > max(0, j - reach) and blocks[lo - 1].index == blocks[lo].index - 1 and not self.is_paragraph(blocks[lo - 1].text):
            lo -= 1
        hi = j + 1
        while hi < min(len(blocks), j + reach) and blocks[hi].index == blocks[hi - 1].index + 1 and not self.is_paragraph(blocks[hi].text):
            hi += 1
        return self.lines.shapes.records_over([b.text for b in blocks[lo:hi]], j - lo) is not None

    def _in_schedule(self, blocks: tuple[Block, ...], schedule: list[set[int]], i: int, j: int) -> bool:
        """Are lines ``i`` and ``j`` both dates or entries of a schedule between the text's
        paragraphs (:meth:`lines.Shapes.dated_entry_lines`), or lines of a programme by day
        (:meth:`lines.Shapes.day_groups`: the same pharmacy on call on Monday and on Sunday)?
        ``schedule`` holds the page's once found."""
        if not schedule:
            texts = [b.text for b in blocks]
            shapes = self.lines.shapes
            lines = shapes.dated_entry_lines(texts, [b.index for b in blocks])
            for start, end in shapes.day_groups(texts, [line.prose for line in self.lines.of(blocks)]):
                lines.update(range(start, end))
            schedule.append(lines)
        return i in schedule[0] and j in schedule[0]

    def _signs_notice(self, blocks: tuple[Block, ...], j: int) -> bool:
        """Is the later copy ``j`` (its first above the page's first paragraph, it below) a
        notice's issuer right over its date with the year (the site's name in its head:
        "滨江市人力资源和社会保障局" / ... / "滨江市人力资源和社会保障局" / "2024年3月14日")? Its signature, not a
        copy. (A reader who comments twice is named under the text both times.)"""
        if j + 1 >= len(blocks) or blocks[j + 1].index != blocks[j].index + 1 or self.is_paragraph(blocks[j].text):
            return False
        # (a date with its year: a live report's times stamp its posts; and one date, not a
        # list of other stories each over its date)
        shapes = self.lines.shapes
        if not shapes.is_date(blocks[j + 1].text) or YEAR_RE.search(blocks[j + 1].text) is None:
            return False
        return not any(0 <= k < len(blocks) and shapes.is_date(blocks[k].text) for k in (j - 1, j + 3))

    def _row_label(self, blocks: tuple[Block, ...], i: int) -> bool:
        """Is the first copy ``i`` a table's row label, over one of its figures next to it in the
        input ("8,6" / "Philips 3000 Series Dual Basket NA352/00" / "€ 199"; the first row's
        under the header row)? The thing the row is about may head its own section below."""
        return i + 1 < len(blocks) and blocks[i + 1].index == blocks[i].index + 1 and self.lines.shapes.is_data_cell(blocks[i + 1].text)

    def _data_row(self, blocks: tuple[Block, ...], j: int) -> bool:
        """Is line ``j`` a row of data next to another in the input ("Eastfield 42,
        Hillcrest 14" / "Cold Springs 31, Lakeview 28 (2OT)": a scoreboard's rows)?"""
        is_data = self.lines.shapes.is_data
        return is_data(blocks[j].text) and any(
            0 <= k < len(blocks) and abs(blocks[k].index - blocks[j].index) == 1 and is_data(blocks[k].text) for k in (j - 1, j + 1)
        )

    def _schedule_entry(self, text: str) -> bool:
        """A schedule's entry: led by its time ("18.00 Uhr St. Josef: Vorabendmesse", see
        :func:`lines.is_timed_entry`), or a slot from one time to another, no sentence, of
        ``MAX_TIMED_ENTRY_WORDS`` words at most ("Sunday 10.00am – 1.00pm Family swim"): the
        same Mass each Saturday, the same session on two timetables."""
        line = self.lines(text)
        if is_timed_entry(line):
            return True
        return line.words <= MAX_TIMED_ENTRY_WORDS and not line.sentence_end and TIME_RANGE_RE.search(line.folded) is not None

    def _heads_rows(self, blocks: tuple[Block, ...], i: int) -> bool:
        """Is line ``i`` a table's row of column labels over its rows: ``MIN_HEADER_CELLS``
        words or more, most after the first a short label or capitals, none a figure ("Player
        MIN FG 3PT FT REB AST PTS"), right over a row of data (:meth:`lines.Shapes.is_data`) next to
        it in the input with as many cells at least ("Luis Ferreira 40 8-17 3-8 3-4 5 4 22"), or
        of numbers half its tokens at least (a regatta's "1 ITA 216604 Chiara Menichetti 1 1 2 4")?"""
        k = i + 1
        if k >= len(blocks) or blocks[k].index != blocks[i].index + 1:
            return False
        cells = blocks[i].text.split()
        # (Some columns' labels may be words: "Pos. Sail no. Helmsman R1 R2 R3 Total".)
        return (
            len(cells) >= MIN_HEADER_CELLS
            and 2 * sum(1 for cell in cells[1:] if len(cell) > MAX_LABEL_CHARS and not cell.isupper()) <= len(cells) - 1
            and not any(NUMBER_TOKEN_RE.fullmatch(cell) for cell in cells)
            and not FIGURE_RE.search(self.lines(blocks[i].text).folded)
            and len(row := blocks[k].text.split()) >= len(cells)
            and (self.lines.shapes.is_data(blocks[k].text) or 2 * sum(1 for token in row if NUMBER_TOKEN_RE.fullmatch(token)) >= len(row))
        )

    def _heads_card(self, blocks: tuple[Block, ...], j: int) -> bool:
        """Is line ``j``, a headline-sized line said before, the title of a card of facts: a
        "Label: value" line with a fact box's label (vocabulary ``fact_labels``: "Prep time: 20 minutes",
        "Préparation : 30 minutes") among the ``MAX_CARD_GAP`` lines under it (a rating or the
        card's summary between)? A recipe card repeats the post's headline on purpose."""
        if size(blocks[j].text) > self.max_heading_words or SENTENCE_END_RE.search(blocks[j].text):
            return False
        return any(self.lines.shapes.labels_fact(blocks[k].text) for k in range(j + 1, min(len(blocks), j + 1 + MAX_CARD_GAP)))

    def _contents_entry(self, blocks: tuple[Block, ...], i: int, j: int) -> bool:
        """The earlier copy is an entry of a list of headings (a table of contents, with
        another short line next to it) and the later one heads a paragraph: the heading
        stays, the entry goes."""
        if not self.contents or SENTENCE_END_RE.search(blocks[j].text) or size(blocks[j].text) > self.max_heading_words:
            return False
        heads_prose = j + 1 < len(blocks) and size(blocks[j + 1].text) >= 2 * self.max_heading_words
        neighbours = [blocks[k].text for k in (i - 1, i + 1) if 0 <= k < len(blocks) and k != j]
        # (A row's label between a table's figures is no entry: "8,6" / "Philips 3000 Series
        # ..." / "€ 199", the product reviewed again under its heading below.)
        if self._row_label(blocks, i):
            return False
        in_list = any(size(t) <= self.max_heading_words and not SENTENCE_END_RE.search(t) for t in neighbours)
        return in_list and (heads_prose or under_contents_header(self.lines, blocks, i))

