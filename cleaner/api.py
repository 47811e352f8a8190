"""The plain entry points: ``clean`` and ``detect_language``, over the default pipeline.

:func:`clean` keeps the pipelines it builds, one per configuration and thread (a few), so a
loop of ``clean()`` calls costs what a reused pipeline costs; building a pipeline reads the
vocabulary and sets up every filter. Users who want the memory back, or a pipeline of their
own, build one with :func:`default_pipeline` and call it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from cleaner.config import CleanerConfig, Mode, build_pipeline
from cleaner.document import Document, Language
from cleaner.pipeline import Pipeline, to_document

__all__ = ["clean", "clean_text", "default_pipeline", "detect_language"]


def default_pipeline(config: CleanerConfig | None = None, **options: Any) -> Pipeline:
    """The standard chain of steps and filters, configured by ``config`` or keyword options.

    >>> default_pipeline(detect_language=False).names[0]
    'fix_unicode'
    """
    if options:
        config = (config or CleanerConfig()).replace(**options)
    return build_pipeline(config)


def clean(
    text: str | bytes,
    *,
    id: str = "",
    translate_to: str | None = None,
    mode: Mode | None = None,
    config: CleanerConfig | None = None,
) -> Document:
    """Clean one article with the default pipeline and return the explained result.

    ``mode`` is the precision dial (``"precise"``, ``"balanced"``, the default, or
    ``"thorough"``; see :class:`~cleaner.config.CleanerConfig`), a shortcut for
    ``config=CleanerConfig(mode=...)``. ``translate_to`` adds a translation of the cleaned
    body (see :mod:`cleaner.translation`); the original always stays in ``result.text``.

    >>> clean("Advertisement\\nThe council met on Monday to vote on the budget.", mode="precise").text
    'The council met on Monday to vote on the budget.'
    """
    if mode is not None:
        config = (config or CleanerConfig()).replace(mode=mode)
    doc = to_document(text, id=id)
    return _PIPELINES.get(config, translate_to)(doc)


class _PipelineCache:
    """Pipelines by configuration, per thread (a pipeline's memo is not shared across
    threads), the least recently used dropped beyond ``size``."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._local = threading.local()

    def get(self, config: CleanerConfig | None, translate_to: str | None) -> Pipeline:
        kept: OrderedDict[tuple[str | None, str | None], Pipeline] | None = getattr(self._local, "kept", None)
        if kept is None:
            kept = self._local.kept = OrderedDict()
        # The default configuration needs no fingerprint (the usual call, made per document).
        key = (config.fingerprint() if config is not None else None, translate_to)
        pipeline = kept.get(key)
        if pipeline is None:
            pipeline = default_pipeline(config, translate_to=translate_to) if translate_to else default_pipeline(config)
            kept[key] = pipeline
            if len(kept) > self.size:
                kept.popitem(last=False)
        else:
            kept.move_to_end(key)
        return pipeline

    def clear(self) -> None:
        self._local.kept = OrderedDict()


_PIPELINES = _PipelineCache()


def clean_text(text: str | bytes) -> str:
    """Just the cleaned body."""
    return clean(text).text


def detect_language(text: str, **options: Any) -> Language:
    """Detect the language of ``text`` (see :class:`cleaner.language.LanguageDetector`)."""
    from cleaner.language import detect_language as detect

    return detect(text, **options)
