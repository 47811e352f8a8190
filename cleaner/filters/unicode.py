"""FixUnicode: ftfy repair (mojibake, HTML entities, control characters) and whitespace.

ftfy runs only on lines it could change (a cheap character check plus ftfy's own
``is_bad``), so the output is identical to ``ftfy.fix_text(line, config)`` at a fraction of
the cost. Every change is an :class:`~cleaner.document.Edit` with a replayable plan.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Literal

import ftfy
import regex
from ftfy import chardata
from ftfy.badness import is_bad

from cleaner.blocks import BLANK_RE
from cleaner.document import Block, Document, Edit, Removal

__all__ = ["FixUnicode", "fix_line", "needs_ftfy", "replay"]

# Why these defaults differ from ftfy's: we never rewrite what the author typed, so curly
# quotes stay curly (uncurl_quotes) and CJK full-width forms stay full-width
# (fix_character_width). Everything else is ftfy's default.
FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False)


def _trigger_class() -> str:
    chars = set(chardata.CONTROL_CHARS) | set(chardata.LIGATURES)
    chars |= set(range(0x80, 0xA0)) | {ord("&"), 0x1B}
    body = "".join(f"\\U{c:08x}" for c in sorted(chars))
    return f"[{body}\\ud800-\\udfff]"


# Characters on which some ftfy fixer other than fix_encoding acts.
FTFY_TRIGGER_RE = regex.compile(_trigger_class())
# Runs of horizontal white space (NBSP excluded: that is an option).
SPACE_RUN_RE = regex.compile(r"[\t \u1680\u2000-\u200a\u205f]{2,}|[\t\u1680\u2000-\u200a\u205f]")
NBSP_RE = regex.compile(r"[\u00a0\u202f]")
INVISIBLE_RE = regex.compile(r"[\u200b\u2060\ufeff]")
EDGE_SPACE_RE = regex.compile(r"^[\s\u00a0\u202f\u3000]+|[\s\u00a0\u202f\u3000]+$")
# Anything ``FixUnicode.whitespace`` would change (with NBSP_RE too when nbsp="space"): one
# search instead of three substitutions on the lines that are already clean.
SPACING_RE = regex.compile("|".join(p.pattern for p in (INVISIBLE_RE, SPACE_RUN_RE, EDGE_SPACE_RE)))
SPACING_OR_NBSP_RE = regex.compile(f"{SPACING_RE.pattern}|{NBSP_RE.pattern}")


def needs_ftfy(text: str) -> bool:
    """True when ``ftfy.fix_text(text, FTFY_CONFIG)`` could differ from ``text``.

    >>> needs_ftfy("plain ascii"), needs_ftfy("cafÃ©"), needs_ftfy("café"), needs_ftfy("a &amp; b")
    (False, True, False, True)
    """
    if FTFY_TRIGGER_RE.search(text):
        return True
    if text.isascii():
        return False
    return not unicodedata.is_normalized("NFC", text) or is_bad(text)


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

    def whitespace(self, text: str) -> str:
        """Collapse runs of spaces, drop zero-width characters, trim the ends."""
        if not (SPACING_OR_NBSP_RE if self.nbsp == "space" else SPACING_RE).search(text):
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
            text, plan = fix_line(block.text)
            if text != block.text:
                edits.append(Edit("fix_unicode", block.index, block.text, text, plan))
            spaced = self.whitespace(text)
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
                removals.append(Removal(new, self.name, "empty_after_repair", f"was {block.text!r}"))
        if not changed:
            return doc
        return doc.with_blocks(blocks, edits).replace(removals=doc.removals + tuple(removals))
