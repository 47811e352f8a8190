"""Translation of the cleaned body: the :class:`Translate` step and what it is made of.

- ``step``: the pipeline step (options, skips, the result), for one article or many;
- ``chunks``: lines and request-sized pieces, packing them into requests and back;
- ``cache``: translated pieces in SQLite, shared by threads and processes;
- ``endpoint``: one provider at one URL: retries, back-pressure, the circuit breaker;
- ``client``: one request through deep-translator (imported only when first needed),
  with its timeout, size cap and the root cause of a failure;
- ``retry``: backoff, deadline, the breaker and the throttle as objects;
- ``providers``: the provider table (limits, language codes, credentials).

>>> from cleaner.document import Document, Language
>>> doc = Document.from_text("Hola.").replace(language=Language("es", 0.99))
>>> Translate("en", translator=lambda text, source, target: text.upper(), cache=False)(doc).translation.text
'HOLA.'
"""

from __future__ import annotations

from cleaner.translation.cache import TranslationCache
from cleaner.translation.chunks import ChunkLimits
from cleaner.translation.providers import PROVIDERS
from cleaner.translation.step import Translate, TranslationError, Translator

__all__ = [
    "PROVIDERS",
    "ChunkLimits",
    "Translate",
    "TranslationCache",
    "TranslationError",
    "Translator",
]
