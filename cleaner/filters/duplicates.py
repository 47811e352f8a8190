"""DuplicateParagraphs: a paragraph that appears again later (keep the first copy, or the
heading rather than its entry in a table of contents)."""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.document import Block, Document, Removal
from cleaner.patterns import SENTENCE_END_RE, core, size

__all__ = ["DuplicateParagraphs"]


class DuplicateParagraphs:
    """Remove later copies of a block (compared after folding case, quotes and spaces).

    Args:
        min_words: shorter blocks may repeat legitimately (list items, "Yes.").
        contents: when a heading first appears in a list of headings (a table of contents)
            and again above its paragraph, remove the list entry and keep the heading.
        max_heading_words: longer blocks, or blocks with a sentence end, are not headings.

    >>> doc = Document.from_text("The vote is on Monday, officials said.\\nMore text here.\\nThe vote is on Monday, officials said.")
    >>> [(r.block.index, r.reason) for r in DuplicateParagraphs().find(doc)]
    [(2, 'duplicate_paragraph')]
    """

    name = "duplicate_paragraphs"

    def __init__(self, *, min_words: int = 5, contents: bool = True, max_heading_words: int = 12) -> None:
        self.min_words = min_words
        self.contents = contents
        self.max_heading_words = max_heading_words

    def find(self, doc: Document) -> Iterator[Removal]:
        blocks = doc.blocks
        first: dict[str, int] = {}  # key -> position in ``blocks`` of the copy that stays
        for j, block in enumerate(blocks):
            if size(block.text) < self.min_words:
                continue
            key = core(block.text)
            i = first.get(key)
            if i is None:
                first[key] = j
            elif self._contents_entry(blocks, i, j):
                first[key] = j
                yield Removal(blocks[i], self.name, "duplicate_paragraph", f"contents entry of the heading on line {block.index + 1}")
            else:
                yield Removal(block, self.name, "duplicate_paragraph", f"same text as line {blocks[i].index + 1}")

    def _contents_entry(self, blocks: tuple[Block, ...], i: int, j: int) -> bool:
        """The earlier copy is an entry of a list of headings (a table of contents, with
        another short line next to it) and the later one heads a paragraph: the heading
        stays, the entry goes."""
        if not self.contents or SENTENCE_END_RE.search(blocks[j].text) or size(blocks[j].text) > self.max_heading_words:
            return False
        heads_prose = j + 1 < len(blocks) and size(blocks[j + 1].text) >= 2 * self.max_heading_words
        neighbours = [blocks[k].text for k in (i - 1, i + 1) if 0 <= k < len(blocks) and k != j]
        in_list = any(size(t) <= self.max_heading_words and not SENTENCE_END_RE.search(t) for t in neighbours)
        return heads_prose and in_list
