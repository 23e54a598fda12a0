"""Pilot: s's question says when to skip at all, in one short line under it, as the guidelines
keep skip for an article that cannot be annotated (an article about something else is done):
it asked only why, and a person skipped what is annotated as not relevant."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, journal, notices_heard, press, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

ASKED = "why skip? type the reason, enter skips (escape: back, not skipped)"
WHEN = "skip only an article that cannot be annotated"


def test_s_says_when_to_skip_under_its_question(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        app.clear_notifications()  # the welcome
        told = notices_heard(app, monkeypatch)
        await press(pilot, "s")
        await wait_for(pilot, lambda: bool(toasts(app)))
        assert told == [f"{ASKED}\n{WHEN}"]  # its own line, after the question
        shown = [" ".join(toast.split()) for toast in toasts(app)]
        assert shown == [f"{ASKED} {WHEN}"]  # whole at 80 columns, wrapped
        note = app.focused
        assert isinstance(note, Input) and note.id == "note"
        assert journal(session) == []  # asking skips nothing

        await press(pilot, *"unreadable", "enter")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "b")
        last = journal(session)[-1]
        assert (last["doc_id"], last["status"], last["note"]) == ("a", "skipped", "unreadable")

    drive(session, scenario, size=(80, 24), notifications=True)
