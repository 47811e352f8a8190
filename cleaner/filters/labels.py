"""SectionLabels: the section label or kicker a scraper picks up above the headline."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleaner.blocks import Block, looks_like_title
from cleaner.document import Document, Removal
from cleaner import reasons
from cleaner.filters._common import MAX_UI_CHARS, head_positions, names_entry, run_of_neighbours
from cleaner.filters.base import BlockFilter
from cleaner.lines import BAR_SEPARATOR_RE, LIFE_DATES_RE, MAX_EVENT_LINES, Lines, crumb_items
from cleaner.patterns import SENTENCE_END_RE, core, size
from cleaner.vocabulary import Vocabulary

__all__ = ["SectionLabels"]

QUOTED_RE = regex.compile(r"^\s*[\"'«»„“”‘’‹›「『]")
# Facts between bars ("Fulltime, vast contract | Standplaats: Zwolle | Start: per direct"): two
# bars or more make a line of facts, not a headline with a kicker over it.
MIN_FACT_BARS = 2
# The filter whose removals split a kicker from its headline (cleaner.filters.body).
BODY_REGION = "body_region"
PARTS_RE = regex.compile(r"\s*[|/>›»·•,]\s*")


class SectionLabels(BlockFilter):
    """Remove section labels ("World", "Nouvelles", "В мире") and kickers at the head.

    Args:
        head_blocks: how many leading blocks may hold labels.
        kickers: also remove a 1-2 word line right above a longer headline.

    >>> doc = Document.from_text("Nouvelles\\n\\nDerrière le site, d’autres affaires\\n\\nLe texte.")
    >>> [(r.block.text, r.reason) for r in SectionLabels().find(doc)]
    [('Nouvelles', 'section_label')]
    """

    name = "section_labels"
    reasons = frozenset({reasons.SECTION_LABEL, reasons.KICKER})

    def __init__(
        self, *, vocabulary: Vocabulary | None = None, lines: Lines | None = None, head_blocks: int = 4, kickers: bool = True
    ) -> None:
        super().__init__(vocabulary=vocabulary, lines=lines)
        self.head_blocks = head_blocks
        self.kickers = kickers

    def is_label(self, text: str) -> bool:
        if len(text) > MAX_UI_CHARS:
            return False
        return self.lines.answer("section_label", text, lambda: self._is_label(text))

    def _is_label(self, text: str) -> bool:
        parts = [p for p in PARTS_RE.split(self.lines(text).key) if p]
        return bool(parts) and all(self.vocabulary.is_phrase("section_labels", p) for p in parts)

    def _detail(self, text: str) -> str:
        """The vocabulary entries the label's parts are ("World", "Sport | Football")."""
        parts = [p for p in PARTS_RE.split(self.lines(text).key) if p]
        found = [self.vocabulary.explain(("section_labels",), p) or repr(p) for p in parts]
        return "; ".join(found)

    def find(self, doc: Document) -> Iterator[Removal]:
        head = head_positions(doc, max_blocks=self.head_blocks)
        labelled = set()
        for i in head:
            if self.is_label(doc.blocks[i].text):
                labelled.add(i)
                yield self.removal(doc.blocks[i], "section_label", self._detail(doc.blocks[i].text))
        if not self.kickers:
            return
        rest = [i for i in range(len(doc.blocks)) if i not in labelled]
        # The kicker is the first line, when a headline follows it. Only the first line may
        # be one, so removing a kicker never turns the next short line into another.
        if len(rest) >= 3 and rest[0] in head:
            a, b = rest[0], rest[1]
            first, second = doc.blocks[a], doc.blocks[b]
            n_first, n_second = size(first.text), size(second.text)
            if (
                looks_like_title(second.text)
                and n_second >= 4
                and 1 <= n_first <= 2
                and len(first.text) <= 40
                and not SENTENCE_END_RE.search(first.text)
                and not first.text.rstrip().endswith((":", "："))
                and not QUOTED_RE.match(first.text)  # „Unermüdlicher Einsatz“ is a headline
                and len(BAR_SEPARATOR_RE.findall(second.text)) < MIN_FACT_BARS
                and not LIFE_DATES_RE.search(second.text)  # a death notice's name over the life's dates
                and not self.lines.shapes.is_version(first.text)  # a release's name and version
                and not self.lines.shapes.event_lines(run_of_neighbours(doc.blocks, b, MAX_EVENT_LINES), 0)  # an event's name over when and where
                and n_second > n_first
                and not self._names_page(doc, first, second)
                and not self._trail_names(doc, first)
                # an entry's name over the caption of its picture ("Nors" / "Nors fångad i
                # Mälaren"; see names_entry)
                and not names_entry(self.lines, doc, first)
                # the kind of an official notice over its title ("Öffentliche Bekanntmachung")
                and not self.lines.is_phrase("notice_titles", self.lines(first.text))
            ):
                yield self.removal(first, "kicker", f"above the headline {second.text[:60]!r}")

    def _trail_names(self, doc: Document, block: Block) -> bool:
        """Does a trail of crumbs higher up, not right above it, end in ``block``'s text? Then
        it is the page's own title over its subtitle ("Accueil > Expositions > Marées" / ... /
        "Marées" / "Peintres et photographes face à la mer, 1860-1960"), not a section's name."""
        key = self.lines(block.text).key
        for other in doc.input_blocks:
            if other.index >= block.index - 1:
                return False
            items = crumb_items(other.text) if len(other.text) <= MAX_UI_CHARS else []
            if len(items) >= 2 and self.lines(items[-1]).key == key:
                return True
        return False

    def _names_page(self, doc: Document, block: Block, under: Block) -> bool:
        """Does ``block`` repeat the last item of a trail of crumbs right above it in the input
        (removed or not), while the line taken for the headline under it was not next to it
        in the input (the text's region cut the lines between in an earlier round)? Then it is
        the page's own headline over a section ("Home > Service > Veelgestelde vragen" /
        "Veelgestelde vragen" / "Lidmaatschap" / "Hoe word ik lid?"); a section's name
        right above the headline is its kicker ("Accueil > Société > Mobilités" / "Mobilités"
        / "À Saint-Amand, la ville trace 14 kilomètres de pistes cyclables")."""
        if not any(r.filter == BODY_REGION and block.index < r.block.index < under.index for r in doc.removals):
            return False
        above = next((r.block for r in doc.removals if r.block.index == block.index - 1), None)
        above = above or next((b for b in doc.blocks if b.index == block.index - 1), None)
        items = crumb_items(above.text) if above is not None else []
        return len(items) >= 2 and self.lines(items[-1]).key == self.lines(block.text).key
