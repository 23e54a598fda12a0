"""Where a session starts (``session.start_id``): the document last worked on while it is
unfinished, else the first unfinished one. A trial quit on 11, in progress, and the next start
opened 08, the first unfinished."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import FakeClock, fixed_now, where, write_texts


class Ticking:
    """A UTC clock a minute later at each reading: each save has its own ``updated_at``."""

    def __init__(self) -> None:
        self.moment = dt.datetime(2025, 8, 24, 10, 0, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.moment += dt.timedelta(minutes=1)
        return self.moment


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_texts(tmp_path)


def alice(corpus: Path, tmp_path: Path, now: object = None) -> AnnotationSession:
    clock = now if callable(now) else Ticking()
    return open_session(corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=clock)


def label_in(session: AnnotationSession, doc_id: str, word: str) -> None:
    session.open(doc_id)
    session.label_selection(*where(session, word), "actor")


def test_a_restart_opens_the_unfinished_document_last_worked_on(
    corpus: Path, tmp_path: Path
) -> None:
    first = alice(corpus, tmp_path)
    label_in(first, "a", "Russia")
    label_in(first, "c", "Kestria")  # quit on c, in progress; a and b are unfinished before it
    assert first.close()
    again = alice(corpus, tmp_path)
    try:
        assert again.first_unfinished_id() == "a"
        assert again.start_id() == "c"
        assert again.take_notices() == [
            "opened c, the article you last worked on; the first unfinished is a (l lists them)"
        ]
    finally:
        again.close()


def test_the_last_worked_on_being_the_first_unfinished_says_nothing(
    corpus: Path, tmp_path: Path
) -> None:
    first = alice(corpus, tmp_path)
    label_in(first, "c", "Kestria")
    label_in(first, "a", "Russia")
    assert first.close()
    again = alice(corpus, tmp_path)
    try:
        assert again.start_id() == "a"
        assert again.take_notices() == []
    finally:
        again.close()


@pytest.mark.parametrize("finish", ["done", "skipped"])
def test_a_finished_last_document_leaves_the_start_at_the_first_unfinished(
    corpus: Path, tmp_path: Path, finish: str
) -> None:
    first = alice(corpus, tmp_path)
    label_in(first, "a", "Russia")
    label_in(first, "c", "Kestria")
    first.set_field("event_type", "exchange")
    assert (first.mark_done() if finish == "done" else first.skip()) == "a"
    assert first.close()
    again = alice(corpus, tmp_path)
    try:
        assert again.last_worked_id() == "c"
        assert again.start_id() == "a"
        assert again.take_notices() == []
    finally:
        again.close()


def test_with_nothing_worked_on_the_start_is_the_first_document(
    corpus: Path, tmp_path: Path
) -> None:
    session = alice(corpus, tmp_path)
    try:
        assert session.last_worked_id() is None
        assert session.start_id() == "a"
    finally:
        session.close()


def test_of_two_saved_in_the_same_second_the_unfinished_one_is_last(
    corpus: Path, tmp_path: Path
) -> None:
    """d on b, and c labelled at once, within one second: c is where the annotator was."""
    first = alice(corpus, tmp_path, now=fixed_now)
    first.open("b")
    first.set_field("event_type", "exchange")
    assert first.mark_done() == "c"
    label_in(first, "c", "Kestria")
    assert first.close()
    again = alice(corpus, tmp_path, now=fixed_now)
    try:
        assert again.last_worked_id() == "c"
        assert again.start_id() == "c"
    finally:
        again.close()


def test_of_two_unfinished_saved_in_one_second_the_later_line_is_the_last_worked_on(
    corpus: Path, tmp_path: Path
) -> None:
    """b labelled, then a, within one second (``fixed_now``): a was worked on last, as its line
    in the journal says. The first found (b) was taken, and a CI run opened b."""
    first = alice(corpus, tmp_path, now=fixed_now)
    label_in(first, "b", "Norvania")
    label_in(first, "a", "Russia")
    assert first.close()
    again = alice(corpus, tmp_path, now=fixed_now)
    try:
        assert again.start_id() == "a"
    finally:
        again.close()
