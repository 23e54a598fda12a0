"""The note's typing, saved at each pause, is one undo step until enter or leaving the note, as
a field's is (README: typing in one field is one undo step): a trial's note took a ctrl+z per
pause."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from tests.test_session_data import alice_on_a, journal_lines


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


def test_the_notes_saves_at_pauses_are_one_step(session: AnnotationSession) -> None:
    session.set_note("talks", typing=True)
    session.set_note("talks stalled", typing=True)
    session.set_note("talks stalled again")  # enter, or leaving the note
    # Each save is written (a terminal closed mid-note loses at most a second).
    notes = [line["note"] for line in journal_lines(session)]
    assert notes == ["talks", "talks stalled", "talks stalled again"]
    step = session.undo()
    assert step is not None and step.text == "note back to empty (was 'talks stalled again')"
    assert session.record.note == "" and session.undo() is None
    session.redo()
    assert session.record.note == "talks stalled again"


def test_the_run_ends_at_enter_or_leaving(session: AnnotationSession) -> None:
    session.set_note("talks", typing=True)
    session.set_note("talks")  # left as saved at the pause: the run ends all the same
    session.set_note("talks stalled", typing=True)
    session.undo()
    assert session.record.note == "talks"
    session.undo()
    assert session.record.note == "" and session.undo() is None


def test_a_field_between_ends_the_notes_run(session: AnnotationSession) -> None:
    session.set_note("talks", typing=True)
    session.set_field("event_type", "exchange")
    session.set_note("talks stalled", typing=True)
    session.undo()
    assert (session.record.note, session.field_value("event_type")) == ("talks", "exchange")
