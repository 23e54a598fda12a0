"""The words of a date that counts from an earlier one, read as days forward or back: "next
day" without "the", nights, fortnights, hours in whole days, and why words that count from an
earlier date give no value (a span given none without a word was a trial's complaint)."""

from __future__ import annotations

import pytest

from annotator.core.relative_shift import Shift, Unread, read_shift, relative_shift


@pytest.mark.parametrize(
    ("words", "days", "said"),
    [
        # "the" left out, as in "they met again next day".
        ("next day", 1, "1 day after"),
        ("Following day", 1, "1 day after"),
        ("previous day", -1, "1 day before"),
        ("preceding day", -1, "1 day before"),
        ("day before", -1, "1 day before"),
        ("day after,", 1, "1 day after"),
        ("next morning", 1, "1 day after"),
        ("on next day", 1, "1 day after"),
        # A part of the day before or after: the evening before is the day before.
        ("the night before", -1, "1 day before"),
        ("the morning after", 1, "1 day after"),
        # A night is a day, a fortnight 14 days.
        ("two nights later", 2, "2 nights after"),
        ("a night earlier", -1, "1 night before"),
        ("a fortnight later", 14, "1 fortnight after"),
        ("two fortnights earlier", -28, "2 fortnights before"),
        ("a fortnight and three days later", 17, "1 fortnight and 3 days after"),
        # Hours in whole days.
        ("48 hours later", 2, "48 hours after"),
        ("twenty-four hours earlier", -1, "24 hours before"),
        ("a day and 24 hours later", 2, "1 day and 24 hours after"),
        # No days at all: the same day (it said "no exact number of days", which is untrue).
        ("0 days later", 0, "0 days after"),
        ("zero days earlier", 0, "0 days before"),
    ],
)
def test_the_days_the_words_say(words: str, days: int, said: str) -> None:
    assert read_shift(words) == Shift(days, said)
    assert relative_shift(words) == Shift(days, said)


@pytest.mark.parametrize(
    ("words", "why"),
    [
        ("days later", "its words say no exact number of days"),
        ("A few days later", "its words say no exact number of days"),
        ("three and a half weeks later", "its words say no exact number of days"),
        ("a fortnight or so later", "its words say no exact number of days"),
        # A day and a night are one day or two: said of neither.
        ("a day and a night later", "its words say no exact number of days"),
        ("36 hours later", "36 hours is no whole number of days"),
        ("a day and 12 hours later", "1 day and 12 hours is no whole number of days"),
        ("two months later", "a month or a year is no fixed number of days"),
        ("a year earlier", "a month or a year is no fixed number of days"),
        ("the following week", "it names a week, not a day"),
        ("the next month", "it names a month, not a day"),
        (
            "two days before the talks",
            "it counts from the words after 'before', not from the date before it",
        ),
        (
            "the day after the vote",
            "it counts from the words after 'after', not from the date before it",
        ),
        (
            "two days after 6 August",
            "it counts from the words after 'after', not from the date before it",
        ),
        # Two days after the date it is said on, not one after the date before it.
        (
            "the day after tomorrow",
            "it counts from the words after 'after', not from the date before it",
        ),
    ],
)
def test_why_words_counting_from_a_date_give_no_value(words: str, why: str) -> None:
    assert read_shift(words) == Unread(why)
    assert relative_shift(words) is None


@pytest.mark.parametrize(
    ("words", "why"),
    [
        ("hours later", "its words say no exact number of hours"),
        ("a few hours later", "its words say no exact number of hours"),
        ("six hours later", "6 hours is no whole number of days"),
        ("an hour earlier", "1 hour is no whole number of days"),
    ],
)
def test_fewer_hours_than_a_day_are_said_to_fall_within_one(words: str, why: str) -> None:
    assert read_shift(words) == Unread(why, within_a_day=True)


@pytest.mark.parametrize(
    "words",
    ["later", "shortly after", "on Sunday", "the following Sunday", "24/01/2025", "next", ""],
)
def test_words_that_count_from_no_earlier_date(words: str) -> None:
    assert read_shift(words) is None
