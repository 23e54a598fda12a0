"""Reading dates from a span's words: the normalised value a new date span gets by default.

``parse_date`` returns None whenever the words do not say one exact date, since a wrong default
is worse than an empty one.

Dates (``doc_date`` is the article's dateline day, ``YYYY-MM-DD``, used for anything relative):
ISO ``2025-08-24`` / ``2025-08`` / ``2025``; ``24 August 2025``, ``August 24, 2025``,
``Aug. 24th 2025``; ``24 August`` / ``August 24`` (the dateline's year, or the year before when
that would put the day more than six months after the dateline: an article of 5 January about
"28 December"); ``March 2024`` gives ``2024-03``, ``March`` alone that month by the same year rule;
``2022``; weekdays (``Sunday``, ``on Sunday``, ``Saturday night``) give the most recent such day
on or before the dateline, ``last Sunday`` and ``this past Sunday`` the most recent before it,
``next Sunday``, ``this coming Sunday``, ``Sunday next`` the first such day after it (``the
next Sunday`` none: it follows a day in the text), and ``this Friday`` the Friday of the
dateline's week (Monday to Sunday);
``today``, ``tonight``, ``yesterday``, ``last night``;
``this year``, ``last year``, ``this month``, ``last month``. Numeric day-month forms such as
``24/08/2025`` are ambiguous between conventions and give None. Dates that count from an
earlier one in the text ("two days later") are read by ``normalise_relative``.
"""

from __future__ import annotations

import datetime as dt
import re

from annotator.core.values import ascii_digits, check_date

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_FILLER = frozenset(
    str.split(
        "on in of the at during early late mid morning afternoon evening night overnight dawn "
        "noon midday midnight"
    )
)
# A weekday after one of these is the first such day after the dateline, not on or before it.
_AHEAD = frozenset(["next", "coming"])
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1}
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DATE_WORD = re.compile(r"\d+(?:st|nd|rd|th)?|[^\W\d_]+")
_SIX_MONTHS = dt.timedelta(days=183)


def dateline(doc_date: str | None) -> dt.date | None:
    """The article's day from ``meta.date``, or None when missing or not a calendar day."""
    if not isinstance(doc_date, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc_date):
        return None
    try:
        return dt.date.fromisoformat(doc_date)
    except ValueError:
        return None


def parse_date(text: str, doc_date: str | None) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` for the words of a date span, or None."""
    # Digits of any script read as theirs ("٢٠٢٤-٠٣-١٥", "15 March ٢٠٢٤"), as a count's are.
    flat = ascii_digits(text.strip().casefold().strip(".,;:"))
    if _ISO.match(flat):
        try:
            return check_date(flat)
        except ValueError:
            return None
    day_of_doc = dateline(doc_date)
    said = _DATE_WORD.findall(flat)
    words = [word for word in said if word not in _FILLER]
    if "/" in flat or not words:
        return None
    if len(words) == 2 and words[1] in ("year", "month") and words[0] in ("this", "last"):
        return _relative_period(words[0], words[1], day_of_doc)
    if said == ["last", "night"] or (len(words) == 1 and words[0] in _RELATIVE_DAYS):
        if day_of_doc is None:
            return None
        shift = -1 if words[0] == "last" else _RELATIVE_DAYS[words[0]]
        return (day_of_doc + dt.timedelta(days=shift)).isoformat()
    if "the" in said and _names_a_weekday_only(words) and set(words) & {"next", "last", *_AHEAD}:
        return None  # "the next Sunday": the one after a date in the text, not the dateline
    return _calendar_date(words, day_of_doc)


def _names_a_weekday_only(words: list[str]) -> bool:
    weekday = any(word in _WEEKDAYS for word in words)
    return weekday and not any(word in _MONTHS or word[0].isdecimal() for word in words)


def _relative_period(which: str, period: str, day_of_doc: dt.date | None) -> str | None:
    if day_of_doc is None:
        return None
    if period == "year":
        return f"{day_of_doc.year - (which == 'last'):04d}"
    year, month = day_of_doc.year, day_of_doc.month
    if which == "last":
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return f"{year:04d}-{month:02d}"


def _calendar_date(words: list[str], day_of_doc: dt.date | None) -> str | None:
    weekdays, months, days, years = [], [], [], []
    for word in words:
        if word in _WEEKDAYS:
            weekdays.append(_WEEKDAYS[word])
        elif word in _MONTHS:
            months.append(_MONTHS[word])
        elif word[0].isdecimal():
            digits = word.rstrip("stndrh")
            if len(digits) == 4 and digits == word:
                years.append(int(digits))
            elif len(digits) in (1, 2):
                days.append(int(digits))
            else:
                return None
        elif word not in ("last", "this", "past", *_AHEAD):
            return None
    if len(weekdays) > 1 or len(months) > 1 or len(days) > 1 or len(years) > 1:
        return None
    if days and not months:
        return None
    ahead = any(word in _AHEAD for word in words)
    if ahead:
        # "next Sunday", "this coming Friday": a weekday after the dateline, nothing else.
        if not weekdays or months or years or any(word in ("last", "past") for word in words):
            return None
        if day_of_doc is None:
            return None
        forward = (weekdays[0] - day_of_doc.weekday() - 1) % 7 + 1
        return (day_of_doc + dt.timedelta(days=forward)).isoformat()
    if months:
        return _month_date(months[0], days[0] if days else None, years, day_of_doc)
    if weekdays:
        if day_of_doc is None or years:
            return None
        if "this" in words and not any(word in ("last", "past") for word in words):
            # "this Friday": the Friday of the dateline's own week, Monday to Sunday. Said on a
            # Tuesday it is to come ("will resume this Friday", which a trial found a week
            # early when read as the last Friday), said on a Saturday it was yesterday; the
            # tense that would tell them apart is outside the span, and the week is a rule an
            # annotator can predict. "this coming" and "this past" say which way themselves.
            monday = day_of_doc - dt.timedelta(days=day_of_doc.weekday())
            return (monday + dt.timedelta(days=weekdays[0])).isoformat()
        back = (day_of_doc.weekday() - weekdays[0]) % 7
        if back == 0 and any(word in ("last", "past") for word in words):
            # "last Sunday" in a Sunday's article is the Sunday before: the dateline itself
            # would be "today" or "on Sunday" (a trial read 2024-03-17 for it on 2024-03-17).
            back = 7
        return (day_of_doc - dt.timedelta(days=back)).isoformat()
    return f"{years[0]:04d}" if years and 1000 <= years[0] <= 9999 else None


def _month_date(
    month: int, day: int | None, years: list[int], day_of_doc: dt.date | None
) -> str | None:
    if years:
        year = years[0]
    elif day_of_doc is None:
        return None
    else:
        year = day_of_doc.year
        probe = _safe_date(year, month, day or 1)
        if probe is not None and probe - day_of_doc > _SIX_MONTHS:
            year -= 1
    if day is None:
        return f"{year:04d}-{month:02d}"
    found = _safe_date(year, month, day)
    return None if found is None else found.isoformat()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Every word ``parse_date`` reads beside the names of months and weekdays and digits.
_READ_WORDS = frozenset(
    [*_FILLER, *_AHEAD, *_RELATIVE_DAYS, "last", "this", "past", "year", "month", "night"]
)


def unread_date_words(text: str) -> list[str]:
    """The words of ``text`` that ``parse_date`` reads as no part of a date, in order: a month
    or a weekday of another language ("mars", "dimanche"), a season, an ordinal in words.
    Digits are read (a day, a year), whatever surrounds them."""
    flat = ascii_digits(text.strip().casefold())
    return [
        word
        for word in _DATE_WORD.findall(flat)
        if not word[0].isdecimal()
        and word not in _MONTHS
        and word not in _WEEKDAYS
        and word not in _READ_WORDS
    ]


# What a dateline is, as a message says it where an article has none (README "Files").
DATELINE_IS = "a first line 'date YYYY-MM-DD'"
# Any day will do: words that give a date with it and none without count from the dateline.
_SOME_DATELINE = "2001-01-01"
# A day named at the start of the article's first line, as a wire dateline gives it ("LISBON,
# 14 March 2025 — ..."; "March 14, 2025 —"): a place before it, a dash after it.
_OPENING_DAY = re.compile(
    r"\A[^\S\n]*(?:[^\W\d_][^\n,—–]{0,40},[^\S\n]*)?"
    r"(?P<day>\d{1,2}[^\S\n]+[^\W\d_]+\.?,?[^\S\n]+\d{4}|[^\W\d_]+\.?[^\S\n]+\d{1,2},?[^\S\n]+\d{4}"
    r"|\d{4}-\d{2}-\d{2})"
    r"(?=[^\S\n]*(?:\([^)\n]{0,30}\)[^\S\n]*)?[—–-])"
)


def needs_dateline(words: str, doc_date: str | None) -> bool:
    """Whether ``words`` give a date only counted from the dateline ("Monday", "yesterday",
    "24 August", "last month") and ``doc_date`` is none: the span gets no value, and the
    message says why (``no_dateline_words``)."""
    if dateline(doc_date) is not None or parse_date(words, None) is not None:
        return False
    return parse_date(words, _SOME_DATELINE) is not None


def no_dateline_words(text: str) -> str:
    """What a dateline is, in brackets, as a message on a date with no value in ``text``, an
    article with none, says it: "(a first line 'date YYYY-MM-DD')". A day opening the first
    line as a wire dateline gives it is named, not read as one (``opening_day``): it is not
    always the day the article was written, and a value counted from a guess would go into
    records unseen."""
    said = f"({DATELINE_IS}"
    opening = opening_day(text)
    if opening is not None:
        said += f"; {opening[0]!r} in its first line is not read as one"
    return said + ")"


def opening_day(text: str) -> tuple[str, str] | None:
    """The words and ``YYYY-MM-DD`` of a whole day opening ``text``'s first line, a place
    and a comma before it and a dash after it (``LISBON, 14 March 2025 —``); None when none."""
    match = _OPENING_DAY.match(text)
    if match is None:
        return None
    words = match.group("day")
    value = parse_date(words, None)
    return (words, value) if value is not None and len(value) == 10 else None
