"""Adapters: the batch function (plain dicts, pandas, datasets.map with 2 processes), Dask on a
real LocalCluster with 2 worker processes, the Spark recipe (when pyspark and Java exist), the
datatrove step in datatrove's local executor, summaries."""

from __future__ import annotations

import importlib
import json
import os
import pickle
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from cleaner.adapters import (
    COLUMNS,
    BatchCleaner,
    clean_bag,
    clean_dask_column,
    clean_pandas,
    pipeline_cleaner,
    summarize,
)
from cleaner.batch import BatchSpec, RecordCleaner, Summary
from cleaner.config import CleanerConfig
from cleaner.document import Document
from cleaner.records import table_row

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


def expected_rows(texts: list[Any], config: CleanerConfig = CONFIG) -> list[dict[str, Any]]:
    """The same records in table form (the adapters' columns, without their prefix)."""
    return [{name: table_row(r).get(name) for name in COLUMNS} for r in expected(texts, config)]


def test_batch_function_over_plain_dicts() -> None:
    out = BatchCleaner(CONFIG)({"text": TEXTS, "other": list(range(5))})
    assert sorted(out) == sorted(NAMES)
    assert out["clean_status"] == ["ok", "ok", "error", "ok", "error"]
    assert out["clean_error"][2] == "field 'text' is null, expected a string"
    assert out["clean_error"][4] == "field 'text' is a number, expected a string"
    rows = expected_rows(TEXTS)
    for name in COLUMNS:  # every column is the batch record's key, in table form
        assert out[f"clean_{name}"] == [row[name] for row in rows]
    assert out["clean_language"] == ["en", "fr", None, "de", None]
    assert out["clean_title"][0] == "Minister resigns"
    assert {r["reason"] for r in out["clean_removed"][0]} == {"section_label", "advertisement"}
    assert out["clean_stats"][0]["lines_out"] == 2 and json.loads(out["clean_metadata"][0])["captions"] == []
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


def test_spark_map_in_pandas(tmp_path: Path) -> None:
    """The documented recipe (when pyspark and Java are installed; CI installs the spark
    extra), with PYSPARK_PYTHON set as the README says; a worker Python that cannot import
    cleaner gets a message naming PYSPARK_PYTHON before any job, not a failed job."""
    pyspark_sql = pytest.importorskip("pyspark.sql")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java")
    from cleaner.adapters import clean_spark

    previous = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable  # what the README says to set
    spark = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        texts = [t for t in TEXTS if t is None or isinstance(t, str)]
        frame = spark.createDataFrame([(t, i) for i, t in enumerate(texts)], "text string, n long")
        rows = clean_spark(frame, "text", CONFIG).orderBy("n").collect()
        # A worker Python without cleaner's dependencies (here: this Python without its
        # site-packages) is caught before the job, with what to set.
        bare = tmp_path / "bare-python"
        bare.write_text(f'#!/bin/sh\nexec "{sys.executable}" -S "$@"\n')
        bare.chmod(0o755)
        context = spark.sparkContext
        context.pythonExec, context._cleaner_checked = str(bare), False
        with pytest.raises(RuntimeError, match=f"PYSPARK_PYTHON={sys.executable}") as caught:
            clean_spark(frame, "text", CONFIG)
        assert "No module named" in str(caught.value)
    finally:
        spark.stop()
        if previous is None:
            os.environ.pop("PYSPARK_PYTHON", None)
        else:
            os.environ["PYSPARK_PYTHON"] = previous
    reference = expected(texts)
    assert [r["clean_text"] for r in rows] == [r.get("text") for r in reference]
    assert [r["clean_status"] for r in rows] == ["ok", "ok", "error", "ok"]
    assert {r["reason"] for r in rows[0]["clean_removed"]} == {"section_label", "advertisement"}
    assert [r["clean_stats"]["chars_out"] if r["clean_stats"] else None for r in rows] == [
        r["stats"]["chars_out"] if r["status"] == "ok" else None for r in reference
    ]
    assert json.loads(rows[0]["clean_metadata"])["captions"] == []


# -- summaries, datatrove ---------------------------------------------------------------------


def test_summaries_from_adapters_match_batch() -> None:
    """The same counts ``cleaner batch`` prints, from a table adapter's output."""
    pd = pytest.importorskip("pandas")
    reference = Summary()
    for record in expected(TEXTS):
        reference.add(record)
    frame = clean_pandas(pd.DataFrame({"text": TEXTS}), "text", CONFIG)
    columns = BatchCleaner(CONFIG)({"text": TEXTS})
    for summary in (summarize(frame), summarize(columns), summarize(expected(TEXTS))):
        assert summary.to_dict() | {"seconds": 0} == reference.to_dict() | {"seconds": 0}
    assert reference.records == 5 and reference.errors == 2
    assert reference.reasons["interface_lines.advertisement"] == 1 and reference.languages["fr"] == 1


def test_table_rows_read_back_as_documents() -> None:
    pd = pytest.importorskip("pandas")
    frame = clean_pandas(pd.DataFrame({"text": TEXTS[:2]}), "text", CONFIG)
    row = {name[len("clean_") :]: value for name, value in frame.iloc[0].items() if name.startswith("clean_")}
    assert isinstance(row["metadata"], str) and isinstance(row["language_candidates"], str)
    doc = Document.from_record(row)
    reference = Document.from_record(expected(TEXTS[:1])[0])
    assert doc.text == reference.text and doc.removals == reference.removals and doc.language == reference.language
    assert doc.metadata == reference.metadata


def test_datatrove_step_in_a_local_executor(tmp_path: Path) -> None:
    """CleanArticles between datatrove's JSONL reader and writer, 2 tasks on 2 workers."""
    pytest.importorskip("datatrove")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.adapters.datatrove import CleanArticles

    source = tmp_path / "raw"
    source.mkdir()
    texts = [t for t in TEXTS if isinstance(t, str)] + ["Advertisement\n\nShare this article"]
    for shard in range(2):
        with open(source / f"shard{shard}.jsonl", "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps({"id": f"{shard}-{i}", "text": text}) + "\n" for i, text in enumerate(texts))
    config = CleanerConfig(detect_language=False)  # each worker would load the language models
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(source)), CleanArticles(config), JsonlWriter(str(tmp_path / "out"), compression=None)],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    written = [json.loads(line) for path in sorted((tmp_path / "out").glob("*.jsonl")) for line in path.open()]
    by_id = {d["id"]: d for d in written}
    assert sorted(by_id) == ["0-0", "0-1", "0-2", "1-0", "1-1", "1-2"]  # the all-boilerplate text is dropped
    reference = expected(texts, config)
    for shard in range(2):
        for i in range(3):
            doc = by_id[f"{shard}-{i}"]
            assert doc["text"] == reference[i]["text"]
            assert doc["metadata"]["clean_language"] == reference[i]["language"]
            assert doc["metadata"]["clean_removed"] == reference[i]["removed"]
            assert doc["metadata"]["clean_stats"]["chars_out"] == reference[i]["stats"]["chars_out"]
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = next(s for s in stats if "Article cleaner" in s["name"])
    assert step["stats"]["total"] == 8 and step["stats"]["dropped_empty"] == 2 and step["stats"]["forwarded"] == 6
    assert step["stats"]["removed_interface_lines.advertisement"] == 4
    assert step["stats"]["chars_in"]["total"] == 2 * sum(r["stats"]["chars_in"] for r in reference)


def test_datatrove_module_names_its_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datatrove.pipeline.base", None)
    monkeypatch.delitem(sys.modules, "cleaner.adapters.datatrove", raising=False)
    with pytest.raises(ImportError, match=r"pip install 'article-cleaner\[datatrove\]'"):
        importlib.import_module("cleaner.adapters.datatrove")
