"""Language detection: which language an article (or a single line) is written in, the same
answer in every process, and ``"und"`` when there is too little to tell.

- :mod:`~cleaner.language.options`: :class:`LanguageOptions`, every option, spelled once;
- :mod:`~cleaner.language.scripts`: letters and scripts (shared with the filters);
- :mod:`~cleaner.language.sample`: which part of a text is read;
- :mod:`~cleaner.language.backends`: langdetect or langdetect-rs, and the per-process models;
- :mod:`~cleaner.language.judges`: py3langid and lingua, the short-text judges;
- :mod:`~cleaner.language.detector`: :class:`LanguageDetector`, how a text is judged;
- :mod:`~cleaner.language.step`: :class:`DetectLanguage` (pipeline step), :func:`detect_language`.

Codes are ours (:mod:`cleaner.codes`): ISO 639-1, Chinese as ``zh-Hans``/``zh-Hant``.
"""

from __future__ import annotations

from cleaner.language.detector import LanguageDetector
from cleaner.language.options import Backend, LanguageOptions, ShortTextDetector
from cleaner.language.sample import sample_text
from cleaner.language.scripts import LANGDETECT_LANGUAGES, count_letters, dominant_script, script_languages
from cleaner.language.step import DetectLanguage, detect_language

__all__ = [
    "LANGDETECT_LANGUAGES",
    "Backend",
    "DetectLanguage",
    "LanguageDetector",
    "LanguageOptions",
    "ShortTextDetector",
    "count_letters",
    "detect_language",
    "dominant_script",
    "sample_text",
    "script_languages",
]
