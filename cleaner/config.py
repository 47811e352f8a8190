"""CleanerConfig: the one place that turns options (keyword arguments, a TOML table, CLI
flags) into the default pipeline. It builds steps; it is not consulted while they run."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from cleaner.pipeline import Pipeline

__all__ = ["FILTER_NAMES", "CleanerConfig", "build_pipeline"]

# The default chain, in order. Names are the steps' ``name`` attributes (stable).
FILTER_NAMES = (
    "fix_unicode",
    "related_promos",
    "captions",
    "interface_lines",
    "section_labels",
    "bylines",
    "author_bio",
    "duplicate_paragraphs",
    "body_region",
)


@dataclass(frozen=True, kw_only=True)
class CleanerConfig:
    """Options for :func:`cleaner.default_pipeline`.

    Args:
        disable: names of filters or steps to leave out (see ``FILTER_NAMES``,
            ``"detect_language"``).
        vocabulary_dirs: extra phrase folders (``<lang>/<category>.txt`` or flat
            ``<category>.txt``) added to the shipped vocabulary.
        builtin_vocabulary: ``False`` uses only ``vocabulary_dirs``.
        nbsp: ``"keep"`` no-break spaces, or turn them into ``"space"``.
        detect_language: add the :class:`~cleaner.language.DetectLanguage` step.
        language: the language options (:class:`~cleaner.language.LanguageOptions` fields:
            ``languages``, ``sample_chars``, ...).
        translate_to: add a :class:`~cleaner.translation.Translate` step into this language.
        translator: the translation provider's name (``google``, ``libre``, ...).
        translator_url: a custom endpoint for the provider.
        translation: other keyword options for ``Translate`` (``timeout``, ``cache``, ...).
        filters: keyword options per filter name, e.g. ``{"author_bio": {"tail_blocks": 6}}``.

    >>> CleanerConfig(disable=("body_region",)).pipeline().names[-2:]
    ['duplicate_paragraphs', 'detect_language']
    >>> CleanerConfig.from_mapping({"nbsp": "space", "filters": {"captions": {"window": 2}}}).nbsp
    'space'
    """

    disable: tuple[str, ...] = ()
    vocabulary_dirs: tuple[str, ...] = ()
    builtin_vocabulary: bool = True
    nbsp: Literal["keep", "space"] = "keep"
    detect_language: bool = True
    language: Mapping[str, Any] = field(default_factory=dict)
    translate_to: str | None = None
    translator: str = "google"
    translator_url: str | None = None
    translation: Mapping[str, Any] = field(default_factory=dict)
    filters: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        known = {*FILTER_NAMES, "detect_language", "translate"}
        unknown = (set(self.disable) | set(self.filters)) - known
        if unknown:
            raise ValueError(f"unknown filter or step names {sorted(unknown)}; known: {sorted(known)}")
        if self.nbsp not in ("keep", "space"):
            raise ValueError(f"nbsp must be 'keep' or 'space', got {self.nbsp!r}")
        object.__setattr__(self, "disable", tuple(self.disable))
        object.__setattr__(self, "vocabulary_dirs", tuple(str(p) for p in self.vocabulary_dirs))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> CleanerConfig:
        """Build from a plain mapping (a TOML table); unknown keys are an error."""
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"unknown configuration keys {sorted(unknown)}; known: {sorted(names)}")
        values = dict(data)
        for key in ("disable", "vocabulary_dirs"):
            if key in values:
                values[key] = tuple(values[key])
        return cls(**values)

    @classmethod
    def from_toml(cls, path: str | Path, *, table: str | None = "cleaner") -> CleanerConfig:
        """Read a TOML file; options sit in its ``[cleaner]`` table (or at the top level)."""
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - exercised on Python 3.10
            import tomli as tomllib
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
        if table and table in data:
            data = data[table]
        return cls.from_mapping(data)

    def replace(self, **changes: Any) -> CleanerConfig:
        return dataclasses.replace(self, **changes)

    def pipeline(self) -> Pipeline:
        """The configured pipeline (see :func:`build_pipeline`)."""
        return build_pipeline(self)


def build_pipeline(config: CleanerConfig | None = None) -> Pipeline:
    """Build the default chain of steps and filters for ``config``."""
    from cleaner import filters
    from cleaner.vocabulary import Vocabulary

    config = config or CleanerConfig()
    if config.vocabulary_dirs or not config.builtin_vocabulary:
        vocabulary = Vocabulary.load(extra=config.vocabulary_dirs, builtin=config.builtin_vocabulary)
    else:
        vocabulary = Vocabulary.default()
    options = {name: dict(opts) for name, opts in config.filters.items()}

    def opts(name: str, **defaults: Any) -> dict[str, Any]:
        return {**defaults, **options.get(name, {})}

    makers: dict[str, Any] = {
        "fix_unicode": lambda: filters.FixUnicode(**opts("fix_unicode", nbsp=config.nbsp)),
        "interface_lines": lambda: filters.InterfaceLines(**opts("interface_lines", vocabulary=vocabulary)),
        "section_labels": lambda: filters.SectionLabels(**opts("section_labels", vocabulary=vocabulary)),
        "bylines": lambda: filters.Bylines(**opts("bylines", vocabulary=vocabulary)),
        "author_bio": lambda: filters.AuthorBio(**opts("author_bio", vocabulary=vocabulary)),
        "related_promos": lambda: filters.RelatedPromos(**opts("related_promos", vocabulary=vocabulary)),
        "captions": lambda: filters.Captions(**opts("captions", vocabulary=vocabulary)),
        "duplicate_paragraphs": lambda: filters.DuplicateParagraphs(**opts("duplicate_paragraphs")),
        "body_region": lambda: filters.BodyRegion(**opts("body_region", vocabulary=vocabulary)),
    }
    steps: list[Any] = [makers[name]() for name in FILTER_NAMES if name not in config.disable]
    if config.detect_language and "detect_language" not in config.disable:
        from cleaner.language import DetectLanguage, LanguageOptions

        steps.append(DetectLanguage(LanguageOptions.from_mapping(config.language)))
    if config.translate_to and "translate" not in config.disable:
        from cleaner.translation import Translate

        steps.append(
            Translate(config.translate_to, provider=config.translator, url=config.translator_url, **dict(config.translation))
        )
    return Pipeline(*steps)
