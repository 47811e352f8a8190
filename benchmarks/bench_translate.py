"""Translation throughput: cold vs warm cache, sequential vs concurrent, in one run.

Runs deep-translator's real LibreTranslate client against the local fake server
(tests/fake_translation_server.py, 127.0.0.1) with a fixed latency per request, so the
figures measure our overhead, the cache and the concurrency, not a network.

    python benchmarks/bench_translate.py [--articles 40] [--latency 0.02] [--in-flight 8] [--warm-repeats 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

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


def run(server: FakeTranslationServer, docs: list[Document], cache: Path, in_flight: int) -> tuple[float, int]:
    """Articles per second and requests made, translating ``docs`` once."""
    step = Translate("en", provider="libre", url=server.url, cache=cache, max_in_flight=in_flight, timeout=10.0)
    before = server.count
    start = time.perf_counter()
    out = list(step.translate_many(docs))
    elapsed = time.perf_counter() - start
    step.close()
    assert all(d.translation is not None and d.translation.status == "ok" for d in out)
    return len(docs) / elapsed, server.count - before


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.02, help="seconds per request at the server")
    parser.add_argument("--in-flight", type=int, default=8, help="max_in_flight for the concurrent runs")
    parser.add_argument("--warm-repeats", type=int, default=5, help="warm passes (the median is reported)")
    args = parser.parse_args(argv)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        os.environ.pop(name, None)
    os.environ["NO_PROXY"] = "127.0.0.1,localhost"

    docs = [article(n) for n in range(args.articles)]
    results: dict[tuple[str, str], tuple[float, int]] = {}
    with FakeTranslationServer(latency=args.latency) as server, tempfile.TemporaryDirectory() as tmp:
        for mode, in_flight in (("sequential", 1), ("concurrent", args.in_flight)):
            cache = Path(tmp) / f"{mode}.sqlite3"
            results[(mode, "cold")] = run(server, docs, cache, in_flight)
            # A warm pass takes milliseconds: report the median of several.
            warm = sorted(run(server, docs, cache, in_flight) for _ in range(args.warm_repeats))
            results[(mode, "warm")] = warm[len(warm) // 2]

    pieces = sum(len(d.text.split("\n\n")) for d in docs)
    print(
        f"{args.articles} articles, {pieces} paragraphs, {args.latency * 1000:.0f} ms per request, "
        f"concurrent = max_in_flight {args.in_flight}"
    )
    print(f"{'':<12}{'cache':<7}{'articles/s':>12}{'requests':>10}")
    for (mode, cache_state), (rate, requests) in results.items():
        print(f"{mode:<12}{cache_state:<7}{rate:>12.1f}{requests:>10}")
    seq_cold, seq_warm = results[("sequential", "cold")][0], results[("sequential", "warm")][0]
    con_cold, con_warm = results[("concurrent", "cold")][0], results[("concurrent", "warm")][0]
    print("ratios:")
    print(f"  warm / cold, sequential:        {seq_warm / seq_cold:8.1f}x")
    print(f"  warm / cold, concurrent:        {con_warm / con_cold:8.1f}x")
    print(f"  concurrent / sequential, cold:  {con_cold / seq_cold:8.1f}x")
    print(f"  concurrent / sequential, warm:  {con_warm / seq_warm:8.1f}x")


if __name__ == "__main__":
    main()
