"""A date span whose words count from an earlier date ("two days later"), labelled in the
session: the value counted from the nearest date before it is saved in the journal, and a
notice says where it came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import FakeClock, fixed_now, journal_lines, where

TEXT = (
    "date 2024-03-05 A Vellmark aid worker was freed on Sunday. She was abducted on "
    "6 August 2023 near Qal’at Dhi Nur; her colleagues were released two days later.\n"
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


def test_a_relative_date_is_counted_from_the_nearest_date_before_it(
    session: AnnotationSession,
) -> None:
    session.label_selection(*where(session, "Sunday"), "date")  # s1, 2024-03-03
    session.take_notices()
    span = session.label_selection(*where(session, "two days later"), "date")
    assert (span.id, span.value) == ("s2", "2023-08-08")
    assert session.take_notices() == [
        "s2 'two days later': 2 days after 2023-08-06 ('6 August 2023' 79–92); v changes it"
    ]
    saved = journal_lines(session)[-1]["spans"]
    assert [(s["id"], s["text"], s["value"]) for s in saved] == [
        ("s1", "Sunday", "2024-03-03"),
        ("s2", "two days later", "2023-08-08"),
    ]
    # Labelled, the date it counts from is the label's: s3 corrected to the 7th (s2, undone,
    # is not given again).
    session.undo()
    session.label_selection(*where(session, "6 August 2023"), "date")
    session.set_value("2023-08-07", "s3")
    session.take_notices()
    relabelled = session.label_selection(*where(session, "two days later"), "count")
    assert relabelled.value == 2  # labelled a count by mistake: its number
    session.label_selection(relabelled.start, relabelled.start, "date")
    assert session.take_notices()[-1] == (
        "s4 'two days later': 2 days after 2023-08-07 (s3); v changes it"
    )
    assert journal_lines(session)[-1]["spans"][-1]["value"] == "2023-08-09"


def test_r_onto_a_relative_date_counts_it_as_labelling_would(session: AnnotationSession) -> None:
    # "days later" names no number: labelled, s1 has no value (the message says why).
    span = session.label_selection(*where(session, "days later"), "date")
    assert (span.id, span.value) == ("s1", None)
    session.take_notices()
    moved = session.rebound(*where(session, "two days later"), "s1")
    assert (moved.text, moved.value) == ("two days later", "2023-08-08")
    assert session.take_notices() == [
        "re-bound s1 date 'days later' → 'two days later' (143–157)",
        "s1 'two days later': 2 days after 2023-08-06 ('6 August 2023' 79–92); v changes it",
    ]
    assert journal_lines(session)[-1]["spans"] == [
        {
            "id": "s1",
            "start": 143,
            "end": 157,
            "label": "date",
            "text": "two days later",
            "value": "2023-08-08",
        }
    ]
    # One ctrl+z takes back the move and the value together.
    session.undo()
    assert session.record.spans[0].text == "days later"
    assert session.record.spans[0].value is None


def test_r_keeps_a_value_the_span_has_read_or_typed(session: AnnotationSession) -> None:
    # A value is kept on r whatever gave it (the session keeps no word of which): here one
    # read from "Sunday" and one typed with v; neither is counted again, only the move said.
    session.label_selection(*where(session, "Sunday"), "date")  # s1, 2024-03-03
    session.label_selection(*where(session, "days later"), "date")  # s2, no value
    session.set_value("2023-08-09", "s2")
    session.take_notices()
    moved = session.rebound(*where(session, "two days later"), "s2")
    assert (moved.text, moved.value) == ("two days later", "2023-08-09")
    assert session.take_notices() == ["re-bound s2 date 'days later' → 'two days later' (143–157)"]
    session.delete("s2")
    session.take_notices()
    moved = session.rebound(*where(session, "two days later"), "s1")
    assert (moved.text, moved.value) == ("two days later", "2024-03-03")
    assert session.take_notices() == ["re-bound s1 date 'Sunday' → 'two days later' (143–157)"]
    assert journal_lines(session)[-1]["spans"][0]["value"] == "2024-03-03"


def test_a_date_span_with_no_value_before_it_gives_none_and_says_so(
    session: AnnotationSession,
) -> None:
    # s1 is the nearest date before "two days later": with its value cleared, "Sunday" before
    # it is not counted from instead (that would give 2024-03-05, a wrong day).
    session.label_selection(*where(session, "6 August 2023"), "date")
    session.set_value("", "s1")
    session.take_notices()
    span = session.label_selection(*where(session, "two days later"), "date")
    assert (span.id, span.value) == ("s2", None)
    assert session.take_notices()[-1] == (
        "s2 'two days later': no value: 2 days after s1 '6 August 2023', the nearest date "
        "before it, which has no value; v sets it"
    )
    assert [s["value"] for s in journal_lines(session)[-1]["spans"]] == [None, None]
