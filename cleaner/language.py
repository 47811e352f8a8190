"""Language detection: deterministic, honest about "und", cheap enough to run on single lines.

:class:`LanguageDetector` wraps langdetect (or its bit-identical Rust port, langdetect-rs) and,
for short text, optionally py3langid; :class:`DetectLanguage` is the pipeline step and
:func:`detect_language` the plain entry point.

How a text is judged (the thresholds come from measurement on labelled text in 55 languages,
``benchmarks/bench_language.py``, and on scraped news; see issue 2):

1. **Sample.** Only a bounded, representative sample is read (:func:`sample_text`): the
   longest lines of the text, up to ``sample_chars`` characters (300 by default). Boilerplate
   lines are short and body paragraphs long, so the sample is the article. On 374 scraped
   news pages (5.5 KB on average) and 375 labelled texts in 55 languages, samples of 200 to
   500 characters gave the same answers as the whole text; 300, 400 and 500 characters were
   3.5, 3.2 and 2.9 times faster than the whole page (CPU time). langdetect's cost grows with
   the text it reads, but about 2 ms per text is fixed, so smaller samples gain little more.
2. **Too little text.** Fewer than ``min_letters`` (2) letters in the sample gives ``"und"``.
   Han, kana and Hangul characters count as two letters (:func:`count_letters`).
3. **Scripts.** The candidates are the languages written in the scripts that hold at least a
   fifth of the sample's letters (:func:`script_languages`), within ``languages=``. One
   candidate (Greek, Hebrew, Thai, Korean, ...) is the answer without running langdetect;
   none gives ``"und"``. Otherwise langdetect runs with only the candidates' profiles: that
   makes its trials cheaper (whole articles 1.6 times faster) and Chinese can no longer come
   out as ``ko`` or ``ja`` (langdetect shares Han classes with them) without Hangul or kana.
4. **Short text**, fewer than ``short_text_letters`` (80) letters: langdetect's probability is
   a vote of 7 random trials and is overconfident here (on 1-3 words it is wrong 20% of the
   time, mostly with p > 0.99). With py3langid (extra ``article-cleaner[short-text]``), its
   bundled model, restricted to the same candidates, is combined with langdetect: when both
   name the same language, that answer stands if py3langid gives it at least 0.1; when they
   differ, py3langid's answer stands if it gives it at least 0.5 (``MIN_AGREED_PROBABILITY``,
   ``MIN_OVERRULING_PROBABILITY``); a tie in py3langid and anything else is ``"und"``. On
   1-3 word strings that gave 77.5% right, 6.5% wrong (langdetect alone on the whole text:
   79.8% right, 20.2% wrong); on sentences 98.7% right (97.9%). The thresholds were chosen
   on two other draws of 1-3 word strings (seeds 1 and 2 of the benchmark). Without
   py3langid, langdetect's answer needs at least 4 letters (below that it was wrong on 34-42%
   of inputs) and ``min_short_probability`` (0.9: all 7 trials agree), which cuts wrong
   answers on 1-3 words to about 10%.
   With lingua too (extra ``article-cleaner[lingua]``), three judges restricted to the candidates decide
   (:meth:`LanguageDetector._combine_lingua`): lingua's answer stands if langdetect or
   py3langid names it as well (lingua confidence >= 0.1); else langdetect's if py3langid
   names it with >= 0.7; else lingua's if its confidence is >= 0.5; else ``"und"``. On 1-3
   word strings: 82.1% right, 6.7% wrong (naive 79.8/20.2); seeds 1 and 2, where the
   thresholds were chosen: 81.0/7.6 and 82.5/6.6 (naive 80.2 and 79.6); sentences 99.2%.
   Cost: lingua's models for the 31 Latin-script languages take about 10 s and 700 MB to
   load (once per process, on the first short Latin text), then about 0.1-0.7 ms per text.
   lingua knows no Nepali: Devanagari text keeps the py3langid rule.
   ``short_text_detector="auto"`` (default) uses lingua when it and py3langid are installed,
   else py3langid when it is installed, else langdetect alone; ``"py3langid"`` avoids
   lingua's memory. The answer's ``backend`` says which rule answered
   (``"langdetect+lingua"``, ``"langdetect+py3langid"`` or ``"langdetect"``).
5. **Otherwise** langdetect's best language wins, with its probability and runner-ups.

Determinism: langdetect draws from ``random.Random`` instances it creates per detection and
seeds from the detector's ``seed``; this module sets that seed on every detector it creates
(``seed=0``) and never touches ``langdetect.DetectorFactory.seed`` or langdetect's module-level
factory, so other users of langdetect in the same process are unaffected, and an answer never
depends on what was detected before.

Shared state: the loaded profiles (about 0.3-0.8 s and 30 MB to load) are cached per process
in ``_MODELS``, keyed by the backend's settings, behind a lock; they are read-only once loaded.
Every :class:`LanguageDetector` with the same backend shares them, and a detector sent to a
worker process (it pickles without them) loads them there once, on first use.

Codes are ISO 639-1 as langdetect gives them, except Chinese: langdetect's ``zh-cn`` and
``zh-tw`` become the script subtags ``zh-Hans`` and ``zh-Hant`` (what the profiles really
tell apart is the script, not the country). ``languages=`` accepts either spelling and
``"zh"`` for both.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import regex

from cleaner.document import Document, Language

__all__ = [
    "LANGDETECT_LANGUAGES",
    "Backend",
    "DetectLanguage",
    "LanguageDetector",
    "ShortTextDetector",
    "count_letters",
    "detect_language",
    "sample_text",
]

Backend = Literal["langdetect", "langdetect-rs"]
ShortTextDetector = Literal["auto", "langdetect", "py3langid", "lingua"]

#: The languages langdetect's bundled profiles know, in our spelling.
LANGDETECT_LANGUAGES: tuple[str, ...] = (
    "af", "ar", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "fa", "fi",
    "fr", "gu", "he", "hi", "hr", "hu", "id", "it", "ja", "kn", "ko", "lt", "lv", "mk", "ml",
    "mr", "ne", "nl", "no", "pa", "pl", "pt", "ro", "ru", "sk", "sl", "so", "sq", "sv", "sw",
    "ta", "te", "th", "tl", "tr", "uk", "ur", "vi", "zh-Hans", "zh-Hant",
)  # fmt: skip

UND = "und"
_TO_LANGDETECT = {"zh-Hans": "zh-cn", "zh-Hant": "zh-tw"}
_TO_LINGUA = {"no": "nb", "zh-Hans": "zh", "zh-Hant": "zh"}
_FROM_LANGDETECT = {v: k for k, v in _TO_LANGDETECT.items()}
_EXTRAS = {"langdetect-rs": "fast", "py3langid": "short-text", "lingua-language-detector": "lingua"}

LETTER_RE = regex.compile(r"\p{L}")
# One character of these scripts is about a syllable or a word: it counts as two letters.
DENSE_LETTER_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# The scripts langdetect's languages are written in. A sample's candidates are the languages
# of the scripts that hold at least MIN_SCRIPT_SHARE of its letters: a language cannot be
# written in a script it does not use, langdetect itself drops a minority of Latin letters
# in other scripts (brand names, "AFP"), and fewer candidates make its trials cheaper.
SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "Latin": (
        "af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id",
        "it", "lt", "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw",
        "tl", "tr", "vi",
    ),
    "Cyrillic": ("bg", "mk", "ru", "uk"),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi", "mr", "ne"),
    "Greek": ("el",), "Hebrew": ("he",), "Thai": ("th",), "Bengali": ("bn",),
    "Gujarati": ("gu",), "Gurmukhi": ("pa",), "Kannada": ("kn",), "Malayalam": ("ml",),
    "Tamil": ("ta",), "Telugu": ("te",),
    # Han, kana and Hangul: one group, split below by which of them occur.
    "CJK": ("ja", "ko", "zh-Hans", "zh-Hant"),
}  # fmt: skip
MIN_SCRIPT_SHARE = 0.2
# Short text with py3langid (see the module docstring): agreement needs py3langid's probability
# of the language to be at least MIN_AGREED_PROBABILITY, and py3langid overrules langdetect
# when it gives its answer at least MIN_OVERRULING_PROBABILITY (even odds against the rest).
MIN_AGREED_PROBABILITY = 0.1
MIN_OVERRULING_PROBABILITY = 0.5
# Short text with lingua (see the module docstring): when langdetect and py3langid agree
# against lingua, their answer needs py3langid's probability of it to be at least
# MIN_PAIR_PROBABILITY; when nobody agrees with lingua, its answer needs its confidence to be
# at least MIN_LINGUA_CONFIDENCE. Chosen on the benchmark's 1-3 word draws with seeds 1 and 2.
MIN_PAIR_PROBABILITY = 0.7
MIN_SECONDED_CONFIDENCE = 0.1  # lingua's confidence needed when another judge agrees
MIN_LINGUA_CONFIDENCE = 0.5
# Without py3langid, langdetect alone was wrong on 34-42% of inputs with fewer letters.
_MIN_LANGDETECT_SHORT_LETTERS = 4
_SCRIPT_NAMES = tuple(SCRIPT_LANGUAGES)
SCRIPT_RE = regex.compile(
    "|".join(
        r"([\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+)" if name == "CJK" else rf"([\p{{{name}}}&&\p{{L}}]+)"
        for name in _SCRIPT_NAMES
    ),
    regex.V1,
)
NON_LATIN_LETTER_RE = regex.compile(r"[\p{L}--\p{Latin}]", regex.V1)
# langdetect maps Han characters onto classes shared with Japanese and Korean, so Chinese text
# can come out as "ko" or "ja" with p > 0.99. Korean is written in Hangul and Japanese always
# has kana: without them, those answers are impossible.
HAN_RE = regex.compile(r"\p{Han}")
HANGUL_RE = regex.compile(r"\p{Hangul}")
KANA_RE = regex.compile(r"[\p{Hiragana}\p{Katakana}]")

_CACHED_CHARS = 200  # inputs up to this long are remembered per detector (see cache_size)

_MODELS: dict[tuple[str, ...], Any] = {}
_MODELS_LOCK = threading.RLock()  # re-entrant: a restricted model loads the full one


def _cached(key: tuple[str, ...], load: Any) -> Any:
    """The per-process model for ``key``, loading it with ``load()`` the first time."""
    model = _MODELS.get(key)
    if model is None:
        with _MODELS_LOCK:
            model = _MODELS.get(key)
            if model is None:
                model = _MODELS[key] = load()
    return model


def _missing(package: str) -> ImportError:
    extra = _EXTRAS[package]
    return ImportError(f"{package} is not installed; install it with: pip install 'article-cleaner[{extra}]'")


def _langdetect_factory(backend: Backend, languages: tuple[str, ...] | None = None) -> Any:
    """The backend's detector factory with all profiles, or only those of ``languages`` (2+).

    A factory with fewer profiles runs the same algorithm on shorter probability vectors, so
    its trials are cheaper. Both backends load the same profile files (langdetect's) in the
    same order, so their results stay identical.
    """

    def factory_class() -> Any:
        if backend == "langdetect-rs":
            try:
                from langdetect_rs.detector_factory import DetectorFactory
            except ImportError as error:
                raise _missing("langdetect-rs") from error
            return DetectorFactory
        from langdetect.detector_factory import DetectorFactory

        return DetectorFactory

    def load_all() -> Any:
        factory = factory_class()()
        if backend == "langdetect-rs":
            from langdetect_rs.detector_factory import PROFILES_DIRECTORY
        else:
            from langdetect.detector_factory import PROFILES_DIRECTORY
        factory.load_profile(PROFILES_DIRECTORY)
        return factory

    def load_some() -> Any:
        from langdetect.detector_factory import PROFILES_DIRECTORY

        factory = factory_class()()
        names = sorted(_TO_LANGDETECT.get(code, code) for code in languages or ())
        directory = Path(PROFILES_DIRECTORY)
        factory.load_json_profile([(directory / name).read_text(encoding="utf-8") for name in names])
        return factory

    if languages is None:
        return _cached(("langdetect", backend), load_all)
    return _cached(("langdetect", backend, *languages), load_some)


def _py3langid_identifier(languages: tuple[str, ...]) -> Any:
    """py3langid's bundled model with normalized probabilities, restricted to ``languages``."""

    def load_full() -> Any:
        try:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier
        except ImportError as error:
            raise _missing("py3langid") from error
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def load_restricted() -> Any:
        import copy

        identifier = copy.copy(_cached(("py3langid",), load_full))
        known = set(identifier.nb_classes)
        wanted = {code.split("-")[0] for code in languages}  # zh-Hans, zh-Hant: py3langid's "zh"
        identifier.set_languages(sorted(wanted & known))
        return identifier

    return _cached(("py3langid", *languages), load_restricted)


def _lingua_detector(languages: tuple[str, ...]) -> Any:
    """lingua's detector (high accuracy) for ``languages``, or ``None`` if it lacks one of them.

    lingua knows neither Nepali nor Kannada nor Malayalam: among Devanagari candidates it
    would call Nepali Hindi (measured: 20 of 55 Nepali 1-3 word strings), so such candidate
    sets are left to py3langid. lingua loads a language's models on first use and keeps
    them per process, shared by all its detectors: about 700 MB and 10 s for the 31
    Latin-script languages. :meth:`LanguageDetector.load` loads them by detecting a word.
    """

    def load() -> Any:
        try:
            from lingua import IsoCode639_1, LanguageDetectorBuilder
        except ImportError as error:
            raise _missing("lingua-language-detector") from error
        codes = sorted({_TO_LINGUA.get(code, code).upper() for code in languages})
        if not all(hasattr(IsoCode639_1, code) for code in codes):
            return False  # cached as "no detector" (None would mean "not loaded yet")
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*(getattr(IsoCode639_1, c) for c in codes))
        # Not with_preloaded_language_models(): it loads on a thread pool that a forked
        # child inherits dead (a worker process that builds another detector would hang).
        return builder.build()

    return _cached(("lingua", *languages), load) or None


def _installed(module: str) -> bool:
    """Whether ``module`` can be imported (checked once per process)."""
    found = _MODELS.get(("installed", module))
    if found is None:
        import importlib.util

        found = _MODELS[("installed", module)] = importlib.util.find_spec(module) is not None
    return bool(found)


def _normalize_codes(languages: Iterable[str] | None) -> tuple[str, ...]:
    """Our spelling of ``languages`` (sorted, deduplicated); ``None`` means all of langdetect's."""
    if languages is None:
        return LANGDETECT_LANGUAGES
    if isinstance(languages, str):
        raise TypeError("languages must be a collection of codes, e.g. {'en', 'fr'}, not a string")
    codes: set[str] = set()
    for code in languages:
        lowered = code.strip().lower()
        if lowered == "zh":
            codes.update(("zh-Hans", "zh-Hant"))
            continue
        spelled = _FROM_LANGDETECT.get(
            lowered, {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}.get(lowered, lowered)
        )
        if spelled not in LANGDETECT_LANGUAGES:
            raise ValueError(f"unknown language {code!r}; known: {', '.join(LANGDETECT_LANGUAGES)}")
        codes.add(spelled)
    if not codes:
        raise ValueError("languages must name at least one language")
    return tuple(sorted(codes))


def script_languages(sample: str) -> tuple[str, ...]:
    """langdetect's languages written in the scripts that hold a fifth of ``sample``'s letters.

    Han, kana and Hangul letters count double (as in :func:`count_letters`) and form one
    group, from which Japanese needs kana, Korean Hangul and Chinese Han. Letters of scripts
    none of langdetect's languages use count in the total, so text written in them has no
    candidates.

    >>> script_languages("Москва")
    ('bg', 'mk', 'ru', 'uk')
    >>> len(script_languages("Der Konzern Газпром")), len(script_languages("Акции Газпрома, AG"))
    (35, 4)
    >>> script_languages("東京都"), script_languages("東京です"), script_languages("Ծիծեռնակ")
    (('zh-Hans', 'zh-Hant'), ('ja', 'zh-Hans', 'zh-Hant'), ())
    """
    if not NON_LATIN_LETTER_RE.search(sample):
        return SCRIPT_LANGUAGES["Latin"] if LETTER_RE.search(sample) else ()
    counts = [0] * len(_SCRIPT_NAMES)
    for match in SCRIPT_RE.finditer(sample):
        counts[match.lastindex - 1] += len(match.group())  # type: ignore[operator]
    counts[-1] *= 2  # CJK letters count double
    least = MIN_SCRIPT_SHARE * count_letters(sample)
    found: list[str] = []
    for name, count in zip(_SCRIPT_NAMES, counts):
        if count and count >= least:
            if name != "CJK":
                found += SCRIPT_LANGUAGES[name]
                continue
            if HAN_RE.search(sample):
                found += ("zh-Hans", "zh-Hant")
            if KANA_RE.search(sample):
                found.append("ja")
            if HANGUL_RE.search(sample):
                found.append("ko")
    return tuple(sorted(found))


def count_letters(text: str) -> int:
    """Letters in ``text``, Han, kana and Hangul counting double.

    >>> count_letters("Voir aussi"), count_letters("東京都"), count_letters("2024 !")
    (9, 6, 0)
    """
    return len(LETTER_RE.findall(text)) + len(DENSE_LETTER_RE.findall(text))


def sample_text(text: str, max_chars: int | None) -> str:
    """A representative sample of ``text``: its longest lines, up to ``max_chars`` characters.

    Whitespace runs become single spaces and lines are joined with newlines (not counted). A
    text within the budget comes back whole; ``None`` disables the budget. Otherwise the
    budget goes to the longest lines, at most a third of it to each at first, so that the
    sample spans several paragraphs when the text has them: one long quote in another
    language (an embedded tweet, a pull quote) cannot fill it alone. Lines shorter than a
    quarter of that share (menus, share buttons, credits) come last. Budget left over goes to
    the chosen lines, then to the short ones. Lines are cut at a word boundary and kept in
    reading order.

    >>> text = ("Menu\\nThe minister presented the reform to parliament on Tuesday.\\n"
    ...         "Share\\nOpposition parties said they would vote against it.")
    >>> sample_text(text, 100)
    'The minister presented the reform to parliament on Tuesday.\\nOpposition parties said they would vote'
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    whole = "\n".join(lines)
    if max_chars is None or len(whole) <= max_chars:
        return whole
    per_line = max(max_chars // 3, 1)
    ranked = sorted(range(len(lines)), key=lambda i: (-len(lines[i]), i))
    allowed: dict[int, int] = {}
    left = max_chars
    # Paragraph-like lines first (menus and buttons are far shorter than a third of the
    # budget), then longer pieces of the same lines, then whatever else fits.
    for i in [i for i in ranked if len(lines[i]) >= per_line // 4] or ranked[:1]:
        if left < max(per_line // 4, 1):
            break
        allowed[i] = min(per_line, len(lines[i]), left)
        left -= allowed[i]
    for i in list(allowed):
        extra = min(len(lines[i]) - allowed[i], left)
        allowed[i] += extra
        left -= extra
    for i in ranked:
        if i not in allowed and len(lines[i]) <= left:
            allowed[i] = len(lines[i])
            left -= allowed[i]
    return "\n".join(_cut(lines[i], allowed[i]) for i in sorted(allowed))


def _cut(line: str, limit: int) -> str:
    """``line`` cut to at most ``limit`` characters, at the last space if there is one late enough."""
    if len(line) <= limit:
        return line
    space = line.rfind(" ", 0, limit + 1)
    return line[:space] if space > limit // 2 else line[:limit]


class LanguageDetector:
    """Detects the language of a text; deterministic, and ``"und"`` when it cannot tell.

    Args:
        languages: candidate languages (ISO 639-1; ``"zh"`` means both Chinese scripts), or
            ``None`` for all 55 that langdetect knows. Restricting to the languages a source
            can publish in removes most confusions (nb/da, cs/sk, uk/ru, nl/af, ro/it).
        sample_chars: characters read from each text, taken from its longest lines (see
            :func:`sample_text`); ``None`` reads everything (langdetect still stops at 10,000).
        min_letters: fewer letters than this in the sample gives ``"und"``; ``None`` never
            refuses for length.
        short_text_letters: a sample with fewer letters than this is *short text* and needs
            stronger evidence (see the module docstring); ``None`` treats every text alike.
        short_text_detector: how short text is confirmed (see the module docstring):
            ``"py3langid"`` (extra ``article-cleaner[short-text]``) combines langdetect with
            py3langid, ``"lingua"`` (extra ``article-cleaner[lingua]``) adds lingua as a third judge (about 700 MB of
            models), ``"langdetect"`` needs 4 letters and ``min_short_probability``;
            ``"auto"`` (default) is ``"lingua"`` when lingua and py3langid are installed, else
            ``"py3langid"`` when it is installed, else ``"langdetect"``.
        min_short_probability: langdetect's probability needed on short text without
            py3langid.
        backend: ``"langdetect"`` (default) or ``"langdetect-rs"`` (extra
            ``article-cleaner[fast]``), a Rust port with bit-identical results, about 40 times
            faster.
        seed: seed of langdetect's random trials; a fixed seed makes answers repeatable.
        cache_size: answers for up to this many distinct short inputs (200 characters or
            less) are remembered by this detector, so lines that repeat (bylines, bios,
            buttons) are detected once; ``None`` or 0 disables it. Answers are deterministic,
            so the cache changes speed, never results.

    The detector holds no loaded model: it pickles small (without its cache) and loads (or
    reuses) the per-process models on first use, so it can be sent to worker processes.

    >>> detector = LanguageDetector(languages={"en", "fr", "de"})
    >>> detector.detect("Le gouvernement a annoncé mardi une nouvelle réforme des retraites.").code
    'fr'
    >>> detector.detect("OK").code
    'und'
    """

    def __init__(
        self,
        *,
        languages: Iterable[str] | None = None,
        sample_chars: int | None = 300,
        min_letters: int | None = 2,
        short_text_letters: int | None = 80,
        short_text_detector: ShortTextDetector = "auto",
        min_short_probability: float = 0.9,
        backend: Backend = "langdetect",
        seed: int = 0,
        cache_size: int | None = 4096,
    ) -> None:
        if backend not in ("langdetect", "langdetect-rs"):
            raise ValueError(f"unknown backend {backend!r}; use 'langdetect' or 'langdetect-rs'")
        if short_text_detector not in ("auto", "langdetect", "py3langid", "lingua"):
            raise ValueError(
                f"unknown short_text_detector {short_text_detector!r}; "
                "use 'auto', 'langdetect', 'py3langid' or 'lingua'"
            )
        if sample_chars is not None and sample_chars < 1:
            raise ValueError("sample_chars must be positive (or None to read everything)")
        self.languages = _normalize_codes(languages)
        self.sample_chars = sample_chars
        self.min_letters = min_letters
        self.short_text_letters = short_text_letters
        self.short_text_detector: ShortTextDetector = short_text_detector
        self.min_short_probability = min_short_probability
        self.backend: Backend = backend
        self.seed = seed
        self.cache_size = cache_size
        self._cache: OrderedDict[str, Language] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._allowed = frozenset(self.languages)

    def __repr__(self) -> str:
        options = ", ".join(f"{k}={v!r}" for k, v in self._options().items())
        return f"LanguageDetector({options})"

    def _options(self) -> dict[str, Any]:
        return {
            "languages": self.languages,
            "sample_chars": self.sample_chars,
            "min_letters": self.min_letters,
            "short_text_letters": self.short_text_letters,
            "short_text_detector": self.short_text_detector,
            "min_short_probability": self.min_short_probability,
            "backend": self.backend,
            "seed": self.seed,
            "cache_size": self.cache_size,
        }

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LanguageDetector) and self._options() == other._options()

    def __hash__(self) -> int:
        return hash(tuple(self._options().items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._options(),))

    def load(self) -> LanguageDetector:
        """Load the models now (they load on first use otherwise); returns ``self``."""
        _langdetect_factory(self.backend)
        for languages in SCRIPT_LANGUAGES.values():
            candidates = tuple(c for c in languages if c in self._allowed)
            if len(candidates) > 1:
                _langdetect_factory(self.backend, candidates)
        judge = self._short_text_judge()
        if judge != "langdetect":
            _py3langid_identifier(self.languages)
        if judge == "lingua":
            for script, languages in SCRIPT_LANGUAGES.items():
                candidates = tuple(c for c in languages if c in self._allowed)
                lingua = _lingua_detector(candidates) if len(candidates) > 1 else None
                if lingua is not None:  # lingua loads the models of the text's script
                    lingua.compute_language_confidence_values(_SCRIPT_SAMPLES.get(script, "text"))
        return self

    def sample(self, text: str) -> str:
        """The part of ``text`` that is read (see :func:`sample_text`)."""
        return sample_text(text, self.sample_chars)

    def detect(self, text: str) -> Language:
        """The language of ``text``, or ``"und"`` when there is too little to tell.

        >>> LanguageDetector().detect("Der Bundestag hat am Donnerstag das neue Gesetz beschlossen.").code
        'de'
        """
        if not self.cache_size or len(text) > _CACHED_CHARS:
            return self._detect(text)
        with self._cache_lock:
            found = self._cache.get(text)
            if found is not None:
                self._cache.move_to_end(text)
                return found
        found = self._detect(text)
        with self._cache_lock:
            self._cache[text] = found
            if len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return found

    def _detect(self, text: str) -> Language:
        sample = self.sample(text)
        letters = count_letters(sample)
        if self.min_letters is not None and letters < self.min_letters:
            return Language(UND, 0.0, (), self.backend)
        candidates = self.candidates(sample)
        if len(candidates) < 2:
            # The scripts decide: one language is possible, or none.
            if not candidates:
                return Language(UND, 0.0, (), self.backend)
            return Language(candidates[0], 1.0, ((candidates[0], 1.0),), self.backend)
        short = self.short_text_letters is not None and letters < self.short_text_letters
        found = self._run_langdetect(sample, candidates)
        if not short or not found.is_known:
            return found
        judge = self._short_text_judge()
        if judge == "lingua":
            return self._combine_lingua(sample, candidates, found)
        if judge == "py3langid":
            return self._combine_short(sample, candidates, found)
        too_few = self.min_letters is not None and letters < _MIN_LANGDETECT_SHORT_LETTERS
        if too_few or found.probability < self.min_short_probability:
            return Language(UND, 0.0, found.candidates, found.backend)
        return found

    def candidates(self, sample: str) -> tuple[str, ...]:
        """The allowed languages that the scripts of ``sample`` permit (see :func:`script_languages`)."""
        return tuple(code for code in script_languages(sample) if code in self._allowed)

    def _short_text_judge(self) -> Literal["langdetect", "py3langid", "lingua"]:
        """What confirms short text: ``short_text_detector`` with ``"auto"`` resolved."""
        if self.short_text_detector != "auto":
            return self.short_text_detector
        if _installed("py3langid"):
            return "lingua" if _installed("lingua") else "py3langid"
        return "langdetect"

    def _run_langdetect(self, sample: str, candidates: tuple[str, ...]) -> Language:
        if len({_SCRIPT_OF[code] for code in candidates}) == 1:
            # The usual case: a factory with only these profiles (cached per process).
            factory = _langdetect_factory(self.backend, candidates)
            priors = None
        else:
            # Text in several scripts (rare): all profiles, the others weighted 0.
            factory = _langdetect_factory(self.backend)
            priors = {_TO_LANGDETECT.get(code, code): 1.0 for code in candidates}
        detector = factory.create()
        # The seed is read by the detector itself; the shared factory is never changed.
        detector.seed = self.seed
        if priors is not None:
            detector.set_prior_map(priors)
        detector.append(sample)
        try:
            ranked = detector.get_probabilities()
        except Exception as error:  # LangDetectException of either backend: no features
            if type(error).__name__ != "LangDetectException":
                raise
            return Language(UND, 0.0, (), self.backend)
        if not ranked:
            return Language(UND, 0.0, (), self.backend)
        found = tuple((_FROM_LANGDETECT.get(r.lang, r.lang), round(r.prob, 4)) for r in ranked)
        return Language(found[0][0], found[0][1], found, self.backend)

    def _combine_short(self, sample: str, candidates: tuple[str, ...], found: Language) -> Language:
        """Short text: langdetect's answer and py3langid's, both among ``candidates``, together.

        py3langid must prefer its answer strictly (a tie is ``"und"``). Agreement stands if
        py3langid gives the language at least MIN_AGREED_PROBABILITY; on disagreement
        py3langid's answer stands if it reaches MIN_OVERRULING_PROBABILITY; anything else is
        ``"und"`` (see the module docstring for the measurements).
        """
        backend = f"{self.backend}+py3langid"
        ranked: list[tuple[str, float]] = _py3langid_identifier(candidates).rank(sample)
        top, probability = ranked[0]
        if len(ranked) > 1 and probability <= ranked[1][1]:
            # A tie (py3langid knows nothing of these letters, e.g. "OK" among three
            # languages) is no evidence either way.
            return Language(UND, 0.0, found.candidates, backend)
        if top == found.code.split("-")[0]:
            if probability >= MIN_AGREED_PROBABILITY:
                return Language(found.code, found.probability, found.candidates, backend)
            return Language(UND, 0.0, found.candidates, backend)
        if probability < MIN_OVERRULING_PROBABILITY:
            return Language(UND, 0.0, found.candidates, backend)
        if top == "zh":
            top = _chinese_script(found, candidates)
        runners_up = [(code, round(p, 4)) for code, p in ranked[1:3] if p > 0.1 and code != "zh"]
        return Language(top, round(probability, 4), ((top, round(probability, 4)), *runners_up), backend)


    def _combine_lingua(self, sample: str, candidates: tuple[str, ...], found: Language) -> Language:
        """Short text: lingua, py3langid and langdetect, all among ``candidates``, as three judges.

        lingua's answer stands if langdetect or py3langid names the same language and lingua
        gives it at least MIN_SECONDED_CONFIDENCE; else
        langdetect's answer stands if py3langid names it too with at least
        MIN_PAIR_PROBABILITY; else lingua's answer stands if its confidence reaches
        MIN_LINGUA_CONFIDENCE; anything else is ``"und"``. A judge whose best languages tie
        has no answer. Candidates lingua does not know (Nepali) leave the text to
        :meth:`_combine_short`.
        """
        judge = _lingua_detector(candidates)
        if judge is None:
            return self._combine_short(sample, candidates, found)
        backend = f"{self.backend}+lingua"
        lingua: list[tuple[str, float]] = []
        for value in judge.compute_language_confidence_values(sample):
            code = value.language.iso_code_639_1.name.lower()
            lingua.append(({"nb": "no"}.get(code, code), float(value.value)))
        ranked: list[tuple[str, float]] = _py3langid_identifier(candidates).rank(sample)
        lingua_top = _untied_top(lingua)
        py3langid_code, py3langid_probability = _untied_top(ranked) or ("", 0.0)
        langdetect_code = found.code.split("-")[0]  # lingua and py3langid have one Chinese
        seconded = lingua_top is not None and lingua_top[0] in (langdetect_code, py3langid_code)
        if seconded and lingua_top[1] >= MIN_SECONDED_CONFIDENCE:  # type: ignore[index]
            return _lingua_answer(lingua, found, candidates, backend)
        if py3langid_code == langdetect_code and py3langid_probability >= MIN_PAIR_PROBABILITY:
            return Language(found.code, found.probability, found.candidates, backend)
        if lingua_top is not None and lingua_top[1] >= MIN_LINGUA_CONFIDENCE:
            return _lingua_answer(lingua, found, candidates, backend)
        return Language(UND, 0.0, found.candidates, backend)


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


# A word in each script with several candidates, to make lingua load their models.
_SCRIPT_SAMPLES = {"Cyrillic": "текст", "Arabic": "متن", "Devanagari": "पाठ", "CJK": "文字と한글"}
_SCRIPT_OF = {code: name for name, codes in SCRIPT_LANGUAGES.items() for code in codes}


def _rebuild(options: dict[str, Any]) -> LanguageDetector:
    return LanguageDetector(**options)


def detect_language(
    text: str,
    *,
    languages: Iterable[str] | None = None,
    sample_chars: int | None = 300,
    min_letters: int | None = 2,
    short_text_letters: int | None = 80,
    short_text_detector: ShortTextDetector = "auto",
    backend: Backend = "langdetect",
    seed: int = 0,
) -> Language:
    """The language of ``text``; the options are :class:`LanguageDetector`'s.

    >>> detect_language("Il governo ha approvato ieri sera il decreto sulle bollette.").code
    'it'
    >>> detect_language("Стоимость нефти выросла на фоне новостей из Персидского залива.").code
    'ru'
    >>> detect_language("北京市政府周一宣布了新的交通管理措施。").code
    'zh-Hans'
    >>> detect_language("...").code
    'und'
    """
    detector = LanguageDetector(
        languages=languages,
        sample_chars=sample_chars,
        min_letters=min_letters,
        short_text_letters=short_text_letters,
        short_text_detector=short_text_detector,
        backend=backend,
        seed=seed,
    )
    return detector.detect(text)


class DetectLanguage:
    """Pipeline step: sets ``doc.language`` from the document's surviving text.

    Args:
        detector: the :class:`LanguageDetector` to use; by default one is built from the
            other options (which are then :class:`LanguageDetector`'s). Pass one detector to
            several steps or filters to share its settings.

    >>> step = DetectLanguage(languages={"en", "de"})
    >>> doc = step(Document.from_text("Menu\\n\\nDie Regierung hat am Montag neue Regeln vorgestellt."))
    >>> doc.language.code
    'de'
    """

    name = "detect_language"

    def __init__(
        self,
        *,
        detector: LanguageDetector | None = None,
        languages: Iterable[str] | None = None,
        sample_chars: int | None = 300,
        min_letters: int | None = 2,
        short_text_letters: int | None = 80,
        short_text_detector: ShortTextDetector = "auto",
        backend: Backend = "langdetect",
        seed: int = 0,
    ) -> None:
        self.detector = detector or LanguageDetector(
            languages=languages,
            sample_chars=sample_chars,
            min_letters=min_letters,
            short_text_letters=short_text_letters,
            short_text_detector=short_text_detector,
            backend=backend,
            seed=seed,
        )

    def __repr__(self) -> str:
        return f"DetectLanguage(detector={self.detector!r})"

    def __call__(self, doc: Document) -> Document:
        return doc.replace(language=self.detector.detect(doc.text))
