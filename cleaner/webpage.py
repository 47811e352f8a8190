"""HTML pages: recognise them, and extract their main text with trafilatura (extra
``html``) so that the pipeline cleans what trafilatura kept.

Each paragraph trafilatura returns becomes a paragraph of the text (a blank line between
them), with the page's title on top when the text does not start with it; what
trafilatura found about the page (title, author, date, URL, site name) goes into the
document's ``metadata["html"]``.
"""

from __future__ import annotations

import os
import re
from typing import Any

__all__ = ["HTML_EXTENSIONS", "ExtraMissing", "extract", "looks_like_html"]

HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
# A page starts (after white space, a BOM or an XML declaration) with a doctype, <html>,
# <head> or <body>, or with a comment and then one of those. Bounded: only the first 2 KB
# are looked at, and no pattern can backtrack over more than that.
_START_RE = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,500}?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_FIELDS = ("title", "author", "date", "url", "sitename")


class ExtraMissing(ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


def looks_like_html(data: str | bytes, name: str | os.PathLike[str] | None = None) -> bool:
    """Whether ``data`` is an HTML page: by its file name's extension, or by how it starts.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("The <html> tag starts a page.")
    False
    >>> looks_like_html(b"", "page.HTM")
    True
    """
    if name is not None and os.fspath(name).lower().endswith(HTML_EXTENSIONS):
        return True
    head = data[:2048]
    if isinstance(head, str):
        head = head.encode("utf-8", errors="replace")
    return _START_RE.match(head) is not None


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as err:
        raise ExtraMissing(
            "extracting text from HTML needs trafilatura: pip install 'article-cleaner[html]'"
        ) from err
    return trafilatura


def extract(page: str | bytes, *, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The main text of an HTML page and what trafilatura found about it.

    Returns ``(text, facts)``: paragraphs separated by blank lines, the title on top; an
    empty text when trafilatura finds no main content. Raises :class:`ExtraMissing` when
    the ``html`` extra is not installed.
    """
    trafilatura = _trafilatura()
    found = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, deduplicate=False
    )
    if found is None:
        return "", {}
    body = str(getattr(found, "text", None) or "")
    facts = {name: value for name in _FIELDS if (value := getattr(found, name, None))}
    paragraphs = [line for line in body.splitlines() if line.strip()]
    title = facts.get("title")
    if title and (not paragraphs or paragraphs[0].strip() != str(title).strip()):
        paragraphs.insert(0, str(title))
    return "\n\n".join(paragraphs), facts
