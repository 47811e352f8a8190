"""The data model: a document is its lines (blocks); every change leaves a record.

Nothing here does I/O or heuristics. All classes are frozen and picklable. A document
turns into the one record schema that every output uses (``cleaner clean --json``,
``cleaner batch``, the adapters) with :meth:`Document.to_record`, and back with
:meth:`Document.from_record`; ``to_dict`` is the nested form of the Python objects.

Positions: in Python, ``Block.index`` is 0-based (a list index). In records, every line
number a person reads is 1-based (``line``, as ``--explain`` and editors count); removals
and edits also keep the 0-based ``index`` so that ``record["removed"][k]["index"]`` and
``doc.removals[k].block.index`` agree.
"""

from __future__ import annotations

import dataclasses
import html
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from cleaner import blocks as _blocks
from cleaner import reasons
from cleaner.blocks import Block

__all__ = [
    "RECORD_KEYS",
    "Block",
    "Document",
    "Edit",
    "Language",
    "Removal",
    "Result",
    "Translation",
]


def _block_dict(block: Block) -> dict[str, Any]:
    return {"line": block.index + 1, **block.to_dict()}


def _index(data: Mapping[str, Any]) -> int:
    """The 0-based index of a removal or edit record (``index``, else the 1-based ``line``)."""
    if data.get("index") is not None:
        return int(data["index"])
    return int(data["line"]) - 1


@dataclass(frozen=True, slots=True)
class Removal:
    """A filter's verdict on one block: remove it, and why.

    ``reason`` is a stable snake_case code (no interpolated data); ``detail`` is for humans.

    >>> Removal(Block(0, "World"), "section_labels", "section_label").reason
    'section_label'
    """

    block: Block
    filter: str
    reason: str
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.block.index + 1,
            "index": self.block.index,
            "text": self.block.text,
            "paragraph": self.block.paragraph,
            "filter": self.filter,
            "reason": self.reason,
            "detail": self.detail,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Removal:
        return cls(
            Block(_index(data), str(data["text"]), int(data.get("paragraph", 0))),
            str(data["filter"]),
            str(data["reason"]),
            str(data.get("detail", "")),
        )


@dataclass(frozen=True, slots=True)
class Edit:
    """An in-place change to a block's text (Unicode repair, whitespace).

    ``explanation`` is a tuple of ``(action, parameter)`` steps; for ``fix_unicode`` it is
    the ftfy plan, replayable with :func:`cleaner.unicode.replay`.
    """

    step: str
    block_index: int
    before: str
    after: str
    explanation: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "line": self.block_index + 1,
            "index": self.block_index,
            "before": self.before,
            "after": self.after,
            "explanation": [list(s) for s in self.explanation],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Edit:
        return cls(
            str(data["step"]),
            _index(data),
            str(data["before"]),
            str(data["after"]),
            tuple((str(a), str(b)) for a, b in data.get("explanation", ())),
        )


@dataclass(frozen=True, slots=True)
class Language:
    """A detected language.

    ``code`` is an ISO 639-1 code (``zh-Hans``/``zh-Hant`` for Chinese) or ``"und"`` when
    the text cannot be trusted to tell; ``candidates`` lists ``(code, probability)`` pairs,
    best first.
    """

    code: str
    probability: float = 0.0
    candidates: tuple[tuple[str, float], ...] = ()
    backend: str = ""

    @property
    def is_known(self) -> bool:
        return self.code != "und"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "probability": self.probability,
            "candidates": [list(c) for c in self.candidates],
            "backend": self.backend,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Language:
        return cls(
            str(data["code"]),
            float(data.get("probability", 0.0)),
            tuple((str(c), float(p)) for c, p in data.get("candidates", ())),
            str(data.get("backend", "")),
        )


TranslationStatus = Literal["ok", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class Translation:
    """The outcome of translating the cleaned body; the original always stays in the document.

    ``text`` is set only when ``status == "ok"``. ``reason`` is a stable code for a skip or
    a failure (``"same_language"``, ``"timeout"``, ...), ``message`` the human explanation.
    """

    status: TranslationStatus
    target: str
    source: str = ""
    provider: str = ""
    text: str | None = None
    reason: str = ""
    message: str = ""
    chunks: int = 0
    cached_chunks: int = 0
    requests: int = 0  # HTTP requests made for this text, retries included
    retries: int = 0  # requests repeated after a transient failure
    verbatim_chunks: int = 0  # pieces kept untranslated: no letters, or a token over the limit

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Translation:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


# The keys of every record, in order (``edits`` only when asked for; an error record has
# ``id``, ``line``, ``status`` and ``error``, and null or no other keys).
RECORD_KEYS = (
    "id",
    "line",
    "status",
    "error",
    "text",
    "title",
    "language",
    "language_probability",
    "language_candidates",
    "language_backend",
    "removed",
    "edits",
    "metadata",
    "translation",
    "stats",
)
LEARNED_KEYS = ("captions", "credits", "authors", "related")


@dataclass(frozen=True, slots=True, repr=False)
class Document:
    """An article as blocks, plus the record of everything removed or changed.

    ``blocks`` are the surviving lines in input order; ``removals`` and ``edits`` say what
    happened to the others, in the order it happened. ``metadata`` holds facts about the
    input (``source_encoding``, user fields); facts learnt by filters (captions, credits,
    authors, related headlines) are derived from the removals, so they cannot disagree.

    >>> doc = Document.from_text("World\\n\\nA title\\nFirst line.")
    >>> doc.text
    'World\\n\\nA title\\nFirst line.'
    >>> doc = doc.without([Removal(doc.blocks[0], "section_labels", "section_label")])
    >>> doc.text
    'A title\\nFirst line.'
    >>> doc
    Document(id='', text='A title\\nFirst line.', lines=2 kept of 3, removed=1, language=None)
    """

    blocks: tuple[Block, ...]
    id: str = ""
    removals: tuple[Removal, ...] = ()
    edits: tuple[Edit, ...] = ()
    language: Language | None = None
    translation: Translation | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    # In a view numbered without the input's blank lines (see renumbered): the input's 1-based
    # line number of each block index; None otherwise.
    line_numbers: tuple[int, ...] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_text(cls, text: str, *, id: str = "", metadata: Mapping[str, Any] | None = None) -> Document:
        """Split ``text`` into blocks (see :mod:`cleaner.blocks`); no cleaning happens here."""
        if not isinstance(text, str):
            raise TypeError(f"Document.from_text expects str, got {type(text).__name__}")
        return cls(_blocks.split(text), id=id, metadata=dict(metadata or {}))

    @property
    def text(self) -> str:
        """The surviving blocks joined, with the input's paragraph breaks."""
        return _blocks.join(self.blocks)

    @property
    def input_blocks(self) -> tuple[Block, ...]:
        """Every block of the input, kept or removed, in input order."""
        return tuple(sorted((*self.blocks, *(r.block for r in self.removals)), key=lambda b: b.index))

    @property
    def removed(self) -> tuple[Removal, ...]:
        """Alias of ``removals``."""
        return self.removals

    @property
    def title(self) -> str | None:
        """The headline: the first surviving block if it reads like one (short, no final period)."""
        for block in self.blocks[:1]:
            if _blocks.looks_like_title(block.text):
                return block.text
        return None

    def removed_texts(self, *reasons: str) -> list[str]:
        """Distinct texts of removed blocks with any of ``reasons``, in order of removal."""
        seen: dict[str, None] = {}
        for r in self.removals:
            if r.reason in reasons:
                seen.setdefault(r.block.text, None)
        return list(seen)

    @property
    def learned(self) -> dict[str, list[str]]:
        """What filters learnt: captions, credits, authors and related headlines."""
        return {
            "captions": self.removed_texts(reasons.REPEATED_CAPTION, reasons.CAPTION),
            "credits": self.removed_texts(*reasons.CREDITS),
            "authors": self.removed_texts(reasons.BYLINE, reasons.AUTHOR_NAME),
            "related": self.removed_texts(reasons.PROMOTED_HEADLINE, reasons.PROMO_LEAD_IN),
        }

    @property
    def stats(self) -> dict[str, Any]:
        """Figures to filter a corpus on: lines and characters in and out, the share of
        characters removed, removals per ``filter.reason``.

        Lines are the input's non-blank lines; characters are those of these lines (line
        breaks not counted), as the filters saw them (after Unicode repair).

        >>> doc = Document.from_text("Advertisement\\n\\nThe minister resigned.")
        >>> doc = doc.without([Removal(doc.blocks[0], "interface_lines", "advertisement")])
        >>> doc.stats
        {'lines_in': 2, 'lines_out': 1, 'chars_in': 35, 'chars_out': 22, 'removed_share': 0.3714, \
'removed_by_reason': {'interface_lines.advertisement': 1}}
        """
        gone = {r.block.index: len(r.block.text) for r in self.removals}
        chars_out = sum(len(b.text) for b in self.blocks)
        chars_in = chars_out + sum(gone.values())
        reasons = Counter(f"{r.filter}.{r.reason}" for r in self.removals)
        return {
            "lines_in": len(self.blocks) + len(gone),
            "lines_out": len(self.blocks),
            "chars_in": chars_in,
            "chars_out": chars_out,
            "removed_share": round(1 - chars_out / chars_in, 4) if chars_in else 0.0,
            "removed_by_reason": dict(reasons.most_common()),
        }

    def without(self, removals: Iterable[Removal]) -> Document:
        """A copy with the blocks of ``removals`` dropped and the removals recorded."""
        new = tuple(removals)
        if not new:
            return self
        gone = {r.block.index for r in new}
        kept = tuple(b for b in self.blocks if b.index not in gone)
        return dataclasses.replace(self, blocks=kept, removals=self.removals + new)

    def with_blocks(self, blocks: Iterable[Block], edits: Iterable[Edit] = ()) -> Document:
        """A copy with ``blocks`` replacing the current ones and ``edits`` recorded."""
        return dataclasses.replace(self, blocks=tuple(blocks), edits=self.edits + tuple(edits))

    def replace(self, **changes: Any) -> Document:
        """``dataclasses.replace`` for this document."""
        return dataclasses.replace(self, **changes)

    def line(self, index: int) -> int:
        """The 1-based line number a person reads for block ``index`` (the input's, in a
        view numbered without blank lines): what a removal's detail names.

        >>> view, _ = Document.from_text("a\\n\\nb").renumbered()
        >>> view.line(1)
        3
        """
        return self.line_numbers[index] if self.line_numbers is not None else index + 1

    def renumbered(self) -> tuple[Document, Callable[[Document], Document]] | None:
        """The document with its lines numbered as if the input had no blank lines, and the
        function that numbers a result of it back; None when the input had none.

        Filters read "next to each other in the input" as consecutive indices, and most
        scrapers' texts come either with a blank line between every two lines or with none:
        numbered this way, both read alike. A blank line still ends a paragraph
        (``Block.paragraph``), unless every paragraph is one line: then blank lines group
        nothing and the view has one paragraph.

        >>> doc = Document.from_text("Advertisement\\n\\nThe council met on Monday.")
        >>> view, back = doc.renumbered()
        >>> [b.index for b in view.input_blocks], [b.index for b in back(view).input_blocks]
        ([0, 1], [0, 2])
        """
        rows = self.input_blocks
        if all(row.index == k for k, row in enumerate(rows)):
            return None
        flat = len({row.paragraph for row in rows}) == len(rows) > 1
        to_view = {row.index: k for k, row in enumerate(rows)}

        def there(block: Block) -> Block:
            return Block(to_view[block.index], block.text, 0 if flat else block.paragraph)

        def back(block: Block) -> Block:
            original = rows[block.index]
            return Block(original.index, block.text, original.paragraph)

        def edit(change: Edit, where: Callable[[int], int]) -> Edit:
            return dataclasses.replace(change, block_index=where(change.block_index))

        view = dataclasses.replace(
            self,
            blocks=tuple(there(b) for b in self.blocks),
            removals=tuple(dataclasses.replace(r, block=there(r.block)) for r in self.removals),
            edits=tuple(edit(e, to_view.__getitem__) for e in self.edits),
            line_numbers=tuple(row.index + 1 for row in rows),
        )

        def number_back(doc: Document) -> Document:
            return dataclasses.replace(
                doc,
                blocks=tuple(back(b) for b in doc.blocks),
                removals=tuple(dataclasses.replace(r, block=back(r.block)) for r in doc.removals),
                edits=tuple(edit(e, lambda k: rows[k].index) for e in doc.edits),
                line_numbers=None,
            )

        return view, number_back

    # -- records -----------------------------------------------------------------------------

    def to_record(
        self, *, line: int | None = None, edits: bool = True, blocks: bool = False
    ) -> dict[str, Any]:
        """The record every output writes (see :data:`RECORD_KEYS`), JSON-ready.

        ``line`` is the record's 1-based number in its input; ``edits=False`` leaves the
        per-line edits out (``cleaner batch`` without ``--edits``); ``blocks=True`` adds the
        surviving blocks with their positions, so that :meth:`from_record` rebuilds this
        exact document (without them it splits ``text`` again: same text, lines renumbered).

        >>> record = Document.from_text("A title\\nFirst line.", id="a1").to_record(line=1)
        >>> record["id"], record["line"], record["status"], record["text"], record["stats"]["lines_out"]
        ('a1', 1, 'ok', 'A title\\nFirst line.', 2)
        """
        language = self.language
        out: dict[str, Any] = {
            "id": self.id,
            "line": line,
            "status": "ok",
            "error": None,
            "text": self.text,
            "title": self.title,
            "language": language.code if language else None,
            "language_probability": language.probability if language else None,
            "language_candidates": dict(language.candidates) if language else None,
            "language_backend": language.backend if language else None,
            "removed": [r.to_dict() for r in self.removals],
            "edits": [e.to_dict() for e in self.edits],
            "metadata": {**self.metadata, **self.learned},
            "translation": self.translation.to_dict() if self.translation else None,
            "stats": self.stats,
        }
        if not edits:
            del out["edits"]
        if blocks:
            out["blocks"] = [_block_dict(b) for b in self.blocks]
        return out

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> Document:
        """Rebuild a document from a record (:meth:`to_record`, a ``cleaner batch`` output
        line, a row of its Parquet output) or from :meth:`to_dict` output.

        >>> doc = Document.from_text("Advertisement\\nThe minister resigned.", id="a1")
        >>> doc = doc.without([Removal(doc.blocks[0], "interface_lines", "advertisement")])
        >>> Document.from_record(doc.to_record(blocks=True)) == doc
        True
        """
        if data.get("status", "ok") != "ok":
            raise ValueError(f"an error record has no document: {data.get('error')!r}")
        if data.get("blocks") is not None:
            kept = tuple(Block(_index(b), str(b["text"]), int(b.get("paragraph", 0))) for b in data["blocks"])
        else:
            kept = _blocks.split(str(data.get("text") or ""))
        metadata = data.get("metadata") or {}
        if isinstance(metadata, str):  # table form (Parquet, the adapters): JSON text
            metadata = json.loads(metadata)
        return cls(
            kept,
            id="" if data.get("id") is None else str(data["id"]),
            removals=tuple(Removal.from_dict(r) for r in data.get("removed") or ()),
            edits=tuple(Edit.from_dict(e) for e in data.get("edits") or ()),
            language=_language_of(data),
            translation=Translation.from_dict(data["translation"]) if data.get("translation") else None,
            metadata={k: v for k, v in dict(metadata).items() if k not in LEARNED_KEYS},
        )

    def to_dict(self, *, blocks: bool = False) -> dict[str, Any]:
        """The nested form of the Python objects (``language`` as an object); outputs use
        :meth:`to_record`. ``blocks=True`` also lists the surviving blocks."""
        out: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "language": self.language.to_dict() if self.language else None,
            "removed": [r.to_dict() for r in self.removals],
            "edits": [e.to_dict() for e in self.edits],
            "metadata": {**self.metadata, **self.learned},
            "translation": self.translation.to_dict() if self.translation else None,
        }
        if blocks:
            out["blocks"] = [_block_dict(b) for b in self.blocks]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Rebuild a document from :meth:`to_dict` or :meth:`to_record` output."""
        return cls.from_record(data)

    # -- for people ------------------------------------------------------------------------

    def __repr__(self) -> str:
        text = self.text
        preview = text if len(text) <= 60 else text[:59] + "…"
        lines_in = len(self.blocks) + len({r.block.index for r in self.removals})
        code = self.language.code if self.language else None
        return (
            f"Document(id={self.id!r}, text={preview!r}, lines={len(self.blocks)} kept of {lines_in}, "
            f"removed={len(self.removals)}, language={code!r})"
        )

    def explain(self) -> str:
        """Each removed line (1-based line number, filter/reason, detail, text), then the
        title, language and translation: what ``cleaner clean --explain`` prints.

        >>> doc = Document.from_text("Advertisement\\nThe minister resigned.")
        >>> print(doc.without([Removal(doc.blocks[0], "interface_lines", "advertisement")]).explain())
        # 1 lines removed
        - line 1: interface_lines/advertisement: Advertisement
        """
        lines = [f"# {len(self.removals)} lines removed"]
        for r in sorted(self.removals, key=lambda r: r.block.index):
            detail = f" ({r.detail})" if r.detail else ""
            lines.append(f"- line {r.block.index + 1}: {r.filter}/{r.reason}{detail}: {r.block.text[:100]}")
        if self.title:
            lines.append(f"# title: {self.title}")
        if self.language:
            lines.append(f"# language: {self.language.code} (p={self.language.probability:.2f})")
        if self.translation:
            t = self.translation
            lines.append(f"# translation: {t.status} {t.source}->{t.target} {t.reason}".rstrip())
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """The article in a notebook: kept lines as text, removed lines struck through with
        their filter and reason (everything escaped)."""
        removed = {r.block.index: r for r in self.removals}
        rows = self.input_blocks
        parts = []
        previous: int | None = None
        for block in rows:
            if previous is not None and block.paragraph != previous:
                parts.append('<div style="height:0.6em"></div>')
            previous = block.paragraph
            text = html.escape(block.text)
            removal = removed.get(block.index)
            if removal is None:
                parts.append(f"<div>{text}</div>")
                continue
            why = f"{removal.filter}/{removal.reason}" + (f": {removal.detail}" if removal.detail else "")
            parts.append(
                f'<div style="color:#888"><del>{text}</del> '
                f'<small style="color:#a33">[line {block.index + 1}: {html.escape(why)}]</small></div>'
            )
        head = [f"{len(self.blocks)} of {len(rows)} lines kept"]
        if self.id:
            head.insert(0, f"<b>{html.escape(self.id)}</b>")
        if self.language:
            head.append(f"language {html.escape(self.language.code)} ({self.language.probability:.2f})")
        return (
            '<div class="cleaner-document">'
            f'<div style="font-size:smaller;margin-bottom:0.4em">{" · ".join(head)}</div>'
            f'<div style="white-space:pre-wrap">{"".join(parts)}</div></div>'
        )


def _language_of(data: Mapping[str, Any]) -> Language | None:
    """The language of a record (flat keys) or of ``to_dict`` output (an object)."""
    value = data.get("language")
    if value is None:
        return None
    if isinstance(value, Mapping):
        return Language.from_dict(value)
    candidates = data.get("language_candidates") or ()
    if isinstance(candidates, str):  # table form: JSON text
        candidates = json.loads(candidates)
    if isinstance(candidates, Mapping):
        candidates = candidates.items()
    return Language(
        str(value),
        float(data.get("language_probability") or 0.0),
        tuple((str(c), float(p)) for c, p in candidates),
        str(data.get("language_backend") or ""),
    )


Result = Document
"""What :func:`cleaner.clean` returns: a :class:`Document` after the pipeline ran."""
