"""Normalise address parts: upper-case state codes, five-digit ZIPs, tidy whitespace."""

from __future__ import annotations

import re

from crawler.pipelines import CountingPipeline, count_problem
from iop.facility import Facility

ZIP_RE = re.compile(r"^(\d{3,5})(?:-?\d{4})?$")


def normalise_zip(raw: str) -> str | None:
    """``"2056"`` → ``"02056"`` (spreadsheets drop New England's leading zeros); ZIP+4 → ZIP."""
    match = ZIP_RE.match(raw.strip())
    return match.group(1).zfill(5) if match else None


def tidy(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(text.split()) or None


class AddressPipeline(CountingPipeline):
    def process_item(self, item: Facility) -> Facility:
        address = item.address
        address.street1 = tidy(address.street1)
        address.street2 = tidy(address.street2)
        address.city = tidy(address.city)
        item.name = tidy(item.name)
        if address.state:
            address.state = address.state.strip().upper()
        if address.postal_code:
            zip5 = normalise_zip(address.postal_code)
            if zip5 is None:
                count_problem(self.stats, item, "address.postal_code", "malformed")
            elif zip5 != address.postal_code:
                count_problem(self.stats, item, "address.postal_code", "repaired")
            address.postal_code = zip5
        return item
