"""A local imitation of translation APIs, for tests and benchmarks (127.0.0.1 only).

It answers LibreTranslate (``POST /translate``), Google's web endpoint (``GET /m``),
MyMemory (``GET /get``), DeepL (``GET /v2/translate``) and Microsoft (``GET /languages``,
JSON ``POST /translate``) in their real shapes, "translating" by upper-casing, so
deep-translator's real HTTP code runs against it. Failures are scripted:

- ``server.script("429", "500")``: the next two requests fail, then it answers again;
- ``server.outage(start=3, count=5)``: requests 3 to 7 (counting from 0) get 503;
- ``server.rate_limit = 5``: at most 5 requests in any second, 429 + ``Retry-After`` beyond;
- ``server.per_text("429", "429")``: the first two requests carrying each text get 429
  (with ``Retry-After: server.retry_after``);
- ``server.default = "500"``: every request not otherwise scripted behaves so.

Behaviours: ``ok``, ``429``, ``500``, ``503``, ``403`` (each with a JSON error message),
``invalid_json`` (an HTML body labelled JSON), ``html`` (an HTML page with 200),
``wrong_shape`` (200, JSON without the translation field), ``empty``, ``hang``, ``drip``
(one byte every 50 ms), ``huge`` (``huge_bytes`` of answer, no length announced),
``huge_declared`` (announces ``huge_bytes``, sends little), ``extra_break`` (the
translation gains a paragraph break).
"""

from __future__ import annotations

import html
import json
import math
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import Self
from urllib.parse import parse_qs, urlsplit

BEHAVIOURS = (
    "ok", "429", "500", "503", "403", "invalid_json", "html", "wrong_shape", "empty", "hang", "drip",
    "huge", "huge_declared", "extra_break",
)  # fmt: skip
# What a server says with each error status (the client should pass it on).
ERROR_WORDS = {
    "429": "Too many requests: slow down",
    "500": "Internal error in the translation backend",
    "503": "Service unavailable: the translation model is reloading",
    "403": "Invalid API key",
}


@dataclass(frozen=True)
class Seen:
    """One request as the server saw it."""

    method: str
    path: str
    request_line_bytes: int
    params: dict[str, str]
    behaviour: str
    at: float = 0.0  # time.monotonic() when it arrived

    @property
    def text(self) -> str:
        return self.params.get("q", self.params.get("text", ""))


def fake_translate(text: str, target: str) -> str:
    """The server's "translation": upper case (so 1:1 structure is easy to check)."""
    return text.upper()


def with_extra_break(text: str) -> str:
    """``text`` with one more paragraph break (after its first word)."""
    first, _, rest = text.partition(" ")
    return f"{first}\n\n{rest}" if rest else f"{text}\n\nEXTRA"


class FakeTranslationServer:
    """Start with ``with FakeTranslationServer() as server: server.url``."""

    def __init__(self, *, latency: float = 0.0, default: str = "ok") -> None:
        self.latency = latency
        self.default = default
        self.rate_limit: int | None = None  # requests per second, 429 beyond
        self.retry_after = "0"  # the Retry-After of a scripted 429
        self.huge_bytes = 50_000_000
        self.huge_sent = 0  # bytes of "huge" answers actually written before the client hung up
        self.seen: list[Seen] = []
        self._script: deque[str] = deque()
        self._outages: list[tuple[int, int, str]] = []
        self._per_text: tuple[str, ...] = ()
        self._texts: Counter[str] = Counter()
        self._accepted: deque[float] = deque()  # times of requests the rate limiter let through
        self._arrivals = 0
        self._lock = threading.Lock()
        self.release = threading.Event()
        self.in_flight = 0
        self.max_in_flight = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; without this, Nagle's algorithm and
            # the client's delayed ACK add ~40 ms to every keep-alive request.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                outer._handle(self)

            def do_POST(self) -> None:
                outer._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()

    def script(self, *behaviours: str) -> None:
        """The next requests behave like this, in order; then ``default`` again."""
        for behaviour in behaviours:
            assert behaviour in BEHAVIOURS, behaviour
        with self._lock:
            self._script.extend(behaviours)

    def outage(self, *, start: int, count: int, status: str = "503") -> None:
        """Requests number ``start`` to ``start + count - 1`` (from 0, counting every
        request since the last :meth:`reset`) fail with ``status``."""
        assert status in BEHAVIOURS, status
        with self._lock:
            self._outages.append((start, start + count, status))

    def per_text(self, *behaviours: str) -> None:
        """The first requests carrying each distinct text behave like this, in order."""
        for behaviour in behaviours:
            assert behaviour in BEHAVIOURS, behaviour
        with self._lock:
            self._per_text = behaviours
            self._texts.clear()

    def reset(self) -> None:
        """Forget requests and every script; ``default`` and ``rate_limit`` stay."""
        with self._lock:
            self.seen.clear()
            self._script.clear()
            self._outages.clear()
            self._per_text = ()
            self._texts.clear()
            self._accepted.clear()
            self._arrivals = 0
            self.max_in_flight = 0

    @property
    def count(self) -> int:
        return len(self.seen)

    def _next(self, text: str, now: float) -> tuple[str, str]:
        """The behaviour for a request (and the Retry-After of a 429)."""
        with self._lock:
            number = self._arrivals
            self._arrivals += 1
            if self._script:
                return self._script.popleft(), self.retry_after
            for start, end, status in self._outages:
                if start <= number < end:
                    return status, self.retry_after
            if self.rate_limit is not None:
                while self._accepted and now - self._accepted[0] >= 1.0:
                    self._accepted.popleft()
                if len(self._accepted) >= self.rate_limit:
                    wait = 1.0 - (now - self._accepted[0])
                    return "429", str(max(1, math.ceil(wait)))
                self._accepted.append(now)
            if self._per_text:
                seen = self._texts[text]
                self._texts[text] += 1
                if seen < len(self._per_text):
                    return self._per_text[seen], self.retry_after
            return self.default, self.retry_after

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        params = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        length = int(handler.headers.get("Content-Length") or 0)
        if length:
            body = handler.rfile.read(length).decode("utf-8")
            if "json" not in (handler.headers.get("Content-Type") or ""):
                params.update({k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()})
            else:  # Microsoft: [{"text": ...}]
                params["q"] = json.loads(body)[0]["text"]
                params["_json"] = "1"
        if handler.headers.get("Ocp-Apim-Subscription-Key"):
            params["_key_header"] = handler.headers["Ocp-Apim-Subscription-Key"]
        now = time.monotonic()
        behaviour, retry_after = self._next(params.get("q", params.get("text", "")), now)
        request_line = f"{handler.command} {handler.path} HTTP/1.1"
        with self._lock:
            self.seen.append(
                Seen(handler.command, parts.path, len(request_line.encode()), params, behaviour, now)
            )
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.latency:
                time.sleep(self.latency)
            self._respond(handler, parts.path, params, behaviour, retry_after)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with self._lock:
                self.in_flight -= 1

    def _respond(
        self,
        handler: BaseHTTPRequestHandler,
        path: str,
        params: dict[str, str],
        behaviour: str,
        retry_after: str = "0",
    ) -> None:
        if behaviour == "hang":
            self.release.wait(30)
            handler.close_connection = True
            return
        if behaviour == "drip":  # headers at once, then one byte every 50 ms
            data = json.dumps({"translatedText": fake_translate(params.get("q", ""), "")}).encode()
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            for i in range(len(data)):
                if self.release.wait(0.05):
                    break
                handler.wfile.write(data[i : i + 1])
                handler.wfile.flush()
            handler.close_connection = True
            return
        if behaviour in ERROR_WORDS:
            self._send(
                handler,
                int(behaviour),
                "application/json",
                json.dumps({"error": ERROR_WORDS[behaviour]}),
                {"Retry-After": retry_after} if behaviour == "429" else {},
            )
            return
        if behaviour == "invalid_json":
            self._send(handler, 200, "application/json", "<html>Bad gateway, sort of</html>")
            return
        if behaviour == "html":
            page = "<html><head><title>Sign in</title></head><body><h1>Please sign in to continue</h1></body></html>"
            self._send(handler, 200, "text/html; charset=utf-8", page)
            return
        if behaviour == "wrong_shape":
            self._send(handler, 200, "application/json", json.dumps({"result": {"text": params.get("q", "")}}))
            return
        if behaviour in {"huge", "huge_declared"}:
            self._huge(handler, declared=behaviour == "huge_declared")
            return
        text = params.get("q", params.get("text", ""))  # DeepL, Yandex, Papago: "text"
        target = (
            params.get("target")
            or params.get("tl")
            or params.get("target_lang")
            or params.get("langpair", "|").split("|")[-1]
        )
        translated = "" if behaviour == "empty" else fake_translate(text, target)
        if behaviour == "extra_break":
            translated = with_extra_break(translated)
        if path == "/m":  # Google's web endpoint
            page = f'<html><body><div class="result-container">{html.escape(translated)}</div></body></html>'
            self._send(handler, 200, "text/html; charset=utf-8", page)
        elif path == "/get":  # MyMemory
            answer = {"responseData": {"translatedText": translated}, "responseStatus": 200, "matches": []}
            self._send(handler, 200, "application/json", json.dumps(answer))
        elif path == "/languages":  # Microsoft's language list
            names = {"en": "English", "es": "Spanish", "zh-Hans": "Chinese Simplified", "he": "Hebrew"}
            listing = {"translation": {code: {"name": name} for code, name in names.items()}}
            self._send(handler, 200, "application/json", json.dumps(listing))
        elif path == "/v2/translate":  # DeepL
            answer = {"translations": [{"detected_source_language": "ES", "text": translated}]}
            self._send(handler, 200, "application/json", json.dumps(answer))
        elif path == "/translate" and params.get("_json"):  # Microsoft
            answer = [{"translations": [{"text": translated, "to": params.get("to", "")}]}]
            self._send(handler, 200, "application/json", json.dumps(answer))
        elif path == "/translate":  # LibreTranslate
            self._send(handler, 200, "application/json", json.dumps({"translatedText": translated}))
        else:
            self._send(handler, 404, "application/json", json.dumps({"error": "not found"}))

    def _huge(self, handler: BaseHTTPRequestHandler, *, declared: bool) -> None:
        """A JSON answer of ``huge_bytes`` (declared: only announced), written in blocks."""
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        if declared:
            handler.send_header("Content-Length", str(self.huge_bytes))
        else:
            handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        block = b"A" * 65536
        handler.wfile.write(b'{"translatedText": "')
        sent = 0
        limit = 65536 if declared else self.huge_bytes
        try:
            while sent < limit and not self.release.is_set():
                handler.wfile.write(block)
                sent += len(block)
        finally:
            with self._lock:
                self.huge_sent += sent

    @staticmethod
    def _send(
        handler: BaseHTTPRequestHandler,
        status: int,
        kind: str,
        body: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode("utf-8")
        handler.send_response(status)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)
