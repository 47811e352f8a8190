"""The data model: a document is its lines (blocks); every change leaves a record.

Nothing here does I/O or heuristics. All classes are frozen, picklable and turn into
plain JSON-ready dicts with ``to_dict`` (and back with ``from_dict``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from cleaner import blocks as _blocks
from cleaner.blocks import Block

__all__ = [
    "Block",
    "Document",
    "Edit",
    "Language",
    "Removal",
    "Result",
    "Translation",
]


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
            Block(int(data["index"]), str(data["text"]), int(data.get("paragraph", 0))),
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
            "index": self.block_index,
            "before": self.before,
            "after": self.after,
            "explanation": [list(s) for s in self.explanation],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Edit:
        return cls(
            str(data["step"]),
            int(data["index"]),
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


@dataclass(frozen=True, slots=True)
class Document:
    """An article as blocks, plus the record of everything removed or changed.

    ``blocks`` are the surviving lines in input order; ``removals`` and ``edits`` say what
    happened to the others, in the order it happened. ``metadata`` holds facts about the
    input (``source_encoding``, user fields); facts learnt by filters (captions, credits,
    authors, related headlines) are derived from the removals, so they cannot disagree.

    >>> doc = Document.from_text("World\\n\\nA title\\nFirst line.")
    >>> doc.text
    'World\\n\\nA title\\nFirst line.'
    >>> doc.without([Removal(doc.blocks[0], "section_labels", "section_label")]).text
    'A title\\nFirst line.'
    """

    blocks: tuple[Block, ...]
    id: str = ""
    removals: tuple[Removal, ...] = ()
    edits: tuple[Edit, ...] = ()
    language: Language | None = None
    translation: Translation | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

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
            "captions": self.removed_texts("repeated_caption", "caption"),
            "credits": self.removed_texts("image_credit"),
            "authors": self.removed_texts("byline", "author_name"),
            "related": self.removed_texts("promoted_headline", "promo_lead_in"),
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

    def to_dict(self, *, blocks: bool = False) -> dict[str, Any]:
        """Plain JSON-ready data. ``blocks=True`` also lists the surviving blocks."""
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
            out["blocks"] = [b.to_dict() for b in self.blocks]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Rebuild a document from :meth:`to_dict` output (``blocks=True`` keeps positions)."""
        if "blocks" in data:
            kept = tuple(Block(int(b["index"]), str(b["text"]), int(b.get("paragraph", 0))) for b in data["blocks"])
        else:
            kept = _blocks.split(str(data.get("text", "")))
        learned_keys = {"captions", "credits", "authors", "related"}
        return cls(
            kept,
            id=str(data.get("id", "")),
            removals=tuple(Removal.from_dict(r) for r in data.get("removed", ())),
            edits=tuple(Edit.from_dict(e) for e in data.get("edits", ())),
            language=Language.from_dict(data["language"]) if data.get("language") else None,
            translation=Translation.from_dict(data["translation"]) if data.get("translation") else None,
            metadata={k: v for k, v in dict(data.get("metadata") or {}).items() if k not in learned_keys},
        )


Result = Document
"""What :func:`cleaner.clean` returns: a :class:`Document` after the pipeline ran."""
