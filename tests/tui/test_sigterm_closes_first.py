"""Pilot: a SIGTERM (`kill PID`, the system shutting down) is a hangup (``SavingApp._hung_up``,
test_annotate_hangup_closes_first): the typing saved, the session closed, the journal written
and its lock released, before the process is ended if it has not ended by itself; what the disk
refuses goes to a rescue file. A trial typed a count, then `kill -TERM` within a second: the
count was lost, the lock left and the terminal not restored, where a hangup saved it. The
review's app is a SavingApp as well: its decisions are on disk and its lock released so.
"""

from __future__ import annotations

import errno
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from annotate_helpers import drive, press, screen_of, wait_for
from test_review_keys import drive as drive_review
from test_review_keys import review_of_two
from test_review_quit_from_boxes import BOB_EIGHT, take_bobs_eight
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core import writer
from annotator.core.lock import lock_path
from annotator.core.rescue_typing import refused_typing_said
from annotator.core.review import ReviewSession
from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.review_app import ReviewApp
from annotator.tui.saving_app import SavingApp
from tests.test_review_data import FIRST

Ending = tuple[float, int, bool, list[dict[str, Any]]]


def watch_the_end(journal: Path, monkeypatch: pytest.MonkeyPatch) -> list[Ending]:
    """What is on disk when the process's end is set (it may end at any time from then on):
    the seconds, the status, whether the lock is still there, the journal's lines."""
    ending: list[Ending] = []

    def end_after(seconds: float, status: int) -> None:
        held = journal.read_bytes() if journal.exists() else b""
        lines = [orjson.loads(line) for line in held.splitlines()]
        ending.append((seconds, status, lock_path(journal).exists(), lines))

    monkeypatch.setattr(SavingApp, "_end_process_after", staticmethod(end_after))
    return ending


def terminate() -> None:
    # The app's own handler, not the default one, which would end the test run.
    assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN)
    os.kill(os.getpid(), signal.SIGTERM)


def test_a_sigterm_closes_the_session_before_the_process_is_ended(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    ending = watch_the_end(session.journal, monkeypatch)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen_of(app).query_one("#note", Input).focus()
        await press(pilot, *"typed")  # not saved yet: a pause saves it after a second
        terminate()
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)
    [(seconds, status, locked, lines)] = ending
    assert (seconds, status, locked) == (3.0, 0, False)
    assert [(line["doc_id"], line["note"]) for line in lines] == [("a", "typed")]


def test_a_sigterm_with_the_disk_refusing_writes_the_rescue_file(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    ending = watch_the_end(session.journal, monkeypatch)

    def refused(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        monkeypatch.setattr(writer, "append_durably", refused)
        screen_of(app).query_one("#note", Input).focus()
        await press(pilot, *"typed")
        terminate()
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)
    [(_seconds, status, locked, lines)] = ending
    assert (status, locked, lines) == (1, False, [])
    unsaved = session.store.unsaved
    assert unsaved is not None and unsaved.rescue is not None and unsaved.rescue.parent == home
    rescued = [orjson.loads(line) for line in unsaved.rescue.read_bytes().splitlines()]
    assert [(line["doc_id"], line["note"]) for line in rescued] == [("a", "typed")]


@pytest.fixture
def review(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def test_a_sigterm_in_the_review_closes_it_with_the_decision_on_disk(
    review: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    ending = watch_the_end(review.store.journal, monkeypatch)

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await take_bobs_eight(pilot, app)
        terminate()
        await wait_for(pilot, lambda: not app.is_running)

    drive_review(review, scenario)
    [(seconds, status, locked, lines)] = ending
    assert (seconds, status, locked) == (3.0, 0, False)
    first = [line for line in lines if line["doc_id"] == FIRST][-1]
    assert BOB_EIGHT in {(s["start"], s["end"], s["label"]) for s in first["spans"]}


def test_text_a_field_refuses_at_a_sigterm_is_said_at_the_next_start(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    """A quit asks about 'twelvex' shown in a date; a SIGTERM (or a hang-up) cannot: what the
    field shows is kept in a note the next opening of the journal says, never dropped."""
    watch_the_end(session.journal, monkeypatch)
    shown = ["releases #1 date shows 'twelvex'"]
    monkeypatch.setattr(AnnotatorApp, "save_typing", lambda app: shown)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        terminate()
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)
    [said] = refused_typing_said(session.journal)
    assert said.startswith(f"{session.journal}: at the SIGTERM (")
    assert said.endswith(
        "), releases #1 date showed 'twelvex', which it refuses: not saved; type it again"
    )
    assert refused_typing_said(session.journal) == []  # said once
