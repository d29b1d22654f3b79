"""What to bring to intake: the program's own list, in its words, for the patient to take."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.prose import merge_readings, read_html, read_text
from crawler.prose.intake import items_to_bring

CRAWLED = date(2026, 12, 5)


def brought(*segments: str) -> list[str] | None:
    return read_text(list(segments), crawl_date=CRAWLED).facts.get("intake.what_to_bring")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Please bring a photo ID, your OHP or insurance card and a list of your medications"
            " to your assessment.",
            ["photo ID", "OHP or insurance card", "list of medications"],
        ),
        (
            "Bring your DD-214 or other proof of service, a photo ID, and your insurance or"
            " TRICARE card.",
            ["DD-214 or other proof of service", "photo ID", "insurance or TRICARE card"],
        ),
        (
            "What to bring to your first visit: a photo ID (it doesn't have to match your name"
            " or gender) and your insurance card.",
            ["photo ID", "insurance card"],
        ),
        (
            "Bring a photo ID and your monitoring agreement, if you have one, to the first"
            " evening.",
            ["photo ID", "monitoring agreement"],
        ),
        (
            "Bring a photo ID, your insurance card, and any medications you currently take, in"
            " their original bottles.",
            ["photo ID", "insurance card", "medications"],
        ),
        (
            "Please have these ready: a photo ID, your insurance card, and a list of the"
            " medications you take.",
            ["photo ID", "insurance card", "list of medications"],
        ),
    ],
)
def test_a_sentence_list_keeps_the_sites_words_without_the_words_around_them(
    sentence: str, expected: list[str]
) -> None:
    assert brought(sentence) == expected


def test_a_bulleted_list_keeps_each_bullet_one_thing() -> None:
    """A bullet is one thing, commas and all ("recent school, counseling or court reports"),
    without its article or aside; "your teen's insurance card" keeps whose card it is."""
    html = (
        "<html><body><main><h1>Teen IOP</h1><p>What to bring:</p><ul>"
        "<li>Your teen's insurance card</li><li>Any recent school, counseling or court reports"
        "</li><li>Insurance, Medicaid or Medicare card</li><li>DD-214 (if you have it)</li>"
        "<li>Proof of income, if you want a sliding fee discount</li></ul></main></body></html>"
    )
    reading = read_html(html, crawl_date=CRAWLED)
    assert reading.facts["intake.what_to_bring"] == [
        "Your teen's insurance card",
        "recent school, counseling or court reports",
        "Insurance, Medicaid or Medicare card",
        "DD-214",
        "Proof of income",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Bring the people who love you into the room: family counseling is part of every plan.",
        "Family education: bring a support person to the last Saturday group of the month.",
        "We bring evidence-based care to rural Iowa.",
    ],
)
def test_an_invitation_is_no_list(sentence: str) -> None:
    assert brought(sentence) is None


def test_an_faq_accordions_question_is_answered_by_its_panel() -> None:
    """An accordion's question is a button in a heading; the answer is in the panel it opens."""
    html = (
        "<html><body><main><h1>IOP</h1>"
        '<h3><button aria-expanded="false" aria-controls="q3">What do I bring on day one?'
        '</button></h3><div id="q3" hidden><ul><li>Photo ID</li><li>Insurance card</li>'
        "<li>Any hospital discharge papers</li></ul></div>"
        '<h3><button aria-expanded="false" aria-controls="q4">Do you offer evening groups?'
        '</button></h3><div id="q4" hidden><p>Yes.</p></div>'
        "</main></body></html>"
    )
    facts = read_html(html, crawl_date=CRAWLED).facts
    assert facts["intake.what_to_bring"] == [
        "Photo ID",
        "Insurance card",
        "hospital discharge papers",
    ]
    assert facts["schedule.evening"] is True


def test_a_question_answered_in_the_next_paragraph() -> None:
    assert brought(
        "What should I bring to my intake?",
        "Your ID, insurance card, and any discharge papers from a recent hospital stay.",
    ) == ["ID", "insurance card", "discharge papers from a recent hospital stay"]


def test_a_question_answered_by_something_else_lists_nothing() -> None:
    assert brought("What should I bring?", "Call us first; we'll walk you through it.") is None


def test_the_same_thing_in_other_words_on_another_page_is_one_item() -> None:
    first = read_text("Walk-ins welcome Mondays. Bring your state ID.", crawl_date=CRAWLED)
    second = read_text(
        "Please bring a photo ID, your insurance card and proof of income.", crawl_date=CRAWLED
    )
    merged = merge_readings([first, second])
    assert merged.facts["intake.what_to_bring"] == ["state ID", "insurance card", "proof of income"]


ASKED_FOR = st.sampled_from(["photo ID", "insurance card", "list of current medications"])
OTHER_THINGS = st.sampled_from(
    [
        "SoonerCare or insurance card",
        "proof of income",
        "court or probation paperwork",
        "DD-214",
        "Social Security card",
        "hospital discharge papers",
        "recent lab results",
        "notebook",
    ]
)
DETERMINERS = st.sampled_from(["", "a ", "your ", "any "])


@given(
    st.tuples(ASKED_FOR, st.lists(OTHER_THINGS, max_size=4, unique=True))
    .map(lambda things: [things[0], *things[1]])
    .flatmap(st.permutations),
    st.lists(DETERMINERS, min_size=5, max_size=5),
)
def test_a_sentence_list_gives_each_thing_once_and_nothing_else(
    things: list[str], determiners: list[str]
) -> None:
    """Whatever the list's length, order and articles, the items are the things named."""
    words = [determiner + thing for determiner, thing in zip(determiners, things, strict=False)]
    spoken = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    assert items_to_bring(f"Please bring {spoken} to your assessment.") == things


@pytest.mark.parametrize(
    ("sentence", "things"),
    [("For your first session, have a photo ID, your insurance card and a phone or laptop with a"
      " camera ready.", ["photo ID", "insurance card", "phone or laptop with a camera"]),
     ("We have a bed ready for you; bring your insurance card.", ["insurance card"]),
     ("We have a counselor and a nurse ready to help.", [])],
)  # fmt: skip
def test_things_a_patient_is_asked_to_have_ready_are_brought(
    sentence: str, things: list[str]
) -> None:
    assert items_to_bring(sentence) == things
