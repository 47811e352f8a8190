"""DuplicateParagraphs: a paragraph that appears again later (keep the first copy)."""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.patterns import core, size

__all__ = ["DuplicateParagraphs"]


class DuplicateParagraphs:
    """Remove later copies of a block (compared after folding case, quotes and spaces).

    Args:
        min_words: shorter blocks may repeat legitimately (list items, "Yes.").

    >>> doc = Document.from_text("The vote is on Monday, officials said.\\nMore text here.\\nThe vote is on Monday, officials said.")
    >>> [(r.block.index, r.reason) for r in DuplicateParagraphs().find(doc)]
    [(2, 'duplicate_paragraph')]
    """

    name = "duplicate_paragraphs"

    def __init__(self, *, min_words: int = 5) -> None:
        self.min_words = min_words

    def find(self, doc: Document) -> Iterator[Removal]:
        first: dict[str, int] = {}
        for block in doc.blocks:
            if size(block.text) < self.min_words:
                continue
            key = core(block.text)
            if key in first:
                yield Removal(block, self.name, "duplicate_paragraph", f"same text as line {first[key] + 1}")
            else:
                first[key] = block.index
