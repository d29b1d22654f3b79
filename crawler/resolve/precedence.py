"""Which source wins each field when sources disagree — the documented precedence.

Sources are of three kinds (a spider's ``source_kind``): ``directory`` (SAMHSA's national
directory and locator, state directories), ``website`` (the program's own site) and
``board`` (availability boards).

* Services SAMHSA codes (levels of care, medications, detox, payment, ages accepted,
  populations, languages, ownership, accreditations, telehealth) and the operator: directory
  first — a surveyed code beats a guess read from prose — then the program's website, then
  boards.
* How to reach the program and what it is like (name, phones, website, schedule, therapies,
  intake): the program's own website first, then directories, then boards.
* Address: directory first (standardised), then website, then board.
* Location: the most precise coordinates (rooftop, street, ZIP centroid...), ties by the
  address order.
* Availability: the freshest statement (its as-of date, else its fetch time) from any
  source; on a tie, a board beats a website and a website beats a directory.
"""

from __future__ import annotations

from enum import StrEnum


class SourceKind(StrEnum):
    DIRECTORY = "directory"
    WEBSITE = "website"
    BOARD = "board"


DIRECTORY_FIRST = (SourceKind.DIRECTORY, SourceKind.WEBSITE, SourceKind.BOARD)
WEBSITE_FIRST = (SourceKind.WEBSITE, SourceKind.DIRECTORY, SourceKind.BOARD)
AVAILABILITY_TIES = (SourceKind.BOARD, SourceKind.WEBSITE, SourceKind.DIRECTORY)

GROUP_ORDER: dict[str, tuple[SourceKind, ...]] = {
    "levels_of_care": DIRECTORY_FIRST,
    "medications": DIRECTORY_FIRST,
    "detox": DIRECTORY_FIRST,
    "payment": DIRECTORY_FIRST,
    "ages": DIRECTORY_FIRST,
    "populations": DIRECTORY_FIRST,
    "languages": DIRECTORY_FIRST,
    "ownership": DIRECTORY_FIRST,
    "accreditations": DIRECTORY_FIRST,
    "access": DIRECTORY_FIRST,
    "address": DIRECTORY_FIRST,
    "name": WEBSITE_FIRST,
    "operator": DIRECTORY_FIRST,
    "alternate_names": WEBSITE_FIRST,
    "phones": WEBSITE_FIRST,
    "website": WEBSITE_FIRST,
    "schedule": WEBSITE_FIRST,
    "therapies": WEBSITE_FIRST,
    "intake": WEBSITE_FIRST,
    "location": DIRECTORY_FIRST,
    "availability": AVAILABILITY_TIES,
}


def order_for(path: str) -> tuple[SourceKind, ...]:
    return GROUP_ORDER.get(path.split(".", 1)[0], WEBSITE_FIRST)
