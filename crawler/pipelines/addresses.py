"""Normalise addresses: tidy parts, suites into street2, five-digit ZIPs, state agrees with ZIP.

A ZIP code that is none (``ABCDE``) is counted and kept as the source wrote it: the validate
pipeline then quarantines the record, naming the field.

The street line is parsed with ``usaddress``; a suite or unit written into ``street1``
("3301 Southern Blvd Suite 105") moves to ``street2`` so listings of one building compare
equal. The source's own wording is otherwise kept: what a patient reads should match the
sign on the door.
"""

from __future__ import annotations

import re

import usaddress

from crawler.pipelines import CountingPipeline, count_problem
from iop.facility import Address, Facility
from iop.geo import zip_state

ZIP_RE = re.compile(r"^(\d{3,5})(?:-?\d{4})?$")
OCCUPANCY = ("OccupancyType", "OccupancyIdentifier")


def normalise_zip(raw: str) -> str | None:
    """``"2056"`` → ``"02056"`` (spreadsheets drop New England's leading zeros); ZIP+4 → ZIP."""
    match = ZIP_RE.match(raw.strip())
    return match.group(1).zfill(5) if match else None


def tidy(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(text.split()).strip(" ,") or None


def split_suite(street: str) -> tuple[str, str | None]:
    """``"3301 Southern Blvd Suite 105"`` → ``("3301 Southern Blvd", "Suite 105")``."""
    try:
        parts = usaddress.parse(street)
    except usaddress.RepeatedLabelError:
        return street, None
    suite = [token for token, label in parts if label in OCCUPANCY]
    if not suite or len(suite) == len(parts):
        return street, None
    rest = [token for token, label in parts if label not in OCCUPANCY]
    return tidy(" ".join(rest)) or street, " ".join(suite).strip(",")


class AddressPipeline(CountingPipeline):
    def process_item(self, item: Facility) -> Facility:
        address = item.address
        item.name = tidy(item.name)
        address.street1 = tidy(address.street1)
        address.street2 = tidy(address.street2)
        address.city = tidy(address.city)
        if address.street1 and not address.street2:
            address.street1, address.street2 = split_suite(address.street1)
            if address.street2 and "address.street1" in item.provenance:
                item.provenance["address.street2"] = item.provenance["address.street1"]
        if address.state:
            address.state = address.state.strip().upper()
        if address.postal_code:
            self._normalise_zip(item, address)
        return item

    def _normalise_zip(self, item: Facility, address: Address) -> None:
        assert address.postal_code is not None
        zip5 = normalise_zip(address.postal_code)
        if zip5 is None:
            count_problem(self.stats, item, "address.postal_code", "malformed")
        elif zip5 != address.postal_code:
            count_problem(self.stats, item, "address.postal_code", "repaired")
        address.postal_code = zip5 or address.postal_code
        state_of_zip = zip_state(zip5) if zip5 else None
        if state_of_zip and address.state and state_of_zip != address.state:
            # Kept, but counted: data staff see which source's addresses disagree with USPS.
            count_problem(self.stats, item, "address.state", "zip_in_other_state")
