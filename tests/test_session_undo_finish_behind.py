"""ctrl+z reaches back to the last d or s once every change made since on the document it moved
on to is undone (``FinishedBefore``): a trial's label on the next article, undone, left
"nothing to undo" where the d had been one ctrl+z away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from tests.test_session_data import alice_on_a, journal_lines, statuses, where

BACK = "b is as it was when a was done: ctrl+z again goes back to a"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


def done_and_on_b(session: AnnotationSession) -> None:
    """a done (d moves on to b), b open as the screen opens it, the notices taken."""
    session.set_field("event_type", "exchange")
    assert session.mark_done() == "b"
    session.open("b")
    session.take_notices()


def label_norvania(session: AnnotationSession) -> None:
    session.label_selection(*where(session, "Norvania"), "actor")


def test_a_label_undone_on_the_next_document_leaves_the_d_to_undo(
    session: AnnotationSession,
) -> None:
    done_and_on_b(session)
    label_norvania(session)
    assert not session.finish_undoable
    step = session.undo()
    assert step is not None and step.doc_id is None
    assert step.text == "label s1 actor 'Norvania' (s1 is gone)"
    assert session.take_notices() == [BACK]
    assert session.finish_undoable
    step = session.undo()
    assert step is not None and step.doc_id == "a"
    assert step.text == "a done; it is in progress again"
    assert statuses(session)["a"] == "in_progress"
    # The journal says so: a in progress, and b's last line holds no span.
    last = {line["doc_id"]: line for line in journal_lines(session)}
    assert (last["a"]["status"], last["b"]["spans"]) == ("in_progress", [])
    session.open("a")
    assert session.record.status == "in_progress"
    assert session.record.form["event_type"] == "exchange"


def test_the_d_waits_until_every_change_on_the_next_document_is_undone(
    session: AnnotationSession,
) -> None:
    done_and_on_b(session)
    label_norvania(session)
    session.set_note("twelve fishermen")
    step = session.undo()
    assert step is not None and step.path == "note"
    assert session.take_notices() == []
    assert not session.finish_undoable  # the label is still there
    step = session.undo()
    assert step is not None and step.span_id == "s1"
    assert session.take_notices() == [BACK]
    step = session.undo()
    assert step is not None and step.doc_id == "a"


def test_a_change_made_after_one_undone_is_undone_before_the_d(
    session: AnnotationSession,
) -> None:
    done_and_on_b(session)
    label_norvania(session)
    session.undo()
    session.toggle_flag()  # a new change: ctrl+z takes it first
    assert not session.finish_undoable
    step = session.undo()
    assert step is not None and step.text == "flag (unflagged again)"
    assert session.finish_undoable
    step = session.undo()
    assert step is not None and step.doc_id == "a"


def test_redo_on_the_next_document_puts_the_d_behind_it_again(
    session: AnnotationSession,
) -> None:
    done_and_on_b(session)
    label_norvania(session)
    session.undo()
    step = session.redo()
    assert step is not None and step.span_id == "s1"
    assert not session.finish_undoable
    assert [span.text for span in session.record.spans] == ["Norvania"]
    session.undo()
    step = session.undo()
    assert step is not None and step.doc_id == "a"


def test_redo_goes_forward_again_through_the_d_then_the_label(
    session: AnnotationSession,
) -> None:
    done_and_on_b(session)
    label_norvania(session)
    session.undo()
    session.undo()  # a's d: the screen opens a
    session.open("a")
    session.take_notices()
    step = session.redo()
    assert step is not None and step.doc_id == "b"
    assert statuses(session)["a"] == "done"
    session.open("b")
    step = session.redo()
    assert step is not None and step.span_id == "s1"
    assert [span.text for span in session.record.spans] == ["Norvania"]
    # And back again, the whole way.
    session.undo()
    step = session.undo()
    assert step is not None and step.doc_id == "a"
    assert statuses(session)["a"] == "in_progress"


def test_moving_on_after_the_change_forgets_the_d(session: AnnotationSession) -> None:
    done_and_on_b(session)
    label_norvania(session)
    session.open("c")  # n: the annotator went on
    session.open("b")
    session.undo()
    assert session.take_notices() == []
    assert not session.finish_undoable
    assert session.undo() is None
    assert statuses(session)["a"] == "done"


def test_a_change_of_the_finished_document_since_forgets_the_d(
    session: AnnotationSession,
) -> None:
    done_and_on_b(session)
    label_norvania(session)
    session.open("a")  # p
    session.toggle_flag()
    session.open("b")
    session.undo()
    assert not session.finish_undoable
    assert session.undo() is None
    assert statuses(session)["a"] == "done"


def test_going_back_with_p_and_n_keeps_the_d_behind_the_change(
    session: AnnotationSession,
) -> None:
    done_and_on_b(session)
    label_norvania(session)
    session.open("a")
    session.open("b")
    session.undo()
    assert session.finish_undoable
    step = session.undo()
    assert step is not None and step.doc_id == "a"
