"""Speed of ``clean()`` (without language detection) against ``ftfy.fix_text`` alone.

Both run on the same articles in the same process, interleaved over several rounds, so
the ratio holds on a shared, noisy machine even when absolute figures move.

    python benchmarks/bench_clean.py [--rounds 5] [--copies 20]

Articles: every ``fixtures/articles/*.txt``, plus copies with a line-level shuffle of the
article body so that no two documents are identical; or, with ``--devset DIR``, the scraped
pages of the project's development set (not shipped), where lines rarely repeat.

A pipeline remembers what it worked out about each line (its ``cleaner.lines.Lines``,
bounded), so ``clean()`` is timed twice: "cold" builds a new pipeline for every round (only
repeats within the round help, as in a real batch), "warm" reuses one pipeline across
rounds (every line seen before: the best case, e.g. re-cleaning a corpus). Real pages with
the language step and start-up: ``benchmarks/bench_speed.py``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ftfy

import cleaner
from cleaner.filters.unicode import FTFY_CONFIG


def corpus(copies: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    out = list(texts)
    for _ in range(copies):
        for text in texts:
            lines = text.split("\n")
            head, body = lines[:6], lines[6:]
            rng.shuffle(body)
            out.append("\n".join(head + body))
    return out


def long_text(chars: int, seed: int = 1) -> str:
    """One huge input made of fixture lines (each made unique), about ``chars`` long."""
    rng = random.Random(seed)
    lines = [line for text in corpus(0) for line in text.split("\n")]
    out, total = [], 0
    while total < chars:
        line = f"{rng.choice(lines)} {rng.randint(0, 10**6)}"
        out.append(line)
        total += len(line) + 1
    return "\n".join(out)


def scaling(sizes: list[int]) -> None:
    """Time per character of one huge input at growing sizes: flat means linear."""
    print(f"{'input':>10s} {'seconds':>8s} {'us/char':>8s} {'vs smallest':>11s}")
    first = None
    for chars in sizes:
        text = long_text(chars)
        start = time.perf_counter()
        cleaner.clean(text)
        per_char = (time.perf_counter() - start) / len(text) * 1e6
        first = first or per_char
        print(f"{len(text):>10,d} {per_char * len(text) / 1e6:8.1f} {per_char:8.2f} {per_char / first:11.2f}")


def devset_corpus(directory: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((directory / "article").glob("*.txt"))]


def timed(func, docs: list[str]) -> float:
    start = time.perf_counter()
    for doc in docs:
        func(doc)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--scaling", action="store_true", help="also time one huge input at 0.25, 1 and 4 MB")
    parser.add_argument("--devset", type=Path, help="time the development set's pages instead of the fixtures")
    args = parser.parse_args()
    docs = devset_corpus(args.devset) if args.devset else corpus(args.copies)
    size = sum(len(d.encode()) for d in docs)
    pipeline = cleaner.default_pipeline(detect_language=False)
    with_language = cleaner.default_pipeline()
    baseline = "ftfy.fix_text (baseline)"
    warm = {
        baseline: lambda d: ftfy.fix_text(d, FTFY_CONFIG),
        "clean() warm, no language": pipeline.clean,
        "clean() warm, with language": with_language.clean,
    }
    cold = {  # a new pipeline (empty memos) every round; building it is not timed
        "clean() cold, no language": lambda: cleaner.default_pipeline(detect_language=False),
        "clean() cold, with language": lambda: cleaner.default_pipeline(),
    }
    for func in warm.values():  # warm up: imports, vocabulary, langdetect profiles
        timed(func, docs[:5])
    times: dict[str, list[float]] = {name: [] for name in [*warm, *cold]}
    for _ in range(args.rounds):
        for name, func in warm.items():
            times[name].append(timed(func, docs))
        for name, build in cold.items():
            fresh = build()
            fresh.clean(docs[0][:200])  # compile what the first call compiles, untimed
            times[name].append(timed(fresh.clean, docs))
    tracemalloc.start()
    timed(pipeline.clean, docs[:50])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    base = statistics.median(times[baseline])
    print(f"{len(docs)} articles, {size / len(docs) / 1024:.1f} KB on average, median of {args.rounds} rounds")
    print(f"{'run':30s} {'articles/s':>10s} {'ms/article':>10s} {'x ftfy time':>11s}")
    for name, values in times.items():
        t = statistics.median(values)
        print(f"{name:30s} {len(docs) / t:10.0f} {1000 * t / len(docs):10.2f} {t / base:11.2f}")
    print(f"peak traced memory while cleaning 50 articles: {peak / 1e6:.1f} MB")
    if args.scaling:
        scaling([250_000, 1_000_000, 4_000_000])


if __name__ == "__main__":
    main()
