"""SiteProfile: which normalized lines each site repeats across its articles, counted once per article.

A profile is built in one pass over a corpus, is the same whatever the order of the records,
adds up across shards (``build(a) + build(b) == build(a + b)``) and stays bounded in memory:
per site it keeps exact counts of line fingerprints up to ``max_exact`` distinct ones, then
switches that site, losslessly for everything it has seen, to a fixed-size count-min sketch.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import unicodedata
from array import array
from collections.abc import Iterable, Mapping
from hashlib import blake2b
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import regex

from cleaner.blocks import BLANK_RE
from cleaner.patterns import DECOR_RE, QUOTES_TABLE, core

__all__ = [
    "SiteProfile",
    "build_profile",
    "fingerprint",
    "frequent_lines",
    "merge_profiles",
    "record_site",
    "site_of_url",
]

FORMAT = "cleaner-site-profile"
VERSION = 1
_MASK64 = (1 << 64) - 1
# Row r of a sketch puts fingerprint f in cell (f * _MULTIPLIERS[r] mod 2**64) >> (64 - bits):
# multiply-shift hashing with fixed odd multipliers, so every process agrees on the cells.
_MULTIPLIERS = tuple(
    int.from_bytes(blake2b(f"sketch row {r}".encode(), digest_size=8).digest(), "little") | 1
    for r in range(32)
)

Record = Mapping[str, Any] | tuple[str, str]


_DECOR_CHARS: str | None = None


def _decor_chars() -> str:
    """The characters of ``patterns.DECOR_RE``'s class, enumerated once (by ``regex`` itself)."""
    global _DECOR_CHARS  # a constant computed on first use: no state that depends on input
    if _DECOR_CHARS is None:
        codes = array("I", range(0xD800)) + array("I", range(0xE000, 0x110000))  # no surrogates
        every = codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")
        pattern = DECOR_RE.pattern  # "^[class]+|[class]+$"
        _DECOR_CHARS = "".join(regex.findall(pattern[1 : pattern.index("]+|") + 1], every))
    return _DECOR_CHARS


def normalize(line: str) -> str:
    """Exactly :func:`~cleaner.patterns.core`, several times faster on lines without control or
    non-ASCII space characters (the fingerprinting hot path; equality is tested).

    >>> normalize("  » Lire  AUSSI : ") == core("  » Lire  AUSSI : ") == "lire aussi"
    True
    """
    text = unicodedata.normalize("NFKC", line.translate(QUOTES_TABLE)).casefold()
    if not text.isprintable():  # tabs, NBSP, zero-width...: let the regexes decide
        return core(line)
    # Printable text has no whitespace but " ", so split/join is SPACES_RE and strip is DECOR_RE.
    return " ".join(text.split()).strip(_DECOR_CHARS or _decor_chars())


def fingerprint(line: str) -> int | None:
    """The line's 64-bit fingerprint: blake2b (8 bytes) of its :func:`~cleaner.patterns.core`.

    Lines that are empty after normalization (blank, decoration only) have none.

    >>> fingerprint("» Lire aussi :") == fingerprint("LIRE AUSSI")
    True
    >>> fingerprint(" -- ") is None
    True
    """
    key = normalize(line)
    if not key:
        return None
    return int.from_bytes(blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def fingerprints(text: str) -> set[int]:
    """The distinct fingerprints of the lines of ``text`` (split as :mod:`cleaner.blocks` does)."""
    out: set[int] = set()
    # splitlines() breaks at the same characters as blocks.LINE_BREAK_RE, plus U+2029 (a
    # paragraph break there); the lines only differ by blank ones, which have no fingerprint.
    for line in text.splitlines():
        if not line.strip() or (not line.isprintable() and BLANK_RE.fullmatch(line)):
            continue
        fp = fingerprint(line)
        if fp is not None:
            out.add(fp)
    return out


def site_of_url(url: str) -> str:
    """The site of a URL: its host name, lowercased, without ``www.``.

    >>> site_of_url("https://WWW.HuffingtonPost.fr/politique/article.html")
    'huffingtonpost.fr'
    >>> site_of_url("not a url")
    ''
    """
    try:
        host = urlsplit(url.strip() if "//" in url else "//" + url.strip()).hostname or ""
    except ValueError:
        return ""
    if not host or "." not in host or " " in host:
        return ""
    return host.removeprefix("www.")


def record_site(record: Mapping[str, Any], *, site_field: str | None = None, url_field: str = "url") -> str:
    """A record's site: ``record[site_field]`` if given (and ``record["site"]`` otherwise), else the
    domain of ``record[url_field]``; ``""`` when none is known.

    >>> record_site({"url": "https://www.example.com/a"})
    'example.com'
    >>> record_site({"source": "Le Monde", "url": "https://x.org"}, site_field="source")
    'le monde'
    """
    value = record.get(site_field or "site")
    if isinstance(value, str) and value.strip():
        return value.strip().lower()
    url = record.get(url_field)
    return site_of_url(url) if isinstance(url, str) else ""


def _site_and_text(record: Record, text_field: str, site_field: str | None, url_field: str) -> tuple[str, Any]:
    """A record's site and text: a ``(site, text)`` pair as given, else from its fields."""
    if isinstance(record, tuple):
        return record
    return record_site(record, site_field=site_field, url_field=url_field), record.get(text_field)


class SiteProfile:
    """Per site: the number of articles, and in how many of them each line fingerprint occurs.

    Args:
        max_exact: distinct fingerprints a site keeps exact counts for (a Python dict, ~90
            bytes an entry). Past that, the site's counts move into a count-min sketch of
            ``sketch_depth`` rows of ``2**sketch_bits`` 32-bit counters (default 8 x 4,096:
            128 KiB a site, whatever its size); the switch depends only on the site's final
            number of distinct lines, so not on input order.
        sketch_bits: log2 of the sketch width (1 to 24).
        sketch_depth: sketch rows (1 to 32).

    A sketch only over-counts. Each row adds the other lines that share the cell: on
    average (distinct lines per article / width) of the site's articles, ~0.8 % for 33
    lines and 4,096 cells, against a ``min_share`` of several percent. A false removal
    needs every row to put the line in a cell with a frequent line: with 100 frequent
    lines a site, (100 / 4096) ** 8, about 1e-13 a line.

    Profiles built on shards add up: ``a + b`` (or :meth:`merge`) equals the profile built on
    both shards' records together, exactly.

    >>> p = SiteProfile.build([("a.com", "Sign up now\\nStory one."), ("a.com", "Story two.\\nSign up now")])
    >>> p.articles("a.com"), p.count("a.com", "SIGN UP NOW!"), p.share("a.com", "Story one.")
    (2, 2, 0.5)
    """

    __slots__ = ("_articles", "_exact", "_sketch", "max_exact", "sketch_bits", "sketch_depth", "skipped")

    def __init__(self, *, max_exact: int = 2_048, sketch_bits: int = 12, sketch_depth: int = 8) -> None:
        if not 1 <= sketch_bits <= 24:
            raise ValueError(f"sketch_bits must be between 1 and 24, got {sketch_bits}")
        if not 1 <= sketch_depth <= len(_MULTIPLIERS):
            raise ValueError(f"sketch_depth must be between 1 and {len(_MULTIPLIERS)}, got {sketch_depth}")
        if max_exact < 0:
            raise ValueError(f"max_exact must be >= 0, got {max_exact}")
        self.max_exact = max_exact
        self.sketch_bits = sketch_bits
        self.sketch_depth = sketch_depth
        self.skipped = 0  # records without a site or without text
        self._articles: dict[str, int] = {}
        self._exact: dict[str, dict[int, int]] = {}
        self._sketch: dict[str, array[int]] = {}

    # -- building -------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        records: Iterable[Record],
        *,
        text_field: str = "text",
        site_field: str | None = None,
        url_field: str = "url",
        **options: Any,
    ) -> SiteProfile:
        """Profile ``records``: ``(site, text)`` pairs or mappings with a text and a site or URL."""
        return cls(**options).update(
            records, text_field=text_field, site_field=site_field, url_field=url_field
        )

    def update(
        self,
        records: Iterable[Record],
        *,
        text_field: str = "text",
        site_field: str | None = None,
        url_field: str = "url",
    ) -> SiteProfile:
        """Add ``records`` (see :meth:`build`) and return this profile."""
        for record in records:
            site, text = _site_and_text(record, text_field, site_field, url_field)
            if not site or not isinstance(text, str):
                self.skipped += 1
                continue
            self.add_fingerprints(site, fingerprints(text))
        return self

    def add(self, site: str, text: str) -> None:
        """Count one article of ``site``."""
        self.add_fingerprints(site, fingerprints(text))

    def add_fingerprints(self, site: str, fps: Iterable[int]) -> None:
        """Count one article of ``site`` given its distinct line fingerprints."""
        self._articles[site] = self._articles.get(site, 0) + 1
        sketch = self._sketch.get(site)
        if sketch is not None:
            rows, shift = self._rows(), 64 - self.sketch_bits
            for fp in fps:
                for start, multiplier in rows:
                    sketch[start + (((fp * multiplier) & _MASK64) >> shift)] += 1
            return
        counts = self._exact.setdefault(site, {})
        for fp in fps:
            counts[fp] = counts.get(fp, 0) + 1
        if len(counts) > self.max_exact:
            self._to_sketch(site)

    def _to_sketch(self, site: str) -> None:
        sketch = array("I", bytes(4 * self.sketch_depth << self.sketch_bits))
        self._sketch_add(sketch, self._exact.pop(site, {}))
        self._sketch[site] = sketch

    def _rows(self) -> list[tuple[int, int]]:
        """(first cell, multiplier) of each sketch row."""
        width = 1 << self.sketch_bits
        return [(row * width, _MULTIPLIERS[row]) for row in range(self.sketch_depth)]

    def _sketch_add(self, sketch: array[int], counts: Mapping[int, int]) -> None:
        rows, shift = self._rows(), 64 - self.sketch_bits
        for fp, n in counts.items():
            for start, multiplier in rows:
                sketch[start + (((fp * multiplier) & _MASK64) >> shift)] += n

    # -- queries --------------------------------------------------------------------------

    @property
    def settings(self) -> dict[str, int]:
        """The constructor options; profiles merge only with equal settings."""
        return {
            "max_exact": self.max_exact,
            "sketch_bits": self.sketch_bits,
            "sketch_depth": self.sketch_depth,
        }

    def articles(self, site: str) -> int:
        """How many articles of ``site`` were profiled."""
        return self._articles.get(site, 0)

    def count(self, site: str, line: str | int) -> int:
        """In how many of the site's articles the line (text or fingerprint) occurs (a sketch may over-count)."""
        fp = fingerprint(line) if isinstance(line, str) else line
        if fp is None:
            return 0
        counts = self._exact.get(site)
        if counts is not None:
            return counts.get(fp, 0)
        sketch = self._sketch.get(site)
        if sketch is None:
            return 0
        shift = 64 - self.sketch_bits
        return min(
            sketch[start + (((fp * multiplier) & _MASK64) >> shift)] for start, multiplier in self._rows()
        )

    def share(self, site: str, line: str | int) -> float:
        """The share of the site's articles the line occurs in (0.0 for an unknown site)."""
        total = self.articles(site)
        return self.count(site, line) / total if total else 0.0

    @property
    def sites(self) -> list[str]:
        """Profiled sites, sorted."""
        return sorted(self._articles)

    def is_sketched(self, site: str) -> bool:
        """Whether the site's counts live in a sketch (it has more than ``max_exact`` distinct lines)."""
        return site in self._sketch

    def top(self, site: str, n: int = 10) -> list[tuple[int, int]]:
        """The ``n`` most frequent ``(fingerprint, count)`` pairs of an exactly counted site
        (ties by fingerprint; ``[]`` for a sketched site, which keeps no fingerprints)."""
        counts = self._exact.get(site, {})
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    def summary(self) -> dict[str, dict[str, Any]]:
        """Per site: articles, storage (``exact`` or ``sketch``) and exact entries kept."""
        return {
            site: {
                "articles": self._articles[site],
                "storage": "sketch" if site in self._sketch else "exact",
                "entries": len(self._exact.get(site, {})),
            }
            for site in self.sites
        }

    # -- merging and equality -------------------------------------------------------------

    def _check_compatible(self, other: SiteProfile) -> None:
        if self.settings != other.settings:
            raise ValueError(
                f"cannot merge profiles built with different settings: {self.settings} vs {other.settings}"
            )

    def merge(self, *others: SiteProfile) -> SiteProfile:
        """A new profile counting this one's articles and those of ``others``."""
        out = SiteProfile(**self.settings)
        for profile in (self, *others):
            out.merge_in(profile)
        return out

    def merge_in(self, other: SiteProfile) -> SiteProfile:
        """Add ``other``'s counts to this profile (in place) and return it."""
        self._check_compatible(other)
        if other is self:
            other = self.merge()
        self.skipped += other.skipped
        for site, n in other._articles.items():
            self._articles[site] = self._articles.get(site, 0) + n
            theirs_sketch = other._sketch.get(site)
            if theirs_sketch is not None and site not in self._sketch:
                self._to_sketch(site)
            sketch = self._sketch.get(site)
            if sketch is not None:
                if theirs_sketch is not None:
                    for i, v in enumerate(theirs_sketch):
                        if v:
                            sketch[i] += v
                else:
                    self._sketch_add(sketch, other._exact.get(site, {}))
                continue
            counts = self._exact.setdefault(site, {})
            for fp, c in other._exact.get(site, {}).items():
                counts[fp] = counts.get(fp, 0) + c
            if len(counts) > self.max_exact:
                self._to_sketch(site)
        return self

    def __add__(self, other: SiteProfile) -> SiteProfile:
        return self.merge(other)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SiteProfile):
            return NotImplemented
        return (
            self.settings == other.settings
            and self._articles == other._articles
            and self._exact == other._exact
            and self._sketch == other._sketch
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        articles = sum(self._articles.values())
        return f"SiteProfile({len(self._articles)} sites, {articles} articles, {len(self._sketch)} sketched)"

    def __getstate__(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        for name in self.__slots__:
            setattr(self, name, state[name])

    # -- files ----------------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the profile to an SQLite file (replaced atomically). Tables: ``meta``,
        ``sites(site, articles, sketch)`` and ``lines(site, fingerprint, articles)``;
        fingerprints are stored as signed 64-bit integers, sketches as little-endian uint32."""
        target = Path(path)
        fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent or ".")
        os.close(fd)
        try:
            with sqlite3.connect(tmp) as db:
                db.executescript(
                    "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                    "CREATE TABLE sites (site TEXT PRIMARY KEY, articles INTEGER NOT NULL, sketch BLOB);"
                    "CREATE TABLE lines (site TEXT NOT NULL, fingerprint INTEGER NOT NULL,"
                    " articles INTEGER NOT NULL, PRIMARY KEY (site, fingerprint)) WITHOUT ROWID;"
                )
                meta = {
                    "format": FORMAT,
                    "version": str(VERSION),
                    "fingerprint": "blake2b-64 of patterns.core(line), little-endian",
                    "max_exact": str(self.max_exact),
                    "sketch_bits": str(self.sketch_bits),
                    "sketch_depth": str(self.sketch_depth),
                    "skipped": str(self.skipped),
                }
                db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
                for site in self.sites:
                    sketch = self._sketch.get(site)
                    blob = None
                    if sketch is not None:
                        data = array("I", sketch)
                        if sys.byteorder == "big":  # pragma: no cover
                            data.byteswap()
                        blob = data.tobytes()
                    db.execute("INSERT INTO sites VALUES (?, ?, ?)", (site, self._articles[site], blob))
                    db.executemany(
                        "INSERT INTO lines VALUES (?, ?, ?)",
                        ((site, _signed(fp), c) for fp, c in sorted(self._exact.get(site, {}).items())),
                    )
            db.close()
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> SiteProfile:
        """Read a profile written by :meth:`save`, checking it whole: anything that does not
        fit (a count for an unknown site, a sketch of the wrong size, a bad setting) raises
        ``ValueError`` naming the file, instead of failing later on each record."""
        name = os.fspath(path)
        if not Path(name).is_file():
            raise FileNotFoundError(f"no site profile at {name!r}")
        # A path, not a URI: "#", "?" or "%41" in a file name mean nothing to SQLite here.
        db = sqlite3.connect(os.path.abspath(name), uri=False)
        try:
            db.execute("PRAGMA query_only = ON")
            return cls._read(db, name)
        except sqlite3.DatabaseError as err:
            raise ValueError(f"{name!r} is not a site profile ({err})") from None
        finally:
            db.close()

    @classmethod
    def _read(cls, db: sqlite3.Connection, name: str) -> SiteProfile:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("format") != FORMAT or not str(meta.get("version", "")).isdigit() or int(meta["version"]) > VERSION:
            raise ValueError(f"{name!r} is not a version {VERSION} site profile: {meta}")
        try:
            profile = cls(
                max_exact=int(meta["max_exact"]),
                sketch_bits=int(meta["sketch_bits"]),
                sketch_depth=int(meta["sketch_depth"]),
            )
            profile.skipped = int(meta.get("skipped", 0))
        except (KeyError, ValueError) as err:
            raise ValueError(f"{name!r}: bad profile settings ({err}): {meta}") from None
        cells = profile.sketch_depth << profile.sketch_bits
        for site, articles, blob in db.execute("SELECT site, articles, sketch FROM sites"):
            if not isinstance(site, str) or not site:
                raise ValueError(f"{name!r}: a site row without a site name ({site!r})")
            if not isinstance(articles, int) or articles < 1:
                raise ValueError(f"{name!r}: site {site!r} has {articles!r} articles")
            profile._articles[site] = articles
            if blob is None:
                profile._exact[site] = {}
                continue
            if not isinstance(blob, bytes) or len(blob) != 4 * cells:
                size = len(blob) if isinstance(blob, (bytes, str)) else blob
                raise ValueError(
                    f"{name!r}: site {site!r} has a sketch of {size} bytes, expected {4 * cells} "
                    f"({profile.sketch_depth} rows of {1 << profile.sketch_bits} 32-bit counters)"
                )
            sketch = array("I")
            sketch.frombytes(blob)
            if sys.byteorder == "big":  # pragma: no cover
                sketch.byteswap()
            profile._sketch[site] = sketch
        for site, fp, count in db.execute("SELECT site, fingerprint, articles FROM lines"):
            counts = profile._exact.get(site)
            if counts is None:
                where = "which has a sketch" if site in profile._sketch else "which has no row in table sites"
                raise ValueError(f"{name!r}: line counts for site {site!r}, {where}")
            if not isinstance(fp, int) or not isinstance(count, int) or not 1 <= count <= profile._articles[site]:
                raise ValueError(
                    f"{name!r}: site {site!r} has a line counted {count!r} times in "
                    f"{profile._articles[site]} articles (fingerprint {fp!r})"
                )
            counts[fp & _MASK64] = count
        return profile

    def digest(self) -> str:
        """A hash of the settings and counts: equal profiles, equal digests (a batch output
        records it, so that ``--resume`` with another profile is refused).

        >>> SiteProfile.build([("a.example", "Hi")]).digest() == SiteProfile.build([("a.example", "Hi")]).digest()
        True
        """
        hasher = blake2b(digest_size=16)
        hasher.update(json.dumps(self.settings, sort_keys=True).encode())
        for site in self.sites:
            hasher.update(f"\n{site}\t{self._articles[site]}\n".encode("utf-8", "surrogatepass"))
            sketch = self._sketch.get(site)
            if sketch is not None:
                hasher.update(sketch.tobytes())
            else:
                counts = self._exact.get(site, {})
                hasher.update(array("Q", sorted(counts)).tobytes())
                hasher.update(array("Q", (counts[fp] for fp in sorted(counts))).tobytes())
        return hasher.hexdigest()


def merge_profiles(profiles: Iterable[SiteProfile]) -> SiteProfile:
    """The sum of ``profiles`` (built on shards, workers or Dask partitions), in any order.

    With Dask: ``bag.reduction(SiteProfile.build, merge_profiles)`` over a bag of records.

    >>> parts = [SiteProfile.build([("a.example", "Hi")]), SiteProfile.build([("a.example", "Hi")])]
    >>> merge_profiles(parts).count("a.example", "hi")
    2
    """
    out: SiteProfile | None = None
    for profile in profiles:
        out = profile.merge() if out is None else out.merge_in(profile)
    return out if out is not None else SiteProfile()


def frequent_lines(
    profile: SiteProfile,
    records: Iterable[Record],
    *,
    min_share: float = 0.05,
    limit: int | None = 20,
    text_field: str = "text",
    site_field: str | None = None,
    url_field: str = "url",
) -> dict[str, list[tuple[int, str]]]:
    """Per site, the ``(articles, text)`` of lines in at least ``min_share`` of its articles,
    most frequent first: the profile keeps no text, so this reads the records again. Use it
    to check a corpus's shares before choosing the filter's thresholds. Of the spellings of
    one line, the smallest is shown, so the result does not depend on the records' order.

    >>> p = SiteProfile.build([("a.example", "Hi!\\nOne"), ("a.example", "HI\\nTwo")])
    >>> frequent_lines(p, [("a.example", "Hi!\\nOne"), ("a.example", "HI\\nTwo")], min_share=0.6)
    {'a.example': [(2, 'HI')]}
    """
    found: dict[str, dict[int, str]] = {}
    for record in records:
        site, text = _site_and_text(record, text_field, site_field, url_field)
        total = profile.articles(site)
        if not total or not isinstance(text, str):
            continue
        lines = found.setdefault(site, {})
        for line in text.splitlines():
            fp = fingerprint(line) if line.strip() else None
            if fp is not None and profile.count(site, fp) >= min_share * total:
                line = line.strip()
                if fp not in lines or line < lines[fp]:
                    lines[fp] = line
    return {
        site: sorted(((profile.count(site, fp), t) for fp, t in lines.items()), key=lambda c: (-c[0], c[1]))[
            :limit
        ]
        for site, lines in sorted(found.items())
        if lines
    }


def _signed(fp: int) -> int:
    return fp - (1 << 64) if fp >= 1 << 63 else fp


# -- corpus files ---------------------------------------------------------------------------


def build_profile(
    paths: Iterable[str | os.PathLike[str]],
    *,
    text_field: str = "text",
    site_field: str | None = None,
    url_field: str = "url",
    **options: Any,
) -> SiteProfile:
    """Profile the records of corpus files (one pass each; any format
    :func:`cleaner.records.read_records` reads)."""
    from cleaner.records import read_records

    profile = SiteProfile(**options)
    for path in paths:
        profile.update(read_records(path), text_field=text_field, site_field=site_field, url_field=url_field)
    return profile
