"""Configuration is checked whole before any work, at every depth and from every source (a
TOML file, ``--set``, flags, ``CleanerConfig(...)``): names with a "did you mean", types from
the annotations, ranges; the message names the key and the value; the CLI exits 2."""

from __future__ import annotations

import dataclasses
import json
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pytest

from cleaner import cli, filters
from cleaner.config import FILTER_CLASSES, FILTER_NAMES, CleanerConfig
from cleaner.options import ConfigError, check_value, parameters

# (how the option is given, the option, words the message must hold)
BAD = [
    ("toml", "disable = 5", ["disable", "5"]),
    ("toml", "detect_language = \"no\"", ["detect_language", "'no'", "true or false"]),
    ("toml", "[cleaner.filters.captions]\nbogus = 1", ["filters.captions.bogus", "window"]),
    ("toml", "[cleaner.filters.captions]\nwindw = 1", ["filters.captions.windw", "did you mean 'window'"]),
    ("toml", "[cleaner.language]\nsample_chars = \"300\"", ["language.sample_chars", "'300'", "an integer"]),
    ("toml", "nbsp = \"tab\"", ["nbsp", "'tab'", "'keep', 'space'"]),
    ("toml", "dissable = [\"captions\"]", ["dissable", "did you mean 'disable'"]),
    ("set", "filters.captions.window=x", ["filters.captions.window", "'x'", "an integer"]),
    ("set", "filters.captionz.window=2", ["filters.captionz", "did you mean 'captions'"]),
    ("set", "filters.body_region.min_region_share=1.5", ["filters.body_region.min_region_share", "1.5"]),
    ("set", "language.backend=\"fast\"", ["language.backend", "'fast'", "'langdetect-rs'"]),
    ("set", "filters.author_bio.tail_blocks=-2", ["filters.author_bio.tail_blocks", "-2"]),
    ("set", "filters.detect_language.seed=1", ["filters.detect_language", "'language' table"]),
    ("set", "translation.timeout=nan", ["translation.timeout", "nan"]),
    ("flag", "--translation-timeout=-1", ["translation.timeout", "-1"]),
    ("flag", "--disable=body_regoin", ["body_regoin", "did you mean 'body_region'"]),
    # a check only the step's constructor makes: still before any work, still exit 2
    ("flag", "--translation-concurrency=0", ["max_in_flight must be at least 1"]),
]


def _argv(how: str, option: str, tmp_path: Path) -> list[str]:
    if how == "toml":
        toml = tmp_path / "cleaner.toml"
        toml.write_text(f"[cleaner]\n{option}\n", encoding="utf-8")
        return ["--config", str(toml)]
    if how == "set":
        return ["--set", option]
    extra = ["--translate-to", "de", "--no-translation-cache"] if "translation" in option else []
    return [option, *extra]


@pytest.mark.parametrize(("how", "option", "words"), BAD, ids=[f"{h}:{o}" for h, o, _ in BAD])
def test_bad_options_stop_the_cli_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str, option: str, words: list[str]
) -> None:
    """With a pool of workers, too: before, a worker failed to start and the run said "a
    worker process died ... rerun with --resume", which could not help."""
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "The council met."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status = cli.main(["batch", str(source), "-o", str(out), "-w", "2", "-q", *_argv(how, option, tmp_path)])
    err = capsys.readouterr().err
    assert status == cli.EXIT_USAGE
    assert all(word in err for word in words), err
    assert "worker" not in err and "Traceback" not in err
    if how == "toml":
        assert "cleaner.toml" in err  # the file is named
    assert not list(tmp_path.glob("out.jsonl*"))  # no work was done


API_BAD = [
    ({"disable": 5}, "disable"),
    ({"detect_language": "no"}, "detect_language"),
    ({"filters": {"captions": {"bogus": 1}}}, "filters.captions.bogus"),
    ({"filters": {"captions": {"window": "x"}}}, "filters.captions.window"),
    ({"filters": {"captions": 3}}, "filters.captions"),
    ({"filters": {"captions": {"vocabulary": "x"}}}, "filters.captions.vocabulary"),
    ({"language": {"languages": [1, 2]}}, "language.languages"),
    ({"language": {"min_letters": float("inf")}}, "language.min_letters"),
    ({"translation": {"url": "http://x"}}, "translation.url"),
    ({"translation": {"cache": 3}}, "translation.cache"),
    ({"vocabulary_dirs": [3]}, "vocabulary_dirs"),
    ({"language": "en"}, "language"),
]


@pytest.mark.parametrize(("options", "key"), API_BAD, ids=[k for _, k in API_BAD])
def test_cleaner_config_checks_every_depth(options: dict[str, Any], key: str) -> None:
    with pytest.raises(ValueError, match=key.replace(".", r"\.")) as caught:
        CleanerConfig(**options)
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, ConfigError)
    with pytest.raises(TypeError):
        CleanerConfig.from_mapping(options)


def test_a_single_name_is_one_name_not_its_letters(tmp_path: Path) -> None:
    assert CleanerConfig(disable="body_region").disable == ("body_region",)
    toml = tmp_path / "c.toml"
    toml.write_text('disable = "body_region"\nvocabulary_dirs = "mine"\n[language]\nlanguages = "fr"\n')
    config = CleanerConfig.from_toml(toml)
    assert config.disable == ("body_region",) and config.vocabulary_dirs == ("mine",)
    assert config.language == {"languages": ("fr",)}
    assert "body_region" not in config.replace(vocabulary_dirs=()).pipeline().names
    parsed = cli.build_parser().parse_args(["batch", "i", "-o", "o", "--set", "disable=body_region"])
    assert cli.config_from_args(parsed).disable == ("body_region",)


def test_good_options_pass_unchanged() -> None:
    config = CleanerConfig(
        disable=("body_region",), nbsp="space", detect_language=False, vocabulary_dirs=(Path("v"),),
        filters={"captions": {"window": 2, "pull_quotes": False}, "body_region": {"min_gap": None, "min_region_share": 1}},
        language={"languages": ["fr", "en"], "sample_chars": None, "backend": "langdetect"},
        translate_to="en", translation={"timeout": 5, "cache": False, "skip": ["en"]},
    )  # fmt: skip
    assert config.vocabulary_dirs == ("v",)
    assert config.filters["body_region"] == {"min_gap": None, "min_region_share": 1}
    assert config.language["languages"] == ["fr", "en"] and config.translation["skip"] == ["en"]
    assert CleanerConfig.from_mapping(config.to_mapping()) == config.replace(vocabulary_dirs=("v",))


def test_every_field_is_checked_by_its_annotation() -> None:
    """No field needs code of its own: a new one (say ``mode: Literal[...]``) is checked."""

    @dataclass(frozen=True, kw_only=True)
    class WithMode(CleanerConfig):
        mode: Literal["precise", "balanced", "thorough"] = "balanced"

    assert WithMode(mode="thorough").mode == "thorough"
    with pytest.raises(ValueError, match="mode: expected one of 'precise', 'balanced', 'thorough', got 'fast'"):
        WithMode(mode="fast")
    with pytest.raises(ValueError, match=r"unknown option mood \(did you mean 'mode'\?\)"):
        WithMode.from_mapping({"mood": "precise"})
    for item in dataclasses.fields(CleanerConfig):
        with pytest.raises(ConfigError, match=f"^{item.name}: expected"):
            CleanerConfig(**{item.name: object()})


@pytest.mark.parametrize("name", FILTER_NAMES)
def test_every_filter_option_is_checked_against_its_constructor(name: str) -> None:
    options = parameters(getattr(filters, FILTER_CLASSES[name]), skip=("vocabulary",))
    assert options, name
    for option in options:
        with pytest.raises(ConfigError, match=f"filters\\.{name}\\.{option}: expected"):
            CleanerConfig(filters={name: {option: object()}})
    with pytest.raises(ConfigError, match=f"unknown option filters\\.{name}\\.nonsense"):
        CleanerConfig(filters={name: {"nonsense": 1}})


@pytest.mark.parametrize(
    ("annotation", "good", "bad"),
    [
        (int, [0, 7], [True, 1.5, "1", None]),
        (float, [0, 2.5], [False, "2.5", float("nan"), -1.0]),
        (int | None, [None, 3], ["3", [3]]),
        (tuple[str, ...], [("a",), ["a", "b"]], [[1], {"a": 1}]),
        (typing.Iterable[str] | None, [None, ["a"]], [b"ab", [None]]),
        (typing.Mapping[str, str], [{"a": "b"}], [{"a": 1}, ["a"]]),
        (Literal["a", 1], ["a", 1], [True, "b", 1.0]),
    ],
)
def test_check_value_by_annotation(annotation: Any, good: list[Any], bad: list[Any]) -> None:
    for value in good:
        check_value("k", value, annotation)
    for value in bad:
        with pytest.raises(ConfigError, match="^k: expected"):
            check_value("k", value, annotation)


def test_clean_takes_the_mode_as_a_keyword() -> None:
    from cleaner import api

    text = "Home\nNews\nSport\nMinister resigns\nThe minister resigned on Monday after a long debate in parliament about the budget.\nAdvertisement"
    for mode in ("precise", "balanced", "thorough"):
        assert api.clean(text, mode=mode).text == api.clean(text, config=CleanerConfig(mode=mode)).text
    # Over a given configuration, the mode replaces only the mode.
    quiet = CleanerConfig(detect_language=False, disable=("section_labels",))
    doc = api.clean(text, mode="precise", config=quiet)
    assert doc.text == api.clean(text, config=quiet.replace(mode="precise")).text
    with pytest.raises(ConfigError):
        api.clean(text, mode="sloppy")  # type: ignore[arg-type]


def test_clean_reuses_one_pipeline_per_configuration_and_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from cleaner import api

    built: list[object] = []
    real = api.build_pipeline

    def counting(config: CleanerConfig | None = None) -> object:
        built.append(config)
        return real(config)

    monkeypatch.setattr(api, "build_pipeline", counting)
    monkeypatch.setattr(api, "_PIPELINES", api._PipelineCache(size=2))
    text = "World\n\nMinister resigns\n\nThe minister resigned on Monday after a long debate.\n\nAdvertisement"
    quiet = CleanerConfig(detect_language=False)
    first = api.clean(text, config=quiet)
    assert api.clean(text, config=CleanerConfig(detect_language=False)).text == first.text  # an equal config
    assert len(built) == 1
    other = api.clean(text, config=quiet.replace(disable=("section_labels",)))
    assert "World" in other.text and "World" not in first.text and len(built) == 2
    results: list[str] = []
    workers = [threading.Thread(target=lambda: results.append(api.clean(text, config=quiet).text)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert results == [first.text] * 3 and len(built) == 5  # one pipeline per thread
    api.clean(text, config=quiet.replace(mode="precise"))  # a third config: the oldest goes
    api.clean(text, config=quiet.replace(disable=("section_labels",)))
    assert len(built) == 6
    api.clean(text, config=quiet)
    assert len(built) == 7
