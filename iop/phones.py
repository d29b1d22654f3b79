"""Phone numbers: what a source wrote into E.164 with its extension, and back as people dial it.

Facilities keep numbers in E.164 (``+15058418978``) with the extension apart; a sheet a patient
reads prints them as dialled: ``(505) 841-8978, ext. 4`` within the North American numbering
plan, ``+44 20 7946 0958`` elsewhere. What :func:`dialled` prints, :func:`to_e164` reads back
unchanged.
"""

from __future__ import annotations

import re

import phonenumbers

# Numbers sources use to mean "no phone": SAMHSA's live API sends (999) 999-9999.
PLACEHOLDER_NATIONAL_NUMBERS = frozenset({"9999999999", "0000000000", "1111111111", "1234567890"})
NORTH_AMERICA = 1  # the country code every NANP number is dialled in the national form within
EXTENSION = ", ext. "
# An E.164 number of the North American plan: area code and exchange start with 2-9.
NANP_E164 = re.compile(r"\+1([2-9]\d\d)([2-9]\d\d)(\d{4})")
# E.164: a plus, a country code and at most 15 digits in all.
E164 = re.compile(r"\+[1-9]\d{1,14}")
# A North American number as people write it in text: "(505) 841-8978", "505.841.8978",
# "+1 505 841 8978"; its area code, exchange and line as groups.
WRITTEN_NANP = re.compile(
    r"(?<![\w-])(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?([2-9]\d{2})[\s.-](\d{4})(?![\w-])"
)


def ten_digits(written: str) -> str:
    """A North American number as written ("(620) 555-0163", "+1 620-555-0163") as its ten
    digits ("6205550163")."""
    return re.sub(r"\D", "", written)[-10:]


def is_e164_phone_number(number: str) -> bool:
    """Whether ``number`` is written in E.164 and is the length of a phone number of its
    country (``phonenumbers.is_possible_number``): ``+15052700840`` is, ``not a phone`` and
    ``+1505`` are not. Whether the number is in service is another matter: a number in an
    unassigned area code is still a phone number, as a source wrote it."""
    if NANP_E164.fullmatch(number):
        return True  # the common case, without a parse
    if not E164.fullmatch(number):
        return False
    try:
        return bool(phonenumbers.is_possible_number(phonenumbers.parse(number)))
    except phonenumbers.NumberParseException:
        return False


def is_phone_number(raw: str) -> bool:
    """Whether a source's text is a phone number at all, however written (``505-270-0840
    x12``), as opposed to words (``Call us``, ``not a phone``) or a few digits."""
    try:
        parsed = phonenumbers.parse(raw, "US")
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_possible_number(parsed))


def to_e164(raw: str) -> tuple[str, str | None] | None:
    """``"505-270-0840 x12"`` → ``("+15052700840", "12")``; ``None`` if not a real number."""
    try:
        parsed = phonenumbers.parse(raw, "US")
    except phonenumbers.NumberParseException:
        return None
    if str(parsed.national_number) in PLACEHOLDER_NATIONAL_NUMBERS:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    number = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return number, parsed.extension or None


def dialled(number: str, extension: str | None = None) -> str:
    """An E.164 number (and extension) as a person dials it: ``(505) 841-8978, ext. 4``.

    A number that does not parse is returned as it is: a sheet shows what it has.
    """
    plan = NANP_E164.fullmatch(number)
    if plan is not None:  # the common case, without a parse: "(NXX) NXX-XXXX"
        shown = f"({plan[1]}) {plan[2]}-{plan[3]}"
        return shown + (f"{EXTENSION}{extension}" if extension else "")
    try:
        parsed = phonenumbers.parse(number, "US")
    except phonenumbers.NumberParseException:
        return number + (f"{EXTENSION}{extension}" if extension else "")
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if parsed.country_code == NORTH_AMERICA
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    parsed.extension = None  # the library's own " ext. " form has no comma
    shown = phonenumbers.format_number(parsed, style)
    return shown + (f"{EXTENSION}{extension}" if extension else "")
