"""cleaner: scraped news-article text in, clean explained article body out.

>>> import cleaner
>>> result = cleaner.clean("World\\n\\nMarkets rally\\n\\nStocks rose on Monday.\\n\\nAdvertisement")
>>> result.text
'Markets rally\\n\\nStocks rose on Monday.'
>>> [(r.filter, r.reason) for r in result.removed]
[('interface_lines', 'advertisement'), ('section_labels', 'section_label')]
"""

from __future__ import annotations

import logging

from cleaner.api import clean, clean_text, default_pipeline, detect_language
from cleaner.document import Block, Document, Edit, Language, Removal, Result, Translation
from cleaner.pipeline import Filter, Pipeline, Step, line_filter

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Document",
    "Edit",
    "Filter",
    "Language",
    "Pipeline",
    "Removal",
    "Result",
    "Step",
    "Translation",
    "__version__",
    "clean",
    "clean_text",
    "default_pipeline",
    "detect_language",
    "line_filter",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
