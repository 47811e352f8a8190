"""Boilerplate vocabularies: per-language phrase files shipped in ``cleaner/vocab``.

Layout: ``vocab/<lang>/<category>.txt``, one entry per line, ``#`` starts a comment. An
entry is a phrase (matched on folded text, see :func:`cleaner.patterns.fold`), or after
``re:`` a ``regex``-module pattern that must match the whole folded line, or after ``has:``
a pattern that may occur anywhere in it (filters only ask this of short lines). Users extend
or replace the vocabulary with their own folders of the same layout, or with a mapping.
"""

from __future__ import annotations

import importlib
import re as _re
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import regex

from cleaner.patterns import fold

# Python's own regex parser (public as ``sre_parse`` before 3.11, deprecated since).
_sre_parse: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_sre_constants: Any = importlib.import_module("re._constants" if sys.version_info >= (3, 11) else "sre_constants")

__all__ = ["VOCAB_DIR", "Vocabulary", "required_substrings"]

T = TypeVar("T")

VOCAB_DIR = Path(__file__).parent / "vocab"
# Every match runs on one short line (filters skip long ones), so this only guards
# against a pathological user-supplied pattern.
MATCH_TIMEOUT = 0.25


def _read_entries(path: Path) -> list[str]:
    entries = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            entries.append(line)
    return entries


WORD_RUN_RE = regex.compile(r"\w+")
# Per-first-character alternations kept per matcher; cleared when this many are held.
MAX_FIRST_CHARS = 4096


class _FirstCharIndex:
    """An ordered alternation, recompiled per first character of the text with only the
    alternatives that can start with that character, in their order.

    Used where a match must start at the text's first character (whole-line and prefix
    matches). The first alternative that leads to a match is the same in the subset as in
    the whole alternation (the others cannot match at all), so results are identical. Whether
    a pattern can start with a character is asked of the ``regex`` engine itself (a
    partial match of that one character), so no pattern syntax is analysed here.

    ``alternatives`` are ``(group, source, first)`` triples: ``first`` is the first character
    of a phrase (None for a pattern); consecutive alternatives with the same non-empty group
    name are wrapped in that named group; ``template`` wraps the body.
    """

    __slots__ = ("_alternatives", "_by_char", "_compiled", "_openers", "_template")

    def __init__(self, alternatives: Sequence[tuple[str, str, str | None]], template: str) -> None:
        self._alternatives = tuple((group, source_text) for group, source_text, _ in alternatives)
        self._template = template
        # A phrase's first character is known; whether a pattern can start with a character
        # is tested on demand.
        self._openers: list[str | regex.Pattern[str]] = [
            first if first is not None else regex.compile(f"(?:{source_text})")
            for _, source_text, first in alternatives
        ]
        self._by_char: dict[str, regex.Pattern[str] | None] = {}
        self._compiled: dict[tuple[int, ...], regex.Pattern[str] | None] = {}

    def _can_start(self, k: int, char: str) -> bool:
        opener = self._openers[k]
        if isinstance(opener, str):
            return opener == char
        try:
            return opener.match(char, partial=True, timeout=MATCH_TIMEOUT) is not None
        except TimeoutError:
            return True

    def compile(self, kept: Sequence[int]) -> regex.Pattern[str] | None:
        key = tuple(kept)
        if key not in self._compiled:
            self._compiled[key] = _compile_alternation([self._alternatives[k] for k in key], self._template)
        return self._compiled[key]

    def whole(self) -> regex.Pattern[str] | None:
        return self.compile(range(len(self._alternatives)))

    def for_text(self, text: str) -> regex.Pattern[str] | None:
        """The alternation to use on ``text`` (None: nothing can match it)."""
        if not text:
            return self.whole()
        char = text[0]
        if char not in self._by_char:
            if len(self._by_char) >= MAX_FIRST_CHARS:
                self._by_char.clear()
                self._compiled.clear()
            kept = [k for k in range(len(self._alternatives)) if self._can_start(k, char)]
            self._by_char[char] = self.compile(kept)
        return self._by_char[char]


def _compile_alternation(alternatives: Sequence[tuple[str, str]], template: str) -> regex.Pattern[str] | None:
    if not alternatives:
        return None
    parts: list[str] = []
    k = 0
    while k < len(alternatives):
        group, _ = alternatives[k]
        j = k
        while j < len(alternatives) and alternatives[j][0] == group:
            j += 1
        body = "|".join(f"(?:{source_text})" for _, source_text in alternatives[k:j])
        parts.append(f"(?P<{group}>{body})" if group else body)
        k = j
    return regex.compile(template.format(body="|".join(parts)))


# Required substrings are read from the pattern's parse tree (Python's own parser: the
# ``regex`` module has none to offer). Its syntax is a subset of ``regex``'s; patterns that
# use more, or that could mean something else to ``regex``, get no requirement.
MAX_NEEDLES = 64
REGEX_ONLY_SYNTAX_RE = regex.compile(r"\[:|\\[pPLNXmMGKRV]|\{\s*[eids]\s*[<=]|\(\?[^:=!<>P#(]*[Vfbre]")


def required_substrings(pattern: str) -> frozenset[str] | None:
    r"""Strings one of which occurs in every match of ``pattern``, or None if none is known.

    >>> sorted(required_substrings(r"^(\w+ ){1,3}(is|was) an? (reporter|writer)\b"))
    [' reporter', ' writer']
    >>> required_substrings(r"\d+ of \d+")
    frozenset({' of '})
    >>> required_substrings(r"\d{1,3}") is None
    True
    """
    if REGEX_ONLY_SYNTAX_RE.search(pattern):
        return None
    try:
        with warnings.catch_warnings():  # "possible nested set" and the like: same meaning in both
            warnings.simplefilter("ignore")
            parsed = _sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - re's parser rejects regex-only syntax in many ways
        return None
    if parsed.state.flags & (_re.IGNORECASE | _re.LOCALE):
        return None
    _, needed = _literals(list(parsed))
    return needed if needed and "" not in needed else None


def _literals(items: list[Any]) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """For a sequence of parse items: the exact strings it can match (if few and known),
    and the best set of substrings one of which every match contains."""
    best: frozenset[str] | None = None
    run: frozenset[str] | None = frozenset({""})  # the exact strings of the current run
    exact_all: frozenset[str] | None = frozenset({""})

    def better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
        if not b or "" in b:
            return a
        if not a:
            return b
        # Fewer, longer strings are cheaper to look for and rarer in text.
        return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a

    for op, arg in items:
        exact, needed = _item_literals(op, arg)
        best = better(best, needed)
        if exact is not None and run is not None and len(run) * len(exact) <= MAX_NEEDLES:
            run = frozenset(a + b for a in run for b in exact)
        else:
            best = better(best, run)
            run = exact
        if exact is not None and exact_all is not None and len(exact_all) * len(exact) <= MAX_NEEDLES:
            exact_all = frozenset(a + b for a in exact_all for b in exact)
        else:
            exact_all = None
    best = better(best, run)
    return exact_all, best


def _item_literals(op: Any, arg: Any) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    c = _sre_constants
    if op is c.LITERAL:
        return frozenset({chr(arg)}), frozenset({chr(arg)})
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return frozenset({""}), None  # zero-width: does not break a run of literals
    if op is c.IN:
        if all(kind is c.LITERAL for kind, _ in arg) and len(arg) <= MAX_NEEDLES:
            chars = frozenset(chr(value) for _, value in arg)
            return chars, chars
        return None, None
    if op is c.SUBPATTERN:
        _, add_flags, del_flags, body = arg
        if add_flags or del_flags:
            return None, None
        return _literals(list(body))
    if op is c.BRANCH:
        exacts, needs = zip(*(_literals(list(branch)) for branch in arg[1]))
        exact = None if any(e is None for e in exacts) else frozenset().union(*exacts)
        needed = None if any(n is None for n in needs) else frozenset().union(*needs)
        if exact is not None and len(exact) > MAX_NEEDLES:
            exact = None
        if needed is not None and len(needed) > MAX_NEEDLES:
            needed = None
        return exact, needed
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, body = arg
        if low == 0:
            return None, None
        exact, needed = _literals(list(body))
        return (exact if low == high == 1 else None), needed
    if op is c.ATOMIC_GROUP:
        return _literals(list(arg))
    return None, None


class _Needles:
    """A quick test that a text *cannot* contain a match of some entries (``search``).

    Every match of a pattern contains one of its required substrings
    (:func:`required_substrings`). A phrase is matched between non-word characters, so each
    of its runs of word characters is a whole run of the text: its longest run is looked up
    among the text's runs. Phrases without word characters are looked for as they are. A
    pattern without a known requirement makes the test always pass.
    """

    __slots__ = ("always", "runs", "substrings")

    def __init__(self, phrases: Iterable[str], patterns: Iterable[str]) -> None:
        runs: set[str] = set()
        substrings: set[str] = set()
        self.always = False
        for phrase in phrases:
            phrase_runs = WORD_RUN_RE.findall(phrase)
            if phrase_runs:
                runs.add(max(phrase_runs, key=len))
            else:
                substrings.add(phrase)
        for pattern in patterns:
            needed = required_substrings(pattern)
            if needed is None:
                self.always = True
            else:
                substrings.update(needed)
        self.runs = frozenset(runs)
        self.substrings = tuple(sorted(substrings))

    def may_occur(self, text: str) -> bool:
        if self.always or any(s in text for s in self.substrings):
            return True
        return bool(self.runs) and not self.runs.isdisjoint(WORD_RUN_RE.findall(text))


class _Matcher:
    """The entries of one category; regexes are compiled on first use."""

    __slots__ = ("_lazy", "contains", "literals", "patterns")

    def __init__(self, entries: Iterable[str]) -> None:
        literals: set[str] = set()
        patterns: list[str] = []
        contains: list[str] = []
        for entry in entries:
            if entry.startswith("has:"):
                pattern = entry[4:].strip()
                regex.compile(pattern)
                contains.append(pattern)
            elif entry.startswith("re:"):
                pattern = entry[3:].strip()
                regex.compile(pattern)  # fail early, naming the bad entry
                patterns.append(pattern)
            else:
                folded = fold(entry)
                if folded:
                    literals.add(folded)
        self.literals = frozenset(literals)
        self.patterns = tuple(patterns)
        self.contains = tuple(contains)
        self._lazy: dict[str, Any] = {}

    def _get(self, name: str, build: Callable[[], T]) -> T:
        if name not in self._lazy:
            self._lazy[name] = build()
        value: T = self._lazy[name]
        return value

    @property
    def contains_re(self) -> regex.Pattern[str] | None:
        return self._get("contains_re", lambda: _compile_alternation([("", p) for p in self.contains], "{body}"))

    @property
    def contains_needles(self) -> _Needles:
        return self._get("contains_needles", lambda: _Needles((), self.contains))

    @property
    def full(self) -> _FirstCharIndex:
        """The ``re:`` patterns, for whole-line matches."""
        return self._get("full", lambda: _FirstCharIndex([("", p, None) for p in self.patterns], "{body}"))

    def _ordered(self) -> list[tuple[str, str, str | None]]:
        # Patterns (greedy) first, then literals longest first: the first alternative that
        # matches is the longest entry, without the cost of POSIX leftmost-longest matching.
        literals = sorted(self.literals, key=len, reverse=True)
        return [("", p, None) for p in self.patterns] + [("", regex.escape(p), p[0]) for p in literals]

    @property
    def prefix(self) -> _FirstCharIndex:
        return self._get("prefix", lambda: _FirstCharIndex(self._ordered(), r"^(?:{body})(?!\w)"))

    @property
    def search_re(self) -> regex.Pattern[str] | None:
        def build() -> regex.Pattern[str] | None:
            alternatives = [(group, source_text) for group, source_text, _ in self._ordered()]
            return _compile_alternation(alternatives, r"(?<!\w)(?:{body})(?!\w)")

        return self._get("search_re", build)

    @property
    def search_needles(self) -> _Needles:
        return self._get("search_needles", lambda: _Needles(self.literals, self.patterns))


class Vocabulary:
    """Phrase lists by category, merged over languages.

    >>> vocab = Vocabulary({"advertisement": ["Advertisement", "re:anzeige( \\\\d+)?"]})
    >>> vocab.is_phrase("advertisement", "advertisement"), vocab.is_phrase("advertisement", "anzeige 2")
    (True, True)
    >>> vocab.prefix("advertisement", "advertisement: buy now")
    13
    """

    def __init__(self, entries: Mapping[str, Sequence[str]]) -> None:
        self.entries: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in entries.items()}
        self._matchers = {k: _Matcher(v) for k, v in self.entries.items()}
        self._classifiers: dict[tuple[str, ...], _FirstCharIndex] = {}

    def __reduce__(self) -> tuple[type[Vocabulary], tuple[dict[str, tuple[str, ...]]]]:
        return (Vocabulary, (self.entries,))

    @classmethod
    def load(
        cls, languages: Iterable[str] | None = None, *, extra: Iterable[str | Path] = (), builtin: bool = True
    ) -> Vocabulary:
        """Read the shipped files (all languages, or ``languages``) plus ``extra`` folders."""
        folders: list[Path] = []
        if builtin:
            wanted = None if languages is None else {*languages, "any"}
            folders += [p for p in sorted(VOCAB_DIR.iterdir()) if p.is_dir() and (wanted is None or p.name in wanted)]
        for folder in extra:
            root = Path(folder)
            if not root.is_dir():
                raise FileNotFoundError(f"vocabulary folder {root} does not exist")
            subdirs = [p for p in sorted(root.iterdir()) if p.is_dir()]
            folders += subdirs or [root]
        merged: dict[str, list[str]] = {}
        for folder in folders:
            for path in sorted(folder.glob("*.txt")):
                merged.setdefault(path.stem, []).extend(_read_entries(path))
        return cls(merged)

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> Vocabulary:
        """The shipped vocabulary for all languages (read once; it is immutable)."""
        return Vocabulary.load()

    def extended(self, entries: Mapping[str, Sequence[str]]) -> Vocabulary:
        """A new vocabulary with ``entries`` added to their categories."""
        merged = {k: list(v) for k, v in self.entries.items()}
        for key, values in entries.items():
            merged.setdefault(key, []).extend(values)
        return Vocabulary(merged)

    def categories(self) -> list[str]:
        return sorted(self.entries)

    def literals(self, category: str) -> frozenset[str]:
        matcher = self._matchers.get(category)
        return matcher.literals if matcher else frozenset()

    def is_phrase(self, category: str, text: str) -> bool:
        """Does folded ``text`` equal an entry of ``category`` (whole line)?"""
        matcher = self._matchers.get(category)
        if matcher is None:
            return False
        if text in matcher.literals:
            return True
        try:
            full_re = matcher.full.for_text(text) if matcher.patterns else None
            if full_re is not None and full_re.fullmatch(text, timeout=MATCH_TIMEOUT) is not None:
                return True
            return self._contains(matcher, text)
        except TimeoutError:
            return False

    @staticmethod
    def _contains(matcher: _Matcher, text: str) -> bool:
        """Is a ``has:`` entry found in ``text``? (May raise TimeoutError.)"""
        if not matcher.contains or not matcher.contains_needles.may_occur(text):
            return False
        contains_re = matcher.contains_re
        return contains_re is not None and contains_re.search(text, timeout=MATCH_TIMEOUT) is not None

    def classify(self, categories: tuple[str, ...], text: str) -> str | None:
        """The first of ``categories`` with an entry equal to folded ``text`` (whole line).

        One combined pattern serves all categories, so a line costs one regex match.
        """
        for category in categories:
            matcher = self._matchers.get(category)
            if matcher is not None and text in matcher.literals:
                return category
        if categories not in self._classifiers:
            alternatives = [
                (f"c{k}", p, None) for k, c in enumerate(categories) if c in self._matchers for p in self._matchers[c].patterns
            ]
            self._classifiers[categories] = _FirstCharIndex(alternatives, "{body}")
        combined = self._classifiers[categories].for_text(text)
        try:
            match = combined.fullmatch(text, timeout=MATCH_TIMEOUT) if combined is not None else None
            if match is not None and match.lastgroup is not None:
                return categories[int(match.lastgroup[1:])]
            for category in categories:
                matcher = self._matchers.get(category)
                if matcher is not None and self._contains(matcher, text):
                    return category
        except TimeoutError:
            return None
        return None

    def prefix(self, category: str, text: str) -> int | None:
        """Length of the longest entry of ``category`` that starts folded ``text``, if any."""
        matcher = self._matchers.get(category)
        if matcher is None:
            return None
        prefix_re = matcher.prefix.for_text(text)
        if prefix_re is None:
            return None
        try:
            match = prefix_re.match(text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            return None
        return match.end() if match else None

    def remove_all(self, category: str, text: str) -> tuple[str, int]:
        """Folded ``text`` with every entry of ``category`` cut out, and how many were."""
        matcher = self._matchers.get(category)
        if matcher is None or not matcher.search_needles.may_occur(text):
            return text, 0
        search_re = matcher.search_re
        if search_re is None:
            return text, 0
        try:
            return search_re.subn(" ", text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            return text, 0

    def search(self, category: str, text: str) -> regex.Match[str] | None:
        """First entry of ``category`` found anywhere in folded ``text``."""
        matcher = self._matchers.get(category)
        if matcher is None or not matcher.search_needles.may_occur(text):
            return None
        search_re = matcher.search_re
        if search_re is None:
            return None
        try:
            return search_re.search(text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            return None
