"""Boilerplate vocabularies: per-language phrase files shipped in ``cleaner/vocab``.

Layout: ``vocab/<lang>/<category>.txt``, one entry per line, ``#`` starts a comment. An
entry is a phrase (matched on folded text, see :func:`cleaner.patterns.fold`), or after
``re:`` a ``regex``-module pattern that must match the whole folded line, or after ``has:``
a pattern that may occur anywhere in it (filters only ask this of short lines). Users extend
or replace the vocabulary with their own folders of the same layout, or with a mapping.

How a line is matched, cheaply: phrases are dictionary keys (a folded line is looked up,
never scanned); patterns are indexed by the characters they can start with (read from the
pattern's parse tree, or for shipped patterns from the index ``vocab/facts.json`` written
from those trees), so a line is tried only against the patterns that can begin with its
first character, and each pattern is compiled the first time a line needs it. Every match
of a user's pattern has a timeout, and a :class:`Budget` bounds the time one document may
spend in them; shipped patterns are tested to be bounded.
"""

from __future__ import annotations

import contextvars
import importlib
import json
import logging
import os
import sys
import time
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import regex

from cleaner.patterns import fold

# Python's own regex parser (public as ``sre_parse`` before 3.11, deprecated since): it reads
# the first characters a pattern can match. Patterns it cannot read may start anywhere.
_sre_parse: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_sre_constants: Any = importlib.import_module("re._constants" if sys.version_info >= (3, 11) else "sre_constants")
# Repeats and atomic groups in the parse tree (Python 3.10's parser knows neither possessive
# repeats nor atomic groups).
_REPEATS = tuple(getattr(_sre_constants, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre_constants, name))
_ATOMIC_GROUP = getattr(_sre_constants, "ATOMIC_GROUP", None)
# Syntax that only the ``regex`` module knows, or reads differently from Python's parser
# (POSIX classes, \p{..}, fuzzy matching, possessive repeats): no claim is made about it.
REGEX_ONLY_RE = regex.compile(r"\\[pPXNGKLRVmM]|\[\[:|\(\?[^:=!<>P#(]*[Vfbre]|\{\s*[eids]\s*[<=]|[*+?}][+]")


def _parse(pattern: str) -> Any | None:
    """The parse tree of ``pattern`` by Python's parser, or None when it cannot be trusted
    to mean what the ``regex`` module reads (regex-only syntax, ignore-case)."""
    if REGEX_ONLY_RE.search(pattern):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - syntax Python's parser does not know
        return None
    return None if parsed.state.flags & _sre_constants.SRE_FLAG_IGNORECASE else parsed

__all__ = [
    "VOCAB_DIR", "Budget", "Vocabulary", "VocabularyError", "current_budget", "document_budget", "first_chars",
    "required_any",
]

logger = logging.getLogger(__name__)

VOCAB_DIR = Path(__file__).parent / "vocab"
# Every match runs on one short line (filters skip long ones), so this only guards against a
# pathological user-supplied pattern; the Budget bounds the sum over a document.
MATCH_TIMEOUT = 0.25
WORD_CHAR_RE = regex.compile(r"\w")
WORD_RUN_RE = regex.compile(r"\w+")
# Line beginnings (two characters) whose candidate patterns are remembered.
MAX_FIRST_CHARS = 16384
# How a pattern is applied: to the whole line, as a prefix ending where a word ends,
# anywhere between word boundaries, or anywhere ("has:" entries).
Mode = Literal["full", "prefix", "search", "contains"]
TEMPLATES = {"full": "(?:{})", "prefix": r"(?:{})(?!\w)", "search": r"(?<!\w)(?:{})(?!\w)", "contains": "(?:{})"}
DIGIT_CHAR_RE = regex.compile(r"\d")
SPACE_CHAR_RE = regex.compile(r"\s")


class VocabularyError(ValueError):
    """An invalid vocabulary entry, named by its file and line."""


class Budget:
    """Time that one document may spend matching vocabulary patterns (seconds). Once it is
    spent, patterns stop matching for that document (phrases still do) and one warning says
    so: a user's backtracking ``re:`` entry cannot stall a batch.

    >>> budget = Budget(0.0)
    >>> budget.spent(0.1), budget.exhausted
    (None, True)
    """

    __slots__ = ("left", "warned")

    def __init__(self, seconds: float = 1.0) -> None:
        self.left = seconds
        self.warned = False

    @property
    def exhausted(self) -> bool:
        return self.left <= 0

    def spent(self, seconds: float) -> None:
        self.left -= seconds
        if self.left <= 0 and not self.warned:
            self.warned = True
            logger.warning("vocabulary patterns used up this document's time budget; the rest of it is matched on phrases only")


# The budget of the document being cleaned, in this thread or task (set by the pipeline
# around each document; None outside one).
_DOCUMENT_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("cleaner_document_budget", default=None)
DOCUMENT_SECONDS = 1.0


@contextmanager
def document_budget(seconds: float = DOCUMENT_SECONDS) -> Iterator[Budget]:
    """Bound the time the user's patterns may take while one document is cleaned: every
    match of an entry not shipped with the package, inside the ``with`` block, spends from
    one :class:`Budget` (the pipeline wraps each document in this).

    >>> with document_budget(0.5) as budget:
    ...     budget is current_budget()
    True
    >>> current_budget() is None
    True
    """
    budget = Budget(seconds)
    token = _DOCUMENT_BUDGET.set(budget)
    try:
        yield budget
    finally:
        _DOCUMENT_BUDGET.reset(token)


def current_budget() -> Budget | None:
    """The budget of the document being cleaned, if any."""
    return _DOCUMENT_BUDGET.get()


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a pattern's parse tree says, read once: the characters and two-character
    starts a match can begin with, a literal every match holds, a leading ``^``."""

    first: frozenset[str] | None
    starts: frozenset[str] | None
    needs: tuple[str, ...] | None  # one of these texts is in every match
    anchored: bool


@dataclass(slots=True, eq=False)
class _Entry:
    kind: Literal["phrase", "re", "has"]
    source: str  # the folded phrase, or the pattern
    origin: str  # "path:line", or "" for entries given as a mapping
    trusted: bool = False  # shipped with the package (its patterns are tested to be bounded)
    _facts: _Facts | None = None

    def facts(self) -> _Facts:
        """The pattern's facts: from the index shipped for the package's patterns, else
        worked out from one parse the first time they are asked."""
        if self._facts is None:
            self._facts = _shipped_facts().get(self.source) or pattern_facts(self.source)
        return self._facts


def _lead(text: str, pos: int) -> str:
    """The word that starts at ``pos`` of ``text`` (a run of word characters), or the one
    character there when it is none ("©"): the key of phrases that may start there."""
    run = WORD_RUN_RE.match(text, pos)
    return run.group() if run is not None else text[pos]


def pattern_facts(pattern: str) -> _Facts:
    """What ``pattern``'s parse tree says (see :class:`_Facts`)."""
    tree = _parse(pattern)
    return _Facts(first=_first_chars(tree), starts=_starts(tree), needs=_required_any(tree), anchored=_is_anchored(tree, pattern))


# The facts of every pattern shipped in ``vocab/``, worked out when the vocabulary was
# written (:func:`write_facts_index` writes them): a process reads them instead of
# parsing ~700 patterns before its first page. They are a pure function of the pattern's
# text, so a pattern missing from the index (a user's, or one edited since) is parsed.
FACTS_INDEX = Path(__file__).parent / "vocab" / "facts.json"
# An entry quoted in a removal's detail, characters at most (a long pattern is cut).
MAX_EXPLAINED_CHARS = 80


def _where(origin: str) -> str:
    """An entry's origin ("/…/cleaner/vocab/en/navigation.txt:5") as a detail says it: a
    shipped file from the ``vocab`` folder ("en/navigation.txt:5"), a user's file as given."""
    shipped = f"{VOCAB_DIR}{os.sep}"
    if not origin.startswith(shipped):
        return origin
    return origin[len(shipped) :].replace(os.sep, "/")


@lru_cache(maxsize=1)
def _shipped_facts() -> dict[str, _Facts]:
    try:
        table = json.loads(FACTS_INDEX.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {
        source: _Facts(
            first=frozenset(first) if first is not None else None,
            starts=frozenset(starts) if starts is not None else None,
            needs=tuple(needs) if needs is not None else None,
            anchored=anchored,
        )
        for source, (first, starts, needs, anchored) in table["facts"].items()
    }


def write_facts_index(path: Path = FACTS_INDEX) -> int:
    """Write the facts of every shipped pattern to ``path``; the number of patterns."""
    sources = sorted({e.source for c in Vocabulary.load()._categories.values() for e in c.entries if e.kind != "phrase"})
    facts = {}
    for source in sources:
        found = pattern_facts(source)
        facts[source] = [
            sorted(found.first) if found.first is not None else None,
            sorted(found.starts) if found.starts is not None else None,
            list(found.needs) if found.needs is not None else None,
            found.anchored,
        ]
    # One pattern a line: a change to the vocabulary shows as a change to its lines.
    rows = ",\n".join(f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in facts.items())
    path.write_text(f'{{"facts": {{\n{rows}\n}}}}\n', encoding="utf-8")
    return len(facts)


def _parse_entry(raw: str, origin: str, trusted: bool) -> _Entry | None:
    if raw.startswith("re:"):
        return _Entry("re", raw[3:].strip(), origin, trusted)
    if raw.startswith("has:"):
        return _Entry("has", raw[4:].strip(), origin, trusted)
    folded = fold(raw)
    return _Entry("phrase", folded, origin, trusted) if folded else None


def _read_entries(path: Path) -> list[tuple[str, str]]:
    """``(entry, "path:line")`` for each entry of a vocabulary file."""
    out = []
    where = str(path)
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append((line, f"{where}:{number}"))
    return out


# --- first characters -------------------------------------------------------------------
# A pattern's first characters: a set of characters, plus classes tested with str methods.
DIGIT, WORD, SPACE = "\x00digit", "\x00word", "\x00space"
_MAX_RANGE = 256


def first_chars(pattern: str) -> frozenset[str] | None:
    r"""The characters a match of ``pattern`` can start with, or None when it may start with
    anything (or the pattern uses syntax only the ``regex`` module knows). ``DIGIT``,
    ``WORD`` and ``SPACE`` stand for ``\d``, ``\w`` and ``\s``.

    >>> sorted(first_chars(r"(home|start)( ?[>›] ?[\w ]{1,40}){1,6}"))
    ['h', 's']
    >>> first_chars(r"\d{1,3}") == {DIGIT}
    True
    >>> first_chars(r".{0,20}foo") is None
    True
    """
    return _first_chars(_parse(pattern))


def _first_chars(parsed: Any | None) -> frozenset[str] | None:
    if parsed is None:
        return None
    chars, _nullable = _first_of_sequence(list(parsed))
    return chars


def _first_of_sequence(items: list[Any]) -> tuple[frozenset[str] | None, bool]:
    """First characters of a sequence of parse items, and whether it can match nothing."""
    found: set[str] = set()
    for op, arg in items:
        chars, nullable = _first_of_item(op, arg)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return frozenset(found), False
    return frozenset(found), True


def _first_of_item(op: Any, arg: Any) -> tuple[frozenset[str] | None, bool]:
    c = _sre_constants
    if op is c.LITERAL:
        return frozenset({chr(arg)}), False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return frozenset(), True  # zero-width: looks at the next item
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in arg:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < _MAX_RANGE:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                chars.add(DIGIT)
            elif kind is c.CATEGORY and value is c.CATEGORY_WORD:
                chars.add(WORD)
            elif kind is c.CATEGORY and value is c.CATEGORY_SPACE:
                chars.add(SPACE)
            else:
                return None, False
        return frozenset(chars), False
    if op is c.SUBPATTERN:
        _, add_flags, del_flags, body = arg
        if add_flags or del_flags:
            return None, False
        return _first_of_sequence(list(body))
    if op is c.BRANCH:
        found: set[str] = set()
        nullable = False
        for branch in arg[1]:
            chars, empty = _first_of_sequence(list(branch))
            if chars is None:
                return None, False
            found |= chars
            nullable = nullable or empty
        return frozenset(found), nullable
    if op in _REPEATS:
        low, _high, body = arg
        chars, empty = _first_of_sequence(list(body))
        return chars, low == 0 or empty
    if _ATOMIC_GROUP is not None and op is _ATOMIC_GROUP:
        return _first_of_sequence(list(arg))
    return None, False


_MAX_STARTS = 256


def starts(pattern: str, n: int = 2) -> frozenset[str] | None:
    """The strings of up to ``n`` characters a match of ``pattern`` can begin with (a
    shorter one: a whole match), or None when they are not few and plain.

    >>> sorted(starts("(home|start)( ?[>›] ?[a-z ]{1,40}){1,6}"))
    ['ho', 'st']
    >>> starts(r"\\d{1,3}") is None
    True
    """
    return _starts(_parse(pattern), n)


def _starts(parsed: Any | None, n: int = 2) -> frozenset[str] | None:
    if parsed is None:
        return None
    found = _starts_of_sequence(list(parsed), n)
    return frozenset(found) if found is not None and "" not in found else None


def _concat(heads: set[str], tails: set[str], n: int) -> set[str] | None:
    out = {h if len(h) >= n else (h + t)[:n] for h in heads for t in (tails if len(h) < n else {""})}
    return out if len(out) <= _MAX_STARTS else None


def _starts_of_sequence(items: list[Any], n: int) -> set[str] | None:
    current: set[str] | None = {""}
    for op, arg in items:
        if current is None or all(len(h) >= n for h in current):
            return current
        item = _starts_of_item(op, arg, n)
        if item is None:
            return None
        current = _concat(current, item, n)
    return current


def _starts_of_item(op: Any, arg: Any, n: int) -> set[str] | None:
    c = _sre_constants
    if op is c.LITERAL:
        return {chr(arg)}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {""}
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in arg:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < 64:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None
        return chars
    if op is c.SUBPATTERN:
        _, add_flags, del_flags, body = arg
        return None if add_flags or del_flags else _starts_of_sequence(list(body), n)
    if op is c.BRANCH:
        found: set[str] = set()
        for branch in arg[1]:
            part = _starts_of_sequence(list(branch), n)
            if part is None:
                return None
            found |= part
        return found if len(found) <= _MAX_STARTS else None
    if op in _REPEATS:
        low, high, body = arg
        body_starts = _starts_of_sequence(list(body), n)
        if body_starts is None:
            return None
        result: set[str] = {""} if low == 0 else set()
        current: set[str] | None = {""}
        for times in range(1, min(high, n) + 1):
            current = _concat(current, body_starts, n)
            if current is None:
                return None
            if times >= low:
                result |= current
        if low > n:
            result = {h for h in current if len(h) >= n} if current is not None else set()
        return result if len(result) <= _MAX_STARTS else None
    return None


def is_anchored(pattern: str) -> bool:
    """Does every match of ``pattern`` start at the start of the text (a leading ``^``)?

    >>> is_anchored(r"^([\\w'.-]+ ){1,3}covers\\b"), is_anchored("all rights reserved")
    (True, False)
    """
    return _is_anchored(_parse(pattern), pattern)


def _is_anchored(parsed: Any | None, pattern: str) -> bool:
    if parsed is None:
        return pattern.startswith("^") and "|" not in pattern
    items = list(parsed)
    multiline = parsed.state.flags & _sre_constants.SRE_FLAG_MULTILINE
    return bool(items) and items[0] == (_sre_constants.AT, _sre_constants.AT_BEGINNING) and not multiline


def required_any(pattern: str) -> tuple[str, ...] | None:
    """Pieces of plain text one of which every match of ``pattern`` contains (each three
    characters or more), or None: the longest top-level literal run, or the alternatives of
    a group, whichever has the longest shortest piece.

    >>> required_any("(tutti i diritti|riproduzione) riservat[ae]")
    ('tutti i diritti', 'riproduzione')
    >>> required_any(r"(en|et|\\d{1,5}) (kommentarer|svar)"), required_any(r"a|bc")
    (('kommentarer', 'svar'), None)
    """
    return _required_any(_parse(pattern))


# More alternatives than this cost more to test than the pattern they would skip.
_MAX_NEEDS = 16


def _required_any(parsed: Any | None) -> tuple[str, ...] | None:
    if parsed is None:
        return None
    options = _needs_of_sequence(list(parsed))
    return _best_needs([o for o in options if len(o) <= _MAX_NEEDS and min(map(len, o)) >= 3])


def _needs_of_sequence(items: list[Any]) -> list[tuple[str, ...]]:
    """Sets of texts (as tuples) one of which every match of ``items`` contains."""
    c = _sre_constants
    options: list[tuple[str, ...]] = []
    run = ""
    for op, arg in items:
        if op is c.LITERAL:
            run += chr(arg)
            continue
        if op is c.AT:
            continue  # zero-width: "^" does not break a run
        if run:
            options.append((run,))
            run = ""
        body: Any = None
        if op is c.SUBPATTERN and not arg[1] and not arg[2]:
            body = arg[3]
        elif op in _REPEATS and arg[0] >= 1:
            body = arg[2]
        elif op is c.BRANCH:
            pieces: list[str] = []
            for branch in arg[1]:
                found = _best_needs(_needs_of_sequence(list(branch)))
                if found is None:
                    pieces = []
                    break
                pieces += found
            if pieces:
                options.append(tuple(dict.fromkeys(pieces)))
        if body is not None:
            found = _best_needs(_needs_of_sequence(list(body)))
            if found is not None:
                options.append(found)
    if run:
        options.append((run,))
    return options


def _best_needs(options: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """Of a sequence's options, the one with the longest shortest piece (any length)."""
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


class _Patterns:
    """The patterns of one category and kind, indexed by their first characters and
    compiled on first use. ``mode`` wraps each: a whole-line match, a prefix ending where a
    word ends, or a search."""

    __slots__ = (
        "_anchored", "_any", "_by_char", "_by_first", "_classes", "_compiled", "_free", "_needs", "_pieces", "_sources",
        "_starts", "_trusted", "mode"
    )

    def __init__(self, entries: Sequence[_Entry], mode: Mode) -> None:
        self.mode = mode
        sources = [e.source for e in entries]
        facts = [e.facts() for e in entries]
        self._trusted = tuple(e.trusted for e in entries)
        self._sources = tuple(sources)
        self._compiled: list[regex.Pattern[str] | None] = [None] * len(sources)
        self._by_char: dict[str, list[int]] = {}
        self._classes: dict[str, list[int]] = {DIGIT: [], WORD: [], SPACE: []}
        self._any: list[int] = []
        self._by_first: dict[str, tuple[int, ...]] = {}
        # What each pattern can start with, up to two characters (None: see the first-character index).
        self._starts = tuple(f.starts if mode in ("full", "prefix") else None for f in facts)
        # Every match holds one of a few plain texts: substring tests (fast, in C) skip the
        # pattern, and its compilation, on the lines that lack them all.
        self._needs = tuple(f.needs for f in facts)
        # Patterns tried anywhere in a line (no index of first characters): one pass over the
        # texts any of them needs finds most lines holding none, which only the patterns
        # that need none (``_free``) can match.
        self._pieces = tuple(dict.fromkeys(piece for needs in self._needs if needs for piece in needs))
        self._free = tuple(k for k, needs in enumerate(self._needs) if needs is None)
        # A search for a pattern that starts with "^" is a match at the start.
        self._anchored = tuple(mode == "search" and f.anchored for f in facts)
        for k, fact in enumerate(facts):
            chars = fact.first if mode in ("full", "prefix") else None
            if chars is None:
                self._any.append(k)
                continue
            for char in chars:
                (self._classes[char] if char in self._classes else self._by_char.setdefault(char, [])).append(k)

    def __len__(self) -> int:
        return len(self._sources)

    def candidates(self, text: str) -> Sequence[int]:
        """Indices of the patterns that can match ``text``, in file order (remembered per
        first two characters)."""
        if not text:
            return range(len(self._sources))
        head = text[:2]
        found = self._by_first.get(head)
        if found is None:
            char = text[0]
            merged = [*self._by_char.get(char, ()), *self._any]
            if self._classes[DIGIT] and DIGIT_CHAR_RE.match(char):
                merged += self._classes[DIGIT]
            if self._classes[WORD] and WORD_CHAR_RE.match(char):
                merged += self._classes[WORD]
            if self._classes[SPACE] and SPACE_CHAR_RE.match(char):
                merged += self._classes[SPACE]
            # Of those, the patterns whose first two characters are known must begin so.
            kept = [k for k in set(merged) if self._starts[k] is None or any(head.startswith(s) for s in self._starts[k])]
            if len(self._by_first) >= MAX_FIRST_CHARS:
                self._by_first.clear()
            found = self._by_first[head] = tuple(sorted(kept))
        return found

    def compiled(self, k: int) -> Any:
        pattern = self._compiled[k]
        if pattern is None:
            source = (TEMPLATES["prefix"] if self._anchored[k] else TEMPLATES[self.mode]).format(self._sources[k])
            pattern = self._compiled[k] = regex.compile(source)
        return pattern

    def first(self, text: str, budget: Budget | None) -> regex.Match[str] | None:
        """The match of the first pattern (in file order) that matches ``text``."""
        found = self.first_at(text, budget)
        return found[1] if found is not None else None

    def first_at(self, text: str, budget: Budget | None, pos: int = 0) -> tuple[int, Any] | None:
        """The first pattern (in file order) that matches ``text``: its index and match (a
        prefix match may start at ``pos``)."""
        if self.mode in ("full", "prefix"):
            candidates = self.candidates(text[pos : pos + 2])
        elif any(map(text.__contains__, self._pieces)):
            candidates = range(len(self._sources))
        else:
            candidates = self._free
        for k in candidates:
            needs = self._needs[k]
            if needs is not None:
                for piece in needs:
                    if piece in text:
                        break
                else:
                    continue
            pattern = self.compiled(k)
            if self._trusted[k]:
                # Shipped patterns are tested to be bounded on the lines they see, so they
                # run without the cost of a timeout on every call.
                if self.mode == "full":
                    match = pattern.fullmatch(text)
                elif self.mode == "prefix" or self._anchored[k]:
                    match = pattern.match(text, pos)
                else:
                    match = pattern.search(text)
            else:
                budget = budget if budget is not None else _DOCUMENT_BUDGET.get()
                if budget is not None and budget.exhausted:
                    continue
                started = time.perf_counter()
                try:
                    if self.mode == "full":
                        match = pattern.fullmatch(text, timeout=MATCH_TIMEOUT)
                    elif self.mode == "prefix" or self._anchored[k]:
                        match = pattern.match(text, pos, timeout=MATCH_TIMEOUT)
                    else:
                        match = pattern.search(text, timeout=MATCH_TIMEOUT)
                except TimeoutError:
                    match = None
                if budget is not None:
                    budget.spent(time.perf_counter() - started)
            if match is not None:
                return k, match
        return None

    def validate(self, origins: Sequence[str]) -> None:
        for k, origin in enumerate(origins):
            try:
                self.compiled(k)
            except regex.error as error:
                where = f"{origin}: " if origin else ""
                raise VocabularyError(f"{where}invalid pattern {self._sources[k]!r}: {error}") from None


class _Category:
    """The entries of one category: phrases in a set, patterns indexed and compiled lazily."""

    __slots__ = ("_lazy", "entries", "literals", "phrases_only", "trusted")

    def __init__(self, entries: Sequence[_Entry]) -> None:
        self.entries = tuple(entries)
        self.literals = frozenset(e.source for e in self.entries if e.kind == "phrase")
        self.phrases_only = all(e.kind == "phrase" for e in self.entries)
        # Every pattern shipped with the package (no timeout, no budget needed).
        self.trusted = all(e.trusted for e in self.entries if e.kind != "phrase")
        self._lazy: dict[str, Any] = {}

    def _get(self, name: str, build: Any) -> Any:
        if name not in self._lazy:
            self._lazy[name] = build()
        return self._lazy[name]

    def _of(self, kind: str) -> list[_Entry]:
        return [e for e in self.entries if e.kind == kind]

    @property
    def full(self) -> _Patterns:
        return self._get("full", lambda: _Patterns(self._of("re"), "full"))

    @property
    def contains(self) -> _Patterns:
        return self._get("contains", lambda: _Patterns(self._of("has"), "contains"))

    @property
    def prefix(self) -> _Patterns:
        return self._get("prefix", lambda: _Patterns(self._of("re"), "prefix"))

    @property
    def search(self) -> _Patterns:
        return self._get("search", lambda: _Patterns(self._of("re"), "search"))

    @property
    def ordered_literals(self) -> tuple[str, ...]:
        """Phrases longest first, then in order: the same in every process."""
        result: tuple[str, ...] = self._get("ordered_literals", lambda: tuple(sorted(self.literals, key=lambda p: (-len(p), p))))
        return result

    @property
    def prefix_literals(self) -> dict[str, tuple[str, ...]]:
        """Phrases by their first word (:func:`_lead`), longest first: a phrase that starts
        a text where a word ends starts with the text's first word whole."""

        def build() -> dict[str, tuple[str, ...]]:
            index: dict[str, list[str]] = {}
            for phrase in sorted(self.literals, key=lambda p: (-len(p), p)):
                index.setdefault(_lead(phrase, 0), []).append(phrase)
            return {lead: tuple(phrases) for lead, phrases in index.items()}

        result: dict[str, tuple[str, ...]] = self._get("prefix_literals", build)
        return result

    @property
    def phrase_entries(self) -> dict[str, _Entry]:
        """Each phrase's first entry (where it is written)."""

        def build() -> dict[str, _Entry]:
            index: dict[str, _Entry] = {}
            for entry in self.entries:
                if entry.kind == "phrase":
                    index.setdefault(entry.source, entry)
            return index

        result: dict[str, _Entry] = self._get("phrase_entries", build)
        return result

    def validate(self) -> None:
        for kind, patterns in (("re", self.full), ("has", self.contains)):
            patterns.validate([e.origin for e in self.entries if e.kind == kind])


class _Group:
    """Several categories asked together (``Vocabulary.classify``): their phrases in one
    dictionary (phrase -> first category), their patterns in one index."""

    __slots__ = ("contains", "entries", "full", "owners_contains", "owners_full", "phrases")

    def __init__(self, categories: Sequence[str], matchers: Mapping[str, _Category]) -> None:
        present = [c for c in categories if c in matchers]
        self.phrases: dict[str, str] = {}
        for category in reversed(present):
            self.phrases.update(dict.fromkeys(matchers[category].literals, category))
        full = [(c, e) for c in present for e in matchers[c].entries if e.kind == "re"]
        contains = [(c, e) for c in present for e in matchers[c].entries if e.kind == "has"]
        self.full = _Patterns([e for _, e in full], "full")
        self.owners_full = tuple(c for c, _ in full)
        self.contains = _Patterns([e for _, e in contains], "contains")
        self.owners_contains = tuple(c for c, _ in contains)
        self.entries = (tuple(e for _, e in full), tuple(e for _, e in contains))


class Vocabulary:
    """Phrase lists by category, merged over languages.

    >>> vocab = Vocabulary({"advertisement": ["Advertisement", "re:anzeige( \\\\d+)?"]})
    >>> vocab.is_phrase("advertisement", "advertisement"), vocab.is_phrase("advertisement", "anzeige 2")
    (True, True)
    >>> vocab.prefix("advertisement", "advertisement: buy now")
    13
    """

    def __init__(self, entries: Mapping[str, Sequence[str]], *, validate: bool = True) -> None:
        self.entries: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in entries.items()}
        # Where each entry came from, and whether it was shipped (loaded entries say so).
        self._sources = entries if isinstance(entries, _Entries) else None
        origins = entries.origins if isinstance(entries, _Entries) else {}
        shipped = entries.shipped if isinstance(entries, _Entries) else {}
        self._categories: dict[str, _Category] = {}
        for category, values in self.entries.items():
            where = origins.get(category, [""] * len(values))
            trusted = shipped.get(category, [False] * len(values))
            parsed = [_parse_entry(value, origin, ok) for value, origin, ok in zip(values, where, trusted)]
            self._categories[category] = _Category([e for e in parsed if e is not None])
        # Patterns from the user (not shipped): they run with a timeout and spend the
        # document's budget, and answers found once it is spent are not remembered.
        self.has_user_patterns = not all(m.trusted for m in self._categories.values())
        self._groups: dict[tuple[str, ...], _Group] = {}
        if validate:
            for matcher in self._categories.values():
                matcher.validate()

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._sources if self._sources is not None else self.entries,))

    @classmethod
    def load(
        cls, languages: Iterable[str] | None = None, *, extra: Iterable[str | Path] = (), builtin: bool = True
    ) -> Vocabulary:
        """Read the shipped files (all languages, or ``languages``) plus ``extra`` folders.

        A user's entries are checked here (an invalid pattern raises :class:`VocabularyError`
        naming its file and line); the shipped ones are checked by the test suite, so
        loading them compiles nothing.
        """
        folders: list[tuple[Path, bool]] = []
        if builtin:
            wanted = None if languages is None else {*languages, "any"}
            folders += [(p, False) for p in sorted(VOCAB_DIR.iterdir()) if p.is_dir() and (wanted is None or p.name in wanted)]
        user = False
        for folder in extra:
            root = Path(folder)
            if not root.is_dir():
                raise FileNotFoundError(f"vocabulary folder {root} does not exist")
            subdirs = [p for p in sorted(root.iterdir()) if p.is_dir()]
            folders += [(p, True) for p in subdirs or [root]]
            user = True
        merged = _Entries()
        for folder, is_user in folders:
            for path in sorted(folder.glob("*.txt")):
                category = path.stem
                for entry, origin in _read_entries(path):
                    merged.add(category, entry, origin, shipped=not is_user)
        return cls(merged, validate=user)

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> Vocabulary:
        """The shipped vocabulary for all languages (read once; it is immutable)."""
        return Vocabulary.load()

    def extended(self, entries: Mapping[str, Sequence[str]]) -> Vocabulary:
        """A new vocabulary with ``entries`` added to their categories (only they are checked)."""
        Vocabulary(entries).validate()
        merged = {k: list(v) for k, v in self.entries.items()}
        for key, values in entries.items():
            merged.setdefault(key, []).extend(values)
        return Vocabulary(merged, validate=False)

    def categories(self) -> list[str]:
        return sorted(self.entries)

    def literals(self, category: str) -> frozenset[str]:
        matcher = self._categories.get(category)
        return matcher.literals if matcher else frozenset()

    def only_phrases(self, category: str) -> frozenset[str] | None:
        """The phrases of ``category`` when it holds no pattern (then :meth:`is_phrase` is a
        lookup in them), else None.

        >>> vocab = Vocabulary({"a": ["Home"], "b": ["Home", "re:news [0-9]+"]})
        >>> vocab.only_phrases("a"), vocab.only_phrases("b"), vocab.only_phrases("c")
        (frozenset({'home'}), None, frozenset())
        """
        matcher = self._categories.get(category)
        if matcher is None:
            return frozenset()
        return matcher.literals if matcher.phrases_only else None

    def validate(self) -> None:
        """Compile every pattern (raises :class:`VocabularyError` on the first invalid one)."""
        for matcher in self._categories.values():
            matcher.validate()

    def is_phrase(self, category: str, text: str, budget: Budget | None = None) -> bool:
        """Does folded ``text`` equal an entry of ``category`` (whole line)?"""
        matcher = self._categories.get(category)
        if matcher is None:
            return False
        if text in matcher.literals:
            return True
        if matcher.full.first(text, budget) is not None:
            return True
        return matcher.contains.first(text, budget) is not None

    def classify(self, categories: Sequence[str], text: str, budget: Budget | None = None) -> str | None:
        """The category of ``categories`` that folded ``text`` is a whole-line entry of: the
        first with a phrase equal to it, else the first with a ``re:`` pattern matching it
        whole, else the first with a ``has:`` pattern found in it."""
        found = self._match(categories, text, budget)
        return found[0] if found is not None else None

    def _match(self, categories: Sequence[str], text: str, budget: Budget | None) -> tuple[str, _Entry | None] | None:
        """The category and the pattern :meth:`classify` finds (None for a phrase: equal
        phrases may stand in several files, :meth:`explain` looks up the first)."""
        key = tuple(categories)
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = _Group(key, self._categories)
        category = group.phrases.get(text)
        if category is not None:
            return category, None
        found = group.full.first_at(text, budget)
        if found is not None:
            return group.owners_full[found[0]], group.entries[0][found[0]]
        found = group.contains.first_at(text, budget)
        return (group.owners_contains[found[0]], group.entries[1][found[0]]) if found is not None else None

    def explain(self, categories: Sequence[str], text: str) -> str | None:
        """Which entry :meth:`classify` finds folded ``text`` to be, as written and where:
        "vocabulary entry 'home' at en/navigation.txt:35" (a shipped file named from the
        package's ``vocab`` folder, a user's by its path), or None. For the details of
        removals: a user reads which line of which file to change."""
        found = self._match(categories, text, None)
        if found is None:
            return None
        category, entry = found
        if entry is None:
            entry = self._categories[category].phrase_entries.get(text)
        if entry is None:
            return f"vocabulary entry '{text}'"
        written = entry.source if entry.kind == "phrase" else f"{entry.kind}:{entry.source}"
        if len(written) > MAX_EXPLAINED_CHARS:
            written = written[: MAX_EXPLAINED_CHARS - 1] + "…"
        # Quoted as written (a pattern's backslashes not doubled).
        return f"vocabulary entry '{written}'" + (f" at {_where(entry.origin)}" if entry.origin else "")

    def prefix(self, category: str, text: str, budget: Budget | None = None) -> int | None:
        """Length of the entry of ``category`` that starts folded ``text`` (the first pattern
        that does, else the longest phrase), ending where a word ends; None if none does."""
        matcher = self._categories.get(category)
        if matcher is None or not text:
            return None
        return self._entry_end(matcher, text, 0, budget)

    @staticmethod
    def _entry_end(matcher: _Category, text: str, pos: int, budget: Budget | None) -> int | None:
        """Where the entry that starts at ``pos`` of ``text`` and ends where a word ends ends:
        the first pattern's match, else the longest phrase's; None if none does."""
        if len(matcher.prefix):
            match = matcher.prefix.first_at(text, budget, pos)
            if match is not None:
                end: int = match[1].end()
                return end
        for phrase in matcher.prefix_literals.get(_lead(text, pos), ()):
            end = pos + len(phrase)
            if text.startswith(phrase, pos) and (end == len(text) or not WORD_CHAR_RE.match(text, end)):
                return end
        return None

    def remove_all(self, category: str, text: str) -> tuple[str, int]:
        """Folded ``text`` with every entry of ``category`` cut out (each replaced by a space),
        and how many were: from the left, at each place where a word may start, the entry
        :meth:`prefix` finds there, as one regex alternation of all the entries would (but
        nothing to compile: there are hundreds of share phrases)."""
        matcher = self._categories.get(category)
        if matcher is None:
            return text, 0
        pieces: list[str] = []
        kept = count = pos = 0
        while pos < len(text):
            if pos == 0 or not WORD_CHAR_RE.match(text, pos - 1):
                end = self._entry_end(matcher, text, pos, None)  # a user's patterns spend the document's budget
                if end is not None and end > pos:
                    pieces += (text[kept:pos], " ")
                    kept = pos = end
                    count += 1
                    continue
            pos += 1
        pieces.append(text[kept:])
        return "".join(pieces), count

    def search(self, category: str, text: str, budget: Budget | None = None) -> regex.Match[str] | None:
        """An entry of ``category`` found anywhere in folded ``text``, between word boundaries:
        the match of the first pattern (in file order) found in it, else of the longest
        phrase; None if no entry occurs. Not necessarily the leftmost entry."""
        matcher = self._categories.get(category)
        if matcher is None:
            return None
        match = matcher.search.first(text, budget) if len(matcher.search) else None
        if match is not None:
            return match
        for phrase in matcher.ordered_literals:
            at = text.find(phrase)
            while at != -1:
                end = at + len(phrase)
                if (at == 0 or not WORD_CHAR_RE.match(text, at - 1)) and (end == len(text) or not WORD_CHAR_RE.match(text, end)):
                    return regex.compile(regex.escape(phrase)).match(text, at)
                at = text.find(phrase, at + 1)
        return None


class _Entries(dict[str, list[str]]):
    """Entries by category, with where each came from (for error messages)."""

    def __init__(self) -> None:
        super().__init__()
        self.origins: dict[str, list[str]] = {}
        self.shipped: dict[str, list[bool]] = {}

    def add(self, category: str, entry: str, origin: str, *, shipped: bool) -> None:
        self.setdefault(category, []).append(entry)
        self.origins.setdefault(category, []).append(origin)
        self.shipped.setdefault(category, []).append(shipped)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore_entries, (dict(self), self.origins, self.shipped))


def _restore_entries(entries: dict[str, list[str]], origins: dict[str, list[str]], shipped: dict[str, list[bool]]) -> _Entries:
    restored = _Entries()
    restored.update(entries)
    restored.origins, restored.shipped = origins, shipped
    return restored


def _rebuild(entries: Mapping[str, Sequence[str]]) -> Vocabulary:
    # A vocabulary sent to a worker process was checked where it was built.
    return Vocabulary(entries, validate=False)

