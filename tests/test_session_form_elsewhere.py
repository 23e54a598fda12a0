"""A form change names the document it was typed on (``doc_id``): handled after another
document opened (the screen's message on its way as a key opened the next), it never changes
the open one. Typing is saved to its own document, said; a value its record cannot take is
refused, saying what was not saved; anything else is refused, saying what was not done."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, Refused
from tests.test_session_data import alice_on_a, journal_lines


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


def lines_of(session: AnnotationSession, doc_id: str) -> list[dict[str, object]]:
    return [line for line in journal_lines(session) if line["doc_id"] == doc_id]


def test_a_note_typed_on_a_handled_on_b_is_saved_to_a(session: AnnotationSession) -> None:
    session.open("b")
    assert session.set_note("talks stalled", doc_id="a") is True
    assert session.document.id == "b" and session.record.note == ""
    assert [line["note"] for line in lines_of(session, "a")] == ["talks stalled"]
    assert lines_of(session, "b") == []
    assert session.take_notices() == [
        "saved to a's note: 'talks stalled', typed there before b opened (ctrl+z on a undoes it)"
    ]
    # Saved again (the field left after the form moved on): nothing more is written.
    assert session.set_note("talks stalled", doc_id="a") is False
    assert len(lines_of(session, "a")) == 1
    # Back on a, it is a's note, and ctrl+z undoes it as any change.
    session.open("a")
    assert session.record.note == "talks stalled"
    session.undo()
    assert session.record.note == ""
    assert [line["note"] for line in lines_of(session, "a")] == ["talks stalled", ""]


def test_a_field_typed_on_a_handled_on_b_is_saved_to_a(session: AnnotationSession) -> None:
    session.add_group_item("releases")
    session.open("b")
    assert session.set_field("releases[0].count", "146", typing=True, doc_id="a") is True
    assert session.group_size("releases") == 0  # b has no release
    assert lines_of(session, "a")[-1]["form"]["releases"][0]["count"] == 146
    assert lines_of(session, "b") == []


def test_a_value_a_refuses_is_said_not_saved_and_nothing_is_written(
    session: AnnotationSession,
) -> None:
    session.add_group_item("releases")
    session.open("b")
    before = journal_lines(session)
    with pytest.raises(
        Refused, match=r"^not saved: 'many' typed in a's releases #1 count before b opened: "
    ):
        session.set_field("releases[0].count", "many", doc_id="a")
    assert journal_lines(session) == before


def test_a_done_document_whose_required_field_is_emptied_elsewhere_is_in_progress(
    session: AnnotationSession,
) -> None:
    session.set_field("event_type", "exchange")
    assert session.mark_done() == "b"
    session.open("b")
    assert session.set_field("event_type", None, doc_id="a") is True
    assert (lines_of(session, "a")[-1]["status"], lines_of(session, "b")) == ("in_progress", [])
    assert "event_type of a is empty now: it is back to in progress" in session.take_notices()
    # The d of a is not what ctrl+z undoes now: the change after it is a's own, on a.
    assert not session.finish_undoable


def test_links_and_items_asked_on_a_are_refused_on_b(session: AnnotationSession) -> None:
    session.open("b")
    session.label_selection(0, 4, "date")
    before = journal_lines(session)
    with pytest.raises(Refused, match=r"^not done: adding an item to releases, asked on a's form"):
        session.add_group_item("releases", doc_id="a")
    with pytest.raises(Refused, match=r"^not done: filling .* asked on a's form after b opened"):
        session.fill_from_span("date", "s1", doc_id="a")
    with pytest.raises(Refused, match="open a to do it there"):
        session.link_span("date", "s1", doc_id="a")
    with pytest.raises(Refused, match="not done: unlinking from date"):
        session.unlink("date", doc_id="a")
    assert journal_lines(session) == before


def test_the_open_document_named_is_changed_as_without_a_name(
    session: AnnotationSession,
) -> None:
    assert session.set_note("mine", doc_id="a") is True
    assert session.add_group_item("releases", doc_id="a") == 0
    assert session.take_notices() == []
    assert [line["note"] for line in lines_of(session, "a")] == ["mine", "mine"]


def test_typing_saved_at_a_pause_then_on_b_is_one_undo_step_on_a(
    session: AnnotationSession,
) -> None:
    # A trial: '9' saved at a pause, then 'Kaldera gov' saved as ctrl+p "Next doc" opened the
    # next; back on the first, ctrl+z gave '9', a second one empty.
    session.add_group_item("releases")
    session.set_field("releases[0].received_by", "9", typing=True)
    session.open("b")
    assert session.set_field("releases[0].received_by", "Kaldera gov", doc_id="a") is True
    session.open("a")
    assert session.field_value("releases[0].received_by") == "Kaldera gov"
    step = session.undo()
    assert step is not None and session.field_value("releases[0].received_by") is None
    assert session.group_size("releases") == 1  # the item added before is another step
    session.undo()
    assert session.group_size("releases") == 0 and session.undo() is None


def test_a_note_saved_at_a_pause_then_on_b_is_one_undo_step_on_a(
    session: AnnotationSession,
) -> None:
    session.set_note("talks", typing=True)
    session.open("b")
    assert session.set_note("talks stalled", doc_id="a") is True
    session.open("a")
    step = session.undo()
    assert step is not None and session.record.note == ""
    assert session.undo() is None


def test_typing_on_b_after_a_runs_end_is_a_step_of_its_own(
    session: AnnotationSession,
) -> None:
    session.set_note("talks", typing=True)
    session.set_note("talks")  # enter, or leaving the note: its run ends
    session.open("b")
    assert session.set_note("talks stalled", doc_id="a") is True
    session.open("a")
    session.undo()
    assert session.record.note == "talks"
    session.undo()
    assert session.record.note == "" and session.undo() is None
