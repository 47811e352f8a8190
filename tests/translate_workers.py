"""Functions run in spawned worker processes by tests/test_translate.py.

They live apart from the test module so a worker imports only this and what it uses,
not pytest, hypothesis and the whole test file (spawn re-imports the function's module).
"""

from __future__ import annotations

from typing import Any


def fill_cache(path: str, start: int, barrier: Any = None) -> None:
    """Write 200 rows, one transaction each, after every writer is ready."""
    from cleaner.translation.cache import TranslationCache

    cache = TranslationCache(path)
    if barrier is not None:
        barrier.wait(60)  # all writers start together
    for i in range(start, start + 200):
        cache.put_many([(f"k{i}", "libre", "es", "en", f"v{i}")])


def translate_spanish(step: Any, text: str) -> str | None:
    """Run a (pickled) Translate step on one Spanish document."""
    from cleaner.document import Document, Language

    doc = Document.from_text(text).replace(language=Language("es", 0.99))
    result = step(doc)
    return result.translation.text if result.translation else None
