"""The langdetect backends (langdetect, or its bit-identical Rust port langdetect-rs) and the
per-process store of loaded models that every detector shares.

Models (langdetect's profiles, py3langid's and lingua's models) are loaded once per process,
on first use, keyed by what they were loaded for, behind a lock, and only read afterwards.
A detector holds none of them, so it pickles small and loads them again in a worker process.

Determinism: langdetect draws from ``random.Random`` instances it creates per detection and
seeds from the detector's ``seed``; we set that seed on every detector we create and never
touch ``langdetect.DetectorFactory.seed`` or langdetect's module-level factory, so other users
of langdetect in the same process are unaffected, and an answer never depends on what was
detected before.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from cleaner import codes
from cleaner.document import Language
from cleaner.language.options import Backend
from cleaner.language.scripts import script_of

__all__ = [
    "RULE",
    "Implementation",
    "cached",
    "installed",
    "langdetect_factory",
    "missing",
    "resolve",
    "run_langdetect",
]

Implementation = Literal["langdetect", "langdetect-rs"]
#: What an answer's ``backend`` says for langdetect, whichever implementation ran: their
#: answers are bit-identical, so the answer does not depend on which one is installed.
RULE = "langdetect"

_EXTRAS = {"langdetect-rs": "fast", "py3langid": "short-text", "lingua-language-detector": "lingua"}
_MODELS: dict[tuple[str, ...], Any] = {}
_MODELS_LOCK = threading.RLock()  # re-entrant: a restricted model loads the full one


def cached(key: tuple[str, ...], load: Callable[[], Any]) -> Any:
    """The per-process model for ``key``, loading it with ``load()`` the first time."""
    model = _MODELS.get(key)
    if model is None:
        with _MODELS_LOCK:
            model = _MODELS.get(key)
            if model is None:
                model = _MODELS[key] = load()
    return model


def missing(package: str) -> ImportError:
    """The error for an optional ``package`` that is not installed, naming its extra."""
    extra = _EXTRAS[package]
    return ImportError(f"{package} is not installed; install it with: pip install 'article-cleaner[{extra}]'")


def installed(module: str) -> bool:
    """Whether ``module`` can be imported (checked once per process)."""
    return bool(cached(("installed", module), lambda: importlib.util.find_spec(module) is not None))


def resolve(backend: Backend) -> Implementation:
    """The implementation ``backend`` names: ``"auto"`` is langdetect-rs when it is installed."""
    if backend != "auto":
        return backend
    return "langdetect-rs" if installed("langdetect_rs") else "langdetect"


def langdetect_profiles() -> Path:
    """langdetect's profile files, found without importing langdetect (its pure-Python
    detector is not needed when langdetect-rs runs them)."""
    spec = importlib.util.find_spec("langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("langdetect is not installed (a dependency of article-cleaner): pip install langdetect")
    return Path(list(spec.submodule_search_locations)[0]) / "profiles"


def langdetect_factory(backend: Implementation, languages: tuple[str, ...] | None = None) -> Any:
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
                raise missing("langdetect-rs") from error
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
        factory = factory_class()()
        names = sorted(codes.to_langdetect(code) for code in languages or ())
        directory = langdetect_profiles()
        factory.load_json_profile([(directory / name).read_text(encoding="utf-8") for name in names])
        return factory

    if languages is None:
        return cached(("langdetect", backend), load_all)
    return cached(("langdetect", backend, *languages), load_some)


def run_langdetect(
    sample: str, candidates: tuple[str, ...], *, backend: Implementation, seed: int
) -> Language:
    """langdetect's answer on ``sample`` among ``candidates`` (2+), with its runner-ups."""
    if len({script_of(code) for code in candidates}) == 1:
        # The usual case: a factory with only these profiles (cached per process).
        factory = langdetect_factory(backend, candidates)
        priors = None
    else:
        # Text in several scripts (rare): all profiles, the others weighted 0.
        factory = langdetect_factory(backend)
        priors = {codes.to_langdetect(code): 1.0 for code in candidates}
    detector = factory.create()
    # The seed is read by the detector itself; the shared factory is never changed.
    detector.seed = seed
    if priors is not None:
        detector.set_prior_map(priors)
    detector.append(sample)
    try:
        ranked = detector.get_probabilities()
    except Exception as error:  # LangDetectException of either backend: no features
        if type(error).__name__ != "LangDetectException":
            raise
        return Language(codes.UND, 0.0, (), RULE)
    if not ranked:
        return Language(codes.UND, 0.0, (), RULE)
    found = tuple((codes.canonical(r.lang), round(r.prob, 4)) for r in ranked)
    return Language(found[0][0], found[0][1], found, RULE)
