"""Dates that count from an earlier date: "two days earlier", "the next day", "a week later".

``read_shift`` (its own module) reads the words of a date span as a whole number of days
forward or back (``two days later``, ``next day``, ``a fortnight later``), or says why they
give none (``a few days later``).

``relative_date`` gives such a span its value: the shift counted from its *anchor*, the
nearest date before it in the text, and says where that came from (or, for words that say no
whole number of days, why it has none: ``no value: 36 hours is no whole number of days``):

- a date span already labelled, by its value (whatever gave it), named by id:
  ``2 days before 2024-03-17 (s3)``;
- else a date read in text not labelled as a date: a day (``6 August 2023``, ``August 6,
  2023``, ``2023-08-06``, ``Sunday``, ``last Sunday``, ``next Sunday``, ``this coming
  Friday``, ``yesterday``, ``today``, ``last night``, or a phrase of this module, counted from
  its own anchor in turn), a month with its year (``September 2021``) or without it (``in
  February``, ``mid-March``, ``last month``: a date naming no day, as the month labelled is), or
  a year with ``in``, ``since``, ``until``, ``by`` or ``during`` before it (``since 2019``), named
  by its words and offsets: ``2 days after 2023-08-06 ('6 August 2023' 1203–1216)``. Its words
  are read whole (``about two weeks later``, not ``two weeks later``). Month and weekday names
  count only capitalised; a month alone only where it is no other word: after one of ``in on
  of since until till by during early late mid``, or else not opening a sentence ("August
  crowds"), before no capitalised word ("June Okafor"), and not ``May``. A year with no such
  word, and ``last year`` or ``this year`` with no month, count not at all: said in passing
  ("the war last year") more often than counted from;
- else the dateline: ``2 days before 2023-05-21 (the dateline)``.

The nearest is the one ending last at or before the span's start; a labelled date span hides
text it overlaps. When the nearest date names no day it gives no value, rather than passing on
to an earlier day: a wrong default is worse than an empty one. That is so of a month or a year
(``September 2021``, ``in February``), of a labelled date span with no value, and of words
read as a date that have none: ``a few days later``, ``days later``, ``two months later``,
``the following week``, ``the following Sunday``, ``Sunday`` with no dateline. The message
names those words (``no value: 1 day after 'A few days later' 34–50, the nearest date before
it, which has no value``), as it does ``36 hours later``; fewer hours than a day (``hours
later``, ``six hours later``) are passed over, as they most often fall on the day before them.
No anchor: no value. Offsets are code points, as everywhere.

A record keeps no word of where a value came from: ``how_counted`` works it out again from the
record (the span panel shows it under the value).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from annotator.core.dateline import DATELINE
from annotator.core.display import quoted
from annotator.core.models import Span
from annotator.core.normalise import FRACTION_WORDS, NUMBER_WORDS, VAGUE_WORDS
from annotator.core.normalise_dates import dateline, needs_dateline, no_dateline_words, parse_date
from annotator.core.relative_shift import Shift, Unread, read_shift
from annotator.core.scheme import Scheme


class RelativeValue(NamedTuple):
    """A relative date's value (None: none) and why, as a message says it."""

    value: str | None
    explanation: str


class _Dated(NamedTuple):
    start: int
    end: int
    value: str | None  # None: a date with no value, so what counts from it has none
    source: str  # "s3", "'6 August 2023' 1203–1216", "the dateline"
    words: str  # as said when it has no value: "s3 '24/01/2025'", "'Days later' 34–44"


# A full stop after an abbreviation only: "on 17 March." ends a sentence, not the date. A
# whole word: "17 Marchers" names no month.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
    r"(?![^\W\d_])"
)
_DAY = r"(?<![\d.,])\d{1,2}(?:st|nd|rd|th)?(?![\d])"
_YEAR = r"\d{4}(?![\d])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "before"/"after" only where nothing follows in the sentence ("two days after.");
# "two days after the talks" counts from the talks.
_DIRECTION = r"(?:earlier|later|(?:before|after)(?=\s*(?:[,.;:!?)\u201d\u2019\"']|$)))"
# The words a count of days may take in the text, all read with it: a count read from its
# last words only is a wrong count ("about two weeks", "3 1/2 days", "two hundred days",
# "one week and two days"). Words that may open no count ("and two days later") start none.
_COUNT_WORD = "|".join(
    sorted(
        {
            *NUMBER_WORDS,
            *FRACTION_WORDS,
            # "up", "least", "most" only with the word they go with: "showed up two days later".
            *(VAGUE_WORDS - {"up", "least", "most"}),
            *("a", "an", "and", "of", "couple", "so", "up to", "at least", "at most"),
        },
        key=len,
        reverse=True,
    )
).replace(" ", r"\s+")
_COUNT_PART = rf"(?:\d+(?:[.,/]\d+)*[½¼¾⅓⅔⅛]?|[½¼¾⅓⅔⅛]|(?:{_COUNT_WORD})(?![^\W\d_]))"
_DATE_UNIT = r"(?:days?|nights?|weeks?|fortnights?|hours?|months?|years?)(?![^\W\d_])"
_COUNT_TOKEN = rf"(?:{_COUNT_PART}(?:[-\u2013]{_COUNT_PART})*|{_DATE_UNIT})"
_COUNTED = (
    rf"(?i:\b(?!(?:and|or|to|of|than|so)\b)(?:{_COUNT_TOKEN}\s+)*{_DATE_UNIT}"
    rf"(?:\s+{_COUNT_TOKEN})*)\s+{_DIRECTION}"
)
# A word before a weekday says which one: "next Sunday" is after the dateline, "the following
# Sunday" after a date in the text (read as no value), never the Sunday before the dateline.
_WEEKDAY_WORD = (
    r"(?i:this\s+coming|this\s+past|last|next|this|coming|past|following|previous|"
    r"preceding|that|same)"
)
# The end of a word that is not the first part of a compound: "Following day-long talks" and
# "the following week-long festival" name no date ("the next day's talks" does).
_WHOLE_WORD = r"(?![\w\-\u2010\u2011])"
_TEXT_DATE = re.compile(
    "|".join(
        [
            r"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])",
            rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
            rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?",
            rf"{_MONTH}\s+{_YEAR}",
            rf"\b(?:(?:[Tt]he\s+)?{_WEEKDAY_WORD}\s+)?{_WEEKDAY}\b(?:\s+next\b(?:\s+week\b)?)?",
            r"\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast\s+night)\b",
            # "Next day" and "next morning" are said without "the" too.
            r"\b(?:[Tt]he\s+)?(?:[Nn]ext|[Ff]ollowing|[Pp]revious|[Pp]receding)\s+"
            rf"(?:day|morning|afternoon|evening|night){_WHOLE_WORD}",
            rf"\b[Tt]he\s+(?:next|following|previous|preceding)\s+(?:week|weekend|month|year)"
            rf"{_WHOLE_WORD}",
            rf"\b[Tt]he\s+(?:day|morning|afternoon|evening|night)\s+{_DIRECTION}",
            _COUNTED,
        ]
    )
)
# A month or year named with no day ("captured in February"): a date naming no day, so what
# counts from a date after it gets no value, as it does from the month labelled. Only words
# that can be nothing else: "may" (lower case), "the march", "August crowds" opening a sentence
# and "June Okafor" are no month; "some 2000 homes" is no year ("in 2019" is, and so, rarely
# wrongly, is "in 2000 homes": a wrong block withholds a value, a wrong count gives one).
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?![^\W\d_])"
)
_NAMED_PERIOD = re.compile(
    r"(?<![^\W\d_])(?:"
    rf"(?i:in|on|of|since|until|till|by|during|early|late|mid)(?:\s+|-)(?P<month>{_MONTH_NAME})"
    r"|(?i:in|since|until|till|by|during|early|late|mid)(?:\s+|-)(?P<year>(?:1[89]|20)\d\d)(?!\d)"
    rf"|(?P<bare>(?!May){_MONTH_NAME})"
    r"|(?P<last>(?i:last|this|next)\s+month)(?![^\W\d_])"
    r")"
)
_YEAR_AFTER_A_MONTH = re.compile(r"\s+(?i:last|this|next)\s+year(?![^\W\d_])")
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Words quoted in a message whole, up to this many characters ("Three and a half weeks later").
_SAID_LIMIT = 40


def relative_date(
    text: str,
    start: int,
    end: int,
    date_spans: Iterable[Span],
    doc_date: str | None,
    words: str | None = None,
) -> RelativeValue | None:
    """The value of the date span ``text[start:end]`` when its words count from an earlier
    date, or why it has none (None when they count from none): ``date_spans`` are the record's
    spans of date labels, and ``doc_date`` the article's dateline day (see the module
    docstring). ``words``: read in place of the span's own, counted from the same date (a
    value typed for the span with ``v``: ``typed_value``)."""
    shift = read_shift(text[start:end] if words is None else words)
    if shift is None:
        return None
    if isinstance(shift, Unread):
        return RelativeValue(None, f"no value: {shift.why}")
    anchor = _nearest(_dated_before(text, start, list(date_spans), doc_date), start)
    if anchor is None:
        # With no dateline, none may be the reason: said, with what a dateline is.
        missing = (
            f", and this article has no dateline {no_dateline_words(text)}"
            if dateline(doc_date) is None
            else ""
        )
        return RelativeValue(None, f"no value: no date before it to count {shift.words}{missing}")
    if anchor.value is None:
        anchor_words = text[anchor.start : anchor.end]
        missing = (
            f": it is read from the dateline, and this article has none {no_dateline_words(text)}"
            if needs_dateline(anchor_words, doc_date)
            else ""
        )
        return RelativeValue(
            None,
            f"no value: {shift.words} {anchor.words}, the nearest date before it, "
            f"which has no value{missing}",
        )
    value = _counted(anchor.value, shift.days)
    if value is None and _DAY_VALUE.fullmatch(anchor.value):
        side, edge = ("last", dt.date.max) if shift.days > 0 else ("first", dt.date.min)
        return RelativeValue(
            None,
            f"no value: {shift.words} {anchor.value} ({anchor.source}) runs past the "
            f"calendar's {side} day, {edge.isoformat()}",
        )
    if value is None:
        return RelativeValue(
            None, f"no value: {shift.words} {anchor.value} ({anchor.source}), which names no day"
        )
    return RelativeValue(value, f"{shift.words} {anchor.value} ({anchor.source})")


def date_spans(spans: Iterable[Span], scheme: Scheme) -> list[Span]:
    """The spans of ``spans`` whose label takes a date: those ``relative_date`` counts from."""
    return [span for span in spans if _takes_a_date(span, scheme)]


def how_counted(
    text: str, span: Span, spans: Iterable[Span], scheme: Scheme, doc_date: str | None
) -> str | None:
    """Where the value of date span ``span`` (one of the record's ``spans``) came from, as
    ``relative_date`` says it (``2 days after 2023-08-06 (s3)``), when it is the value its
    words count now; else None. Worked out again from the record, which keeps no word of
    where a value came from: a value counted from a date changed since, or typed other than
    the count, is not explained (one typed the same is: the count holds for it too)."""
    if not isinstance(span.value, str) or not _takes_a_date(span, scheme):
        return None
    counted = relative_date(text, span.start, span.end, date_spans(spans, scheme), doc_date)
    return counted.explanation if counted is not None and counted.value == span.value else None


def _takes_a_date(span: Span, scheme: Scheme) -> bool:
    label = scheme.label(span.label)
    return label is not None and label.value_type == "date"


def _dated_before(
    text: str, before: int, date_spans: list[Span], doc_date: str | None
) -> list[_Dated]:
    """The dates ending at or before ``before``, the dateline first, with their values: a
    relative one read in the text counted from the one nearest before it. A date with no value
    (a labelled span, "a few days later", "Sunday" with no dateline) is kept: it is the
    nearest date to what follows it, which must not count from an earlier one instead."""
    day = dateline(doc_date)
    found = [] if day is None else [_Dated(-1, -1, day.isoformat(), "the dateline", "")]
    mentions: list[tuple[int, int, str | Shift | None, str, str]] = [
        (
            span.start,
            span.end,
            span.value if isinstance(span.value, str) else None,
            span.id,
            f"{span.id} {quoted(text[span.start : span.end], _SAID_LIMIT)}",
        )
        for span in date_spans
        if span.end <= before
    ]
    skip = DATELINE.match(text)  # the dateline, not a date in the text
    begin = skip.end() if skip else 0
    # The whole text is searched (not cut at ``before``: a cut would make "two days after the
    # talks" end in "after" and "6 August 2023" end in "6 August").
    taken = [(span.start, span.end) for span in date_spans]
    for match in _TEXT_DATE.finditer(text, begin):
        low, high = match.span()
        if high > before:
            break
        labelled = any(span.start < high and low < span.end for span in date_spans)
        taken.append((low, high))
        if labelled:
            continue  # the label's value (or none) decides
        shifted = read_shift(match.group())
        if isinstance(shifted, Unread) and shifted.within_a_day:
            continue  # "hours later": most often the same day, passed over as it always was
        source = f"{quoted(match.group(), _SAID_LIMIT)} {low}–{high}"
        read = shifted if isinstance(shifted, Shift) else parse_date(match.group(), doc_date)
        mentions.append((low, high, read, source, source))
    for low, high in _named_periods(text, begin, before):
        if any(start < high and low < end for start, end in taken):
            continue  # labelled, or part of a date read whole ("in September 2021")
        source = f"{quoted(text[low:high], _SAID_LIMIT)} {low}–{high}"
        mentions.append((low, high, _period_value(text[low:high], doc_date), source, source))
    for low, high, read, source, words in sorted(mentions, key=lambda mention: mention[:2]):
        if isinstance(read, Shift):
            anchor = _nearest(found, low)
            from_value = None if anchor is None else anchor.value
            read = None if from_value is None else _counted(from_value, read.days)
        found.append(_Dated(low, high, read, source, words))
    return found


def _named_periods(text: str, begin: int, before: int) -> list[tuple[int, int]]:
    """Where ``text`` from ``begin`` names a month or a year and no day, ending at or before
    ``before``: the month's or the year's words only ("February" of "in February"), with the
    year said after a month ("June last year")."""
    found = []
    for match in _NAMED_PERIOD.finditer(text, begin):
        group = next(name for name in ("month", "year", "bare", "last") if match.group(name))
        low, high = match.span(group)
        if group == "bare" and (_opens_a_sentence(text, low, begin) or _before_a_name(text, high)):
            continue
        if group in ("month", "bare"):
            year = _YEAR_AFTER_A_MONTH.match(text, high)
            high = year.end() if year else high
        if high > before:
            break
        found.append((low, high))
    return found


def _period_value(words: str, doc_date: str | None) -> str | None:
    """``2024-06`` for "June last year" with a dateline in 2025; else as ``parse_date`` reads
    the words ("June": the June nearest the dateline)."""
    said = words.split()
    day = dateline(doc_date)
    if len(said) != 3 or day is None:
        return parse_date(words, doc_date)
    year = day.year + {"last": -1, "this": 0, "next": 1}[said[1].casefold()]
    return parse_date(f"{said[0]} {year}", doc_date)


def _opens_a_sentence(text: str, at: int, begin: int) -> bool:
    """Whether the word at ``at`` opens a sentence or a paragraph (quotes before it aside)."""
    low = at
    while low > begin and (text[low - 1].isspace() or _is_quote(text[low - 1])):
        low -= 1
    return low == begin or "\n" in text[low:at] or text[low - 1] in ".!?…"


def _is_quote(char: str) -> bool:
    return char in "\"'" or unicodedata.category(char) in ("Pi", "Pf", "Ps")


def _before_a_name(text: str, end: int) -> bool:
    """Whether a capitalised word follows at ``end`` on the same line ("June Okafor")."""
    rest = re.match(r"[ \t\u00a0]+(\w)", text[end : end + 40])
    return rest is not None and rest.group(1).isupper()


def _nearest(found: list[_Dated], before: int) -> _Dated | None:
    ending = [item for item in found if item.end <= before]
    return max(ending, key=lambda item: (item.end, item.start), default=None)


def _counted(value: str, days: int) -> str | None:
    """``value`` moved by ``days``, or None when it names no day (``2024-03``, ``2024``) or
    the count runs past the calendar (``10000000 days later``)."""
    if not _DAY_VALUE.fullmatch(value):
        return None
    try:
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return None
