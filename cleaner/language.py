"""Language detection with langdetect, deterministic and without global state.

(Minimal version; issue 2 extends it.)
"""

from __future__ import annotations

import threading
from typing import Any

import regex

from cleaner.document import Language

__all__ = ["LanguageDetector", "detect_language"]

LETTER_RE = regex.compile(r"\p{L}")


class LanguageDetector:
    """Detects languages with a private, seeded langdetect factory (profiles load lazily)."""

    def __init__(self, *, min_letters: int = 20, seed: int = 0) -> None:
        self.min_letters = min_letters
        self.seed = seed
        self._factory: Any = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"min_letters": self.min_letters, "seed": self.seed}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def _get_factory(self) -> Any:
        with self._lock:
            if self._factory is None:
                from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

                factory = DetectorFactory()
                factory.load_profile(PROFILES_DIRECTORY)
                factory.set_seed(self.seed)
                self._factory = factory
            return self._factory

    def detect(self, text: str) -> Language:
        if len(LETTER_RE.findall(text[:20000])) < self.min_letters:
            return Language("und", 0.0, (), "langdetect")
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._get_factory().create()
        detector.append(text)
        try:
            probs = detector.get_probabilities()
        except LangDetectException:
            return Language("und", 0.0, (), "langdetect")
        if not probs:
            return Language("und", 0.0, (), "langdetect")
        candidates = tuple((p.lang, round(p.prob, 4)) for p in probs)
        return Language(probs[0].lang, round(probs[0].prob, 4), candidates, "langdetect")


def detect_language(text: str) -> Language:
    """Detect the language of ``text`` (see :class:`LanguageDetector`)."""
    return LanguageDetector().detect(text)
