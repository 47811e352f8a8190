"""Captions: photo captions repeated as alt text and caption, credits, and pull quotes.

A caption is rarely recognizable alone; a caption *repeated* within a few lines (after
folding quotes, case and spaces, and with a credit glued before or after it) is. Lone
credit lines are recognized by a credit label ("Foto:", "Photo by") or an agency name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate

import regex

from cleaner import reasons
from cleaner.blocks import looks_like_title
from cleaner.document import Block, Document, Removal
from cleaner.filters.base import BlockFilter
from cleaner.filters._common import MAX_NOTICE_CHARS, MIN_DAY_TABLE_ROWS, box_neighbours, quoted_together, under_contents_header
from cleaner.lines import BAR_SEPARATOR_RE, INTRO_END_RE, JSON_LINE_RE, LABELLED_RE, Lines, bar_rows, is_crumbs, record_runs
from cleaner.patterns import (
    CJK_RE,
    DIGIT_RE,
    SENTENCE_END_RE,
    fold,
    is_name_token,
    size,
    strip_decoration,
    word_count,
    words,
)
from cleaner.vocabulary import Vocabulary

__all__ = ["Captions"]

# Words after a credit label at least, all in lower case, for a verdict (a subheading) rather
# than a credit ("Foto: privat, zVg" names its source).
MIN_VERDICT_WORDS = 4
# Words between a credit's label and the name: "Bilde av ...", "Picture of ...", "Foto di ...".
CREDIT_BY_WORDS = frozenset({"by", "of", "av", "af", "de", "di", "da", "von", "van", "par", "por", "door", "z", "od", "от"})
CREDIT_SPLIT_RE = regex.compile(r"\s*(?:[/|,;]|\bvia\b|\bfor\b|\bfür\b|\bpour\b|\bpara\b|\bper\b)\s*")
# A credit line starts with a label from the vocabulary ("Foto:", "Photo by", "©").
# A label ends where a word ends ("Sources:" and "图书馆" hold no label; "©AFP" does), and so
# does the word after it ("Fotografia di" opens a credit, "Fotografia digitale" a title).
CREDIT_LABEL = (
    r"^[(\[]?\s*(?:{labels})(?!(?<=[\p{{L}}\p{{N}}])[\p{{L}}\p{{N}}])"
    r"(?:\s+(?:(?:credit|by|von|de|di|door|por|par)(?![\p{{L}}\p{{N}}])|:))?\s*:?\s*"
)
# Words that go on a credit after its label ("Photo courtesy of ...", "Foto mit freundlicher ...").
CREDIT_WORDS = frozenset({"courtesy", "credit", "credits", "by", "von", "de", "di", "door", "por", "par", "provided", "supplied", "mit", "avec", "con", "via"})
# Chinese and Japanese credits end with 摄 ("photographed by"): "新华社记者 李华 摄".
CJK_CREDIT_RE = regex.compile(r"^[^。！？.!?]{1,30}\s?摄$")
# A credit glued after a caption: "(AP Photo/Jane Roe)", "(Submitted by Tom Kuzyk)", " Foto:
# Bernd Kessler/dpa", " © ANP", " Fot. PAP/Tomasz W."; agency names are added per vocabulary
# (see Captions).
TRAILING_CREDIT = (
    r"\(\s*(?:(?:ap |afp |reuters |epa |dpa )?(?:photo|foto|fot|image|picture|bild|credit|crédit|illustration|"
    r"quelle|source|фото|写真|撮影|图|图片|照片|사진|صورة|φωτ|©)[^()]{{0,80}}|©[^()]{{0,80}}|(?:{agencies})(?!(?<=[{spaced}])[{spaced}])[^()]{{0,40}})\)"
    # (after a sentence, who sent the photo: "... on Monday afternoon. (Submitted by Tom Kuzyk)";
    # alone on its line it says who sent a reader's joke or recipe)
    r"|(?<=[.!?]\s)\(\s*(?:submitted by|courtesy of)[^()]{{1,80}}\)"
    # (a photo's credit in brackets before the sentence's full stop: "... aan het Wagnerplein
    # (foto: Bart Meesters/SQ Vision).")
    r"|\(\s*(?:photo|foto|fot|bild|image|picture|фото|zdjęcie)\s?:[^()]{{1,80}}\)\."
    # (a name's initial may close with a full stop: "Foto: Rheintaler Rundschau/M. Weiß")
    r"|\s(?:photo(?:graph(?:s|y)?)?|foto(?:graf(?:ie|ía|ia|o)?)?|bild|credit|crédit|image|quelle|source|illustration|grafik|фото|fotó|zdjęcie|світлина|φωτογραφία)(?:\s?:|\s+(?:by|von|de|di|door|por|par)\b)\s?(?:[^.!?:]|(?<=[\s/]\w)\.){{1,60}}"
    # after a sentence, any label word of the vocabulary and a colon ("... sunnuntai-iltana.
    # Kuva: Antti Laitinen"), or glued to its full stop ("... los impactos de bala.Foto:
    # Marcelo Bustamante")
    r"|(?<=[.!?])\s?(?:{labels})\s?:\s?(?:[^.!?:]|(?<=[\s/]\w)\.){{1,60}}"
    r"|\sfot\.\s[^.!?:]{{1,60}}"
    r"|\s©\s?(?!\d)[^.!?\d]{{1,60}}"
    # (after a slash too: "... del Prado de San Sebastián. / Europa Press")
    r"|(?<=[.!?])\s(?:/\s?)?(?:{agencies})(?:\s?/\s?[^.!?:/]{{1,40}})?"
    # a Korean caption's source after a slash: "... 정박해 있다. /여수시 제공" ("provided by")
    r"|(?<=[.!?])\s/\s?[^/.!?]{{1,30}}\s제공"
    # or in square brackets, with the agency's reuse notice ("... 공연하고 있다. [○○엔터테인먼트
    # 제공. 재판매 및 DB 금지]")
    r"|(?<=[.!?])\s\[[^\[\]]{{1,40}}\s제공(?:[.,]\s?[^\[\]]{{1,30}})?\]"
    r"|(?<=[.!?])\s(?:[\w.'-]+ ){{0,3}}[\w.'-]+\s?/\s?(?:{agencies})"
    # "... in Gaza. (Mohamed El Saife/CBC)": a name and an outlet in parentheses after a sentence
    r"|(?<=[.!?])[\"”’»]?\s\((?!reporting|editing|writing|additional|compiled|translated)"
    r"(?:[\w.'’-]+ ){{1,3}}[\w.'’-]+\s?/\s?[\w .&'’-]{{2,40}}\)"
)
# Lower-case letters of scripts that put spaces between words: an agency's name in brackets
# ends where a word ends ("(AP)", not "(approbatur)"); a Chinese one runs on ("（新华社记者"). Ranges
# the stdlib engine reads too (the tests generate matches with it).
SPACED_LETTERS = "a-zß-ɏа-яёα-ωά-ώ"
# Every match of TRAILING_CREDIT holds one of these (a closing parenthesis, "©", a label
# word, or a sentence end before the agency or a label glued to it): lines without any skip
# the long regex.
TRAILING_CREDIT_HINT_RE = regex.compile(
    r"[)©]|[.!?][\s\p{L}]|photo|fot|bild|credit|crédit|image|quelle|source|illustration|grafik|фото|zdjęcie|світлина|φωτογραφία"
)
# A label of the vocabulary that is one word of letters ("kuva", "fuente"), not a sign ("©").
WORD_LABEL_RE = regex.compile(r"\p{L}+")
# A name of two or three capitalised words glued to a sentence's full stop at a line's end.
GLUED_NAME_RE = regex.compile(r"\p{Ll}[.!?]\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}\s*$")
# A photo gallery's counter: the photo's number and how many there are ("4/10", "Bild 4 von
# 12", "Foto 4 di 12"); a gallery has MIN_GALLERY_COUNTERS in a row at least (numbers that
# follow each other, one total), each at most MAX_GALLERY_GAP lines under the one before.
GALLERY_COUNTER_RE = regex.compile(r"^(?:(?:bild|foto|photo|image|picture|slide|图|圖|写真|사진)\s?)?(\d{1,3})\s?(?:/|von|of|di|de|sur|van|av|z|из|з)\s?(\d{1,3})$")
MIN_GALLERY_COUNTERS = 3
MAX_COUNTER_CHARS = 20
PHOTO_COUNTER_RE = regex.compile(r"^(?:bild|foto|photo|image|picture|图|圖|写真|사진)")
MAX_GALLERY_GAP = 4
# Lines under a short line glued to a caption where text naming it makes it their subject,
# not a credit.
MAX_SUBJECT_LINES = 3
# Words of such text at least (a sentence, not a second copy of the name).
MIN_SUBJECT_TEXT_WORDS = 5
# Copies of a line, and the other lines between two of them at least, that make it a cell of
# records listed one after another (see _record_labels).
MIN_RECORD_COPIES = 3
MIN_RECORD_GAP = 2
# Bars between the cells of a table's row flattened on one line, at least.
MIN_SOURCE_ROW_BARS = 2
# Words of a name after a credit's label without a colon, at most, in a script without case.
MAX_CASELESS_NAME_WORDS = 3
# Rows of data right above a source line, at least, for a table without bars.
MIN_SOURCE_DATA_ROWS = 3
# A file's path of two folders or more ("/usr/local/bin/entrypoint.sh", "~/.config/app/x"): a
# program's output or a command, said again on purpose, is no pull quote.
FILE_PATH_RE = regex.compile(r"(?<!\S)[~.]?/[\w.-]+/[\w./-]+")
# A table's cell or a list's item, on either side of a line that repeats a sentence's clause:
# its words at most (see Captions._among_cells).
MAX_CELL_WORDS = 3
# ... or rows of two cells ("Persone evacuate | 1.400"), this many in a row.
MIN_SOURCE_PAIR_ROWS = 3
# Notes with figures between a table's last row and its source: this many at most.
MAX_TABLE_NOTES = 2
# "Label: value" lines next to a labelled credit, no credits themselves, that make it an entry
# of a fact box (a film's "Fotografia: ..." among "Montagem: ..." / "Música: ..."), at least.
MIN_FACT_ENTRIES = 3
MAX_FACT_ENTRY_WORDS = 8
# ... or under a table flattened one cell per line: a figure alone ("13,8", "1 103"), and
# another among the lines right above it.
CELL_FIGURE_RE = regex.compile(r"[-+−]?\d[\d\s.,]*%?")
SOURCE_CELLS_ABOVE = 3
MAX_SOURCE_CELL_WORDS = 4  # a cell with its unit ("0,05 Mio. Euro"), not a timeline's entry
# ... or under as many entries of a fact box with a figure each, their labels this long at
# most ("Zuschuss von Bund und Ländern: je 1,5 Milliarden Euro pro Jahr").
MAX_ENTRY_LABEL_CHARS = 40
# The words of a menu's item or a crumb at most: under such lines alone, a line said twice
# right after itself is the page's headline, no photo's caption.
MAX_MENU_WORDS = 4
# Vocabularies of the site's own lines above a page's headline, whatever their length ("Log in
# to My Account", "Skip to main content", a consent banner's notice).
SITE_LINE_CATEGORIES = (reasons.COOKIE_NOTICE, reasons.NAVIGATION, reasons.SUBSCRIPTION_PROMPT)
# A trailing credit's name follows its label or mark ("© Belga", "Photo : AFP"); a name of
# this many words at most may be glued to the front of the caption's other copy.
CREDIT_LABEL_TAIL_RE = regex.compile(r"[©:]|\(c\)")
MAX_GLUED_CREDIT_WORDS = 3
# Every match of the leading-credit regex (see Captions) holds a slash.
LEADING_CREDIT_HINT = "/"
# A class of literal characters: the stdlib engine matches the same ones, about twice as fast.
QUOTE_CHARS_RE = re.compile(r"[\"'«»„“”‘’‹›]")
# Quote marks that bound a quoted sentence: an apostrophe between two letters elides
# ("all'Osteria", "l'État", "don't") and bounds nothing.
# A line in quotes from end to end.
QUOTED_LINE_RE = regex.compile(r"[\"«»„“”‹›‚‘’'].+[\"«»„“”‹›‘’']")
QUOTE_BOUNDARY_RE = re.compile(r"[\"«»„“”‹›]|(?<!\w)['‘’]|['‘’](?!\w)")


class Captions(BlockFilter):
    """Remove repeated captions, lone credits, captions with a credit, and pull quotes.

    Args:
        window: how many blocks apart two copies of a caption may be.
        max_caption_words: longer blocks are paragraphs, never captions.
        pull_quotes: also remove a short standalone copy of a sentence of a nearby paragraph.

    >>> text = "Title here\\nLa page d'accueil du site Coco.gg.\\nCoco.gg La page d’accueil du site Coco.gg.\\nCoco.gg\\nBody text."
    >>> [(r.block.index, r.reason) for r in Captions().find(Document.from_text(text))]
    [(1, 'caption'), (2, 'repeated_caption'), (3, 'image_credit')]
    """

    name = "captions"
    reasons = frozenset(
        {reasons.CAPTION, reasons.REPEATED_CAPTION, reasons.IMAGE_CREDIT, reasons.CAPTION_WITH_CREDIT, reasons.PULL_QUOTE, reasons.GALLERY}
    )

    def __init__(
        self,
        *,
        vocabulary: Vocabulary | None = None,
        lines: Lines | None = None,
        window: int = 3,
        max_caption_words: int = 45,
        pull_quotes: bool = True,
        pull_quote_window: int = 25,
    ) -> None:
        super().__init__(vocabulary=vocabulary, lines=lines)
        self.window = window
        self.max_caption_words = max_caption_words
        self.pull_quotes = pull_quotes
        self.pull_quote_window = pull_quote_window
        self._agencies = self.vocabulary.literals("credit_agencies")
        agencies = "|".join(regex.escape(a) for a in sorted(self._agencies, key=len, reverse=True)) or "(?!)"
        labels = "|".join(regex.escape(x) for x in sorted(self.vocabulary.literals("credit_labels"), key=len, reverse=True))
        self._credit_label_re = regex.compile(CREDIT_LABEL.format(labels=labels or "(?!)"))
        self._leading_credit_re = regex.compile(
            rf"^(?:(?:[\w.'-]+ ){{0,3}}/ ?(?:{agencies})|(?:{agencies})(?: ?/ ?(?:[\w.'-]+ ){{1,3}}))\s"
        )
        # The vocabulary's label words (see TRAILING_CREDIT).
        words = sorted((x for x in self.vocabulary.literals("credit_labels") if WORD_LABEL_RE.fullmatch(x)), key=len, reverse=True)
        word_labels = "|".join(regex.escape(x) for x in words) or "(?!)"
        self._trailing_credit_re = regex.compile(rf"(?:{TRAILING_CREDIT.format(agencies=agencies, spaced=SPACED_LETTERS, labels=word_labels)})\s*$")

    # -- single lines -------------------------------------------------------------
    def is_credit(self, text: str) -> bool:
        """A lone credit line: "Foto: dpa", "(Photo by X/Getty Images)", "Imago/Blaulicht"."""
        return bool(self.lines.answer("credit", text, lambda: self._is_credit(text)))

    def has_trailing_credit(self, text: str) -> bool:
        """A caption with a credit glued at its end."""
        return bool(self.lines.answer(("trailing_credit", self.max_caption_words), text, lambda: self._has_trailing_credit(text)))

    def _is_credit(self, text: str) -> bool:
        """A lone credit line: "Foto: dpa", "(Photo by X/Getty Images)", "Imago/Blaulicht"."""
        if len(text) > 120 or not self._looks_like_credit(text):
            return False
        # Asked last (it is rare that a line looks like a credit at all): "source
        # ~/venvs/env/bin/activate" is a command, "© Riproduzione riservata" a rights line.
        return not self.lines.shapes.is_form(text) and not self.lines.is_phrase("copyright_line", self.lines(text))

    def _looks_like_credit(self, text: str) -> bool:
        folded = self.lines(text).folded
        if CJK_CREDIT_RE.match(folded):
            return True
        label = self._credit_label_re.match(folded)
        if label and label.end() > 0:
            rest = folded[label.end():].strip(" )].")
            if folded.startswith(("©", "(c)", "copyright")):
                # "© AFP" is a credit; "© 2024 Example Media. All rights reserved." is not.
                return 0 < word_count(rest) <= 5 and not any(ch.isdigit() for ch in rest) and "." not in rest
            # "Image Awards:" introduces what follows; a credit names someone, a sentence
            # that opens with the label goes on in lower-case words ("Foto für Foto erzählt
            # die Schau vom Alltag.").
            if not 0 < word_count(rest) <= 10 or rest.endswith(("?", "!", ":", "：")):
                return False
            agency = any(t in self._agencies for t in rest.split())
            # A verdict under the label, lower-case words between commas, names no one ("Photo :
            # excellent de jour, inégal de nuit": a review's subheading on its camera).
            said = text.split(":", 1)[1].split() if ":" in text else []
            if "," in rest and "/" not in rest and not agency and len(said) >= MIN_VERDICT_WORDS and all(word[:1].islower() for word in said):
                return False
            if ":" in folded[: label.end()] or "/" in rest or agency:
                return True
            # Without a colon the label is followed by a name, perhaps after a word that
            # says whose ("Foto Arne Sjöström", "Bilde av Per-Erik Ofstad"), not by a
            # lower-case word ("Photo de classe" is a subheading).
            after = text.split()[len(folded[: label.end()].split()) :]
            while len(after) > 1 and after[0] in CREDIT_BY_WORDS:
                after = after[1:]
            if after and after[0][:1].islower():
                return False
            # In a script without case (Hebrew, Arabic) a name is told by its length alone:
            # more words are what the label's word means in a sentence ("צילום תעודת זהות כולל
            # ספח", a copy of an identity card, in a list of documents).
            if len(after) > MAX_CASELESS_NAME_WORDS and after[0][:1].isalpha() and after[0][:1].lower() == after[0][:1].upper():
                return False
            # One upper-case abbreviation that is no agency is a unit or a code ("Crédits
            # ECTS", "Photo ID"), not a photographer (in a line all in capitals, it says nothing).
            if len(after) == 1 and after[0].isupper() and not text.isupper():
                return False
            return not (self.lines(text).sentence_end and _lower_words(text) >= 3)
        stripped = folded.strip("()[] .")
        if not stripped:
            return False
        parts = [p for p in CREDIT_SPLIT_RE.split(stripped) if p]
        if not parts or word_count(stripped) > 8:
            return False
        if not any(p in self._agencies for p in parts):
            return False
        # Whatever is not an agency must look like a name in the original spelling (the words
        # of an agency of several are its own: "File photo", "Representative image").
        named = {word for p in parts if p in self._agencies for word in p.split()}
        return all(is_name_token(t) or fold(t) in self._agencies or fold(t) in named or not t.isalpha() for t in words(text))

    def _has_trailing_credit(self, text: str) -> bool:
        line = self.lines(text)
        if line.words > self.max_caption_words:
            return False
        # A photographer's name glued to the caption's last full stop, no space between
        # (the scraper joined two elements): "... en Madrid.Claudio Álvarez".
        if GLUED_NAME_RE.search(text):
            return True
        folded = line.folded
        cut = self._without_trailing_credit(folded)
        if cut == folded:
            return False
        # A label and a word that says whose, not in brackets, name someone in capitals ("...
        # Foto de Juan Pérez"); a lower-case word after them goes on the sentence ("4. Prévoyez
        # une source de chaleur sécuritaire").
        tail = folded[len(cut) :].split()
        words = text.split()
        if (
            len(tail) >= 3
            and tail[0][:1].isalpha()
            and tail[1] in CREDIT_BY_WORDS
            and len(words) == len(folded.split())
            and words[len(words) - len(tail) + 2][:1].islower()
        ):
            return False
        return not self.lines.is_phrase("copyright_line", line)

    def _without_trailing_credit(self, folded: str) -> str:
        """Folded text with its trailing credit cut off (unchanged: it has none); remembered
        per line, as both the credit check and the caption variants ask."""

        def cut() -> str:
            if not TRAILING_CREDIT_HINT_RE.search(folded):
                return folded
            return str(self._trailing_credit_re.sub("", folded))

        result: str = self.lines.answer("without_trailing_credit", folded, cut)
        return result

    # -- the document -------------------------------------------------------------
    def find(self, doc: Document) -> Iterator[Removal]:
        blocks = doc.blocks
        gone: set[int] = set()
        credits: set[int] = set()
        tabled: set[int] | None = None  # lines of tables flattened with bars, read when asked
        for i, block in enumerate(blocks):
            if self.is_credit(block.text) and not self._notes_table(blocks, i) and not self._in_fact_box(blocks, i):
                if "|" in block.text:
                    # A table's header row is no credit, an agency's name in its first cell or
                    # not ("TT | Đội | Trận | Điểm": a standings table's rank column).
                    if tabled is None:
                        tabled = {k for start, end in bar_rows([b.text for b in blocks]) for k in range(start, end)}
                    if i in tabled:
                        continue
                credits.add(i)
                gone.add(i)
                yield self.removal(block, "image_credit", "a credit alone: a credit label, or an agency and names")
        described = self.lines.of(doc.blocks)
        keys = [line.key for line in described]
        short = [i for i, line in enumerate(described) if line.words <= 5 and len(line.key) <= 50]
        yield from self._repeats(blocks, keys, short, gone, doc.line)
        for i, block in enumerate(blocks):
            if i not in gone and self.has_trailing_credit(block.text) and i > 0 and not self._notes_table(blocks, i, trailing=True):
                gone.add(i)
                yield self.removal(block, "caption_with_credit", "a caption with a credit glued at its end")
        if self.pull_quotes:
            yield from self._pull_quotes(blocks, keys, gone, doc.line)
        yield from self._gallery(doc, gone)

    def _gallery(self, doc: Document, gone: set[int]) -> Iterator[Removal]:
        """A photo gallery: its counters ("1/10", "2/10", ... read over the input, removed or
        not) and what stands between them, each photo's caption and credit; and under the last
        counter as many lines as under the one before when the counters name photos ("Bild 4
        von 12") or the last of those lines is a credit there and here ("4/10" /
        "小朋友在“十二生肖”灯组前合影留念。" / "青川日报记者 赵一鸣 摄")."""
        blocks = doc.blocks
        everything = doc.input_blocks
        counters = sorted(  # (line, number, total)
            (b.index, int(m.group(1)), int(m.group(2)))
            for b in everything
            if len(b.text) <= MAX_COUNTER_CHARS and DIGIT_RE.search(b.text) and (m := GALLERY_COUNTER_RE.match(self.lines(b.text).folded))
        )
        if len(counters) < MIN_GALLERY_COUNTERS:
            return
        lines_in = {b.index: b.text for b in everything}
        run: list[tuple[int, int, int]] = []
        found: list[list[tuple[int, int, int]]] = []
        for c in counters:
            if run and c[2] == run[-1][2] and c[1] == run[-1][1] + 1 and c[0] - run[-1][0] <= MAX_GALLERY_GAP:
                run.append(c)
            else:
                if len(run) >= MIN_GALLERY_COUNTERS:
                    found.append(run)
                run = [c] if c[1] <= c[2] else []
        if len(run) >= MIN_GALLERY_COUNTERS:
            found.append(run)
        if not found:
            return
        at = {b.index: i for i, b in enumerate(blocks)}
        # Credits removed before, and lines this filter removed (credits, captions with one).
        credits = {r.block.index for r in doc.removals if r.reason == reasons.IMAGE_CREDIT} | {blocks[i].index for i in gone}
        for run in found:
            lines = set(range(run[0][0], run[-1][0] + 1))
            # Photos: a credit between the counters, or counters that name them ("Bild 2 von 8"),
            # not a how-to's steps ("1/4" / "Remove the cover ...").
            if not any(index in credits or self.is_credit(lines_in[index]) for index in lines if index in lines_in) and not any(
                PHOTO_COUNTER_RE.match(self.lines(lines_in[c[0]]).folded) for c in run
            ):
                continue
            gap = run[-1][0] - run[-2][0]
            before, last = run[-2][0] + gap - 1, run[-1][0] + gap - 1
            named = PHOTO_COUNTER_RE.match(self.lines(lines_in[run[-1][0]]).folded) is not None
            if named or all(k in lines_in and (k in credits or self.is_credit(lines_in[k])) for k in (before, last)):
                lines.update(k for k in range(run[-1][0] + 1, last + 1) if k in lines_in)
            detail = f"a gallery of {run[-1][2]} photos (lines {doc.line(run[0][0])}-{doc.line(max(lines))})"
            for index in sorted(lines):
                i = at.get(index)
                if i is not None and i not in gone:
                    gone.add(i)
                    yield self.removal(blocks[i], reasons.GALLERY, detail)

    def _notes_table(self, blocks: tuple[Block, ...], i: int, *, trailing: bool = False) -> bool:
        """Line ``i``, labelled as a source (vocabulary ``source_labels``), right under a
        table's row flattened with bars ("Calabria | 880 | -2,1%"), its last cells one per
        line (:meth:`_under_cells`) or a fact box's figures (:meth:`_under_entries`): the
        table's source ("Fonte: Osservatorio Abitare Italia, primo trimestre 2026"), not a
        photo's credit (:meth:`lines.Shapes.cites_source`). With ``trailing``, the source
        labelled so at the line's end, after a note on the figures ("Valores médios
        registados a 14 de novembro. Fonte: DGEG")."""
        if i == 0 or blocks[i - 1].index != blocks[i].index - 1:
            return False
        # The table's notes with their figures may stand between its last row and its source
        # ("SPD | 3,1 % | 0 | −2" / "Wahlbeteiligung: 58,6 Prozent" / "Wahlberechtigte: 4612" /
        # "Quelle: Gemeinde ..., vorläufiges Endergebnis").
        row = i - 1
        while row > 0 and i - row <= MAX_TABLE_NOTES and _figure_entry(blocks[row].text) and blocks[row - 1].index == blocks[row].index - 1:
            row -= 1
        if (
            len(BAR_SEPARATOR_RE.findall(blocks[row].text)) < MIN_SOURCE_ROW_BARS
            and not self._under_cells(blocks, i)
            and not self._under_pairs(blocks, i)
            and not self._under_entries(blocks, i)
            and not self._under_data_rows(blocks, row)
        ):
            return False
        if trailing:
            folded = self.lines(blocks[i].text).folded
            return self.lines.shapes.cites_source(folded[len(self._without_trailing_credit(folded)) :].strip())
        return self.lines.shapes.cites_source(blocks[i].text)

    def _under_data_rows(self, blocks: tuple[Block, ...], row: int) -> bool:
        """Is line ``row`` the last of a table's rows, ``MIN_SOURCE_DATA_ROWS`` of the lines
        up to it (one more at most) rows of data, next to each other in the input (a table whose
        cells were separated by tabs: "Net income 412 361 +14.1%" / "Diluted EPS ($) 1.87 1.62
        +15.4%" / "Net debt/Ebitda 1.1x 1.6x")?"""
        shapes = self.lines.shapes
        top = max(0, row - MIN_SOURCE_DATA_ROWS)
        if any(blocks[k - 1].index != blocks[k].index - 1 for k in range(top + 1, row + 1)):
            return False
        return sum(1 for k in range(top, row + 1) if shapes.is_data(blocks[k].text)) >= MIN_SOURCE_DATA_ROWS

    @staticmethod
    def _under_pairs(blocks: tuple[Block, ...], i: int) -> bool:
        """Is line ``i`` under ``MIN_SOURCE_PAIR_ROWS`` rows of a two-column table flattened
        with a bar ("Persone evacuate | 1.400" / "Strade provinciali chiuse | 6")?"""
        k = i - MIN_SOURCE_PAIR_ROWS
        return k >= 0 and blocks[i - 1].index - blocks[k].index == MIN_SOURCE_PAIR_ROWS - 1 and all(BAR_SEPARATOR_RE.search(blocks[j].text) for j in range(k, i))

    def _in_fact_box(self, blocks: tuple[Block, ...], i: int) -> bool:
        """Is credit line ``i``, labelled ("Fotografia: André Lacerda"), an entry of a fact box:
        ``MIN_FACT_ENTRIES`` "Label: value" lines or more next to it in the input that are no
        credits ("Montagem: Bia Figueiredo" / "Música: Thiago Amaral" / "Duração: 104
        minutos": a film's cinematographer, not a photo's)? A box of credits ("Text: ..." /
        "Fotos: ...") is credits throughout."""
        return _labelled(blocks[i].text) and box_neighbours(blocks, i, lambda k: _labelled(blocks[k].text), lambda k: not self.is_credit(blocks[k].text)) >= MIN_FACT_ENTRIES

    @staticmethod
    def _under_entries(blocks: tuple[Block, ...], i: int) -> bool:
        """Is line ``i`` under ``MIN_SOURCE_PAIR_ROWS`` "Label: value" entries with a figure in
        each value, next to each other in the input (a fact box: "Preis ab Januar 2025: 58 Euro
        pro Monat" / "Anteil der Neukunden im ÖPNV: etwa 8 Prozent")?"""
        k = i - MIN_SOURCE_PAIR_ROWS
        return (
            k >= 0
            and blocks[i - 1].index - blocks[k].index == MIN_SOURCE_PAIR_ROWS - 1
            and all(_figure_entry(blocks[j].text) for j in range(k, i))
        )

    def _under_cells(self, blocks: tuple[Block, ...], i: int) -> bool:
        """Is line ``i`` under a table flattened one cell per line ("Agir Local" / "Sami
        Benkhaled" / "451" / "13,8"; "Spielplatz Kirchberg" / "0,1 Mio. Euro" / "0,05 Mio.
        Euro"): a figure alone (perhaps with its unit: data) right above it, and another
        among the ``SOURCE_CELLS_ABOVE`` lines above that?"""
        above = [blocks[k].text.strip() for k in range(max(0, i - 1 - SOURCE_CELLS_ABOVE), i)]

        def figure(text: str) -> bool:
            return CELL_FIGURE_RE.fullmatch(text) is not None or (len(text.split()) <= MAX_SOURCE_CELL_WORDS and self.lines.shapes.is_data(text))

        return bool(above) and figure(above[-1]) and any(map(figure, above[:-1]))

    def _in_days(self, blocks: tuple[Block, ...], j: int, i: int) -> bool:
        """Are lines ``j`` to ``i`` dates alone, other days between the two copies, or the run of
        dates around them ``MIN_DAY_TABLE_ROWS`` long at least: a table of days, where a day may
        be said twice in a row (the day a collection moves to, and the next row's usual day),
        not a page's stamp said twice?"""
        is_date = self.lines.shapes.is_date
        if not all(is_date(blocks[k].text) for k in range(j, i + 1)):
            return False
        if i - j >= 2:
            return True
        start, end = j, i
        while start > 0 and end - start + 1 < MIN_DAY_TABLE_ROWS and is_date(blocks[start - 1].text):
            start -= 1
        while end + 1 < len(blocks) and end - start + 1 < MIN_DAY_TABLE_ROWS and is_date(blocks[end + 1].text):
            end += 1
        return end - start + 1 >= MIN_DAY_TABLE_ROWS

    def _variants(self, i: int, keys: list[str], folded: list[str], short: list[int]) -> dict[str, bool]:
        """The block's key, and the key with a credit cut off either end (a nearby short
        line glued to it, or a recognizable trailing credit), those of three words or more;
        True marks the cut ones."""
        key = keys[i]
        whole, cuts = self._own_variants(folded[i], key)
        variants = {key: False} if whole else {}
        for j in _near(short, i, self.window + 1):
            if j == i:
                continue
            s = keys[j]
            if s and len(s) < len(key):
                if key.startswith(s + " ") and size(glued := key[len(s) + 1 :].strip()) >= 3:
                    variants[glued] = True
                if key.endswith(" " + s) and size(glued := key[: -len(s) - 1].strip()) >= 3:
                    variants[glued] = True
        for stripped in cuts:
            variants[stripped] = True
        return variants

    def _own_variants(self, folded: str, key: str) -> tuple[bool, tuple[str, ...]]:
        """What of the block's variants depends on its line alone: is its key three words or
        more, and its credit cuts (:meth:`_credit_cuts`) that differ from it and are three
        words or more; remembered per line, as every round asks again."""

        def own() -> tuple[bool, tuple[str, ...]]:
            cuts = tuple(cut for cut in self._credit_cuts(folded, key) if cut and cut != key and size(cut) >= 3)
            return size(key) >= 3, cuts

        result: tuple[bool, tuple[str, ...]] = self.lines.answer("own_variants", folded, own)
        return result

    def _credit_cuts(self, folded: str, key: str) -> tuple[str, str]:
        """Folded ``folded`` without a trailing credit, and without a leading one (decoration
        trimmed). ``key`` is ``folded`` without decoration (``core``): what a cut that finds
        no credit gives."""
        # Without a trailing credit this is ``key``: ``folded`` without decoration.
        trailing = strip_decoration(self._without_trailing_credit(folded))
        leading = key
        if LEADING_CREDIT_HINT in folded:
            leading = strip_decoration(self._leading_credit_re.sub("", folded))
        return trailing, leading

    def _repeats(self, blocks: tuple[Block, ...], keys: list[str], short: list[int], gone: set[int], line: Callable[[int], int]) -> Iterator[Removal]:
        """Copies of a caption: next to each other (alt text and caption, perhaps a credit
        between), or anywhere when one copy carries a credit."""
        candidates = [
            i for i, line in enumerate(self.lines.of(blocks)) if i not in gone and 1 <= line.size and line.words <= self.max_caption_words
        ]
        candidates_set = set(candidates)
        short_near = sorted(short)
        folded = [self.lines(b.text).folded if i in candidates_set else "" for i, b in enumerate(blocks)]
        seen: dict[str, tuple[int, bool]] = {}
        established: set[str] = set()
        records = _record_labels(keys, candidates)
        if records:
            # Not when a copy carries a credit ("Marina Lacerda, 37(Image: Bloomberg via Getty
            # Images)"): those are a caption's copies.
            credited = [keys[i] for i in candidates if self.has_trailing_credit(blocks[i].text)]
            records = {key for key in records if not any(other.startswith(key) for other in credited)}
        quoted: dict[int, list[range]] = {}  # lists under a colon, found when first needed
        in_records: set[int] | None = None  # lines of records listed one after another, found when first needed
        in_schedule: set[int] | None = None  # dates between the text's paragraphs with their entries, found when first needed
        # The names of trailing credits cut so far ("© Belga" gives "belga"): the other copy
        # may carry the same credit glued at its front ("Belga Angèle lors de ...").
        credit_names: set[str] = set()
        for i in candidates:
            if keys[i] in records:
                continue  # a cell of the same place in records repeated, not a caption
            variants = self._variants(i, keys, folded, short_near)
            for name in credit_names:
                if keys[i].startswith(name + " ") and size(glued := keys[i][len(name) + 1 :]) >= 3:
                    variants.setdefault(glued, True)
            for variant, cut in variants.items():
                first = seen.get(variant)
                if first is not None:
                    j, first_cut = first
                    near = i - j <= self.window and self._only_credits_between(blocks, j, i, gone)
                    if near and not (cut or first_cut or variant in established) and quoted_together(self.lines, blocks, quoted, i, j):
                        continue  # a refrain of a song or poem quoted under "... she had chosen:"
                    if under_contents_header(self.lines, blocks, j):
                        continue  # a table of contents' entry and the heading it names ("On this page" / "Applying for a permit")
                    if in_schedule is None:
                        in_schedule = self.lines.shapes.dated_entry_lines([b.text for b in blocks], [b.index for b in blocks])
                    if i in in_schedule and j in in_schedule:
                        continue  # a date said again in a table of dates ("Beccaccia" / "19 gennaio 2026" / "Tordo bottaccio" / "19 gennaio 2026")
                    if self._in_days(blocks, j, i):
                        # A day said again in a table of days ("Usual collection day" / "Revised
                        # collection day" / "Monday 25 December" / "Wednesday 27 December" /
                        # "Tuesday 26 December" / "Thursday 28 December" / "Wednesday 27 December").
                        continue
                    if self.lines.shapes.under_slot(blocks, j) and self.lines.shapes.under_slot(blocks, i):
                        continue  # a schedule's place under each of its slots ("wtorek 15:30–17:00" / "hala SP nr 2" / ... / "poniedziałek, czwartek 17:00–19:00" / "hala SP nr 2")
                    if first_cut and i > 0 and keys[j] == f"{keys[i - 1]} {variant}" and self.lines.shapes.is_clock_time(blocks[i - 1].text):
                        # A live report's entry, its stamp over its heading ("12:05" / "One lane
                        # reopens eastbound"), listed above as a key event with its stamp ("12:05
                        # One lane reopens eastbound"): the entry's heading is no caption's copy.
                        continue
                    if JSON_LINE_RE.match(blocks[i].text):
                        continue  # a command's output said again ('{"id":1,"done":false}' / '[{"id":1,"done":false}]')
                    if self.lines.shapes.is_data_cell(blocks[i].text):
                        # A table's cell said again in the next row ("1.400 U/min" / "1.400 U/min"),
                        # or with a shorter cell in it ("8:00–12:00 und 15:00–18:00" / "8:00–12:00").
                        continue
                    if LABELLED_RE.match(blocks[i].text):
                        if in_records is None:
                            in_records = {k for start, end in record_runs([b.text for b in blocks]) for k in range(start, end)}
                        if i in in_records and j in in_records:
                            continue  # a field of records listed one after another, the same in two ("Notdienst: Sa 09.03. ...")
                    if near and not (cut or first_cut or variant in established) and self._headline_twice(blocks, keys, j, i):
                        if j not in gone:
                            gone.add(j)
                            yield self.removal(blocks[j], "caption", f"the page's headline, said again right under it (line {line(blocks[i].index)})")
                        seen[variant] = (i, cut)
                        break
                    if cut and not first_cut and not near and looks_like_title(blocks[j].text) and self._under_menu(blocks, j):
                        # The page's headline, said again further down as its photo's alt text
                        # with the credit ("Clafoutis aux cerises de grand-mère" / the rating,
                        # the author, the buttons / "Clafoutis aux cerises de grand-mère - Photo
                        # par Mireille_38"): only the credited copy is the caption.
                        gone.add(i)
                        yield self.removal(blocks[i], "repeated_caption", f"copy of the headline on line {line(blocks[j].index)}, with a credit")
                        seen[variant] = (i, cut)
                        break
                    if (near and j != 0) or cut or first_cut or variant in established:
                        established.add(variant)
                        if j not in gone:
                            gone.add(j)
                            yield self.removal(blocks[j], "caption", f"said again as a caption on line {line(blocks[i].index)}")
                        gone.add(i)
                        yield self.removal(blocks[i], "repeated_caption", f"copy of line {line(blocks[j].index)}")
                        yield from self._glued_credits(blocks, keys, short_near, i, variant, gone, line)
                        break
                seen[variant] = (i, cut)  # pair with the nearest earlier copy
            if i not in gone and (name := self._trailing_credit_name(folded[i])) is not None:
                credit_names.add(name)

    def _trailing_credit_name(self, folded: str) -> str | None:
        """The name in a caption's trailing credit ("... l'an dernier. © Belga": "belga"), of
        ``MAX_GLUED_CREDIT_WORDS`` words at most, or None."""
        without = self._without_trailing_credit(folded)
        if without == folded:
            return None
        name = strip_decoration(CREDIT_LABEL_TAIL_RE.split(folded[len(without) :])[-1])
        return name if 0 < word_count(name) <= MAX_GLUED_CREDIT_WORDS else None

    def _headline_twice(self, blocks: tuple[Block, ...], keys: list[str], j: int, i: int) -> bool:
        """Are lines ``j`` and ``i``, one right after the other (or the page's date and
        category between them), the page's headline said twice under the site's menu (a
        trail's last crumb or an image's alt text, then the heading): shaped as a headline, no
        date, not said a third time right under, where a headline stands (:meth:`_under_menu`:
        above it only a menu's items, dates, trails of crumbs and the site's own lines, which
        the interface filter removes later in the round)? The copy next to the text is the
        headline. (Under a headline, such a pair is a photo's caption.)"""
        # (Only the page's date and its category between them: "Erasmus+: Zehn Tage Finnland
        # ..." / "12. März 2024" / "Kategorie: Erasmus+, 6. Klassen" / the heading.)
        if not (
            blocks[i].index - blocks[j].index == i - j
            and all(self.lines.shapes.is_date(blocks[k].text) or self.lines.is_phrase("tag_list", self.lines(blocks[k].text)) for k in range(j + 1, i))
            and (i + 1 == len(blocks) or keys[i + 1] != keys[i])
            and looks_like_title(blocks[i].text)
            and not self.lines.shapes.is_date(blocks[i].text)
        ):
            return False
        return self._under_menu(blocks, j)

    def _under_menu(self, blocks: tuple[Block, ...], j: int) -> bool:
        """Are all lines above line ``j`` a menu's items (``MAX_MENU_WORDS`` words at most),
        dates, trails of crumbs or the site's own lines (vocabulary ``cookie_notice``,
        ``navigation``, ``subscription_prompt``): is line ``j`` where the page's headline
        stands?"""
        return all(
            line.size <= MAX_MENU_WORDS
            or self.lines.shapes.is_date(block.text)
            or is_crumbs(block.text)
            or (len(block.text) <= MAX_NOTICE_CHARS and any(self.lines.is_phrase(category, line) for category in SITE_LINE_CATEGORIES))
            for line, block in zip(self.lines.of(blocks[:j]), blocks)
        )

    def _glued_credits(
        self, blocks: tuple[Block, ...], keys: list[str], short: list[int], i: int, variant: str, gone: set[int], line: Callable[[int], int]
    ) -> Iterator[Removal]:
        """A short line near a caption copy that is glued to that copy is its credit; not a
        name that the next lines' text speaks of, the subject of an entry ("Bruno" / "Edad: 7
        años" / "Bruno es un gigante bonachón." / "Quiero conocer a Bruno")."""
        for s in _near(short, i, self.window + 1):
            glued = keys[i].startswith(keys[s] + " ") or keys[i].endswith(" " + keys[s])
            if glued and any(
                f" {keys[s]} " in f" {keys[k]} " and self.lines(blocks[k].text).words >= MIN_SUBJECT_TEXT_WORDS for k in range(s + 1, min(s + 1 + MAX_SUBJECT_LINES, i))
            ):
                continue
            if s not in gone and s != i and keys[s] and keys[s] != variant and glued:
                gone.add(s)
                yield self.removal(blocks[s], "image_credit", f"glued to line {line(blocks[i].index)}")

    @staticmethod
    def _only_credits_between(blocks: tuple[Block, ...], j: int, i: int, gone: set[int]) -> bool:
        """Alt text and caption sit together, or with only a credit between them; a
        paragraph repeated after other text is a duplicate, not a caption."""
        return all(
            word_count(blocks[k].text) <= 6 and not SENTENCE_END_RE.search(blocks[k].text) for k in range(j + 1, i)
        )

    def _pull_quotes(self, blocks: tuple[Block, ...], keys: list[str], gone: set[int], line: Callable[[int], int]) -> Iterator[Removal]:
        bare = [QUOTE_CHARS_RE.sub("", k) for k in keys]
        # Every bare key on one string (line k starts at starts[k]): a needle that occurs
        # once in its window's stretch occurs in no other line of it (a needle has no line
        # break, so an occurrence never straddles two lines), which one count finds.
        joined = "\n".join(bare)
        starts = list(accumulate((len(b) + 1 for b in bare), initial=0))
        lo_cache: dict[int, str] = {}
        # A pull quote stands inside the text: a line above its first paragraph that a later
        # line repeats is the page's headline (a book's author and title over the review, said
        # again in its card: "Katrin Sommerfeld: »Die Stille über dem Haff«").
        # (A cookie banner's notice above it is no paragraph of the text.)
        top = next((k for k, line in enumerate(self.lines.of(blocks)) if line.prose and not self.lines.is_phrase("cookie_notice", line)), len(blocks))

        def container(j: int) -> str:
            if j not in lo_cache:
                # Quote marks become a boundary mark: a quoted sentence is a whole one.
                lo_cache[j] = QUOTE_BOUNDARY_RE.sub(QUOTE_MARK, self.lines(blocks[j].text).folded)
            return lo_cache[j]

        for i, block in enumerate(blocks):
            n = self.lines(block.text).size
            if i in gone or i <= top or not 3 <= n <= self.max_caption_words:
                continue
            needle = bare[i].strip(" .,;:-。")
            # Twelve characters of Chinese or Japanese, else 25 (the script is looked at only
            # between the two).
            if len(needle) < 12 or (len(needle) < 25 and not CJK_RE.search(needle)):
                continue
            lo, hi = max(0, i - self.pull_quote_window), min(len(blocks), i + self.pull_quote_window + 1)
            if "\n" not in needle and joined.count(needle, starts[lo], starts[hi]) < 2:
                continue
            for j in range(lo, hi):
                # The paragraph a pull quote repeats ends like a sentence; a trail of crumbs
                # that ends with the headline ("Ayuntamiento › Padrón › Certificado ...") does not.
                if j != i and j not in gone and len(bare[j]) >= 1.3 * len(needle) and needle in bare[j] and self.lines(blocks[j].text).sentence_end:
                    if not is_whole_sentence(needle, container(j)):
                        continue
                    # A quotation standing alone, in quotes from end to end and no sentence
                    # closed inside them, is a subheading of the text ("'Binnen een minuut was
                    # het voorbij'" over "... \"Binnen een minuut was het voorbij.\"", „Ich
                    # muss da raus und schauen, was passiert“); a pull quote repeats the
                    # sentence ("“We ran out of fuel. The hospital is out of service.”").
                    # So is one right over the paragraph it quotes („Ich wusste nicht, dass so
                    # viele Juden ermordet wurden.“ over "... „Ich wusste nicht, dass ...“").
                    # Either heads a paragraph right under it, and quotes one below it (not a
                    # quote under the paragraph it repeats, nor one closing the text: «Ми
                    # замінили всі троси і гальма» under its paragraph).
                    if self._among_cells(blocks, i) or FILE_PATH_RE.search(block.text):
                        break  # (a program's message names a file: "exec /usr/local/bin/entrypoint.sh: no such file ...")
                    # A line the line above introduces is what it introduces: a reply's quote of
                    # an earlier post under its attribution ("HeatPro_Dave said:" / "Watch the
                    # gauge when the heating comes on: ..."; "ng_admin:" / the question).
                    if i > 0 and blocks[i - 1].index == block.index - 1 and INTRO_END_RE.search(blocks[i - 1].text):
                        break
                    bare_text = QUOTE_CHARS_RE.sub("", block.text).rstrip()
                    heads = j > i and blocks[i + 1].index == block.index + 1 and self.lines(blocks[i + 1].text).sentence_end
                    if heads and QUOTED_LINE_RE.fullmatch(block.text.strip()) and (not bare_text.endswith((".", "!", "?", "…")) or j == i + 1):
                        break
                    gone.add(i)
                    yield self.removal(block, "pull_quote", f"repeats line {line(blocks[j].index)}")
                    break

    def _among_cells(self, blocks: tuple[Block, ...], i: int) -> bool:
        """Is line ``i`` between two lines of ``MAX_CELL_WORDS`` words at most, neither a
        sentence, next to it in the input: a cell of a table or an item of a list ("Sièges" /
        "Saint-Martin, ensemble et autrement" / "Nathalie Guérin" / "641"), not a pull quote,
        which stands between paragraphs."""
        if not 0 < i < len(blocks) - 1 or not blocks[i - 1].index == blocks[i].index - 1 == blocks[i + 1].index - 2:
            return False
        return all(line.words <= MAX_CELL_WORDS and not line.sentence_end for line in self.lines.of(blocks[i - 1 : i + 2 : 2]))


QUOTE_MARK = "\x00"
def _record_labels(keys: list[str], candidates: Sequence[int]) -> set[str]:
    """Lines said ``MIN_RECORD_COPIES`` times or more, never with fewer than
    ``MIN_RECORD_GAP`` other lines between two copies: the same cell of records listed one
    after another ("Ruster Ausbruch DAC" / "Weingut Feiler-Artinger, Rust" / "feiler-artinger.at"
    / "Ruster Ausbruch DAC" / ...). A caption's copies stand next to each other, a credit
    between them at most."""
    where: dict[str, list[int]] = {}
    for i in candidates:
        if keys[i]:
            where.setdefault(keys[i], []).append(i)
    return {
        key for key, found in where.items() if len(found) >= MIN_RECORD_COPIES and all(b - a > MIN_RECORD_GAP for a, b in zip(found, found[1:]))
    }


def _lower_words(text: str) -> int:
    """Words after the first that start with a lower-case letter ("für", "erzählt"); none
    when the second is a credit's own word ("Photo courtesy of the family.")."""
    tokens = text.split()
    if len(tokens) > 1 and tokens[1].lower().strip(".,:") in CREDIT_WORDS:
        return 0
    return sum(1 for token in tokens[1:] if token[:1].islower())


def _near(positions: list[int], i: int, distance: int) -> list[int]:
    """The sorted ``positions`` within ``distance`` of ``i`` (bisect: linear overall)."""
    return positions[bisect_left(positions, i - distance) : bisect_right(positions, i + distance)]


SENTENCE_STOPS = (".", "!", "?", "…", "。", "！", "？", ":", ";", QUOTE_MARK)


def is_whole_sentence(needle: str, text: str) -> bool:
    """Is ``needle`` one or more whole sentences of ``text``? A subheading that merely
    starts its paragraph ("Smart State Technology" / "Smart State Technology enables ...")
    or a clause cut out of a sentence is not a pull quote.

    >>> is_whole_sentence("services were stood down", "the water fell. services were stood down.")
    True
    >>> is_whole_sentence("smart state technology", "smart state technology enables control.")
    False
    """
    start = text.find(needle)
    while start != -1:
        before = text[:start].rstrip(" -–—")
        after = text[start + len(needle) :].lstrip(" ,")
        if (not before or before.endswith(SENTENCE_STOPS)) and (not after or after.startswith(SENTENCE_STOPS)):
            return True
        start = text.find(needle, start + 1)
    return False


def _figure_entry(text: str) -> bool:
    """A "Label: value" line with a figure in its value, the label ``MAX_ENTRY_LABEL_CHARS``
    long at most ("Zuschuss von Bund und Ländern: je 1,5 Milliarden Euro pro Jahr")."""
    label, colon, value = text.partition(":")
    return bool(colon) and 0 < len(label.strip()) <= MAX_ENTRY_LABEL_CHARS and DIGIT_RE.search(value) is not None


def _labelled(text: str) -> bool:
    """A fact box's "Label: value" line, ``MAX_FACT_ENTRY_WORDS`` words at most ("Montagem: Bia
    Figueiredo"; not a timeline's entry, "12:40 a.m.: Spears arrives via ambulance at ..."),
    not an address ("http://...")."""
    return LABELLED_RE.match(text) is not None and "://" not in text and len(text.split()) <= MAX_FACT_ENTRY_WORDS
