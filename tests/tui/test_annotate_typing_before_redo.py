"""Pilot at 80x24: typing not saved yet stays with its own document. On a: d (b opens), ctrl+z
(a again), a note typed on a, then at once ctrl+y: the redo opened b and the typing, still in
the note, was saved as b's note (a trial's "xyz" typed on 01 landed on 02). The typing is now
saved to a first; being a change, it ends what ctrl+y could redo, and the message says both."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from test_annotate_leaving_unchanged_field import an_event_type, done_a_then_b_opens, on, tab_to
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm


def no_pause_save(app: AnnotatorApp) -> None:
    """Typing is saved at a 1 s pause; these tests press their keys within it, which a loaded
    CI run's pauses between keys outlasted (the typing then saved in two, or after the next
    document opened). What they test is what happens before any pause."""
    screen_of(app).query_one(EventForm).IDLE_SAVE_SECONDS = 30.0


def test_a_note_typed_before_ctrl_y_is_saved_to_its_own_document(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await an_event_type(pilot)
        await done_a_then_b_opens(pilot, session)
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: on(session, "a"))
        no_pause_save(app)
        await tab_to(pilot, app, "note")
        await press(pilot, "x", "y", "z", "ctrl+y")  # within the pause that would save it
        await wait_for(pilot, lambda: any(line["note"] == "xyz" for line in journal(session)))
        for _ in range(5):
            await pilot.pause(0.02)
        assert on(session, "a")
        noted = [(line["doc_id"], line["note"]) for line in journal(session) if line["note"]]
        assert noted == [("a", "xyz")]
        # Why ctrl+y redid nothing is said: the typing saved first was a change (the message
        # said "nothing to redo" alone, and the annotator pressed it to finish a again).
        assert "saved the note typed; nothing to redo after a change" in toasts(app)

    drive(session, scenario, size=(80, 24), notifications=True)


def test_typing_left_when_another_document_opens_is_saved_to_its_own_and_said(
    session: AnnotationSession,
) -> None:
    # Any other way to open a document with typing still in a field: opening takes the focus
    # from the field at once, so the typing is saved to the document it was typed on, never to
    # the one opened.
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        no_pause_save(app)
        await tab_to(pilot, app, "note")
        await press(pilot, "x", "y", "z")
        screen_of(app).open_document("b")
        await wait_for(pilot, lambda: on(session, "b"))
        await wait_for(pilot, lambda: bool(journal(session)))
        for _ in range(5):
            await pilot.pause(0.02)
        assert [(line["doc_id"], line["note"]) for line in journal(session)] == [("a", "xyz")]
        assert session.record.note == ""
        # Saved while a is still open, as a plain save (nothing to say); a loaded machine's
        # read of b can come first, and then the save is said, naming a (never b).
        said = [t for t in toasts(app) if "saved to" in t]
        assert all(t.startswith("saved to a's note: 'xyz'") for t in said), said

    drive(session, scenario, size=(80, 24), notifications=True)


def test_ctrl_y_with_nothing_undone_says_the_typing_was_saved(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await tab_to(pilot, app, "note")
        await press(pilot, "x", "y", "z", "ctrl+y")
        await wait_for(pilot, lambda: any(line["note"] == "xyz" for line in journal(session)))
        await wait_for(pilot, lambda: bool(toasts(app)))
        assert toasts(app) == ["saved the note typed; nothing to redo"]

    drive(session, scenario, size=(80, 24), notifications=True)
