"""Piñon County's treatment availability board: an INVENTED board, shipped for the demo and tests.

``data/fixtures/boards/pinon_county/`` holds the board as CSV (``programs.csv``) and as the JSON
feed such boards also publish (``programs.json``, records under ``"programs"``); the spider
reads the CSV unless given ``-a programs=programs.json``. Its words are mapped in
``data/vocabulary/boards/pinon_county.csv``.
"""

from __future__ import annotations

from typing import ClassVar

from crawler.spiders.base.availability_board import (
    AvailabilityBoardSpider,
    Columns,
    weekday_columns,
)
from crawler.spiders.base.tabular import file_url
from iop.paths import DATA_DIR


class PinonCountySpider(AvailabilityBoardSpider):
    name = "pinon_county"
    source = "pinon_county"
    default_base_url = file_url(DATA_DIR / "fixtures" / "boards" / "pinon_county") + "/"
    table_paths: ClassVar[dict[str, str]] = {"programs": "programs.csv"}
    records_key = "programs"
    columns = Columns(
        ref="program_id",
        name="agency",
        alternate_name="site",
        street1="street",
        street2="suite",
        city="city",
        state="state",
        postal_code="zip",
        phone="phone",
        codes=("services",),
        accepting_new_patients="accepting_new_patients",
        open_slots="open_slots",
        days_to_intake="days_to_intake",
        last_updated="last_updated",
        languages="languages",
        populations="populations",
        hours=weekday_columns(
            "{day}_open", "{day}_close", ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
        ),
    )
