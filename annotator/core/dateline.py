"""A text's dateline: a first line ``date YYYY-MM-DD`` gives its document's ``meta.date``, the
day a date span's words ("Sunday", "two days later") are counted from.

One rule for every way a document comes in: a ``.txt`` of a corpus folder, a line of a JSONL
corpus and an import (``dated_meta``). A JSONL corpus opened directly kept only the meta its
line gave: a trial's "date 2024-03-17 ARBELA, …" article opened so had no date, and "Sunday"
was said to have no dateline, though an import of the same file read it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_DATELINE_RE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})(?=\s|$)")


def dateline_date(text: str) -> str | None:
    """The ISO day of a leading ``date YYYY-MM-DD`` line, when it is a calendar day."""
    match = _DATELINE_RE.match(text)
    if match is None:
        return None
    try:
        dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None
    return match.group(1)


def dated_meta(meta: dict[str, Any], text: str) -> dict[str, Any]:
    """``meta`` with ``date`` set from ``text``'s dateline, in place, and returned. A ``date``
    the meta gives already is kept as it is (whatever the dateline says): the source's own
    word on its document, as an import has always kept it."""
    if "date" not in meta:
        date = dateline_date(text)
        if date is not None:
            meta["date"] = date
    return meta
