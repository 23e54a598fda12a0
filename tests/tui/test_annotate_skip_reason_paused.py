"""Pilot: a skip's reason saved at pauses in its typing (before enter) is still one step with
the skip: one ctrl+z gives back the status and the note together, one ctrl+y skips with the
reason again (README, the d / s / f row). A trial paused before enter: ctrl+z said "it is in
progress again" and left the reason, and a second one gave back the empty note."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, wait_for
from test_annotate_skip_reason import on, typed
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm


def note_saved(session: AnnotationSession, note: str) -> bool:
    lines = journal(session)
    return bool(lines) and lines[-1]["note"] == note


def test_one_ctrl_z_and_one_ctrl_y_after_a_reason_saved_at_pauses(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen_of(app).query_one(EventForm).IDLE_SAVE_SECONDS = 0.1
        await press(pilot, "s", *typed("talks"))
        await wait_for(pilot, lambda: note_saved(session, "talks"))  # a pause
        await press(pilot, *typed(" only"))
        await wait_for(pilot, lambda: note_saved(session, "talks only"))  # another
        await press(pilot, "enter")
        await wait_for(pilot, lambda: on(session, "b"))
        notes = [(line["status"], line["note"]) for line in journal(session)]
        # The pauses waited for saved "talks" and "talks only"; a loaded CI paused within the
        # typing too ("talks "): each such save is of the reason as typed so far.
        assert ("in_progress", "talks") in notes
        assert notes[-2:] == [("in_progress", "talks only"), ("skipped", "talks only")]
        assert all(
            status == "in_progress" and "talks only".startswith(note) for status, note in notes[:-1]
        )
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: on(session, "a"))
        last = journal(session)[-1]
        assert (last["doc_id"], last["status"], last["note"]) == ("a", "in_progress", "")
        assert session.record.holds_nothing()  # listed as new again, as before s
        assert screen_of(app).query_one("#note", Input).value == ""
        lines = len(journal(session))
        await press(pilot, "ctrl+y")
        await wait_for(pilot, lambda: on(session, "b"))
        redone = journal(session)[lines:]
        assert [(line["doc_id"], line["status"], line["note"]) for line in redone] == [
            ("a", "in_progress", "talks only"),
            ("a", "skipped", "talks only"),
        ]

    drive(session, scenario, notifications=True)
