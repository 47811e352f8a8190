"""LanguageOptions: every option of language detection, spelled once, with its default and
its check. Every entry point takes them: :class:`~cleaner.language.LanguageDetector`,
:func:`~cleaner.language.detect_language`, :class:`~cleaner.language.DetectLanguage` and the
configuration's ``language`` table."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from cleaner import codes
from cleaner.language.scripts import LANGDETECT_LANGUAGES

__all__ = ["Backend", "LanguageOptions", "ShortTextDetector"]

Backend = Literal["auto", "langdetect", "langdetect-rs"]
ShortTextDetector = Literal["auto", "langdetect", "py3langid", "lingua"]
BACKENDS: tuple[Backend, ...] = ("auto", "langdetect", "langdetect-rs")
SHORT_TEXT_DETECTORS: tuple[ShortTextDetector, ...] = ("auto", "langdetect", "py3langid", "lingua")


@dataclass(frozen=True, kw_only=True)
class LanguageOptions:
    """How languages are detected (see :mod:`cleaner.language.detector` for the rules).

    Args:
        languages: candidate languages (ISO 639-1 in any spelling :func:`cleaner.codes.canonical`
            reads; ``"zh"`` means both Chinese scripts), or ``None`` for all 55 that langdetect
            knows. Restricting to the languages a source can publish in removes most confusions
            (nb/da, cs/sk, uk/ru, nl/af, ro/it). Kept as a sorted tuple of our codes.
        sample_chars: characters read from each text, taken from its longest lines (see
            :func:`~cleaner.language.sample_text`); ``None`` reads everything (langdetect still
            stops at 10,000).
        min_letters: fewer letters than this in the sample gives ``"und"``; ``None`` never
            refuses for length.
        short_text_letters: a sample with fewer letters than this is *short text* and needs
            stronger evidence; ``None`` treats every text alike.
        short_text_detector: how short text is confirmed: ``"py3langid"`` (extra
            ``article-cleaner[short-text]``) combines langdetect with py3langid, ``"lingua"``
            (extra ``article-cleaner[lingua]``) adds lingua as a third judge (about 700 MB of
            models), ``"langdetect"`` needs 4 letters and ``min_short_probability``;
            ``"auto"`` is ``"lingua"`` when lingua and py3langid are installed, else
            ``"py3langid"`` when it is installed, else ``"langdetect"``.
        min_short_probability: langdetect's probability needed on short text without
            py3langid.
        backend: which implementation of langdetect runs: ``"langdetect-rs"`` (extra
            ``article-cleaner[fast]``), a Rust port with bit-identical answers, about 40 times
            faster, or ``"langdetect"``; ``"auto"`` is langdetect-rs when it is installed,
            else langdetect. The answers are the same whichever runs.
        seed: seed of langdetect's random trials; a fixed seed makes answers repeatable.
        cache_size: answers for up to this many distinct short inputs (200 characters or
            less) are remembered by each detector, so lines that repeat (bylines, bios,
            buttons) are detected once; ``None`` or 0 disables it. Answers are deterministic,
            so the cache changes speed, never results.

    >>> LanguageOptions(languages={"EN", "zh-tw"}).languages
    ('en', 'zh-Hant')
    >>> LanguageOptions.from_mapping({"sample_chars": 800}).sample_chars
    800
    """

    languages: Iterable[str] | None = None
    sample_chars: int | None = 300
    min_letters: int | None = 2
    short_text_letters: int | None = 80
    short_text_detector: ShortTextDetector = "auto"
    min_short_probability: float = 0.9
    backend: Backend = "auto"
    seed: int = 0
    cache_size: int | None = 4096

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ValueError(f"unknown backend {self.backend!r}; use {', '.join(map(repr, BACKENDS))}")
        if self.short_text_detector not in SHORT_TEXT_DETECTORS:
            raise ValueError(
                f"unknown short_text_detector {self.short_text_detector!r}; "
                f"use {', '.join(map(repr, SHORT_TEXT_DETECTORS))}"
            )
        if self.sample_chars is not None and self.sample_chars < 1:
            raise ValueError("sample_chars must be positive (or None to read everything)")
        object.__setattr__(self, "languages", _languages(self.languages))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, base: LanguageOptions | None = None) -> LanguageOptions:
        """``base`` (default: the defaults) with the options in ``data`` (a TOML table, keyword
        arguments); an unknown name is an error that lists the known ones."""
        names = [f.name for f in dataclasses.fields(cls)]
        unknown = set(data) - set(names)
        if unknown:
            raise TypeError(f"unknown language options {sorted(unknown)}; known: {', '.join(names)}")
        if base is None:
            return cls(**data)
        return dataclasses.replace(base, **data) if data else base


def _languages(languages: Iterable[str] | None) -> tuple[str, ...]:
    """Our spelling of ``languages`` (sorted, deduplicated); ``None`` means all of langdetect's."""
    if languages is None:
        return LANGDETECT_LANGUAGES
    if isinstance(languages, str):
        raise TypeError("languages must be a collection of codes, e.g. {'en', 'fr'}, not a string")
    found: set[str] = set()
    for code in languages:
        spelled = codes.expand(code)
        if not set(spelled) <= set(LANGDETECT_LANGUAGES):
            raise ValueError(f"unknown language {code!r}; known: {', '.join(LANGDETECT_LANGUAGES)}")
        found.update(spelled)
    if not found:
        raise ValueError("languages must name at least one language")
    return tuple(sorted(found))
