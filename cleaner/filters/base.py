"""BlockFilter: what the package's filters share.

A filter has a ``name``, declares the reason codes it may give (constants from
:mod:`cleaner.reasons`), and judges a document in ``find(doc)``, yielding a
:class:`~cleaner.document.Removal` for each block to drop; it never edits the document.
What it asks of single lines (folded text, vocabulary, shape) it asks of the pipeline's
shared :class:`~cleaner.lines.Lines`, which answers each question once per line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from cleaner import reasons as codes
from cleaner.document import Block, Document, Removal
from cleaner.lines import Lines
from cleaner.vocabulary import Vocabulary

__all__ = ["BlockFilter"]


class BlockFilter:
    """Base class of the package's filters.

    Args:
        vocabulary: the phrase lists (default: the shipped ones, or those of ``lines``).
        lines: the shared line descriptions (a pipeline passes one to all its filters).
    """

    name: ClassVar[str]
    reasons: ClassVar[frozenset[str]] = frozenset()
    # True when a line's verdict depends on that line alone: the pipeline's later rounds,
    # which only see fewer lines, skip the filter.
    line_local: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        unknown = cls.reasons - codes.ALL
        if unknown:
            raise TypeError(f"{cls.__name__} declares reason codes not in cleaner.reasons: {sorted(unknown)}")

    def __init__(self, *, vocabulary: Vocabulary | None = None, lines: Lines | None = None) -> None:
        if vocabulary is None:
            vocabulary = lines.vocabulary if lines is not None else Vocabulary.default()
        self.vocabulary = vocabulary
        self.lines = lines if lines is not None and lines.vocabulary is vocabulary else Lines(vocabulary)

    def removal(self, block: Block, reason: str, detail: str = "") -> Removal:
        """A removal with one of this filter's declared reasons."""
        if reason not in self.reasons:
            raise ValueError(f"{self.name} has no reason code {reason!r}; it declares {sorted(self.reasons)}")
        return Removal(block, self.name, reason, detail)

    def find(self, doc: Document) -> Iterable[Removal]:
        raise NotImplementedError
