"""Pilot: a hangup (the terminal closed, an SSH connection dropped) saves the typing and closes
the session, the journal written and its lock released, before anything else: then the process
is ended if it has not ended ``hangup_exit_seconds`` later (``SavingApp._hung_up``). A trial's
process lived on after an SSH drop, holding the lock: Textual's shutdown waited forever on the
gone terminal, and the session was to be closed only after it."""

from __future__ import annotations

import os
import signal
from typing import Any

import orjson
from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.lock import lock_path
from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.saving_app import SavingApp


def test_a_hangup_closes_the_session_before_the_process_is_ended(
    session: AnnotationSession, monkeypatch: Any
) -> None:
    ending: list[tuple[float, int, bool, list[dict[str, Any]]]] = []

    def end_after(seconds: float, status: int) -> None:
        # What is on disk when the end is set: the process may end at any time from then on.
        lines = [orjson.loads(line) for line in session.journal.read_bytes().splitlines()]
        ending.append((seconds, status, lock_path(session.journal).exists(), lines))

    monkeypatch.setattr(SavingApp, "_end_process_after", staticmethod(end_after))

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen_of(app).query_one("#note", Input).focus()
        await press(pilot, *"typed")  # not saved yet: a pause saves it after a second
        # The app's own handler, not the default one, which would end the test run.
        assert signal.getsignal(signal.SIGHUP) not in (signal.SIG_DFL, signal.SIG_IGN)
        os.kill(os.getpid(), signal.SIGHUP)
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)
    [(seconds, status, locked, lines)] = ending
    assert (seconds, status, locked) == (3.0, 0, False)
    assert [(line["doc_id"], line["note"]) for line in lines] == [("a", "typed")]
