"""The 2024 national directory, prepared once for the FindTreatment replica.

Everything a response needs is computed at load time: a position per row (numpy arrays, for
vectorised distances), a boolean mask per service code (for ``sCodes``), and each row already
serialised as two JSON fragments around the only per-query values (``_irow`` and ``miles``).
A query then costs one haversine over ~12k rows, a sort and a string join.

See ``replica/README.md`` for the decisions made here (ids, coordinates, category codes).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from iop import geo, samhsa
from iop.paths import SAMHSA_DIR

DIRECTORY_CSV = "nsumhss2024_su_directory.csv"
COORDINATES_CSV = "nsumhss2024_su_coordinates.csv"

#: Quirk mode degrades every row whose directory number (``substance_<n>``) is a multiple of this.
QUIRK_EVERY = 50
#: The placeholder phone the live API served in 2026.
QUIRK_PHONE = "(999) 999-9999"

#: ``f1`` titles exactly as the verbatim 2019 API responses spell them, by ``f2`` code
#: (including the trailing space of "Facility Smoking Policy "). Categories the 2019 samples
#: do not show use the directory legend's own title.
F1_TITLES: dict[str, str] = {
    "TC": "Type of Care",
    "SET": "Service Settings (e.g., Outpatient, Residential, Inpatient etc.)",
    "HOSP": "Hospitals",
    "OM": "Opioid Medications used in Treatment",
    "OT": "Type of Opioid Treatment",
    "PHR": "Pharmacotherapies",
    "TAP": "Treatment Approaches",
    "FOP": "Facility Operation (e.g. Private, Public)",
    "LCA": "License/Certification/Accreditation",
    "PAY": "Payment/Insurance/Funding Accepted",
    "PYAS": "Payment Assistance Available",
    "SG": "Special Programs/Groups Offered",
    "ASSES": "Assessment/Pre-treatment",
    "SCR": "Screening & Testing",
    "TRSRV": "Transitional Services",
    "OTHR": "Other Addictions",
    "EDU": "Counseling Services and Education",
    "DETOX": "Detoxification",
    "SMP": "Facility Smoking Policy ",
    "AGE": "Age Groups Accepted",
    "GN": "Gender Accepted",
    "EXCL": "Exclusive Services",
    "SL": "Language Services",
    "OL": "Other Languages",
    "AS": "Ancillary Services",
}


def frid_for(facility_id: str) -> str:
    """The replica's stable 64-hex ``frid``: sha256 of the directory's ``facility_id``."""
    return hashlib.sha256(facility_id.encode("utf-8")).hexdigest()


def facility_number(facility_id: str) -> int | None:
    tail = facility_id.rsplit("_", 1)[-1]
    return int(tail) if tail.isdigit() else None


def is_quirk_row(facility_id: str) -> bool:
    """Whether quirk mode degrades this directory row (every ``QUIRK_EVERY``-th facility)."""
    number = facility_number(facility_id)
    return number is not None and number % QUIRK_EVERY == 0


def zip5(raw: str) -> str:
    """The directory's ZIP, with leading zeros restored (MA, NJ, CT, ME, NH, RI, VT, PR)."""
    raw = raw.strip()
    return raw.zfill(5) if raw.isdigit() else raw


def _clean_label(label: str) -> str:
    # The code key lost one character after "etc.)" in the VOC label; iop.samhsa repairs every
    # lost character as "®", which only fits the drug brand names.
    return label[:-1] if label.endswith(")®") else label


@cache
def categories() -> tuple[tuple[str, str], ...]:
    """``(f2, f1)`` for every legend category, in the directory legend's order."""
    seen: dict[str, str] = {}
    for code in samhsa.codes().values():
        seen.setdefault(code.api_category, F1_TITLES.get(code.api_category, code.category))
    return tuple(seen.items())


@cache
def _code_entries() -> dict[str, tuple[str, str]]:
    """``code -> (f2, label)`` for every known substance-use code."""
    return {
        code.code: (code.api_category, _clean_label(code.label)) for code in samhsa.codes().values()
    }


def services_for(codes: Iterable[str]) -> list[dict[str, str]]:
    """The API's ``services`` list for a row's codes: one ``{f1, f2, f3}`` per category."""
    entries = _code_entries()
    by_f2: dict[str, dict[str, None]] = {}
    for token in codes:
        entry = entries.get(token)
        if entry is not None:
            by_f2.setdefault(entry[0], {})[entry[1]] = None
    return [
        {"f1": f1, "f2": f2, "f3": "; ".join(by_f2[f2])} for f2, f1 in categories() if f2 in by_f2
    ]


def _fragment(fields: Mapping[str, object]) -> str:
    """A JSON object's members without braces (compact, ASCII-safe)."""
    return json.dumps(fields, separators=(",", ":"))[1:-1]


@dataclass(frozen=True)
class Directory:
    """The served rows, column-wise. Index ``i`` is the same row in every array."""

    facility_ids: tuple[str, ...]
    states: np.ndarray  # str
    lat: np.ndarray  # float64 (radians not applied)
    lon: np.ndarray
    lat_rad: np.ndarray
    cos_lat: np.ndarray
    code_masks: dict[str, np.ndarray]  # bool per row
    name1_rank: np.ndarray  # int order position by name1 (case-folded), then directory order
    name2_rank: np.ndarray
    heads: tuple[str, ...]  # JSON members between "_irow" and "miles"
    tails: tuple[str, ...]  # JSON members after "miles"
    position_source: tuple[str, ...]  # "directory" | "zip_centroid"
    skipped: tuple[str, ...]  # facility_ids not served (no position at all)
    quirks: bool

    def __len__(self) -> int:
        return len(self.facility_ids)

    def mask_for_codes(self, codes: Iterable[str]) -> np.ndarray:
        mask = np.ones(len(self), dtype=bool)
        for code in codes:
            code_mask = self.code_masks.get(code)
            if code_mask is None:
                return np.zeros(len(self), dtype=bool)
            mask &= code_mask
        return mask

    def metres_from(self, lat: float, lon: float) -> np.ndarray:
        """Great-circle metres from a point to every row (the formula of ``iop.geo``)."""
        lat1 = np.radians(lat)
        dlat = self.lat_rad - lat1
        dlon = np.radians(self.lon - lon)
        h = np.sin(dlat / 2) ** 2 + np.cos(lat1) * self.cos_lat * np.sin(dlon / 2) ** 2
        metres: np.ndarray = 2 * geo.EARTH_RADIUS_METRES * np.arcsin(np.minimum(1.0, np.sqrt(h)))
        return metres


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _row_json(
    row: dict[str, str], frid: str, latitude: str, longitude: str, codes: list[str], quirk: bool
) -> tuple[str, str]:
    intake1 = row["intake1"].strip() or row["intake1a"].strip() or None
    if quirk:
        # The 2026 live shape: no frid, street2 null, placeholder phone, coordinates swapped,
        # services null, typeFacility last.
        head = {
            "name1": row["name1"],
            "name2": row["name2"],
            "street1": row["street1"],
            "city": row["city"],
            "street2": row["street2"] or None,
            "state": row["state"],
            "zip": zip5(row["zip"]),
            "phone": QUIRK_PHONE,
            "intake1": intake1,
            "hotline1": None,
            "website": row.get("website") or None,
            "latitude": longitude,
            "longitude": latitude,
        }
        tail = '"services":null,' + _fragment({"typeFacility": "SA"})
        return _fragment(head), tail
    # The 2019 verbatim shape and key order.
    head = {
        "frid": frid,
        "name1": row["name1"],
        "name2": row["name2"],
        "street1": row["street1"],
        "city": row["city"],
        "street2": row["street2"],
        "state": row["state"],
        "zip": zip5(row["zip"]),
        "phone": row["phone"],
        "typeFacility": "SA",
        "intake1": intake1,
        "hotline1": None,
        "website": row.get("website") or None,  # none in the directory; fixture rows have one
        "latitude": latitude,
        "longitude": longitude,
    }
    tail = _fragment({"services": services_for(codes)})
    return _fragment(head), tail


def _ranks(keys: list[str]) -> np.ndarray:
    order = sorted(range(len(keys)), key=lambda i: (keys[i].casefold(), i))
    ranks = np.empty(len(keys), dtype=np.int64)
    ranks[order] = np.arange(len(keys))
    return ranks


def load_directory(
    quirks: bool = False,
    data_dir: Path | None = None,
    extra_rows: Iterable[Mapping[str, str]] = (),
) -> Directory:
    """Read the directory and its coordinates and prepare every row for serving; ``extra_rows``
    (the directory's columns, and ``website``) are served after its own."""
    data_dir = data_dir or SAMHSA_DIR
    rows = _read_csv(data_dir / DIRECTORY_CSV) + [dict(row) for row in extra_rows]
    coordinates = {r["facility_id"]: r for r in _read_csv(data_dir / COORDINATES_CSV)}

    ids: list[str] = []
    states: list[str] = []
    lats: list[float] = []
    lons: list[float] = []
    sources: list[str] = []
    heads: list[str] = []
    tails: list[str] = []
    names1: list[str] = []
    names2: list[str] = []
    row_codes: list[set[str]] = []
    skipped: list[str] = []
    for row in rows:
        facility_id = row["facility_id"]
        coord = coordinates.get(facility_id, {})
        latitude, longitude = coord.get("latitude", "").strip(), coord.get("longitude", "").strip()
        source = "directory"
        if not (latitude and longitude):
            centroid = geo.zip_centroid(zip5(row["zip"]))
            if centroid is None:
                skipped.append(facility_id)
                continue
            latitude, longitude, source = str(centroid.lat), str(centroid.lon), "zip_centroid"
        codes, _unknown_words = samhsa.parse_code_list(row["service_code_info"])
        head, tail = _row_json(
            row,
            frid_for(facility_id),
            latitude,
            longitude,
            codes,
            quirks and is_quirk_row(facility_id),
        )
        ids.append(facility_id)
        states.append(row["state"].strip())
        lats.append(float(latitude))
        lons.append(float(longitude))
        sources.append(source)
        heads.append(head)
        tails.append(tail)
        names1.append(row["name1"])
        names2.append(row["name2"])
        row_codes.append(set(codes))

    code_masks: dict[str, np.ndarray] = {}
    for i, carried in enumerate(row_codes):
        for code in carried:
            if code not in code_masks:
                code_masks[code] = np.zeros(len(ids), dtype=bool)
            code_masks[code][i] = True
    for code in samhsa.codes():
        code_masks.setdefault(code, np.zeros(len(ids), dtype=bool))

    lat = np.asarray(lats, dtype=np.float64)
    lon = np.asarray(lons, dtype=np.float64)
    lat_rad = np.radians(lat)
    return Directory(
        facility_ids=tuple(ids),
        states=np.asarray(states, dtype=object),
        lat=lat,
        lon=lon,
        lat_rad=lat_rad,
        cos_lat=np.cos(lat_rad),
        code_masks=code_masks,
        name1_rank=_ranks(names1),
        name2_rank=_ranks(names2),
        heads=tuple(heads),
        tails=tuple(tails),
        position_source=tuple(sources),
        skipped=tuple(skipped),
        quirks=quirks,
    )


@cache
def shared_directory(quirks: bool = False) -> Directory:
    """One prepared directory per mode, shared by every app in the process."""
    return load_directory(quirks=quirks)
