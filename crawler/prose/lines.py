"""Lines of a page read with the line before them, or not at all.

Site builders split what one sentence would say over lines of their own: a stat card's figure
over its label ("9 hrs" / "of group therapy each week"), an hours widget's days over their
times ("Mon \u2013 Fri" / "8:30 am \u2013 5:00 pm"). And some lines say nothing of today: an old
events list ("Upcoming groups": "February 3, 2024" / "Saturday Morning IOP"), the card of an
office the page says has closed. :class:`LinesInContext` follows a page's lines in order and
gives each line as it is to be read, or ``None`` for a line to leave unread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from crawler.prose import numbers

# A stat card's figure, alone on its line above its label: "9 hrs", "10 wks", "12+ weeks".
A_CARDS_FIGURE = re.compile(
    rf"^\s*{numbers.COUNT_RANGE}\s*(?:hours?|hrs?|weeks?|wks?|days?|months?)\.?\s*$", re.I
)
# A label that gives another care's figure: "45 days" over "average residential stay".
ANOTHER_CARES_LABEL = re.compile(
    r"residential|inpatient|detox|withdrawal|partial hospital|\bphp\b|hospital stay|sober"
    r"|\bdui\b|\bdwi\b|education|class(?:es)?\b|aftercare|alumni",
    re.I,
)
# What is left of a line of days or of times alone: separators and joining words.
NOTHING_BUT_JOINERS = re.compile(r"[\W_]+|\b(?:and|through|thru|to)\b", re.I)

# An office the page says has closed for good: "Our Elm Street office closed in March 2026",
# "The Bogalusa clinic has closed" (not a day's or a season's closing: "has closed for the day",
# "closed in January 2026 due to snow", "closed on December 24", nor a part of it: "has closed
# its residential unit").
A_PLACE_WORD = r"(?:office|clinic|location|site|center|centre)"
CLOSED_PLACE = re.compile(
    rf"\b(?:our|the) ((?-i:[A-Z][\w.'-]*)(?: (?-i:[A-Z][\w.'-]*)){{0,3}}) {A_PLACE_WORD}"
    r" (?:(?:has|have) (?:permanently )?closed|(?:is )?(?:now )?permanently"
    rf" closed|closed (?:in|as of) (?:{numbers.A_MONTH}\s+)?20\d\d)"
    r"(?!\s+(?:its|the|for|early|today|on|due|temporar\w*|until|at|because)\b)",
    re.I,
)
REOPENED = re.compile(r"\breopen", re.I)

# An events list's heading: "Upcoming groups", "Events", "Calendar" (not "Upcoming changes",
# which are the program's news).
EVENTS_HEADING = re.compile(
    r"\bupcoming (?:groups?|events?|workshops?|classes|sessions|dates)\b|\bevents?\b|\bcalendar\b"
    r"|\bcoming up\b",
    re.I,
)
# What may stand beside an event's date at the start of its line: its weekday, its time.
BESIDE_A_DATE = re.compile(
    rf"^\W*(?:(?:{'|'.join(numbers.WEEKDAYS)})\w*\W*)?(?:{numbers.CLOCK}\W*)*$", re.I
)
# How old a dated line's date is before the line is history (a log's entry from years ago).
OLD_ENTRY_DAYS = 365
# A news log's heading: "What's New", "News", "Updates", "Announcements".
NEWS_HEADING = re.compile(
    r"\bwhat['\u2019]?s new\b|\bnews\b|\bupdates?\b|\bannouncements?\b|\barchive\b", re.I
)
# An event's title or place under its date, not a sentence of the page's own ("We accept
# Medicaid."): a few words, no sentence's end.
AN_EVENTS_LINE_WORDS = 10


def only_days(line: str) -> bool:
    """Whether a line names days and nothing more ("Mon \u2013 Fri"): times on the next."""
    timed = numbers.clock_words(line)
    return (
        bool(numbers.SCHEDULE_DAY.search(timed))
        and not numbers.TIME_RANGE.search(timed)
        and not NOTHING_BUT_JOINERS.sub("", numbers.SCHEDULE_DAY.sub(" ", timed))
    )


def only_times(line: str) -> bool:
    """Whether a line gives a time range and nothing more ("8:30 am \u2013 5:00 pm")."""
    timed = numbers.clock_words(line)
    return bool(numbers.TIME_RANGE.search(timed)) and not NOTHING_BUT_JOINERS.sub(
        "", numbers.TIME_RANGE.sub(" ", timed)
    )


def only_days_and_times(line: str) -> bool:
    """Whether a line gives days and the times of a session and nothing more ("Monday, Tuesday,
    Thursday 6:00-9:00 p.m.", "Monday\u2013Thursday 9:00 a.m.\u2013noon")."""
    timed = numbers.clock_words(line)
    if not numbers.TIME_RANGE.search(timed) or not numbers.session_days(timed):
        return False
    rest = numbers.TIME_RANGE.sub(" ", numbers.SCHEDULE_DAY.sub(" ", timed))
    return not NOTHING_BUT_JOINERS.sub("", rest)


def an_events_date(line: str) -> date | None:
    """When an events list's line's event is: the date it begins with ("February 3, 2024",
    "Sat, March 9, 2024 \u2014 Relapse prevention en espa\u00f1ol"), or the last of a range it
    begins with ("November 2, 2026 \u2013 January 25, 2027: ..."); ``None`` if it begins with
    none."""
    spans = numbers.dated_spans(line)
    if not spans:
        return None
    start, _, _ = min(spans)
    return max(day for _, _, day in spans) if BESIDE_A_DATE.match(line[:start]) else None


def _a_closed_places_heading(heading: str, closed: set[str]) -> bool:
    """Whether a heading names an office the page said has closed ("Elm Street Office")."""
    named = re.sub(rf"\s+{A_PLACE_WORD}\W*$", "", heading.strip(), flags=re.I)
    return named.casefold() in closed


@dataclass
class LinesInContext:
    """A page's lines in order, each as it is to be read (see the module's docstring)."""

    crawl_date: date
    figure: str | None = None  # a stat card's figure, read with the label under it
    days: str | None = None  # days on a line of their own, read with the times under them
    days_in_a_row: int = 0  # lines of days alone one after another: a column of a widget's
    past_event: bool = False  # under an events heading, an event whose date has passed
    closed: set[str] = field(default_factory=set)  # offices the page says have closed
    in_a_closed_place: bool = False  # under the heading of one ("Elm Street Office")

    def heading(self, heading: str) -> None:
        """A heading: what a line before it began ends here."""
        self.figure, self.days, self.days_in_a_row, self.past_event = None, None, 0, False
        self.in_a_closed_place = _a_closed_places_heading(heading, self.closed)

    def line(self, line: str, heading: str) -> str | None:
        """The line as it is to be read under ``heading``, or ``None`` to leave it unread."""
        if self.in_a_closed_place:
            return None  # a closed office's card: its Saturday group and hours are no more
        if EVENTS_HEADING.search(heading) and self._of_a_past_event(line):
            return None  # "Upcoming groups": "February 3, 2024" / "Saturday IOP": long past
        if NEWS_HEADING.search(heading) and self._an_old_entry(line):
            return None  # a log's "04/10/2009 - Our new Saturday morning IOP group starts May 2."
        if not REOPENED.search(line):
            self.closed.update(name.casefold() for name in CLOSED_PLACE.findall(line))
        said = line
        if self.figure and not re.search(r"\d", line) and not ANOTHER_CARES_LABEL.search(line):
            said = f"{self.figure} {line}"  # "9 hrs" over "of group therapy each week"
        self.figure = line.strip() if A_CARDS_FIGURE.match(line) else None
        if self.days and self.days_in_a_row <= 1 and only_times(line):
            # "Mon \u2013 Fri" over "8:30 am \u2013 5:00 pm" (and a split shift's "1 pm \u2013 5 pm"
            # under it), not a widget's column of days beside its column of times
            self.days_in_a_row = 0  # (a row's days and times read, the next row's days may come)
            return f"{self.days} {line}"
        if only_days(line):
            self.days, self.days_in_a_row = line.strip(), self.days_in_a_row + 1
        else:
            self.days, self.days_in_a_row = None, 0
        return said

    def _an_old_entry(self, line: str) -> bool:
        """Whether a line begins with a date more than a year before the crawl (under a news
        log's heading: "What's New": "04/10/2009 - ..."): history, not what the program does
        now."""
        day = an_events_date(line)
        return day is not None and (self.crawl_date - day).days > OLD_ENTRY_DAYS

    def _of_a_past_event(self, line: str) -> bool:
        """Whether a line of an events list is a past event's: its date line, and the short
        lines under it (its title, its place), not a sentence of the page's own after it."""
        day = an_events_date(line)
        if day is not None:
            self.past_event = day < self.crawl_date
            return self.past_event
        if self.past_event and (
            len(line.split()) > AN_EVENTS_LINE_WORDS or line.rstrip().endswith((".", "!", "?"))
        ):
            self.past_event = False  # the page's own words again
        return self.past_event
