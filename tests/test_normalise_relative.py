"""Dates that count from an earlier one ("two days earlier"): the shift their words say, and the
anchor it is counted from (a labelled date, else a date read in the text, else the dateline),
worked out by hand."""

from __future__ import annotations

import pytest

from annotator.core.models import Span
from annotator.core.normalise_relative import (
    RelativeValue,
    date_spans,
    how_counted,
    relative_date,
)
from annotator.core.relative_shift import relative_shift
from annotator.core.scheme import load_default_scheme


@pytest.mark.parametrize(
    ("words", "days", "said"),
    [
        ("Two days earlier", -2, "2 days before"),
        ("two days later,", 2, "2 days after"),
        ("2 days before", -2, "2 days before"),
        ("three weeks after", 21, "3 weeks after"),
        ("a week later", 7, "1 week after"),
        ("twenty-one days later", 21, "21 days after"),
        ("a day earlier", -1, "1 day before"),
        ("one day later", 1, "1 day after"),
        ("the day before", -1, "1 day before"),
        ("the day after", 1, "1 day after"),
        ("the next day", 1, "1 day after"),
        ("on the following day", 1, "1 day after"),
        ("the previous day", -1, "1 day before"),
        ("the next morning", 1, "1 day after"),
        # A compound count is read whole.
        ("one week and two days later", 9, "1 week and 2 days after"),
        ("a week and a day earlier", -8, "1 week and 1 day before"),
        ("two hundred days later", 200, "200 days after"),
        # Quotes and brackets around the words, opening ones too.
        ("\u201cthe day before", -1, "1 day before"),
        ("\u00abtwo days later\u00bb", 2, "2 days after"),
        ("the day before\u00bb", -1, "1 day before"),
        ("\u2018two days later\u2019", 2, "2 days after"),
        ("(the next day)", 1, "1 day after"),
    ],
)
def test_the_shift_the_words_say(words: str, days: int, said: str) -> None:
    assert relative_shift(words) == (days, said)


@pytest.mark.parametrize(
    "words",
    [
        "days later",
        "a few days later",
        "several days earlier",
        "two days before the talks",  # counted from the talks, not from a date before it
        "two months later",
        "the next week",
        "later",
        "on Sunday",
        # A count with a fraction, or a vague one, is no whole number of days.
        "three and a half weeks later",
        "3 1/2 days later",
        "3\u00bd days later",
        "a day and a half later",
        "about two weeks later",
        "two days and two days later",
        "a week and later",
    ],
)
def test_words_that_say_no_exact_shift(words: str) -> None:
    assert relative_shift(words) is None


def _span(text: str, words: str, span_id: str, value: str | None) -> Span:
    start = text.index(words)
    end = start + len(words)
    return Span(id=span_id, start=start, end=end, label="date", text=words, value=value)


def _valued(text: str, words: str, spans: list[Span], doc_date: str | None) -> RelativeValue | None:
    start = text.rindex(words)
    return relative_date(text, start, start + len(words), spans, doc_date)


def test_counted_from_a_labelled_date_before_it() -> None:
    text = "date 2024-03-20 Talks began on 17 March. Two days earlier, envoys met."
    spans = [_span(text, "17 March", "s3", "2024-03-17")]
    assert _valued(text, "Two days earlier", spans, "2024-03-20") == (
        "2024-03-15",
        "2 days before 2024-03-17 (s3)",
    )


def test_a_labelled_date_gives_its_value_not_what_its_words_read() -> None:
    # The annotator corrected s3 to the 16th: the 16th is counted from.
    text = "date 2024-03-20 Talks began on 17 March. Two days earlier, envoys met."
    spans = [_span(text, "17 March", "s3", "2024-03-16")]
    found = _valued(text, "Two days earlier", spans, "2024-03-20")
    assert found == ("2024-03-14", "2 days before 2024-03-16 (s3)")


def test_the_nearest_date_wins_labelled_or_not() -> None:
    # s1 (Sunday, 3 March 2024) is labelled; "6 August 2023" after it is not, and is nearer.
    text = (
        "date 2024-03-05 She was freed on Sunday. She was abducted on 6 August 2023. "
        "Her colleagues were released two days later."
    )
    spans = [_span(text, "Sunday", "s1", "2024-03-03")]
    assert _valued(text, "two days later", spans, "2024-03-05") == (
        "2023-08-08",
        "2 days after 2023-08-06 ('6 August 2023' 61–74)",
    )


def test_offsets_said_are_code_points_over_non_ascii_text() -> None:
    # Ż ó ł w, space, em dash, space, two regional indicators (one flag), space: the date
    # starts at code point 10 (it would be 12 in UTF-16, 19 in UTF-8).
    text = "Żółw — 🇺🇦 6 August 2023; two days later, Qal’at Dhi Nur."
    assert text[10:23] == "6 August 2023"
    assert _valued(text, "two days later", [], None) == (
        "2023-08-08",
        "2 days after 2023-08-06 ('6 August 2023' 10–23)",
    )


def test_a_labelled_span_with_no_value_is_the_nearest_date_and_gives_none() -> None:
    # s2 is the nearest date before "The next day": counted from 2 January instead, the day
    # would be wrong whenever s2 is another day, and a wrong value is worse than none.
    text = "date 2025-01-10 On 2 January 2025 they met; on 24/01/2025 too. The next day, more."
    spans = [
        _span(text, "2 January 2025", "s1", "2025-01-02"),
        _span(text, "24/01/2025", "s2", None),
    ]
    assert _valued(text, "The next day", spans, "2025-01-10") == (
        None,
        "no value: 1 day after s2 '24/01/2025', the nearest date before it, which has no value",
    )


def test_the_dateline_when_no_date_comes_before() -> None:
    # The "date 2023-05-21" line is the dateline, not a date in the text.
    text = "date 2023-05-21 Two days earlier, Garesh had returned the remains of a pilot."
    assert _valued(text, "Two days earlier", [], "2023-05-21") == (
        "2023-05-19",
        "2 days before 2023-05-21 (the dateline)",
    )


def test_weekdays_count_from_the_dateline_and_later_dates_do_not_count() -> None:
    # 2023-05-21 is a Sunday; "Saturday" comes after the phrase and is not used.
    text = "Bodies were returned on Sunday. A day earlier, and again on Saturday, talks."
    assert _valued(text, "A day earlier", [], "2023-05-21") == (
        "2023-05-20",
        "1 day before 2023-05-21 ('Sunday' 24–30)",
    )


def test_no_anchor_no_value() -> None:
    text = "Two days earlier, the movement had released the body of a police officer."
    found = _valued(text, "Two days earlier", [], None)
    # With no dateline, what a dateline is: the article lacks one to count from.
    assert found == (
        None,
        "no value: no date before it to count 2 days before, and this article has no "
        "dateline (a first line 'date YYYY-MM-DD')",
    )
    dated = "date 2023-05-21 " + text  # with one, it counts: "none before it" needs none
    assert _valued(dated, "Two days earlier", [], "2023-05-21")[0] == "2023-05-19"


def test_an_anchor_naming_no_day_gives_no_value() -> None:
    text = "date 2023-05-21 He was shot down on 3 May 2021, and in September 2021 two days later."
    found = _valued(text, "two days later", [], "2023-05-21")
    assert found == (
        None,
        "no value: 2 days after 2021-09 ('September 2021' 55–69), which names no day",
    )
    month = [_span(text, "September 2021", "s2", "2021-09")]
    assert _valued(text, "two days later", month, "2023-05-21") == (
        None,
        "no value: 2 days after 2021-09 (s2), which names no day",
    )


def test_relative_dates_in_the_text_count_in_turn() -> None:
    text = "On 6 August 2023 they were taken. The next day a call came; two days later, a video."
    assert _valued(text, "two days later", [], None) == (
        "2023-08-09",
        "2 days after 2023-08-07 ('The next day' 34–46)",
    )


def test_a_phrase_counting_from_something_else_is_no_anchor() -> None:
    text = "Talks ended on 1 March 2024, two days after the truce. The day before, shelling."
    assert _valued(text, "The day before", [], None) == (
        "2024-02-29",  # a leap year
        "1 day before 2024-03-01 ('1 March 2024' 15–27)",
    )


def test_weeks_and_the_turn_of_a_year() -> None:
    text = "Freed on 1 January 2024. The previous day, and three weeks later."
    assert _valued(text, "The previous day", [], None) == (
        "2023-12-31",
        "1 day before 2024-01-01 ('1 January 2024' 9–23)",
    )
    found = _valued(text, "three weeks later", [], None)
    assert found == ("2024-01-21", "3 weeks after 2023-12-31 ('The previous day' 25–41)")


def test_words_that_count_from_nothing_are_not_relative() -> None:
    text = "date 2023-05-21 Freed on Sunday."
    assert _valued(text, "Sunday", [], "2023-05-21") is None


SCHEME = load_default_scheme()


def test_how_a_value_was_counted_is_worked_out_again_from_the_record() -> None:
    text = "date 2024-03-20 Talks began on 17 March. Two days earlier, envoys met."
    march = _span(text, "17 March", "s1", "2024-03-17")
    counted = _span(text, "Two days earlier", "s2", "2024-03-15")
    assert how_counted(text, counted, [march, counted], SCHEME, "2024-03-20") == (
        "2 days before 2024-03-17 (s1)"
    )
    # A value other than the count (typed, or counted from s1 before it was corrected to the
    # 16th) is not explained; nor is a date its words give by themselves.
    typed = counted.model_copy(update={"value": "2024-03-14"})
    assert how_counted(text, typed, [march, typed], SCHEME, "2024-03-20") is None
    corrected = march.model_copy(update={"value": "2024-03-16"})
    assert how_counted(text, counted, [corrected, counted], SCHEME, "2024-03-20") is None
    assert how_counted(text, march, [march, counted], SCHEME, "2024-03-20") is None
    # Only date labels count: the same words labelled an actor have nothing to explain, and
    # a span of another label is no anchor.
    actor = counted.model_copy(update={"label": "actor"})
    assert how_counted(text, actor, [march, actor], SCHEME, "2024-03-20") is None
    not_a_date = march.model_copy(update={"label": "releasee"})
    assert date_spans([not_a_date, counted], SCHEME) == [counted]
    # 17 March, no longer a date span, is read in the text: the same value, said so.
    assert how_counted(text, counted, [not_a_date, counted], SCHEME, "2024-03-20") == (
        "2 days before 2024-03-17 ('17 March' 31–39)"
    )


def test_a_month_is_a_whole_word_and_a_sentence_s_full_stop_is_not_in_it() -> None:
    # "17 Marchers" names no month: the dateline is counted from. "17 March." is the date
    # without the full stop; "Aug." keeps the abbreviation's.
    text = "date 2024-03-20 On 17 Marchers rallied. The next day, talks."
    assert _valued(text, "The next day", [], "2024-03-20") == (
        "2024-03-21",
        "1 day after 2024-03-20 (the dateline)",
    )
    text = "date 2024-03-20 Talks began on 17 March. The next day, envoys met."
    assert _valued(text, "The next day", [], "2024-03-20") == (
        "2024-03-18",
        "1 day after 2024-03-17 ('17 March' 31–39)",
    )
    text = "On 2 Aug. 2023 they met. The next day, more."
    assert _valued(text, "The next day", [], None) == (
        "2023-08-03",
        "1 day after 2023-08-02 ('2 Aug. 2023' 3–14)",
    )


# Non-ASCII before the dates: offsets said are code points ("Żółw — 🇺🇦 " is 10 of them).
MENTIONS = "Żółw — 🇺🇦 On 1 August 2023 the talks began. {}, a deal. The next day, a release."


@pytest.mark.parametrize(
    ("mention", "value", "explanation"),
    [
        # Read whole: a compound count, a count in two words.
        ("One week and two days later", "2023-08-11", "1 day after 2023-08-10 ({})"),
        ("Two hundred days later", "2024-02-18", "1 day after 2024-02-17 ({})"),
        ("Three weeks later", "2023-08-23", "1 day after 2023-08-22 ({})"),
        # Vague, a fraction, or no number: a date naming no day, the nearest one.
        ("About two weeks later", None, "no value: 1 day after {}, {}"),
        ("3 1/2 days later", None, "no value: 1 day after {}, {}"),
        ("Three and a half weeks later", None, "no value: 1 day after {}, {}"),
        ("A day and a half later", None, "no value: 1 day after {}, {}"),
        ("Two or three days later", None, "no value: 1 day after {}, {}"),
        ("A few days later", None, "no value: 1 day after {}, {}"),
        ("Days later", None, "no value: 1 day after {}, {}"),
        ("Several weeks later", None, "no value: 1 day after {}, {}"),
        ("Two months later", None, "no value: 1 day after {}, {}"),
        ("The following week", None, "no value: 1 day after {}, {}"),
        ("The following Sunday", None, "no value: 1 day after {}, {}"),
        ("The next Sunday", None, "no value: 1 day after {}, {}"),
        ("A week or two later", None, "no value: 1 day after {}, {}"),
        ("Over a week later", None, "no value: 1 day after {}, {}"),
    ],
)
def test_a_date_in_the_text_is_read_whole_and_one_with_no_value_gives_none(
    mention: str, value: str | None, explanation: str
) -> None:
    text = MENTIONS.format(mention)
    assert text.index("1 August 2023") == 13
    low = text.index(mention)
    source = f"{mention!r} {low}–{low + len(mention)}"
    said = explanation.format(source, "the nearest date before it, which has no value")
    assert _valued(text, "The next day", [], "2023-08-10") == (value, said)


def test_words_around_a_count_that_do_not_change_it_stay_out_of_it() -> None:
    # Neither "and" nor "up" is part of a count: the two dates are the 3rd and the 5th.
    text = "On 1 August 2023 they met, and two days later showed up two days later. Then."
    assert _valued(text, "two days later", [], None) == (
        "2023-08-05",
        "2 days after 2023-08-03 ('two days later' 31–45)",
    )


def test_a_weekday_with_no_dateline_is_the_nearest_date_and_gives_none() -> None:
    text = "On 1 August 2023 the talks began. On Sunday, a deal. The next day, a release."
    assert _valued(text, "The next day", [], None) == (
        None,
        "no value: 1 day after 'Sunday' 37–43, the nearest date before it, which has no "
        "value: it is read from the dateline, and this article has none (a first line "
        "'date YYYY-MM-DD')",
    )


def test_next_and_this_coming_weekday_are_after_the_dateline() -> None:
    # The dateline, 2023-08-10, is a Thursday.
    text = "The talks will resume next Sunday. Two days later, the prisoners will be freed."
    assert _valued(text, "Two days later", [], "2023-08-10") == (
        "2023-08-15",
        "2 days after 2023-08-13 ('next Sunday' 22–33)",
    )
    text = "The talks resume this coming Friday. The next day the prisoners go home."
    assert _valued(text, "The next day", [], "2023-08-10") == (
        "2023-08-12",
        "1 day after 2023-08-11 ('this coming Friday' 17–35)",
    )
