"""Translate step: chunking, codes, skips, and deep-translator's real HTTP code against a
local fake server (127.0.0.1) with injected failures. No test touches the internet."""

from __future__ import annotations

import json
import logging
import multiprocessing
import pickle
import sqlite3
import threading
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote_plus

import pytest
from fake_translation_server import FakeTranslationServer
from hypothesis import given, settings
from hypothesis import strategies as st
from translate_workers import fill_cache, translate_spanish

from cleaner.document import Document, Language
from cleaner.translation import ChunkLimits, Translate, TranslationCache, TranslationError, chunks
from cleaner.translation.client import redact
from cleaner.translation.providers import PROVIDERS

SPANISH = (
    "El Gobierno aprueba la reforma\n"
    "Madrid, 3 de marzo.\n\n"
    "El Consejo de Ministros aprobó este martes la reforma de la ley de vivienda. "
    "La norma limita los alquileres en las zonas tensionadas.\n\n"
    "La oposición anunció que recurrirá el texto ante el Tribunal Constitucional."
)
# Tiny timings keep the suite fast; nothing asserts on time.
FAST = {"timeout": 2.0, "backoff": 0.001, "max_backoff": 0.01, "deadline": 20.0}


pytestmark = pytest.mark.usefixtures("no_proxy")


def spanish(text: str = SPANISH) -> Document:
    return Document.from_text(text, id="es1").replace(language=Language("es", 0.99))


def libre(server: FakeTranslationServer, cache: bool | Path = False, **kwargs: object) -> Translate:
    return Translate("en", provider="libre", url=server.url, cache=cache, **{**FAST, **kwargs})  # type: ignore[arg-type]


# -- chunking ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "limits", "expected"),
    [
        ("Short.", ChunkLimits(100), ("Short.",)),
        ("One. Two. Three.", ChunkLimits(10), ("One. Two.", "Three.")),
        ("a b c d e f", ChunkLimits(3), ("a b", "c d", "e f")),
        ("Uno, dos; tres: cuatro", ChunkLimits(10), ("Uno, dos;", "tres:", "cuatro")),
        ("第一句。第二句。", ChunkLimits(100, max_url_bytes=40), ("第一句。", "第二句。")),
        ("Line one\nLine two\n\nPara two", ChunkLimits(100), ("Line one", "Line two", "Para two")),
    ],
)
def test_plan_cuts_at_the_largest_unit_that_fits(
    text: str, limits: ChunkLimits, expected: tuple[str, ...]
) -> None:
    assert chunks.plan(text, limits).requests == expected


def test_a_token_longer_than_the_limit_is_kept_verbatim() -> None:
    plan = chunks.plan("See https://example.com/" + "x" * 50 + " now", ChunkLimits(20))
    assert [p.send for p in plan.pieces if p.verbatim] == ["https://example.com/" + "x" * 50]
    assert "x" * 50 not in "".join(plan.requests)


def test_rebuild_adds_a_space_between_cjk_sentences_for_spaced_targets() -> None:
    plan = chunks.plan("第一句。第二句。", ChunkLimits(4))
    assert chunks.rebuild(plan, ["One.", "Two."], target="en") == "One. Two."
    assert chunks.rebuild(plan, ["一。", "二。"], target="ja") == "一。二。"


WORDS = st.sampled_from(
    ["la", "reforma", "año", "日本語の文です。", "Ünïcödé", "http://a.b/c?d=e", "—", "1.5"]
)
TEXTS = st.lists(
    st.tuples(WORDS, st.sampled_from([" ", " ", ". ", ", ", "\n", "\n\n", "  "])), min_size=1, max_size=60
).map(lambda pairs: "".join(w + sep for w, sep in pairs))


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.integers(min_value=4, max_value=60), st.one_of(st.none(), st.integers(30, 200)))
def test_plan_fits_limits_never_splits_words_and_rebuilds(
    text: str, max_chars: int, max_url: int | None
) -> None:
    limits = ChunkLimits(max_chars, max_url)
    plan = chunks.plan(text, limits)
    position = 0
    for piece, following in zip(plan.pieces, plan.pieces[1:] + (None,)):
        if piece.send and not piece.verbatim:
            assert limits.fits(piece.send)
        position += len(piece.before + piece.send + piece.after)
        if following is not None and following.line == piece.line:
            # Pieces of one line are cut only at whitespace or after CJK punctuation.
            assert (
                text[position - 1].isspace()
                or text[position].isspace()
                or text[position - 1] in "。！？，、；："
            )
    assert chunks.rebuild(plan, list(plan.requests), target="zh") == text
    # Line structure (and so paragraph N <-> paragraph N) survives translation.
    translated = chunks.rebuild(plan, [r.upper() for r in plan.requests], target="en")
    assert translated.count("\n") == text.count("\n")


# -- languages and skips ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider", "code", "expected"),
    [
        ("google", "zh-cn", "zh-CN"),
        ("google", "zh-Hant", "zh-TW"),
        ("google", "he", "iw"),
        ("google", "jv", "jw"),
        ("google", "xx", None),
        ("mymemory", "es", "es-ES"),
        ("mymemory", "en", "en-GB"),
        ("mymemory", "zh-tw", "zh-TW"),
        ("libre", "zh-cn", "zh"),
        ("apertium", "es", "es"),
        ("deepl", "zh-Hans", "zh"),
        ("baidu", "ja", "jp"),
        ("baidu", "zh-tw", "cht"),
        ("microsoft", "zh-cn", "zh-Hans"),
    ],
)
def test_language_codes_per_provider(provider: str, code: str, expected: str | None) -> None:
    assert PROVIDERS[provider].code(code) == expected


def test_providers_read_codes_in_any_spelling_through_cleaner_codes() -> None:
    # Providers map from cleaner.codes' spelling: any spelling it reads works.
    spellings = ("iw", "zh-SG", "zh_Hans", "nb", "EN-us")
    assert [PROVIDERS["google"].code(c) for c in spellings] == ["iw", "zh-CN", "zh-CN", "no", "en"]
    assert [PROVIDERS["libre"].code(c) for c in ("zh-TW", "zh-hant", "zh-Hant-HK")] == ["zt", "zt", "zt"]


@pytest.mark.parametrize(
    ("doc", "kwargs", "reason"),
    [
        (Document.from_text("   "), {}, "empty_text"),
        (spanish().replace(language=Language("und", 0.0)), {}, "unknown_language"),
        (spanish().replace(language=Language("es", 0.55)), {}, "low_confidence"),
        (spanish().replace(language=Language("en", 0.99)), {}, "same_language"),
        (spanish(), {"skip": ["es"]}, "skipped_language"),
        (spanish().replace(language=Language("zh-Hant", 0.99)), {"skip": ["zh"]}, "skipped_language"),
        (spanish().replace(language=Language("xx", 0.99)), {"provider": "google"}, "unsupported_language"),
    ],
)
def test_skips_say_why_and_send_nothing(doc: Document, kwargs: dict[str, object], reason: str) -> None:
    step = Translate("en", cache=False, url="http://127.0.0.1:9/never", **kwargs)  # type: ignore[arg-type]
    result = step(doc)
    assert result.translation is not None
    assert (result.translation.status, result.translation.reason, result.translation.requests) == (
        "skipped",
        reason,
        0,
    )
    assert result.text == doc.text


def test_language_is_detected_when_the_document_has_none(server: FakeTranslationServer) -> None:
    doc = Document.from_text(SPANISH)
    assert doc.language is None
    result = libre(server)(doc)
    assert result.translation is not None
    assert (result.translation.status, result.translation.source) == ("ok", "es")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"provider": "nope"}, "unknown translator"),
        ({"provider": "linguee"}, "not supported"),
        ({"provider": "apertium"}, "needs url"),
        ({"provider": "deepl"}, "DEEPL_API_KEY"),
        ({"provider": "google", "options": {"region": "x"}}, "takes no option"),
    ],
)
def test_bad_configuration_fails_at_construction(
    kwargs: dict[str, object], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    with pytest.raises(ValueError, match=message):
        Translate("en", cache=False, **kwargs)  # type: ignore[arg-type]


# -- against the fake server ----------------------------------------------------------------


def test_paragraphs_map_one_to_one_and_the_original_stays(server: FakeTranslationServer) -> None:
    result = libre(server)(spanish())
    translation = result.translation
    assert translation is not None and translation.status == "ok" and translation.text is not None
    assert translation.text.split("\n\n") == [p.upper() for p in SPANISH.split("\n\n")]
    assert translation.text.count("\n") == SPANISH.count("\n")
    assert result.text == SPANISH
    # The four lines travel in one request, a blank line between them.
    assert translation.requests == server.count == 1
    assert server.seen[0].text == "\n\n".join(SPANISH.splitlines()).replace("\n\n\n\n", "\n\n")
    assert (translation.chunks, {s.params["source"] for s in server.seen}) == (4, {"es"})


def test_second_run_makes_no_request(server: FakeTranslationServer, tmp_path: Path) -> None:
    step = libre(server, cache=tmp_path / "cache.sqlite3")
    first = step(spanish())
    assert first.translation is not None and first.translation.requests == 1
    server.reset()
    again = libre(server, cache=tmp_path / "cache.sqlite3")  # a new object, same file
    second = again(spanish())
    assert second.translation is not None
    assert server.count == 0
    assert (second.translation.text, second.translation.cached_chunks) == (first.translation.text, 4)


def test_fail_twice_then_ok_is_retried(server: FakeTranslationServer) -> None:
    server.script("500", "500")
    translation = libre(server, max_in_flight=1, retries=3)(spanish()).translation
    assert translation is not None
    assert (translation.status, translation.retries, translation.requests) == ("ok", 2, 3)
    assert [s.behaviour for s in server.seen[:3]] == ["500", "500", "ok"]


def test_429_is_retried(server: FakeTranslationServer) -> None:
    server.script("429")
    translation = libre(server, max_in_flight=1)(spanish()).translation
    assert translation is not None
    assert (translation.status, translation.retries) == ("ok", 1)


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [
        ("500", "server_error"),
        ("invalid_json", "invalid_response"),
        ("empty", "empty_response"),
    ],
)
def test_transient_failures_are_retried_then_recorded(
    server: FakeTranslationServer, behaviour: str, reason: str
) -> None:
    server.default = behaviour
    doc = spanish("Una sola frase.")
    result = libre(server, retries=2, breaker_threshold=None)(doc)
    translation = result.translation
    assert translation is not None
    assert (translation.status, translation.reason, translation.text) == ("failed", reason, None)
    assert translation.requests == server.count == 3  # one try plus two retries
    assert result.text == doc.text


def test_permanent_failures_are_not_retried(server: FakeTranslationServer) -> None:
    server.default = "403"
    translation = libre(server, retries=3)(spanish("Una frase.")).translation
    assert translation is not None
    assert (translation.reason, translation.requests) == ("auth_error", 1)


def test_a_hung_server_times_out(server: FakeTranslationServer) -> None:
    server.script("hang")
    translation = libre(server, timeout=0.2, retries=0)(spanish("Una frase.")).translation
    assert translation is not None
    assert (translation.status, translation.reason, translation.requests) == ("failed", "timeout", 1)


def test_a_server_that_drips_its_answer_times_out(server: FakeTranslationServer) -> None:
    server.script("drip")  # every read comes quickly, the whole answer does not
    translation = libre(server, timeout=0.3, retries=0)(spanish("Una frase bastante larga.")).translation
    assert translation is not None
    assert (translation.status, translation.reason, translation.requests) == ("failed", "timeout", 1)


def test_a_hang_then_ok_recovers(server: FakeTranslationServer) -> None:
    server.script("hang")
    # The retry must succeed within its timeout even on a loaded machine: 3 s, not 0.5.
    translation = libre(server, timeout=3.0, retries=1)(spanish("Una frase.")).translation
    assert translation is not None
    assert (translation.status, translation.retries) == ("ok", 1)


def test_the_deadline_caps_the_request_timeout(server: FakeTranslationServer) -> None:
    server.default = "hang"
    translation = libre(server, timeout=30.0, deadline=1.0, retries=5)(spanish("Una frase.")).translation
    assert translation is not None
    assert translation.status == "failed"
    assert translation.reason in {"timeout", "deadline"}
    assert translation.requests == 1  # no retry: no time left


def test_circuit_breaker_opens_and_an_article_that_cannot_wait_reports_the_cause(
    server: FakeTranslationServer,
) -> None:
    server.default = "500"
    step = libre(server, retries=1, max_in_flight=1, breaker_threshold=2, breaker_cooldown=0.5)
    first = step(spanish("Una frase.")).translation
    assert first is not None and (first.reason, first.requests) == ("server_error", 2)
    assert step.endpoint.breaker.state == "open"
    # An article whose deadline ends before the probe is due sends nothing, and says why:
    # the server's error, not "circuit open".
    step.deadline = 0.2
    second = step(spanish("Otra frase.")).translation
    assert second is not None and (second.reason, second.requests) == ("server_error", 0)
    assert "HTTP 500" in second.message and "Internal error in the translation backend" in second.message
    assert server.count == 2  # the open breaker sent nothing
    server.default = "ok"
    step.deadline = 20.0
    third = step(spanish("Otra frase.")).translation  # waits for the cooldown, then probes
    assert third is not None and third.status == "ok"
    assert step.endpoint.breaker.state == "closed"


def test_after_the_cooldown_one_probe_goes_out_and_the_others_wait_for_it(
    server: FakeTranslationServer,
) -> None:
    server.default = "500"
    step = libre(server, retries=0, max_in_flight=4, pack=False, breaker_threshold=1, breaker_cooldown=0.3)
    assert step(spanish("Una frase.")).translation.reason == "server_error"  # type: ignore[union-attr]
    assert step.endpoint.breaker.state == "open"
    server.default = "ok"
    server.latency = 0.05  # the probe is slow, the other pieces must wait for it
    server.reset()
    translation = step(spanish()).translation
    assert translation is not None and translation.status == "ok"
    assert translation.requests == server.count == 4
    first = min(s.at for s in server.seen)
    # One probe; the other three went out only once it had answered.
    assert sorted(s.at for s in server.seen)[1] >= first + 0.04


def test_no_request_exceeds_the_limits(server: FakeTranslationServer) -> None:
    text = SPANISH + "\n\n" + "北京今天的天气很好，我们决定去公园散步。" * 12
    limits = ChunkLimits(60, max_url_bytes=150)
    translation = libre(server, limits=limits)(spanish(text)).translation
    assert translation is not None and translation.status == "ok" and translation.text is not None
    assert server.count > 6
    for seen in server.seen:
        assert len(seen.text) <= 60
        assert len(quote_plus(seen.text)) <= 150
    assert translation.text.split("\n\n")[:3] == [p.upper() for p in SPANISH.split("\n\n")]
    assert len(translation.text.split("\n\n")) == len(text.split("\n\n"))


def test_google_web_endpoint_and_hebrew_code(server: FakeTranslationServer) -> None:
    step = Translate("en", provider="google", url=server.url + "/m", cache=False, **FAST)  # type: ignore[arg-type]
    doc = Document.from_text("שלום עולם\n\nמשפט שני.").replace(language=Language("he", 0.99))
    translation = step(doc).translation
    assert translation is not None and translation.status == "ok"
    assert translation.text == "שלום עולם\n\nמשפט שני."  # upper() leaves Hebrew alone
    assert {s.params["sl"] for s in server.seen} == {"iw"}


def test_google_endpoint_for_chinese_uses_url_byte_limit(server: FakeTranslationServer) -> None:
    step = Translate("en", provider="google", url=server.url + "/m", cache=False, **FAST)  # type: ignore[arg-type]
    text = "我们决定去公园散步。" * 250  # 2,500 characters: under 5,000, but 22 kB of URL
    translation = step(Document.from_text(text).replace(language=Language("zh-cn", 0.99))).translation
    assert translation is not None and translation.status == "ok"
    assert server.count >= 2
    assert all(len(quote_plus(s.text)) <= 14000 for s in server.seen)
    assert {s.params["sl"] for s in server.seen} == {"zh-CN"}


def test_mymemory_shape(server: FakeTranslationServer) -> None:
    step = Translate("en", provider="mymemory", url=server.url + "/get", cache=False, **FAST)  # type: ignore[arg-type]
    translation = step(spanish()).translation
    assert translation is not None and translation.status == "ok"
    assert {s.params["langpair"] for s in server.seen} == {"es-ES|en-GB"}
    assert all(len(s.text) < 500 for s in server.seen)


def test_microsoft_language_list_comes_from_the_same_server_once(server: FakeTranslationServer) -> None:
    step = Translate(
        "en", provider="microsoft", url=server.url + "/translate?api-version=3.0", api_key="ms-key-0001",
        cache=False, max_in_flight=4, **FAST,  # type: ignore[arg-type]
    )  # fmt: skip
    translation = step(spanish()).translation
    assert translation is not None and translation.status == "ok", translation
    assert [s.path for s in server.seen].count("/languages") == 1  # the prototype is reused
    posts = [s for s in server.seen if s.path == "/translate"]
    assert len(posts) == 1 and {s.params["from"] for s in posts} == {"es"}
    assert {s.params.get("_key_header") for s in posts} == {"ms-key-0001"}
    assert translation.requests == 2


def test_microsoft_timeout_is_a_timeout(server: FakeTranslationServer) -> None:
    step = Translate(
        "en", provider="microsoft", url=server.url + "/translate?api-version=3.0", api_key="ms-key-0001",
        cache=False, timeout=0.3, retries=0, **{k: v for k, v in FAST.items() if k != "timeout"},  # type: ignore[arg-type]
    )  # fmt: skip
    server.script("ok", "hang")  # the language list, then the translation hangs
    translation = step(spanish("Una frase.")).translation
    assert translation is not None
    assert (translation.status, translation.reason) == ("failed", "timeout")


@pytest.mark.parametrize("suffix", ["/v2/", "/v2", "/v2/translate"])
def test_deepl_endpoint_in_any_spelling(server: FakeTranslationServer, suffix: str) -> None:
    step = Translate(
        "en", provider="deepl", url=server.url + suffix, api_key="dl-key-0001", cache=False, **FAST
    )  # type: ignore[arg-type]
    translation = step(spanish("Una frase.")).translation
    assert translation is not None and translation.status == "ok"
    assert (server.seen[0].path, server.seen[0].params["auth_key"]) == ("/v2/translate", "dl-key-0001")


def test_many_documents_in_order_with_bounded_concurrency(server: FakeTranslationServer) -> None:
    server.latency = 0.02
    docs = [spanish(f"Frase número {i}. Segunda frase {i}.\n\nPárrafo {i}.") for i in range(12)]
    step = libre(server, max_in_flight=3)
    out = list(step.many(docs))
    assert [d.translation.text for d in out if d.translation] == [d.text.upper() for d in docs]
    assert 1 <= server.max_in_flight <= 3


def test_raise_on_failure(server: FakeTranslationServer) -> None:
    server.default = "500"
    with pytest.raises(TranslationError) as caught:
        libre(server, retries=0, raise_on_failure=True)(spanish("Una frase."))
    assert caught.value.translation.reason == "server_error"


def test_keys_are_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "sekrit-key-123456"
    # Port 9 (discard) is closed: the connection error message contains the URL.
    step = Translate("en", provider="libre", url="http://127.0.0.1:9", api_key=secret, cache=False, retries=0)
    translation = step(spanish("Una frase.")).translation
    assert translation is not None and translation.reason == "connection_error"
    assert secret not in translation.message and secret not in repr(step)
    assert "api_key=***" in repr(step)
    assert redact(f"http://x/y?api_key={secret}", (secret,)) == "http://x/y?…"


def test_keys_are_not_in_debug_logs(server: FakeTranslationServer, caplog: pytest.LogCaptureFixture) -> None:
    secret = "sekrit-key-654321"
    step = Translate("en", provider="libre", url=server.url, api_key=secret, cache=False, **FAST)  # type: ignore[arg-type]
    with caplog.at_level(logging.DEBUG):
        translation = step(spanish("Una frase.")).translation
    assert translation is not None and translation.status == "ok"
    assert server.seen[0].params["api_key"] == secret  # it was sent...
    assert "POST /translate?" in caplog.text  # ...urllib3 logged the request...
    assert secret not in caplog.text  # ...without it


def test_pickles_after_use_and_works_in_the_copy(server: FakeTranslationServer, tmp_path: Path) -> None:
    step = libre(server, cache=tmp_path / "c.sqlite3")
    step(spanish())
    copy = pickle.loads(pickle.dumps(step))
    server.reset()
    translation = copy(spanish()).translation
    assert translation is not None and translation.cached_chunks == 4 and server.count == 0


def test_deep_translator_outside_our_calls_is_unchanged(server: FakeTranslationServer) -> None:
    libre(server)(spanish("Una frase."))  # installs the shim
    from deep_translator import LibreTranslator

    direct = LibreTranslator(source="es", target="en", api_key="x", custom_url=server.url + "/")
    assert direct.translate("hola") == "HOLA"


def test_cache_is_shared_by_processes(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite3")
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(3)
    workers = [context.Process(target=fill_cache, args=(path, n * 200, barrier)) for n in range(2)]
    for w in workers:
        w.start()
    fill_cache(path, 400, barrier)  # and this process, at the same time
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    cache = TranslationCache(path)
    assert len(cache) == 600
    assert cache.get_many(["k0", "k599"]) == {"k0": "v0", "k599": "v599"}


def test_a_write_waits_for_a_locked_new_database(tmp_path: Path) -> None:
    # Another process holds the brand-new file locked while this one opens it: the row is
    # written once the lock goes, not dropped.
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(0.3, holder.rollback)
    release.start()
    try:
        cache = TranslationCache(path, timeout=10.0)
        cache.put_many([("k", "libre", "es", "en", "v")])
    finally:
        release.join()
        holder.close()
    assert TranslationCache(path).get_many(["k"]) == {"k": "v"}


class _FlakyConnection:
    """A real connection whose next ``PRAGMA journal_mode`` or ``BEGIN IMMEDIATE`` fails as
    SQLite fails when processes race on a new file: at once, busy timeout or not."""

    failures: ClassVar[dict[str, int]] = {"journal_mode": 1, "BEGIN IMMEDIATE": 1}

    def __init__(self, real: sqlite3.Connection) -> None:
        self.real = real

    def execute(self, sql: str, *args: Any) -> Any:
        for marker, left in self.failures.items():
            if marker in sql and left:
                self.failures[marker] = left - 1
                raise sqlite3.OperationalError("database is locked")
        return self.real.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def __enter__(self) -> Any:
        return self.real.__enter__()

    def __exit__(self, *exc: object) -> Any:
        return self.real.__exit__(*exc)


def test_a_racing_open_or_write_is_retried_not_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = sqlite3.connect
    monkeypatch.setattr(_FlakyConnection, "failures", {"journal_mode": 1, "BEGIN IMMEDIATE": 1})
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: _FlakyConnection(real_connect(*a, **k)))
    cache = TranslationCache(tmp_path / "race.sqlite3", timeout=5.0)
    cache.put_many([("k", "libre", "es", "en", "v")])
    assert _FlakyConnection.failures == {"journal_mode": 0, "BEGIN IMMEDIATE": 0}
    monkeypatch.setattr(sqlite3, "connect", real_connect)
    assert TranslationCache(tmp_path / "race.sqlite3").get_many(["k"]) == {"k": "v"}


def test_pieces_without_letters_are_not_sent(server: FakeTranslationServer) -> None:
    text = "Primera frase.\n\n12.05.2024 — 10:30\n\n***\n\nÚltima frase."
    translation = libre(server)(spanish(text)).translation
    assert translation is not None and translation.status == "ok"
    assert translation.text == "PRIMERA FRASE.\n\n12.05.2024 — 10:30\n\n***\n\nÚLTIMA FRASE."
    assert [s.text for s in server.seen] == ["Primera frase.\n\nÚltima frase."]
    assert translation.verbatim_chunks == 2


def test_google_instances_are_not_shared_between_threads(server: FakeTranslationServer) -> None:
    server.latency = 0.005
    step = Translate("en", provider="google", url=server.url + "/m", cache=False, max_in_flight=6, **FAST)  # type: ignore[arg-type]
    docs = [spanish(f"Artículo {i}.\n\nPárrafo {i} con texto propio {i}.") for i in range(30)]
    out = list(step.many(docs))
    assert [d.translation.text for d in out if d.translation] == [d.text.upper() for d in docs]


def test_the_step_runs_in_worker_processes(server: FakeTranslationServer, tmp_path: Path) -> None:
    from concurrent.futures import ProcessPoolExecutor

    step = libre(server, cache=tmp_path / "c.sqlite3")
    step(spanish("Primero en el proceso principal."))  # opens sessions, pools, connections
    texts = [f"Frase {i} del artículo." for i in range(4)]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(translate_spanish, [step] * 4, texts))
    assert results == [t.upper() for t in texts]


class Flaky:
    """An injected translator: times out ``fail`` times, then answers."""

    name = "flaky"

    def __init__(self, fail: int) -> None:
        self.fail = fail
        self.calls: list[tuple[str, str, str]] = []

    def __call__(self, text: str, source: str, target: str) -> str:
        self.calls.append((text, source, target))
        if len(self.calls) <= self.fail:
            raise TimeoutError("slow")
        return "\n\n".join(f"[{target}] {line}" for line in text.split("\n\n"))


def test_an_injected_translator_gets_chunks_retries_and_canonical_codes() -> None:
    flaky = Flaky(fail=2)
    step = Translate("zh-TW", translator=flaky, cache=False, max_in_flight=1, **FAST)  # type: ignore[arg-type]
    translation = step(spanish("Uno.\n\nDos.")).translation
    assert translation is not None
    assert (translation.status, translation.provider, translation.retries) == ("ok", "flaky", 2)
    assert translation.text == "[zh-Hant] Uno.\n\n[zh-Hant] Dos."
    assert {c[1:] for c in flaky.calls} == {("es", "zh-Hant")}
    assert flaky.calls[-1][0] == "Uno.\n\nDos."  # both lines in one request


def _classify_cases() -> list[tuple[BaseException, int | None, str, bool]]:
    """(what was raised, the HTTP status seen, reason, transient)."""
    import json

    import requests
    from deep_translator import exceptions as dt

    return [
        (requests.exceptions.ReadTimeout(), None, "timeout", True),
        (requests.exceptions.ConnectTimeout(), None, "timeout", True),
        (requests.exceptions.ConnectionError(), None, "connection_error", True),
        (requests.exceptions.MissingSchema(), None, "request_error", False),
        (dt.RequestError(), 429, "rate_limited", True),
        (dt.ServerException(502), 502, "server_error", True),
        (dt.AuthorizationException("k"), 403, "auth_error", False),
        (dt.RequestError(), 400, "bad_request", False),
        (dt.ServerException(456), 456, "quota_exceeded", False),
        (dt.ServerException(504), 504, "timeout", True),
        (dt.TooManyRequests(), None, "rate_limited", True),
        (json.JSONDecodeError("x", "doc", 0), 200, "invalid_response", True),
        (KeyError("translatedText"), 200, "invalid_response", True),
        (dt.TranslationNotFound("x"), 200, "empty_response", True),
        (dt.NotValidLength("x", 0, 5000), None, "too_long", False),
        (TimeoutError(), None, "timeout", True),
        (RuntimeError("boom"), None, "provider_error", False),
    ]


@pytest.mark.parametrize(("error", "status", "reason", "transient"), _classify_cases())
def test_errors_are_classified(
    error: BaseException, status: int | None, reason: str, transient: bool
) -> None:
    from cleaner.translation.client import CallContext, classify

    context = CallContext(None, 1.0, 1000, status=status)
    failure = classify(error, context)
    assert (failure.reason, failure.transient) == (reason, transient)
    if status is not None and status >= 400:
        assert failure.message.startswith(f"HTTP {status}")


# -- retry machinery, with a fake clock ----------------------------------------------------


def test_backoff_grows_exponentially_with_bounded_jitter() -> None:
    import random

    from cleaner.translation.retry import RetryPolicy

    policy = RetryPolicy(backoff=1.0, max_backoff=10.0, jitter=0.5)
    rng = random.Random(1)
    for attempt, base in enumerate([1.0, 2.0, 4.0, 8.0, 10.0, 10.0]):
        delays = [policy.delay(attempt, rng) for _ in range(50)]
        assert all(base * 0.5 <= d <= base for d in delays)
        assert len(set(delays)) > 1  # jittered


def test_breaker_states_with_a_fake_clock() -> None:
    from cleaner.translation.retry import CircuitBreaker

    now = [0.0]
    breaker: CircuitBreaker[str] = CircuitBreaker(threshold=3, cooldown=10.0, clock=lambda: now[0])
    breaker.failure("a")
    breaker.failure("b")
    breaker.success()  # a success resets the count
    breaker.failure("c")
    breaker.failure("d")
    assert breaker.state == "closed"
    breaker.failure("e")
    assert (breaker.state, breaker.allow(), breaker.cause) == ("open", False, "e")
    assert breaker.acquire(until=now[0] + 5.0) is False  # the probe is due after the caller's limit
    now[0] = 10.0
    assert breaker.state == "half_open"
    assert (breaker.allow(), breaker.allow()) == (True, False)  # one probe at a time
    breaker.failure("f")  # the probe failed: open again, for twice the cooldown
    assert breaker.state == "open"
    now[0] = 29.0
    assert breaker.state == "open"
    now[0] = 30.0
    assert breaker.allow()
    breaker.success()
    assert (breaker.state, breaker.allow(), breaker.allow()) == ("closed", True, True)
    restored = pickle.loads(pickle.dumps(breaker))
    assert (restored.state, restored.threshold, restored.cooldown) == ("closed", 3, 10.0)


def test_cache_prune_and_clear(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / "p.sqlite3")
    cache.put_many([("a", "libre", "es", "en", "A"), ("b", "google", "es", "en", "B")])
    assert dict(cache.stats()) == {"google": 1, "libre": 1}
    assert cache.prune(older_than=3600) == 0
    assert cache.prune(older_than=-1) == 2  # everything is older than "one second in the future"
    assert len(cache) == 0
    cache.put_many([("a", "libre", "es", "en", "A")])
    cache.clear()
    assert cache.get_many(["a"]) == {}


def test_an_unusable_cache_does_not_stop_translation(server: FakeTranslationServer, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    translation = libre(server, cache=blocker / "c.sqlite3")(spanish()).translation
    assert translation is not None and translation.status == "ok" and translation.cached_chunks == 0


def test_translate_many_can_be_abandoned_and_raises_in_order(server: FakeTranslationServer) -> None:
    docs = [spanish(f"Frase {i}.") for i in range(20)]
    stream = libre(server, max_in_flight=3).many(docs)
    first = next(stream)
    assert first.translation is not None and first.translation.text == "FRASE 0."
    stream.close()  # pending work is cancelled or finished, nothing hangs
    server.default = "500"
    failing = libre(server, max_in_flight=3, retries=0, raise_on_failure=True, breaker_threshold=None)
    with pytest.raises(TranslationError):
        list(failing.many([spanish("Otra frase.")]))


@pytest.mark.parametrize(
    ("body", "reason", "transient"),
    [
        (b'{"error_code": "54003", "error_msg": "Invalid Access Limit"}', "rate_limited", True),
        (b'{"error_code": "54004", "error_msg": "Account Balance Insufficient"}', "quota_exceeded", False),
        (b'{"error_code": "52003", "error_msg": "UNAUTHORIZED USER"}', "auth_error", False),
    ],
)
def test_baidu_errors_in_a_200_answer_are_classified(body: bytes, reason: str, transient: bool) -> None:
    from deep_translator.exceptions import BaiduAPIerror

    from cleaner.translation.client import CallContext, classify

    context = CallContext(None, 1.0, 1000, status=200, content_type="application/json", head=body)
    failure = classify(BaiduAPIerror("x"), context)
    assert (failure.reason, failure.transient) == (reason, transient)
    assert failure.message.startswith("Baidu error ") and json.loads(body)["error_msg"] in failure.message
