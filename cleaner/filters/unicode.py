"""FixUnicode: ftfy repair (mojibake, HTML entities, control characters) and whitespace.

ftfy runs only on lines it could change (a cheap character check plus ftfy's own
``is_bad``), so the output is identical to ``ftfy.fix_text(line, config)`` at a fraction of
the cost. Every change is an :class:`~cleaner.document.Edit` with a replayable plan.
"""

from __future__ import annotations

import importlib
import re
import sys
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Literal

import ftfy
import regex
from ftfy import chardata
from ftfy.badness import BADNESS_RE, is_bad

from cleaner import reasons
from cleaner.blocks import BLANK_RE
from cleaner.document import Block, Document, Edit, Removal

__all__ = ["FixUnicode", "fix_line", "may_be_bad", "needs_ftfy", "replay"]

# Python's own regex parser (public as ``sre_parse`` before 3.11, deprecated since).
_sre_parse: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_sre_constants: Any = importlib.import_module("re._constants" if sys.version_info >= (3, 11) else "sre_constants")

# Why these defaults differ from ftfy's: we never rewrite what the author typed, so curly
# quotes stay curly (uncurl_quotes) and CJK full-width forms stay full-width
# (fix_character_width). Everything else is ftfy's default.
FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False)


def _trigger_class() -> str:
    chars = set(chardata.CONTROL_CHARS) | set(chardata.LIGATURES)
    chars |= set(range(0x80, 0xA0)) | {ord("&"), 0x1B}
    body = "".join(f"\\U{c:08x}" for c in sorted(chars))
    return f"[{body}\\ud800-\\udfff]"


# Characters on which some ftfy fixer other than fix_encoding acts. The stdlib engine scans
# a long class of single code points about ten times faster than ``regex`` (tested to agree
# on every code point).
FTFY_TRIGGER_RE = re.compile(_trigger_class())
# Runs of horizontal white space (NBSP excluded: that is an option).
SPACE_RUN_RE = regex.compile(r"[\t \u1680\u2000-\u200a\u205f]{2,}|[\t\u1680\u2000-\u200a\u205f]")
NBSP_RE = regex.compile(r"[\u00a0\u202f]")
INVISIBLE_RE = regex.compile(r"[\u200b\u2060\ufeff]")
EDGE_SPACE_RE = regex.compile(r"^[\s\u00a0\u202f\u3000]+|[\s\u00a0\u202f\u3000]+$")
# Anything ``FixUnicode.whitespace`` would change (with NBSP_RE too when nbsp="space"): one
# search instead of three substitutions on the lines that are already clean.
SPACING_RE = regex.compile("|".join(p.pattern for p in (INVISIBLE_RE, SPACE_RUN_RE, EDGE_SPACE_RE)))
SPACING_OR_NBSP_RE = regex.compile(f"{SPACING_RE.pattern}|{NBSP_RE.pattern}")
# The same test, split for speed: a match of SPACING_RE is an invisible character, a white
# space character other than " " from SPACE_RUN_RE's class, two spaces in a row (a longer
# run holds one of these), or white space at either end. The inner characters are one class
# for the stdlib engine (many times faster than ``regex`` on a class); the ends are two
# one-character matches with EDGE_SPACE_RE's own class (``regex``'s idea of ``\s``).
INNER_SPACING_RE = re.compile("[\t\u1680\u2000-\u200a\u205f\u200b\u2060\ufeff]|  ")
INNER_SPACING_OR_NBSP_RE = re.compile("[\t\u1680\u2000-\u200a\u205f\u200b\u2060\ufeff\u00a0\u202f]|  ")
EDGE_SPACE_CHAR_RE = regex.compile(r"[\s\u00a0\u202f\u3000]")


def _position_chars(op: Any, argument: Any) -> frozenset[str] | None:
    """The characters one required position of a parsed pattern can match, or None when
    that is open-ended (``\\w``, ``.``, a negated class) or the position is optional."""
    if op is _sre_constants.LITERAL:
        return frozenset(chr(argument))
    if op is _sre_constants.IN:
        chars: set[str] = set()
        for item_op, item in argument:
            if item_op is _sre_constants.LITERAL:
                chars.add(chr(item))
            elif item_op is _sre_constants.RANGE:
                chars.update(map(chr, range(item[0], item[1] + 1)))
            else:
                return None
        return frozenset(chars)
    if op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT):
        least, _, repeated = argument
        if least >= 1 and len(repeated) == 1:
            return _position_chars(*repeated[0])
    return None


def _weight(char: str) -> int:
    """How often running text holds ``char``: ASCII, white space, quotation marks and
    dashes are everywhere, letters often, other signs (mojibake's raw material) rarely."""
    name = unicodedata.name(char, "")
    if char.isascii() or char.isspace() or "QUOTATION MARK" in name or unicodedata.category(char) == "Pd":
        return 100
    if "SMALL LETTER" in name:
        return 50
    return 20 if "LETTER" in name else 1


def _commonness(chars: frozenset[str]) -> int:
    return sum(map(_weight, chars))


def _char_class(chars: frozenset[str]) -> str:
    return "[" + "".join(re.escape(char) for char in sorted(chars)) + "]"


def _requirement(alternative: Sequence[tuple[Any, Any]]) -> frozenset[str] | tuple[frozenset[str], frozenset[str]] | None:
    """What every match of one alternative holds: the characters of its rarest position or,
    when even that one has everyday characters (quotation marks), its rarest pair of
    adjacent one-character positions. None when no position is bounded."""
    positions = [_position_chars(op, argument) for op, argument in alternative]
    bounded = [chars for chars in positions if chars]
    if not bounded:
        return None
    single = min(bounded, key=_commonness)
    if max(map(_weight, single)) < 100:
        return single
    # A LITERAL or IN node is exactly one character wide, so neighbours in the parse are
    # neighbours in the text.
    one_wide = (_sre_constants.LITERAL, _sre_constants.IN)
    pairs: list[tuple[frozenset[str], frozenset[str]]] = []
    for (op, _), (next_op, _), first, second in zip(alternative, alternative[1:], positions, positions[1:]):
        if op in one_wide and next_op in one_wide and first and second:
            pairs.append((first, second))
    if not pairs:
        return single
    return min(pairs, key=lambda pair: _commonness(pair[0]) * _commonness(pair[1]))


@lru_cache(maxsize=1)
def _badness_prefilter() -> re.Pattern[str] | None:
    """A pattern that every match of ftfy's ``BADNESS_RE`` contains a match of, or None.

    Each alternative of ``BADNESS_RE`` is a sequence of positions; a match of it holds a
    character of every position, so the rarest one per alternative (or two adjacent ones)
    is enough: text without any of them cannot match, and ``is_bad`` is False for it. The
    classes come from parsing ftfy's own pattern, so they follow ftfy's version; an
    alternative without a bounded position (or flags that change matching) gives None.
    """
    if BADNESS_RE.flags & (re.IGNORECASE | re.LOCALE):
        return None
    whole = list(_sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags))
    alternatives = whole[0][1][1] if len(whole) == 1 and whole[0][0] is _sre_constants.BRANCH else [whole]
    singles: set[str] = set()
    firsts: set[str] = set()
    seconds: set[str] = set()
    for alternative in alternatives:
        needed = _requirement(alternative)
        if needed is None:
            return None
        if isinstance(needed, frozenset):
            singles |= needed
        else:
            firsts |= needed[0]
            seconds |= needed[1]
    # Pairs are merged (first characters of any, then second characters of any): looser,
    # still necessary, and one branch. The stdlib engine, like ftfy's: it scans large
    # classes many times faster than ``regex``.
    branches = [_char_class(frozenset(singles))] if singles else []
    if firsts:
        branches.append(_char_class(frozenset(firsts)) + _char_class(frozenset(seconds)))
    return re.compile("|".join(branches))


def may_be_bad(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, skipping ftfy's regex on text that holds none of the
    characters that every one of its matches needs (see :func:`_badness_prefilter`).

    >>> may_be_bad("Ein „Zitat“ – ohne Fehler"), may_be_bad("cafÃ©")
    (False, True)
    """
    prefilter = _badness_prefilter()
    if prefilter is not None and not prefilter.search(text):
        return False
    return is_bad(text)


def needs_ftfy(text: str) -> bool:
    """True when ``ftfy.fix_text(text, FTFY_CONFIG)`` could differ from ``text``.

    >>> needs_ftfy("plain ascii"), needs_ftfy("cafÃ©"), needs_ftfy("café"), needs_ftfy("a &amp; b")
    (False, True, False, True)
    """
    if FTFY_TRIGGER_RE.search(text):
        return True
    if text.isascii():
        return False
    return not unicodedata.is_normalized("NFC", text) or may_be_bad(text)


def fix_line(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Repair one line like ``ftfy.fix_text`` would; return the text and ftfy's plan."""
    if not needs_ftfy(text):
        return text, ()
    fixed, plan = ftfy.fix_and_explain(text, FTFY_CONFIG)
    return fixed, tuple((step.action, step.parameter) for step in plan or ())


def replay(text: str, plan: Sequence[tuple[str, str]]) -> str:
    """Re-apply a ``fix_unicode`` plan; unlike ``ftfy.apply_plan`` it knows ``normalize``.

    >>> replay("cafe\\u0301", [("normalize", "NFC")]) == "caf\\u00e9"
    True
    """
    for action, parameter in plan:
        if action == "normalize":
            text = unicodedata.normalize(parameter, text)  # type: ignore[arg-type]
        else:
            text = ftfy.apply_plan(text, [(action, parameter)])
    return text


class FixUnicode:
    """Repair each block with ftfy, then normalize its white space.

    Args:
        nbsp: ``"keep"`` leaves no-break spaces as they are (French typography uses them);
            ``"space"`` turns them into plain spaces.

    >>> doc = FixUnicode()(Document.from_text("  caf\\u00c3\\u00a9   au   lait "))
    >>> doc.text, [e.step for e in doc.edits]
    ('café au lait', ['fix_unicode', 'normalize_whitespace'])
    """

    name = "fix_unicode"
    line_local = True

    def __init__(self, *, nbsp: Literal["keep", "space"] = "keep") -> None:
        if nbsp not in ("keep", "space"):
            raise ValueError(f"nbsp must be 'keep' or 'space', got {nbsp!r}")
        self.nbsp = nbsp

    def repair(self, text: str) -> tuple[str, tuple[tuple[str, str], ...], str]:
        """``text`` after ftfy, ftfy's plan, and that text with its white space normalized."""
        fixed, plan = fix_line(text)
        return fixed, plan, self.whitespace(fixed)

    def has_spacing(self, text: str) -> bool:
        """``SPACING_RE.search(text)`` (``SPACING_OR_NBSP_RE`` when nbsp="space"), faster."""
        inner = INNER_SPACING_OR_NBSP_RE if self.nbsp == "space" else INNER_SPACING_RE
        return bool(
            inner.search(text) or EDGE_SPACE_CHAR_RE.fullmatch(text[:1]) or EDGE_SPACE_CHAR_RE.fullmatch(text[-1:])
        )

    def whitespace(self, text: str) -> str:
        """Collapse runs of spaces, drop zero-width characters, trim the ends."""
        if not self.has_spacing(text):
            return text
        text = INVISIBLE_RE.sub("", text)
        if self.nbsp == "space":
            text = NBSP_RE.sub(" ", text)
        text = SPACE_RUN_RE.sub(" ", text)
        return EDGE_SPACE_RE.sub("", text)

    def __call__(self, doc: Document) -> Document:
        blocks: list[Block] = []
        edits: list[Edit] = []
        removals: list[Removal] = []
        changed = False
        for block in doc.blocks:
            text, plan, spaced = self.repair(block.text)
            if text != block.text:
                edits.append(Edit("fix_unicode", block.index, block.text, text, plan))
            if spaced != text:
                edits.append(Edit("normalize_whitespace", block.index, text, spaced, (("whitespace", self.nbsp),)))
            if spaced == block.text:
                blocks.append(block)
                continue
            changed = True
            new = Block(block.index, spaced, block.paragraph)
            if not BLANK_RE.fullmatch(spaced):  # what Document.from_text would call blank
                blocks.append(new)
            else:
                removals.append(Removal(new, self.name, reasons.EMPTY_AFTER_REPAIR, f"was {block.text!r}"))
        if not changed:
            return doc
        return doc.with_blocks(blocks, edits).replace(removals=doc.removals + tuple(removals))
