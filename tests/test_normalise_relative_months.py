"""A month (or a year) named with no day, read in the text, is the nearest date to a date that
counts from one after it, and gives it no value, as the same month labelled does; words that
only look like a month ("may", "the march", "August crowds") are passed over. Worked by hand,
on the sample articles too."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.corpus import open_corpus
from annotator.core.models import Span
from annotator.core.normalise_relative import RelativeValue, relative_date

SAMPLES = open_corpus(Path(__file__).resolve().parent.parent / "sample_docs")


def _valued(text: str, words: str, spans: list[Span], doc_date: str | None) -> RelativeValue | None:
    start = text.rindex(words)
    return relative_date(text, start, start + len(words), spans, doc_date)


def _sample(doc_id: str) -> tuple[str, str]:
    document = SAMPLES.get(doc_id)
    return document.text, document.meta["date"]


def test_14_two_days_earlier_stops_at_february_labelled_or_not() -> None:
    # "two soldiers captured in February" is the paragraph just before "Two days earlier";
    # 'Sunday' 1146 ("a statement posted on Sunday") is four paragraphs back. Counted from
    # Sunday, the body's release would be Friday 2025-04-25, which the article does not say.
    text, doc_date = _sample("14-qadira-hostages-for-prisoners")
    assert doc_date == "2025-04-27"
    assert text[2053:2061] == "February"  # code points: "—" and "’" come before it
    assert text[2187:2203] == "Two days earlier"
    assert relative_date(text, 2187, 2203, [], doc_date) == (
        None,
        "no value: 2 days before 2025-02 ('February' 2053–2061), which names no day",
    )
    february = Span(id="s9", start=2053, end=2061, label="date", text="February", value="2025-02")
    assert relative_date(text, 2187, 2203, [february], doc_date) == (
        None,
        "no value: 2 days before 2025-02 (s9), which names no day",
    )


def test_14_the_next_morning_is_wednesday() -> None:
    # "freed four hostages on Tuesday night and ... released 120 prisoners the next morning":
    # Tuesday before the dateline (Sunday 2025-04-27) is the 22nd; the prisoners were freed
    # "on Wednesday morning", the 23rd. "in January last year" comes after it.
    text, doc_date = _sample("14-qadira-hostages-for-prisoners")
    assert text[153:169] == "the next morning"
    assert relative_date(text, 153, 169, [], doc_date) == (
        "2025-04-23",
        "1 day after 2025-04-22 ('Tuesday' 87–94)",
    )


def test_05_the_war_last_year_does_not_stop_the_count_from_sunday() -> None:
    # The bodies came home on Sunday 2023-05-21 (the dateline's day); "Two days earlier, Garesh
    # had returned the remains of a pilot": Friday 2023-05-19. "the war last year" lies between:
    # said in passing, it is no date counted from.
    text, doc_date = _sample("05-remains-repatriation")
    assert text[1136:1152] == "Two days earlier"
    assert relative_date(text, 1136, 1152, [], doc_date) == (
        "2023-05-19",
        "2 days before 2023-05-21 ('Sunday' 153–159)",
    )


def test_12_the_colleagues_were_freed_two_days_after_the_abduction() -> None:
    # "abducted on 6 August 2023 ... The two Ardeshi staff were released two days later".
    text, doc_date = _sample("12-ardesh-aid-worker-released")
    assert text[1450:1464] == "two days later"
    assert relative_date(text, 1450, 1464, [], doc_date) == (
        "2023-08-08",
        "2 days after 2023-08-06 ('6 August 2023' 1246–1259)",
    )


# "Żółw — 🇺🇦 " is 10 code points (12 in UTF-16, 19 in UTF-8): offsets said are code points.
# The dateline, 2023-08-10, is a Thursday.
MONTHS = "Żółw — 🇺🇦 On 1 August 2023 the talks began. {} The next day, a release."


@pytest.mark.parametrize(
    ("sentence", "words", "value"),
    [
        ("Two soldiers were captured in February.", "February", "2023-02"),
        ("Talks stalled in mid-March.", "March", "2023-03"),
        ("They met in May.", "May", "2023-05"),
        ("Nothing moved until September.", "September", "2023-09"),
        ("The February talks failed.", "February", "2023-02"),
        ("They met last month.", "last month", "2023-07"),
        ("Last month they met.", "Last month", "2023-07"),
        ("A deal came in June last year.", "June last year", "2022-06"),
        ("The group has fought since 2019.", "2019", "2019"),
    ],
)
def test_a_month_or_year_with_no_day_gives_no_value(sentence: str, words: str, value: str) -> None:
    text = MONTHS.format(sentence)
    assert text.index("1 August 2023") == 13
    low = text.index(words)
    said = f"'{words}' {low}–{low + len(words)}"
    assert _valued(text, "The next day", [], "2023-08-10") == (
        None,
        f"no value: 1 day after {value} ({said}), which names no day",
    )


def test_a_month_offsets_are_code_points() -> None:
    text = MONTHS.format("Two soldiers were captured in February.")
    # 10 + "On 1 August 2023 the talks began. " (34) + "Two soldiers were captured in " (30)
    assert text[74:82] == "February"
    assert _valued(text, "The next day", [], "2023-08-10") == (
        None,
        "no value: 1 day after 2023-02 ('February' 74–82), which names no day",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials may meet again.",  # "may", a verb
        "Crowds joined the march.",  # "march", a noun
        "August crowds filled the square.",  # opening a sentence: an adjective
        "\u201cMarch on,\u201d he said.",  # opening a quoted sentence: a verb
        "It was May who spoke.",  # "May" with no "in", "by"...: a name
        "Talks went on, said June Okafor.",  # a capitalised word after it: a name
        "Some 2000 homes lost power.",  # a number with no "in", "since"...: no year
        "The war ended last year.",  # said in passing more often than counted from
    ],
)
def test_words_that_only_look_like_a_month_are_passed_over(sentence: str) -> None:
    text = MONTHS.format(sentence)
    assert _valued(text, "The next day", [], "2023-08-10") == (
        "2023-08-02",
        "1 day after 2023-08-01 ('1 August 2023' 13–26)",
    )


def test_a_month_after_the_date_counted_or_in_a_whole_date_is_not_read_alone() -> None:
    # "in September 2021" is one date, 'September 2021'; "in March" after the phrase is no
    # date before it.
    text = "date 2023-05-21 Shot down in September 2021. Two days later, in March, more."
    assert _valued(text, "Two days later", [], "2023-05-21") == (
        None,
        "no value: 2 days after 2021-09 ('September 2021' 29–43), which names no day",
    )
    text = "date 2023-05-21 Freed on Sunday. Two days earlier, in March, they met."
    assert _valued(text, "Two days earlier", [], "2023-05-21") == (
        "2023-05-19",
        "2 days before 2023-05-21 ('Sunday' 25–31)",
    )


def test_a_labelled_span_over_a_month_decides_for_it() -> None:
    # Labelled "in February" (a span wider than the month's word) with a value typed as a day:
    # the label's value is counted from, the month's words are not read again.
    text = "date 2025-04-27 Captured in February. Two days earlier, a body."
    start = text.index("in February")
    span = Span(id="s1", start=start, end=start + 11, label="date", text="in February")
    typed = span.model_copy(update={"value": "2025-02-10"})
    assert _valued(text, "Two days earlier", [typed], "2025-04-27") == (
        "2025-02-08",
        "2 days before 2025-02-10 (s1)",
    )
