"""Block filters (they judge, returning Removals) and the FixUnicode step, one module each."""

from __future__ import annotations

from cleaner.filters.unicode import FixUnicode

__all__ = ["FixUnicode"]
