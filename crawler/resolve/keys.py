"""Normalised forms of names, streets, phones and websites, for comparing listings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import usaddress

# Words that name the legal form or the generic kind of place, not the place itself.
NAME_NOISE = {
    "llc",
    "inc",
    "pllc",
    "pc",
    "pa",
    "corp",
    "corporation",
    "co",
    "ltd",
    "the",
    "of",
    "and",
    "dba",
    "a",
}
STREET_SUFFIXES = {
    "street": "st",
    "avenue": "ave",
    "boulevard": "blvd",
    "road": "rd",
    "drive": "dr",
    "lane": "ln",
    "court": "ct",
    "place": "pl",
    "parkway": "pkwy",
    "highway": "hwy",
    "suite": "ste",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "northeast": "ne",
    "northwest": "nw",
    "southeast": "se",
    "southwest": "sw",
    "circle": "cir",
    "terrace": "ter",
    "square": "sq",
    "trail": "trl",
    "way": "way",
    "route": "rte",
}
WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("&", " and "))


def name_key(name: str | None) -> str:
    """``"Sunrise Recovery IOP, LLC"`` → ``"sunrise recovery iop"``."""
    return " ".join(w for w in words(name or "") if w not in NAME_NOISE)


@dataclass(frozen=True)
class StreetKey:
    number: str | None
    name: str


@lru_cache(maxsize=65536)
def street_key(street: str | None) -> StreetKey | None:
    """House number and normalised street name, without the suite: what identifies a building."""
    if not street:
        return None
    try:
        parts, _ = usaddress.tag(street)
    except usaddress.RepeatedLabelError:
        parts = {}
    number = parts.get("AddressNumber")
    labels = (
        "StreetNamePreDirectional",
        "StreetName",
        "StreetNamePostType",
        "StreetNamePostDirectional",
    )
    name_words = [w for label in labels for w in words(parts.get(label, ""))]
    if not name_words:  # not a parseable street (e.g. "MCI Norfolk"): compare the whole line
        name_words = [w for w in words(street) if w != number]
    name = " ".join(STREET_SUFFIXES.get(w, w) for w in name_words)
    return StreetKey(number=number, name=name) if name else None


def website_domain(url: str | None) -> str | None:
    """``"https://www.example.org/iop"`` → ``"example.org"``."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.lower().removeprefix("www.")
    return host or None
