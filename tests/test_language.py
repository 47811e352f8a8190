"""Tests for cleaner.language: determinism, "und", restriction, sampling, pickling, the step.

Every text here is written for these tests. Nothing reaches the network; the optional
engines (langdetect-rs, py3langid) are tested when installed, and
``CLEANER_REQUIRE_FAST_LANGDETECT=1`` turns a missing langdetect-rs into a failure (CI sets it,
so the accelerator's identity to langdetect is always checked there).
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import pickle
import pkgutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from cleaner import language
from cleaner.config import CleanerConfig
from cleaner.document import Document, Language
from cleaner.language import (
    LANGDETECT_LANGUAGES,
    DetectLanguage,
    LanguageDetector,
    LanguageOptions,
    backends,
    count_letters,
    detect_language,
    dominant_script,
    judges,
    sample_text,
)
from cleaner.language import detector as detector_module
from cleaner.language.scripts import SCRIPT_LANGUAGES

ROOT = Path(__file__).resolve().parent.parent

SENTENCES = {
    "en": "The city council approved the new budget on Tuesday after a long debate about schools.",
    "fr": "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur les écoles.",
    "de": "Der Stadtrat hat am Dienstag nach einer langen Debatte über Schulen den neuen Haushalt beschlossen.",
    "es": "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate sobre las escuelas.",
    "it": "Il consiglio comunale ha approvato martedì il nuovo bilancio dopo un lungo dibattito sulle scuole.",
    "pt": "A câmara municipal aprovou na terça-feira o novo orçamento depois de um longo debate sobre as escolas.",
    "nl": "De gemeenteraad heeft dinsdag na een lang debat over scholen de nieuwe begroting goedgekeurd.",
    "pl": "Rada miasta przyjęła we wtorek nowy budżet po długiej debacie na temat szkół i przedszkoli.",
    "ru": "Городской совет во вторник утвердил новый бюджет после долгих споров о школах и больницах.",
    "uk": "Міська рада у вівторок затвердила новий бюджет після довгої дискусії про школи та лікарні.",
    "tr": "Belediye meclisi salı günü okullar hakkındaki uzun bir tartışmanın ardından yeni bütçeyi onayladı.",
    "sv": "Kommunfullmäktige godkände på tisdagen den nya budgeten efter en lång debatt om skolorna.",
    "ja": "市議会は火曜日、学校をめぐる長い議論の末に新しい予算案を可決しました。",
    "zh-Hans": "市议会周二在就学校问题进行了长时间辩论之后，批准了新的预算方案。",
    "ko": "시의회는 화요일 학교 문제를 둘러싼 긴 토론 끝에 새 예산안을 통과시켰습니다.",
    "ar": "وافق مجلس المدينة يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل حول المدارس.",
}

# Short and ambiguous inputs: the kind that made unseeded langdetect flip between answers.
SHORT = ["Voir aussi", "Read more", "Mehr zum Thema", "Lire la suite", "Fotos", "Compartir", "Home", "ok"]

ARTICLE = "\n".join(
    [
        "Accueil",
        "Partager sur Facebook",
        "Politique",
        SENTENCES["fr"],
        "Publicité",
        "Le maire a défendu une hausse des dépenses pour rénover trois écoles primaires et une crèche.",
        "Photo : AFP",
        "L'opposition a dénoncé un budget irréaliste et demandé un audit indépendant des comptes de la ville.",
        "Lire aussi",
    ]
)


def _core(found: Language) -> tuple[object, ...]:
    return (found.code, found.probability, found.candidates)


# --- detection -----------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "text"), sorted(SENTENCES.items()))
def test_detects_sentences(code: str, text: str) -> None:
    found = detect_language(text)
    assert found.code == code
    assert found.candidates[0][0] == code
    assert 0.0 < found.probability <= 1.0


@pytest.mark.parametrize(
    "text", ["", "   \n ", "12345 678", "!!! ...", "a", "©", "https://example.com/a/b", "Ё"]
)
def test_too_little_text_is_und(text: str) -> None:
    found = detect_language(text)
    assert found.code == "und"
    assert not found.is_known
    assert found.probability == 0.0


def test_min_letters_is_the_und_threshold() -> None:
    assert LanguageDetector(min_letters=20).detect("Lire la suite").code == "und"
    assert LanguageDetector(min_letters=None, short_text_letters=None).detect("Lire la suite").is_known


def test_count_letters_weights_dense_scripts() -> None:
    assert count_letters("abc 123") == 3
    assert count_letters("東京") == 4
    assert count_letters("서울") == 4
    assert count_letters("東京 abc", dense=1) == 5  # letters as such


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Жители города", "Cyrillic"),
        ("A bio in English", "Latin"),
        ("Brand Газпром объявил о прибыли", "Cyrillic"),  # 22 of 27 letters
        ("서울 시청", "Hangul"),
        ("東京都庁です", "CJK"),
        ("मुंबई में बारिश", "Devanagari"),
        ("ABC абв", None),  # no script holds 60 %
        ("123 !", None),
        ("Ծիծեռնակ", None),  # Armenian: not a script of langdetect's languages
    ],
)
def test_dominant_script(text: str, expected: str | None) -> None:
    assert dominant_script(text) == expected


def test_chinese_codes_are_script_subtags() -> None:
    assert (
        detect_language("市议会周二在就学校问题进行了长时间辩论之后，批准了新的预算方案。").code == "zh-Hans"
    )
    assert (
        detect_language("市議會週二在就學校問題進行了長時間辯論之後，批准了新的預算方案。").code == "zh-Hant"
    )
    assert not {"zh-cn", "zh-tw"} & set(LANGDETECT_LANGUAGES)


def test_han_without_hangul_or_kana_is_not_korean_or_japanese() -> None:
    # langdetect alone answers "ko" with p > 0.99 here (its Han classes are shared).
    found = LanguageDetector(short_text_detector="langdetect").detect(
        "北京市政府周一宣布了新的交通管理措施。"
    )
    assert found.code == "zh-Hans"


def test_short_text_needs_stronger_evidence_with_langdetect_only() -> None:
    detector = LanguageDetector(short_text_detector="langdetect", min_short_probability=1.01)
    assert detector.detect(SENTENCES["fr"]).code == "und"  # short: no answer can reach 1.01
    assert detector.detect(ARTICLE * 2).code == "fr"  # long: no extra evidence needed


# --- determinism ---------------------------------------------------------------------------

_PROBE = """
import json, random, sys
import langdetect
from cleaner.language import LanguageDetector, detect_language
history = sys.argv[1]
rng = random.Random(history)
texts = json.loads(sys.argv[2])
probes = json.loads(sys.argv[3])
# A different detection history in each process: other texts, other order, and other users
# of langdetect's global API (unseeded) in between.
for text in rng.sample(texts, len(texts)) * (1 + rng.randrange(3)):
    if rng.random() < 0.5:
        try:
            langdetect.detect_langs(text)
        except Exception:
            pass
    LanguageDetector(languages=rng.sample(["en", "fr", "de", "es", "it"], 3)).detect(text)
    detect_language(text)
out = [detect_language(p).to_dict() for p in probes]
out += [LanguageDetector(short_text_detector="langdetect").detect(p).to_dict() for p in probes]
out.append({"global_seed": langdetect.DetectorFactory.seed})
print(json.dumps(out, sort_keys=True))
"""


def test_same_answers_in_three_processes_with_different_histories() -> None:
    texts = list(SENTENCES.values()) + SHORT
    probes = SHORT + [SENTENCES["fr"], SENTENCES["nl"], ARTICLE, "Nyheter og sport", "Vær så god"]
    outputs = []
    for history, hash_seed in (("a", "0"), ("b", "1"), ("c", "random")):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        completed = subprocess.run(
            [sys.executable, "-c", _PROBE, history, json.dumps(texts), json.dumps(probes)],
            capture_output=True, text=True, cwd=ROOT, env=env, check=True, timeout=300,
        )  # fmt: skip
        outputs.append(json.loads(completed.stdout))
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0][-1] == {"global_seed": None}  # langdetect's global seed is not touched


def test_same_answers_within_a_process_whatever_came_before() -> None:
    detector = LanguageDetector()
    first = [detector.detect(t) for t in SHORT]
    for text in SENTENCES.values():
        detector.detect(text)
    assert [detector.detect(t) for t in SHORT] == first


def test_global_langdetect_state_is_left_alone() -> None:
    import langdetect
    from langdetect import detector_factory

    before = (langdetect.DetectorFactory.seed, detector_factory._factory)
    detect_language(SENTENCES["de"], backend="langdetect")
    LanguageDetector(seed=7, backend="langdetect").detect(SENTENCES["es"])
    assert (langdetect.DetectorFactory.seed, detector_factory._factory) == before


def test_the_seed_is_an_option() -> None:
    # Different seeds may give different probabilities, the same seed always the same ones.
    text = "Vær så god"
    a = LanguageDetector(seed=1, short_text_letters=None).detect(text)
    assert LanguageDetector(seed=1, short_text_letters=None).detect(text) == a


# --- restriction ---------------------------------------------------------------------------


def test_restriction_keeps_answers_inside_the_candidates() -> None:
    text = "Nyheter og sport fra hele landet"  # Norwegian, easily read as Danish
    for allowed in ({"da"}, {"no"}, {"da", "sv"}):
        found = LanguageDetector(languages=allowed, short_text_letters=None).detect(text)
        assert found.code in allowed
        assert {code for code, _ in found.candidates} <= allowed


def test_restriction_picks_the_right_language_among_candidates() -> None:
    detector = LanguageDetector(languages={"fr", "de"})
    assert detector.detect(SENTENCES["fr"]).code == "fr"
    assert detector.detect(SENTENCES["de"]).code == "de"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"EN", " fr "}, ("en", "fr")),
        ({"zh"}, ("zh-Hans", "zh-Hant")),
        ({"zh-cn", "zh-hant"}, ("zh-Hans", "zh-Hant")),
        (None, LANGDETECT_LANGUAGES),
    ],
)
def test_language_codes_are_normalized(given: set[str] | None, expected: tuple[str, ...]) -> None:
    assert LanguageDetector(languages=given).languages == expected


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"languages": {"xx"}}, ValueError),
        ({"languages": set()}, ValueError),
        ({"languages": "en"}, TypeError),
        ({"backend": "cld3"}, ValueError),
        ({"short_text_detector": "cld3"}, ValueError),
        ({"sample_chars": 0}, ValueError),
    ],
)
def test_bad_options_are_refused(options: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        LanguageDetector(**options)  # type: ignore[arg-type]


# Every option with a value other than its default.
CHANGED_OPTIONS: dict[str, object] = {
    "languages": {"fr", "EN"},
    "sample_chars": 500,
    "min_letters": 3,
    "short_text_letters": 60,
    "short_text_detector": "langdetect",
    "min_short_probability": 0.8,
    "backend": "langdetect-rs",
    "seed": 4,
    "cache_size": 10,
}


def test_every_entry_point_takes_every_option() -> None:
    assert set(CHANGED_OPTIONS) == {f.name for f in dataclasses.fields(LanguageOptions)}
    expected = LanguageOptions(**CHANGED_OPTIONS)  # type: ignore[arg-type]
    assert all(getattr(expected, name) != getattr(LanguageOptions(), name) for name in CHANGED_OPTIONS)
    assert LanguageDetector(**CHANGED_OPTIONS).options == expected
    assert LanguageDetector(expected).options == expected
    assert LanguageDetector(LanguageOptions(seed=9), **CHANGED_OPTIONS).options == expected
    assert DetectLanguage(**CHANGED_OPTIONS).detector.options == expected
    assert DetectLanguage(expected).detector.options == expected
    pipeline = CleanerConfig(language=CHANGED_OPTIONS).pipeline()
    step = pipeline.steps[pipeline.names.index("detect_language")]
    assert isinstance(step, DetectLanguage) and step.detector.options == expected
    # Greek is decided by its script (here: not among the candidates) without loading a model.
    assert detect_language("Η κυβέρνηση", **CHANGED_OPTIONS).code == "und"
    assert detect_language("Η κυβέρνηση", expected).code == "und"


@pytest.mark.parametrize(
    "make",
    [
        lambda: LanguageDetector(sample_size=3),
        lambda: DetectLanguage(sample_size=3),
        lambda: detect_language("text", sample_size=3),
        lambda: CleanerConfig(language={"sample_size": 3}).pipeline(),
    ],
)
def test_unknown_options_are_refused_everywhere(make: Callable[[], object]) -> None:
    # CleanerConfig checks its tables itself: "unknown option language.sample_size (did you mean ...)"
    with pytest.raises(TypeError, match=r"unknown (language options \['sample_size'\]; known: languages, sample_chars|option language\.sample_size \(did you mean 'sample_chars'\?\))"):
        make()


def test_a_step_takes_a_detector_or_options_not_both() -> None:
    with pytest.raises(TypeError):
        DetectLanguage(detector=LanguageDetector(), seed=3)


# --- sampling ------------------------------------------------------------------------------


def test_sample_is_bounded_and_prefers_long_lines() -> None:
    sample = sample_text(ARTICLE, 200)
    assert len(sample.replace("\n", "")) <= 200
    assert "Accueil" not in sample and "Publicité" not in sample and "Photo" not in sample
    lines = sample.split("\n")
    assert len(lines) == 3  # a third of the budget to each of the three longest lines
    assert [ARTICLE.index(line) for line in lines] == sorted(ARTICLE.index(line) for line in lines)


def test_short_text_is_read_whole() -> None:
    assert sample_text("  Lire   la suite \n\n Partager ", 500) == "Lire la suite\nPartager"
    assert sample_text(ARTICLE, None) == ARTICLE


def test_one_long_line_is_cut_at_a_word_boundary() -> None:
    line = "mot " * 400
    sample = sample_text(line, 500)
    assert len(sample) <= 500
    assert sample.endswith("mot")


def test_one_foreign_quote_cannot_fill_the_sample() -> None:
    tweet = "Breaking: the mayor just announced that all schools in the city will close for a week " * 3
    text = "\n".join([tweet, *[SENTENCES["fr"]] * 2, ARTICLE])
    assert detect_language(text).code == "fr"


def test_detector_reads_only_the_sample() -> None:
    detector = LanguageDetector(sample_chars=300)
    boilerplate = "\n".join(["Home", "News", "Sport", "Login", "Menu"] * 50)  # short English lines
    assert detector.detect(boilerplate + "\n" + ARTICLE).code == "fr"
    assert detector.sample(boilerplate + "\n" + ARTICLE) == sample_text(ARTICLE, 300)


# --- pickling and shared models ------------------------------------------------------------


def test_detector_pickles_small_and_equal() -> None:
    detector = LanguageDetector(languages={"en", "fr"}, sample_chars=300, seed=3).load()
    data = pickle.dumps(detector)
    assert len(data) < 2000  # the profiles are not in it
    copy = pickle.loads(data)
    assert copy == detector and hash(copy) == hash(detector)
    assert _core(copy.detect(ARTICLE)) == _core(detector.detect(ARTICLE))


def test_short_inputs_are_remembered_per_detector() -> None:
    detector = LanguageDetector(cache_size=2)
    first = detector.detect("Lire la suite")
    assert detector.detect("Lire la suite") is first
    detector.detect("Read more")
    detector.detect("Mehr zum Thema")
    assert len(detector._cache) == 2 and "Lire la suite" not in detector._cache
    assert pickle.loads(pickle.dumps(detector))._cache == {}
    uncached = LanguageDetector(cache_size=None)
    assert uncached.detect("Lire la suite") == first and not uncached._cache
    assert detector.detect(ARTICLE) is not detector.detect(ARTICLE)  # long texts are not kept


def test_step_pickles() -> None:
    step = DetectLanguage(languages={"fr", "en"})
    assert pickle.loads(pickle.dumps(step)).detector == step.detector


def _detect_in_worker(detector: LanguageDetector, texts: list[str]) -> list[dict[str, object]]:
    return [detector.detect(t).to_dict() for t in texts]


def test_detector_works_in_a_worker_process() -> None:
    detector = LanguageDetector(languages={"fr", "en", "de"})
    texts = [ARTICLE, SENTENCES["en"], "Mehr zum Thema"]
    with ProcessPoolExecutor(max_workers=1) as pool:
        remote = pool.submit(_detect_in_worker, detector, texts).result(timeout=300)
    assert remote == _detect_in_worker(detector, texts)


def test_profiles_load_once_per_process_and_are_shared() -> None:
    detector = LanguageDetector(seed=1)
    detector.detect(SENTENCES["en"])
    latin = tuple(sorted(SCRIPT_LANGUAGES["Latin"]))
    factory = backends.langdetect_factory(detector.backend, latin)
    LanguageDetector(languages={"en", "fr"}, seed=2, sample_chars=10).detect(SENTENCES["en"])
    LanguageDetector(seed=2, sample_chars=10).detect(SENTENCES["en"])
    assert backends.langdetect_factory(detector.backend, latin) is factory
    assert factory.seed is None  # seeds are set per detection, never on the shared factory


# --- the pipeline step ---------------------------------------------------------------------


def test_step_sets_the_document_language() -> None:
    doc = Document.from_text(ARTICLE, id="a1")
    step = DetectLanguage()
    assert step.name == "detect_language"
    out = step(doc)
    assert out.language is not None and out.language.code == "fr"
    assert out.blocks == doc.blocks and out.id == "a1"
    assert doc.language is None  # the input is not changed
    assert out.to_dict()["language"]["code"] == "fr"


def test_step_uses_the_given_detector() -> None:
    detector = LanguageDetector(languages={"en"})
    out = DetectLanguage(detector=detector)(Document.from_text(ARTICLE))
    assert out.language is not None and out.language.code == "en"


def test_step_on_an_empty_document_is_und() -> None:
    out = DetectLanguage()(Document.from_text("2024\n\n© 1"))
    assert out.language == Language("und", 0.0, (), "langdetect")
    out = DetectLanguage()(Document.from_text("2024\n\n© AFP"))
    assert out.language is not None and out.language.code == "und"
    # A lone ambiguous word: "und" with py3langid (see the lingua known miss below).
    out = DetectLanguage(short_text_detector="py3langid")(Document.from_text("Menu\n\n2024"))
    assert out.language is not None and out.language.code == "und"


# --- optional engines ----------------------------------------------------------------------


def _fast_installed() -> bool:
    try:
        import langdetect_rs  # noqa: F401
    except ImportError:
        if os.environ.get("CLEANER_REQUIRE_FAST_LANGDETECT") == "1":
            pytest.fail("CLEANER_REQUIRE_FAST_LANGDETECT=1 but langdetect-rs is not installed")
        return False
    return True


def _identity_texts() -> list[str]:
    texts = [*SENTENCES.values(), *SHORT, ARTICLE, ARTICLE * 5]
    words = " ".join(SENTENCES.values()).split()
    texts += [" ".join(words[i : i + n]) for n in (1, 2, 3, 7) for i in range(0, len(words) - n, 5)]
    return texts


@pytest.mark.parametrize(
    "options",
    [
        {"short_text_detector": "langdetect"},
        {"short_text_detector": "langdetect", "min_letters": None, "short_text_letters": None},
        {"short_text_detector": "langdetect", "languages": {"en", "fr", "de", "nl", "da", "no"}, "seed": 5},
        {"short_text_detector": "langdetect", "sample_chars": None},
        {"short_text_detector": "py3langid"},
        {"short_text_detector": "lingua", "languages": {"en", "fr", "de", "es", "it"}},
    ],
)
def test_fast_backend_gives_identical_results(options: dict[str, object]) -> None:
    if not _fast_installed():
        pytest.skip("langdetect-rs is not installed (extra: article-cleaner[fast])")
    slow = LanguageDetector(backend="langdetect", **options)  # type: ignore[arg-type]
    fast = LanguageDetector(backend="langdetect-rs", **options)  # type: ignore[arg-type]
    auto = LanguageDetector(**options)  # type: ignore[arg-type]
    assert (slow.backend, fast.backend, auto.backend) == ("langdetect", "langdetect-rs", "langdetect-rs")
    texts = _identity_texts()
    assert len(texts) > 150
    for text in texts:
        a, b, c = slow.detect(text), fast.detect(text), auto.detect(text)
        assert a == b == c, text  # code, probability, candidates and the rule that answered


def test_auto_backend_is_langdetect_rs_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _fast_installed()
    assert LanguageOptions().backend == "auto"
    assert LanguageDetector().backend == ("langdetect-rs" if fast else "langdetect")
    assert LanguageDetector(backend="langdetect").backend == "langdetect"
    _hide(monkeypatch, "langdetect_rs", "langdetect_rs.detector_factory")
    detector = LanguageDetector()
    assert detector.backend == "langdetect"
    assert detector.detect(SENTENCES["fr"]) == LanguageDetector(backend="langdetect").detect(SENTENCES["fr"])


def test_fast_backend_probabilities_are_bit_identical() -> None:
    if not _fast_installed():
        pytest.skip("langdetect-rs is not installed (extra: article-cleaner[fast])")
    slow, fast = backends.langdetect_factory("langdetect"), backends.langdetect_factory("langdetect-rs")
    for text in _identity_texts():
        a, b = slow.create(), fast.create()
        a.seed = b.seed = 0
        a.append(text)
        b.append(text)
        assert [(x.lang, x.prob) for x in a.get_probabilities()] == [
            (x.lang, x.prob) for x in b.get_probabilities()
        ]


def _hide(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Make ``modules`` unimportable and forget the loaded models."""
    monkeypatch.setattr(backends, "_MODELS", {})
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


def test_missing_fast_backend_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "langdetect_rs", "langdetect_rs.detector_factory")
    with pytest.raises(ImportError, match=r"article-cleaner\[fast\]"):
        LanguageDetector(backend="langdetect-rs").detect(SENTENCES["en"])


def test_missing_py3langid_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "py3langid", "py3langid.langid")
    with pytest.raises(ImportError, match=r"article-cleaner\[short-text\]"):
        LanguageDetector(short_text_detector="py3langid").detect("Lire la suite")


def test_auto_works_without_py3langid(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "py3langid", "py3langid.langid")
    found = LanguageDetector().detect(SENTENCES["fr"])
    assert (found.code, found.backend) == ("fr", "langdetect")


def test_py3langid_must_agree_on_short_text() -> None:
    pytest.importorskip("py3langid", reason="py3langid is not installed (extra: article-cleaner[short-text])")
    detector = LanguageDetector(short_text_detector="py3langid")
    found = detector.detect(SENTENCES["fr"])
    assert (found.code, found.backend) == ("fr", "langdetect+py3langid")
    assert detector.detect(ARTICLE * 3).backend == "langdetect"  # long text: langdetect alone
    # py3langid is restricted to the same candidates; "zh" stands for both scripts.
    chinese = LanguageDetector(languages={"zh", "ja"}, short_text_detector="py3langid")
    assert chinese.detect(SENTENCES["zh-Hans"]).code == "zh-Hans"


def _short_pair(monkeypatch: pytest.MonkeyPatch, ld: str, py: list[tuple[str, float]]) -> Language:
    """The combined answer on a short text when langdetect says ``ld`` and py3langid ranks ``py``."""
    detector = LanguageDetector(languages={"fr", "de", "en"}, short_text_detector="py3langid")

    class FakeIdentifier:
        def rank(self, sample: str) -> list[tuple[str, float]]:
            return py

    monkeypatch.setattr(judges, "py3langid_identifier", lambda candidates: FakeIdentifier())
    found = Language(ld, 0.7143, ((ld, 0.7143),), "langdetect")
    monkeypatch.setattr(detector, "_run_langdetect", lambda sample, candidates: found)
    return detector.detect("Lire la suite")


@pytest.mark.parametrize(
    ("ld", "py", "expected"),
    [
        ("fr", [("fr", 0.6), ("de", 0.3), ("en", 0.1)], "fr"),  # agreement
        ("fr", [("fr", 0.12), ("de", 0.11)], "fr"),  # agreement, weak but ahead
        ("fr", [("de", 0.7), ("fr", 0.2), ("en", 0.1)], "de"),  # py3langid overrules
        ("fr", [("de", 0.45), ("fr", 0.35), ("en", 0.2)], "und"),  # disagreement, no strong side
        ("fr", [("fr", 0.34), ("de", 0.34), ("en", 0.32)], "und"),  # a tie is no evidence
    ],
)
def test_short_text_combines_langdetect_and_py3langid(
    monkeypatch: pytest.MonkeyPatch, ld: str, py: list[tuple[str, float]], expected: str
) -> None:
    found = _short_pair(monkeypatch, ld, py)
    assert found.code == expected
    assert found.backend == "langdetect+py3langid"
    if expected == "de":
        assert found.probability == 0.7 and found.candidates[0] == ("de", 0.7)


def test_agreement_below_the_floor_is_und(monkeypatch: pytest.MonkeyPatch) -> None:
    py = [("fr", 0.05)] + [(f"x{i}", 0.0475) for i in range(20)]
    assert _short_pair(monkeypatch, "fr", py).code == "und"


def test_short_text_with_real_models() -> None:
    pytest.importorskip("py3langid", reason="py3langid is not installed (extra: article-cleaner[short-text])")
    detector = LanguageDetector(short_text_detector="py3langid")
    for text, code in (("Lire la suite", "fr"), ("Mehr zum Thema", "de"), ("Read more", "en")):
        found = detector.detect(text)
        assert (found.code, found.backend) == (code, "langdetect+py3langid"), text
    for text in ("a", "é", "x", "Ж"):  # one letter: never an answer
        assert detector.detect(text).code == "und"
    # Among three languages py3langid knows nothing of "OK" (a three-way tie): "und", not a guess.
    restricted = LanguageDetector(languages={"en", "fr", "de"}, short_text_detector="py3langid")
    assert restricted.detect("OK").code == "und"
    # The restriction holds on the short-text path too, overruled or not.
    for text in ("Compartir", "Lire la suite", "Nyheter og sport"):
        found = restricted.detect(text)
        assert found.code in {"en", "fr", "de", "und"}
        assert {code for code, _ in found.candidates} <= {"en", "fr", "de"}


def test_langdetect_alone_needs_four_letters_on_short_text() -> None:
    detector = LanguageDetector(short_text_detector="langdetect", min_short_probability=0.0)
    assert detector.detect("Ola").code == "und"
    assert detector.detect("Lire la suite").code == "fr"
    assert LanguageDetector(short_text_detector="langdetect", min_letters=None).detect("Ola").is_known


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Η κυβέρνηση ανακοίνωσε", ("el",)),
        ("שלום", ("he",)),
        ("서울", ("ko",)),
        ("東京です", ("ja", "zh-Hans", "zh-Hant")),
        ("北京市", ("zh-Hans", "zh-Hant")),
        ("Москва", ("bg", "mk", "ru", "uk")),
        ("Ծիծեռնակ", ()),  # Armenian: no language langdetect knows
        ("", ()),
    ],
)
def test_script_languages(text: str, expected: tuple[str, ...]) -> None:
    assert language.script_languages(text) == expected


def test_script_decides_alone_when_it_allows_one_language() -> None:
    found = detect_language("Η κυβέρνηση")
    assert (found.code, found.probability, found.candidates) == ("el", 1.0, (("el", 1.0),))
    assert detect_language("Ծիծեռնակը թռավ").code == "und"  # Armenian
    # A few Latin letters in Cyrillic text do not make Latin languages candidates.
    assert LanguageDetector().candidates("Компания Apple представила новый телефон") == (
        "bg",
        "mk",
        "ru",
        "uk",
    )
    # A restriction applies on top of the scripts.
    assert LanguageDetector(languages={"en", "ru"}).detect("Правительство утвердило бюджет").code == "ru"
    assert LanguageDetector(languages={"en", "fr"}).detect("Правительство утвердило бюджет").code == "und"


@pytest.mark.parametrize("backend", ["langdetect", "langdetect-rs"])
def test_factories_hold_only_the_candidates_profiles(backend: str) -> None:
    if backend == "langdetect-rs" and not _fast_installed():
        pytest.skip("langdetect-rs is not installed (extra: article-cleaner[fast])")
    detector = LanguageDetector(backend=backend)  # type: ignore[arg-type]
    assert detector.detect(SENTENCES["ru"]).code == "ru"
    factory = backends.langdetect_factory(detector.backend, ("bg", "mk", "ru", "uk"))
    assert sorted(factory.langlist) == ["bg", "mk", "ru", "uk"]
    assert backends.langdetect_factory(detector.backend, ("bg", "mk", "ru", "uk")) is factory


def test_doctests_hold_with_and_without_py3langid(monkeypatch: pytest.MonkeyPatch) -> None:
    # The docstring examples run in whatever environment pytest runs in; check the other one.
    import doctest

    _hide(monkeypatch, "py3langid", "py3langid.langid")
    names = [module.name for module in pkgutil.iter_modules(language.__path__)]
    results = [doctest.testmod(importlib.import_module(f"cleaner.language.{name}"), report=False) for name in names]
    assert sum(result.attempted for result in results) >= 10
    assert sum(result.failed for result in results) == 0


def test_language_to_dict_round_trip() -> None:
    found = detect_language(ARTICLE)
    assert Language.from_dict(json.loads(json.dumps(found.to_dict()))) == found


def test_module_docstring_lists_no_stale_defaults() -> None:
    options = LanguageOptions()
    doc = textwrap.dedent(detector_module.__doc__ or "")
    assert f"({options.sample_chars} by default)" in doc
    assert f"``min_letters`` ({options.min_letters})" in doc
    assert f"``short_text_letters`` ({options.short_text_letters})" in doc


# --- short text with lingua -------------------------------------------------------------------


class _FakeConfidence:
    """A lingua ConfidenceValue: ``.language.iso_code_639_1.name`` and ``.value``."""

    def __init__(self, code: str, value: float) -> None:
        iso = type("Iso", (), {"name": code.upper()})()
        self.language = type("Lang", (), {"iso_code_639_1": iso})()
        self.value = value


def _three_judges(
    monkeypatch: pytest.MonkeyPatch,
    li: list[tuple[str, float]] | None,
    py: list[tuple[str, float]],
    ld: str,
    languages: set[str] = {"fr", "de", "en"},  # noqa: B006 (never mutated)
    text: str = "Lire la suite",
) -> Language:
    """The answer on a short text when lingua ranks ``li`` (``None``: it lacks a candidate),
    py3langid ranks ``py`` and langdetect says ``ld``."""
    detector = LanguageDetector(languages=languages, short_text_detector="lingua")

    class FakeLingua:
        def compute_language_confidence_values(self, sample: str) -> list[_FakeConfidence]:
            return [_FakeConfidence(code, value) for code, value in li or []]

    class FakeIdentifier:
        def rank(self, sample: str) -> list[tuple[str, float]]:
            return py

    monkeypatch.setattr(judges, "lingua_detector", lambda candidates: None if li is None else FakeLingua())
    monkeypatch.setattr(judges, "py3langid_identifier", lambda candidates: FakeIdentifier())
    found = Language(ld, 0.7143, ((ld, 0.7143),), "langdetect")
    monkeypatch.setattr(detector, "_run_langdetect", lambda sample, candidates: found)
    return detector.detect(text)


@pytest.mark.parametrize(
    ("li", "py", "ld", "expected"),
    [
        ([("fr", 0.4), ("de", 0.35), ("en", 0.25)], [("de", 0.9), ("fr", 0.1)], "fr", "fr"),  # with langdetect
        ([("fr", 0.4), ("de", 0.35), ("en", 0.25)], [("fr", 0.4), ("de", 0.3)], "de", "fr"),  # with py3langid
        ([("fr", 0.45), ("de", 0.4), ("en", 0.15)], [("de", 0.8), ("fr", 0.2)], "de", "de"),  # pair overrules
        ([("fr", 0.6), ("de", 0.3), ("en", 0.1)], [("de", 0.6), ("fr", 0.4)], "de", "fr"),  # weak pair
        ([("fr", 0.45), ("de", 0.4), ("en", 0.15)], [("de", 0.6), ("fr", 0.4)], "de", "und"),  # nobody strong
        ([("fr", 0.5), ("de", 0.3), ("en", 0.2)], [("en", 0.5), ("de", 0.3)], "de", "fr"),  # 3 ways: lingua
        ([("fr", 0.45), ("de", 0.3), ("en", 0.25)], [("en", 0.5), ("de", 0.3)], "de", "und"),
        ([("fr", 0.4), ("de", 0.4), ("en", 0.2)], [("de", 0.7), ("fr", 0.3)], "de", "de"),  # lingua ties
        ([("fr", 0.4), ("de", 0.4), ("en", 0.2)], [("fr", 0.5), ("de", 0.3)], "de", "und"),
        ([("fr", 0.0), ("de", 0.0), ("en", 0.0)], [("de", 0.4), ("fr", 0.3)], "de", "und"),  # lingua: nothing
        ([("fr", 0.9), ("de", 0.1)], [("fr", 0.34), ("de", 0.34), ("en", 0.32)], "de", "fr"),  # py3langid ties
    ],
)
def test_short_text_with_lingua_has_three_judges(
    monkeypatch: pytest.MonkeyPatch,
    li: list[tuple[str, float]],
    py: list[tuple[str, float]],
    ld: str,
    expected: str,
) -> None:
    found = _three_judges(monkeypatch, li, py, ld)
    assert (found.code, found.backend) == (expected, "langdetect+lingua")
    if expected == "und":
        assert found.probability == 0.0
    elif found.code == li[0][0]:
        # lingua's answer carries its confidence and its runner-ups above 0.1.
        assert found.probability == li[0][1]
        assert found.candidates == tuple((c, v) for c, v in li[:3] if c == li[0][0] or v > 0.1)
    else:
        assert found.probability == 0.7143  # langdetect's answer, with its probability


def test_lingua_codes_become_ours(monkeypatch: pytest.MonkeyPatch) -> None:
    # lingua says "nb" for Norwegian Bokmål (langdetect's "no") and "zh" for both Chinese scripts.
    found = _three_judges(monkeypatch, [("nb", 0.8), ("da", 0.2)], [("da", 0.6)], "no", {"no", "da", "sv"})
    assert found.code == "no" and found.candidates == (("no", 0.8), ("da", 0.2))
    found = _three_judges(monkeypatch, [("zh", 0.7), ("ja", 0.3)], [("ja", 0.6)], "zh-Hant", {"zh", "ja"}, "東京です")
    assert found.code == "zh-Hant" and found.probability == 0.7


def test_candidates_lingua_lacks_go_to_py3langid(monkeypatch: pytest.MonkeyPatch) -> None:
    # lingua knows no Nepali: among hi/mr/ne, the py3langid rule answers (here: agreement).
    found = _three_judges(monkeypatch, None, [("ne", 0.8), ("hi", 0.2)], "ne", {"hi", "mr", "ne"}, "नेपाल सरकार")
    assert (found.code, found.backend) == ("ne", "langdetect+py3langid")


def test_missing_lingua_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "lingua")
    with pytest.raises(ImportError, match=r"article-cleaner\[lingua\]"):
        LanguageDetector(short_text_detector="lingua").detect("Lire la suite")


def test_auto_without_lingua_uses_py3langid(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("py3langid", reason="py3langid is not installed (extra: article-cleaner[short-text])")
    _hide(monkeypatch, "lingua")
    found = LanguageDetector().detect("Lire la suite")
    assert (found.code, found.backend) == ("fr", "langdetect+py3langid")


def test_short_text_with_real_lingua() -> None:
    pytest.importorskip("lingua", reason="lingua is not installed (extra: article-cleaner[lingua])")
    # Five languages keep the models small (all 31 Latin-script ones take about 700 MB).
    detector = LanguageDetector(languages={"en", "fr", "de", "es", "it"})
    assert judges.judge_for(detector.options.short_text_detector) == "lingua"  # "auto": both installed
    for text, code in (("Lire la suite", "fr"), ("Mehr zum Thema", "de"), ("Read more", "en")):
        found = detector.detect(text)
        assert (found.code, found.backend) == (code, "langdetect+lingua"), text
    for text in ("a", "é", "Ж"):  # one letter: never an answer; Cyrillic: no candidates
        assert detector.detect(text).code == "und"
    for text in ("Compartir", "Nyheter og sport", "Leia mais"):  # the restriction holds
        found = detector.detect(text)
        assert found.code in {"en", "fr", "de", "es", "it", "und"}
        assert {code for code, _ in found.candidates} <= {"en", "fr", "de", "es", "it"}
    assert detector.detect(ARTICLE * 3).backend == "langdetect"  # long text: langdetect alone
    # lingua has no Nepali: that candidate set has no lingua detector, and py3langid answers.
    assert judges.lingua_detector(("hi", "mr", "ne")) is None
    nepali = LanguageDetector(languages={"hi", "mr", "ne"}, short_text_detector="lingua")
    assert nepali.detect("नेपाल सरकार").backend == "langdetect+py3langid"


@pytest.mark.xfail(strict=True, reason="known miss: lingua and langdetect agree on 'id' (lingua 0.18)")
def test_lone_ambiguous_word_with_lingua_is_und() -> None:
    pytest.importorskip("lingua", reason="lingua is not installed (extra: article-cleaner[lingua])")
    assert LanguageDetector(short_text_detector="lingua").detect("Menu").code == "und"
