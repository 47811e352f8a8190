"""Chain filters and steps: filters judge (return Removals), the pipeline acts.

A *filter* is any object with ``name`` and ``find(doc) -> Iterable[Removal]`` (or a plain
function ``doc -> Iterable[Removal]``); a *step* is any object with ``name`` and
``__call__(doc) -> Document`` (and, if it does better on several documents at once, a
``many(docs)`` method: see :meth:`Pipeline.many`). A :class:`Pipeline` is itself a step, so
pipelines nest.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from types import FunctionType
from typing import Any, Literal, Protocol, runtime_checkable

import ftfy

from cleaner.document import Document, Removal
from cleaner.vocabulary import document_budget

__all__ = ["Filter", "Pipeline", "Step", "line_filter", "to_document"]

logger = logging.getLogger(__name__)


@runtime_checkable
class Filter(Protocol):
    """Judges a document: yields a :class:`Removal` for each block to drop. Never edits."""

    name: str

    def find(self, doc: Document) -> Iterable[Removal]: ...


@runtime_checkable
class Step(Protocol):
    """Transforms a document (repair, language, translation) and returns the new one."""

    name: str

    def __call__(self, doc: Document) -> Document: ...


StepLike = Filter | Step | Callable[[Document], Any]


def _name_of(item: Any) -> str:
    return str(getattr(item, "name", None) or getattr(item, "__name__", None) or type(item).__name__)


def line_filter(name: str, reason: str | None = None) -> Callable[[Callable[[str], str | bool | None]], _LineFilter]:
    """Turn ``judge(text) -> reason | True | None`` into a filter over every block.

    >>> @line_filter("no_shouting")
    ... def shouting(text):
    ...     return "all_caps" if text.isupper() else None
    >>> Pipeline(shouting).clean("HELLO\\nhello").text
    'hello'
    """

    def wrap(judge: Callable[[str], str | bool | None]) -> _LineFilter:
        return _LineFilter(name, judge, reason or name)

    return wrap


class _LineFilter:
    """A filter made from a per-line judging function (see :func:`line_filter`)."""

    __slots__ = ("judge", "name", "reason")

    def __init__(self, name: str, judge: Callable[[str], str | bool | None], reason: str) -> None:
        self.name = name
        self.judge = judge
        self.reason = reason

    def find(self, doc: Document) -> Iterator[Removal]:
        for block in doc.blocks:
            verdict = self.judge(block.text)
            if verdict:
                yield Removal(block, self.name, verdict if isinstance(verdict, str) else self.reason)


def to_document(text: str | bytes | Document, *, id: str = "") -> Document:
    """Accept ``str``, ``bytes`` (UTF-8, else ftfy's guess; recorded) or a Document.

    >>> to_document(b"caf\\xc3\\xa9").metadata["source_encoding"]
    'utf-8'
    """
    if isinstance(text, Document):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raw = bytes(text)
        try:
            decoded, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                decoded, encoding = ftfy.guess_bytes(raw)
            except UnicodeDecodeError:
                decoded, encoding = raw.decode("utf-8", errors="replace"), "utf-8-replace"
        return Document.from_text(decoded, id=id, metadata={"source_encoding": encoding})
    if not isinstance(text, str):
        raise TypeError(f"cleaner expects the article as str or bytes, got {type(text).__name__}")
    return Document.from_text(text, id=id)


class Pipeline:
    """An ordered chain of filters and steps, itself a step.

    ``stats`` counts ``"filter.reason"`` over every document this pipeline processed; it
    belongs to this object (make a new pipeline, or call ``stats.clear()``, to reset).

    >>> from cleaner.filters import InterfaceLines
    >>> Pipeline(InterfaceLines()).clean("Advertisement\\nThe minister resigned on Monday.").text
    'The minister resigned on Monday.'
    """

    name = "pipeline"

    def __init__(self, *steps: StepLike, name: str = "pipeline", max_rounds: int = 3) -> None:
        for step in steps:
            if not callable(step) and not hasattr(step, "find"):
                raise TypeError(f"pipeline items must be filters or steps, got {type(step).__name__}")
        if max_rounds < 1:
            raise ValueError("max_rounds must be at least 1")
        self.steps: tuple[StepLike, ...] = tuple(steps)
        self.name = name
        self.max_rounds = max_rounds
        self.stats: Counter[str] = Counter()

    def __repr__(self) -> str:
        return f"Pipeline({', '.join(_name_of(s) for s in self.steps)})"

    @property
    def names(self) -> list[str]:
        return [_name_of(s) for s in self.steps]

    def without(self, *names: str) -> Pipeline:
        """A new pipeline minus the steps or filters called ``names``."""
        unknown = set(names) - set(self.names)
        if unknown:
            raise KeyError(f"no step named {sorted(unknown)}; steps are {self.names}")
        return Pipeline(*(s for s in self.steps if _name_of(s) not in names), name=self.name, max_rounds=self.max_rounds)

    def with_step(self, step: StepLike, *, before: str | None = None, after: str | None = None) -> Pipeline:
        """A new pipeline with ``step`` added (at the end, or before/after a named step)."""
        steps = list(self.steps)
        anchor = before or after
        if anchor is None:
            steps.append(step)
        else:
            if anchor not in self.names:
                raise KeyError(f"no step named {anchor!r}; steps are {self.names}")
            at = self.names.index(anchor) + (1 if after else 0)
            steps.insert(at, step)
        return Pipeline(*steps, name=self.name, max_rounds=self.max_rounds)

    def _apply(self, step: StepLike, doc: Document) -> Document:
        find = getattr(step, "find", None)
        out = find(doc) if find is not None else step(doc)  # type: ignore[operator]
        if isinstance(out, Document):
            return out
        removals = tuple(out or ())
        for removal in removals:
            if not isinstance(removal, Removal):
                raise TypeError(f"{_name_of(step)} yielded {type(removal).__name__}, expected Removal")
        return doc.without(removals)

    def _segments(self) -> list[tuple[bool, tuple[StepLike, ...]]]:
        """Consecutive filters form one segment (run to a fixed point); steps stand alone."""
        segments: list[tuple[bool, tuple[StepLike, ...]]] = []
        for step in self.steps:
            is_filter = hasattr(step, "find") or isinstance(step, (FunctionType, partial))
            if is_filter and segments and segments[-1][0]:
                segments[-1] = (True, segments[-1][1] + (step,))
            else:
                segments.append((is_filter, (step,)))
        return segments

    def __call__(self, doc: Document) -> Document:
        """Run every step in order. A run of consecutive filters is repeated while it still
        removes something (at most ``max_rounds`` times): a removal can expose a caption
        pair or a bio that the first round could not see, and repeating makes cleaning
        idempotent, as ftfy's fixer loop does."""
        start = len(doc.removals)
        doc = self._run(doc, self._segments())
        self._count(doc, start)
        return doc

    def many(self, docs: Iterable[Document], *, errors: Literal["raise", "return"] = "raise") -> list[Any]:
        """Run the pipeline over many documents, in order; the same results as one by one.

        A step with a ``many(docs)`` method (translation, which waits on the network and
        so works on several articles at once) gets every document still going; the other
        steps run one document at a time. With ``errors="return"``, a document a step
        raised on is returned as that exception, in its place, and the others go on.

        >>> from cleaner.filters import InterfaceLines
        >>> [d.text for d in Pipeline(InterfaceLines()).many([Document.from_text("Advertisement\\nA.")])]
        ['A.']
        """
        items: list[Any] = list(docs)
        starts = [len(doc.removals) for doc in items]
        for batched, segments in self._stages():
            live = [i for i, item in enumerate(items) if isinstance(item, Document)]
            if batched is not None and live:
                try:
                    out = list(batched.many([items[i] for i in live]))
                except Exception:
                    if errors == "raise":
                        raise
                    out = []
                    for i in live:  # again one by one, to pin the error on its document
                        try:
                            out.append(batched(items[i]))
                        except Exception as err:  # noqa: BLE001 - returned in place, as asked
                            out.append(err)
                for i, result in zip(live, out):
                    items[i] = result
                continue
            for i in live:
                try:
                    items[i] = self._run(items[i], segments)
                except Exception as err:
                    if errors == "raise":
                        raise
                    items[i] = err
        for item, start in zip(items, starts):
            if isinstance(item, Document):
                self._count(item, start)
        return items

    def _stages(self) -> list[tuple[Any, list[tuple[bool, tuple[StepLike, ...]]]]]:
        """Segments grouped for :meth:`many`: a step with ``many`` alone, runs of others together."""
        stages: list[tuple[Any, list[tuple[bool, tuple[StepLike, ...]]]]] = []
        for is_filter, segment in self._segments():
            batched = segment[0] if not is_filter and callable(getattr(segment[0], "many", None)) else None
            if batched is not None:
                stages.append((batched, []))
            elif stages and stages[-1][0] is None:
                stages[-1][1].append((is_filter, segment))
            else:
                stages.append((None, [(is_filter, segment)]))
        return stages

    def _count(self, doc: Document, start: int) -> None:
        for removal in doc.removals[start:]:
            self.stats[f"{removal.filter}.{removal.reason}"] += 1

    def _run(self, doc: Document, segments: list[tuple[bool, tuple[StepLike, ...]]]) -> Document:
        # The user's vocabulary patterns share one time budget per document.
        with document_budget():
            for is_filter, segment in segments:
                if not is_filter:
                    for step in segment:
                        doc = self._apply(step, doc)
                    continue
                # Filters see the lines numbered as if the input had no blank lines (see
                # Document.renumbered), the result numbered back; steps (repair, language,
                # translation) see the document as it is, its paragraphs with it.
                view = doc.renumbered()
                done = self._rounds(view[0] if view is not None else doc, segment)
                doc = view[1](done) if view is not None else done
        return doc

    def _rounds(self, doc: Document, segment: tuple[StepLike, ...]) -> Document:
        """Run a segment of filters until a round removes nothing (``max_rounds`` at most)."""
        for round_ in range(self.max_rounds):
            before = len(doc.removals)
            for step in segment:
                # A filter that judges each line alone (``line_local = True``) finds
                # nothing new once other lines are gone.
                if round_ == 0 or not getattr(step, "line_local", False):
                    doc = self._apply(step, doc)
            if len(doc.removals) == before:
                break
        return doc

    def clean(self, text: str | bytes | Document, *, id: str = "") -> Document:
        """Run the pipeline on raw text (or bytes, or a Document)."""
        return self(to_document(text, id=id))

    def map(self, docs: Iterable[str | bytes | Document]) -> Iterator[Document]:
        """Lazily clean every item of ``docs``."""
        for item in docs:
            yield self.clean(item)

