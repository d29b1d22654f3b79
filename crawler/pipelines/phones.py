"""Phone numbers to E.164 with extensions kept; placeholders and numbers in no assigned range
removed (counted). Text that is no phone number at all (``not a phone``, ``123``) is left as it
is, so the validate pipeline quarantines the record naming the field: the source is broken."""

from __future__ import annotations

from crawler.pipelines import CountingPipeline, count_problem
from iop.facility import Facility, Phone
from iop.phones import is_phone_number, to_e164

__all__ = ["PhonesPipeline", "to_e164"]


class PhonesPipeline(CountingPipeline):
    def process_item(self, item: Facility) -> Facility:
        phones: list[Phone] = []
        for phone in item.phones:
            normalised = to_e164(phone.number)
            if normalised is None:
                if not is_phone_number(phone.number):
                    count_problem(self.stats, item, "phones", "not_a_phone_number")
                    phones.append(phone)
                    continue
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
