"""InterfaceLines: buttons, prompts and notices a page shows around any article.

A line goes only when the whole line (decoration aside) is a vocabulary phrase of one
category, so a sentence that merely mentions "retour en haut de la page" stays. A one-word
line inside a table ("48", "Weiter" among figures) is a cell, not navigation.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleaner.document import Document, Removal
from cleaner.filters._common import MAX_UI_CHARS, Memo, is_prose, vocabulary_or_default
from cleaner.filters._shape import Shapes
from cleaner.patterns import core, word_count
from cleaner.vocabulary import Vocabulary

__all__ = ["InterfaceLines"]

# Checked in this order; each is a vocabulary category and the reason code.
CATEGORIES = (
    "advertisement",
    "navigation",
    "share_prompt",
    "subscription_prompt",
    "cookie_notice",
    "comment_counter",
    "copyright_line",
    "tag_list",
)
SEPARATORS_RE = regex.compile(r"[\s|•·/,;:]+")


class InterfaceLines:
    """Remove whole-line interface text: ads, navigation, share/subscribe prompts, notices.

    >>> doc = Document.from_text("Partager\\nFacebook Twitter E-mail\\nLe texte reste.")
    >>> [(r.block.text, r.reason) for r in InterfaceLines().find(doc)]
    [('Partager', 'share_prompt'), ('Facebook Twitter E-mail', 'share_prompt')]
    """

    name = "interface_lines"
    # Not line-local: whether a one-word line is a table cell depends on its neighbours.
    line_local = False

    def __init__(self, *, vocabulary: Vocabulary | None = None, categories: tuple[str, ...] = CATEGORIES) -> None:
        self.vocabulary = vocabulary_or_default(vocabulary)
        self.categories = categories
        self._share_words = self.vocabulary.literals("share_words")
        self._shapes = Shapes(self.vocabulary)
        self._memo = Memo()

    def judge(self, text: str) -> str | None:
        """The reason code for an interface line, or None."""
        if len(text) > MAX_UI_CHARS:
            return None
        # Remembered per line: the same buttons and notices recur on every page of a site.
        result: str | None = self._memo.get(text, lambda: self._judge(text))
        return result

    def _judge(self, text: str) -> str | None:
        key = core(text)
        if not key:
            return None
        category = self.vocabulary.classify(self.categories, key)
        if category is not None:
            return category
        if len(key) > 120:
            return None
        # A row of share buttons: share words, perhaps with share phrases ("Artikel teilen").
        key, phrases = self.vocabulary.remove_all("share_prompt", key)
        tokens = [t for t in SEPARATORS_RE.split(key) if t]
        if (phrases or tokens) and len(tokens) <= 12 and all(t in self._share_words for t in tokens):
            return "share_prompt"
        return None

    def find(self, doc: Document) -> Iterator[Removal]:
        found = [(i, reason) for i, block in enumerate(doc.blocks) if (reason := self.judge(block.text))]
        cells: set[int] = set()
        if any(reason == "navigation" and word_count(doc.blocks[i].text) <= 1 for i, reason in found):
            texts = [b.text for b in doc.blocks]
            for start, end, why in self._shapes.structured_runs(texts, [is_prose(t) for t in texts]):
                if why == "data":
                    cells.update(range(start, end))
        for i, reason in found:
            block = doc.blocks[i]
            if reason == "navigation" and i in cells and word_count(block.text) <= 1:
                continue  # a cell of a table
            yield Removal(block, self.name, reason)
