"""BodyRegion: short link-like lines before and after the article's run of prose.

Without HTML, what marks navigation, "more stories" lists and teaser links is their
shape: short lines without a sentence end, in runs, outside the stretch of the page where
the prose paragraphs are. Inside that stretch short lines are subheadings and stay.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

import regex

from cleaner.blocks import looks_like_title
from cleaner.document import Block, Document, Removal
from cleaner.filters._common import Memo, vocabulary_or_default
from cleaner.patterns import SENTENCE_END_RE, core, size
from cleaner.vocabulary import Vocabulary

__all__ = ["BodyRegion"]

# List items and lines that introduce what follows are structure, not links.
LIST_ITEM_RE = regex.compile(r"^\s*(?:\d{1,3}[.)]|[-•*–▪·])\s")
# A last sentence signed by the agency: "... to comment. - Sapa", "... deport him. — PTI".
SIGNED_END_RE = regex.compile(r"[.!?][\"”’»]?\s*[-–—]\s*[\w.&/ ]{2,25}$")
INTRO_END_RE = regex.compile(r"[:：]\s*$")
# An entry of a list: a short label, a colon, then the items ("宮崎県：高鍋町、新富町").
LABELLED_RE = regex.compile(r"^[^\s:：]{1,20}(?: [^\s:：]{1,20}){0,2}\s?[:：]\s?\S")
# "Home | News | Sport | ...": items between spaced bars or bullets.
BAR_SEPARATOR_RE = regex.compile(r"\s[|•·]\s")


# Removed lines that mark the end of an article box (ads and captions sit inside articles).
BOUNDARY_REASONS = frozenset(
    {"share_prompt", "subscription_prompt", "comment_counter", "copyright_line", "tag_list", "cookie_notice",
     "author_bio", "bio_language_switch"}
)


class BodyRegion:
    """Remove short non-sentence lines outside the region of prose paragraphs.

    Args:
        min_prose_words: a block with this many words and a sentence end is prose.
        long_words: a block with this many words is prose whatever its ending.
        max_short_words: lines up to this many words without a sentence end are link-like.
        min_gap: this many link-like lines in a row split the page into separate regions;
            regions with less than ``min_region_share`` of the largest one's prose are
            not the article.
        keep_title: keep the most headline-like line before the body.
        max_inner_run: a run of more link-like lines than this between two kept parts of
            the text is a link box (reason ``link_list``); ``None`` keeps such runs.
        min_bar_items, max_bar_item_words: a line of at least this many items of at most
            this many words between spaced bars or bullets ("Home | News | Sport") is a
            link bar: link-like, never prose, however long.
        min_share_bar: this many share buttons within as many lines are a share bar, and a
            share bar or a comment counter (removed by the interface filter) separates
            regions; ``None``: only comment counters do.
        min_lead_words: the page's first region, above the main one with nothing but
            crumbs of prose (each under this many words) in between, with this many words of
            prose is the article's lead: kept, and the links and crumbs under it removed.
        min_prose_above_comments, min_share_above_comments: a readers' comments header
            cuts the tail when at least this many words (and this share of all prose) of
            the kept text lie above it.

    >>> text = "Home\\nSport\\nChelsea hoping to sign Anelka\\n" + "Chelsea are hoping to complete the signing of the striker this week, the club said.\\n" * 2 + "More articles\\nFAI unveils schedule"
    >>> [(r.block.text, r.reason) for r in BodyRegion().find(Document.from_text(text))]
    [('Home', 'before_body'), ('Sport', 'before_body'), ('More articles', 'after_body'), ('FAI unveils schedule', 'after_body')]
    """

    name = "body_region"

    def __init__(
        self,
        *,
        min_prose_words: int = 10,
        long_words: int = 25,
        max_short_words: int = 15,
        min_gap: int | None = 4,
        keep_title: bool = True,
        min_region_share: float = 0.2,
        min_strong_share: float = 0.35,
        drop_outside_prose: bool = True,
        min_standfirst_words: int | None = 8,
        related_sections: bool = True,
        max_teaser_words: int = 45,
        max_related_share: float = 0.3,
        min_prose_above_comments: float = 80,
        min_share_above_comments: float = 0.3,
        max_inner_run: int | None = 12,
        min_bar_items: int = 4,
        max_bar_item_words: int = 12,
        min_share_bar: int | None = 3,
        min_lead_words: float = 20,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self.related_sections = related_sections
        self.min_strong_share = min_strong_share
        self.max_teaser_words = max_teaser_words
        self.max_related_share = max_related_share
        self.min_prose_above_comments = min_prose_above_comments
        self.min_share_above_comments = min_share_above_comments
        self.max_inner_run = max_inner_run
        self.min_bar_items = min_bar_items
        self.min_share_bar = min_share_bar
        self.min_lead_words = min_lead_words
        self.max_bar_item_words = max_bar_item_words
        self.vocabulary = vocabulary_or_default(vocabulary)
        # A line's shape (prose, link-like, list header) depends on its text alone, and the
        # pipeline's later rounds ask again about every line that is left.
        self._memo = Memo()
        self.min_standfirst_words = min_standfirst_words if min_standfirst_words is not None else 10**9
        self.drop_outside_prose = drop_outside_prose
        self.min_region_share = min_region_share
        self.min_prose_words = min_prose_words
        self.long_words = long_words
        self.max_short_words = max_short_words
        self.min_gap = min_gap
        self.keep_title = keep_title

    def is_prose(self, text: str) -> bool:
        n = size(text)
        return not self.is_link_bar(text) and (
            n >= self.long_words or (n >= self.min_prose_words and bool(SENTENCE_END_RE.search(text)))
        )

    def _shape(self, text: str) -> tuple[bool, bool]:
        """``(is_prose(text), is_short(text))``, remembered per line."""
        result: tuple[bool, bool] = self._memo.get(text, lambda: (self.is_prose(text), self.is_short(text)))
        return result

    def is_link_bar(self, text: str) -> bool:
        """A row of at least ``min_bar_items`` short items between spaced bars or bullets,
        however long the row: a menu or a strip of headlines, not a paragraph."""
        if len(BAR_SEPARATOR_RE.findall(text)) < self.min_bar_items - 1:
            return False
        return max(size(item) for item in BAR_SEPARATOR_RE.split(text)) <= self.max_bar_item_words

    def is_short(self, text: str) -> bool:
        return self.is_link_bar(text) or (
            size(text) <= self.max_short_words
            and not SENTENCE_END_RE.search(text)
            and not SIGNED_END_RE.search(text)
            and not LIST_ITEM_RE.match(text)
            and not INTRO_END_RE.search(text)
        )

    def _regions(
        self,
        blocks: tuple[Block, ...],
        prose: list[bool],
        short: list[bool],
        walls: Sequence[int] = (),
        datelines: Sequence[int] = (),
    ) -> list[tuple[int, int]]:
        """Runs of blocks separated by ``min_gap`` or more link-like lines, or by a wall (the
        original position of a removed comment counter or share bar), trimmed to prose.
        Removed date lines ("2 hours ago" under a teaser) still count as link-like lines."""
        regions: list[tuple[int, int]] = []
        start: int | None = None
        last_prose: int | None = None
        gap = 0
        for i in range(len(blocks)):
            if i and walls and bisect_right(walls, blocks[i].index) > bisect_right(walls, blocks[i - 1].index):
                if start is not None and last_prose is not None:
                    regions.append((start, last_prose))
                start = last_prose = None
                gap = 0
            if i and datelines and start is not None and last_prose is not None:
                gap += bisect_right(datelines, blocks[i].index) - bisect_right(datelines, blocks[i - 1].index)
                if self.min_gap is not None and gap >= self.min_gap:
                    regions.append((start, last_prose))
                    start = last_prose = None
            if prose[i]:
                if start is None:
                    start = i
                last_prose = i
                gap = 0
            elif short[i]:
                gap += 1
                if self.min_gap is not None and gap >= self.min_gap and start is not None and last_prose is not None:
                    regions.append((start, last_prose))
                    start = last_prose = None
            else:
                gap = 0
        if start is not None and last_prose is not None:
            regions.append((start, last_prose))
        return regions

    @staticmethod
    def _continues_entries(blocks: tuple[Block, ...], i: int) -> bool:
        """A "Label: items" line under another one continues the article's list of entries
        ("Kyushu: Fukuoka, Saga" under "Kumamoto: Aso, Yatsushiro")."""
        return i > 0 and bool(LABELLED_RE.match(blocks[i].text)) and bool(LABELLED_RE.match(blocks[i - 1].text))

    @staticmethod
    def _heads_list(blocks: tuple[Block, ...], i: int) -> bool:
        """A short line right above a numbered or bulleted list is the list's heading."""
        return i + 1 < len(blocks) and bool(LIST_ITEM_RE.match(blocks[i + 1].text))

    def _walls(self, doc: Document) -> list[int]:
        """Original positions of removed lines that end a stretch of text: comment counters,
        and share bars (``min_share_bar`` share buttons within as many lines)."""
        walls = [r.block.index for r in doc.removals if r.reason == "comment_counter"]
        n = self.min_share_bar
        if n is not None:
            shares = sorted(r.block.index for r in doc.removals if r.reason == "share_prompt")
            walls += [x for k, x in enumerate(shares) if k + n - 1 < len(shares) and shares[k + n - 1] - x <= n]
        return sorted(walls)

    def _kept_regions(
        self, doc: Document, regions: list[tuple[int, int]], weight: list[float], short: list[bool]
    ) -> tuple[list[tuple[int, int]], set[int]]:
        """The region with the most prose, and the others that hold enough prose: a minor
        region is kept when only plain short lines separate it from the main one, dropped
        when interface lines (share bars, "Most read", ads) removed by other filters sat
        in between, which marks a boundary of the page's article box. The page's first
        region above the main one (only crumbs of prose between them) is the article's lead
        when it holds ``min_lead_words``: it stays, share bar or not, and the links and
        crumbs between them go (second value)."""
        main = max(range(len(regions)), key=weight.__getitem__)
        removed = sorted(r.block.index for r in doc.removals if r.reason in BOUNDARY_REASONS)
        kept = []
        boxes: set[int] = set()
        for k, (region, w) in enumerate(zip(regions, weight)):
            share = w / weight[main]
            if k == main or share >= self.min_strong_share:
                kept.append(region)
                continue
            # Only crumbs of prose (a video caption) may sit between the lead and the main region.
            lead = k == 0 and w >= self.min_lead_words and all(weight[j] < self.min_lead_words for j in range(1, main))
            if share < self.min_region_share and not lead:
                continue
            lo, hi = sorted((k, main))
            gap_start = doc.blocks[regions[lo][1]].index
            gap_end = doc.blocks[regions[hi][0]].index
            # A share bar under the lead is common; between other regions it is a boundary.
            if lead or bisect_right(removed, gap_end) - bisect_right(removed, gap_start) == 0:
                kept.append(region)
                if share < self.min_region_share:
                    between = range(regions[lo][1] + 1, regions[hi][0])
                    crumbs = {i for j in range(lo + 1, hi) for i in range(regions[j][0], regions[j][1] + 1)}
                    boxes.update(i for i in between if short[i] or i in crumbs)
        return kept, boxes

    def _related_cut(self, doc: Document, prose: list[bool], body_start: int = 0) -> int | None:
        """Where a trailing list of other stories (or comments) starts: after a header such
        as "Related stories", "Passend zum Artikel" or "Les plus lus" (perhaps already
        removed by another filter), when only teaser-sized blocks and a minor share of the
        prose follow it."""
        if not self.related_sections:
            return None
        blocks = doc.blocks
        # A lead-in the promo filter already paired with its headline is not a list header.
        headers = [r.block.index for r in doc.removals if r.reason != "promo_lead_in" and self._is_header(r.block.text)]
        headers += [b.index for b in blocks if self._is_header(b.text)]
        sizes = [size(b.text) for b in blocks]
        # Suffix sums and maxima, so each header is checked in constant time.
        prose_after = [0.0] * (len(blocks) + 1)
        longest_after = [0.0] * (len(blocks) + 1)
        for i in range(len(blocks) - 1, -1, -1):
            prose_after[i] = prose_after[i + 1] + (sizes[i] if prose[i] else 0.0)
            longest_after[i] = max(longest_after[i + 1], sizes[i])
        total = prose_after[0] or 1.0
        positions = [b.index for b in blocks]
        comments = [r.block.index for r in doc.removals if self._is_comment_header(r.block.text)]
        comments += [b.index for b in blocks if self._is_comment_header(b.text)]
        for header in sorted(set(comments)):
            # Readers' comments may outweigh the article: they go whatever their length,
            # once enough of the article's prose lies above their header.
            cut = bisect_right(positions, header)
            # The kept prose above the header (a counter above the article is no cut), not
            # the largest region's: long comments may outweigh the article itself.
            above = prose_after[body_start] - prose_after[cut] if cut > body_start else 0.0
            if 0 < cut < len(blocks) and above >= max(self.min_prose_above_comments, self.min_share_above_comments * total):
                return cut - (1 if blocks[cut - 1].index == header else 0)
        for header in sorted(set(headers)):
            cut = bisect_right(positions, header)
            if cut >= len(blocks) or cut == 0:
                continue
            if longest_after[cut] >= self.max_teaser_words:
                continue
            if prose_after[cut] <= self.max_related_share * total:
                return cut - (1 if blocks[cut - 1].index == header else 0)
        return None

    def _is_comment_header(self, text: str) -> bool:
        if len(text) > 80:
            return False
        found: bool = self._memo.get(("comment_header", text), lambda: self.vocabulary.is_phrase("comment_headers", core(text)))
        return found

    def _is_header(self, text: str) -> bool:
        if len(text) > 80:
            return False
        found: bool = self._memo.get(("related_header", text), lambda: self.vocabulary.is_phrase("related_headers", core(text)))
        return found

    def find(self, doc: Document) -> Iterator[Removal]:
        blocks = doc.blocks
        shapes = [self._shape(b.text) for b in blocks]
        prose = [p for p, _ in shapes]
        if not any(prose):
            return
        short = [s for _, s in shapes]
        datelines = sorted(r.block.index for r in doc.removals if r.reason == "dateline")
        regions = self._regions(blocks, prose, short, self._walls(doc), datelines)
        weight = [sum(size(blocks[i].text) for i in range(a, b + 1) if prose[i]) for a, b in regions]
        kept, boxes = self._kept_regions(doc, regions, weight, short)
        first, last = kept[0][0], kept[-1][1]
        title = None
        if self.keep_title:
            head = [i for i in range(first) if short[i] and looks_like_title(blocks[i].text)]
            if head:
                title = max(head, key=lambda i: (size(blocks[i].text), i))
        # Sentences that directly continue the prose (no link-like line in between) stay.
        head_end = first
        while head_end > 0 and not short[head_end - 1]:
            head_end -= 1
        tail_start = last + 1
        while tail_start < len(blocks) and (
            not short[tail_start] or self._heads_list(blocks, tail_start) or self._continues_entries(blocks, tail_start)
        ):
            tail_start += 1
        cut = self._related_cut(doc, prose, first)
        if cut is not None and cut < tail_start:
            tail_start = cut
            last = min(last, cut - 1)
            short = [s or i >= cut for i, s in enumerate(short)]
        inner_runs = self._link_runs(short, head_end, tail_start) if self.max_inner_run is not None else set()
        inner_runs |= boxes
        for i, block in enumerate(blocks):
            standfirst = title is not None and title < i and size(block.text) >= self.min_standfirst_words
            if i < head_end and (short[i] or self.drop_outside_prose) and i != title and not standfirst:
                yield Removal(block, self.name, "before_body")
            elif i >= tail_start and (short[i] or self.drop_outside_prose):
                yield Removal(block, self.name, "after_body")
            elif i in inner_runs:
                yield Removal(block, self.name, "link_list")

    def _link_runs(self, short: list[bool], start: int, end: int) -> set[int]:
        """Positions in runs of more than ``max_inner_run`` link-like lines between ``start``
        and ``end``: a page's link box between two parts of the text, not a list of the
        article's (those have markers, or an introducing line ending in a colon)."""
        runs: set[int] = set()
        i = start
        while i < end:
            if not short[i]:
                i += 1
                continue
            j = i
            while j < end and short[j]:
                j += 1
            if self.max_inner_run is not None and j - i > self.max_inner_run:
                runs.update(range(i, j))
            i = j
        return runs
