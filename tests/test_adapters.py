"""Adapters: the batch function (plain dicts, pandas, datasets.map with 2 processes), Dask on a
real LocalCluster with 2 worker processes, the Spark recipe (when pyspark and Java exist)."""

from __future__ import annotations

import pickle
import shutil
import sys
from typing import Any

import pytest

from cleaner.adapters import (
    COLUMNS,
    BatchCleaner,
    clean_bag,
    clean_dask_column,
    clean_pandas,
    pipeline_cleaner,
)
from cleaner.batch import BatchSpec, RecordCleaner
from cleaner.config import CleanerConfig

TEXTS = [
    "World\n\nMinister resigns\n\nThe minister resigned on Monday after a long debate.\n\nAdvertisement",
    "Share this article\n\nLa ministre a démissionné lundi après un long débat parlementaire.",
    None,
    "Politik\n\nDie Regierung stellte am Montag neue Regeln für den Haushalt vor.\n\nFoto: dpa",
    42,
]
CONFIG = CleanerConfig()  # the default pipeline, language detection included
NAMES = [f"clean_{name}" for name in COLUMNS]


def expected(texts: list[Any], config: CleanerConfig = CONFIG) -> list[dict[str, Any]]:
    """What ``cleaner batch`` would write for each text (the reference for every adapter)."""
    return RecordCleaner(BatchSpec(config=config)).clean_records({"text": t} for t in texts)


def test_batch_function_over_plain_dicts() -> None:
    out = BatchCleaner(CONFIG)({"text": TEXTS, "other": list(range(5))})
    assert sorted(out) == sorted(NAMES)
    assert out["clean_status"] == ["ok", "ok", "error", "ok", "error"]
    assert out["clean_error"][2] == "field 'text' is null, expected a string"
    assert out["clean_error"][4] == "field 'text' is a number, expected a string"
    assert out["clean_text"] == [r.get("text") for r in expected(TEXTS)]
    assert out["clean_language"] == ["en", "fr", None, "de", None]
    assert out["clean_title"][0] == "Minister resigns"
    assert {r["reason"] for r in out["clean_removed"][0]} == {"section_label", "advertisement"}
    assert out["clean_translation"] == [None] * 5


def test_batch_function_pickles_without_its_pipeline() -> None:
    cleaner = BatchCleaner(CONFIG, text_field="body", prefix="c_")
    cleaner({"body": ["Advertisement\nText of the article here."]})
    blob = pickle.dumps(cleaner)
    assert len(blob) < 2000  # the configuration, not the compiled vocabulary
    again = pickle.loads(blob)
    assert again({"body": ["Advertisement\nText of the article here."]})["c_text"] == [
        "Text of the article here."
    ]
    pipeline = pickle.loads(pickle.dumps(CONFIG.pipeline()))
    assert pipeline.clean(TEXTS[0]).text == expected(TEXTS[:1])[0]["text"]


def test_pipeline_is_built_once_per_process() -> None:
    spec = BatchSpec(config=CleanerConfig(disable=("body_region",)))
    assert pipeline_cleaner(spec) is pipeline_cleaner(pickle.loads(pickle.dumps(spec)))


def test_pandas() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"text": TEXTS, "n": range(5)}, index=[10, 11, 12, 13, 14])
    frame.loc[12, "text"] = float("nan")
    out = clean_pandas(frame, "text", CONFIG)
    assert list(out.columns) == ["text", "n", *NAMES]
    assert list(out.index) == [10, 11, 12, 13, 14] and list(out["n"]) == list(range(5))
    assert list(out["clean_status"]) == ["ok", "ok", "error", "ok", "error"]
    assert out.loc[12, "clean_error"] == "field 'text' is null, expected a string"
    assert out["clean_language_probability"].dtype == "float64"
    assert out.loc[13, "clean_text"] == expected(TEXTS)[3]["text"]
    again = clean_pandas(out, "text", CleanerConfig(disable=("interface_lines",)))  # replaces the columns
    assert list(again.columns) == list(out.columns) and again.loc[10, "clean_text"].endswith("Advertisement")


def test_datasets_map_batched_with_two_processes(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    texts = [t for t in TEXTS if isinstance(t, str)] * 4
    dataset = datasets.Dataset.from_dict({"text": texts, "n": list(range(len(texts)))})
    out = dataset.map(BatchCleaner(CONFIG), batched=True, batch_size=3, num_proc=2)
    assert out["n"] == list(range(len(texts)))
    assert out["clean_text"] == [r["text"] for r in expected(texts)]
    assert out["clean_language"] == ["en", "fr", "de"] * 4
    assert {r["filter"] for r in out[0]["clean_removed"]} == {"section_labels", "interface_lines"}


@pytest.fixture(scope="module")
def dask_client() -> Any:
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def test_dask_bag_on_a_local_cluster(dask_client: Any) -> None:
    import dask.bag as db

    items: list[Any] = [*TEXTS, {"text": TEXTS[1], "id": "x"}] * 3
    bag = db.from_sequence(items, npartitions=4)
    out = clean_bag(bag, CONFIG, id_field=None).compute()
    assert out == expected([i["text"] if isinstance(i, dict) else i for i in items])
    workers = dask_client.run(lambda: sys.modules["cleaner.adapters"]._cached_cleaner.cache_info().misses)
    assert len(workers) == 2 and all(misses >= 1 for misses in workers.values())


def test_dask_dataframe_column_on_a_local_cluster(dask_client: Any) -> None:
    import dask.dataframe as dd
    import pandas as pd

    frame = pd.DataFrame({"body": TEXTS[:2] * 6 + [TEXTS[3]] * 3, "n": range(15)})
    ddf = dd.from_pandas(frame, npartitions=3)
    lazy = clean_dask_column(ddf, "body", CONFIG)
    assert list(lazy.columns) == ["body", "n", *NAMES]
    out = lazy.compute()
    assert list(out["n"]) == list(range(15))
    assert list(out["clean_text"]) == [r["text"] for r in expected(list(frame["body"]))]
    assert set(out["clean_language"]) == {"en", "fr", "de"}


def test_missing_engine_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r"pip install 'article-cleaner\[dask\]'"):
        clean_bag([], CONFIG)  # type: ignore[arg-type]
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"article-cleaner\[pandas\]"):
        clean_pandas(None, "text")  # type: ignore[arg-type]


def test_spark_map_in_pandas() -> None:
    """The documented recipe, run when pyspark and Java are installed (not in CI's extras)."""
    pyspark_sql = pytest.importorskip("pyspark.sql")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java")
    from cleaner.adapters import clean_spark

    spark = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    try:
        texts = [t for t in TEXTS if t is None or isinstance(t, str)]
        frame = spark.createDataFrame([(t, i) for i, t in enumerate(texts)], "text string, n long")
        rows = clean_spark(frame, "text", CONFIG).orderBy("n").collect()
    finally:
        spark.stop()
    reference = expected(texts)
    assert [r["clean_text"] for r in rows] == [r.get("text") for r in reference]
    assert [r["clean_status"] for r in rows] == ["ok", "ok", "error", "ok"]
    assert {r["reason"] for r in rows[0]["clean_removed"]} == {"section_label", "advertisement"}
