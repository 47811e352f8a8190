"""Thin adapters for data tools: a batch function for ``datasets.Dataset.map`` and pandas,
Dask bags and dataframe columns, a PySpark ``mapInPandas`` recipe, and (in
:mod:`cleaner.adapters.datatrove`) a datatrove ``PipelineStep``.

Each adapter sends only the :class:`~cleaner.config.CleanerConfig` to the workers; each
worker process builds its pipeline once (:func:`pipeline_cleaner`) and reuses it. Optional
engines are extras: ``article-cleaner[datasets]``, ``[dask]``, ``[spark]``, ``[datatrove]``;
``[pandas]`` for the pandas helpers alone.

Every adapter writes the record schema of ``cleaner batch`` (see
:meth:`cleaner.Document.to_record`). Bags get the records themselves; tables get one
column per record key (see :data:`COLUMNS`), prefixed (default ``clean_``): ``clean_text``,
``clean_title``, ``clean_language``, ``clean_removed``, ``clean_stats``, ``clean_status``,
``clean_error``, ... In tables, mappings whose keys vary from row to row
(``metadata``, ``language_candidates``, ``stats["removed_by_reason"]``) are JSON text, so
that every row has the same type (Arrow, Spark and ``datasets`` need that);
:meth:`~cleaner.Document.from_record` reads them back either way. :func:`summarize` gives the
counts ``cleaner batch`` prints (records, errors, removals per reason, languages,
characters in and out) for any adapter's output.

The PySpark recipe (needs ``article-cleaner[spark]`` and Java)::

    from pyspark.sql import SparkSession
    from cleaner.adapters import clean_spark
    spark = SparkSession.builder.getOrCreate()
    frame = spark.read.json("articles.jsonl")                  # a "text" column
    cleaned = clean_spark(frame, column="text", config=CleanerConfig(detect_language=True))
    cleaned.write.parquet("articles-clean.parquet")

:func:`clean_spark` needs Spark's Python workers to import this package and its
dependencies. Spark starts them with ``PYSPARK_PYTHON`` (default ``python3`` from the PATH,
often not the Python that has ``cleaner``): locally, set it to the Python that has
article-cleaner before the session starts (``os.environ["PYSPARK_PYTHON"] =
sys.executable``, or ``export PYSPARK_PYTHON=$(which python)``); on a cluster, ship an
environment (``venv-pack -o env.tar.gz``, then ``spark.archives=env.tar.gz#env`` and
``PYSPARK_PYTHON=./env/bin/python``). :func:`clean_spark` checks this with a one-task job
first and raises an error that says what to set, instead of a ``ModuleNotFoundError`` from a
worker in the middle of a job. (Shipping the package with ``addPyFile`` would not do: it
does not bring the dependencies, and the vocabulary files cannot be read from a zip.)
"""

from __future__ import annotations

import functools
import importlib
import pickle
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cleaner.batch import BatchSpec, RecordCleaner, Summary
from cleaner.config import CleanerConfig
from cleaner.document import RECORD_KEYS
from cleaner.records import record_schema, table_row

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
    "summarize",
]

# The columns added to a table, without their prefix: the record keys but the input's
# ``id`` and ``line`` (a table has its own index) and the per-line ``edits``.
COLUMNS = tuple(key for key in RECORD_KEYS if key not in {"id", "line", "edits"})


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
        row = table_row(out)
        for name in COLUMNS:
            columns[prefix + name].append(row.get(name))
    return columns


def summarize(data: Any, *, prefix: str = "clean_") -> Summary:
    """The counts ``cleaner batch`` prints, over an adapter's output: a pandas or Dask
    dataframe, a ``datasets.Dataset``, the columns :class:`BatchCleaner` returned, a Dask
    bag or any iterable of records. Dask collections are computed.

    >>> out = BatchCleaner(CleanerConfig(detect_language=False))({"text": ["Advertisement\\nThe minister resigned.", 7]})
    >>> summary = summarize(out)
    >>> summary.records, summary.errors, dict(summary.reasons)
    (2, 1, {'interface_lines.advertisement': 1})
    """
    summary = Summary()
    for record in _records_of(data, prefix):
        summary.add(record)
    return summary


def _records_of(data: Any, prefix: str) -> Iterator[Mapping[str, Any]]:
    if hasattr(data, "compute") and hasattr(data, "dask"):  # a Dask collection
        data = data.compute()
    names = [prefix + name for name in COLUMNS]
    if hasattr(data, "to_dict") and hasattr(data, "columns"):  # a pandas dataframe
        data = {name: data[name].tolist() for name in names if name in data.columns}
    elif hasattr(data, "column_names") and hasattr(data, "select_columns"):  # datasets.Dataset
        data = data.select_columns([n for n in names if n in data.column_names]).to_dict()
    if isinstance(data, Mapping):  # columns
        present = [n for n in names if n in data]
        for values in zip(*(data[n] for n in present)):
            yield {n[len(prefix) :]: v for n, v in zip(present, values)}
        return
    for item in data:
        yield {k.removeprefix(prefix): v for k, v in item.items()}


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


def _spark_type(types: Any, arrow: Any) -> Any:
    """The Spark type of an Arrow type of :func:`~cleaner.records.record_schema`."""
    import pyarrow as pa

    if pa.types.is_struct(arrow):
        return types.StructType(
            [types.StructField(f.name, _spark_type(types, f.type)) for f in arrow]
        )
    if pa.types.is_list(arrow):
        return types.ArrayType(_spark_type(types, arrow.value_type))
    if pa.types.is_int64(arrow):
        return types.LongType()
    if pa.types.is_floating(arrow):
        return types.DoubleType()
    return types.StringType()


def spark_schema(input_schema: pyspark.sql.types.StructType, *, prefix: str = "clean_") -> Any:
    """The output schema of :func:`clean_spark`: the input's fields plus the cleaned columns."""
    types = _require("pyspark.sql.types", "spark", "spark_schema")
    pa = _require("pyarrow", "spark", "spark_schema")
    arrow = record_schema(pa)
    added = [types.StructField(prefix + name, _spark_type(types, arrow[name])) for name in COLUMNS]
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


def _check_workers(context: Any) -> None:
    """Check (once per Spark context) that Spark's Python workers can import this package;
    if not, say what to set, instead of failing inside a job."""
    if getattr(context, "_cleaner_checked", False):
        return
    try:
        context.parallelize(["cleaner.adapters"], 1).foreach(importlib.import_module)
    except Exception as err:
        missing = next((line.strip() for line in str(err).splitlines() if "Error:" in line), str(err)[-300:])
        raise RuntimeError(
            f"Spark's Python workers ({context.pythonExec}) cannot import cleaner: {missing}. "
            f"Set PYSPARK_PYTHON to a Python that has article-cleaner installed before the session "
            f"starts (here: PYSPARK_PYTHON={sys.executable}), or ship an environment to the cluster "
            f"(venv-pack -o env.tar.gz; spark.archives=env.tar.gz#env; PYSPARK_PYTHON=./env/bin/python)."
        ) from err
    context._cleaner_checked = True


def clean_spark(
    frame: pyspark.sql.DataFrame,
    column: str = "text",
    config: CleanerConfig | None = None,
    *,
    prefix: str = "clean_",
) -> pyspark.sql.DataFrame:
    """Add the cleaned columns to a Spark dataframe with ``mapInPandas`` (see the module doc).

    First checks that Spark's Python workers can import this package (see the module doc).
    """
    _check_workers(frame.sparkSession.sparkContext)
    schema = spark_schema(frame.schema, prefix=prefix)
    return frame.mapInPandas(pandas_batches_cleaner(column, config, prefix=prefix), schema=schema)
