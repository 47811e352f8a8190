"""The README's code blocks run as written.

Every fenced block names its language: ``python`` and ``sh`` blocks are run (Python in a new
interpreter, shell with ``bash -e``) in a folder holding the files they name (``article.txt``,
``page.html``, ``in.jsonl``, ``in.jsonl.gz``, ``in.parquet``, ``articles/``,
``cleaner.toml``), made here from the fixtures; ``text`` blocks are output. A block that
needs the network or a service says so in a comment just above it,
``<!-- test: skip (why) -->``, and is only checked for syntax; one that needs optional
engines says ``<!-- test: needs spark, html -->`` and runs where they are installed.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK_RE = re.compile(
    r"(?:^<!-- test: (?P<mark>[^\n]*?) -->\n)?^```(?P<lang>[^\n`]*)\n(?P<code>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL
)
RUN = {"python", "sh"}
# What each extra a block may need installs, by the module to find (Spark also needs Java).
ENGINES = {
    "spark": "pyspark",
    "html": "trafilatura",
    "parquet": "pyarrow",
    "zstd": "zstandard",
    "datatrove": "datatrove",
    "dask": "distributed",
    "datasets": "datasets",
    "pandas": "pandas",
}


def blocks() -> list[tuple[int, str, str, str]]:
    """``(line, language, mark, code)`` of every fenced block of the README."""
    text = README.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, m.start("code")) + 1, m.group("lang").strip(), m.group("mark") or "", m.group("code"))
        for m in BLOCK_RE.finditer(text)
    ]


def test_every_block_names_its_language_and_marks_are_explained() -> None:
    found = blocks()
    assert len(found) >= 8 and sum(lang in RUN for _, lang, _, _ in found) >= 5
    for line, lang, mark, _ in found:
        assert lang in RUN | {"text"}, f"README line {line}: a block must be python, sh or text, not {lang!r}"
        if mark.startswith("skip"):
            assert re.fullmatch(r"skip \(.{8,}\)", mark), f"README line {line}: say why a block is skipped"
        elif mark:
            assert mark.startswith("needs "), f"README line {line}: unknown mark {mark!r}"
            assert set(re.split(r",\s*", mark[len("needs ") :])) <= set(ENGINES), f"README line {line}"


def make_workdir(path: Path) -> Path:
    """The files the README's commands name."""
    articles = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))[:6]
    shutil.copy(ROOT / "fixtures" / "articles" / "fr-incendie-entrepot-recyclage.txt", path / "article.txt")
    texts = [a.read_text(encoding="utf-8") for a in articles]
    records = [
        {"id": f"a{i}", "text": t, "body": t, "url": f"https://site{i % 2}.example/{i}"} for i, t in enumerate(texts)
    ]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (path / "in.jsonl").write_text(lines, encoding="utf-8")
    with gzip.open(path / "in.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(lines)
    (path / "articles").mkdir()
    for article in articles[:3]:
        shutil.copy(article, path / "articles" / article.name)
    page = (ROOT / "tests" / "test_cli.py").read_text(encoding="utf-8")
    html = page[page.index('PAGE = """') + len('PAGE = """') :]
    (path / "page.html").write_text(html[: html.index('"""')], encoding="utf-8")
    (path / "cleaner.toml").write_text('[cleaner]\ndisable = ["body_region"]\n', encoding="utf-8")
    if importlib.util.find_spec("pyarrow") is not None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(records), path / "in.parquet")
    return path


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_workdir(tmp_path_factory.mktemp("readme"))


def _missing(mark: str) -> list[str]:
    needs = re.split(r",\s*", mark[len("needs ") :]) if mark.startswith("needs ") else []
    missing = [extra for extra in needs if importlib.util.find_spec(ENGINES[extra]) is None]
    if "spark" in needs and shutil.which("java") is None:
        missing.append("java")
    return missing


RUNNABLE = [b for b in blocks() if b[1] in RUN]


@pytest.mark.parametrize(("line", "lang", "mark", "code"), RUNNABLE, ids=[f"line{b[0]}" for b in RUNNABLE])
def test_block_runs_as_written(workdir: Path, line: int, lang: str, mark: str, code: str) -> None:
    if mark.startswith("skip"):
        # Not run (the network, a service): at least it parses.
        if lang == "python":
            compile(code, f"README.md:{line}", "exec")
        else:
            subprocess.run(["bash", "-n", "-c", code], check=True)
        return
    missing = _missing(mark)
    if missing:
        pytest.skip(f"README line {line} needs {', '.join(missing)}")
    env: dict[str, Any] = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYSPARK_PYTHON": sys.executable,
        "HF_DATASETS_OFFLINE": "1",
        "CLEANER_TRANSLATION_CACHE": str(workdir / "translations.sqlite"),
    }
    command = [sys.executable, "-c", code] if lang == "python" else ["bash", "-e", "-o", "pipefail", "-c", code]
    done = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, f"README line {line}:\n{code}\n--- stderr ---\n{done.stderr[-3000:]}"
