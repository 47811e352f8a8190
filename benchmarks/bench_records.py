"""Memory of reading a Parquet corpus through cleaner.records (row group by row group)
against reading the whole table at once (pyarrow.parquet.read_table, then rows), in the
same run: peak RSS (VmHWM, Linux) of a fresh process after the first 1,000 rows and after
all of them.

    python benchmarks/bench_records.py [--rows 60000] [--words 400]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

STREAM = """
import itertools, re, sys
from cleaner.records import open_jsonl
count = sum(1 for _ in itertools.islice(open_jsonl(sys.argv[1]), int(sys.argv[2])))
print(count, re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
"""
WHOLE = """
import re, sys
import pyarrow.parquet as pq
rows = pq.read_table(sys.argv[1]).to_pylist()[: int(sys.argv[2])]
print(len(rows), re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
"""


def peak_mb(code: str, path: Path, rows: int) -> tuple[int, float]:
    out = subprocess.run(
        [sys.executable, "-c", code, str(path), str(rows)], capture_output=True, text=True, check=True
    )
    count, kb = out.stdout.split()
    return int(count), int(kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=60_000)
    parser.add_argument("--words", type=int, default=400, help="words per article")
    args = parser.parse_args()
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = random.Random(0)
    vocabulary = [
        "the",
        "minister",
        "said",
        "on",
        "monday",
        "that",
        "the",
        "council",
        "budget",
        "would",
        "rise",
        "after",
        "a",
        "long",
        "debate",
    ]
    texts = [" ".join(rng.choice(vocabulary) for _ in range(args.words)) for _ in range(args.rows)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.parquet"
        pq.write_table(pa.table({"id": list(range(args.rows)), "text": texts}), path, row_group_size=2048)
        print(
            f"{args.rows} rows, {sum(map(len, texts)) / 1e6:.0f} MB of text, {path.stat().st_size / 1e6:.0f} MB on disk"
        )
        print(f"{'reader':<28}{'rows read':>10}{'peak MB':>10}")
        for name, code in (("cleaner.records.open_jsonl", STREAM), ("pyarrow read_table (whole)", WHOLE)):
            for rows in (1000, args.rows):
                count, mb = peak_mb(code, path, rows)
                print(f"{name:<28}{count:>10}{mb:>10.0f}")


if __name__ == "__main__":
    main()
