"""AuthorBio: the author's name and bio paragraph at the end of an article.

Recognized by bio phrasing ("is a senior reporter covering", "est journaliste", "ist
Redakteurin") or by a language switch: a tail paragraph in another language than the body
(an English bio under a French article), with the name line above it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator

from cleaner import codes, reasons
from cleaner.document import Document, Removal
from cleaner.filters._common import is_name_like
from cleaner.filters.base import BlockFilter
from cleaner.lines import Lines
from cleaner.language import LanguageDetector, ShortTextDetector
from cleaner.language.scripts import count_letters, dominant_script
from cleaner.patterns import word_count, words
from cleaner.vocabulary import Vocabulary

__all__ = ["AuthorBio"]

# A script is told from this many letters (a bio in Latin letters under a Japanese article).
MIN_SCRIPT_LETTERS = 60
# A bio names its author among its first words ("Priya has been reviewing ...", "Dr. Anna Berg is ...").
MAX_BIO_NAME_AT = 3
# Pairs of languages the detector confuses on short text (in its codes, see cleaner.codes):
# a switch between them is no evidence.
CONFUSABLE = frozenset(
    frozenset(p)
    for p in [("no", "da"), ("cs", "sk"), ("uk", "ru"), ("bg", "mk"), ("nl", "af"), ("zh-Hans", "zh-Hant"),
              ("zh-Hans", "ko"), ("es", "ca"), ("fr", "ca"), ("it", "ro")]
)


def _default_detector() -> LanguageDetector:
    """The default detector (langdetect-rs when it is installed), with py3langid, not lingua,
    for short lines."""
    # py3langid confirms short lines when installed; never lingua (its models cost ~700 MB per
    # process, too much for a check of a few tail lines).
    short: ShortTextDetector = "py3langid" if importlib.util.find_spec("py3langid") else "langdetect"
    return LanguageDetector(short_text_detector=short)


class AuthorBio(BlockFilter):
    """Remove an author bio (and the name line above it) from the last blocks.

    Args:
        tail_blocks: how many final blocks to look at.
        max_words: longer blocks are never bios.
        language_switch: use a language switch against the body as evidence.
        min_letters: a block needs this many letters for its language to count (default: the
            detector's short-text threshold, so that the detector alone decides and no
            short-text model is loaded for a few tail lines).
        min_probability: both the body's and the block's language need this probability.
        detector: the :class:`~cleaner.language.LanguageDetector` to use (default: the
            default one, with py3langid rather than lingua for short lines).

    >>> text = "Le gouvernement a annoncé lundi une réforme des retraites très contestée par les syndicats.\\n" \\
    ...        "Jane Doe\\nJane Doe is a senior reporter covering European politics."
    >>> [(r.block.text, r.reason) for r in AuthorBio(language_switch=False).find(Document.from_text(text))]
    [('Jane Doe is a senior reporter covering European politics.', 'author_bio'), ('Jane Doe', 'author_name')]
    """

    name = "author_bio"
    reasons = frozenset({reasons.AUTHOR_BIO, reasons.BIO_LANGUAGE_SWITCH, reasons.AUTHOR_NAME})

    def __init__(
        self,
        *,
        vocabulary: Vocabulary | None = None,
        lines: Lines | None = None,
        tail_blocks: int = 4,
        max_words: int = 120,
        language_switch: bool = True,
        min_letters: int | None = None,
        min_probability: float = 0.9,
        detector: LanguageDetector | None = None,
    ) -> None:
        super().__init__(vocabulary=vocabulary, lines=lines)
        self.tail_blocks = tail_blocks
        self.max_words = max_words
        self.language_switch = language_switch
        self.detector = detector if detector is not None else _default_detector()
        short = self.detector.options.short_text_letters
        self.min_letters = min_letters if min_letters is not None else (short if short is not None else 60)
        self.min_probability = min_probability

    def has_bio_phrase(self, text: str) -> bool:
        return self.bio_phrase(text) is not None

    def bio_phrase(self, text: str) -> str | None:
        """The bio phrasing ``text`` holds (as folded), or None."""
        if word_count(text) > self.max_words:
            return None

        def found() -> str | None:
            match = self.vocabulary.search("bio_phrases", self.lines(text).folded)
            return match.group(0) if match is not None else None

        return self.lines.answer("bio_phrase", text, found)

    def _body_text(self, doc: Document, end: int) -> str:
        # The paragraphs just above the tail are enough, and keep this bounded on huge input.
        return "\n".join(b.text for b in doc.blocks[max(0, end - 10) : end])[-1000:]

    def _switched(self, text: str, body: str, *, has_name: bool) -> bool:
        """Is ``text`` in another language than ``body``? A different script settles it
        cheaply; within one script langdetect decides, and only under a name line.
        Answers are remembered: the pipeline asks again in its later rounds."""
        decide = lambda: self._decide_switch(text, body, has_name=has_name)
        question = ("bio_switch", body, has_name, self.min_letters, self.max_words, self.min_probability, id(self.detector))
        return bool(self.lines.answer(question, text, decide))

    def _decide_switch(self, text: str, body: str, *, has_name: bool) -> bool:
        letters = count_letters(text, dense=1)
        if letters < MIN_SCRIPT_LETTERS or word_count(text) > self.max_words:
            return False
        if count_letters(body, dense=1) < 2 * MIN_SCRIPT_LETTERS:
            return False
        script, body_script = dominant_script(text), dominant_script(body)
        if script and body_script and script != body_script:
            return True
        if not has_name or letters < self.min_letters:
            return False
        # The block first: a short or unsure one settles it without reading the body.
        lang = self.detector.detect(text)
        if not lang.is_known or lang.probability < self.min_probability:
            return False
        body_lang = self.detector.detect(body)
        if not body_lang.is_known or body_lang.probability < self.min_probability:
            return False
        if codes.same_language(lang.code, body_lang.code):
            return False
        return frozenset((lang.code, body_lang.code)) not in CONFUSABLE

    def find(self, doc: Document) -> Iterator[Removal]:
        blocks = doc.blocks
        if len(blocks) < 3:
            return
        start = max(1, len(blocks) - self.tail_blocks)
        for i in range(len(blocks) - 1, start - 1, -1):
            block = blocks[i]
            reason = detail = None
            if self.language_switch:
                has_name = i > 0 and is_name_like(blocks[i - 1].text)
                if has_name or i == len(blocks) - 1:
                    body = self._body_text(doc, i - 1 if has_name else i)
                    if self._switched(block.text, body, has_name=has_name):
                        reason, detail = "bio_language_switch", "in another language than the text above it"
            if reason is None:
                phrase = self.bio_phrase(block.text)
                if phrase is not None:
                    reason, detail = "author_bio", f"a bio's phrasing ({phrase.strip()!r}) in the last lines"
            if reason is None:
                if word_count(block.text) > 25:
                    return  # reached the article's last paragraph
                continue
            yield self.removal(block, reason, detail)
            # (Right over it in the input: not a recipe card's "Cuisine: American" left over
            # the bio once a box of other recipes between them went.)
            if i > 0 and blocks[i - 1].index == block.index - 1 and is_name_like(blocks[i - 1].text):
                yield self.removal(blocks[i - 1], "author_name", "the name over the bio under it")
                # The name over the author's role, the bio naming the author by that first name
                # ("Priya Raman" / "Audio Editor" / "Priya has been reviewing ...").
                if i > 1 and is_name_like(blocks[i - 2].text) and blocks[i - 2].text.split()[0].casefold() in {w.casefold() for w in words(block.text)[:MAX_BIO_NAME_AT]}:
                    yield self.removal(blocks[i - 2], "author_name", "the name over the role and the bio, which names the author")
            return
