"""The Translate step: the cleaned body in another language, via deep-translator.

The article is cut into request-sized pieces (:mod:`cleaner.translation.chunks`), each
looked up in a SQLite cache (:mod:`cleaner.translation.cache`) and otherwise sent to the
provider (:mod:`cleaner.translation.providers`) with a timeout, retries and a circuit
breaker (:mod:`cleaner.translation.retry`). The original body is never touched: the
result is a :class:`~cleaner.document.Translation` with ``text`` set only when every
piece was translated, and a reason code when it was skipped or failed.
"""

from __future__ import annotations

import collections
import contextlib
import copy
import logging
import os
import random
import threading
import time
from collections.abc import Collection, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from cleaner.document import Document, Language, Translation
from cleaner.translation import chunks
from cleaner.translation.cache import TranslationCache
from cleaner.translation.providers import (
    PROVIDERS,
    UNSUPPORTED_PROVIDERS,
    CallContext,
    Failure,
    Provider,
    bound,
    canonical_code,
    classify,
    credentials_from,
    redact,
    same_language,
)
from cleaner.translation.retry import CircuitBreaker, Deadline, RetryPolicy

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["Translate", "TranslationError", "Translator", "translate_many"]

logger = logging.getLogger(__name__)

# A retry with less time than this before the deadline is not worth sending.
MIN_ATTEMPT_SECONDS = 0.05


@runtime_checkable
class Translator(Protocol):
    """The injectable network: any callable ``(text, source, target) -> translation``.

    ``source`` and ``target`` are canonical codes (``es``, ``zh-hans``, ``he``). Raise to
    fail: ``TimeoutError`` and ``ConnectionError`` count as transient and are retried.

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


@dataclass
class _Tally:
    requests: int = 0
    retries: int = 0

    def add(self, other: _Tally) -> None:
        self.requests += other.requests
        self.retries += other.retries


class _Runtime:
    """Per-process resources, opened lazily and never pickled."""

    def __init__(self, max_in_flight: int) -> None:
        self.pid = os.getpid()
        self.lock = threading.Lock()
        self.slots = threading.BoundedSemaphore(max_in_flight)
        self.rng = random.Random()
        self.prototype: Any = None
        self.construct_lock = threading.Lock()
        self.pool: ThreadPoolExecutor | None = None
        self.sessions: list[Any] = []
        self.idle_sessions: list[Any] = []
        self.detector: Any = None


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
        timeout: seconds for one HTTP request (deep-translator sets none).
        deadline: seconds for the whole article, retries included; ``None``: no limit.
        retries: further attempts after a transient failure (timeout, connection error,
            429, 5xx, empty or invalid answer), waiting ``backoff * 2**n`` seconds (capped
            at ``max_backoff``, with ``jitter``), or the server's ``Retry-After``.
        max_in_flight: most requests at once, over all threads using this object.
        breaker_threshold: transient failures in a row after which the provider is left
            alone for ``breaker_cooldown`` seconds; ``None`` disables the breaker.
        limits: request size limits; default: the provider's.
        raise_on_failure: raise :class:`TranslationError` instead of recording a failure.
        translator: a :class:`Translator` callable to use instead of deep-translator (its
            ``name`` attribute, default ``"custom"``, labels results and cache rows).
            Chunking, caching, retries and the breaker apply to it all the same.

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
        retries: int = 3,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        jitter: float = 0.5,
        max_in_flight: int = 4,
        breaker_threshold: int | None = 5,
        breaker_cooldown: float = 60.0,
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
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        self.provider: Provider = spec
        self.translator = translator
        self.target = target
        self.target_code = spec.code(target)
        if self.target_code is None:
            raise ValueError(f"translator {name!r} cannot translate into {target!r}")
        self.url = _endpoint(spec, url) if url else None
        self._credentials = credentials_from(spec, given)
        self.source = source
        self.skip = frozenset(canonical_code(code) for code in skip)
        self.min_probability = min_probability
        if cache is True or cache is None:
            self.cache: TranslationCache | None = TranslationCache()
        elif cache is False:
            self.cache = None
        elif isinstance(cache, TranslationCache):
            self.cache = cache
        else:
            self.cache = TranslationCache(cache)
        self.timeout = timeout
        self.deadline = deadline
        self.policy = RetryPolicy(retries=retries, backoff=backoff, max_backoff=max_backoff, jitter=jitter)
        self.max_in_flight = max_in_flight
        self.breaker = CircuitBreaker(threshold=breaker_threshold, cooldown=breaker_cooldown)
        self.limits = limits or spec.limits
        self.raise_on_failure = raise_on_failure
        self._runtime_lock = threading.Lock()
        self._runtime: _Runtime | None = None

    # -- plumbing ---------------------------------------------------------------------

    def __repr__(self) -> str:
        key = ", api_key=***" if self._credentials else ""
        return f"Translate({self.target!r}, provider={self.provider.name!r}, url={self.url!r}{key})"

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_runtime"] = None
        del state["_runtime_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._runtime_lock = threading.Lock()

    def _rt(self) -> _Runtime:
        runtime = self._runtime
        if runtime is not None and runtime.pid == os.getpid():
            return runtime
        with self._runtime_lock:
            if self._runtime is None or self._runtime.pid != os.getpid():
                self._runtime = _Runtime(self.max_in_flight)
            return self._runtime

    def close(self) -> None:
        """Stop the worker threads and close HTTP sessions and this thread's cache connection."""
        runtime, self._runtime = self._runtime, None
        if runtime is not None and runtime.pid == os.getpid():
            if runtime.pool is not None:
                runtime.pool.shutdown(wait=True)
            for session in runtime.sessions:
                session.close()
        if self.cache is not None:
            self.cache.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _session(self) -> Iterator[Any]:
        """Borrow an idle HTTP session (keep-alive); at most ``max_in_flight`` ever exist,
        since requests are bounded by the same number, whatever threads make them."""
        runtime = self._rt()
        with runtime.lock:
            session = runtime.idle_sessions.pop() if runtime.idle_sessions else None
        if session is None:
            import requests
            from requests.adapters import HTTPAdapter

            session = requests.Session()
            # Retries are ours (with backoff and a breaker); urllib3 must not add its own.
            adapter = HTTPAdapter(pool_connections=2, pool_maxsize=2, max_retries=0)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            with runtime.lock:
                runtime.sessions.append(session)
        try:
            yield session
        finally:
            with runtime.lock:
                runtime.idle_sessions.append(session)

    def _secrets(self) -> tuple[str, ...]:
        return tuple(self._credentials.values())

    # -- the step -----------------------------------------------------------------------

    def __call__(self, doc: Document) -> Document:
        translation = self.translate_text(doc.text, language=doc.language)
        return doc.replace(translation=translation)

    def translate_many(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Translate ``docs`` lazily and in order, up to ``max_in_flight`` requests at once."""
        return translate_many(docs, self)

    def translate_text(self, text: str, *, language: Language | str | None = None) -> Translation:
        """Translate ``text`` (whose language is ``language``, else ``source``, else detected).

        Returns the :class:`Translation`; raises :class:`TranslationError` on failure only
        with ``raise_on_failure=True``.
        """
        result = self._translate_text(text, language)
        assert result is not None  # only offline=True returns None
        if result.status == "failed":
            logger.info("translation via %s failed: %s", self.provider.name, result.reason)
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
        runtime = self._rt()
        with runtime.lock:
            if runtime.detector is None:
                from cleaner.language import LanguageDetector

                runtime.detector = LanguageDetector()
            detector = runtime.detector
        return detector.detect(text)  # type: ignore[no-any-return]

    def _without_network(self, doc: Document) -> Document | None:
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
        if canonical_code(source) in self.skip:
            return self._skip("skipped_language", f"{source} is in the skip list", source)
        source_code = self.provider.code(source)
        if source_code is None:
            return self._skip(
                "unsupported_language", f"{self.provider.name} cannot translate from {source}", source
            )
        assert self.target_code is not None

        plan = chunks.plan(text, self.limits)
        pieces = plan.requests
        verbatim = sum(1 for p in plan.pieces if p.verbatim)
        base = Translation(
            "ok", self.target, source, self.provider.name, chunks=len(pieces), verbatim_chunks=verbatim
        )
        endpoint = self.url or ""
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
        tally = _Tally()
        failures: list[Failure] = []
        if missing:
            deadline = Deadline(self.deadline)
            results = self._translate_pieces(missing, source_code, self.target_code, deadline, tally)
            fresh = {piece: out for piece, out in zip(missing, results) if isinstance(out, str)}
            failures = [out for out in results if isinstance(out, Failure)]
            done.update(fresh)
            if self.cache is not None and fresh:
                self.cache.put_many(
                    (keys[piece], self.provider.name, source_code, self.target_code, out)
                    for piece, out in fresh.items()
                )
        counts = {"cached_chunks": cached, "requests": tally.requests, "retries": tally.retries}
        if failures:
            # The root cause, not the breaker or deadline it triggered, when there is one.
            first = next((f for f in failures if f.reason not in {"circuit_open", "deadline"}), failures[0])
            message = f"{len(failures)} of {len(pieces)} pieces failed; first: {redact(first.message, self._secrets())}"
            return _replace(base, status="failed", reason=first.reason, message=message, **counts)
        translated = chunks.rebuild(plan, [done[piece] for piece in pieces], target=self.target_code)
        return _replace(base, text=translated, **counts)

    def _translate_pieces(
        self, pieces: list[str], source: str, target: str, deadline: Deadline, tally: _Tally
    ) -> list[str | Failure]:
        if len(pieces) == 1 or self.max_in_flight == 1:
            return [self._translate_piece(piece, source, target, deadline, tally) for piece in pieces]
        runtime = self._rt()
        with runtime.lock:
            if runtime.pool is None:
                runtime.pool = ThreadPoolExecutor(self.max_in_flight, thread_name_prefix="cleaner-translate")
            pool = runtime.pool
        tallies = [_Tally() for _ in pieces]
        futures = [
            pool.submit(self._translate_piece, piece, source, target, deadline, t)
            for piece, t in zip(pieces, tallies)
        ]
        results = [future.result() for future in futures]
        for t in tallies:
            tally.add(t)
        return results

    def _translate_piece(
        self, text: str, source: str, target: str, deadline: Deadline, tally: _Tally
    ) -> str | Failure:
        """One piece, with retries; returns the translation or the last failure."""
        runtime = self._rt()
        attempt = 0
        while True:
            if not self.breaker.wait(deadline):
                return Failure(
                    "circuit_open", False, f"{self.provider.name} failed repeatedly; not called for now"
                )
            remaining = deadline.remaining()
            if remaining is not None and remaining <= 0:
                return Failure("deadline", False, f"no time left for the article ({self.deadline} s)")
            timeout = self.timeout if remaining is None else min(self.timeout, remaining)
            tally.retries += attempt > 0
            failure: Failure | None = None
            with (
                runtime.slots,
                self._session() as session,
                bound(CallContext(session, timeout, self._rewrite)) as context,
            ):
                try:
                    if self.translator is not None:
                        context.requests += 1
                        answer = self.translator(text, source, target)
                    else:
                        answer = self._instance(source, target).translate(text, **self._call_options())
                    if not isinstance(answer, str) or not answer.strip():
                        failure = Failure(
                            "empty_response", True, "the provider answered with no text", context.status
                        )
                except Exception as error:  # noqa: BLE001  (classified: a provider bug must not kill the pipeline)
                    # Microsoft's client logs a timeout and then fails on ``None.json()``:
                    # what requests raised, if anything, is the real cause.
                    failure = classify(context.error or error, context.status)
            tally.requests += context.requests
            if failure is None:
                self.breaker.success()
                return answer
            logger.debug(
                "%s request failed: %s (attempt %d)", self.provider.name, failure.reason, attempt + 1
            )
            if failure.transient:
                self.breaker.failure()
            if not failure.transient or attempt >= self.policy.retries:
                return failure
            delay = self.policy.delay(attempt, runtime.rng)
            if context.retry_after is not None:
                delay = max(delay, min(context.retry_after, self.policy.max_backoff))
            remaining = deadline.remaining()
            if remaining is not None and delay + MIN_ATTEMPT_SECONDS >= remaining:
                return failure  # no time left for a meaningful retry
            time.sleep(delay)
            attempt += 1

    def _rewrite(self, url: str) -> str:
        origin = self.provider.origin
        if self.url and origin and url.startswith(origin):
            from urllib.parse import urlsplit

            parts = urlsplit(self.url)
            return f"{parts.scheme}://{parts.netloc}{url[len(origin) :]}"
        return url

    def _call_options(self) -> dict[str, str]:
        return {k: self._credentials[k] for k in self.provider.call_options if k in self._credentials}

    def _instance(self, source: str, target: str) -> Any:
        """A fresh deep-translator object for one call (they are not thread-safe).

        It is a copy of a per-process prototype, so constructors that call the network
        (Microsoft fetches its language list) run once, inside our timeout.
        """
        runtime = self._rt()
        prototype = runtime.prototype
        if prototype is None:
            with runtime.construct_lock:  # one construction (and language-list fetch) at a time
                if runtime.prototype is None:
                    runtime.prototype = self._construct()
                prototype = runtime.prototype
        instance = copy.copy(prototype)
        instance._url_params = {**prototype._url_params, **self.provider.url_params}
        # Set codes after construction: deep-translator's own tables are incomplete
        # (and Papago's is inverted); ours are in cleaner.translation.providers.
        instance.source = source
        instance.target = target
        return instance

    def _construct(self) -> Any:
        cls = self.provider.load()
        kwargs: dict[str, Any] = {
            k: v for k, v in self._credentials.items() if k not in self.provider.call_options
        }
        if self.url and self.provider.url_attribute is None:
            kwargs["custom_url"] = self.url
        if self.provider.name == "libre" and "api_key" not in kwargs:
            kwargs["api_key"] = "unused"  # deep-translator insists on one; removed below
        instance = cls(source="auto", target="auto", **kwargs)
        if self.provider.name == "libre" and "api_key" not in self._credentials:
            instance.api_key = None  # so no api_key parameter is sent to keyless servers
        if self.url and self.provider.url_attribute is not None:
            setattr(instance, self.provider.url_attribute, self.url)
        return instance


def translate_many(docs: Iterable[Document], step: Translate) -> Iterator[Document]:
    """Run ``step`` over ``docs`` in threads, lazily and in order.

    At most ``step.max_in_flight`` requests are in flight at once (the step's semaphore
    counts them); at most twice that many documents are read ahead. Documents answered
    entirely from the cache (or skipped) never leave the calling thread.

    >>> step = Translate("en", translator=lambda text, source, target: text[::-1], cache=False)
    >>> docs = [Document.from_text(t).replace(language=Language("es", 0.99)) for t in ("Uno", "Dos")]
    >>> [d.translation.text for d in translate_many(docs, step)]
    ['onU', 'soD']
    """
    if step.max_in_flight <= 1:
        yield from (step(doc) for doc in docs)
        return
    pool = ThreadPoolExecutor(step.max_in_flight, thread_name_prefix="cleaner-translate-docs")
    pending: collections.deque[Future[Document]] = collections.deque()
    try:
        for doc in docs:
            # Cache hits and skips are answered here: a thread hop costs more than they do.
            ready = step._without_network(doc)
            if ready is None:
                pending.append(pool.submit(step, doc))
            else:
                done: Future[Document] = Future()
                done.set_result(ready)
                pending.append(done)
            if len(pending) >= 2 * step.max_in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True)


def _endpoint(provider: Provider, url: str) -> str:
    """deep-translator appends ``translate`` to Libre's and DeepL's base URL: accept either form."""
    url = url.strip()
    if provider.name in {"libre", "deepl"}:
        if url.rstrip("/").endswith("/translate"):
            url = url.rstrip("/")[: -len("translate")]
        if not url.endswith("/"):
            url += "/"
    return url


def _replace(translation: Translation, **changes: Any) -> Translation:
    import dataclasses

    return dataclasses.replace(translation, **changes)
