"""Translation through the command line, against the local fake server (127.0.0.1).

The two scenarios of issue 12, with the default concurrency: an article translated in one
run against a server that answers 429 + ``Retry-After: 1`` to the first two requests for
each text, and a batch of 20 articles translated in one run through a 5-request 503 outage,
paragraphs 1:1, a rerun making no request. Then what a user sees when translation fails:
the summary, the exit status, ``--retry-failed``, warnings on stderr, secrets refused.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fake_translation_server import FakeTranslationServer

from cleaner import cli

# An article we wrote (Spanish, ten paragraphs); ``{n}`` makes every paragraph of every
# article distinct, so nothing is shared through the cache within a run.
PARAGRAPHS = (
    "El puerto de Valencia estrena su terminal de cruceros número {n}",
    "La nueva terminal abrió sus puertas este lunes con la llegada de {n} barcos y muchos pasajeros.",
    "Las obras de la fase {n} han durado casi dos años y han costado más de cuarenta millones de euros.",
    "La autoridad portuaria espera recibir {n} mil pasajeros más durante el próximo verano.",
    "Los comerciantes del barrio {n} celebran la noticia, aunque piden más transporte público.",
    "El alcalde recordó en su discurso {n} que la ciudad necesita repartir mejor a los visitantes.",
    "Según {n} asociaciones vecinales, hace falta un estudio sobre el ruido y la contaminación del aire.",
    "La terminal funciona con energía solar y tiene {n} puntos de carga para autobuses eléctricos.",
    "Los primeros pasajeros destacaron la rapidez de los controles en la puerta {n} y los carteles.",
    "El próximo barco llegará el jueves con cerca de {n} mil turistas procedentes del norte de Europa.",
)


def spanish_article(n: int) -> str:
    return "\n\n".join(p.format(n=n) for p in PARAGRAPHS)


pytestmark = pytest.mark.usefixtures("no_proxy")


def libre_flags(server: FakeTranslationServer, cache: Path) -> list[str]:
    return ["--translate-to", "en", "--translator", "libre", "--translator-url", server.url, "--translation-cache", str(cache)]


def write_records(path: Path, count: int) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps({"id": f"a{n}", "text": spanish_article(n + 1)}, ensure_ascii=False) + "\n" for n in range(count))
    return path


def read_records(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def assert_paragraphs_match(record: dict[str, Any]) -> None:
    translation = record["translation"]
    assert translation["status"] == "ok", translation
    source = record["text"].split("\n\n")
    assert len(source) == len(PARAGRAPHS)
    assert translation["text"].split("\n\n") == [p.upper() for p in source]


def test_an_article_translates_in_one_run_against_a_429_rate_limiter(
    server: FakeTranslationServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.retry_after = "1"
    server.per_text("429", "429")  # the first two requests for each text
    article = tmp_path / "puerto.txt"
    article.write_text(spanish_article(7), encoding="utf-8")
    cache = tmp_path / "cache.sqlite3"
    assert cli.main(["clean", str(article), "--json", *libre_flags(server, cache)]) == cli.EXIT_OK
    record = json.loads(capsys.readouterr().out)
    assert_paragraphs_match(record)
    assert record["translation"]["source"] == "es"  # detected, then translated from
    # One packed request, refused twice, then answered: three requests in all.
    assert [s.behaviour for s in server.seen] == ["429", "429", "ok"]
    assert record["translation"]["requests"] == 3
    server.reset()
    assert cli.main(["clean", str(article), "--json", *libre_flags(server, cache)]) == cli.EXIT_OK
    again = json.loads(capsys.readouterr().out)
    assert (server.count, again["translation"]["text"]) == (0, record["translation"]["text"])


def test_a_batch_translates_in_one_run_through_an_outage(
    server: FakeTranslationServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.outage(start=0, count=5)  # the first five requests get 503
    source = write_records(tmp_path / "in.jsonl", 20)
    cache = tmp_path / "cache.sqlite3"
    out = tmp_path / "out.jsonl"
    argv = ["batch", str(source), "-o", str(out), "--id-field", "id", *libre_flags(server, cache)]
    assert cli.main(argv) == cli.EXIT_OK
    records = read_records(out)
    assert [r["id"] for r in records] == [f"a{n}" for n in range(20)]
    for record in records:
        assert_paragraphs_match(record)
    assert sorted(s.behaviour for s in server.seen) == ["503"] * 5 + ["ok"] * 20
    assert "translations: ok:ok 20" in capsys.readouterr().err
    server.reset()
    rerun = tmp_path / "again.jsonl"
    assert cli.main([*argv[:3], str(rerun), *argv[4:], "-w", "1"]) == cli.EXIT_OK  # workers do not matter here
    assert server.count == 0  # everything came from the cache
    assert [r["translation"] for r in read_records(rerun)] == [
        {**r["translation"], "requests": 0, "retries": 0, "cached_chunks": len(PARAGRAPHS)} for r in records
    ]


def test_failed_translations_are_listed_exit_1_and_retried_without_cleaning(
    server: FakeTranslationServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.default = "500"
    source = write_records(tmp_path / "in.jsonl", 4)
    out = tmp_path / "out.jsonl"
    options = [*libre_flags(server, tmp_path / "c.sqlite3"), "--set", "translation.retries=0", "-w", "1"]
    assert cli.main(["batch", str(source), "-o", str(out), *options]) == cli.EXIT_RECORD_ERRORS
    err = capsys.readouterr().err
    assert "0 errors" in err and "translation failed for 4 records" in err
    assert "line 1: server_error" in err and "HTTP 500" in err
    first = read_records(out)
    assert {r["status"] for r in first} == {"ok"} and {r["translation"]["status"] for r in first} == {"failed"}
    # The translation is redone from the output's cleaned text: change it to prove no
    # record is cleaned again from the input.
    first[0]["text"] = "Texto corregido a mano.\n\nSegundo párrafo corregido."
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in first), encoding="utf-8")
    server.default = "ok"
    server.reset()
    assert cli.main(["batch", str(source), "-o", str(out), "--retry-failed", *options]) == cli.EXIT_OK
    second = read_records(out)
    assert second[0]["translation"]["text"] == "TEXTO CORREGIDO A MANO.\n\nSEGUNDO PÁRRAFO CORREGIDO."
    for record in second[1:]:
        assert_paragraphs_match(record)
    assert [{k: v for k, v in r.items() if k != "translation"} for r in second] == [
        {k: v for k, v in r.items() if k != "translation"} for r in first
    ]
    assert server.count == 4  # one request per record, nothing else
    assert "translation failed" not in capsys.readouterr().err
    server.reset()
    assert cli.main(["batch", str(source), "-o", str(out), "--retry-failed", *options]) == cli.EXIT_OK
    assert server.count == 0  # nothing left to retry


@pytest.mark.parametrize("name", ["out.jsonl.zst", "out.parquet"])
def test_retry_failed_rewrites_a_zstd_or_parquet_output_in_its_format(
    server: FakeTranslationServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    pytest.importorskip("zstandard" if name.endswith(".zst") else "pyarrow")
    from cleaner.records import read_records as read_any

    server.default = "500"
    source = write_records(tmp_path / "in.jsonl", 3)
    out = tmp_path / name
    options = [*libre_flags(server, tmp_path / "c.sqlite3"), "--set", "translation.retries=0", "-w", "1"]
    assert cli.main(["batch", str(source), "-o", str(out), *options]) == cli.EXIT_RECORD_ERRORS
    magic = out.read_bytes()[:4]
    first = list(read_any(out))
    assert {r["translation"]["status"] for r in first} == {"failed"}
    server.default = "ok"
    server.reset()
    assert cli.main(["batch", str(source), "-o", str(out), "--retry-failed", *options]) == cli.EXIT_OK
    assert out.read_bytes()[:4] == magic  # still zstd / Parquet, not JSONL under that name
    second = list(read_any(out))
    assert [r["id"] for r in second] == [r["id"] for r in first]
    assert {r["translation"]["status"] for r in second} == {"ok"}
    assert server.count == 3
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("out")) == [name, name + ".meta.json"]


def test_retry_failed_needs_a_finished_output_and_a_translation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_records(tmp_path / "in.jsonl", 1)
    missing = tmp_path / "none.jsonl"
    assert cli.main(["batch", str(source), "-o", str(missing), "--retry-failed", "--translate-to", "en"]) == cli.EXIT_USAGE
    assert "nothing to retry" in capsys.readouterr().err
    missing.write_text("", encoding="utf-8")
    assert cli.main(["batch", str(source), "-o", str(missing), "--retry-failed"]) == cli.EXIT_USAGE
    assert "--translate-to" in capsys.readouterr().err


def test_a_failed_translation_makes_clean_exit_1(
    server: FakeTranslationServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.default = "403"
    article = tmp_path / "a.txt"
    article.write_text(spanish_article(1), encoding="utf-8")
    status = cli.main(["clean", str(article), *libre_flags(server, tmp_path / "c.sqlite3")])
    assert status == cli.EXIT_RECORD_ERRORS
    captured = capsys.readouterr()
    assert captured.out.startswith(spanish_article(1))  # the cleaned text is still printed
    assert "translation failed (auth_error): " in captured.err and "Invalid API key" in captured.err


def test_warnings_reach_stderr_unless_quiet(
    server: FakeTranslationServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "broken.sqlite3"
    cache.write_bytes(b"this is not a database" * 100)
    article = tmp_path / "a.txt"
    article.write_text(spanish_article(1), encoding="utf-8")
    argv = ["clean", str(article), *libre_flags(server, cache)]
    assert cli.main(argv) == cli.EXIT_OK
    err = capsys.readouterr().err
    assert "cleaner: WARNING: translation cache" in err and "continuing without it" in err
    assert cli.main([*argv, "-q"]) == cli.EXIT_OK
    assert capsys.readouterr().err == ""
    # The library itself still only has its NullHandler.
    assert [type(h) for h in logging.getLogger("cleaner").handlers] == [logging.NullHandler]


def test_warnings_of_batch_workers_reach_stderr(server: FakeTranslationServer, tmp_path: Path) -> None:
    # A process of its own: worker processes write to the stderr of the process that
    # started them (here, not pytest's capture of some earlier test).
    cache = tmp_path / "broken.sqlite3"
    cache.write_bytes(b"this is not a database" * 100)
    source = write_records(tmp_path / "in.jsonl", 4)
    argv = [sys.executable, "-m", "cleaner", "batch", str(source), "-o", str(tmp_path / "out.jsonl")]
    argv += ["-w", "2", "--chunk-size", "2", *libre_flags(server, cache)]
    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost"}
    loud = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert loud.returncode == cli.EXIT_OK, loud.stderr
    # Written by the worker processes (the parent never opens the cache).
    assert "cleaner: WARNING: translation cache" in loud.stderr and "continuing without it" in loud.stderr
    quiet = subprocess.run([*argv, "-q"], capture_output=True, text=True, env=env, timeout=300, check=False)
    assert quiet.returncode == cli.EXIT_OK and "WARNING" not in quiet.stderr


@pytest.mark.parametrize(
    "key", ["translation.api_key", "translation.options.secret_key", "translation.options.appkey"]
)
def test_secrets_are_refused_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Hola.", encoding="utf-8")
    status = cli.main(["clean", str(article), "--translate-to", "en", "--set", f"{key}=abc-SECRET-123"])
    assert status == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "secrets are not accepted on the command line" in err and "DEEPL_API_KEY" in err
    assert "abc-SECRET-123" not in err
