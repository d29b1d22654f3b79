"""Phones print as a person dials them, and what is printed reads back as the same number."""

from __future__ import annotations

import phonenumbers
from hypothesis import given
from hypothesis import strategies as st

from iop.phones import dialled, to_e164


def _valid(number: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(number))


# North American numbers as directories list them: NXX-NXX-XXXX, kept when the plan says so.
north_american = st.builds(
    "+1{}{}{}".format,
    st.integers(200, 999).map(str),
    st.integers(200, 999).map(str),
    st.integers(0, 9999).map("{:04d}".format),
).filter(_valid)
# And a few from elsewhere (a hotline abroad, a border program across in Mexico).
elsewhere = st.sampled_from(["GB", "MX", "DE", "FR", "PH", "IN", "CA", "PR"]).map(
    lambda region: phonenumbers.format_number(
        phonenumbers.example_number(region), phonenumbers.PhoneNumberFormat.E164
    )
)
extensions = st.none() | st.from_regex(r"\A[1-9][0-9]{0,5}\Z")


def test_a_number_with_its_extension_prints_as_dialled() -> None:
    assert dialled("+15058418978", "4") == "(505) 841-8978, ext. 4"
    assert dialled("+15058418978") == "(505) 841-8978"
    assert dialled("+442079460958") == "+44 20 7946 0958"


@given(number=north_american | elsewhere, extension=extensions)
def test_the_dialled_form_reads_back_as_the_number_and_extension(
    number: str, extension: str | None
) -> None:
    assert to_e164(dialled(number, extension)) == (number, extension)


def test_placeholders_and_invalid_numbers_are_no_numbers() -> None:
    assert to_e164("(999) 999-9999") is None
    assert to_e164("555-0100") is None
    assert to_e164("505-270-0840 x12") == ("+15052700840", "12")
