"""What to bring to intake, in the site's own words.

A referrer hands the patient the list the program gives ("your OHP or insurance card", "a DD-214
or other proof of service"), so the items are kept as the site writes them, without the words
around them: the article or possessive before an item ("a", "your", "any"), what follows it to
say when ("to your first visit"), and an aside ("(it doesn't have to match your name)", "if you
have one", ", for the fee assessment", "in their original bottles"). A bulleted list's items (a
lead and its bullets: "What to bring: A photo ID; Recent school, counseling or court reports")
are each one thing, commas and all.

A list is only one if it names something an intake asks for (an ID, an insurance card,
medications, court papers, proof of income or address): "bring a support person" and "bring the
people who love you" are invitations, not lists. Two items naming the same thing in different
words ("photo ID" on one page, "driver's license or state ID" on another) are one.
"""

from __future__ import annotations

import re

from crawler.prose.vocabulary import RESIDENCE_WORDS, WHAT_TO_BRING

BRING = re.compile(
    r"\b(?:bring|traiga)\b(?:\s+(?:with\s+you|along))?"
    r"|\bhave\s+(?:these|the\s+following|this)\s+(?:things\s+)?ready\b|\bhave\s+ready(?=\s*:)"
    # "Have your photo ID and insurance card ready.", "have a photo ID, ... ready"
    r"|\bhave\s+(?=(?:your|an?)\s[^.;:]{3,80}\sready\b)"
    r"|\bwhat\s+you(?:'ll|\s+will)\s+need\b",
    re.I,
)
# "What to bring to your first visit: photo ID; insurance card" — the lead ends at its colon,
# and a list's items (joined by semicolons) are whole: "recent school, counseling or court
# reports" is one.
LEAD_COLON = re.compile(r"^[^.;:]{0,60}:\s*")
# When or where the things are brought, after the list: "... to your assessment".
OCCASION = re.compile(
    r"\s+(?:to|for|on|at|when you come(?: in)?(?: to)?)\s+(?:your|the|my|our|this|each|every)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:visit|assessment|evaluation|intake|appointment|session|day|group"
    r"|meeting|screening|orientation|evening|night)s?\b.*$",
    re.I,
)
PARENTHESES = re.compile(r"\s*\([^)]*\)")
# A sentence's aside after an item: "if you have one", "so we can bill", "— we'll copy it".
ASIDE = re.compile(
    r"(?:^|\s*,?\s+)(?:if|so\s+(?:that|we))\b.*$|,\s+for\s.*$|\s+[\u2014\u2013]\s.*$"
    r"|\s+to\s+(?:verify|confirm|prove|show)\b.*$|\s+ready\s*$",
    re.I,
)
# Why the things are brought, closing the list: ", so we can set up your file and check your
# benefits" (no item follows it).
WHY_BROUGHT = re.compile(r",\s+so\s+(?:that\s+)?(?:we|you|they|our|staff)\b.*$", re.I)
# A part of the list that only says more of the item before it: ", in their original bottles".
MORE_OF_THE_ITEM = re.compile(r"^(?:in|inside|with|from|for|to|including)\b", re.I)
ITEM_BREAK = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,|\s+and\s+)\s*", re.I)
NOT_A_POSSESSIVE = r"(?!\w+'s\b)"  # "your teen's insurance card" keeps its "your"
DETERMINER = re.compile(
    rf"^(?:(?:a|an|your|any|copies\s+of|a\s+copy\s+of)\s+{NOT_A_POSSESSIVE})+", re.I
)
# "a list of the medications you take" is a list of medications.
INNER_WORDS = re.compile(
    rf"\b(of)\s+(?:your|the|any)\s+{NOT_A_POSSESSIVE}|\s+you(?:'re|\s+are)?\s+(?:currently\s+)?tak(?:e|ing)$",
    re.I,
)
# A list brought for something other than the intake: "... to register" (for the sliding fee),
# "to apply for housing", to visit a resident or move into a house.
FOR_SOMETHING_ELSE = re.compile(r"\s+to\s+(?:register|apply|qualify)\b[^,;]*$", re.I)
ANOTHER_OCCASION = re.compile(
    rf"\bto (?:visit|move in|apply)\b|\bmov(?:e|ing)[- ]in\b|{RESIDENCE_WORDS}|\bhousing\b"
    r"|\bresidents?\b",
    re.I,
)
# A condition closing the list, of its last item alone: "... and proof of income if you want to
# apply for our sliding fee discount" (the list is still the intake's).
TRAILING_CONDITION = re.compile(r"\s+if\b.*$", re.I)
# What not to bring: "please don't bring medications", "you don't need to bring your card".
NOT_BROUGHT = re.compile(
    r"\b(?:not|don't|do not|never|no need to|needn't)\b(?:\s+[\w']+){0,3}\s*$", re.I
)
MOST_WORDS = 10  # an "item" longer than this is a sentence, and the text no list


def items_to_bring(sentence: str) -> list[str]:
    """The things a sentence asks a patient to bring, in its words, or none (of its first ask
    that lists them: not "We have a bed ready for you if you bring your insurance card"'s
    bed)."""
    return next(
        (items for found in BRING.finditer(sentence) if (items := _brought(sentence, found))), []
    )


def _brought(sentence: str, found: re.Match[str]) -> list[str]:
    """The things a sentence lists after one of its words asking for them."""
    if NOT_BROUGHT.search(sentence[: found.start()]):
        return []
    if ANOTHER_OCCASION.search(TRAILING_CONDITION.sub("", sentence)):
        return []
    after = sentence[found.end() :]
    lead = LEAD_COLON.match(after)
    listed = after[lead.end() :] if lead else after.strip()
    if FOR_SOMETHING_ELSE.search(ASIDE.sub("", listed)):
        return []
    if lead and ";" in listed:
        parts = listed.rstrip(" .!").split(";")
    else:
        said = WHY_BROUGHT.sub("", listed.split(";")[0])
        parts = ITEM_BREAK.split(OCCASION.sub("", said.rstrip(" .!")))
    items = [item for item in map(_without_the_words_around, parts) if item]
    if any(len(item.split()) > MOST_WORDS for item in items):
        return []
    return items if any(thing_named(item) for item in items) else []


def _without_the_words_around(part: str) -> str:
    item = DETERMINER.sub("", ASIDE.sub("", PARENTHESES.sub("", part)).strip(" .:")).strip()
    item = INNER_WORDS.sub(lambda found: f"{found.group(1)} " if found.group(1) else "", item)
    return "" if MORE_OF_THE_ITEM.match(item) else item


def asks_what_to_bring(sentence: str, is_heading: bool = False) -> bool:
    """A question, heading or lead that asks what to bring and lists nothing itself: "What
    should I bring to my assessment?", "Bring with you"; the next sentence answers it."""
    return bool(
        BRING.search(sentence)
        and (is_heading or sentence.rstrip().endswith(("?", ":")))
        and not items_to_bring(sentence)
    )


def answer_to_bring(asked: str, answer: str) -> list[str]:
    """The things an answer to :func:`asks_what_to_bring` lists ("A photo ID and your
    insurance card."); an answer that asks for its own things says so itself."""
    if BRING.search(answer):
        return []
    return items_to_bring(f"{asked.rstrip(' ?:')}: {answer}")


def thing_named(item: str) -> str | None:
    """Which of the things intakes ask for an item names ("state ID" is a photo ID)."""
    return next((name for name, words in WHAT_TO_BRING if re.search(words, item, re.I)), None)


def same_thing(item: str, other: str) -> bool:
    named = thing_named(item)
    return item.casefold() == other.casefold() or (
        named is not None and named == thing_named(other)
    )
