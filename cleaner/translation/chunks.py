"""Cut an article into request-sized pieces, pack them into requests, and put the
translated pieces back together.

Every line is a unit of its own, so line N (and paragraph N) of the translation is line N
of the source. A line over the provider's limit is cut at sentence ends, then clause
punctuation, then whitespace; a word is never cut. A single token longer than the limit (a
pasted URL, a data blob) and a piece with no letters at all are kept verbatim. Units are
then packed, in order, into as few requests as the limit allows (:func:`pack`), joined by
a separator the provider keeps; :func:`unpack` splits an answer back, or says it cannot.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import quote_plus

import regex

__all__ = ["ChunkLimits", "Piece", "Plan", "pack", "plan", "rebuild", "unpack"]

# Everything between lines: one or more line breaks with the whitespace around them.
LINE_SEPARATOR_RE = regex.compile(r"[^\S\n]*\n[\s]*")
# A sentence ends after . ! ? … (plus closing quotes/brackets) and whitespace, or right
# after CJK full stops, which are not followed by a space.
SENTENCE_END_RE = regex.compile(r"(?<=[.!?…][\"'”’»)\]]*)\s+|(?<=[。！？])(?!\p{P})\s*")
CLAUSE_END_RE = regex.compile(r"(?<=[,;:])\s+|(?<=[，、；：])(?!\p{P})\s*|(?<=\s[-–—])\s+")
WHITESPACE_RE = regex.compile(r"(?<=\s)(?=\S)")
LETTER_RE = regex.compile(r"\p{L}")
# Scripts written without spaces between words: joining their pieces needs no space.
NO_SPACE_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})


@dataclass(frozen=True, slots=True)
class ChunkLimits:
    """How big one request may be, counted the way the provider fails.

    Args:
        max_chars: most characters in one request's text (deep-translator's own check is
            ``len(text) < limit``, so this is the limit minus one).
        max_url_bytes: most bytes of the text once URL-encoded, for providers that put the
            text in the URL (non-Latin scripts hit this first: a CJK character costs 9
            bytes). ``None`` when the text travels in a request body.

    >>> ChunkLimits(10).fits("hello")
    True
    >>> ChunkLimits(100, max_url_bytes=20).fits("日本語です")
    False
    """

    max_chars: int
    max_url_bytes: int | None = None

    def fits(self, text: str) -> bool:
        if len(text) > self.max_chars:
            return False
        return self.max_url_bytes is None or len(quote_plus(text)) <= self.max_url_bytes

    def size(self, text: str) -> tuple[int, int]:
        """``(characters, URL bytes)``; both add up over concatenation, so packing can
        count incrementally instead of re-encoding the growing chunk."""
        return len(text), (0 if self.max_url_bytes is None else len(quote_plus(text)))

    def fits_size(self, chars: int, url_bytes: int) -> bool:
        return chars <= self.max_chars and (self.max_url_bytes is None or url_bytes <= self.max_url_bytes)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of the source: ``send`` is translated, ``before``/``after`` kept as they are.

    ``line`` is the line the piece belongs to; ``send == ""`` marks a separator or a
    verbatim token (``verbatim=True``) that is never sent.
    """

    line: int
    before: str
    send: str
    after: str
    verbatim: bool = False


@dataclass(frozen=True, slots=True)
class Plan:
    """The pieces of one text, in order; ``requests`` are the texts to translate."""

    pieces: tuple[Piece, ...]

    @property
    def requests(self) -> tuple[str, ...]:
        return tuple(p.send for p in self.pieces if p.send and not p.verbatim)


def plan(text: str, limits: ChunkLimits) -> Plan:
    """Cut ``text`` into pieces that each fit ``limits``.

    >>> p = plan("One. Two.\\n\\nThree four five.", ChunkLimits(6))
    >>> p.requests
    ('One.', 'Two.', 'Three', 'four', 'five.')
    >>> rebuild(p, [s.upper() for s in p.requests], target="en")
    'ONE. TWO.\\n\\nTHREE FOUR FIVE.'
    """
    pieces: list[Piece] = []
    position = 0
    line = 0
    for match in LINE_SEPARATOR_RE.finditer(text):
        pieces.extend(_line_pieces(text[position : match.start()], line, limits))
        pieces.append(Piece(line, match.group(), "", ""))
        position = match.end()
        line += 1
    pieces.extend(_line_pieces(text[position:], line, limits))
    return Plan(tuple(pieces))


def rebuild(plan: Plan, translations: Sequence[str], *, target: str) -> str:
    """Put ``translations`` (one per ``plan.requests``, in order) back in place.

    Pieces of a line that were cut where the source had no space (CJK sentence ends) get
    one when the target language writes spaces between words.
    """
    if len(translations) != len(plan.requests):
        raise ValueError(f"expected {len(plan.requests)} translations, got {len(translations)}")
    spaced = target.split("-")[0].lower() not in NO_SPACE_LANGUAGES
    out: list[str] = []
    answers = iter(translations)
    previous: Piece | None = None
    for piece in plan.pieces:
        body = piece.send if piece.verbatim or not piece.send else next(answers).strip()
        glue_needed = (
            spaced
            and previous is not None
            and previous.line == piece.line
            and previous.send
            and piece.send
            and not previous.after
            and not piece.before
        )
        if glue_needed:
            out.append(" ")
        out.append(piece.before + body + piece.after)
        previous = piece
    return "".join(out)


def pack(units: Sequence[str], limits: ChunkLimits, separator: str) -> list[list[int]]:
    """Group consecutive ``units`` (by index) into requests that fit ``limits`` once
    joined by ``separator``; a unit never shares a request it would not fit in.

    >>> pack(["One.", "Two.", "Three is longer."], ChunkLimits(12), "\\n\\n")
    [[0, 1], [2]]
    """
    groups: list[list[int]] = []
    current: list[int] = []
    chars = url_bytes = 0
    glue_chars, glue_bytes = limits.size(separator)
    for index, unit in enumerate(units):
        unit_chars, unit_bytes = limits.size(unit)
        if current and limits.fits_size(chars + glue_chars + unit_chars, url_bytes + glue_bytes + unit_bytes):
            current.append(index)
            chars, url_bytes = chars + glue_chars + unit_chars, url_bytes + glue_bytes + unit_bytes
            continue
        if current:
            groups.append(current)
        current, chars, url_bytes = [index], unit_chars, unit_bytes
    if current:
        groups.append(current)
    return groups


def unpack(answer: str, count: int) -> list[str] | None:
    """The answer to ``count`` packed units, one part per unit, or ``None`` when its
    non-blank lines are not exactly ``count`` (the provider lost or added a break).

    >>> unpack("UNO.\\n\\nDOS.", 2), unpack("UNO. DOS.", 2), unpack("UNO.\\n\\nDOS.", 1)
    (['UNO.', 'DOS.'], None, None)
    """
    parts = [line.strip() for line in answer.splitlines() if line.strip()]
    return parts if len(parts) == count else None


def _line_pieces(line_text: str, line: int, limits: ChunkLimits) -> Iterator[Piece]:
    if not line_text.strip():
        if line_text:
            yield Piece(line, line_text, "", "")
        return
    for chunk in _pack(line_text, limits, (SENTENCE_END_RE, CLAUSE_END_RE, WHITESPACE_RE)):
        stripped = chunk.strip()
        start = len(chunk) - len(chunk.lstrip())
        before, after = chunk[:start], chunk[start + len(stripped) :]
        # Nothing to translate without letters ("2024", "—", "***"), and nothing we may
        # cut in a token over the limit: both stay as they are.
        keep = not LETTER_RE.search(stripped) or not limits.fits(stripped)
        yield Piece(line, before, stripped, after, verbatim=keep)


def _pack(text: str, limits: ChunkLimits, cuts: Sequence[regex.Pattern[str]]) -> Iterator[str]:
    """Greedily join consecutive units of ``text`` (cut by ``cuts[0]``) while they fit."""
    if limits.fits(text.strip()) or not cuts:
        yield text
        return
    # ``chars``/``url_bytes`` count ``current`` with its trailing whitespace, which stays
    # inside the chunk once ``unit`` (minus its own trailing whitespace) joins it.
    current, chars, url_bytes = "", 0, 0
    for unit in _split_keep(text, cuts[0]):
        unit_chars, unit_bytes = limits.size(unit)
        bare_chars, bare_bytes = limits.size(unit.rstrip())
        if current and limits.fits_size(chars + bare_chars, url_bytes + bare_bytes):
            current, chars, url_bytes = current + unit, chars + unit_chars, url_bytes + unit_bytes
            continue
        if current:
            yield current
        current, chars, url_bytes = "", 0, 0
        if limits.fits(unit.strip()):
            current, chars, url_bytes = unit, unit_chars, unit_bytes
        else:
            yield from _pack(unit, limits, cuts[1:])
    if current:
        yield current


def _split_keep(text: str, cut: regex.Pattern[str]) -> list[str]:
    """Split after each match of ``cut``, keeping the matched separator on the left part."""
    parts: list[str] = []
    start = 0
    for match in cut.finditer(text):
        if match.end() <= start or match.end() >= len(text):
            continue
        parts.append(text[start : match.end()])
        start = match.end()
    parts.append(text[start:])
    return [p for p in parts if p]
