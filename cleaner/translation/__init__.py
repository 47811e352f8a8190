"""Translation of the cleaned body: the :class:`Translate` step and what it is made of.

``step`` (the pipeline step: options, skips, the result), ``chunks`` (request-sized
pieces and putting them back), ``cache`` (SQLite), ``providers`` (the provider table:
limits, language codes, credentials) and ``retry`` (backoff, deadline, circuit breaker).
deep-translator is imported only when a request is first made.

>>> from cleaner.document import Document, Language
>>> doc = Document.from_text("Hola.").replace(language=Language("es", 0.99))
>>> Translate("en", translator=lambda text, source, target: text.upper(), cache=False)(doc).translation.text
'HOLA.'
"""

from __future__ import annotations

from cleaner.translation.cache import TranslationCache
from cleaner.translation.chunks import ChunkLimits
from cleaner.translation.providers import PROVIDERS
from cleaner.translation.step import Translate, TranslationError, Translator, translate_many

__all__ = [
    "PROVIDERS",
    "ChunkLimits",
    "Translate",
    "TranslationCache",
    "TranslationError",
    "Translator",
    "translate_many",
]
