"""The facility model refuses a state, ZIP code or phone that is none, wherever it is read."""

from __future__ import annotations

import csv
import re
import string

import pytest
import zipcodes
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from iop.facility import STATE_CODES, Address, Facility, Phone
from iop.paths import SAMHSA_DIR
from iop.phones import dialled, is_phone_number, to_e164
from tests.iop.test_phones import elsewhere, extensions, north_american

ZIP_OR_ZIP4 = re.compile(r"\d{5}(-\d{4})?")


def refusal(**address: str) -> str:
    with pytest.raises(ValidationError) as refused:
        Address(**address)
    [error] = refused.value.errors()
    return f"{error['loc'][0]}: {error['msg']}"


@given(code=st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2))
def test_a_two_letter_state_is_accepted_exactly_when_it_is_a_us_state_or_territory(
    code: str,
) -> None:
    if code in STATE_CODES:
        assert Address(state=code).state == code
    else:
        assert refusal(state=code).startswith(f"state: Value error, {code!r} is not a US state")


@given(text=st.text(max_size=6))
def test_any_other_text_is_no_state(text: str) -> None:
    if text not in STATE_CODES:
        with pytest.raises(ValidationError):
            Address(state=text)


def test_the_states_are_those_of_us_zip_codes_territories_included() -> None:
    assert {row["state"] for row in zipcodes.list_all()} == STATE_CODES  # type: ignore[no-untyped-call]
    assert {"PR", "GU", "VI", "AS", "MP", "DC"} <= STATE_CODES


def test_every_state_of_the_real_directory_is_accepted() -> None:
    with open(SAMHSA_DIR / "nsumhss2024_su_directory.csv", newline="", encoding="utf-8") as f:
        states = {row["state"] for row in csv.DictReader(f) if row["name1"].strip()}
    assert states >= {"PR", "GU", "MP"}
    assert states <= STATE_CODES


@given(zip_code=st.from_regex(r"\A\d{5}(-\d{4})?\Z"))
def test_five_digits_or_zip_plus_four_is_a_zip_code(zip_code: str) -> None:
    assert Address(postal_code=zip_code).postal_code == zip_code


@given(text=st.text(alphabet=string.digits + string.ascii_letters + "- ", max_size=11))
def test_anything_else_is_no_zip_code(text: str) -> None:
    if not ZIP_OR_ZIP4.fullmatch(text):
        assert refusal(postal_code=text).startswith(
            f"postal_code: Value error, {text!r} is not a ZIP code"
        )


@given(number=north_american | elsewhere, extension=extensions)
def test_what_a_source_wrote_as_a_phone_number_is_one_in_e164(
    number: str, extension: str | None
) -> None:
    written = dialled(number, extension)  # "(505) 841-8978, ext. 4", as a page prints it
    assert is_phone_number(written)
    read = to_e164(written)
    assert read is not None
    assert Phone(number=read[0], extension=read[1]).number == number


@given(text=st.text(alphabet=string.ascii_letters + string.punctuation + " ", max_size=30))
def test_words_are_no_phone_number(text: str) -> None:
    assert not is_phone_number(text)
    with pytest.raises(ValidationError, match="is not a phone number"):
        Phone(number=text)


@pytest.mark.parametrize("number", ["+1505", "505-270-0840", "15052700840", "+1 505 270 0840"])
def test_a_number_not_in_e164_is_refused_by_the_model(number: str) -> None:
    with pytest.raises(ValidationError, match="is not a phone number"):
        Phone(number=number)


def test_a_feed_line_with_a_bad_value_is_refused_naming_the_field() -> None:
    line = '{"id": "fac_1", "address": {"state": "ZZ"}, "phones": [{"number": "not a phone"}]}'
    with pytest.raises(ValidationError) as refused:
        Facility.model_validate_json(line)
    assert {".".join(map(str, e["loc"])) for e in refused.value.errors()} == {
        "address.state",
        "phones.0.number",
    }
