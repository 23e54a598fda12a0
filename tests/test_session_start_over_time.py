"""ctrl+z after ctrl+r gives the stale record back with its own time: the banner names when
it was made, not when ctrl+z was pressed (a trial read the time of the undo there)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import FakeClock, journal_lines, write_texts


class Hours:
    """A wall clock moved by hand: 10:00 on 2025-08-24, then as set."""

    def __init__(self) -> None:
        self.hour = 10

    def __call__(self) -> dt.datetime:
        return dt.datetime(2025, 8, 24, self.hour, 0, 0, tzinfo=dt.UTC)


def session_at(corpus: Path, tmp_path: Path, hours: Hours) -> AnnotationSession:
    return open_session(corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=hours)


def test_the_record_given_back_keeps_its_time(tmp_path: Path) -> None:
    corpus = write_texts(tmp_path)
    hours = Hours()
    first = session_at(corpus, tmp_path, hours)
    first.open("a")
    first.set_field("event_type", "exchange")
    first.mark_done()
    assert first.close()
    (corpus / "a.txt").write_text("date 2025-08-24 Ukraine and Russia swapped.\n", "utf-8")

    hours.hour = 11
    again = session_at(corpus, tmp_path, hours)
    try:
        again.open("a")
        before = again.stale_notice()
        assert before is not None and before.startswith("Your record of 2025-08-24T10:00:00Z (")
        again.start_over()
        hours.hour = 12
        step = again.undo()
        assert step is not None and step.text.startswith("start over: your record")
        assert again.stale_notice() == before
        last = journal_lines(again)[-1]
        assert (last["updated_at"], last["status"]) == ("2025-08-24T10:00:00Z", "done")
    finally:
        assert again.close()

    hours.hour = 13
    third = session_at(corpus, tmp_path, hours)  # read back from the journal: the same time
    try:
        third.open("a")
        assert third.stale_notice() == before
    finally:
        third.close()
