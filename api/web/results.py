"""What a results page shows of a search, worked out from the search service's own answer."""

from __future__ import annotations

import html
import math
from typing import Any
from urllib.parse import quote_plus

from markupsafe import Markup

from api.search.request import SearchRequest
from api.search.service import SearchOutcome
from api.web.form import SearchLinks, label, listed
from iop.facility import one_line_address
from iop.geo import Point
from iop.phones import dialled
from iop.vocabulary import CODES_BY_GROUP, SERVICES

MAP_SIZE = 400  # the map's viewBox is a square this many units wide
MAP_MARGIN = 24


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


# A need's state: its class, its sign, and the state in words (never colour alone).
NEED_STATES = {
    "met": ("✔", "offers"),
    "not-met": ("✘", "does not offer"),
    "unknown": ("?", "has not stated"),
}
# Each need in each state as a list item, written once: a results page lists dozens.
NEED_ITEMS = {
    (code, state): f'<li class="need {state}"><span aria-hidden="true">{sign}</span> '
    f"{_escape(label(code))}: {words}</li>"
    for code in SERVICES
    for state, (sign, words) in NEED_STATES.items()
}


def need_items(request: SearchRequest, hit: dict[str, Any]) -> str:
    """The needs the search named, each as met, not met or not stated by the hit, in the
    order the search named them."""
    states = {
        **dict.fromkeys(hit["matched_services"], "met"),
        **dict.fromkeys(hit["missing_services"], "not-met"),
        **dict.fromkeys(hit["unknown_services"], "unknown"),
    }
    return "".join(
        NEED_ITEMS[code, states[code]] for code in request.all_named_services if code in states
    )


def phones(hit: dict[str, Any]) -> list[tuple[str, str, str]]:
    """``(as dialled, tel: link, kind)`` of each of a hit's phones."""
    return [
        (dialled(p["number"], p.get("extension")), p["number"], p.get("kind") or "main")
        for p in hit["phones"]
    ]


def street_address(hit: dict[str, Any]) -> str:
    """The hit's address on one line; none for a program without a street address."""
    address = hit["address"]
    if not address.get("street1"):
        return ""
    return one_line_address(
        address["street1"],
        address.get("street2"),
        address.get("city"),
        address.get("state"),
        address.get("postal_code"),
    )


def result_items(request: SearchRequest, hits: list[dict[str, Any]], first: int) -> Markup:
    """The list items of a page of results, numbered from ``first`` as the map is: each
    program's name, the box that ticks it for the sheet, where it is, its phones, its needs
    met, not met and not stated, and why it ranks where it does. Written here in one piece,
    not by the template: a page has dozens of values to escape."""
    return Markup("".join(_item(request, hit, number) for number, hit in enumerate(hits, first)))


def _item(request: SearchRequest, hit: dict[str, Any], number: int) -> str:
    ident = _escape(hit["id"])
    why = hit["why"]
    stale = (
        " — <strong>not confirmed by its sources lately</strong>"
        if hit["status"] == "stale"
        else ""
    )
    parts = [
        f'<li class="result"><h3><span class="number" aria-hidden="true">{number}</span>'
        f'<a href="/facilities/{ident}">{_escape(hit["display_name"] or hit["id"])}</a></h3>'
        f'<p class="no-print"><label for="tick-{ident}"><input type="checkbox" '
        f'form="sheet-form" id="tick-{ident}" name="ids" value="{ident}">Add to the referral '
        f"sheet</label></p><p>{_escape(why[0])}{stale}</p>"
    ]
    address = street_address(hit)
    if address:
        parts.append(f"<p>{_escape(address)}</p>")
    dialled_phones = phones(hit)
    if dialled_phones:
        parts.append(
            "<p>"
            + "; ".join(
                f'<a href="tel:{_escape(tel)}">{_escape(shown)}</a> ({_escape(kind)})'
                for shown, tel, kind in dialled_phones
            )
            + "</p>"
        )
    needs = need_items(request, hit)
    if needs:
        parts.append(f'<ul class="needs" aria-label="Needs">{needs}</ul>')
    lines = "".join(f"<li>{_escape(line)}</li>" for line in why[1:])
    wait_url = (hit["wait"] or {}).get("url")
    if wait_url:
        lines += f'<li><a href="{_escape(wait_url)}">Where the wait was stated</a></li>'
    parts.append(f'<ul class="why">{lines}</ul></li>')
    return "".join(parts)


EARTH_CIRCUMFERENCE_MILES = 24_901.0
TILE = 256  # pixels a side of a web map tile


def _mercator(lat: float, lon: float) -> tuple[float, float]:
    """Web Mercator at zoom 0, in tile pixels: what every XYZ tile server draws in."""
    x = (lon + 180) / 360 * TILE
    y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * TILE
    return x, y


def map_svg(
    origin: Point,
    radius_miles: float,
    hits: list[dict[str, Any]],
    first: int,
    tiles_url: str | None = None,
) -> str:
    """The origin, the radius and numbered markers matching the list, as an SVG drawn here.

    With no tile server (the default) nothing is fetched: the map is the circle and the
    markers. With ``tiles_url`` (an XYZ template, ``.../{z}/{x}/{y}.png``) the tiles under the
    circle are drawn beneath them, at the zoom that fits the radius.
    """
    room = MAP_SIZE / 2 - MAP_MARGIN
    miles_per_pixel_at_zero = EARTH_CIRCUMFERENCE_MILES * math.cos(math.radians(origin.lat)) / TILE
    zoom = math.log2(room * miles_per_pixel_at_zero / radius_miles)
    if tiles_url:
        zoom = max(0, math.floor(zoom))
    scale = 2**zoom
    ox, oy = _mercator(origin.lat, origin.lon)
    ox, oy = ox * scale, oy * scale
    centre = MAP_SIZE / 2

    def xy(lat: float, lon: float) -> tuple[float, float]:
        px, py = _mercator(lat, lon)
        return centre + px * scale - ox, centre + py * scale - oy

    radius_pixels = radius_miles / (miles_per_pixel_at_zero / scale)
    parts = []
    if tiles_url:
        parts += _tiles(tiles_url, int(zoom), ox - centre, oy - centre)
    parts += [
        f'<circle cx="{centre}" cy="{centre}" r="{radius_pixels:.1f}" '
        f'fill="#e7f2f8" fill-opacity="{0.35 if tiles_url else 1}" stroke="#005ea2" '
        'stroke-dasharray="6 4"/>',
        f'<path d="M{centre - 8},{centre} h16 M{centre},{centre - 8} v16" '
        'stroke="#1b1b1b" stroke-width="3"/>',
    ]
    # The last drawn is on top: the first results, the ones a referrer reads first.
    for number, hit in reversed(list(enumerate(hits, start=first))):
        where = hit.get("location")
        if not where or hit.get("virtual"):
            continue
        x, y = xy(where["lat"], where["lon"])
        if not (0 <= x <= MAP_SIZE and 0 <= y <= MAP_SIZE):
            continue
        name = _escape(hit.get("display_name") or hit["id"])
        parts.append(
            f'<g><title>{number}. {name}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="11" '
            f'fill="#1b1b1b"/><text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" '
            f'font-size="12" font-weight="700" fill="#fff">{number}</text></g>'
        )
    described = (
        f"Map: the search's centre, a {radius_miles:g}-mile circle, and the numbered results"
    )
    return (
        f'<svg viewBox="0 0 {MAP_SIZE} {MAP_SIZE}" role="img" aria-label="{described}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )


def _tiles(url: str, zoom: int, left: float, top: float) -> list[str]:
    """``<image>`` elements of the tiles that cover the map, placed in its pixels."""
    count = 2**zoom
    images = []
    for ty in range(int(top // TILE), int((top + MAP_SIZE) // TILE) + 1):
        for tx in range(int(left // TILE), int((left + MAP_SIZE) // TILE) + 1):
            if not 0 <= ty < count:
                continue
            href = _escape(url.format(z=zoom, x=tx % count, y=ty))
            images.append(
                f'<image href="{href}" x="{tx * TILE - left:.1f}" y="{ty * TILE - top:.1f}" '
                f'width="{TILE}" height="{TILE}"/>'
            )
    return images


def _choice(label: str, count: int, href: str, chosen: bool) -> str:
    """A facet value as a list item linking to its search (``label`` and ``href`` escaped);
    a chosen one says it removes."""
    mark = (
        '<span aria-hidden="true">✔ </span><span class="visually-hidden">Remove filter: </span>'
        if chosen
        else ""
    )
    return f'<li><a href="{href}">{mark}{label} ({count})</a></li>'


# Each service's words on a filter, escaped once, and its code as a link carries it.
CHOICE_LABELS = {code: _escape(label(code)) for code in SERVICES}
CODES_IN_LINKS = {code: quote_plus(code) for code in SERVICES}


FACET_GROUPS = (
    ("Payment accepted", "payment", "payment"),
    ("Medication", "medications", "services"),
    ("When", "schedule", "services"),
    ("Language", "languages", "services"),
    ("Ages accepted", "ages", "services"),
    ("Programs for", "populations", "services"),
)


def facet_choices(links: SearchLinks, outcome: SearchOutcome) -> Markup:
    """Each facet group's title and its values with their counts, as links that add (or drop)
    that filter; written here in one piece, as the results are."""
    counts = (outcome.facets or {}).get("services_offered", {})
    groups: list[str] = []
    for title, group, parameter in FACET_GROUPS:
        chosen = set(listed(links.query, parameter))
        before, after = (_escape(part) for part in links.around(parameter))
        choices = [
            _choice(
                CHOICE_LABELS[code],
                counts.get(code, 0),
                _escape(links.without_value(parameter, code)),
                True,
            )
            if code in chosen
            else _choice(
                CHOICE_LABELS[code], counts[code], before + CODES_IN_LINKS[code] + after, False
            )
            for code in CODES_BY_GROUP[group]
            if code in chosen or counts.get(code)
        ]
        if choices:
            groups.append(f"<h3>{_escape(title)}</h3><ul>{''.join(choices)}</ul>")
    sectors = (outcome.facets or {}).get("ownership_sector", {})
    owned = listed(links.query, "ownership")
    ownership = [
        _choice(
            _escape(sector.capitalize()),
            count,
            _escape(links.link(ownership=None if sector in owned else sector)),
            sector in owned,
        )
        for sector, count in sorted(sectors.items())
    ]
    if ownership:
        groups.append(f"<h3>Ownership</h3><ul>{''.join(ownership)}</ul>")
    return Markup("".join(groups))


def hidden_inputs(fields: list[tuple[str, str]]) -> Markup:
    """A form's hidden inputs carrying ``(name, value)`` pairs over."""
    return Markup(
        "".join(
            f'<input type="hidden" name="{_escape(name)}" value="{_escape(value)}">'
            for name, value in fields
        )
    )


def relaxation_links(links: SearchLinks, outcome: SearchOutcome) -> list[tuple[str, str, str]]:
    """``(words, the search without that filter, the link's words)`` for each relaxation; no
    link where dropping the filter would find nothing either."""
    said = []
    for relaxation in outcome.relaxations or []:
        parameter, value = relaxation["parameter"], relaxation["value"]
        if not relaxation["matches_without"]:
            said.append((relaxation["words"], "", ""))
            continue
        if parameter == "radius_miles":
            said.append(
                (relaxation["words"], links.link(radius_miles=value), f"search {value} miles")
            )
        else:
            href = links.without_value(parameter, value)
            said.append((relaxation["words"], href, f"search without {relaxation['label']}"))
    return said
