"""The sites file data staff edit: rows checked with reasons, added without duplicates, and
read by the generic website spider as its arguments."""

from __future__ import annotations

import string
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scrapy.utils.test import get_crawler

from crawler.listing import build_facility
from crawler.sites import (
    Site,
    SiteRowError,
    add_site,
    read_sites,
    sites_from_feeds,
    source_for,
    write_sites,
)
from crawler.spiders.website import WebsiteSpider
from iop.feeds import write_feed

HEADER = "source,start_url,sitemap_url,scope,locations_page,base_url,spider,notes\n"


def test_a_bad_row_is_reported_with_file_line_and_reason_and_the_others_load(
    tmp_path: Path,
) -> None:
    file = tmp_path / "sites.csv"
    file.write_text(
        "# a comment line, kept out\n"
        + HEADER
        + "good,https://good.example/,,,,,,\n"
        + "nourl,,,,,,,no URL at all\n"
        + "\n"
        + "ftp,ftp://files.example/,,,,,,\n"
        + "scoped,https://scoped.example/,,iop,,,,\n"
        + "mixed,https://one.example/,https://two.example/sitemap.xml,,,,,\n"
        + "Bad Name,https://bad.example/,,,,,,\n"
        + "again,https://good.example/,,,,,,\n"
        + "copy,https://copy.example/,,,,http://127.0.0.1:8000/somewhere,,\n"
    )
    sites, problems = read_sites(file)
    assert [site.source for site in sites] == ["good"]
    assert [(p.file, p.line) for p in problems] == [
        (str(file), 4), (str(file), 6), (str(file), 7), (str(file), 8), (str(file), 9),
        (str(file), 10), (str(file), 11),
    ]  # fmt: skip
    reasons = [problem.reason for problem in problems]
    assert reasons[0] == "give start_url or sitemap_url"
    assert "not an http(s) URL" in reasons[1]
    assert "scope 'iop' is not a path" in reasons[2]
    assert "different hosts" in reasons[3]
    assert "source 'Bad Name'" in reasons[4]
    assert "good.example (scope /) is already a site: good" in reasons[5]
    assert "base_url is an origin only" in reasons[6]
    assert str(problems[0]).startswith(f"{file}:4: ")


def test_an_unknown_column_is_named(tmp_path: Path) -> None:
    file = tmp_path / "sites.csv"
    file.write_text("source,start_url,website\nx,https://x.example/,\n")
    sites, problems = read_sites(file)
    assert sites == []
    assert "unknown column(s) website" in str(problems[0])


def test_add_appends_a_checked_row_and_refuses_a_site_already_there(tmp_path: Path) -> None:
    file = tmp_path / "new" / "sites.csv"
    first = add_site(file, {"start_url": "https://www.harbor.example/"})
    assert first.source == "harbor_example"  # from the host
    add_site(file, {"start_url": "https://www.harbor.example/iop/", "scope": "/iop/"})
    before = file.read_text()
    with pytest.raises(SiteRowError, match=r"sites\.csv:4: not added: .*already a site"):
        add_site(file, {"start_url": "https://www.harbor.example/", "source": "other"})
    with pytest.raises(SiteRowError, match="source 'harbor_example' is already a site"):
        add_site(file, {"start_url": "https://elsewhere.example/", "source": "harbor_example"})
    with pytest.raises(SiteRowError, match="give start_url or sitemap_url"):
        add_site(file, {"source": "nothing"})
    assert file.read_text() == before  # a refused row changes nothing
    sites, problems = read_sites(file)
    assert problems == []
    assert [(s.source, s.scope) for s in sites] == [
        ("harbor_example", ""),
        ("harbor_example_iop", "/iop/"),
    ]


hosts = st.from_regex(r"[a-z][a-z0-9-]{0,12}\.example", fullmatch=True)
paths = st.lists(
    st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=8), max_size=3
).map(lambda parts: "/" + "".join(part + "/" for part in parts))


@st.composite
def site_rows(draw: st.DrawFn) -> Site:
    host = draw(hosts)
    scope = draw(st.sampled_from(["", draw(paths)]))
    origin = f"https://{host}"
    return Site(
        source=draw(st.sampled_from(["", "program_" + host.split(".")[0].replace("-", "_")])),
        start_url=origin + (scope or "/"),
        sitemap_url=draw(
            st.sampled_from(["", f"{origin}/sitemap.xml", f"{origin}/a.xml {origin}/b.xml"])
        ),
        scope=scope,
        locations_page=draw(st.sampled_from(["", "/locations/"])),
        base_url=draw(st.sampled_from(["", "http://127.0.0.1:8123"])),
        notes=draw(st.text(string.printable, max_size=30)),
    )


def _source_of(row: Site) -> str:
    return row.source or source_for(row.start_url, row.scope)


# (two hosts may name one source, "a-b.example" and "a--b.example": a second such row is
# refused, as test_add_appends_a_checked_row_and_refuses_a_site_already_there says; these
# rows are all valid)
@given(rows=st.lists(site_rows(), min_size=1, max_size=5, unique_by=(lambda s: s.host, _source_of)))
def test_every_valid_row_reads_back_as_written(
    rows: list[Site], tmp_path_factory: pytest.TempPathFactory
) -> None:
    file = tmp_path_factory.mktemp("sites") / "sites.csv"
    named = [row if row.source else replace(row, source=_source_of(row)) for row in rows]
    write_sites(file, named)
    sites, problems = read_sites(file)
    assert problems == []
    assert sites == [
        replace(row, notes=" ".join(row.notes.split())) for row in named
    ]  # a note is written on one line


def spider(**arguments: str) -> WebsiteSpider:
    crawler = get_crawler(WebsiteSpider)
    crawler.stats.open_spider()
    made: WebsiteSpider = WebsiteSpider.from_crawler(crawler, **arguments)
    return made


def test_url_arguments_are_split_on_commas_not_iterated_by_character() -> None:
    site = spider(
        start_urls="https://www.a.example/",
        sitemap_urls="https://www.a.example/one.xml, https://www.a.example/two.xml",
        scope="/iop/,/recovery/",
    )
    assert site.sitemap_urls == ("https://www.a.example/one.xml", "https://www.a.example/two.xml")
    assert site.start_urls == ["https://www.a.example/"]
    assert site.scope == ("/iop/", "/recovery/")
    assert site.source == "a_example_iop_recovery"  # none given: from the host and scope


def test_the_sitemap_keeps_to_the_site_and_its_scope_and_fetches_from_the_copy() -> None:
    site = spider(
        start_urls="https://www.a.example/iop/",
        scope="/iop/",
        base_url="http://127.0.0.1:9999",
        source="a",
    )
    entries = [
        {"loc": "https://www.a.example/iop/"},
        {"loc": "https://www.a.example/iop/admissions/"},
        {"loc": "https://www.a.example/dental/"},  # out of scope
        {"loc": "https://other.example/iop/"},  # another host
        {"loc": "https://www.a.example/iop/brochure.pdf"},  # not a page
        {"loc": "https://www.a.example/sitemap-pages.xml"},  # a sitemap: followed whatever its path
    ]
    kept = [entry["loc"] for entry in site.sitemap_filter(entries)]
    assert kept == [
        "http://127.0.0.1:9999/iop/",
        "http://127.0.0.1:9999/iop/admissions/",
        "http://127.0.0.1:9999/sitemap-pages.xml",
    ]


def listing(ref: str, website: str | None) -> object:
    return build_facility(
        source="findtreatment",
        ref=ref,
        url="http://127.0.0.1:1/locator",
        fetched_at=datetime.now(UTC),
        facts={"name": f"Program {ref}", "website": website},
    )


def test_the_locators_websites_become_sites_loopback_only_unless_allowed(tmp_path: Path) -> None:
    feed = tmp_path / "findtreatment.ndjson"
    write_feed(feed, [  # type: ignore[list-item]
        listing("a", "http://127.0.0.1:8001/"),
        listing("b", "http://127.0.0.1:8001/"),  # a chain's second listing: one site
        listing("c", "http://127.0.0.1:8002/locations/mesa/"),
        listing("d", "https://www.program.example/"),
        listing("e", None),
        listing("f", "https://www.listed.example/"),
    ])  # fmt: skip
    known = [Site(source="listed", start_url="https://www.listed.example/")]
    offline = sites_from_feeds([feed], known, crawl_internet=False)
    assert [(s.start_url, s.scope, s.listed_by, s.origin) for s in offline.sites] == [
        ("http://127.0.0.1:8001/", "", "findtreatment:a", "locator"),
        ("http://127.0.0.1:8002/locations/mesa/", "/locations/mesa/", "findtreatment:c", "locator"),
    ]
    assert offline.not_crawled == {
        "already a site": 1,
        "on the internet (IOP_CRAWL_LOCATOR_WEBSITES is off)": 2,
    }
    online = sites_from_feeds([feed], known, crawl_internet=True)
    assert [s.start_url for s in online.sites][-1] == "https://www.program.example/"
    assert online.not_crawled == {"already a site": 2}  # listing b's site, and the known one


def test_a_note_over_two_lines_keeps_the_next_rows_line_number(tmp_path: Path) -> None:
    file = tmp_path / "sites.csv"
    file.write_text(
        HEADER
        + 'a,https://a.example/,,,,,,"first line\n# not a comment: inside the note"\n'
        + "b,,,,,,,\n"
    )
    sites, problems = read_sites(file)
    assert [site.notes for site in sites] == ["first line\n# not a comment: inside the note"]
    assert [str(problem) for problem in problems] == [f"{file}:4: give start_url or sitemap_url"]


def test_a_listing_cannot_aim_the_crawler_inside_its_network() -> None:
    from crawler.sites import is_public_host

    for inside in ("http://10.0.0.5/", "http://169.254.169.254/latest/", "http://elasticsearch:9200/",
                   "http://[::1]/", "http://printer.local/", "http://192.168.1.1/"):  # fmt: skip
        assert not is_public_host(inside), inside
    assert is_public_host("https://www.example-recovery.org/")
    assert is_public_host("http://8.8.8.8/")
