"""Which part of a text the detector reads: a bounded sample of its longest lines, so that the
article, not the menus and buttons around it, decides and the cost stays bounded."""

from __future__ import annotations

__all__ = ["sample_text"]


def sample_text(text: str, max_chars: int | None) -> str:
    """A representative sample of ``text``: its longest lines, up to ``max_chars`` characters.

    Whitespace runs become single spaces and lines are joined with newlines (not counted). A
    text within the budget comes back whole; ``None`` disables the budget. Otherwise the
    budget goes to the longest lines, at most a third of it to each at first, so that the
    sample spans several paragraphs when the text has them: one long quote in another
    language (an embedded tweet, a pull quote) cannot fill it alone. Lines shorter than a
    quarter of that share (menus, share buttons, credits) come last. Budget left over goes to
    the chosen lines, then to the short ones. Lines are cut at a word boundary and kept in
    reading order.

    >>> text = ("Menu\\nThe minister presented the reform to parliament on Tuesday.\\n"
    ...         "Share\\nOpposition parties said they would vote against it.")
    >>> sample_text(text, 100)
    'The minister presented the reform to parliament on Tuesday.\\nOpposition parties said they would vote'
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    whole = "\n".join(lines)
    if max_chars is None or len(whole) <= max_chars:
        return whole
    per_line = max(max_chars // 3, 1)
    ranked = sorted(range(len(lines)), key=lambda i: (-len(lines[i]), i))
    allowed: dict[int, int] = {}
    left = max_chars
    # Paragraph-like lines first (menus and buttons are far shorter than a third of the
    # budget), then longer pieces of the same lines, then whatever else fits.
    for i in [i for i in ranked if len(lines[i]) >= per_line // 4] or ranked[:1]:
        if left < max(per_line // 4, 1):
            break
        allowed[i] = min(per_line, len(lines[i]), left)
        left -= allowed[i]
    for i in list(allowed):
        extra = min(len(lines[i]) - allowed[i], left)
        allowed[i] += extra
        left -= extra
    for i in ranked:
        if i not in allowed and len(lines[i]) <= left:
            allowed[i] = len(lines[i])
            left -= allowed[i]
    return "\n".join(_cut(lines[i], allowed[i]) for i in sorted(allowed))


def _cut(line: str, limit: int) -> str:
    """``line`` cut to at most ``limit`` characters, at the last space if there is one late enough."""
    if len(line) <= limit:
        return line
    space = line.rfind(" ", 0, limit + 1)
    return line[:space] if space > limit // 2 else line[:limit]
