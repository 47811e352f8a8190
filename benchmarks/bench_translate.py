"""Translation throughput: cold vs warm cache, sequential vs concurrent, packed vs one line
per request, and against a rate-limited server, in one run.

Runs deep-translator's real LibreTranslate client against the local fake server
(tests/fake_translation_server.py, 127.0.0.1) with a fixed latency per request, so the
figures measure our overhead, the cache, packing and concurrency, not a network. The
rate-limited row lets ``--rate`` requests through per second and answers the rest with
429 + Retry-After, as a public server does: requests made (429s included) and articles/s
say how well the client backs off.

    python benchmarks/bench_translate.py [--articles 40] [--latency 0.02] [--in-flight 8] [--rate 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fake_translation_server import FakeTranslationServer

from cleaner.document import Document, Language
from cleaner.translation import Translate

SENTENCES = (
    "El Gobierno aprobó ayer la reforma número {n} en el Consejo de Ministros.",
    "La oposición criticó la medida y anunció un recurso ante el Tribunal Constitucional.",
    "Según fuentes del ministerio, la norma entrará en vigor el {n} de marzo.",
    "Los sindicatos pidieron más tiempo para estudiar el texto definitivo.",
    "El presupuesto de la partida {n} asciende a varios millones de euros.",
)


def article(n: int, paragraphs: int = 6) -> Document:
    """A distinct Spanish article (every paragraph mentions ``n``, so nothing is shared)."""
    body = [f"Titular de la noticia {n}"]
    for p in range(paragraphs):
        body.append(" ".join(s.format(n=f"{n}-{p}") for s in SENTENCES[: 2 + p % 3]))
    return Document.from_text("\n\n".join(body), id=str(n)).replace(language=Language("es", 0.99))


def run(server: FakeTranslationServer, docs: list[Document], cache: Path, **options: Any) -> tuple[float, int, int]:
    """Articles per second, requests made and 429s received, translating ``docs`` once."""
    step = Translate("en", provider="libre", url=server.url, cache=cache, timeout=10.0, **options)
    before = len(server.seen)
    start = time.perf_counter()
    out = list(step.many(docs))
    elapsed = time.perf_counter() - start
    step.close()
    assert all(d.translation is not None and d.translation.status == "ok" for d in out)
    assert all(d.translation.text.count("\n") == d.text.count("\n") for d in out if d.translation and d.translation.text)
    behaviours = Counter(s.behaviour for s in server.seen[before:])
    return len(docs) / elapsed, sum(behaviours.values()), behaviours["429"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.02, help="seconds per request at the server")
    parser.add_argument("--in-flight", type=int, default=8, help="max_in_flight for the concurrent runs")
    parser.add_argument("--warm-repeats", type=int, default=5, help="warm passes (the median is reported)")
    parser.add_argument("--rate", type=int, default=10, help="requests per second the rate-limited server allows")
    args = parser.parse_args(argv)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        os.environ.pop(name, None)
    os.environ["NO_PROXY"] = "127.0.0.1,localhost"

    docs = [article(n) for n in range(args.articles)]
    rows: dict[tuple[str, str], tuple[float, int, int]] = {}
    with FakeTranslationServer(latency=args.latency) as server, tempfile.TemporaryDirectory() as tmp:
        for mode, in_flight in (("sequential", 1), ("concurrent", args.in_flight)):
            cache = Path(tmp) / f"{mode}.sqlite3"
            rows[(mode, "cold")] = run(server, docs, cache, max_in_flight=in_flight)
            # A warm pass takes milliseconds: report the median of several.
            warm = sorted(run(server, docs, cache, max_in_flight=in_flight) for _ in range(args.warm_repeats))
            rows[(mode, "warm")] = warm[len(warm) // 2]
        rows[("concurrent, a line per request", "cold")] = run(
            server, docs, Path(tmp) / "lines.sqlite3", max_in_flight=args.in_flight, pack=False
        )
        server.rate_limit = args.rate
        rows[(f"concurrent, server allows {args.rate} req/s", "cold")] = run(
            server, docs, Path(tmp) / "limited.sqlite3", max_in_flight=args.in_flight
        )

    paragraphs = sum(len(d.text.split("\n\n")) for d in docs)
    print(
        f"{args.articles} articles, {paragraphs} paragraphs, {args.latency * 1000:.0f} ms per request, "
        f"concurrent = max_in_flight {args.in_flight}"
    )
    print(f"{'':<40}{'cache':<7}{'articles/s':>11}{'requests':>10}{'of them 429':>13}")
    for (mode, cache_state), (rate, requests, refused) in rows.items():
        print(f"{mode:<40}{cache_state:<7}{rate:>11.1f}{requests:>10}{refused:>13}")
    seq_cold, seq_warm = rows[("sequential", "cold")][0], rows[("sequential", "warm")][0]
    con_cold, con_warm = rows[("concurrent", "cold")][0], rows[("concurrent", "warm")][0]
    lines = rows[("concurrent, a line per request", "cold")][0]
    limited = rows[(f"concurrent, server allows {args.rate} req/s", "cold")][0]
    print("ratios:")
    print(f"  warm / cold, sequential:                {seq_warm / seq_cold:8.1f}x")
    print(f"  warm / cold, concurrent:                {con_warm / con_cold:8.1f}x")
    print(f"  concurrent / sequential, cold:          {con_cold / seq_cold:8.1f}x")
    print(f"  packed / a line per request, cold:      {con_cold / lines:8.1f}x")
    print(f"  rate-limited / the server's ceiling:    {limited / args.rate:8.2f}  (one request per article)")


if __name__ == "__main__":
    main()
