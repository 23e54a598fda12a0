"""A date's words typed with ``v`` (``typed_value.read_typed_value``), read as labelling reads
them: from the dateline, or counted from the nearest date before the span, and said as read;
refused, with the reason, when they give no value. The two screens alike are in
``test_typed_date_alike``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.models import Span
from annotator.core.session import AnnotationSession, Refused, open_session
from annotator.core.typed_value import SpanPlace, TypedValue, read_typed_value
from tests.test_session_data import FakeClock, alice_on_a, fixed_now, journal_lines, where

TEXT = "date 2024-01-08 Talks began on 3 January. The exchange was carried out on Friday.\n"
FRIDAY = TEXT.index("Friday")


def at_friday(doc_date: str | None = "2024-01-08", *dated: Span) -> SpanPlace:
    return SpanPlace(TEXT, FRIDAY, FRIDAY + 6, list(dated), doc_date)


def date_span(span_id: str, words: str, value: str | None) -> Span:
    start = TEXT.index(words)
    end = start + len(words)
    return Span(id=span_id, start=start, end=end, label="date", text=words, value=value)


@pytest.mark.parametrize(
    ("typed", "value", "how"),
    [
        ("Monday", "2024-01-08", "the dateline, a Monday"),
        ("this Friday", "2024-01-12", "the Friday after the dateline"),
        ("this past Saturday", "2024-01-06", "the Saturday before the dateline"),
        ("today", "2024-01-08", "the dateline"),
        ("last night", "2024-01-07", "the day before the dateline"),
        ("28 December", "2023-12-28", "in the year before the dateline's"),
        ("January", "2024-01", "in the dateline's year"),
        ("this month", "2024-01", "the dateline's month"),
        ("last month", "2023-12", "the month before the dateline's"),
        ("this year", "2024", "the dateline's year"),
        ("last year", "2023", "the year before the dateline's"),
    ],
)
def test_words_read_from_the_dateline_say_how(typed: str, value: str, how: str) -> None:
    assert read_typed_value("date", f" {typed} ", at_friday()) == (value, f"'{typed}': {how}")


def test_words_that_need_no_dateline_are_read_as_their_words() -> None:
    assert read_typed_value("date", "January 3, 2024", at_friday()) == (
        "2024-01-03",
        "'January 3, 2024'",
    )
    assert read_typed_value("date", "2024-01-03", at_friday()) == TypedValue("2024-01-03")
    assert read_typed_value("date", "  ", at_friday()) == TypedValue(None)


def test_a_count_of_days_counts_from_the_nearest_date_before_the_span() -> None:
    text_date = f"'3 January' {TEXT.index('3 January')}–{TEXT.index('3 January') + 9}"
    assert read_typed_value("date", "two days later", at_friday()) == (
        "2024-01-05",
        f"'two days later': 2 days after 2024-01-03 ({text_date})",
    )
    # Labelled, its value counts (corrected to the 4th), named by its id.
    labelled = date_span("s3", "3 January", "2024-01-04")
    assert read_typed_value("date", "the next day", at_friday("2024-01-08", labelled)) == (
        "2024-01-05",
        "'the next day': 1 day after 2024-01-04 (s3)",
    )


def test_words_that_give_no_value_are_refused_with_the_relative_readers_reason() -> None:
    no_value = date_span("s3", "3 January", None)
    with pytest.raises(AnnotatorError) as refused:
        read_typed_value("date", "two days later", at_friday("2024-01-08", no_value))
    assert str(refused.value) == (
        "'two days later': no value: 2 days after s3 '3 January', the nearest date before "
        "it, which has no value"
    )
    with pytest.raises(AnnotatorError, match=r"^'36 hours later': no value: 36 hours is no "):
        read_typed_value("date", "36 hours later", at_friday())


def test_words_counting_from_what_is_not_known_say_so() -> None:
    with pytest.raises(AnnotatorError) as refused:
        read_typed_value("date", "Friday", at_friday(None))
    assert str(refused.value) == (
        "'Friday' is read from the dateline, and this article has none (a first line "
        "'date YYYY-MM-DD')"
    )
    # Nowhere (no text): no earlier date to count from, rather than "not a date".
    with pytest.raises(AnnotatorError) as refused:
        read_typed_value("date", "two days later", None)
    assert str(refused.value) == (
        "'two days later' counts from an earlier date, and no text is known here"
    )
    assert read_typed_value("date", "3 January 2024", None) == ("2024-01-03", "'3 January 2024'")


def test_other_types_read_as_before() -> None:
    assert read_typed_value("integer", "twelve", at_friday()) == TypedValue(12)
    assert read_typed_value("integer", 7) == TypedValue(7)
    with pytest.raises(AnnotatorError, match="expected a whole number"):
        read_typed_value("integer", "Friday", at_friday())
    with pytest.raises(AnnotatorError, match="label takes no value"):
        read_typed_value("none", "Friday", at_friday())


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    opened = open_session(folder, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)
    opened.open(opened.first_unfinished_id())
    yield opened
    opened.close()


def test_v_reads_words_saves_the_value_says_how_and_one_undo_takes_it_back(
    session: AnnotationSession,
) -> None:
    session.label_selection(*where(session, "3 January"), "date")  # s1
    friday = session.label_selection(*where(session, "Friday"), "date")  # s2, 2024-01-05
    session.take_notices()
    assert session.set_value("the day after", friday.id).value == "2024-01-04"
    assert session.take_notices() == [
        "s2 = 2024-01-04 ('the day after': 1 day after 2024-01-03 (s1))"
    ]
    assert journal_lines(session)[-1]["spans"][1]["value"] == "2024-01-04"
    session.undo()
    assert session.span(friday.id).value == "2024-01-05"
    # Refused: said with the span named, nothing saved.
    with pytest.raises(Refused) as refused:
        session.set_value("a few days later", friday.id)
    assert str(refused.value) == (
        "s2 (date): 'a few days later': no value: its words say no exact number of days"
    )
    assert session.span(friday.id).value == "2024-01-05"


def test_v_typed_on_a_left_for_b_reads_a_s_dateline(tmp_path: Path) -> None:
    for session in alice_on_a(tmp_path):
        sunday = session.label_selection(*where(session, "Sunday"), "date")  # a: 2025-08-24
        session.open("b")  # dated 2024-03-17
        session.take_notices()
        span = session.set_value("yesterday", sunday.id, doc_id="a")
        assert span.value == "2025-08-23"
        assert session.take_notices()[1] == (
            f"a: {sunday.id} = 2025-08-23 ('yesterday': the day before the dateline)"
        )
