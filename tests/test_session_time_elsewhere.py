"""The time spent on a document whose typing is saved to it after the next one opened (the
screen's message on its way as n opened the next) counts with that typing, once: leaving it,
its record was still as entered, so its time was kept for its next change, and the save made
elsewhere wrote the typing without it (40 s of typing a note, then n: never written). A new
document's first typing, saved the same way, had none of its time either."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from tests.test_session_data import FakeClock, alice_on_a, journal_lines, where


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


def seconds_of(session: AnnotationSession, doc_id: str) -> float:
    """The seconds spent on ``doc_id`` as its last journal line has them."""
    lines = [line for line in journal_lines(session) if line["doc_id"] == doc_id]
    seconds = lines[-1]["seconds_spent"]
    assert isinstance(seconds, float)
    return seconds


def typing_for(session: AnnotationSession, seconds: float) -> None:
    """Keys pressed every 5 s for ``seconds``."""
    clock = session.clock
    assert isinstance(clock, FakeClock)
    for _ in range(int(seconds // 5)):
        clock.seconds += 5
        session.activity()


def _note(session: AnnotationSession) -> None:
    assert session.set_note("a long note typed on a", doc_id="a") is True


def _value(session: AnnotationSession) -> None:
    count = session.store.records["a"].spans[0]
    assert session.set_value("147", count.id, doc_id="a").value == 147


@pytest.mark.parametrize("saved_on_b", [_note, _value], ids=["note", "span value"])
def test_a_stored_documents_time_counts_with_its_typing_saved_on_b(
    session: AnnotationSession, saved_on_b: Callable[[AnnotationSession], None]
) -> None:
    session.label_selection(*where(session, "146"), "count")
    session.open("b")
    session.open("a")  # a opened again: nothing changed on it yet
    before = seconds_of(session, "a")
    typing_for(session, 40)
    session.open("b")  # the typing's message is handled after b opened
    saved_on_b(session)
    assert seconds_of(session, "a") == pytest.approx(before + 40)
    # Counted once: a's next change adds only the time spent on it since.
    session.open("a")
    typing_for(session, 10)
    session.set_field("event_type", "exchange")
    assert seconds_of(session, "a") == pytest.approx(before + 50)
    session.close()
    assert seconds_of(session, "a") == pytest.approx(before + 50)


def test_a_new_documents_first_typing_saved_on_the_next_has_its_time(
    session: AnnotationSession,
) -> None:
    session.open("b")
    session.open("a")  # a has no record yet
    typing_for(session, 30)
    session.open("c")
    _note(session)
    assert seconds_of(session, "a") == pytest.approx(30)
    session.open("a")
    typing_for(session, 5)
    session.set_field("event_type", "exchange")
    assert seconds_of(session, "a") == pytest.approx(35)
    session.close()
    assert seconds_of(session, "a") == pytest.approx(35)


def test_typing_saved_on_its_open_document_before_leaving_is_one_line_with_the_time(
    session: AnnotationSession,
) -> None:
    """Leaving with typing pending writes one line when the typing is saved before the next
    document is entered: it carries the time, and leaving writes no time-only line after it.
    (Saved after ``enter``, as ``typed_elsewhere``, the leave has written a time-only line
    already: both correct, one too many.)"""
    session.set_note("talks", typing=True)  # saved at a pause
    typing_for(session, 30)
    session.set_note("talks stalled")  # the field left: saved on a, still open
    session.open("b")
    lines = [line for line in journal_lines(session) if line["doc_id"] == "a"]
    assert [(line["note"], line["seconds_spent"]) for line in lines] == [
        ("talks", 0.0),
        ("talks stalled", pytest.approx(30)),
    ]
