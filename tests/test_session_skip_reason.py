"""s asks the reason first when the note is empty; enter in the note skips with it
(``session_skip.skip_with_reason``). A trial's reason took p, o, three tabs, the typing,
escape and s again, after the skip had already moved on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, open_session
from annotator.core.session_skip import skip_with_reason
from tests.test_session_data import FakeClock, fixed_now, journal_lines, write_texts


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    corpus = write_texts(tmp_path)
    opened = open_session(corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)
    opened.open("a")
    yield opened
    opened.close()


def test_the_note_is_saved_then_the_document_skipped(session: AnnotationSession) -> None:
    assert skip_with_reason(session, "talks only, nobody freed") == "b"
    last = journal_lines(session)[-1]
    assert (last["doc_id"], last["status"], last["note"]) == (
        "a",
        "skipped",
        "talks only, nobody freed",
    )
    assert session.finish_notice == "skipped a (ctrl+z undoes it)"


def test_ctrl_z_gives_back_the_status_and_the_note_in_one_step(
    session: AnnotationSession,
) -> None:
    skip_with_reason(session, "talks only")
    session.open("b")  # the screen opens the next one
    step = session.undo()
    assert step is not None and (step.doc_id, step.text) == (
        "a",
        "a skipped; it is new again; note back to empty (was 'talks only')",
    )
    session.open("a")
    assert (session.record.status, session.record.note) == ("in_progress", "")
    assert journal_lines(session)[-1]["note"] == ""
    assert session.undo() is None  # nothing more: the reason went with the status


def test_ctrl_y_skips_with_the_reason_again_in_one_step(session: AnnotationSession) -> None:
    session.set_note("first")  # an earlier change, for a second ctrl+z
    skip_with_reason(session, "first; talks only")
    session.undo()  # on a still (no screen moving on)
    assert (session.record.status, session.record.note) == ("in_progress", "first")
    step = session.redo()
    assert step is not None and step.text == "skipped a (ctrl+z undoes it)"
    last = journal_lines(session)[-1]
    assert (last["status"], last["note"]) == ("skipped", "first; talks only")
    session.open("a")
    step = session.undo()  # both again, and then the earlier note
    assert (session.record.status, session.record.note) == ("in_progress", "first")
    assert session.undo() is not None and session.record.note == ""


def test_an_empty_reason_skips_all_the_same(session: AnnotationSession) -> None:
    # The guidelines ask for the reason; the tool does not force it.
    assert skip_with_reason(session, "  ") == "b"
    last = journal_lines(session)[-1]
    assert (last["doc_id"], last["status"]) == ("a", "skipped")
    assert session.finish_notice == (
        "skipped a (ctrl+z undoes it); its note is empty: the guidelines want the reason "
        "there (p goes back)"
    )


def test_a_reason_saved_at_pauses_in_its_typing_is_one_step_with_the_skip(
    session: AnnotationSession,
) -> None:
    # A trial paused before enter: the reason was saved (at each pause, a step of its own)
    # before the skip, and ctrl+z gave back the status, a second one the note.
    session.set_note("first")  # an earlier change, which stays
    asked = session.record.note  # s asks why (the screen keeps the note then)
    session.set_note("first; talks")  # saved at a pause
    session.set_note("first; talks only")  # and at another
    assert skip_with_reason(session, "first; talks only", asked) == "b"
    session.open("b")
    step = session.undo()
    assert step is not None and (step.doc_id, step.text) == (
        "a",
        "a skipped; it is in progress again; note back to 'first' (was 'first; talks only')",
    )
    session.open("a")
    assert (session.record.status, session.record.note) == ("in_progress", "first")
    step = session.redo()  # the reason and the skip again, at once
    assert step is not None and step.text == "skipped a (ctrl+z undoes it)"
    last = journal_lines(session)[-1]
    assert (last["status"], last["note"]) == ("skipped", "first; talks only")
    session.open("a")
    session.undo()
    assert (session.record.status, session.record.note) == ("in_progress", "first")
    assert session.undo() is not None and session.record.note == ""  # the earlier change
    assert session.undo() is None


def test_a_reason_typed_after_a_change_undoes_the_note_steps_alone(
    session: AnnotationSession,
) -> None:
    asked = session.record.note
    session.set_note("talks")  # saved at a pause
    session.toggle_flag()  # another change between the reason's saves
    session.set_note("talks only")
    skip_with_reason(session, "talks only", asked)
    step = session.undo()
    assert step is not None
    # The status and the note back as s asked: the flag, set in between, stays.
    assert (session.record.status, session.record.note, session.record.flagged) == (
        "in_progress",
        "",
        True,
    )
