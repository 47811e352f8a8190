"""The entry points that use a detector: :class:`DetectLanguage`, the pipeline step that sets
``doc.language``, and :func:`detect_language`, the plain function."""

from __future__ import annotations

from typing import Any

from cleaner.document import Document, Language
from cleaner.language.detector import LanguageDetector
from cleaner.language.options import LanguageOptions

__all__ = ["DetectLanguage", "detect_language"]


def detect_language(text: str, options: LanguageOptions | None = None, /, **changes: Any) -> Language:
    """The language of ``text``; ``options`` and keyword arguments as for :class:`LanguageDetector`.

    >>> detect_language("Il governo ha approvato ieri sera il decreto sulle bollette.").code
    'it'
    >>> detect_language("Стоимость нефти выросла на фоне новостей из Персидского залива.").code
    'ru'
    >>> detect_language("北京市政府周一宣布了新的交通管理措施。").code
    'zh-Hans'
    >>> detect_language("...").code
    'und'
    """
    return LanguageDetector(options, **changes).detect(text)


class DetectLanguage:
    """Pipeline step: sets ``doc.language`` from the document's surviving text.

    Args:
        options: a :class:`~cleaner.language.LanguageOptions`; keyword arguments change single
            options of it, as for :class:`LanguageDetector`.
        detector: the :class:`LanguageDetector` to use instead (then give no options). Pass
            one detector to several steps or filters to share its settings and its cache.

    >>> step = DetectLanguage(languages={"en", "de"})
    >>> doc = step(Document.from_text("Menu\\n\\nDie Regierung hat am Montag neue Regeln vorgestellt."))
    >>> doc.language.code
    'de'
    """

    name = "detect_language"

    def __init__(
        self,
        options: LanguageOptions | None = None,
        /,
        *,
        detector: LanguageDetector | None = None,
        **changes: Any,
    ) -> None:
        if detector is not None and (options is not None or changes):
            raise TypeError("give DetectLanguage a detector or options, not both")
        self.detector = detector or LanguageDetector(options, **changes)

    def __repr__(self) -> str:
        return f"DetectLanguage(detector={self.detector!r})"

    def __call__(self, doc: Document) -> Document:
        return doc.replace(language=self.detector.detect(doc.text))
