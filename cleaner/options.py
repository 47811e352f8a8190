"""Checks option values against the signature or dataclass that takes them, before anything
runs: names (an unknown one gets a "did you mean"), types read from the annotations, and the
ranges all of the pipeline's numeric options share. Errors name the option and the value.

Every numeric option of the pipeline is a count, a size, a duration or a share, so a number
must be finite and not negative, and a fractional option whose name says ``share`` or
``probability`` is at most 1. Anything finer is the constructor's to check (the batch runner builds the
pipeline once before any record is read, so those errors come early too).
"""

from __future__ import annotations

import difflib
import inspect
import math
import os
import sys
import types
import typing
from collections import abc
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, Literal, Union

__all__ = ["ConfigError", "check_keys", "check_value", "describe", "parameters"]

# Annotations that cannot be resolved (a name imported only for type checkers) are skipped.
_UNRESOLVED = object()
_SEQUENCES = (
    tuple, list, set, frozenset, abc.Sequence, abc.Iterable, abc.Collection, abc.Set, abc.MutableSequence,
)  # fmt: skip


class ConfigError(ValueError, TypeError):
    """An option with an unknown name, a value of the wrong type, or out of range.

    Both a ``ValueError`` and a ``TypeError``, so callers may catch either; the command line
    turns it into exit status 2.

    >>> check_value("window", "x", int)
    Traceback (most recent call last):
    ...
    cleaner.options.ConfigError: window: expected an integer, got 'x' (a string)
    """


def check_keys(given: Iterable[str], known: Collection[str], *, where: str = "", what: str = "option") -> None:
    """Raise :class:`ConfigError` for the first name of ``given`` not in ``known``, with the
    closest known name as a suggestion.

    >>> check_keys(["windw"], ["window", "max_caption_words"], where="filters.captions.")
    Traceback (most recent call last):
    ...
    cleaner.options.ConfigError: unknown option filters.captions.windw (did you mean 'window'?); known: max_caption_words, window
    """
    for name in given:
        if name in known:
            continue
        if not isinstance(name, str):
            raise ConfigError(f"{where}{name!r}: option names are strings")
        close = difflib.get_close_matches(name, [str(k) for k in known], n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ConfigError(f"unknown {what} {where}{name}{hint}; known: {', '.join(sorted(known)) or 'none'}")


def parameters(function: Callable[..., Any], *, skip: Collection[str] = ()) -> dict[str, Any]:
    """The keyword parameters of ``function`` (a class: its constructor) and their resolved
    annotations (``Any`` where none can be resolved)."""
    target = function.__init__ if inspect.isclass(function) else function
    signature = inspect.signature(target)
    module = sys.modules.get(getattr(target, "__module__", ""), None)
    namespace = dict(vars(module)) if module is not None else {}
    out: dict[str, Any] = {}
    for name, parameter in signature.parameters.items():
        if name in ("self", *skip) or parameter.kind not in (
            inspect.Parameter.KEYWORD_ONLY,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
        ):
            continue
        out[name] = _resolve(parameter.annotation, namespace)
    return out


def _resolve(annotation: Any, namespace: dict[str, Any]) -> Any:
    if annotation is inspect.Parameter.empty:
        return Any
    if not isinstance(annotation, str):
        return annotation
    try:
        return eval(annotation, namespace)
    except Exception:  # noqa: BLE001 - e.g. a name imported under TYPE_CHECKING only
        return _UNRESOLVED


def check_value(key: str, value: Any, annotation: Any) -> Any:
    """``value`` if it fits ``annotation`` and the shared ranges, else :class:`ConfigError`.

    A single string (or path) given where a list of them is expected counts as a list of
    one: ``disable = "body_region"`` means ``["body_region"]``, not its letters.

    >>> check_value("disable", "body_region", tuple[str, ...])
    ('body_region',)
    >>> check_value("detect_language", "no", bool)
    Traceback (most recent call last):
    ...
    cleaner.options.ConfigError: detect_language: expected true or false, got 'no' (a string)
    >>> check_value("min_share", 1.5, float)
    Traceback (most recent call last):
    ...
    cleaner.options.ConfigError: min_share: expected a share between 0 and 1, got 1.5
    """
    if annotation is _UNRESOLVED:
        return value
    if isinstance(value, (str, os.PathLike)) and not _matches(value, annotation):
        one = _as_sequence(value, annotation)
        if one is not None:
            value = one
    if not _matches(value, annotation):
        expected = describe(annotation)
        if _as_sequence("", annotation) is not None:
            expected = f"a string or {expected}"
        raise ConfigError(f"{key}: expected {expected}, got {_show(value)}")
    _check_range(key, value, annotation)
    return value


def _check_range(key: str, value: Any, annotation: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"{key}: expected a finite number, got {value!r}")
    last = key.rsplit(".", 1)[-1]
    fraction = float in _options(annotation)  # an int option named "..._share..." is a count
    if fraction and ("share" in last or "probability" in last) and not 0 <= value <= 1:
        raise ConfigError(f"{key}: expected a share between 0 and 1, got {value!r}")
    if value < 0:
        raise ConfigError(f"{key}: expected a number of at least 0, got {value!r}")


def _as_sequence(value: Any, annotation: Any) -> Any:
    """``value`` wrapped in the sequence type ``annotation`` accepts, if it accepts one."""
    for option in _options(annotation):
        origin = typing.get_origin(option) or option
        if origin in _SEQUENCES:
            wrapped = [value] if origin is list else (value,)
            if _matches(wrapped, option):
                return wrapped
    return None


def _options(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


def _matches(value: Any, annotation: Any) -> bool:
    if annotation in (Any, _UNRESOLVED) or isinstance(annotation, typing.TypeVar):
        return True
    if annotation is None or annotation is type(None):
        return value is None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (Union, types.UnionType):
        return any(_matches(value, option) for option in args)
    if origin is Literal:
        return any(value == option and type(value) is type(option) for option in args)
    if annotation is bool:
        return isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if annotation is str:
        return isinstance(value, str)
    if origin in _SEQUENCES:
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, (list, tuple, set, frozenset)):
            return False
        if origin is tuple and args and args[-1] is not Ellipsis:
            return len(value) == len(args) and all(_matches(v, a) for v, a in zip(value, args))
        item = args[0] if args else Any
        return all(_matches(v, item) for v in value)
    if origin in (dict, abc.Mapping, abc.MutableMapping):
        if not isinstance(value, Mapping):
            return False
        key_type, value_type = args if len(args) == 2 else (Any, Any)
        return all(_matches(k, key_type) and _matches(v, value_type) for k, v in value.items())
    if origin in (abc.Callable, Callable):
        return callable(value)
    if origin is not None:  # another generic (os.PathLike[str], ...): check the class only
        annotation = origin
    if inspect.isclass(annotation):
        try:
            return isinstance(value, annotation)
        except TypeError:  # a Protocol that cannot be checked at run time
            return True
    return True


def describe(annotation: Any) -> str:
    """What a person should write for ``annotation``.

    >>> describe(int | None), describe(Literal["keep", "space"]), describe(tuple[str, ...])
    ('an integer or none', "one of 'keep', 'space'", 'a list of strings')
    """
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (Union, types.UnionType):
        parts = [describe(a) for a in args if a is not type(None)]
        if type(None) in args:
            parts.append("none")
        return " or ".join(dict.fromkeys(parts))
    if origin is Literal:
        return "one of " + ", ".join(repr(a) for a in args)
    simple = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}
    if annotation in simple:
        return simple[annotation]
    if annotation is None or annotation is type(None):
        return "none"
    if origin in _SEQUENCES:
        item = describe(args[0]) if args else "values"
        return f"a list of {_plural(item)}"
    if (origin or annotation) in (dict, abc.Mapping, abc.MutableMapping):
        return "a table (mapping)"
    if origin in (abc.Callable, Callable):
        return "a callable"
    if (origin or annotation) is os.PathLike:
        return "a path"
    name = getattr(origin or annotation, "__name__", str(annotation))
    return f"a {name}"


def _plural(kind: str) -> str:
    words = {"an integer": "integers", "a number": "numbers", "a string": "strings", "true or false": "booleans",
             "a path": "paths"}  # fmt: skip
    return " or ".join(words.get(part, part) for part in kind.split(" or "))


def _show(value: Any) -> str:
    kinds = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list",
             tuple: "a list", dict: "a table"}  # fmt: skip
    kind = kinds.get(type(value), "none" if value is None else f"a {type(value).__name__}")
    text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return f"{text} ({kind})"
