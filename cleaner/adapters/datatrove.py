"""A datatrove pipeline step that cleans each document's text (extra ``datatrove``)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.adapters.datatrove import CleanArticles

    LocalPipelineExecutor(
        pipeline=[JsonlReader("raw/"), CleanArticles(), JsonlWriter("clean/")], tasks=4, workers=2
    ).run()

:class:`CleanArticles` replaces ``doc.text`` by the cleaned article and adds the record's
other facts to ``doc.metadata`` under a prefix (default ``clean_``: ``clean_title``,
``clean_language``, ``clean_language_probability``, ``clean_removed``, ``clean_stats``,
``clean_metadata``, ...; table form, see :mod:`cleaner.adapters`). Documents left empty are
dropped (``drop_empty=False`` keeps them); a document that cannot be cleaned is kept
unchanged with ``clean_error`` set. Its datatrove stats count documents, removals per
``filter.reason`` and characters removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

try:
    from datatrove.data import Document as DatatroveDocument
    from datatrove.pipeline.base import PipelineStep
except ImportError as err:  # pragma: no cover - exercised by the missing-extra test
    raise ImportError(
        "cleaner.adapters.datatrove needs datatrove: pip install 'article-cleaner[datatrove]'"
    ) from err

from cleaner.adapters import COLUMNS, pipeline_cleaner
from cleaner.batch import BatchSpec
from cleaner.config import CleanerConfig
from cleaner.records import table_row

__all__ = ["CleanArticles"]


class CleanArticles(PipelineStep):  # type: ignore[misc]
    """Clean the text of every document that goes through (see the module doc).

    Args:
        config: the pipeline's options (default: the default pipeline).
        prefix: prefix of the metadata keys added.
        drop_empty: drop documents whose cleaned text is empty.
        batch_size: documents cleaned together (a translation step translates a batch
            concurrently).
    """

    name = "🧹 Article cleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        config: CleanerConfig | None = None,
        *,
        prefix: str = "clean_",
        drop_empty: bool = True,
        batch_size: int = 16,
    ) -> None:
        super().__init__()
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.spec = BatchSpec(config=config or CleanerConfig())
        self.prefix = prefix
        self.drop_empty = drop_empty
        self.batch_size = batch_size

    def run(
        self, data: Iterable[DatatroveDocument], rank: int = 0, world_size: int = 1
    ) -> Iterator[DatatroveDocument]:
        batch: list[DatatroveDocument] = []
        for document in data or ():
            batch.append(document)
            if len(batch) >= self.batch_size:
                yield from self._clean(batch)
                batch = []
        if batch:
            yield from self._clean(batch)

    def _clean(self, documents: list[DatatroveDocument]) -> Iterator[DatatroveDocument]:
        cleaner = pipeline_cleaner(self.spec)
        with self.track_time(unit="batch"):
            outs = cleaner.clean_records([{"text": d.text} for d in documents])
        for document, out in zip(documents, outs):
            self.stat_update("total")
            if out["status"] != "ok":
                self.stat_update("errors")
                document.metadata[self.prefix + "status"] = out["status"]
                document.metadata[self.prefix + "error"] = out["error"]
                yield document
                continue
            self._annotate(document, out)
            if self.drop_empty and not document.text:
                self.stat_update("dropped", "dropped_empty")
                continue
            self.stat_update("forwarded")
            self.update_doc_stats(document)
            yield document

    def _annotate(self, document: DatatroveDocument, out: dict[str, Any]) -> None:
        stats = out["stats"]
        self.stat_update("chars_in", value=stats["chars_in"])
        self.stat_update("chars_removed", value=stats["chars_in"] - stats["chars_out"])
        for reason, count in stats["removed_by_reason"].items():
            self.stat_update(f"removed_{reason}", value=count)
        row = table_row(out)
        document.text = out["text"]
        for name in COLUMNS:
            if name != "text":
                document.metadata[self.prefix + name] = row[name]
