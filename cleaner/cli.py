"""Command line: ``cleaner clean FILE... | -`` for single articles, ``cleaner batch IN -o OUT``
for JSONL corpora (parallel, ordered, resumable), ``cleaner profile`` for site profiles.
Subcommands and batch options are registered in :data:`REGISTRARS` (see :class:`Commands`)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from cleaner.config import FILTER_NAMES, CleanerConfig
from cleaner.document import Document

__all__ = ["REGISTRARS", "BatchExtension", "Command", "Commands", "build_parser", "config_from_args", "main"]

# Exit statuses (also in ``cleaner batch --help``).
EXIT_OK, EXIT_RECORD_ERRORS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

EPILOG = """exit status: 0 every record cleaned; 1 some records failed (error records were
written); 2 bad usage, configuration, unreadable input, or a worker died; 130 interrupted.
After 2 or 130 (or a kill), rerun with --resume to continue from the records written."""


# -- subcommand registry --------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    """A subcommand: ``configure`` adds its arguments, ``run`` executes it and returns the
    exit status."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    pipeline_options: bool = True  # add --config, --disable, --translate-to, ...


@dataclass(frozen=True)
class BatchExtension:
    """Extra options for ``cleaner batch``: ``configure`` adds arguments, ``prepare`` turns
    the parsed arguments into a changed :class:`~cleaner.batch.BatchSpec` (extra ``steps``,
    ``metadata_fields``), e.g. ``--profile site.profile`` adding a site-profile filter. It runs
    before any record is read, so a two-pass mode can make its first pass there."""

    configure: Callable[[argparse.ArgumentParser], None]
    prepare: Callable[[argparse.Namespace, Any], Any]


@dataclass
class Commands:
    """The subcommands and batch extensions; filled by the functions in :data:`REGISTRARS`.

    A subcommand is either a :class:`Command` (the CLI adds the pipeline options and sets
    ``run``) or, with :meth:`add_parser`, a function that adds its own subparser to argparse's
    subparsers and sets ``run`` itself via ``set_defaults(run=...)``.

    >>> commands = Commands()
    >>> commands.add(Command("hello", "say hello", lambda p: None, lambda a: 0))
    >>> sorted(commands.commands)
    ['hello']
    """

    commands: dict[str, Command | Callable[[Any], argparse.ArgumentParser]] = field(default_factory=dict)
    batch_extensions: list[BatchExtension] = field(default_factory=list)

    def add(self, command: Command) -> None:
        self._claim(command.name)
        self.commands[command.name] = command

    def add_parser(self, name: str, make: Callable[[Any], argparse.ArgumentParser]) -> None:
        self._claim(name)
        self.commands[name] = make

    def _claim(self, name: str) -> None:
        if name in self.commands:
            raise ValueError(f"subcommand {name!r} is already registered")

    def extend_batch(self, extension: BatchExtension) -> None:
        self.batch_extensions.append(extension)


# -- pipeline options -----------------------------------------------------------------------


def _names(values: Sequence[str] | None) -> tuple[str, ...]:
    """Repeated and comma-separated option values, flattened: ``-x a,b -x c`` -> (a, b, c)."""
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


def _toml_value(text: str) -> Any:
    """A ``--set`` value: a TOML literal (``3``, ``true``, ``["a"]``, ``"x"``), else the raw text."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(f"value = {text}")["value"]
    except tomllib.TOMLDecodeError:
        return text


def add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    """Flags for :class:`~cleaner.config.CleanerConfig`; they override ``--config``."""
    group = parser.add_argument_group("pipeline options (override --config)")
    group.add_argument(
        "--config", metavar="TOML", help="options from a TOML file ([cleaner] table or top level)"
    )
    group.add_argument(
        "--disable",
        action="append",
        metavar="NAME",
        help=f"leave out filters or steps (repeat or comma-separate): {', '.join(FILTER_NAMES)}, detect_language",
    )
    group.add_argument(
        "--vocabulary", action="append", metavar="DIR", help="extra phrase folder (repeatable)"
    )
    group.add_argument(
        "--no-builtin-vocabulary", action="store_true", help="use only the --vocabulary folders"
    )
    group.add_argument(
        "--nbsp", choices=("keep", "space"), help="keep no-break spaces or turn them into spaces"
    )
    group.add_argument("--no-detect-language", action="store_true", help="skip language detection")
    group.add_argument(
        "--languages", action="append", metavar="CODES", help="restrict detection to these languages"
    )
    group.add_argument("--translate-to", metavar="LANG", help="translate the cleaned text into LANG")
    group.add_argument(
        "--translator", metavar="NAME", help="provider: google (default), libre, apertium, deepl, ..."
    )
    group.add_argument(
        "--translator-url",
        metavar="URL",
        help="the provider's endpoint (self-hosted LibreTranslate, Apertium APy)",
    )
    cache = group.add_mutually_exclusive_group()
    cache.add_argument("--translation-cache", metavar="PATH", help="SQLite translation cache file")
    cache.add_argument("--no-translation-cache", action="store_true", help="do not cache translations")
    group.add_argument("--translation-timeout", type=float, metavar="SECONDS", help="per HTTP request")
    group.add_argument(
        "--translation-concurrency", type=int, metavar="N", help="requests in flight per process"
    )
    group.add_argument(
        "--set",
        action="append",
        metavar="KEY=VALUE",
        default=[],
        help="any option by its TOML path, e.g. filters.author_bio.tail_blocks=6 or language.sample_chars=800",
    )


def config_from_args(args: argparse.Namespace) -> CleanerConfig:
    """The configuration: defaults, then ``--config``, then flags (later wins).

    API keys are not flags (they would show in ``ps``): providers read them from their
    environment variables (``DEEPL_API_KEY``, ``LIBRE_API_KEY``, ...).
    """
    base = CleanerConfig.from_toml(args.config) if getattr(args, "config", None) else CleanerConfig()
    data: dict[str, Any] = {f.name: getattr(base, f.name) for f in fields(base)}
    data["language"] = dict(data["language"])
    data["translation"] = dict(data["translation"])
    data["filters"] = {name: dict(opts) for name, opts in data["filters"].items()}
    if args.disable:
        data["disable"] = tuple(dict.fromkeys((*data["disable"], *_names(args.disable))))
    if args.vocabulary:
        data["vocabulary_dirs"] = (*data["vocabulary_dirs"], *args.vocabulary)
    if args.no_builtin_vocabulary:
        data["builtin_vocabulary"] = False
    if args.nbsp:
        data["nbsp"] = args.nbsp
    if args.no_detect_language:
        data["detect_language"] = False
    if args.languages:
        data["language"]["languages"] = list(_names(args.languages))
    if args.translate_to:
        data["translate_to"] = args.translate_to
    if args.translator:
        data["translator"] = args.translator
    if args.translator_url:
        data["translator_url"] = args.translator_url
    if args.translation_cache:
        data["translation"]["cache"] = args.translation_cache
    if args.no_translation_cache:
        data["translation"]["cache"] = False
    if args.translation_timeout is not None:
        data["translation"]["timeout"] = args.translation_timeout
    if args.translation_concurrency is not None:
        data["translation"]["max_in_flight"] = args.translation_concurrency
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--set expects KEY=VALUE, got {item!r}")
        _refuse_secret(key.strip())
        _assign(data, key.strip().split("."), _toml_value(value.strip()))
    return CleanerConfig.from_mapping(data)


def _refuse_secret(key: str) -> None:
    """API keys are never command-line values: anyone on the machine can read those in the
    process list (``ps``), and shells keep them in their history."""
    from cleaner.translation.providers import PROVIDERS, SECRET_OPTIONS

    name = key.rsplit(".", 1)[-1].lower()
    if name in SECRET_OPTIONS or any(word in name for word in ("key", "secret", "token", "password")):
        variables = sorted(
            {env for p in PROVIDERS.values() for k, envs, _ in p.credentials if k in SECRET_OPTIONS for env in envs}
        )
        raise ValueError(
            f"--set {key}: secrets are not accepted on the command line (other users can read them "
            f"in the process list); set the provider's environment variable instead ({', '.join(variables)})"
        )


def _assign(data: dict[str, Any], path: list[str], value: Any) -> None:
    for part in path[:-1]:
        inner = data.get(part)
        data[part] = inner = dict(inner) if isinstance(inner, Mapping) else {}
        data = inner
    data[path[-1]] = value


# -- clean ----------------------------------------------------------------------------------


def _explain(doc: Document) -> str:
    lines = [f"# {len(doc.removals)} lines removed"]
    for r in sorted(doc.removals, key=lambda r: r.block.index):
        detail = f" ({r.detail})" if r.detail else ""
        lines.append(f"- line {r.block.index + 1}: {r.filter}/{r.reason}{detail}: {r.block.text[:100]}")
    if doc.title:
        lines.append(f"# title: {doc.title}")
    if doc.language:
        lines.append(f"# language: {doc.language.code} (p={doc.language.probability:.2f})")
    if doc.translation:
        t = doc.translation
        lines.append(f"# translation: {t.status} {t.source}->{t.target} {t.reason}".rstrip())
    return "\n".join(lines)


def _configure_clean(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", help="text files, or - for standard input")
    parser.add_argument(
        "--explain", action="store_true", help="list each removed line with its filter and reason"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the full result as one JSON object per file"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no warnings on standard error")


def _run_clean(args: argparse.Namespace) -> int:
    pipeline = config_from_args(args).pipeline()
    status = EXIT_OK
    for name in args.files:
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(name, "rb") as handle:
                    data = handle.read()
        except OSError as err:
            print(f"cleaner: {err}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        doc = pipeline.clean(data, id=name)
        if doc.translation is not None and doc.translation.status == "failed":
            # The cleaned text is still printed; the exit status says the translation is missing.
            print(f"cleaner: {name}: translation failed ({doc.translation.reason}): {doc.translation.message}", file=sys.stderr)
            status = max(status, EXIT_RECORD_ERRORS)
        if args.json:
            print(json.dumps(doc.to_dict(), ensure_ascii=False))
            continue
        if len(args.files) > 1:
            print(f"==> {name} <==")
        print(doc.text)
        if doc.translation and doc.translation.text:
            print(f"\n# translation ({doc.translation.target})\n{doc.translation.text}")
        if args.explain:
            print()
            print(_explain(doc))
    return status


# -- batch ----------------------------------------------------------------------------------


def _configure_batch(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="JSONL file (.jsonl or .jsonl.gz), or - for standard input")
    parser.add_argument(
        "-o", "--output", required=True, help="JSONL output (.gz: gzipped), or - for standard output"
    )
    parser.add_argument("--text-field", default="text", help="field holding the article text (default: text)")
    parser.add_argument("--id-field", help="field holding the record id (copied; checked on --resume)")
    parser.add_argument(
        "--keep-fields",
        action="append",
        metavar="NAMES",
        help="input fields to copy to the output (comma-separated)",
    )
    parser.add_argument(
        "--metadata-fields",
        action="append",
        metavar="NAMES",
        help="input fields copied into the document's metadata, where filters can read them",
    )
    parser.add_argument(
        "--edits", action="store_true", help="include per-line edits (Unicode repairs) in the output"
    )
    parser.add_argument(
        "-w",
        "--workers",
        type=int,
        default=None,
        help="worker processes (default: the usable cores; 1: no pool)",
    )
    parser.add_argument(
        "--chunk-size", type=int, default=16, help="records sent to a worker at a time (default 16)"
    )
    parser.add_argument(
        "--resume", action="store_true", help="continue an interrupted run into the same output"
    )
    parser.add_argument(
        "--retry-failed",
        action="store_true",
        help="translate again the records of a finished OUTPUT whose translation failed, from their "
        "cleaned text (nothing is cleaned twice; the input is not read); give the run's options",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress display and no summary")
    parser.add_argument("--summary", metavar="JSON", help="also write the summary as JSON to this file")


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _run_batch(args: argparse.Namespace) -> int:
    from concurrent.futures.process import BrokenProcessPool

    from cleaner.batch import BatchSpec, Progress, ResumeError, run_batch

    spec = BatchSpec(
        config=config_from_args(args),
        text_field=args.text_field,
        id_field=args.id_field,
        keep_fields=_names(args.keep_fields),
        metadata_fields=_names(args.metadata_fields),
        edits=args.edits,
    )
    for extension in args.batch_extensions:
        spec = extension.prepare(args, spec)
    if args.workers is not None and args.workers < 1:
        raise ValueError("--workers must be at least 1")
    if args.chunk_size < 1:
        raise ValueError("--chunk-size must be at least 1")
    progress = Progress(sys.stderr) if not args.quiet and sys.stderr.isatty() else None
    if args.retry_failed:
        if args.resume:
            raise ValueError("--retry-failed and --resume do not go together: finish the run first")
        from cleaner.batch import retry_failed_translations

        summary = retry_failed_translations(args.output, spec, progress=progress)
        return _finish_batch(args, summary)
    # A plain `kill` stops the run like Ctrl-C: the partial output is flushed for --resume.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        summary = run_batch(
            args.input,
            args.output,
            spec,
            workers=args.workers,
            chunk_size=args.chunk_size,
            resume=args.resume,
            progress=progress,
        )
    except KeyboardInterrupt:
        if args.output != "-":
            print(f"cleaner: interrupted; rerun with --resume to continue {args.output}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except ResumeError as err:
        print(f"cleaner: cannot resume: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenProcessPool as err:
        # A worker died (killed, out of memory, a crash in native code): what was written
        # is kept in the partial output.
        again = f"; rerun with --resume to continue {args.output}" if args.output != "-" else ""
        print(f"cleaner: a worker process died ({err}){again}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        signal.signal(signal.SIGTERM, previous)
    return _finish_batch(args, summary)


def _finish_batch(args: argparse.Namespace, summary: Any) -> int:
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as handle:
            json.dump(summary.to_dict(), handle, ensure_ascii=False, indent=2)
    if not args.quiet:
        print(summary.format(), file=sys.stderr)
    # A record whose translation failed is not done: it counts like an error.
    return EXIT_RECORD_ERRORS if summary.errors or summary.translation_failures else EXIT_OK


# -- main -----------------------------------------------------------------------------------


def _register_core(commands: Commands) -> None:
    commands.add(Command("clean", "clean article files (or - for stdin)", _configure_clean, _run_clean))
    commands.add(
        Command("batch", "clean a JSONL corpus, one result line per record", _configure_batch, _run_batch)
    )


def _register_site_profile(commands: Commands) -> None:
    """``cleaner profile`` and ``batch --profile/--two-pass/--site-field`` (cleaner.siteprofile)."""
    from cleaner import siteprofile

    commands.add_parser("profile", siteprofile.add_profile_command)
    commands.extend_batch(BatchExtension(siteprofile.add_batch_options, _with_site_filter))


def _with_site_filter(args: argparse.Namespace, spec: Any) -> Any:
    """Add the site-profile filter, and copy the record fields it reads into the metadata."""
    from cleaner import siteprofile

    step = siteprofile.site_filter_from_args(args, [args.input])
    if step is None:
        return spec
    fields = (step.site_field or "site", step.url_field)
    return spec.replace(
        steps=(*spec.steps, step), metadata_fields=tuple(dict.fromkeys((*spec.metadata_fields, *fields)))
    )


# Each adds subcommands or batch options to the registry; add a module's registrar here.
REGISTRARS: tuple[Callable[[Commands], None], ...] = (_register_core, _register_site_profile)


def build_parser(commands: Commands | None = None) -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    if commands is None:
        commands = Commands()
        for register in REGISTRARS:
            register(commands)
    parser = argparse.ArgumentParser(
        prog="cleaner",
        description="Clean scraped news-article text, one file or a JSONL corpus.",
        epilog=EPILOG,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command in commands.commands.values():
        if not isinstance(command, Command):
            command(sub)
            continue
        child = sub.add_parser(command.name, help=command.help, description=command.help, epilog=EPILOG)
        command.configure(child)
        if command.name == "batch":
            for extension in commands.batch_extensions:
                extension.configure(child)
            child.set_defaults(batch_extensions=list(commands.batch_extensions))
        if command.pipeline_options:
            add_pipeline_options(child)
        child.set_defaults(run=command.run)
    return parser


def _warnings_to_stderr(quiet: bool) -> logging.Handler | None:
    """Show the package's warnings on standard error (the library itself only has a
    NullHandler: a program that imports it decides where its logs go)."""
    if quiet:
        return None
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("cleaner: %(levelname)s: %(message)s"))
    logging.getLogger("cleaner").addHandler(handler)
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = _warnings_to_stderr(bool(getattr(args, "quiet", False)))
    try:
        return _main(args)
    finally:
        if handler is not None:
            logging.getLogger("cleaner").removeHandler(handler)


def _main(args: argparse.Namespace) -> int:
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # The reader went away (`cleaner batch IN -o - | head`): stop quietly, like other tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INTERRUPTED
    except (ValueError, OSError) as err:
        # Bad options, an unreadable config or input file: say what, not a traceback.
        print(f"cleaner: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    raise SystemExit(main())
