"""Test mode only: the invented fixture programs as locator listings with websites, on loopback.

The real 2024 directory has no websites (the replica serves ``website: null``), so nothing would
show that the locator's ``website`` field brings a program's site into the crawl. In this mode
the replica also lists each labelled program of ``data/fixtures/sites`` (a program's own site,
not a directory of others) as a directory row whose ``website`` is its site's copy, served on a
loopback port here (:func:`replica.static_sites.serve_site`), at the labelled page. The demo
never turns it on: invented programs must not appear among real ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from iop.paths import DATA_DIR
from replica.static_sites import serve_site

FIXTURE_SITES = DATA_DIR / "fixtures" / "sites"
#: The service codes every fixture listing carries: substance use, outpatient, intensive.
FIXTURE_CODES = "SA * OP * OIT"


def program_sites() -> list[Path]:
    """Fixture sites of programs (their labels name a website), by folder."""
    sites = []
    for folder in sorted(p for p in FIXTURE_SITES.iterdir() if (p / "expected.json").exists()):
        labels = json.loads((folder / "expected.json").read_text())["facilities"]
        if any(label["facts"].get("website") for label in labels):
            sites.append(folder)
    return sites


def listing_rows(folder: Path, base_url: str) -> list[dict[str, str]]:
    """Directory rows (the CSV's columns, and ``website``) for a site's labelled programs."""
    rows = []
    labels = json.loads((folder / "expected.json").read_text())["facilities"]
    for number, label in enumerate(labels, 1):
        facts: dict[str, Any] = label["facts"]
        if not facts.get("website") or not facts.get("address.postal_code"):
            continue
        phones = facts.get("phones") or [""]
        phone = phones[0]["number"] if isinstance(phones[0], dict) else phones[0]
        digits = "".join(ch for ch in str(phone) if ch.isdigit())[-10:]
        rows.append({
            "facility_id": f"fixture_{folder.name}_{number}",
            "directory_type": "substance",
            "name1": facts.get("name", folder.name),
            "name2": "",
            "street1": facts.get("address.street1", ""),
            "street2": facts.get("address.street2", ""),
            "city": facts.get("address.city", ""),
            "state": facts.get("address.state", ""),
            "zip": facts["address.postal_code"],
            "phone": f"{digits[:3]}-{digits[3:6]}-{digits[6:]}" if digits else "",
            "intake1": "",
            "intake1a": "",
            "service_code_info": FIXTURE_CODES,
            "website": base_url + urlsplit(facts["website"]).path,
        })  # fmt: skip
    return rows


@contextmanager
def served_fixture_programs() -> Iterator[list[dict[str, str]]]:
    """Serve every fixture program's site on loopback; yields their directory rows."""
    with ExitStack() as stack:
        rows = []
        for folder in program_sites():
            rows += listing_rows(folder, stack.enter_context(serve_site(folder)))
        yield rows
