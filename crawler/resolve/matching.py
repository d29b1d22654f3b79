"""Are two listings the same real site? A scored decision with a documented threshold.

Evidence, each in [0, 1]:

* **address** (weight 0.40): same ZIP, same house number and street name similarity ≥ 0.85
  scores 1; same ZIP and a similar street without house numbers scores 0.5, and so does
  the same ZIP where both sources withhold the street (confidential addresses, "- - -").
* **name** (0.30): token-set similarity of the names without legal-form words.
* **phone** (0.15): the listings share a phone number.
* **website** (0.15): the listings share a website domain.

Two listings are the same site when the weighted sum reaches ``SAME_SITE_THRESHOLD`` (0.60)
**and** there is evidence of place: an address score ≥ 0.5, or both have street-level
coordinates within ``NEAR_MILES``. The place requirement keeps a chain's locations apart even
though they share a name, a phone line and a website; the score keeps apart different
programs that share a building. Listings whose precise coordinates lie more than
``FAR_MILES`` apart are never the same site.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from crawler.resolve.keys import name_key, street_key, website_domain
from iop.facility import Facility, LocationPrecision
from iop.geo import Point, great_circle_miles

SAME_SITE_THRESHOLD = 0.60
WEIGHTS = {"address": 0.40, "name": 0.30, "phone": 0.15, "website": 0.15}
STREET_SIMILARITY = 85.0
NEAR_MILES = 0.1
FAR_MILES = 2.0
PRECISE = {LocationPrecision.ROOFTOP, LocationPrecision.STREET}


@dataclass(frozen=True)
class Evidence:
    address: float
    name: float
    phone: float
    website: float
    miles_apart: float | None

    @property
    def score(self) -> float:
        return sum(WEIGHTS[part] * float(getattr(self, part)) for part in WEIGHTS)

    @property
    def same_site(self) -> bool:
        if self.miles_apart is not None and self.miles_apart > FAR_MILES:
            return False
        near = self.miles_apart is not None and self.miles_apart <= NEAR_MILES
        return (self.address >= 0.5 or near) and self.score >= SAME_SITE_THRESHOLD


def address_score(a: Facility, b: Facility) -> float:
    if not a.address.postal_code or a.address.postal_code != b.address.postal_code:
        return 0.0
    street_a, street_b = street_key(a.address.street1), street_key(b.address.street1)
    if street_a is None and street_b is None:
        return 0.5
    if street_a is None or street_b is None:
        return 0.0
    if fuzz.ratio(street_a.name, street_b.name) < STREET_SIMILARITY:
        return 0.0
    if street_a.number and street_b.number:
        return 1.0 if street_a.number == street_b.number else 0.0
    return 0.5


def precise_miles_apart(a: Facility, b: Facility) -> float | None:
    if a.location is None or b.location is None:
        return None
    if a.location.precision not in PRECISE or b.location.precision not in PRECISE:
        return None
    return great_circle_miles(
        Point(a.location.lat, a.location.lon), Point(b.location.lat, b.location.lon)
    )


def evidence(a: Facility, b: Facility) -> Evidence:
    names_a = [name_key(n) for n in [a.name, *a.alternate_names] if n]
    names_b = [name_key(n) for n in [b.name, *b.alternate_names] if n]
    # An operator's name may be what another source calls the program (a site named for its
    # organisation), but two programs of one operator are not the same by that name.
    pairs = [(x, y) for x in names_a for y in names_b]
    pairs += [(name_key(a.operator), y) for y in names_b] if a.operator else []
    pairs += [(x, name_key(b.operator)) for x in names_a] if b.operator else []
    name = max((fuzz.token_set_ratio(x, y) / 100 for x, y in pairs if x and y), default=0.0)
    phones_a = {p.number for p in a.phones}
    phone = 1.0 if phones_a & {p.number for p in b.phones} else 0.0
    domain_a = website_domain(a.website)
    website = 1.0 if domain_a and domain_a == website_domain(b.website) else 0.0
    return Evidence(
        address=address_score(a, b),
        name=name,
        phone=phone,
        website=website,
        miles_apart=precise_miles_apart(a, b),
    )
