"""CleanerConfig: the one place that turns options (keyword arguments, a TOML table, CLI
flags) into the default pipeline. It builds steps; it is not consulted while they run."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
import sys
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from cleaner.options import ConfigError, check_keys, check_value, parameters
from cleaner.pipeline import Pipeline

__all__ = ["FILTER_NAMES", "MODE_OPTIONS", "STEP_NAMES", "CleanerConfig", "ConfigError", "Mode", "build_pipeline"]

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
# The class of each filter above, in cleaner.filters (its constructor takes the filter's options).
FILTER_CLASSES = {
    "fix_unicode": "FixUnicode",
    "related_promos": "RelatedPromos",
    "captions": "Captions",
    "interface_lines": "InterfaceLines",
    "section_labels": "SectionLabels",
    "bylines": "Bylines",
    "author_bio": "AuthorBio",
    "duplicate_paragraphs": "DuplicateParagraphs",
    "body_region": "BodyRegion",
}
# Names ``disable`` accepts.
STEP_NAMES = (*FILTER_NAMES, "detect_language", "translate")
# Constructor arguments the pipeline passes itself; not options.
_PROVIDED = ("vocabulary",)


Mode = Literal["precise", "balanced", "thorough"]

# What each mode changes in the filters' options (``CleanerConfig.filters`` overrides these).
# "balanced" keeps the article: structure next to the text (lists, tables, data, entries) and
# long paragraphs stay, and only evidence removes prose. "precise" removes more boilerplate
# at the cost of article lines that do not read like prose (the behaviour before structure
# was understood): like trafilatura's favor_precision. "thorough" keeps every paragraph that
# position alone would remove, and every line a table or list could hold: like favor_recall.
MODE_OPTIONS: dict[str, dict[str, dict[str, Any]]] = {
    "precise": {
        "body_region": {"structure": False, "min_long_words": None},
        "duplicate_paragraphs": {"min_paragraph_words": 0},
    },
    "balanced": {},
    "thorough": {
        "body_region": {"drop_outside_prose": False, "min_region_share": 0.0, "min_long_words": 25},
        "captions": {"pull_quotes": False},
    },
}


@dataclass(frozen=True, kw_only=True)
class CleanerConfig:
    """Options for :func:`cleaner.default_pipeline`.

    Args:
        mode: ``"balanced"`` (keeps the article), ``"precise"`` (removes more boilerplate,
            and some article lines with it) or ``"thorough"`` (keeps more); see ``MODE_OPTIONS``.
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

    Every option is checked when the configuration is made, at every depth (names with a
    "did you mean", types, ranges): a wrong one raises :class:`~cleaner.options.ConfigError`
    (a ``ValueError`` and a ``TypeError``) naming the key and the value. A single string is
    accepted where a list of names is expected (``disable="body_region"``).

    >>> CleanerConfig(filters={"captions": {"window": "x"}})
    Traceback (most recent call last):
    ...
    cleaner.options.ConfigError: filters.captions.window: expected an integer, got 'x' (a string)
    """

    mode: Mode = "balanced"
    disable: tuple[str, ...] = ()
    vocabulary_dirs: tuple[str | os.PathLike[str], ...] = ()
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
        # Every option is checked here, at every depth, so that a wrong one stops the caller
        # before any work: its name (with a "did you mean"), its type (from the annotations
        # of this class and of the steps that take it) and its range. See cleaner.options.
        for name, annotation in _field_types(cast(Any, type(self))).items():
            if name in ("language", "translation", "filters"):
                annotation = Mapping  # their contents are checked below, key by key
            value = check_value(name, getattr(self, name), annotation)
            if name in ("disable", "vocabulary_dirs"):
                value = tuple(value) if name == "disable" else tuple(os.fspath(p) for p in value)
            object.__setattr__(self, name, value)
        check_keys(self.disable, STEP_NAMES, what="filter or step name in disable:", where="")
        object.__setattr__(self, "filters", _checked_filters(self.filters))
        if self.language:
            object.__setattr__(self, "language", _checked_options("language", self.language, _language_options(), ()))
        if self.translation:
            # target, provider and url have their own keys: translate_to, translator, translator_url
            skip = ("target", "provider", "url")
            given = [key for key in skip if key in self.translation]
            if given:
                raise ConfigError(
                    f"translation.{given[0]}: set it with translate_to, translator or translator_url instead"
                )
            object.__setattr__(self, "translation", _checked_options("translation", self.translation, _translate_step(), skip))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> CleanerConfig:
        """Build from a plain mapping (a TOML table); unknown keys are an error, with a
        suggestion.

        >>> CleanerConfig.from_mapping({"dissable": ["captions"]})
        Traceback (most recent call last):
        ...
        cleaner.options.ConfigError: unknown option dissable (did you mean 'disable'?); known: builtin_vocabulary, detect_language, disable, filters, language, mode, nbsp, translate_to, translation, translator, translator_url, vocabulary_dirs
        """
        if not isinstance(data, Mapping):
            raise ConfigError(f"the configuration must be a table (mapping), got {type(data).__name__}")
        check_keys(data, _field_types(cast(Any, cls)))
        return cls(**data)

    @classmethod
    def from_toml(cls, path: str | Path, *, table: str | None = "cleaner") -> CleanerConfig:
        """Read a TOML file; options sit in its ``[cleaner]`` table (or at the top level).
        Errors name the file."""
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - exercised on Python 3.10
            import tomli as tomllib
        with open(path, "rb") as handle:
            try:
                data = tomllib.load(handle)
            except tomllib.TOMLDecodeError as err:
                raise ConfigError(f"{os.fspath(path)}: not valid TOML: {err}") from None
        if table and table in data:
            data = data[table]
        try:
            return cls.from_mapping(data)
        except ConfigError as err:
            raise ConfigError(f"{os.fspath(path)}: {err}") from None

    def to_mapping(self) -> dict[str, Any]:
        """The options as plain JSON-ready data (objects given as options appear as their
        class name), in a stable order: what a batch output records as its configuration.

        >>> CleanerConfig(disable="captions").to_mapping()["disable"]
        ['captions']
        """
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    def fingerprint(self) -> str:
        """A short hash of :meth:`to_mapping`: equal configurations, equal fingerprints.

        >>> CleanerConfig().fingerprint() == CleanerConfig(disable=()).fingerprint()
        True
        """
        text = json.dumps(self.to_mapping(), sort_keys=True, ensure_ascii=True)
        return hashlib.sha256(text.encode("ascii")).hexdigest()[:16]

    def replace(self, **changes: Any) -> CleanerConfig:
        return dataclasses.replace(self, **changes)

    def pipeline(self) -> Pipeline:
        """The configured pipeline (see :func:`build_pipeline`)."""
        return build_pipeline(self)


def build_pipeline(config: CleanerConfig | None = None) -> Pipeline:
    """Build the default chain of steps and filters for ``config``."""
    from cleaner import filters
    from cleaner.lines import Lines
    from cleaner.vocabulary import Vocabulary

    config = config or CleanerConfig()
    if config.vocabulary_dirs or not config.builtin_vocabulary:
        vocabulary = Vocabulary.load(extra=[os.fspath(p) for p in config.vocabulary_dirs], builtin=config.builtin_vocabulary)
    else:
        vocabulary = Vocabulary.default()
    options = {name: dict(opts) for name, opts in MODE_OPTIONS[config.mode].items()}
    for name, opts in config.filters.items():
        options.setdefault(name, {}).update(opts)

    def opts(name: str, **defaults: Any) -> dict[str, Any]:
        return {**defaults, **options.get(name, {})}

    # One description of each line, shared by every filter of the pipeline.
    lines = Lines(vocabulary)
    makers: dict[str, Any] = {
        "fix_unicode": lambda: filters.FixUnicode(**opts("fix_unicode", nbsp=config.nbsp)),
        "interface_lines": lambda: filters.InterfaceLines(**opts("interface_lines", vocabulary=vocabulary, lines=lines)),
        "section_labels": lambda: filters.SectionLabels(**opts("section_labels", vocabulary=vocabulary, lines=lines)),
        "bylines": lambda: filters.Bylines(**opts("bylines", vocabulary=vocabulary, lines=lines)),
        "author_bio": lambda: filters.AuthorBio(**opts("author_bio", vocabulary=vocabulary, lines=lines)),
        "related_promos": lambda: filters.RelatedPromos(**opts("related_promos", vocabulary=vocabulary, lines=lines)),
        "captions": lambda: filters.Captions(**opts("captions", vocabulary=vocabulary, lines=lines)),
        "duplicate_paragraphs": lambda: filters.DuplicateParagraphs(**opts("duplicate_paragraphs", vocabulary=vocabulary, lines=lines)),
        "body_region": lambda: filters.BodyRegion(**opts("body_region", vocabulary=vocabulary, lines=lines)),
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


# -- checking options -------------------------------------------------------------------------


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    """A configuration class's fields and their annotations (computed once: they never change)."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def _language_options() -> Any:
    from cleaner.language import LanguageOptions

    return LanguageOptions


def _translate_step() -> Any:
    from cleaner.translation import Translate

    return Translate


@functools.cache
def _parameters(step: Any, skip: tuple[str, ...]) -> dict[str, Any]:
    return parameters(step, skip=skip)


def _checked_options(where: str, options: Mapping[str, Any], step: Any, skip: tuple[str, ...]) -> dict[str, Any]:
    """``options`` checked against the keyword parameters of ``step``'s constructor."""
    known = _parameters(step, skip)
    check_keys(options, known, where=f"{where}.")
    return {key: check_value(f"{where}.{key}", value, known[key]) for key, value in options.items()}


def _checked_filters(filters: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    if not filters:
        return {}
    from cleaner import filters as module

    out: dict[str, dict[str, Any]] = {}
    for name, options in filters.items():
        if name in ("detect_language", "translate"):
            table = "language" if name == "detect_language" else "translation"
            raise ConfigError(f"filters.{name}: options of {name} go in the {table!r} table")
        check_keys([name], FILTER_NAMES, where="filters.", what="filter")
        if not isinstance(options, Mapping):
            raise ConfigError(f"filters.{name}: expected a table of options, got {options!r}")
        for key in _PROVIDED:
            if key in options:
                raise ConfigError(f"filters.{name}.{key}: the pipeline passes it (use vocabulary_dirs)")
        out[name] = _checked_options(f"filters.{name}", options, getattr(module, FILTER_CLASSES[name]), _PROVIDED)
    return out


_ADDRESS_RE = re.compile(r" at 0x[0-9a-fA-F]+")


def stable_repr(value: Any) -> str:
    """``repr(value)`` without memory addresses: the same from run to run (fingerprints)."""
    return _ADDRESS_RE.sub("", repr(value))


def _plain(value: Any) -> Any:
    """JSON-ready data for an option value (a fingerprint must not change from run to run)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    return stable_repr(value)  # an object (a translator): its repr, no address
