"""Program website spiders on loopback copies of sites: robots.txt, sitemaps, adapters, dates.

The fixture sites are crawled once (``tests.crawler.site_crawls``); the real program's site is
served from ``../shared/realworld/sites/dmhiop`` (skipped when absent).
"""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.prose.reader import sentences
from replica.static_sites import serve_site
from tests.crawler.site_crawls import (
    FIXTURE_SITES,
    PRODUCT_SITES_FILE,
    REAL_SITES,
    SiteCrawl,
    crawl_fixture_sites,
    crawl_sites,
    site_rows,
)


@pytest.fixture(scope="module")
def crawls() -> dict[str, SiteCrawl]:
    return crawl_fixture_sites()


def only(crawl: SiteCrawl) -> dict[str, Any]:
    assert len(crawl.facilities) == 1, [f["sources"][0]["ref"] for f in crawl.facilities]
    return crawl.facilities[0]


def by_ref(crawl: SiteCrawl) -> dict[str, dict[str, Any]]:
    return {facility["sources"][0]["ref"]: facility for facility in crawl.facilities}


# robots.txt and sitemaps


@pytest.mark.parametrize(
    ("site", "disallowed"),
    [("mesa_verde", "/patient-portal/"), ("harbor_light", "/staff/"), ("new_dawn", "/donate/")],
)
def test_paths_disallowed_by_robots_txt_are_never_fetched(
    crawls: dict[str, SiteCrawl], site: str, disallowed: str
) -> None:
    requests = crawls[site].requests
    assert requests[0] == "/robots.txt"
    assert not any(path.startswith(disallowed) for path in requests)
    assert crawls[site].stats.get("robotstxt/forbidden", 0) >= 1


def test_the_disallowed_pages_facts_stay_out(crawls: dict[str, SiteCrawl]) -> None:
    facility = only(crawls["mesa_verde"])
    assert facility["detox"]["detox_onsite"] is None
    assert facility["levels_of_care"]["residential"] is None
    assert facility["payment"]["military_insurance"] is None  # TRICARE is only in a drop-down


def test_broken_sitemap_falls_back_to_links_from_the_home_page(
    crawls: dict[str, SiteCrawl],
) -> None:
    crawl = crawls["canyon_creek"]
    assert crawl.stats.get("canyon_creek/sitemap_fallback") == 1
    assert {"/", "/about", "/services", "/contact"} <= set(crawl.requests)
    assert "/staff-login" not in crawl.requests  # links are followed, robots.txt still obeyed
    facility = only(crawl)
    assert facility["levels_of_care"]["iop"] is True
    assert facility["detox"]["detox_outpatient"] is True
    assert facility["payment"]["medicaid"] is True


def test_refs_and_urls_are_the_real_sites_not_loopback(crawls: dict[str, SiteCrawl]) -> None:
    for crawl in crawls.values():
        for facility in crawl.facilities:
            text = str(facility)
            assert "127.0.0.1" not in text, crawl.site


# Adapters


def test_locator_site_gives_one_facility_per_clinic(crawls: dict[str, SiteCrawl]) -> None:
    clinics = by_ref(crawls["sunrise_ridge"])
    base = "https://sunriseridgebh.example/locations/"
    assert set(clinics) == {f"{base}phoenix-central/", f"{base}mesa/", f"{base}tucson/"}
    # The sitemap misses Tucson; the locations page leads to it.
    tucson = clinics[f"{base}tucson/"]
    assert tucson["address"]["postal_code"] == "85719"
    assert tucson["languages"]["spanish"] is True
    assert clinics[f"{base}mesa/"]["languages"]["spanish"] is None
    # The shared insurance page speaks for every clinic.
    assert all(clinic["payment"]["medicaid"] is True for clinic in clinics.values())
    assert clinics[f"{base}mesa/"]["availability"]["accepting_new_patients"] is False


def test_paginated_directory_gives_one_facility_per_detail_page(
    crawls: dict[str, SiteCrawl],
) -> None:
    crawl = crawls["ohio_recovery_directory"]
    programs = by_ref(crawl)
    assert len(programs) == 7
    assert "/programs/page/3/" in crawl.requests
    summit = programs["https://www.ohiorecoverydirectory.example/programs/summit-path-iop/"]
    assert summit["name"] == "Summit Path IOP"
    assert summit["payment"]["medicaid"] is False  # "Medicaid: Not accepted"
    assert all(p["name"] != "Ohio Recovery Directory" for p in programs.values())


# What the prose says


def test_negations_are_read_as_not_offered(crawls: dict[str, SiteCrawl]) -> None:
    facility = only(crawls["blue_heron"])
    assert facility["detox"]["detox_onsite"] is False
    assert facility["detox"]["detox_referral"] is True
    assert facility["medications"]["mat_methadone"] is False
    assert facility["medications"]["mat_buprenorphine"] is True
    assert facility["medications"]["mat_naltrexone"] is None  # only a client review names it
    assert facility["payment"]["medicaid"] is False
    assert facility["payment"]["medicare"] is False
    assert facility["schedule"]["weekend"] is False
    assert facility["intake"]["walk_in"] is False
    assert facility["access"]["telehealth"] is False


def test_availability_with_the_date_the_page_states(crawls: dict[str, SiteCrawl]) -> None:
    facility = only(crawls["mesa_verde"])
    availability = facility["availability"]
    assert availability["days_to_intake"] == 2  # "within 48 hours"
    assert availability["as_of"] == "2026-03-03"  # "Updated March 3, 2026"
    assert availability["source"] == "mesa_verde"
    assert availability["statement"] == "Next available intake within 48 hours of your first call."
    assert facility["provenance"]["availability.days_to_intake"]["as_of"] == "2026-03-03"
    assert facility["provenance"]["levels_of_care.iop"]["as_of"] is None


def test_the_most_recent_availability_statement_wins(crawls: dict[str, SiteCrawl]) -> None:
    availability = only(crawls["clearwater"])["availability"]
    # The news post of March 2 (article:modified_time) beats the admissions page's February 20.
    assert availability["as_of"] == "2026-03-02"
    # "Next available intake: Monday, March 9": taking people, on a day, no wait in days
    assert availability.get("days_to_intake") is None
    assert availability["accepting_new_patients"] is True
    assert availability["url"].endswith("/news/now-accepting-daytime-clients/")


def test_waitlist_range_is_read_as_its_upper_bound(crawls: dict[str, SiteCrawl]) -> None:
    availability = only(crawls["harbor_light"])["availability"]
    assert availability["days_to_intake"] == 21  # "2-3 weeks"
    assert availability["as_of"] == "2026-02-27"  # <time datetime="2026-02-27">


def test_undated_availability_holds_as_of_the_crawl(crawls: dict[str, SiteCrawl]) -> None:
    facility = only(crawls["prairie_path"])
    assert facility["availability"]["days_to_intake"] == 0  # "Same-day assessments"
    assert facility["availability"]["as_of"] == datetime.now(UTC).date().isoformat()
    assert facility["provenance"]["availability.days_to_intake"]["as_of"] is None


def test_virtual_program_public_and_spanish_programs(crawls: dict[str, SiteCrawl]) -> None:
    virtual = only(crawls["anchor_point"])
    assert virtual["access"]["virtual_only"] is True
    assert virtual["access"]["licensed_states"] == ["CO", "UT", "AZ", "NM"]
    assert only(crawls["alder_county"])["ownership"] == "public_local"
    spanish = only(crawls["casa_esperanza"])
    assert spanish["languages"]["spanish"] is True
    assert spanish["detox"]["detox_onsite"] is False  # "No ofrecemos desintoxicación en el sitio"
    assert only(crawls["new_dawn"])["ownership"] == "private_non_profit"


# The loopback static host


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.url
    except urllib.error.HTTPError as error:
        return error.code, url


def test_static_host_serves_clean_urls_redirects_and_hides_its_config(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<h1>home</h1>")
    (tmp_path / "mat.html").write_text("<h1>mat</h1>")
    (tmp_path / "about.html").write_text("<h1>about</h1>")
    (tmp_path / "expected.json").write_text("{}")
    (tmp_path / "_redirects").write_text("/mat /mat.html 301\n/old-about /about 302\n")
    log: list[str] = []
    with serve_site(tmp_path, log) as base_url:
        assert fetch(f"{base_url}/mat") == (200, f"{base_url}/mat.html")  # the rule
        assert fetch(f"{base_url}/about") == (200, f"{base_url}/about")  # clean URL
        assert fetch(f"{base_url}/old-about") == (200, f"{base_url}/about")
        assert fetch(f"{base_url}/_redirects")[0] == 404
        assert fetch(f"{base_url}/expected.json")[0] == 404
        assert fetch(f"{base_url}/missing")[0] == 404
    assert log[:2] == ["/mat", "/mat.html"]


# The real program's site


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> SiteCrawl:
    folder = REAL_SITES / "dmhiop"
    if not folder.exists():
        pytest.skip("../shared/realworld is not present")
    workdir = tmp_path_factory.mktemp("dmhiop")
    row = site_rows(PRODUCT_SITES_FILE)["dmhiop"]  # the product's own row for it
    return crawl_sites({"dmhiop": (folder, row)}, workdir)["dmhiop"]


@pytest.mark.realworld
def test_real_program_site_is_one_facility_with_what_it_states(real_site: SiteCrawl) -> None:
    facility = only(real_site)
    assert facility["sources"][0]["ref"] == "https://dmhiop.com/"
    assert facility["name"] == "Desert Mountain Healing IOP"
    assert facility["address"] == {
        "street1": "3301 Southern Blvd SE",
        "street2": "Suite 105",
        "city": "Rio Rancho",
        "state": "NM",
        "postal_code": "87124",
    }
    assert facility["location"]["lat"] == pytest.approx(35.233154)
    assert facility["location"]["lon"] == pytest.approx(-106.666221)
    assert facility["location"]["source"] == "schema.org"
    assert facility["phones"][0]["number"] == "+15052700840"
    assert facility["schedule"]["opening_hours"] == ["Mo-Fr 08:00-20:00"]
    assert facility["levels_of_care"]["iop"] is True
    assert facility["schedule"]["evening"] is True
    assert facility["schedule"]["daytime"] is True  # "morning and evening programs"
    assert facility["medications"]["mat_buprenorphine"] is True  # Suboxone, Sublocade
    assert facility["medications"]["mat_naltrexone"] is True  # Vivitrol
    assert facility["medications"]["mat_methadone"] is None  # the site never says
    assert facility["detox"]["detox_outpatient"] is True
    assert facility["payment"]["medicaid"] is True
    assert facility["payment"]["private_insurance"] is True
    assert facility["ownership"] == "private_for_profit"  # "© 2026 ... IOP, LLC"
    assert facility["availability"]["days_to_intake"] == 0  # "Same-day assessments available"
    assert facility["provenance"]["levels_of_care.iop"]["source"] == "dmhiop"


@pytest.mark.realworld
def test_real_site_clean_urls_are_redirected_like_its_host(real_site: SiteCrawl) -> None:
    # The sitemap lists /mat; the host's _redirects send it to /mat.html.
    assert "/mat" in real_site.requests
    assert "/mat.html" in real_site.requests
    assert real_site.requests[0] == "/robots.txt"
    assert not any(path.startswith(("/admin", "/js/")) for path in real_site.requests)


def test_a_fact_read_from_a_page_quotes_the_sentence_it_came_from(
    crawls: dict[str, SiteCrawl],
) -> None:
    """A referrer can see why the directory says "no methadone": the page's own words."""
    facility = only(crawls["blue_heron"])
    provenance: dict[str, dict[str, Any]] = facility["provenance"]
    site = FIXTURE_SITES / "blue_heron"
    pages = " ".join(
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", p.read_text())).split())
        for p in site.rglob("*.html")
    )
    for path, word in [
        ("medications.mat_methadone", "methadone"),
        ("detox.detox_onsite", "detox"),
        ("payment.medicaid", "medicaid"),
    ]:
        said = provenance[path].get("evidence")
        assert said and word in said.lower(), (path, said)
        # The page's own words, not a paraphrase: each sentence of it (an FAQ's answer comes
        # with its question, from the element before).
        assert all(sentence in pages for sentence in sentences(said)), (path, said)
        assert provenance[path]["url"].startswith("https://blueheronwellness.example/")
    assert provenance["name"].get("evidence") is None  # markup, not a sentence
