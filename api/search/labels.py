"""Short names of services for the reasons a doctor reads ("offers Medicaid, evening, Spanish").

The words are the vocabulary's (:attr:`iop.vocabulary.Service.short`, from the model).
"""

from __future__ import annotations

from iop.vocabulary import SERVICES


def short_label(code: str) -> str:
    return SERVICES[code].short if code in SERVICES else code


def labels(codes: list[str] | tuple[str, ...]) -> str:
    return ", ".join(short_label(code) for code in codes)
