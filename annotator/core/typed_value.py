"""A span's value typed with ``v``, in the annotation screen and in review alike: one reading.

``read_typed_value`` reads what a person typed as a value of a label's type. Counts and text are
``normalise.typed_span_value``'s. A date is read as labelling reads a date span's words, at the
span's place (``SpanPlace``): ``YYYY-MM-DD``/``YYYY-MM``/``YYYY`` as typed; words as
``normalise_dates.parse_date`` reads them, weekdays and ``yesterday``, ``last month`` from the
dateline (``last Sunday``: the Sunday before the dateline); and words that count from an earlier
date (``two days later``) counted by ``normalise_relative.relative_date`` from the nearest date
before the span, as when it was labelled. A trial typed "last Sunday" with ``v`` and was told it
was no date, though labelling those very words had valued them.

What words were read as comes back with the value (``TypedValue.reading``), for the notice:
``'last Sunday': the Sunday before the dateline``, ``'two days later': 2 days after 2024-03-17
(s3)``. Words that give no value are refused with the reason the relative-date reader gives
(``'a few days later': no value: its words say no exact number of days``), and words read as no
date at all with the forms a date may take.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from annotator.core import spans as span_ops
from annotator.core.display import quoted
from annotator.core.errors import AnnotatorError
from annotator.core.models import Record, Span
from annotator.core.normalise import typed_span_value
from annotator.core.normalise_dates import dateline, no_dateline_words, parse_date
from annotator.core.normalise_relative import date_spans, relative_date
from annotator.core.relative_shift import read_shift
from annotator.core.scheme import Scheme
from annotator.core.values import ascii_digits, check_date

# Typed words quoted whole in a message up to this many characters, as relative dates are.
_SAID_LIMIT = 40
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The words of a weekday as parse_date knows them: a value read from one is "the Sunday before".
_WEEKDAY_WORDS = frozenset(
    str.split(
        "monday mon tuesday tue tues wednesday wed thursday thu thurs friday fri saturday sat "
        "sunday sun"
    )
)
# Any dateline gives a weekday a value: whether words count from the dateline at all.
_SOME_DATELINE = "2001-01-01"
_NOT_A_DATE = (
    "is not a date (YYYY-MM-DD, YYYY-MM or YYYY, or words such as 7 June 2024, last Sunday "
    "or two days later)"
)


class TypedValue(NamedTuple):
    """A typed value, and what words were read as (None: typed as the value itself)."""

    value: int | str | None
    reading: str | None = None


class SpanPlace(NamedTuple):
    """Where a date typed for a span is read: the document's text, the span's offsets, the
    record's date spans (what "two days later" counts from) and the dateline day."""

    text: str
    start: int
    end: int
    date_spans: Sequence[Span]
    doc_date: str | None


def read_typed_value(value_type: str, raw: Any, place: SpanPlace | None = None) -> TypedValue:
    """``raw`` (typed text, or a value) as a span value of ``value_type``, read at ``place``
    (None: nowhere, so only words that need no dateline nor earlier date are read); raises
    AnnotatorError saying why it is none (see the module docstring)."""
    if value_type != "date" or not isinstance(raw, str) or not raw.strip():
        return TypedValue(typed_span_value(value_type, raw))
    typed = raw.strip()
    folded = ascii_digits(typed)
    try:
        checked = check_date(folded)
    except ValueError as error:
        refusal = str(error)
    else:
        # "٢٠٢٤-٠٣-١٥" is saved as 2024-03-15, and the notice quotes what was typed.
        return TypedValue(checked, None if folded == typed else quoted(typed, _SAID_LIMIT))
    said = quoted(typed, _SAID_LIMIT)  # as typed
    typed = folded  # words and digits: "١٥ March ٢٠٢٤" read as "15 March 2024"
    doc_date = place.doc_date if place is not None else None
    value = parse_date(typed, doc_date)
    if value is not None:
        day = dateline(doc_date)
        if day is None or parse_date(typed, None) == value:
            return TypedValue(value, said)  # "7 June 2024": read without the dateline
        return TypedValue(value, f"{said}: {_from_the_dateline(typed, value, day)}")
    if place is None and read_shift(typed) is not None:
        raise AnnotatorError(f"{said} counts from an earlier date, and no text is known here")
    if place is not None:
        counted = relative_date(
            place.text, place.start, place.end, place.date_spans, doc_date, words=typed
        )
        if counted is not None and counted.value is None:
            raise AnnotatorError(f"{said}: {counted.explanation}")
        if counted is not None:
            return TypedValue(counted.value, f"{said}: {counted.explanation}")
    if dateline(doc_date) is None and parse_date(typed, _SOME_DATELINE) is not None:
        dateline_is = no_dateline_words(place.text if place is not None else "")
        raise AnnotatorError(
            f"{said} is read from the dateline, and this article has none {dateline_is}"
        )
    if typed[:1].isdecimal() and not re.search(r"[^\d\-]", typed):
        raise AnnotatorError(refusal)  # "2024-13-01": is not a calendar date
    raise AnnotatorError(f"{raw.strip()!r} {_NOT_A_DATE}")


def _from_the_dateline(typed: str, value: str, day: dt.date) -> str:
    """How ``value``, read from ``typed`` with the dateline ``day``, came from it: the weekday
    before or after it, the day before it, or the dateline's year or month (the one before)."""
    words = re.findall(r"[^\W\d_]+", typed.casefold())
    if len(value) == 10:
        read = dt.date.fromisoformat(value)
        if _WEEKDAY_WORDS.intersection(words):
            name = _WEEKDAY_NAMES[read.weekday()]
            if read == day:
                return f"the dateline, a {name}"
            return f"the {name} {'before' if read < day else 'after'} the dateline"
        if not re.search(r"\d", typed):
            if read == day:
                return "the dateline"
            if read == day - dt.timedelta(days=1):
                return "the day before the dateline"
    if len(value) == 7 and "month" in words:
        same = value == f"{day.year:04d}-{day.month:02d}"
        return "the dateline's month" if same else "the month before the dateline's"
    same_year = value[:4] == f"{day.year:04d}"
    if len(value) == 4:
        return "the dateline's year" if same_year else "the year before the dateline's"
    return "in the dateline's year" if same_year else "in the year before the dateline's"


def set_typed_value(
    record: Record, text: str, span_id: str, raw: Any, scheme: Scheme, doc_date: str | None
) -> tuple[Record, list[str]]:
    """``record`` with span ``span_id``'s value set from ``raw``, as typed with ``v`` in the
    annotation screen (``text``: the document's, ``doc_date``: its dateline), and what words
    were read as: ``s5 = 2024-03-17 ('last Sunday': the Sunday before the dateline)``."""
    span = record.span_by_id(span_id)
    label = scheme.label(span.label) if span is not None else None
    if span is None or label is None:
        return span_ops.set_span_value(record, span_id, raw, scheme), []  # its refusal
    place = SpanPlace(text, span.start, span.end, date_spans(record.spans, scheme), doc_date)
    try:
        typed = read_typed_value(label.value_type, raw, place)
    except AnnotatorError as error:
        raise AnnotatorError(f"{span_id} ({span.label}): {error}") from None
    changed = span_ops.set_span_value(record, span_id, typed.value, scheme)
    said = [] if typed.reading is None else [f"{span_id} = {typed.value} ({typed.reading})"]
    return changed, said
