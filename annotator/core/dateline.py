"""A text's dateline: a first line ``date YYYY-MM-DD`` gives its document's ``meta.date``, the
day a date span's words ("Sunday", "two days later") are counted from.

One rule for every way a document comes in: a ``.txt`` of a corpus folder, a line of a JSONL
corpus and an import (``dated_meta``). A JSONL corpus opened directly kept only the meta its
line gave: a trial's "date 2024-03-17 ARBELA, …" article opened so had no date, and "Sunday"
was said to have no dateline, though an import of the same file read it.

A ``meta.date`` a source gives is its own word on its document, kept as given: so it must be
a day as the dateline writes one (``meta_date_problem``), refused where the meta is read,
naming its file and line. A number (20240512) crashed annotate's status line, and "12 May
2024" took the place of a good dateline, so that "Sunday" was said to have none.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# The dateline line opening a text. A text whose JSONL line or import kept a byte order mark
# (U+FEFF: a ``.txt`` file's is dropped as it is read) has its dateline after it; a CRLF
# ending the line is whitespace as LF is. The text itself is kept as it is.
DATELINE = re.compile(r"^\ufeff?\s*date (\d{4}-\d{2}-\d{2})(?=\s|$)")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# A value quoted in a refusal up to this many characters.
_SHOWN_LIMIT = 40


def calendar_day(value: object) -> bool:
    """``value`` is a string ``YYYY-MM-DD`` naming a day of the calendar."""
    if not isinstance(value, str) or _DAY.fullmatch(value) is None:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def dateline_date(text: str) -> str | None:
    """The ISO day of a leading ``date YYYY-MM-DD`` line, when it is a calendar day."""
    match = DATELINE.match(text)
    if match is None or not calendar_day(match.group(1)):
        return None
    return match.group(1)


def meta_date_problem(meta: dict[str, Any]) -> str | None:
    """What is wrong with ``meta``'s ``date``, to follow ``FILE:LINE: meta.date: ``; None when
    it is a day ``YYYY-MM-DD``, or there is none (``null`` is none: the dateline gives it)."""
    date = meta.get("date")
    if date is None or calendar_day(date):
        return None
    shown = repr(date)
    if len(shown) > _SHOWN_LIMIT:
        shown = shown[: _SHOWN_LIMIT - 1] + "…"
    return (
        f'{shown} is not a day written as a string "YYYY-MM-DD" (a day of the calendar); '
        "write it so, or leave it out to take the text's dateline"
    )


def dated_meta(meta: dict[str, Any], text: str) -> dict[str, Any]:
    """``meta`` with ``date`` set from ``text``'s dateline, in place, and returned, when it has
    none (absent or ``null``). A ``date`` the meta gives is kept as it is (whatever the dateline
    says): the source's own word on its document, as an import has always kept it; whoever
    reads the meta refuses one that is no day (``meta_date_problem``)."""
    if meta.get("date") is None:
        date = dateline_date(text)
        if date is not None:
            meta["date"] = date
    return meta
