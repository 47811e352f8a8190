"""LanguageDetector: the language of a text, deterministic, and ``"und"`` when there is too
little to tell.

How a text is judged (thresholds are :class:`~cleaner.language.LanguageOptions`; what they
give is measured in the README's Language section):

1. **Sample.** Only a bounded sample is read (:func:`~cleaner.language.sample_text`): the
   longest lines of the text, up to ``sample_chars`` characters (300 by default). Boilerplate
   lines are short and body paragraphs long, so the sample is the article.
2. **Too little text.** Fewer than ``min_letters`` (2) letters in the sample gives ``"und"``.
   Han, kana and Hangul characters count as two letters.
3. **Scripts.** The candidates are the languages written in the scripts that hold at least a
   fifth of the sample's letters (:func:`~cleaner.language.scripts.script_languages`),
   within ``languages``. One candidate (Greek, Hebrew, Thai, ...) is the answer without
   running langdetect; none gives ``"und"``. Otherwise langdetect runs with only the
   candidates' profiles: its trials are cheaper, and Chinese cannot come out as ``ko`` or
   ``ja`` (langdetect shares Han classes with them) without Hangul or kana.
4. **Short text**, fewer than ``short_text_letters`` (80) letters: langdetect's probability is
   a vote of 7 random trials and is overconfident there, so a short-text judge confirms it
   (:mod:`cleaner.language.judges`: py3langid, and lingua as a third). Without one,
   langdetect's answer needs 4 letters and ``min_short_probability``.
5. **Otherwise** langdetect's best language wins, with its probability and runner-ups.

The answer's ``backend`` says which rule answered: ``"langdetect"``,
``"langdetect+py3langid"`` or ``"langdetect+lingua"``, whichever implementation of langdetect
ran (``backend="auto"``: langdetect-rs when it is installed); their answers are identical.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from cleaner import codes
from cleaner.document import Language
from cleaner.language.backends import RULE, Implementation, langdetect_factory, resolve, run_langdetect
from cleaner.language.judges import (
    judge_for,
    lingua_detector,
    preload_lingua,
    py3langid_identifier,
    with_lingua,
    with_py3langid,
)
from cleaner.language.options import LanguageOptions
from cleaner.language.sample import sample_text
from cleaner.language.scripts import SCRIPT_LANGUAGES, count_letters, script_languages

__all__ = ["LanguageDetector"]

_CACHED_CHARS = 200  # inputs up to this long are remembered per detector (see cache_size)
# Without a short-text judge, langdetect alone is too often wrong on fewer letters.
_MIN_LANGDETECT_SHORT_LETTERS = 4


class LanguageDetector:
    """Detects the language of a text; deterministic, and ``"und"`` when it cannot tell.

    Args:
        options: a :class:`~cleaner.language.LanguageOptions` (default: the defaults);
            keyword arguments change single options of it (``languages={"en", "fr"}``).

    The detector holds no loaded model: it pickles small (without its cache) and loads (or
    reuses) the per-process models on first use, so it can be sent to worker processes.

    >>> detector = LanguageDetector(languages={"en", "fr", "de"})
    >>> detector.detect("Le gouvernement a annoncé mardi une nouvelle réforme des retraites.").code
    'fr'
    >>> detector.detect("OK").code
    'und'
    """

    def __init__(self, options: LanguageOptions | None = None, /, **changes: Any) -> None:
        self.options = LanguageOptions.from_mapping(changes, base=options)
        self.languages: tuple[str, ...] = tuple(self.options.languages or ())
        self._allowed = frozenset(self.languages)
        self._cache: OrderedDict[str, Language] = OrderedDict()
        self._cache_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"LanguageDetector({self.options!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LanguageDetector) and self.options == other.options

    def __hash__(self) -> int:
        return hash(self.options)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LanguageDetector, (self.options,))

    @property
    def backend(self) -> Implementation:
        """The implementation of langdetect that runs (``"auto"`` resolved)."""
        return resolve(self.options.backend)

    def load(self) -> LanguageDetector:
        """Load the models now (they load on first use otherwise); returns ``self``."""
        backend = self.backend
        langdetect_factory(backend)
        groups = {script: self._restrict(languages) for script, languages in SCRIPT_LANGUAGES.items()}
        for candidates in groups.values():
            if len(candidates) > 1:
                langdetect_factory(backend, candidates)
        judge = judge_for(self.options.short_text_detector)
        if judge != "langdetect":
            py3langid_identifier(self.languages)
        if judge == "lingua":
            for script, candidates in groups.items():
                lingua = lingua_detector(candidates) if len(candidates) > 1 else None
                if lingua is not None:  # lingua loads the models of the text's script
                    preload_lingua(lingua, script)
        return self

    def sample(self, text: str) -> str:
        """The part of ``text`` that is read (see :func:`~cleaner.language.sample_text`)."""
        return sample_text(text, self.options.sample_chars)

    def detect(self, text: str) -> Language:
        """The language of ``text``, or ``"und"`` when there is too little to tell.

        >>> LanguageDetector().detect("Der Bundestag hat am Donnerstag das neue Gesetz beschlossen.").code
        'de'
        """
        cache_size = self.options.cache_size
        if not cache_size or len(text) > _CACHED_CHARS:
            return self._detect(text)
        with self._cache_lock:
            found = self._cache.get(text)
            if found is not None:
                self._cache.move_to_end(text)
                return found
        found = self._detect(text)
        with self._cache_lock:
            self._cache[text] = found
            if len(self._cache) > cache_size:
                self._cache.popitem(last=False)
        return found

    def candidates(self, sample: str) -> tuple[str, ...]:
        """The allowed languages that the scripts of ``sample`` permit."""
        return self._restrict(script_languages(sample))

    def _restrict(self, languages: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(code for code in languages if code in self._allowed)

    def _detect(self, text: str) -> Language:
        options = self.options
        sample = self.sample(text)
        letters = count_letters(sample)
        if options.min_letters is not None and letters < options.min_letters:
            return Language(codes.UND, 0.0, (), RULE)
        candidates = self.candidates(sample)
        if len(candidates) < 2:
            # The scripts decide: one language is possible, or none.
            if not candidates:
                return Language(codes.UND, 0.0, (), RULE)
            return Language(candidates[0], 1.0, ((candidates[0], 1.0),), RULE)
        short = options.short_text_letters is not None and letters < options.short_text_letters
        found = self._run_langdetect(sample, candidates)
        if not short or not found.is_known:
            return found
        judge = judge_for(options.short_text_detector)
        if judge == "lingua":
            return with_lingua(sample, candidates, found)
        if judge == "py3langid":
            return with_py3langid(sample, candidates, found)
        too_few = options.min_letters is not None and letters < _MIN_LANGDETECT_SHORT_LETTERS
        if too_few or found.probability < options.min_short_probability:
            return Language(codes.UND, 0.0, found.candidates, found.backend)
        return found

    def _run_langdetect(self, sample: str, candidates: tuple[str, ...]) -> Language:
        return run_langdetect(sample, candidates, backend=self.backend, seed=self.options.seed)
