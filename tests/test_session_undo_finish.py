"""ctrl+z after d or s: the finished document gets its status back (session.undo_finish)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, open_session
from annotator.core.session_finish import UndoneElsewhere
from annotator.core.stats import annotator_stats
from tests.test_session_data import (
    FakeClock,
    alice_on_a,
    fixed_now,
    journal_lines,
    statuses,
    where,
    write_texts,
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


def test_undo_after_skip_gives_the_skipped_document_its_status_back(
    session: AnnotationSession,
) -> None:
    session.label_selection(*where(session, "Russia"), "actor")
    assert session.skip() == "b"
    session.open("b")
    step = session.undo()
    assert step is not None
    assert step.doc_id == "a"
    assert step.text == "a skipped; it is in progress again"
    assert statuses(session)["a"] == "in_progress"
    last = journal_lines(session)[-1]
    assert (last["doc_id"], last["status"]) == ("a", "in_progress")
    assert [span["text"] for span in last["spans"]] == ["Russia"]  # the spans stay
    session.open("a")  # the screen opens it: the message is told there
    told = session.take_notices()
    assert "undid: a skipped; it is in progress again" in told
    # Marked for the screen, which tells it as a change's message (not by its words).
    marked = [notice for notice in told if isinstance(notice, UndoneElsewhere)]
    assert marked == ["undid: a skipped; it is in progress again"]
    # Undone once: a second ctrl+z undoes the labelling, as on any document.
    second = session.undo()
    assert second is not None and second.doc_id is None
    assert session.record.spans == []


def test_undo_after_done_on_the_same_document_when_nothing_follows(
    session: AnnotationSession,
) -> None:
    for doc_id in ("b", "c"):
        session.open(doc_id)
        session.skip()
    session.open("a")
    session.set_field("event_type", "exchange")
    assert session.mark_done() is None  # the last unfinished one: the screen stays
    step = session.undo()
    assert step is not None and step.doc_id == "a"
    assert step.text == "a done; it is in progress again"
    assert session.record.status == "in_progress"
    assert session.record.form["event_type"] == "exchange"
    assert journal_lines(session)[-1]["status"] == "in_progress"


def test_a_document_new_before_skip_is_new_after_undo(
    session: AnnotationSession,
) -> None:
    assert journal_lines(session) == []
    session.skip()
    session.open("b")
    step = session.undo()
    assert step is not None and step.text == "a skipped; it is new again"
    # Its record holds nothing: the list says new, and stats leaves it out (a trial's list
    # said "started" of it).
    assert statuses(session) == {"a": "new", "b": "new", "c": "new"}
    assert journal_lines(session)[-1]["status"] == "in_progress"
    assert annotator_stats(list(session.store.records.values())) == {}


def test_done_skipped_document_gets_done_back(session: AnnotationSession) -> None:
    session.set_field("event_type", "exchange")
    session.mark_done()
    session.open("a")
    session.skip()
    session.open("b")
    step = session.undo()
    assert step is not None and step.text == "a skipped; it is done again"
    assert statuses(session)["a"] == "done"


def test_a_change_after_the_finish_is_what_undo_undoes_first(session: AnnotationSession) -> None:
    session.skip()
    session.open("b")
    session.label_selection(*where(session, "Norvania"), "actor")
    assert not session.finish_undoable
    step = session.undo()
    assert step is not None and step.doc_id is None
    assert session.record.spans == []
    assert statuses(session)["a"] == "skipped"
    # Nothing left on b: the next ctrl+z undoes a's skip (test_session_undo_finish_behind).
    assert session.finish_undoable


def test_moving_elsewhere_forgets_the_finish(session: AnnotationSession) -> None:
    session.skip()
    session.open("b")
    session.open("c")  # n: the annotator went on
    assert session.undo() is None
    session.open("b")
    assert session.undo() is None
    assert statuses(session)["a"] == "skipped"


def test_going_back_with_p_to_the_finished_document_still_undoes_it(
    session: AnnotationSession,
) -> None:
    session.skip()
    session.open("b")
    session.open("a")
    step = session.undo()
    assert step is not None and step.doc_id == "a"
    assert session.record.status == "in_progress"


def test_d_on_a_done_document_only_moves_on(session: AnnotationSession) -> None:
    session.set_field("event_type", "exchange")
    session.mark_done()
    session.open("a")
    session.take_notices()
    session.mark_done()
    assert session.finish_notice is None
    session.open("b")
    assert session.take_notices() == ["done a"]  # no "ctrl+z undoes it": it would not
    assert session.undo() is None
    assert statuses(session)["a"] == "done"


def test_the_flag_is_a_change_after_the_finish(session: AnnotationSession) -> None:
    session.skip()
    session.open("b")
    session.toggle_flag()
    step = session.undo()  # the flag's, not the skip's
    assert step is not None and step.text == "flag (unflagged again)"
    assert session.record.flagged is False
    assert statuses(session)["a"] == "skipped"
    step = session.undo()  # nothing is left on b: the skip's turn
    assert step is not None and step.doc_id == "a"


def test_ctrl_z_after_f_takes_the_flag_back_and_ctrl_y_gives_it_again(
    session: AnnotationSession,
) -> None:
    session.label_selection(*where(session, "Russia"), "actor")
    session.toggle_flag()
    step = session.undo()
    assert step is not None and step.text == "flag (unflagged again)"
    assert (session.record.flagged, len(session.record.spans)) == (False, 1)
    step = session.redo()
    assert step is not None and step.text == "flag"
    assert session.record.flagged is True
    session.toggle_flag()
    step = session.undo()
    assert step is not None and step.text == "remove the flag (flagged again)"
    assert session.record.flagged is True
    session.undo()
    step = session.undo()  # then the label, the flag as it was then
    assert step is not None and step.text.startswith("label")
    assert (session.record.flagged, session.record.spans) == (False, [])


def test_skip_forgets_the_documents_redo(session: AnnotationSession) -> None:
    """A trial: ctrl+y after s brought back a label undone before the skip (the status is not
    in the undo history, so its redo stayed)."""
    session.label_selection(*where(session, "Russia"), "actor")
    session.undo()
    assert session.can_redo()
    session.skip()
    session.open("a")  # p goes back
    assert not session.can_redo()
    assert session.redo() is None
    assert session.record.spans == []


def test_done_forgets_the_documents_redo(session: AnnotationSession) -> None:
    session.set_field("event_type", "exchange")
    session.label_selection(*where(session, "Russia"), "actor")
    session.undo()
    session.mark_done()
    session.open("a")
    assert session.redo() is None
    assert session.record.spans == []
    assert session.record.status == "done"


def test_undoing_the_label_that_unskipped_a_document_skips_it_again(
    session: AnnotationSession,
) -> None:
    session.skip()
    session.open("a")
    session.label_selection(*where(session, "Russia"), "actor")
    assert session.record.status == "in_progress"
    assert "a is no longer skipped: in progress" in session.take_notices()
    step = session.undo()
    assert step is not None and step.text == "label s1 actor 'Russia' (s1 is gone)"
    assert session.record.spans == []
    assert session.record.status == "skipped"
    assert journal_lines(session)[-1]["status"] == "skipped"
    assert "a is skipped again" in session.take_notices()
    # Redone, the label makes it in progress again, as it did the first time.
    session.redo()
    assert session.record.status == "in_progress"
    assert [span.text for span in session.record.spans] == ["Russia"]


def test_undoing_a_later_label_leaves_an_unskipped_document_in_progress(
    session: AnnotationSession,
) -> None:
    session.skip()
    session.open("a")
    session.label_selection(*where(session, "Russia"), "actor")
    session.label_selection(*where(session, "Ukraine"), "actor")
    session.undo()  # Ukraine: the label that un-skipped it stays
    assert session.record.status == "in_progress"
    session.undo()
    assert session.record.status == "skipped"


def test_redo_to_where_it_was_done_makes_it_done_again(session: AnnotationSession) -> None:
    """A trial: ctrl+z on a done article emptied event_type (in progress, said), and ctrl+y
    brought every answer back but left it in progress."""
    session.set_field("event_type", "exchange")
    session.mark_done()
    for doc_id in ("b", "c", "a"):  # on and back: d is no longer undone by ctrl+z
        session.open(doc_id)
    session.take_notices()
    session.undo()
    assert session.record.status == "in_progress"
    assert "event_type is empty now: the document is back to in progress" in (
        session.take_notices()
    )
    session.redo()
    assert session.record.status == "done"
    assert session.take_notices() == ["a is done again"]
    assert journal_lines(session)[-1]["status"] == "done"
    # After a new change, a redo has nothing to make done.
    session.undo()
    session.set_note("later")
    assert session.redo() is None and session.record.status == "in_progress"


def test_undo_after_finishing_into_a_stale_document_still_undoes(tmp_path: Path) -> None:
    """The code review's case: d moved on to a stale document, and ctrl+z was refused there
    ("stale") while the toast said ctrl+z undoes it."""
    corpus = write_texts(tmp_path)
    first = open_session(corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)
    first.open("b")
    first.label_selection(*where(first, "Norvania"), "actor")
    assert first.close()
    (corpus / "b.txt").write_text("date 2024-03-17 Norvania freed 14 fishermen.\n", "utf-8")
    session = open_session(
        corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now
    )
    try:
        session.open("a")
        assert session.skip() == "b"
        session.open("b")
        assert session.stale is not None
        step = session.undo()
        assert step is not None and step.doc_id == "a"
        assert statuses(session)["a"] == "new"
    finally:
        session.close()
