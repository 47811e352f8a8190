"""The Translate step: the cleaned body in another language, for one article or many.

The article is cut into lines and request-sized pieces (:mod:`cleaner.translation.chunks`),
each looked up in a SQLite cache (:mod:`cleaner.translation.cache`); the rest go to the
provider's :class:`~cleaner.translation.endpoint.Endpoint`, packed into few requests and
sent with a timeout, retries, back-pressure and a circuit breaker. The original body is
never touched: the result is a :class:`~cleaner.document.Translation` with ``text`` set
only when every line was translated, and otherwise a reason code and the root cause.
"""

from __future__ import annotations

import collections
import dataclasses
import logging
from collections.abc import Collection, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cleaner.codes import canonical, expand, same_language
from cleaner.document import Document, Language, Translation
from cleaner.translation import chunks
from cleaner.translation.cache import TranslationCache
from cleaner.translation.client import Client, DeepTranslatorClient, Failure, FunctionClient, redact
from cleaner.translation.endpoint import Endpoint, Tally
from cleaner.translation.process import ProcessLocal
from cleaner.translation.providers import (
    PROVIDERS,
    UNSUPPORTED_PROVIDERS,
    Provider,
    credentials_from,
)
from cleaner.translation.retry import Deadline, RetryPolicy

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["Translate", "TranslationError", "Translator"]

logger = logging.getLogger(__name__)


@runtime_checkable
class Translator(Protocol):
    """The injectable network: any callable ``(text, source, target) -> translation``.

    ``source`` and ``target`` are our codes (:mod:`cleaner.codes`: ``es``, ``zh-Hans``, ``he``). Raise to
    fail: ``TimeoutError`` and ``ConnectionError`` count as outages and are retried. Lines
    may come packed into one text, joined by a blank line; keep the breaks.

    >>> shout = lambda text, source, target: text.upper()
    >>> doc = Document.from_text("Hola.\\n\\nAdiós.").replace(language=Language("es", 0.99))
    >>> Translate("en", translator=shout, cache=False)(doc).translation.text
    'HOLA.\\n\\nADIÓS.'
    """

    def __call__(self, text: str, source: str, target: str) -> str: ...


class TranslationError(RuntimeError):
    """Raised instead of recording a failure when ``Translate(raise_on_failure=True)``."""

    def __init__(self, translation: Translation) -> None:
        super().__init__(f"translation failed ({translation.reason}): {translation.message}")
        self.translation = translation


class Translate:
    """Translate ``doc.text`` into ``target`` and record the outcome in ``doc.translation``.

    Args:
        target: language to translate into (ISO 639-1; ``zh-Hans``/``zh-CN`` style for Chinese).
        provider: ``google`` (default), ``libre``, ``mymemory``, ``apertium`` (an APy server,
            which answers like MyMemory), ``microsoft``, ``deepl``, ``yandex``, ``qcri``,
            ``baidu`` or ``papago``.
        url: the provider's endpoint, for a self-hosted or local server (LibreTranslate
            base URL, Apertium ``http://host:2737/translate``, ...).
        api_key: the provider's key (Baidu: appid; Papago: client id); default from the
            provider's environment variable (``DEEPL_API_KEY``, ``LIBRE_API_KEY``, ...).
            Keys are never logged and are masked in messages and ``repr``.
        options: other provider settings: ``region`` (microsoft), ``domain`` (qcri),
            ``appkey`` (baidu), ``secret_key`` (papago).
        source: the source language; default: ``doc.language``, detected if missing.
        skip: source languages never to translate (besides ``target`` itself).
        min_probability: skip when the detected language is less certain than this.
        cache: ``True`` (or ``None``): the SQLite cache in the user cache directory (or
            ``$CLEANER_TRANSLATION_CACHE``); a path or :class:`TranslationCache`: that one;
            ``False``: no cache.
        timeout: seconds for one HTTP request, answer included (deep-translator sets none).
        deadline: seconds for the whole article, waits and retries included; ``None``: no limit.
        retries: further tries after an outage (5xx, timeout, connection error) or an
            invalid answer, waiting ``backoff * 2**n`` seconds (capped at ``max_backoff``,
            with ``jitter``) or the server's ``Retry-After``. A 429 (rate limited) is not
            a failure: the request waits as the server asks and goes again, within the deadline.
        max_in_flight: most requests at once, over all articles using this object; fewer
            while the provider answers 429 (halved on each, grown back on answers). Also
            how many articles :meth:`many` translates at once.
        breaker_threshold: outages in a row after which the provider is left alone for
            ``breaker_cooldown`` seconds (doubling while its probes fail, up to
            ``max_breaker_cooldown``); callers wait for it. ``None`` disables the breaker.
        patience: seconds of failing (outages, 429s) after which articles stop waiting for
            the provider and fail at once with the cause; ``None``: wait up to the deadline.
        max_answer_bytes: refuse an answer larger than this (``answer_too_large``).
        pack: pack the article's lines into as few requests as the provider's limits
            allow (checked; an answer that does not split back is asked line by line).
        limits: request size limits; default: the provider's.
        raise_on_failure: raise :class:`TranslationError` instead of recording a failure.
        translator: a :class:`Translator` callable to use instead of deep-translator (its
            ``name`` attribute, default ``"custom"``, labels results and cache rows).
            Chunking, packing, caching, retries and the breaker apply to it all the same.

    The object is picklable (sessions, threads, the breaker's state and database
    connections are per process and reopened lazily) and thread-safe.

    >>> step = Translate("en", cache=False)
    >>> doc = Document.from_text("Already in English.").replace(language=Language("en", 0.99))
    >>> step(doc).translation.reason
    'same_language'
    """

    name = "translate"

    def __init__(
        self,
        target: str,
        *,
        provider: str = "google",
        url: str | None = None,
        api_key: str | None = None,
        options: Mapping[str, str] | None = None,
        source: str | None = None,
        skip: Collection[str] = (),
        min_probability: float = 0.8,
        cache: bool | str | Path | TranslationCache | None = True,
        timeout: float = 10.0,
        deadline: float | None = 120.0,
        retries: int = 5,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        jitter: float = 0.5,
        max_in_flight: int = 4,
        breaker_threshold: int | None = 5,
        breaker_cooldown: float = 1.0,
        max_breaker_cooldown: float = 30.0,
        patience: float | None = 60.0,
        max_answer_bytes: int = 2_000_000,
        pack: bool = True,
        limits: chunks.ChunkLimits | None = None,
        raise_on_failure: bool = False,
        translator: Translator | None = None,
    ) -> None:
        name = provider.strip().lower()
        if translator is not None:
            # Any callable: tests, or an engine deep-translator lacks. Canonical codes.
            name = str(getattr(translator, "name", "custom"))
            spec = Provider(name, "", "", chunks.ChunkLimits(4999))
        elif name in UNSUPPORTED_PROVIDERS:
            raise ValueError(f"translator {name!r} is not supported: {UNSUPPORTED_PROVIDERS[name]}")
        elif name not in PROVIDERS:
            raise ValueError(f"unknown translator {provider!r}; choose one of {', '.join(PROVIDERS)}")
        else:
            spec = PROVIDERS[name]
        if spec.needs_url and not url:
            raise ValueError(f"translator {name!r} needs url= (e.g. http://127.0.0.1:2737/translate)")
        known = {keyword for keyword, _, _ in spec.credentials}
        unknown = set(options or {}) - known
        if unknown:
            raise ValueError(
                f"translator {name!r} takes no option {sorted(unknown)}; it takes {sorted(known)}"
            )
        given: dict[str, str | None] = dict(options or {})
        if spec.credentials:
            given[spec.credentials[0][0]] = api_key or given.get(spec.credentials[0][0])
        elif api_key:
            raise ValueError(f"translator {name!r} takes no api_key")
        if retries < 0:
            raise ValueError("retries must be 0 or more")
        self.provider: Provider = spec
        self.target = target
        self.target_code = spec.code(target)
        if self.target_code is None:
            raise ValueError(f"translator {name!r} cannot translate into {target!r}")
        client: Client = (
            FunctionClient(translator)
            if translator is not None
            else DeepTranslatorClient(spec, url, credentials_from(spec, given))
        )
        self.endpoint = Endpoint(
            client,
            limits=limits or spec.limits,
            separator=spec.separator,
            timeout=timeout,
            policy=RetryPolicy(retries=retries, backoff=backoff, max_backoff=max_backoff, jitter=jitter),
            max_in_flight=max_in_flight,
            breaker_threshold=breaker_threshold,
            breaker_cooldown=breaker_cooldown,
            max_breaker_cooldown=max_breaker_cooldown,
            patience=patience,
            max_answer_bytes=max_answer_bytes,
            pack=pack,
        )
        self.source = source
        self.skip = frozenset(language for code in skip for language in expand(code))  # zh: both scripts
        self.min_probability = min_probability
        if cache is True or cache is None:
            self.cache: TranslationCache | None = TranslationCache()
        elif cache is False:
            self.cache = None
        elif isinstance(cache, TranslationCache):
            self.cache = cache
        else:
            self.cache = TranslationCache(cache)
        self.deadline = deadline
        self.raise_on_failure = raise_on_failure
        self._detector = ProcessLocal(_language_detector)  # made on first need

    # -- plumbing ---------------------------------------------------------------------

    @property
    def max_in_flight(self) -> int:
        return self.endpoint.max_in_flight

    @property
    def limits(self) -> chunks.ChunkLimits:
        return self.endpoint.limits

    def __repr__(self) -> str:
        client = self.endpoint.client
        key = ", api_key=***" if client.secrets() else ""
        return f"Translate({self.target!r}, provider={self.provider.name!r}, url={client.endpoint or None!r}{key})"

    def close(self) -> None:
        """Stop the worker threads and close HTTP sessions and this thread's cache connection."""
        self.endpoint.close()
        if self.cache is not None:
            self.cache.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the step -----------------------------------------------------------------------

    def __call__(self, doc: Document) -> Document:
        translation = self.translate_text(doc.text, language=doc.language)
        return doc.replace(translation=translation)

    def many(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Translate ``docs`` lazily and in order, ``max_in_flight`` articles at once.

        Requests over all of them stay within ``max_in_flight`` (fewer while the provider
        pushes back); at most twice that many documents are read ahead. Documents
        answered entirely from the cache (or skipped) never leave the calling thread.

        >>> step = Translate("en", translator=lambda text, source, target: text[::-1], cache=False)
        >>> docs = [Document.from_text(t).replace(language=Language("es", 0.99)) for t in ("Uno", "Dos")]
        >>> [d.translation.text for d in step.many(docs)]
        ['onU', 'soD']
        """
        workers = self.endpoint.max_in_flight
        if workers <= 1:
            yield from (self(doc) for doc in docs)
            return
        pool = ThreadPoolExecutor(workers, thread_name_prefix="cleaner-translate-docs")
        pending: collections.deque[Future[Document]] = collections.deque()
        try:
            for doc in docs:
                # Cache hits and skips are answered here: a thread hop costs more than they do.
                ready = self._offline(doc)
                if ready is None:
                    pending.append(pool.submit(self, doc))
                else:
                    done: Future[Document] = Future()
                    done.set_result(ready)
                    pending.append(done)
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
            pool.shutdown(wait=True)

    def translate_text(self, text: str, *, language: Language | str | None = None) -> Translation:
        """Translate ``text`` (whose language is ``language``, else ``source``, else detected).

        Returns the :class:`Translation`; raises :class:`TranslationError` on failure only
        with ``raise_on_failure=True``.
        """
        result = self._translate_text(text, language)
        assert result is not None  # only offline=True returns None
        if result.status == "failed":
            logger.info("translation via %s failed (%s): %s", self.provider.name, result.reason, result.message)
            if self.raise_on_failure:
                raise TranslationError(result)
        return result

    def _skip(self, reason: str, message: str, source: str = "") -> Translation:
        return Translation("skipped", self.target, source, self.provider.name, reason=reason, message=message)

    def _resolve_source(self, text: str, language: Language | str | None) -> tuple[str, Translation | None]:
        if self.source is not None:
            return self.source, None
        if isinstance(language, str):
            return language, None
        if language is None:
            language = self._detect(text)
        if not language.is_known:
            return "und", self._skip("unknown_language", "the language of the text is unknown", "und")
        if language.probability < self.min_probability:
            message = f"detected {language.code} with probability {language.probability:.2f} < {self.min_probability}"
            return language.code, self._skip("low_confidence", message, language.code)
        return language.code, None

    def _detect(self, text: str) -> Language:
        language: Language = self._detector.get().detect(text)
        return language

    def _offline(self, doc: Document) -> Document | None:
        """``doc`` translated from the cache or skipped, if that needs no request (and no
        language detection); else ``None``."""
        if doc.language is None and self.source is None:
            return None
        translation = self._translate_text(doc.text, doc.language, offline=True)
        return None if translation is None else doc.replace(translation=translation)

    def _translate_text(
        self, text: str, language: Language | str | None, *, offline: bool = False
    ) -> Translation | None:
        """The translation, or with ``offline=True`` ``None`` when a request would be needed."""
        if not text.strip():
            return self._skip("empty_text", "nothing to translate")
        source, skipped = self._resolve_source(text, language)
        if skipped is not None:
            return skipped
        if same_language(source, self.target):
            return self._skip("same_language", f"the text is already in {source}", source)
        if canonical(source) in self.skip:
            return self._skip("skipped_language", f"{source} is in the skip list", source)
        source_code = self.provider.code(source)
        if source_code is None:
            return self._skip(
                "unsupported_language", f"{self.provider.name} cannot translate from {source}", source
            )
        assert self.target_code is not None

        plan = chunks.plan(text, self.endpoint.limits)
        pieces = plan.requests
        verbatim = sum(1 for p in plan.pieces if p.verbatim)
        base = Translation(
            "ok", self.target, source, self.provider.name, chunks=len(pieces), verbatim_chunks=verbatim
        )
        endpoint = self.endpoint.client.endpoint
        keys = {
            piece: TranslationCache.key(self.provider.name, endpoint, source_code, self.target_code, piece)
            for piece in pieces
        }
        found = self.cache.get_many(keys.values()) if self.cache is not None else {}
        done = {piece: found[key] for piece, key in keys.items() if key in found}
        cached = sum(1 for piece in pieces if piece in done)
        missing = [piece for piece in keys if piece not in done]
        if missing and offline:
            return None
        tally = Tally()
        failures: list[Failure] = []
        if missing:
            deadline = Deadline(self.deadline)
            results = self.endpoint.translate(missing, source_code, self.target_code, deadline, tally)
            fresh = {piece: out for piece, out in zip(missing, results) if isinstance(out, str)}
            failures = [out for out in results if isinstance(out, Failure)]
            done.update(fresh)
            if self.cache is not None and fresh:
                self.cache.put_many(
                    (keys[piece], self.provider.name, source_code, self.target_code, out)
                    for piece, out in fresh.items()
                )
        base = dataclasses.replace(base, cached_chunks=cached, requests=tally.requests, retries=tally.retries)
        if failures:
            first = next((f for f in failures if f.reason != "deadline"), failures[0])
            secrets = self.endpoint.client.secrets()
            message = f"{len(failures)} of {len(missing)} pieces failed; first: {redact(first.message, secrets)}"
            return dataclasses.replace(base, status="failed", reason=first.reason, message=message)
        translated = chunks.rebuild(plan, [done[piece] for piece in pieces], target=self.target_code)
        if translated.count("\n") != text.count("\n"):  # rebuild keeps the lines; say so if not
            message = f"{text.count(chr(10))} line breaks in the source, {translated.count(chr(10))} in the translation"
            return dataclasses.replace(base, status="failed", reason="paragraph_mismatch", message=message)
        return dataclasses.replace(base, text=translated)


def _language_detector() -> Any:
    from cleaner.language import LanguageDetector

    return LanguageDetector()
