"""Clean + detect on real pages: cleaner against the naive chain, in one run.

    python benchmarks/bench_speed.py --devset ../shared/devset [--rounds 3]

The pages are the development set's (unique; each cleaned once per row and round). Every
row runs as its own process, so each pays its own start-up (interpreter, imports,
vocabulary, language profiles) the way a user's job does, from compiled bytecode as an
installed package (a first, untimed run compiles it in a checkout); CPU time is the process tree's
(user + system, children included), wall time is the clock. Rows, interleaved per round,
median over rounds, ratios against the naive chain measured in the same run:

- ``naive``: ``ftfy.fix_text`` + seeded ``langdetect.detect_langs`` on the raw text, the
  five lines a user writes;
- ``clean() loop``: ``cleaner.clean(text)`` per page, default settings;
- ``reused pipeline``: ``CleanerConfig().pipeline()`` once, then called per page;
- ``batch -w 1`` and ``batch -w 2``: ``cleaner batch`` on a JSONL of the pages.

Then ``first clean()``: a fresh process imports cleaner and cleans one page; the time from
before the import to the result, and the import alone (median of ``--rounds`` processes).
Uses only the standard library to measure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NAIVE = """
import json, sys
import ftfy
from langdetect import DetectorFactory, detect_langs
DetectorFactory.seed = 0
for line in open(sys.argv[1], encoding="utf-8"):
    text = ftfy.fix_text(json.loads(line)["text"])
    try:
        detect_langs(text)
    except Exception:
        pass
"""

CLEAN_LOOP = """
import json, sys
import cleaner
for line in open(sys.argv[1], encoding="utf-8"):
    cleaner.clean(json.loads(line)["text"])
"""

REUSED = """
import json, sys
from cleaner.config import CleanerConfig
pipeline = CleanerConfig().pipeline()
for line in open(sys.argv[1], encoding="utf-8"):
    pipeline.clean(json.loads(line)["text"])
"""

FIRST = """
import json, sys, time
started = time.perf_counter()
import cleaner
imported = time.perf_counter()
cleaner.clean(sys.argv[1])
done = time.perf_counter()
print(json.dumps({"first": done - started, "import": imported - started}))
"""


# Every row runs as an installed package does: from bytecode compiled once (pip compiles it
# at install; a checkout compiles it on the first run, which is not timed). An environment
# that forbids writing bytecode would make every row compile the package again.
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def pages(devset: Path) -> list[dict[str, str]]:
    out = []
    for line in open(devset / "truth.jsonl", encoding="utf-8"):
        page_id = json.loads(line)["id"]
        out.append({"id": page_id, "text": (devset / "article" / f"{page_id}.txt").read_text(encoding="utf-8")})
    return out


def run(argv: list[str]) -> tuple[float, float, str]:
    """CPU seconds (the process and its children) and wall seconds of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=ROOT, env=CHILD_ENV)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # batch exits 1 when a record failed; it is timed all the same
        raise SystemExit(f"{argv[:4]} failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devset", type=Path, required=True, help="the development set folder (truth.jsonl, article/)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    docs = pages(args.devset)
    python = sys.executable
    env_note = "langdetect-rs" if _installed("langdetect_rs") else "langdetect"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "pages.jsonl"
        source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        rows = {
            "naive (ftfy + langdetect)": [python, "-c", NAIVE, str(source)],
            "clean() loop": [python, "-c", CLEAN_LOOP, str(source)],
            "reused pipeline": [python, "-c", REUSED, str(source)],
            "batch -w 1": [python, "-m", "cleaner", "batch", str(source), "-o", str(Path(tmp) / "o1.jsonl"), "-w", "1", "-q"],
            "batch -w 2": [python, "-m", "cleaner", "batch", str(source), "-o", str(Path(tmp) / "o2.jsonl"), "-w", "2", "-q"],
        }
        cpu: dict[str, list[float]] = {name: [] for name in rows}
        wall: dict[str, list[float]] = {name: [] for name in rows}
        first: list[float] = []
        imported: list[float] = []
        sample = docs[len(docs) // 2]["text"]
        run([python, "-c", FIRST, sample])  # compiles the bytecode if it is missing; not timed
        for _ in range(args.rounds):
            for name, argv in rows.items():
                for out in Path(tmp).glob("o*.jsonl*"):
                    out.unlink()
                seconds, clock, _ = run(argv)
                cpu[name].append(seconds)
                wall[name].append(clock)
            _, _, printed = run([python, "-c", FIRST, sample])
            figures = json.loads(printed)
            first.append(figures["first"])
            imported.append(figures["import"])
    naive_cpu = statistics.median(cpu["naive (ftfy + langdetect)"])
    w1_wall = statistics.median(wall["batch -w 1"])
    print(f"{len(docs)} dev-set pages, median of {args.rounds} rounds; language backend: {env_note}")
    print(f"{'row':28s} {'CPU s':>7s} {'wall s':>7s} {'CPU vs naive':>13s} {'wall vs -w 1':>13s}")
    for name in rows:
        c, w = statistics.median(cpu[name]), statistics.median(wall[name])
        if name == "batch -w 2":  # its workers are the fork server's children: not in this process's rusage
            print(f"{name:28s} {'-':>7s} {w:7.2f} {'-':>13s} {w1_wall / w:13.2f}")
            continue
        print(f"{name:28s} {c:7.2f} {w:7.2f} {c / naive_cpu:13.2f} {w1_wall / w:13.2f}")
    print(f"first clean() in a fresh process: {statistics.median(first):.2f} s (import {statistics.median(imported):.2f} s)")


def _installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
