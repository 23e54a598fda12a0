"""A document without open conflicts opened from the review's list is looked at: no conflict
current, nothing written, and n / p go on from it to the open conflicts (a trial's reviewer
could not see a settled document nor read its notes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.core.session_edits import Refused
from tests.test_review_session_data import open_it, write_review_case


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    opened = open_it(write_review_case(tmp_path))
    yield opened
    assert opened.close()


def saved_lines(session: ReviewSession) -> int:
    assert session.flush(10)
    return len(session.store.journal.read_bytes().splitlines())


def settle_d2(session: ReviewSession) -> None:
    session.go_to_document("d2")
    while session.records.conflicts("d2"):
        session.take(0)


def test_looking_at_a_settled_document_writes_nothing_and_n_goes_on_from_it(
    session: ReviewSession,
) -> None:
    settle_d2(session)
    lines = saved_lines(session)
    assert session.go_to_document("d2") is None
    assert (session.current, session.looking, session.doc_id) == (None, "d2", "d2")
    assert session.record is None and session.view() is None
    assert saved_lines(session) == lines
    # d2 is the last document: n goes round to d1's first conflict, p to its last.
    assert session.next_conflict() == Place("d1", "c1")
    assert session.wrapped and session.looking is None
    session.go_to_document("d2")
    last = session.order.in_document("d1")[-1][1]
    assert session.previous_conflict() == last and not session.wrapped
    assert saved_lines(session) == lines


def test_with_every_conflict_settled_n_and_p_say_so(session: ReviewSession) -> None:
    while not session.finished:
        session.take(0)
    session.go_to_document("d1")
    assert session.looking == "d1"
    for move in (session.next_conflict, session.previous_conflict):
        with pytest.raises(Refused, match="every conflict is settled: no open conflict to go to"):
            move()
    assert session.looking == "d1"  # still looked at
