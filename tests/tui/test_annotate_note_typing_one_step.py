"""Pilot at 80x24: the note's typing, saved at each pause, is one undo step until the note is
left, as a field's is (README: typing in one field is one undo step); a trial's note took a
ctrl+z per pause. Each pause still writes a journal line."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm
from tests.test_session_data import session_on

TEXT = "date 2024-03-17 Kestria said 95 Norvanian soldiers were returned to Ulmaria.\n"


def last_note(session: AnnotationSession) -> object:
    lines = journal(session)
    return lines[-1]["note"] if lines else None


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]


def test_the_notes_typing_saved_at_pauses_is_one_undo_step(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        form = screen.query_one(EventForm)
        note = screen.query_one("#note", Input)
        note.focus()
        form.IDLE_SAVE_SECONDS = 0.2
        await press(pilot, "a", "b")
        await wait_for(pilot, lambda: last_note(session) == "ab")
        await press(pilot, "c", "d")
        await wait_for(pilot, lambda: last_note(session) == "abcd")
        # "e" typed, its pause not come yet: one ctrl+z undoes the run, "e" with it.
        form.IDLE_SAVE_SECONDS = 30.0
        await press(pilot, "e", "ctrl+z")
        await wait_for(pilot, lambda: note.value == "")
        assert journal(session)[-1]["note"] == ""
        assert session.record.note == "" and not session.can_undo()
        assert "undid: note back to empty (was 'abcd')" in said(app)
        # Each pause wrote a line ("a" alone too, when the machine was slow between a and b).
        notes = [line["note"] for line in journal(session)]
        assert notes[-2:] == ["abcd", ""] and {"ab", "abcd"} <= set(notes)
        assert all("abcd".startswith(note) for note in notes)
        await press(pilot, "ctrl+y")  # redo gives the run back whole
        assert journal(session)[-1]["note"] == "abcd"
        await wait_for(pilot, lambda: note.value == "abcd")

    try:
        drive(session, scenario, size=(80, 24), notifications=True)
    finally:
        session.close()
