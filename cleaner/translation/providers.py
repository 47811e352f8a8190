"""The providers: deep-translator classes by name, their limits, language codes and errors.

deep-translator calls ``requests.get``/``requests.post`` with no timeout. We give each of
its provider modules a stand-in ``requests`` (:class:`RequestsShim`) that forwards to the
real module untouched, except inside one of our calls (a context variable set by
:func:`bound`): then the request goes through that call's ``Session`` with its timeout,
and the response status is noted so the error can be classified; the timeout bounds the
whole answer, not just each socket read. Other code using
deep-translator in the same process sees exactly the old behaviour; nothing global is
patched per call, so threads cannot see each other's settings.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import importlib
import json
import logging
import os
import threading
import time
import types
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import regex

from cleaner.translation.chunks import ChunkLimits

__all__ = [
    "PROVIDERS",
    "UNSUPPORTED_PROVIDERS",
    "CallContext",
    "Failure",
    "Provider",
    "bound",
    "canonical_code",
    "classify",
    "redact",
]


def canonical_code(code: str) -> str:
    """One spelling per language: lowercase, Chinese by script, old codes renamed.

    >>> [canonical_code(c) for c in ("zh-cn", "zh-TW", "zh-Hant", "iw", "EN", "pt-BR")]
    ['zh-hans', 'zh-hant', 'zh-hant', 'he', 'en', 'pt']
    """
    code = code.strip().replace("_", "-").lower()
    if code in {"zh", "zh-cn", "zh-sg", "zh-hans", "zh-hans-cn", "zho", "chi"}:
        return "zh-hans"
    if code in {"zh-tw", "zh-hk", "zh-mo", "zh-hant", "zh-hant-tw"}:
        return "zh-hant"
    base = code.split("-")[0]
    return ALIASES.get(base, base)


def same_language(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` name the same language (Chinese scripts count apart,
    but a bare ``zh`` target accepts either).

    >>> same_language("zh-cn", "zh-Hans"), same_language("zh-tw", "zh-cn"), same_language("en", "en-GB")
    (True, False, True)
    """
    ca, cb = canonical_code(a), canonical_code(b)
    if ca == cb:
        return True
    bare = {x.strip().lower() for x in (a, b)} & {"zh", "zho"}
    return bool(bare) and ca.startswith("zh") and cb.startswith("zh")


# Old or alternative ISO 639 codes that detectors and providers still use.
ALIASES = {"iw": "he", "jw": "jv", "in": "id", "ji": "yi", "nb": "no", "fil": "tl", "mo": "ro"}


@dataclass(frozen=True, slots=True)
class Provider:
    """How to drive one deep-translator class.

    Args:
        name: our name for it (``--translator NAME``).
        module: the deep-translator module holding ``class_name``.
        limits: the largest request, counted the way the service fails.
        url_attribute: set the custom endpoint on this attribute (``None``: pass it as the
            constructor's ``custom_url``).
        credentials: ``(constructor keyword, environment variables, required)`` triples.
        codes: canonical code -> provider code, for codes that differ.
        url_params: extra query parameters (Apertium's ``markUnknown``).
        needs_url: the provider has no public endpoint (Apertium APy).
        origin: a hard-coded origin deep-translator also calls (Microsoft's language list),
            moved to ``url``'s origin when a custom endpoint is set.
        call_options: credentials passed to ``translate()`` rather than the constructor.
    """

    name: str
    module: str
    class_name: str
    limits: ChunkLimits
    url_attribute: str | None = "_base_url"
    credentials: tuple[tuple[str, tuple[str, ...], bool], ...] = ()
    codes: Mapping[str, str] = field(default_factory=dict)
    url_params: Mapping[str, str] = field(default_factory=dict)
    needs_url: bool = False
    origin: str | None = None
    call_options: tuple[str, ...] = ()

    def code(self, language: str) -> str | None:
        """The provider's code for ``language``, or ``None`` if it does not have one.

        >>> PROVIDERS["google"].code("zh-cn"), PROVIDERS["google"].code("he"), PROVIDERS["mymemory"].code("es")
        ('zh-CN', 'iw', 'es-ES')
        """
        canonical = canonical_code(language)
        code = self.codes.get(canonical, canonical)
        supported = supported_codes(self.name)
        if supported is None or code in supported:
            return code
        base = code.split("-")[0]
        if base in supported:
            return base
        regional = [c for c in supported if c.split("-")[0].lower() == base]  # mymemory: es-ES, en-GB
        for candidate in (f"{base}-{base.upper()}", *regional):
            if candidate in regional:
                return candidate
        return None

    def load(self) -> type[Any]:
        """The deep-translator class, with the request shim in its module."""
        module = importlib.import_module(self.module)
        install_shim(module)
        return getattr(module, self.class_name)  # type: ignore[no-any-return]


def _codes(attribute: str) -> tuple[str, ...]:
    from deep_translator import constants

    return tuple(dict.fromkeys(getattr(constants, attribute).values()))


_GOOGLE = {"zh-hans": "zh-CN", "zh-hant": "zh-TW", "he": "iw", "jv": "jw"}
_BAIDU = {
    "zh-hans": "zh", "zh-hant": "cht", "ja": "jp", "ko": "kor", "fr": "fra", "es": "spa", "ar": "ara",
    "bg": "bul", "da": "dan", "et": "est", "fi": "fin", "sl": "slo", "sv": "swe", "vi": "vie",
}  # fmt: skip

# Limits: deep-translator refuses ``len(text) >= max``; Google and MyMemory fail on long
# URLs first for non-Latin text (a CJK character is 9 URL bytes: ~1,800 of them break
# Google's ~16 kB URL), so both counts are kept under what fails, with a margin.
_SPECS: tuple[Provider, ...] = (
    Provider("google", "deep_translator.google", "GoogleTranslator", ChunkLimits(4999, 14000), codes=_GOOGLE),
    Provider(
        "libre", "deep_translator.libre", "LibreTranslator", ChunkLimits(2000, 3500),
        url_attribute=None, credentials=(("api_key", ("LIBRE_API_KEY",), False),),
        codes={"zh-hans": "zh", "zh-hant": "zt"},
    ),
    Provider("mymemory", "deep_translator.mymemory", "MyMemoryTranslator", ChunkLimits(499, 4000),
             codes={"zh-hans": "zh-CN", "zh-hant": "zh-TW"}),
    Provider(
        "apertium", "deep_translator.mymemory", "MyMemoryTranslator", ChunkLimits(499, 4000),
        codes={"zh-hans": "zh", "zh-hant": "zh"}, url_params={"markUnknown": "no", "format": "txt"},
        needs_url=True,
    ),
    Provider(
        "microsoft", "deep_translator.microsoft", "MicrosoftTranslator", ChunkLimits(10000),
        credentials=(("api_key", ("MICROSOFT_API_KEY",), True), ("region", ("MICROSOFT_REGION",), False)),
        origin="https://api.cognitive.microsofttranslator.com",
    ),
    Provider(
        "deepl", "deep_translator.deepl", "DeeplTranslator", ChunkLimits(4000, 12000),
        credentials=(("api_key", ("DEEPL_API_KEY",), True),), codes={"zh-hans": "zh", "zh-hant": "zh"},
    ),
    Provider(
        "yandex", "deep_translator.yandex", "YandexTranslator", ChunkLimits(9999),
        credentials=(("api_key", ("YANDEX_API_KEY",), True),), codes={"zh-hans": "zh", "zh-hant": "zh"},
    ),
    Provider(
        "qcri", "deep_translator.qcri", "QcriTranslator", ChunkLimits(2000, 6000),
        credentials=(("api_key", ("QCRI_API_KEY",), True), ("domain", ("QCRI_DOMAIN",), True)),
        call_options=("domain",),
    ),
    Provider(
        "baidu", "deep_translator.baidu", "BaiduTranslator", ChunkLimits(2000, 6000),
        credentials=(("appid", ("BAIDU_APPID",), True), ("appkey", ("BAIDU_APPKEY",), True)), codes=_BAIDU,
    ),
    Provider(
        "papago", "deep_translator.papago", "PapagoTranslator", ChunkLimits(4999),
        credentials=(("client_id", ("PAPAGO_CLIENT_ID",), True), ("secret_key", ("PAPAGO_SECRET_KEY",), True)),
        codes={"zh-hans": "zh-CN", "zh-hant": "zh-TW"},
    ),
)  # fmt: skip
PROVIDERS: dict[str, Provider] = {p.name: p for p in _SPECS}

# deep-translator has these too, but they cannot translate an article safely.
UNSUPPORTED_PROVIDERS = {
    "linguee": "a dictionary for single words (50 characters), not a translator",
    "pons": "a dictionary for single words (50 characters), not a translator",
    "chatgpt": "calls the pre-1.0 openai client outside requests, so no timeout can be set",
}


@functools.cache
def supported_codes(name: str) -> tuple[str, ...] | None:
    """The codes deep-translator lists for provider ``name`` (``None``: the server decides;
    LibreTranslate servers and Apertium installs differ, Microsoft's list is fetched live).
    """
    tables = {
        "google": "GOOGLE_LANGUAGES_TO_CODES",
        "mymemory": "MY_MEMORY_LANGUAGES_TO_CODES",
        "deepl": "DEEPL_LANGUAGE_TO_CODE",
        "baidu": "BAIDU_LANGUAGE_TO_CODE",
    }
    return _codes(tables[name]) if name in tables else None


# -- the request shim -----------------------------------------------------------------


@dataclass
class CallContext:
    """What one translation request may use, and what happened to it."""

    session: Any
    timeout: float
    rewrite: Callable[[str], str] | None = None
    requests: int = 0
    status: int | None = None
    retry_after: float | None = None
    error: BaseException | None = None  # what requests raised, even if deep-translator swallowed it

    def note(self, response: Any) -> None:
        self.status = int(response.status_code)
        self.retry_after = _retry_after(response.headers.get("Retry-After"))


_CURRENT: contextvars.ContextVar[CallContext | None] = contextvars.ContextVar(
    "cleaner_translate_call", default=None
)
_SHIM_LOCK = threading.Lock()


class RequestsShim(types.ModuleType):
    """Stands in for ``requests`` inside a deep-translator module (see module docstring)."""

    def __init__(self, real: types.ModuleType) -> None:
        super().__init__("requests")
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        context = _CURRENT.get()
        if context is None:
            return self._real.request(method, url, **kwargs)
        if context.rewrite is not None:
            url = context.rewrite(url)
        # requests' timeout bounds each socket read, not the whole answer: a server that
        # drips a byte at a time would never trip it. So the body is read here, against
        # a clock, before deep-translator sees the response.
        started = time.monotonic()
        kwargs["timeout"] = context.timeout
        kwargs["stream"] = True
        context.requests += 1
        try:
            response = context.session.request(method, url, **kwargs)
            context.note(response)
            body: list[bytes] = []
            try:
                for block in _blocks(response):
                    body.append(block)
                    if time.monotonic() - started > context.timeout:
                        raise self._real.exceptions.ReadTimeout(
                            f"no complete answer within {context.timeout:.3g} s"
                        )
            finally:
                response.close()
        except Exception as error:
            context.error = error
            raise
        response._content = b"".join(body)  # what .text and .json() read
        return response

    def get(self, url: str, params: Any = None, **kwargs: Any) -> Any:
        return self.request("GET", url, params=params, **kwargs)

    def post(self, url: str, data: Any = None, json: Any = None, **kwargs: Any) -> Any:
        return self.request("POST", url, data=data, json=json, **kwargs)


class _QueryRedactor(logging.Filter):
    """urllib3 logs every request line at DEBUG, query string included; deep-translator
    puts API keys (and the article) there. Inside our calls, the query is cut off."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _CURRENT.get() is not None and isinstance(record.args, tuple):
            record.args = tuple(
                a.split("?", 1)[0] + "?…" if isinstance(a, str) and "?" in a else a for a in record.args
            )
        return True


def _blocks(response: Any) -> Iterator[bytes]:
    """The body as it arrives: urllib3 2's ``read1`` returns whatever one receive got,
    so the clock is checked between bytes of a dripping answer (``iter_content`` would
    wait for a full block first)."""
    read1 = getattr(response.raw, "read1", None)
    if read1 is None:  # urllib3 1.x
        yield from response.iter_content(1024)
        return
    while True:
        block = read1(65536, decode_content=True)
        if not block:
            return
        yield block


def install_shim(module: types.ModuleType) -> None:
    """Give ``module`` a :class:`RequestsShim` as its ``requests`` (once; idempotent)."""
    with _SHIM_LOCK:
        current = getattr(module, "requests", None)
        if isinstance(current, types.ModuleType) and not isinstance(current, RequestsShim):
            module.requests = RequestsShim(current)  # type: ignore[attr-defined]
        urllib3_log = logging.getLogger("urllib3.connectionpool")
        if not any(isinstance(f, _QueryRedactor) for f in urllib3_log.filters):
            urllib3_log.addFilter(_QueryRedactor())


@contextlib.contextmanager
def bound(context: CallContext) -> Iterator[CallContext]:
    """Route deep-translator's requests in this thread through ``context``."""
    token = _CURRENT.set(context)
    try:
        yield context
    finally:
        _CURRENT.reset(token)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


# -- errors ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Failure:
    """A classified error: a stable ``reason`` code, and whether trying again may help."""

    reason: str
    transient: bool
    message: str
    status: int | None = None


def classify(error: BaseException, status: int | None) -> Failure:
    """Turn what deep-translator or requests raised into a :class:`Failure`.

    deep-translator hides the HTTP status in most of its exceptions, so ``status`` is the
    one the shim saw on the last response (``None`` when no response came back).
    """
    import requests
    from deep_translator import exceptions as dt

    message = f"{type(error).__name__}: {error}"
    if isinstance(error, requests.exceptions.Timeout):
        return Failure("timeout", True, message)
    if isinstance(error, requests.exceptions.ConnectionError):
        return Failure("connection_error", True, message)
    if isinstance(error, TimeoutError):  # injected translators (see cleaner.translation.Translator)
        return Failure("timeout", True, message)
    if isinstance(error, ConnectionError):
        return Failure("connection_error", True, message)
    if status is not None and not 200 <= status < 300:
        if status == 429:
            return Failure("rate_limited", True, message, status)
        if status >= 500:
            return Failure("server_error", True, message, status)
        if status in (401, 403):
            return Failure("auth_error", False, message, status)
        if status == 413 or status == 414:
            return Failure("too_long", False, message, status)
        return Failure("bad_request", False, message, status)
    if isinstance(error, dt.TooManyRequests):
        return Failure("rate_limited", True, message, status)
    if isinstance(error, (json.JSONDecodeError, requests.exceptions.JSONDecodeError)):
        return Failure("invalid_response", True, message, status)
    if isinstance(error, requests.exceptions.RequestException):  # bad URL, too many redirects, ...
        return Failure("request_error", False, message, status)
    if isinstance(error, (dt.TranslationNotFound, dt.ElementNotFoundInGetRequest)):
        return Failure("empty_response", True, message, status)
    if isinstance(error, (dt.NotValidLength, dt.NotValidPayload)):
        return Failure("too_long", False, message, status)
    if isinstance(error, (dt.LanguageNotSupportedException, dt.InvalidSourceOrTargetLanguage)):
        return Failure("unsupported_language", False, message, status)
    if isinstance(error, (dt.ApiKeyException, dt.AuthorizationException)):
        return Failure("auth_error", False, message, status)
    if isinstance(error, (KeyError, TypeError, AttributeError, IndexError, StopIteration, ValueError)):
        # A 200 answer in an unexpected shape (``res["translatedText"]`` missing, ...).
        return Failure("invalid_response", True, message, status)
    return Failure("provider_error", False, message, status)


URL_QUERY_RE = regex.compile(r"(https?://[^\s?#'\"]+)\?[^\s'\"]*")


def redact(message: str, secrets: tuple[str, ...]) -> str:
    """Hide keys and query strings (which carry keys and article text) in ``message``.

    >>> redact("GET http://h/x?q=abc&key=s3cr3t failed, key s3cr3t", ("s3cr3t",))
    'GET http://h/x?… failed, key ***'
    """
    message = URL_QUERY_RE.sub(r"\1?…", message)
    for secret in secrets:
        if secret and len(secret) >= 4:
            message = message.replace(secret, "***")
    return message[:500]


def credentials_from(provider: Provider, given: Mapping[str, str | None]) -> dict[str, str]:
    """The provider's credentials from ``given`` or the environment; raises if one is missing."""
    out: dict[str, str] = {}
    for keyword, env_names, required in provider.credentials:
        value = given.get(keyword)
        for env_name in env_names:
            if value:
                break
            value = os.environ.get(env_name)
        if value:
            out[keyword] = value
        elif required:
            names = " or ".join(env_names)
            raise ValueError(f"translator {provider.name!r} needs {keyword}: pass it or set {names}")
    return out
