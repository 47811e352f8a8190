"""Command line: ``cleaner clean FILE... | -`` for single articles (text or HTML),
``cleaner batch IN -o OUT`` for corpora (JSONL, Parquet, a folder of files; parallel,
ordered, resumable), ``cleaner profile`` for site profiles. Plain argparse subcommands:
:func:`build_parser` adds each one, ``args.run`` runs it."""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import IO, Any, TypeVar

from cleaner import __version__
from cleaner.config import FILTER_NAMES, CleanerConfig

__all__ = ["build_parser", "config_from_args", "main"]

# Exit statuses (also in ``cleaner batch --help`` and the README). A closed output pipe
# exits like a tool killed by SIGPIPE (128 + 13), quietly.
EXIT_OK, EXIT_RECORD_ERRORS, EXIT_USAGE, EXIT_WORKER, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_BROKEN_PIPE = 128 + 13

EPILOG = """exit status: 0 every record cleaned; 1 some records failed (error records were
written); 2 bad usage, configuration, paths or input (refused before any work), the first
records all failing the same way, an input that breaks midway (the records before the break
are written), or a --resume that does not match; 3 a worker process died or stopped
answering (the records before it are written); 130 interrupted. After 3 or 130 (or a kill),
rerun with --resume to continue."""

T = TypeVar("T")
EARLY_STOP_RECORDS = 10  # when the first this many records all fail the same way, stop


class UsageError(ValueError):
    """A bad option value: reported with the subcommand's usage, exit status 2."""


def _from_options(make: Callable[[argparse.Namespace], T], args: argparse.Namespace) -> T:
    """Build something from the options; a ``ValueError`` there is a usage error."""
    try:
        return make(args)
    except UsageError:
        raise
    except ValueError as err:
        raise UsageError(str(err)) from err


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
        "--mode",
        choices=("precise", "balanced", "thorough"),
        help="precision dial: balanced (default) keeps the article, precise removes more, thorough keeps more",
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
    if args.mode:
        data["mode"] = args.mode
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


def _configure_clean(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", help="text or HTML files, or - for standard input")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here instead of standard output (.jsonl/.parquet with --json)",
    )
    parser.add_argument(
        "--explain", action="store_true", help="list each removed line with its filter and reason"
    )
    parser.add_argument(
        "--json", action="store_true", help="print one record per file (the same keys as cleaner batch)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no warnings on standard error")
    parser.add_argument("--edits", action="store_true", help="with --json: include per-line edits")


def _read_file(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as handle:
        return handle.read()


def _run_clean(args: argparse.Namespace) -> int:
    from cleaner.records import document_from, open_output

    pipeline = _from_options(lambda a: config_from_args(a).pipeline(), args)
    status = EXIT_OK
    sink: IO[str]
    if args.json and args.output:
        sink = open_output(args.output)
    elif args.output:
        sink = open(args.output, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    else:
        sink = sys.stdout
    try:
        for number, name in enumerate(args.files, 1):
            try:
                data = _read_file(name)
            except OSError as err:
                print(f"cleaner clean: {err}", file=sys.stderr)
                status = EXIT_USAGE
                continue
            doc = pipeline(document_from(data, id=name, name=None if name == "-" else name))
            if doc.translation is not None and doc.translation.status == "failed":
                # The cleaned text is still written; the exit status says the translation is missing.
                message = f"{name}: translation failed ({doc.translation.reason}): {doc.translation.message}"
                print(f"cleaner: {message}", file=sys.stderr)
                status = max(status, EXIT_RECORD_ERRORS)
            if args.json:
                record = doc.to_record(line=number, edits=args.edits)
                sink.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                continue
            if len(args.files) > 1:
                sink.write(f"==> {name} <==\n")
            sink.write(doc.text + "\n")
            if doc.translation and doc.translation.text:
                sink.write(f"\n# translation ({doc.translation.target})\n{doc.translation.text}\n")
            if args.explain:
                sink.write("\n" + doc.explain() + "\n")
            sink.flush()
    finally:
        if sink is not sys.stdout:
            sink.close()
    return status


# -- batch ----------------------------------------------------------------------------------


def _configure_batch(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "input",
        help="JSONL (.gz, .zst), Parquet, a folder of .txt/.html files, or - for standard input (JSONL)",
    )
    parser.add_argument(
        "-o", "--output", required=True, help="JSONL (.gz, .zst) or .parquet output, or - for standard output"
    )
    parser.add_argument("--text-field", default="text", help="field holding the article text (default: text)")
    parser.add_argument(
        "--id-field",
        help="field holding the record id (copied; checked on --resume; a folder's: id, the path)",
    )
    parser.add_argument(
        "--keep-fields",
        action="append",
        metavar="NAMES",
        help="input fields to copy to the output (comma-separated; '*': every field)",
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
        "--resume",
        action="store_true",
        help="continue an interrupted run into the same output (refused if the version, options or input differ)",
    )
    parser.add_argument(
        "--chunk-timeout",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="with workers: stop if a chunk's result takes longer than this (default 600)",
    )
    parser.add_argument(
        "--retry-failed",
        action="store_true",
        help="translate again the records of a finished OUTPUT whose translation failed, from their "
        "cleaned text (nothing is cleaned twice; the input is not read); give the run's options",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    parser.add_argument("--summary", metavar="JSON", help="also write the summary as JSON to this file")


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


class BarProgress:
    """The progress bar of ``cleaner batch`` (tqdm): records done of the total, rate, ETA,
    errors so far."""

    def __init__(self, stream: IO[str], total: int | None) -> None:
        from tqdm import tqdm

        self.bar = tqdm(
            total=total, file=stream, unit=" records", dynamic_ncols=True, mininterval=0.25, desc="cleaner"
        )

    def update(self, records: int, errors: int, *, force: bool = False) -> None:
        if records > self.bar.n:
            self.bar.set_postfix(errors=errors, refresh=False)
            self.bar.update(records - self.bar.n)
        if force:
            self.bar.refresh()

    def close(self) -> None:
        self.bar.close()


def _cause(error: str) -> str:
    """What kind of failure an error message reports: its text before any ``": "`` detail.

    >>> _cause("invalid JSON: Expecting value: line 1 column 1 (char 0)")
    'invalid JSON'
    """
    return error.split(": ", 1)[0]


class EarlyStop(Exception):
    """The first records all failed the same way: the options or the input are wrong."""


def _early_stop(summary: Any) -> None:
    """Stop when the first :data:`EARLY_STOP_RECORDS` records (not resumed ones) all failed
    for one cause (a missing field, a wrong format): cleaning the rest would fail too."""
    done = summary.records
    if summary.resumed or done < EARLY_STOP_RECORDS or done > summary.errors:
        return
    causes = {_cause(error) for _, error in summary.first_errors}
    if len(causes) == 1:
        line, error = summary.first_errors[0]
        raise EarlyStop(f"the first {done} records all failed the same way (line {line}: {error})")


def _with_site_filter(args: argparse.Namespace, spec: Any) -> Any:
    """Add the site-profile filter, and copy the record fields it reads into the metadata."""
    step = _site_filter(args, [args.input])
    if step is None:
        return spec
    names = (step.site_field or "site", step.url_field)
    return spec.replace(
        steps=(*spec.steps, step), metadata_fields=tuple(dict.fromkeys((*spec.metadata_fields, *names)))
    )


def _batch_spec(args: argparse.Namespace) -> Any:
    from cleaner.batch import BatchSpec, check_paths
    from cleaner.records import DOCUMENT_EXTENSIONS

    # Everything that can be refused is checked before any work (a two-pass profile included).
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.chunk_size < 1:
        raise UsageError("--chunk-size must be at least 1")
    if not args.chunk_timeout > 0:
        raise UsageError(f"--chunk-timeout must be more than 0 seconds, got {args.chunk_timeout}")
    check_paths(args.input, args.output, summary=args.summary)
    config = config_from_args(args)
    id_field = args.id_field
    if os.path.isdir(args.input) or args.input.lower().endswith(DOCUMENT_EXTENSIONS):
        # Files become records {"id": path, "text": text}: they are known by their path.
        if args.text_field != "text" or id_field not in (None, "id"):
            raise UsageError("a folder's or a file's records have the fields 'id' and 'text'")
        id_field = "id"
    spec = BatchSpec(
        config=config,
        text_field=args.text_field,
        id_field=id_field,
        keep_fields=_names(args.keep_fields),
        metadata_fields=_names(args.metadata_fields),
        edits=args.edits,
    )
    return _with_site_filter(args, spec)


def _run_batch(args: argparse.Namespace) -> int:
    from cleaner.batch import InputError, ResumeError, WorkerError, run_batch
    from cleaner.records import count_items, output_format

    spec = _from_options(_batch_spec, args)
    show = not args.quiet and sys.stderr.isatty()
    # Batch writes JSONL (plain or gzip), resumably; a zstd or Parquet output is made from it
    # when the run is complete.
    target = args.output
    if args.output != "-" and (output_format(args.output) == "parquet" or args.output.endswith(".zst")):
        target = f"{args.output}.jsonl"
    if args.retry_failed:
        if args.resume:
            raise UsageError("--retry-failed and --resume do not go together: finish the run first")
        return _retry_failed(args, spec, target, show)
    progress: Any = BarProgress(sys.stderr, count_items(args.input)) if show else None
    again = f"; rerun with --resume to continue {args.output}" if args.output != "-" else ""
    # A plain `kill` stops the run like Ctrl-C: the partial output is flushed for --resume.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        summary = run_batch(
            args.input,
            target,
            spec,
            workers=args.workers,
            chunk_size=args.chunk_size,
            resume=args.resume,
            progress=progress,
            on_chunk=_early_stop,
            chunk_timeout=args.chunk_timeout,
        )
    except KeyboardInterrupt:
        if args.output != "-":
            print(f"cleaner: interrupted{again}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except EarlyStop as err:
        if target != "-" and not args.resume:
            Path(target + ".part").unlink(missing_ok=True)
            Path(target + ".meta.json").unlink(missing_ok=True)
        print(f"cleaner batch: stopped: {err}", file=sys.stderr)
        return EXIT_USAGE
    except ResumeError as err:
        print(f"cleaner batch: cannot resume: {err}", file=sys.stderr)
        return EXIT_USAGE
    except InputError as err:
        print(f"cleaner batch: {err}", file=sys.stderr)
        return EXIT_USAGE
    except WorkerError as err:
        # Killed, out of memory, a crash in native code, stopped: what was written is kept.
        print(f"cleaner batch: {err}{again}", file=sys.stderr)
        return EXIT_WORKER
    finally:
        signal.signal(signal.SIGTERM, previous)
    if target != args.output:
        _convert(target, args.output)
    return _finish_batch(args, summary)


def _retry_failed(args: argparse.Namespace, spec: Any, target: str, show: bool) -> int:
    """``--retry-failed``: translate again the records of a finished output whose
    translation failed. A zstd or Parquet output is rewritten through the JSONL it was
    made from; the output is replaced only when the retry finished."""
    from cleaner.batch import retry_failed_translations
    from cleaner.records import read_records, write_records

    progress: Any = BarProgress(sys.stderr, None) if show else None
    if target == args.output:
        return _finish_batch(args, retry_failed_translations(args.output, spec, progress=progress))
    if not os.path.exists(args.output):
        raise ValueError(f"{args.output} does not exist: there is nothing to retry")
    # Checked before anything is written: an interrupted run's files (OUT.jsonl.part and
    # its meta file) must survive for --resume.
    if os.path.exists(f"{target}.part"):
        raise ValueError(f"{target}.part is from an interrupted run: finish it with --resume first")
    try:
        write_records(read_records(args.output), target, name=target)
        if os.path.exists(f"{args.output}.meta.json"):
            shutil.copyfile(f"{args.output}.meta.json", f"{target}.meta.json")
        summary = retry_failed_translations(target, spec, progress=progress)
        _convert(target, args.output)
    finally:
        for leftover in (target, f"{target}.meta.json"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return _finish_batch(args, summary)


def _convert(source: str, output: str) -> None:
    """Write the finished JSONL ``source`` as ``output`` (zstd, Parquet), then remove it."""
    from cleaner.records import read_records, write_records

    fresh = f"{output}.part"
    write_records(read_records(source), fresh, name=output)
    os.replace(fresh, output)
    os.unlink(source)
    if os.path.exists(f"{source}.meta.json"):  # what produced it (the JSONL run it was made from)
        os.replace(f"{source}.meta.json", f"{output}.meta.json")


def _finish_batch(args: argparse.Namespace, summary: Any) -> int:
    if args.summary:
        summary.save(args.summary)
    if not args.quiet:
        print(summary.format(), file=sys.stderr)
    if summary.records and summary.errors == summary.records and not summary.resumed:
        causes = {_cause(error) for _, error in summary.first_errors}
        if len(causes) == 1:  # a small input whose records all failed the same way
            line, error = summary.first_errors[0]
            print(f"cleaner batch: every record failed the same way (line {line}: {error})", file=sys.stderr)
            return EXIT_USAGE
    # A record whose translation failed is not done: it counts like an error.
    return EXIT_RECORD_ERRORS if summary.errors or summary.translation_failures else EXIT_OK


# -- site profiles: cleaner profile, batch --profile / --two-pass ---------------------------


def _profile_command(args: argparse.Namespace) -> int:
    from cleaner.records import read_records
    from cleaner.siteprofile import SiteProfile, build_profile, frequent_lines, merge_profiles

    loaded = [SiteProfile.load(path) for path in args.merge or ()]
    settings: dict[str, Any] = loaded[0].settings if loaded else {}
    if args.inputs:
        fields = {"text_field": args.text_field, "site_field": args.site_field, "url_field": args.url_field}
        loaded.append(build_profile(args.inputs, **fields, **settings))
    profile = merge_profiles(loaded)
    if args.show is not None:
        if not args.inputs or "-" in args.inputs:
            raise UsageError("--show reads the input files again (not stdin)")
        records = (r for path in args.inputs for r in read_records(path))
        fields = {"text_field": args.text_field, "site_field": args.site_field, "url_field": args.url_field}
        for site, lines in frequent_lines(
            profile, records, min_share=args.show_min_share, limit=args.show, **fields
        ).items():
            total = profile.articles(site)
            print(f"== {site}: {total} articles")
            for count, line in lines:
                print(f"{count / total:6.1%} {count:>7}  {line[:120]}")
    profile.save(args.output)
    if not args.quiet:
        summary = profile.summary()
        articles = sum(s["articles"] for s in summary.values())
        print(
            f"cleaner profile: {articles} articles from {len(summary)} sites "
            f"({profile.skipped} records without site or text) -> {args.output}",
            file=sys.stderr,
        )
    return 0


def _add_profile_command(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``cleaner profile IN.jsonl... -o site.profile [--merge A.profile ...]``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "profile",
        help="count the lines each site repeats across its articles (for batch --profile)",
        description="Build a site profile from JSONL records (a site or URL field and a text field).",
    )
    parser.add_argument("inputs", nargs="*", help="JSONL files (.gz too; - for stdin)")
    parser.add_argument("-o", "--output", required=True, help="profile file to write (SQLite)")
    parser.add_argument(
        "--merge", nargs="+", metavar="PROFILE", help="profiles to add (e.g. built on shards)"
    )
    parser.add_argument(
        "--text-field", default="text", help="record field holding the article (default: text)"
    )
    parser.add_argument(
        "--site-field", default=None, help="record field naming the site (default: site, else URL domain)"
    )
    parser.add_argument("--url-field", default="url", help="record field holding the URL (default: url)")
    parser.add_argument(
        "--show",
        type=int,
        metavar="N",
        default=None,
        help="print each site's N most frequent lines (reads the inputs again), to choose thresholds",
    )
    parser.add_argument(
        "--show-min-share",
        type=float,
        default=0.03,
        metavar="SHARE",
        help="lines --show lists must be in this share of the site's articles (default 0.03)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    parser.set_defaults(run=_profile_command)
    return parser


def _add_site_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--profile``, ``--two-pass``, ``--site-field``, ``--url-field``, ``--site-min-share``
    and ``--site-min-articles`` to ``cleaner batch``."""
    group = parser.add_argument_group("site profile (lines a site repeats across articles)")
    exclusive = group.add_mutually_exclusive_group()
    exclusive.add_argument(
        "--profile", metavar="FILE", help="remove lines this profile says the site repeats"
    )
    exclusive.add_argument(
        "--two-pass", action="store_true", help="profile the input first, then clean with it"
    )
    group.add_argument(
        "--site-field", default=None, help="record field naming the site (default: site, else URL domain)"
    )
    if not any("--url-field" in a.option_strings for a in parser._actions):
        group.add_argument("--url-field", default="url", help="record field holding the URL (default: url)")
    group.add_argument(
        "--site-min-share",
        type=float,
        default=None,
        metavar="SHARE",
        help="share of a site's articles a line must occur in to go (default 0.06)",
    )
    group.add_argument(
        "--site-min-articles",
        type=int,
        default=None,
        metavar="N",
        help="articles a line must occur in to go (default 5)",
    )


def _site_filter(args: argparse.Namespace, inputs: Iterable[str] = ()) -> Any:
    """The :class:`~cleaner.filters.site.RepeatedAcrossSite` filter ``batch`` should add, or ``None``.

    ``--profile FILE`` loads it; ``--two-pass`` profiles ``inputs`` first (files, not stdin).
    """
    from cleaner.filters.site import RepeatedAcrossSite
    from cleaner.siteprofile import SiteProfile, build_profile

    site_field = getattr(args, "site_field", None)
    url_field = getattr(args, "url_field", "url")
    if getattr(args, "profile", None):
        profile = SiteProfile.load(args.profile)
    elif getattr(args, "two_pass", False):
        paths = list(inputs)
        if not paths or "-" in paths:
            raise UsageError("--two-pass needs input files (stdin cannot be read twice)")
        profile = build_profile(
            paths, text_field=getattr(args, "text_field", "text"), site_field=site_field, url_field=url_field
        )
    else:
        return None
    options = {
        name: value
        for name, value in (
            ("min_share", getattr(args, "site_min_share", None)),
            ("min_articles", getattr(args, "site_min_articles", None)),
        )
        if value is not None
    }
    return RepeatedAcrossSite(profile, site_field=site_field, url_field=url_field, **options)


# -- main -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: ``clean``, ``batch`` and ``profile``."""
    parser = argparse.ArgumentParser(
        prog="cleaner",
        description="Clean scraped news-article text: one file, or a corpus of records.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    about = "clean article files, text or HTML (- for stdin)"
    clean = sub.add_parser("clean", help=about, description=about, epilog=EPILOG)
    _configure_clean(clean)
    add_pipeline_options(clean)
    clean.set_defaults(run=_run_clean)

    about = "clean a corpus (JSONL, Parquet, a folder), one result record per input record"
    batch = sub.add_parser("batch", help=about, description=about, epilog=EPILOG)
    _configure_batch(batch)
    _add_site_options(batch)
    add_pipeline_options(batch)
    batch.set_defaults(run=_run_batch)

    _add_profile_command(sub)
    return parser


def _subparser(parser: argparse.ArgumentParser, command: str | None) -> argparse.ArgumentParser:
    """The subcommand's own parser, so that its errors show its usage."""
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            return action.choices[command]  # type: ignore[no-any-return]
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
    args, extra = parser.parse_known_args(argv)
    command = _subparser(parser, getattr(args, "command", None))
    if extra:
        command.error(f"unrecognized arguments: {' '.join(extra)}")
    handler = _warnings_to_stderr(bool(getattr(args, "quiet", False)))
    try:
        return _run(args, command)
    finally:
        if handler is not None:
            logging.getLogger("cleaner").removeHandler(handler)


def _run(args: argparse.Namespace, command: argparse.ArgumentParser) -> int:
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # The reader went away (`cleaner clean f | head -1`): stop quietly, as tools killed
        # by SIGPIPE do; stdout goes to /dev/null so that Python's final flush stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except ImportError as err:
        # An optional engine is missing; the message names the extra to install.
        print(f"{command.prog}: {err}", file=sys.stderr)
        return EXIT_USAGE
    except ValueError as err:
        # Bad options or configuration (and bad data that stops a run): say what, with the
        # subcommand's usage for option errors, never a traceback.
        if isinstance(err, UsageError):
            command.print_usage(sys.stderr)
        print(f"{command.prog}: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as err:
        # An unreadable config or input file, an unwritable output.
        print(f"{command.prog}: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    raise SystemExit(main())
