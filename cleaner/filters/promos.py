"""RelatedPromos: "Read more:", "Lire aussi :", "Lesen Sie auch:" and the headline they promote."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleaner.blocks import looks_like_title
from cleaner.document import Document, Removal
from cleaner import reasons
from cleaner.filters._common import MAX_UI_CHARS, is_name_like, under_cookie_notice
from cleaner.filters.base import BlockFilter
from cleaner.lines import Lines
from cleaner.patterns import SCRIPT_FULL_STOPS, word_count
from cleaner.vocabulary import Vocabulary

__all__ = ["RelatedPromos"]

LEADING_DECOR_RE = regex.compile(r"^[\s•·▪▸►▶→»›>*+\-–—|]+")
# After a lead-in, a promoted headline on the same line follows one of these; a dash that
# joins the next word is none ("Lue myös -kampanja, jonka kirjasto aloitti ...": the
# campaign's name in a sentence).
SEPARATOR_RE = regex.compile(r"^\s*(?:[:：|»>›]|[\-–—](?!\w))")
# Brackets that close a lead-in written in them ("【関連記事】", "[관련기사]").
CLOSING_BRACKETS = frozenset("]】］〕》)")
EMPTY_REST_RE = regex.compile(r"^[\s:：|»>›\-–—.…!]*$")
# A promoted headline does not close with a full stop; after a lead-in and its separator, a
# statement that does is the article's ("Más información: el plazo vence el 31 de marzo."). An
# ellipsis is a teaser's cut, not a full stop.
STATEMENT_REST_RE = regex.compile(rf"(?<![.…])[.。{SCRIPT_FULL_STOPS}](?:\s?[\"'”’»)\]])*\s*$")
# What each kind of lead-in is, as a removal's detail says (vocabulary ``promo_lead_ins``).
LEAD_IN_DETAILS = {
    "alone": "a lead-in of other stories alone on its line (vocabulary promo_lead_ins)",
    "inline": "a lead-in of other stories and the story's headline (vocabulary promo_lead_ins)",
}


class RelatedPromos(BlockFilter):
    """Remove related-content promos: a lead-in alone (with the headline on the next line)
    or a lead-in, a separator and the headline on one line.

    A lead-in that runs into prose without a separator stays: "Voir aussi la réaction du
    maire, qui ..." is article text.

    Args:
        max_headline_words: longest promoted headline, on the same or the next line.

    >>> doc = Document.from_text("Lire aussi :\\nLe maire démissionne\\nVoir aussi la réaction du maire, qui a parlé.")
    >>> [(r.block.text, r.reason) for r in RelatedPromos().find(doc)]
    [('Lire aussi :', 'promo_lead_in'), ('Le maire démissionne', 'promoted_headline')]
    """

    name = "related_promos"
    reasons = frozenset({reasons.PROMO_LEAD_IN, reasons.PROMOTED_HEADLINE})

    def __init__(self, *, vocabulary: Vocabulary | None = None, lines: Lines | None = None, max_headline_words: int = 30) -> None:
        super().__init__(vocabulary=vocabulary, lines=lines)
        self.max_headline_words = max_headline_words

    def lead_in(self, text: str) -> str | None:
        """``"alone"`` for a lone lead-in, ``"inline"`` for lead-in + headline, else None."""
        if len(text) > MAX_UI_CHARS:
            return None
        result: str | None = self.lines.answer(("lead_in", self.max_headline_words), text, lambda: self._lead_in(text))
        return result

    def _lead_in(self, text: str) -> str | None:
        folded = LEADING_DECOR_RE.sub("", self.lines(text).folded)
        end = self.vocabulary.prefix("promo_lead_ins", folded)
        if end is None:
            return None
        rest = folded[end:]
        if EMPTY_REST_RE.match(rest):
            return "alone"
        # (A lead-in in brackets needs no separator: "【関連記事】半導体装置各社、...", "[관련기사] LG ...".)
        if (
            (SEPARATOR_RE.match(rest) or folded[end - 1] in CLOSING_BRACKETS)
            and word_count(rest) <= self.max_headline_words
            and not STATEMENT_REST_RE.search(rest)
        ):
            return "inline"
        return None

    def find(self, doc: Document) -> Iterator[Removal]:
        blocks = doc.blocks
        skip = -1
        for i, block in enumerate(blocks):
            if i <= skip:
                continue
            kind = self.lead_in(block.text)
            if kind is None or (kind == "alone" and under_cookie_notice(self.lines, blocks, i)):
                continue  # a cookie banner's "More information" link promotes no story
            yield self.removal(block, "promo_lead_in", LEAD_IN_DETAILS[kind])
            if kind == "alone" and i + 1 < len(blocks):
                nxt = blocks[i + 1]
                if (
                    looks_like_title(nxt.text)
                    and word_count(nxt.text) <= self.max_headline_words
                    and self.lead_in(nxt.text) is None
                    and not is_name_like(nxt.text)  # the author's name under "See also on HuffPost:"
                ):
                    yield self.removal(nxt, "promoted_headline", f"after {block.text!r}")
                    skip = i + 1
