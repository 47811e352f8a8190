"""Article kept and boilerplate removed, per mode, on the two development sets.

    python benchmarks/bench_quality.py --devset ../shared/devset --snippets ../shared/snippets

Runs each set's own scorer (``score.py``, standard library only, not part of this project)
on ``cleaner.clean`` in each mode (``CleanerConfig(mode=...)``) and prints one table: for the
news pages F1, precision, recall, the share of article lines kept and of junk lines removed
and the pages emptied; for the snippet pages the share of "with" strings kept (article) and
of "without" strings removed (boilerplate). Language detection is off: it changes no text.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

MODES = ("precise", "balanced", "thorough")
ROOT = Path(__file__).resolve().parent.parent

SPEC_MODULE = '''
from cleaner.config import CleanerConfig
_pipeline = CleanerConfig(detect_language=False, mode={mode!r}).pipeline()


def clean(text):
    return _pipeline.clean(text)
'''


def run_scorer(score: Path, module_dir: Path, module: str) -> str:
    """The scorer's output for ``module:clean`` (a subprocess: each scorer is a script)."""
    result = subprocess.run(
        [sys.executable, str(score), f"{module}:clean", "--path", str(module_dir), "--path", str(ROOT)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return result.stdout


def devset_row(output: str) -> dict[str, str]:
    line = next(row for row in output.splitlines() if row.startswith("all "))
    cells = line.split()
    return {"F1": cells[2], "P": cells[4], "R": cells[5], "emptied": cells[7], "lines kept": cells[8], "junk removed": cells[9]}


def snippets_row(output: str) -> dict[str, str]:
    last = output.strip().splitlines()[-1]
    values = dict(re.findall(r"(\w+)=([\d.]+)", last))
    return {"with kept": values["with_kept"], "without removed": values["without_removed"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, required=True, help="folder with score.py, truth.jsonl, article/")
    parser.add_argument("--snippets", type=Path, required=True, help="folder with score.py, manifest.jsonl, article/")
    parser.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mode in args.modes:
            module = f"cleaner_mode_{mode}"
            (Path(tmp) / f"{module}.py").write_text(SPEC_MODULE.format(mode=mode), encoding="utf-8")
            row = {"mode": mode}
            row.update(devset_row(run_scorer(args.devset / "score.py", Path(tmp), module)))
            row.update(snippets_row(run_scorer(args.snippets / "score.py", Path(tmp), module)))
            rows.append(row)
    columns = list(rows[0])
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(row[c] for c in columns) + " |")


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        main()
