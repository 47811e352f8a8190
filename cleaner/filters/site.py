"""RepeatedAcrossSite: lines that a site's profile says recur in many of its articles."""

from __future__ import annotations

from collections.abc import Iterator

from cleaner import reasons
from cleaner.document import Document, Removal
from cleaner.filters.base import BlockFilter
from cleaner.patterns import size
from cleaner.siteprofile import SiteProfile, fingerprint, record_site

__all__ = ["RepeatedAcrossSite"]


class RepeatedAcrossSite(BlockFilter):
    """Remove a line that occurs in at least ``min_share`` of its site's articles (and in at
    least ``min_articles`` of them), as counted by a :class:`~cleaner.siteprofile.SiteProfile`.

    The document's site is ``doc.metadata[site_field]`` (default ``"site"``), else the domain of
    ``doc.metadata[url_field]``; a document with no known site is left alone. Lines are
    compared on their text before any Unicode repair (edits record it), as the profile
    counted the raw text.

    Args:
        profile: the site profile (built over the corpus being cleaned, or a larger one).
        min_share: share of the site's articles a line must occur in. The default comes
            from the generated corpus of ``tests/test_siteprofile.py`` (measured by
            ``benchmarks/bench_profile.py``): its boilerplate sits at 8-100 % of a site's
            articles (a columnist's bio at the columnist's share), article lines under 1 %,
            and lines that legitimately recur inside articles (a quote carried by a run of
            stories, a standard legal sentence, an explainer's sub-heading) at 3-4 %. A line
            that real stories share more often than ``min_share`` (a quote in a long-running
            story on a small site) is taken for boilerplate: check the shares on your corpus.
        min_articles: fewer occurrences than this are never enough (small sites, one-off
            repeats such as the same story filed twice).
        max_words: lines longer than this many words (two Chinese or Japanese characters
            count as one) are prose; they go only when they recur in at least
            ``long_min_share`` of the site's articles. ``None`` treats every line alike.
        long_min_share: the share long lines need: an opinion disclaimer of 38 words on
            38 % of a site's articles goes, a 39-word legal sentence quoted in 4 % stays.
        site_field, url_field: metadata keys naming the site or holding the URL.

    >>> from cleaner.siteprofile import SiteProfile
    >>> texts = [f"Story number {i} about the harbour.\\nFollow us on Mastodon" for i in range(10)]
    >>> profile = SiteProfile.build(("port.example", t) for t in texts)
    >>> doc = Document.from_text(texts[3], metadata={"url": "https://port.example/3"})
    >>> [(r.block.text, r.reason, r.detail) for r in RepeatedAcrossSite(profile).find(doc)]
    [('Follow us on Mastodon', 'repeated_across_site', 'in 10 of 10 articles of port.example (100%)')]
    """

    name = "repeated_across_site"
    reasons = frozenset({reasons.REPEATED_ACROSS_SITE})

    def __init__(
        self,
        profile: SiteProfile,
        *,
        min_share: float = 0.06,
        min_articles: int = 5,
        max_words: int | None = 25,
        long_min_share: float = 0.2,
        site_field: str | None = None,
        url_field: str = "url",
    ) -> None:
        if not 0.0 < min_share <= 1.0 or not 0.0 < long_min_share <= 1.0:
            raise ValueError("min_share and long_min_share must be in (0, 1]")
        if min_articles < 2:
            raise ValueError(
                f"min_articles must be at least 2 (a line always occurs in its own article), got {min_articles}"
            )
        # It asks nothing of the vocabulary or of line descriptions: no BlockFilter.__init__.
        self.profile = profile
        self.min_share = min_share
        self.min_articles = min_articles
        self.max_words = max_words
        self.long_min_share = long_min_share
        self.site_field = site_field
        self.url_field = url_field

    def __repr__(self) -> str:
        return (
            f"RepeatedAcrossSite({self.profile!r}, min_share={self.min_share}, min_articles={self.min_articles}, "
            f"max_words={self.max_words}, long_min_share={self.long_min_share})"
        )

    def fingerprint(self) -> str:
        """The options and the profile's digest: what a batch output records of this filter."""
        return (
            f"{self.name}(profile={self.profile.digest()}, min_share={self.min_share}, "
            f"min_articles={self.min_articles}, max_words={self.max_words}, "
            f"long_min_share={self.long_min_share}, site_field={self.site_field!r}, url_field={self.url_field!r})"
        )

    def find(self, doc: Document) -> Iterator[Removal]:
        site = record_site(doc.metadata, site_field=self.site_field, url_field=self.url_field)
        total = self.profile.articles(site) if site else 0
        if total < self.min_articles:
            return
        original: dict[int, str] = {}
        for edit in doc.edits:  # the first edit of a block holds the text the profile saw
            original.setdefault(edit.block_index, edit.before)
        for block in doc.blocks:
            text = original.get(block.index, block.text)
            fp = fingerprint(text)
            if fp is None:
                continue
            count = self.profile.count(site, fp)
            share = count / total
            if count < self.min_articles or share < self.min_share:
                continue
            if self.max_words is not None and share < self.long_min_share and size(text) > self.max_words:
                continue
            yield self.removal(block, reasons.REPEATED_ACROSS_SITE, f"in {count} of {total} articles of {site} ({share:.0%})")
