"""Boilerplate vocabularies: per-language phrase files shipped in ``cleaner/vocab``.

Layout: ``vocab/<lang>/<category>.txt``, one entry per line, ``#`` starts a comment. An
entry is a phrase (matched on folded text, see :func:`cleaner.patterns.fold`), or after
``re:`` a ``regex``-module pattern that must match the whole folded line, or after ``has:``
a pattern that may occur anywhere in it (filters only ask this of short lines). Users extend
or replace the vocabulary with their own folders of the same layout, or with a mapping.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import regex

from cleaner.patterns import fold

__all__ = ["VOCAB_DIR", "Vocabulary"]

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


class _Matcher:
    """The compiled entries of one category."""

    __slots__ = ("contains", "contains_re", "full_re", "literals", "patterns", "prefix_re", "search_re")

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
        self.contains_re = regex.compile("|".join(f"(?:{p})" for p in contains)) if contains else None
        self.full_re = regex.compile("|".join(f"(?:{p})" for p in self.patterns)) if self.patterns else None
        # Patterns (greedy) first, then literals longest first: the first alternative that
        # matches is the longest entry, without the cost of POSIX leftmost-longest matching.
        alternatives = [f"(?:{p})" for p in self.patterns]
        alternatives += [regex.escape(p) for p in sorted(self.literals, key=len, reverse=True)]
        if alternatives:
            body = "|".join(alternatives)
            self.prefix_re: regex.Pattern[str] | None = regex.compile(rf"^(?:{body})(?!\w)")
            self.search_re: regex.Pattern[str] | None = regex.compile(rf"(?<!\w)(?:{body})(?!\w)")
        else:
            self.prefix_re = self.search_re = None


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
        self._classifiers: dict[tuple[str, ...], regex.Pattern[str] | None] = {}

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
            if matcher.full_re is not None and matcher.full_re.fullmatch(text, timeout=MATCH_TIMEOUT) is not None:
                return True
            return matcher.contains_re is not None and matcher.contains_re.search(text, timeout=MATCH_TIMEOUT) is not None
        except TimeoutError:
            return False

    def classify(self, categories: tuple[str, ...], text: str) -> str | None:
        """The first of ``categories`` with an entry equal to folded ``text`` (whole line).

        One combined pattern serves all categories, so a line costs one regex match.
        """
        for category in categories:
            matcher = self._matchers.get(category)
            if matcher is not None and text in matcher.literals:
                return category
        if categories not in self._classifiers:
            groups = [
                f"(?P<c{k}>{'|'.join(f'(?:{p})' for p in self._matchers[c].patterns)})"
                for k, c in enumerate(categories)
                if c in self._matchers and self._matchers[c].patterns
            ]
            self._classifiers[categories] = regex.compile("|".join(groups)) if groups else None
        combined = self._classifiers[categories]
        try:
            match = combined.fullmatch(text, timeout=MATCH_TIMEOUT) if combined is not None else None
            if match is not None and match.lastgroup is not None:
                return categories[int(match.lastgroup[1:])]
            for category in categories:
                matcher = self._matchers.get(category)
                if matcher is not None and matcher.contains_re is not None:
                    if matcher.contains_re.search(text, timeout=MATCH_TIMEOUT):
                        return category
        except TimeoutError:
            return None
        return None

    def prefix(self, category: str, text: str) -> int | None:
        """Length of the longest entry of ``category`` that starts folded ``text``, if any."""
        matcher = self._matchers.get(category)
        if matcher is None or matcher.prefix_re is None:
            return None
        try:
            match = matcher.prefix_re.match(text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            return None
        return match.end() if match else None

    def remove_all(self, category: str, text: str) -> tuple[str, int]:
        """Folded ``text`` with every entry of ``category`` cut out, and how many were."""
        matcher = self._matchers.get(category)
        if matcher is None or matcher.search_re is None:
            return text, 0
        try:
            return matcher.search_re.subn(" ", text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            return text, 0

    def search(self, category: str, text: str) -> regex.Match[str] | None:
        """First entry of ``category`` found anywhere in folded ``text``."""
        matcher = self._matchers.get(category)
        if matcher is None or matcher.search_re is None:
            return None
        try:
            return matcher.search_re.search(text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            return None
