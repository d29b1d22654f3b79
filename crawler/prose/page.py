"""From an HTML page to the text segments the reader reads, and the date the page states.

Only what the program says in its own voice is kept: scripts, styles, navigation, forms (an
insurance drop-down lists every insurer, accepted or not), testimonials and link-only blocks
(menus, buttons: "IOP" in a menu is not a statement) are dropped. A list becomes one segment
together with the sentence that leads into it ("We accept: Medicaid; Medicare"), so that the
lead's context (accepting, denying) applies to every item.
"""

from __future__ import annotations

import re
from datetime import date

import lxml.html
from lxml.html import HtmlElement

from crawler.prose import numbers
from crawler.prose.reader import PageReading, read_text

DROPPED_TAGS = (
    "script", "style", "noscript", "template", "nav", "form", "select", "button", "svg",
    "blockquote", "iframe", "head",
)  # fmt: skip
# Testimonials and reviews: clients' words, not the program's.
TESTIMONIAL = re.compile(r"testimonial|review|quote|story|stories", re.I)
BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "li", "ul", "ol",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "dl", "dt", "dd", "address",
    "figcaption", "summary", "details", "body", "br",
}  # fmt: skip
UPDATED = re.compile(
    r"(?:last\s+)?(?:updated|reviewed|revised|as of|actualizado|actualización)\s*(?:on|:)?\s*",
    re.I,
)
ARTICLE_PATH = re.compile(r"/(?:blog|news|posts?|articles?)/[^/]+", re.I)


def parse(html: str | bytes) -> HtmlElement:
    return lxml.html.fromstring(html)


def _drop_noise(root: HtmlElement) -> None:
    for element in root.xpath("//*"):
        if not isinstance(element.tag, str):
            element.drop_tree()  # comments, processing instructions
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if element.tag in DROPPED_TAGS or (marker.strip() and TESTIMONIAL.search(marker)):
            element.drop_tree()
    for link in root.xpath("//a"):
        parent = link.getparent()
        if parent is None:
            continue
        # A link that is all its block says is a menu entry or a button.
        rest = (parent.text_content() or "").replace(link.text_content() or "", "", 1)
        others = "".join(a.text_content() for a in parent.xpath("./a") if a is not link)
        if not re.sub(r"[\W_]+", "", rest.replace(others, "")):
            link.drop_tree()


def _text(element: HtmlElement) -> str:
    return " ".join((element.text_content() or "").split())


def segments(root: HtmlElement) -> list[str]:
    """The page's text as segments: one per block, lists joined to their lead sentence."""
    out: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("ul", "ol"):
            items = [_text(li) for li in element.xpath("./li") if _text(li)]
            if not items:
                continue
            lead = _lead(element)
            joined = "; ".join(item.rstrip(".;") for item in items)
            out.append(f"{lead} {joined}." if lead else joined + ".")
            continue
        if element.tag in ("dt", "th") and element.getnext() is not None:
            out.append(f"{_text(element)}: {_text(element.getnext())}")
            continue
        if element.tag in BLOCK_TAGS and element.tag not in ("li", "dd", "td", "tr"):
            own = _own_text(element)
            if own:
                out.append(own)
    return out


def _own_text(element: HtmlElement) -> str:
    """Text of ``element`` outside its child blocks (children blocks are segments of their own)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
            parts.append("\n")
        elif isinstance(child.tag, str):
            parts.append(child.text_content() or "")
        parts.append(child.tail or "")
    text = " ".join("".join(parts).split())
    return text if re.search(r"\w", text) else ""


def _lead(list_element: HtmlElement) -> str:
    previous = list_element.getprevious()
    if previous is None:
        parent = list_element.getparent()
        text = (parent.text or "") if parent is not None and parent.tag not in ("body",) else ""
    else:
        text = _text(previous)
    text = " ".join(text.split())
    if not text:
        return ""
    last = re.split(r"(?<=[.!?])\s+", text)[-1]
    return last if last.endswith(":") else last.rstrip(".") + ":"


def page_date(root: HtmlElement, text_segments: list[str]) -> date | None:
    """The date the page says it was updated: visible text first, then markup."""
    for segment in text_segments:
        match = UPDATED.search(segment)
        if match:
            day = numbers.first_date(segment[match.end() : match.end() + 40])
            if day is not None:
                return day
    candidates = root.xpath(
        "//meta[@property='article:modified_time']/@content"
        "|//meta[@itemprop='dateModified']/@content"
        "|//meta[@property='article:published_time']/@content"
        "|//time/@datetime"
    )
    for value in candidates:
        day = numbers.first_date(str(value)[:10])
        if day is not None:
            return day
    return None


def is_article(root: HtmlElement, url: str | None) -> bool:
    """Blog posts and news talk about IOPs in general; only their availability news is read."""
    kind = root.xpath("string(//meta[@property='og:type']/@content)").strip().lower()
    return kind == "article" or bool(url and ARTICLE_PATH.search(url))


def read_html(html: str | bytes, *, crawl_date: date, url: str | None = None) -> PageReading:
    """Read one page: its facts, its availability statements (dated), its language."""
    root = parse(html)
    lang = (root.get("lang") or "").lower()
    body = root.find("body")
    if body is None:
        body = root
    date_source = [s for s in segments(body)]  # before noise is dropped: dates sit in footers
    stated_date = page_date(root, date_source)
    _drop_noise(body)
    text = segments(body)
    reading = read_text(
        text,
        crawl_date=crawl_date,
        page_date=stated_date,
        url=url,
        facts_too=not is_article(root, url),
    )
    if lang.startswith("es") and not is_article(root, url):
        reading.add("languages.spanish", True)
    return reading
