"""Bylines ("By Jane Doe", "Par Marie Dupont") and datelines ("Updated 3:42 PM EDT")."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleaner.document import Document, Removal
from cleaner import reasons
from cleaner.filters._common import NAME_CONNECTORS, is_prose
from cleaner.filters.base import BlockFilter
from cleaner.lines import Lines
from cleaner.patterns import core, fold, is_name_token
from cleaner.vocabulary import Vocabulary

__all__ = ["Bylines"]

TOKEN_RE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’-]*")
# "3:42", "15h30", "3 pm", "9 Uhr"; a unit is never the start of a word ("14 hours").
TIME_RE = regex.compile(r"\d{1,2}[:h.]\d{2}(?:[:.]\d{2})?(?:h)?|\d{1,2} ?(?:am|pm|a\.m\.|p\.m\.|uhr|h)(?!\p{L})")
NUMERIC_DATE_RE = regex.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{2,4}\s?[年년]\s?\d{1,2}\s?[月월](?:\s?\d{1,2}\s?[日일])?|\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일]"
    # Relative times: "15時間前", "3日前", "2小时前", "5분 전"
    r"|\d{1,3}\s?(?:時間|小时|小時|分鐘|分钟|分|秒|日|天|週間|周|か月|カ月|ヶ月|시간|분|일|주)\s?(?:前|전)"
    r"|\d{1,2}\s?[時시点]\s?(?:\d{1,2}\s?[分분])?"
)
NUMBER_RE = regex.compile(r"\d{1,4}(?:st|nd|rd|th|er|e|\.|º|ª|г|г\.)?")
# Only digits and the separators of a telephone number.
PHONE_RE = regex.compile(r"\s*[+(]?\d[\d\s()./-]*\d\s*")
DIGITS_RE = regex.compile(r"\d+")
LEAD_SEPARATOR_RE = regex.compile(r"^[\s:|\-–—]*")
# A byline names a person or an agency: "By The Numbers" opens with an article.
ARTICLES = frozenset({"the", "a", "an"})
BYLINE_TAIL_RE = regex.compile(r"[,|/•·–—-]|\b(?:and|und|et|y|e|i|en|og|och|ve|и)\b")


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
        # Multi-word entries ("mis à jour") count word by word: lines are tokenized.
        self._date_words = frozenset(t for phrase in self.vocabulary.literals("date_words") for t in phrase.split())
        self._agencies = self.vocabulary.literals("credit_agencies")

    def judge(self, text: str) -> str | None:
        """``"byline"``, ``"dateline"`` or None; remembered per line (bylines recur on a site)."""
        if len(text) > 200:  # longer than any byline or dateline
            return None
        result: str | None = self.lines.answer(("bylines", self.max_words), text, lambda: self._judge(text))
        return result

    def _judge(self, text: str) -> str | None:
        if self.is_byline(text):
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
        if fold(tokens[0]) in self._date_words:
            return False  # "By Tuesday, the river had risen"
        # Names up to the first comma or bar; a role or agency may follow.
        head = BYLINE_TAIL_RE.split(rest, maxsplit=1)[0]
        name_tokens = TOKEN_RE.findall(head)
        if not name_tokens:
            return False
        lower = [t for t in name_tokens if not is_name_token(t) and t.lower() not in NAME_CONNECTORS]
        if lower or len(tokens) - len(name_tokens) > 7:
            return False
        agency = fold(head).strip()
        agency = agency.split(" ", 1)[1] if agency.split(" ", 1)[0] in ARTICLES and " " in agency else agency
        if agency not in self._agencies and not self._names_someone(name_tokens):
            return False  # "By The Numbers", "By Design": a subheading
        return not rest.rstrip().endswith(("?", "!"))

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
        if len(text) > 120:
            return False
        folded = self.lines(text).folded
        if not any(map(str.isdigit, folded)):
            return False
        if PHONE_RE.fullmatch(folded) and ":" not in folded:
            groups = DIGITS_RE.findall(folded)
            if len(groups) >= 4 or sum(map(len, groups)) >= 9:
                return False  # "02.23.45.67.89": a telephone number
        scrubbed = TIME_RE.sub(" ", NUMERIC_DATE_RE.sub(" ", folded))
        has_time_or_date = scrubbed != folded
        tokens = TOKEN_RE.findall(scrubbed)
        strong = False
        for token in tokens:
            if NUMBER_RE.fullmatch(token):
                continue
            if token not in self._date_words and token.rstrip(".") not in self._date_words:
                return False
            token = token.rstrip(".")
            strong = strong or len(token) >= 3
        return has_time_or_date or (strong and len(tokens) >= 2)

    def find(self, doc: Document) -> Iterator[Removal]:
        found = [(i, reason) for i, block in enumerate(doc.blocks) if (reason := self.judge(block.text)) is not None]
        kept = self._inside_tables(doc, found) if any(r == "dateline" for _, r in found) else set()
        for i, reason in found:
            if i not in kept:
                yield self.removal(doc.blocks[i], reason)

    def _inside_tables(self, doc: Document, found: list[tuple[int, str]]) -> set[int]:
        """Date lines that belong to a table or schedule of the article (day headings over
        fixtures, opening hours, times in cells): data runs with two or more data lines
        that are not date lines."""
        texts = [b.text for b in doc.blocks]
        dates = {i for i, reason in found if reason == "dateline"}
        kept: set[int] = set()
        for start, end, why in self.lines.shapes.structured_runs(texts, [is_prose(t) for t in texts]):
            if why != "data" or not dates.intersection(range(start, end)):
                continue
            others = sum(1 for k in range(start, end) if k not in dates and self.lines.shapes.is_data(texts[k]))
            if others >= 2:
                kept.update(dates.intersection(range(start, end)))
        return kept
