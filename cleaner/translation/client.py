"""One request to a provider, and what went wrong with it: the deep-translator adapter.

deep-translator calls ``requests.get``/``requests.post`` with no timeout and hides the
HTTP status and the server's message in its exceptions. We give each of its provider
modules a stand-in ``requests`` (:class:`RequestsShim`) that forwards to the real module
untouched, except inside one of our calls (a context variable set by :func:`bound`):
then the request goes through that call's ``Session`` with its timeout, the body is read
against a clock (so a server that trickles bytes cannot hold it) and up to a size cap, and
the status, ``Retry-After`` and the start of the body are noted, so that :func:`classify`
can name the root cause. Other code using deep-translator in the same process sees the old
behaviour; nothing global is patched per call, so threads cannot see each other's settings.

deep-translator (and requests) are imported on the first request, not with this module.
"""

from __future__ import annotations

import contextlib
import contextvars
import copy
import html
import importlib
import json
import logging
import threading
import time
import types
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, Protocol

import regex

from cleaner.translation.process import ProcessLocal
from cleaner.translation.providers import Provider

__all__ = [
    "OUTAGES",
    "CallContext",
    "Client",
    "DeepTranslatorClient",
    "Failure",
    "FunctionClient",
    "bound",
    "classify",
    "redact",
]

# Failures that say the endpoint is down (the circuit breaker counts only these).
OUTAGES = frozenset({"server_error", "timeout", "connection_error"})
MESSAGE_CHARS = 300  # of the server's own words kept in a failure message


@dataclass(frozen=True, slots=True)
class Failure:
    """A classified error: a stable ``reason`` code, whether trying again may help, and
    the human message (the server's own words when it gave some)."""

    reason: str
    transient: bool
    message: str
    status: int | None = None
    retry_after: float | None = None  # seconds the server asked us to wait

    @property
    def outage(self) -> bool:
        return self.reason in OUTAGES


class Client(Protocol):
    """Sends one text to one provider endpoint; used by :class:`~cleaner.translation.endpoint.Endpoint`."""

    name: str
    endpoint: str  # part of the cache key: two servers may translate differently

    def send(
        self, text: str, source: str, target: str, *, timeout: float, max_answer_bytes: int
    ) -> tuple[str | Failure, int]:
        """The translation or the failure, and the HTTP requests made (retries are not
        the client's business)."""
        ...

    def secrets(self) -> tuple[str, ...]: ...

    def close(self) -> None: ...


# -- the request shim -----------------------------------------------------------------


class AnswerTooLarge(Exception):
    """The answer is bigger than the cap (a translation is a few times its source at most)."""


@dataclass
class CallContext:
    """What one translation request may use, and what happened to it."""

    session: Any
    timeout: float
    max_answer_bytes: int
    rewrite: Callable[[str], str] | None = None
    requests: int = 0
    status: int | None = None
    status_text: str = ""
    content_type: str = ""
    retry_after: float | None = None
    head: bytes = b""  # the start of the last body, for messages
    error: BaseException | None = None  # what requests raised, even if deep-translator swallowed it

    def note(self, response: Any) -> None:
        self.status = int(response.status_code)
        self.status_text = str(getattr(response, "reason", "") or "")
        self.content_type = str(response.headers.get("Content-Type", ""))
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
        # a clock and a size cap, before deep-translator sees the response.
        started = time.monotonic()
        kwargs["timeout"] = context.timeout
        kwargs["stream"] = True
        context.requests += 1
        try:
            response = context.session.request(method, url, **kwargs)
            context.note(response)
            cap = context.max_answer_bytes
            try:
                declared = int(response.headers.get("Content-Length") or 0)
                if declared > cap:
                    raise AnswerTooLarge(f"the server announced {declared:,} bytes (cap {cap:,})")
                body: list[bytes] = []
                size = 0
                for block in _blocks(response):
                    body.append(block)
                    size += len(block)
                    if size > cap:
                        raise AnswerTooLarge(f"the answer passed {cap:,} bytes; stopped reading")
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
        context.head = response._content[:2048]
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

TAG_RE = regex.compile(r"<(script|style)\b.*?</\1\s*>|<[^<>]{0,2000}>", regex.DOTALL | regex.IGNORECASE)
SPACE_RE = regex.compile(r"\s+")


def server_words(head: bytes, content_type: str = "") -> str:
    """What the server said, shortly: a JSON error's message, or the text of a page.

    >>> server_words(b'{"error": {"message": "Quota exceeded", "code": 429}}')
    'Quota exceeded'
    >>> server_words(b"<html><title>502</title><body><h1>Bad gateway</h1></body></html>", "text/html")
    '502 Bad gateway'
    """
    text = head.decode("utf-8", errors="replace").strip()
    if not text:
        return ""
    if text[:1] in "{[":
        with contextlib.suppress(ValueError):
            found = _json_message(json.loads(text))
            if found:
                return found[:MESSAGE_CHARS]
    if "html" in content_type.lower() or text.startswith("<"):
        text = html.unescape(TAG_RE.sub(" ", text))
    return str(SPACE_RE.sub(" ", text)).strip()[:MESSAGE_CHARS]


def _json_message(data: Any) -> str:
    """The first error message in a JSON answer (``error``, ``message``, ``detail``...)."""
    if isinstance(data, list) and data:
        return _json_message(data[0])
    if not isinstance(data, dict):
        return ""
    for key in ("error", "message", "detail", "error_msg", "errorMessage", "responseDetails", "description"):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return str(value).strip()
        if isinstance(value, (dict, list)):
            inner = _json_message(value)
            if inner:
                return inner
    return ""


def classify(error: BaseException, context: CallContext | None = None) -> Failure:
    """Turn what deep-translator or requests raised into a :class:`Failure` naming the
    root cause: the HTTP status and the server's words, a timeout, an invalid answer.

    ``context`` is what the shim saw of the last response (``None``, or no ``status``,
    when no response came back).
    """
    import requests
    from deep_translator import exceptions as dt

    status = context.status if context is not None else None
    retry_after = context.retry_after if context is not None else None
    said = server_words(context.head, context.content_type) if context is not None else ""
    raised = f"{type(error).__name__}: {error}"
    if isinstance(error, AnswerTooLarge):
        return Failure("answer_too_large", False, f"answer too large: {error}", status)
    if isinstance(error, (requests.exceptions.Timeout, TimeoutError)):
        return Failure("timeout", True, f"timeout: {error or type(error).__name__}")
    if isinstance(error, (requests.exceptions.ConnectionError, ConnectionError)):
        return Failure("connection_error", True, f"connection error: {error or type(error).__name__}")
    if status is not None and not 200 <= status < 300:
        heading = f"HTTP {status}" + (f" {context.status_text}" if context and context.status_text else "")
        message = f"{heading}: {said}" if said else heading
        if status == 429:
            return Failure("rate_limited", True, message, status, retry_after)
        if status == 456:  # DeepL: the month's character quota is used up
            return Failure("quota_exceeded", False, message, status)
        if status == 408 or status >= 500:
            return Failure("timeout" if status in (408, 504) else "server_error", True, message, status, retry_after)
        if status in (401, 403):
            return Failure("auth_error", False, message, status)
        if status in (413, 414):
            return Failure("too_long", False, message, status)
        return Failure("bad_request", False, message, status)
    if isinstance(error, dt.TooManyRequests):
        return Failure("rate_limited", True, f"rate limited: {raised}", status, retry_after)
    quirk = _baidu_error(context.head if context is not None else b"")
    if quirk is not None:
        return Failure(quirk[0], quirk[1], f"Baidu error {quirk[2]}: {said}", status)
    answer = f" (HTTP {status}, {context.content_type or 'no content type'})" if context and status else ""
    began = f"; it began: {said[:120]}" if said else ""
    if isinstance(error, (json.JSONDecodeError, requests.exceptions.JSONDecodeError)):
        return Failure("invalid_response", True, f"invalid answer{answer}: not JSON{began}", status)
    if isinstance(error, requests.exceptions.RequestException):  # bad URL, too many redirects, ...
        return Failure("request_error", False, raised, status)
    if isinstance(error, (dt.TranslationNotFound, dt.ElementNotFoundInGetRequest)):
        return Failure("empty_response", True, f"no translation in the answer{answer}{began}", status)
    if isinstance(error, (dt.NotValidLength, dt.NotValidPayload)):
        return Failure("too_long", False, raised, status)
    if isinstance(error, (dt.LanguageNotSupportedException, dt.InvalidSourceOrTargetLanguage)):
        return Failure("unsupported_language", False, raised, status)
    if isinstance(error, (dt.ApiKeyException, dt.AuthorizationException)):
        return Failure("auth_error", False, raised, status)
    if isinstance(error, (KeyError, TypeError, AttributeError, IndexError, StopIteration, ValueError)):
        # A 200 answer in an unexpected shape (``res["translatedText"]`` missing, ...).
        return Failure("invalid_response", True, f"invalid answer{answer}: {raised}{began}", status)
    return Failure("provider_error", False, raised + began, status)


# Baidu answers errors with HTTP 200 and an ``error_code``: 54003 (over the queries per
# second of the account's plan) and 54005 (long texts sent too often) are rate limits.
BAIDU_ERRORS = {
    "54003": ("rate_limited", True),
    "54005": ("rate_limited", True),
    "52001": ("timeout", True),
    "52002": ("server_error", True),
    "54004": ("quota_exceeded", False),
    "52003": ("auth_error", False),
    "54001": ("auth_error", False),
    "58000": ("auth_error", False),
    "58001": ("unsupported_language", False),
}


def _baidu_error(head: bytes) -> tuple[str, bool, str] | None:
    if b'"error_code"' not in head:
        return None
    try:
        code = str(json.loads(head.decode("utf-8", errors="replace")).get("error_code"))
    except (ValueError, AttributeError):
        return None
    reason, transient = BAIDU_ERRORS.get(code, ("provider_error", False))
    return reason, transient, code


URL_QUERY_RE = regex.compile(r"(https?://[^\s?#'\"]+)\?[^\s'\"]*")


def redact(message: str, secrets: tuple[str, ...]) -> str:
    """Hide keys and query strings (which carry keys and article text) in ``message``.
    Short keys are hidden too, where they stand as a word of their own.

    >>> redact("GET http://h/x?q=abc&key=s3cr3t failed, key s3cr3t", ("s3cr3t",))
    'GET http://h/x?… failed, key ***'
    >>> redact("key abc rejected (abcd)", ("abc",))
    'key *** rejected (abcd)'
    """
    message = URL_QUERY_RE.sub(r"\1?…", message)
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        if len(secret) >= 4:
            message = message.replace(secret, "***")
        else:
            message = regex.sub(rf"(?<![\w-]){regex.escape(secret)}(?![\w-])", "***", message)
    return message[:500]


# -- clients ----------------------------------------------------------------------------


class _Sessions:
    """A process's HTTP sessions and deep-translator prototype."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.construct_lock = threading.Lock()
        self.prototype: Any = None
        self.sessions: list[Any] = []
        self.idle_sessions: list[Any] = []


class DeepTranslatorClient:
    """A deep-translator provider class at one endpoint, with its credentials.

    Keeps at most as many keep-alive sessions as requests were ever in flight at once.
    Picklable (sessions and the deep-translator prototype are made per process) and
    thread-safe.
    """

    def __init__(self, provider: Provider, url: str | None, credentials: Mapping[str, str]) -> None:
        self.provider = provider
        self.name = provider.name
        self.url = normalise_url(provider, url) if url else None
        self.endpoint = self.url or ""
        self._credentials = dict(credentials)
        self._local = ProcessLocal(_Sessions)

    def __repr__(self) -> str:
        key = ", api_key=***" if self._credentials else ""
        return f"DeepTranslatorClient({self.name!r}, url={self.url!r}{key})"

    def secrets(self) -> tuple[str, ...]:
        return tuple(self._credentials.values())

    def close(self) -> None:
        local, self._local = self._local, ProcessLocal(_Sessions)
        sessions = local.peek()
        if sessions is not None:
            for session in sessions.sessions:
                session.close()

    @contextlib.contextmanager
    def _session(self) -> Iterator[Any]:
        """Borrow an idle HTTP session (keep-alive), or open one."""
        runtime = self._local.get()
        with runtime.lock:
            session = runtime.idle_sessions.pop() if runtime.idle_sessions else None
        if session is None:
            import requests
            from requests.adapters import HTTPAdapter

            session = requests.Session()
            # Retries are ours (backoff, breaker, throttle); urllib3 must not add its own.
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

    def send(
        self, text: str, source: str, target: str, *, timeout: float, max_answer_bytes: int
    ) -> tuple[str | Failure, int]:
        with (
            self._session() as session,
            bound(CallContext(session, timeout, max_answer_bytes, self._rewrite)) as context,
        ):
            try:
                answer = self._instance(source, target).translate(text, **self._call_options())
            except Exception as error:  # noqa: BLE001  (classified: a provider bug must not kill the pipeline)
                # Microsoft's client logs a timeout and then fails on ``None.json()``:
                # what requests raised, if anything, is the real cause.
                return classify(context.error or error, context), context.requests
        return check_answer(answer, context), context.requests

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
        runtime = self._local.get()
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
        module = importlib.import_module(self.provider.module)
        install_shim(module)
        cls = getattr(module, self.provider.class_name)
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


def check_answer(answer: Any, context: CallContext | None = None) -> str | Failure:
    """The answer if it is text; else why not."""
    status = context.status if context is not None else None
    if not isinstance(answer, str):
        kind = type(answer).__name__
        return Failure("invalid_response", True, f"invalid answer: the provider gave {kind}, not text", status)
    if not answer.strip():
        return Failure("empty_response", True, "the provider answered with no text", status)
    return answer


class FunctionClient:
    """A :class:`~cleaner.translation.Translator` callable as a client (tests, or an
    engine deep-translator lacks). ``TimeoutError`` and ``ConnectionError`` count as
    outages; any other exception is a provider error."""

    def __init__(self, translator: Callable[[str, str, str], str]) -> None:
        self.translator = translator
        self.name = str(getattr(translator, "name", "custom"))
        self.endpoint = ""

    def secrets(self) -> tuple[str, ...]:
        return ()

    def close(self) -> None:
        pass

    def send(
        self, text: str, source: str, target: str, *, timeout: float, max_answer_bytes: int
    ) -> tuple[str | Failure, int]:
        try:
            answer = self.translator(text, source, target)
        except TimeoutError as error:
            return Failure("timeout", True, f"timeout: {error or 'TimeoutError'}"), 1
        except ConnectionError as error:
            return Failure("connection_error", True, f"connection error: {error or type(error).__name__}"), 1
        except Exception as error:  # noqa: BLE001 - recorded, not raised: one article must not stop a run
            return Failure("provider_error", False, f"{type(error).__name__}: {error}"), 1
        if isinstance(answer, str) and len(answer.encode("utf-8", "surrogatepass")) > max_answer_bytes:
            return Failure("answer_too_large", False, f"answer too large: over {max_answer_bytes:,} bytes"), 1
        return check_answer(answer), 1


def normalise_url(provider: Provider, url: str) -> str:
    """deep-translator appends ``translate`` to Libre's and DeepL's base URL: accept either form."""
    url = url.strip()
    if provider.name in {"libre", "deepl"}:
        if url.rstrip("/").endswith("/translate"):
            url = url.rstrip("/")[: -len("translate")]
        if not url.endswith("/"):
            url += "/"
    return url
