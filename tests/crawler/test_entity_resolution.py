"""One facility per real site: matching, precedence, stable ids."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from crawler.listing import build_facility
from crawler.resolve.clusters import resolve
from crawler.resolve.matching import evidence
from crawler.resolve.precedence import SourceKind
from crawler.resolve.run import merge_feeds
from iop.facility import Facility, Location, LocationPrecision, Phone
from iop.feeds import read_feed, write_feed

FETCHED = datetime(2026, 11, 20, tzinfo=UTC)
KINDS = {
    "directory": SourceKind.DIRECTORY,
    "file": SourceKind.DIRECTORY,
    "site": SourceKind.WEBSITE,
    "board": SourceKind.BOARD,
}


def listing(source: str, ref: str, **facts) -> Facility:
    return build_facility(
        source=source, ref=ref, url=f"http://{source}.test/{ref}", fetched_at=FETCHED, facts=facts
    )


def directory_row(**extra) -> Facility:
    return listing(
        "directory",
        "d1",
        **{
            "name": "Sunrise Recovery Center LLC",
            "address.street1": "3301 Southern Boulevard",
            "address.street2": "Suite 105",
            "address.postal_code": "87124",
            "phones": [Phone(number="+15055550142")],
            "levels_of_care.iop": True,
            "payment.medicaid": True,
            "schedule.evening": False,
        }
        | extra,
    )


def site_page(**extra) -> Facility:
    return listing(
        "site",
        "https://sunrise.example/",
        **{
            "name": "Sunrise Recovery Center",
            "address.street1": "3301 Southern Blvd. Ste 105",
            "address.postal_code": "87124",
            "website": "https://sunrise.example/",
            "location": Location(lat=35.26, lon=-106.66, precision=LocationPrecision.ROOFTOP),
            "phones": [Phone(number="+15055550142"), Phone(number="+15055550199")],
            "levels_of_care.iop": False,
            "schedule.evening": True,
            "therapies.art_therapy": True,
        }
        | extra,
    )


def test_a_site_and_its_directory_row_are_one_facility() -> None:
    found = evidence(directory_row(), site_page())
    assert found.same_site, found
    assert len(resolve([directory_row(), site_page()])) == 1


def test_two_programs_in_one_building_stay_apart() -> None:
    other = site_page(
        **{"name": "Valley Pediatric Dentistry", "website": "https://teeth.example/", "phones": []}
    )
    assert not evidence(directory_row(), other).same_site


def test_a_chains_other_location_stays_apart_despite_shared_name_phone_and_website() -> None:
    branch = site_page(
        **{
            "address.street1": "900 Unser Blvd",
            "location": Location(lat=35.30, lon=-106.70, precision=LocationPrecision.ROOFTOP),
        }
    )
    assert not evidence(directory_row(), branch).same_site


def test_listings_of_one_source_stay_apart_unless_same_name_at_same_address() -> None:
    program = directory_row()
    program.sources[0].ref = "d2"  # SAMHSA lists a site once per program
    assert len(resolve([directory_row(), program])) == 1
    neighbour = directory_row(**{"name": "Sunrise Pediatrics"})
    neighbour.sources[0].ref = "d3"
    assert len(resolve([directory_row(), neighbour, site_page()])) == 2


def test_precedence_directory_codes_beat_prose_and_the_site_fills_the_rest(tmp_path: Path) -> None:
    feeds = [tmp_path / "directory.ndjson", tmp_path / "site.ndjson"]
    write_feed(feeds[0], [directory_row()])
    write_feed(feeds[1], [site_page()])
    merge_feeds(feeds, tmp_path / "facilities.ndjson", tmp_path / "ids.json", KINDS)
    [facility] = read_feed(tmp_path / "facilities.ndjson")

    assert facility.levels_of_care.iop is True  # directory code beats the site's prose
    assert facility.provenance["levels_of_care.iop"].source == "directory"
    assert facility.schedule.evening is True  # the program's own word on its schedule
    assert facility.provenance["schedule.evening"].source == "site"
    assert facility.therapies.art_therapy is True  # only the site says it
    assert facility.location.precision is LocationPrecision.ROOFTOP
    assert {p.number for p in facility.phones} == {"+15055550142", "+15055550199"}
    assert {s.source for s in facility.sources} == {"directory", "site"}
    assert "Sunrise Recovery Center LLC" in facility.alternate_names


def test_fresher_availability_wins_whole(tmp_path: Path) -> None:
    old = site_page(**{"availability.days_to_intake": 21, "availability.as_of": date(2026, 10, 1)})
    old.provenance["availability.days_to_intake"] = old.provenance[
        "availability.days_to_intake"
    ].model_copy(update={"as_of": date(2026, 10, 1)})
    board = listing(
        "board",
        "b1",
        **{
            "name": "Sunrise Recovery Center",
            "address.street1": "3301 Southern Blvd",
            "address.postal_code": "87124",
            "availability.days_to_intake": 2,
            "availability.as_of": date(2026, 11, 25),
        },
    )
    board.provenance["availability.days_to_intake"] = board.provenance[
        "availability.days_to_intake"
    ].model_copy(update={"as_of": date(2026, 11, 25)})
    feeds = [tmp_path / "site.ndjson", tmp_path / "board.ndjson"]
    write_feed(feeds[0], [old])
    write_feed(feeds[1], [board])
    merge_feeds(feeds, tmp_path / "out.ndjson", tmp_path / "ids.json", KINDS)
    [facility] = read_feed(tmp_path / "out.ndjson")
    assert facility.availability.days_to_intake == 2
    assert facility.availability.as_of == date(2026, 11, 25)


def test_facility_ids_survive_recrawls_and_new_sources(tmp_path: Path) -> None:
    registry = tmp_path / "ids.json"
    directory_feed, site_feed = tmp_path / "directory.ndjson", tmp_path / "site.ndjson"
    write_feed(directory_feed, [directory_row()])
    merge_feeds([directory_feed], tmp_path / "1.ndjson", registry, KINDS)
    [first] = read_feed(tmp_path / "1.ndjson")

    write_feed(site_feed, [site_page()])
    merge_feeds([directory_feed, site_feed], tmp_path / "2.ndjson", registry, KINDS)
    [second] = read_feed(tmp_path / "2.ndjson")

    merge_feeds([site_feed], tmp_path / "3.ndjson", registry, KINDS)
    [third] = read_feed(tmp_path / "3.ndjson")
    assert first.id == second.id == third.id


def test_a_merged_feed_lists_facilities_by_place(tmp_path: Path) -> None:
    """Nearby facilities sit together in the feed (and so in the index), unplaced ones last."""
    cities = {"abq": (35.08, -106.65), "nyc": (40.71, -74.00), "sea": (47.61, -122.33)}
    listed = []
    for n in range(3):
        for city, (lat, lon) in cities.items():
            place = Location(
                lat=lat + n / 100, lon=lon, precision=LocationPrecision.STREET, source="test"
            )
            listed.append(listing("directory", f"{city}-{n}", name=f"{city} {n}", location=place))
    listed.insert(4, listing("directory", "unplaced", name="unplaced"))
    write_feed(tmp_path / "directory.ndjson", listed)
    merge_feeds(
        [tmp_path / "directory.ndjson"], tmp_path / "out.ndjson", tmp_path / "ids.json", KINDS
    )

    names = [facility.name for facility in read_feed(tmp_path / "out.ndjson")]
    assert names[-1] == "unplaced"
    in_order = [name.split()[0] for name in names[:-1]]
    assert all(in_order[i : i + 3] == [in_order[i]] * 3 for i in (0, 3, 6)), in_order


def test_two_programs_of_one_operator_at_one_address_stay_two_facilities() -> None:
    """SAMHSA's name2 is the program: Akeela's outpatient and women's programs share a
    building, a suite and a phone, but not their services."""
    outpatient = {"name": "Akeela Outpatient Services", "operator": "Akeela Inc"}
    women = {"name": "Women and Families Programs", "operator": "Akeela Inc"}
    api = [directory_row(**outpatient), directory_row(**women)]
    api[1].sources[0].ref = "d2"
    files = [
        listing("file", ref, **api[i].model_dump(include={"name", "operator"}))
        for i, ref in enumerate(("f1", "f2"))
    ]
    for file_listing, api_listing in zip(files, api, strict=True):
        file_listing.address = api_listing.address.model_copy()
        file_listing.phones = list(api_listing.phones)
    groups = resolve([*api, *files])
    assert sorted(sorted(f.name or "" for f in group) for group in groups) == [
        ["Akeela Outpatient Services"] * 2,
        ["Women and Families Programs"] * 2,
    ]


def test_a_sites_own_coordinates_beat_a_zip_centroid(tmp_path: Path) -> None:
    centroid = Location(lat=35.2, lon=-106.7, precision=LocationPrecision.ZIP_CENTROID)
    site_geo = Location(lat=35.26, lon=-106.66, precision=LocationPrecision.STREET)
    feeds = [tmp_path / "directory.ndjson", tmp_path / "site.ndjson"]
    write_feed(feeds[0], [directory_row(location=centroid)])
    write_feed(feeds[1], [site_page(location=site_geo)])
    merge_feeds(feeds, tmp_path / "facilities.ndjson", tmp_path / "ids.json", KINDS)
    [facility] = read_feed(tmp_path / "facilities.ndjson")
    assert facility.location == site_geo
    assert facility.provenance["location"].source == "site"
