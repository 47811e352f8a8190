"""Short-text judges: py3langid and lingua, which confirm or overrule langdetect on short
text, where its vote of 7 random trials is overconfident.

Every judge is restricted to the same candidate languages as langdetect. With py3langid
(:func:`with_py3langid`), agreement stands if py3langid gives the language at least
``MIN_AGREED_PROBABILITY``; on disagreement py3langid's answer stands if it reaches
``MIN_OVERRULING_PROBABILITY``. With lingua as well (:func:`with_lingua`), lingua's answer
stands if langdetect or py3langid names it too; else langdetect's if py3langid seconds it
with ``MIN_PAIR_PROBABILITY``; else lingua's if it is sure (``MIN_LINGUA_CONFIDENCE``). A judge
whose best languages tie has no answer; anything else is ``"und"``. The thresholds and what
they give are in the README (measured with ``benchmarks/bench_language.py``).
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from cleaner import codes
from cleaner.document import Language
from cleaner.language.backends import cached, installed, missing
from cleaner.language.options import ShortTextDetector

__all__ = [
    "Judge",
    "judge_for",
    "lingua_detector",
    "preload_lingua",
    "py3langid_identifier",
    "with_lingua",
    "with_py3langid",
]

Judge = Literal["langdetect", "py3langid", "lingua"]

# py3langid: its probability of langdetect's answer needed for agreement, and of its own
# answer to overrule langdetect (even odds against the rest).
MIN_AGREED_PROBABILITY = 0.1
MIN_OVERRULING_PROBABILITY = 0.5
# lingua, py3langid and langdetect: lingua's confidence needed when another judge agrees;
# py3langid's probability needed when it and langdetect agree against lingua; lingua's
# confidence needed when nobody agrees with it.
MIN_SECONDED_CONFIDENCE = 0.1
MIN_PAIR_PROBABILITY = 0.7
MIN_LINGUA_CONFIDENCE = 0.5
# lingua says "nb" for langdetect's Norwegian (our "no") and knows one Chinese.
_LINGUA_NAMES = {"no": "nb"}
# A word in each script with several candidates, to make lingua load their models.
_SCRIPT_SAMPLES = {"Cyrillic": "текст", "Arabic": "متن", "Devanagari": "पाठ", "CJK": "文字と한글"}


def judge_for(short_text_detector: ShortTextDetector) -> Judge:
    """What confirms short text: ``short_text_detector`` with ``"auto"`` resolved to what is
    installed (lingua with py3langid, else py3langid, else langdetect alone)."""
    if short_text_detector != "auto":
        return short_text_detector
    if installed("py3langid"):
        return "lingua" if installed("lingua") else "py3langid"
    return "langdetect"


def py3langid_identifier(languages: tuple[str, ...]) -> Any:
    """py3langid's bundled model with normalized probabilities, restricted to ``languages``."""

    def load_full() -> Any:
        try:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier
        except ImportError as error:
            raise missing("py3langid") from error
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def load_restricted() -> Any:
        identifier = copy.copy(cached(("py3langid",), load_full))
        known = set(identifier.nb_classes)
        wanted = {codes.primary(code) for code in languages}  # zh-Hans, zh-Hant: py3langid's "zh"
        identifier.set_languages(sorted(wanted & known))
        return identifier

    return cached(("py3langid", *languages), load_restricted)


def lingua_detector(languages: tuple[str, ...]) -> Any:
    """lingua's detector (high accuracy) for ``languages``, or ``None`` if it lacks one of them.

    lingua knows neither Nepali nor Kannada nor Malayalam: among Devanagari candidates it
    would call Nepali Hindi, so such candidate sets are left to py3langid. lingua loads a
    language's models on first use and keeps them per process, shared by all its detectors
    (hundreds of MB for the Latin-script languages).
    """

    def load() -> Any:
        try:
            from lingua import IsoCode639_1, LanguageDetectorBuilder
        except ImportError as error:
            raise missing("lingua-language-detector") from error
        names = sorted({_LINGUA_NAMES.get(code, codes.primary(code)).upper() for code in languages})
        if not all(hasattr(IsoCode639_1, name) for name in names):
            return False  # cached as "no detector" (None would mean "not loaded yet")
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*(getattr(IsoCode639_1, n) for n in names))
        # Not with_preloaded_language_models(): it loads on a thread pool that a forked
        # child inherits dead (a worker process that builds another detector would hang).
        return builder.build()

    return cached(("lingua", *languages), load) or None


def preload_lingua(detector: Any, script: str) -> None:
    """Make lingua's ``detector`` load its models for ``script`` (a group of
    ``SCRIPT_LANGUAGES``) now: lingua loads a language's models on first use."""
    detector.compute_language_confidence_values(_SCRIPT_SAMPLES.get(script, "text"))


def with_py3langid(sample: str, candidates: tuple[str, ...], found: Language) -> Language:
    """Short text: langdetect's answer ``found`` and py3langid's, both among ``candidates``."""
    backend = f"{found.backend}+py3langid"
    ranked: list[tuple[str, float]] = py3langid_identifier(candidates).rank(sample)
    top, probability = ranked[0]
    if len(ranked) > 1 and probability <= ranked[1][1]:
        # A tie (py3langid knows nothing of these letters, e.g. "OK" among three
        # languages) is no evidence either way.
        return Language(codes.UND, 0.0, found.candidates, backend)
    if top == codes.primary(found.code):
        if probability >= MIN_AGREED_PROBABILITY:
            return Language(found.code, found.probability, found.candidates, backend)
        return Language(codes.UND, 0.0, found.candidates, backend)
    if probability < MIN_OVERRULING_PROBABILITY:
        return Language(codes.UND, 0.0, found.candidates, backend)
    if top == "zh":
        top = _chinese_script(found, candidates)
    runners_up = [(code, round(p, 4)) for code, p in ranked[1:3] if p > 0.1 and code != "zh"]
    return Language(top, round(probability, 4), ((top, round(probability, 4)), *runners_up), backend)


def with_lingua(sample: str, candidates: tuple[str, ...], found: Language) -> Language:
    """Short text: lingua, py3langid and langdetect (``found``), all among ``candidates``, as
    three judges. Candidates lingua does not know (Nepali) leave the text to
    :func:`with_py3langid`."""
    judge = lingua_detector(candidates)
    if judge is None:
        return with_py3langid(sample, candidates, found)
    backend = f"{found.backend}+lingua"
    # lingua's names in our spelling, without script ("nb" is our "no"; one "zh").
    lingua = [
        (codes.primary(value.language.iso_code_639_1.name), float(value.value))
        for value in judge.compute_language_confidence_values(sample)
    ]
    ranked: list[tuple[str, float]] = py3langid_identifier(candidates).rank(sample)
    lingua_top = _untied_top(lingua)
    py3langid_code, py3langid_probability = _untied_top(ranked) or ("", 0.0)
    langdetect_code = codes.primary(found.code)  # lingua and py3langid have one Chinese
    seconded = lingua_top is not None and lingua_top[0] in (langdetect_code, py3langid_code)
    if seconded and lingua_top[1] >= MIN_SECONDED_CONFIDENCE:  # type: ignore[index]
        return _lingua_answer(lingua, found, candidates, backend)
    if py3langid_code == langdetect_code and py3langid_probability >= MIN_PAIR_PROBABILITY:
        return Language(found.code, found.probability, found.candidates, backend)
    if lingua_top is not None and lingua_top[1] >= MIN_LINGUA_CONFIDENCE:
        return _lingua_answer(lingua, found, candidates, backend)
    return Language(codes.UND, 0.0, found.candidates, backend)


def _untied_top(ranked: list[tuple[str, float]]) -> tuple[str, float] | None:
    """The best (language, score) of ``ranked`` (best first), or ``None`` if it ties or is 0."""
    if not ranked or ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[0][1] <= ranked[1][1]):
        return None
    return ranked[0]


def _chinese_script(found: Language, candidates: tuple[str, ...]) -> str:
    """``zh-Hans`` or ``zh-Hant`` for a judge that knows one Chinese: langdetect's preference."""
    scripts = [code for code, _ in found.candidates if code.startswith("zh-")]
    scripts += [code for code in candidates if code.startswith("zh-")]
    return scripts[0]


def _lingua_answer(
    lingua: list[tuple[str, float]], found: Language, candidates: tuple[str, ...], backend: str
) -> Language:
    """lingua's best language with its confidence, and its runner-ups above 0.1."""
    ranked = [
        (_chinese_script(found, candidates) if code == "zh" else code, round(value, 4))
        for code, value in lingua[:3]
    ]
    top = ranked[0]
    return Language(top[0], top[1], (top, *(item for item in ranked[1:] if item[1] > 0.1)), backend)
