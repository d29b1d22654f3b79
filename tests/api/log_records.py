"""What log records say, for tests that look for a patient's words in them."""

from __future__ import annotations

import logging
from collections.abc import Iterable

# logging's own bookkeeping on every record (times, thread and process ids, file and line):
# its digits may hold a value a test looks for by chance ("991" in a timestamp). What the
# record carries from the code (its message, arguments and exception) is no bookkeeping.
BOOKKEEPING = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) - {
    "msg",
    "args",
    "exc_info",
    "exc_text",
    "stack_info",
}


def what_records_say(records: Iterable[logging.LogRecord]) -> str:
    """Each record's message and the fields the app added to it, as one text."""
    return "\n".join(
        f"{record.getMessage()} "
        f"{ {key: value for key, value in vars(record).items() if key not in BOOKKEEPING} }"
        for record in records
    )
