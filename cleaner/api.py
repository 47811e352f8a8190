"""The plain entry points: ``clean`` and ``detect_language``, over the default pipeline."""

from __future__ import annotations

from cleaner.document import Document, Language
from cleaner.pipeline import Pipeline, to_document

__all__ = ["clean", "clean_text", "default_pipeline", "detect_language"]


def default_pipeline() -> Pipeline:
    """The standard chain of steps and filters."""
    from cleaner import filters

    return Pipeline(
        filters.FixUnicode(),
        filters.InterfaceLines(),
        filters.SectionLabels(),
        filters.Bylines(),
        filters.AuthorBio(),
        filters.RelatedPromos(),
        filters.Captions(),
        filters.DuplicateParagraphs(),
        filters.BodyRegion(),
    )


def clean(text: str | bytes, *, id: str = "") -> Document:
    """Clean one article with the default pipeline and return the explained result."""
    return default_pipeline()(to_document(text, id=id))


def clean_text(text: str | bytes) -> str:
    """Just the cleaned body."""
    return clean(text).text


def detect_language(text: str) -> Language:
    """Detect the language of ``text``."""
    from cleaner.language import detect_language as detect

    return detect(text)
