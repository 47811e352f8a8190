"""Benchmark: corpus throughput and memory, against the naive ftfy + langdetect chain, in one run.

Corpus: ``--articles`` (default 10,000) articles generated from ``fixtures/articles/*.txt``.
Each takes a fixture's raw page (boilerplate included), inserts 0-8 body paragraphs taken
from the expected clean text of fixtures in the same language, their sentences shuffled,
until it reaches a size drawn between 2 and 6 KB (in UTF-8 bytes; a few short-language
fixtures stay nearer 2 KB), and changes every number. Seeded, so runs are comparable.

Rows (each in its own process, so peak memory belongs to that row alone):

* ``naive``: ``ftfy.fix_text`` then ``langdetect.detect_langs`` on the raw text (seed 0);
  the baseline of the ratios,
* ``clean``: the default pipeline without language detection, in one process,
* ``clean+detect``: the default pipeline (language detection included),
* ``batch -w 1`` / ``batch -w 2``: ``python -m cleaner batch`` on the corpus as JSONL, with
  detection, wall time of the whole command (start-up and pipeline building included).

Articles/s excludes building the pipeline for the in-process rows. Peak memory is the
maximum resident set size: the process's own for in-process rows; for batch rows the
largest sum over the command's process tree, sampled every 0.1 s (needs ``psutil``).

``--scale N --kill-at F [--short]`` instead checks the issue's "flat memory, kill and resume" claim:
it writes N records, runs ``batch --workers 2``, samples the tree's memory every second,
SIGKILLs the whole run after a share F of the records, reruns it with ``--resume``, and
checks that every record comes out exactly once, in order.

Run: ``pip install psutil`` then ``python benchmarks/bench_batch.py`` (about 20 minutes
on 2 cores), or ``python benchmarks/bench_batch.py --scale 100000 --kill-at 0.5``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "fixtures" / "articles"
ROWS = ("naive", "clean", "clean+detect")  # in-process rows; "batch" is the two command rows
SENTENCE_RE = re.compile(r"(?<=[.!?。！？])\s*")
DIGITS_RE = re.compile(r"\d+")


def _fixtures() -> list[tuple[str, str, list[str]]]:
    """(language, raw text, body paragraphs of the expected clean text) per fixture."""
    out = []
    for path in sorted(FIXTURES.glob("*.txt")):
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        paragraphs = [p for p in expected["expected"].split("\n\n") if p.strip()]
        out.append((expected["language"], path.read_text(encoding="utf-8"), paragraphs))
    return out


def _sentences(paragraph: str) -> list[str]:
    return [s for s in SENTENCE_RE.split(" ".join(paragraph.split("\n"))) if s.strip()]


def _vary(paragraph: str, rng: random.Random, *, must_change: bool = False) -> str:
    """The paragraph as one line, its sentences in another order (a different one, if it can be)."""
    sentences = _sentences(paragraph)
    joiner = "" if re.search(r"[。！？]", paragraph) else " "
    original = list(sentences)
    for _ in range(5):
        rng.shuffle(sentences)
        if not must_change or sentences != original or len(set(original)) < 2:
            break
    return joiner.join(sentences)


def _renumber(text: str, rng: random.Random) -> str:
    """New numbers, the same for each occurrence: a repeated caption stays a repeat."""
    numbers: dict[str, str] = {}
    return DIGITS_RE.sub(
        lambda m: numbers.setdefault(m.group(), str(rng.randrange(10 ** len(m.group())))), text
    )


def corpus(count: int, *, seed: int = 0, short: bool = False) -> Iterator[dict[str, str]]:
    """``count`` varied articles (2-6 KB) as records ``{"id", "url", "text"}``; ``short``:
    only each page's lines up to about 600 bytes (its head: menus, headline, byline, lead)."""
    rng = random.Random(seed)
    fixtures = _fixtures()
    # Paragraphs to add, per language: the body paragraphs of every fixture in it (not the
    # headline and lead). A fixture's own paragraph only if its sentences can be reordered,
    # so that no added paragraph repeats one of the page (it would be cut as a duplicate).
    pools: dict[str, list[tuple[int, str]]] = {}
    for index, (language, _, paragraphs) in enumerate(fixtures):
        pools.setdefault(language, []).extend((index, p) for p in paragraphs[1:])
    for number in range(count):
        chosen = rng.randrange(len(fixtures))
        language, raw, paragraphs = fixtures[chosen]
        target = rng.uniform(2000, 6000)
        extra: list[str] = []
        size = len(raw.encode("utf-8"))
        pool = [p for i, p in pools[language] if i != chosen or len(_sentences(p)) > 1]
        for paragraph in rng.sample(pool, min(len(pool), 8)):
            if size >= target:
                break
            extra.append(_vary(paragraph, rng, must_change=True))
            size += len(extra[-1].encode("utf-8")) + 2
        last = paragraphs[-1]
        at = raw.find(last)
        if extra and at >= 0:
            at += len(last)
            raw = raw[:at] + "\n\n" + "\n\n".join(extra) + raw[at:]
        if short:
            lines, size = [], 0
            for line in raw.split("\n"):
                lines.append(line)
                size += len(line.encode("utf-8")) + 1
                if size > rng.uniform(400, 800):
                    break
            raw = "\n".join(lines)
        text = _renumber(raw, rng)
        site = f"site{number % 50}.example"
        yield {"id": f"a{number:06d}", "url": f"https://{site}/{language}/{number}", "text": text}


def write_corpus(path: Path, count: int, *, short: bool = False) -> float:
    """Write the corpus as JSONL; returns the mean article size in bytes."""
    total = 0
    with open(path, "w", encoding="utf-8") as handle:
        for record in corpus(count, short=short):
            total += len(record["text"].encode("utf-8"))
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return total / max(count, 1)


# -- rows -------------------------------------------------------------------------------------


def _texts(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle]


def run_row(row: str, corpus_path: Path) -> dict[str, Any]:
    """One in-process row (called in a child process); prints its figures as JSON."""
    texts = _texts(corpus_path)
    if row == "naive":
        import ftfy
        from langdetect import DetectorFactory, detect_langs

        DetectorFactory.seed = 0

        def work(text: str) -> Any:
            fixed = ftfy.fix_text(text)
            try:
                return detect_langs(fixed)
            except Exception:  # noqa: BLE001 - langdetect raises on letterless text
                return None

        work(texts[0])  # load the profiles before timing
    else:
        from cleaner.config import CleanerConfig

        pipeline = CleanerConfig(detect_language=row == "clean+detect").pipeline()
        pipeline.clean(texts[0])  # build lazily loaded parts before timing

        def work(text: str) -> Any:
            return pipeline.clean(text)

    start = time.perf_counter()
    for text in texts:
        work(text)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"row": row, "articles": len(texts), "seconds": seconds, "peak_mb": peak}


def _tree_rss(pid: int) -> float:
    import psutil

    try:
        process = psutil.Process(pid)
        total = process.memory_info().rss
        for child in process.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        return float(total) / 2**20
    except psutil.Error:
        return 0.0


def run_batch_row(
    corpus_path: Path, workers: int, out: Path, *, extra: list[str] | None = None, interval: float = 0.1
) -> dict[str, Any]:
    """``python -m cleaner batch`` as a child; wall time and sampled process-tree memory."""
    args = [
        sys.executable,
        "-m",
        "cleaner",
        "batch",
        str(corpus_path),
        "-o",
        str(out),
        "-w",
        str(workers),
        "-q",
    ]
    start = time.perf_counter()
    process = subprocess.Popen([*args, *(extra or [])], cwd=ROOT, start_new_session=True)
    samples: list[tuple[float, float]] = []
    while process.poll() is None:
        samples.append((time.perf_counter() - start, _tree_rss(process.pid)))
        time.sleep(interval)
    seconds = time.perf_counter() - start
    articles = _count_lines(out)
    return {
        "row": f"batch -w {workers}",
        "articles": articles,
        "seconds": seconds,
        "peak_mb": max((rss for _, rss in samples), default=0.0),
        "status": process.returncode,
    }


def main_rows(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus_path = Path(tmp) / "corpus.jsonl"
        mean = write_corpus(corpus_path, args.articles)
        print(
            f"corpus: {args.articles} articles, mean {mean / 1024:.1f} KB, from {FIXTURES.relative_to(ROOT)}"
        )
        results = []
        wanted = ["naive", *args.rows.split(",")] if args.rows else [*ROWS, "batch"]  # naive: the baseline
        for row in (r for r in ROWS if r in wanted):
            done = subprocess.run(
                [sys.executable, __file__, "--row", row, "--corpus", str(corpus_path)],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"  done: {row}", file=sys.stderr)
        for workers in (1, 2) if "batch" in wanted else ():
            results.append(run_batch_row(corpus_path, workers, Path(tmp) / f"out{workers}.jsonl"))
            print(f"  done: batch -w {workers}", file=sys.stderr)
        base = results[0]["articles"] / results[0]["seconds"]
        print(f"{'row':<16}{'articles':>10}{'seconds':>10}{'articles/s':>12}{'vs naive':>10}{'peak MB':>10}")
        for r in results:
            rate = r["articles"] / r["seconds"]
            print(
                f"{r['row']:<16}{r['articles']:>10}{r['seconds']:>10.1f}{rate:>12.1f}"
                f"{rate / base:>10.2f}{r['peak_mb']:>10.0f}"
            )
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")


def main_scale(args: argparse.Namespace) -> int:
    """The 100,000-record check: flat memory, kill midway, resume, every record exactly once."""
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="cleaner-bench-"))
    corpus_path = workdir / "corpus.jsonl"
    out = workdir / "out.jsonl"
    part = workdir / "out.jsonl.part"
    for path in (out, part):
        path.unlink(missing_ok=True)
    mean = write_corpus(corpus_path, args.scale, short=args.short)
    print(
        f"corpus: {args.scale} records, mean {mean / 1024:.1f} KB, {corpus_path.stat().st_size / 2**20:.0f} MB"
    )
    command = [sys.executable, "-m", "cleaner", "batch", str(corpus_path), "-o", str(out), "-w", "2", "-q",
               "--id-field", "id", "--summary", str(workdir / "summary.json")]  # fmt: skip

    def watch(
        process: subprocess.Popen[bytes], kill_after: int | None
    ) -> tuple[list[tuple[float, int, float]], bool]:
        samples: list[tuple[float, int, float]] = []
        start = time.perf_counter()
        killed = False
        count = _LineCounter(part)
        while process.poll() is None:
            written = count()
            samples.append((time.perf_counter() - start, written, _tree_rss(process.pid)))
            if kill_after is not None and written >= kill_after:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                killed = True
                break
            time.sleep(1.0)
        return samples, killed

    first = subprocess.Popen(command, cwd=ROOT, start_new_session=True)
    samples1, killed = watch(first, int(args.scale * args.kill_at))
    written = _count_lines(part)
    print(f"run 1: killed={killed} after {samples1[-1][0]:.0f} s with {written} records in {part.name}")
    second = subprocess.Popen([*command, "--resume"], cwd=ROOT, start_new_session=True)
    samples2, _ = watch(second, None)
    summary = json.loads((workdir / "summary.json").read_text())
    print(f"run 2 (--resume): exit {second.returncode} after {samples2[-1][0]:.0f} s; summary: "
          f"{summary['records']} records, {summary['resumed']} kept, {summary['errors']} errors")  # fmt: skip
    ids = []
    with open(out, encoding="utf-8") as handle:
        for line in handle:
            ids.append(json.loads(line)["id"])
    expected = [f"a{n:06d}" for n in range(args.scale)]
    exactly_once = ids == expected
    print(f"every record exactly once, in order: {exactly_once} ({len(ids)} lines)")
    for name, samples in (("run 1", samples1), ("run 2", samples2)):
        steady = [s for s in samples if s[1] > 0] or samples
        quarter = max(len(steady) // 4, 1)
        marks = [steady[0], steady[quarter], steady[2 * quarter], steady[-1]]
        shown = ", ".join(f"{w} records: {rss:.0f} MB" for _, w, rss in marks)
        print(f"{name} memory (process tree RSS): {shown}; max {max(s[2] for s in steady):.0f} MB")
    return 0 if exactly_once and second.returncode in (0, 1) else 1


def _count_lines(path: Path) -> int:
    try:
        with open(path, "rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


class _LineCounter:
    """Lines of a growing file, reading only what was appended since the last call."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0
        self.lines = 0

    def __call__(self) -> int:
        try:
            with open(self.path, "rb") as handle:
                if handle.seek(0, os.SEEK_END) < self.offset:  # replaced (resume rewrites it)
                    self.offset = self.lines = 0
                handle.seek(self.offset)
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    self.lines += chunk.count(b"\n")
                    self.offset += len(chunk)
        except FileNotFoundError:
            pass
        return self.lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--scale", type=int, help="run the flat-memory kill/resume check on this many records"
    )
    parser.add_argument(
        "--kill-at", type=float, default=0.5, help="share of records after which to kill run 1"
    )
    parser.add_argument("--workdir", help="keep the --scale files here")
    parser.add_argument("--short", action="store_true", help="--scale with ~0.6 KB records (page heads)")
    parser.add_argument(
        "--rows", help=f"comma-separated rows besides naive, the baseline (default all: {','.join(ROWS[1:])},batch)"
    )
    parser.add_argument("--row", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.row:
        print(json.dumps(run_row(args.row, Path(args.corpus))))
        return 0
    if args.scale:
        return main_scale(args)
    main_rows(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
