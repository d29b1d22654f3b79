"""From an HTML page to the text segments the reader reads, and the date the page states.

Only what the program says in its own voice is kept: scripts, styles, navigation, forms (an
insurance drop-down lists every insurer, accepted or not), testimonials and link-only blocks
(menus, buttons: "IOP" in a menu is not a statement) are dropped. A list becomes one segment
together with the sentence that leads into it ("We accept: Medicaid; Medicare"), so that the
lead's context (accepting, denying) applies to every item.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from lxml.html import HtmlElement

from crawler.prose import numbers
from crawler.prose.reader import ABOUT_A_JOB, REFUSING_HEADING, PageReading, read_text
from crawler.prose.vocabulary import (
    A_PERSONS_NAME,
    BARE_DENIAL,
    HEDGE,
    PHRASES,
    PROGRAM_KINDS,
    REFUSED_HEADING,
    RESIDENCE_WORDS,
)
from iop.phones import WRITTEN_NANP, ten_digits

# What a form holds only when it is the page itself, wrapped (ASP.NET WebForms, DNN): the page's
# landmarks, its view state, or a title over sections (not a sign-up form's "Get started").
A_WHOLE_PAGES_PARTS = ".//main|.//article|.//header|.//footer|.//input[@name='__VIEWSTATE']"
DROPPED_TAGS = (
    "script", "style", "noscript", "template", "nav", "form", "select", "button", "svg",
    "blockquote", "iframe", "head",
)  # fmt: skip
# A news ticker's strip: the county's news, not the program's word ("Flu shot clinic Saturday,
# 9 a.m.-noon"; an old site's bare <marquee> is its own announcement bar).
TICKER = re.compile(r"\b(?:ticker|news-?scroll)\b", re.I)
# A chat widget's greeting, a cookie banner or a social feed, which a marketing plugin writes on
# a page ("Hi! Looking for evening help? We have openings!"): no word of the program's.
# (a class or id of its own: not "cookieless", "driftwood-recovery", "has-gdpr-bar")
WIDGET = re.compile(
    r"(?:^|\s)(?:chat-(?:launcher|widget|bubble|greeting)|tidio-chat|intercom-(?:launcher"
    r"|messenger|frame)|drift-(?:widget|frame)|livechat-widget|(?:eu-)?cookie-?(?:banner|bar"
    r"|notice|consent|popup|law|compliance)|cmplz-cookiebanner|onetrust-banner-sdk"
    r"|gdpr-(?:banner|notice|consent-banner)|consent-(?:banner|bar|manager)"
    # a social feed's posts: "Saturday sunrise yoga at the beach was a hit!" (Smash Balloon's
    # "sbi", an Instagram embed, Elfsight, Juicer)
    r"|sbi(?=[_\s]|$)|sb_instagram|[\w-]*instagram-?feed|sib-instagram|social-?feed|elfsight-app"
    r"|juicer-feed|twitter-timeline|fb-page)[\w-]*(?=\s|$)",
    re.I,
)
# An image's text that says something of the program, as a sentence of the page: "IOP group
# room, where groups meet Monday, Wednesday and Friday", "Counselor Ruth Begay, who offers
# individual counseling in Navajo" (not a photo's "Families sitting in a circle").
SAID_IN_AN_IMAGE_WORDS = 6
SAID_IN_AN_IMAGE = re.compile(
    r"\b(?:we|we're|our|you|your|who (?:offers|leads|runs|provides)|where [\w\s]{0,20}meets?"
    r"|(?:is|are) available)\b",
    re.I,
)
# Testimonials and reviews: clients' words, not the program's.
TESTIMONIAL = re.compile(r"testimonial|review|quote|story|stories", re.I)
BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "li", "ul", "ol",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    "dl", "dt", "dd", "address", "figure", "figcaption", "caption", "summary", "details",
    "body", "br", "marquee",
}  # fmt: skip
# Blocks a table cell holds when the table lays out a page rather than listing data.
LAYOUT_BLOCKS = ("div", "ul", "ol", "table", "section", "article", "h1", "h2", "h3", "h4")
# A blog's or news section's posts, and the list of them.
ARTICLE_PATH = re.compile(r"/(?:blog|news|posts?|articles?)(?:/|$|\.html?)", re.I)


# Struck-out text, which a page keeps to say it no longer holds: an old number, last month's
# hours, last year's rate ("<del>8:00 a.m.-4:30 p.m.</del> <ins>8:00 a.m.-6:30 p.m.</ins>").
STRUCK_OUT = "//del|//s|//strike"


def without_struck_out(html: str) -> str:
    """The page without its struck-out elements (their tails kept), for every reader of it."""
    if not re.search(r"<(?:del|s|strike)[\s>]", html, re.I):
        return html
    root = lxml.html.fromstring(html)
    struck = root.xpath(STRUCK_OUT)
    if not struck:
        return html
    for element in struck:
        element.drop_tree()
    return str(lxml.html.tostring(root, encoding="unicode"))


def parse(html: str | bytes) -> HtmlElement:
    return lxml.html.fromstring(html)


def _drop_noise(root: HtmlElement) -> None:
    for image in root.xpath("//img[@alt]"):
        alt = " ".join(image.get("alt", "").split())
        if len(alt.split()) >= SAID_IN_AN_IMAGE_WORDS and SAID_IN_AN_IMAGE.search(alt):
            # "AHCCCS logo: we accept AHCCCS plans": the page says it in its image's text
            image.tail = f" {alt.rstrip('.')}. {image.tail or ''}"
    for element in root.xpath("//*"):
        if not isinstance(element.tag, str):
            element.drop_tree()  # comments, processing instructions
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if _toggles_an_answer(element):
            element.drop_tag()  # its question stays, as text, for the answer it opens
        elif element.tag == "nav" and _an_answer(element):
            element.tag = "div"  # Webflow's dropdown: an FAQ's answer in a <nav>
        elif element.tag == "form" and (
            element.xpath(A_WHOLE_PAGES_PARTS)
            or (element.xpath(".//h1") and len(element.xpath(".//h2|.//h3")) >= 2)
        ):
            element.drop_tag()  # ASP.NET's (DNN's) form around the whole page: not a form
        elif element.tag in DROPPED_TAGS or (
            marker.strip()
            and element.tag not in ("html", "body", "main")  # (a page's own, not a part)
            and (TESTIMONIAL.search(marker) or TICKER.search(marker) or WIDGET.search(marker))
        ):
            element.drop_tree()
    for heading in _other_programs_headings(root):
        _drop_its_section(heading)
    _part_words_of_adjoining_boxes(root)
    for link in root.xpath("//a"):
        # A link that is all its block says is a menu entry or a button; a bold link in a
        # list item's sentence is the sentence's ("<strong><a>Our IOP</a></strong> - ...").
        parent = next((a for a in link.iterancestors() if a.tag in BLOCK_TAGS), None)
        if parent is None:
            continue
        rest = _words((parent.text_content() or "").replace(link.text_content() or "", "", 1))
        others = _words("".join(a.text_content() for a in parent.xpath(".//a") if a is not link))
        if not rest.replace(others, "") and not _labels_its_row(parent):
            if parent.tag in HEADINGS and not others and A_PLACES_PAGE.search(link.get("href", "")):
                link.drop_tag()  # a card's title: "<h2><a href=/locations/waldorf>Waldorf</a>"
            else:
                link.drop_tree()


# The folder of a site that lists its places ("/locations/", "/treatment-centers/"), and a link to
# a place's own page in it ("/locations/waldorf"): a card's heading that links there is the
# place's name, kept as the heading of its card (a heading linking anywhere else is a teaser's:
# a news post's title, a service's tile, read on its own page).
A_PLACES_FOLDER = r"locations?|clinics?|offices?|cent(?:er|re)s?|sites?|campus(?:es)?"
A_PLACES_PAGE = re.compile(rf"/(?:{A_PLACES_FOLDER})/[\w-]+/?(?:[?#]|$)", re.I)


def _words(text: str) -> str:
    """A text's letters and digits alone, to compare texts however they are spaced."""
    return re.sub(r"[\W_]+", "", text)


# A table's parts: its cells are read as its cells, each apart (see _grid), not run together.
TABLE_PARTS = ("td", "th", "tr", "thead", "tbody", "tfoot")
# The fewest characters a box's text has to be a word of its own, not a letter or digit of one
# split a box each ("<span>1</span><span>2</span> weeks").
BOXED_WORD = 3


def _part_words_of_adjoining_boxes(root: HtmlElement) -> None:
    """A stat card's figure and label in boxes of their own with nothing between them
    ("<strong>12 weeks</strong><span>program length</span>", set apart by the site's style) as
    words apart: "12 weeks program length", not "12 weeksprogram length"."""
    for element in root.xpath("//*[preceding-sibling::*]"):
        before = element.getprevious()
        if (
            before is None
            or not isinstance(before.tag, str)
            or before.tail  # (something, if only a space, between them already)
            or before.tag == "br"
            or element.tag in TABLE_PARTS
        ):
            continue
        ends, starts = (before.text_content() or "").strip(), (element.text_content() or "").strip()
        if (
            ends[-1:].isalnum()
            and starts[:1].isalnum()
            # (a word or a figure each side, not a counter's digits one to a box: "1", "2")
            and min(len(ends), len(starts)) >= BOXED_WORD
        ):
            before.tail = " "


# A strip of other programs' cards: "Related programs in the Red Dirt Recovery Network" (each
# card a program elsewhere: "Red Dirt Day Program — Oklahoma City. Partial hospitalization").
OTHER_PROGRAMS_HEADING = re.compile(
    r"^\W*(?:related|partner|sister|affiliated) programs\b"
    r"|^\W*(?:explore|see) related programs\b"
    r"|^\W*(?:programs|services) (?:in|across|throughout) (?:our|the) [\w\s]{0,40}network\b"
    # "Also in the Coastal Empire Recovery Network", "More from our network"
    r"|^\W*(?:also in|more from|elsewhere in) (?:our|the) [\w\s]{0,40}(?:network|family)\W*$",
    re.I,
)
# A sidebar's teasers of the site's news: "Related news", "Latest posts" (old news, each dated
# by its post: "Posted on: March 4, 2024 \u2014 IOP moves to evenings"); in the content, news is
# the page's own word.
NEWS_TEASERS_HEADING = re.compile(
    r"^\W*(?:related|latest|recent|more) (?:news|posts|articles|stories|updates)\W*$", re.I
)


def _other_programs_headings(root: HtmlElement) -> list[HtmlElement]:
    """The headings of a page's strips of other programs' cards (see
    :data:`OTHER_PROGRAMS_HEADING`) and of its sidebar's news teasers."""
    return [
        heading
        for heading in root.xpath("//h2|//h3|//h4")
        if OTHER_PROGRAMS_HEADING.search(said := " ".join(heading.text_content().split()))
        or (NEWS_TEASERS_HEADING.match(said) and heading.xpath("ancestor::aside"))
    ]


def _drop_its_section(heading: HtmlElement) -> None:
    """The heading and what follows it in its section, dropped (see :func:`_its_section`)."""
    section = _its_section(heading)
    for element in section:
        element.drop_tree()
    if heading.getparent() is not None and heading.getparent() not in section:
        heading.drop_tree()


def _its_section(heading: HtmlElement) -> list[HtmlElement]:
    """The heading's section: the whole block when the heading opens one of its own (a
    ``<section>`` or ``<div>`` it heads), else its later siblings up to the next heading of its
    level or above."""
    parent = heading.getparent()
    if parent is None:
        return []
    first = next((child for child in parent if isinstance(child.tag, str)), None)
    if (
        first is heading
        and parent.tag in ("section", "div", "aside")
        and parent.getparent() is not None
    ):
        return [parent]
    levels = ("h1", "h2", "h3", "h4")
    section = []
    for sibling in heading.itersiblings():
        if sibling.tag in levels and levels.index(sibling.tag) <= levels.index(heading.tag):
            break  # the next section, at the heading's level or above
        section.append(sibling)
    return section


def other_programs_text(root: HtmlElement) -> str:
    """The words of the cards of a page's strips of other programs (see
    :data:`OTHER_PROGRAMS_HEADING`), each card headed by its program's name: their phone
    numbers are those programs' lines (not a card of the program's own: "Our Savannah IOP",
    nor the strip's own words: "All locations share one intake line")."""
    cards = []
    for heading in _other_programs_headings(root):
        for element in _its_section(heading):
            for card in element.xpath("descendant-or-self::*[h3 or h4 or h5]"):
                title = card.xpath("string((h3|h4|h5)[1])").strip()
                if title and not OUR_OWN_CARD.match(title):
                    cards.append(card.text_content())
    return " ".join(cards)


# A card of the program's own in a strip: "Our Savannah IOP".
OUR_OWN_CARD = re.compile(r"^\W*(?:our|this)\b", re.I)


# A list item holding a heading and an answer after it (a Squarespace accordion's question).
ACCORDION_ITEM = (
    "./li//*[self::h2 or self::h3 or self::h4 or self::h5]"
    "/following-sibling::*[self::div or self::p][normalize-space()]"
)


def _labels_its_row(cell: HtmlElement) -> bool:
    """A table row's first cell, a link: it labels the row ("<a>Utica</a> | Mon, Tue, Thu |
    5:00-8:00 p.m.", "<a>Peru Clinic</a> | Waitlist — about 10 days"), as in a menu's row of
    links it does not."""
    row = cell.getparent()
    if (
        cell.tag not in ("td", "th")
        or row is None
        or row.tag != "tr"
        or cell.getprevious() is not None
    ):
        return False
    return any(
        re.search(r"\w", (_text(other) or "").replace(_links_text(other), "", 1))
        for other in cell.itersiblings()
    )


def _links_text(element: HtmlElement) -> str:
    return "".join(link.text_content() for link in element.iter("a"))


def _an_answer(nav: HtmlElement) -> bool:
    """A <nav> that holds sentences, not links, in an FAQ or accordion: its answer (Webflow's
    dropdown). A mega-menu's descriptions are a menu's."""
    marks = " ".join(
        f"{element.get('class', '')} {element.get('id', '')}"
        for element in (nav, *list(nav.iterancestors())[:2])
    )
    return bool(re.search(r"faq|accordion|answer", marks, re.I)) and any(
        re.search(r"\w", "".join(p.xpath("./text()"))) for p in nav.iter("p") if not p.xpath(".//a")
    )


def _toggles_an_answer(element: HtmlElement) -> bool:
    """An FAQ accordion's question: a button in a heading, or one that opens a panel."""
    return element.tag == "button" and (
        element.get("aria-controls") is not None
        or element.get("aria-expanded") is not None
        or any(ancestor.tag in HEADINGS for ancestor in element.iterancestors())
    )


def _text(element: HtmlElement) -> str:
    return " ".join((element.text_content() or "").split())


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CAPTIONS_LEVEL = 7  # a table's caption heads its rows alone, under every heading
SUMMARYS_LEVEL = 6  # an accordion's summary heads its panel, under the page's headings


def segments(root: HtmlElement) -> list[str]:
    """The page's text as segments: one per block, lists joined to their lead sentence."""
    return [text for text, _ in headed_segments(root)]


# ARIA's roles of a table built of blocks: a grid of cells is read as the table it shows.
ARIA_TABLE_TAGS = {
    "table": "table",
    "grid": "table",
    "row": "tr",
    "cell": "td",
    "gridcell": "td",
    "columnheader": "th",
    "rowheader": "th",
}


def _as_tables(root: HtmlElement) -> None:
    """A table of blocks given its roles (``<div role="table">``, ``role="row"``, ``role=
    "cell"``) as the table it is: its rows read as a table's rows."""
    for table in root.xpath("//*[@role='table' or @role='grid']"):
        for element in [table, *table.iterdescendants()]:
            tag = ARIA_TABLE_TAGS.get(str(element.get("role", "")).lower())
            if tag and isinstance(element.tag, str):
                element.tag = tag


def _pdf_pages_as_text(root: HtmlElement) -> None:
    """A PDF shown as HTML (pdf2htmlEX: each printed line a positioned ``<div class="t ...">``)
    as the text it prints: lines in one type run together into paragraphs, lines in another
    type than the body's (larger, bolder) as headings ("Program at a glance"), bulleted lines
    (with the indented lines that carry them on) as a list; else no sentence is whole
    ("Bridgeway is an intensive outpatient" / "program (IOP) for adults")."""
    for page in root.xpath("//div[contains(concat(' ', @class, ' '), ' pc ')]"):
        lines = page.xpath("./div[contains(concat(' ', @class, ' '), ' t ')]")
        if not lines:
            continue
        types = [tuple(PDF_TYPE.findall(line.get("class", ""))) for line in lines]
        # (the type most of its words are printed in: headings are short)
        printed: Counter[tuple[str, ...]] = Counter()
        for line, kind in zip(lines, types, strict=True):
            printed[kind] += len(line.text_content().split())
        body = printed.most_common(1)[0][0]
        blocks: list[tuple[str, str | None, list[str]]] = []  # (tag, its first line's x, lines)
        for line, kind in zip(lines, types, strict=True):
            said = " ".join(line.text_content().split())
            x = next(iter(PDF_X.findall(line.get("class", ""))), None)
            tag = "h3" if kind != body else "li" if said.startswith("\u2022") else "p"
            last = blocks[-1] if blocks else None
            # a line carries the block before on: a body line indented past its bullet, or a
            # line of the same kind (each bullet starts an item of its own)
            carried_on = last is not None and (
                (tag == "p" and last[0] == "li" and x != last[1]) or (tag == last[0] != "li")
            )
            if last is not None and carried_on:
                last[2].append(said)
            else:
                blocks.append((tag, x, [said.lstrip("\u2022 ")]))
            line.drop_tree()
        for tag, _, said in blocks:
            if tag == "li":
                if not len(page) or page[-1].tag != "ul":
                    page.append(lxml.html.Element("ul"))
                parent = page[-1]
            else:
                parent = page
            block = lxml.html.Element(tag)
            block.text = " ".join(said)
            parent.append(block)


# A pdf2htmlEX line's font and size classes: "ff3 fs2" (its type).
PDF_TYPE = re.compile(r"\b(?:ff|fs)[0-9a-f]+\b")
PDF_X = re.compile(r"\bx[0-9a-f]+\b")  # its left edge's class


def _rows_of_blocks(root: HtmlElement) -> None:
    """A grid of blocks, each a row of two or three short cells and nothing else (a Webflow
    list of plans: ``<div class="ins-row"><div>TRICARE</div><div>Not in network</div></div>``),
    as the table it is: each row read as a table's row ("TRICARE: Not in network")."""
    for grid in root.xpath("//div[count(div) >= 2 and count(*) = count(div)]"):
        rows = list(grid)
        if all(_a_row_of_cells(row) for row in rows):
            grid.tag = "table"
            for row in rows:
                row.tag = "tr"
                for cell in row:
                    cell.tag = "td"


def _a_row_of_cells(row: HtmlElement) -> bool:
    cells = list(row)
    return (
        2 <= len(cells) <= 3
        and not (row.text or "").strip()
        and all(
            cell.tag in ("div", "span") and not len(cell) and 0 < len(_text(cell)) <= 100
            for cell in cells
        )
    )


def headed_segments(root: HtmlElement) -> list[tuple[str, int]]:
    """:func:`segments`, each with its level as a heading (1 for an ``<h1>``), or 0: no
    heading."""
    for line_break in root.iter("br"):  # "Suite 2B<br>Toms River" is two words, not "2BToms"
        line_break.tail = " " + (line_break.tail or "")
    for wrapper in root.xpath(WRAPPING_BLOCKS):
        wrapper.tag = "div"  # a CMS's <span> around a rich text's headings and paragraphs
    _as_tables(root)
    _pdf_pages_as_text(root)
    _rows_of_blocks(root)
    for pill in root.xpath("//span[@class]"):
        labelled = (
            pill.getprevious() is not None
            and _text(pill.getprevious()).endswith(":")
            and len(pill.getparent()) == 2  # one label, one status (not a row of several)
        )
        if STATUS_CLASS.search(pill.get("class", "")) and _stands_alone(pill) and not labelled:
            # "IOP: Waitlist" beside "Outpatient: Accepting": one each ("<span>Antigo IOP:
            # </span> <span class='status'>Waitlist</span>" is one, the status labelled)
            pill.tag = "div"
    out: list[tuple[str, int]] = []
    # Elements themselves, not their ids: lxml makes a new proxy for an element each time it is
    # reached, so an id can come back for another element once the proxy is gone.
    unread_tables: set[HtmlElement] = set()
    read_rows: set[HtmlElement] = set()  # a data table's row is said once, not cell by cell
    heading: tuple[str, int] = ("", 0)  # the last heading (its level 1 to 6) said
    # Accordions' panels headed by their summaries, and cards by their headings, each with the
    # heading before it: that heading is said again (and is the heading again) once its panel
    # or card is over.
    scopes: list[tuple[HtmlElement, tuple[str, int]]] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element in read_rows:
            continue
        while scopes and not any(above is scopes[-1][0] for above in element.iterancestors()):
            heading = scopes.pop()[1]
            out.append(heading if heading[1] else ("", SUMMARYS_LEVEL))
        if element.tag in ("ul", "ol"):
            items = [text for li in element.xpath("./li") if (text := _item_text(li))]
            if not items or element.xpath(ACCORDION_ITEM):
                continue  # an accordion's headed items (an FAQ): each read on its own
            if (
                len(items) > 1
                and all(A_YEARS_EVENT.match(item) for item in items)
                and A_HISTORY.search(_lead(element))
            ):
                read_rows.update(element.iterdescendants())
                continue  # a timeline of the program's history: what it was, not what it is
            lead = _lead(element)
            if (
                len(items) > 1
                and (not lead or DATING_LEAD.match(lead))
                and all(
                    ":" in item and item.endswith((".", "!")) and A_STATUS.search(item)
                    for item in items
                )
            ):
                # Statuses, each a sentence of its own, dated by the lead ("Updated December 1,
                # 2026" over "McPherson IOP: accepting; the next group starts December 14." and
                # "Counseling: accepting new clients."): no item runs into the next.
                out.append((" ".join(f"{lead} {item}".strip() for item in items), 0))
                continue
            # (an item of sentences ends as a sentence, so that its last one does not run into
            # the next item: "Greencastle Evening IOP: full. Call to join the waitlist.")
            joined = "".join(
                item.rstrip(".;") + (". " if SENTENCES_WITHIN.search(item) else "; ")
                for item in items
            ).rstrip("; ")
            out.append((f"{lead} {joined}." if lead else joined + ".", 0))
            continue
        if element.tag == "table" and (columns := _lists_by_column(element)):
            out.extend((column, 0) for column in columns)
            read_rows.update(element.iterdescendants())
            continue
        if element.tag in ("div", "ul", "section") and (logos := _logos_names(element)):
            out.append((logos, 0))  # plans shown only as their logos
            read_rows.update(element.iterdescendants())
            continue
        if element.tag == "table" and (
            grid := _tracks_by_day_and_time(element) or _tracks_under_days(element)
        ):
            out.extend((line, 0) for line in grid)
            read_rows.update(element.iterdescendants())
            continue
        if element.tag == "table" and (by_status := _plans_by_status(element)):
            out.extend((line, 0) for line in by_status)
            read_rows.update(element.iterdescendants())
            continue
        if element.tag == "table" and (by_place := _marks_by_place(element)):
            out.extend((line, 0) for line in by_place)
            read_rows.update(element.iterdescendants())
            continue
        if element.tag == "table" and not _data_table(element):
            unread_tables.add(element)
            out.extend((row, 0) for row in _the_iops_column(element) or _offered(element))
            out.extend((row, 0) for row in _the_iops_office(element))
            out.extend((level, 0) for level in _offered_by_row(element))
        elif element.tag == "table" and (week := _the_weeks_groups(element)):
            out.append((week, 0))
        if element.tag == "tr":
            table = next(element.iterancestors("table"), None)
            cells = element.xpath("./td|./th")
            if table is None or any(_laid_out(cell) for cell in cells):
                continue  # a layout table: its cells' blocks are read one by one
            read_rows.update(element.iterdescendants())
            row = _row(cells, _rows_kind(table))
            if row and table not in unread_tables:
                out.append((row, 0))
            continue
        if element.tag == "dl" and (schedule := _days_and_times(element)):
            out.append((schedule, 0))  # "Days: Mon, Wed, Thu; Time: 5:30 - 8:30 p.m."
            read_rows.update(element.iterdescendants())
            continue
        if element.tag == "dt" and element.getnext() is not None:
            term, said = _text(element), _text(element.getnext())
            yes = YES_THEN_A_SENTENCE.match(said)
            if yes and A_QUALIFIED_YES.search(said[yes.end() :]):
                yes = None  # "Yes. The morning cohort is full; ...": the yes says it
            if term.endswith("?"):  # an FAQ's question, then its answer ("No, the IOP ...")
                out += [(term, 0), (said, 0)]
            elif yes:  # "Accepting new participants: Yes. Red Earth Path is accepting new
                # participants.": the answer's own sentence says it in full, and first
                out += [(said[yes.end() :], 0), (f"{term}: {yes.group(0).strip()}", 0)]
            else:
                out.append((f"{term}: {said}", 0))
            continue
        if element.tag in BLOCK_TAGS and element.tag not in ("li", "dd", "td", "th", "tr"):
            own = _own_text(element)
            if own:
                # A table's caption heads its rows ("Clinic hours": "Friday | 8:00 a.m.-5:00 p.m."),
                # unless a heading just did ("Schedule", then the caption "IOP tracks").
                caption = element.tag == "caption" and not (out and out[-1][1])
                level = int(element.tag[1]) if element.tag in HEADINGS else 0
                # (an accordion's panel is headed by its summary: "Georgia (Blairsville)"; a
                # question stays a question, its answer read with it)
                if element.tag == "summary" and not own.rstrip().endswith("?"):
                    level = SUMMARYS_LEVEL
                    if (panel := element.getparent()) is not None and panel.tag == "details":
                        scopes.append((panel, heading))
                elif level:
                    if _a_cards_heading(element):
                        # (the card's heading heads it alone: the one before is said again
                        # once the card is over)
                        scopes.append((element.getparent(), heading))
                    heading = (own, level)
                out.append((own, level or (CAPTIONS_LEVEL if caption else 0)))
    return out


def _a_cards_heading(heading: HtmlElement) -> bool:
    """Whether a heading heads a card of a row of cards headed alike (a footer's offices:
    "<div><h4>Ware</h4><p>84 Main Street ...</p></div>", then Southbridge's): what follows the
    row (the footer's "CARF accredited.") is none of theirs."""
    card = heading.getparent()
    if card is None or card.tag not in CARD_TAGS or len(card) < 2 or card[0] is not heading:
        return False
    row = card.getparent()
    alike = [
        other
        for other in (row if row is not None else [])
        if other.tag in CARD_TAGS and len(other) > 1 and other[0].tag == heading.tag
    ]
    return len(alike) >= 2


CARD_TAGS = ("div", "li", "article", "section")


# A status shown as a pill or a chip ("IOP: Waitlist", "Outpatient counseling: Accepting"): a
# statement of its own, however many stand side by side.
STATUS_CLASS = re.compile(r"(?:^|[\s_-])(?:pill|chip|status|tag)(?:$|[\s_-])", re.I)
# Inline elements holding blocks (HubSpot's rich-text <span> around <h1>, <p>, <div>): each is
# a block, or its blocks' text would run together ("Day trackMonday, Wednesday").
WRAPPING_BLOCKS = "//*[self::span or self::font or self::em or self::strong]"
WRAPPING_BLOCKS += "[not(ancestor::td or ancestor::th)][{}]".format(
    " or ".join(f".//{tag}" for tag in ("p", "div", "h1", "h2", "h3", "h4", "ul", "table"))
)


def _lists_by_column(table: HtmlElement) -> list[str]:
    """A table whose columns are lists under headings of which one refuses ("We accept |
    We don't accept", each cell a list of plans): each column as its heading's list ("We don't
    accept: Medicare; MO HealthNet"), not its rows, which would run a taken plan into a refused
    one's sentence. None for any other table."""
    rows = table.xpath(".//tr")
    header = rows[0].xpath("./td|./th") if rows else []
    cells = [_text(cell) for row in rows[1:] for cell in row.xpath("./td|./th")]
    if (
        len(header) != 2
        or any(cell.tag != "th" for cell in header)
        or not all(REFUSING_HEADING.search(_text(cell)) for cell in header)  # "We accept"
        or not any(re.search(REFUSED_HEADING, _text(cell), re.I) for cell in header)
        or any(row.xpath("./th") for row in rows[1:])
        or any(YES_OR_NO.fullmatch(cell) for cell in cells)  # marks: a grid's
        # a grid's blanks, not the end of a list of plans ("We accept | We don't accept")
        or (any(not cell for cell in cells) and not all(PLANS.search(_text(c)) for c in header))
    ):
        return []
    columns: list[list[str]] = [[] for _ in header]
    for row in rows[1:]:
        for column, cell in zip(columns, row.xpath("./td"), strict=False):
            column.extend(_lines_of(cell))
    return [
        f"{_text(heading).rstrip(':')}: {'; '.join(item.rstrip('.;') for item in items)}."
        for heading, items in zip(header, columns, strict=True)
        if items
    ]


def _grid(table: HtmlElement) -> tuple[list[str], list[list[str]]]:
    """A table's header row's texts and its other rows' cells' texts: of the rows as wide as
    the header, with a label in their first cell."""
    rows = table.xpath(".//tr")
    if not rows:
        return [], []
    header = [_text(cell) for cell in rows[0].xpath("./td|./th")]
    body = [
        cells
        for row in rows[1:]
        if len(cells := [_text(cell) for cell in row.xpath("./td|./th")]) == len(header)
        and cells[0]
    ]
    return header, body


# A heading or a cell naming the IOP.
IOP_NAMED = re.compile(r"\biop\b|intensive outpatient", re.I)
# A table of an organisation's offices: a column of each one's street and one of its hours
# ("Town | Street | Phone | Programs | Hours").
OFFICES_STREET_COLUMN = re.compile(r"^\W*(?:street|address|location)(?: address)?\W*$", re.I)
OFFICES_HOURS_COLUMN = re.compile(r"^\W*(?:(?:office |clinic )?hours|open)\W*$", re.I)


def _offices_rows(table: HtmlElement) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """Of a table of an organisation's offices, each a row with its street, line and hours,
    the row of the one office that runs the IOP (its programs name it) and the others; nothing
    of a table of no street and hours, of fewer than two lines, or where the IOP is in no
    row or in several."""
    rows = table.xpath(".//tr")
    header = [_text(cell) for cell in rows[0].xpath("./td|./th")] if rows else []
    if not (
        any(OFFICES_STREET_COLUMN.match(text) for text in header)
        and any(OFFICES_HOURS_COLUMN.match(text) for text in header)
    ):
        return [], []
    body = rows[1:]
    lined = [row for row in body if WRITTEN_NANP.search(" ".join(row.itertext()))]
    naming = [row for row in body if IOP_NAMED.search(" ".join(row.itertext()))]
    if len(lined) < 2 or len(naming) != 1:
        return [], []
    # (in any cell but its hours': "Monday through Thursday")
    hours = {index for index, text in enumerate(header) if OFFICES_HOURS_COLUMN.match(text)}
    cells = [_text(cell) for cell in naming[0].xpath("./td|./th")]
    if any(NOT_RUN_HERE.search(text) for index, text in enumerate(cells) if index not in hours):
        return [], []
    return naming, [row for row in body if row is not naming[0]]


# A row that names the IOP without running it: "no IOP", "referrals to IOP", "IOP coming in
# 2027", "IOP through our partner Mercy Hospital", "IOP (currently closed)".
NOT_RUN_HERE = re.compile(
    r"\b(?:no|not|referr\w*|coming|soon|partner\w*|through|closed|paused|waitlist|planned"
    r"|moved|opening|temporarily|20\d\d)\b",
    re.I,
)


def _the_iops_office(table: HtmlElement) -> list[str]:
    """Of a table of an organisation's offices (see :func:`_offices_rows`), the row of the one
    that runs the IOP, as one statement ("Fort Scott: 1120 S Main St; (620) 555-0163;
    Intensive Outpatient Program; ...; Monday - Thursday 8:00 a.m. - 7:30 p.m."): its hours
    are the program's; the other offices' are not."""
    running, _ = _offices_rows(table)
    return [_row(row.xpath("./td|./th")) for row in running]


def other_offices_lines(root: HtmlElement) -> set[str]:
    """The phone numbers (ten digits) of the rows of tables of offices that are not the IOP's
    office (see :func:`_offices_rows`): those offices' lines, unless the page gives them outside
    its tables too ("IOP intake line: (620) 555-0166")."""
    rows = " ".join(
        " ".join(row.itertext()) for table in root.iter("table") for row in _offices_rows(table)[1]
    )
    outside = " ".join(root.xpath(".//text()[not(ancestor::table)]"))
    return _numbers_in(rows) - _numbers_in(outside)


def _numbers_in(text: str) -> set[str]:
    """The phone numbers a text writes, each as its ten digits."""
    return {ten_digits(found.group(0)) for found in WRITTEN_NANP.finditer(text)}


def _the_iops_column(table: HtmlElement) -> list[str]:
    """Of a table comparing levels of care ("Plan | PHP | IOP", a mark in each cell), the IOP's
    column, each row as its label and the IOP's cell ("Medicare: ✔"); nothing of a table
    with no IOP column, or with two."""
    header, body = _grid(table)
    columns = [index for index, text in enumerate(header) if IOP_NAMED.search(text)]
    if len(columns) != 1 or columns[0] == 0:
        return []
    said = []
    for cells in body:
        cell = cells[columns[0]]
        if NO_MARK.fullmatch(cell):
            said.append(f"{cells[0]}: No")
        elif YES_OR_NO.fullmatch(cell) or re.search(r"\$\s*\d", cell):
            said.append(f"{cells[0]}: {cell}")  # "Medicare: \u2714", "Self-pay: $150/session"
        elif A_SCHEDULES_ROW.search(cells[0]) and cell:
            said.append(f"IOP {cells[0].lower()}: {cell}")  # "IOP hours per week: 9"
    return said


# A levels table's row of what a level's week is like: "Hours per week", "Days", "Typical
# length", "Includes", "Times", "Groups", "Family session".
A_SCHEDULES_ROW = re.compile(
    r"^\W*(?:hours(?: per| a| each)? week|days?|typical length|length|duration|weeks|includes"
    r"|times?|groups?|therap(?:y|ies)|family (?:sessions?|nights?|groups?))\W*$",
    re.I,
)


# A column's heading that names one of a site's places: "Sunnyside", "Toppenish office" (not
# a kind of care, a track or an answer: "PHP", "Evening", "In network").
PLACE_COLUMN = re.compile(
    r"^(?!.*\b(?i:iop|php|op|outpatient|intensive|partial|residential|inpatient|day|evening"
    r"|morning|adults?|teens?|youth|women|men|accepted|in[- ]network|notes?|details|cost|price"
    r"|fees?|plans?|coverage|yes|no|our|other|programs?|services?|features?|bronze|silver|gold"
    r"|platinum|medicaid|medicare|tricare|aetna|cigna|humana|united|anthem|molina|bcbs|blue"
    r"|suboxone|vivitrol|methadone|buprenorphine|naltrexone|(?:mon|tues|wednes|thurs|fri|satur"
    r"|sun)day|mon|tue|wed|thu|fri|sat|sun)\b)[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,2}"
    r"(?: (?:office|clinic|campus|location|site|center|centre))?$"
)


def _marks_by_place(table: HtmlElement) -> list[str]:
    """Of a table of ticks and dashes whose columns are the site's places ("Payer | Sunnyside |
    Toppenish | Grandview"), each cell as its row's label at its column's place ("At
    Toppenish, Apple Health (Medicaid): No"): what one office takes is no other's. A footnote's
    asterisk on a mark is read as the mark. Nothing of any other table."""
    header, body = _grid(table)
    places = header[1:]
    if len(places) < 2 or not all(PLACE_COLUMN.match(place) for place in places):
        return []
    said = []
    for cells in body:
        marks = [cell.rstrip("*\u2020 ") for cell in cells[1:]]
        if not all(YES_OR_NO.fullmatch(mark) or NO_MARK.fullmatch(mark) for mark in marks):
            return []  # not a grid of marks
        label = cells[0].split(":")[0]  # "Apple Health (Medicaid): Molina, CHPW, ..."
        said += [
            f"At {place}, {label}: {'No' if NO_MARK.fullmatch(mark) else 'Yes'}"
            for place, mark in zip(places, marks, strict=True)
        ]
    return said


# A column of a table of plans naming where each plan stands: "Accepted", "Not accepted",
# "Pending" (a contract in process: neither).
STATUS_COLUMN = re.compile(
    r"^\W*(?:(?:not |no longer )?(?:accepted|in[- ]network|contracted)"
    # (an out-of-network plan may be billed: neither taken nor refused)
    r"|(?P<undecided>pending|in process|coming soon|applied|credentialing|out[- ]of[- ]network))"
    r"\W*$",
    re.I,
)
TICK = re.compile(r"\W*(?:\u2713|\u2714|\u2611|\u25cf|x|yes)\W*", re.I)


def _plans_by_status(table: HtmlElement) -> list[str]:
    """Of a table ticking each plan under where it stands ("Plan | Accepted | Pending | Not
    accepted"), the plans under each decided status, as its list ("Accepted: Horizon NJ Health;
    Wellpoint."); a pending plan is neither taken nor refused. Nothing of any other table."""
    header, body = _grid(table)
    statuses = [status for text in header[1:] if (status := STATUS_COLUMN.match(text))]
    if len(statuses) < 2 or len(statuses) != len(header) - 1 or not body:
        return []
    plans: dict[int, list[str]] = {}
    for cells in body:
        ticked = [index for index, cell in enumerate(cells[1:]) if cell.strip()]
        if len(ticked) != 1 or not TICK.fullmatch(cells[1 + ticked[0]]):
            return []  # not one tick a row
        # (the plan alone: "Aetna (IOP)" under "Not accepted" refuses Aetna, not the IOP)
        plans.setdefault(ticked[0], []).append(re.sub(r"\s*\([^)]*\)", "", cells[0]))
    undecided = {index for index, status in enumerate(statuses) if status["undecided"]}
    return [
        f"{header[1 + index]}: {'; '.join(named)}."
        for index, named in sorted(plans.items())
        if index not in undecided
    ]


# A table's column saying whether each row's service is given: "Available here?", "Offered".
OFFERED_COLUMN = re.compile(r"\b(?:available|offered|provided)\b|\bhere\W*$", re.I)


def _offered(table: HtmlElement) -> list[str]:
    """Of a table of services and whether each is given ("ASAM level | Service | Available
    here?"), each row as its service and its answer ("Outpatient (here): Yes", "Partial
    hospitalization (here): Not offered")."""
    rows = table.xpath(".//tr")
    header = [_text(cell) for cell in rows[0].xpath("./td|./th")] if rows else []
    columns = [index for index, text in enumerate(header) if OFFERED_COLUMN.search(text)]
    if len(columns) != 1 or columns[0] == 0:
        return []
    column = columns[0]
    said = []
    for row in rows[1:]:
        cells = [_text(cell) for cell in row.xpath("./td|./th")]
        if len(cells) == len(header) and cells[column - 1] and cells[column]:
            said.append(f"{cells[column - 1]} (here): {cells[column]}")
    return said


# A row saying whether each column's care is given here: "Offered by Canadian River", "At
# Chockoyotte Creek", "Available here".
OFFERED_ROW = re.compile(
    r"^\W*(?i:offered|available|provided)"
    r"(?: here| by (?:us|[A-Z][\w'&.-]*(?: [A-Z][\w'&.-]*){0,4}))?\W*$"
    r"|^\W*(?i:here|at (?:our|this) (?:clinic|program|center|centre|office|location|practice))\W*$"
    r"|^\W*(?i:at) (?:the )?(?!(?i:intake|admission|discharge|entry|exit|home|work|school)\b)"
    r"[A-Z][\w'&.-]*(?: [A-Z][\w'&.-]*){0,4}\W*$"
)


def _offered_by_row(table: HtmlElement) -> list[str]:
    """Of a table comparing levels of care by column ("| Outpatient | IOP | PHP |"), the row
    saying whether each is given ("Offered by Canadian River | Yes | Yes | No"), as each
    column's heading and its answer ("Partial hospitalization (here): No")."""
    rows = table.xpath(".//tr")
    header = [_text(cell) for cell in rows[0].xpath("./td|./th")] if rows else []
    offered = [
        cells
        for row in rows[1:]
        if len(cells := [_text(cell) for cell in row.xpath("./td|./th")]) == len(header)
        and OFFERED_ROW.search(cells[0])
    ]
    if len(offered) != 1:
        return []  # (a row per clinic: which is this page's place the table does not say)
    (cells,) = offered
    # (a mark's note in parentheses is the mark's: "\u2717 (we refer)")
    marks = [re.sub(r"\s*\([^)]*\)\s*$", "", cell) for cell in cells[1:]]
    return [
        f"{level} (here): {'No' if NO_MARK.fullmatch(mark) else mark}"
        for level, mark in zip(header[1:], marks, strict=True)
        if level and (YES_OR_NO.fullmatch(mark) or NO_MARK.fullmatch(mark))
    ]


def _item_text(item: HtmlElement) -> str:
    """A list item's words, its blocks apart ("Do you have an evening group?" "There is
    currently none."), without a list inside it (that list is read on its own)."""
    depth = len(item.xpath("ancestor::ul|ancestor::ol"))
    texts = item.xpath(".//text()[count(ancestor::ul|ancestor::ol) = $depth]", depth=depth)
    return " ".join(" ".join(texts).split())


def _lines_of(cell: HtmlElement) -> list[str]:
    """A cell's lines: its text broken at its line breaks and its blocks (a list's items)."""
    lines: list[str] = [cell.text or ""]
    for child in cell:
        if not isinstance(child.tag, str):
            lines[-1] += child.tail or ""
            continue
        if child.tag in BLOCK_TAGS:
            lines += [_text(child) if child.tag != "br" else "", ""]
        else:
            lines[-1] += child.text_content() or ""
        lines[-1] += child.tail or ""
    return [line for line in (" ".join(line.split()) for line in lines) if line]


# A definition list's terms of a schedule: its days, its times.
DAYS_TERM = re.compile(r"^\W*(?:days?|when|meets?|schedule)\W*$", re.I)
# What makes the sentence after a "Yes." narrower than the yes: a part full or not taken.
A_QUALIFIED_YES = re.compile(
    r"\b(?:not?|n't|never|no longer|full|wait ?list|waiting list|closed|only|but|however"
    r"|except|until)\b",
    re.I,
)
# A term's answer "Yes." and a sentence of its own after it.
YES_THEN_A_SENTENCE = re.compile(r"^\s*(?i:yes)\s*[.!]\s+(?=[A-Z])")
TIMES_TERM = re.compile(r"^\W*(?:times?|hours|group (?:times|hours))\W*$", re.I)


def _days_and_times(dl: HtmlElement) -> str:
    """A definition list giving a schedule's days and its times as separate terms ("Days:
    Monday, Wednesday, Thursday", "Time: 5:30 - 8:30 p.m.") as the one statement they make;
    nothing for any other list."""
    pairs = [(_text(term), _text(term.getnext())) for term in dl.xpath("./dt|./div/dt")
             if term.getnext() is not None and term.getnext().tag == "dd"]  # fmt: skip
    terms = [term for term, _ in pairs]
    if not any(DAYS_TERM.match(term) for term in terms) or not any(
        TIMES_TERM.match(term) for term in terms
    ):
        return ""
    return "; ".join(f"{term.rstrip(':')}: {said}" for term, said in pairs).rstrip(".") + "."


def _stands_alone(element: HtmlElement) -> bool:
    """Whether an inline element is no part of a sentence: its block holds no text of its own,
    only it and elements like it ("<div><span>IOP: Waitlist</span> <span>...</span></div>")."""
    parent = element.getparent()
    return (
        parent is not None
        and not (parent.text or "").strip()
        and all(
            sibling.tag == element.tag and not (sibling.tail or "").strip() for sibling in parent
        )
    )


def _laid_out(cell: HtmlElement) -> bool:
    """A cell that lays out a page (columns of blocks), not a table's value."""
    return bool(cell.xpath(" | ".join(f".//{tag}" for tag in LAYOUT_BLOCKS))) or (
        len(cell.xpath(".//p")) > 1
    )


def _data_table(table: HtmlElement) -> bool:
    """Whether a table's rows state the program's facts, each as its label and value. A
    directory (rows of places, each with its phone) names other agencies' services, and a
    comparison (a header of several columns: levels of care, offices) gives each value for
    its column, which one statement would lose."""
    rows = table.xpath(".//tr")
    with_phones = sum(bool(WRITTEN_NANP.search(" ".join(row.itertext()))) for row in rows)
    header = rows[0].xpath("./th") if rows else []
    values = [len(_text(cell).split()) for row in rows[1:] for cell in row.xpath("./td|./th")[1:]]
    # Columns of short values ("Yes", "No", "✓") under three or more headings compare them;
    # a week's rows, each led by its day ("Mon | 5:30-8:30 p.m. | Process group"), and a
    # schedule's, each with its times ("Day IOP | Mon, Tue, Wed | 9:00 - 12:00"), do not.
    compares = len(header) >= 3 and bool(values) and sorted(values)[len(values) // 2] <= 3
    return with_phones < 2 and (not compares or _a_week(rows[1:]) or _timed(rows[1:]))


def _the_weeks_groups(table: HtmlElement) -> str:
    """A week's table of one time for its days ("Monday | 10:00 AM - 1:00 PM", "Tuesday | ...")
    as the one schedule it is ("Monday, Tuesday: 10:00 AM - 1:00 PM"): its hours a week are
    its rows' together. Nothing of a week whose days have different times."""
    trs = table.xpath(".//tr")
    if trs and not _a_week(trs[:1]):
        trs = trs[1:]  # its header ("Day | Time")
    rows = [row.xpath("./td|./th") for row in trs]
    if not rows or not _a_week(trs):
        return ""
    timed = [(_text(cells[0]), _text(cells[1])) for cells in rows
             if len(cells) == 2 and _a_time_of_day(_text(cells[1]))]  # fmt: skip
    if len(timed) < 2 or len({time for _, time in timed}) != 1:
        return ""
    return f"{', '.join(day for day, _ in timed)}: {timed[0][1]}"


def _tracks_by_day_and_time(table: HtmlElement) -> list[str]:
    """A week's grid, a day a row and a time a column, each cell the track that meets then
    ("Day | 09:00-12:00 | 17:30-20:30", "Monday | General IOP | -"), as each track's days and
    time ("General IOP: Monday, Wednesday, Friday, 09:00-12:00.")."""
    trs = table.xpath(".//tr")
    if len(trs) < 3 or _a_week(trs[:1]) or not _a_week(trs[1:]):
        return []  # (not a week of office hours, a day and its times a row)
    times = [_text(cell) for cell in trs[0].xpath("./td|./th")][1:]
    if len(times) < 2 or not all(_a_time_of_day(numbers.clock_words(time)) for time in times):
        return []
    meets: dict[tuple[str, str], list[str]] = {}
    for row in trs[1:]:
        day, *cells = [_text(cell) for cell in row.xpath("./td|./th")]
        for time, track in zip(times, cells, strict=False):
            if _a_time_of_day(numbers.clock_words(track)):
                return []  # a cell of times: no track's name
            if track and not NO_MARK.fullmatch(track):
                meets.setdefault((track, time), []).append(day)
    return _tracks_said(meets)


def _tracks_said(meets: dict[tuple[str, str], list[str]]) -> list[str]:
    """Each track's days and time, as a schedule's line: "Day IOP: Mon, Tue, Thu, 9-12."."""
    return [f"{track}: {', '.join(days)}, {time}." for (track, time), days in meets.items()]


# A grid cell naming a track and its time: "Day IOP 9\u201312", "Evening IOP 6:00-9:00 p.m.".
A_TRACK_AND_ITS_TIME = re.compile(
    rf"^(?P<track>\D{{2,40}}?)\s+(?P<time>{numbers.TIME_RANGE.pattern})$", re.I
)


def _tracks_under_days(table: HtmlElement) -> list[str]:
    """A week's grid, a day a column, each cell a track and its time ("Mon | Tue | Wed" over
    "Day IOP 9-12 | Day IOP 9-12 | \u2014"), as each track's days and time ("Day IOP: Mon,
    Tue, Thu, 9-12.")."""
    trs = table.xpath(".//tr")
    days = [_text(cell) for cell in trs[0].xpath("./td|./th")] if trs else []
    if len(days) < 3 or not all(re.fullmatch(numbers.DAY, day, re.I) for day in days):
        return []
    meets: dict[tuple[str, str], list[str]] = {}
    for row in trs[1:]:
        cells = [_text(cell) for cell in row.xpath("./td|./th")]
        if len(cells) != len(days):
            return []
        for day, cell in zip(days, cells, strict=True):
            found = A_TRACK_AND_ITS_TIME.match(cell)
            if found:
                meets.setdefault((found["track"], found["time"]), []).append(day)
            elif cell and not NO_MARK.fullmatch(cell):
                return []  # a cell of something else: no grid of tracks
    return _tracks_said(meets)


def _a_week(rows: list[HtmlElement]) -> bool:
    """Whether every row is led by a day of the week: a schedule, one group a row."""
    firsts = [_text(cells[0]) for row in rows if (cells := row.xpath("./td|./th"))]
    return bool(firsts) and all(re.match(numbers.DAY + r"\b", first, re.I) for first in firsts)


def _timed(rows: list[HtmlElement]) -> bool:
    """Whether every row gives a time of day, and none a yes or no: a schedule, one group or
    track a row (not a comparison of levels of care that gives each one's hours)."""
    # (a track still to come is no row of the schedule: "Saturday morning | Coming soon!")
    rows = [row for row in rows if not re.search(HEDGE, " ".join(row.itertext()), re.I)]
    cells = [_text(cell) for row in rows for cell in row.xpath("./td|./th")]
    texts = [" ".join(row.itertext()) for row in rows]
    clocked = [_a_time_of_day(numbers.clock_words(text)) for text in texts]  # "9 to noon" too
    # A row's "9-12" among rows of clock times ("5:30-8:30 PM") is a time of day too.
    return (
        any(clocked)
        and all(
            told or numbers.BARE_HOURS.search(text)
            for told, text in zip(clocked, texts, strict=True)
        )
        and not any(YES_OR_NO.fullmatch(cell) for cell in cells)
    )


# Words of a column of plans: "We accept", "Insurance we don't take", "In network".
PLANS = re.compile(r"\b(?:accept|take|insurance|plans?|network)\b", re.I)
YES_OR_NO = re.compile(r"\W*(?:yes|no|none|n/a|\u2713|\u2714|\u2717|x)\W*", re.I)
# A cell that refuses: a word, a cross or a dash ("\u2014" under "IOP" for Medicaid).
NO_MARK = re.compile(r"\W*(?:no|none|x|\u2717|\u2718|\u2716|\u274c)\W*|\s*[\u2014\u2013-]\s*", re.I)


def _a_time_of_day(text: str) -> bool:
    """A range of clock times ("9:00 - 12:00", "5-8 p.m."), not of counts ("9-15 hours")."""
    return any(
        minute1 or meridiem1 or minute2 or meridiem2
        for _, minute1, meridiem1, _, minute2, meridiem2 in (
            found.groups() for found in numbers.TIME_RANGE.finditer(text)
        )
    )


def _row(cells: list[HtmlElement], kind: str | None = None) -> str:
    """A data table's row as one statement, its first cell the label of the rest ("NC Medicaid
    Managed Care: Not accepted", "Weekly hours: 9"); a label that is only a kind of the rows'
    ``kind``, with its times, is named as one ("Morning" under "Track" is "Morning track")."""
    texts = [text for text in (_text(cell) for cell in cells) if text]
    if len(texts) < 2:
        return texts[0] if texts else ""
    label, rest = texts[0], "; ".join(texts[1:])
    if kind and A_KIND_ALONE.fullmatch(label) and _a_time_of_day(numbers.clock_words(rest)):
        label = f"{label} {kind}"  # with its times (not "Saturday | — | No groups")
    return f"{label}: {rest}"


# A table's first heading naming what its rows are: "Track | Days | Time".
ROWS_KIND = re.compile(r"\W*(track|cohort)s?\W*", re.I)  # (not "Group", "Session": AA's, visits')
# A row's label that is only a kind of a program: "Morning", "Evening", "Adolescent".
A_KIND_ALONE = re.compile(rf"\W*(?:{PROGRAM_KINDS})\W*", re.I)


# Words over plans that refuse them ("We are out of network with:"; not "Don't see yours?").
PLANS_REFUSED = re.compile(
    r"out[- ]of[- ]network|\bnot (?:in[- ]network|accept\w*|contracted)"
    r"|\b(?:don't|do not|doesn't|does not|cannot|can't) (?:accept|take|bill)\b",
    re.I,
)


def _logos_names(block: HtmlElement) -> str:
    """A gallery of plans' logos and nothing else, under the words that say what they are
    ("We're in network with the plans below": "Blue Cross and Blue Shield of Illinois",
    "TRICARE East" shown only as images), as that line's list of their alt texts; nothing of
    a gallery of photos or of logos no line about plans leads."""
    if _text(block):
        return ""
    names = [" ".join(alt.split()) for alt in block.xpath(".//img/@alt")]
    names = [name for name in names if name]
    previous = _previous_element(block)
    lead = _text(previous) if previous is not None else ""
    if len(names) < 2 or not PLANS.search(lead):
        return ""
    if PLANS_REFUSED.search(lead):  # "We are out of network with these plans:"
        return f"Not accepted: {'; '.join(names)}."
    return f"{lead.rstrip(':. ')}: {'; '.join(names)}."


def _rows_kind(table: HtmlElement) -> str | None:
    """What a table's rows are, by its header's first cell ("track" of "Track | Days | Time")."""
    header = table.xpath(".//tr[1]/th")
    named = ROWS_KIND.fullmatch(_text(header[0])) if header else None
    return named.group(1).lower() if named else None


# An inline title of its block, shown on a line of its own: an alert's or a card's title
# ("<span class='elementor-alert-title'>Waitlist update</span>"), a badge ("Open"). It labels
# what follows it, as a colon would.
TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|badge|eyebrow|kicker)(?:$|[\s_-])", re.I)


def _title_of(block: HtmlElement) -> HtmlElement | None:
    """The inline title heading a block's text, or a bold label a line break ends ("<strong>
    Referral status</strong><br>We're currently accepting referrals"): a label of the rest,
    not the first words of its sentence ("Waitlist updateOur evening IOP")."""
    if (block.text or "").strip() or not len(block):
        return None
    first = block[0]
    if not isinstance(first.tag, str) or first.tag in BLOCK_TAGS or not _text(first):
        return None
    following = first.getnext()
    broken = (
        first.tag in ("strong", "b")
        and not (first.tail or "").strip()
        and following is not None
        and following.tag == "br"
    )
    if not (broken or TITLE_CLASS.search(first.get("class", ""))):
        return None
    rest = (block.text_content() or "")[len(first.text_content() or "") :]
    return first if re.search(r"\w", rest) else None


# A title that says something of what follows it: a bare denial ("Not available"), a status
# ("Waitlist update", "Open"), a plan to come ("Coming soon").
QUALIFYING_TITLE = re.compile(
    rf"^\W*(?:{BARE_DENIAL}|coming soon|pending|planned)\W*$"
    r"|\b(?:update|updates|status|notice|alert|announcement|enrollment|open|closed|full)\W*$",
    re.I,
)


# A line that answers its title: a denial, a status ("Currently full", "Accepting new clients"),
# the thing's own status ("Accepted for all services").
ANSWERS_A_TITLE = re.compile(
    r"\W*(?:not\b(?!\s+(?:just|only)\b)|none\b|no\W*$|n/a\b|(?:currently |now )?(?:full"
    r"|open|closed|accepting|enrolling|wait ?list)\b|(?:accepted|available|offered|provided"
    r"|covered|in[- ]network|yes)\b)",
    re.I,
)


def _labelling(title: str, rest: str) -> str:
    """A title joined to the line it heads: as its label ("Not offered: Methadone", "Waitlist
    update: Our evening IOP is full", "Office hours: Mon-Fri 8-5"), as the start of its sentence
    ("Methadone is not offered" from a linked name), or, when it denies something of its own,
    as a sentence of its own ("No waitlist. Evening IOP with Suboxone", a feature's badge)."""
    if title.endswith(":") or QUALIFYING_TITLE.search(title) or ANSWERS_A_TITLE.match(rest):
        return title if title.endswith(":") else f"{title}:"
    if rest[:1].islower():
        return title
    if title.endswith((".", "!", "?")) or re.search(r"\b(?:no|not|never|without)\b", title, re.I):
        return title if title.endswith((".", "!", "?")) else f"{title}."
    return f"{title}:"  # "Office hours: Mon-Fri 8-5", "Evening IOP: Currently full"


def _own_text(element: HtmlElement) -> str:
    """Text of ``element`` outside its child blocks (children blocks are segments of their own);
    an inline title is a label of the rest ("Waitlist update: Our evening IOP is full")."""
    title = _title_of(element)
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
            parts.append("\n")
        elif child is title:
            parts.append(
                _labelling(_text(child), _text(element)[len(_text(child)) :].strip()) + " "
            )
        elif isinstance(child.tag, str):
            parts.append(child.text_content() or "")
        parts.append(child.tail or "")
    text = " ".join("".join(parts).split())
    return text if re.search(r"\w", text) else ""


def _previous_element(element: HtmlElement) -> HtmlElement | None:
    """The element just before ``element``, past any comment between them."""
    return next((e for e in element.itersiblings(preceding=True) if isinstance(e.tag, str)), None)


# An item of a timeline: "2019: We add an evening IOP track", "2023 \u2014 The evening IOP closes",
# under a heading of the program's history (not a list of this year's news).
A_YEARS_EVENT = re.compile(r"^\W*(?:19|20)\d\d\s*(?::|\u2013|\u2014|-|\.)\s")
A_HISTORY = re.compile(
    r"\b(?:our story|(?:our )?history|timeline|milestones|our journey|through the years)\b", re.I
)


def _lead(list_element: HtmlElement) -> str:
    previous = _previous_element(list_element)
    if previous is None:
        parent = list_element.getparent()
        text = (parent.text or "") if parent is not None and parent.tag not in ("body",) else ""
    elif previous.tag in ("table", "ul", "ol", "dl"):
        return ""  # a table's or another list's words lead nothing
    else:
        text = _text(previous)
    text = " ".join(text.split())
    if not text:
        return ""
    last = SENTENCE_ENDS.split(text)[-1]
    if last.endswith((":", "?")):
        return last
    if (
        last.endswith(".")
        and re.search(r"\b(?:no|not|never|none)\b|n't\b", last, re.I)
        and not A_LISTS_LEAD.search(last)
    ):
        # a sentence that denies something of its own ("there are no evening groups.", "Built
        # around chosen family, not shame.") leads no list (not "We do not accept the following
        # plans.")
        return ""
    return last.rstrip(".") + ":"


# A status's words: "accepting", "full", "waitlist", "3 openings".
A_STATUS = re.compile(
    r"\b(?:accepting|enrolling|open|full|closed|wait ?list|waiting list|openings?|seats?|spots?)\b",
    re.I,
)
# A list's lead that only dates it, or names it openings as of a date: "Updated December 1,
# 2026:", "As of 12/1/2026:", "IOP openings \u2014 updated December 1, 2026:".
DATING_LEAD = re.compile(
    r"^\W*(?:(?i:[^:;.]{0,30}\bopenings?\b[^:;.]{0,5}))?"
    r"(?i:(?:last )?updated|as of|posted)\b[^:;.]{0,30}:$|^\W*[A-Z][a-z]+\.? \d{1,2}, \d{4}:$"
)
# Words of a sentence that introduce the list after it.
A_LISTS_LEAD = re.compile(r"\b(?:following|these|those|below|list|include[sd]?|including)\b", re.I)


# A notice of a new address: its date is the move's, not the page's.
A_MOVE = re.compile(
    r"\b(?:we(?:'ve| have)? moved|(?:has|have) moved|relocat(?:ed|ing)|our new (?:address|home"
    r"|location|office)|(?:you'll|you will) (?:now )?find us at)\b"
    r"|\b(?:is|are) (?:now )?(?:at|located at) \d",
    re.I,
)


SENTENCE_ENDS = re.compile(r"(?<=[.!?])\s+")
# A page's upkeep, not its news: "Page last reviewed", "This page last updated 03/14/2025",
# "Medically reviewed by ...".
A_REVIEW = re.compile(
    r"\b(?:this |the )?(?:page|content|article)\b[^.;:]{0,20}\b(?:updated|reviewed|revised)\b"
    r"|\b(?:last|medically|clinically) reviewed\b|\breviewed (?:by|on)\b",
    re.I,
)


def _before_a_review(sentence: str) -> str:
    """A sentence up to a review's stamp in it ("Last updated: 12/01/2026 \u2022 Clinically
    reviewed by Dana Ruiz" keeps its update's date)."""
    review = A_REVIEW.search(sentence)
    return sentence[: review.start()] if review else sentence


# A change's date leading its sentence: "As of October 1, 2026, New Leaf no longer accepts".
A_CHANGES_LEAD = re.compile(r"^\W*(?:as of|effective|beginning|starting)\s+", re.I)
A_CHANGE = re.compile(r"\bno longer\b|\bstopp(?:ed|ing)\b|\bdiscontinu|\bwill (?:stop|end)\b", re.I)


def _a_changes_date(sentence: str) -> bool:
    """Whether a sentence leads with the date a change takes effect, a clause after it."""
    lead = A_CHANGES_LEAD.match(sentence)
    if lead is None or not A_CHANGE.search(sentence):
        return False
    rest = sentence[lead.end() :]
    span = next((end for start, end, _ in numbers.dated_spans(rest[:30]) if start == 0), None)
    return span is not None and bool(re.match(r",\s+[A-Za-z]", rest[span:]))


# A class of an item of a list of other pages (a post's card, an excerpt, a feed's entry): its
# dates are theirs, not the page's ("post-card", "teaser", "related-posts"; not Bootstrap's
# "card-body" wrapping the page, nor an Elementor "post-info" widget).
LISTED_ITEMS_CLASS = re.compile(
    r"^(?:[\w-]*-card|card-item|teaser|[\w-]*-teaser|excerpt|[\w-]*-excerpt|related[\w-]*"
    r"|recent-posts?[\w-]*|feed-item|[\w-]*-feed-item|listing-item|post-list-item|eventlist"
    r"[\w-]*)$",
    re.I,
)


def _of_a_listed_item(element: HtmlElement) -> bool:
    """Whether an element stands in a list of other pages' items, or in an aside."""
    return any(
        ancestor.tag == "aside"
        or any(LISTED_ITEMS_CLASS.match(word) for word in (ancestor.get("class") or "").split())
        for ancestor in element.iterancestors()
    )


def page_date(root: HtmlElement, text_segments: list[str], crawl_date: date) -> date | None:
    """The date the page says it was updated: visible text first, then markup."""
    for segment in text_segments:
        # "We've moved! As of November 2, 2026, ... is at ...": the move's date, not the page's
        # "Page last reviewed: November 2, 2026", "As of October 1, 2026, we no longer accept
        # Ambetter": a review's or a change's date, not the date the page's news held
        segment = " ".join(
            _before_a_review(part)
            for part in SENTENCE_ENDS.split(segment)
            if not (A_MOVE.search(part) or _a_changes_date(part))
        )
        day = numbers.stamped_date(segment, crawl_date, latest=crawl_date)
        if day is not None:
            return day
    candidates = root.xpath(
        "//meta[@property='article:modified_time']/@content"
        "|//meta[@itemprop='dateModified']/@content"
        "|//meta[@property='article:published_time']/@content"
    )
    # (a page's own time element, not a listed post's: "<article class='post-card'>")
    candidates += [
        time.get("datetime")
        for time in root.xpath("//time[@datetime]")
        if not _of_a_listed_item(time)
    ]
    for value in candidates:
        day = numbers.first_date(str(value)[:10])
        if day is not None and day <= crawl_date:  # (an event's date to come is no update's)
            return day
    return None


class PageKind(StrEnum):
    """What a page is, as far as what it states of the program goes."""

    PROGRAM = "program"  # program, location, FAQ, contact pages: they state facts
    ARTICLE = "article"  # blog posts, news, education: only their availability news is read
    CAREERS = "careers"  # job openings: "now accepting applications" is no client's wait
    TESTIMONIALS = "testimonials"  # clients' words, not the program's
    PEOPLE = "people"  # staff and doctors' pages: a doctor's own practice is no program's
    RESOURCES = "resources"  # other agencies listed: a referral list states nothing of ours
    RESIDENCE = "residence"  # a recovery residence's: its beds, rent and house meetings
    ENDED = "ended"  # a program that has ended ("This program has ended"): what it was
    PLANNED = "planned"  # a place or program not open yet ("Belen office - coming spring 2027")
    OUTREACH = "outreach"  # a mobile van's stops: its screenings, not the program
    DRAFT = "draft"  # a site builder's copy of a page ("/copy-of-home"): not the site's word


# The path a site builder gives a page's copy (Wix: "Copy of Home" at /copy-of-home).
A_COPYS_PATH = re.compile(r"/copy-of-[\w-]+(?:/|$|\.html?)", re.I)
KIND_PATHS = (
    (PageKind.CAREERS, re.compile(
        r"/(?:careers?|jobs?|employment|join-(?:our-)?team|work-with-us|job-openings"
        r"|opportunities)(?:/|$|\.html?)", re.I)),
    (PageKind.TESTIMONIALS, re.compile(
        r"/(?:testimonials?|reviews?|stories|success-stories|alumni-stories)(?:/|$|\.html?)",
        re.I)),
    (PageKind.PEOPLE, re.compile(
        r"/(?:(?:our-|meet-(?:the|our)-)?(?:team|staff|people|providers?)|doctors?|physicians?"
        r"|find-a-(?:doctor|provider)"
        r"|clinicians?|leadership|bios?|meet-(?:the|our)-[\w-]+|(?:medical|clinical)-director"
        r"|about-dr[\w-]*|dr-[\w-]+|[\w-]+-(?:staff|team))(?:/|$|\.html?)", re.I)),
    (PageKind.RESOURCES, re.compile(
        r"/(?:(?:community-)?resources|partners|referral-partners|links|helpful-links"
        r"|community-partners)(?:/|$|\.html?)", re.I)),
    (PageKind.RESIDENCE, re.compile(
        rf"/(?:{RESIDENCE_WORDS.replace(' ', '-')}|transitional-housing)(?:/|$|\.html?)", re.I)),
    (PageKind.ARTICLE, ARTICLE_PATH),
    (PageKind.ARTICLE, re.compile(
        r"/(?:learn|education|library|events?|calendar|journal|insights)(?:/|$|\.html?)",
        re.I)),
)  # fmt: skip
KIND_HEADINGS = (
    (PageKind.CAREERS, re.compile(
        r"^(?:careers?|jobs?|employment(?: opportunities)?|join our team|work with us"
        r"|job openings)\b", re.I)),
    (PageKind.TESTIMONIALS, re.compile(
        r"^(?:testimonials?|reviews?|(?:success |client |patient )?stories)\b", re.I)),
    (PageKind.PEOPLE, re.compile(
        r"^(?:(?:meet )?(?:our|the) (?:team|staff|providers|clinicians|medical director)\b"
        rf"|{A_PERSONS_NAME})")),
    (PageKind.RESOURCES, re.compile(
        r"^(?:community )?resources\b|^referral partners\b|^helpful links\b"
        r"|^other (?:help|resources|services)\b|^more help\b", re.I)),
    # A house, unless its heading names treatment too ("Sober Living and Outpatient Treatment").
    (PageKind.RESIDENCE, re.compile(
        r"^(?!.*\b(?:treatment|outpatient|iop|counseling|therapy)\b)(?:[\w'\u2019-]+ ){0,3}?"
        rf"(?:{RESIDENCE_WORDS})\b", re.I)),
    # A place or a program still to open, the heading's own subject ("Belen office \u2014 coming
    # spring 2027", "Coming soon: Belen"): what it will offer is a plan (not "Now open \u2014
    # coming soon to Salem too", "IOP (Spanish-language groups coming soon)").
    (PageKind.PLANNED, re.compile(
        r"^(?!.*\bnow (?:open|enrolling|accepting)\b)(?:\W*(?:coming|opening) soon\W*(?::|$)"
        r"|[^\u2014\u2013:|(]{1,60}?\s*[\u2014\u2013:|(-]\s*(?:coming|opening) (?:soon|(?:in )?"
        r"(?:(?:early |late )?(?:spring|summer|fall|autumn|winter) (?:of )?)?20\d\d"
        r"|(?:early |late )?(?:spring|summer|fall|autumn|winter))\W*$)", re.I)),
    # A mobile outreach van's page ("Kamiah Mobile Outreach"): where it parks, what it offers.
    (PageKind.OUTREACH, re.compile(
        r"^(?:[\w'\u2019-]+ ){0,3}?(?:mobile (?:outreach|van)|outreach van|street outreach)"
        r"\W*$", re.I)),
    # An explainer of a kind of care is about the care, not about this program.
    (PageKind.ARTICLE, re.compile(
        r"^(?:what (?:is|are)|signs (?:and symptoms )?of|symptoms of|understanding)\b", re.I)),
)  # fmt: skip
KIND_TYPES = {
    "JobPosting": PageKind.CAREERS,
    "BlogPosting": PageKind.ARTICLE,
    "NewsArticle": PageKind.ARTICLE,
    "Article": PageKind.ARTICLE,
    "Event": PageKind.ARTICLE,
    "Physician": PageKind.PEOPLE,
    "ProfilePage": PageKind.PEOPLE,
}
# A Person in the markup of a page that marks up no organization is that person's page (an
# author in a site-wide graph beside the organization is not).
ORGANIZATIONS = {
    "Organization", "LocalBusiness", "MedicalClinic", "MedicalOrganization", "MedicalBusiness",
    "Hospital", "NGO", "GovernmentOrganization", "ProfessionalService",
}  # fmt: skip


# A sentence's end within a text, before another sentence.
SENTENCES_WITHIN = re.compile(r"[a-z)][.!?]\s+[A-Z]")
# A heading of openings: a program's seats or a job's, as the page says.
OPENINGS_HEADING = re.compile(r"^(?:current |open )?openings\b", re.I)
JOBS_WORDS = re.compile(
    r"\b(?:part-time|full-time|requirements|qualifications|salary|resume|job description"
    r"|apply|applicants?|benefits package)\b",
    re.I,
)


# A main heading that names a program ("Crossroads Intensive Outpatient Program"), not a person
# ("Meet Dr. Ruiz, our IOP psychiatrist") or a doctors' training ("Family Medicine Residency").
A_PROGRAMS_TITLE = re.compile(r"intensive outpatient|\biop\b|\bprogram\b", re.I)
A_DOCTORS_TITLE = re.compile(r"\b(?:dr\.?|md|do|meet|residency|fellowship)\b", re.I)


def _a_programs_title(heading: str) -> bool:
    return bool(A_PROGRAMS_TITLE.search(heading)) and not A_DOCTORS_TITLE.search(heading)


def json_ld(root: HtmlElement) -> list[Any]:
    """The page's JSON-LD documents, parsed (a broken one is no markup)."""
    found = []
    for text in root.xpath("//script[@type='application/ld+json']/text()"):
        try:
            found.append(json.loads(text))
        except ValueError:
            continue
    return found


def _top_level_entities(marked: list[Any]) -> list[dict[str, Any]]:
    """The page's own JSON-LD entities (top level and ``@graph``), not those nested in them."""
    entities: list[Any] = []
    for data in marked:
        items = data if isinstance(data, list) else [data]
        for item in list(items):
            if isinstance(item, dict) and isinstance(item.get("@graph"), list):
                items.extend(item["@graph"])
        entities += [item for item in items if isinstance(item, dict)]
    return entities


def top_level_types(marked: list[Any]) -> set[str]:
    """The types of the page's own JSON-LD entities (top level and ``@graph``), not of those
    nested in them: a clinic's ``founder`` Person or an ``Event`` it hosts is not the page."""
    types: set[str] = set()
    for item in _top_level_entities(marked):
        kind = item.get("@type")
        for name in kind if isinstance(kind, list) else [kind]:
            if isinstance(name, str):
                types.add(name.rsplit("/", 1)[-1])
    return types


# What an article's markup says of it when it is one: when it was written or changed, and who
# wrote it.
ARTICLE_MARKS = ("datePublished", "dateCreated", "dateModified", "author")


def _dated_articles(marked: list[Any]) -> bool:
    """Whether the page's ``Article`` markup dates it or names its author: a post's does; a
    builder marking every page an ``Article`` (Ghost's pages: a publisher and a name only) does
    not make the program's page one."""
    return any(
        "Article" in (kind if isinstance(kind := item.get("@type"), list) else [kind])
        and any(item.get(key) for key in ARTICLE_MARKS)
        for item in _top_level_entities(marked)
    )


def page_kind(root: HtmlElement, url: str | None, marked: list[Any] | None = None) -> PageKind:
    """The page's kind, from its URL, its main heading, its markup's types (``marked``: its
    JSON-LD, parsed, when the caller has it) and ``og:type``."""
    path = urlsplit(url).path if url else ""
    for kind, pattern in KIND_PATHS:
        if pattern.search(path):
            return kind
    title = root.xpath("string((//title)[1])").strip()
    if A_COPYS_PATH.search(path) and re.match(r"copy of\b", title, re.I):
        return PageKind.DRAFT  # a builder's "Copy of Home" at /copy-of-home, left published
    heading = " ".join(root.xpath("string((//h1)[1])").split())
    if OPENINGS_HEADING.search(heading):
        words = root.text_content()
        if ABOUT_A_JOB.search(words) or JOBS_WORDS.search(words):
            return PageKind.CAREERS  # "Current openings" of jobs, not of a program's seats
    for kind, pattern in KIND_HEADINGS:
        if pattern.search(heading):
            return kind
    under = _under_the_title(root)
    if any(ENDED_NOTICE.search(text) for text in (under, *_under_a_logo(root))):
        return PageKind.ENDED
    if A_RESIDENCE_INTRODUCED.search(under) and not TREATMENT_WORDS.search(heading):
        first = SENTENCES_WITHIN.split(under, maxsplit=1)[0]
        if not (TREATMENT_WORDS.search(first) or OUR_PROGRAM.search(under)):
            return PageKind.RESIDENCE  # (not a house with its own IOP: "sober living and IOP")
    marked = json_ld(root) if marked is None else marked
    types = top_level_types(marked)
    if "Article" in types and not _dated_articles(marked):
        types.discard("Article")  # a builder's markup of every page (Ghost's), not a post
    for name, kind in KIND_TYPES.items():
        if name in types and not (kind is PageKind.PEOPLE and _a_programs_title(heading)):
            return kind  # a program's page may mark up its medical director as a Physician
    if "Person" in types and not types & ORGANIZATIONS:
        return PageKind.PEOPLE
    og = root.xpath("string(//meta[@property='og:type']/@content)").strip().lower()
    dated = _dated_under_its_title(root, permalink=bool(DATED_PERMALINK.search(path)))
    return PageKind.ARTICLE if og == "article" or dated else PageKind.PROGRAM


# A page's notice, under its title, that the program it describes has ended: "This program
# has ended. Our Saturday IOP ended on June 30, 2026."
ENDED_NOTICE = re.compile(
    r"^\W*(?:(?:please )?note\W+)?this (?:[\w'-]+ ){0,3}?(?:program|programme|track|group|iop)"
    r" (?:has (?:now )?ended"
    r"|has been (?:discontinued|closed|retired)|was discontinued"
    r"|is no longer (?:being )?(?:offered|available|running|operating))\b",
    re.I,
)


# A page that opens saying what a house is: "Bluff House is a six-bed recovery residence for
# women" (not "Our IOP is a step down from a recovery residence").
A_RESIDENCE_INTRODUCED = re.compile(
    r"^\W*(?:[A-Z][\w'\u2019-]* ){1,4}is an? (?:[\w-]+ ){0,3}?"
    rf"(?i:{RESIDENCE_WORDS})\b(?![^.]{{0,40}}\b(?i:and|with) (?:an? |our )?(?i:iop|outpatient))"
)
TREATMENT_WORDS = re.compile(r"\b(?:treatment|outpatient|iop|counseling|therapy)\b", re.I)
OUR_PROGRAM = re.compile(r"\bour (?:[\w-]+ ){0,2}(?:iop|intensive outpatient)", re.I)


def _under_a_logo(root: HtmlElement) -> list[str]:
    """Where a site builder's logo is the page's ``h1`` (a link home), the first ``h2`` titles
    the page: its words and the words under it ("This Program Has Ended")."""
    first = root.xpath("(//h1)[1]")
    if not first or not _a_logo(first[0]):
        return []
    return [
        text
        for heading in root.xpath("(//h2)[1]")
        for text in (
            " ".join(f"{heading.text_content()} {_after(heading)}".split()),
            _after(heading),
        )
    ]


def _after(heading: HtmlElement, length: int = 300) -> str:
    words = heading.xpath(
        "following::text()[not(ancestor::script or ancestor::style or ancestor::nav"
        " or ancestor::footer)]"
    )
    return " ".join(" ".join(words).split())[:length]


def _under_the_title(root: HtmlElement, length: int = 300) -> str:
    """The first words of the page's text after its main heading."""
    return next((_after(heading, length) for heading in root.xpath("(//h1)[1]")), "")


def _a_logo(heading: HtmlElement) -> bool:
    """A heading that is only a link to the home page: a site builder's logo."""
    links = heading.xpath(".//a/@href")
    text = " ".join(heading.text_content().split())
    linked = " ".join(" ".join(heading.xpath(".//a//text()")).split())
    return len(links) == 1 and urlsplit(links[0]).path in ("", "/") and text == linked


# A blog's dated permalink: "/2024/05/summer-iop-schedule/".
DATED_PERMALINK = re.compile(r"^/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/[\w-]+")


def _dated_under_its_title(root: HtmlElement, permalink: bool = False) -> bool:
    """A post's byline: the main heading's next line is a date and nothing else ("October
    30, 2026", "By Ana Ruiz | March 3, 2026"); a program page's "Updated March 3" is not. At
    a blog's dated permalink, a byline under a program's title too ("Our summer IOP
    schedule")."""
    for heading in root.xpath("(//h1)[1]"):
        if not permalink and _a_programs_title(" ".join(heading.text_content().split())):
            return False  # "Intensive Outpatient Program", then its next cohort's date
        line = heading.getnext()
        if line is None:
            return False
        text = " ".join(line.text_content().split())
        return bool(BYLINE.fullmatch(text)) and numbers.first_date(text) is not None
    return False


BYLINE = re.compile(
    rf"(?:(?:by|posted by)\s[\w .'\u2019-]{{1,40}}?\s*[|\u2022\u00b7,\u2013\u2014-]\s*)?"
    rf"(?:posted(?: on)?\s)?{numbers.MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    # its author after it: "Posted on June 14, 2023 by Dana Whitlock, LCADC"
    r"(?:\s+by\s[\w .,'\u2019-]{1,50})?",
    re.I,
)


# Pages that state nothing of the program, not even its openings.
STATING_NOTHING = (
    PageKind.CAREERS,
    PageKind.TESTIMONIALS,
    PageKind.PEOPLE,
    PageKind.RESOURCES,
    PageKind.RESIDENCE,
    PageKind.ENDED,
    PageKind.PLANNED,
    PageKind.OUTREACH,
    PageKind.DRAFT,
)


def read_html(html: str | bytes, *, crawl_date: date, url: str | None = None) -> PageReading:
    """Read one page: its facts, its availability statements (dated), its language."""
    root = parse(html)
    lang = (root.get("lang") or "").lower()
    body = root.find("body")
    if body is None:
        body = root
    date_source = [s for s in segments(body)]  # before noise is dropped: dates sit in footers
    stated_date = page_date(root, date_source, crawl_date)
    marked = json_ld(root)  # before the noise goes: the markup is a script
    kind = page_kind(root, url, marked)
    marked_faq = _marked_questions(marked)
    _drop_noise(body)
    headed = headed_segments(body)
    shown = " ".join(" ".join(segment.split()) for segment, _ in headed)
    for question, answer in marked_faq:
        if answer not in shown:  # an FAQ only in the markup: its answers are the site's too
            headed += [(question, 0), (answer, 0)]
    text = [segment for segment, _ in headed]
    if kind in STATING_NOTHING:
        return PageReading(url=url, kind=kind)
    reading = read_text(
        text,
        crawl_date=crawl_date,
        page_date=stated_date,
        url=url,
        facts_too=kind is PageKind.PROGRAM,
        headings=[is_heading for _, is_heading in headed],
    )
    reading.kind = kind
    if kind is PageKind.PROGRAM:
        _read_seals(body, reading)
    if lang.startswith("es") and kind is PageKind.PROGRAM:
        reading.add("languages.spanish", True)
    return reading


def _marked_questions(marked: list[Any]) -> list[tuple[str, str]]:
    """The questions and answers of a page's FAQPage markup (its JSON-LD), as plain text."""
    found = []
    for data in marked:
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack += item
            elif isinstance(item, dict):
                if item.get("@type") == "Question" and isinstance(item.get("acceptedAnswer"), dict):
                    question = _plain(str(item.get("name") or ""))
                    answer = _plain(str(item["acceptedAnswer"].get("text") or ""))
                    if question and answer:
                        found.append((question, answer))
                else:
                    stack += [value for value in item.values() if isinstance(value, list | dict)]
    return found[::-1]


def _plain(markup: str) -> str:
    """Text of an answer that may be written in HTML."""
    if "<" in markup:
        markup = lxml.html.fromstring(f"<div>{markup}</div>").text_content()
    return " ".join(markup.split())


ACCREDITING = [phrase for phrase in PHRASES if phrase.path == "accreditations"]


def _read_seals(body: HtmlElement, reading: PageReading) -> None:
    """An accreditation shown only as its seal: the image's text ("CARF Accredited"). A seal
    is under no heading of the text read before it (a footer's last office's name)."""
    reading.heading = ""
    for alt in body.xpath(".//img/@alt"):
        for phrase in ACCREDITING:
            if re.search(phrase.pattern, alt, re.I):
                reading.add("accreditations", [phrase.item], f"[seal] {' '.join(alt.split())}")
