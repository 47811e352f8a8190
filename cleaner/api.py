"""The plain entry points: ``clean`` and ``detect_language``, over the default pipeline."""

from __future__ import annotations

from typing import Any

from cleaner.config import CleanerConfig, build_pipeline
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
    config: CleanerConfig | None = None,
) -> Document:
    """Clean one article with the default pipeline and return the explained result.

    ``translate_to`` adds a translation of the cleaned body (see :mod:`cleaner.translation`);
    the original always stays in ``result.text``.
    """
    doc = to_document(text, id=id)
    pipeline = default_pipeline(config, translate_to=translate_to) if translate_to else default_pipeline(config)
    return pipeline(doc)


def clean_text(text: str | bytes) -> str:
    """Just the cleaned body."""
    return clean(text).text


def detect_language(text: str, **options: Any) -> Language:
    """Detect the language of ``text`` (see :class:`cleaner.language.LanguageDetector`)."""
    from cleaner.language import detect_language as detect

    return detect(text, **options)
