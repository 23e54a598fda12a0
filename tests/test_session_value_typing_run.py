"""A span's value typed with v is saved at each pause in the typing, as a form field is, and its
saves up to enter or leaving it are one undo step (a trial's value, saved only on enter or on
leaving it, was lost to a kill under "● saved"). A pause saves only a value the label takes:
``value_fits`` says so, as ``forms.typed_fits`` does for a field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from tests.test_session_data import alice_on_a, journal_lines, where


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


def values(session: AnnotationSession) -> list[object]:
    return [line["spans"][0]["value"] for line in journal_lines(session)]


def test_a_values_saves_at_pauses_are_one_step(session: AnnotationSession) -> None:
    count = session.label_selection(*where(session, "146"), "count")
    session.set_value("2", count.id, typing=True)
    session.set_value("24", count.id, typing=True)
    session.set_value("245", count.id)  # enter, or leaving the value
    # Each save is written: a kill after a pause loses nothing typed before it.
    assert values(session) == [146, 2, 24, 245]
    step = session.undo()
    assert step is not None and step.text == f"value of {count.id} back to 146 (was 245)"
    assert session.record.spans[0].value == 146
    session.redo()
    assert session.record.spans[0].value == 245


def test_the_values_run_ends_at_enter_or_leaving(session: AnnotationSession) -> None:
    count = session.label_selection(*where(session, "146"), "count")
    session.set_value("24", count.id, typing=True)
    session.set_value("24", count.id)  # left as saved at the pause: the run ends all the same
    assert session.typing_run() is None
    session.set_value("31", count.id, typing=True)
    session.undo()
    assert session.record.spans[0].value == 24
    session.undo()
    assert session.record.spans[0].value == 146


def test_a_value_typed_in_another_spans_value_is_a_step_of_its_own(
    session: AnnotationSession,
) -> None:
    count = session.label_selection(*where(session, "146"), "count")
    date = session.label_selection(*where(session, "Sunday"), "date")
    session.set_value("24", count.id, typing=True)
    session.set_value("2025-08-23", date.id, typing=True)
    session.undo()
    assert (session.record.spans[0].value, session.record.spans[1].value) == (24, "2025-08-24")


def test_value_fits_says_whether_a_pause_may_save_what_is_typed(
    session: AnnotationSession,
) -> None:
    count = session.label_selection(*where(session, "146"), "count")
    date = session.label_selection(*where(session, "Sunday"), "date")
    assert session.value_fits("24", count.id)
    assert session.value_fits("seven", count.id)
    assert not session.value_fits("2x", count.id)
    assert session.value_fits("2025-08-23", date.id)
    assert not session.value_fits("2025-0", date.id)  # half typed
    assert not session.value_fits("24", "s99")  # no such span
    assert session.value_fits("24", count.id, doc_id="a")
    # Typed on a document left since: its typing is sent as it is left, not at a pause.
    assert not session.value_fits("24", count.id, doc_id="b")
    assert values(session) == [146, 146]  # nothing saved by asking
