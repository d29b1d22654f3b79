"""The service vocabulary: the codes that search requests and index documents use.

Every boolean field of a service group of :class:`~iop.facility.Facility` is a service code,
named by the field (``iop``, ``mat_buprenorphine``, ``medicaid``, ``spanish``...). The codes are
derived from the model, so adding a field to a group adds a searchable service.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel

from iop.facility import (
    Access,
    AgesAccepted,
    Detox,
    Facility,
    Languages,
    LevelsOfCare,
    Medications,
    Payment,
    Populations,
    Schedule,
    Therapies,
)

SERVICE_GROUPS: dict[str, type[BaseModel]] = {
    "levels_of_care": LevelsOfCare,
    "medications": Medications,
    "detox": Detox,
    "therapies": Therapies,
    "schedule": Schedule,
    "payment": Payment,
    "ages": AgesAccepted,
    "populations": Populations,
    "languages": Languages,
    "access": Access,
}


@dataclass(frozen=True)
class Service:
    code: str
    group: str
    label: str  # the field's description: "Intensive outpatient (ASAM level 2.1)"
    short: str  # words for a glance: the field's title, else its description less parentheses

    @property
    def path(self) -> str:
        """The dotted path of the field in a facility, e.g. ``medications.mat_buprenorphine``."""
        return f"{self.group}.{self.code}"


def _services() -> dict[str, Service]:
    services: dict[str, Service] = {}
    for group, model in SERVICE_GROUPS.items():
        for code, field in model.model_fields.items():
            if field.annotation != (bool | None):
                continue
            if code in services:
                raise RuntimeError(f"service code {code!r} is defined in two groups")
            label = field.description or code
            short = field.title or re.sub(r"\s*\(.*?\)", "", label)
            services[code] = Service(code, group, label, short)
    return services


SERVICES: dict[str, Service] = _services()


# Each service group's codes, in the model's order.
CODES_BY_GROUP: dict[str, tuple[str, ...]] = {
    group: tuple(code for code, service in SERVICES.items() if service.group == group)
    for group in SERVICE_GROUPS
}
_CODES_BY_GROUP = list(CODES_BY_GROUP.items())
_LANGUAGE_CODES = CODES_BY_GROUP["languages"]


def service_values(facility: Facility) -> dict[str, bool | None]:
    """Every service code with what is known of it for this facility."""
    values: dict[str, bool | None] = {}
    for group, codes in _CODES_BY_GROUP:
        stated = getattr(facility, group).__dict__
        values.update((code, stated[code]) for code in codes)
    return values


def known_services(facility: Facility) -> tuple[list[str], list[str]]:
    """The codes known to be offered and those known not to be (the rest are unknown)."""
    offered: list[str] = []
    not_offered: list[str] = []
    for group, codes in _CODES_BY_GROUP:
        values = getattr(facility, group).__dict__
        for code in codes:
            value = values[code]
            if value is True:
                offered.append(code)
            elif value is False:
                not_offered.append(code)
    return offered, not_offered


def languages_offered(facility: Facility) -> list[str]:
    """The languages a facility serves clients in besides English: the language service codes
    it offers (``spanish``, ``sign_language``), then the others by English name."""
    codes = [code for code in _LANGUAGE_CODES if getattr(facility.languages, code) is True]
    return [*codes, *(facility.languages.other or [])]


def check_codes(codes: Iterable[str], groups: tuple[str, ...] | None = None) -> list[str]:
    """Codes cleaned (trimmed, lower case, each once, in order) and checked: ``ValueError``
    naming unknown codes, or codes outside ``groups`` (with the codes those groups have)."""
    cleaned = list(dict.fromkeys(code.strip().lower() for code in codes if code.strip()))
    unknown = [code for code in cleaned if code not in SERVICES]
    if unknown:
        raise ValueError(
            f"unknown service code(s): {', '.join(unknown)}; known codes: {', '.join(SERVICES)}"
        )
    if groups is not None:
        outside = [code for code in cleaned if SERVICES[code].group not in groups]
        if outside:
            what = " or ".join(groups)
            known = ", ".join(c for c, s in SERVICES.items() if s.group in groups)
            raise ValueError(f"not {what} code(s): {', '.join(outside)}; {what} codes: {known}")
    return cleaned


def parse_service_codes(text: str, groups: tuple[str, ...] | None = None) -> list[str]:
    """A comma-separated list of codes, checked as :func:`check_codes` does."""
    return check_codes(text.split(","), groups)
