"""Pilot: a SIGINT from outside (`kill -INT PID`; ctrl+c on the screen is a key, not a signal)
closes the session as a SIGTERM does (test_sigterm_closes_first): the typing saved, the journal
written and its lock released before the process is ended, a field's refused text kept in a
note the next start says. It lost the typing not saved yet, and the command said "the screen
closed unexpectedly (return code None)", exit 1. The review's decisions are on disk so as well.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, press, screen_of, wait_for
from test_review_keys import drive as drive_review
from test_review_keys import review_of_two
from test_review_quit_from_boxes import BOB_EIGHT, take_bobs_eight
from test_sigterm_closes_first import watch_the_end
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.rescue_typing import refused_typing_said
from annotator.core.review import ReviewSession
from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.review_app import ReviewApp
from tests.test_review_data import FIRST


def interrupt() -> None:
    # Handled as the app handles a SIGTERM: not by asyncio's runner (which cancels the app's
    # task) nor by Python (KeyboardInterrupt wherever it lands), either of which ends the run.
    assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN)
    assert signal.getsignal(signal.SIGINT) is signal.getsignal(signal.SIGTERM)
    os.kill(os.getpid(), signal.SIGINT)


def test_a_sigint_closes_the_session_with_the_typing_saved(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    ending = watch_the_end(session.journal, monkeypatch)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen_of(app).query_one("#note", Input).focus()
        await press(pilot, *"typed")  # not saved yet: a pause saves it after a second
        interrupt()
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)
    [(seconds, status, locked, lines)] = ending
    assert (seconds, status, locked) == (3.0, 0, False)
    assert [(line["doc_id"], line["note"]) for line in lines] == [("a", "typed")]


def test_text_a_field_refuses_at_a_sigint_is_said_at_the_next_start(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    watch_the_end(session.journal, monkeypatch)
    monkeypatch.setattr(AnnotatorApp, "save_typing", lambda app: ["count shows 'lots'"])

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        interrupt()
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)
    [said] = refused_typing_said(session.journal)
    assert said.startswith(f"{session.journal}: at the SIGINT (")
    assert said.endswith("), count showed 'lots', which it refuses: not saved; type it again")


@pytest.fixture
def review(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def test_a_sigint_in_the_review_closes_it_with_the_decision_on_disk(
    review: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    ending = watch_the_end(review.store.journal, monkeypatch)

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await take_bobs_eight(pilot, app)
        interrupt()
        await wait_for(pilot, lambda: not app.is_running)

    drive_review(review, scenario)
    [(seconds, status, locked, lines)] = ending
    assert (seconds, status, locked) == (3.0, 0, False)
    first = [line for line in lines if line["doc_id"] == FIRST][-1]
    assert BOB_EIGHT in {(s["start"], s["end"], s["label"]) for s in first["spans"]}
