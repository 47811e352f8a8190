"""Translation against providers that misbehave: rate limits, outages, wrong answers.

Every test drives deep-translator's real HTTP code against the local fake server
(tests/fake_translation_server.py, 127.0.0.1): 429 with Retry-After, a rate limiter, outages
in the middle of a batch, errors that must be reported by their root cause, answers too large
or with a paragraph too many, and the packing of lines into few requests.
"""

from __future__ import annotations

import logging
import pickle
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from fake_translation_server import FakeTranslationServer

from cleaner.document import Document, Language
from cleaner.translation import ChunkLimits, Translate
from cleaner.translation.client import redact

# Short backoffs keep the suite fast; the breaker keeps its default threshold and cooldown.
FAST = {"timeout": 2.0, "backoff": 0.001, "max_backoff": 0.01, "deadline": 20.0}
SENTENCES = (
    "El ayuntamiento aprobó ayer el nuevo plan de transporte para el barrio {n}.",
    "Los vecinos llevaban años pidiendo más autobuses y una línea directa al hospital.",
    "La medida costará varios millones de euros y empezará a funcionar en otoño.",
)


pytestmark = pytest.mark.usefixtures("no_proxy")


def article(n: int, paragraphs: int = 4) -> Document:
    """A distinct Spanish article: a headline and ``paragraphs`` paragraphs."""
    body = [f"Nuevo plan de transporte número {n}"]
    body += [" ".join(s.format(n=f"{n}-{p}") for s in SENTENCES[: 1 + p % 3]) for p in range(paragraphs)]
    return Document.from_text("\n\n".join(body), id=str(n)).replace(language=Language("es", 0.99))


def libre(server: FakeTranslationServer, **kwargs: Any) -> Translate:
    options: dict[str, Any] = {"cache": False, **FAST, **kwargs}
    return Translate("en", provider="libre", url=server.url, **options)


def assert_one_to_one(doc: Document) -> None:
    translation = doc.translation
    assert translation is not None and translation.status == "ok", translation
    assert translation.text is not None
    assert translation.text.split("\n\n") == [p.upper() for p in doc.text.split("\n\n")]


# -- 429: back-pressure, not failure ---------------------------------------------------------


def test_retry_after_is_honoured_and_429_never_opens_the_breaker(server: FakeTranslationServer) -> None:
    server.retry_after = "1"
    server.per_text("429", "429")  # the first two requests for each text are refused
    step = libre(server, breaker_threshold=1)  # one counted failure would open it
    doc = step(article(1))
    assert_one_to_one(doc)
    assert doc.translation is not None and (doc.translation.requests, doc.translation.retries) == (3, 2)
    assert [s.behaviour for s in server.seen] == ["429", "429", "ok"]
    # The server asked for a second each time, and got it.
    assert all(b.at - a.at >= 0.95 for a, b in zip(server.seen, server.seen[1:]))
    assert step.endpoint.breaker.state == "closed" and step.endpoint.breaker.down_since is None


def test_a_rate_limiter_slows_requests_down_instead_of_failing_articles(server: FakeTranslationServer) -> None:
    server.rate_limit = 5  # requests per second; 429 + Retry-After beyond
    step = libre(server, max_in_flight=8)
    docs = [article(n) for n in range(20)]
    out = list(step.many(docs))
    for doc in out:
        assert_one_to_one(doc)
    behaviours = Counter(s.behaviour for s in server.seen)
    assert behaviours["ok"] == 20  # one request per article
    # Back-pressure worked: fewer refusals than answers, and requests in flight were cut.
    assert 0 < behaviours["429"] < behaviours["ok"]
    assert step.endpoint.throttle.rate_limited == behaviours["429"]
    assert step.endpoint.breaker.state == "closed"


def test_a_server_that_keeps_refusing_fails_within_the_deadline_with_its_words(
    server: FakeTranslationServer,
) -> None:
    server.default = "429"
    server.retry_after = "1"
    translation = libre(server, deadline=2.5, patience=None)(article(1)).translation
    assert translation is not None and (translation.status, translation.reason) == ("failed", "rate_limited")
    assert "HTTP 429" in translation.message and "Too many requests: slow down" in translation.message
    # One request per second the server allowed, none after the deadline could be met;
    # 429s did not use up the 5 retries (429 is not a failure), the deadline ended it.
    assert 2 <= translation.requests <= 4


# -- outages: the breaker counts them, callers wait for it ----------------------------------


@pytest.mark.parametrize("in_flight", [1, 4])
def test_an_outage_in_the_middle_of_a_batch_is_ridden_out(server: FakeTranslationServer, in_flight: int) -> None:
    server.outage(start=6, count=5)  # requests 6 to 10 get 503
    step = libre(server, max_in_flight=in_flight)
    out = list(step.many([article(n) for n in range(20)]))
    for doc in out:
        assert_one_to_one(doc)
    assert Counter(s.behaviour for s in server.seen) == {"ok": 20, "503": 5}
    assert sum(d.translation.requests for d in out if d.translation) == server.count == 25
    assert step.endpoint.breaker.state == "closed"


def test_callers_wait_for_the_probe_while_the_breaker_is_open(server: FakeTranslationServer) -> None:
    server.outage(start=0, count=3)
    step = libre(server, max_in_flight=1, breaker_threshold=2, breaker_cooldown=0.2)
    translation = step(article(1)).translation
    assert translation is not None and translation.status == "ok"
    # Two failures opened it; its first probe failed (open again, for twice as long); the
    # second probe got through. No request went out while it was open.
    assert (translation.requests, translation.retries) == (4, 3)
    gaps = [b.at - a.at for a, b in zip(server.seen, server.seen[1:])]
    assert gaps[1] >= 0.19 and gaps[2] >= 0.39


def test_after_long_trouble_articles_fail_at_once_with_the_cause(server: FakeTranslationServer) -> None:
    server.default = "500"
    step = libre(server, retries=1, breaker_threshold=2, breaker_cooldown=10.0, patience=0.3)
    first = step(article(1)).translation
    assert first is not None and (first.reason, first.requests) == ("server_error", 2)
    time.sleep(0.35)
    started = time.monotonic()
    second = step(article(2)).translation
    assert second is not None and (second.reason, second.requests) == ("server_error", 0)
    assert time.monotonic() - started < 5  # not the 10 s cooldown: patience ran out
    assert "HTTP 500" in second.message and "has been failing for" in second.message


def test_breakers_belong_to_their_endpoint(server: FakeTranslationServer) -> None:
    with FakeTranslationServer() as other:
        other.default = "500"
        failing = libre(other, retries=0, breaker_threshold=1)
        healthy = libre(server, breaker_threshold=1)
        assert failing(article(1)).translation.reason == "server_error"  # type: ignore[union-attr]
        assert failing.endpoint.breaker.state == "open"
        assert_one_to_one(healthy(article(1)))
        assert healthy.endpoint.breaker.state == "closed"
    copy = pickle.loads(pickle.dumps(failing))  # a new process starts closed
    assert copy.endpoint.breaker.state == "closed"


# -- the root cause, whatever went wrong ----------------------------------------------------


@pytest.mark.parametrize(
    ("behaviour", "reason", "words"),
    [
        ("500", "server_error", ["HTTP 500", "Internal error in the translation backend"]),
        ("503", "server_error", ["HTTP 503", "the translation model is reloading"]),
        ("hang", "timeout", ["timeout", "timed out"]),
        ("drip", "timeout", ["timeout", "no complete answer within"]),
        ("wrong_shape", "invalid_response", ["invalid answer", "translatedText"]),
        ("html", "invalid_response", ["invalid answer", "text/html", "Please sign in to continue"]),
        ("invalid_json", "invalid_response", ["not JSON", "Bad gateway"]),
        ("empty", "empty_response", ["no text"]),
        ("403", "auth_error", ["HTTP 403", "Invalid API key"]),
    ],
)
def test_failures_report_their_root_cause_never_the_breaker(
    server: FakeTranslationServer, behaviour: str, reason: str, words: list[str]
) -> None:
    server.default = behaviour
    step = libre(server, timeout=0.3, retries=1, breaker_threshold=2)
    first = step(article(1)).translation
    assert first is not None and (first.status, first.reason, first.text) == ("failed", reason, None)
    for word in words:
        assert word in first.message
    # The next article, with no time to wait for a probe if the breaker opened, still
    # reports what the server did, not that the breaker was open.
    step.deadline = 0.2
    second = step(article(2)).translation
    assert second is not None and second.reason == reason and "circuit" not in second.reason
    assert words[0] in second.message


def test_an_oversized_answer_is_refused_before_it_is_read(server: FakeTranslationServer) -> None:
    server.default = "huge"
    translation = libre(server, max_answer_bytes=100_000)(article(1)).translation
    assert translation is not None and (translation.reason, translation.requests) == ("answer_too_large", 1)
    assert "passed 100,000 bytes" in translation.message
    assert server.huge_sent < server.huge_bytes / 5  # the client hung up early
    server.default = "huge_declared"
    announced = libre(server, max_answer_bytes=100_000)(article(2)).translation
    assert announced is not None and announced.reason == "answer_too_large"
    assert "announced 50,000,000 bytes" in announced.message


# -- packing and the paragraph count --------------------------------------------------------


def test_an_article_costs_one_request_within_the_limit(server: FakeTranslationServer) -> None:
    doc = article(1, paragraphs=10)
    translated = libre(server)(doc)
    assert_one_to_one(translated)
    assert translated.translation is not None and translated.translation.requests == server.count == 1
    assert server.seen[0].text == doc.text
    server.reset()
    small = libre(server, limits=ChunkLimits(300))(doc)
    assert_one_to_one(small)
    assert 1 < server.count < len(doc.text.split("\n\n"))
    assert all(len(s.text) <= 300 for s in server.seen)


def test_a_packed_answer_with_an_extra_break_is_asked_again_line_by_line(server: FakeTranslationServer) -> None:
    server.script("extra_break")  # only the packed request
    doc = article(1)
    translated = libre(server)(doc)
    assert_one_to_one(translated)
    lines = len(doc.text.split("\n\n"))
    assert translated.translation is not None and translated.translation.requests == 1 + lines


def test_a_translation_with_a_paragraph_too_many_is_a_failure(server: FakeTranslationServer, tmp_path: Path) -> None:
    server.default = "extra_break"
    step = libre(server, cache=tmp_path / "c.sqlite3")
    translation = step(article(1)).translation
    assert translation is not None
    assert (translation.status, translation.reason, translation.text) == ("failed", "paragraph_mismatch", None)
    assert "came back as 2 lines" in translation.message
    server.default = "ok"
    server.reset()
    again = step(article(1)).translation  # nothing wrong was cached
    assert again is not None and again.status == "ok" and server.count == 1


class LosesBreaks:
    """A provider that joins paragraphs: packed answers never split back."""

    name = "joiner"

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, text: str, source: str, target: str) -> str:
        self.calls.append(text)
        return " ".join(text.split()).upper()


def test_packing_stops_on_an_endpoint_that_loses_line_breaks(caplog: pytest.LogCaptureFixture) -> None:
    joiner = LosesBreaks()
    step = Translate("en", translator=joiner, cache=False, max_in_flight=1, **FAST)  # type: ignore[arg-type]
    lines = len(article(0).text.split("\n\n"))
    with caplog.at_level(logging.WARNING, logger="cleaner"):
        for n in range(3):
            assert_one_to_one(step(article(n)))
    assert len(joiner.calls) == 3 * (1 + lines)  # each: one packed request, then line by line
    assert "does not keep line breaks" in caplog.text
    joiner.calls.clear()
    assert_one_to_one(step(article(3)))
    assert len(joiner.calls) == lines  # straight to one line per request


# -- many documents, in the pipeline --------------------------------------------------------


def test_the_pipeline_translates_many_documents_at_once(server: FakeTranslationServer) -> None:
    from cleaner.config import CleanerConfig

    server.latency = 0.05
    config = CleanerConfig(
        detect_language=False,
        translate_to="en",
        translator="libre",
        translator_url=server.url,
        translation={"cache": False, "source": "es", **FAST},
    )
    pipeline = config.pipeline()
    assert pipeline.names[-1] == "translate"
    docs = [Document.from_text(article(n).text) for n in range(8)]
    together = pipeline.many(docs)
    assert server.max_in_flight > 1  # articles went out concurrently
    one_by_one = [pipeline(doc) for doc in docs]
    assert [d.translation for d in together] == [d.translation for d in one_by_one]
    for doc in together:
        assert_one_to_one(doc)


def refuse_article_1(text: str, source: str, target: str) -> str:
    if "número 1" in text:
        raise ValueError("this provider refuses article 1")
    return text.upper()


def test_pipeline_many_returns_errors_in_place() -> None:
    from cleaner.pipeline import Pipeline
    from cleaner.translation import TranslationError

    step = Translate("en", translator=refuse_article_1, cache=False, raise_on_failure=True, max_in_flight=2)
    out = Pipeline(step).many([article(n) for n in range(3)], errors="return")
    assert isinstance(out[1], TranslationError) and "refuses article 1" in str(out[1])
    assert_one_to_one(out[0])
    assert_one_to_one(out[2])
    with pytest.raises(TranslationError):
        Pipeline(step).many([article(n) for n in range(3)])


def test_short_keys_are_masked_too() -> None:
    assert redact("auth k1 rejected for k1", ("k1",)) == "auth *** rejected for ***"
    step = Translate("en", provider="libre", url="http://127.0.0.1:9", api_key="k1", cache=False, retries=0)
    translation = step(article(1)).translation
    assert translation is not None and translation.reason == "connection_error"
    assert "k1" not in translation.message.replace("127.0.0.1", "")
    assert "api_key=***" in repr(step)
