"""Benchmark: the naive langdetect call versus cleaner's LanguageDetector, in one run.

Data: the sample texts of Google Fonts' language metadata, the PyPI package ``gflanguages``
(Apache-2.0). Its ``sample_text`` fields are excerpts of the Universal Declaration of Human
Rights in each language (translations collected by the UDHR in Unicode project), labelled by
language and script. We use the 55 languages langdetect knows (``no`` is gflanguages'
``nb_Latn``, ``tl`` its ``fil_Latn``, ``zh-Hans``/``zh-Hant`` its ``zh_Hans``/``zh_Hant``) and
build four sets from them, the same for both detectors:

* ``articles``: each language's distinct excerpt lines joined as paragraphs (1-2 KB each;
  real news articles are longer, see ``--devset``),
* ``paragraphs``: every distinct excerpt line of at least 100 characters,
* ``sentences``: paragraphs cut at sentence and clause punctuation, pieces of 3+ words
  (10+ characters in scripts without spaces),
* ``words``: 1, 2 and 3 consecutive words drawn from the sentences (a seeded draw; in
  Chinese, Japanese and Thai, 2, 4 and 6 characters).

``--devset DIR`` adds the project's scraped news development set (not shipped: labels are
py3langid's on the ground-truth bodies; inputs are the raw scraped pages, boilerplate included).

The naive call is ``langdetect.detect_langs(text)`` on the whole raw text with
``DetectorFactory.seed = 0``; its top language is its answer. Ours is
``LanguageDetector(...).detect(text)``. Accuracy counts ``"und"`` as not correct; "wrong" is
the share of confident wrong answers; precision is accuracy among the texts that got an
answer. Speed is texts per second of CPU time of this process (models are loaded before
timing; best of ``--repeat`` passes that alternate between the detectors), so other work on
the machine does not count; the ratio compares each detector with the naive call on the same
texts in the same run. Our detectors run with ``cache_size=None`` so that every pass detects
every text again.

Run: ``pip install gflanguages`` (and ``article-cleaner[fast,short-text]`` for the extra
rows: langdetect-rs, py3langid and lingua; lingua's models take about 10 s and 700 MB to load), then ``python benchmarks/bench_language.py``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaner.language import LANGDETECT_LANGUAGES, LanguageDetector

# gflanguages key for each of langdetect's languages (our spelling).
SCRIPTS = {
    "ar": "Arab", "bg": "Cyrl", "bn": "Beng", "el": "Grek", "fa": "Arab", "gu": "Gujr",
    "he": "Hebr", "hi": "Deva", "ja": "Jpan", "kn": "Knda", "ko": "Kore", "mk": "Cyrl",
    "ml": "Mlym", "mr": "Deva", "ne": "Deva", "pa": "Guru", "ru": "Cyrl", "ta": "Taml",
    "te": "Telu", "th": "Thai", "uk": "Cyrl", "ur": "Arab",
}  # fmt: skip
GF_KEYS = {"no": "nb_Latn", "tl": "fil_Latn", "zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant"}
NO_SPACES = {"ja": 2, "zh-Hans": 2, "zh-Hant": 2, "th": 3}  # characters per "word"
TEXT_FIELDS = ("styles", "tester", "specimen_48", "specimen_36", "specimen_32", "specimen_21", "specimen_16")
CLAUSE_RE = regex.compile(r"(?<=[.;:!?。！？،؛।,，、])\s*")
WORD_RE = regex.compile(r"[\p{L}\p{M}'’-]+")
SETS = ("articles", "paragraphs", "sentences", "words")
# The langdetect variant each langdetect-rs variant must match exactly.
TWINS = {"langdetect": "ours", "py3langid": "ours+py3langid", "lingua": "ours+lingua"}


def gf_key(code: str) -> str:
    return GF_KEYS.get(code, f"{code}_{SCRIPTS.get(code, 'Latn')}")


def load_udhr(seed: int = 0) -> dict[str, list[tuple[str, str]]]:
    """The four labelled sets, as ``{set: [(label, text), ...]}``; ``seed`` draws the words."""
    try:
        import gflanguages
    except ImportError:
        sys.exit("this benchmark needs gflanguages: pip install gflanguages")
    metadata = gflanguages.LoadLanguages()
    rng = random.Random(seed)
    sets: dict[str, list[tuple[str, str]]] = {name: [] for name in SETS}
    for code in LANGDETECT_LANGUAGES:
        entry = metadata.get(gf_key(code))
        if entry is None or not entry.HasField("sample_text"):
            continue
        lines: list[str] = []
        for field in TEXT_FIELDS:
            for line in getattr(entry.sample_text, field).split("\n"):
                line = line.strip()
                if line:
                    lines.append(line)
        # Keep distinct lines; a line that starts another one is the same text, cut shorter.
        distinct = [x for x in dict.fromkeys(lines) if not any(y != x and y.startswith(x) for y in lines)]
        sets["articles"].append((code, "\n\n".join(distinct)))
        paragraphs = [x for x in distinct if len(x) >= 100]
        sets["paragraphs"] += [(code, x) for x in paragraphs]
        sentences = []
        for paragraph in paragraphs:
            for piece in CLAUSE_RE.split(paragraph):
                piece = piece.strip()
                long_enough = len(piece) >= 10 if code in NO_SPACES else len(piece.split()) >= 3
                if long_enough and piece not in sentences:
                    sentences.append(piece)
        sets["sentences"] += [(code, x) for x in sentences]
        for n in (1, 2, 3):
            drawn: set[str] = set()
            for _ in range(40):
                piece = rng.choice(sentences)
                if code in NO_SPACES:
                    width = n * NO_SPACES[code]
                    letters = "".join(WORD_RE.findall(piece))
                    if len(letters) <= width:
                        continue
                    start = rng.randrange(len(letters) - width)
                    drawn.add(letters[start : start + width])
                else:
                    words = WORD_RE.findall(piece)
                    if len(words) < n:
                        continue
                    start = rng.randrange(len(words) - n + 1)
                    drawn.add(" ".join(words[start : start + n]))
                if len(drawn) >= 10:
                    break
            sets["words"] += [(code, x) for x in sorted(drawn)]
    return sets


def load_devset(directory: Path) -> list[tuple[str, str]]:
    """Raw scraped articles labelled with ``truth.jsonl``'s ``lang`` (langdetect's languages only)."""
    known = {c.split("-")[0] for c in LANGDETECT_LANGUAGES}
    items = []
    for line in (directory / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["lang"] in known and row["lang"] != "zh":
            items.append(
                (row["lang"], (directory / "article" / f"{row['id']}.txt").read_text(encoding="utf-8"))
            )
    return items


def naive_detector() -> Callable[[str], str]:
    import langdetect
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    names = {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant"}

    def detect(text: str) -> str:
        try:
            found = langdetect.detect_langs(text)
        except LangDetectException:
            return "und"
        return names.get(found[0].lang, found[0].lang) if found else "und"

    detect("warm up: load the profiles before timing")
    return detect


def timed(detect: Callable[[str], str], items: Sequence[tuple[str, str]]) -> tuple[list[str], float]:
    """Answers and CPU seconds of this process (other processes on the machine do not count)."""
    start = time.process_time()
    answers = [detect(text) for _, text in items]
    return answers, time.process_time() - start


def score(items: Sequence[tuple[str, str]], answers: Sequence[str]) -> tuple[float, float, float]:
    n = len(items)
    right = sum(a == label for (label, _), a in zip(items, answers))
    und = sum(a == "und" for a in answers)
    return right / n, (n - right - und) / n, und / n


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, help="also score the scraped news development set in DIR")
    parser.add_argument("--repeat", type=int, default=3, help="timing passes per set (best is kept)")
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    parser.add_argument("--sets", help="comma-separated subset of: devset," + ",".join(SETS))
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the 1-3 word draw (0 is the reported one)"
    )
    args = parser.parse_args(argv)

    sets: dict[str, list[tuple[str, str]]] = {}
    if args.devset:
        sets["news articles (devset)"] = load_devset(args.devset)
    sets.update(load_udhr(args.seed))
    if args.sets:
        wanted = set(args.sets.split(","))
        sets = {k: v for k, v in sets.items() if k in wanted or ("devset" in wanted and "devset" in k)}

    naive = naive_detector()
    # cache_size=None: every pass must detect every text again.
    variants: dict[str, LanguageDetector] = {
        "ours": LanguageDetector(short_text_detector="langdetect", backend="langdetect", cache_size=None).load()
    }
    for name, options in (
        ("ours+py3langid", {"short_text_detector": "py3langid", "backend": "langdetect"}),
        ("ours+lingua", {"short_text_detector": "lingua", "backend": "langdetect"}),
        ("ours, langdetect-rs", {"short_text_detector": "langdetect", "backend": "langdetect-rs"}),
        ("ours+py3langid, langdetect-rs", {"short_text_detector": "py3langid", "backend": "langdetect-rs"}),
        ("ours+lingua, langdetect-rs", {"short_text_detector": "lingua", "backend": "langdetect-rs"}),
    ):
        try:
            variants[name] = LanguageDetector(cache_size=None, **options).load()  # type: ignore[arg-type]
        except ImportError as error:
            print(f"# {name} skipped: {error}", file=sys.stderr)

    languages = sorted({label for items in sets.values() for label, _ in items})
    print(f"# {len(languages)} languages: {' '.join(languages)}")
    print("| set | texts | detector | accuracy | wrong | und | precision | texts/s | speed vs naive |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    rows = []
    identity: dict[str, list[int]] = {}
    for set_name, items in sets.items():
        # Passes alternate between the detectors; each keeps its fastest pass.
        detectors: dict[str, Callable[[str], str]] = {"naive": naive}
        for name, detector in variants.items():
            detectors[name] = lambda t, d=detector: d.detect(t).code
        answers_of: dict[str, list[str]] = {}
        best: dict[str, float] = {}
        for _ in range(args.repeat):
            for name, detect in detectors.items():
                answers_of[name], seconds = timed(detect, items)
                best[name] = min(best.get(name, float("inf")), seconds)
        naive_rate = len(items) / best["naive"]
        results = [(name, answers_of[name], len(items) / best[name]) for name in detectors]
        for name, answers, rate in results:
            accuracy, wrong, und = score(items, answers)
            precision = accuracy / (1 - und) if und < 1 else 0.0
            ratio = rate / naive_rate
            print(
                f"| {set_name} | {len(items)} | {name} | {accuracy:.1%} | {wrong:.1%} | {und:.1%} "
                f"| {precision:.1%} | {rate:,.0f} | {ratio:.2f}x |"
            )
            rows.append(
                {
                    "set": set_name,
                    "texts": len(items),
                    "detector": name,
                    "accuracy": accuracy,
                    "wrong": wrong,
                    "und": und,
                    "precision": precision,
                    "texts_per_s": rate,
                    "speed_vs_naive": ratio,
                }
            )
        # The accelerator must give the same answers as langdetect (code, probability,
        # candidates, rule); backend="auto" (the default) uses it when it is installed.
        for name, detector in variants.items():
            if detector.options.backend != "langdetect-rs":
                continue
            twin = variants[TWINS[detector.options.short_text_detector]]
            same = sum(twin.detect(t) == detector.detect(t) for _, t in items)
            identity.setdefault(name, [0, 0])
            identity[name][0] += same
            identity[name][1] += len(items)
    for name, (same, total) in identity.items():
        print(f"# {name}: identical to langdetect on {same}/{total} texts (code, probability, candidates, rule)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
