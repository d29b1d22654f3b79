"""Phone numbers to E.164 with extensions kept; placeholders and invalid numbers removed."""

from __future__ import annotations

import phonenumbers

from crawler.pipelines import CountingPipeline, count_problem
from iop.facility import Facility, Phone

# Numbers sources use to mean "no phone": SAMHSA's live API sends (999) 999-9999.
PLACEHOLDER_NATIONAL_NUMBERS = {"9999999999", "0000000000", "1111111111", "1234567890"}


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


class PhonesPipeline(CountingPipeline):
    def process_item(self, item: Facility) -> Facility:
        phones: list[Phone] = []
        for phone in item.phones:
            normalised = to_e164(phone.number)
            if normalised is None:
                count_problem(self.stats, item, "phones", "invalid_or_placeholder")
                continue
            number, extension = normalised
            phone = Phone(number=number, extension=extension or phone.extension, kind=phone.kind)
            if phone not in phones:
                phones.append(phone)
        item.phones = phones
        if not phones:
            item.provenance.pop("phones", None)
        return item
