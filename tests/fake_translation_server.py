"""A local imitation of translation APIs, for tests and benchmarks (127.0.0.1 only).

It answers LibreTranslate (``POST /translate``), Google's web endpoint (``GET /m``),
MyMemory (``GET /get``), DeepL (``GET /v2/translate``) and Microsoft (``GET /languages``,
JSON ``POST /translate``) in their real shapes, "translating" by upper-casing, so
deep-translator's real HTTP code runs against it. Failures are scripted per request:
``server.script("429", "500")`` makes the next two requests fail, then it answers again.
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import Self
from urllib.parse import parse_qs, urlsplit

BEHAVIOURS = ("ok", "429", "500", "503", "403", "invalid_json", "empty", "hang", "drip")


@dataclass(frozen=True)
class Seen:
    """One request as the server saw it."""

    method: str
    path: str
    request_line_bytes: int
    params: dict[str, str]
    behaviour: str

    @property
    def text(self) -> str:
        return self.params.get("q", self.params.get("text", ""))


def fake_translate(text: str, target: str) -> str:
    """The server's "translation": upper case (so 1:1 structure is easy to check)."""
    return text.upper()


class FakeTranslationServer:
    """Start with ``with FakeTranslationServer() as server: server.url``."""

    def __init__(self, *, latency: float = 0.0, default: str = "ok") -> None:
        self.latency = latency
        self.default = default
        self.seen: list[Seen] = []
        self._script: deque[str] = deque()
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

    def reset(self) -> None:
        with self._lock:
            self.seen.clear()
            self._script.clear()
            self.max_in_flight = 0

    @property
    def count(self) -> int:
        return len(self.seen)

    def _next(self) -> str:
        with self._lock:
            return self._script.popleft() if self._script else self.default

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
        behaviour = self._next()
        request_line = f"{handler.command} {handler.path} HTTP/1.1"
        with self._lock:
            self.seen.append(Seen(handler.command, parts.path, len(request_line.encode()), params, behaviour))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.latency:
                time.sleep(self.latency)
            self._respond(handler, parts.path, params, behaviour)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with self._lock:
                self.in_flight -= 1

    def _respond(
        self, handler: BaseHTTPRequestHandler, path: str, params: dict[str, str], behaviour: str
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
        if behaviour in {"429", "500", "503", "403"}:
            self._send(
                handler,
                int(behaviour),
                "application/json",
                json.dumps({"error": behaviour}),
                {"Retry-After": "0"} if behaviour == "429" else {},
            )
            return
        if behaviour == "invalid_json":
            self._send(handler, 200, "application/json", "<html>Bad gateway, sort of</html>")
            return
        text = params.get("q", params.get("text", ""))  # DeepL, Yandex, Papago: "text"
        target = (
            params.get("target")
            or params.get("tl")
            or params.get("target_lang")
            or params.get("langpair", "|").split("|")[-1]
        )
        translated = "" if behaviour == "empty" else fake_translate(text, target)
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
