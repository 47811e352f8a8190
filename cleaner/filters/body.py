"""BodyRegion: what lies around the article: navigation and link lists before it, teasers,
related stories and readers' comments after it, link boxes inside it.

Without HTML, what marks navigation, "more stories" lists and teaser links is their
shape: short lines without a sentence end, in runs, outside the stretch of the page where
the prose paragraphs are. Inside that stretch short lines are subheadings and stay. Runs
that carry the article's own structure are not links, wherever they sit next to the text:
tables, schedules, ingredient lists, specs, timelines, "Label: value" entries, code, and
lists introduced by a line ending in a colon (see :class:`cleaner.lines.Shapes`). Position
alone never removes a long prose paragraph: that needs a readers' comments or related
stories header above it, or a share bar, copyright or tag line between it and the article.
Every removal says in its ``detail`` what evidence it rests on.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence

import regex

from cleaner.blocks import looks_like_title
from cleaner.document import Block, Document, Removal
from cleaner import reasons
from cleaner.filters._common import MAX_CARD_GAP, MIN_DAY_TABLE_ROWS, crosses_removed, days_twice_at_most, event_place, names_entry, run_of_neighbours, runs_of, under_cookie_notice
from cleaner.filters.base import BlockFilter
from cleaner.filters.promos import RelatedPromos
from cleaner.lines import (
    BAR_SEPARATOR_RE,
    CLOCK_LED_RE,
    CODE_RE,
    CRUMB_SEPARATOR_RE,
    CURRENCY_CODE_RE,
    CURRENCY_RE,
    DATED_ENTRY_RE,
    FULL_STOP_END_RE,
    INTRO_END_RE,
    LABELLED_RE,
    LIFE_DATES_RE,
    LIST_ITEM_RE,
    MAX_CRUMB_WORDS,
    MAX_DATA_CHARS,
    MAX_EVENT_LINES,
    MAX_FACT_LINE_CHARS,
    MAX_HEADED_CELLS,
    MAX_HEADED_LINES,
    MAX_HEADER_CHARS,
    MAX_RECORD_PERIOD,
    MAX_RECORD_SPAN,
    MAX_SIGNERS,
    MAX_WORD_TABLE_ROWS,
    MIN_HEADED_ROWS,
    MIN_TABLE_ROWS,
    NAMED_CONTACT_WINDOW,
    NUMERIC_DATE_RE,
    POST_ATTRIBUTION_RE,
    QUESTION_END_RE,
    STATEMENT_END_RE,
    TABLE_BAR_RE,
    TIME_RE,
    WORDLESS_RE,
    YEAR_RE,
    Lines,
    bar_rows,
    rated_rows,
    record_runs,
    crumb_items,
    evenly_spaced,
    is_crumbs,
    is_entry,
    is_fact_entry,
    is_gloss,
    is_heading,
    is_intro,
    is_timed_entry,
    named_column_table,
    names_person,
    split_label,
    word_rows,
)
from cleaner.patterns import CJK_RE, DIGIT_RE, SCRIPT_FULL_STOPS, WORD_RE, core, ends_sentence, fold, is_name_token, size, states_run_on, word_count
from cleaner.vocabulary import Vocabulary

__all__ = ["BodyRegion"]

# A last sentence signed by the agency: "... to comment. - Sapa", "... deport him. — PTI".
SIGNED_END_RE = regex.compile(r"[.!?][\"”’»]?\s*[-–—]\s*[\w.&/ ]{2,25}$")
# Headings under paragraphs and lines of tables, lists or entries inside the text that make
# a short heading right above its first paragraph the first section's heading.
MIN_TEXT_HEADINGS = 2
MIN_TEXT_STRUCTURE = 3
# Headings of sections inside a text that make a heading right above its first paragraph the
# first section's, whatever stands above it (see BodyRegion._headings_in).
MIN_SECTIONED_HEADINGS = 3
# A headline over the page's byline or dateline, in words at most (see BodyRegion._over_stamp).
MAX_LONG_HEADLINE_WORDS = 30
# A roundup's headline, in characters at most (see BodyRegion._heads_roundup_item).
MAX_ROUNDUP_TITLE_CHARS = 160
# The characters of a date that leads an entry before its colon, at most.
MAX_DATE_LEAD_CHARS = 40
MAX_SECTION_HEADING_WORDS = 4
# Cells of a table that opens the text, right above its first row (a recipe's "Facile" / "Bon
# marché"), at most, and the words of each.
MAX_OPENING_CELLS = 2
MAX_OPENING_CELL_WORDS = 2
# The words of that table's first row, at most: a cell ("6 personnes"), not a headline with figures.
MAX_OPENING_ROW_WORDS = 3
# Lines of the text's tables or programmes between the headline and the first paragraph
# that make the text start under the headline, at least (half the lines there or more).
MIN_HEAD_RUN_LINES = 6
# Such a heading is words alone: no figure, bracket, slash, bar or spaced dash (a credit, a
# site's title, a crumb).
SECTION_HEADING_RE = regex.compile(r"\p{L}[\p{L}\p{M}'’&,]*(?:[ \-][\p{L}\p{M}'’&,]+)*")
# A headline's line of facts under it: items between bars or bullets, and the lines of it
# and of data right under the headline looked at.
MIN_FACT_ITEMS = 3
MAX_FACT_LINES = 3
# Words of a product's price line at most ("129,95 €", "Desde 110 € por noche"; not an offer:
# "Abonnez-vous : 1 € le premier mois").
MAX_PRICE_WORDS = 4
# A product's name on a shop's page: lines at most between it and its price (its article
# number, brand, rating), and between it and the shop's first button under it.
MAX_PRODUCT_FACTS = 5
MAX_PRODUCT_CARD = 15
# Words of that name at least, and of a fact with a figure between it and its price at most
# ("4,6 von 5 Sternen").
MIN_PRODUCT_WORDS = 3
MAX_PRODUCT_FACT_WORDS = 6
# Words of the heading over a product's description at most ("Kompakter Bohrschrauber mit
# bürstenlosem Motor").
MAX_DESCRIPTION_HEADING_WORDS = 8
# A price written with its currency's code or abbreviation instead of a sign ("129,99 zł",
# "1 290 Kč", "CHF 49.90", "R32 999.00"; a rand's only with its cents).
PRICE_CODE_RE = regex.compile(
    r"\d\s?(?:zł|kr|kč|ft|lei|tl|chf|pln|czk|sek|nok|dkk|huf|ron|try|eur|usd|gbp|руб|грн)(?!\w)|(?<!\w)(?:chf|eur|usd|kr|rs\.?)\s?\d|(?<!\w)r\d{1,3}(?:[ ,]\d{3})*[.,]\d{2}(?!\d)",
    regex.IGNORECASE,
)
# Words of a page's title that names an item of its site's menu, and of that item, at most.
MAX_MENU_TITLE_WORDS = 4
MIN_MENU_ITEMS = 3
# Lines of a record over its "Label: value" line at most, and the records above with that
# label at least, for one more record under the last paragraph (see _record_again).
MAX_RECORD_HEAD = 4
MIN_LABELLED_RECORDS = 2
# A table of groups below the last paragraph, each saying the same labels over their values
# (see BodyRegion._label_groups): a group's lines at least and at most, the labels said again
# at least, and the lines read for it at most.
MIN_GROUP_PERIOD, MAX_GROUP_PERIOD = 4, 16
MIN_GROUP_LABELS = 2
MAX_GROUP_LINES = 64
# Headings inside the text led as the line over its first paragraph, that make it the first
# entry's heading.
MIN_LIKE_HEADINGS = 2
# Longer lines are no trail of crumbs.
MAX_CRUMBS_CHARS = 200
# Where one sentence ends and another begins, inside a line.
SENTENCE_BREAK_RE = regex.compile(r"[.!?…。！？][\"'”’»)]*\s+(?=[\p{Lu}\"'„“«])")
# ... and where a sentence closed by a full stop ends before another one (see BodyRegion._states).
FULL_STOP_BREAK_RE = regex.compile(r"[.。][\"'”’»)]*\s+(?=[\p{Lu}\"'„“«])")
# A statement's own end ("... Schwächen.", "Sírvela templada."), not a count in brackets
# ("Kelvin (5 days ago)") nor a question (teaser headlines are often questions); in any
# script ("पार न करें।").
FULL_STOP_RE = regex.compile(rf"[.!…。！{SCRIPT_FULL_STOPS}][\"'”’»)\]]*\s*$")
# Sections looked at past the last paragraph before one with two lines of text is found.
MAX_SECTIONS = 8
# Words of a note under its subheading at least (below the text: a tip, a storage note).
MIN_NOTE_WORDS = 6
# A letter's signature under its closing formula: a name and a role ("Dr. Claudia Petersen" /
# "Schulleiterin"), each a short line.
MAX_SIGNATURE_LINES = 2
MAX_SIGNATURE_WORDS = 6
# ... but the line right under the formula, when it ends no sentence, this many words at most.
MAX_SIGNERS_WORDS = 12
# Statements in a row under a heading that make a section of the article, not a teaser's
# summary, at least.
MIN_SECTION_STATEMENTS = 2
# A year closing a page's title ("Preise 2025", "Hochzeitspakete 2027").
YEAR_END_RE = regex.compile(r"\s+(?:19|20)\d\d\s*$")
# A spaced dash between two parts of a line ("Kirchheim, 16.05.2024 – gez. Dieter Lutz").
SPACED_DASH_RE = regex.compile(r"\s[–—-]\s")
# Words of a signature after a closing formula on its line at most (who signs and an office).
MAX_ONE_LINE_SIGNATURE_WORDS = 12
# Short lines between a letter's text and its closing formula at most (office hours, a phone).
MAX_LINES_OVER_CLOSING = 3
# Words at least of a sentence that introduces a list with a colon ("Sie haben drei
# Möglichkeiten:"), not a label ("Zutaten:").
MIN_INTRO_WORDS = 3
# Words of a letter's place-and-date line at most ("Oberhausen an der Lauter, 9. Juli 2025").
MAX_PLACE_DATE_WORDS = 10
# Rows led by their number with no mark after it ("1 What makes a city an ecosystem? ...").
NUMBER_LED_RE = regex.compile(r"(\d{1,3})\s+\p{L}")
MIN_NUMBERED_ROWS = 5
# A line led by a price, its notes after it ("€27.90 inkl. MwSt. zzgl. Versandkosten, ...",
# "29,90 € inkl. MwSt.").
PRICE_LED_RE = regex.compile(r"\s*(?:\p{Sc}\s?\d+(?:[.,]\d{2})?|\d+(?:[.,]\d{2})?\s?\p{Sc})(?!\S)")
# A product's facts flattened a line per cell: labels of a few words each over a value of
# three words or more, or a list after commas ("Aroma" / "Rote Beeren, Zitrusnoten, süßlich"),
# two such pairs at least.
MAX_PAIR_LABEL_WORDS = 2
MIN_PAIR_VALUE_WORDS = 3
MAX_PAIR_VALUE_WORDS = 12
MIN_FACT_PAIRS = 2
# A place under the days an exhibition runs ("Salles d'exposition temporaire, niveau 1").
MAX_PLACE_WORDS = 8
# An entry of a table of contents: a section's number, then its name ("2.1 Klima").
CONTENTS_ENTRY_RE = regex.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+(\S.*?)\s*$")
# The same, at the start of a line (a block's, or after a line break inside one).
CONTENTS_LINE_RE = regex.compile(r"^[^\S\n]*\d{1,2}(?:\.\d{1,2})*\.?[^\S\n]+\S", regex.MULTILINE)
MIN_CONTENTS_ENTRIES = 3
# Unnumbered entries under a contents header, at most, and the words of a step's label before
# a name of the contents in a heading ("Step 1: Install WireGuard").
MAX_CONTENTS_ENTRIES = 15
MAX_STEP_LABEL_WORDS = 2
CONTENTS_DETAIL = "the page's table of contents (its sections follow)"
# A feedback question's answer buttons ("Ja" / "Nein") between the text and its contact block.
MAX_FEEDBACK_BUTTONS = 3
MAX_FEEDBACK_BUTTON_WORDS = 2
# Lines of the text's own lists under a line of the page's that it goes on over, at least.
MIN_LIST_LINES_UNDER = 3
# A reviewed work's card right above the text (see BodyRegion._headline_card): lines said word
# for word in the headline, at least, of this many words at least each; the card's lines at most.
MIN_CARD_NAMES = 2
MIN_CARD_NAME_WORDS = 2
MAX_HEADLINE_CARD_LINES = 6
# Names under a heading inside the text (see BodyRegion._names_under_heading): this many at
# least, of this many words at most each.
MIN_NAMED_ITEMS = 5
MAX_NAMED_ITEM_WORDS = 2
# A code of letters and figures alone in its cell, twelve characters at most ("E-11",
# "0x80070002", "KT-220"): a table's key, as a figure is.
CODE_CELL_RE = regex.compile(r"\s*(?=[\p{L}\d._-]{2,12}\s*$)(?=[^\d\s]*\d)(?=[^\p{L}\s]*\p{L})[\p{L}\d]+(?:[-_.][\p{L}\d]+)*\s*")
# A question or exclamation mark anywhere in a line: an appeal's (see _leads_to_data).
APPEAL_MARK_RE = regex.compile(r"[?!？！¿¡]")
# A table of names and their values said again and again ("CDA" / "Tegen"): its rows at
# least, the values (distinct ones and their words), the names' words, and the lines above
# its first row (a heading, a header row).
MIN_VALUED_ROWS = 4
MAX_VALUES = 3
MAX_VALUE_WORDS = 2
MAX_VALUED_NAME_WORDS = 4
MAX_VALUED_ROWS_OFFSET = 4
# A run of short lines inside the text of which this share or more carries a figure is data
# (results, scores, versions, dates), not a box of links: teasers carry a figure now and then.
MIN_FIGURED_SHARE = 2 / 3
SCHEDULE_BUTTON_DETAIL = "a button repeated between the entries of the text's schedule"
INTERJECTED_DETAIL = "a line of the page's between the text and its own lists"
WIDGET_DETAIL = "a widget's lines between the text and its next section"
# Short lines of a widget set into the text at most (a calculator's fields and button), over
# a section of the text under its heading (see BodyRegion._widget_over_section).
MAX_WIDGET_LINES = 12
# A list in sections inside the text (see BodyRegion._sectioned): its headings at least, their
# words at most, the items under each at least, and an item's words at least.
MIN_LIST_SECTIONS = 3
MAX_LIST_SECTION_WORDS = 3
MIN_SECTION_ITEMS = 2
# Items starting with a small letter under a heading, at least, that stop a box of other
# stories (see _heads_small_items), and their words at most.
MIN_SMALL_ITEMS = 3
MAX_SMALL_ITEM_WORDS = 8
MIN_SECTION_ITEM_WORDS = 4
# A table comparing what the text is about (see BodyRegion._compared_table): cells of its
# header row at least (the rows' label and two things compared), and a header cell's words
# at most.
MIN_COMPARED_CELLS = 3
MAX_COMPARED_HEADER_WORDS = 2
# The words of a question over a table that answers it, at most.
MAX_QUESTION_HEADING_WORDS = 12
# An item of the text's own sections (see BodyRegion._own_sections): its words, or its
# characters (a compound: "Lungenfunktionsprüfung"), at least.
MIN_OWN_ITEM_WORDS = 3
MIN_OWN_ITEM_CHARS = 20
# Items of a list closing the text under its heading (see BodyRegion._closing_list).
MIN_CLOSING_ITEMS = 3
MAX_CLOSING_ITEMS = 8
# Blanks to write in or boxes to tick: a field of a form ("Klasse: ______", "☐ ja ☐ nein"); a
# slip's fields at least and the lines it spans at most (see BodyRegion._slips).
FILL_IN_RE = regex.compile(r"_{4,}|[☐□]|\[ \]|\.{6,}")
MIN_SLIP_FIELDS = 2
MAX_SLIP_LINES = 8
# Measures (a figure and its unit) in the value of a "Label: value" entry that make it the
# article's facts on its own (see BodyRegion._measures), and a figure with the word after it,
# its unit if the vocabulary has it ("780 kcal", "38 g").
MIN_ENTRY_FIGURES = 3
MEASURE_RE = regex.compile(r"\d+(?:[.,]\d+)?\s?(\p{L}+\.?)")
# Words of a contact line's label at least: it says what to ask ("Spørgsmål om kontingent"),
# not only "Tel." or "E-Mail".
MIN_CONTACT_LABEL_WORDS = 3
FEEDBACK_DETAIL = "a feedback question's answer buttons"
# Words shorter than this ("the", "und", "les") say nothing of a text's subject. A Korean
# syllable block holds a whole syllable: two make a name ("포항", "울산").
MIN_TOPIC_CHARS = 4
MIN_HANGUL_TOPIC_CHARS = 2
HANGUL_RE = regex.compile(r"\p{Hangul}")
# A word's first letters, which its forms share ("долина" / "долине", "osada" / "osadę"): what
# a standfirst and the paragraphs must share.
TOPIC_STEM_CHARS = 5
# Short lines between the text and a run of its data (features over specs) at most (as many
# as a run of link-like lines inside the text may hold: ``max_inner_run``), and the data
# lines the run must hold.
MAX_BRIDGE = 12
MIN_BRIDGED_DATA = 3
# Lines at most of a run of the article's structure that sit above the end of an article box
# and are not part of the run: the page's date over a share bar, a command over its code
# block's Copy button (the run starts under the box's end).
MAX_HEAD_OVER_STOP = 2
# Lines of data or entries above the text that make a box of the article's own facts.
MIN_RUN_ABOVE = 4
# Items of a list between two of its "Label: value" entries at most (a list's length).
MAX_BETWEEN_ENTRIES = 8
# Lines in a row each led by its date that make a timeline or a schedule below the text.
MIN_DATED_ENTRIES = 3
# The genders a job ad names anywhere in its title ("Anlagenmechaniker SHK (m/w/d) in Vollzeit",
# "Técnico (h/m)", "Magazynier (k/m)").
JOB_GENDERS_RE = regex.compile(r"\((?:[mwfdhvkx]\s?/\s?){1,3}[mwfdhvkx]\)", regex.IGNORECASE)
# A bracket closing a line ("(m/w/d)", "(A-L)"), short enough not to hold a sentence, and
# the end of a line it is looked for in.
QUALIFIER_RE = regex.compile(r"\s*\([^()]{1,40}\)$")
MAX_QUALIFIER_CHARS = 44
# Data lines between the headline and the text that make the lines there the article's, with
# a statement among them (opening hours, prices).
MIN_HEAD_DATA = 2
# Cards of plans or products: prices a nearly fixed distance apart (a card's lines, at least
# a name, a price and a feature, at most ``MAX_CARD_LINES``; one card lists up to
# ``MAX_CARD_SPREAD`` features more than another), this many at least.
MIN_PRICED_CARDS = 3
MIN_CARD_LINES = 3
MAX_CARD_LINES = 12
MAX_CARD_SPREAD = 3
# Lines under a job ad's headline within which a line names the job's terms ("Vollzeit,
# unbefristet"; vocabulary ``job_terms``): the lines between the headline and the text are
# the ad's facts (company, place, salary, terms) and its first section's heading.
MAX_JOB_FACTS_LINES = 6
# Other words on such a line at most (a place, a share of full time: "ab 75 %").
MAX_JOB_FACT_WORDS = 3
# Words of a headline at least that stays above its longer deck chosen as the headline.
MIN_DECK_HEADLINE_WORDS = 4
# A headline that is a quotation, wholly in quote marks, with no sentence's end before the
# closing mark (""밤에만 문을 여는 식물원, 결국은 외로운 사람들의 이야기였죠"", "„Wir bleiben hier“"):
# its closing mark reads as a sentence's end, so it looks like no link (see find).
QUOTED_HEADLINE_RE = regex.compile(r"[\"«„“‘‹「『][^\"«»„“”‘’‹›「」『』.!?。！？]{1,150}[\"»“”’›」』]")
# A first name alone signing a letter or a newsletter, perhaps after a dash: "Jonas", "— Priya".
FIRST_NAME_RE = regex.compile(r"([—–-]\s?)?\p{Lu}\p{Ll}{1,15}(?: x{1,3}| xoxo)?")  # group 1: the dash; a kiss after the name ("Margaret x")
# Words of an event's title at least over its subtitle chosen as the headline, the event's days
# under that (a kicker is one word: "Sonderausstellung").
MIN_SHORT_TITLE_WORDS = 2
# Words of the text a headline-like line must share to be the headline instead of a longer
# line that shares none.
MIN_SHARED_WORDS = 2
# Words of a deck at least: a line chosen as the title this long is the standfirst under the
# headline (see find).
MIN_DECK_WORDS = 12
# Words of an item of the text's list of names or figures between two of its paragraphs
# ("Antonella Gazzola", "8 ore di forno acceso").
MAX_LISTED_WORDS = 6
# A report's box of data between its headline and its text: its lines at most, and its
# "Label: value" lines in a row at least (see _box_under_headline).
MAX_DATA_BOX_LINES = 30
MIN_BOX_FACTS = 3
# A list of people under the text: its pairs of a name and a role under a heading at least,
# and a role's words at most (see _team_list).
MIN_TEAM_PAIRS = 2
MAX_ROLE_WORDS = 6
# Lines left between a news head's byline block and the part of the text under it (a "listen"
# button, a paywall's label: "Escuchar nota", "Abonnés").
MAX_HEAD_GAP_LINES = 1
# The first words of a line that may say a date ("17. Februar 2020"): a post's date line, no headline.
DATE_LEAD_WORDS = 3
# The agency's name in brackets closing a dateline, its characters at most (see _without_agency).
MAX_AGENCY_CHARS = 40
# A place and date in Czech and Slovak: "V Březové dne 11. 3. 2024", "Ve Zlíně dne ..."; a Thai
# notice's "announced on the day": "ประกาศ ณ วันที่ 1 เมษายน พ.ศ. 2567".
PLACE_DAY_RE = regex.compile(r"(?:V|Ve|Vo)\s+\p{Lu}[^,\d]{0,40}?\s(?:dne|dňa)\s+(?P<date>.+)$|(?:ประกาศ|สั่ง)\s*ณ\s*วันที่\s*(?P<date>.+)$")
# A label and a score out of 5, 10 or 100, or in stars, nothing else ("Unser Urteil: 8,5/10",
# "Valoració: ★★★★☆"; the label may name the site: "Điểm đánh giá của CôngNghệ24h: 8,2/10").
SCORE_LINE_RE = regex.compile(r"[^:：]{2,60}[:：]\s*(?:\d{1,3}(?:[.,]\d{1,2})?\s*/\s*(?:5|10|20|100)|[★☆✩✪⭐]{3,5})\s*")
# A link to a publication by its DOI after a label ("论文链接：https://doi.org/10.1002/adma.202412087",
# "Study: https://doi.org/10.1038/..."; a page's own "doi: 10.1038/..." has no link).
# Or the journal's name and the paper's DOI closing the line ("Journal reference: Global Change
# Biology, DOI: 10.1111/gcb.17342").
DOI_RE = regex.compile(r"[^:：]{1,40}[:：]\s*(?:https?://(?:dx\.)?doi\.org/10\.\d{4,9}/\S+|[^:：]{1,120}\bdoi[:：]?\s*10\.\d{4,9}/\S+\s*$)", regex.IGNORECASE)
# A life's span in years ("1936 – 2024", "1936-2024").
# A heading written in Markdown ("## Introduction"): a text's section, as a converter to
# Markdown writes it (sites write no "#" in their menus).
MARKDOWN_HEADING_RE = regex.compile(r"\s*#{1,6}\s+\S")
LIFE_YEARS_RE = regex.compile(r"\s*\d{4}\s?[–—-]\s?\d{4}\s*")
# A file offered for download ("Einladung als PDF", "Protokoll (DOCX)").
FILE_LINK_RE = regex.compile(r"(?i)\b(?:pdf|docx?|xlsx?|odt|ics)\b")
# Lines above the text's start a line naming its subject may sit, at most (its heading over a
# box of facts: "Burg Lindenfels (Saalbach)" / "Basisdaten").
MAX_TITLE_DEPTH = 2
# Characters a paragraph's opening may hold beyond its headline's (case, punctuation).
MAX_OPENING_SLACK = 8
# A line of a box of figures: led by a figure, then words ("214 gevolgde moederdieren",
# "82 procent correcte herkenning"; not an ordinal, "3. Liga Tabelle"), of a few words at most.
FIGURE_LED_RE = regex.compile(r"\s*\d+(?:[.,]\d+)*\s+\p{L}")
MAX_FIGURE_LINE_WORDS = 8
# Words of a figure on its own line over its label, at most ("148 milioni", "כ-2.7 מיליארד"),
# and of the label under it ("ovos consumidos por ano").
MAX_FIGURE_WORDS = 3
MAX_FIGURE_LABEL_WORDS = 6
# First letters of the counted word that tell one count from another ("Stern" / "Sterne").
COUNTED_CHARS = 4
# Lines over a review's credits under the text at most: the work's title and its author.
MAX_CREDITS_HEAD = 2
# Words of a value in a box's entry under the text at most (a name and a club), unless it
# holds a contact; a teaser's headline after its category is longer.
MAX_BOX_ENTRY_WORDS = 4
# Words of a fact box's label, at most ("Förväntad skörd i år: cirka 200 kilo").
MAX_FACT_LABEL_WORDS = 4
# Entries in a fact box at least (see lines.is_fact_entry).
MIN_FACTS = 3
# A forum post's number at the end of its line ("#3", "3 juillet 2023 #3"), and such
# numbers on a page at least, 1, 2, 3, ... in order, that make a thread (see
# BodyRegion._thread_posts).
POST_NUMBER_RE = regex.compile(r"(?:^|\s)#(\d{1,4})\s*$")
MIN_THREAD_POSTS = 3
# Paragraphs of a thread's post at least, when only its comment counter marks it (see
# BodyRegion._thread_posts).
MIN_POST_PARAGRAPHS = 2
# Items of a box of other stories at least, in one paragraph with its header, that let a blank
# line end the box (see BodyRegion._leaves_box).
MIN_BOXED_ITEMS = 2
# What ends a headline's first part, the rest its subtitle ("Kaiserschmarrn wie von der Oma –
# flaumig, ...", "Pad thai: the classic").
TITLE_PART_ENDS = ("-", "–", "—", ":", "|")
# A count, perhaps with its thousands' separators and its unit ("3,106", "1.2 万", "1.4k"):
# counters said the same way differ in it alone (and in spaces).
COUNT_RE = regex.compile(r"\d+(?:[.,]\d+)*(?:\s?[万萬亿億千]|[kKwW](?!\p{L}))?|\s+")
# A section's or an item's number at the start of its line ("5. How did we get here?", "1) ...").
SECTION_NUMBER_RE = regex.compile(r"^\s*(\d{1,2})[.)]\s+\S")
# Lines above a box of other stories looked through for the text's last numbered heading.
MAX_SECTION_GAP = 12
# A clock time's hours and minutes (in a line that CLOCK_LED_RE finds led by one).
CLOCK_VALUE_RE = regex.compile(r"(\d{1,2})\s?[:h.]\s?(\d{2})")
# Lines at most between the text's last line and a press release's end mark (its media
# contacts and the issuer's boilerplate).
MAX_RELEASE_TAIL = 15
# Headings over paragraphs of two sentences or more under a list of other stories, at least:
# the article's sections go on there (see _sections_after).
MIN_SECTIONS_AFTER = 2
# A line that exclaims ("... like a diamond!"), its closing quotes aside.
EXCLAMATION_END_RE = regex.compile(r"[!！](?:\s?[\"'”’»)])*\s*$")
# "Label: value" lines right over an event's or a product's buttons that make its facts, at least.
MIN_FACTS_OVER_BUTTONS = 2
# Lines under a book's page count that stay with its card (its ISBN, its price), at most.
MAX_CARD_TAIL = 2
ISBN_RE = regex.compile(r"\bISBN\b")
# Words of a sentence that introduces a list between the lead and the text ("Bitte bringen
# Sie mit:"); "Fixtures for:" over leagues is a menu's label.
MIN_INTRO_WORDS = 3
# Headlines in a box of other stories set into the text, the line under them included: a
# longer list is a sidebar's or a menu's, no teaser box the text resumes under.
MAX_SET_IN_BOX = 6
# Statements closed by a full stop in a row under a header of other stories that make it no
# box of them: the text goes on (see BodyRegion._statements_under).
MIN_STATEMENTS_UNDER = 3
# Words of a heading over a list below the last paragraph that says what the list holds, at
# least: a statement may end the list in a text without blank lines (see _heads_sections).
MIN_LIST_HEADING_WORDS = 3
# A question's or an appeal's mark anywhere in a line.
ASKS_RE = regex.compile(r"[?？؟!！]")
# Letters of a word closed by a point that may be an abbreviation, at most ("kr.", "Nr.").
MAX_ABBREVIATION_CHARS = 2
# Headings that lead with the same words over sections compared item by item (see
# BodyRegion._parallel_sections): the words they share, and their length at most.
MIN_PARALLEL_WORDS = 2
MAX_PARALLEL_HEADING_WORDS = 6
# Short lines between the lead and the text that lead as the text's own short lines do, at
# least, that make them the first section's headings (see BodyRegion._echoes_text_headings).
MIN_ECHOED_HEADINGS = 2
# ... compared with this many places of the text at most, this many lines in a row at most
# (a section's headings are few; a page of thousands of alike lines stays linear).
MAX_ECHO_PLACES, MAX_ECHO_LINES = 16, 8
# A site's menu on one line (see _is_menu): its cells, at least, and their words, at most.
MIN_MENU_CELLS = 4
MAX_MENU_CELL_WORDS = 3
# Commas a date leading a line may hold ("Donnerstag, 7. November, 19.30 Uhr, ...").
MAX_DATE_COMMAS = 3
# Characters before the colon of an editor's note or a correction (see BodyRegion._notes).
MAX_NOTE_HEAD_CHARS = 60
# A line led by a Chinese, Japanese or Korean date ("6월 21∼22일 부산 아시아드 주경기장",
# "11月5日（火）始発から"): a schedule's entry, however many words follow.
CJK_DATE_LED_RE = regex.compile(r"\s*\d{1,2}\s?[月월]\s?\d{1,2}")
# Questions over paragraphs on a page that make it an interview (see BodyRegion._resumes_under).
MIN_INTERVIEW_QUESTIONS = 3
# Items of a list that answers the line above it ("What should I bring?" / "Beach towels" /
# ...), at most.
MAX_ANSWER_ITEMS = 10
# A run of short lines closed by a statement below the text: its lines at most, and the
# words of its items at the median.
MAX_CLOSED_RUN = 30
MAX_ITEM_WORDS = 4
# Lines above a run of short lines where small tables covering it may start (their heading
# and a header cell that reads as a sentence: "Pos.").
MAX_TABLE_HEAD_LINES = 2


# Removed lines that mark the end of an article box (ads and captions sit inside articles).
BOUNDARY_REASONS = reasons.BOUNDARY


class BodyRegion(BlockFilter):
    """Remove short non-sentence lines outside the region of prose paragraphs.

    Args:
        min_prose_words: a block with this many words and a sentence end is prose.
        long_words: a block with this many words is prose whatever its ending.
        max_short_words: lines up to this many words without a sentence end are link-like.
        min_gap: this many link-like lines in a row split the page into separate regions;
            regions with less than ``min_region_share`` of the largest one's prose are
            not the article.
        keep_title: keep the most headline-like line before the body.
        max_inner_run: a run of more link-like lines than this between two kept parts of
            the text is a link box (reason ``link_list``); ``None`` keeps such runs.
        min_bar_items, max_bar_item_words: a line of at least this many items of at most
            this many words between spaced bars or bullets ("Home | News | Sport") is a
            link bar: link-like, never prose, however long.
        min_share_bar: this many share buttons within as many lines are a share bar, and a
            share bar or a comment counter (removed by the interface filter) separates
            regions; ``None``: only comment counters do.
        min_lead_words: the page's first region, above the main one with nothing but
            crumbs of prose (each under this many words) in between, with this many words of
            prose is the article's lead: kept, and the links and crumbs under it removed.
        max_tail_headings: below the last paragraph, up to this many link-like lines in a
            row are a subheading when the article's own sentences or list items follow
            (two such lines in all under the subheadings); 0: the text ends at the first
            link-like line under the last paragraph.
        min_prose_above_comments, min_share_above_comments: a readers' comments header
            cuts the tail when at least this many words (and this share of all prose) of
            the kept text lie above it.

    >>> text = "Home\\nSport\\nChelsea hoping to sign Anelka\\n" + "Chelsea are hoping to complete the signing of the striker this week, the club said.\\n" * 2 + "More articles\\nFAI unveils schedule"
    >>> [(r.block.text, r.reason) for r in BodyRegion().find(Document.from_text(text))]
    [('Home', 'before_body'), ('Sport', 'before_body'), ('More articles', 'after_body'), ('FAI unveils schedule', 'after_body')]
    """

    name = "body_region"
    reasons = frozenset({reasons.BEFORE_BODY, reasons.AFTER_BODY, reasons.LINK_LIST})

    def __init__(
        self,
        *,
        min_prose_words: int = 10,
        long_words: int = 25,
        max_short_words: int = 15,
        min_gap: int | None = 4,
        keep_title: bool = True,
        min_region_share: float = 0.2,
        min_strong_share: float = 0.35,
        drop_outside_prose: bool = True,
        min_standfirst_words: int | None = 8,
        related_sections: bool = True,
        max_teaser_words: int = 45,
        max_related_share: float = 0.3,
        min_prose_above_comments: float = 80,
        min_share_above_comments: float = 0.3,
        max_inner_run: int | None = 12,
        min_bar_items: int = 4,
        max_bar_item_words: int = 12,
        min_share_bar: int | None = 3,
        min_lead_words: float = 20,
        min_long_words: float | None = 40,
        max_tail_headings: int = 2,
        structure: bool | tuple[str, ...] = True,
        vocabulary: Vocabulary | None = None,
        lines: Lines | None = None,
    ) -> None:
        super().__init__(vocabulary=vocabulary, lines=lines)
        self.structure = structure
        self.related_sections = related_sections
        self.min_strong_share = min_strong_share
        self.max_teaser_words = max_teaser_words
        self.max_related_share = max_related_share
        self.min_prose_above_comments = min_prose_above_comments
        self.min_share_above_comments = min_share_above_comments
        self.max_inner_run = max_inner_run
        self.min_bar_items = min_bar_items
        self.min_share_bar = min_share_bar
        self.min_lead_words = min_lead_words
        self.min_long_words = min_long_words
        self.max_tail_headings = max_tail_headings
        self.max_bar_item_words = max_bar_item_words
        self.min_standfirst_words = min_standfirst_words if min_standfirst_words is not None else 10**9
        self.drop_outside_prose = drop_outside_prose
        self.min_region_share = min_region_share
        self.min_prose_words = min_prose_words
        self.long_words = long_words
        self.max_short_words = max_short_words
        self.min_gap = min_gap
        self.keep_title = keep_title
        # Reads the promo filter's answer about a lead-in (remembered in ``lines``).
        self._promos = RelatedPromos(vocabulary=self.vocabulary, lines=self.lines)
        self._share_words = self.vocabulary.literals("share_words")

    def is_prose(self, text: str) -> bool:
        line = self.lines(text)
        # A sentence that ends in a colon introduces what follows ("Da läuft gerade ein
        # spannendes ... zum Thema:"): prose too.
        if self.is_link_bar(text):
            return False
        if line.sentence_end:
            return line.size >= self.min_prose_words
        # A programme's entry led by its time is a row of the programme, however long
        # ("18:00 San Martino, messa prefestiva per i defunti della famiglia Rossi").
        return (line.size >= self.long_words and not is_timed_entry(line)) or (line.size >= self.min_prose_words and INTRO_END_RE.search(text) is not None)

    def _shape(self, text: str) -> tuple[bool, bool]:
        """``(is_prose(text), is_short(text))``, remembered per line."""
        question = ("body_shape", self.min_prose_words, self.long_words, self.max_short_words, self.min_bar_items, self.max_bar_item_words)
        result: tuple[bool, bool] = self.lines.answer(question, text, lambda: (self.is_prose(text), self.is_short(text)))
        return result

    def is_link_bar(self, text: str) -> bool:
        """A row of at least ``min_bar_items`` short items between spaced bars or bullets,
        however long the row: a menu or a strip of headlines, not a paragraph."""
        if len(BAR_SEPARATOR_RE.findall(text)) < self.min_bar_items - 1:
            return False
        return max(size(item) for item in BAR_SEPARATOR_RE.split(text)) <= self.max_bar_item_words

    def is_short(self, text: str) -> bool:
        """Link-like: a short line without a sentence end, marker or colon; a separator
        without words ("___", "* * *") or a command ("sudo usermod -aG docker $USER") is not
        a link."""
        if WORDLESS_RE.match(text):
            return False
        line = self.lines(text)
        return self.is_link_bar(text) or (
            line.size <= self.max_short_words
            and not line.sentence_end
            and not SIGNED_END_RE.search(text)
            and not LIST_ITEM_RE.match(text)
            and not INTRO_END_RE.search(text)
            and not CODE_RE.search(text)  # a command or a line of code is never a link
            and not text.rstrip().endswith((",", "，", "、"))  # a salutation: "Caro direttore,"
        )

    def _regions(
        self,
        blocks: tuple[Block, ...],
        prose: list[bool],
        short: list[bool],
        walls: Sequence[int] = (),
        datelines: Sequence[int] = (),
    ) -> list[tuple[int, int]]:
        """Runs of blocks separated by ``min_gap`` or more link-like lines, or by a wall (the
        original position of a removed comment counter or share bar), trimmed to prose.
        Removed date lines ("2 hours ago" under a teaser) still count as link-like lines."""
        regions: list[tuple[int, int]] = []
        start: int | None = None
        last_prose: int | None = None
        gap = 0
        for i in range(len(blocks)):
            if crosses_removed(walls, blocks, i):
                if start is not None and last_prose is not None:
                    regions.append((start, last_prose))
                start = last_prose = None
                gap = 0
            if i and datelines and start is not None and last_prose is not None:
                gap += bisect_right(datelines, blocks[i].index) - bisect_right(datelines, blocks[i - 1].index)
                if self.min_gap is not None and gap >= self.min_gap:
                    regions.append((start, last_prose))
                    start = last_prose = None
            if prose[i]:
                if start is None:
                    start = i
                last_prose = i
                gap = 0
            elif short[i]:
                gap += 1
                if self.min_gap is not None and gap >= self.min_gap and start is not None and last_prose is not None:
                    regions.append((start, last_prose))
                    start = last_prose = None
            else:
                gap = 0
        if start is not None and last_prose is not None:
            regions.append((start, last_prose))
        return regions

    @staticmethod
    def _continues_entries(blocks: tuple[Block, ...], i: int) -> bool:
        """A "Label: items" line under another one continues the article's list of entries
        ("Kyushu: Fukuoka, Saga" under "Kumamoto: Aso, Yatsushiro")."""
        return i > 0 and bool(LABELLED_RE.match(blocks[i].text)) and bool(LABELLED_RE.match(blocks[i - 1].text))

    def _dated_between(self, doc: Document, prose: Sequence[bool], short: Sequence[bool], stops: Sequence[int]) -> tuple[list[int], list[int]]:
        """Short lines led by their date (:meth:`lines.Shapes.is_dated_entry`),
        ``MIN_DATED_ENTRIES`` or more with at most one other short line between two (a button
        under each: "Tickets"), that a paragraph of the text closes below, under a paragraph
        above, with no removed lead-in of other stories or end of the article box from the
        first paragraph above to the one below, nor a header of other stories, removed or not:
        a tour's or a programme's dates. Dated headlines of other stories stand under a header
        or a lead-in ("Weitere Meldungen" / "03.03.2026 – Neue Kita ..." / "Mehr" / ...).
        Also returns the buttons between them (see :meth:`_schedule_buttons`)."""
        blocks = doc.blocks
        dated = self.lines.shapes.is_dated_entry
        n = len(blocks)
        headers: list[int] | None = None  # the headers of other stories, by original position
        found: list[int] = []
        buttons: list[int] = []
        i = 0
        while i < n:
            if prose[i] or not short[i] or not dated(blocks[i].text):
                i += 1
                continue
            run = [i]
            k = i + 1
            while k < n and not prose[k] and k - run[-1] <= 2:
                if short[k] and dated(blocks[k].text):
                    run.append(k)
                elif not short[k]:
                    break
                k += 1
            above = next((a for a in range(run[0] - 1, -1, -1) if prose[a]), None)
            below = next((b for b in range(run[-1] + 1, n) if prose[b] or not short[b]), None)
            if (
                len(run) >= MIN_DATED_ENTRIES
                and above is not None
                and below is not None
                and prose[below]
                and not any(crosses_removed(stops, blocks, m) for m in range(above + 1, below + 1))
            ):
                if headers is None:
                    headers = sorted(self._related_headers(doc))
                if not any(blocks[above].index < h < blocks[run[0]].index for h in headers):
                    found.extend(run)
                    # (Its button under the last entry too.)
                    buttons.extend(self._schedule_buttons(blocks, run[0], min(n, run[-1] + 2)) or ())
            i = run[-1] + 1
        return found, buttons

    def _dated_entries(self, blocks: tuple[Block, ...], i: int, limit: int, ends: Sequence[int]) -> bool:
        """Line ``i`` is one of ``MIN_DATED_ENTRIES`` lines or more in a row each led by its date
        (:meth:`lines.Shapes.is_dated_entry`; two of them at least, the others may name their
        time in words: :meth:`lines.Shapes.dates_in_words`), or the heading right above them: a
        timeline or a schedule of the article ("Tidsplan" / "Efterår 2024: Udbud af
        anlægsarbejdet" / "Foråret 2025: Byggeriet går i gang" / "Sommeren 2026: Broen åbner";
        "Principais datas" / "13 de maio: ..." / "17 de junho: ..." / "Final de julho: ...");
        not across the end of the article box."""
        shapes = self.lines.shapes

        def dated(k: int) -> int:  # 2: led by its date, 1: its time in words, 0: neither
            text = blocks[k].text
            return 2 if shapes.is_dated_entry(text) else int(shapes.dates_in_words(text))

        start = i + 1 if is_heading(blocks[i].text) and not dated(i) else i
        if start == i and not dated(i):
            return False
        begin = start
        if start == i:
            while begin > 0 and i - begin < MAX_CLOSED_RUN and not crosses_removed(ends, blocks, begin) and dated(begin - 1):
                begin -= 1
        end = start
        while end < limit and end - begin < MAX_CLOSED_RUN and not crosses_removed(ends, blocks, end) and dated(end):
            end += 1
        return end - begin >= MIN_DATED_ENTRIES and sum(dated(k) == 2 for k in range(begin, end)) >= 2

    def _headed_table(self, blocks: tuple[Block, ...], i: int, limit: int, ends: Sequence[int]) -> int | None:
        """Where a small table that starts at line ``i`` ends (its header row and rows, or
        cards: :meth:`lines.Shapes.headed_table`), not across the end of the article box; or
        None."""
        end = next((k for k in range(i, min(limit, i + MAX_HEADED_LINES)) if crosses_removed(ends, blocks, k)), limit)
        found = self.lines.shapes.headed_table([b.text for b in blocks[i:end]], 0, end - i)
        return i + found if found is not None else None

    @staticmethod
    def _opens_entries(blocks: tuple[Block, ...], short: list[bool], i: int, limit: int) -> bool:
        """Right under a line of the text, a "Label: value" entry that holds a figure with
        another entry under it opens the article's entries ("... lädt der Bürgermeister ein." /
        "Termin: Donnerstag, 13. März 2025, 19:30 Uhr" / "Ort: Festhalle, Schulstraße 4")."""
        return 0 < i < limit - 1 and not short[i - 1] and _is_figures_entry(blocks[i].text) and LABELLED_RE.match(blocks[i + 1].text) is not None

    def _between_entries(
        self, blocks: tuple[Block, ...], short: list[bool], i: int, limit: int, ends: Sequence[int], in_runs: Collection[int]
    ) -> bool:
        """Lines between two "Label: value" entries of the article's list are its items
        ("Schlafzimmer 2: zwei Einzelbetten" / "Duschbad mit WC" / "WLAN kostenlos" /
        "Haustiere: nicht erlaubt"): at most ``MAX_BETWEEN_ENTRIES`` of them, no paragraph, no
        header of other stories or comments and no end of the article box among them."""
        if not short[i]:
            return False
        above = next((k for k in range(i - 1, max(-1, i - MAX_BETWEEN_ENTRIES - 1), -1) if LABELLED_RE.match(blocks[k].text) or self._shape(blocks[k].text)[0]), None)
        if above is None or above not in in_runs or not LABELLED_RE.match(blocks[above].text):
            return False
        shapes = self.lines.shapes
        for k in range(i, min(limit, above + MAX_BETWEEN_ENTRIES + 2)):
            if crosses_removed(ends, blocks, k):
                return False
            text = blocks[k].text
            if LABELLED_RE.match(text):
                # The closing entry is a fact ("Haustiere: nicht erlaubt"), not a teaser's
                # category and headline ("Videos: Die Highlights des Spieltags").
                return k > above + 1 and is_fact_entry(text)
            if self._shape(text)[0] or shapes.is_related_header(text) or shapes.is_comment_header(text):
                return False
        return False

    def _heads_sections(
        self,
        blocks: tuple[Block, ...],
        short: list[bool],
        i: int,
        limit: int,
        ends: Sequence[int],
        text: int,
        structured: Collection[int] = (),
        listed: set[int] | None = None,
    ) -> bool:
        """Subheadings below the last paragraph that head sections of the article: each a
        subheading (at most ``max_tail_headings`` link-like lines) over the article's own
        text (statements, list items, questions with them, ``structured`` lines: data,
        entries, a table: "Harlingen → Terschelling" / "Veerboot: 08.30, 11.30"), with no end of the article box or lead-in of other
        stories ("Mehr zum Thema:") between, and the sections (with the ``text`` lines of
        those already kept above) hold two such lines in all ("Fazit" / "Ein gutes Auto mit
        kleinen Schwächen." / "Für Familien die bessere Wahl."). A section may be a list in the
        heading's paragraph of the input (see :meth:`_paragraph_list`; its lines go into
        ``listed``) and the text may go on under it without a heading. One line under a heading
        and then links or the end of the article box is a page's appeal ("Jetzt teilen!"),
        not a section."""
        k = i
        lists: list[range] = []  # the sections' lists read above
        opens_tail = text == 0 and i > 0 and not short[i - 1] and blocks[i].index == blocks[i - 1].index + 1  # right under the last paragraph
        for _ in range(MAX_SECTIONS):
            j = k
            while j < limit and short[j] and j not in structured and j - k < self.max_tail_headings:
                # A header of other stories or comments heads no section of the article, and
                # a heading does not run on past a lead-in of other stories.
                if self.lines.shapes.is_related_header(blocks[j].text) or self.lines.shapes.is_comment_header(blocks[j].text):
                    return False
                if j > k and crosses_removed(ends, blocks, j):
                    return False
                j += 1
            if j > k and j < limit and short[j] and j not in structured:
                # A list under the subheading, its items short lines of the heading's paragraph
                # of the input ("Unsere Leistungen" / "Hautkrebs-Screening" / ... / a blank
                # line): the section's lines, text only with more text below. In a text without
                # blank lines a statement may end it, under a heading that says what the list
                # holds ("What the law required" / "Age verification for all account holders" /
                # ... / "The panel left in place ..."), not a label or a box's name ("Politics",
                # "More TechCrunch").
                # (A heading of words, no question or appeal: "Tried this recipe? Share your photo".)
                said = (
                    size(blocks[k].text) >= MIN_LIST_HEADING_WORDS
                    and is_heading(blocks[k].text)
                    and ASKS_RE.search(blocks[k].text) is None
                    and not self.lines.is_phrase("section_labels", self.lines(blocks[k].text))
                )
                items = self._paragraph_list(blocks, short, k, limit, ends, prose_ends=said)
                if items is not None:
                    lists.append(range(k, items))
                    k = items
                    continue
            m = found = j
            while m < limit and (not short[m] or m in structured) and not crosses_removed(ends, blocks, m):
                if m in structured or self._is_text(blocks[m].text) or CODE_RE.search(blocks[m].text):
                    found += 1
                elif (
                    QUESTION_END_RE.search(blocks[m].text) is None
                    and not (INTRO_END_RE.search(blocks[m].text) and (m + 1 in structured or m + 2 in structured))
                    and not self.lines.shapes.is_list_heading(blocks[m].text)
                ):
                    # A question goes on to its answer, and a line that introduces the
                    # article's data to the data, one line below it or two ("Options can also
                    # be set in ~/.config/logshrink.toml:" / "[defaults]" / "max_age = 14d"),
                    # and a list's heading to its items ("Sources" / "1. ...").
                    break
                m += 1
            # Questions alone under a heading are teaser headlines, unless answers follow
            # (under the next heading: a speaker's name in a transcript). Under a list of the
            # article's (see _paragraph_list) its text may go on without a heading.
            if (j == k and not lists) or m == j or crosses_removed(ends, blocks, j):
                return False
            text += m - j if found > j else 0
            # Two lines of text, or one statement of a sentence's length under one subheading
            # ("Conservazione" / "Il risotto si conserva in frigorifero per un giorno."): a tip
            # or a note of the article; an appeal exclaims ("Jetzt teilen!") or asks. Or one
            # command ("Logs ansehen" / "journalctl -u backup.service").
            # A list under its heading right under the last paragraph, and a statement of the
            # text under the list, count as two.
            note = blocks[j].text
            if text >= 2 or (lists and found > j and lists[-1].stop == j and lists[0].start == i and opens_tail) or (
                text == 1 and j - k == 1 and m - j == 1 and ((FULL_STOP_END_RE.search(note) and self.lines(note).words >= MIN_NOTE_WORDS) or CODE_RE.search(note))
            ):
                if listed is not None:
                    listed.update(n for run in lists for n in run)  # the lists stay with them
                return True
            k = m
        return False

    def _paragraph_list(self, blocks: tuple[Block, ...], short: list[bool], k: int, limit: int, ends: Sequence[int], *, cut: bool = False, prose_ends: bool = False) -> int | None:
        """Where a list ends that heading ``k`` stands over: ``MIN_CLOSING_ITEMS`` to
        ``MAX_CLOSED_RUN`` short lines or items without a full stop under it, next to each
        other in the input and in its paragraph (a blank line ends the list; with ``cut``, so
        does a line removed under it, as in a text without blank lines; with ``prose_ends``, in
        a text without blank lines, so does a statement closed by a full stop), no end of the
        article box between; else None."""
        m = k + 1
        while (
            m < limit
            and (short[m] or (len(blocks[m].text) <= MAX_DATA_CHARS and not FULL_STOP_END_RE.search(blocks[m].text)))
            and blocks[m].paragraph == blocks[k].paragraph
            and blocks[m].index == blocks[m - 1].index + 1
            and not crosses_removed(ends, blocks, m)
        ):
            m += 1
        if not MIN_CLOSING_ITEMS <= m - k - 1 <= MAX_CLOSED_RUN:
            return None
        if m < limit and blocks[m].paragraph == blocks[k].paragraph:
            removed_under = cut and (blocks[m].index != blocks[m - 1].index + 1 or crosses_removed(ends, blocks, m))
            flat = blocks[0].paragraph == blocks[-1].paragraph
            # (No header of other stories or comments among the items: a box's name over its
            # headlines and a teaser's sentence.)
            stated = (
                prose_ends
                and flat
                and not short[m]
                and FULL_STOP_END_RE.search(blocks[m].text) is not None
                and not any(self.lines.shapes._opens_other_stories(blocks[n].text) for n in range(k + 1, m))
            )
            if not (removed_under or stated):
                return None
        return m

    def _leads_to_data(
        self,
        blocks: tuple[Block, ...],
        short: list[bool],
        i: int,
        limit: int,
        stops: Sequence[int],
        structured: Collection[int],
        in_runs: Collection[int],
    ) -> bool:
        """Line ``i`` is one of a few short lines between the text and a run of the article's
        own data below it (``MIN_BRIDGED_DATA`` lines or more of data in words: specs, prices;
        or of its list under a list heading of the vocabulary, "Fakten" / "Aktive Mitglieder:
        rund 380" / ...):
        a product's features between its description and its specs. Not across a header
        of other stories or comments, a line of text (only lines of the article's lists,
        tables and entries: ``in_runs``), the end of the article box or a lead-in of other
        stories; a date that counts back from now ("1 hr ago 2 mins read") is a teaser's."""
        if not structured and not in_runs:
            return False
        shapes = self.lines.shapes
        for m in range(i, min(limit, i + MAX_BRIDGE + 1)):
            if m > i and crosses_removed(stops, blocks, m):
                return False
            # (Or the article's list under a list heading of the vocabulary: "Fakten" over
            # "Aktive Mitglieder: rund 380" / ...; a widget of rates has no such heading.)
            # (An appeal between asks or exclaims: "Vous cherchez un hébergement ? Comparez
            # ..." over "Où manger" is the page's line over the text's lists.)
            headed = (
                m not in structured
                and m in in_runs
                and shapes.is_list_heading(blocks[m].text)
                and not shapes.is_related_header(blocks[m].text)  # ("Les plus populaires": a ranking of other stories)
                and not any(APPEAL_MARK_RE.search(blocks[k].text) for k in range(i, m))
            )
            if m in structured or headed:
                data = 0
                while m < limit and (m in structured or not short[m]) and not (data and crosses_removed(stops, blocks, m)):
                    # Data in words ("Poids : 1,1 kg", "Suite – 35 m², ..."), not bare cells
                    # ("5.46%"): a widget of rates or prices under a story is a table of those.
                    text = blocks[m].text
                    # (Words as read in a script without spaces too: "2K光追性能出色".)
                    data += (m in structured or (headed and m in in_runs)) and self.lines(text).size >= 2 and not shapes.is_relative_date(text)
                    m += 1
                return data >= MIN_BRIDGED_DATA
            text = blocks[m].text
            # (A figure's line right under the heading, right over the data, bridges too: a
            # team's total over its scorecard, "Scorecard" / "Titans 196/5 (20 overs)" / "Batter
            # | R | B | 4s | 6s" / ...)
            figure = m == i + 1 and m + 1 in structured and DIGIT_RE.search(text) is not None and size(text) <= MAX_SECTION_HEADING_WORDS + 1 and STATEMENT_END_RE.search(text) is None
            if (not short[m] and m not in in_runs and not figure) or shapes.is_related_header(text) or shapes.is_comment_header(text):
                return False
        return False

    def _structure_above(
        self, blocks: tuple[Block, ...], short: list[bool], end: int, stops: Sequence[int], tabled: Collection[int]
    ) -> int | None:
        """Where a run of the article's own data or entries above line ``end`` starts
        (``tabled``; ``MIN_RUN_ABOVE`` lines at least: a book's "Verlag:" / "Seiten:" box, a
        listing's facts, a job's location and salary), with only a few short lines between
        (``MAX_BRIDGE``: a caption, a subheading over the text); None if there is none. Not
        across the end of an article box or a header of other stories or comments."""
        shapes = self.lines.shapes
        for m in range(end - 1, max(-1, end - 2 - MAX_BRIDGE), -1):
            if crosses_removed(stops, blocks, m + 1):
                return None
            if m in tabled:
                k = m
                while k >= 0 and (k in tabled or not short[k]) and not crosses_removed(stops, blocks, k + 1):
                    k -= 1
                return k + 1 if m - k >= MIN_RUN_ABOVE else None
            text = blocks[m].text
            if shapes.is_related_header(text) or shapes.is_comment_header(text):
                return None
        return None

    def _signs_off(self, blocks: tuple[Block, ...], i: int) -> bool:
        """A letter's closing formula ("Mit freundlichen Grüßen", "Kind regards"; vocabulary
        ``closing_formulas``) or one of the short lines under it that sign the letter (a name
        and a role); or a line signed with the name (``signed_lines``: "gez. Thomas Lechner")
        and the role under it; or a name and the office it signs with, the one or the other
        ("Thomas Kienzle" / "Bürgermeister", "Ingrid Sjöberg, ordförande", and the office
        that issues a notice over them: :meth:`lines.Shapes.opens_signature`)."""
        shapes = self.lines.shapes
        near = [b.text for b in blocks[max(0, i - 1) : i + 3]]
        if (i > 0 and shapes.signs_with_role(near, 0)) or shapes.opens_signature(near, min(i, 1), dated=i > 0 and self._place_date(near[0])):
            return True
        # The office over the name, right under the text ("Dyrektor szkoły" / "mgr Joanna
        # Kowalczyk"): either line.
        if (i > 0 and shapes.signs_under_office(near, 1)) or (i > 1 and shapes.signs_under_office([b.text for b in blocks[i - 2 : i + 1]], 1)):
            return True
        # The office alone under the letter's place and date ("Erlenstadt, den 14. März 2023" /
        # "Der Vorstand").
        if i > 0 and self._short_phrase("signature_roles", blocks[i].text) and self._place_date(blocks[i - 1].text):
            return True
        # The office alone right under the text's last sentence, the page's other lines under it
        # gone ("Tüm öğrencilerimize başarılar dileriz." / "Okul Müdürlüğü" / a share bar).
        if (
            0 < i
            and blocks[i].index == blocks[i - 1].index + 1
            and (i + 1 == len(blocks) or blocks[i + 1].index > blocks[i].index + 1)
            and self._short_phrase("signature_roles", blocks[i].text)
            and self.lines(blocks[i - 1].text).sentence_end
        ):
            return True
        # The writer's first name alone right under a closing greeting, or after a dash right
        # under the text's last sentence, the page's other lines under it gone: a newsletter
        # or a letter signed ("Buona estate," / "Giulia" / a subscription prompt; "That's it.
        # Go outside, it's June." / "— Priya"; "Happy knitting," / "Margaret x").
        # Or under a closing wish ("Bon appétit et à jeudi prochain !" / "Claire"); or after the
        # closing formula on its line ("Kram, Elin"; vocabulary ``closing_formulas``).
        text = blocks[i].text.strip()
        formula, comma, after = text.rpartition(",")
        formula_led = bool(comma) and FIRST_NAME_RE.fullmatch(text) is None and self._short_phrase("closing_formulas", formula)
        name = FIRST_NAME_RE.fullmatch(after.strip() if formula_led else text)
        if (
            name is not None
            and 0 < i
            and blocks[i].index == blocks[i - 1].index + 1
            and (i + 1 == len(blocks) or blocks[i + 1].index > blocks[i].index + 1)
            and (
                formula_led
                or (name.group(1) and self.lines(blocks[i - 1].text).sentence_end)
                or blocks[i - 1].text.rstrip().endswith((",", "!"))
            )
        ):
            return True
        if shapes.signs_again([b.text for b in blocks[max(0, i - MAX_SIGNERS) : i + 1]], min(i, MAX_SIGNERS)):
            return True
        # The name under its office closed by a comma ("Primar," / "Vasile Someșan").
        if i > 0 and blocks[i - 1].text.rstrip().endswith(",") and self._short_phrase("signature_roles", blocks[i - 1].text.rstrip().rstrip(",")) and names_person(blocks[i].text):
            return True
        # A signature led by the reader's possessive ("Ihre Familie Jensen", "Your hosts, Mary
        # and Paul"; vocabulary ``signoffs``) signs alone: the line under it is judged on its own.
        if self._short_phrase("signoffs", blocks[i].text):
            return True
        # A row of cells under the signers is the page's footer ("Privacy | Cookies"), unless
        # its cells are the names of those who sign under their office ("Der Vorstand" /
        # "Sabine Everding | Dr. Martin Kleineberg").
        # Or, under the place and date, each cell a name and the office it signs with
        # ("Wiesental am See, 25. April 2024" / "Claudia Herrmann, Erste Bürgermeisterin | Lisa
        # Brenner, Schriftführerin": the minutes' signers).
        if _is_row(blocks[i].text):
            cells = [cell.strip() for cell in blocks[i].text.split("|")]
            if i > 0 and self._short_phrase("signature_roles", blocks[i - 1].text) and all(names_person(cell) for cell in cells):
                return True
            return i > 0 and self._place_date(blocks[i - 1].text) and self.lines.shapes.signs_in_row(blocks[i].text)
        for k in range(i, max(-1, i - MAX_SIGNATURE_LINES - 1), -1):
            # The line right under the closing formula may name the signers at more length
            # ("Herzliche Grüße" / "Sabine Roth und das ganze Team der Kita Sonnenblume").
            if k < i and size(blocks[k + 1].text) > (MAX_SIGNERS_WORDS if k == i - 1 and not ends_sentence(blocks[i].text) else MAX_SIGNATURE_WORDS):
                return False
            text = blocks[k].text
            if len(text) > 80:
                continue
            line = self.lines(text)
            if self.lines.is_phrase("closing_formulas", line) or (k == i and (self._closes_signed(line.folded) or self._signed_after_dash(text))):
                return True
            # A line that signs with the name ("gez. Thomas Lechner") has only the role under it.
            if i - k < MAX_SIGNATURE_LINES and self.lines.is_phrase("signed_lines", line):
                return True
        return False

    def _closes_signed(self, folded: str) -> bool:
        """A closing formula and the signature after a comma on one line ("Herzliche Grüße,
        Ihr Kita-Team und Ihre Kita-Leitung Birgit Hansen"; vocabulary ``closing_formulas``)."""
        if "," not in folded:
            return False
        end = self.vocabulary.prefix("closing_formulas", folded)
        if end is None:
            return False
        rest = folded[end:]
        return rest.lstrip().startswith(",") and 0 < size(rest) <= MAX_ONE_LINE_SIGNATURE_WORDS

    def _slips(self, blocks: tuple[Block, ...], start: int, limit: int, stops: Sequence[int]) -> set[int]:
        """A slip to fill in and return under the text: ``MIN_SLIP_FIELDS`` lines or more with
        blanks or boxes to fill (``FILL_IN_RE``: "Name des Kindes: ________", "☐ ja ☐ nein")
        within ``MAX_SLIP_LINES`` lines, no end of the article box or lead-in of other stories
        between, with the lines between them and the one right above the first (its heading:
        "Rückmeldeabschnitt – bitte bis 21. März abgeben"). Their positions."""
        fields = [k for k in range(start, limit) if FILL_IN_RE.search(blocks[k].text)]
        found: set[int] = set()
        g = 0
        while g < len(fields):
            h = g
            while h + 1 < len(fields) and fields[h + 1] - fields[g] < MAX_SLIP_LINES and not any(crosses_removed(stops, blocks, k) for k in range(fields[h] + 1, fields[h + 1] + 1)):
                h += 1
            if h - g + 1 >= MIN_SLIP_FIELDS:
                top = fields[g] - 1 if fields[g] - 1 >= start and not crosses_removed(stops, blocks, fields[g]) else fields[g]
                found.update(range(top, fields[h] + 1))
            g = h + 1
        return found

    def _closing_list(self, blocks: tuple[Block, ...], short: list[bool], i: int, limit: int, lead_ins: Sequence[int], sectioned: bool = False) -> range:
        """Right under the last paragraph, a heading (no header of other stories or comments)
        over ``MIN_CLOSING_ITEMS`` to ``MAX_CLOSING_ITEMS`` short items of
        ``MIN_SECTION_ITEM_WORDS`` words or more that run to a lead-in of other stories
        (``lead_ins``: "Kebutuhan mendesak di posko" / "Masker N95 dan masker medis" / ... /
        "Baca juga: ..."): the article's closing list, its lines (an empty range if there is
        none). Not lines that run to the page's end (a footer). In a text of sections under
        headings (``sectioned``) the list is one more section whatever follows it: its items end
        at a line removed between, a row of cells or a link to a file ("Ur kyrkböckerna" /
        "Döpta: Elsa Nyström, Viggo Karlsson" / ... / "Ladda ner församlingsbladet som PDF")."""
        text = blocks[i].text
        shapes = self.lines.shapes
        if not (short[i] and is_heading(text)) or shapes.is_related_header(text) or shapes.is_comment_header(text):
            return range(0)

        def lead_in_under(k: int) -> bool:  # a removed lead-in right under line k - 1
            below = blocks[k].index if k < len(blocks) else float("inf")
            return any(blocks[k - 1].index < x < below for x in lead_ins)

        m = i + 1
        while m < limit and m - i <= MAX_CLOSING_ITEMS and not lead_in_under(m):
            item = blocks[m].text
            if sectioned and m - i - 1 >= MIN_CLOSING_ITEMS and (blocks[m].index != blocks[m - 1].index + 1 or _is_row(item) or FILE_LINK_RE.search(item)):
                return range(i, m)
            if _is_row(item):  # a row of buttons under the items ("이 기사를 추천합니다 | 좋아요 0")
                return range(i, m) if m - i - 1 >= MIN_CLOSING_ITEMS and lead_in_under(m + 1) else range(0)
            if (not short[m] and not (sectioned and is_entry(item))) or (self.lines(item).size if sectioned else self.lines(item).words) < MIN_SECTION_ITEM_WORDS or (not is_heading(item) and FULL_STOP_END_RE.search(item)):
                return range(0)
            m += 1
        if not MIN_CLOSING_ITEMS <= m - i - 1 <= MAX_CLOSING_ITEMS or not lead_in_under(m):
            return range(0)
        return range(i, m)

    def _list_goes_on(self, blocks: tuple[Block, ...], prose: list[bool], short: list[bool], i: int, stops: Sequence[int], structured: Collection[int]) -> bool:
        """Does line ``i`` go on with a list of the text's: a heading right under a paragraph
        over items, an item of the article's data among them (``structured``: "Основни
        предимства" / "Пет предварително зададени температури: 40, 70, 80, 90 и 100 °C" / ...
        / "Корпус от боросиликатно стъкло, ..."), ``MAX_CLOSING_ITEMS`` lines at most, all next
        to each other in the input, no header of other stories or comments among them and no
        end of the article box? The item has ``MIN_SECTION_ITEM_WORDS`` words or more, no full
        stop (no teaser's summary), no link to a file, and a label only if the item above it
        has one."""
        text = blocks[i].text
        if not short[i] or self.lines(text).words < MIN_SECTION_ITEM_WORDS or FULL_STOP_END_RE.search(text) or FILE_LINK_RE.search(text):
            return False
        # Under an item, not under a note closing the list ("Verschiebungen durch Feiertage
        # werden rechtzeitig bekanntgegeben." over a file's link).
        if FULL_STOP_END_RE.search(blocks[i - 1].text):
            return False
        # An item as the one above it: under "Label: value" entries a line without a label is
        # the next heading ("Sportwart: Florian Kainz" / "Aktuelles aus der Abteilung").
        if (LABELLED_RE.match(blocks[i - 1].text) is None) != (LABELLED_RE.match(text) is None):
            return False
        shapes = self.lines.shapes
        k = i
        while k > 0 and i - k < MAX_CLOSING_ITEMS and not prose[k - 1]:
            if blocks[k].index != blocks[k - 1].index + 1 or crosses_removed(stops, blocks, k):
                return False
            if shapes.is_related_header(blocks[k].text) or shapes.is_comment_header(blocks[k].text):
                return False
            k -= 1
        # k: the heading, right under a paragraph of the text.
        return (
            0 < k < i - 1
            and prose[k - 1]
            and blocks[k].index == blocks[k - 1].index + 1
            and size(blocks[k].text) <= MAX_SECTION_HEADING_WORDS
            and is_heading(blocks[k].text)
            and not shapes.is_related_header(blocks[k].text)
            and any(m in structured for m in range(k + 1, i))
        )

    def _team_list(self, blocks: tuple[Block, ...], i: int, limit: int, stops: Sequence[int]) -> range:
        """Right under the last paragraph (line ``i`` on), the text's list of people: a
        person's name over a short line of their role, ``MIN_TEAM_PAIRS`` times or more under
        a heading that names such a list (vocabulary ``list_headings``: "Geschäftsführung" /
        "Julia Müller-Berger" / "Geschäftsführende Gesellschafterin" / "Dr. Stefan Albrecht" /
        "Geschäftsführer Technik"), or once more when a name and its role head the last
        paragraph ("Dr. Elisabeth Pichler" / "Fachärztin für Innere Medizin" / her paragraph /
        "Sandra Hofer" / "Ordinationsassistentin"); all next to each other in the input, no end
        of the article box between. (Only under such a heading: tags and an app's store buttons
        read as names too, "Climate Change" / "Global Warming".) Its lines (an empty range if
        none)."""
        if i == 0 or i >= limit:
            return range(0)

        def role(k: int) -> bool:
            text = blocks[k].text
            return size(text) <= MAX_ROLE_WORDS and not ends_sentence(text) and not DIGIT_RE.search(text) and LABELLED_RE.match(text) is None

        def pairs_from(k: int) -> int:
            # (each pair next to the line above it in the input, no end of the box between)
            n = 0
            while k + 1 < limit and names_person(blocks[k].text) and role(k + 1) and all(blocks[m].index == blocks[m - 1].index + 1 and not crosses_removed(stops, blocks, m) for m in (k, k + 1)):
                n += 1
                k += 2
            return n

        if blocks[i].index != blocks[i - 1].index + 1:
            return range(0)
        headed = self.lines.shapes.is_list_heading(blocks[i].text)
        if headed:
            n = pairs_from(i + 1)
            return range(i, i + 1 + 2 * n) if n >= MIN_TEAM_PAIRS else range(0)
        n = pairs_from(i)
        # (a name and its role right over the last paragraph, next to it in the input)
        above = i - 3 >= 0 and blocks[i - 1].index - blocks[i - 3].index == 2 and names_person(blocks[i - 3].text) and role(i - 2)
        return range(i, i + 2 * n) if n >= 1 and above else range(0)

    def _named_closing_list(self, blocks: tuple[Block, ...], short: list[bool], i: int, limit: int, stops: Sequence[int], in_runs: Collection[int]) -> range:
        """Right under a paragraph of the text (its last, or one further down under its lists),
        a heading that names a list (vocabulary ``list_headings``, alone or with what it is of
        after it: "Výsledky Hradeckého divadelního podzimu 2024", "Unsere Leistungen") over a
        list in its paragraph of the input (:meth:`_paragraph_list`; in a text without blank
        lines, up to a line removed or a statement: "Hausbesuche" / "Einige Leistungen zahlen
        die Kassen nicht."), no lead-in of other stories between: the article's results or
        list, its lines (an empty range if there is none). Not when a table or list found
        elsewhere (``in_runs``) is among them: those rules say where it ends ("Ergebnisse 24.
        Spieltag" / the scores / the table / "Zur kompletten Tabelle")."""
        text = blocks[i].text
        if size(text) > MAX_PARALLEL_HEADING_WORDS * 2 or not is_heading(text) or not (self._names_list(text) or self._short_phrase("list_headings", text)):
            return range(0)
        end = self._paragraph_list(blocks, short, i, limit, stops, cut=True, prose_ends=True)
        if end is None or any(k in in_runs for k in range(i, end)):
            return range(0)
        return range(i, end)

    def _headed_entries(self, blocks: tuple[Block, ...], short: list[bool], i: int, limit: int, stops: Sequence[int]) -> range:
        """Right under the last paragraph, a heading over ``MIN_CLOSING_ITEMS`` to
        ``MAX_CLOSING_ITEMS`` entries of a box ("Label: value", :meth:`_is_box_entry`),
        next to each other in the input, no end of the article box between: the text's own
        box ("Funktionärer" / "Tävlingsledare: Karin Holmberg" / "Banläggare: Erik Sandström" /
        ...), its lines (an empty range if there is none). A fact box's longer entries
        stay in it when ``MIN_CLOSING_ITEMS`` of its entries are short ("Amira Haddad" /
        "Ålder: 34 år" / "Bor: Lägenhet i Gamlestaden, Göteborg" / "Gör: Miljöingenjör på
        heltid, biodlare på fritiden" / "Förväntad skörd i år: cirka 200 kilo"); a teaser's
        category and headline is no entry of either kind."""
        text = blocks[i].text
        shapes = self.lines.shapes
        if not (short[i] and is_heading(text)) or LABELLED_RE.match(text) or shapes.is_related_header(text) or shapes.is_comment_header(text):
            return range(0)
        m = i + 1
        boxed = 0  # entries with a short value
        while m < limit and m - i <= MAX_CLOSING_ITEMS and blocks[m].index == blocks[m - 1].index + 1 and not crosses_removed(stops, blocks, m):
            if self._is_box_entry(blocks[m].text):
                boxed += 1
            elif not _is_fact_value(blocks[m].text):
                break
            m += 1
        return range(i, m) if boxed >= MIN_CLOSING_ITEMS else range(0)

    def _credits_under(self, blocks: tuple[Block, ...], i: int, limit: int, stops: Sequence[int]) -> range:
        """Right under the last paragraph, a review's box of credits: up to
        ``MAX_CREDITS_HEAD`` short lines (the work's title and author), then ``MIN_FACTS`` lines
        or more led by a fact label (:meth:`lines.Shapes.fact_led`: "regia di Giulia Ferrante",
        "con Anna Valeri, ...", "Durata: 2 ore"), one other line at most between two of them
        (the place and the dates), all next to each other in the input, no end of the article
        box between; its lines (an empty range if there is none)."""
        shapes = self.lines.shapes
        end = next((k for k in range(i + 1, limit) if blocks[k].index != blocks[k - 1].index + 1 or crosses_removed(stops, blocks, k)), limit)
        # Or a book's card: its title and author (``MAX_CREDITS_HEAD`` short lines at most) and
        # the publisher, then the line with its page count (Shapes.counts_pages: "Los inviernos
        # cortos" / "Lucía Ferrer" / "Anagrama, 2024" / "264 páginas. 19,90 euros"), and up to
        # ``MAX_CARD_TAIL`` lines under it with its ISBN or its price.
        pages = next((m for m in range(i, min(end, i + MAX_CREDITS_HEAD + 2)) if shapes.counts_pages(blocks[m].text)), None)
        if pages is not None and all(len(blocks[m].text) <= MAX_FACT_LINE_CHARS and not self.is_prose(blocks[m].text) for m in range(i, pages)):
            last = pages
            while last + 1 < end and last - pages < MAX_CARD_TAIL and len(blocks[last + 1].text) <= MAX_FACT_LINE_CHARS and (ISBN_RE.search(blocks[last + 1].text) or CURRENCY_RE.search(blocks[last + 1].text)):
                last += 1
            return range(i, last + 1)
        k = i
        while k < end and k - i < MAX_CREDITS_HEAD and not shapes.fact_led(blocks[k].text, any_label=False) and self.is_short(blocks[k].text):
            k += 1
        # (Under its first credit, the next performances count as its lines, and its price:
        # "Nächste Termine" / "29.11.2024 – Kulturhaus Liezen" / ... / "Karten ab 26 €".)
        led = [
            m
            for m in range(k, end)
            if shapes.fact_led(blocks[m].text, any_label=False)
            or (m > k and len(blocks[m].text) <= MAX_FACT_LINE_CHARS and (shapes.is_dated_entry(blocks[m].text) or CURRENCY_RE.search(blocks[m].text)))
        ]
        if not led or led[0] != k:  # (only a credit may be first: the others count from k + 1)
            return range(0)
        last = k
        count = 0
        for m in led:
            if m - last > 2:
                break
            last, count = m, count + 1
        return range(i, last + 1) if count >= MIN_FACTS else range(0)

    def _is_box_entry(self, text: str) -> bool:
        """A "Label: value" entry of a box under the text: a label of one or two words and a
        value of ``MAX_BOX_ENTRY_WORDS`` words at most, or a contact ("Bankontrollant: Lena
        Ahlqvist, OK Väster", "Kontakt: info@... eller 070-482 16 93"); not a teaser's category
        and headline ("Transport: Why the tram is worth the wait")."""
        if len(text) > MAX_DATA_CHARS or LABELLED_RE.match(text) is None:
            return False
        label, _, value = split_label(text)
        words = len(value.split())
        return len(label.split()) <= 2 and 0 < words and (words <= MAX_BOX_ENTRY_WORDS or self.lines.shapes.is_contact(value)) and not ends_sentence(value)

    def _signed_after_dash(self, text: str) -> bool:
        """A place and date, then after a spaced dash a line signed with the name
        ("Kirchheim, 16.05.2024 – gez. Dieter Lutz, Schriftführer"; vocabulary
        ``signed_lines``): the minutes' or letter's signature on one line."""
        if len(text) > MAX_DATA_CHARS or not SPACED_DASH_RE.search(text):
            return False
        signed = SPACED_DASH_RE.split(text)[-1]
        return self.vocabulary.prefix("signed_lines", self.lines(signed).folded) is not None

    def _closed_below(self, blocks: tuple[Block, ...], i: int, limit: int, stops: Sequence[int]) -> bool:
        """Is line ``i`` one of the few short lines between the text and a closing formula
        right under them (``MAX_LINES_OVER_CLOSING``; vocabulary ``closing_formulas``): a
        letter's last notes ("Öffnungszeiten Pfarrbüro" / "Dienstag und Donnerstag 9–12 Uhr" /
        "Telefon 06731 2244" over "Einen gesegneten November wünscht Ihnen")? Not across the
        end of the article box, a lead-in of other stories or a header of other stories or
        comments."""
        shapes = self.lines.shapes
        for k in range(i, min(limit, i + MAX_LINES_OVER_CLOSING + 1)):
            if k > i and crosses_removed(stops, blocks, k):
                return False
            text = blocks[k].text
            if self._short_phrase("closing_formulas", text) or (k > i and self._signed_after_dash(text)):
                return True
            if shapes.is_related_header(text) or shapes.is_comment_header(text):
                return False
        return False

    def _names_fact(self, text: str) -> bool:
        """A "Label: value" entry whose label names a fact of a review's or a listing's box
        ("Tekst en regie: Joost Verhagen", "Spel: Iris Mulder, Fenna de Groot, ..."; vocabulary
        ``fact_labels``), whatever the value's length."""
        label, colon, _ = split_label(text)
        return bool(colon) and len(label) <= MAX_DATA_CHARS and self.lines.is_phrase("fact_labels", self.lines(label))

    def _job_terms(self, text: str) -> bool:
        """A short line that names a job's terms and little else ("Voll- oder Teilzeit (ab 75
        %)", "Contrato indefinido · Jornada completa", "74918 Angelbachtal · Vollzeit ·
        unbefristet"; vocabulary ``job_terms``), not a headline that uses one of the words."""
        folded = self.lines(text).folded
        if len(text) > MAX_DATA_CHARS or self.lines.vocabulary.search("job_terms", folded) is None:
            return False
        rest, found = self.lines.vocabulary.remove_all("job_terms", folded)
        if found == 0:
            return False
        if len(WORD_RE.findall(rest)) <= MAX_JOB_FACT_WORDS:
            return True
        # The terms under their label, perhaps with a note after a comma ("Horário: Tempo
        # inteiro, de segunda a sexta-feira, das 14h00 às 22h30").
        _, colon, value = split_label(folded)
        if colon and LABELLED_RE.match(folded) is not None:
            head = value.split(",", 1)[0]
            rest, found = self.lines.vocabulary.remove_all("job_terms", head)
            if found and len(WORD_RE.findall(rest)) <= MAX_JOB_FACT_WORDS:
                return True
        # The terms among the ad's other facts, each "Label: value" between bars ("Vollzeit,
        # unbefristet | Standort: Fulda | Eintritt: ab sofort").
        # Or the ad's date ("İzmir (Çiğli) · Tam Zamanlı · 2 gün önce güncellendi").
        parts = [part.strip() for part in BAR_SEPARATOR_RE.split(folded)]
        shapes = self.lines.shapes
        return len(parts) > 1 and all(
            LABELLED_RE.match(part) is not None
            or len(WORD_RE.findall(self.lines.vocabulary.remove_all("job_terms", part)[0])) <= MAX_JOB_FACT_WORDS
            or shapes.is_relative_date(part)
            or shapes.is_date(part)
            for part in parts
        )

    def _terms_under(self, blocks: tuple[Block, ...], title: int, first: int) -> bool:
        """Does a line name the job's terms within ``MAX_JOB_FACTS_LINES`` lines under the
        headline ``title`` (and above the text at ``first``)?"""
        return any(self._job_terms(blocks[k].text) for k in range(title + 1, min(first, title + 1 + MAX_JOB_FACTS_LINES)))

    def _dates_letter(self, blocks: tuple[Block, ...], i: int) -> bool:
        """A letter's place and date right above its signature ("Oberhausen an der Lauter, 9.
        Juli 2025" / "gez. Martin Roßkopf"; "Roma, 9 luglio 2025" / "Cordiali saluti") or right
        under it ("Sabine Keller, Kita-Leitung" / "Hallstadt, 17. Juni 2024")."""
        if not self._place_date(blocks[i].text):
            return False
        return (i + 1 < len(blocks) and (self._signs_off(blocks, i + 1) or self._short_phrase("signature_roles", blocks[i + 1].text))) or (i > 0 and self._signs_off(blocks, i - 1))

    def _place_date(self, text: str) -> bool:
        """A place and a date after its last comma ("Erlenstadt, den 14. März 2023"), or after
        the word for "on the day" ("V Březové dne 11. 3. 2024", "V Žiline dňa 5. 4. 2024",
        "ประกาศ ณ วันที่ 1 เมษายน พ.ศ. 2567")."""
        if size(text) > MAX_PLACE_DATE_WORDS:
            return False
        if "," in text:
            return self.lines.shapes.is_date(text.rpartition(",")[2])
        dated = PLACE_DAY_RE.match(text)
        return dated is not None and self.lines.shapes.is_date(dated.group("date"))

    def _crumbed(self, doc: Document, end: int) -> tuple[dict[str, int], int | None, set[str]]:
        """The last item of each trail of crumbs above original line ``end`` (its folded core)
        and the trail's original position, removed by another filter or not: a line below
        the trail that repeats it is the page's headline (a section's name above the trail,
        "Lokales > Blaubeuren" under "Blaubeuren", is not). And the original position of the
        highest trail of three items or more (:func:`is_crumbs`; "$9 / month" is none), or
        None, and that trail's items (folded cores)."""
        named: dict[str, int] = {}
        trail: int | None = None
        trail_items: set[str] = set()
        for block in (*doc.blocks, *(r.block for r in doc.removals)):
            items = crumb_items(block.text) if block.index < end and len(block.text) <= MAX_CRUMBS_CHARS else []
            if not items and block.index < end and len(block.text) <= MAX_CRUMBS_CHARS and ":" in block.text:
                # A trail led by where the reader is ("Sie befinden sich hier: Sprechzeiten &
                # Kontakt", "Vous êtes ici : Accueil"; vocabulary ``crumb_lead_ins``) names the
                # page with its last item, however many items it has.
                label, _, rest = block.text.partition(":")
                if self.lines.is_phrase("crumb_lead_ins", self.lines(label)):
                    items = crumb_items(rest) or ([rest] if 0 < size(rest) <= MAX_CRUMB_WORDS else [])
                    if len(items) == 1:
                        items = [label, *items]
            if len(items) >= 2:
                key = self.lines(items[-1]).key
                named[key] = min(named.get(key, block.index), block.index)  # the highest trail
                # Three items or more, or two from the site's home ("Startseite / Aktuelles";
                # vocabulary ``navigation``).
                home = len(items) == 2 and self.lines.is_phrase("navigation", self.lines(items[0]))
                # Not a trail that ends in the page's headline ("Home > Kopen > Woning te koop in
                # Ederveen"): it names that line, not the one under it.
                ends_in_section = size(items[-1]) <= MAX_CRUMB_WORDS
                if (len(items) >= 3 or home) and ends_in_section and (trail is None or block.index < trail):
                    trail = block.index
                    trail_items = {self.lines(item).key for item in items}
        return named, trail, trail_items

    def _in_menu_above(self, doc: Document, block: Block, named: dict[str, int]) -> bool:
        """Is ``block``'s line said alone above the trail of crumbs that names it, in the
        site's menu (removed by then or not)?"""
        key = self.lines(block.text).key
        trail = named.get(key)
        if trail is None:
            return False
        return any(b.index < trail and self.lines(b.text).key == key for b in (*doc.blocks, *(r.block for r in doc.removals)))

    def _named_above(self, named: dict[str, int], block: Block) -> bool:
        """Does a trail of crumbs above ``block`` (``named``: see :meth:`_crumbed`) name it with
        its last item: the whole line, or its first words right under the trail ("Properties ›
        Alnmouth › The Old Boathouse" over "The Old Boathouse, Alnmouth"; "Inicio > Líneas y
        horarios > Línea 4" over "Línea 4: Salamanca – Alba de Tormes"; not a job's place
        further down, "Empleo › Mantenimiento › Zaragoza" / ... / "Zaragoza, Plaza")?"""
        key = self.lines(block.text).key
        if named.get(key, block.index) < block.index:
            return True
        words = WORD_RE.findall(key)
        return any(at == block.index - 1 and 0 < len(name_words := WORD_RE.findall(name)) < len(words) and words[: len(name_words)] == name_words for name, at in named.items())

    def _over_deck(self, blocks: tuple[Block, ...], prose: list[bool], i: int, first: int) -> bool:
        """A headline too long to look like a link, right over its deck above the text
        ("¿Buses de la Alcaldía al servicio de Petro?" / "Vehículos que están en el contrato
        ... fueron vistos cerca a la Casa Petro."): the next line, above the text too, is a
        paragraph that ends with a full stop."""
        return i + 1 < first and prose[i + 1] and blocks[i + 1].index == blocks[i].index + 1 and FULL_STOP_END_RE.search(blocks[i + 1].text) is not None

    @staticmethod
    def _over_stamp(blocks: tuple[Block, ...], i: int, first: int, stamps: Collection[int]) -> bool:
        """A headline too long to look like a link, right over the page's byline or dateline
        (``stamps``: where the bylines filter removed them) above the text ("São João 2024:
        condicionamentos de trânsito e reforço de transportes na noite de 23 para 24 de junho"
        / "19 junho 2024"): ``MAX_LONG_HEADLINE_WORDS`` words at most, no sentence end. Not
        under a heading next to it in the input: that is the headline, the long line its deck
        ("Ask Alan: Why have my blue hydrangeas turned pink?" / "Plus: what to do about moss
        ..." / "By Alan Pettigrew"); a trail of crumbs may stand there."""
        text = blocks[i].text
        if not (i + 1 < first and blocks[i].index + 1 in stamps and size(text) <= MAX_LONG_HEADLINE_WORDS and STATEMENT_END_RE.search(text) is None and not is_crumbs(text)):
            return False
        above = blocks[i - 1].text if i > 0 and blocks[i - 1].index == blocks[i].index - 1 else None
        return above is None or is_crumbs(above) or not looks_like_title(above)

    def _asks_over(self, blocks: tuple[Block, ...], i: int, first: int, topic: _Topic) -> bool:
        """A question or an exclamation above the text that names its subject in
        ``MIN_SHARED_WORDS`` words of its paragraphs or more: a headline that asks or exclaims
        ("Värmepumpen avfrostar var 20:e minut – normalt?" over the thread's first post; "Make
        your social media shine bright like a diamond!"). Not right over the first paragraph in
        the input (an FAQ's first question there is the first entry's), nor standing again in
        the text (a table of contents' entry); an advertisement asks too ("Sie möchten Ihr Auto
        verkaufen?") but shares no two words with the text."""
        text = blocks[i].text
        if (QUESTION_END_RE.search(text) is None and EXCLAMATION_END_RE.search(text) is None) or blocks[i].index == blocks[first].index - 1:
            return False
        if len(self._words(text) & topic.all()) < MIN_SHARED_WORDS:
            return False
        key = self.lines(text).key
        return all(line.key != key for line in self.lines.of(blocks[first:]))

    def _qualified(self, text: str) -> bool:
        """A short line closed by a bracket that qualifies it ("Elektroniker (m/w/d)",
        "Storia della lingua italiana (A-L)", "Gratin dauphinois (sans fromage !)"): the
        bracket, not a sentence, ends it."""
        text = text.rstrip()
        m = QUALIFIER_RE.search(text, max(0, len(text) - MAX_QUALIFIER_CHARS))  # bounded: the line's end
        if m is None or DIGIT_RE.search(text, 0, m.start()):
            return False  # a rating or a count ("4,6 (312 Bewertungen)")
        return self.lines(text[: m.start()]).size >= 2 and self._shape(text[: m.start()])[1]

    def _named_early(self, paragraph: str, line: str) -> bool:
        """Are the words of ``line`` among the first words of ``paragraph`` (as many as the
        line's characters, and ``MAX_OPENING_SLACK`` more), folded?"""
        words = set(WORD_RE.findall(self.lines(line).folded))
        return bool(words) and words <= set(WORD_RE.findall(self.lines(paragraph[: len(line) + MAX_OPENING_SLACK]).folded))

    def _opens_with(self, paragraph: str, line: str) -> bool:
        """Does ``paragraph`` start with the words of ``line``, folded?"""
        words = WORD_RE.findall(self.lines(line).folded)
        return bool(words) and WORD_RE.findall(self.lines(paragraph[: len(line) + MAX_OPENING_SLACK]).folded)[: len(words)] == words

    @staticmethod
    def _figure_boxes(blocks: tuple[Block, ...], prose: list[bool], sizes: list[float]) -> set[int]:
        """Boxes of figures: ``MIN_FACTS`` short lines or more in a row, each led by a figure
        that counts something else ("Het onderzoek in cijfers" / "3 jaar veldwerk" / "214
        gevolgde moederdieren" / "50 geurexperimenten"; not a rating widget's "1 Stern" / "2
        Sterne", nor a column of one unit): the article's data under a subheading. They count
        as its structure for the tail only; they stay link-like for boxes of other stories
        ("5 things about seals" under "More on this")."""

        def counted(text: str) -> str:
            m = FIGURE_LED_RE.match(text)
            return text[m.end() - 1 :].split()[0][:COUNTED_CHARS].casefold() if m else ""

        found: set[int] = set()
        k = 0
        while k < len(blocks):
            j = k
            while j < len(blocks) and not prose[j] and sizes[j] <= MAX_FIGURE_LINE_WORDS and FIGURE_LED_RE.match(blocks[j].text):
                j += 1
            if j - k >= MIN_FACTS and len({counted(blocks[i].text) for i in range(k, j)}) == j - k:
                found.update(range(k, j))
            k = max(j, k + 1)
        # Or each figure over what it counts, on a line of its own, the pairs next to each
        # other in the input ("כ-2.7 מיליארד" / "ביצים בשנה" / "כ-280" / "ביצים לנפש בשנה" /
        # ...): figures and labels all different.
        k = 0
        while k + 1 < len(blocks):
            j = k
            while (
                j + 1 < len(blocks)
                and not (prose[j] or prose[j + 1])
                and blocks[j + 1].index == blocks[j].index + 1
                and (j == k or blocks[j].index == blocks[j - 1].index + 1)
                and _figure_over_label(blocks[j].text, blocks[j + 1].text)
            ):
                j += 2
            pairs = (j - k) // 2
            if pairs >= MIN_FACTS and len({fold(blocks[m].text) for m in range(k, j)}) == j - k:
                found.update(range(k, j))
            k = max(j, k + 1)
        return found

    @staticmethod
    def _leads_to_code(blocks: tuple[Block, ...], i: int) -> bool:
        """Is line ``i`` a how-to's step under the text: a line that introduces a command
        ("Install the package with the following command:") right over the command, perhaps
        under the step's heading ("Step 1 — Installing UFW"), or a command right under such a
        line or another command, all next to each other in the input?"""

        def next_to(k: int) -> bool:
            return 0 < k < len(blocks) and blocks[k].index == blocks[k - 1].index + 1

        def introduces(k: int) -> bool:
            return k + 1 < len(blocks) and INTRO_END_RE.search(blocks[k].text) is not None and next_to(k + 1) and CODE_RE.search(blocks[k + 1].text) is not None

        text = blocks[i].text
        if CODE_RE.search(text):
            return next_to(i) and (INTRO_END_RE.search(blocks[i - 1].text) is not None or CODE_RE.search(blocks[i - 1].text) is not None)
        return introduces(i) or (is_heading(text) and next_to(i + 1) and introduces(i + 1))

    def _measures(self, text: str) -> bool:
        """A "Label: value" entry whose value gives ``MIN_ENTRY_FIGURES`` measures or more, a
        figure and its unit each (vocabulary ``units``: "Nährwerte pro Portion: ca. 780 kcal,
        38 g Eiweiß, 36 g Fett, 74 g Kohlenhydrate"): the article's facts, alone as it may be;
        not a phone number, a date or a rating."""
        if not _is_figures_entry(text):
            return False
        units = self.lines.shapes.units
        value = self.lines(text.split(":", 1)[-1]).folded
        return sum(1 for unit in MEASURE_RE.findall(value) if unit in units) >= MIN_ENTRY_FIGURES

    def _asks_contact(self, blocks: tuple[Block, ...], i: int) -> bool:
        """Line ``i``, right under the text (its last paragraph, or the lines of it kept under
        that) with nothing removed between, an entry whose label says what to ask and whose
        value holds an e-mail address or a phone number ("Frågor om reglerna besvaras av
        styrelsen: styrelsen@..."; "Spørgsmål om kontingent: kasserer Henrik Damgaard,
        kasserer@..."): the article's own contact line."""
        text = blocks[i].text
        if i == 0 or blocks[i].index != blocks[i - 1].index + 1 or ":" not in text:
            return False
        label = text.split(":", 1)[0]
        # Or it names who to ask, perhaps the reader's ("Deine Ansprechpartnerin: Friederike
        # Amsel, Telefon ..."; vocabulary ``contact_headings``).
        key = self.lines(label).key
        headings = self.vocabulary.literals("contact_headings")
        named = " " in key and (key in headings or key.partition(" ")[2] in headings)  # not "Kontakt:" alone: an author's
        return (named or self.lines(label).words >= MIN_CONTACT_LABEL_WORDS) and self.lines.shapes.is_contact(text)

    def _names_list(self, text: str) -> bool:
        """A heading that opens with a list heading of the vocabulary, one word or more, and
        says of what ("Öffnungszeiten Hauptstelle im K3"; ``list_headings``)."""
        words = self.lines(text).key.split()
        headings = self.lines.vocabulary.literals("list_headings")
        return any(" ".join(words[:n]) in headings for n in range(1, len(words)))

    def _notes(self, text: str) -> bool:
        """Is ``text`` an editor's note or a correction, its label (vocabulary ``note_labels``)
        before its first colon ("Correction: An earlier version of this article ...", "※10月19日
        訂正：...", "Odpowiedź Urzędu Miasta (dopisek redakcji, 18 marca): ...")?"""
        head, colon, _ = self.lines(text).folded.partition(":")
        head = head.strip()
        if not colon or len(head) > MAX_NOTE_HEAD_CHARS:
            return False
        # The label opens or closes the head, or opens its brackets: not a word of a sentence
        # ("The council issued a correction on Monday: ...").
        return any(head.startswith(label) or head.endswith(label) or f"({label}" in head for label in self.vocabulary.literals("note_labels"))

    def _short_phrase(self, category: str, text: str) -> bool:
        """Is ``text`` a line of a header's length that is a whole-line entry of vocabulary
        ``category`` ("Kære medlemmer" in ``salutations``, "Der Vorstand" in
        ``signature_roles``, "Angaben gemäß § 5 DDG" in ``notice_heads``)?"""
        return len(text) <= MAX_HEADER_CHARS and self.lines.is_phrase(category, self.lines(text))

    def _is_trail(self, text: str) -> bool:
        """A trail of crumbs (:func:`is_crumbs`), or two items led by the home link
        (vocabulary ``navigation``: "Anasayfa > Spor", "Home / News"): where the page is."""
        if is_crumbs(text):
            return True
        items = crumb_items(text)
        return len(items) == 2 and self._short_phrase("navigation", items[0])

    def _is_text(self, text: str) -> bool:
        """A statement (a full stop ends it, or it is a clause or more of Thai or Lao, which
        mark none: :func:`cleaner.patterns.states_run_on`) or a list's item."""
        return FULL_STOP_RE.search(text) is not None or LIST_ITEM_RE.match(text) is not None or states_run_on(text)

    @staticmethod
    def _heads_list(blocks: tuple[Block, ...], i: int) -> bool:
        """A short line right above a numbered or bulleted list is the list's heading."""
        return i + 1 < len(blocks) and bool(LIST_ITEM_RE.match(blocks[i + 1].text))

    def _answers(self, blocks: tuple[Block, ...], short: list[bool], i: int, limit: int, stops: Sequence[int], removed_below: int = -1) -> bool:
        """Line ``i`` is an item of a list that answers or completes the line above the
        list, a line of the article that asks or introduces ("What should I bring?" / "Beach
        towels" / "Walking boots" / "Bed linen is provided."): the list is at most
        ``MAX_ANSWER_ITEMS`` short lines, and a statement of the article closes it before
        the end of the article box or a lead-in of other stories."""
        s = i
        while s > 0 and short[s - 1] and i - s < MAX_ANSWER_ITEMS:
            s -= 1
        if s == 0 or short[s - 1]:
            return False
        intro = blocks[s - 1].text
        if not (INTRO_END_RE.search(intro) or QUESTION_END_RE.search(intro)):
            return False
        # A sentence that introduces its list ("Sie haben drei Möglichkeiten:") may have it end
        # where a removed line (a feedback prompt, the end of the article box) follows it (the
        # last line removed so far is ``removed_below``: a second round sees no line after it).
        def removed_after(k: int) -> bool:
            return (blocks[k + 1].index if k + 1 < len(blocks) else removed_below + 1) > blocks[k].index + 1

        lead = next((k for k in range(i - 1, s - 2, -1) if INTRO_END_RE.search(blocks[k].text)), None)
        introduced = lead is not None and size(blocks[lead].text) >= MIN_INTRO_WORDS and not any(removed_after(k) for k in range(lead, i))
        e = i
        while e < limit and short[e] and e - s < MAX_ANSWER_ITEMS:
            if crosses_removed(stops, blocks, e):
                return False
            e += 1
            if introduced and removed_after(e - 1):
                return True
        return e < limit and not short[e] and not crosses_removed(stops, blocks, e) and FULL_STOP_RE.search(blocks[e].text) is not None

    def _closed_by_text(self, blocks: tuple[Block, ...], short: list[bool], i: int, limit: int, stops: Sequence[int]) -> bool:
        """Line ``i`` is in a run of short lines below the text that a statement of the article
        closes ("Les lignes les plus touchées" / "Nantes – Pornic : aucun train" / ... / "Les
        voyageurs sont invités à ..."; a spec table's cells over "Bewaaradvies: koel en
        droog."): the run sits between the article's sentences, so it is the article's list
        or table. Not a box of other stories: the run holds two lines or more, of list items'
        length (``MAX_ITEM_WORDS`` words at the median, twice that at most: not headlines), no
        line twice (an author's box: "Felix Schwarz" / "Felix Schwarz" / "Redakteur."), no
        header of other stories or comments and no end of the article box; and no second
        such run closed by a statement follows (teasers, each a headline over its summary)."""
        shapes = self.lines.shapes

        def ends_box(k: int) -> bool:
            return crosses_removed(stops, blocks, k) or shapes.is_related_header(blocks[k].text) or shapes.is_comment_header(blocks[k].text)

        start = i
        while start > 0 and short[start - 1]:
            start -= 1
        end = i
        contacts = False  # the article's contact block under the run closes it too
        while end < limit and short[end] and end - start < MAX_CLOSED_RUN:
            if ends_box(end):
                return False
            if end > start + 1 and shapes.heads_contacts([b.text for b in blocks[end : end + 1 + NAMED_CONTACT_WINDOW]], 0):
                contacts = True
                break
            end += 1
        if end - start < 2 or end >= limit or (not contacts and (short[end] or not self._states(blocks[end].text))) or crosses_removed(stops, blocks, end):
            return False
        run = [self.lines(blocks[k].text) for k in range(start, end)]
        # A schedule's entries start with their date ("21.12.2023 – letzter Schultag vor den
        # Ferien, Unterrichtsende 11:30 Uhr", "6월 21∼22일 부산 아시아드 주경기장") and may run
        # longer than a list's items.
        words = sorted(line.words for line in run if not (DATED_ENTRY_RE.match(line.text) or CJK_DATE_LED_RE.match(line.text)))
        if not words or words[len(words) // 2] > MAX_ITEM_WORDS or words[-1] > 2 * MAX_ITEM_WORDS or len({line.key for line in run}) < len(run):
            return False
        after = end + 1
        while after < limit and not short[after]:
            if ends_box(after):
                return True
            after += 1
        below = after
        while below < limit and short[below]:
            if ends_box(below):
                return True
            below += 1
        # A teaser's summary is one statement under its headline; a section of the article goes
        # on with more ("Slik forbereder du deg" / "Rens stikkrenner og sluk rundt huset." /
        # "Flytt verdisaker opp fra kjelleren." / ...).
        statements = below
        while statements < limit and not short[statements] and not crosses_removed(stops, blocks, statements) and self._states(blocks[statements].text):
            statements += 1
        if statements - below >= MIN_SECTION_STATEMENTS:
            return True
        return not (below > after and below < limit and not crosses_removed(stops, blocks, below) and self._states(blocks[below].text))

    @staticmethod
    def _over_own_lists(
        blocks: tuple[Block, ...], short: list[bool], i: int, limit: int, ends: Sequence[int], stops: Sequence[int], in_runs: Collection[int]
    ) -> bool:
        """Line ``i``, a short line alone, stands over a heading and ``MIN_LIST_LINES_UNDER``
        glossed items of the article's own list (:func:`lines.is_gloss`; "Dónde comer" /
        "Taberna El Pasaje (Baeza): tapas clásicas y ambiente local" / ...), with no end of
        the article box nor a lead-in of other stories above or among them (teasers go on
        after their colon with a capital: "Kolumne: Als ich noch ein Kritiker war")."""
        below = range(i + 2, i + 2 + MIN_LIST_LINES_UNDER)
        return (
            short[i]
            and below.stop <= limit
            and not crosses_removed(ends, blocks, i)
            and is_heading(blocks[i + 1].text)
            and all(k in in_runs and is_gloss(blocks[k].text) and not crosses_removed(stops, blocks, k) for k in below)
            and not crosses_removed(stops, blocks, i + 1)
        )

    def _widget_over_section(self, blocks: tuple[Block, ...], prose: Sequence[bool], short: list[bool], i: int, limit: int, stops: Sequence[int]) -> int | None:
        """Where the text's next section starts under a widget set into it at line ``i``:
        ``MAX_WIDGET_LINES`` lines at most, short or data (a calculator's fields and its
        button, a form), none a paragraph, a header of other stories or comments, then a
        heading right over ``MIN_STATEMENTS_UNDER`` statements closed by a full stop in a row (the text's
        tips: "Så kan du spara" / "Sänk inomhustemperaturen med en grad." / ...), all next to
        each other in the input with no end of the article box or lead-in of other stories
        between. A box of other stories holds headlines, each over one sentence at most.
        None if there is none."""
        shapes = self.lines.shapes
        for h in range(i + 1, min(limit - MIN_STATEMENTS_UNDER, i + MAX_WIDGET_LINES + 1)):
            if prose[h - 1] or len(blocks[h - 1].text) > MAX_DATA_CHARS or shapes._opens_other_stories(blocks[h - 1].text):
                return None
            if blocks[h].index != blocks[h - 1].index + 1 or crosses_removed(stops, blocks, h):
                return None
            if is_heading(blocks[h].text) and not shapes._opens_other_stories(blocks[h].text) and self._statements_under(blocks, h + 1, reach=0):
                return h
        return None

    def _release_end(self, blocks: tuple[Block, ...], i: int, limit: int, stops: Sequence[int]) -> int | None:
        """Where a press release's end mark stands ("-ENDS-", "###", "– Ende –"; vocabulary
        ``release_ends``), ``MAX_RELEASE_TAIL`` lines under line ``i`` at most, with no end of
        the article box nor a lead-in of other stories between; else None."""
        for k in range(i, min(limit, i + MAX_RELEASE_TAIL)):
            if k > i and crosses_removed(stops, blocks, k):
                return None
            if self._short_phrase("release_ends", blocks[k].text):
                return k
        return None

    def _feedback_buttons(self, doc: Document, blocks: tuple[Block, ...], i: int, limit: int, stops: Sequence[int]) -> int | None:
        """Right under a removed question of the share prompts (a feedback question: "War
        diese Antwort hilfreich?", "Was this page helpful?"), up to ``MAX_FEEDBACK_BUTTONS``
        answer buttons of ``MAX_FEEDBACK_BUTTON_WORDS`` words at most, and under them the
        heading of the article's contact block (:meth:`lines.Shapes.heads_contacts`): where
        that block starts; else None."""
        if i == 0 or blocks[i].index == blocks[i - 1].index + 1:
            return None
        asked = any(
            r.reason == reasons.SHARE_PROMPT and blocks[i - 1].index < r.block.index < blocks[i].index and QUESTION_END_RE.search(r.block.text)
            for r in doc.removals
        )
        if not asked:
            return None
        for k in range(i, min(limit, i + MAX_FEEDBACK_BUTTONS + 1)):
            if k > i and blocks[k].index != blocks[k - 1].index + 1:
                return None
            if size(blocks[k].text) > MAX_FEEDBACK_BUTTON_WORDS or self.lines.is_phrase("contact_headings", self.lines(blocks[k].text)):
                # (the buttons may be gone already: a second round)
                return k if self.lines.shapes.heads_contacts([b.text for b in blocks[k : k + 1 + NAMED_CONTACT_WINDOW]], 0) else None
        return None

    def _contacts(self, blocks: tuple[Block, ...], i: int, stops: Sequence[int]) -> bool:
        """Line ``i`` is the heading of contact details ("Kontakt" / "Hamnkapten: Lars Öberg,
        070-123 45 67" / "info@..."; :meth:`lines.Shapes.contacts_end`),
        or one of the lines under it down to the last that holds them, with no end of the
        article box between: a club's, office's or employer's contact block closing the text."""
        for h in range(i, max(-1, i - NAMED_CONTACT_WINDOW - 1), -1):
            if h < i and crosses_removed(stops, blocks, h + 1):
                return False
            near = [b.text for b in blocks[h : h + 1 + NAMED_CONTACT_WINDOW]]
            end = self.lines.shapes.contacts_end(near, 0)
            if end is not None and i <= h + end:
                return True
            # Or the block sits between the text's last paragraph and the end of the article
            # box, right under the one and right over the other.
            if 0 < h and blocks[h - 1].index == blocks[h].index - 1 and self.lines(blocks[h - 1].text).prose:
                end = self.lines.shapes.contacts_end(near, 0, closing=True)
                if end is not None and i <= h + end and (h + end + 1 == len(blocks) or crosses_removed(stops, blocks, h + end + 1)):
                    return True
        return False

    @staticmethod
    def _states(text: str) -> bool:
        """A statement: a line that ends with a full stop, or sentences that end with an
        exclamation after a full stop ("Dazu kommt eine neue Sorte zum Testen. Vorschläge gern
        in die Kommentare!"); not a headline cut short ("...") or one that only exclaims
        ("Kolumne: Als ob!", "Coming Soon!")."""
        if text.rstrip().endswith(("...", "…")):
            return False
        return FULL_STOP_END_RE.search(text) is not None or (text.rstrip().endswith(("!", "！")) and FULL_STOP_BREAK_RE.search(text) is not None)

    @staticmethod
    def _box_ends(doc: Document) -> list[int]:
        """Where removed lines end the article box (``BOUNDARY_REASONS``), by original
        position; not a share bar right over a photo gallery (captions' ``gallery``): the
        gallery's buttons, and the text goes on under its photos."""
        gallery = {r.block.index for r in doc.removals if r.reason == reasons.GALLERY}
        return sorted(r.block.index for r in doc.removals if r.reason in BOUNDARY_REASONS and not (r.reason == reasons.SHARE_PROMPT and r.block.index + 1 in gallery))

    def _walls(self, doc: Document) -> list[int]:
        """Original positions of removed lines that end a stretch of text: comment counters,
        and share bars (``min_share_bar`` share buttons within as many lines)."""
        walls = [r.block.index for r in doc.removals if r.reason == reasons.COMMENT_COUNTER]
        n = self.min_share_bar
        if n is not None:
            shares = sorted(r.block.index for r in doc.removals if r.reason == reasons.SHARE_PROMPT)
            walls += [x for k, x in enumerate(shares) if k + n - 1 < len(shares) and shares[k + n - 1] - x <= n]
        return sorted(walls)

    def _thread_posts(self, doc: Document, regions: list[tuple[int, int]], main: int, counted: Sequence[int] = ()) -> set[int]:
        """The regions below the main one that are posts of a forum's thread: each under its
        own post number ("#3"; alone or after the post's date, removed by another filter or
        not), the page's post numbers running 1, 2, 3, ... in order, ``MIN_THREAD_POSTS`` or
        more, one of them right above the main region (the text is a post itself: readers'
        comments under an article are not the article's). Or each over its own comment counter
        (``counted``, see _post_counters), one of them right under the main region, each post
        ``MIN_POST_PARAGRAPHS`` paragraphs or more (a Q&A site's answers: "1.2 万人赞同了该回答" /
        the answer / "448 条评论" / ... / the next answer / "87 条评论"; not teasers, a headline and
        its summary over their counts of likes)."""
        blocks = doc.blocks
        if counted:

            def counted_under(k: int) -> bool:  # a post's counter between region k and the one below it
                below = blocks[regions[k + 1][0]].index if k + 1 < len(regions) else float("inf")
                return bisect_right(counted, below) - bisect_right(counted, blocks[regions[k][1]].index) > 0

            if counted_under(main):
                prose = [line.prose for line in self.lines.of(blocks)]
                return {k for k in range(main + 1, len(regions)) if counted_under(k) and sum(prose[regions[k][0] : regions[k][1] + 1]) >= MIN_POST_PARAGRAPHS}
        numbered = [(b.index, int(m.group(1))) for b in doc.input_blocks if "#" in b.text and (m := POST_NUMBER_RE.search(b.text)) is not None]
        if len(numbered) < MIN_THREAD_POSTS or [n for _, n in numbered] != list(range(1, len(numbered) + 1)):
            return set()
        at = [index for index, _ in numbered]

        def marked(k: int) -> bool:  # a post number between region k and the one above it
            above = blocks[regions[k - 1][1]].index if k > 0 else -1
            return bisect_right(at, blocks[regions[k][0]].index) - bisect_right(at, above) > 0

        if not marked(main):
            return set()
        return {k for k in range(main + 1, len(regions)) if marked(k)}

    def _kept_regions(
        self,
        doc: Document,
        regions: list[tuple[int, int]],
        weight: list[float],
        short: list[bool],
        longest: list[float],
        removed: Sequence[int],
        counters: Sequence[int],
        in_runs: Collection[int] = (),
        named: Collection[int] = (),
        posts_counted: Sequence[int] = (),
    ) -> tuple[list[tuple[int, int]], dict[int, str]]:
        """The region with the most prose, and the others that hold enough prose: a minor
        region is kept when only plain short lines separate it from the main one, dropped
        when interface lines (share bars, "Most read", ads) removed by other filters sat
        in between, which marks a boundary of the page's article box. The page's first
        region above the main one (only crumbs of prose between them) is the article's lead
        when it holds ``min_lead_words``: it stays, share bar or not, and the links and
        crumbs between them go (second value: position -> detail). A region holding a long
        paragraph (``min_long_words``) stays unless it lies below the article box's end;
        the link-like lines between it and the text go. ``removed``: where removed lines end
        the article box (see _box_ends); ``counters``: where comment counters head the readers'
        comments (see _comment_counters): a region under one is theirs, however much prose a
        comment holds. ``named``: the lines of sections the page's table of contents names (see
        _named_sections): the text's, wherever they stand. ``posts_counted``: where each post of
        a thread has its comment counter (see _post_counters, _thread_posts)."""
        main = max(range(len(regions)), key=weight.__getitem__)
        kept = []
        boxes: dict[int, str] = {}
        posts = self._thread_posts(doc, regions, main, posts_counted)
        for k, (region, w) in enumerate(zip(regions, weight)):
            share = w / weight[main]
            lo, hi = sorted((k, main))
            gap_start = doc.blocks[regions[lo][1]].index
            gap_end = doc.blocks[regions[hi][0]].index
            commented = k > main and bisect_right(counters, gap_end) - bisect_right(counters, gap_start) > 0
            if k == main or (share >= self.min_strong_share and not commented):
                kept.append(region)
                continue
            if k in posts:
                kept.append(region)  # a post of the thread the main text opens (see _thread_posts)
                continue
            boundary = bisect_right(removed, gap_end) - bisect_right(removed, gap_start) > 0
            # Only crumbs of prose (a video caption) may sit between the lead and the main region.
            lead = k == 0 and w >= self.min_lead_words and all(weight[j] < self.min_lead_words for j in range(1, main))
            # Position alone never removes a long paragraph: below the article it needs the
            # end of the article box (a share bar, tags, a copyright line) between.
            long = self.min_long_words is not None and longest[k] >= self.min_long_words and not (k > main and boundary)
            # Nor does position alone remove a paragraph right under the text's own short lines:
            # a heading over its list of names or of figures (not links: tags, headlines, a
            # poll's answers), no more lines than a run inside the text may hold, all next to
            # each other in the input (no line removed among them): "Premiati" / "Luigi Favaro"
            # / ... / "Il ricavato della lotteria, 4.350 euro, è stato devoluto ..."; "La
            # giornata in numeri" / "612 visitatori" / ... / a paragraph.
            gap = range(regions[k - 1][1] + 1, region[0]) if k > main else range(0)
            continued = (
                bool(gap)
                and bool(kept)
                and kept[-1] == regions[k - 1]
                and 1 < len(gap) <= (self.max_inner_run or 0)
                and doc.blocks[region[0]].index - doc.blocks[gap.start - 1].index == len(gap) + 1
                and is_heading(doc.blocks[gap.start].text)
                and all(size(doc.blocks[i].text) <= MAX_LISTED_WORDS and (names_person(doc.blocks[i].text) or DIGIT_RE.search(doc.blocks[i].text)) for i in gap[1:])
            )
            if share < self.min_region_share and not (lead or long or continued):
                continue
            # A share bar under the lead is common; between other regions it is a boundary.
            if lead or long or not boundary:
                kept.append(region)
                if share < self.min_region_share and lead:
                    between = range(regions[lo][1] + 1, regions[hi][0])
                    crumbs = {i for j in range(lo + 1, hi) for i in range(regions[j][0], regions[j][1] + 1)}
                    blocks = doc.blocks
                    # Under a sentence that introduces a list, or a list heading the lead's region
                    # ends with, over the list's first item ("Cosa serve" / "Un Raspberry Pi (va
                    # bene anche un vecchio modello 3B+)" / "Una scheda microSD da almeno 16 GB" /
                    # ...): the list goes on here.
                    listed = bool(between) and self._under_list_heading(blocks, between.start)
                    echoed = self._echoes_text_headings(blocks, short, between, (regions[hi][0], regions[-1][1]))
                    answers = self._answer_lists(blocks, short, between)
                    for i in between:
                        if i in echoed or i in answers or i in named:
                            continue
                        # Not the article's own list there ("Voraussetzungen" / "Ein Raspberry
                        # Pi mit Raspberry Pi OS" / ...), nor the items under a sentence that
                        # introduces them ("Du kan få ett eller flera av följande symtom:" /
                        # "diarré" / "feber" / ...), nor a heading right over that sentence.
                        if not short[i]:
                            # (or a label closed by a colon right under a line of the text's
                            # own list or table, the list going on: "زيت للقلي" / "للتزيين:" /
                            # "نصف كوب لوز مقلي" / ...)
                            listed = self._introduces(blocks[i].text) or (
                                i - 1 in in_runs
                                and blocks[i - 1].index + 1 == blocks[i].index == blocks[i + 1].index - 1
                                and is_intro(blocks[i].text)
                            )
                            if listed or i not in crumbs:
                                continue
                        elif listed or self._heads_intro(blocks, short, i):
                            continue
                        elif (
                            i + 1 == regions[hi][0]
                            and blocks[i + 1].index == blocks[i].index + 1
                            and self._short_phrase("list_headings", blocks[i + 2].text if i + 2 < len(blocks) else "")
                            and is_heading(blocks[i].text)
                        ):
                            # Nor the heading of the paragraph that opens the text over a list of
                            # its own ("Our verdict" / "The Stratus 14 is ..." / "For" / ...).
                            continue
                        elif (
                            i + 1 == regions[hi][0]
                            and blocks[i + 1].index == blocks[i].index + 1
                            and is_heading(blocks[i].text)
                            and len(self._headings_in(blocks, short, regions[hi][0], regions[-1][1] + 1, in_runs)) >= MIN_SECTIONED_HEADINGS
                        ):
                            # Nor the heading of the text's first section when its other sections
                            # have headings under their paragraphs ("前言" over the first paragraph
                            # / ... / "一、只读取需要的列（usecols）" / ... / "二、指定数据类型" / ...).
                            continue
                        elif self._short_phrase("list_headings", blocks[i].text):
                            # Nor a list under its heading ("Why you'll love this recipe" /
                            # "One bowl, no mixer needed" / ...; vocabulary ``list_headings``).
                            listed = True
                            continue
                        if (short[i] or i in crumbs) and i not in in_runs:
                            boxes.setdefault(i, "links between the lead and the text")
        return kept, boxes

    def _names_more(self, text: str, other: str, topic: _Topic) -> bool:
        """Does ``text`` share ``MIN_SHARED_WORDS`` words or more with the article's paragraphs
        (``topic``), and more than ``other`` does?"""
        words = topic.all()
        shared = len(self._words(text) & words)
        return shared >= MIN_SHARED_WORDS and shared > len(self._words(other) & words)

    def _under_list_heading(self, blocks: tuple[Block, ...], i: int) -> bool:
        """Is line ``i`` right under a list heading (vocabulary ``list_headings``), or under
        one item that is no statement right under it, all next to each other in the input?"""
        for k in (i - 1, i - 2):
            if k < 0 or blocks[k + 1].index != blocks[k].index + 1:
                return False
            if self._short_phrase("list_headings", blocks[k].text):
                return True
            if self._states(blocks[k].text):
                return False
        return False

    @staticmethod
    def _headings_in(blocks: tuple[Block, ...], short: list[bool], start: int, end: int, runs: Collection[int] = ()) -> list[int]:
        """The headings (short lines, :func:`is_heading`) that stand right under a paragraph
        and over one between ``start`` and ``end``, next to both in the input: the sections of
        a text. With ``runs`` (the lines of the text's own lists, tables and code, which are
        not short), also a heading taken into such a run, right under a paragraph or a line of
        the run and over a sentence that introduces what follows (a how-to's "Krok 2: uruchom
        rebase" under its commands, over "Chcemy przepisać ..., więc wpisujemy:")."""
        return [
            k
            for k in range(start + 1, end - 1)
            if (short[k] or k in runs)
            and not short[k - 1]
            and not short[k + 1]
            and (short[k] or is_intro(blocks[k + 1].text))
            and blocks[k - 1].index + 1 == blocks[k].index == blocks[k + 1].index - 1
            and is_heading(blocks[k].text)
        ]

    def _answer_lists(self, blocks: tuple[Block, ...], short: list[bool], between: range) -> set[int]:
        """Items that answer a question (under a statement, an answer above) between the lead
        and the text: ``MIN_CLOSING_ITEMS`` lines or more without a full stop right under it,
        next to each other in the input, closed by a statement or by the next question over
        its answer ("Which platforms are supported?" / "Windows 10 and 11 (64-bit)" / ... /
        "Android 9 or later" / "There is currently no web app. ...")."""
        found: set[int] = set()
        for i in between:
            if QUESTION_END_RE.search(blocks[i].text) is None or i == 0 or FULL_STOP_END_RE.search(blocks[i - 1].text) is None:
                continue  # (a question under a statement: an FAQ's; not among other headlines)
            k = i + 1
            while k < between.stop and blocks[k].index == blocks[k - 1].index + 1 and len(blocks[k].text) <= MAX_DATA_CHARS and not FULL_STOP_END_RE.search(blocks[k].text) and not QUESTION_END_RE.search(blocks[k].text):
                k += 1
            if k < len(blocks) and QUESTION_END_RE.search(blocks[k].text) and k + 1 < len(blocks) and blocks[k + 1].index == blocks[k].index + 1:
                closer = k + 1  # or the next question over its answer ("Co robimy?" / ... / "Dlaczego warto nam zaufać?" / "Każdą wycenę ...")
            else:
                closer = k
            if (
                k - i - 1 >= MIN_CLOSING_ITEMS
                and closer < len(blocks)
                and blocks[k].index == blocks[k - 1].index + 1
                and not short[closer]
                and FULL_STOP_END_RE.search(blocks[closer].text)
            ):
                found.update(range(i + 1, k))
        return found

    @staticmethod
    def _echoes_text_headings(blocks: tuple[Block, ...], short: list[bool], between: range, main: tuple[int, int]) -> set[int]:
        """Short lines in a row between the lead and the text, ``MIN_ECHOED_HEADINGS`` or more,
        that lead as lines in a row in the text do (their first two words, figures alike), not
        all with the same words: the first section's headings ("Version 4.2.0" /
        "Veröffentlicht am 18. März 2025" / "Neu" over the first release's notes, as "Version
        4.1.3" / "Veröffentlicht am 6. Februar 2025" / "Neu" over the next), not links. (A
        table of contents names headings that stand apart, in the same words.)"""
        where: dict[str, list[int]] = {}  # the text's lines by how they lead
        for k in range(main[0], main[1] + 1):
            where.setdefault(_lead_key(blocks[k].text), []).append(k)
        run = [i for i in between if short[i]]
        keys = [_lead_key(blocks[i].text) for i in run]
        echoed: set[int] = set()
        for a, i in enumerate(run):
            if i in echoed:
                continue
            for k in where.get(keys[a], ())[:MAX_ECHO_PLACES]:
                m, differs = 0, False
                while m < MAX_ECHO_LINES and a + m < len(run) and run[a + m] == i + m and k + m <= main[1] and _lead_key(blocks[k + m].text) == keys[a + m]:
                    differs = differs or blocks[i + m].text != blocks[k + m].text
                    m += 1
                if m >= MIN_ECHOED_HEADINGS and differs:
                    echoed.update(run[a : a + m])
        return echoed

    def _heads_intro(self, blocks: tuple[Block, ...], short: list[bool], i: int) -> bool:
        """Is line ``i`` a heading right over a sentence that introduces a list ("Symtom" /
        "Du kan få ett eller flera av följande symtom:"), next to it in the input?"""
        k = i + 1
        return (
            k < len(blocks)
            and blocks[k].index == blocks[i].index + 1
            and not short[k]
            and self._introduces(blocks[k].text)
            and is_heading(blocks[i].text)
        )

    def _introduces(self, text: str) -> bool:
        """Is ``text`` a sentence that introduces a list, closed by a colon, of
        ``MIN_INTRO_WORDS`` words or more ("Du kan få ett eller flera av följande symtom:";
        "Fixtures for:" is a menu's label)?"""
        return INTRO_END_RE.search(text) is not None and self.lines(text).words >= MIN_INTRO_WORDS

    def _comments_cut(
        self, doc: Document, prose: list[bool], short: list[bool], counters: dict[int, str], posts_counted: Collection[int] = ()
    ) -> tuple[int, str] | None:
        """Where the readers' comments start: a comments header ("Comments", or a counter
        removed by another filter: ``counters``, see _comment_counters) with at least
        ``min_prose_above_comments`` words of prose above it. Comments may outweigh the
        article, so this is decided before the article's region is chosen."""
        blocks = doc.blocks
        positions = [b.index for b in blocks]
        headers = {r.block.index: r.block.text for r in doc.removals if self.lines.shapes.is_comment_header(r.block.text)}
        headers.update(counters)
        headers.update((b.index, b.text) for b in blocks if self.lines.shapes.is_comment_header(b.text))
        for index in posts_counted:
            headers.pop(index, None)  # (each post's own button, see _post_counters)
        above = 0.0
        sizes = [line.size for line in self.lines.of(blocks)]
        total = sum(n for n, p in zip(sizes, prose) if p)
        k = 0
        for header in sorted(headers):
            cut = bisect_right(positions, header)
            while k < cut:
                above += sizes[k] if prose[k] else 0.0
                k += 1
            if 0 < cut < len(blocks) and above >= max(self.min_prose_above_comments, self.min_share_above_comments * total):
                start = cut - (1 if blocks[cut - 1].index == header else 0)
                return start, f"readers' comments under {headers[header][:40]!r} (line {doc.line(header)})"
        return None

    @staticmethod
    def _post_counters(doc: Document) -> list[int]:
        """Where comment counters removed by the interface filter are the buttons of each post
        of a thread, not the head of readers' comments: ``MIN_THREAD_POSTS`` counters or more said
        the same way, each with its own count ("448 条评论" / ... / "87 条评论" / ... / "62 条评
        论"); a page's counter over its comments is said once or twice. Sorted positions."""
        said: dict[str, list[tuple[int, str]]] = {}
        for r in doc.removals:
            if r.reason == reasons.COMMENT_COUNTER and DIGIT_RE.search(r.block.text):
                said.setdefault(COUNT_RE.sub(lambda m: "" if m.group().isspace() else "0", r.block.text), []).append((r.block.index, r.block.text))
        return sorted(
            index for found in said.values() if len(found) >= MIN_THREAD_POSTS and len({text for _, text in found}) == len(found) for index, _ in found
        )

    @staticmethod
    def _comment_counters(doc: Document, stamps: Collection[int], posts_counted: Collection[int] = ()) -> dict[int, str]:
        """Comment counters removed by the interface filter ("Kommentare (2)", "12 comments")
        that head the comments, by original position: a comment follows, or its writer's stamp
        (``stamps``: where bylines and datelines were removed; not more buttons: "Discuss this
        article" in a share bar, nor each post's counter in a thread, ``posts_counted``)."""
        at = {b.index for b in doc.blocks}
        at.update(stamps)
        interface = {r.block.index for r in doc.removals if r.reason in reasons.INTERFACE}
        return {
            r.block.index: r.block.text
            for r in doc.removals
            if r.reason == reasons.COMMENT_COUNTER and r.block.index + 1 in at and r.block.index - 1 not in interface and r.block.index not in posts_counted
        }

    def _related_cut(
        self, doc: Document, prose: list[bool], limit: int, boxes: dict[int, str], related: dict[int, str]
    ) -> tuple[int, str] | None:
        """Where a trailing list of other stories starts: after a header such as "Related
        stories", "Passend zum Artikel" or "Les plus lus" (perhaps already removed by
        another filter; ``related``: see :meth:`_related_headers`), when only teaser-sized
        blocks and a minor share of the prose follow it (up to ``limit``)."""
        if not self.related_sections:
            return None
        blocks = doc.blocks[:limit]
        here = {b.index for b in doc.blocks[limit:]}
        headers = {index: text for index, text in related.items() if index not in here}
        sizes = [line.size for line in self.lines.of(blocks)]
        # Suffix sums and maxima, so each header is checked in constant time.
        prose_after = [0.0] * (len(blocks) + 1)
        longest_after = [0.0] * (len(blocks) + 1)
        for i in range(len(blocks) - 1, -1, -1):
            prose_after[i] = prose_after[i + 1] + (sizes[i] if prose[i] else 0.0)
            longest_after[i] = max(longest_after[i + 1], sizes[i])
        total = prose_after[0] or 1.0
        positions = [b.index for b in blocks]
        # The items of a box this filter removed in an earlier round are gone from the page:
        # under a plain list of two headlines or more (not one item printed twice, as an
        # image's alt text and its title), prose is the article resuming, as in round one.
        removed_items = {
            r.block.index: self.lines(r.block.text).key
            for r in doc.removals
            if r.filter == self.name and r.reason == reasons.LINK_LIST
        }
        gone = sorted(removed_items)
        for header in sorted(headers):
            cut = bisect_right(positions, header)
            if cut >= len(blocks) or cut == 0:
                continue
            if prose[cut]:
                items = {removed_items[x] for x in gone[bisect_right(gone, header) : bisect_right(gone, positions[cut])]}
                if len(items) >= 2:
                    continue  # the article resumes under a box of other stories removed before
            box_end = cut
            while box_end < len(blocks) and boxes.get(box_end) is not None:
                box_end += 1
            if box_end > cut and box_end < len(blocks) and prose[box_end]:
                continue  # the article resumes under the box of other stories
            if any(self._titles_card(blocks, k, cut) for k in range(cut, min(len(blocks), cut + MAX_SET_IN_BOX))):
                continue  # the page's card of facts under a few headlines ("Vous aimerez aussi :" / ... / the recipe's card)
            if self._statements_under(blocks, cut):
                continue  # the text goes on under a header left without its items
            if longest_after[cut] >= self.max_teaser_words:
                continue
            if self._sections_after(blocks, prose, cut):
                continue  # the article's sections go on under the box ("Dove mangiare" / its paragraph / ...)
            if prose_after[cut] <= self.max_related_share * total:
                start = cut - (1 if blocks[cut - 1].index == header else 0)
                return start, f"other stories under {headers[header][:40]!r} (line {doc.line(header)})"
        return None

    @staticmethod
    def _statements_under(blocks: tuple[Block, ...], cut: int, reach: int = MAX_SET_IN_BOX) -> bool:
        """Do ``MIN_STATEMENTS_UNDER`` lines or more in a row, each a statement closed by a full
        stop, next to each other in the input, start within ``reach`` lines under line ``cut``
        (a box's few lines: "Related topics" / "What should I do in a storm?" / "Secure loose
        objects such as bins ..." / "Charge mobile phones ..." / ...)? A box of other stories
        holds headlines, each over one sentence of summary at most: sentences in a row are the
        text's."""

        def stated(text: str) -> bool:  # (not "...", nor an abbreviation's point: "– 2.695.000 kr.")
            words = text.rstrip(" \"'”’»)]").split()
            return FULL_STOP_END_RE.search(text) is not None and not text.rstrip().endswith(("..", "…")) and len(words[-1].strip(".")) > MAX_ABBREVIATION_CHARS

        run = 0
        for k in range(cut, min(len(blocks), cut + reach + MIN_STATEMENTS_UNDER)):
            if stated(blocks[k].text) and (run == 0 or blocks[k].index == blocks[k - 1].index + 1):
                run += 1
                if run >= MIN_STATEMENTS_UNDER:
                    return True
            elif k - cut >= reach:
                return False
            else:
                run = 0
        return False

    @staticmethod
    def _sections_after(blocks: tuple[Block, ...], prose: list[bool], cut: int) -> bool:
        """Do ``MIN_SECTIONS_AFTER`` headings or more stand below line ``cut``, each a short
        line right over a paragraph of two sentences or more, next to it in the input, the first
        within a box's few lines (``MAX_SET_IN_BOX``): the article's sections going on under a
        box of other stories set into it, not teasers (a teaser's summary is one sentence)?"""
        found = 0
        for k in range(cut, len(blocks) - 1):
            if not found and k > cut + MAX_SET_IN_BOX:
                return False
            if (
                not prose[k]
                and prose[k + 1]
                and size(blocks[k].text) <= MAX_SECTION_HEADING_WORDS
                and blocks[k + 1].index == blocks[k].index + 1
                and SENTENCE_BREAK_RE.search(blocks[k + 1].text) is not None
            ):
                found += 1
                if found >= MIN_SECTIONS_AFTER:
                    return True
        return False

    def _opens_timeline(self, blocks: tuple[Block, ...], i: int, in_runs: Collection[int]) -> bool:
        """Does line ``i`` open the article's own run under a box of other stories: a run of
        its lists or tables (``in_runs``) that starts here, or entries led by their date that
        start here or right under it, a heading (see :meth:`_dated_entries`: "廃止までの主な流れ" /
        "2025年10月\u3000国に廃止届を提出（予定）" / ...)? A box's items are headlines."""
        if i in in_runs and i - 1 not in in_runs:
            return True
        return not (i > 0 and self.lines.shapes.is_dated_entry(blocks[i - 1].text)) and self._dated_entries(blocks, i, len(blocks), ())

    def _related_headers(self, doc: Document) -> dict[int, str]:
        """The headers over other stories ("Related stories", "Lesen Sie auch"), by original
        position: the lines still here and those another filter removed, except a lead-in the
        promo filter already paired with its headline (no list header), a cookie banner's
        link under its notice ("Más información"; see under_cookie_notice), and an item of
        the site's menu."""
        is_header = self.lines.shapes.is_related_header
        headers = {r.block.index: r.block.text for r in doc.removals if r.reason != reasons.PROMO_LEAD_IN and is_header(r.block.text)}
        headers.update((b.index, b.text) for b in doc.blocks if is_header(b.text))
        if headers:
            lines_in = doc.input_blocks
            at = {block.index: position for position, block in enumerate(lines_in)}
            # An item of the site's menu, between two others that the other filters removed as
            # the menu's, one a section's name ("Inicio" / "Últimas noticias" / "Política" /
            # ...), heads no box.
            menu = {r.block.index: r.reason for r in doc.removals if r.reason in (reasons.NAVIGATION, reasons.SECTION_LABEL)}

            def in_menu(k: int) -> bool:
                if not 0 < k < len(lines_in) - 1:
                    return False
                around = (menu.get(lines_in[k - 1].index), menu.get(lines_in[k + 1].index))
                return None not in around and reasons.SECTION_LABEL in around

            headers = {k: text for k, text in headers.items() if not under_cookie_notice(self.lines, lines_in, at[k]) and not in_menu(at[k])}
        return headers

    def _related_boxes(
        self,
        doc: Document,
        prose: list[bool],
        short: list[bool],
        sizes: list[float],
        related: dict[int, str],
        ends: Sequence[int],
        in_runs: Collection[int] = (),
    ) -> dict[int, str]:
        """Boxes of other stories set into the page: a related header ("Related stories",
        "Lesen Sie auch", perhaps removed by another filter; ``related``: see
        :meth:`_related_headers`) and the link-like lines under it, with the summary under
        each headline when every item has one (teaser cards). Prose under a plain list of
        headlines is not a teaser: the article resumes there (``ends``: where removed lines end
        the article box, see _box_ends). Returns position -> detail."""
        if not self.related_sections:
            return {}
        blocks = doc.blocks
        positions = [b.index for b in blocks]
        headers = dict(related)
        # A promo lead-in ("Lesen Sie auch:", "Te puede interesar") took its first headline
        # with it; two or more more under it make a box.
        promos = {r.block.index: r.block.text for r in doc.removals if r.reason == reasons.PROMO_LEAD_IN}
        # The paragraph of each line of the input, removed or not (a blank line starts one).
        paragraph_of = {b.index: b.paragraph for b in doc.input_blocks}
        # A lead-in with its headline on the same line ("Read more: Councils warn of ...") is a
        # promo of its own: the lines under it are a box only when no paragraph of the
        # article follows them inside the article box (a list under a subheading does, closed
        # by a paragraph or a statement: "Das dauert Monate.").
        inline = {k for k, text in promos.items() if self._promos.lead_in(text) == "inline"}
        headers.update(promos)
        boxes: dict[int, str] = {}
        # A headline may be a question ("Is it safe to swim in the river?"), but not one the
        # page asks again over answers: an interview's question put to each in turn.
        keys = [line.key for line in self.lines.of(blocks)]
        asked = Counter(keys[k] for k in range(len(blocks) - 1) if prose[k + 1] and QUESTION_END_RE.search(blocks[k].text))
        asked_over = sum(asked.values())  # questions right over prose: an interview's
        # (On an interview's page, a question over its answer is the interview's.)
        interview = asked_over >= MIN_INTERVIEW_QUESTIONS
        item = [
            s
            or (
                sizes[k] <= self.max_short_words
                and QUESTION_END_RE.search(blocks[k].text) is not None
                and asked[keys[k]] < 2
                and not (interview and k + 1 < len(blocks) and prose[k + 1])
            )
            for k, s in enumerate(short)
        ]
        trails = sorted(r.block.index for r in doc.removals if self._is_trail(r.block.text)) if headers else []
        signed = {r.block.index for r in doc.removals if r.reason in (reasons.BYLINE, reasons.DATELINE)} if headers else set()
        top = next((k for k, p in enumerate(prose) if p), len(blocks))  # the page's first paragraph
        # The text has a subheading of its own: a short line between two of its paragraphs,
        # next to both in the input.
        subheaded = bool(promos) and any(
            short[k] and prose[k - 1] and prose[k + 1] and blocks[k - 1].index + 1 == blocks[k].index == blocks[k + 1].index - 1 and is_heading(blocks[k].text)
            for k in range(1, len(blocks) - 1)
        )
        for header in sorted(headers):
            start = bisect_right(positions, header)
            first = start - (1 if start and positions[start - 1] == header else 0)
            if first in boxes:
                continue
            detail = f"other stories under {headers[header][:40]!r} (line {doc.line(header)})"
            # A plain list (two headlines or more in a row), or teaser cards (two headlines or
            # more, each with its summary). One headline with prose under it is weak evidence.
            # Nor past a trail of crumbs: the page's own headline is under it ("Neue Beiträge" in
            # a forum's menu / ... / "Forum › Sanitär & Heizung › Heizkörper" / the thread's title;
            # "Çok okunanlar" / ... / "Anasayfa > Spor" / the headline: see _is_trail).
            # (A trail removed in an earlier round stops it too.)
            i = start
            while (
                i < len(blocks)
                and item[i]
                # (The article's own list, table or timeline starts below the box's headlines,
                # or its list under a heading whose items start with a small letter: headlines
                # start with a capital.)
                and not ((i > start or header in promos) and (self._opens_timeline(blocks, i, in_runs) or _heads_small_items(blocks, i)))
                and not self.lines.shapes.is_related_header(blocks[i].text)
                and not self._is_trail(blocks[i].text)
                and bisect_right(trails, blocks[i].index) == bisect_right(trails, blocks[i - 1].index if i > start else header)
                and not self._titles_card(blocks, i, first)
                and not self._leaves_box(blocks, paragraph_of, header, i)
            ):
                i += 1
            links = i - start
            # (The box's paragraph ended: its lines are all its headlines.)
            closed = start < i < len(blocks) and self._leaves_box(blocks, paragraph_of, header, i)
            # One headline right over the interview's next question and its answer. (Not a
            # speaker's name over the question put to each in turn, nor a section's heading of
            # a few words over its first question.)
            over_question = (
                links == 1
                and interview
                and sizes[start] > MAX_SECTION_HEADING_WORDS
                and start + 2 < len(blocks)
                and QUESTION_END_RE.search(blocks[start + 1].text) is not None
                and asked[keys[start + 1]] < 2
                and prose[start + 2]
            )
            if header in promos and links < 2 and not over_question and not closed:
                continue
            # (Or a heading right over a table of the text: "Chi phí tham khảo (1 người)" /
            # "Xe khách khứ hồi | 600.000đ" / ...; or over a bulleted list: "優點" / "✔ 吸力強,
            # ...".)
            if (
                header in inline
                and i < len(blocks)
                and (prose[i] or i in in_runs or self._heads_run(blocks, i, in_runs, ends) or self._heads_list(blocks, i) or self._states(blocks[i].text))
                and not crosses_removed(ends, blocks, i)
            ):
                continue
            # The last line under a box of a few headlines set into the text (a paragraph at
            # most three lines above it), right over a paragraph of the article, is its
            # subheading when it has less than two thirds of the words of the shortest headline
            # above it ("À lire aussi" / "Transports scolaires : trois nouvelles lignes à la
            # rentrée" / "En ville" / the text), or a question of the page's interview asked as
            # its others are, over their answers ("3. Il turismo è una risorsa o un rischio?"):
            # the text resumes there (see _resumes_under).
            resumed = False
            # A paragraph right above, or a line of the text's own tables and lists, or the items
            # of a list a paragraph introduces ("Confira os pontos com interdição ...:" / four
            # streets).
            set_in = any(prose[k] or k in in_runs or LIST_ITEM_RE.match(blocks[k].text) for k in range(max(0, first - 3), first)) or self._introduced_above(blocks, prose, first)
            while set_in and 2 <= i - start <= MAX_SET_IN_BOX and self._resumes_under(blocks, prose, sizes, start, i, asked_over, resumed, subheaded and header in promos):
                i -= 1
                resumed = True
            if links == 1 and not closed:
                cards = 0
                j = start
                while (
                    j + 1 < len(blocks) and item[j] and prose[j + 1] and not item[j + 1] and sizes[j + 1] < self.max_teaser_words
                    and not self.lines.shapes.is_related_header(blocks[j].text)
                ):
                    cards += 1
                    j += 2
                if cards >= 2:
                    i = j
                elif over_question:
                    i = start + 1  # its one headline
                else:
                    i = start  # only the header
            # The page's own headline ends a box above the page's first paragraph: its one item
            # with the byline or the dateline right under it or a line further down, longer
            # than a section's heading ("Главное" in the site's menu / ... / "Синоптики
            # предупредили ..." / the lead / "09:47 08.07.2024"; a forum's "Nieuwe berichten" /
            # ... / the thread's title / "Gestart door ..." / "14 januari 2024"; not teaser
            # cards, each a headline over its author or date).
            if start < i < len(blocks) and not item[i] and first <= top:
                signs = [self._heads_byline(blocks, signed, k) for k in range(start, i)]
                # (The line right under a headline so signed, over the byline, is its lead or a
                # line of its head, no other headline.)
                heads = [start + n for n, s in enumerate(signs) if s and not (n and signs[n - 1])]
                if len(heads) == 1 and sizes[heads[0]] > MAX_SECTION_HEADING_WORDS:
                    i = heads[0]
            boxes.update(dict.fromkeys(range(first, i), detail))
        # A teaser-sized crumb of prose between two boxes goes with them; two sentences or
        # more are the article's own paragraph ("... prüfen zu lassen. Dann ist die Sendung
        # vorbei."), a teaser's summary is one.
        for i in range(1, len(blocks) - 1):
            if i not in boxes and i - 1 in boxes and i + 1 in boxes and sizes[i] < self.max_teaser_words:
                if SENTENCE_BREAK_RE.search(blocks[i].text) is None:
                    boxes[i] = boxes[i - 1]
        return boxes

    def _leaves_box(self, blocks: tuple[Block, ...], paragraph_of: Mapping[int, int], header: int, i: int) -> bool:
        """Is line ``i`` past the box under ``header`` because the box is one paragraph of the
        input, its header and ``MIN_BOXED_ITEMS`` items or more next to each other, and line
        ``i`` starts another with a heading that names a list of the text's (vocabulary
        ``list_headings``: "Mehr zum Thema" / two headlines / a blank line / "Tipps für die
        Reise" / the tips)? A page that sets a blank line between all its lines gives no such
        evidence."""
        box = paragraph_of.get(header)
        if box is None or paragraph_of.get(blocks[i].index) == box:
            return False
        text = blocks[i].text
        if not (is_heading(text) and (self._names_list(text) or self._short_phrase("list_headings", text))):
            return False
        above = blocks[i - 1].index
        return paragraph_of.get(above) == box and above - header >= MIN_BOXED_ITEMS and all(paragraph_of.get(k) == box for k in range(header, above + 1))

    @staticmethod
    def _heads_run(blocks: tuple[Block, ...], i: int, in_runs: Collection[int], ends: Sequence[int]) -> bool:
        """Is line ``i`` a heading right over a run of the text's tables or lists
        (``in_runs``), no end of the article box between them?"""
        return i + 1 < len(blocks) and i + 1 in in_runs and i not in in_runs and is_heading(blocks[i].text) and not crosses_removed(ends, blocks, i + 1)

    def _titles_card(self, blocks: tuple[Block, ...], i: int, first: int) -> bool:
        """Is line ``i`` the title of the page's card of facts: a line said above the box
        (the page's headline) again, a "Label: value" fact of a card (vocabulary
        ``fact_labels``, a colon or not: "Prep Time 10 minutes") among the ``MAX_CARD_GAP``
        lines under it? A recipe card under a box of other recipes repeats the post's
        headline, or its first part before a dash or a colon ("Kaiserschmarrn wie von der Oma –
        flaumig, karamellisiert und mit Zwetschkenröster" / ... / "Kaiserschmarrn wie von der
        Oma")."""
        if not any(self.lines.shapes.fact_led(blocks[k].text, any_label=False) for k in range(i + 1, min(len(blocks), i + 1 + MAX_CARD_GAP))):
            return False
        key = self.lines(blocks[i].text).key
        for k in range(first):
            above = self.lines(blocks[k].text).key
            if above == key or (above.startswith(key) and above[len(key) :].lstrip()[:1] in TITLE_PART_ENDS):
                return True
        return False

    def _closes_text(self, text: str) -> bool:
        """A line right under the text that is its own: a contact under its label
        ("Ansprechpartnerin: Julia Brenner, Telefon 07523 612-240, kultur@hohenfelden.de"), a
        review's score, a label and the score alone ("Điểm đánh giá của TechViet: 8,2/10";
        readers' ratings count their votes), or a labelled link to the paper the text reports
        on by its DOI ("论文链接：https://doi.org/10.1002/...", "Journal reference: Global Change
        Biology, DOI: 10.1111/gcb.17342"), or the attribution of a post it embeds ("— AS FAR
        (@ASFAR_Officiel) April 12, 2025" under the post's text), or an obituary's line of the
        life's dates ("Sir Geoffrey Allard, born 3 May 1933, died 14 January 2025")."""
        return (
            self.lines.shapes.labels_contact(text)
            or SCORE_LINE_RE.fullmatch(text) is not None
            or (len(text) <= MAX_DATA_CHARS and (DOI_RE.match(text) is not None or POST_ATTRIBUTION_RE.fullmatch(text.strip()) is not None))
            or self.lines.shapes.gives_life_dates(text)
        )

    def _introduced_above(self, blocks: tuple[Block, ...], prose: list[bool], first: int) -> bool:
        """Are the lines right above line ``first`` (``MAX_SET_IN_BOX`` at most, none a
        paragraph, next to each other in the input) the items of a list that the paragraph over
        them introduces (its last character a colon)?"""
        k = first - 1
        while k >= 0 and first - k <= MAX_SET_IN_BOX and not prose[k] and (k == first - 1 or blocks[k + 1].index == blocks[k].index + 1):
            k -= 1
        return 0 <= k < first - 1 and prose[k] and blocks[k + 1].index == blocks[k].index + 1 and self._introduces(blocks[k].text)

    @staticmethod
    def _heads_byline(blocks: tuple[Block, ...], signed: Collection[int], k: int) -> bool:
        """Is line ``k``, over a line that is no link, the page's headline: a byline or a
        dateline (``signed``: where the byline filter removed them) right under it, or under
        the line right under it in the input (its lead, or a line removed in an earlier round:
        "Themenstarter: Holger_K" between a thread's title and "Erstellt am 06.11.2023")?"""
        at = blocks[k].index
        return at + 1 in signed or at + 2 in signed

    def _resumes_under(
        self, blocks: tuple[Block, ...], prose: list[bool], sizes: list[float], start: int, end: int, asked: int, resumed: bool, subheaded: bool = False
    ) -> bool:
        """Does the article resume at line ``end - 1``, the last of the link-like lines
        ``start``..``end`` under a related header, right over a paragraph of the text, a
        sentence that introduces a list, two items of a list in a row ("Clasificación general"
        over "1. Matías Fuentealba (Biobío Pro Cycling) 8h 41' 20\"" / "2. Lautaro Giménez ..."),
        a statement (a headline has no full stop: "I marcatori" over "Pisa: Tramoni (12'),
        Moreo (21')."), a question over its answer, or a line found to resume it
        (``resumed``), next to it in the input? Yes when it has less than two thirds of the
        words of the shortest line above it (a subheading under headlines), or when it is a
        question and ``MIN_INTERVIEW_QUESTIONS`` questions or more, it among them, stand over
        paragraphs on the page (an interview's)."""
        k = end - 1
        if end >= len(blocks) or blocks[end].index != blocks[k].index + 1:
            return False
        if self._numbered_on(blocks, start, k) or self._timed_on(blocks, start, k):
            return True
        listed = end + 1 < len(blocks) and LIST_ITEM_RE.match(blocks[end].text) is not None and LIST_ITEM_RE.match(blocks[end + 1].text) is not None
        asks = end + 1 < len(blocks) and prose[end + 1] and QUESTION_END_RE.search(blocks[end].text) is not None  # a question over its answer
        if not (prose[end] or resumed or listed or asks or self._introduces(blocks[end].text) or self._states(blocks[end].text)):
            return False
        if 3 * sizes[k] < 2 * min(sizes[start:k]):
            return True
        if listed and _item_number(blocks[end].text) == 1 and _item_number(blocks[end + 1].text) != 1:
            # Over a numbered list that starts there ("Les meilleurs scores en voix de
            # préférence" / "1. Benoît Collard (IC-Ensemble) : 2.187 voix" / "2. ..."): its heading.
            return True
        if subheaded and sizes[k] < min(sizes[start:k]):
            # Under a promo's lead-in, on a page whose text has subheadings of its own, a line
            # shorter than every headline above it ("Leggi anche" / two headlines / "Un
            # archivio di 80 mila negativi" / the text).
            return True
        return QUESTION_END_RE.search(blocks[k].text) is not None and asked >= MIN_INTERVIEW_QUESTIONS

    def _timed_on(self, blocks: tuple[Block, ...], start: int, k: int) -> bool:
        """Does line ``k``, under a box of other stories whose lines start at ``start`` (none of
        them led by a time), go on with the text's headings led by clock times: a later time
        than that of the last line above the box led by one ("9:00　近江町市場で海鮮の朝ごはん"
        / paragraphs / "あわせて読みたい" / two headlines / "10:30　ひがし茶屋街で ...": an
        itinerary's next stop)?"""
        later = _clock_minutes(self.lines(blocks[k].text).folded)
        if later is None or any(_clock_minutes(self.lines(blocks[j].text).folded) is not None for j in range(start, k)):
            return False
        above = next((m for m in (_clock_minutes(self.lines(blocks[j].text).folded) for j in range(start - 1, max(-1, start - 1 - MAX_SECTION_GAP), -1)) if m is not None), None)
        return above is not None and above < later

    @staticmethod
    def _numbered_on(blocks: tuple[Block, ...], start: int, k: int) -> bool:
        """Does line ``k``, under a box of other stories whose lines start at ``start``, go on
        with the numbers of the text's sections: led by a number one more than that of the
        last line above the box led by a number ("4. How quickly do changes reach
        borrowers?" / a paragraph / "READ MORE" / two headlines / "5. How did we get here?")?"""
        number = _item_number(blocks[k].text)
        if number is None or number < 2:
            return False
        above = next((n for n in (_item_number(blocks[j].text) for j in range(start - 1, max(-1, start - 1 - MAX_SECTION_GAP), -1)) if n is not None), None)
        return above is not None and above + 1 == number

    def find(self, doc: Document) -> Iterator[Removal]:
        blocks = doc.blocks
        shapes = [self._shape(b.text) for b in blocks]
        prose = [p for p, _ in shapes]
        short = [s for _, s in shapes]
        if self.structure:
            # A song's lines under the labels of its parts, and a poem's, are the page's text,
            # however short.
            texts = [b.text for b in blocks]
            for start, end in [*self.lines.shapes.lyrics_runs(texts), *self.lines.shapes.verse_runs(texts)]:
                for k in range(start, end):
                    prose[k], short[k] = True, False
        if not any(prose):
            return
        ends = self._box_ends(doc)  # where removed lines end the article box
        link_like = list(short)  # by shape alone, before the article's structure is read
        # Structured lines that can make a section under a subheading below the text: data
        # (not dates alone: other stories' teasers carry dates too) and entries whose values
        # hold figures ("Veerboot: 08.30, 11.30"; "Kolumne: Über Nichtverlängerungen" under
        # "mehr Kolumnen" is a list of other stories).
        structured: set[int] = set()
        in_runs: set[int] = set()  # lines of the article's tables, lists and entries
        tabled: set[int] = set()  # lines of its tables and entries
        barred: set[int] = set()  # the first rows of its tables flattened with bars
        timed: set[int] = set()  # lines of its programmes by day or time
        entry_buttons: list[int] = []  # a button under each of its dated entries
        lead_ins: list[int] = []  # removed lead-ins of other stories, by original position
        if self.structure:
            # The article's own data, entries and lists are not links; a list does not run
            # on past a removed lead-in of other stories or the end of the article box.
            stops = sorted([*ends, *(r.block.index for r in doc.removals if r.reason == reasons.PROMO_LEAD_IN)])
            lead_ins = sorted(r.block.index for r in doc.removals if r.reason == reasons.PROMO_LEAD_IN)
            # Date lines still here are a schedule's ("Freitag, 15. März" over events): the
            # bylines filter removes the others.
            texts = [b.text for b in blocks]
            shapes = self.lines.shapes
            dates = [i for i, text in enumerate(texts) if not prose[i] and (shapes.is_date(text) or shapes.is_named_day(text)) and not shapes.is_relative_date(text)]
            dated = set(dates)
            runs = shapes.structured_runs(texts, prose, dates=dates)
            # Records listed one after another are the article's entries, prose between their
            # fields or not (a search's results: name, address, "Telefon: ...", "Notdienst: ...").
            runs.extend((start, end, "entries") for start, end in record_runs(texts, prose))
            # A programme by day: each date over its acts or items, however short.
            runs.extend((start, end, "days") for start, end in shapes.day_groups(texts, prose))
            reread: set[int] = set()  # where the rest of a run cut by the end of a box was read again
            for start, end, why in runs:  # (grows while read: see below)
                if isinstance(self.structure, (list, tuple)) and why not in self.structure:
                    continue
                crossed = [i for i in range(start + 1, end) if crosses_removed(stops, blocks, i)]
                if crossed and crossed[0] - start <= MAX_HEAD_OVER_STOP and all(k in dated or CODE_RE.search(texts[k]) for k in range(start, crossed[0])):
                    # The page's date over a share bar, or a command over its Copy button, and
                    # a run under it: the run starts under the end of that box ("Actualizado
                    # 29/05 00:14" / share buttons / the results table).
                    start = crossed[0]
                # A fact box: MIN_FACTS entries or more with short values ("Zuurgraad: hoog").
                facts = {i for i in range(start, end) if is_fact_entry(texts[i]) or self._names_fact(texts[i])} if why == "entries" else set()
                if len(facts) < MIN_FACTS:
                    facts = set()
                # A run does not go on past a removed lead-in or the end of a box; the rest of
                # its lines, when a paragraph follows them, are read again on their own: under
                # a share bar at the top of a page the article's own facts and lists start
                # ("Merken" / "Auf Pinterest teilen" over a recipe's times and ingredients over
                # its steps). Not under a lead-in (other stories), nor the page's footer under
                # the last box, nor "Label: value" lines there (teasers: "Box-office : « Astérix »
                # domine encore la semaine").
                cut = next((i for i in crossed if i > start), end)
                if cut < end and cut not in reread and not crosses_removed(lead_ins, blocks, cut):
                    reread.add(cut)
                    j = cut
                    while j < len(texts) and not prose[j]:
                        j += 1
                    if j < len(texts):
                        piece = shapes.structured_runs(texts[cut:j], prose[cut:j], dates=[d - cut for d in dates if cut <= d < j])
                        runs.extend((cut + a, cut + b, kind) for a, b, kind in piece if kind != "entries")
                if cut - start < 2 < end - start and not (shapes.is_data(texts[start]) or is_entry(texts[start])):
                    continue  # a table's heading alone over the box's end ("FAQ" over a share bar) is none of it
                if why == "data" and cut < end and not any(k in dated or shapes.is_data(texts[k]) for k in range(start, cut)):
                    # Nor are lines without a figure over the box's end its heading: a table's
                    # heading sits on it ("You might also like:" / three recipes / a rating /
                    # "Print" / "Pin" over the recipe card's times and ingredients).
                    continue
                for i in range(start, cut):
                    short[i] = False
                    in_runs.add(i)
                    if why in ("data", "entries"):
                        tabled.add(i)
                    elif why == "days":
                        timed.add(i)
                    if shapes.is_data(texts[i]) or (why == "entries" and (_is_figures_entry(texts[i]) or i in facts)):
                        structured.add(i)
            # The article's tables read whole, however short their lines:
            tables: list[tuple[int, int]] = []
            # one whose dates fill a column under its header row ("Datum" / "Fach" / "Raum" /
            # "Mi., 19.03.2025" / "Deutsch" / "Aula" / ...: see Shapes.date_tables);
            tables += [(start, end) for start, end, _ in shapes.date_tables(texts, dates)]
            # one of words under its columns' names right under a paragraph, or under a heading
            # there ("Störungen beim Entkalken" / "Problem" / "Ursache" / "Lösung" / ...);
            tables += [(t, end) for t in range(1, len(blocks)) if prose[t - 1] and not prose[t] and (end := self._introduced_table(blocks, t)) is not None]
            # a review's ratings, each criterion with its stars ("沸騰スピード ★★★★★" / "安全性
            # ★★★★☆" / ...);
            tables += rated_rows(texts)
            # one flattened with bars between its cells, a row per line, however long its rows
            # ("Option | Default | Description" / "--keep | 10 | Number of rotated files to
            # keep" / ...);
            bars = bar_rows(texts)
            barred.update(start for start, _ in bars)
            tables += bars
            # one of days flattened a cell per line, each day said twice at most (a collection
            # day and the day it moves to: "Monday 25 December" / "Wednesday 27 December" /
            # "Tuesday 26 December" / ...).
            tables += _day_tables(blocks, dates)
            # and a small table under its columns' names whose rows hold figures in the same
            # cells ("Asignatura" / "Fecha" / "Hora" / "Aula" / "Prehistoria II" / "26/05/2025"
            # / "10:00" / "Aula 104" / ...: see Shapes.named_table), read from each line that is
            # no paragraph and no cell of such a table found above it; no line removed between
            # its cells (a site's menu over a product's name and price, a trail of crumbs
            # between them).
            t = 0
            while t < len(texts):
                end = None if prose[t] else shapes.named_table(texts, t, len(texts))
                if end is not None and blocks[end - 1].index - blocks[t].index == end - 1 - t:
                    tables.append((t, end))
                    t = end
                else:
                    t += 1
            for start, end in tables:
                for i in range(start, end):
                    short[i] = False
                    in_runs.add(i)
                    tabled.add(i)
                    structured.add(i)
            # Dates between the text's paragraphs, each next to an entry of its own, and the
            # entries ("Lepre" / "8 dicembre 2025" / "Starna" / "30 novembre 2025" / ...; see
            # Shapes.dated_entries): a schedule or a table of dates, not links.
            for i in shapes.dated_entries(texts, prose, dated, [b.index for b in blocks]):
                short[i] = False
                in_runs.add(i)
                tabled.add(i)
                structured.add(i)
            # Entries led by their date between paragraphs of the text are its schedule, one
            # button under each or not ("Thu 6 – Dublin, Vicar Street" / "Tickets" / ...): not
            # links, so they do not split the text.
            schedule, entry_buttons = self._dated_between(doc, prose, short, stops)
            for i in schedule:
                short[i] = False
        sizes = [line.size for line in self.lines.of(blocks)]
        if self.structure:
            structured |= self._figure_boxes(blocks, prose, sizes)
        # Boxes of other stories go wherever they are, and do not split the article.
        related_headers = self._related_headers(doc) if self.related_sections else {}
        if related_headers and tabled:
            # A cell said in two rows or more of a table, between lines of the table, heads no
            # box ("$1,599" / "92%" / "64" / "Recommended" / "Bolt Home S5" / ... / "61" /
            # "Recommended" / ...: a verdict column).
            at = {b.index: k for k, b in enumerate(blocks)}
            cells = [k for h in related_headers if (k := at.get(h)) is not None and k - 1 in tabled and k + 1 in tabled]
            said = Counter(self.lines(blocks[k].text).key for k in cells)
            related_headers = {h: text for h, text in related_headers.items() if not ((k := at.get(h)) in cells and said[self.lines(text).key] >= 2)}
        boxes_of_links = self._related_boxes(doc, prose, short, sizes, related_headers, ends, in_runs)
        # A page's table of contents goes; the section headings it names stay headings.
        contents, headings = self._contents(doc, prose)
        for i in headings:
            short[i] = False
        for i in contents:
            boxes_of_links.setdefault(i, CONTENTS_DETAIL)
        prose_before_boxes = list(prose)
        for i in boxes_of_links:
            prose[i] = short[i] = False
        # Where the bylines filter removed the page's bylines and datelines (a comment's stamp,
        # see _comment_counters; the news head's, see _news_head and _over_stamp).
        stamps = {r.block.index: r for r in doc.removals if r.reason in (reasons.BYLINE, reasons.DATELINE)}
        # Readers' comments end the article wherever they are, however long.
        # Comment counters that are each post's button in a thread (see _post_counters).
        posts_counted = self._post_counters(doc)
        counters = self._comment_counters(doc, stamps, set(posts_counted))
        comments = self._comments_cut(doc, prose, short, counters, posts_counted)
        limit = comments[0] if comments is not None else len(blocks)
        if not any(prose[:limit]):
            limit = len(blocks)
            comments = None
        datelines = sorted(r.block.index for r in doc.removals if r.reason == reasons.DATELINE)
        regions = self._regions(blocks[:limit], prose[:limit], short[:limit], self._walls(doc), datelines)
        if not regions:
            return  # all the prose sits in boxes of other stories: no article to measure by
        weight = [sum(sizes[i] for i in range(a, b + 1) if prose[i]) for a, b in regions]
        longest = [max(sizes[i] for i in range(a, b + 1) if prose[i]) for a, b in regions]
        # The sections the page's table of contents names, under their headings, are the text's
        # ("Sommaire" / ... / "Notre sélection en bref" / "Le meilleur dans l'ensemble : ...").
        named = self._named_sections(blocks, headings, 0, limit, ends) if headings else set()
        kept, boxes = self._kept_regions(doc, regions, weight, short, longest, ends, sorted(counters), in_runs, named, posts_counted)
        first, last = kept[0][0], kept[-1][1]
        # A lead-in alone heads a list of other stories; one with its headline on the same line
        # ("関連記事:冬の夜空…", "Lesen Sie auch: Warum die Bahn streikt") is one promo, and the
        # text goes on under it.
        stops = sorted([*ends, *(r.block.index for r in doc.removals if r.reason == reasons.PROMO_LEAD_IN and self._promos.lead_in(r.block.text) != "inline")])
        # Sentences that directly continue the prose (no link-like line in between) stay, and
        # so does the article's own data above a subheading or a caption over the text.
        head_end = first
        boxed: set[int] = set()  # the article's own data box and the lines under it
        while True:
            while head_end > 0 and not short[head_end - 1]:
                head_end -= 1
            above = self._structure_above(blocks, short, head_end, stops, tabled) if self.structure else None
            if above is None:
                break
            boxed.update(range(above, head_end))
            head_end = above
        title = headline = entry = None
        by_name = False  # the title is the line a trail of crumbs names
        captioned: set[int] = set()  # photos' captions between the page's byline and the text
        signed = -1  # where the news head's byline block ends (see _news_head)
        # The words of the article's paragraphs, read as far as a question about them needs.
        topic = _Topic(self._words, (blocks[k].text for a, b in kept for k in range(a, b + 1) if prose[k]))
        # The same, as the first letters of each word: a standfirst may name the subject in
        # another form ("долине" / "долина").
        stems = _Topic(self._stems, (blocks[k].text for a, b in kept for k in range(a, b + 1) if prose[k]))
        # The line right over the first paragraph led as the headings of the text's entries
        # ("16:40 | ..." over the first entry of a live report) is the first entry's heading,
        # not the page's headline.
        entry_head = self._heads_like_entries(blocks, link_like, first, last + 1, boxes_of_links) if self.structure and head_end == first else None
        # Where another filter removed a shop's or an event's buttons: an event's date and place
        # right over them are no headline (see _event_under).
        shop_buttons = {r.block.index for r in doc.removals if r.reason == reasons.SHOP_BUTTON}
        if self.keep_title:
            # The last item of a trail of crumbs above names the page (see below), whatever the
            # line's shape ("Línea 4: Salamanca – Alba de Tormes" reads as an entry).
            named, trail, trail_items = self._crumbed(doc, blocks[first].index)
            # A product's name right over its price over the shop's buttons (see _names_product).
            products: set[int] = set()
            if shop_buttons:
                texts_at = {b.index: b.text for b in doc.input_blocks}
                products = {i for i in range(first) if not prose[i] and self._names_product(texts_at, blocks[i].index, shop_buttons)}
            # A Chinese or Japanese headline is often too long to look like a link.
            head = [
                i for i in range(first)
                if i in products or (i not in boxed and not (entry_head is not None and i >= entry_head) and (short[i] or (i not in in_runs and self._asks_over(blocks, i, first, topic)) or (not prose[i] and (CJK_RE.search(blocks[i].text) or (i not in in_runs and self._qualified(blocks[i].text)) or self._over_deck(blocks, prose, i, first) or self._over_stamp(blocks, i, first, stamps) or self._named_above(named, blocks[i])))))
                and looks_like_title(blocks[i].text)
                and not is_crumbs(blocks[i].text)
                and not _is_facts_line(blocks[i].text)
                and not self._is_price(blocks[i].text)
                and not (shop_buttons and event_place(self.lines, blocks, i, shop_buttons))
            ]  # fmt: skip
            if len(head) > 1:
                # A photo's caption right over its credit, under the page's byline or date
                # with a headline-like line above them, is no headline ("Storm Amy: Amber wind
                # warning ..." / "2 hours ago" / ... / "Waves crashed over the promenade in Largs
                # on Thursday evening" / "Getty Images" / the text).
                credited = {r.block.index - 1 for r in doc.removals if r.reason in reasons.CREDITS}
                stamped = [r.block.index for r in doc.removals if r.reason in (reasons.BYLINE, reasons.DATELINE)]
                captioned = {c for c in head if blocks[c].index in credited and any(blocks[h].index < m < blocks[c].index for h in head if h < c for m in stamped)}
                if captioned:
                    head = [i for i in head if i not in captioned]
            if len(head) > 1:
                # The longest headline-like line above the text, unless it shares no word with
                # the article's paragraphs while another shares two or more: the headline
                # names what the text is about, a longer button, banner or date line does not
                # ("Ajouter à mon carnet" over "Gratin dauphinois traditionnel").
                # (Not a row led by a date: "Venerdì 14 marzo 2025, ore 20.30 | Sala grande" is
                # the event's date and place under its title, whatever words it shares.)
                title = max(head, key=lambda i: (not self._date_first(blocks[i].text), sizes[i], i))
                menu = _is_menu(blocks[title].text)
                alone = not topic.shares(self._words(blocks[title].text))
                if menu or alone:
                    words = topic.all()
                    shared = {i: len(self._words(blocks[i].text) & words) for i in head}
                    best = max(head, key=lambda i: (shared[i], sizes[i], i))
                    if menu and best > title and shared[best] >= MIN_SHARED_WORDS and shared[best] > shared[title]:
                        # A site's menu chosen (a longer row of the sections' names): the line
                        # under it that shares the most words with the text, two or more and
                        # more than the menu, is the headline ("Forsíða | Fréttir | Íþróttir |
                        # ..." over "Vegurinn um Hrafnsskarð lokaður vegna snjóflóðahættu"); a
                        # site's banner above the menu is none.
                        title = best
                    elif alone and shared[best] >= MIN_SHARED_WORDS:
                        title = best
                    elif alone and first - 1 in head and shared[first - 1] and blocks[first - 1].index == blocks[first].index - 1:
                        # Or the line right over the text that shares one ("Dit artikel is
                        # onderdeel van ons gratis nieuwsaanbod" over "Honderden bezoekers bij
                        # heropening van vernieuwd Havenpark" over "... het Havenpark in Tiel ...").
                        title = first - 1
            elif head:
                title = head[0]
            # The line right over the first paragraph that the paragraph opens with, word for
            # word ("Mäntylahti" / "Mäntylahti on kylä Savonrannan kunnassa."): an encyclopedia's
            # or a glossary's headline, however short, names the subject of its first sentence.
            # Not a person's name: an author's over a bio opens it the same way ("Heiko Sauer" /
            # "Heiko Sauer is a Professor of Public Law ...").
            if (
                first - 1 in head
                and blocks[first - 1].index == blocks[first].index - 1
                and self._opens_with(blocks[first].text, blocks[first - 1].text)
                and not names_person(blocks[first - 1].text)
            ):
                title = first - 1
            # A product's name is the page's headline, whatever longer line stands between it
            # and the text (a payment offer: "Pay in 3 interest-free payments of £29.67 with
            # Klarna").
            product = min((i for i in head if i in products), default=None)
            if product is not None:
                title = product
            # The last item of a trail of crumbs above names the page ("Startseite › Bürgerbüro ›
            # Personalausweis beantragen" over "Personalausweis beantragen"): that line is the
            # headline, however short.
            chosen = title
            named_line = next((i for i in head if self._named_above(named, blocks[i])), None)
            if (
                named_line is not None
                and chosen is not None
                and chosen < named_line
                and topic.shares(self._words(blocks[chosen].text))
                and (
                    self._in_menu_above(doc, blocks[named_line], named)
                    or any(blocks[chosen].index < x < blocks[named_line].index for x in stamps)
                    or (
                        named.get(self.lines(blocks[named_line].text).key, blocks[chosen].index) < blocks[chosen].index
                        and self._names_more(blocks[chosen].text, blocks[named_line].text, topic)
                    )
                )
            ):
                # Not a section's name the trail ends in, one of the site's menu items, under the
                # headline chosen ("Anasayfa / Duyurular" / headline / date / "Duyurular"), nor
                # one under the page's byline or dateline below that headline ("Notícias ›
                # Mobilidade" / headline / "19 junho 2024" / "Mobilidade"), nor one below a
                # headline under the trail that names the text's subject in more of its words, a
                # tag ("Docker / Networking" / "Containers can't resolve DNS after upgrading host
                # to Ubuntu 24.04" / "docker" / "networking" / ...).
                named_line = None
            by_name = named_line is not None
            if by_name:
                title = named_line
            if chosen is not None and chosen == title + 1 and all(x in stamps for x in range(blocks[title].index + 1, blocks[chosen].index)):
                # The line chosen before, right under the one the trail names, stays with it
                # ("Linie 245: Lauterbach – Kesselberg" / "Gültig ab 10. Juni 2024"), the page's
                # date between them or not ("Menschen bei Hofmeister" / "19. August 2025" /
                # "„Ich wollte nicht nur am Schreibtisch sitzen“").
                headline = chosen
            elif by_name and title + 1 in head and blocks[title + 1].index == blocks[title].index + 1 and len(self._words(blocks[title + 1].text) & topic.all()) >= MIN_SHARED_WORDS:
                # So does the line right under it that names the subject in two words of the
                # text or more, its subtitle ("Vanguard Trailhead 2" / "Lightweight two-person
                # backpacking tent").
                headline = title + 1
            # A headline chosen above the trail of crumbs is the site's banner; the line right
            # under the trail is the page's ("Omas Küchenbuch – Rezepte mit Herz" over "Startseite
            # › Rezepte › Aufläufe" over "Schwäbischer Krautkrapfen-Auflauf").
            # (Not a section the trail names on its way: "Home > Entertainment > Soaps > ..." over
            # "Soaps".)
            # (Nor over the line the trail names further down: "Wandern › Rundwanderungen › Über
            # das Hohe Eck zur Bärenhalde" / "Tour merken" / ... / "Über das Hohe Eck zur
            # Bärenhalde".)
            under = next((i for i in head if blocks[i].index == trail + 1), None) if trail is not None and not by_name else None
            if under is not None and self.lines(blocks[under].text).key in trail_items:
                under = None
            if title is not None and under is not None and blocks[title].index < trail:
                title = under
            elif title is not None and under is not None and under < title:
                # And a line chosen below it is no headline over that one ("Startseite » Backen »
                # Kuchen" / "Saftiger Rhabarberkuchen mit Streuseln vom Blech" / ... / "Jetzt
                # bewerten: ★★★★★ (4,8 von 212 Bewertungen)"), unless it stands right under it,
                # its deck ("Öffentliche Bekanntmachung" / "Bebauungsplan Nr. 27 ... –
                # Öffentliche Auslegung").
                if title == under + 1 and blocks[title].index == blocks[under].index + 1:
                    headline = title
                title = under
            # A headline right above the line chosen, its longer deck ("Sahte tapu çetesine 9 yıl
            # hapis cezası" / "Mahkeme, emekli öğretmenin evini satan ..."), that names the
            # article's subject in two words of its paragraphs or more stays with it, a quotation
            # too (""밤에만 문을 여는 식물원, 결국은 외로운 사람들의 이야기였죠"" over "웹툰 '밤의 식물원'
            # 완결한 윤하람 작가").
            # Not the trail of crumbs that names the headline.
            # Not over a row of cells chosen (a menu row is no deck).
            if (
                title is not None
                and (title - 1 in head or (title > 0 and not prose[title - 1] and QUOTED_HEADLINE_RE.fullmatch(blocks[title - 1].text)))
                and blocks[title].index - blocks[title - 1].index == 1
                and named.get(self.lines(blocks[title].text).key) != blocks[title - 1].index
                and not (self.structure and _is_row(blocks[title].text))
            ):
                upper = self._words(blocks[title - 1].text)
                if sizes[title - 1] >= MIN_DECK_HEADLINE_WORDS and len(upper & topic.all()) >= MIN_SHARED_WORDS:
                    headline = title - 1
                elif (
                    self.structure
                    and sizes[title - 1] >= MIN_SHORT_TITLE_WORDS
                    and looks_like_title(blocks[title - 1].text)
                    and not ends_sentence(blocks[title - 1].text)
                    and self._event_under(blocks, title)
                ):
                    # An exhibition's or an event's short title over its subtitle chosen, the days
                    # it runs right under that ("Glanz und Ruß" / "Die Industrialisierung im
                    # Spiegel der Fotografie, 1860–1930" / "15. März bis 8. September 2024").
                    headline = title - 1
            # The kind of an official notice right over its title (vocabulary
            # ``notice_titles``: "Öffentliche Bekanntmachung" / "Bebauungsplan „Am Kirchweg
            # II“ – öffentliche Auslegung ...") or over its text, under its title and the
            # page's metadata ("Amtliche Bekanntmachung Nr. 17/2025" over "Die Gemeinde
            # Oberweilach erneuert ..."), or over the title right over the text when a longer
            # line was chosen higher up ("Öffentliche Bekanntmachung" / "Sitzung des
            # Gemeinderats" / "Am Dienstag, 25. Februar 2025, ..."), is its headline.
            if self.structure and title is not None and headline is None:
                for under in (title, first, first - 1):
                    near = under - 1
                    if near != title and near in head and blocks[under].index - blocks[near].index == 1 and self._short_phrase("notice_titles", blocks[near].text):
                        headline = near
                        break
            # A long line right over a deck or a dateline chosen as the title, next to it in the
            # input, neither a paragraph nor link-like and no sentence, that names the subject in
            # two words of the text or more, is the page's headline ("Câmara de Vila Real de
            # Santo Estêvão: presidente constituído arguido ..." over a deck of fourteen words;
            # "El PP gana las autonómicas en La Rioja ..." over "Logroño, 26 may (Agencia).-").
            # (Not over a headline of a few words: a photo's caption stands there.)
            if (
                self.structure
                and title is not None
                and headline is None
                and title > 0
                and (sizes[title] >= MIN_DECK_WORDS or self._place_date(_without_agency(blocks[title].text)))
                and not prose[title - 1]
                and not short[title - 1]
                and blocks[title - 1].index == blocks[title].index - 1
                and looks_like_title(blocks[title - 1].text)
                and not ends_sentence(blocks[title - 1].text)
                # (Not a post's date and author line, "17. Februar 2020 Frau Sabienes Kommentare",
                # nor a line said above it already, the page's headline printed again.)
                and not self.lines.shapes.is_date(" ".join(blocks[title - 1].text.split()[:DATE_LEAD_WORDS]))
                and self.lines(blocks[title - 1].text).key not in {line.key for line in self.lines.of(blocks)[: title - 1]}
                and len(self._words(blocks[title - 1].text) & topic.all()) >= MIN_SHARED_WORDS
            ):
                headline = title - 1
            # The line right over the text that names an item of the site's menu above it is
            # the page's own title, kept with a longer line chosen higher up ("Home" /
            # "Kursplan" / "Preise" / ... / "Kursplan" over "Gültig ab 1. April 2024. ..."; a
            # menu's "Tarifs" over "Nos tarifs"; a menu's "Preise" over "Preise 2025").
            near = first - 1
            if self.structure and title is not None and headline is None and near in head and near != title and blocks[near].index == blocks[first].index - 1:
                owner = self._site_name_words(doc)
                if self._names_menu_item(doc, blocks[near]):
                    headline = near
                elif (
                    self._names_site(blocks[title].text, owner)
                    and not self._names_site(blocks[near].text, owner)
                    and self.lines(blocks[near].text).words >= MIN_SHORT_TITLE_WORDS
                    and not CRUMB_SEPARATOR_RE.search(blocks[near].text)
                    and not self._stamped(blocks[near].text)
                ):
                    # The line chosen names the site's owner, as its copyright line does
                    # ("Bäckerei Konditorei Pranzl – seit 1952" / ... / "© 2025 Bäckerei
                    # Konditorei Pranzl GmbH"): it is the site's banner, and the headline-like
                    # line right over the text is the page's title, kept with it. (Not a trail of
                    # crumbs there, nor a stamp led by its date, perhaps under its label, nor a
                    # menu's one word.)
                    headline = near
            # The headline-like line right over a letter's greeting over its first paragraph is
            # the letter's title ("Vereinsnachrichten März 2025" / "Liebe Mitglieder, liebe
            # Freunde des TSV," / ...), kept with a longer line chosen higher up. A place and
            # date there ("Saint-Aubin, le 5 novembre 2025" / "Chers parents,"; see
            # bylines._signed) stay with the greeting, and are no headline over the letter's
            # title right above them ("Lettre aux familles n° 3").
            near = first - 2
            if (
                self.structure
                and title is not None
                and headline is None
                and near in head
                and blocks[near].index == blocks[first - 1].index - 1 == blocks[first].index - 2
                and self.lines.greets(blocks[first - 1].text)
            ):
                if self._place_date(blocks[near].text):
                    if title == near and near - 1 in head and blocks[near - 1].index == blocks[near].index - 1:
                        title = near - 1
                    headline = near
                elif title < near and not (is_entry(blocks[near].text) or self.lines.shapes.is_data(blocks[near].text)):
                    headline = near
            # A row of cells chosen as the headline (a bar menu "Zimmer & Suiten | Restaurant |
            # Spa", a phone and hours line, a trail of two crumbs "Hütten › Kirchsteinhütte") is
            # the site's line; the headline-like line right over the text, or over the
            # article's own data box over it when it names the text's subject in two words or
            # more ("How to replace a kitchen tap" / "Difficulty: Medium" / "Time: 1–2 hours"),
            # no row itself, is the page's title and stays with it.
            for under in dict.fromkeys((first, head_end)):
                near = under - 1
                if (
                    self.structure
                    and title is not None
                    and headline is None
                    and near in head
                    and near != title
                    and blocks[near].index == blocks[under].index - 1
                    and _is_row(blocks[title].text)
                    and not _is_row(blocks[near].text)
                    # (over the data box, naming the text's subject: not "Chefredakteur")
                    and (under == first or len(self._stems(blocks[near].text) & stems.all()) >= MIN_SHARED_WORDS)
                ):
                    headline = near
            # A release's name and version right over the line chosen (its date: "Ledgerly
            # 4.2.0" / "Released 18 February 2025"), right under it ("Versionshinweise" / "Version
            # 4.8.0") or over the text ("Versão 5.2.0" / "Disponibilizada a 12 de maio ...") heads
            # the release notes, kept with that line.
            if self.structure and title is not None and headline is None:
                for near in (title - 1, title + 1, first - 1):
                    if (
                        near in head
                        and near != title
                        and blocks[near + 1].index == blocks[near].index + 1
                        and self.lines.shapes.is_version(blocks[near].text)
                    ):
                        headline = near
                        break
            # An entry of an encyclopedia or a wiki: its name said twice in a row (the page's
            # title and its infobox's heading: "Nors" / "Nors" / a caption / ...), its first
            # paragraph opening with the name ("Nors (Osmerus eperlanus) är en fisk ..."), is
            # the page's title, kept with the lines chosen elsewhere (see names_entry).
            # (The line chosen names it too, as a caption or a quote's attribution does: not an
            # author's name said twice over the bio that opens with it, under another headline.)
            entry = (
                next((k for k in reversed(head) if k != title and k != headline and names_entry(self.lines, doc, blocks[k]) and not self._words(blocks[k].text).isdisjoint(self._words(blocks[title].text))), None)
                if self.structure and title is not None
                else None
            )
            # The news head: the line right over the byline block under which the text
            # starts, and the headline right over that line when it is the deck ("Рекорден
            # зимен сезон: ..." / "Туристите от Румъния ..." / "Мария Стоянова" / "14 март
            # 2025, 12:05" / a caption / the text). A longer line chosen elsewhere (a caption
            # between the byline and the text, a menu row) is the page's.
            # (Not over the line a trail of crumbs names: "Home › Sport › Football › Ilkley
            # Town 2-1 Thackley" over "Non-league football" / "By Martin Holroyd" / ... /
            # "Ilkley Town 2-1 Thackley".)
            if self.structure and title is not None and not by_name:
                news = self._news_head(doc, blocks, title, first, boxed, in_runs, sizes, topic, stems, stamps)
                if news is not None:
                    if news[0] != title:
                        title, headline = news[0], news[1]
                    elif news[1] is not None:
                        headline = news[1]
                    signed = news[2]
        if title is not None and self.structure:
            # A line that names the job's terms is none of its headline lines: the headline is
            # above it ("Fontanero calefactor (h/m)" / "Romero Climatización SL" / "Logroño" /
            # "Contrato indefinido · Jornada completa"); nor is the pay over the terms ("£38,500 –
            # £42,000 per year" / "Full-time · Permanent").
            pay = CURRENCY_RE.search(blocks[title].text) is not None and self._terms_under(blocks, title, first)
            if (pay or self._job_terms(blocks[title].text)) and not self._qualified(blocks[title].text):
                upper = [i for i in head if title - MAX_JOB_FACTS_LINES <= i < title]
                # The job's title names the genders it is open to ("Anlagenmechaniker (m/w/d)
                # Wasserversorgung"), nearest first; else the longest line (a menu's lines are
                # shorter than a job's title).
                named = [i for i in upper if JOB_GENDERS_RE.search(blocks[i].text)]
                if named:
                    title = named[-1]
                elif upper:
                    title = max(upper, key=lambda i: (sizes[i], i))
            elif not self._terms_under(blocks, title, first):
                # The job's title right over its terms, too far below the headline chosen to be
                # its facts: that is the site's banner over a menu ("Werken bij Waterbedrijf
                # Oost" / ... / "Monteur waterleidingnet" / "Fulltime, vast contract |
                # Standplaats: Zwolle").
                # (Or right above the line chosen: the ad's reference number under the terms,
                # "Sachbearbeiter Abrechnung (m/w/d)" / "Vollzeit | unbefristet" / "Kennziffer:
                # 2025-047", once a menu above them is gone.)
                terms = next((k for k in (*range(title + 2, first), *range(title - 1, max(0, title - MAX_JOB_FACTS_LINES) - 1, -1)) if self._job_terms(blocks[k].text)), None)
                if terms is not None and terms - 1 in head and blocks[terms].index - blocks[terms - 1].index == 1:
                    title = terms - 1
            elif (
                headline is None
                and title + 1 < first
                and blocks[title + 1].index == blocks[title].index + 1
                and self._job_terms(blocks[title + 1].text)
                and title - 1 in head
                and blocks[title - 1].index == blocks[title].index - 1
                and looks_like_title(blocks[title - 1].text)
                and not is_crumbs(blocks[title - 1].text)
            ):
                # The employer chosen right over the terms: the job's title is right over it
                # ("Erfaren regnskapsmedarbeider" / "Vestland Maskin AS" / "Bergen · Heltid · 3
                # dager siden").
                headline = title - 1
            # Between the headline and the text, the article's own data (two data lines or
            # more) and a statement among them, with no more short lines than a run inside the
            # text may hold ("Orari di apertura" / "9.00 – 17.00" / "La biglietteria chiude
            # 45 minuti prima." / "Intero: 8 €"): the text starts under the headline, and those
            # lines are judged as lines inside the text are.
            gap = range(title + 1, head_end)
            between = range(title + 1, first)
            if (
                gap
                and sum(short[k] for k in gap) <= MAX_BRIDGE
                and not any(k in boxes_of_links or crosses_removed(stops, blocks, k + 1) for k in gap)
                and any(sizes[k] >= self.min_standfirst_words and FULL_STOP_END_RE.search(blocks[k].text) for k in between)
                and sum(k in tabled or k in timed or self.lines.shapes.is_data(blocks[k].text) for k in between) >= MIN_HEAD_DATA
            ):
                head_end = title + 1
            if head_end > title + 1 and not any(k in boxes_of_links for k in gap):
                if self._priced_cards(blocks, title + 1, first):
                    # Cards of plans or products between the headline and the text ("Starter" /
                    # "0 €" / ... / "Team" / "8 € pro Nutzer/Monat" / ...), however many lines.
                    head_end = title + 1
                elif head_end in tabled and self.lines.shapes.label_rows(texts, title + 1, head_end):
                    # Rows of a label and its value between the headline and a table of such
                    # rows that opens the text ("Modulnummer" / "UI-204" over "Semester" / "4").
                    head_end = title + 1
                elif self._terms_under(blocks, title, first):
                    # A job ad's facts; and the job's own title right above the company's name
                    # chosen as the headline ("Elektroniker für Betriebstechnik (m/w/d)" /
                    # "Stadtwerke Eichtersheim GmbH").
                    head_end = title + 1
                    above = title - 1
                    if above in head and not crosses_removed(stops, blocks, title) and (
                        self._qualified(blocks[above].text) or self._job_terms(blocks[above].text) or JOB_GENDERS_RE.search(blocks[above].text)
                    ):
                        head_end = above
            # A table flattened with bars that opens the text under the headline keeps its
            # heading, the line right above it in the input ("Måndag–fredag" over "Hållplats | 1
            # | 3 | 5"; "Sprechzeiten" over "Montag | 8:00–12:00 | 15:00–18:00"); not a button
            # ("Teilen"; vocabulary ``share_words``). So does a table of entries or data under a
            # heading led by a list heading ("Öffnungszeiten Hauptstelle im K3" over "Montag:
            # geschlossen").
            above = head_end - 1
            if (
                title < above
                and (
                    (head_end in barred and size(blocks[above].text) <= MAX_SECTION_HEADING_WORDS)
                    or (head_end in tabled and size(blocks[above].text) <= 2 * MAX_SECTION_HEADING_WORDS and self._names_list(blocks[above].text))
                    # Or any heading right under the headline over the article's own table or
                    # programme ("Pfarrbrief Nr. 11/2023" / "Gottesdienstordnung" / "Sonntag, 12.
                    # November" / "09:00 Uhr Oberbach, ...").
                    or ((head_end in tabled or head_end in timed) and above == title + 1 and size(blocks[above].text) <= MAX_SECTION_HEADING_WORDS)
                )
                and self._share_words.isdisjoint(WORD_RE.findall(self.lines(blocks[above].text).folded))
                and blocks[above].index == blocks[head_end].index - 1
                and above not in boxes_of_links
                and is_heading(blocks[above].text)
            ):
                head_end = above
            # An event's title, the date and time, and the place it is held right over the
            # text or its own data (see Shapes.event_lines; "Johann Sebastian Bach:
            # Johannes-Passion BWV 245" / "Karfreitag, 18. April 2025, 17:00 Uhr" /
            # "Stadtkirche St. Marien, Marktplatz 1, Heidenfeld" / "Zum Karfreitag führt die
            # Kantorei ..."): the text starts with them. The event's name is the headline, not
            # a longer line (the site's banner) above it nor the date line.
            when = next(
                (
                    head_end - n
                    for n in range(2, MAX_EVENT_LINES + 1)
                    if head_end - n - 1 in head
                    and len(run := run_of_neighbours(blocks, head_end - n - 1, n + 2)) == n + 2
                    and self.lines.shapes.event_lines(run[1 : n + 1], 0) == n
                ),
                None,
            )
            if when is not None:
                if title < when - 1:
                    # A line chosen higher up stays only right over the event's name.
                    headline = title if blocks[title].index == blocks[when - 1].index - 1 else None
                title = when - 1
                head_end = min(head_end, when)
        if title is not None and self.structure and headline is None:
            # A line sitting on the text (next to it in the input, or over one line that is)
            # that shares more of the text's words than the line chosen, two or more, names the
            # page's subject; the line chosen higher up is the site's ("Villa Le Querce –
            # Ricevimenti in Toscana" / menu / "Matrimoni a Villa Le Querce" / "Una villa del
            # Settecento ..."; a wiki's "aus Heimatwiki ..." over "Burg Lindenfels (Saalbach)"
            # / "Basisdaten" / "Ort: Saalbach-Lindenfels"): the text starts with it. Not over a
            # line of names (the authors, a caption's people).
            best = None
            sitting = []  # the lines sitting on the text, nearest first
            for k in range(head_end - 1, max(title, head_end - 1 - MAX_TITLE_DEPTH), -1):
                if k not in head or blocks[k + 1].index != blocks[k].index + 1 or names_person(blocks[k].text):
                    break
                sitting.append(k)
            if sitting:
                words = topic.all()
                over = len(self._words(blocks[title].text) & words)
                for k in sitting:
                    shared = len(self._words(blocks[k].text) & words)
                    if shared >= MIN_SHARED_WORDS and shared > over:
                        best, over = k, shared
            # The page's first line right over a menu (a row of items between bars) is the
            # site's name; chosen as the headline, the title sitting on the text stays with it
            # ("Wohnungsgenossenschaft Talblick eG" / "Start | Wohnen | Genossenschaft |
            # Kontakt" / "Lagebericht 2023" / "Im vergangenen Jahr ..."). Both stay: a
            # headline over a row of share buttons looks the same.
            k = head_end - 1
            if (
                best is None
                and k > title
                and k in head
                and blocks[k].index > blocks[title].index + 1
                and blocks[k + 1].index == blocks[k].index + 1
                and not _is_row(blocks[k].text)
                and not names_person(blocks[k].text)
            ):
                # The input's lines, removed or not, by position: the first, and the one under it.
                lines_in = {b.index: b.text for b in doc.input_blocks}
                if blocks[title].index == min(lines_in) and len(BAR_SEPARATOR_RE.findall(lines_in.get(blocks[title].index + 1, ""))) >= 2:
                    best = k
            if best is not None:
                head_end = best
        # An imprint's legal lead-in above the text ("Angaben gemäß § 5 DDG"; vocabulary
        # ``notice_heads``) opens it: the provider's name, address and contacts under it are
        # the page's text.
        notice = next((k for k in range(head_end) if self._short_phrase("notice_heads", blocks[k].text)), None) if self.structure else None
        if notice is not None and not any(k in boxes_of_links or crosses_removed(stops, blocks, k + 1) for k in range(notice, head_end)):
            head_end = notice
        # A letter's greeting a few lines above the text opens it: what it says between them
        # is the letter's ("Einladung zur Mitgliederversammlung 2024" / "Liebe Mitglieder des
        # TSV," / "hiermit laden wir Euch herzlich ... ein:" / "Freitag, 8. März 2024, 19:30
        # Uhr" / the place / "Tagesordnung" / the agenda), and its headline is above it.
        if self.structure and title is not None:
            greeting = next((k for k in range(max(0, head_end - MAX_BRIDGE), head_end) if self.lines.greets(blocks[k].text)), None)
            # (Over the headline chosen, only with the lines under it next to each other in the
            # input: a line chosen there was one of the letter's.)
            if (
                greeting is not None
                and not any(k in boxes_of_links or crosses_removed(stops, blocks, k + 1) for k in range(greeting, head_end))
                and (greeting > title or blocks[head_end].index - blocks[greeting].index == head_end - greeting)
            ):
                head_end = greeting
                if title >= greeting:
                    title = max((k for k in head if k < greeting), default=None)
                    headline = None
        tail_start = last + 1
        sections = self._named_sections(blocks, headings, tail_start, limit, stops)
        listed: set[int] = set()  # lists of the sections below the text (see _heads_sections)
        last_removed = max((r.block.index for r in doc.removals), default=-1)
        # What follows the last paragraph without a link-like line between stays, up to a
        # line that ends the article box (a share bar, tags, a copyright line).
        # Subheadings with sections of the article's text under them stay too.
        text_below = 0
        # A list closing the text right under its last paragraph (see _closing_list).
        closing = set(self._closing_list(blocks, short, tail_start, limit, lead_ins)) if self.structure and tail_start < limit else set()
        if self.structure and tail_start < limit:
            closing.update(self._named_closing_list(blocks, short, tail_start, limit, stops, in_runs))
            closing.update(self._headed_entries(blocks, short, tail_start, limit, stops))
            closing.update(self._credits_under(blocks, tail_start, limit, stops))
            closing.update(self._team_list(blocks, tail_start, limit, stops))
        # In a text of sections under headings (a heading inside it right over a line of its
        # text), a heading right under a paragraph over a list further down is one more
        # section (see _closing_list), and the last: the text ends under its list.
        sectioned = self.structure and any(short[k] and not short[k + 1] and is_heading(blocks[k].text) and blocks[k + 1].index == blocks[k].index + 1 for k in range(first + 1, last))
        last_sections: set[int] = set()  # the last lines of those lists
        slips = self._slips(blocks, tail_start, limit, stops) if self.structure else set()
        feedback: set[int] = set()  # a feedback question's answer buttons inside the text
        widgets: set[int] = set()  # a widget's lines between the text and its next section
        interjected: set[int] = set()  # a line of the page's over the text's own lists
        resumed = -1  # where the text went on under them
        signed_at = -1  # the last line found to sign the text
        table_end = -1  # where the last small table read below the text ends
        while tail_start < limit:
            # A small table: its header row (perhaps under a heading) and rows with a figure
            # in the same cell ("Kierroksen muut tulokset" / "Koti" / "Vieras" / "Tulos" /
            # "Porin Myrsky" / "Vaasan Viikingit" / "2–1" / ...), or cards of a room or a
            # product with a price each.
            if sectioned and tail_start not in closing and short[tail_start] and size(blocks[tail_start].text) <= MAX_SECTION_HEADING_WORDS and not short[tail_start - 1] and self.lines(blocks[tail_start - 1].text).sentence_end:
                found = self._closing_list(blocks, short, tail_start, limit, lead_ins, sectioned)
                if found:
                    closing.update(found)
                    last_sections.add(found[-1])
            # A heading naming a list under a paragraph further down (see _named_closing_list).
            if self.structure and tail_start not in closing and short[tail_start] and not short[tail_start - 1]:
                closing.update(self._named_closing_list(blocks, short, tail_start, limit, stops, in_runs))
                # A book's card under the text's last lines too, not only under its last
                # paragraph found first (an interview's last answer: "Körfezde Kış" / "Elif
                # Karakaya" / "Körfez Yayınevi, 2024" / "248 sayfa, 340 TL").
                closing.update(self._credits_under(blocks, tail_start, limit, stops))
            rows_end = self._headed_table(blocks, tail_start, limit, ends) if short[tail_start] else None
            if rows_end is None and self.structure and short[tail_start]:
                rows_end = self._record_again(blocks, prose, tail_start, limit, stops)
            if rows_end is None and self.structure and short[tail_start]:
                rows_end = self._label_groups(blocks, prose, tail_start, first, limit, stops)
            if rows_end is None and self.structure and short[tail_start]:
                rows_end = self._shaped_records(blocks, prose, tail_start, limit, stops)
            if (
                rows_end is None
                and self.structure
                and tail_start + 1 < limit
                and blocks[tail_start + 1].index == blocks[tail_start].index + 1
                and self.lines.shapes.scores(blocks[tail_start].text, blocks[tail_start + 1].text)
            ):
                rows_end = tail_start + 2  # a review's score under its label ("Testnote" / "1,9")
            if rows_end is not None:
                text_below += rows_end - tail_start
                tail_start = table_end = rows_end
                continue
            # (A name and its role in the text's list of people are none of a letter's signers.)
            signs = tail_start not in closing and self._signs_off(blocks, tail_start)
            if not (
                not short[tail_start]
                or tail_start in structured
                or tail_start in sections
                or self._heads_list(blocks, tail_start)
                or self._answers(blocks, short, tail_start, limit, stops, last_removed)
                or self._closed_by_text(blocks, short, tail_start, limit, stops)
                or self._contacts(blocks, tail_start, stops)
                or self._continues_entries(blocks, tail_start)
                or self._dated_entries(blocks, tail_start, limit, ends)
                or self._opens_entries(blocks, short, tail_start, limit)
                or self._between_entries(blocks, short, tail_start, limit, ends, in_runs)
                or tail_start in listed
                or (self.max_tail_headings > 0 and self._heads_sections(blocks, short, tail_start, limit, stops, text_below, structured, listed))
                or signs
                or self._closed_below(blocks, tail_start, limit, stops)
                or self._dates_letter(blocks, tail_start)
                or self._leads_to_data(blocks, short, tail_start, limit, stops, structured, in_runs)
                or tail_start in closing
                or tail_start in slips
                or (self.structure and self._list_goes_on(blocks, prose, short, tail_start, stops, structured))
                or (self.structure and self._measures(blocks[tail_start].text))
                or (self.structure and self._leads_to_code(blocks, tail_start))
                or (self.structure and self._asks_contact(blocks, tail_start))
                # Right under the text in the input, a line of its own: a contact under its label,
                # a review's score, the link to the paper it reports on (see _closes_text).
                or (self.structure and blocks[tail_start].index == blocks[tail_start - 1].index + 1 and self._closes_text(blocks[tail_start].text))
                # A table's source right under its last row ("0,05 Mio. Euro" / "Quelle: Stadt
                # Dornstetten, Haushaltsplan 2025"; vocabulary ``source_labels``).
                or (
                    self.structure
                    and (tail_start == table_end or tail_start - 1 in in_runs)
                    and blocks[tail_start].index == blocks[tail_start - 1].index + 1
                    and len(blocks[tail_start].text) <= MAX_DATA_CHARS
                    and LABELLED_RE.match(blocks[tail_start].text) is not None
                    and self.lines.shapes.cites_source(blocks[tail_start].text)
                )
                # The signer's own e-mail or phone right under the signature ("Mark Henshaw" /
                # "Ride Secretary" / "rides@kestrelwheelers.org.uk").
                or (
                    self.structure
                    and signed_at == tail_start - 1
                    and blocks[tail_start].index == blocks[tail_start - 1].index + 1
                    and self.lines.shapes.is_contact(blocks[tail_start].text)
                )
            ) or (crosses_removed(ends, blocks, tail_start) and tail_start != resumed):
                buttons = self._feedback_buttons(doc, blocks, tail_start, limit, stops)
                release_end = self._release_end(blocks, tail_start, limit, stops) if buttons is None and self.structure else None
                if release_end is not None:
                    # A press release goes on to its end mark, its media contacts and its
                    # boilerplate above it ("Media contacts" / ... / "About Bayside University" /
                    # ... / "-ENDS-"; vocabulary ``release_ends``).
                    text_below += release_end + 1 - tail_start
                    tail_start = release_end + 1
                    continue
                if buttons is None and self.structure and self._over_own_lists(blocks, short, tail_start, limit, ends, stops, in_runs):
                    # One line of the page's between the text and its own lists under
                    # their headings ("¿Buscas alojamiento? Consulta ..." / "Dónde comer" /
                    # "Taberna El Pasaje (Baeza): tapas clásicas ..."): it goes, the text goes on.
                    interjected.add(tail_start)
                    buttons = tail_start + 1
                if buttons is None and self.structure and tail_start != resumed and (section := self._widget_over_section(blocks, prose, short, tail_start, limit, stops)) is not None:
                    # A widget's fields and button between the text and its next section under
                    # a heading ("Räkna ut din elkostnad" / ... / "Räkna" / "Så kan du spara" /
                    # three tips): they go, the text goes on.
                    widgets.update(range(tail_start, section))
                    buttons = section
                if buttons is None or buttons == resumed:
                    break
                resumed = buttons
                # A feedback question and its answer buttons over the article's contact block
                # ("War diese Antwort hilfreich?" / "Ja" / "Nein" / "Ihr Kontakt zu uns" / ...):
                # the buttons go, the text goes on.
                if tail_start not in widgets:
                    feedback.update(range(tail_start, buttons))
                tail_start = buttons
                continue
            text_below += tail_start in structured or self._is_text(blocks[tail_start].text)
            if signs:
                signed_at = tail_start
            tail_start += 1
            if tail_start - 1 in last_sections and tail_start < limit and not self.lines(blocks[tail_start].text).prose:
                break
            # A letter's signature closes the text ("gez. Andreas Bühler" / "Bürgermeister").
            # A slip to return closes the letter (see _slips), and goes on under its signature.
            if tail_start - 1 in slips and tail_start not in slips:
                break
            # (Not the first item of a list the text introduces with a colon, its next item
            # under it: "Koszorút helyeztek el:" / "Füzesabony Város Önkormányzata" /
            # "Füzesabonyi Polgárőr Egyesület" / ...)
            listed_on = (
                1 < tail_start < limit
                and tail_start - 1 in in_runs
                and tail_start in in_runs
                and INTRO_END_RE.search(blocks[tail_start - 2].text) is not None
                and blocks[tail_start].index == blocks[tail_start - 2].index + 2
            )
            if signs and not listed_on and (
                tail_start >= limit
                or not (
                    self._signs_off(blocks, tail_start)
                    or self._dates_letter(blocks, tail_start)
                    or tail_start in slips
                    # The sender's contact block right under the signature, under its heading
                    # ("Ansprechpartner" / "Stadtbauamt – Abteilung Stadtplanung" / "Frau
                    # Andrea Lehmeyer" / "Telefon 09141 907-214" / "E-Mail: ..."); a link to a
                    # file is no heading ("Gottesordnung als PDF herunterladen"). Or the
                    # signer's own phone and e-mail right under the signature, next to it in the
                    # input ("Jörg Wendt, Geschäftsführer" / "Telefon: 05432 78 91-0").
                    or (
                        self.structure
                        and not FILE_LINK_RE.search(blocks[tail_start].text)
                        and self.lines.shapes.contacts_end([b.text for b in blocks[tail_start : tail_start + 1 + NAMED_CONTACT_WINDOW]], 0) is not None
                    )
                    or (self.structure and blocks[tail_start].index == blocks[tail_start - 1].index + 1 and self.lines.shapes.is_contact(blocks[tail_start].text))
                )
            ):
                break
        if entry_head is not None and (title is None or title < entry_head):
            # The first entry's heading lines (see _heads_like_entries) start the text.
            head_end = entry_head
        elif (
            self.structure
            and (head_end == first or (head_end == first - 1 and QUESTION_END_RE.search(blocks[head_end].text)))
            and title != head_end - 1
            and self._opens_section(blocks, link_like, head_end, first, tail_start, boxes_of_links, in_runs)
        ):
            # A section's heading right above the text's first paragraph, when the text is
            # structured and its other sections have headings too ("Library cards" over "Who can
            # get a library card?" / ... / "Borrowing"; "Speisekarte" over the menu's
            # introduction; an FAQ's "Lidmaatschap" over its first question): the first section
            # starts with its heading.
            head_end -= 1
        elif self.structure and title is not None and head_end == first and self._heads_roundup_item(blocks, short, title, head_end, tail_start):
            # A roundup's first item starts with its heading, as its other items do ("News in
            # brief: Callington, ..." / ... / "Library hours cut from April" over the text /
            # ... / "Appeal after van stolen" / ...).
            head_end -= 1
        elif (
            self.structure
            and title is not None
            and head_end == first
            and title < head_end - 1
            and blocks[head_end - 1].index == blocks[head_end].index - 1
            and self._short_phrase("list_headings", blocks[head_end - 1].text)
        ):
            # A box of key points opens the text under its heading ("Das Wichtigste in Kürze" /
            # "Die Gebühren für die Restmülltonne steigen ab 1. Januar 2025 ..." / ...;
            # vocabulary ``list_headings``).
            head_end -= 1
        elif self.structure and title is not None and head_end < len(blocks) and head_end in tabled and size(blocks[head_end].text) <= MAX_OPENING_ROW_WORDS:
            # The text opens with a table of short cells (a recipe's servings and times): a word
            # or two right above it, under the headline, next to it in the input, are its first
            # cells ("Facile" / "Bon marché" / "6 personnes" / "Préparation : 30 min";
            # "hoofdgerecht" / "4 personen" / ...), not links.
            k = head_end
            while (
                k - 1 > title
                and head_end - k < MAX_OPENING_CELLS
                and blocks[k - 1].index == blocks[k].index - 1
                and size(blocks[k - 1].text) <= MAX_OPENING_CELL_WORDS
                and SECTION_HEADING_RE.fullmatch(blocks[k - 1].text)
            ):
                k -= 1
            head_end = k
        elif (
            self.structure
            and title is not None
            and len(ran := [k for k in range(title + 1, head_end) if k in tabled or k in timed]) >= MIN_HEAD_RUN_LINES
            and 2 * len(ran) >= head_end - title - 1
        ):
            # A programme or a table fills most of the space between the headline and the first
            # paragraph (a TV guide's evening: "La Une" / "20h20" / "Les Enquêtes de Bruges" /
            # ...): the text starts right under the headline, the table's labels with it.
            head_end = title + 1
        # A box of other stories at either end of the text lies outside it.
        while tail_start > first and tail_start - 1 in boxes_of_links:
            tail_start -= 1
        while head_end < first and head_end in boxes_of_links:
            head_end += 1
        tail_detail = f"below the article (its text ends on line {doc.line(blocks[tail_start - 1].index)})"
        related = self._related_cut(doc, prose_before_boxes, limit, boxes_of_links, related_headers)
        cut_at, cut_detail = len(blocks), ""
        if related is not None and related[0] < tail_start:
            cut_at, cut_detail = related
        if comments is not None and comments[0] < cut_at:
            cut_at, cut_detail = comments
        if cut_at < tail_start:
            tail_start = cut_at
            short = [s or i >= cut_at for i, s in enumerate(short)]
        inner = self._link_runs(blocks, short, head_end, tail_start, tabled, topic) if self.max_inner_run is not None else {}
        for i, why in [*boxes.items(), *boxes_of_links.items()]:
            inner.setdefault(i, why)
        for i in feedback:
            inner.setdefault(i, FEEDBACK_DETAIL)
        for i in interjected:
            inner.setdefault(i, INTERJECTED_DETAIL)
        for i in widgets:
            inner.setdefault(i, WIDGET_DETAIL)
        for i in entry_buttons:
            inner.setdefault(i, SCHEDULE_BUTTON_DETAIL)
        if self.structure:
            for i in self._heads_inside(blocks, kept, lambda start: self._news_head(doc, blocks, -1, start, boxed, in_runs, sizes, topic, stems, stamps)):
                inner.pop(i, None)
        # A letter's greeting right above its first paragraph ("Kære medlemmer", "Liebe
        # Mitglieder,"): vocabulary ``salutations``.
        greeting = first - 1 if first > 0 and self._short_phrase("salutations", blocks[first - 1].text) else None
        # Or the text's first section's heading, written in Markdown as its other headings are
        # ("## Introduction" over the first paragraph, "## Prerequisites" further down).
        if greeting is None and first > 0 and MARKDOWN_HEADING_RE.match(blocks[first - 1].text) and any(MARKDOWN_HEADING_RE.match(b.text) for b in blocks[first:]):
            greeting = first - 1
        head_detail = f"above the article (its text starts on line {doc.line(blocks[head_end].index)})" if head_end < len(blocks) else ""
        facts: set[int] = set()
        if title is not None and self.structure:
            facts = self._facts_under(blocks, title, head_end) | self._product_facts(blocks, title, head_end, first) | self._event_under(blocks, title, shop_buttons)
            if headline is not None and headline > title:
                facts |= self._event_under(blocks, headline, shop_buttons)  # under the headline below a kicker chosen as title
            facts |= self._facts_over_buttons(blocks, title, head_end, shop_buttons) | self._box_under_headline(blocks, title, head_end)
            # A fact-check's verdict between the headline and the text ("Calificación: Falso").
            facts.update(k for k in range(title + 1, head_end) if self.lines.shapes.is_verdict(blocks[k].text))
            # An entry's infobox under its name, down to the text ("Wren Halloway" /
            # "Biographical information" / "Race: Human" / ... / "Voiced by: Imogen Faraday").
            if entry is not None:
                facts.update(range(entry + 1, head_end))
            # The reviewed work's card right above the text, or above its part under the lead.
            for start in (head_end, *(a for a, _ in kept[1:])):
                facts |= self._headline_card(blocks, title, start)
            # A life's years right under the name an obituary is headed with ("Margaret Ann
            # Sullivan" / "1936 – 2024", "* 12.3.1940 † 5.1.2024").
            under = (headline if headline is not None and headline > title else title) + 1
            if under < head_end and blocks[under].index == blocks[under - 1].index + 1 and (LIFE_YEARS_RE.fullmatch(blocks[under].text) or LIFE_DATES_RE.search(blocks[under].text)):
                facts.add(under)
        for i, block in enumerate(blocks):
            # A standfirst under the headline speaks of the article's subject too (a word of
            # its paragraphs): a long line of the site's ("This site is hosted by ...") does not.
            # Nor does it sit under the news head's byline: a caption does ("Скиори на пистата
            # над курорта ..."), unless led by a label ("Zubereitungszeit: 45 Minuten · ...",
            # "14.52: Power company says ...").
            standfirst = title is not None and title < i < head_end and sizes[i] >= self.min_standfirst_words and not (0 <= signed < block.index and not is_entry(block.text)) and i not in captioned
            if standfirst:
                # Right under the headline, a statement closed by a full stop is its standfirst
                # whatever its words (a teaser exclaims or asks; a site's line does not sit
                # there).
                standfirst = (i == title + 1 and FULL_STOP_END_RE.search(block.text) is not None) or stems.shares(self._stems(block.text))
            if i < head_end and (short[i] or self.drop_outside_prose or i in boxes_of_links) and i != title and i != headline and i != entry and not standfirst and i != greeting and i not in facts:
                yield self.removal(block, "before_body", boxes_of_links.get(i, head_detail))
            elif i >= tail_start and (short[i] or self.drop_outside_prose or i in boxes_of_links):
                if i < cut_at and i not in boxes_of_links and not short[i] and self._notes(block.text):
                    continue  # the editor's note or correction under the text is the article's
                yield self.removal(block, "after_body", cut_detail if i >= cut_at else boxes_of_links.get(i, tail_detail))
            elif i in inner and i not in facts:
                yield self.removal(block, "link_list", inner[i])

    def _news_head(
        self,
        doc: Document,
        blocks: tuple[Block, ...],
        title: int,
        first: int,
        boxed: Collection[int],
        runs: Collection[int],
        sizes: Sequence[float],
        topic: _Topic,
        stems: _Topic,
        marks: Mapping[int, Removal],
    ) -> tuple[int, int | None, int] | None:
        """The headline lines over the byline block nearest the text (see ``find``): the line
        right over the block, and the headline right over that one when the two are headline
        and deck, and where the block ends, as (title, headline, line); or ``None``. The
        block is lines the byline filter removed, a byline among them. Each line names the
        text's subject (a word of its paragraphs) and none of the byline's words (not
        "Autorenprofilbild von Ulrich Exner", "MND Staff" over "By MND Staff"); the headline
        over a deck is no kicker (``MIN_DECK_HEADLINE_WORDS``). A deck read as the text's
        first line has the headline right over it. ``marks``: the lines the bylines filter
        removed as bylines or datelines, by position in the input."""
        start = blocks[first].index
        at = {blocks[k].index: k for k in range(first + 1)}
        over = None
        overs: dict[int, list[Removal]] = {}
        for b in sorted(marks):
            if b > start + 1:
                break
            if b - 1 in marks or b - 1 not in at:
                continue
            run = [marks[b]]
            while run[-1].block.index + 1 in marks:
                run.append(marks[run[-1].block.index + 1])
            # A byline among them; or the page's date alone under a line too long to be a
            # teaser's or a menu's ("La piscina municipal de verano abrirá el 14 de junio con
            # nuevos horarios ..." / "Publicado el 28/05/2025" / "Concejalía de Deportes" / the
            # text).
            if any(r.reason == reasons.BYLINE for r in run) or sizes[at[b - 1]] >= MIN_DECK_WORDS:
                over = at[b - 1]
                overs[over] = run
        # A line chosen right over a byline block is a headline already (a byline under the
        # headline and another under the deck: "di Luca Monaco" / ... / "05 Gennaio 2025").
        if title in overs:
            over = title
        if over is None or over in runs:
            return None
        names = frozenset().union(*(self._words(r.block.text) for r in overs[over] if r.reason == reasons.BYLINE))
        end = overs[over][-1].block.index

        def names_subject(k: int) -> bool:
            text = blocks[k].text
            return (
                k not in boxed
                and not is_crumbs(text)
                and not _is_facts_line(text)
                and not _is_row(text)
                and not self._is_price(text)
                and (
                    self._words(text).isdisjoint(names)
                    # A headline may name the place the byline names ("Benavides vive su
                    # Chupinazo ..." over "Redacción | Benavides de la Vega"), a word the text
                    # names too (not its author's name), when other words of it name the
                    # text's subject.
                    or (
                        sizes[k] >= MIN_DECK_HEADLINE_WORDS
                        and self._words(text) & names <= topic.all()
                        and len((self._words(text) - names) & topic.all()) >= MIN_SHARED_WORDS
                    )
                )
                and (topic.shares(self._words(text)) or stems.shares(self._stems(text)))
            )

        upper = over - 1
        paired = (
            upper >= 0
            and blocks[upper].index == blocks[over].index - 1
            and looks_like_title(blocks[upper].text)
            and not names_person(blocks[upper].text)
            and names_subject(upper)
        )
        if over == first:
            # The text's first line is the deck; the headline sits right over it.
            return (upper, None, end) if paired else None
        if over != title and (not names_subject(over) or (sizes[over] < 2 and not self._named_early(blocks[first].text, blocks[over].text))):
            # (Not a role or a kicker: "Redakteur", "capital"; a word the text's first words
            # name is its subject: "Rotmilan" / "Aus Wikipedia, der freien Enzyklopädie" / ... /
            # "Der Rotmilan (Milvus milvus) ist ...".)
            return None
        if paired and (sizes[upper] >= MIN_DECK_HEADLINE_WORDS or upper == title):
            return over, upper, end
        return (over, None, end) if looks_like_title(blocks[over].text) and not names_person(blocks[over].text) else None

    def _heads_inside(self, blocks: tuple[Block, ...], kept: Sequence[tuple[int, int]], news_over: Callable[[int], tuple[int, int | None, int] | None]) -> set[int]:
        """The news head over a part of the text below its first one (``news_over``: see
        :meth:`_news_head`, asked of the part's first line): the headline, and its deck, right
        over the byline block under which that part starts, with at most
        ``MAX_HEAD_GAP_LINES`` lines left between the block and the part. It is
        the article's head under a part read as its lead (a cookie notice's sentences: "Wir
        verwenden Cookies ..." / the menu / "Freibad Lohr öffnet am 17. Mai ..." / "Von Andrea
        Schüßler" / "06.05.2025, 14:20 Uhr" / the text), not a link between them."""
        found: set[int] = set()
        for start, _end in kept[1:]:
            news = news_over(start)
            if news is None or start - news[0] - 1 > MAX_HEAD_GAP_LINES or news[0] >= start:
                continue
            # (Not a photo's caption said again with its credit glued on: "... este domingo en
            # Madrid." / "... este domingo en Madrid. EFE/ J.J. Guillén" / the byline.)
            if news[0] > 0 and self.lines(blocks[news[0]].text).key.startswith(self.lines(blocks[news[0] - 1].text).key):
                continue
            found.add(news[0])
            if news[1] is not None:
                found.add(news[1])
        return found

    def _facts_under(self, blocks: tuple[Block, ...], title: int, head_end: int) -> set[int]:
        """Right under the headline, next to it in the input, its line of facts: items between
        bars or bullets, ``MIN_FACT_ITEMS`` or more, one with a figure ("Dificultad: fácil ·
        Tiempo: 1 hora · Coste aproximado: 40–90 €"), perhaps under a line of data ("€ 10.900"
        / "Ibrida · 2021 · 48.500 km · Manuale")."""
        shapes = self.lines.shapes
        found: set[int] = set()
        k = title + 1
        while k < min(head_end, title + 1 + MAX_FACT_LINES) and blocks[k].index == blocks[k - 1].index + 1:
            text = blocks[k].text
            if _is_facts_line(text):
                # Not the page's date, author and comment count ("26 Mai, 2008 | ThE_PaiN |
                # Kommentare 34").
                if any(YEAR_RE.search(item) and shapes.is_date(item) for item in BAR_SEPARATOR_RE.split(text)):
                    break
                found.add(k)
            elif not shapes.is_data(text):
                break
            k += 1
        # The data lines count only over a line of facts.
        return set(range(title + 1, max(found) + 1)) if found else set()

    def _headline_card(self, blocks: tuple[Block, ...], title: int, head_end: int) -> set[int]:
        """The card of the work a review's headline names, right above the text: a run of short
        lines next to each other in the input, the last right over line ``head_end``, of which
        ``MIN_CARD_NAMES`` or more are said word for word in the headline (the author, the
        title) and the others carry a figure (the publisher and year, pages and price:
        "«La casa dels tarongers», de Marta Puigdevall: ..." / "Marta Puigdevall" / "La casa
        dels tarongers" / "Edicions del Far, 2023" / "312 pàgines, 21,90 €"). A box of other
        stories repeats no part of the page's headline."""
        if head_end >= len(blocks):
            return set()
        headline = self.lines(blocks[title].text).key
        start = head_end
        while (
            start - 1 > title
            and head_end - start < MAX_HEADLINE_CARD_LINES
            and blocks[start - 1].index + 1 == blocks[start].index
            and size(blocks[start - 1].text) <= 2 * MAX_ITEM_WORDS
            and not ends_sentence(blocks[start - 1].text)
        ):
            start -= 1
        run = range(start, head_end)
        named = {k for k in run if size(blocks[k].text) >= MIN_CARD_NAME_WORDS and self.lines(blocks[k].text).key in headline}
        if len(named) < MIN_CARD_NAMES or not all(k in named or DIGIT_RE.search(blocks[k].text) for k in run):
            return set()
        return set(run)

    def _box_under_headline(self, blocks: tuple[Block, ...], title: int, head_end: int) -> set[int]:
        """Between the headline and the text, every line next to the one above it in the input
        from the headline down to the text (no line removed among them: no byline, share bar or
        menu), ``MAX_DATA_BOX_LINES`` at most, ``MIN_BOX_FACTS`` "Label: value" lines in a row
        among them: the report's own box of data, its headings and short lists with it
        ("Einsatz 47/2025 – B3 Brand Wohngebäude" / "Einsatzdaten" / "Datum: 22.02.2025" /
        "Alarmierung: 03:17 Uhr" / ... / "Eingesetzte Kräfte" / "FF Poing" / ... /
        "Einsatzbericht" / the text)."""
        lines = range(title + 1, head_end)
        if not lines or len(lines) > MAX_DATA_BOX_LINES or head_end >= len(blocks) or blocks[head_end].index - blocks[title].index != head_end - title:
            return set()
        labelled = run = 0
        for k in lines:
            text = blocks[k].text
            run = run + 1 if len(text) <= MAX_DATA_CHARS and LABELLED_RE.match(text) is not None else 0
            labelled = max(labelled, run)
        return set(lines) if labelled >= MIN_BOX_FACTS else set()

    @staticmethod
    def _facts_over_buttons(blocks: tuple[Block, ...], title: int, head_end: int, buttons: Collection[int]) -> set[int]:
        """Between the headline and the text, ``MIN_FACTS_OVER_BUTTONS`` "Label: value" lines or
        more next to each other in the input, right over the event's or the product's buttons
        (``buttons``: where ``shop_button`` lines were removed): its box of facts ("When: Friday
        6 September – Sunday 8 September 2024" / "Where: Kiama Pavilion, ..." / "Cost: Free –
        $85" / "Book tickets")."""
        found: set[int] = set()
        if not buttons:
            return found
        for k in range(title + 1, head_end):
            if blocks[k].index + 1 not in buttons or LABELLED_RE.match(blocks[k].text) is None:
                continue
            start = k
            while start - 1 > title and blocks[start - 1].index == blocks[start].index - 1 and LABELLED_RE.match(blocks[start - 1].text) is not None:
                start -= 1
            if k - start + 1 >= MIN_FACTS_OVER_BUTTONS:
                found.update(range(start, k + 1))
        return found

    def _event_under(self, blocks: tuple[Block, ...], title: int, buttons: Collection[int] = ()) -> set[int]:
        """Right under the headline, next to it in the input, when and where the event it names
        is held (Shapes.event_lines: "Samstag, 29. März 2025" / "Einlass 19:00 Uhr, Beginn
        20:00 Uhr" / "Ort: Alte Weberei, Großer Saal, Fabrikstraße 3, ..."; or both on one line
        led by the date with its time; or the date with its time over the place, the event's
        buttons right under them: see _common.event_place), buttons or not between them and the
        text."""
        under = run_of_neighbours(blocks, title, MAX_EVENT_LINES + 1)[1:]
        held = self.lines.shapes.event_lines(under, 0)
        if not held:
            # (the date and its time on one line or two over the place)
            held = next((n for n in (2, 3) if len(under) >= n and event_place(self.lines, blocks, title + n, buttons)), 0)
        if not held and under and "|" not in under[0] and TIME_RE.search(self.lines(under[0]).folded) and self._date_first(under[0]):
            held = 1  # the date and the place on one line ("Donnerstag, 7. November, 19.30 Uhr, Lesesaal im Erdgeschoss")
        if not held:
            # The days it runs, under the title or under its subtitle, which stays too ("Luce
            # del Nord" / "Pittura scandinava ..." / "9 marzo – 30 giugno 2024"), and the place
            # right under them that is no sentence ("Piano nobile, sale 1-11").
            runs = next((k for k, text in enumerate(under[:2]) if self.lines.shapes.is_date_range(text)), None)
            if runs is not None:
                place = runs + 1 < len(under) and size(under[runs + 1]) <= MAX_PLACE_WORDS and STATEMENT_END_RE.search(under[runs + 1]) is None and not self.lines.shapes.is_date(under[runs + 1])
                return set(range(title + 1, title + 2 + runs + place))
        # What entry costs, right under when and where (vocabulary ``admission_notes``: "Fri
        # entré", "Eintritt: 8 €").
        after = title + 1 + held
        if held and after < len(blocks) and blocks[after].index == blocks[after - 1].index + 1 and self._short_phrase("admission_notes", blocks[after].text):
            held += 1
        return set(range(title + 1, title + 1 + held))

    def _names_product(self, texts: dict[int, str], start: int, buttons: Collection[int]) -> bool:
        """Is the input's line ``start`` a product's name on a shop's page: right over its
        price, only its article number, brand or rating between (``MAX_PRODUCT_FACTS`` lines at
        most in the input, no paragraph), with a shop's button under it ("In den Warenkorb",
        "Add to basket"; ``buttons``: where ``shop_button`` lines were removed)
        ``MAX_PRODUCT_CARD`` lines down at most? It is the page's headline candidate however long ("Makita
        Akku-Bohrschrauber DDF485RTJ 18 V inkl. 2 × 5,0 Ah Akkus ..." / "Art.-Nr.: 104873" /
        "299,90 €" / ... / "In den Warenkorb"). ``texts``: every line of the input by position,
        kept or removed (a later round reads the price removed in an earlier one)."""
        name = texts[start]
        # (A name of a few words, no count or label: not "87 Bewertungen", "Marke: Voltmann".)
        if self.lines(name).words < MIN_PRODUCT_WORDS or name[:1].isdigit() or is_entry(name) or self._is_price(name):
            return False
        if not any(start < b <= start + MAX_PRODUCT_CARD for b in buttons):
            return False
        above = texts.get(start - 1)
        if above is not None and self.lines.shapes.timed_place(above, name):
            return False  # an event's place under its date and time, over its ticket's price
        for k in range(start + 1, start + MAX_PRODUCT_FACTS + 2):
            text = texts.get(k)
            if text is None:
                continue
            words = self.lines(text).words
            if self._is_price(text) or (PRICE_CODE_RE.search(text) is not None and words <= MAX_PRICE_WORDS):
                return True
            # Only facts between: "Label: value" entries, data, a figure in a few words ("4,6
            # von 5 Sternen"); a line of words is a menu's item over the product's name.
            if not (is_entry(text) or self.lines.shapes.is_data(text) or (DIGIT_RE.search(text) and words <= MAX_PRODUCT_FACT_WORDS)):
                return False
        return False

    def _is_price(self, text: str) -> bool:
        """A price line: a figure with a currency in ``MAX_PRICE_WORDS`` words at most ("129,95
        €", "Desde 110 € por noche"): a product's fact, never its name."""
        return CURRENCY_RE.search(text) is not None and self.lines(text).words <= MAX_PRICE_WORDS and self.lines.shapes.is_data(text)

    def _names_menu_item(self, doc: Document, block: Block) -> bool:
        """Does the short line ``block`` (``MAX_MENU_TITLE_WORDS`` words at most) name an item
        of the site's menu above it, the whole item or the item closing it ("Nos tarifs" /
        "Tarifs"), perhaps with a year ("Preise 2025" / "Preise")? A menu: a line of items
        between bars (two bars or more), or ``MIN_MENU_ITEMS`` lines or more in a row of one
        short item each, removed by another filter or not."""
        line = self.lines(block.text)
        # A title opens with a capital or a letter of a caseless script, and counts nothing
        # (not "0:00 Anhören", "decrease text size") but its year ("Preise 2025" under a menu's
        # "Preise").
        key = YEAR_END_RE.sub("", line.key)
        if not key or line.words > MAX_MENU_TITLE_WORDS or block.text[:1].islower() or DIGIT_RE.search(YEAR_END_RE.sub("", block.text)):
            return False
        above = [b for b in doc.input_blocks if b.index < block.index]
        items: list[str] = []
        run: list[str] = []
        for k, other in enumerate(above):
            if len(BAR_SEPARATOR_RE.findall(other.text)) >= 2 and len(other.text) <= MAX_DATA_CHARS:
                items += BAR_SEPARATOR_RE.split(other.text)
            short = self.lines(other.text).words <= MAX_MENU_TITLE_WORDS and not BAR_SEPARATOR_RE.search(other.text)
            if short and (not run or above[k - 1].index == other.index - 1):
                run.append(other.text)
            else:
                if len(run) >= MIN_MENU_ITEMS:
                    items += run
                run = [other.text] if short else []
        if len(run) >= MIN_MENU_ITEMS:
            items += run
        for item in items:
            name = self.lines(item).key
            if name and self.lines(item).words <= MAX_MENU_TITLE_WORDS and (key == name or key.endswith(" " + name)):
                return True
        return False

    def _product_facts(self, blocks: tuple[Block, ...], title: int, head_end: int, first: int) -> set[int]:
        """A product's facts between its name and the text, when a price stands among the
        first lines under the name (``MAX_FACT_LINES``; "129,95 €"): the lines of data and the
        "Label: value" entries ("Farbe: Petrol", "Lieferzeit: 1–3 Werktage"), and the note
        right under the price that goes on in lower case or names the tax or the delivery
        (vocabulary ``price_notes``: "inkl. MwSt., zzgl. Versandkosten", "IVA incluido"), and the
        heading right over the description's first paragraph. The buttons and swatches between
        them are no facts."""
        shapes = self.lines.shapes
        texts = [blocks[k].text for k in range(len(blocks))]
        priced = [k for k in range(title + 1, min(head_end, title + 1 + MAX_FACT_LINES + 1)) if self._is_price(texts[k]) or PRICE_LED_RE.match(texts[k])]
        if not priced:
            return set()
        found: set[int] = set()
        for k in range(title + 1, head_end):
            text = texts[k]
            if shapes.is_data(text) or is_entry(text):
                found.add(k)
            elif (
                k - 1 in found
                and CURRENCY_RE.search(texts[k - 1])
                and blocks[k].index == blocks[k - 1].index + 1
                and (text[:1].islower() or self._short_phrase("price_notes", text))
            ):
                found.add(k)
        # And the pairs of a label alone over its value ("Aroma" / "Rote Beeren, Zitrusnoten,
        # süßlich"; "Prozess" / "Handgepflückt, gewaschen, sonnengetrocknet"), two pairs or
        # more: a list of facts flattened a line per cell. Not swatches ("Olive" / "Sand") nor a
        # label over a count ("Quantity" / "1").
        pairs = [k for k in range(title + 1, head_end - 1) if k not in found and self._labels_value(blocks, k)]
        if len(pairs) >= MIN_FACT_PAIRS:
            for k in pairs:
                found.update((k, k + 1))
        # And the heading of the description right over its first paragraph ("Produktbeschreibung").
        above = first - 1
        if found and max(found) < above < head_end and blocks[above].index == blocks[first].index - 1:
            # (A longer one holds no figure: not "In stock – dispatched within 1 working day".)
            words = self.lines(texts[above]).words
            if is_heading(texts[above]) and (words <= MAX_SECTION_HEADING_WORDS or (words <= MAX_DESCRIPTION_HEADING_WORDS and not DIGIT_RE.search(texts[above]))):
                found.add(above)
        return found

    def _labels_value(self, blocks: tuple[Block, ...], k: int) -> bool:
        """Is line ``k`` a label of ``MAX_PAIR_LABEL_WORDS`` words at most right over its value,
        a phrase of ``MIN_PAIR_VALUE_WORDS`` words or more, or a list after commas, that is no
        sentence nor a figure ("Herkunft" / "Kooperative Sidama Coffee Farmers")?"""
        label, value = blocks[k].text, blocks[k + 1].text
        if blocks[k + 1].index != blocks[k].index + 1 or not 0 < size(label) <= MAX_PAIR_LABEL_WORDS or not label[:1].isupper():
            return False
        if ends_sentence(label) or self.lines.shapes.is_data(label) or label.rstrip().endswith(":"):
            return False
        words = size(value)
        if not (MIN_PAIR_VALUE_WORDS <= words or ("," in value and words >= 2)) or words > MAX_PAIR_VALUE_WORDS:
            return False  # (a swatch's name: "Verde salvia")
        return not ends_sentence(value) and not self.lines.shapes.is_data(value) and ":" not in value

    def _opens_section(
        self, blocks: tuple[Block, ...], link_like: list[bool], top: int, first: int, end: int, boxes_of_links: Collection[int], in_runs: Collection[int]
    ) -> bool:
        """Is the line right above the text's top line ``top`` (its first paragraph ``first``,
        or a question right above that) the heading of its first section: a few words alone
        (``SECTION_HEADING_RE``, ``MAX_SECTION_HEADING_WORDS``: no figure, bracket, slash or
        bar; not a name), next to the top line in the input, in a text (ending before ``end``)
        with ``MIN_TEXT_HEADINGS`` headings under paragraphs (or list headings: vocabulary
        ``list_headings``) and ``MIN_TEXT_STRUCTURE`` lines of
        tables, lists or entries (a menu, a price list, a manual's page)? Or, over a question,
        in an FAQ: a question under those headings too ("Lidmaatschap" / "Hoe word ik
        lid?" / ... / "Lenen en verlengen" / "Hoe lang mag ik een boek houden?"), ``MIN_TEXT_HEADINGS``
        of them."""
        k = top - 1
        if k < 0 or k in boxes_of_links or not link_like[k] or blocks[k].index != blocks[top].index - 1:
            return False
        text = blocks[k].text
        # (Two capitalized words may name a list's heading: "Our Verdict"; vocabulary
        # ``list_headings``.)
        if size(text) > MAX_SECTION_HEADING_WORDS or not SECTION_HEADING_RE.fullmatch(text) or (names_person(text) and not self.lines.shapes.is_list_heading(text)):
            return False
        # Nor a button ("Share this release", "Print"; vocabulary ``share_words``).
        if not self._share_words.isdisjoint(WORD_RE.findall(self.lines(text).folded)):
            return False
        headings = [i for i in range(first + 1, end - 1) if link_like[i] and not link_like[i - 1] and is_heading(blocks[i].text)]
        if len(headings) < MIN_TEXT_HEADINGS:
            # Or named as a list's heading under another list ("What we offer"), asked only
            # when the headings under paragraphs are too few.
            shapes = self.lines.shapes
            headings = [i for i in range(first + 1, end - 1) if link_like[i] and is_heading(blocks[i].text) and (not link_like[i - 1] or shapes.is_list_heading(blocks[i].text))]
        if len(headings) < MIN_TEXT_HEADINGS:
            return False
        # (A text of MIN_SECTIONED_HEADINGS sections or more under headings between its
        # paragraphs: its first section has one too, whatever else it holds; a heading opens
        # with a capital, "di Giulia e Marco" is a byline.)
        if not text[:1].islower() and len(self._headings_in(blocks, link_like, first, end)) >= MIN_SECTIONED_HEADINGS:
            return True
        if QUESTION_END_RE.search(blocks[top].text) and sum(1 for i in headings if QUESTION_END_RE.search(blocks[i + 1].text)) >= MIN_TEXT_HEADINGS:
            return True
        # (A programme's entries led by their date count: "Torsdag 11. september kl. 20.00:
        # Lærke Vinding Kvartet, Pakhuset ved Havnen. ...")
        return sum(1 for i in range(first, end) if i in in_runs or self._date_led(blocks[i].text)) >= MIN_TEXT_STRUCTURE

    def _heads_roundup_item(self, blocks: tuple[Block, ...], short: list[bool], title: int, top: int, end: int) -> bool:
        """Is the line right above the text's top line ``top`` the heading of a roundup's first
        item: a short heading (:func:`is_heading`; no date, no name) under the headline
        ``title`` and next to the top line in the input, in a text (ending before ``end``) with
        ``MIN_TEXT_HEADINGS`` headings or more between its paragraphs (its other items'), where
        the headline says the page is a roundup (vocabulary ``roundup_titles``: "News in brief:
        ...", "Gemeindenachrichten in Kürze – März 2025") or names the heading's words and
        another item's ("Freibad öffnet später, Blutspende und Seniorennachmittag" over
        "Freibad" / ... / "Blutspende" / ...)?"""
        k = top - 1
        if k <= title or blocks[k].index != blocks[top].index - 1 or not short[k]:
            return False
        heading, headline = blocks[k].text, blocks[title].text
        if not is_heading(heading) or self.lines.shapes.is_date(heading) or names_person(heading):
            return False
        others = self._headings_in(blocks, short, top, end)
        if len(others) < MIN_TEXT_HEADINGS:
            return False
        if len(headline) <= MAX_ROUNDUP_TITLE_CHARS and self.lines.is_phrase("roundup_titles", self.lines(headline)):
            return True
        # Or led by a place's name and a colon, as the other items' headings are (a police
        # report's "Westhausen: Einbruch in Sportheim" / ... / "Hüttlingen: Geparktes Auto
        # angefahren ..." / ... / "Neresheim: Traktor rutscht in Straßengraben").
        if _place_led(heading) and sum(_place_led(blocks[i].text) for i in others) >= MIN_TEXT_HEADINGS:
            return True
        # (Named: each by words of the headline's; a headline said again above the text names
        # only itself.)
        named = self._words(headline)

        def names(text: str) -> bool:
            words = self._words(text)
            return bool(words) and words < named

        return names(heading) and any(names(blocks[i].text) for i in others)

    def _date_first(self, text: str) -> bool:
        """A row whose first cell is a date ("Venerdì 14 marzo 2025, ore 20.30 | Sala grande"),
        or a line led by a date up to its second or third comma ("Donnerstag, 7. November, 19.30
        Uhr, Lesesaal im Erdgeschoss"): an event's date and place under its title, no headline,
        whatever words it shares with the text."""
        lead, bar, _ = text.partition("|")
        if bar:
            return self.lines.shapes.is_date(lead.strip())
        # Or led by a date up to a comma ("Donnerstag, 7. November, 19.30 Uhr, Lesesaal").
        cuts = [k for k, char in enumerate(text) if char == ","]
        if not cuts or self.lines.shapes.is_date(text):
            return False  # a date line ("Kolkata, January 13, 2008") is no event's date and place
        return any(DIGIT_RE.search(text[:k]) is not None and self.lines.shapes.is_date(text[:k]) for k in cuts[1:MAX_DATE_COMMAS + 1])

    def _stamped(self, text: str) -> bool:
        """A stamp led by its date, perhaps under its label: one to ``DATE_LEAD_WORDS`` words
        that say a date open the line or its part after the first colon ("Dodano: 09.11.2024,
        ks. proboszcz")."""
        return any(self.lines.shapes.is_date(" ".join(part.split()[:n])) for part in text.split(":", 1) for n in range(1, DATE_LEAD_WORDS + 1))

    def _date_led(self, text: str) -> bool:
        """A line led by a date and a colon ("Fredag 12. september kl. 21.00: ...")."""
        lead, colon, _ = text.partition(":")
        return bool(colon) and len(lead) <= MAX_DATE_LEAD_CHARS and self.lines.shapes.is_date(lead)

    def _heads_like_entries(self, blocks: tuple[Block, ...], link_like: list[bool], first: int, end: int, boxes_of_links: Collection[int]) -> int | None:
        """Where the first entry's heading lines start, when the line right above the text's
        first paragraph (next to it in the input) is led as lines inside the text that head a
        paragraph each (the same first two words, figures aside: "16:40 | Veerboten varen
        vandaag niet meer" as "16:12 | Boom op auto in Den Helder"; "§ 1 Name, Sitz" as "§ 2
        Zweck des Vereins"), and so are the lines above it, next to each other, that lead as
        lines inside the text or are dates ("Version 4.12.0" / "July 9, 2024" / "New" over a
        release's notes, as "Version 4.11.2" / "June 18, 2024" / "Fixed" below), with
        ``MIN_LIKE_HEADINGS`` such lines inside the text in all; else None."""
        k = first - 1
        if k < 0 or k in boxes_of_links or not link_like[k] or blocks[k].index != blocks[first].index - 1:
            return None
        lead = _lead_key(blocks[k].text)
        if not lead:
            return None
        keys = [_lead_key(blocks[i].text) if link_like[i] else "" for i in range(first + 1, end)]
        like = sum(1 for n, key in enumerate(keys[:-1]) if key == lead and not link_like[first + 2 + n])
        if not like:
            return None
        start = k
        while start > 0 and start - 1 not in boxes_of_links and link_like[start - 1] and blocks[start - 1].index == blocks[start].index - 1:
            key = _lead_key(blocks[start - 1].text)
            found = keys.count(key) if key else 0
            if not found and not self.lines.shapes.is_date(blocks[start - 1].text):
                break
            like += found
            start -= 1
        return start if like >= MIN_LIKE_HEADINGS else None

    def _contents(self, doc: Document, prose: list[bool]) -> tuple[set[int], set[int]]:
        """A table of contents: ``MIN_CONTENTS_ENTRIES`` numbered short lines or more in a row
        ("1 Sallittua", "2.1 Klima") whose names stand again, alone, as lines below it (two
        names at least): those lines are the article's section headings. Returns the box's
        positions (with a short line right above it: "Contents", "Sisällysluettelo") and the
        headings' (also those named by a box removed in an earlier round)."""
        blocks = doc.blocks
        texts = [b.text for b in blocks]
        box: set[int] = set()
        headings: set[int] = set()
        removed = [r.block for r in doc.removals if r.filter == self.name and r.detail == CONTENTS_DETAIL]
        entries = any((CONTENTS_LINE_RE.search(t) if "\n" in t else CONTENTS_LINE_RE.match(t)) is not None for t in texts)
        # Or a header that names a table of contents over unnumbered entries ("On this page",
        # "Inhaltsverzeichnis"; vocabulary ``contents_headings``), perhaps gone already (another
        # filter took "Sommaire" for a label). ``headers``: where each table's entries start.
        positions = [b.index for b in blocks]
        headers = [
            k + 1 for k, text in enumerate(texts)
            if not prose[k] and self._short_phrase("contents_headings", text)
        ] + [
            bisect_right(positions, r.block.index) for r in doc.removals
            if r.filter != self.name and self._short_phrase("contents_headings", r.block.text)
        ]  # fmt: skip
        if not (removed or entries or headers):
            return box, headings
        keys = [self.lines(t).key for t in texts]
        if removed:
            names = {core(m.group(1)) if (m := CONTENTS_ENTRY_RE.match(b.text)) else self.lines(b.text).key for b in removed}
            last = max(b.index for b in removed)
            headings = {k for k, b in enumerate(blocks) if b.index > last and _names_one_of(keys[k], names)}
        gone = sorted((r.block.index, self.lines(r.block.text).key) for r in doc.removals) if headers else []
        for start in headers:
            # Its entries run to the line that repeats one of them (the first section's
            # heading), those removed already among them (a copy taken by another filter).
            j = start
            seen: set[str] = set()
            below = blocks[start - 1].index if start > 0 else -1
            while j < len(texts) and j - start < MAX_CONTENTS_ENTRIES and not prose[j] and len(texts[j]) <= MAX_HEADER_CHARS:
                seen.update(key for index, key in gone[bisect_right(gone, (below, "\uffff")) : bisect_right(gone, (blocks[j].index, ""))])
                below = blocks[j].index
                if keys[j] in seen:
                    break
                # Nor does it run on to the first section's heading when an entry shortens it,
                # right over the section's paragraph ("Typische Symptome" in the table, "Typische
                # Symptome einer Erkältung" over the text; "Verdict" and "Our Verdict").
                if j + 1 < len(texts) and prose[j + 1] and any((" " in name and keys[j].startswith(name + " ")) or keys[j].endswith(" " + name) for name in seen):
                    break
                # Nor to a live report's first stamp ("Key posts" / its headlines / "4.21pm" /
                # the first entry's heading): a time names no section.
                if self.lines.shapes.is_clock_time(texts[j]):
                    break
                # Nor to a fact box's entry ("目錄" / "材料" / "做法" / "小貼士" / "份量：4人" /
                # "準備時間：20分鐘" / ...; vocabulary ``fact_labels``): a fact names no section.
                if self.lines.shapes.labels_fact(texts[j]):
                    break
                # Nor is it one when a table's figure stands among its first entries ("Inhoud"
                # over "Verbruik friet (kWh)" / "Cijfer" / "Ninja Foodi ..." / "€ 219" / "9,5
                # liter": a comparison's header row and rows, the header a column's name).
                if j - start < MAX_CONTENTS_ENTRIES and not CONTENTS_ENTRY_RE.match(texts[j]) and self.lines.shapes.is_data_cell(texts[j]):
                    seen.clear()
                    break
                # Nor to the line right over a paragraph when no heading below names it (a docs
                # page's title, "Release notes", under its contents "3.2.0" / "3.1.2").
                if (
                    j + 1 < len(texts)
                    and prose[j + 1]
                    and not any(not prose[k] and len(texts[k]) <= MAX_HEADER_CHARS and _names_one_of(keys[k], {keys[j]}) for k in range(j + 2, len(texts)))
                ):
                    break
                # Nor to a line without a number under ``MIN_CONTENTS_ENTRIES`` numbered entries
                # or more (those removed already among them; the header aside): "1. Installer
                # UFW" / ... / "4. Activer le pare-feu" / "Prérequis", the text's first heading.
                if (
                    not CONTENTS_ENTRY_RE.match(texts[j])
                    and sum(1 for name in seen if CONTENTS_ENTRY_RE.match(name)) >= MIN_CONTENTS_ENTRIES
                    and all(CONTENTS_ENTRY_RE.match(name) or self._short_phrase("contents_headings", name) for name in seen)
                ):
                    break
                seen.add(keys[j])
                j += 1
            found = {k for k in range(j, len(texts)) if not prose[k] and len(texts[k]) <= MAX_HEADER_CHARS and _names_one_of(keys[k], seen)}
            if len(seen) >= MIN_CONTENTS_ENTRIES and len({keys[k] for k in found}) >= 2:
                headings |= found
                # The header, if still here, goes with its entries; an entry whose heading below
                # another filter took (as a copy of it) stays, the only copy left.
                if start > 0 and self.lines.is_phrase("contents_headings", self.lines(texts[start - 1])):
                    box.add(start - 1)
                end = blocks[j - 1].index if j > start else below
                taken = {key for index, key in gone if index > end}  # copies below removed already
                box.update(k for k in range(start, j) if keys[k] not in taken)
        if not entries:
            return box, headings
        i = 0
        while i < len(texts):
            j = i
            names = []
            while j < len(texts) and not prose[j] and len(texts[j]) <= MAX_HEADER_CHARS and (m := CONTENTS_ENTRY_RE.match(texts[j])):
                names.append(core(m.group(1)))
                j += 1
            if len(names) >= MIN_CONTENTS_ENTRIES:
                wanted = set(names)
                found = {k for k in range(j, len(texts)) if keys[k] in wanted}
                if len({keys[k] for k in found}) >= 2:
                    headings |= found
                    box.update(range(i, j))
                    # Its header right above it, next to it in the input, or one that names a
                    # table of contents: not the line above a header another filter took
                    # ("Dégâts: 95 millions de francs" over "Sommaire", gone, over "1 Contexte").
                    if (
                        i > 0
                        and not prose[i - 1]
                        and len(texts[i - 1]) <= MAX_HEADER_CHARS
                        and i - 1 not in found
                        and (blocks[i - 1].index == blocks[i].index - 1 or self._short_phrase("contents_headings", texts[i - 1]))
                    ):
                        box.add(i - 1)
            i = max(j, i + 1)
        return box, headings

    def _named_sections(self, blocks: tuple[Block, ...], headings: Collection[int], start: int, limit: int, stops: Sequence[int]) -> set[int]:
        """The lines of the sections below ``start`` whose headings the page's table of contents
        names (``headings``, see :meth:`_contents`): each runs from its heading to the next
        one, the end of the article box or a lead-in of other stories, or a header of other
        stories or comments ("5 Lähteet" in the contents; "Lähteet" / "Harjulan
        kotiseutuyhdistys: Kalliojärven kyläkirja." / "Luokat: ..." below)."""
        shapes = self.lines.shapes
        found: set[int] = set()
        for h in sorted(k for k in headings if start <= k < limit):
            k = h
            while k < limit and (k == h or (k not in headings and not crosses_removed(stops, blocks, k))):
                if k > h and (shapes.is_related_header(blocks[k].text) or shapes.is_comment_header(blocks[k].text)):
                    break
                found.add(k)
                k += 1
        return found

    def _record_again(self, blocks: tuple[Block, ...], prose: Sequence[bool], i: int, limit: int, stops: Sequence[int]) -> int | None:
        """Where one more record of the text's list ends, when lines ``i`` on repeat the
        lines of the record above: short lines, then a "Label: value" line whose label
        closes the same lines of the records above, ``MIN_LABELLED_RECORDS`` times or more
        ("Disney+" / "Biuro podróży Halina (sezon 3)" / "Komedia, Polska" / "Premiera: 19
        marca" / its summary / "SkyShowtime" / "Północna granica (sezon 2)" / "Thriller,
        Kanada" / "Premiera: 20 marca"): a streaming guide's last entry without a summary.
        All next to each other in the input, no end of the article box between; None if
        there is none."""

        def label_of(k: int) -> str | None:
            label = LABELLED_RE.match(blocks[k].text)
            return None if label is None else fold(label.group(1))

        for m in range(i, min(limit, i + MAX_RECORD_HEAD + 1)):
            if m > i and (blocks[m].index != blocks[m - 1].index + 1 or crosses_removed(stops, blocks, m)):
                return None
            key = label_of(m)
            if key is None:
                if prose[m]:
                    return None
                continue
            offset = m - i
            if offset == 0:
                return None  # a "Label: value" line first is no record's name over its fields
            said = [k for k in range(offset, i) if label_of(k) == key]
            if len(said) < MIN_LABELLED_RECORDS:
                return None
            above = said[-1] - offset  # where the record above starts, as this one does
            # (The same lines over the label: none a paragraph, none labelled.)
            if all(not prose[above + k] and not prose[i + k] and label_of(above + k) is None for k in range(offset)):
                return m + 1
            return None
        return None

    def _shaped_records(self, blocks: tuple[Block, ...], prose: Sequence[bool], i: int, limit: int, stops: Sequence[int]) -> int | None:
        """Where records of the same shape end that hold line ``i`` or start right under it (a
        heading; :meth:`lines.Shapes.records_over`: "Aviso laranja – precipitação" / the
        districts / "Entre as 03h00 e as 15h00 ..." / "Aviso laranja – vento" / ...; they may
        start above ``i``, the text's), all short, next to each other in the input, no end of
        the article box between; None if there are none."""
        reach = MAX_RECORD_PERIOD * MAX_RECORD_SPAN
        top = i
        while top > max(0, i - reach) and not prose[top - 1] and blocks[top - 1].index == blocks[top].index - 1 and not crosses_removed(stops, blocks, top):
            top -= 1
        end = i
        while end < min(limit, i + reach) and not prose[end] and (end == i or (blocks[end].index == blocks[end - 1].index + 1 and not crosses_removed(stops, blocks, end))):
            end += 1
        texts = [b.text for b in blocks[top:end]]
        for k in (i, i + 1):
            found = self.lines.shapes.records_over(texts, k - top) if k < end else None
            if found is not None:
                return top + found
        return None

    def _label_groups(self, blocks: tuple[Block, ...], prose: Sequence[bool], i: int, first: int, limit: int, stops: Sequence[int]) -> int | None:
        """Where a table of groups ends that runs on at line ``i``: groups of ``P`` lines, each
        saying the same labels at the same places, each label right over its value ("Bezirk
        1" / the streets / "Restmüll" / its dates / "Biotonne" / "wöchentlich donnerstags" / ... /
        "Bezirk 2" / the streets / "Restmüll" / its dates / "Biotonne" / ...): a collection
        calendar by district, a team's figures by season. ``MIN_GROUP_LABELS`` labels or more
        said again one group further down, one of them at line ``i`` or below, the values
        with figures among them (no dialog box said twice: "Delete Comment" / "Cancel" /
        "Report Comment" / "Cancel"); the lines from ``i`` to the last label's value short,
        next to each other in the input, no end of the article box between, starting no more
        than a group above the first label. The groups above ``i`` may be the text's (from
        ``first`` on). None if there is none."""
        top = max(first, i - MAX_GROUP_PERIOD)
        end = i
        while end < min(limit, i + MAX_GROUP_LINES) and not prose[end] and (end == i or (blocks[end].index == blocks[end - 1].index + 1 and not crosses_removed(stops, blocks, end))):
            end += 1
        if end - i < 2:
            return None
        keys = [self.lines(b.text).key for b in blocks[top:end]]
        for period in range(MIN_GROUP_PERIOD, MAX_GROUP_PERIOD + 1):
            pairs = [k for k in range(top, end - period) if keys[k - top] == keys[k + period - top] and not prose[k] and k + period >= i]
            if len(pairs) < MIN_GROUP_LABELS or pairs[0] - i > period or pairs[0] < i - period:
                continue
            labels = {*pairs, *(k + period for k in pairs)}
            if any(k + 1 in labels or k + 1 >= end for k in labels):
                continue  # a label right over another, or over nothing: no label of a value (a teaser card's "SCHWIERIGKEIT" / "JETZT ZUBEREITEN")
            values = [k for k in range(max(top, pairs[0]), end) if k not in labels]
            if not any(DIGIT_RE.search(blocks[k].text) for k in values):
                continue
            return max(labels) + 2
        return None

    def _site_name_words(self, doc: Document) -> frozenset[str]:
        """The words of the page's copyright lines (removed by the interface filter: "© 2025
        Bäckerei Konditorei Pranzl GmbH"), which name the site's owner."""
        return frozenset(w for r in doc.removals if r.reason == reasons.COPYRIGHT_LINE for w in self._words(r.block.text))

    def _names_site(self, text: str, owner: frozenset[str]) -> bool:
        """Does line ``text`` name the site's owner: ``MIN_SHARED_WORDS`` words of its
        copyright line or more, and more than half the line's words?"""
        words = self._words(text)
        shared = len(words & owner)
        return shared >= MIN_SHARED_WORDS and 2 * shared > len(words)

    def _words(self, text: str) -> frozenset[str]:
        """The line's words that may name a subject: of four letters or more, not numbers
        (two-character pieces of Chinese and Japanese text)."""

        def find() -> frozenset[str]:
            folded = self.lines(text).folded
            words = {w for w in WORD_RE.findall(folded) if (len(w) >= MIN_TOPIC_CHARS or (len(w) >= MIN_HANGUL_TOPIC_CHARS and HANGUL_RE.match(w))) and not w.isdigit()}
            cjk = "".join(CJK_RE.findall(folded))
            words.update(cjk[k : k + 2] for k in range(len(cjk) - 1))
            return frozenset(words)

        result: frozenset[str] = self.lines.answer("topic_words", text, find)
        return result

    def _stems(self, text: str) -> frozenset[str]:
        """The line's words that may name a subject (``_words``), cut to their first
        ``TOPIC_STEM_CHARS`` letters: "долине" and "долина", "Siedlung" and "Siedlungen" are one."""
        return frozenset(w[:TOPIC_STEM_CHARS] for w in self._words(text))

    def _rows(self, blocks: tuple[Block, ...], start: int, end: int) -> bool:
        """Do lines ``start`` to ``end`` hold figures that repeat at a fixed row length
        ("Montag" / "17:00–18:30" / "Jugend", row after row, ``MIN_TABLE_ROWS`` rows at
        least): a table flattened one cell per line, with one figure a row? A code of letters
        and figures is one too ("E-11" / "Paper jam in tray 1" / "Remove the tray ..." /
        "E-13" / ...: a table of error codes)."""
        data = [k for k in range(start, end) if self.lines.shapes.is_data(blocks[k].text) or CODE_CELL_RE.fullmatch(blocks[k].text)]
        return len(data) >= MIN_TABLE_ROWS and evenly_spaced(data)

    @staticmethod
    def _figured(blocks: tuple[Block, ...], start: int, end: int) -> bool:
        """Do ``MIN_FIGURED_SHARE`` of lines ``start`` to ``end`` or more carry a figure: the
        article's data (a round's results: "Leeds United 3" / "Hull City 0" / "Scorers: Ramsay
        14, ..."; the systems a program runs on: "Ubuntu 19.04, 18.04 LTS and 16.04 LTS"), not a
        box of links?"""
        figured = sum(1 for k in range(start, end) if DIGIT_RE.search(blocks[k].text))
        return figured >= MIN_FIGURED_SHARE * (end - start)

    def _valued_rows(self, blocks: tuple[Block, ...], start: int, end: int) -> bool:
        """Do lines ``start`` to ``end`` hold, a few lines in (a heading, a header row),
        ``MIN_VALUED_ROWS`` rows or more of a name and its value, two or three values of two
        words at most said again and again (one of them once at most: an abstention), the
        names all different: a table of votes or answers flattened a cell per line ("Partij" /
        "Stemming" / "Lokaal Belang" / "Voor" / "CDA" / "Tegen" / ...)? A button said under
        each link is one value only."""
        texts = [self.lines(blocks[k].text).key for k in range(start, end)]
        for offset in range(min(MAX_VALUED_ROWS_OFFSET, len(texts)) + 1):
            names, values = texts[offset::2], texts[offset + 1 :: 2]
            rows = 0
            while (
                rows < len(values)
                and 0 < word_count(values[rows]) <= MAX_VALUE_WORDS
                and 0 < word_count(names[rows]) <= MAX_VALUED_NAME_WORDS
                and len(set(values[: rows + 1])) <= MAX_VALUES
            ):
                rows += 1
            if rows < MIN_VALUED_ROWS:
                continue
            said = Counter(values[:rows])
            again = sum(count for count in said.values() if count >= 2)  # rows whose value is said again
            if len(said) >= 2 and again >= rows - 1 and len(set(names[:rows])) == rows and said.keys().isdisjoint(names[:rows]):
                return True
        return False

    def _priced_cards(self, blocks: tuple[Block, ...], i: int, j: int) -> bool:
        """Do lines ``i`` to ``j`` (and the card right above them) hold prices at a nearly fixed
        distance of ``MIN_CARD_LINES`` lines or more (cards list a few more or fewer features:
        ``MAX_CARD_SPREAD``), ``MIN_PRICED_CARDS`` times at least: the article's cards of plans
        or products, each a name, a price and its features ("Básico" / "9 € / mes" / "Hasta 30
        facturas al mes" / ...)?"""
        prices = [k for k in range(max(0, i - MAX_CARD_LINES), j) if CURRENCY_RE.search(blocks[k].text) and self.lines.shapes.is_data(blocks[k].text)]
        if len(prices) < MIN_PRICED_CARDS:
            return False
        steps = [b - a for a, b in zip(prices, prices[1:])]
        return MIN_CARD_LINES <= min(steps) and max(steps) <= min(MAX_CARD_LINES, min(steps) + MAX_CARD_SPREAD)

    def _priced_items(self, blocks: tuple[Block, ...], i: int, j: int) -> bool:
        """Do lines ``i`` to ``j`` hold ``MIN_TABLE_ROWS`` items or more each right over its
        price, that make two thirds of the lines or more (the rest: the headings of the days or
        courses between them): a menu or a price list flattened one cell per line
        ("Montag" / "Linsensuppe mit Wiener Würstchen" / "6,90 €" / "Gebratene Hähnchenbrust
        ..." / "11,50 €" / ...)?"""
        is_data = self.lines.shapes.is_data
        data = [is_data(blocks[k].text) for k in range(i, j)]
        prices = [d and (CURRENCY_RE.search(blocks[k].text) is not None or CURRENCY_CODE_RE.match(self.lines(blocks[k].text).folded) is not None) for d, k in zip(data, range(i, j))]
        pairs = sum(1 for k in range(len(data) - 1) if prices[k + 1] and not data[k])
        return pairs >= MIN_TABLE_ROWS and 3 * 2 * pairs >= 2 * (j - i)

    def _link_runs(
        self, blocks: tuple[Block, ...], short: list[bool], start: int, end: int, tabled: Collection[int] = (), topic: _Topic | None = None
    ) -> dict[int, str]:
        """Positions in runs of more than ``max_inner_run`` link-like lines between ``start``
        and ``end``: a page's link box between two parts of the text, not a list of the
        article's (those have markers, data, or an introducing line ending in a colon: "Die
        Tarife im Vergleich:" over a table's cells), nor rows of a table between two of its
        parts (``tabled``) that hold figures, nor a table's rows with one figure each, nor a
        small table (:meth:`_headed_table`), nor a table comparing what the text is about
        (``topic``: the words of its paragraphs; see :meth:`_compared_table`)."""
        runs: dict[int, str] = {}
        i = start
        resume = -1  # where a table compared under the run ends
        while i < end:
            if not short[i]:
                i += 1
                continue
            j = i
            while j < end and short[j]:
                j += 1
            # A table comparing what the text is about: the run ends over it, and goes on under it.
            # (Under a few lines of the run at most: the rows of a long box of links repeat a shape.)
            if topic is not None and j - i > (self.max_inner_run or 0):
                for t in range(i, min(j, i + (self.max_inner_run or 0) + 1)):
                    table_end = self._compared_table(blocks, t, topic)
                    if table_end is not None:
                        j, resume = t, table_end
                        break
            # A heading over names of one or two words under a paragraph: the article's list;
            # what follows them is read on its own.
            named = self._names_under_heading(blocks, short, i, j)
            if named is not None:
                i = named
                continue
            # Introduced by a line ending in a colon, or led by a heading that names a list
            # ("Medverkande" / "Julie – Elin Wahlberg" / ...; vocabulary ``list_headings``).
            introduced = (i > 0 and INTRO_END_RE.search(blocks[i - 1].text) is not None) or self.lines.shapes.is_list_heading(blocks[i].text)
            # Rows of a table between two parts of it that carry figures ("Dampfprogramm" /
            # "Nein" / "Ja" between the prices and the noise levels).
            inside_table = i - 1 in tabled and j in tabled
            if (
                self.max_inner_run is not None
                and j - i > self.max_inner_run
                and not introduced
                and not inside_table
                and not self._rows(blocks, i, j)
                and not self._valued_rows(blocks, i, j)
                and not self._figured(blocks, i, j)
                and not self._numbered(blocks, i, j)
                and not self._in_tables(blocks, i, j)
                and not self._priced_cards(blocks, i, j)
                and not self._priced_items(blocks, i, j)
                and not self._sectioned(blocks, i, j)
                and not _lower_case_sections([blocks[k].text for k in range(i, j)])
                and not self._parallel_sections(blocks, i, j)
                and not self._own_sections(blocks, i, j, j < end and not short[j])
            ):
                buttons = self._schedule_buttons(blocks, i, j)
                if buttons is not None:
                    runs.update(dict.fromkeys(buttons, SCHEDULE_BUTTON_DETAIL))
                else:
                    runs.update(dict.fromkeys(range(i, j), f"a run of {j - i} link-like lines inside the text"))
            i = max(j, resume)
        return runs

    @staticmethod
    def _introduced_table(blocks: tuple[Block, ...], t: int) -> int | None:
        """Where a table of words under its columns' names (see lines.named_column_table)
        ends that starts at line ``t``, or under a heading there ("Störungen beim Entkalken"
        / "Problem" / "Ursache" / "Lösung" / ...); None if there is none. Asked right under a
        paragraph: where the text introduces it, the names are no site's menu."""
        for h in (0, 1):
            # (A heading, or a question the table answers: "Que signifient les voyants ?")
            if h and not (is_heading(blocks[t].text) or (QUESTION_END_RE.search(blocks[t].text) and word_count(blocks[t].text) <= MAX_QUESTION_HEADING_WORDS)):
                break
            texts = [b.text for b in blocks[t + h : t + h + MAX_HEADED_CELLS * (MAX_WORD_TABLE_ROWS + 2)]]
            end = named_column_table(texts, 0)
            if end is not None:
                return t + h + end
        return None

    def _compared_table(self, blocks: tuple[Block, ...], t: int, topic: _Topic | None) -> int | None:
        """Where a table starting at line ``t`` that compares things the text is about ends: a
        header row of ``MIN_COMPARED_CELLS`` to ``MAX_HEADED_CELLS`` cells of
        ``MAX_COMPARED_HEADER_WORDS`` words at most (no figure, no address), each but the first
        (the rows' label) sharing a word with the text's paragraphs (``topic``), perhaps under
        a heading, over ``MIN_HEADED_ROWS`` to ``MAX_WORD_TABLE_ROWS`` rows of as many short
        cells (see lines.word_rows), their labels all different, and then a line that is no
        such row ("Merkmal" / "Grippe" / "Erkältung" / "Beginn" / "plötzlich" / "schleichend" /
        "Fieber" / ...); None if there is none. A box of links holds headlines, not the text's
        subjects side by side, and its items go on in one shape."""
        if topic is None:
            return None
        texts = [b.text for b in blocks[t : t + 1 + MAX_HEADED_CELLS * (MAX_WORD_TABLE_ROWS + 2)]]
        for n in range(MIN_COMPARED_CELLS, MAX_HEADED_CELLS + 1):
            for h in (0, 1):  # a heading over the header row ("Grippe und Erkältung im Vergleich")
                header = texts[h : h + n]
                if len(header) < n or not all(
                    0 < word_count(c) <= MAX_COMPARED_HEADER_WORDS and STATEMENT_END_RE.search(c) is None and not c.rstrip().endswith(":") and not any(map(str.isdigit, c)) and "@" not in c
                    for c in header
                ):
                    continue
                if not all(topic.shares(self._words(c)) for c in header[1:]):
                    continue
                rows = word_rows(texts, h + n, n)
                if MIN_HEADED_ROWS <= len(rows) <= MAX_WORD_TABLE_ROWS and len({row[0] for row in rows}) == len(rows):
                    return t + h + n * (len(rows) + 1)
        return None

    def _names_under_heading(self, blocks: tuple[Block, ...], short: list[bool], i: int, j: int) -> int | None:
        """Where the names end under a heading right below a paragraph: ``MIN_NAMED_ITEMS`` lines
        or more of ``MAX_NAMED_ITEM_WORDS`` words at most, each capitalised, different, no
        section's or button's word of the vocabulary, next to each other in the input (the
        counties a warning covers: "Județele vizate de codul portocaliu" / "Suceava" /
        "Botoșani" / ...; a cast, the towns on a route). A page's box of links holds headlines,
        its menu the site's sections. None if the run does not start so."""
        if i == 0 or short[i - 1] or blocks[i].index != blocks[i - 1].index + 1 or not is_heading(blocks[i].text):
            return None
        k = i + 1
        seen: set[str] = set()
        while k < j and blocks[k].index == blocks[k - 1].index + 1:
            line = self.lines(blocks[k].text)
            tokens = blocks[k].text.split()
            if not 0 < len(tokens) <= MAX_NAMED_ITEM_WORDS or line.size > MAX_NAMED_ITEM_WORDS or not all(is_name_token(t) for t in tokens) or DIGIT_RE.search(line.text) or line.key in seen:
                break
            if self.lines.is_phrase("section_labels", line) or self.lines.is_phrase("navigation", line) or self.lines.is_phrase("tag_list", line):
                return None
            seen.add(line.key)
            k += 1
        return k if k - i - 1 >= MIN_NAMED_ITEMS else None

    @staticmethod
    def _numbered(blocks: tuple[Block, ...], i: int, j: int) -> bool:
        """Are most of lines ``i`` to ``j`` led by the numbers 1, 2, 3, ... in turn, one a line,
        ``MIN_NUMBERED_ROWS`` or more: the rows of a table numbered by its first cell ("1 What
        makes a city an ecosystem? Campus tree inventory" / "2 Urban climate ...")?"""
        expected = 1
        for k in range(i, j):
            lead = NUMBER_LED_RE.match(blocks[k].text)
            if lead is not None and int(lead.group(1)) == expected:
                expected += 1
        return expected - 1 >= MIN_NUMBERED_ROWS and 2 * (expected - 1) >= j - i

    def _in_tables(self, blocks: tuple[Block, ...], i: int, j: int) -> bool:
        """Are lines ``i`` to ``j`` small tables one after another (:meth:`_headed_table`),
        the first starting there or under a heading and a header cell closed by a full stop
        right above ("Classificação – 10 km masculinos" / "Pos." / "Atleta" / ... / the next
        table's heading / ...)?"""
        for start in range(i, max(-1, i - MAX_TABLE_HEAD_LINES - 1), -1):
            k = start
            while k < j and (end := self._headed_table(blocks, k, len(blocks), ())) is not None:
                k = end
            if k >= j and k > start:
                return True
        return False

    def _sectioned(self, blocks: tuple[Block, ...], start: int, end: int) -> bool:
        """Lines ``start`` to ``end`` are a list in sections: ``MIN_LIST_SECTIONS`` headings
        or more of ``MAX_LIST_SECTION_WORDS`` words, each over ``MIN_SECTION_ITEMS`` items or
        more of ``MIN_SECTION_ITEM_WORDS`` words or more, and no other line ("Kitchen" / "Gas
        stove and two 230 g canisters" / "Pot, pan, two mugs, sporks and a folding knife" /
        "Clothing" / ...): a checklist of the article's, not a box of links."""
        words = [self.lines(blocks[k].text).words for k in range(start, end)]
        heads = [k for k, n in enumerate(words) if n <= MAX_LIST_SECTION_WORDS and is_heading(blocks[start + k].text)]
        if len(heads) < MIN_LIST_SECTIONS:
            return False
        if any(n < MIN_SECTION_ITEM_WORDS for k, n in enumerate(words) if k not in heads):
            return False
        return _heads_items(heads, len(words))

    def _parallel_sections(self, blocks: tuple[Block, ...], start: int, end: int) -> bool:
        """Lines ``start`` to ``end`` open with a heading, and every line that leads as it does
        (its first ``MIN_PARALLEL_WORDS`` words) heads ``MIN_SECTION_ITEMS`` items or more, two
        such headings at least: sections compared item by item ("Sintomas típicos da
        constipação" / "Nariz entupido ou a pingar" / ... / "Sintomas típicos da gripe" /
        "Febre alta" / ...), a list of the article's, not a box of links."""

        def lead(k: int) -> tuple[str, ...] | None:
            words = self.lines(blocks[k].text).key.split()
            if not MIN_PARALLEL_WORDS < len(words) <= MAX_PARALLEL_HEADING_WORDS or not is_heading(blocks[k].text):
                return None
            return tuple(words[:MIN_PARALLEL_WORDS])

        first = lead(start)
        if first is None:
            return False
        heads = [k for k in range(start, end) if lead(k) == first]
        return len(heads) >= 2 and _heads_items(heads, end)

    def _own_sections(self, blocks: tuple[Block, ...], start: int, end: int, resumes: bool) -> bool:
        """Lines ``start`` to ``end`` are the text's own sections: nothing removed between them
        nor at either edge, the text resuming right under them (``resumes``), they open with a
        heading and hold another after ``MIN_SECTION_ITEMS`` lines at least, each of
        ``MAX_LIST_SECTION_WORDS`` words at most over an item, no header of related links, and
        items (``MIN_OWN_ITEM_WORDS`` words or ``MIN_OWN_ITEM_CHARS`` characters at least, not a
        menu's words) are half the lines or more ("Unser
        Leistungsspektrum" / "Check-up 35 und Krebsvorsorge" / "Lungenfunktionsprüfung" / ... /
        "Unser Team" / "Dr. med. Katrin Albers – Fachärztin für Allgemeinmedizin" / ... /
        "Rezepte und Überweisungen" over a paragraph). A box of links inside a text has a
        lead-in that goes ("Mehr zum Thema") or a header of its own ("Weitere Artikel")."""
        if not resumes or start == 0 or any(blocks[k].index != blocks[k - 1].index + 1 for k in range(start, end + 1)):
            return False
        if len({self.lines(blocks[k].text).key for k in range(start, end)}) < end - start:
            return False  # a button repeated between entries ("Biglietti")

        items = [self.lines(blocks[k].text).words >= MIN_OWN_ITEM_WORDS or len(blocks[k].text) >= MIN_OWN_ITEM_CHARS for k in range(start, end + 1)]
        if 2 * sum(items[:-1]) < end - start:
            return False  # a menu of words ("Portada" / "Local" / "Deportes" / ...)

        def heads(k: int) -> bool:
            text = blocks[k].text
            return self.lines(text).words <= MAX_LIST_SECTION_WORDS and is_heading(text) and not self.lines.shapes.is_related_header(text) and items[k - start + 1]

        return heads(start) and any(heads(k) for k in range(start + 1 + MIN_SECTION_ITEMS, end))

    def _schedule_buttons(self, blocks: tuple[Block, ...], start: int, end: int) -> list[int] | None:
        """When lines ``start`` to ``end`` are a schedule of the article (``MIN_DATED_ENTRIES``
        entries or more led by their date, :meth:`lines.Shapes.is_dated_entry`, most of the
        lines that are not copies of one another), the copies of a line repeated between its
        entries (a ticket button: "12 aprile 2024 – Bologna – Locomotiv Club" / "Biglietti" /
        "13 aprile 2024 – Firenze – Viper Theatre" / "Biglietti"); else None."""
        shapes = self.lines.shapes
        texts = [blocks[k].text for k in range(start, end)]
        dated = sum(1 for text in texts if shapes.is_dated_entry(text))
        if dated < MIN_DATED_ENTRIES:
            return None
        keys = Counter(self.lines(text).key for text in texts)
        copies = [start + n for n, text in enumerate(texts) if keys[self.lines(text).key] > 1 and not shapes.is_dated_entry(text)]
        return copies if 2 * dated > len(texts) - len(copies) else None


class _Topic:
    """The words of a text's paragraphs, read paragraph by paragraph only as far as a
    question needs (most headlines share a word with the first paragraph)."""

    __slots__ = ("_paragraphs", "_words_of", "words")

    def __init__(self, words_of: Callable[[str], frozenset[str]], paragraphs: Iterable[str]) -> None:
        self._words_of = words_of
        self._paragraphs = iter(paragraphs)
        self.words: set[str] = set()

    def shares(self, words: frozenset[str]) -> bool:
        """Does any paragraph hold one of ``words``?"""
        if not self.words.isdisjoint(words):
            return True
        for text in self._paragraphs:
            found = self._words_of(text)
            self.words |= found
            if not found.isdisjoint(words):
                return True
        return False

    def all(self) -> set[str]:
        """Every paragraph's words."""
        for text in self._paragraphs:
            self.words |= self._words_of(text)
        return self.words


def _day_tables(blocks: tuple[Block, ...], dates: Sequence[int]) -> list[tuple[int, int]]:
    """Runs of ``MIN_DAY_TABLE_ROWS`` date lines or more (``dates``), next to each other in the
    input, each day said twice at most, most said once and two twice at least (the day moved
    from and the day moved to; an archive's list of days names each once): a table of days,
    as (start, end)."""
    found: list[tuple[int, int]] = []
    for run in runs_of(dates, lambda a, b: b == a + 1 and blocks[b].index == blocks[a].index + 1):
        texts = [blocks[i].text for i in run]
        if len(run) >= MIN_DAY_TABLE_ROWS and days_twice_at_most(texts) and len(run) - len(set(texts)) >= 2:
            found.append((run[0], run[-1] + 1))
    return found


def _is_facts_line(text: str) -> bool:
    """Items between bars or bullets, ``MIN_FACT_ITEMS`` or more, a figure among them: a line
    of facts ("Ibrida · 2021 · 48.500 km · Manuale") or of a page's metadata, no headline."""
    return len(BAR_SEPARATOR_RE.findall(text)) + 1 >= MIN_FACT_ITEMS and DIGIT_RE.search(text) is not None


def _lead_key(text: str) -> str:
    """A line's first two words, folded, each figure written 0 ("16:40 | Veerboten" -> "00:00
    |", "§ 12 Vorstand" -> "§ 00"): how a run of entries' headings begins."""
    return DIGIT_RE.sub("0", " ".join(text.casefold().split()[:2]))


def _clock_minutes(folded: str) -> int | None:
    """The clock time that leads a folded line ("10:30 ひがし茶屋街で ...", "18.45 uhr – konzert"),
    in minutes after midnight, or None."""
    if CLOCK_LED_RE.match(folded) is None:
        return None
    clock = CLOCK_VALUE_RE.search(folded)
    return int(clock.group(1)) * 60 + int(clock.group(2)) if clock is not None else None


def _item_number(text: str) -> int | None:
    """The number that leads a numbered section's heading or list item ("5. How did we get
    here?", "1) ..."), or None."""
    number = SECTION_NUMBER_RE.match(text)
    return int(number.group(1)) if number is not None else None


def _names_one_of(key: str, names: Collection[str]) -> bool:
    """Does a line (its folded core) repeat one of a table of contents' ``names``, alone or
    after a step's label ("Step 1: Install WireGuard" for "Install WireGuard")?"""
    if key in names:
        return True
    words = key.split()
    return any(" ".join(words[k:]) in names for k in range(1, min(len(words) - 1, MAX_STEP_LABEL_WORDS + 1)))


def _is_fact_value(text: str) -> bool:
    """A "Label: value" line of a fact box with a longer value: a label of at most
    ``MAX_FACT_LABEL_WORDS`` words, a value that ends no sentence, within ``MAX_DATA_CHARS``."""
    label, colon, value = split_label(text)
    return bool(colon) and len(text) <= MAX_DATA_CHARS and 0 < len(label.split()) <= MAX_FACT_LABEL_WORDS and bool(value.strip()) and not ends_sentence(value)


def _figure_over_label(figure: str, label: str) -> bool:
    """A box's figure ("148 milioni", "כ-280", "x1,5"), a few words at most with a figure that
    is no date or time nor a section of a law ("BGB § 305" over its title), over the label that
    says what it counts ("posti letto"), a few words without a figure that end no sentence."""
    return (
        len(figure.split()) <= MAX_FIGURE_WORDS
        and "§" not in figure
        and DIGIT_RE.search(figure) is not None
        and NUMERIC_DATE_RE.search(figure) is None
        and TIME_RE.search(figure) is None
        and 0 < word_count(label) <= MAX_FIGURE_LABEL_WORDS
        and DIGIT_RE.search(label) is None
        and STATEMENT_END_RE.search(label) is None
        and not label.rstrip().endswith((":", "?"))
    )


def _is_figures_entry(text: str) -> bool:
    """A "Label: value" entry whose value holds a figure ("Pont: 06.45, 07.15", "Tel.: 030 1234")."""
    match = LABELLED_RE.match(text) if len(text) <= MAX_DATA_CHARS else None
    return match is not None and any(c.isdigit() for c in text[match.end() - 1 :])


def _lower_case_sections(texts: Sequence[str]) -> bool:
    """Are ``texts`` a checklist in sections whose items start with a small letter: every line
    a heading of ``MAX_LIST_SECTION_WORDS`` words at most starting with a capital, or an item
    starting with a small letter (no sentence), ``MIN_LIST_SECTIONS - 1`` headings at least,
    each over ``MIN_SECTION_ITEMS`` items or more, the first lines perhaps the last items of a
    section above ("worek na ubrania" / "Do leżakowania" / "poduszka" / "kocyk" / "Higiena"
    / "chusteczki nawilżane" / ...)? Headlines and a menu's links start with a capital."""
    heads: list[int] = []
    for k, text in enumerate(texts):
        first = text.lstrip()[:1]
        if first.isupper() and word_count(text) <= MAX_LIST_SECTION_WORDS and is_heading(text):
            heads.append(k)
        elif not _is_small_item(text):
            return False
    return len(heads) >= MIN_LIST_SECTIONS - 1 and _heads_items(heads, len(texts))


def _is_small_item(text: str) -> bool:
    """A list item that starts with a small letter and is no sentence ("štíhlá postava",
    "chusteczki nawilżane"): headlines and a menu's links start with a capital."""
    return text.lstrip()[:1].islower() and STATEMENT_END_RE.search(text) is None


def _without_agency(text: str) -> str:
    """A dateline without what closes it after the place and date: the agency in brackets, a
    full stop and a dash ("Logroño, 26 may (Agencia).-" -> "Logroño, 26 may")."""
    text = text.rstrip(" .:-–—")
    if text.endswith(")"):
        opened = text.rfind("(")
        if opened >= 0 and len(text) - opened <= MAX_AGENCY_CHARS:
            text = text[:opened].rstrip(" .:-–—")
    return text


def _heads_small_items(blocks: Sequence[Block], i: int) -> bool:
    """Is line ``i`` a heading starting with a capital over ``MIN_SMALL_ITEMS`` items or more,
    next to it and to each other in the input, each starting with a small letter, no sentence
    ("Popis pachatele" / "muž ve věku 30 až 40 let" / "výška kolem 180 cm" / "štíhlá postava")?
    A list of the text's under its heading, not headlines of other stories."""
    items = blocks[i + 1 : i + 1 + MIN_SMALL_ITEMS]
    return (
        len(items) == MIN_SMALL_ITEMS
        and blocks[i].text.lstrip()[:1].isupper()
        and is_heading(blocks[i].text)
        and all(b.index == blocks[i].index + 1 + n for n, b in enumerate(items))
        and all(_is_small_item(b.text) and word_count(b.text) <= MAX_SMALL_ITEM_WORDS for b in items)
    )


def _place_led(text: str) -> bool:
    """A heading led by one capitalized word and a colon ("Westhausen: Einbruch in
    Sportheim"): a roundup item's place."""
    labelled = LABELLED_RE.match(text)
    return labelled is not None and " " not in labelled.group(1) and labelled.group(1)[:1].isupper()


def _heads_items(heads: Sequence[int], end: int) -> bool:
    """Does each heading at ``heads`` (in order) stand over ``MIN_SECTION_ITEMS`` lines or more
    before the next one, the last before ``end``?"""
    bounds = [*heads, end]
    return all(bounds[m + 1] - bounds[m] - 1 >= MIN_SECTION_ITEMS for m in range(len(heads)))


def _is_menu(text: str) -> bool:
    """A site's menu on one line: ``MIN_MENU_CELLS`` cells or more between bars, each a name
    of ``MAX_MENU_CELL_WORDS`` words at most without figures ("Forsíða | Fréttir | Íþróttir |
    Menning | Veður")."""
    if "|" not in text:
        return False
    cells = [cell.strip() for cell in TABLE_BAR_RE.split(text)]
    return len(cells) >= MIN_MENU_CELLS and all(cell and len(cell.split()) <= MAX_MENU_CELL_WORDS and not DIGIT_RE.search(cell) for cell in cells)


def _is_row(text: str) -> bool:
    """Cells in a row: parts between bars ("Startseite | Praxis | Team") or a trail of crumbs
    of two items or more."""
    return ("|" in text and TABLE_BAR_RE.search(text) is not None) or len(crumb_items(text)) >= 2
