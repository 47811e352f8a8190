"""Command line: ``cleaner clean FILE... | -`` prints the cleaned article (``--explain``, ``--json``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from cleaner.api import default_pipeline
from cleaner.document import Document

__all__ = ["main"]


def _explain(doc: Document) -> str:
    lines = [f"# {len(doc.removals)} lines removed"]
    for r in sorted(doc.removals, key=lambda r: r.block.index):
        detail = f" ({r.detail})" if r.detail else ""
        lines.append(f"- line {r.block.index + 1}: {r.filter}/{r.reason}{detail}: {r.block.text[:100]}")
    if doc.title:
        lines.append(f"# title: {doc.title}")
    if doc.language:
        lines.append(f"# language: {doc.language.code} (p={doc.language.probability:.2f})")
    return "\n".join(lines)


def _clean(args: argparse.Namespace) -> int:
    pipeline = default_pipeline()
    status = 0
    for name in args.files:
        try:
            data = sys.stdin.buffer.read() if name == "-" else open(name, "rb").read()
        except OSError as err:
            print(f"cleaner: {err}", file=sys.stderr)
            status = 1
            continue
        doc = pipeline.clean(data, id=name)
        if args.json:
            print(json.dumps(doc.to_dict(), ensure_ascii=False))
            continue
        if len(args.files) > 1:
            print(f"==> {name} <==")
        print(doc.text)
        if args.explain:
            print()
            print(_explain(doc))
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cleaner", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    clean = sub.add_parser("clean", help="clean article files (or - for stdin)")
    clean.add_argument("files", nargs="+", help="text files, or - for standard input")
    clean.add_argument("--explain", action="store_true", help="list each removed line with its filter and reason")
    clean.add_argument("--json", action="store_true", help="print the full result as one JSON object per file")
    clean.set_defaults(run=_clean)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
