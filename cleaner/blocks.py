"""Blocks, the lines of an article with their paragraph numbers: the :class:`Block` type,
and splitting raw text into blocks and joining them back (:mod:`cleaner.document` builds on it).

This is the only module that knows the separators: every Unicode line break becomes a line
end, and a blank line (whitespace or invisible characters only) starts a new paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import regex

__all__ = ["Block", "join", "looks_like_title", "split"]

# \r\n first so it counts as one break; U+2029 (paragraph separator) is a blank line.
LINE_BREAK_RE = regex.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028]")
PARAGRAPH_SEPARATOR = "\u2029"
# A line made only of these is blank: spaces, NBSP, zero-width and BOM characters.
BLANK_RE = regex.compile(r"[\s\u200b\u2060\ufeff\u00ad]*")
TITLE_END_RE = regex.compile(r"[.;,:…]\s*$")
# ... but not an abbreviation's dots ("Satzung des Fördervereins Freibad Ahlenfeld e.V.").
ABBREVIATION_END_RE = regex.compile(r"(?<!\p{L})(?:\p{L}{1,3}\.){2,}\s*$")


@dataclass(frozen=True, slots=True)
class Block:
    """One line of the input.

    Args:
        index: 0-based line number in the input (after line-break normalization); it stays
            the same however many other blocks are removed.
        text: the line's text.
        paragraph: number of the blank-line separated paragraph the line belongs to.
    """

    index: int
    text: str
    paragraph: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "paragraph": self.paragraph}


def split(text: str) -> tuple[Block, ...]:
    """Split ``text`` into non-blank blocks numbered by line and paragraph.

    >>> [(b.index, b.paragraph, b.text) for b in split("a\\r\\nb\\n\\n c ")]
    [(0, 0, 'a'), (1, 0, 'b'), (3, 1, ' c ')]
    """
    text = text.replace(PARAGRAPH_SEPARATOR, "\n\n")
    out: list[Block] = []
    paragraph = 0
    pending_break = False
    for index, line in enumerate(LINE_BREAK_RE.split(text)):
        if BLANK_RE.fullmatch(line):
            pending_break = bool(out)
            continue
        if pending_break:
            paragraph += 1
            pending_break = False
        out.append(Block(index, line, paragraph))
    return tuple(out)


def join(blocks: Sequence[Block]) -> str:
    """Join blocks: one newline inside a paragraph, a blank line between paragraphs.

    >>> join([Block(0, "a", 0), Block(1, "b", 0), Block(5, "c", 2)])
    'a\\nb\\n\\nc'
    """
    parts: list[str] = []
    previous: int | None = None
    for block in blocks:
        if previous is not None:
            parts.append("\n" if block.paragraph == previous else "\n\n")
        parts.append(block.text)
        previous = block.paragraph
    return "".join(parts)


def looks_like_title(text: str) -> bool:
    """A headline is short and does not end like a sentence clause.

    >>> looks_like_title("Derrière le site Coco.gg, d’autres affaires judiciaires")
    True
    >>> looks_like_title("Il y a tout juste un an, un homme a parlé.")
    False
    >>> looks_like_title("Satzung des Fördervereins Freibad Ahlenfeld e.V.")
    True
    """
    stripped = text.strip()
    if not stripped or len(stripped) > 250:
        return False
    words = stripped.split()
    return 1 <= len(words) <= 30 and not (TITLE_END_RE.search(stripped) and not ABBREVIATION_END_RE.search(stripped))
