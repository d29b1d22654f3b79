"""``iop sites add``, ``iop sites list`` and ``iop crawl websites``, as data staff run them.

Each command runs in its own process on sites served on loopback (a copy fetched through
``--base-url``), with its working files in a temporary ``IOP_VAR_DIR``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iop.paths import PROJECT_ROOT
from replica.static_sites import serve_site

SITES = PROJECT_ROOT / "data" / "fixtures" / "sites"
BLIND_SITES = PROJECT_ROOT / "data" / "fixtures" / "blind_sites"


def iop(*argv: str, work: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IOP_VAR_DIR": str(work / "var")}
    env["IOP_SITES_FILE"] = str(work / "sites.csv")
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *argv],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sites-command")


def test_add_appends_the_row_and_says_what_the_test_crawl_read(work: Path) -> None:
    with serve_site(SITES / "prairie_path") as base_url:
        done = iop("sites", "add", "https://prairiepathcounseling.example/",
                   "--base-url", base_url,
                   "--out", str(work / "prairie.ndjson"), work=work)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "added prairiepathcounseling_example" in done.stdout
    assert "1 facilities" in done.stdout
    assert "Prairie Path Counseling — " in done.stdout  # name, then its address
    assert "Lincoln, NE, 68508" in done.stdout
    assert " facts (https://prairiepathcounseling.example/)" in done.stdout
    rows = (work / "sites.csv").read_text().splitlines()
    assert rows[0].startswith("source,start_url,sitemap_url,scope")
    assert rows[1].startswith("prairiepathcounseling_example,https://prairiepathcounseling")
    feed = [json.loads(line) for line in (work / "prairie.ndjson").read_text().splitlines()]
    assert feed[0]["sources"][0]["source"] == "prairiepathcounseling_example"


def test_adding_the_same_site_again_is_refused_naming_file_and_row(work: Path) -> None:
    before = (work / "sites.csv").read_text()
    done = iop("sites", "add", "https://prairiepathcounseling.example/", "--no-crawl", work=work)
    assert done.returncode == 1
    assert f"{work / 'sites.csv'}:3: not added: " in done.stderr
    assert "is already a site (https://prairiepathcounseling.example/)" in done.stderr
    assert (work / "sites.csv").read_text() == before


def test_a_bad_url_is_refused_with_its_reason(work: Path) -> None:
    done = iop("sites", "add", "prairiepath", "--no-crawl", work=work)
    assert done.returncode == 1
    assert "start_url 'prairiepath' is not an http(s) URL with a host" in done.stderr


def test_the_test_crawl_shows_each_quarantined_record_and_why(work: Path) -> None:
    # Labelled as a site without an address: what it says cannot serve a referral.
    with serve_site(BLIND_SITES / "quiet_pines") as base_url:
        done = iop("sites", "add", "https://quietpinesrecovery.example/",
                   "--source", "quiet_pines", "--base-url", base_url,
                   "--out", str(work / "pines.ndjson"), work=work)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "quiet_pines: 0 facilities" in done.stdout
    assert "  quarantined: " in done.stdout
    assert "(1 quarantined: " in done.stdout


def test_list_shows_the_rows_and_the_ones_left_out(work: Path) -> None:
    sites = work / "sites.csv"
    sites.write_text(sites.read_text() + "broken,not-a-url,,,,,,\n")
    done = iop("sites", "list", work=work)
    assert done.returncode == 0, done.stderr
    listed = "prairiepathcounseling_example: https://prairiepathcounseling.example/ (fetched"
    assert listed in done.stdout
    assert "left out: " in done.stdout and ":4: start_url 'not-a-url'" in done.stdout
    assert "2 sites in " in done.stdout


def test_crawl_websites_crawls_every_row_into_one_feed(work: Path) -> None:
    # The rows point at copies that are no longer served: rewrite them for new copies.
    sites = work / "sites.csv"
    with serve_site(SITES / "prairie_path") as prairie, serve_site(SITES / "blue_heron") as heron:
        sites.write_text(
            "source,start_url,base_url\n"
            f"prairie_path,https://prairiepathcounseling.example/,{prairie}\n"
            f"blue_heron,https://blueheronwellness.example/,{heron}\n"
            "broken,not-a-url,\n"
        )
        done = iop("crawl", "websites", "--out", str(work / "websites.ndjson"), work=work)
    assert done.returncode == 0, done.stderr
    assert "2 facilities from 2 sites" in done.stdout
    assert "left out: " in done.stdout
    lines = (work / "websites.ndjson").read_text().splitlines()
    names = {json.loads(line)["name"] for line in lines}
    assert names == {"Prairie Path Counseling", "Blue Heron Wellness"}
    run = json.loads((work / "websites.run.json").read_text())
    assert set(run["sites"]) == {"prairie_path", "blue_heron"}
    assert run["rejected_rows"] and ":4: " in run["rejected_rows"][0]


def test_crawl_source_crawls_one_row_by_its_name(work: Path) -> None:
    sites = work / "sites.csv"
    sites.write_text("source,start_url\nblue_heron,https://blueheronwellness.example/\n")
    with serve_site(SITES / "blue_heron") as base_url:
        done = iop("crawl", "blue_heron", "--base-url", base_url,
                   "--out", str(work / "heron.ndjson"), work=work)  # fmt: skip
    assert done.returncode == 0, done.stderr
    line = (work / "heron.ndjson").read_text().splitlines()[0]
    assert json.loads(line)["sources"][0]["ref"] == "https://blueheronwellness.example/"


def test_a_website_crawl_refuses_to_resume_rather_than_lose_facts(work: Path) -> None:
    """A site's facilities are built from all its pages at the end: a resumed crawl would build
    them from the pages left, so ``--jobdir`` is refused in words, never half a facility."""
    sites = work / "sites.csv"
    sites.write_text("source,start_url\nblue_heron,https://blueheronwellness.example/\n")
    for source in ("blue_heron", "websites"):
        done = iop("crawl", source, "--jobdir", str(work / "job"), "--out",
                   str(work / "resumed.ndjson"), work=work)  # fmt: skip
        assert done.returncode != 0
        assert "cannot resume without losing facts" in done.stderr
        assert "Traceback" not in done.stderr
    assert not (work / "resumed.ndjson").exists()
    # The spider itself refuses a job directory too, whoever runs it.
    generic = iop("crawl", "website", "-a", "start_url=https://blueheronwellness.example/",
                  "--jobdir", str(work / "job2"), "--out", str(work / "generic.ndjson"),
                  work=work)  # fmt: skip
    assert generic.returncode != 0 and "cannot resume" in generic.stderr
