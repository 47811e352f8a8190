"""Each filter on its own: the reason codes it gives, and the near-misses it must keep."""

from __future__ import annotations

import pytest

import cleaner
from cleaner import filters
from cleaner.document import Document
from cleaner.pipeline import Pipeline


def reasons(flt, text: str) -> list[tuple[str, str]]:
    doc = Document.from_text(text)
    return sorted(((r.block.text, r.reason) for r in flt.find(doc)), key=lambda x: x[0])


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Advertisement", "advertisement"),
        ("Publicité", "advertisement"),
        ("ANZEIGE", "advertisement"),
        ("Реклама", "advertisement"),
        ("Back to top", "navigation"),
        ("Bouton retour en haut de la page", "navigation"),
        ("↑ Nach oben", "navigation"),
        ("Share on Facebook", "share_prompt"),
        ("Facebook | Twitter | WhatsApp | E-Mail", "share_prompt"),
        ("Compartir", "share_prompt"),
        ("Escuchar nota", "navigation"),
        ("Actualizar entradas", "navigation"),  # a live report's button
        ("Sign up for our newsletter", "subscription_prompt"),
        ("Abonnez-vous", "subscription_prompt"),
        ("We use cookies to improve your experience on our site.", "cookie_notice"),
        ("12 comments", "comment_counter"),
        ("© 2024 Example Media. All rights reserved.", "copyright_line"),
        ("Tous droits réservés", "copyright_line"),
        ("Tags: climate, energy, Europe", "tag_list"),
        ("Schlagworte: Bundestag, Haushalt", "tag_list"),
        ("Create an account or sign in to continue with your reading experience.", "subscription_prompt"),
        ("Copy Link URLCopied!", "share_prompt"),
        ("Comment entries are limited to 100 words.", "comment_counter"),
        ("Artikel teilen mit:", "share_prompt"),
        ("Externen Inhalt anzeigen", "cookie_notice"),
        ("Accéder aux raccourcis d'accessibilité", "navigation"),
        ("Facebookでシェアする", "share_prompt"),
        ("IT-Spezialist (m/w/d) Netzwerke und Systeme (öffnet im neuen Fenster)", "navigation"),
        ("Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird.", "cookie_notice"),
        ("If you buy something using links in our stories, we may earn a commission.", "advertisement"),
        ("ログインして続きを読む", "subscription_prompt"),
        ("Comentar (48)", "comment_counter"),
        ("Este post pode conter links de afiliados. Se você comprar algo através deles, recebemos uma comissão.", "advertisement"),
        ("Artykuł zawiera linki afiliacyjne. Jeśli dokonasz zakupu, możemy otrzymać prowizję.", "advertisement"),
        ("Ce comparatif contient des liens affiliés : nous pouvons percevoir une commission.", "advertisement"),
        ("Informacja o plikach cookies: ta strona korzysta z plików cookies zgodnie z polityką prywatności.", "cookie_notice"),
        ("Previous: Contributing", "navigation"),
        ("Built with Sphinx using a theme provided by Read the Docs.", "navigation"),
        ("Get our weekend picks in your inbox every Thursday", "subscription_prompt"),
        ("Tried this recipe? Tag @cozykitchen on Instagram and hashtag it #cozykitchen", "share_prompt"),
        ("Vous pouvez vous désinscrire à tout moment via le lien présent dans chaque newsletter.", "subscription_prompt"),
        ("Ti è stata utile questa pagina?", "navigation"),
        ("Tamaño de texto: A+ A-", "navigation"),
    ],
)
def test_interface_lines(line: str, reason: str) -> None:
    assert reasons(filters.InterfaceLines(), line + "\nThe minister resigned on Monday after weeks of pressure.") == [
        (line, reason)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Un bouton « retour en haut de la page » permet de remonter sans effort, explique le développeur.",
        "Advertisement rules tightened",
        "Share of renewables: 42%",
        "Copyright law protects the expression of an idea, not the idea itself.",
        "Partager les richesses, voilà le programme du candidat.",
        "Add a comment about the budget to the minutes, the chairman told the clerk on Monday.",
        "Next: the council will vote on the budget in May, the mayor said.",
        "Unlimited access to the archive was granted to researchers from three universities last year.",
        "Tesla nutzte Akkus von Panasonic(öffnet im neuen Fenster) mit 271 Wh/kg und 755 Wh/l, wie das Unternehmen schrieb.",
        "К слову, использование материалов уголовного производства в делах судей — распространенная практика.",
    ],
)
def test_interface_lines_keeps_prose(line: str) -> None:
    assert reasons(filters.InterfaceLines(), line) == []


def test_section_label_and_kicker() -> None:
    text = "World\nExclusive\nMarkets rally as inflation cools in Europe\nStocks rose on Monday, traders said in London."
    assert reasons(filters.SectionLabels(), text) == [("Exclusive", "section_label"), ("World", "section_label")]
    text = "Extremismus\nNach Kalifat-Rufen in Hamburg: Sind wir zu sanft?\nDie Aufregung bleibt groß, sagen viele Menschen in der Stadt."
    assert reasons(filters.SectionLabels(), text) == [("Extremismus", "section_label")]
    text = "Bahnstreik\nWarum die Lokführer schon wieder streiken wollen\nDie Gewerkschaft hat am Montag zum Streik aufgerufen, heißt es."
    assert reasons(filters.SectionLabels(), text) == [("Bahnstreik", "kicker")]


def test_section_label_only_at_head() -> None:
    text = "A title here\n" + "A long paragraph of article text that goes on, as they do.\n" * 3 + "World"
    assert reasons(filters.SectionLabels(), text) == []


@pytest.mark.parametrize(
    "line, reason",
    [
        ("By Jane Doe", "byline"),
        ("By Jane Doe and John Roe, Reuters", "byline"),
        ("Par Marie Dupont", "byline"),
        ("Von Anna Schmidt | dpa", "byline"),
        ("Updated 3:42 PM EDT, April 2, 2024", "dateline"),
        ("Publié le 19 avril 2024 à 10h32", "dateline"),
        ("3. Mai 2024, 17:47", "dateline"),
        ("19/04/2024", "dateline"),
        ("14 hours ago", "dateline"),  # "14 h" of "hours" is not a time
        ("06.01.2026, Lesezeit 5 Min.", "dateline"),
        ("Publiziert heute um 12:19 Uhr", "dateline"),
        ("15時間前", "dateline"),
        ("2小时前", "dateline"),
        ("16:05", "dateline"),
        ("Published Fri, Apr 28 20232:23 PM EDT", "dateline"),  # a year glued to the time
        # A post's stamp whose author's first name is a month's abbreviation or name.
        ("Veröffentlicht am 3. April 2024 von Jan Brandt", "byline"),
        ("Posted on 3 March 2024 by April Ryan", "byline"),
    ],
)
def test_bylines(line: str, reason: str) -> None:
    assert reasons(filters.Bylines(), line) == [(line, reason)]


@pytest.mark.parametrize(
    "line",
    ["By Tuesday, the river had risen another two metres", "By contrast, prices fell.", "Par ailleurs, le maire a parlé.",
     "2024", "Chapter 2", "14 hours of talks", "48:22", "50:55", "148:22",  # a goal difference, a running time
     "180 h", "60 h",  # a workload in hours: no hour of the clock is past 24 or part of a longer number
     "Posted on March 3 by May 2024"],  # no name after "by": a date word alone
)
def test_bylines_keep(line: str) -> None:
    assert reasons(filters.Bylines(), line) == []


@pytest.mark.parametrize(
    "above, kept",
    [("v3.8.0", True), ("3.7.2", True), ("Release 2.0.0-beta.1", True), ("Harbor CLI v2.4", True),
     ("14.30", False), ("12.05.2024", False), ("1.5.24", False), ("Version 3", False)],
)
def test_a_date_under_a_version_number_is_the_release_date(above: str, kept: bool) -> None:
    # "1.5.24" is a short date, "14.30" a time, "12.05.2024" a date: no version number.
    page = f"{above}\nMarch 3, 2026\nAdded the sync command, which mirrors a remote workspace into a folder."
    assert ("March 3, 2026", "dateline") not in reasons(filters.Bylines(), page) if kept else ("March 3, 2026", "dateline") in reasons(filters.Bylines(), page)


@pytest.mark.parametrize(
    "text, credited",
    [
        ("Margaret Ellison aboard the research vessel in 1998. Photograph: Ellison family", True),
        ("Striking members of the union last year. Photograph: Guy Smallman/Getty Images", True),
        ("Die Brücke bei Nacht. Fotografie: Anna Weber", True),
        ("La plaza al amanecer. Fotografía: Juan Pérez", True),
        ("She studied photography in Leeds and photographed the coast for forty years.", False),
        ("Fotografie ist für sie ein Handwerk, sagt sie.", False),
        # A label and a word that says whose name someone in capitals; a lower-case word
        # after them goes on a sentence (a step's heading that ends "une source de chaleur").
        ("Le maire devant la nouvelle mairie. Photo de Jean Dupont", True),
        ("Il sindaco in piazza. Foto di Marco Rossi", True),
        ("Margaret Haldane at the field station in 1974. (Courtesy of the Haldane family)", True),
        ("4. Prévoyez une source de chaleur sécuritaire", False),
        ("Usa una fuente de calor. Foto de familia en la mesa", False),
    ],
)
def test_a_credit_labelled_photograph_or_fotografie(text: str, credited: bool) -> None:
    assert filters.Captions().has_trailing_credit(text) is credited


def test_an_agency_in_brackets_is_a_whole_word() -> None:
    captions = filters.Captions()
    assert captions.has_trailing_credit("Marcos Baghdatis celebrates in Melbourne (AAP)")
    assert captions.has_trailing_credit("市民在亚运会游泳馆内参观。（新华社记者 王明 摄）") or captions.has_trailing_credit("市民在亚运会游泳馆内参观。(新华社记者 王明 摄)")
    assert not captions.has_trailing_credit("A (approbatur)")
    assert not captions.has_trailing_credit("Klare Worte in der Kabine (Ansage an die Mannschaft)")


def test_clock_times_and_header_rows() -> None:
    from cleaner.lines import Lines

    shapes = Lines().shapes
    assert [shapes.is_clock_time(t) for t in ("16:05", "9.30 Uhr", "3:47 PM", "20h15", "12:58 BST", "09:15 CET")] == [True] * 6
    assert [shapes.is_clock_time(t) for t in ("12:58 BSTX", "12:58 Boston")] == [False] * 2
    assert [shapes.is_clock_time(t) for t in ("48:22", "50:55", "16:05 heute", "Freitag")] == [False] * 4
    table = ["Sailings", "Departs", "Route", "Arrives", "08:15", "Port – Island", "09:05", "12:40", "Port – Island", "13:30"]
    figures = {4, 6, 7, 9}
    assert shapes.header_row(table, figures) == 1
    # Other stories: a section, a headline (longer than a column's name) and a time each.
    teasers = ["More news", "Sport", "Rovers sign striker from city rivals", "14:36", "Business", "Bakery chain opens fifth shop", "13:41"]
    assert shapes.header_row(teasers, {3, 6}) is None


def test_a_share_button_over_a_live_reports_next_entry_is_no_table_cell() -> None:
    """Between the entries of a live report, "Share" over the next entry's time goes: the
    time is the entry's stamp, not a row of a table that the button would be a cell of."""
    report = (
        "18:05 GMT\nPower cuts now affect 41,000 homes\nAbout 41,000 properties are without electricity, mostly in the Highlands, Moray and Argyll, the network says.\n"
        "Share\n17:48 GMT\nHighest gust so far: 93 mph on Cairngorm\nThe Met Office says the strongest gust so far was recorded at the summit station.\n"
        "Share\n17:31 GMT\nSchools to close early\nHighland Council has confirmed that all schools will close at 14:00 tomorrow.\n"
    )
    doc = cleaner.clean("Storm Eleanor live: thousands without power\n" + report)
    assert [(r.block.text, r.reason) for r in doc.removals] == [("Share", "share_prompt"), ("Share", "share_prompt")]


def test_caption_with_a_name_and_outlet_in_parentheses() -> None:
    captions = filters.Captions()
    assert captions.has_trailing_credit("A man speaks at a rally in Khan Younis in 2011. (Adel Hana/Associated Press)")
    assert not captions.has_trailing_credit("He said the vote was fair. (Reporting by Jane Doe/Editing by John Roe)")
    assert not captions.has_trailing_credit("The results were mixed (Smith/Jones), the report said.")


@pytest.mark.parametrize(
    "line, credit",
    [
        ("Foto: dpa", True),
        ("©AFP", True),
        ("图：新华社", True),
        ("Photograph: Scott Gilbertson", True),
        ("图书馆延长开放时间", False),  # 图 starts a word here, it is no label
        ("Sources:", False),
        ("Image Awards:", False),  # a colon at the end introduces what follows
        ("Photoshop montages", False),
        # Without a colon a name follows the label, perhaps after a word that says whose;
        # a lower-case word makes a subheading.
        ("Foto Arne Sjöström", True),
        ("Bilde av Per-Erik Ofstad", True),
        ("Photo by Mark Jones", True),
        ("Photo de classe", False),
        ("Photo of the week", False),
        ("Foto di gruppo", False),
        # The word after the label ends where a word ends: "di" opens a credit, "digitale" not.
        ("Fotografia di Mario Rossi", True),
        ("Fotografia digitale – corso base", False),
        # One abbreviation that is no agency is a unit or a code, not a photographer.
        ("Crédits ECTS", False),
        ("Photo ID", False),
        ("Foto DPA", True),
    ],
)
def test_credit_labels_end_where_a_word_ends(line: str, credit: bool) -> None:
    assert filters.Captions().is_credit(line) is credit


def test_captions_repeated_with_credit_and_quotes() -> None:
    text = (
        "Le titre de l'article\n"
        "La page d'accueil du site Coco.gg.\n"
        "Coco.gg La page d’accueil du site Coco.gg.\n"
        "Coco.gg\n"
        "Le texte de l'article commence ici et continue longuement, comme il se doit.\n"
    )
    assert reasons(filters.Captions(), text) == [
        ("Coco.gg", "image_credit"),
        ("Coco.gg La page d’accueil du site Coco.gg.", "repeated_caption"),
        ("La page d'accueil du site Coco.gg.", "caption"),
    ]


@pytest.mark.parametrize(
    "line", ["Getty Images", "Foto: dpa", "Fot. PAP", "(Photo by John Smith/Getty Images)", "© AFP", "Imago/Blaulicht-News.de"]
)
def test_lone_credits(line: str) -> None:
    text = f"Title line\n{line}\nBody text that is long enough to be a paragraph of the article, really."
    assert reasons(filters.Captions(), text) == [(line, "image_credit")]


def test_caption_with_credit_and_pull_quote() -> None:
    body = "“We will not back down from this fight,” the mayor told reporters on Monday evening after the vote."
    text = f"Title\nRescuers search the rubble on Monday. (AP Photo/Jane Roe)\n{body}\n“We will not back down from this fight”\nEnd."
    assert reasons(filters.Captions(), text) == [
        ("Rescuers search the rubble on Monday. (AP Photo/Jane Roe)", "caption_with_credit"),
        ("“We will not back down from this fight”", "pull_quote"),
    ]


def test_a_headline_above_the_first_paragraph_is_no_pull_quote() -> None:
    # A review headed with the book's author and title, said again in its card at the end.
    text = (
        "Recensioni\nElena Ferri: «Il paese delle lucciole»\n12 marzo 2026 · Giulia Bassi\n"
        "Ci sono romanzi che si leggono d'un fiato e altri che chiedono di fermarsi a ogni capitolo.\n"
        "Elena Ferri: Il paese delle lucciole. Romanzo. Edizioni Quadrifoglio, Torino 2026, 240 pagine."
    )
    assert reasons(filters.Captions(), text) == []
    # Under the first paragraph, the same line is a pull quote.
    moved = text.replace("Elena Ferri: «Il paese delle lucciole»\n12 marzo 2026 · Giulia Bassi\n", "12 marzo 2026 · Giulia Bassi\n") + "\nElena Ferri: «Il paese delle lucciole»"
    assert reasons(filters.Captions(), moved) == [("Elena Ferri: «Il paese delle lucciole»", "pull_quote")]


@pytest.mark.parametrize(
    "paragraph, line",
    [
        ("Bisogna volerci andare, all'Osteria del Naviglio Piccolo. La via è stretta e il parcheggio un miraggio.", "Osteria del Naviglio Piccolo"),
        ("Le ministre a écrit à l'Assemblée nationale des Jeunes. Sa lettre est restée sans réponse.", "Assemblée nationale des Jeunes"),
        ("Le projet est né dans le laboratoire d'Emmanuelle Charpentier et Jennifer Doudna. Il a fallu dix ans.", "Emmanuelle Charpentier et Jennifer Doudna"),
    ],
)
def test_an_elided_name_is_no_pull_quote(paragraph: str, line: str) -> None:
    """An apostrophe between two letters elides ("all'Osteria", "l'Assemblée"): the name after
    it is a clause of the sentence, not a whole quoted sentence; a quote mark still bounds one."""
    text = f"Title\n{paragraph}\nAnother paragraph of the review follows here.\n{line}\nEnd."
    assert reasons(filters.Captions(), text) == []
    quoted = paragraph.replace("'", " '", 1).replace(".", "'.", 1)
    assert ("'" in quoted) and reasons(filters.Captions(), f"Title\n{quoted}\nAnother paragraph.\n{line}\nEnd.") == [(line, "pull_quote")]


def test_paragraph_repeated_after_other_text_is_not_a_caption() -> None:
    text = "Title\nThe scheme will cost about £500 million a year.\nHead teachers welcomed it.\nThe scheme will cost about £500 million a year."
    assert reasons(filters.Captions(pull_quotes=False), text) == []
    assert reasons(filters.DuplicateParagraphs(), text) == [("The scheme will cost about £500 million a year.", "duplicate_paragraph")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lire aussi :\nLe maire démissionne\nSuite.", [("Le maire démissionne", "promoted_headline"), ("Lire aussi :", "promo_lead_in")]),
        ("Read more: Why the vote matters\nSuite.", [("Read more: Why the vote matters", "promo_lead_in")]),
        ("Lesen Sie auch: Warum die Bahn streikt", [("Lesen Sie auch: Warum die Bahn streikt", "promo_lead_in")]),
        ("Читайте также: Новые правила", [("Читайте также: Новые правила", "promo_lead_in")]),
        ("Voir aussi sur HuffPost :", [("Voir aussi sur HuffPost :", "promo_lead_in")]),
        ("Voir aussi la réaction du maire, qui a dénoncé une décision injuste.", []),
        ("Read more about the policy in the annex, the minister said.", []),
    ],
)
def test_related_promos(text: str, expected: list[tuple[str, str]]) -> None:
    assert reasons(filters.RelatedPromos(), text) == expected


def test_author_bio_phrase_and_language_switch() -> None:
    body = "Le gouvernement a annoncé lundi une réforme des retraites très contestée par les syndicats et l'opposition.\n" * 3
    text = f"{body}Cammile Bussière\nOne of the most important things for me is the technical news that changes our world day by day, so I keep writing."
    assert reasons(filters.AuthorBio(), text) == [
        ("Cammile Bussière", "author_name"),
        ("One of the most important things for me is the technical news that changes our world day by day, so I keep writing.", "bio_language_switch"),
    ]
    text = f"{body}Jane Doe est journaliste au service politique depuis 2015."
    assert reasons(filters.AuthorBio(), text) == [("Jane Doe est journaliste au service politique depuis 2015.", "author_bio")]


def test_author_name_stands_right_over_the_bio_in_the_input() -> None:
    """A name-like line left over the bio once the lines between went (a recipe card's
    "Cuisine: American" over a box of other recipes) is no author's name."""
    from cleaner.document import Removal

    body = "Roast the tomatoes, onion and garlic for forty minutes, until they collapse and char at the edges.\n" * 3
    doc = Document.from_text(f"{body}Cuisine: American\nYou may also like\nJane Doe est journaliste au service politique depuis 2015.")
    doc = doc.without([Removal(doc.blocks[4], "related_promos", "promo_lead_in")])
    assert [(r.block.text, r.reason) for r in filters.AuthorBio().find(doc)] == [("Jane Doe est journaliste au service politique depuis 2015.", "author_bio")]


def test_author_bio_details_name_their_evidence() -> None:
    body = "Le gouvernement a annoncé lundi une réforme des retraites très contestée par les syndicats et l'opposition.\n" * 3
    doc = Document.from_text(f"{body}Jane Doe\nJane Doe est journaliste au service politique depuis 2015.")
    got = [(r.reason, r.detail) for r in filters.AuthorBio().find(doc)]
    assert got == [
        ("author_bio", "a bio's phrasing ('jane doe est journaliste') in the last lines"),
        ("author_name", "the name over the bio under it"),
    ]
    doc = Document.from_text(f"{body}Cammile Bussière\nOne of the most important things for me is the technical news that changes our world day by day, so I keep writing.")
    assert [r.detail for r in filters.AuthorBio().find(doc)][0] == "in another language than the text above it"


def test_author_bio_keeps_last_paragraph() -> None:
    body = "Le gouvernement a annoncé lundi une réforme des retraites très contestée par les syndicats et l'opposition.\n" * 3
    assert reasons(filters.AuthorBio(), body + "La décision sera connue vendredi, selon le ministère.") == []


def test_duplicate_heading_keeps_the_heading_not_its_contents_entry() -> None:
    para = ("The committee heard from residents, engineers and the transport minister over three days of hearings"
            " that ran late into the evening, and it will publish its report in the spring.\n")
    text = ("Contents\nWhat the residents told the committee\nWhat the engineers found in the tunnel\n" + para
            + "What the residents told the committee\n" + para.replace("three", "four")
            + "What the engineers found in the tunnel\n" + para.replace("three", "five"))
    got = [(r.block.index, r.reason) for r in filters.DuplicateParagraphs().find(Document.from_text(text))]
    assert got == [(1, "duplicate_paragraph"), (2, "duplicate_paragraph")]
    # A repeated sentence is still a duplicate of its first copy.
    text = para + "Other text follows here, as it does.\n" + para
    assert [(r.block.index, r.reason) for r in filters.DuplicateParagraphs().find(Document.from_text(text))] == [(2, "duplicate_paragraph")]


def test_body_region_link_lists() -> None:
    prose = "Chelsea are hoping to complete the signing of the striker this week, the club said.\n"
    text = "Home\nSport\nChelsea hoping to sign Anelka\n" + prose * 2 + "Subheading here\n" + prose + "More stories\nFAI unveils schedule\nSteinsson on verge of move"
    got = reasons(filters.BodyRegion(), text)
    assert ("Subheading here", "before_body") not in got
    assert ("Chelsea hoping to sign Anelka", "before_body") not in got
    assert ("Home", "before_body") in got and ("Steinsson on verge of move", "after_body") in got


def test_fix_unicode_edits() -> None:
    doc = filters.FixUnicode()(Document.from_text("Caf\u00c3\u00a9 &amp; th\u00e9\u200b  noir\n\u00a0"))
    assert doc.text == "Café & thé noir"
    assert [e.step for e in doc.edits] == ["fix_unicode", "normalize_whitespace"]
    doc = filters.FixUnicode(nbsp="space")(Document.from_text("5\u00a0000 euros"))
    assert doc.text == "5 000 euros"
    assert filters.FixUnicode()(Document.from_text("5\u00a0000 euros")).text == "5\u00a0000 euros"


def test_body_region_readers_comments() -> None:
    article = "The council approved the new tram line on Monday after a long debate, officials said.\n" * 6
    comment = "I have lived here for thirty years and this tram is the worst idea the council has had, honestly.\n"
    doc = Document.from_text("Tram line approved\n" + article + "Comments\n" + comment * 8)
    got = reasons(filters.BodyRegion(), doc.text)
    assert ("Comments", "after_body") in got
    assert (comment.strip(), "after_body") in got
    # A comment counter above the article cuts nothing.
    got = reasons(filters.BodyRegion(), "53 Comments\n" + article)
    assert all(reason != "after_body" for _, reason in got)


def test_body_region_comments_outweighing_the_article() -> None:
    # The comments form their own region, larger than the article, below a form.
    article = "The council approved the new tram line on Monday after a long debate, officials said.\n" * 8
    form = "Comments\nYour name\nYour e-mail\nPost comment\nMost read\n"
    comment = "I have lived here for thirty years and this tram is the worst idea the council has had, honestly.\n"
    got = reasons(filters.BodyRegion(), "Tram line approved\n" + article + form + comment * 10)
    assert (comment.strip(), "after_body") in got
    assert not any(text == article.splitlines()[0] for text, _ in got)


def test_body_region_link_bar_is_not_prose() -> None:
    prose = "The council approved the new tram line on Monday after a long debate, officials said.\n"
    bar = " | ".join(f"Headline about a different story number {n}" for n in range(8))
    body_region = filters.BodyRegion()
    assert body_region.is_link_bar(bar) and not body_region.is_prose(bar)
    # Bars in prose ("A | B" once) and long items are not link bars.
    assert not body_region.is_link_bar("Prices rose | fell | rose again, the report said, as traders")
    assert not body_region.is_link_bar(" | ".join([prose.strip()] * 4))
    got = reasons(body_region, bar + "\nHome\nNews\nSport\nWorld\nTram line approved\n" + prose * 4)
    assert (bar, "before_body") in got


def test_body_region_share_bar_and_comment_counter_end_the_text() -> None:
    prose = "The council approved the new tram line on Monday after a long debate, officials said.\n"
    teaser = "Elsewhere in the city the mayor opened a new library with a large collection of books.\n"
    share_bar = "Share this article\nFacebook\nTwitter\n"
    text = "Tram line approved\n" + prose * 6 + share_bar + "Library opens\n" + teaser
    def removed(text: str) -> list[tuple[str, str]]:
        doc = Pipeline(filters.InterfaceLines(), filters.BodyRegion()).clean(text)
        return [(r.block.text, r.reason) for r in doc.removals]

    got = removed(text)
    assert (teaser.strip(), "after_body") in got
    assert not any(t == prose.strip() for t, _ in got)
    # Without the share bar the same lines are one stretch of text, and stay.
    got = removed(text.replace(share_bar, ""))
    assert not any(t == teaser.strip() for t, _ in got)
    # One share button inside the article is not a wall.
    got = removed(text.replace(share_bar, "Share\n"))
    assert not any(t == teaser.strip() for t, _ in got)


def test_body_region_lead_above_a_link_box() -> None:
    lead = "Amazon will get a leg up in the digital music race against its biggest rival this winter.\n"
    links = "Related stories\nWarner offers music on Amazon\nAmazon sparks a skirmish\nSony to sell songs\nTop stories\n"
    prose = "The council approved the new tram line on Monday after a long debate, officials said.\n"
    got = reasons(filters.BodyRegion(), "Tram line approved\n" + lead * 2 + links + prose * 12)
    assert not any(t == lead.strip() for t, _ in got)
    assert ("Sony to sell songs", "link_list") in got and ("Related stories", "link_list") in got
    # A crumb of prose (a video caption) inside the link box goes with the links.
    crumb = "Video: the mayor explains the new tram line to residents on Monday.\n"
    got = reasons(filters.BodyRegion(), "Tram line approved\n" + lead * 2 + links + crumb + links + prose * 12)
    assert not any(t == lead.strip() for t, _ in got)
    assert (crumb.strip(), "link_list") in got
    # A box of other stories is an insert: the text around it is one article, whatever the
    # lead's length; above a plain run of links, a lone sentence is not enough to be the lead.
    got = reasons(filters.BodyRegion(min_lead_words=40), "Tram line approved\n" + lead * 2 + links + prose * 12)
    assert not any(t == lead.strip() for t, _ in got)
    plain = "Warner offers music on Amazon\nAmazon sparks a skirmish\nSony to sell songs\nApple cuts prices\n"
    got = reasons(filters.BodyRegion(min_lead_words=40), "Tram line approved\n" + lead * 2 + plain + prose * 12)
    assert (lead.strip(), "before_body") in got


def test_body_region_keeps_entries_that_run_past_the_prose() -> None:
    prose = "The council approved the new tram line on Monday after a long debate, officials said.\n"
    entries = "Where: City Hall, room 4\nWhen: Monday, 8 p.m.\nRadio: WONE-AM\n"
    got = reasons(filters.BodyRegion(), "Tram line approved\n" + prose * 4 + "Tickets: 12 euros, sold at the door for the debate.\n" + entries + "More stories\nOther link\nThird link\nFourth link")
    assert {t for t, _ in got} == {"More stories", "Other link", "Third link", "Fourth link"}


def test_body_region_link_box_between_text_parts() -> None:
    prose = "The council approved the new tram line on Monday after a long debate, officials said.\n"
    names = "north south east west harbour market castle river station park garden bridge tower mill".split()
    links = "".join(f"Section link to the {name} page\n" for name in names)
    got = reasons(filters.BodyRegion(), "Tram line approved\n" + prose * 4 + links + prose * 4)
    assert sum(reason == "link_list" for _, reason in got) == 14
    short_list = "".join(f"Item {n}\n" for n in range(5))  # a short run stays
    got = reasons(filters.BodyRegion(), "Tram line approved\n" + prose * 4 + short_list + prose * 4)
    assert got == []


# --- structure is content (issue: lists, tables, Q&A, code, embedded posts) ------------

PROSE = "The council approved the new tram line on Monday after a long debate, officials said.\n"


def paragraphs(n: int) -> str:
    """``n`` distinct prose lines (a pipeline removes repeated ones as duplicates)."""
    return "".join(f"The council approved section {k} of the new tram line on Monday after a long debate, officials said.\n" for k in range(n))


def test_list_heading_with_what_it_is_about() -> None:
    from cleaner.lines import Lines

    shapes = Lines().shapes
    # A heading of two words or more, then what it is about, heads the article's list.
    assert shapes.is_list_heading("Die wichtigsten Punkte der Einigung")
    assert shapes.is_list_heading("O que muda com o projeto")
    # A one-word heading with words after it is a headline as often: not a list heading.
    assert not shapes.is_list_heading("Tipps für den perfekten Sommerurlaub")
    assert not shapes.is_list_heading("Results of the council vote were delayed again by a recount")
    # A meeting's roll call heads its members ("Presenti e assenti" / "Arosio Paolo – presente" / ...).
    assert all(shapes.is_list_heading(h) for h in ("Presenti e assenti", "Anwesend", "Roll call", "Étaient présents", "Aanwezig"))


def test_captions_name_glued_to_the_full_stop() -> None:
    captions = filters.Captions()
    assert captions.has_trailing_credit("A 'To let' sign outside a terrace in Hackney, east London.Claire Walsh")
    # An abbreviation's capital before the full stop, or a name after a space, is no glued credit.
    assert not captions.has_trailing_credit("The levee was built in 1962 by the U.S.Army Corps")
    assert not captions.has_trailing_credit("The council met on Monday. Claire Walsh chaired the meeting")


def test_shapes_data_lines() -> None:
    from cleaner.lines import Lines

    shapes = Lines().shapes
    data = ["300 g Mehl", "1 TL Backpulver", "2 cups flour", "400 gramów", "$285 at REI", "27,90 €", "4:30 p.m.",
            "13:15 Uhr", "46:44", "(10-6, 3-4)", "1957–1959 Erster Bauabschnitt: 21 Wohngebäude", "30'000", "-804",
            "4.90%", "155 x 96", "$ sudo apt install docker-ce", "pip install cleaner", "x = compute(a, b)",
            "http://www.bafta.org", "www.dwds.de/themenglossar", "283 Nm", "7,7 s", "204 hk", "150 ch", "204 CV", "204 pk",
            "4h12'37\"", "à 24\"", "+ 1'09\"", "Botafogo 2 x 1 Flamengo", "Northwood 35, Pine Hollow 6",
            "Cold Springs 31, Lakeview 28 (2OT)"]
    links = ["Home", "Sport", "Most read", "2 star", "123", "1.5x", "Chelsea hoping to sign Anelka", "Promoção 3x2",
             "Chapter 3, verse 16 of the book",
             "14 Last-Minute Deals From Home Depot and Lowe's Spring Sale Events", "Über diesen Blog"]
    assert [t for t in data if not shapes.is_data(t)] == []
    assert [t for t in links if shapes.is_data(t)] == []



def test_entries_with_the_value_under_its_label() -> None:
    from cleaner.lines import _entries

    infobox = ["Taxonomy", "Kingdom:", "Animalia", "Class:", "Aves", "Order:", "Coraciiformes", "The bird breeds in the south."]
    assert _entries(infobox, 0, len(infobox)) == [(1, 7, "entries")]
    # One label over a line next to an entry is a heading with a colon over a line ("About:"
    # over a tag); a label over a long line is one that introduces a sentence.
    assert _entries(["Photos: Bestimage", "About:", "Politics"], 0, 3) == []
    assert _entries(["Ingredients:", "Mix the flour with the butter and the sugar until smooth", "Method:", "Bake it"], 0, 4) == []


def test_fact_entries_have_short_labels_and_values() -> None:
    from cleaner.lines import is_fact_entry as _is_fact_entry

    assert all(map(_is_fact_entry, ["Zuurgraad: hoog", "Acidité : élevée", "Verlag: Carl Hanser Verlag"]))
    # A teaser's category and headline, a long label, a label alone: no facts.
    assert not any(map(_is_fact_entry, ["Kolumne: Über Nichtverlängerungen im Theater", "Was Sie jetzt wissen müssen: alles",
                                        "Zutaten:"]))


def test_date_ranges_are_runs_not_stamps() -> None:
    """Two days joined by a dash or a short word are when something runs; a stamp has one day
    and perhaps a time."""
    from cleaner.lines import Lines

    shapes = Lines().shapes
    runs = ["9 marzo – 30 giugno 2024", "Du 13 avril au 22 septembre 2024", "16 maart t/m 1 september 2024", "14. März bis 2. Juni 2025", "April 2 to April 5, 2024"]
    assert all(map(shapes.is_date_range, runs))
    stamps = ["12.03.2024 – 14:30", "Posted: Nov 8, 2023 / 04:43 PM CST", "Samstag, 13. April 2024 - 14:30 Uhr", "Mis à jour le 2 avril 2024 – publié le 1 avril 2024", "2023–2024", "10:00 – 18:00"]
    assert not any(map(shapes.is_date_range, stamps))
    from cleaner.filters.bylines import Bylines

    assert not Bylines().is_dateline("9 marzo – 30 giugno 2024") and Bylines().is_dateline("12.03.2024 – 14:30")
    # A release's version with its date heads a changelog's entries; a short date is none.
    assert not any(map(Bylines().is_dateline, ["3.2.0 (2024-04-22)", "[3.1.2] - 2024-03-05", "3.2.0"])) and Bylines().is_dateline("1.5.24")


def test_crumb_trails_are_no_headlines() -> None:
    from cleaner.lines import is_crumbs

    assert all(map(is_crumbs, ["Reseptit / Leivonta / Pullat", "Sport › Athletics › Results", "Recepten » Bakken » Broodjes"]))
    # Two items, long items, mixed separators or a slash inside a word: headlines.
    assert not any(map(is_crumbs, ["Klimagipfel / Einigung in letzter Minute", "AC/DC live in Berlin",
                                    "Brexit / What the deal means for students, workers and firms / Analysis", "A / B › C"]))
    from cleaner.lines import crumb_items

    def _is_two_crumbs(text: str) -> bool:
        return len(crumb_items(text)) == 2

    assert _is_two_crumbs("Hilfe & Kontakt › Häufige Fragen zum Umzug") and _is_two_crumbs("Rechtsgebiete / Mietrecht")
    assert is_crumbs("Vous êtes ici : Accueil › Enfance & Jeunesse › Inscriptions")  # the colon is no word
    # A slash inside an item of a trail led by arrows (a forum's category) is the item's.
    assert crumb_items("Forum › Heizungstechnik › Gasheizung / Gas-Brennwert") == ["Forum", "Heizungstechnik", "Gasheizung / Gas-Brennwert"]
    # The full-width arrow of Japanese and Chinese sites separates too.
    assert crumb_items("ホーム ＞ 客室・温泉") == ["ホーム", "客室・温泉"] and is_crumbs("首页 ＞ 新闻 ＞ 本地")

    # A caption and its credit after a slash; a long second item.
    assert not _is_two_crumbs("Polizei-Razzia, hier beim ersten Einsatz in La Soledat / Lorenzo Marina")
    assert not _is_two_crumbs("Sport › Kiprotich breaks the course record as thousands run")
    # The last of three items may be the page's whole headline; a sentence's length is none.
    assert is_crumbs("Accueil › Randonnées › Le tour du lac de Montriond par le col de la Joux")
    assert not is_crumbs("Home / News / Council votes to close the library on Saturdays while the town hall is rebuilt")


def test_figure_boxes_count_different_things() -> None:
    """Short lines led by a figure, each counting something else, are a box of figures (up to
    eight words: "1 starfish, 9 crabs and many shells"); a rating widget's lines count
    the same thing."""
    from cleaner.blocks import split
    from cleaner.filters.body import BodyRegion

    box = ["42 pupils and 6 members of staff", "1 starfish, 9 crabs and many shells", "14 miles walked along the cliffs", "0 lost teddies (a record!)"]
    stars = ["1 star", "2 stars", "3 stars", "4 stars"]
    for lines, expected in ((box, set(range(4))), (stars, set())):
        blocks = tuple(split("\n".join(lines)))
        sizes = [float(len(line.split())) for line in lines]
        assert BodyRegion._figure_boxes(blocks, [False] * len(lines), sizes) == expected


def test_tables_numbered_by_a_label_in_their_first_cell() -> None:
    """A header row, then rows whose first cell numbers them by a label ("Phase 1", "Phase
    2", ...): a table, the last row's other cells what they may; without the numbering in
    turn, a row of other shape ends it."""
    from cleaner.lines import Lines
    from cleaner.vocabulary import Vocabulary

    shapes = Lines(Vocabulary.default()).shapes
    rows = ["Phase", "Area", "Dates", "Phase 1", "Station Road", "3 March – 25 April", "Phase 2", "Church Lane", "28 April – 4 July",
            "Phase 3", "Mill Lane junction", "18 August – 26 September", "Phase 4", "Trees and finishing", "autumn"]
    assert shapes.headed_table(rows, 0, len(rows)) == len(rows)
    unnumbered = [*rows[:12], "Phase 7", "Trees and finishing", "autumn"]
    assert shapes.headed_table(unnumbered, 0, len(unnumbered)) == 12


def test_programme_days_fall_back_only_where_the_month_changes() -> None:
    entries = [
        ("Sábado 28 de septiembre, 20:00 h", "Mar de fondo, danza contemporánea con cinco intérpretes."),
        ("Domingo 29 de septiembre, 19:00 h", "Concierto de la banda municipal en el patio del teatro."),
        ("Sábado 19 de octubre, 19:00 h", "Luces de bohemia, con doce actores y música en directo."),
        ("Domingo 27 de octubre, 12:00 h", "Equilibrio, circo sin palabras para ir en familia."),
    ]

    def datelines(pairs: list[tuple[str, str]]) -> list[str]:
        text = "\n".join(f"{day}\n{entry}" for day, entry in pairs)
        return [r.block.text for r in filters.Bylines().find(Document.from_text(text)) if r.reason == "dateline"]

    assert datelines(entries) == []  # a programme: days rise within a month, fall back at the next
    # Newest first (a list of other stories): days fall within a month, so they are stamps.
    newest_first = [entries[1], entries[0], entries[3], entries[2]]
    assert datelines(newest_first) == [day for day, _ in newest_first]


def test_shapes_two_days_over_the_same_labels_are_a_programme() -> None:
    shapes = filters.BodyRegion().lines.shapes
    texts = ["Samedi 2 août", "Scène A", "Angèle", "Saule", "Scène B", "Yoa", "Dimanche 3 août", "Scène A", "Damso", "Puggy", "Scène B", "Tamino"]
    prose = [False] * len(texts)
    assert (0, 12) in shapes.day_groups(texts, prose)
    # Without labels said under both days, two days are too few to tell from two teasers' dates.
    other = ["Samedi 2 août", "Incendie à Namur", "Les pompiers mobilisés", "Dimanche 3 août", "Un nouveau pont à Liège", "Travaux jusqu'en mai"]
    assert shapes.day_groups(other, [False] * len(other)) == []


def test_shapes_programme_entries_are_data_however_long() -> None:
    """A line that opens with a time and a separator is a programme's entry at any length, and
    one without a separator up to a programme line's length; a dash is no word; a teaser that
    opens with a time and runs on without a separator, or a sentence with a time inside, is
    not data."""
    from cleaner.lines import Lines

    shapes = Lines().shapes
    data = [
        "17:30 Uhr – Eröffnung mit dem Oberbürgermeister und dem Posaunenchor der Stadtkirche",
        "6:30 pm – Opening concert with the town band and the children's choir from St Mary's school",
        "20.30: Konzert der Swing-Band Süd mit Weihnachtsliedern aus aller Welt und Gästen",
        "19:00 Uhr – Swing-Weihnacht mit der Big Band Süd",  # eight words and a dash
        "Dagligt 9.00–19.00",  # a span of hours, in any spelling, is a figure
        "Täglich 10.00 bis 18.00",
        "18:00 St. Martin, Vorabendmesse – für Josef und Anna Huber",  # led by its time, no separator
    ]
    not_data = [
        "14:36 Rovers sign their new striker from city rivals after a long summer of talks and tests",
        "The mayor opened the market at 17:30 with the brass band of the church and many guests",
    ]
    assert [t for t in data if not shapes.is_data(t)] == []
    assert [t for t in not_data if shapes.is_data(t)] == []


def test_shapes_long_offer_lines_with_two_figures_are_data() -> None:
    """A line of up to 24 words with two figures or quantities (a size and a price, two
    times) that does not end like a sentence is an offer's or a spec's line; one figure in a
    long line, a sentence, or a longer line is not data."""
    from cleaner.lines import Lines

    shapes = Lines().shapes
    data = [
        "Chambre Classique (16 m²) – lit double, douche à l'italienne – à partir de 95 € la nuit",
        "River House (85 m²) – three bedrooms and a terrace over the water – from £160 per night",
        "Gare SNCF à 15 minutes en taxi, aéroport Carcassonne-Salvaza à 10 minutes",
        "Arrivée à partir de 15h00, départ jusqu'à 11h00 tous les jours de la semaine sauf le dimanche",
    ]
    not_data = [
        "Chambre Classique avec lit double, douche à l'italienne et vue sur le jardin, à partir de 95 € la nuit",
        "The river house has three bedrooms and a terrace over the water, from £160 per night for 85 m².",
        "Die Regierung will bis 2030 rund 40 Prozent der Fläche mit 3 neuen Programmen und einem Fonds für Gemeinden"
        " in ländlichen Regionen und kleinen Städten im Osten und im Norden fördern 15 km",
    ]
    assert [t for t in data if not shapes.is_data(t)] == []
    assert [t for t in not_data if shapes.is_data(t)] == []

def test_shapes_units_are_looked_up_after_every_reading_of_the_number() -> None:
    """A unit is a set lookup after the number; the number is read every way its pattern
    allows ("0,0019" is "0,001" + "9" or "0" + ",0019"), as the regex it replaced did."""
    from cleaner.lines import Lines
    from cleaner.vocabulary import Vocabulary

    shapes = Lines(Vocabulary({"units": ["%", "km", "km/h", "g", "c. à café", "xícaras"]})).shapes
    data = ["das entsprach 0,0019% aller fälle", "03.2015", "1 000 km", "5 km/hx", "2 c. à café", "2 xícaras", "½ g", "7,5 km)"]
    links = ["5 kmh", "A4g", "2 gx", "g 5", "km"]
    assert [t for t in data if not shapes.is_data(t)] == []
    assert [t for t in links if shapes.is_data(t)] == []
    assert Lines(Vocabulary({"units": []})).shapes.is_data("300 g") is False  # no units: no quantity


def test_shapes_areas_in_feet_and_acres_are_data() -> None:
    """A listing's floor area and plot in imperial units are figures of its table, as "148 m²"."""
    from cleaner.lines import Lines

    shapes = Lines().shapes
    assert [t for t in ["1,590 sq ft", "0.2 acres", "850 sq. ft.", "1 acre"] if not shapes.is_data(t)] == []
    assert [t for t in ["Square feet", "An acre of wheat was sown by hand in the valley."] if shapes.is_data(t)] == []


@pytest.mark.parametrize(
    "run",
    [
        "Zutaten:\n300 g Mehl\n1 TL Backpulver\nMandelsplitter\n200 g Zucker\n1 Prise Salz\n",  # de recipe
        "Playoff schedule\nSaturday\nSeattle at Green Bay, 4:30 p.m. (Fox)\nJacksonville at New England, 8 p.m. (CBS)\n"
        "Sunday\nSan Diego at Indianapolis, 1 p.m. (CBS)\n",  # en schedule
        "Pos\nKierowca\nPunkty\n1\nVerstappen\n393\n2\nNorris\n331\n3\nLeclerc\n307\n",  # pl standings, a cell per line
        "Name: Stolen Sack\nLevel: 70\nNPC: Village Chief Bukra\nName: Defeat Black Eagles\nLevel: 72\n",  # de entries
    ],
)
def test_body_region_keeps_structure_after_the_text(run: str) -> None:
    text = "Tram line approved\n" + PROSE * 4 + run + "More stories\nOther link here\nThird link here\nFourth link here\nFifth link here"
    got = reasons(filters.BodyRegion(), text)
    assert not any(t in run.splitlines() for t, _ in got), got
    assert ("Fifth link here", "after_body") in got


def test_body_region_list_under_a_colon_stays_and_menus_go() -> None:
    intro = "Three things matter most when you choose a tram stop, the planners say:\n"
    items = "a short walk\nlevel boarding\nshelter from the rain\n"
    menu = "Home\nNews\nSport\nWeather\n"
    clean = Pipeline(filters.InterfaceLines(), filters.BodyRegion()).clean
    got = [(r.block.text, r.reason) for r in clean("Tram line approved\n" + paragraphs(4) + intro + items + menu).removals]
    assert {t for t, _ in got} == set(menu.split())
    # Without the colon the same short lines are links below the article.
    got = reasons(filters.BodyRegion(), "Tram line approved\n" + paragraphs(4) + items + menu)
    assert ("level boarding", "after_body") in got
    # precise mode (structure=False): data after the text goes as before.
    data = "300 g Mehl\n1 TL Backpulver\n200 g Zucker\n"
    got = reasons(filters.BodyRegion(structure=False), "Tram line approved\n" + paragraphs(4) + "More\n" + data + "Links\nHere")
    assert ("300 g Mehl", "after_body") in got


def test_body_region_related_box_is_an_insert() -> None:
    box = "Related stories\nBakery wins award\nBus fares to rise\nNew library opens\n"
    last = "The first trams will run in the spring of next year, the transport department said.\n"
    got = reasons(filters.BodyRegion(), "Tram line approved\n" + PROSE * 4 + box + last)
    assert sorted(got) == sorted((t, "link_list") for t in box.splitlines())
    assert all("other stories under 'Related stories'" in r.detail for r in filters.BodyRegion().find(
        Document.from_text("Tram line approved\n" + PROSE * 4 + box + last)))
    # Teaser cards (a headline and its summary, twice or more) go with the box.
    cards = ("Related stories\nBakery wins award\nThe bakery on Main Street won a national prize for its bread.\n"
             "Bus fares to rise\nFares will go up by ten cents from January, the operator said.\n")
    got = reasons(filters.BodyRegion(), "Tram line approved\n" + PROSE * 4 + cards)
    assert len(got) == 5 and {r for _, r in got} <= {"link_list", "after_body"}


def test_body_region_page_of_teaser_cards_only() -> None:
    # Every paragraph is a teaser's summary in a box of other stories: no article to
    # measure the page by, so nothing is removed by position (it raised ValueError).
    text = (
        "Related stories\nCouncil approves new bridge plan\n"
        "The council voted on Monday to approve the new bridge plan for the town centre.\n"
        "School reopens after floods\n"
        "Pupils returned to the school on Tuesday after a week of repairs to the flooded hall.\n"
    )
    assert list(filters.BodyRegion().find(Document.from_text(text))) == []
    assert "School reopens after floods" in cleaner.clean(text).text


def test_body_region_features_reach_the_specs_below() -> None:
    # Up to MAX_BRIDGE short lines (a heading and nine features) between the description and
    # the specs stay with them; past that, or across a header of other stories, they go.
    features = ["Key features"] + [f"Feature number {n} of the kettle" for n in range(1, 10)]
    specs = ["Specifications", "Capacity: 1.7 l", "Power: 2,200 W", "Weight: 1.1 kg", "Cable length: 75 cm"]
    text = "Cordless kettle\n" + PROSE * 2 + "\n".join(features + specs) + "\n"
    assert reasons(filters.BodyRegion(), text) == []
    related = "\n".join(["More from the shop", "Toaster with bagel setting", "Milk frother"]) + "\n"
    got = reasons(filters.BodyRegion(), "Cordless kettle\n" + PROSE * 2 + related + "\n".join(features + specs) + "\n")
    assert ("Feature number 1 of the kettle", "after_body") in got


def test_interface_rating_cells_in_a_table_stay() -> None:
    # "9/10" is a page counter alone, but a rating in the last cell of a table's rows.
    rows = ["Model", "Price", "Run time", "Score", "Kestrel R7", "$549", "150 min", "9/10",
            "Nimbo S2", "$399", "120 min", "8/10", "Cleanbot Aero", "$299", "100 min", "7/10"]
    text = "We tested three robot vacuums on dog hair, carpets and hard floors for a month.\n" + "\n".join(rows) + "\n"
    got = reasons(filters.InterfaceLines(), text)
    assert not any(t.endswith("/10") for t, _ in got)
    assert reasons(filters.InterfaceLines(), "A paragraph of the article ends here.\n2/10\n") == [("2/10", "navigation")]


def test_body_region_long_paragraph_needs_evidence() -> None:
    long = ("The post went on to describe how the neighbours organised a petition, collected more than two thousand"
            " signatures in a single weekend and handed them to the mayor, who promised to answer before the summer.\n")
    links = "Home\nNews\nSport\nWeather\nTraffic\n"
    article = PROSE * 8
    # A long paragraph after a run of links stays (position alone is no evidence) ...
    got = reasons(filters.BodyRegion(), "Tram line approved\n" + article + links + long)
    assert long.strip() not in {t for t, _ in got}
    # ... but not under a readers' comments header, however much the comments outweigh the article.
    got = reasons(filters.BodyRegion(), "Tram line approved\n" + PROSE * 6 + "Comments\n" + long * 6)
    assert (long.strip(), "after_body") in got
    detail = [r.detail for r in filters.BodyRegion().find(Document.from_text("Tram line approved\n" + PROSE * 6 + "Comments\n" + long * 6))]
    assert all("readers' comments under 'Comments'" in d for d in detail[1:])


def test_interface_one_word_cells_of_a_table_stay() -> None:
    table = "Kaufpreis Auto\n30'000\n30'000\nLaufzeit in Monaten\n48\n48\nZinssatz\n4.90%\n7.90%\n"
    doc = Document.from_text(PROSE + table + PROSE)
    assert [r.block.text for r in filters.InterfaceLines().find(doc)] == []
    # A lone number between paragraphs is still a page number.
    assert [r.block.text for r in filters.InterfaceLines().find(Document.from_text(PROSE + "48\n" + PROSE))] == ["48"]


@pytest.mark.parametrize(
    "text, reason",
    [
        ("02.23.45.67.89", None),  # fr telephone number
        ("030 / 12 34 56 78", None),
        ("03.05.2024", "dateline"),
        ("14/01/2008 1:40:00 PM.", "dateline"),
        ("By The Numbers", None),
        ("By Design", None),
        ("By The Associated Press", "byline"),
        ("By Jane Doe", "byline"),
        ("By REUTERS", "byline"),
        # A post's stamp: the date lets the name be a user name or an agency.
        ("Posted by admin on March 3, 2024 in News", "byline"),
        ("Posted on March 3, 2024 by Jane Doe", "byline"),
        ("By Jane Doe on March 3, 2024", "byline"),
        ("Veröffentlicht am 22.08.2024 von Anna Weber", "byline"),
        ("Von dpa 30.04.2024, 18:58", "byline"),
        ("Von küchenfee_77 · 14.02.2023", "byline"),
        ("Posted By: vickthechick3 | January 07 2008 at 03:06 PM", "byline"),
        ("Publicado em 3 de março de 2024 por João Silva", "byline"),
        ("Trial by Jury set for March 3, 2024", None),  # words before "by" that are not date words
        ("Sold by amazon on March 3, 2024", None),
        ("By Tuesday March 3, 2024", None),  # a day, not a name
        ("Par la fenêtre le 3 mars 2024", None),  # "la": no name
        ("Von der Leyen am 3. März 2024 in Brüssel", None),
        ("By admin on March 3, 2024", None),  # a lower-case word alone only after "Posted"
        # A span of hours is a row of opening hours, not a stamp.
        ("Venerdì e sabato: 19.00–23.30", None),
        ("Friday and Saturday: 7pm–11.30pm", None),
        ("Lundi, mercredi, vendredi : 9h–12h et 14h–18h", None),  # French spelling of hours
        ("Samedi : 9h–17h", None),
        ("Du lundi au vendredi, de 8 h 30 à 12 h", None),
        ("Sábado: de 9 h a 14 h", None),
        ("Updated 3:42 PM EDT, April 2, 2024", "dateline"),
        ("Actualizado: 14/01 · 17:20 hs", "dateline"),  # Argentine hours
        ("Por Redação do ge — Rio de Janeiro", "byline"),  # the desk and its city
        # ... or after a lead-in that says who wrote it: a body in lower case.
        ("Skrevet af bestyrelsen · 3. februar 2025", "byline"),
        ("Skrivet av styrelsen · 3 februari 2025", "byline"),
        ("Af bestyrelsen · 3. februar 2025", None),  # "af" alone says nothing of writing
        ("Skrevet af bestyrelsen", None),  # no date: no stamp
    ],
)
def test_bylines_near_misses(text: str, reason: str | None) -> None:
    assert filters.Bylines().judge(text) == reason


def test_duplicates_keep_repeated_questions_and_steps() -> None:
    interview = ("What is your favourite tram line?\nThe number 4, because it runs along the river and past the old market.\n"
                 "What is your favourite tram line?\nLine 9, which takes me to work in twelve minutes on a good day.\n")
    assert reasons(filters.DuplicateParagraphs(), interview) == []
    # A headline listed twice goes; a stretch of lines printed twice goes with it.
    headline = "Deutsche Bank nominiert Aufsichtsratschef für zweite Amtszeit"
    twice = headline + "\n" + PROSE + headline + "\n"
    assert reasons(filters.DuplicateParagraphs(), twice) == [(headline, "duplicate_paragraph")]
    group = "Step one: what to bring?\nA ticket.\n"
    got = reasons(filters.DuplicateParagraphs(min_words=1), "Intro text.\n" + group + "Middle text here.\n" + group)
    assert {t for t, _ in got} == {"Step one: what to bring?", "A ticket."}


def test_sentence_end_includes_emoji_and_emoticons() -> None:
    from cleaner.patterns import SENTENCE_END_RE

    assert all(SENTENCE_END_RE.search(t) for t in ("Das gefällt mir 😉", "Bis Sonntag <3", "Schön war's :)", "Done."))
    assert not any(SENTENCE_END_RE.search(t) for t in ("x Franzi", "Most read", "Tram line approved"))


def test_embedded_post_attribution_is_not_navigation() -> None:
    post = "Bravo, endlich ein ordentlicher Fahrradweg! pic.twitter.com/Ab12Cd34\n— Meike Neitz (@meikyworldwide) 19. November 2018"
    assert reasons(filters.InterfaceLines(), post) == []


def test_mode_dial() -> None:
    from cleaner.config import CleanerConfig

    text = "Tram line approved\n" + paragraphs(4) + "Zutaten:\n300 g Mehl\n1 TL Backpulver\n200 g Zucker\nMore\nLinks\nHere\nNow"
    kept = {mode: CleanerConfig(mode=mode, detect_language=False).pipeline().clean(text).text for mode in ("precise", "balanced", "thorough")}
    assert "300 g Mehl" in kept["balanced"] and "300 g Mehl" in kept["thorough"] and "300 g Mehl" not in kept["precise"]
    with pytest.raises(ValueError, match="mode: expected one of"):
        CleanerConfig(mode="loose")  # type: ignore[arg-type]


def test_cli_mode_flag(tmp_path) -> None:
    from cleaner.cli import main

    page = tmp_path / "page.txt"
    page.write_text("Tram line approved\n" + paragraphs(4) + "More\n300 g Mehl\n1 TL Backpulver\n200 g Zucker\nLinks\nHere", encoding="utf-8")
    out = {mode: tmp_path / f"{mode}.txt" for mode in ("precise", "balanced")}
    for mode, path in out.items():
        import contextlib
        import io

        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            assert main(["clean", "--mode", mode, "--no-detect-language", str(page)]) in (0, None)
        path.write_text(buffer.getvalue(), encoding="utf-8")
    assert "300 g Mehl" in out["balanced"].read_text(encoding="utf-8")
    assert "300 g Mehl" not in out["precise"].read_text(encoding="utf-8")


def test_every_filter_declares_the_reason_codes_it_gives() -> None:
    """Each shipped filter is a BlockFilter whose declared codes come from cleaner.reasons,
    and every removal it makes on the fixtures carries one of its own codes."""
    from pathlib import Path

    from cleaner import filters, reasons
    from cleaner.config import FILTER_CLASSES, CleanerConfig
    from cleaner.filters.base import BlockFilter
    from cleaner.filters.site import RepeatedAcrossSite

    declared = {}
    for name, class_name in FILTER_CLASSES.items():
        cls = getattr(filters, class_name)
        if name == "fix_unicode":  # a step that edits lines; its one code is still registered
            assert reasons.EMPTY_AFTER_REPAIR in reasons.ALL
            declared[name] = frozenset({reasons.EMPTY_AFTER_REPAIR})
            continue
        assert issubclass(cls, BlockFilter) and cls.name == name
        assert cls.reasons and cls.reasons <= reasons.ALL, name
        declared[name] = cls.reasons
    assert issubclass(RepeatedAcrossSite, BlockFilter) and RepeatedAcrossSite.reasons <= reasons.ALL
    # the sets other code reads are made of registered codes
    for group in (reasons.CAPTIONS, reasons.CREDITS, reasons.AUTHORS, reasons.RELATED, reasons.BOUNDARY):
        assert group <= reasons.ALL
    pipeline = CleanerConfig(detect_language=False).pipeline()
    seen = set()
    root = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    for path in sorted(root.glob("*.txt")):
        for removal in pipeline.clean(path.read_text(encoding="utf-8")).removals:
            assert removal.reason in declared[removal.filter], (path.name, removal.filter, removal.reason)
            seen.add(removal.reason)
    assert len(seen) > 15  # the fixtures exercise most codes


def test_a_filter_cannot_declare_or_give_an_unregistered_code() -> None:
    from cleaner.document import Block
    from cleaner.filters.base import BlockFilter

    with pytest.raises(TypeError, match="not in cleaner.reasons"):

        class Sloppy(BlockFilter):  # noqa: F841 - the class statement itself must fail
            name = "sloppy"
            reasons = frozenset({"made_up"})

    class Narrow(BlockFilter):
        name = "narrow"
        reasons = frozenset({"byline"})

    with pytest.raises(ValueError, match="no reason code 'dateline'"):
        Narrow().removal(Block(0, "x"), "dateline")


@pytest.mark.parametrize(
    "header, items, reviews",
    [
        ("Kunden kauften auch", ["Laufsocken 3er-Pack 19,95 €", "Trinkgürtel 24,95 €"], "Bewertungen (12)"),
        ("Customers also bought", ["Running socks, 3 pack £14.95", "Water bottle belt £19.95"], "Customer reviews"),
        ("Vaak samen gekocht", ["Hardloopsokken 3 paar € 19,95", "Drinkgordel € 24,95"], "Reviews (12)"),
        ("Klienci kupili również", ["Skarpety biegowe 3 pary 59,00 zł", "Pas na bidon 89,00 zł"], "Opinie (27)"),
        ("Les clients ont aussi acheté", ["Chaussettes de course lot de 3 19,95 €", "Ceinture porte-gourde 24,95 €"], "Avis clients"),
        ("Kunder köpte även", ["Löparstrumpor 3-pack 199 kr", "Vätskebälte 249 kr"], "Kundrecensioner"),
    ],
)
def test_a_shops_other_products_and_reviews_go(header: str, items: list[str], reviews: str) -> None:
    """A shop's header over other products bought with this one (vocabulary
    ``related_headers``) and over its customers' reviews (``comment_headers``)."""
    article = [
        "Trail Runner 5 running shoe",
        "A light shoe for long runs on forest paths, with a grippy sole and a breathable upper made from recycled yarn.",
        "Weight: 280 g",
        "Drop: 8 mm",
        "Sole: rubber, 4 mm lugs",
    ]
    page = "\n".join([*article, header, *items, reviews, "Great shoe, very comfortable on long runs.", "Runs a bit small."])
    kept = cleaner.clean(page).text.splitlines()
    assert kept == article


def test_a_tables_cell_said_again_is_no_caption_copy() -> None:
    """Two rows of a table with the same figure ("1.400 U/min" / "1.400 U/min") are cells, not
    alt text and caption; a caption said twice still goes."""
    table = "Schleuderdrehzahl\n1.400 U/min\n1.400 U/min\n1.600 U/min\n"
    assert reasons(filters.Captions(), PROSE + table + PROSE) == []
    caption = "Der neue Frontlader im Test"
    got = reasons(filters.Captions(), PROSE + caption + "\n" + caption + "\n" + PROSE)
    assert [r for _, r in got] == ["caption", "repeated_caption"]


@pytest.mark.parametrize(
    "title, standfirst, lines, paragraphs",
    [
        ("Археологи нашли под Томском древнее поселение",
         "Находка может изменить представления о том, когда люди начали постоянно жить в этой долине.",
         ["Анна Соколова", "14 августа 2024, 10:22", "Обновлено: 14 августа 2024, 12:05", "Поделиться", "Комментарии: 5"],
         ["Раскопки ведутся уже второй сезон на берегу реки Томь.", "Экспедиция университета обнаружила остатки четырёх жилищ и очагов.",
          "По словам руководителя экспедиции, такую находку в этой части Сибири делают впервые за двадцать лет.",
          "Радиоуглеродный анализ показал, что поселение существовало примерно три тысячи лет назад, в позднем бронзовом веке.",
          "Учёные нашли бронзовый нож, два шила, костяные наконечники стрел и более шестисот фрагментов керамики с орнаментом.",
          "Все находки передадут в музей университета, где их покажут на выставке следующей весной.",
          "Раскопки продолжатся летом следующего года, если экспедиция получит новый грант на работы."]),
        ("Archeolodzy odkryli pod Krakowem dawną osadę",
         "Odkrycie osady może zmienić to, co wiemy o pierwszych mieszkańcach tej doliny nad rzeką.",
         ["Anna Kowalska", "14 sierpnia 2024, 10:22", "Aktualizacja: 14 sierpnia 2024, 12:05", "Udostępnij", "Komentarze: 5"],
         ["Wykopaliska trwają już drugi sezon na brzegu rzeki Wisły.", "Ekspedycja uniwersytetu znalazła resztki czterech chat i palenisk.",
          "Według kierownika wykopalisk osadę tej wielkości znaleziono tu po raz pierwszy od dwudziestu lat.",
          "Datowanie radiowęglowe wykazało, że ludzie mieszkali tu mniej więcej trzy tysiące lat temu, w późnej epoce brązu.",
          "Naukowcy znaleźli brązowy nóż, dwa szydła, kościane groty strzał i ponad sześćset fragmentów zdobionej ceramiki.",
          "Wszystkie znaleziska trafią do muzeum uniwersytetu, które pokaże je na wystawie następnej wiosny.",
          "Prace będą kontynuowane latem przyszłego roku, jeśli ekspedycja otrzyma nowy grant na badania."]),
        ("Arkeologlar İzmir yakınında eski bir yerleşim buldu",
         "Buluntu, insanların bu vadiye ne zaman kalıcı olarak yerleştiğine dair bilgileri değiştirebilir.",
         ["Ayşe Yılmaz", "14.08.2024 - 10:22", "Güncelleme: 14.08.2024 - 12:05", "Paylaş", "Yorumlar: 5"],
         ["Kazılar nehir kıyısında ikinci sezonunu sürdürüyor.", "Üniversite ekibi dört evin ve ocakların kalıntılarını ortaya çıkardı.",
          "Kazı başkanına göre bu büyüklükte bir yerleşime vadide yirmi yıldır ilk kez rastlandı.",
          "Radyokarbon analizi, insanların burada yaklaşık üç bin yıl önce, geç Tunç Çağı'nda yaşadığını gösterdi.",
          "Bilim insanları tunçtan bir bıçak, iki biz, kemik ok uçları ve altı yüzden fazla süslü çanak çömlek parçası buldu.",
          "Tüm buluntular üniversite müzesine teslim edilecek ve gelecek bahar bir sergide gösterilecek.",
          "Ekip yeni bir hibe alırsa çalışmalar gelecek yaz yeniden başlayacak."]),
        ("Archäologen finden bei Freiburg eine alte Siedlung",
         "Die Siedlung könnte verändern, was man über die ersten dauerhaften Bewohner der Gegend weiß.",
         ["Anna Schneider", "14. August 2024, 10:22 Uhr", "Aktualisiert: 14. August 2024, 12:05 Uhr", "Teilen", "Kommentare: 5"],
         ["Die Grabungen laufen bereits in der zweiten Saison am Ufer der Dreisam.", "Das Team der Universität entdeckte die Reste von vier Häusern und Feuerstellen.",
          "Laut Grabungsleiterin wurden im Tal seit zwanzig Jahren keine vergleichbaren Siedlungen gefunden.",
          "Die Radiokarbonanalyse zeigt, dass hier vor etwa dreitausend Jahren, in der späten Bronzezeit, Menschen lebten.",
          "Gefunden wurden ein Bronzemesser, zwei Ahlen, Pfeilspitzen aus Knochen und mehr als sechshundert verzierte Scherben.",
          "Alle Stücke kommen in das Museum der Universität, das sie im nächsten Frühjahr in einer Ausstellung zeigt.",
          "Die Grabungen gehen im kommenden Sommer weiter, wenn das Team neue Fördermittel erhält."]),
    ],
)
def test_a_standfirst_may_name_the_subject_in_another_form(title: str, standfirst: str, lines: list[str], paragraphs: list[str]) -> None:
    """The standfirst under the headline shares a word with the text only in another form
    ("Odkrycie osady" / "osadę", "Siedlung" / "Siedlungen"): it stays, the author's and the
    page's lines between go. (The ru and tr pages passed before this rule as well.)"""
    kept = cleaner.clean("\n".join([title, standfirst, *lines, *paragraphs])).text.splitlines()
    assert kept[:2] == [title, standfirst]
    assert kept[-len(paragraphs):] == paragraphs


@pytest.mark.parametrize(
    "heading, items",
    [
        ("Suroviny", ["1 kg brambor", "3 stroužky česneku", "4 lžíce hladké mouky", "1 lžička majoránky"]),  # cs
        ("Sastojci", ["500 g brašna", "2 žlice šećera", "1 žličica soli", "3 dl mlijeka"]),  # hr
        ("Ingrediente", ["500 g făină", "2 linguri de zahăr", "1 linguriță de sare", "30 de minute"]),  # ro
        ("Bahan-bahan", ["500 gram tepung terigu", "2 sendok makan gula", "1 sendok teh garam", "3 siung bawang putih"]),  # id
        ("Hozzávalók", ["50 dkg liszt", "2 evőkanál cukor", "1 teáskanál só", "3 gerezd fokhagyma"]),  # hu
        ("Ingredienser", ["500 g mel", "2 spsk. sukker", "1 tsk. salt", "3 fed hvidløg"]),  # da
    ],
)
def test_recipe_lists_in_more_languages(heading: str, items: list[str]) -> None:
    """Vocabularies ``list_headings`` and ``units`` in Czech, Croatian, Romanian, Indonesian,
    Hungarian and Danish: the heading heads the article's list, each item is data."""
    from cleaner.lines import Lines

    shapes = Lines().shapes
    assert shapes.is_list_heading(heading)
    assert [item for item in items if not shapes.is_data(item)] == []


def test_clock_times_in_a_row_are_a_timetable_not_datelines() -> None:
    """Four lines or more of clock times alone in a row are a timetable's cells ("07.15" /
    "07.45" / ...; "06:45 | 07:15" rows); a page's lone time stamp is still a dateline."""
    body = "Die Fähre fährt im Sommer mehrmals täglich zwischen dem Hafen und der Insel hin und her."
    rows = ["07.15", "07.45", "08.05", "10.30"]
    assert reasons(filters.Bylines(), "\n".join(["Fahrplan", body, *rows, body])) == []
    assert reasons(filters.Bylines(), "\n".join(["Fahrplan", body, *["06:45 | 07:15", "07:15 | 07:45", "07:45 | 08:15", "08:15 | 08:45"], body])) == []
    assert reasons(filters.Bylines(), "\n".join(["Fahrplan", "14:05", body])) == [("14:05", "dateline")]
    assert [r for _, r in reasons(filters.Bylines(), "\n".join(["Fahrplan", body, *rows[:3], body]))] == ["dateline"] * 3


def test_dated_entries_and_one_line_signatures() -> None:
    """A schedule's entry is led by a date (or a season and its year) and a separator; a
    route or a tip is not. A signature names a person and an office of the vocabulary, on
    one line either way round; a place and a person, or an office alone, do not sign."""
    from cleaner.lines import Lines
    from cleaner.vocabulary import Vocabulary

    shapes = Lines(Vocabulary.default()).shapes
    dated = ["25 maj – städdag kl. 10", "Efterår 2024: Udbud af anlægsarbejdet", "08.12.2023 – Weihnachtsbasar", "Spring 2026: demolition of the depot", "May 3 -- City Arena, Denver, CO", "15.06. Sportfest"]
    undated = ["12.5. bis 14.5. geschlossen", "Zürich – Basel: 53 Minuten", "Tipp: früh buchen", "2 cups flour", "Dinspre Mărăști spre centru: str. Dacia", "Der Bürgermeister sagte 2024: Nein"]
    assert [t for t in dated if not shapes.is_dated_entry(t)] == []
    assert [t for t in undated if shapes.is_dated_entry(t)] == []
    # A time in words leads a timeline's entry only as a label, and without a number.
    in_words = ["Late July: overnight resurfacing", "Final de julho: trabalhos de pavimentação", "Ende Juli: Asphaltarbeiten"]
    not_in_words = ["Tipp: früh buchen", "Late July overnight resurfacing", "3 June: first stage", "Why July matters: a look back at the heatwave summer"]
    assert [t for t in in_words if not shapes.dates_in_words(t)] == []
    assert [t for t in not_in_words if shapes.dates_in_words(t)] == []
    signed = ["Ingrid Sjöberg, ordförande", "de burgemeester, H.J. de Groot", "de secretaris, drs. M.L. van Rijn", "Margaret Ellis, Parish Clerk"]
    unsigned = ["Berlin, Bürgermeister", "Ingrid Sjöberg, Stockholm", "ordförande", "Der Bürgermeister, der gestern sprach, sagte nichts."]
    assert [t for t in signed if not shapes.signs_in_one_line(t)] == []
    assert [t for t in unsigned if shapes.signs_in_one_line(t)] == []


def test_more_signers_under_a_signature() -> None:
    """A line that opens with a person's name and a comma signs again under a closing formula
    or another signature; the same line under a paragraph, a sentence, or a place under a
    signature does not."""
    from cleaner.lines import Lines
    from cleaner.vocabulary import Vocabulary

    shapes = Lines(Vocabulary.default()).shapes
    signer = "Sabine Keller, Kita-Leitung, und das ganze Team der Kita Regenbogen"
    assert shapes.signs_again(["Herzliche Grüße", signer], 1)
    assert shapes.signs_again(["Andrea Fischer, Bürgermeisterin", "Stefan Wagner, Schriftführer"], 1)
    assert shapes.signs_again(["Kind regards", "Helen Marsh, Headteacher", "Tom Riley, Year 4 teacher, for the team"], 2)
    assert not shapes.signs_again(["Wir freuen uns auf einen schönen Sommer mit Ihnen.", signer], 1)
    assert not shapes.signs_again(["Herzliche Grüße", "Sabine Keller, die Leiterin, dankt allen Eltern für ihre Hilfe."], 1)
    assert not shapes.signs_again(["Herzliche Grüße", "Hallstadt, 17. Juni 2024"], 1)
    assert not shapes.signs_again([signer], 0)


def test_currency_code_before_amount_is_data() -> None:
    """A currency's code or abbreviation before an amount is a price; a user name glued to
    figures is not."""
    from cleaner.lines import Lines

    shapes = Lines().shapes
    assert all(shapes.is_data(t) for t in ["CHF 389.–", "Fr. 16.50", "Rp 50.000", "kr. 120"])
    assert not shapes.is_data("Reaktionen: pikehunter, Ron73 und 2 andere")


def test_rated_rows() -> None:
    """Three criteria or more, each with its stars, are a review's ratings; a readers' rating
    with its count of votes, or the same criterion twice, is not."""
    from cleaner.lines import rated_rows

    assert rated_rows(["Verdict", "Sound ★★★★★", "Comfort ★★★☆☆", "Battery: ★★★★☆", "The text."]) == [(1, 4)]
    assert rated_rows(["★★★★★ (41)", "★★★★☆ (12)", "★★★☆☆ (3)"]) == []
    assert rated_rows(["Sound ★★★★★", "Comfort ★★★☆☆"]) == []
    assert rated_rows(["Sound ★★★★★", "Sound ★★★★☆", "Sound ★★★☆☆"]) == []


def test_figure_over_label() -> None:
    """A box's figure on its own line over what it counts; not a law's section over its
    title, a date over a headline, nor a label that is a sentence."""
    from cleaner.filters.body import _figure_over_label

    assert _figure_over_label("148 milioni", "costo complessivo stimato")
    assert _figure_over_label("2,1 mil milhões", "ovos consumidos por ano")
    assert _figure_over_label("כ-280", "ביצים לנפש בשנה")
    assert not _figure_over_label("BGB § 305", "Einbeziehung Allgemeiner Geschäftsbedingungen")
    assert not _figure_over_label("12.03.2025", "Neues Feuerwehrhaus eingeweiht")
    assert not _figure_over_label("320", "Die Klinik bekommt neue Betten.")


def test_date_column_needs_a_header_row_and_varied_cells() -> None:
    """Dates in the same cell of each row, under a header row of column names, are a column;
    the same dates under a headline each (a list of other stories) or beside a label said on
    every card are not."""
    from cleaner.lines import Lines

    shapes = Lines().shapes
    table = ["Ort", "Termin", "Markt", "Montag, 5. Mai 2025", "Kirchplatz", "Dienstag, 6. Mai 2025", "Schule", "Mittwoch, 7. Mai 2025"]
    assert shapes.date_column(table, [3, 5, 7]) == {3, 5, 7}
    assert shapes.date_column(table[2:], [1, 3, 5]) == set()  # no header row
    teasers = ["Mehr aus der Region", "Weitere Artikel", "Neues Feuerwehrhaus für Oberlinden eingeweiht", "Montag, 5. Mai 2025",
               "Gemeinderat beschließt höhere Gebühren für Kitas", "Dienstag, 6. Mai 2025", "Radweg nach Unterlinden ist endlich fertig", "Mittwoch, 7. Mai 2025"]
    assert shapes.date_column(teasers, [3, 5, 7]) == set()  # headlines are no short cells
    cards = ["Quelle", "Datum", "Plus", "Montag, 5. Mai 2025", "Plus", "Dienstag, 6. Mai 2025", "Plus", "Mittwoch, 7. Mai 2025"]
    assert shapes.date_column(cards, [3, 5, 7]) == set()  # the same label on every card
    # The table's lines, its header row included; a room's range is a short cell, figures aside.
    rooms = ["Termin", "Fach", "Raum", "Mi., 19.03.2025", "Deutsch", "Aula", "Fr., 21.03.2025", "Physik", "N 104–N 108", "Di., 25.03.2025", "Kunst", "Aula"]
    assert shapes.date_tables(rooms, [3, 6, 9]) == [(0, 12, (3, 6, 9))]
    assert shapes.date_tables(rooms[:8] + ["Raum N 104 bis N 108 im Neubau"] + rooms[9:], [3, 6, 9]) == []


def test_tables_flattened_with_bars() -> None:
    """Three rows or more with as many bars each, the first of short cells, are a table (rows
    of two cells when most values hold a figure); a menu with bars is one line, rows of a
    directory of sites have long cells, and a category over each headline holds no figure."""
    from cleaner.lines import CODE_RE, bar_rows

    rows = ["Option | Default | Description", "--max-age | 30d | Rotate files older than this", "--keep | 10 | Number of rotated files to keep"]
    assert bar_rows(["Options", *rows, "License"]) == [(1, 4)]
    assert bar_rows(rows[:2]) == []
    assert bar_rows(["Home | News | Sport", "Weather | Travel | Money"]) == []
    assert bar_rows(["Serviço | Preço", "Fotocópia A4 | 0,10 €", "Cartão de leitor | 2,00 €", "Internet e Wi-Fi | gratuito"]) == [(0, 4)]
    assert bar_rows(["Politik | Kreistag streitet über Kliniken", "Sport | Handballer feiern Aufstieg", "Kultur | Theater zeigt Brecht"]) == []
    assert bar_rows(["Option | Default | Description", "--keep | 10", "--dry-run | off | Print"]) == []
    directory = ["CIO – managing information strategies | IT news | Expert advice", "Macworld - Apple news and reviews | Mac reviews | iPod news", "Techworld - IT infrastructure news | Data storage | Security"]
    assert bar_rows(directory) == []
    # A thing and its amount per row, however long the thing (Vietnamese writes each syllable
    # apart); not headlines with their dates, comment counts or reading times.
    costs = ["Vé tàu khứ hồi | 1.450.000đ", "Khách sạn 2 đêm (ở ghép 2 người) | 600.000đ", "Tour Cù Lao Xanh | 450.000đ", "Tổng cộng | khoảng 3.250.000đ"]
    assert bar_rows(costs) == [(0, 4)]
    assert bar_rows(["Council votes to close the old pool in Westfield | 12.03.2025", "New bus timetable starts on Monday in Carrow | 10.03.2025", "Library extends its opening hours this spring | 08.03.2025"]) == []
    assert bar_rows(["How the new tram line will change your commute | 5 min read", "Why rents in the old town keep rising | 7 min read", "Ten places to swim this summer | 4 min read"]) == []
    assert bar_rows(["The mayor answers your questions on the budget | 14 comments", "Readers on the new parking rules in Westfield | 32 comments", "Should the market move to the square? | 8 comments"]) == []
    assert all(CODE_RE.search(t) for t in ["pytest -q", "tox -e py312", "pnpm install"])
    assert not any(CODE_RE.search(t) for t in ["[editar]", "[1]", "Pytest is a framework"])
    # A key or a call opening a block, a closing brace with its comma: lines of code.
    assert all(CODE_RE.search(t) for t in ["  watch: {", "plugins: [", "  },"])
    assert not any(CODE_RE.search(t) for t in ["Watch:", "Contents:", "Update {2024}"])


def test_body_region_priced_items_are_a_menu_not_links() -> None:
    """Dishes each over its price, under the days' headings, are a menu; headlines with
    their dates are no price list."""
    body_region = filters.BodyRegion()
    menu = ["Montag", "Erbsensuppe mit Speck", "5,90 €", "Schweinebraten mit Knödel", "11,50 €", "Dienstag",
            "Tomatensuppe", "5,50 €", "Hähnchenbrust mit Reis", "10,90 €", "Tipp: Schnitzeltag am Dienstag"]
    blocks = Document.from_text("\n".join(menu)).blocks
    assert body_region._priced_items(blocks, 0, len(blocks))
    # Three dishes with prices are too few for a menu; nor do a price's words between
    # headlines make one.
    assert not body_region._priced_items(blocks, 0, 5)
    teasers = ["Stadt plant neues Hallenbad", "12.03.2024", "Neue Buslinie ab Mai", "11.03.2024", "Ein Jahr Baustelle", "10.03.2024",
               "Der Markt kehrt zurück", "09.03.2024", "Sparkasse schließt Filiale", "08.03.2024"]
    blocks = Document.from_text("\n".join(teasers)).blocks
    assert not body_region._priced_items(blocks, 0, len(blocks))


def test_body_region_notes_are_labelled_before_their_colon() -> None:
    """An editor's note or a correction names itself before its colon (vocabulary
    ``note_labels``); a sentence with the word later, or a page's own prompt, does not."""
    body_region = filters.BodyRegion()
    assert body_region._notes("Correction: An earlier version of this article gave the wrong date.")
    assert body_region._notes("Odpowiedź Urzędu Miasta (dopisek redakcji, 18 marca): Rzecznik prezydenta poinformował nas o decyzji.")
    assert body_region._notes("※10月19日訂正：当初の記事で「11月24日まで」としていましたが、正しくは11月25日まででした。")
    assert not body_region._notes("Have your say: send us your letter of no more than 300 words.")
    assert not body_region._notes("The council issued a correction on Monday: the road reopens in May.")
    assert not body_region._notes("Correction of the tax rules is due next year, the minister said")


def test_a_headed_list_ends_at_a_stamp() -> None:
    from cleaner.lines import Lines

    shapes = Lines().shapes
    texts = ["Características básicas", "90 m² construidos", "3 habitaciones", "Terraza", "Anuncio actualizado hace 3 días", "Inmobiliaria Costa Serra", "Ver todos sus anuncios"]
    runs = [(start, end) for start, end, why in shapes.structured_runs(texts, [False] * len(texts)) if why == "list"]
    assert runs == [(0, 4)]


def test_headings_between_lead_and_text_that_the_text_repeats() -> None:
    from cleaner.filters.body import BodyRegion

    texts = [
        "Release notes",
        "Here you will find every change to Ledgerly for Windows and macOS, newest first.",
        "Download the latest version",
        "Version 3.2.0",
        "Released on 18 March 2025",
        "New",
        "Invoices in the XRechnung format can now be imported directly.",
        "Version 3.1.4",
        "Released on 6 February 2025",
        "New",
        "The 2025 VAT rates are included.",
    ]
    blocks = Document.from_text("\n".join(texts)).blocks
    short = [len(t.split()) < 6 for t in texts]
    # The first release's version, date and section heading lead as the next release's do.
    assert BodyRegion._echoes_text_headings(blocks, short, range(2, 6), (6, 10)) == {3, 4, 5}
    # A table of contents names the text's headings in the same words: links.
    toc = ["Guide", "All you need to know about the tent, in brief, before you buy.", "Best overall", "Best budget pick", "Best overall", "A tent for four.", "Best budget pick", "A tent for two."]
    toc_blocks = Document.from_text("\n".join(toc)).blocks
    assert BodyRegion._echoes_text_headings(toc_blocks, [len(t.split()) < 6 for t in toc], range(2, 4), (4, 7)) == set()


def test_records_and_echoed_headings_on_thousands_of_alike_lines() -> None:
    # Adversarial shapes for the readers that pair lines with lines: every group of fields a
    # record of its own (20,000 runs), and a lead gap of alike lines the text repeats.
    from cleaner.filters.body import BodyRegion
    from cleaner.lines import record_runs

    texts = [line for b in range(20_000) for line in [f"A{b}: 1", f"B{b}: 2", f"C{b}: 3"] * 3]
    runs = record_runs(texts)
    assert len(runs) == 20_000 and runs[0] == (0, 9) and runs[-1] == (len(texts) - 9, len(texts))
    lines = ["Lead paragraph of the page, long enough to be one."] + ["Item 1 a"] * 3000 + ["Item 2 b"] * 3000
    blocks = Document.from_text("\n".join(lines)).blocks
    echoed = BodyRegion._echoes_text_headings(blocks, [True] * len(lines), range(1, 3001), (3001, len(lines) - 1))
    assert echoed == set(range(1, 3001))


def test_a_labelled_fact_is_no_name_and_no_dateline() -> None:
    # "Difficulty: Easy" has two capitalized words but a label's colon; "Time: 30 minutes"
    # reads as a relative stamp's figure and unit, but its label is a fact's (fact_labels).
    from cleaner.lines import names_person

    assert not names_person("Difficulty: Easy")
    assert names_person("Claudia Weigand")
    text = "How to fix a squeaky floorboard\nDifficulty: Easy\nTime: 30 minutes\nA floorboard squeaks when it rubs against a nail or the joist under it. One screw in the right place usually fixes it."
    doc = cleaner.clean(text)
    assert doc.text == text
    assert cleaner.clean("Updated: 30 minutes ago\n" + text).text == text


def test_a_name_ends_in_a_surname_not_a_lone_capital() -> None:
    """"Vitamin D" over "Vitamin D helps regulate ..." is an entry's headline that its first
    sentence opens with, not an author's name over a bio: a surname is no lone capital."""
    from cleaner.lines import names_person

    assert not names_person("Vitamin D") and not names_person("Hepatitis C")
    assert names_person("John F. Kennedy") and names_person("Anna K. Berg")
    lead = "Vitamin D helps regulate the amount of calcium and phosphate in the body. These nutrients keep bones healthy."
    text = "\n".join(["Home", "Health A to Z", "Vitamins and minerals", "Vitamin D", lead, "Contents", "Overview",
                     "How much you need", "Taking too much", "Sources of vitamin D",
                     "From late March to the end of September most people can make all the vitamin D they need from sunlight.",
                     "Vitamin D is also found in a small number of foods, such as oily fish, red meat and egg yolks."])
    assert cleaner.clean(text).text.startswith("Vitamin D\n" + lead)


def test_a_row_of_whole_numbers_after_its_label_is_data() -> None:
    # A box score's row ("Biel Font 9 3 4 10", tabs made spaces) is a table's row; pages counted
    # one by one and a phone number split in groups are not.
    from cleaner.lines import Lines

    shapes = Lines().shapes
    assert shapes.is_data("Biel Font 9 3 4 10")
    assert shapes.is_data("Pau Roig 21 4 7 24")
    assert not shapes.is_data("Pages: 1 2 3 4")
    assert not shapes.is_data("Switchboard 0300 7777 878")
    assert not shapes.is_data("Top 10 tips for 2024")


def test_consent_banner_notice_longer_than_other_interface_lines() -> None:
    """A consent banner's notice is read up to 1,000 characters, for that category alone."""
    judge = filters.InterfaceLines().judge
    notice = (
        "We and our 842 partners store and/or access information on a device, such as cookies, and process personal "
        "data, such as unique identifiers and standard information sent by a device, for personalised advertising "
        "and content, advertising and content measurement, audience research and services development."
    )
    assert 300 < len(notice) <= 1000
    assert judge(notice) == "cookie_notice"
    assert judge(notice + " With your permission we may use precise geolocation data." * 20) is None  # too long for one
    # A sentence that quotes the notice and goes on is the article's, however long.
    assert judge("\u201cWe and our partners store information\u201d is what most readers see first, " + notice) is None


def test_page_count_names_a_book_fact() -> None:
    """A number and a page word of the vocabulary after it is a book's page count; other words are not."""
    shapes = cleaner.lines.Lines().shapes
    assert shapes.counts_pages("264 páginas. 19,90 euros")
    assert shapes.counts_pages("Blessing, 816 Seiten")
    assert shapes.counts_pages("Harbor & Finch, 312 pages, $27.00")
    assert not shapes.counts_pages("264 pagers were sold")
    assert not shapes.counts_pages("Anagrama, 2024")
    assert not shapes.counts_pages("312 pages " + "of notes " * 40)  # longer than a line of data


def test_timed_place_is_a_date_with_its_time_over_a_place() -> None:
    """A date with its clock time over a short place line; not a date alone, nor a sentence under it."""
    shapes = cleaner.lines.Lines().shapes
    assert shapes.timed_place("Samstag, 20. Juli 2024, 19:30 Uhr", "Hofgarten, Freilichtbühne am Ochsenau-Eingang, Landshut")
    assert not shapes.timed_place("Samstag, 20. Juli 2024", "Hofgarten, Freilichtbühne am Ochsenau-Eingang, Landshut")
    assert not shapes.timed_place("Samstag, 20. Juli 2024, 19:30 Uhr", "Das Orchester spielt im Hofgarten.")
    assert not shapes.timed_place("Samstag, 20. Juli 2024, 19:30 Uhr", "Sonntag, 21. Juli 2024")


def test_names_product_is_a_name_over_its_price_over_the_shops_buttons() -> None:
    """A product's name over its facts and price, the shop's button under them; not a menu's
    item over the name, a count, a price, an event's place under its date, nor a name whose
    price is farther down or with a sentence between."""
    body_region = filters.BodyRegion()
    texts = dict(enumerate(["Heckenscheren", "Grünwerk Akku-Heckenschere HS 36 Li, 36 V, mit Akku", "Artikelnummer: 770412", "4,5 von 5 Sternen",
                            "41 Bewertungen", "189,00 €", "inkl. MwSt.", "In den Warenkorb"]))
    assert body_region._names_product(texts, 1, {7})
    assert not body_region._names_product(texts, 0, {7})  # the menu's item: a name between it and the price
    assert not body_region._names_product(texts, 4, {7})  # a count
    assert not body_region._names_product(texts, 1, {30})  # no button under it
    zloty = dict(enumerate(["Zestaw mebli ogrodowych Verano, 4 osoby", "Kod produktu: 584120", "1 349,00 zł", "Dodaj do koszyka"]))
    assert body_region._names_product(zloty, 0, {3})
    between = dict(enumerate(["Zestaw mebli ogrodowych Verano, 4 osoby", "Plecionka nie blaknie na słońcu i nie boi się deszczu.", "1 349,00 zł", "Dodaj do koszyka"]))
    assert not body_region._names_product(between, 0, {3})
    event = dict(enumerate(["Saturday 11 May 2024, 10am – 5pm", "Various cellar doors, Clare Valley SA", "From $55", "Get tickets"]))
    assert not body_region._names_product(event, 1, {3})


def test_a_shops_product_name_stays_over_a_longer_line() -> None:
    """The product's name over its price stays the page's headline when a longer line (a
    delivery offer) stands between the shop's buttons and the description; the menu above
    goes."""
    page = [
        "Hearth & Hob", "Shop", "Kettles", "Toasters", "Coffee", "Home", "Kitchen", "Stovetop Kettles",
        "Hearth & Hob Whistling Stovetop Kettle – 2.5 Litre Enamel, Sage Green",
        "★★★★☆ 4.6 (212 reviews)", "£54.00", "Quantity", "Add to basket", "Buy with Shop Pay",
        "Free delivery on orders over fifty pounds, and free returns within thirty days of delivery",
        "Our enamel kettle works on gas, electric, ceramic and induction hobs, and its whistle tells you the water is ready.",
        "The body is enamelled steel over a thick base that spreads the heat evenly, so it boils quickly on a medium ring.",
        "Wipe with a soft cloth and dry the kettle after use. Do not leave it empty on a hot ring.",
    ]
    kept = cleaner.clean("\n".join(page)).text.split("\n")
    assert page[8] in kept
    assert not {"Shop", "Kettles", "Stovetop Kettles", "★★★★☆ 4.6 (212 reviews)", "Add to basket"} & set(kept)


def test_a_rating_widget_goes_and_a_box_of_recipes_over_it_still_goes() -> None:
    """A rating's score with its count of votes is a widget's line in any language; the box
    of other recipes over it goes with or without it: lines without a figure over the box's
    end (share buttons) are no heading of the recipe card's data under it."""
    interface = filters.InterfaceLines()
    for line in ["4.9 from 212 votes", "★★★★★ 4,8 sur 5 (132 votes)", "4,3 von 5 (812 Bewertungen)", "★★★★☆ 4,6 (128 opinii)", "4,7 z 5 (38 hodnocení)"]:
        assert [r.reason for r in interface.find(Document.from_text(line))] == ["navigation"], line
    assert not list(interface.find(Document.from_text("The council rated it 4.9 from 212 votes cast on Monday.")))
    page = [
        "One-Pan Lemon Orzo", "This is the dinner I make on the nights when I have twenty minutes and one clean pan.",
        "Taste before serving: it may need more lemon juice than you think.", "You might also like:", "Creamy Tomato Gnocchi Bake",
        "Easy Chickpea Curry", "Garlic Butter Salmon Bites", "Print", "Pin", "Rate", "Prep Time: 5 minutes", "Cook Time: 20 minutes",
        "Servings: 4", "Ingredients", "2 tbsp butter", "1 1/2 cups (280g) orzo", "4 cups (1 litre) low-salt stock", "Instructions",
        "Melt the butter in a large deep frying pan over medium heat, add the orzo and toast it for a minute.",
    ]
    kept = cleaner.clean("\n".join(page)).text.split("\n")
    assert not {"Creamy Tomato Gnocchi Bake", "Easy Chickpea Curry", "Garlic Butter Salmon Bites", "Rate"} & set(kept)
    assert {"Prep Time: 5 minutes", "Servings: 4", "2 tbsp butter", "Ingredients"} <= set(kept)


def test_a_sources_list_under_a_link_line_below_the_text_stays() -> None:
    """A short line of the page's under the last paragraph, over a sources heading and its
    numbered references, heads sections of the article: the heading goes on to its items."""
    para = "The satellite will be tested for three to four weeks before it sends regular data to the ground stations, the agency said."
    refs = [f"{n}. Launch report number {n} in the agency's archive, retrieved 19 May 2014, with the mission's figures" for n in range(1, 6)]
    page = ["Satellite launched", para, para.replace("three", "two"), "Gallery More pictures", "Sources", *refs]
    kept = cleaner.clean("\n".join(page)).text.split("\n")
    assert {"Sources", *refs} <= set(kept)


def test_bar_rows_read_an_infobox_of_short_label_value_rows() -> None:
    """Five rows or more of two short cells, each label once, are an infobox's facts; fewer
    rows, a label said twice, or long values (a category over each headline) are not."""
    from cleaner.lines import bar_rows

    box = ["Domena | eukarionty", "Królestwo | zwierzęta", "Typ | strunowce", "Gromada | ssaki", "Rząd | parzystokopytne", "Rodzina | krętorogie"]
    assert bar_rows(["Systematyka", *box, "Żubr europejski (Bison bonasus) – gatunek łożyskowca."]) == [(1, 7)]
    assert bar_rows(box[:4]) == []
    assert bar_rows([*box[:4], "Typ | ssaki"]) == []
    teasers = ["Politik | Merz verteidigt den Haushalt im Bundestag", "Sport | Bayern gewinnt das Topspiel klar", "Kultur | Theater zeigt Brecht in neuer Fassung",
               "Wirtschaft | Zinsen bleiben vorerst stabil", "Panorama | Sturm deckt Dächer ab in Kiel"]
    assert bar_rows(teasers) == []


def test_bar_rows_read_specifications_whose_first_value_is_long() -> None:
    """Rows of a short label and its value, most values with a figure, are a product's
    specifications even when the first value is long; a directory of sites led by long names,
    or labels said again, are not."""
    from cleaner.lines import bar_rows

    specs = ["Display | 6,7 Zoll OLED, 3120 x 1440 Pixel, 120 Hz, bis 2000 Nits, Gorilla Glass Victus 2", "Prozessor | Snapdragon 8 Gen 3", "Arbeitsspeicher | 12 GB", "Farben | Fjordblau, Schwarz"]
    assert bar_rows(["Technische Daten", *specs, "Kundenbewertungen"]) == [(1, 5)]
    assert bar_rows([*specs[:3], "Display | 6,1 Zoll"]) == []
    directory = ["CIO Magazine and its weekly newsletter | IT news, 24 hours a day", "CSO | security news in 2 minutes", "Computerworld | reviews 7 days a week"]
    assert bar_rows(directory) == []


def test_a_clubs_press_officer_signs_its_report() -> None:
    """A club's press officer alone on a line ("Pressewart") is the report's byline; a press
    office's name is not (it may be the text's contact)."""
    bylines = filters.Bylines()
    doc = Document.from_text("Heimsieg im Spitzenspiel\nPressewart\nVor über 400 Zuschauern hat unsere erste Mannschaft gewonnen.")
    assert [(r.block.text, r.reason) for r in bylines.find(doc)] == [("Pressewart", "byline")]
    doc = Document.from_text("Heimsieg im Spitzenspiel\nPressestelle\nVor über 400 Zuschauern hat unsere erste Mannschaft gewonnen.")
    assert not list(bylines.find(doc))


def test_forum_buttons_newsletter_fields_and_ad_markers_go() -> None:
    """A forum post's reply and like buttons, a newsletter box's field and button, a blog
    platform's ad marker and an affiliate disclosure are interface lines; the same words in a
    sentence are not."""
    interface = filters.InterfaceLines()
    for line in ["Antworten", "Gefällt mir (7)", "Like (12)", "Din e-mail", "Tilmeld", "반응형", "Neues Mitglied", "Senior Member",
                 "Utente attivo", "Messaggi: 642", "Pagina 1 di 2", "Devi accedere o registrarti per rispondere.",
                 "Du musst dich anmelden oder registrieren, um hier zu antworten.",
                 "Este post contiene enlaces de afiliado. Si reservas a través de ellos, recibimos una pequeña comisión."]:
        assert list(interface.find(Document.from_text(line))), line
    assert not list(interface.find(Document.from_text("Antworten auf diese Fragen gibt es erst im Herbst, sagte der Bürgermeister.")))


def test_answer_lists_close_on_the_next_question_over_its_answer() -> None:
    """Items under a question between the lead and the text are its answer when a statement
    closes them, or the next question right over its answer; not when a headline follows."""
    body_region = filters.BodyRegion()
    lines = ["Od piętnastu lat kryjemy dachy w Tarnowie.", "Co robimy?", "Pokrycia z dachówki ceramicznej", "Blachodachówka i blacha na rąbek",
             "Montaż okien dachowych", "Dlaczego warto nam zaufać?", "Każdą wycenę robimy na miejscu, po obejrzeniu dachu."]
    blocks = Document.from_text("\n".join(lines)).blocks
    short = [True] * len(blocks)
    short[0] = short[-1] = False
    assert body_region._answer_lists(blocks, short, range(0, 6)) == {2, 3, 4}
    headline = [*lines[:6], "Nowy most w Tarnowie otwarty"]
    blocks = Document.from_text("\n".join(headline)).blocks
    short[-1] = True
    assert body_region._answer_lists(blocks, short, range(0, 6)) == set()


def test_list_headings_name_sources_and_what_a_company_builds() -> None:
    """Sources and references, and what a company builds for its customers, head lists; a
    docs site's menu item 'Reference' and a company menu's 'What we do' do not."""
    shapes = cleaner.lines.Lines().shapes
    for heading in ["Sources", "Quellen", "参考文献", "स्रोत", "Was wir für Sie bauen", "What we build", "Links und Quellen zur Folge", "Rechtsgrundlagen"]:
        assert shapes.is_list_heading(heading), heading
    for item in ["Reference", "What we do", "Unser Angebot"]:
        assert not shapes.is_list_heading(item), item


def test_heads_byline_reads_the_dateline_under_a_removed_line() -> None:
    """A headline over its byline or dateline, or over one line and then it, counts in the
    input's positions: the line between may be gone already (an earlier round removed it)."""
    from cleaner.document import Block

    blocks = (Block(index=11, text="Wärmepumpe taktet ständig bei milden Temperaturen", paragraph=0), Block(index=18, text="Holger_K", paragraph=0))
    assert filters.BodyRegion._heads_byline(blocks, {13}, 0)  # "Themenstarter: Holger_K" (12) removed, "Erstellt am ..." (13)
    assert filters.BodyRegion._heads_byline(blocks, {12}, 0)
    assert not filters.BodyRegion._heads_byline(blocks, {14}, 0)


def test_a_table_of_days_says_each_day_twice_at_most() -> None:
    from cleaner.filters._common import days_twice_at_most

    moved = ["Monday 1 April", "Tuesday 2 April", "Tuesday 2 April", "Wednesday 3 April", "Wednesday 3 April", "Thursday 4 April"]
    assert days_twice_at_most(moved)
    assert not days_twice_at_most(["10th Oct 2007"] * 4)  # a stamp said again and again
    assert not days_twice_at_most(["1 May", "1 May", "2 May", "2 May"])  # every day twice: no most-once


def test_czech_dates_with_spaces_and_place_day_lines() -> None:
    from cleaner.filters.body import BodyRegion
    from cleaner.lines import Lines

    shapes = Lines().shapes
    assert shapes.is_date("11. 3. 2024")
    assert not shapes.is_date("1. 2. 3.")  # a numbered list's markers, no year
    body = BodyRegion()
    assert body._place_date("V Březové dne 11. 3. 2024")
    assert body._place_date("V Lipovej dňa 4. 4. 2024")
    assert not body._place_date("V Březové se staví nový most")


def test_a_place_between_a_byline_and_the_dateline_is_the_datelines() -> None:
    text = "\n".join(
        [
            "Sport",
            "El Villanueva golea al Sotomayor y se mete en puestos de play-off",
            "Un doblete de Rubén Carmona sella un 4-1 que devuelve la ilusión al Municipal",
            "Javier Mancha",
            "Villanueva de la Serena",
            "Domingo, 17 de marzo 2024, 20:14",
            "El CD Villanueva firmó este domingo su mejor partido de la temporada ante un Municipal lleno.",
        ]
    )
    doc = Pipeline(filters.Bylines()).clean(text)
    reasons = {r.block.text: r.reason for r in doc.removals}
    assert reasons == {"Javier Mancha": "byline", "Villanueva de la Serena": "dateline", "Domingo, 17 de marzo 2024, 20:14": "dateline"}
    # The same three lines apart in the input sign nothing: the place needs both neighbours.
    apart = text.replace("Villanueva de la Serena\n", "Villanueva de la Serena\nCompartir\n")
    assert "Javier Mancha" not in {r.block.text for r in Pipeline(filters.Bylines()).clean(apart).removals}


def test_step_numbers_count_on_over_their_steps() -> None:
    from cleaner.lines import Lines, step_numbers

    lines = Lines()
    texts = ["Steps", "1", "Wash the rice twice.", "2", "Soak it for an hour.", "3", "Cook it on a low heat."]
    assert step_numbers([lines(t) for t in texts], list(range(len(texts)))) == {1, 3, 5}
    pages = ["The vote is on Monday.", "1", "2", "3", "4", "Next page"]
    assert step_numbers([lines(t) for t in pages], list(range(len(pages)))) == set()  # pagination: no step under each
    skipped = ["1", "Wash the rice twice.", "3", "Soak it for an hour.", "4", "Cook it on a low heat."]
    assert step_numbers([lines(t) for t in skipped], list(range(len(skipped)))) == set()  # 1, 3, 4: only two count on
    apart = [0, 2, 5, 6, 7, 8]  # a line removed between the first number and its step: two count on
    assert step_numbers([lines(t) for t in texts[1:]], apart) == set()


def test_thai_paragraphs_are_prose_without_full_stops() -> None:
    from cleaner.lines import Lines
    from cleaner.patterns import runs_on, size

    paragraph = "เทศบาลขอให้ประชาชนในพื้นที่สำรองน้ำไว้ใช้ล่วงหน้าอย่างเพียงพอ และหากมีเหตุขัดข้องทางเทศบาลจะแจ้งให้ทราบอีกครั้งในวันและเวลาราชการ"
    headline = "ประกาศงดจ่ายน้ำประปาชั่วคราว"
    assert runs_on(paragraph) and Lines()(paragraph).prose
    assert not runs_on(headline) and not Lines()(headline).prose  # short: a headline, a menu item
    assert not runs_on(paragraph + " 2568")  # ends in a figure, no letter: a date line, a stamp
    assert size(paragraph) > 2 * size(headline) > 0
    assert size("Ein Satz mit fünf Wörtern.") == 5  # other scripts count their words as before


def test_a_thai_line_of_a_paragraph_is_prose_without_a_full_stop() -> None:
    """Thai marks no sentence's end: a line of 80 Thai letters or more that ends in one is a
    paragraph for the body region, as it is for Line.prose; a short Thai heading is not."""
    body = filters.BodyRegion()
    closing = "เชียงดาวเหมาะกับการพักผ่อนแบบช้า ๆ แค่ได้นั่งดูภูเขากับทุ่งนายามเช้าก็คุ้มค่าแล้วสำหรับทริปนี้"  # 23 words
    assert body.is_prose(closing)
    assert not body.is_prose("ทิปส์ก่อนไป")
    assert not body.is_prose("ค่าน้ำมันรถ ไป-กลับ | 800 บาท")


def test_a_line_of_code_repeated_in_a_how_to_is_no_duplicate() -> None:
    """The same line of code in two functions stays; a paragraph printed twice goes."""
    code = ['@app.get("/books/{book_id}")', "def get_book(book_id: int):", "    for book in books:", "        if book.id == book_id:", "            return book",
            '    raise HTTPException(status_code=404, detail="Book not found")', '@app.delete("/books/{book_id}")', "def delete_book(book_id: int):",
            "    for i, book in enumerate(books):", "        if book.id == book_id:", "            books.pop(i)", '    raise HTTPException(status_code=404, detail="Book not found")']
    doc = Document.from_text("\n".join(code))
    assert [r.block.text for r in filters.DuplicateParagraphs().find(doc)] == []
    para = "The service answers with a clear error when the item does not exist, which keeps clients simple."
    doc = Document.from_text("\n".join([para, "Next step", para]))
    assert [r.reason for r in filters.DuplicateParagraphs().find(doc)] == ["duplicate_paragraph"]


def test_a_notices_issuer_over_its_date_at_the_end_is_no_copy_of_the_sites_name() -> None:
    """The office that issues a notice, named in the page's head and again over the notice's
    date under its text, signs it; a list of other stories each over its date is copied."""
    lines = ["青州市人力资源和社会保障局", "通知公告", "关于2025年春季学期中小学开学时间的通知", "根据市政府统一安排，现将2025年春季学期中小学开学时间通知如下，请各学校认真做好开学准备工作。",
             "全市中小学于2025年2月17日正式开学，2月15日至16日学生报到注册，各学校要做好安全检查。", "青州市人力资源和社会保障局", "2025年1月20日"]
    assert list(filters.DuplicateParagraphs().find(Document.from_text("\n".join(lines)))) == []
    listed = [*lines[:5], "青州市人力资源和社会保障局", "2025年1月20日", "关于做好寒假安全工作的通知", "2025年1月10日"]
    assert [r.block.index for r in filters.DuplicateParagraphs().find(Document.from_text("\n".join(listed)))] == [5]


@pytest.mark.parametrize("heading", ["動作環境", "環境", "この記事で作るもの", "必要なもの"])
def test_a_japanese_how_tos_requirements_heading_names_a_list(heading: str) -> None:
    """A how-to's environment or requirements heading is a list heading (vocabulary
    ``list_headings``): the versions under it are the article's list, not links."""
    from cleaner.lines import Lines

    assert Lines().shapes.is_list_heading(heading)
    assert not Lines().shapes.is_list_heading("関連記事")


@pytest.mark.parametrize(
    ("line", "credited"),
    [("צילום: יוסי כהן", True), ("צילום יוסי כהן", True), ("צילום תעודת זהות כולל ספח", False), ("تصوير أحمد علي", True), ("تصوير بطاقة الهوية الوطنية سارية المفعول", False)],
)
def test_a_credit_label_in_a_script_without_case_is_followed_by_a_name(line: str, credited: bool) -> None:
    """Without a colon, a credit's label is followed by a name of three words at most in a
    script without case; more words make it an item ("a copy of an identity card")."""
    assert filters.Captions().is_credit(line) is credited


def test_a_trail_of_crumbs_led_by_its_label_counts_its_items_without_the_label() -> None:
    """"Du er her: Lindeberg skole / For foreldre / Kalender" is a trail of three crumbs: its
    label is no part of the first item's length; an item too long is still none."""
    from cleaner.lines import crumb_items, is_crumbs

    assert is_crumbs("Du er her: Lindeberg skole / For foreldre / Kalender")
    assert crumb_items("You are here: Home / Parents / Calendar")[1:] == ["Parents", "Calendar"]
    assert not is_crumbs("Hinweis: die Sprechstunde der Gemeindeverwaltung entfällt heute / morgen / übermorgen")


@pytest.mark.parametrize("heading", ["Features at a glance", "Inspection times", "Outgoings"])
def test_a_property_listings_headings_name_its_lists(heading: str) -> None:
    """A listing's lists under its description are the article's (vocabulary ``list_headings``):
    its features, its running costs, its inspection times."""
    from cleaner.lines import Lines

    assert Lines().shapes.is_list_heading(heading)


@pytest.mark.parametrize(
    "line",
    [
        "Regia: Andrei Munteanu",  # ro
        "Reżyseria: Katarzyna Nowicka",  # pl
        "Režie: Jan Hřebejk",  # cs
        "Réžia: Martin Čičvák",  # sk
        "Rendező: Kovács Anna",  # hu
        "Realização: Joana Lopes",  # pt
        "Regi: Lisa Langseth",  # sv
        "Instruktion: Anne Bech",  # da
        "Ohjaus: Aino Virtanen",  # fi
        "Režija: Ivana Horvat",  # hr
    ],
)
def test_fact_box_labels_in_more_languages(line: str) -> None:
    # A review's credits box under the text is the article's own when its lines are led by
    # fact labels of the vocabulary (see BodyRegion._credits_under).
    assert filters.BodyRegion().lines.shapes.fact_led(line, any_label=False)


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("New Year's Day – Wednesday, January 1", True),
        ("Pfingstmontag – 20. Mai", True),
        ("Interview with the mayor – March 3, 2024", False),  # a teaser's date carries the year
        ("The council met on Tuesday – 14 members voted for the plan", False),
        ("Memorial Day weekend – Saturday, May 24 through Monday, May 26", False),
    ],
)
def test_named_days(line: str, named: bool) -> None:
    assert filters.BodyRegion().lines.shapes.is_named_day(line) is named


def test_verse_runs_need_clauses_running_on_after_commas() -> None:
    """Three clauses or more that end a short line with a comma and run on into a line with a
    small letter make a poem, with the short lines around them that end as verses do; a
    paywall's two prompts, a list of tags and a paragraph are none."""
    from cleaner.lines import Lines

    shapes = Lines().shapes
    poem = ["Heft 58 · Frühjahr 2025", "Die Schaukel hängt still,", "an einer Kette nur,", "die andere liegt im Schnee.", "Die Katze der Nachbarn",
            "geht auf dem Zaun entlang,", "als wäre er ihr Weg,", "und vielleicht ist er das.", "Gedicht teilen"]
    assert shapes.verse_runs(poem) == [(1, 8)]
    paywall = ["Pour lire la suite", "et accéder gratuitement à 3 articles par mois,", "créez votre compte", "Ou si vous avez déjà un compte,", "connectez-vous ici"]
    assert shapes.verse_runs(paywall) == []
    assert shapes.verse_runs(["wisata jogja", "libur sekolah", "yogyakarta", "kuliner", "hotel murah"]) == []
    assert shapes.verse_runs(["Er kam, sah, und blieb, weil es regnete, und weil niemand, wirklich niemand, ihn nach Hause schickte, obwohl es spät war, sehr spät."]) == []


def test_timeline_needs_rising_years_over_statements() -> None:
    """Dates with their years (or years alone), each right over a statement, three or more
    whose years rise over five years or more, are a timeline's; posts listed newest first and
    readers' comments of one year are none."""
    from cleaner.lines import Lines

    shapes = Lines().shapes
    timeline = ["Eine kurze Chronik:", "1887", "Die Brücke wird gebaut.", "14. März 1923", "Hochwasser zerstört die Brücke.",
                "Juni 1925", "Die neue Brücke wird eröffnet.", "Teilen"]
    prose = [True, False, False, False, False, False, False, False]
    assert shapes._timeline(timeline, prose) == [(1, 2, "days"), (3, 4, "days"), (5, 6, "days")]
    newest_first = ["14. März 2025", "Die Brücke wird gesperrt.", "2. Juni 2019", "Neuer Belag für die Brücke.", "5. Mai 2012", "Die Brücke wird saniert."]
    assert shapes._timeline(newest_first, [False] * 6) == []
    comments = ["3. März 2025", "Toller Artikel, danke!", "4. März 2025", "Sehe ich anders.", "1. April 2025", "Danke für den Hinweis."]
    assert shapes._timeline(comments, [False] * 6) == []
    # An affair's months over two years, some without their day; teasers' dates say their day.
    affair = ["Juni 2023", "Der Rat beschließt die Regel.", "Dezember 2024", "Die letzte Rechnung wird bezahlt.",
              "9. Januar 2025", "Die Kämmerin meldet die Zahlungen.", "28. Februar 2025", "Der Leiter wird beurlaubt."]
    assert [k for k, _, _ in shapes._timeline(affair, [False] * 8)] == [0, 2, 4, 6]
    teasers = ["14. September 2019", "Die Frist endet im Oktober.", "3. Dezember 2019", "Die Stadt ist enttäuscht.",
               "11. Februar 2020", "Die Räumung ist fast fertig.", "12. Februar 2020", "Der Rat fordert eine Prüfung."]
    assert shapes._timeline(teasers, [False] * 8) == []


def test_entries_end_over_a_label_alone_that_opens_a_list() -> None:
    """Short "Label: value" entries over a label alone ("Obsada:") are entries down to it, and
    the label introduces the list under them; teasers led by a kicker ("Generalprobe: NASA-Sonde
    Lucy begegnet in Kürze erstem Asteroiden") are no such entries."""
    from cleaner.lines import Lines, _entries

    credits = ["Reżyseria: Tomasz Nowicki", "Scenografia: Ewa Pawlak", "Muzyka: Piotr Zając", "Obsada:", "Pan Młody – Michał Kruk", "Rachela – Joanna Wrona"]
    assert _entries(credits, 0, len(credits)) == [(0, 3, "entries")]
    runs = Lines().shapes.structured_runs(["Recenzja spektaklu w Teatrze Miejskim, który warto zobaczyć.", *credits], [True] + [False] * 6)
    assert (4, 7, "list") in runs and (1, 4, "entries") in runs
    teasers = ["Generalprobe: NASA-Sonde Lucy begegnet in Kürze erstem Asteroiden", "Budgetkürzungen: NASA wird das Hubble-Teleskop langsam zu teuer", "Aus dem Archiv:", "NASA"]
    assert _entries(teasers, 0, len(teasers)) == []


def test_dateline_without_its_agency() -> None:
    """An agency's dateline read for its place and date without the agency in brackets, its
    full stop and dash; a title in brackets of its own is left alone."""
    from cleaner.filters.body import _without_agency

    assert _without_agency("Logroño, 26 may (Agencia).-") == "Logroño, 26 may"
    assert _without_agency("Berlin (dpa) -") == "Berlin"
    assert _without_agency("Wahl in Thüringen (mit Grafik und Tabellen zu allen Wahlkreisen und Stimmen)") == "Wahl in Thüringen (mit Grafik und Tabellen zu allen Wahlkreisen und Stimmen)"
    assert filters.BodyRegion()._place_date(_without_agency("Madrid, 3 jun (EFE).-"))
    assert _without_agency("Teil 2)") == "Teil 2)"  # a closing bracket without its opening one


def test_named_column_table_needs_rows_that_say_more_than_the_names() -> None:
    """Column names of a word each over rows whose last cell says something of the label make
    a table of words; a site's menu of single words, rows said twice, or a table of figures
    (read elsewhere) do not."""
    from cleaner.lines import named_column_table

    table = ["Problema", "Causa", "Soluzione", "Stoviglie bagnate", "Brillantante esaurito", "Riempire il serbatoio",
             "Aloni bianchi", "Sale errato", "Regolare la durezza", "Cattivo odore", "Filtro intasato", "Pulire il filtro", "Condividi su Facebook e WhatsApp oggi stesso, adesso, subito."]
    assert named_column_table(table, 0) == 12
    menu = ["Home", "Sport", "Kultur", "Wetter", "Verkehr", "Politik", "Wirtschaft", "Reise", "Auto", "Digital", "Wissen", "Gesundheit", "Karriere"]
    assert named_column_table(menu, 0) is None
    assert named_column_table(table[:3] + table[3:6] * 2 + table[6:9] + table[12:], 0) is None  # a row said again
    assert named_column_table(table[:3] + table[3:9] + table[6:9] + table[12:], 0) is None
    figures = ["Bauteil", "Vorher", "Nachher", "Prozessor", "94 °C", "79 °C", "Grafikkarte", "82 °C", "71 °C", "Lüfter", "4200 rpm", "3100 rpm", "Fazit folgt."]
    assert named_column_table(figures, 0) is None


def test_named_table_needs_distinct_column_names_over_rows_of_figures() -> None:
    """A small table of figures starting with its columns' names (one capitalised word each,
    two letters or more, all different) is found with its header row; a calendar's day
    letters, repeated names or a header row of phrases are none, where a table without
    named columns (Shapes.headed_table) is found."""
    shapes = filters.BodyRegion().lines.shapes
    table = ["Fach", "Uhrzeit", "Raum", "Deutsch", "08:00", "Aula", "Mathematik", "08:30", "Aula", "Englisch", "09:00", "Turnhalle",
             "Bitte seien Sie pünktlich im Raum und bringen Sie den Ausweis mit."]
    assert shapes.named_table(table, 0, len(table)) == 12
    assert shapes.headed_table(["M", "D", "F", *table[3:]], 0, len(table)) == 12
    assert shapes.named_table(["M", "D", "F", *table[3:]], 0, len(table)) is None  # a calendar's day letters
    for header in (["Fach", "Fach", "Raum"], ["Unsere Prüfungen", "Datum", "Raum"]):
        assert shapes.headed_table([*header, *table[3:]], 0, len(table)) == 12
        assert shapes.named_table([*header, *table[3:]], 0, len(table)) is None


def test_a_score_is_no_date() -> None:
    """A date in figures keeps one separator between its parts; a score or a range of
    measures with a decimal point is none ("7.0/10", "26–37.5")."""
    shapes = filters.Bylines().lines.shapes
    assert shapes.is_date("12.03.2024") and shapes.is_date("2024-03-12") and shapes.is_date("3/12/2024")
    assert not shapes.is_date("7.0/10") and not shapes.is_date("8.5/10") and not shapes.is_date("26–37.5")


def test_a_range_of_days_in_figures_is_no_time() -> None:
    """Days in figures joined by a dash are a range ("22.12.2025 – 02.01.2026"), the first one
    perhaps without its year ("06.10. – 17.10.2025"); a day and a time are a stamp, two times a
    span of hours."""
    shapes = filters.Bylines().lines.shapes
    assert shapes.is_date_range("22.12.2025 – 02.01.2026") and shapes.is_date_range("06.10. – 17.10.2025")
    assert not shapes.is_date_range("12.03.2024 – 14:30") and not shapes.is_date_range("20.15 – 22.30 Uhr")


def test_a_count_under_its_month_is_no_date() -> None:
    """A month's name as a label and a figure after its colon is a count ("Desember: 21"); no
    language writes a day "month: day". A month and its day stay a date."""
    shapes = filters.Bylines().lines.shapes
    assert not shapes.is_date("November: 164") and not shapes.is_date("Desember: 21") and not shapes.is_date("März : 13")
    assert shapes.is_date("November 16") and shapes.is_date("16. Dezember") and shapes.is_date("Dezember 2024")


def test_fold_drops_the_dot_a_turkish_capital_i_casefolds_with() -> None:
    """"İ" casefolds to "i" and a combining dot: folded, an upper-case Turkish header reads as
    its lower-case entry, so a vocabulary needs no upper-case copy of it."""
    from cleaner.patterns import fold

    assert fold("İLGİLİ HABERLER") == fold("İlgili haberler") == "ilgili haberler"
    assert filters.InterfaceLines().judge("SPONSORLU İÇERİK") == "advertisement"


def test_an_entry_name_is_said_twice_and_opens_the_first_paragraph() -> None:
    """A wiki's entry: its name twice in a row (title and infobox heading), the first
    paragraph under it opening with the name. Said once, or opening a longer word, it is none."""
    from cleaner.filters._common import names_entry

    lines = filters.Bylines().lines
    para = "Nors (Osmerus eperlanus) är en fisk som tillhör familjen norsfiskar och lever i sött och bräckt vatten."
    doc = Document.from_text("\n".join(["Från Wikipedia", "Nors", "Nors", "Nors fångad i Mälaren", para]))
    assert names_entry(lines, doc, doc.blocks[1]) and names_entry(lines, doc, doc.blocks[2])
    once = Document.from_text("\n".join(["Från Wikipedia", "Nors", "Nors fångad i Mälaren", para]))
    assert not names_entry(lines, once, once.blocks[1])
    longer = Document.from_text("\n".join(["Nor", "Nor", para]))
    assert not names_entry(lines, longer, longer.blocks[0])


def test_an_entry_name_is_read_by_its_neighbours_across_blank_lines() -> None:
    """Blank lines between the lines of the input: the name's neighbours are the lines
    around it in the input, not the lines that many places away."""
    from cleaner.filters._common import names_entry

    lines = filters.Bylines().lines
    para = "Nors (Osmerus eperlanus) är en fisk som tillhör familjen norsfiskar och lever i sött och bräckt vatten."
    doc = Document.from_text("\n\n".join(["Från Wikipedia", "Nors", "Nors", "Nors fångad i Mälaren", para]))
    assert names_entry(lines, doc, doc.blocks[1]) and names_entry(lines, doc, doc.blocks[2])
    once = Document.from_text("\n\n".join(["Nors", "Från Wikipedia", "Nors", "Nors fångad i Mälaren", para]))
    assert not names_entry(lines, once, once.blocks[2])


def test_body_region_reads_a_header_of_other_stories_across_blank_lines() -> None:
    """A header of other stories low on a page with a blank line between every two lines:
    the cookie-banner check above it reads the lines above it (it read past the end of
    the input and raised IndexError)."""
    paras = [
        "The council met on Monday to vote on the budget, which passed after a long debate.",
        "It was the third vote this year on the matter, officials said on Tuesday.",
        "The mayor said she was pleased with the result and thanked the members.",
        "The new budget takes effect in January, the clerk said.",
    ]
    text = "\n\n".join([*paras, "Most Popular", "Longtime diner owner closes doors after 52 years"])
    got = reasons(filters.BodyRegion(), text)
    assert ("Longtime diner owner closes doors after 52 years", "after_body") in got
    assert not any(text in paras for text, _ in got)


def test_life_dates_need_two_words_of_birth_and_death_each_before_a_year() -> None:
    from cleaner.lines import Lines

    shapes = Lines().shapes
    assert shapes.gives_life_dates("Sir Geoffrey Allard, born 3 May 1933, died 14 January 2025")
    assert shapes.gives_life_dates("Marie Dupont, née le 4 mars 1940 à Lyon, décédée le 2 février 2025")
    assert shapes.gives_life_dates("Hans Keller, geboren am 2. Mai 1941, gestorben am 30. Januar 2025.")  # (a full stop after the year)
    # One word, no years, or the words far from the years: no life's dates.
    assert not shapes.gives_life_dates("Born 1990, she moved to Leeds in 2012.")
    assert not shapes.gives_life_dates("He was born in Leeds and died in Bath.")
    assert not shapes.gives_life_dates("Born and raised in a mining village, she died a professor in the city where, in 1962, she had first taught in 1960.")


def test_a_day_over_an_events_entry_with_its_times_and_place() -> None:
    from cleaner.lines import Lines

    shapes = Lines().shapes
    entry = ["Freitag, 11. Oktober", "Jazz im Alten Stadthaus", "Das Trio spielt eigene Stücke.", "Wann: 20 Uhr", "Wo: Altes Stadthaus, Marktgasse 53"]
    assert shapes.dates_event_entry(entry)
    # A page's date over its text and author; a date with its year (a stamp); the next day
    # before any times and place.
    assert not shapes.dates_event_entry(["Freitag, 11. Oktober", "Von Anna Weber", "Die Stadt hat beschlossen, die Brücke zu sanieren.", "Der Bau beginnt im Frühjahr."])
    assert not shapes.dates_event_entry(["Freitag, 11. Oktober 2024", *entry[1:]])
    assert not shapes.dates_event_entry(["Freitag, 11. Oktober", "Jazz im Alten Stadthaus", "Samstag, 12. Oktober", "Wann: 20 Uhr", "Wo: Altes Stadthaus, Marktgasse 53"])


def test_a_travel_pieces_box_of_practical_facts_has_a_list_heading_and_its_booking_link_is_a_button() -> None:
    from cleaner.lines import Lines

    shapes = Lines().shapes
    assert all(map(shapes.is_list_heading, ["Informazioni utili", "Información práctica", "Infos pratiques", "Useful information", "Gut zu wissen"]))
    # A booking form's field is no heading of a list ("Anreise" / "Abreise" / "Erwachsene").
    assert not shapes.is_list_heading("Anreise")
    judge = filters.InterfaceLines().judge
    assert judge("Prenota qui il tuo noleggio auto in Sicilia") == judge("Reserva aquí tu hotel en Oporto") == "shop_button"
    assert judge("Reserva aquí tu mesa para la cena de Nochevieja, dijo el camarero.") is None


def test_serbian_list_headings_in_cyrillic_and_latin() -> None:
    from cleaner.lines import Lines

    shapes = Lines().shapes
    assert all(map(shapes.is_list_heading, ["Састојци", "Припрема", "Таксе", "Где и када", "Napomena"]))
    assert not shapes.is_list_heading("Закључење брака у свечаној сали")

