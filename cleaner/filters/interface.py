"""InterfaceLines: buttons, prompts and notices a page shows around any article.

A line goes only when the whole line (decoration aside) is a vocabulary phrase of one
category, so a sentence that merely mentions "retour en haut de la page" stays. A one-word
line inside a table ("48", "Weiter" among figures, "AD" above "29,5%") is a cell, not
navigation or an ad label; a clock time over an entry of a live report, as over the
others, is the entry's stamp.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Sequence

import regex

from cleaner import reasons
from cleaner.document import Block, Document, Removal
from cleaner.filters._common import MAX_NOTICE_CHARS, MAX_UI_CHARS
from cleaner.filters.base import BlockFilter
from cleaner.lines import CODE_BLOCK_OPEN_RE, LABELLED_RE, LETTER_RE, MAX_HEADED_CELLS, MINUTE_RE, NAMED_CONTACT_WINDOW, STEP_NUMBER_RE, Lines, asks, step_numbers
from cleaner.vocabulary import Vocabulary

__all__ = ["InterfaceLines"]

# Checked in this order; each is a vocabulary category and the reason code.
CATEGORIES = reasons.INTERFACE
SEPARATORS_RE = regex.compile(r"[\s|•·/,;:]+")
# What a copyright line names besides the phrase: the mark or a year.
COPYRIGHT_MARK_RE = regex.compile(r"©|\(c\)|(?<!\d)(?:19|20)\d{2}(?!\d)")
# One word judged so inside a table is a cell ("48", "Weiter", a party called "AD", a
# column called "Share").
CELL_REASONS = frozenset({reasons.NAVIGATION, reasons.ADVERTISEMENT, reasons.SHARE_PROMPT})
# A bare count of likes, comments or views: "38", "1.4K", "8,4 k", "1 204".
COUNT_RE = regex.compile(r"\d{1,3}(?:[ .,]\d{1,3})*(?: ?[kKmM])?")
# An upper-case abbreviation that can be a name as well as an ad label: "AD", "PUB".
UPPER_ABBREVIATION_RE = regex.compile(r"\p{Lu}{1,4}")
# Figures alone, as a table's cell may hold them ("9/10", "3 / 4").
FIGURES_ONLY_RE = regex.compile(r"\s*\d{1,4}(?:\s?[/:.,]\s?\d{1,4}){0,2}\s*")
# A page's link ("Kontakt") or footer word that heads contact details is their heading.
HEADING_REASONS = frozenset({reasons.NAVIGATION, reasons.COOKIE_NOTICE})
# ... unless said this many times on the page: a button of each record listed.
MIN_BUTTON_COPIES = 3
# A footer's word between two paragraphs is their subheading; its words at most.
MAX_HEADING_WORDS = 2
# A line that opens with a quotation, closed, and goes on with three words or more.
QUOTED_LEAD_RE = regex.compile(r"\s*[\"“„«»‚‘'‹›][^\"“”„«»]{3,200}[\"“”»«‘’'›‹]\s*\S+(?:\s+\S+){2}")


# A path alone: "/home", "/var/lib/docker", "~/.ssh" (perhaps with a note in brackets).
PATH_RE = regex.compile(r"\s*~?/[\w.-]+(?:/[\w.-]+)*/?(?:\s+\([^()]{1,60}\))?\s*")


class InterfaceLines(BlockFilter):
    """Remove whole-line interface text: ads, navigation, share/subscribe prompts, notices.

    >>> doc = Document.from_text("Partager\\nFacebook Twitter E-mail\\nLe texte reste.")
    >>> [(r.block.text, r.reason) for r in InterfaceLines().find(doc)]
    [('Partager', 'share_prompt'), ('Facebook Twitter E-mail', 'share_prompt')]
    """

    name = "interface_lines"
    reasons = frozenset(reasons.INTERFACE)
    # Not line-local: whether a one-word line is a table cell depends on its neighbours.
    line_local = False

    def __init__(
        self, *, vocabulary: Vocabulary | None = None, lines: Lines | None = None, categories: tuple[str, ...] = CATEGORIES
    ) -> None:
        super().__init__(vocabulary=vocabulary, lines=lines)
        self.categories = tuple(categories)
        self._share_words = self.vocabulary.literals("share_words")
        self._copyright_phrases = self.vocabulary.literals(reasons.COPYRIGHT_LINE)

    def judge(self, text: str) -> str | None:
        """The reason code for an interface line, or None (remembered per line: the same
        buttons and notices recur on every page of a site)."""
        if len(text) > MAX_UI_CHARS:
            if len(text) > MAX_NOTICE_CHARS or reasons.COOKIE_NOTICE not in self.categories or QUOTED_LEAD_RE.match(text):
                return None
            key = self.lines(text).key
            found = self.vocabulary.classify((reasons.COOKIE_NOTICE,), key)
            return found if found is not None else (reasons.COOKIE_NOTICE if self._labelled_notice(key) is not None else None)
        result: str | None = self.lines.answer(("interface", self.categories), text, lambda: self._judge(text))
        return result

    def _judge(self, text: str) -> str | None:
        key = self.lines(text).key
        if not key:
            return None
        # A file system's path ("/home", "~/.config") is no button, whatever its words; a
        # match's minute ("88'") is a live report's stamp, not a page's number.
        if PATH_RE.fullmatch(text) or MINUTE_RE.fullmatch(text):
            return None
        # Nor is a line of code that opens a block ("  watch: {", "items: [").
        if CODE_BLOCK_OPEN_RE.match(text):
            return None
        # A sentence that quotes an interface phrase and goes on ("\"Vi bruger cookies ...\" De
        # fleste danskere har klikket på den sætning ...") is the article's.
        if QUOTED_LEAD_RE.match(text):
            return None
        category = self.vocabulary.classify(self.categories, key)
        if category == reasons.COPYRIGHT_LINE and self._mentions_rights(text):
            return None
        if category is not None:
            return category
        if self._labelled_notice(key) is not None:
            return reasons.COOKIE_NOTICE
        if len(key) > 120:
            return None
        # A row of buttons between bars, each one a button or link of the page's ("Artikel
        # anhören | Merken | Teilen", "Impressum | Datenschutz"): the first one's reason.
        if "|" in key:
            cells = [cell.strip() for cell in key.split("|")]
            if len(cells) >= 2 and all(cells):
                found = [self.vocabulary.classify(self.categories, cell) for cell in cells]
                if all(found):
                    return found[0]
        # A row of share buttons: share words, perhaps with share phrases ("Artikel teilen").
        # Its first token is a share word, or a share phrase starts the line (a phrase
        # cannot start inside a word): other lines need no search for phrases.
        tokens = [t for t in SEPARATORS_RE.split(key) if t]
        if tokens and tokens[0] not in self._share_words and self.vocabulary.prefix("share_prompt", key) is None:
            return None
        key, phrases = self.vocabulary.remove_all("share_prompt", key)
        tokens = [t for t in SEPARATORS_RE.split(key) if t]
        if (phrases or tokens) and len(tokens) <= 12 and all(t in self._share_words for t in tokens):
            return "share_prompt"
        return None

    def _labelled_notice(self, key: str) -> tuple[str, str] | None:
        """A consent banner's notice under a short label of its own ("Datenschutz-Hinweis: Wir
        nutzen Cookies ...", "Privacy notice: We use cookies ..."): the label and the text after
        its colon, a cookie notice of the vocabulary; or None."""
        if reasons.COOKIE_NOTICE not in self.categories or ":" not in key:
            return None
        label = LABELLED_RE.match(key)
        if label is None:
            return None
        rest = key[label.end(1) :].lstrip(" :：")
        return (label.group(1), rest) if self.vocabulary.classify((reasons.COOKIE_NOTICE,), rest) is not None else None

    def _mentions_rights(self, text: str) -> bool:
        """A sentence that quotes the phrase and goes on ("All rights reserved, the small
        print says, but ..."): it opens with a copyright phrase and a comma, has eight words
        or more and a sentence end, and no owner's mark (©, a year)."""
        line = self.lines(text)
        if line.words < 8 or not line.sentence_end or COPYRIGHT_MARK_RE.search(line.folded):
            return False
        return any(line.folded.startswith(phrase + ",") for phrase in self._copyright_phrases)

    def find(self, doc: Document) -> Iterator[Removal]:
        found = [(i, reason) for i, block in enumerate(doc.blocks) if (reason := self.judge(block.text))]
        cells: set[int] = set()
        stamps: set[int] = set()
        # The lines that may be a table's cells: the structure of the text around them, none other.
        maybe_cells = [i for i, reason in found if reason in CELL_REASONS and self._may_be_cell(doc.blocks[i].text)]
        if maybe_cells:
            texts = [b.text for b in doc.blocks]
            interface = {i for i, _ in found}
            for start, end, why in self.lines.shapes.structured_runs(texts, [line.prose for line in self.lines.of(doc.blocks)], near=maybe_cells):
                if why == "data":
                    cells.update(range(start, end))
                    cells.difference_update(self._engagement_bars(doc.blocks, interface, start, end))
                elif why == "days":
                    stamps.add(start)
                elif why == "list" and asks(texts[start]) and [reason for i, reason in found if start <= i < end] == [reasons.SHARE_PROMPT]:
                    # The one brand among the items that answer a question of the text
                    # ("Welche Dienste unterstützen Passkeys?" / "Google" / "Apple" / ...) is
                    # no share button: a row of them holds more. (Nor a button of another kind.)
                    cells.update(range(start, end))
            # A small table's header row ("Home" / "Away" / "Score" over its rows).
            tables: dict[int, int | None] = {}  # where the table starting at a line ends
            for i, reason in found:
                if reason in CELL_REASONS and i not in cells and self._may_be_cell(texts[i]):
                    for start in range(max(0, i - MAX_HEADED_CELLS), i + 1):
                        if start not in tables:
                            tables[start] = self.lines.shapes.headed_table(texts, start, len(texts))
                        end = tables[start]
                        if end is not None and end > i:
                            cells.update(range(start, end))
                            break
        steps: set[int] = set()
        if any(reason == reasons.NAVIGATION and STEP_NUMBER_RE.fullmatch(doc.blocks[i].text) for i, reason in found):
            steps = step_numbers(self.lines.of(doc.blocks), [b.index for b in doc.blocks])
        copies: Counter[str] | None = None  # lines found, by text, counted when first needed
        for i, reason in found:
            block = doc.blocks[i]
            if reason in CELL_REASONS and i in cells and self._may_be_cell(block.text):
                # A cell of a table ("Share" over "9 %"); a share button is one only where
                # its row goes on under it, an ad label only when it is also a name's
                # abbreviation (a party called "AD" above "29,5%"): "Anzeige" or "Publicité"
                # between rows is the ad slot of the page.
                # The time of a live report's next entry under it is no row.
                row_under = i + 1 in cells and i + 1 not in stamps
                if reason == reasons.NAVIGATION or (row_under and (reason != reasons.ADVERTISEMENT or UPPER_ABBREVIATION_RE.fullmatch(block.text.strip()))):
                    continue
            if reason == reasons.NAVIGATION and 0 < i and doc.blocks[i - 1].index == block.index - 1 and self.lines.shapes.scores(doc.blocks[i - 1].text, block.text):
                continue  # a review's score under its label ("Score" / "4/5"), no page counter
            if reason == reasons.NAVIGATION and i in steps:
                continue  # a how-to's step number over its step ("1" / "Cut the pork into strips." / "2" / ...)
            if reason == reasons.NAVIGATION and i in stamps:
                continue  # "16:05" over an entry of a live report, as other entries are
            if reason == reasons.COOKIE_NOTICE and self._between_paragraphs(doc, i):
                continue  # a footer's word as the text's subheading ("Om oss" over the company's paragraph in a job ad)
            if reason == reasons.COOKIE_NOTICE and self._over_first_paragraph(doc, i, found):
                continue  # a footer's word as the page's title ("Om oss" over an about page's first paragraph)
            if reason in HEADING_REASONS and self.lines.shapes.heads_contacts([b.text for b in doc.blocks[i : i + 1 + NAMED_CONTACT_WINDOW]], 0):
                # "Kontakt" over the club's phone number and e-mail address; not a button said
                # again under each of several records ("Route planen" over the next
                # pharmacy's address and phone number).
                if copies is None:
                    copies = Counter(doc.blocks[k].text for k, _ in found)
                if copies[block.text] < MIN_BUTTON_COPIES:
                    continue
            yield self.removal(block, reason, self._detail(block.text, reason))

    def _detail(self, text: str, reason: str) -> str:
        """What made the line an interface line: the vocabulary entry it is (file and line),
        or the row of buttons it makes, or the label over a consent notice."""
        key = self.lines(text).key
        found = self.vocabulary.explain((reason,), key)
        if found is not None:
            return found
        if reason == reasons.COOKIE_NOTICE and (labelled := self._labelled_notice(key)) is not None:
            return f"under the label '{labelled[0]}': {self.vocabulary.explain((reason,), labelled[1])}"
        if "|" in key:
            return "a row of buttons between bars, each a vocabulary entry"
        return "a row of share buttons (vocabulary share_words and share_prompt)"

    def _between_paragraphs(self, doc: Document, i: int) -> bool:
        """Is block ``i`` a short line right between two paragraphs (sentence-like lines, see
        Line.prose), next to both in the input?"""
        blocks = doc.blocks
        if not 0 < i < len(blocks) - 1 or not blocks[i - 1].index == blocks[i].index - 1 == blocks[i + 1].index - 2:
            return False
        above, line, under = self.lines.of(blocks[i - 1 : i + 2])
        return above.prose and under.prose and line.words <= MAX_HEADING_WORDS and not line.sentence_end

    def _over_first_paragraph(self, doc: Document, i: int, found: list[tuple[int, str]]) -> bool:
        """Is block ``i`` a short line (``MAX_HEADING_WORDS`` at most, no sentence) right over
        the page's first paragraph, next to it in the input, that paragraph no interface line
        itself (not a consent banner's notice under its links), said already in the menu above?
        The page's title: an about or contact page is named as its menu's link is ("Om oss" /
        ... / "Om oss" / "Vi rostar kaffe i liten skala i Umeå – sedan 2012, en sats i
        taget.")."""
        blocks = doc.blocks
        if not 0 <= i < len(blocks) - 1 or blocks[i + 1].index != blocks[i].index + 1 or any(k == i + 1 for k, _ in found):
            return False
        line, under = self.lines.of(blocks[i : i + 2])
        if not under.prose or line.words > MAX_HEADING_WORDS or line.sentence_end:
            return False
        # (And said above it in the input, in the site's menu, removed in an earlier round or
        # not: the page named as its link is.)
        above = self.lines.of(tuple(b for b in doc.input_blocks if b.index < blocks[i].index))
        return not any(a.prose for a in above) and any(a.key == line.key for a in above)

    def _engagement_bars(self, blocks: Sequence[Block], interface: Collection[int], start: int, end: int) -> set[int]:
        """The lines of lines ``start`` to ``end`` that are a post's counts of likes and
        comments next to its buttons ("38" / "7" / "Share"; "1.4K" / "31" / "Listen"): lines
        next to each other in the input, each a bare count or a one-word interface line, a
        count and a word among them. A table's cell next to them has its names ("Party" /
        "Share" / "Seats")."""
        found: set[int] = set()
        k = start
        while k < end:
            run: list[int] = []
            counts = words = 0
            while k < end and (not run or blocks[k].index == blocks[run[-1]].index + 1):
                text = blocks[k].text.strip()
                if COUNT_RE.fullmatch(text):
                    counts += 1
                elif k in interface and LETTER_RE.search(text) and self.lines(text).words <= 1:
                    words += 1
                else:
                    break
                run.append(k)
                k += 1
            if counts and words:
                found.update(run)
            if not run:
                k += 1
        return found

    def _may_be_cell(self, text: str) -> bool:
        """One word ("48", "Weiter", "AD"), or figures alone ("9/10", "3 / 4": a rating, not
        a page counter, in a table's row)."""
        return self.lines(text).words <= 1 or FIGURES_ONLY_RE.fullmatch(text) is not None
