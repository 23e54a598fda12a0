"""A date span labelled in the session whose words count from an earlier date: "next day"
without "the" gets its value as "the next day" does, and words that count from a date but say
no whole number of days leave it with none and a message saying why (a trial's span got none
without a word)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import FakeClock, fixed_now, journal_lines, where

TEXT = (
    "date 2026-11-20 Talks opened on 14 November; they met again next day. "
    "A few days later the envoys left, and 36 hours later a statement came.\n"
)


@pytest.fixture
def session(tmp_path: Path) -> Any:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    opened = open_session(folder, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)
    opened.open(opened.first_unfinished_id())
    yield opened
    opened.close()


def test_next_day_without_the_is_counted(session: AnnotationSession) -> None:
    session.label_selection(*where(session, "14 November"), "date")  # s1, 2026-11-14
    session.take_notices()
    span = session.label_selection(*where(session, "next day"), "date")
    assert (span.id, span.value) == ("s2", "2026-11-15")
    assert session.take_notices() == ["s2 'next day': 1 day after 2026-11-14 (s1); v changes it"]
    assert journal_lines(session)[-1]["spans"][-1]["value"] == "2026-11-15"


def test_words_with_no_whole_number_of_days_get_no_value_and_say_why(
    session: AnnotationSession,
) -> None:
    session.label_selection(*where(session, "14 November"), "date")
    session.take_notices()
    span = session.label_selection(*where(session, "A few days later"), "date")
    assert (span.id, span.value) == ("s2", None)
    assert session.take_notices() == [
        "s2 'A few days later': no value: its words say no exact number of days; v sets it"
    ]
    span = session.label_selection(*where(session, "36 hours later"), "date")
    assert (span.id, span.value) == ("s3", None)
    assert session.take_notices() == [
        "s3 '36 hours later': no value: 36 hours is no whole number of days; v sets it"
    ]
    assert [s["value"] for s in journal_lines(session)[-1]["spans"]] == ["2026-11-14", None, None]


def test_relabelling_to_date_says_why_no_value_once(session: AnnotationSession) -> None:
    session.label_selection(*where(session, "14 November"), "date")
    session.label_selection(*where(session, "A few days later"), "actor")  # s2
    session.take_notices()
    span = session.label_selection(*where(session, "A few days later"), "date")
    assert (span.id, span.label, span.value) == ("s2", "date", None)
    assert session.take_notices() == [
        "relabelled s2 'A few days later' actor → date",
        "s2 'A few days later': no value: its words say no exact number of days; v sets it",
    ]


def test_relabelling_to_date_with_words_giving_nothing_says_how_to_set_it(
    session: AnnotationSession,
) -> None:
    session.label_selection(*where(session, "the envoys"), "actor")  # s1
    session.take_notices()
    session.label_selection(*where(session, "the envoys"), "date")
    # Why, as labelling says it (value_unread): the words no date is read from are named.
    assert session.take_notices() == [
        "relabelled s1 'the envoys' actor → date",
        "s1 'the envoys': no value: 'envoys' is not read in a date (dates are read in digits "
        "and English words: 14 March 2025, last Sunday); v sets it",
    ]
