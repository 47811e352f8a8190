"""Block filters (they judge, returning Removals) and the FixUnicode step, one module each."""

from __future__ import annotations

from cleaner.filters.bio import AuthorBio
from cleaner.filters.body import BodyRegion
from cleaner.filters.bylines import Bylines
from cleaner.filters.captions import Captions
from cleaner.filters.duplicates import DuplicateParagraphs
from cleaner.filters.interface import InterfaceLines
from cleaner.filters.labels import SectionLabels
from cleaner.filters.promos import RelatedPromos
from cleaner.filters.site import RepeatedAcrossSite
from cleaner.filters.unicode import FixUnicode

__all__ = [
    "AuthorBio",
    "BodyRegion",
    "Bylines",
    "Captions",
    "DuplicateParagraphs",
    "FixUnicode",
    "InterfaceLines",
    "RelatedPromos",
    "RepeatedAcrossSite",
    "SectionLabels",
]
