"""Relative dates a trial found unread: "next day" without "the", nights, fortnights and hours,
counted from the nearest date before them; why words that count from a date give no value; and
such words read in the text as the date a later one counts from. Worked out by hand."""

from __future__ import annotations

import pytest

from annotator.core.models import Span
from annotator.core.normalise_relative import RelativeValue, relative_date


def _span(text: str, words: str, span_id: str, value: str | None) -> Span:
    start = text.index(words)
    return Span(
        id=span_id, start=start, end=start + len(words), label="date", text=words, value=value
    )


def _valued(text: str, words: str, spans: list[Span], doc_date: str | None) -> RelativeValue | None:
    start = text.rindex(words)
    return relative_date(text, start, start + len(words), spans, doc_date)


def test_next_day_without_the_counts_as_the_next_day_does() -> None:
    text = "date 2026-11-20 Talks opened on 14 November; they met again next day."
    spans = [_span(text, "14 November", "s4", "2026-11-14")]
    assert _valued(text, "next day", spans, "2026-11-20") == (
        "2026-11-15",
        "1 day after 2026-11-14 (s4)",
    )
    assert _valued(text.replace("next day", "the next day"), "the next day", spans, None) == (
        "2026-11-15",
        "1 day after 2026-11-14 (s4)",
    )


@pytest.mark.parametrize(
    ("words", "value", "said"),
    [
        ("a fortnight later", "2026-11-28", "1 fortnight after 2026-11-14 (s1)"),
        ("three nights later", "2026-11-17", "3 nights after 2026-11-14 (s1)"),
        ("48 hours later", "2026-11-16", "48 hours after 2026-11-14 (s1)"),
        ("day before", "2026-11-13", "1 day before 2026-11-14 (s1)"),
    ],
)
def test_fortnights_nights_and_whole_days_of_hours_count(words: str, value: str, said: str) -> None:
    text = f"date 2026-11-20 Freed on 14 November. {words}, a statement."
    spans = [_span(text, "14 November", "s1", "2026-11-14")]
    assert _valued(text, words, spans, "2026-11-20") == (value, said)


@pytest.mark.parametrize(
    ("words", "said"),
    [
        ("A few days later", "no value: its words say no exact number of days"),
        ("36 hours later", "no value: 36 hours is no whole number of days"),
        ("Hours later", "no value: its words say no exact number of hours"),
        ("Two months later", "no value: a month or a year is no fixed number of days"),
        ("The following week", "no value: it names a week, not a day"),
    ],
)
def test_words_counting_from_a_date_with_no_number_of_days_say_why(words: str, said: str) -> None:
    # The date before them has a value: what is missing is in their own words.
    text = f"date 2026-11-20 Freed on 14 November. {words}, a statement."
    spans = [_span(text, "14 November", "s1", "2026-11-14")]
    assert _valued(text, words, spans, "2026-11-20") == (None, said)


def test_next_day_said_in_the_text_is_counted_from() -> None:
    text = "Freed on 14 November 2026. Next day a call came; two days later, a video."
    assert _valued(text, "two days later", [], None) == (
        "2026-11-17",
        "2 days after 2026-11-15 ('Next day' 27–35)",
    )


def test_fortnights_nights_and_hours_said_in_the_text_are_counted_from() -> None:
    text = "Freed on 1 March 2026. A fortnight later, talks. The next day, a deal."
    assert _valued(text, "The next day", [], None) == (
        "2026-03-16",
        "1 day after 2026-03-15 ('A fortnight later' 23–40)",
    )
    text = "Freed on 1 March 2026. Two nights later, talks. The next day, a deal."
    assert _valued(text, "The next day", [], None) == (
        "2026-03-04",
        "1 day after 2026-03-03 ('Two nights later' 23–39)",
    )
    text = "Freed on 1 March 2026. 72 hours later, talks. The next day, a deal."
    assert _valued(text, "The next day", [], None) == (
        "2026-03-05",
        "1 day after 2026-03-04 ('72 hours later' 23–37)",
    )


def test_hours_that_pass_a_day_by_a_part_of_one_give_what_follows_no_value() -> None:
    # After 36 hours the next day is the 3rd or the 4th: counted from the 1st, it would be wrong.
    text = "Freed on 1 March 2026. 36 hours later, talks. The next day, a deal."
    assert _valued(text, "The next day", [], None) == (
        None,
        "no value: 1 day after '36 hours later' 23–37, the nearest date before it, which has "
        "no value",
    )


@pytest.mark.parametrize("hours", ["Hours later", "A few hours later", "Six hours later"])
def test_fewer_hours_than_a_day_in_the_text_are_passed_over(hours: str) -> None:
    # Most often the same day: the next day counts from the date before them, as it always did.
    text = f"Freed on 1 March 2026. {hours}, talks. The next day, a deal."
    assert _valued(text, "The next day", [], None) == (
        "2026-03-02",
        "1 day after 2026-03-01 ('1 March 2026' 9–21)",
    )


def test_this_weekday_in_the_text_is_the_one_of_the_dateline_s_week() -> None:
    # The dateline, 2026-11-17, is a Tuesday: "this Friday" is the 20th, to come.
    text = "date 2026-11-17 Talks will resume this Friday. The next day, prisoners go home."
    assert _valued(text, "The next day", [], "2026-11-17") == (
        "2026-11-21",
        "1 day after 2026-11-20 ('this Friday' 34–45)",
    )


def test_no_days_later_is_the_day_counted_from() -> None:
    text = "date 2026-11-20 Freed on 14 November. 0 days later, a statement."
    spans = [_span(text, "14 November", "s1", "2026-11-14")]
    assert _valued(text, "0 days later", spans, "2026-11-20") == (
        "2026-11-14",
        "0 days after 2026-11-14 (s1)",
    )


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (
            "10000000 days later",
            "10000000 days after 2026-11-14 (s1) runs past the calendar's last day, 9999-12-31",
        ),
        (
            "10000000 days earlier",
            "10000000 days before 2026-11-14 (s1) runs past the calendar's first day, 0001-01-01",
        ),
    ],
)
def test_a_count_past_the_calendar_says_so_not_that_the_anchor_names_no_day(
    words: str, said: str
) -> None:
    # The anchor names a day; it is the count that no date can hold.
    text = f"date 2026-11-20 Freed on 14 November. {words}, a statement."
    spans = [_span(text, "14 November", "s1", "2026-11-14")]
    assert _valued(text, words, spans, "2026-11-20") == (None, f"no value: {said}")


@pytest.mark.parametrize(
    "said",
    [
        "Following day-long talks",
        "The following day-long talks",
        "Next day\u2011trips",
        "The following week-long talks",
    ],
)
def test_the_first_part_of_a_compound_is_no_date_in_the_text(said: str) -> None:
    # "Following day" of "Following day-long talks" read as a date made "Two days later"
    # count from the 15th; "the following week" of "week-long" made it count from none.
    text = f"date 2026-11-20 Freed on 14 November. {said} ended. Two days later, a statement."
    spans = [_span(text, "14 November", "s1", "2026-11-14")]
    assert _valued(text, "Two days later", spans, "2026-11-20") == (
        "2026-11-16",
        "2 days after 2026-11-14 (s1)",
    )


def test_the_next_day_s_in_the_text_is_a_date() -> None:
    text = (
        "date 2026-11-20 Freed on 14 November. The next day's talks ended. Two days later, a deal."
    )
    spans = [_span(text, "14 November", "s1", "2026-11-14")]
    assert _valued(text, "Two days later", spans, "2026-11-20") == (
        "2026-11-17",
        "2 days after 2026-11-15 ('The next day' 38–50)",
    )


def test_the_day_after_tomorrow_is_not_the_day_after_the_date_before_it() -> None:
    text = "date 2026-11-20 Freed on 14 November. They leave the day after tomorrow. Then talks."
    spans = [_span(text, "14 November", "s1", "2026-11-14")]
    assert _valued(text, "the day after tomorrow", spans, "2026-11-20") == (
        None,
        "no value: it counts from the words after 'after', not from the date before it",
    )
    # Nor is it read in the text as a date a later one counts from.
    text += " Two days later, a deal."
    assert _valued(text, "Two days later", spans, "2026-11-20") == (
        "2026-11-16",
        "2 days after 2026-11-14 (s1)",
    )
