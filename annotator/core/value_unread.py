"""Why a count or date span has no value, as labelling says it and the span panel shows it.

A span's words give no value when they say no exact one (``normalise``: a wrong default is
worse than an empty one), or a count outside its label's range (``value_range``: "4,000" of a
count of at most 100), and the message names why: a date counted from an earlier one that
has none (``normalise_relative``), a date read from a dateline the article lacks
(``normalise_dates.needs_dateline``), or words the readers do not read at all: counts and dates
are read in English words and in digits, and "trois", "14 mars" or "dimanche" got no value and
no word, as if the reader had found nothing to say. Their words are named; no value is guessed
from them. Vague counts ("hundreds", "about 50") are read, as vague: they have none, unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator.core.display import quoted
from annotator.core.models import Span
from annotator.core.normalise import FRACTION_WORDS, NUMBER_WORDS, VAGUE_WORDS, parse_count
from annotator.core.normalise_dates import (
    needs_dateline,
    no_dateline_words,
    parse_date,
    unread_date_words,
)
from annotator.core.normalise_relative import date_spans, relative_date
from annotator.core.scheme import Scheme
from annotator.core.value_range import range_why

COUNTS_READ = "counts are read in digits and English words: 146, forty-one"
DATES_READ = "dates are read in digits and English words: 14 March 2025, last Sunday"
# A word as ``parse_count`` reads one: digits (with what follows them), or letters.
_COUNT_WORD = re.compile(r"\d+(?:[.,]\d+)*[^\W\d_]*|[^\W\d_]+")
_READ_IN_A_COUNT = frozenset([*NUMBER_WORDS, *VAGUE_WORDS, *FRACTION_WORDS])


def unread_count(words: str) -> str | None:
    """Why ``words`` give no count when none of them is read as part of one (no digit, no
    English number word, nothing vague): "trois prisonniers". None when they give one, or
    hold what a count is read from ("hundreds", "about 50", "three and a half": read, and
    none on purpose)."""
    if parse_count(words) is not None:
        return None
    said = _COUNT_WORD.findall(re.sub(r"[-\u2010\u2011]", " ", words.casefold()))
    if any(word[0].isdecimal() or word in _READ_IN_A_COUNT for word in said):
        return None
    if any(char in words for char in "+~≈<>±"):
        return None  # "~50": a vague count, read
    return f"no number read in its words ({COUNTS_READ})"


def unread_date(words: str, doc_date: str | None) -> str | None:
    """Why ``words`` give no date when some of them are read as no part of one ("mars" of
    "14 mars", "dimanche"), naming them. None when they give a date, or hold only what dates
    are read from (``24/08/2025``, ambiguous; "the next Sunday", which follows a day in the
    text: none on purpose)."""
    if parse_date(words, doc_date) is not None:
        return None
    unread = unread_date_words(words)
    if not unread:
        return None
    named = ", ".join(quoted(word) for word in dict.fromkeys(unread))
    verb = "is" if len(set(unread)) == 1 else "are"
    return f"{named} {verb} not read in a date ({DATES_READ})"


def no_value_reason(
    text: str, span: Span, spans: Iterable[Span], scheme: Scheme, doc_date: str | None
) -> str | None:
    """Why ``span`` (one of the record's ``spans``, in ``text``) has no value, as labelling
    says it ("no value: ..."); None when it has one, takes none, or its words are read and
    give none on purpose (a vague count)."""
    label = scheme.label(span.label)
    if span.value is not None or label is None:
        return None
    words = text[span.start : span.end]
    if label.value_type == "integer":
        # "4,000" labelled a count of at most 100 is read, and left empty by its range
        # (``in_range_or_none``): a trial saw "95" get 95 and "120" nothing, unsaid.
        read = parse_count(words)
        out_of_range = None if read is None else range_why(label, read)
        if out_of_range is not None:
            return f"no value: {read} is {out_of_range}"
        why = unread_count(words)
        return None if why is None else f"no value: {why}"
    if label.value_type != "date":
        return None
    counted = relative_date(text, span.start, span.end, date_spans(spans, scheme), doc_date)
    if counted is not None:
        return counted.explanation if counted.value is None else None
    if needs_dateline(words, doc_date):
        # "Monday" with no dateline got no value, unsaid: a trial pressed the date key and saw
        # nothing (the README promises the message).
        dateline_is = no_dateline_words(text)
        return f"no value: it is read from the dateline, and this article has none {dateline_is}"
    why = unread_date(words, doc_date)
    return None if why is None else f"no value: {why}"
