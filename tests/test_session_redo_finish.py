"""ctrl+y after ctrl+z undid d or s: the document is finished again (session.redo_finish), as
ctrl+z gave its status back (session.undo_finish)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from tests.test_session_data import (
    alice_on_a,
    journal_lines,
    statuses,
    where,
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


def done_then_undone(session: AnnotationSession) -> None:
    """a done (d moves on to b), then ctrl+z: a open again, in progress."""
    session.set_field("event_type", "exchange")
    assert session.mark_done() == "b"
    session.open("b")
    session.take_notices()
    step = session.undo()
    assert step is not None and step.doc_id == "a"
    session.open("a")  # the screen opens it
    session.take_notices()


def test_redo_after_the_undo_of_d_makes_it_done_again_and_moves_on(
    session: AnnotationSession,
) -> None:
    """A trial: ctrl+y after ctrl+z undid d said there was nothing to redo."""
    done_then_undone(session)
    assert session.record.status == "in_progress"
    step = session.redo()
    assert step is not None
    assert (step.text, step.doc_id) == ("done a (ctrl+z undoes it)", "b")
    assert session.record.status == "done"
    assert statuses(session)["a"] == "done"
    last = journal_lines(session)[-1]
    assert (last["doc_id"], last["status"], last["form"]) == (
        "a",
        "done",
        {"event_type": "exchange"},
    )
    session.open("b")  # the screen moves on, as d did; the message is told there
    assert session.take_notices() == ["redid: done a (ctrl+z undoes it)"]
    assert session.finish_notice == "redid: done a (ctrl+z undoes it)"
    # Redone, it is undone again by ctrl+z as the d was.
    again = session.undo()
    assert again is not None and again.text == "a done; it is in progress again"
    assert statuses(session)["a"] == "in_progress"


def test_redo_after_the_undo_of_s_skips_it_again(session: AnnotationSession) -> None:
    session.label_selection(*where(session, "Russia"), "actor")
    assert session.skip() == "b"
    session.open("b")
    session.undo()
    session.open("a")
    session.take_notices()
    step = session.redo()
    assert step is not None and step.doc_id == "b"
    assert step.text == (
        "skipped a (ctrl+z undoes it); its note is empty: the guidelines want the reason "
        "there (p goes back)"
    )
    assert statuses(session)["a"] == "skipped"
    assert [span.text for span in session.record.spans] == ["Russia"]


def test_redo_of_the_last_unfinished_document_stays_and_says_so_once(
    session: AnnotationSession,
) -> None:
    for doc_id in ("b", "c"):
        session.open(doc_id)
        session.skip()
    session.open("a")
    session.set_field("event_type", "exchange")
    assert session.mark_done() is None
    session.undo()
    session.take_notices()
    step = session.redo()
    assert step is not None and (step.text, step.doc_id) == ("done a (ctrl+z undoes it)", None)
    assert session.record.status == "done"
    # The step says what was redone (the screen says it); the notices only what follows.
    assert session.take_notices() == ["every document is finished (1/3 done)"]
    assert session.finish_notice == "redid: done a (ctrl+z undoes it)"


def test_label_undone_after_the_undo_of_d_is_redone_first_then_d(
    session: AnnotationSession,
) -> None:
    session.label_selection(*where(session, "Russia"), "actor")
    done_then_undone(session)
    session.undo()  # the label, then the event type
    session.undo()
    assert session.record.spans == [] and session.record.form == {}
    first = session.redo()
    second = session.redo()
    assert first is not None and first.text.startswith("label")
    assert second is not None and second.text.startswith("event_type")
    assert session.record.status == "in_progress"
    third = session.redo()
    assert third is not None and third.text == "done a (ctrl+z undoes it)"
    assert session.record.status == "done"
    assert session.redo() is None


def test_a_new_change_after_the_undo_of_d_leaves_nothing_to_redo(
    session: AnnotationSession,
) -> None:
    done_then_undone(session)
    session.set_note("checked the figures")
    assert session.redo() is None
    assert session.record.status == "in_progress"
    session.undo()  # the note: the record is as ctrl+z left it, but a change came between
    assert session.redo() is not None and session.record.note == "checked the figures"
    assert session.redo() is None and session.record.status == "in_progress"


def test_moving_to_another_document_after_the_undo_of_d_forgets_the_redo(
    session: AnnotationSession,
) -> None:
    done_then_undone(session)
    session.open("c")
    assert session.redo() is None
    session.open("a")
    assert session.redo() is None
    assert statuses(session)["a"] == "in_progress"
