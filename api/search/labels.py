"""Short names of services for the reasons a doctor reads ("offers Medicaid, evening, Spanish").

The vocabulary's labels are descriptions; these are the words that fit in a two-second glance.
"""

from __future__ import annotations

import re
from functools import cache

from iop.vocabulary import SERVICES

SHORT = {
    "iop": "IOP",
    "partial_hospitalization": "partial hospitalization",
    "otp_certified": "certified OTP",
    "mat_accepts_outside_prescriptions": "accepts outside MAT prescriptions",
    "mat_alcohol": "alcohol MAT",
    "detox_onsite": "on-site detox",
    "daytime": "daytime",
    "evening": "evening",
    "weekend": "weekend",
    "private_insurance": "private insurance",
    "military_insurance": "TRICARE",
    "free_care": "free care",
    "pregnant_postpartum": "pregnant/postpartum",
    "co_occurring": "co-occurring disorders",
    "spanish": "Spanish",
    "sign_language": "sign language",
    "telehealth": "telehealth",
    "virtual_only": "virtual only",
    "cbt": "CBT",
    "dbt": "DBT",
}


@cache
def short_label(code: str) -> str:
    if code in SHORT:
        return SHORT[code]
    label = re.sub(r"\s*\(.*?\)", "", SERVICES[code].label) if code in SERVICES else code
    return label


def labels(codes: list[str] | tuple[str, ...]) -> str:
    return ", ".join(short_label(code) for code in codes)
