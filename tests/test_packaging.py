"""Packaging: the sdist holds the tests with their fixtures (and the wheel built from it
works from that alone), the wheel holds the vocabulary's README, both carry the LICENSE."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(
    ".git", "__pycache__", "*.egg-info", "build", "dist", ".venv", ".*_cache", ".hypothesis", "*.part"
)


def test_sdist_and_wheel_are_complete(tmp_path: Path) -> None:
    pytest.importorskip("build")
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=SKIP)
    out = tmp_path / "dist"
    # No --sdist/--wheel: build makes the sdist, then the wheel from the unpacked sdist.
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--skip-dependency-check", "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    [sdist] = out.glob("*.tar.gz")
    [wheel] = out.glob("*.whl")
    with tarfile.open(sdist) as archive:
        top = archive.getnames()[0].split("/")[0]
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert top.startswith("article_cleaner-")
    expected = {"LICENSE", "README.md", "pyproject.toml", "conftest.py", "cleaner/vocab/README.md", "cleaner/vocab/facts.json", ".ci/run"}
    tests = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").glob("*.py")}
    fixtures = {p.relative_to(ROOT).as_posix() for p in (ROOT / "fixtures").rglob("*") if p.is_file()}
    assert expected | tests | fixtures <= in_sdist
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    assert {"cleaner/vocab/README.md", "cleaner/vocab/facts.json", "cleaner/py.typed", "cleaner/vocab/en/advertisement.txt"} <= in_wheel
    assert any(name.endswith((".dist-info/licenses/LICENSE", ".dist-info/LICENSE")) for name in in_wheel)
    assert not any(name.startswith(("tests/", "fixtures/")) for name in in_wheel)
