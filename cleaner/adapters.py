"""Thin adapters for data tools: a batch function for ``datasets.Dataset.map`` and pandas,
Dask bags and dataframe columns, and a PySpark ``mapInPandas`` recipe.

Each adapter sends only the :class:`~cleaner.config.CleanerConfig` to the workers; each
worker process builds its pipeline once (:func:`pipeline_cleaner`) and reuses it. Optional
engines are extras: ``article-cleaner[datasets]``, ``[dask]``, ``[spark]``; ``[pandas]``
for the pandas helpers alone.

Columns added by the table adapters (with the default ``prefix="clean_"``):

============================  =====================================================
``clean_text``                the cleaned article (``None`` if the record failed)
``clean_title``               the headline, if the first surviving line reads like one
``clean_language``            ISO 639-1 code (``und``: undetermined)
``clean_language_probability``  the detector's probability
``clean_removed``             list of removals: index, text, paragraph, filter, reason, detail
``clean_translation``         the translated text when asked for and successful
``clean_translation_status``  ``ok``, ``skipped``, ``failed`` (``None`` if not asked)
``clean_status``              ``ok`` or ``error``
``clean_error``               the error message, else ``None``
============================  =====================================================

The PySpark recipe (needs ``article-cleaner[spark]`` and Java)::

    from pyspark.sql import SparkSession
    from cleaner.adapters import clean_spark
    spark = SparkSession.builder.getOrCreate()
    frame = spark.read.json("articles.jsonl")                  # a "text" column
    cleaned = clean_spark(frame, column="text", config=CleanerConfig(detect_language=True))
    cleaned.write.parquet("articles-clean.parquet")

It is ``frame.mapInPandas(pandas_batches_cleaner(...), schema=spark_schema(frame.schema))``:
each Arrow batch becomes a pandas frame, cleaned with the same function as ``clean_pandas``.
"""

from __future__ import annotations

import functools
import importlib
import pickle
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cleaner.batch import BatchSpec, RecordCleaner
from cleaner.config import CleanerConfig

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe
    import pandas
    import pyspark.sql

__all__ = [
    "COLUMNS",
    "BatchCleaner",
    "clean_bag",
    "clean_dask_column",
    "clean_pandas",
    "clean_spark",
    "pandas_batches_cleaner",
    "pipeline_cleaner",
    "spark_schema",
]

# The columns added to a table, without their prefix.
COLUMNS = (
    "text",
    "title",
    "language",
    "language_probability",
    "removed",
    "translation",
    "translation_status",
    "status",
    "error",
)


def _require(module: str, extra: str, what: str) -> Any:
    """Import an optional engine, or say which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise ImportError(f"{what} needs {module}: pip install 'article-cleaner[{extra}]'") from err


@functools.lru_cache(maxsize=4)
def _cached_cleaner(spec_bytes: bytes) -> RecordCleaner:
    cleaner = RecordCleaner(pickle.loads(spec_bytes))
    cleaner.pipeline  # noqa: B018 - build now
    return cleaner


def pipeline_cleaner(spec: BatchSpec) -> RecordCleaner:
    """The :class:`RecordCleaner` for ``spec`` in this process, built once.

    Dask and Spark unpickle a task's function for every task; building the pipeline (the
    vocabulary's patterns) each time would cost more than cleaning a partition. This cache
    only saves that work: a pipeline keeps no memory between documents that changes results.
    """
    return _cached_cleaner(pickle.dumps(spec))


def _columns(outs: Sequence[Mapping[str, Any]], prefix: str) -> dict[str, list[Any]]:
    columns: dict[str, list[Any]] = {prefix + name: [] for name in COLUMNS}
    for out in outs:
        ok = out["status"] == "ok"
        translation = out.get("translation") if ok else None
        values = {
            "text": out.get("text"),
            "title": out.get("title"),
            "language": out.get("language"),
            "language_probability": out.get("language_probability"),
            "removed": out.get("removed") if ok else None,
            "translation": translation.get("text") if translation else None,
            "translation_status": translation.get("status") if translation else None,
            "status": out["status"],
            "error": out.get("error"),
        }
        for name in COLUMNS:
            columns[prefix + name].append(values[name])
    return columns


class BatchCleaner:
    """A function over a batch of records (a mapping of column name to values), for
    ``datasets.Dataset.map(batched=True, num_proc=N)`` or a list of texts.

    Returns the new columns (see :data:`COLUMNS`); the caller's columns are left alone, so
    ``map`` keeps them. A bad value (``None``, a number) gives ``status == "error"`` for its
    row, not an exception. Only the configuration is pickled.

    >>> clean = BatchCleaner(CleanerConfig(detect_language=False))
    >>> out = clean({"text": ["Advertisement\\nThe minister resigned.", None]})
    >>> out["clean_text"], out["clean_status"], out["clean_error"][1]
    (['The minister resigned.', None], ['ok', 'error'], "field 'text' is null, expected a string")
    """

    def __init__(
        self, config: CleanerConfig | None = None, *, text_field: str = "text", prefix: str = "clean_"
    ) -> None:
        self.spec = BatchSpec(config=config or CleanerConfig(), text_field=text_field)
        self.text_field = text_field
        self.prefix = prefix

    def __repr__(self) -> str:
        return f"BatchCleaner(text_field={self.text_field!r}, prefix={self.prefix!r})"

    def __call__(self, batch: Mapping[str, Sequence[Any]]) -> dict[str, list[Any]]:
        texts = batch[self.text_field]
        return self.clean_texts(texts)

    def clean_texts(self, texts: Iterable[Any]) -> dict[str, list[Any]]:
        """The new columns for a sequence of article texts."""
        records = ({self.text_field: text} for text in texts)
        return _columns(pipeline_cleaner(self.spec).clean_records(records), self.prefix)


# -- pandas ---------------------------------------------------------------------------------


def clean_pandas(
    frame: pandas.DataFrame,
    column: str = "text",
    config: CleanerConfig | None = None,
    *,
    prefix: str = "clean_",
) -> pandas.DataFrame:
    """A copy of ``frame`` with the cleaned columns added (see :data:`COLUMNS`)."""
    pd = _require("pandas", "pandas", "clean_pandas")
    cleaner = BatchCleaner(config, text_field=column, prefix=prefix)
    values = frame[column].astype(object)
    texts = values.where(values.notna(), None).tolist()  # NaN, NA and None are all "null"
    added = pd.DataFrame(cleaner.clean_texts(texts), index=frame.index, dtype=object)
    added[prefix + "language_probability"] = added[prefix + "language_probability"].astype("float64")
    kept = frame.drop(columns=[c for c in added.columns if c in frame.columns])
    return kept.join(added)


def _empty_columns(prefix: str) -> pandas.DataFrame:
    pd = _require("pandas", "pandas", "the table adapters")
    dtypes = {"language_probability": "float64"}
    empty: pandas.DataFrame = pd.DataFrame(
        {prefix + name: pd.Series([], dtype=dtypes.get(name, "object")) for name in COLUMNS}
    )
    return empty


# -- Dask -----------------------------------------------------------------------------------


def _clean_bag_partition(items: Iterable[Any], spec: BatchSpec) -> list[dict[str, Any]]:
    records = [item if isinstance(item, Mapping) else {spec.text_field: item} for item in items]
    return pipeline_cleaner(spec).clean_records(records)


def clean_bag(
    bag: dask.bag.Bag,
    config: CleanerConfig | None = None,
    *,
    text_field: str = "text",
    id_field: str | None = None,
    keep_fields: Sequence[str] = (),
) -> dask.bag.Bag:
    """Clean a Dask bag of texts or of records (dicts with ``text_field``).

    Each item becomes the same dict ``cleaner batch`` writes for a line (``status``,
    ``text``, ``language``, ``removed``, ...); ``line`` is ``None``.
    """
    _require("dask.bag", "dask", "clean_bag")
    spec = BatchSpec(
        config=config or CleanerConfig(),
        text_field=text_field,
        id_field=id_field,
        keep_fields=tuple(keep_fields),
    )
    cleaned: dask.bag.Bag = bag.map_partitions(_clean_bag_partition, spec)  # type: ignore[no-untyped-call]
    return cleaned


def _clean_frame_partition(frame: pandas.DataFrame, column: str, config: CleanerConfig, prefix: str) -> Any:
    return clean_pandas(frame, column, config, prefix=prefix)


def clean_dask_column(
    frame: dask.dataframe.DataFrame,
    column: str = "text",
    config: CleanerConfig | None = None,
    *,
    prefix: str = "clean_",
) -> dask.dataframe.DataFrame:
    """Add the cleaned columns (see :data:`COLUMNS`) to a Dask dataframe, partition by partition."""
    _require("dask.dataframe", "dask", "clean_dask_column")
    config = config or CleanerConfig()
    empty = frame._meta.drop(columns=[prefix + name for name in COLUMNS if prefix + name in frame.columns])
    meta = empty.join(_empty_columns(prefix).set_index(empty.index))
    cleaned: dask.dataframe.DataFrame = frame.map_partitions(  # type: ignore[no-untyped-call]
        _clean_frame_partition, column, config, prefix, meta=meta
    )
    return cleaned


# -- Spark ----------------------------------------------------------------------------------


def spark_schema(input_schema: pyspark.sql.types.StructType, *, prefix: str = "clean_") -> Any:
    """The output schema of :func:`clean_spark`: the input's fields plus the cleaned columns."""
    types = _require("pyspark.sql.types", "spark", "spark_schema")
    removal = types.StructType(
        [
            types.StructField("index", types.LongType()),
            types.StructField("text", types.StringType()),
            types.StructField("paragraph", types.LongType()),
            types.StructField("filter", types.StringType()),
            types.StructField("reason", types.StringType()),
            types.StructField("detail", types.StringType()),
        ]
    )
    kinds = {"language_probability": types.DoubleType(), "removed": types.ArrayType(removal)}
    added = [types.StructField(prefix + name, kinds.get(name, types.StringType())) for name in COLUMNS]
    kept = [f for f in input_schema.fields if f.name not in {a.name for a in added}]
    return types.StructType(kept + added)


class pandas_batches_cleaner:
    """``Iterator[pandas.DataFrame] -> Iterator[pandas.DataFrame]`` for ``mapInPandas``."""

    def __init__(
        self, column: str = "text", config: CleanerConfig | None = None, *, prefix: str = "clean_"
    ) -> None:
        self.column = column
        self.config = config or CleanerConfig()
        self.prefix = prefix

    def __call__(self, frames: Iterable[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
        for frame in frames:
            yield clean_pandas(frame, self.column, self.config, prefix=self.prefix)


def clean_spark(
    frame: pyspark.sql.DataFrame,
    column: str = "text",
    config: CleanerConfig | None = None,
    *,
    prefix: str = "clean_",
) -> pyspark.sql.DataFrame:
    """Add the cleaned columns to a Spark dataframe with ``mapInPandas`` (see the module doc)."""
    schema = spark_schema(frame.schema, prefix=prefix)
    return frame.mapInPandas(pandas_batches_cleaner(column, config, prefix=prefix), schema=schema)
