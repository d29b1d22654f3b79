"""A board's own words (codes, populations, languages) and what they mean in the model, as data.

``data/vocabulary/boards/<source>.csv`` has the columns ``kind,term,field,value,note``:
``kind`` is ``code``, ``population`` or ``language``; an empty ``field`` means "a word we know
that the model has no field for"; ``value`` is ``true``/``false`` or, for a list field such as
``languages.other``, the name to add. Codes carrying an ASAM level (``RS(3.1)``, or a level a
board's legend gives a code) map through ``data/vocabulary/asam_levels.csv`` instead.

Boards write lists in every way there is: ``"English; Spanish"``, ``"English, Spanish"``,
``"EnglishSpanish"`` and, from a scraper that split the text before each capital letter,
``"Adult; M; A; T"`` for "Adult", "MAT". :func:`match_terms` reads all of them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from iop.paths import VOCABULARY_DIR

KINDS = ("code", "population", "language")
SEPARATORS = re.compile(r"[;,|\n]")
# "ArmenianEnglish" → "Armenian", "English": a lower-case letter followed by a capital.
CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])")
# The longest term seen split into pieces ("Parent/; Guardian (; Female) with; Children").
MAX_PIECES_PER_TERM = 12
ASAM_LEVEL = re.compile(r"\d(?:\.\d)?(?:-WM)?")


@dataclass(frozen=True)
class Meaning:
    field: str
    value: str


def term_key(text: str) -> str:
    """Spacing, separators and case aside: the key two spellings of a term share."""
    return re.sub(r"[\s;,|]", "", text).casefold()


@cache
def board_vocabulary(source: str) -> dict[str, dict[str, tuple[Meaning, ...]]]:
    """``{kind: {term key: meanings}}`` of a board; a known term may have no meaning."""
    vocabulary: dict[str, dict[str, list[Meaning]]] = {kind: {} for kind in KINDS}
    path = VOCABULARY_DIR / "boards" / f"{source}.csv"
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            meanings = vocabulary[row["kind"]].setdefault(term_key(row["term"]), [])
            if row["field"]:
                meanings.append(Meaning(row["field"], row["value"]))
    return {kind: {k: tuple(v) for k, v in terms.items()} for kind, terms in vocabulary.items()}


@cache
def asam_levels() -> dict[str, tuple[Meaning, ...]]:
    """``{ASAM level: meanings}``, e.g. ``"2.1"`` → ``levels_of_care.iop``."""
    levels: dict[str, list[Meaning]] = {}
    with open(VOCABULARY_DIR / "asam_levels.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            meanings = levels.setdefault(row["level"].upper(), [])
            if row["field"]:
                meanings.append(Meaning(row["field"], row["value"]))
    return {level: tuple(meanings) for level, meanings in levels.items()}


def levels_in(text: str) -> list[str]:
    """The ASAM levels a legend names: ``"Levels 1-WM & 2-WM"`` → ``["1-WM", "2-WM"]``."""
    match = re.search(r"\bLevels?\b(.*)$", text)
    return ASAM_LEVEL.findall(match.group(1)) if match else []


def pieces(text: str) -> list[str]:
    return [
        piece.strip()
        for part in SEPARATORS.split(text)
        for piece in CAMEL_BOUNDARY.split(part)
        if piece.strip()
    ]


def match_terms(text: str, known: Mapping[str, object]) -> tuple[list[str], list[str]]:
    """``(keys of known terms, unknown pieces)`` in ``text``, longest known term first."""
    parts = pieces(text)
    found: list[str] = []
    unknown: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(min(len(parts), i + MAX_PIECES_PER_TERM), i, -1):
            key = term_key("".join(parts[i:j]))
            if key in known:
                found.append(key)
                i = j
                break
        else:
            unknown.append(parts[i])
            i += 1
    return found, unknown
