"""Pilot: ctrl+y after ctrl+z undid d makes the document done again and moves on, as d did (a
trial's ctrl+y said "nothing to redo")."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def on(session: AnnotationSession, doc_id: str) -> bool:
    return session.loaded and session.document.id == doc_id


def test_ctrl_y_after_ctrl_z_of_d_is_done_again(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        # The event type is required: chosen first, then back to the article for d.
        await press(pilot, "o", "enter", "down", "down", "enter", "escape")
        await press(pilot, "d")
        await wait_for(pilot, lambda: on(session, "b"))
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: on(session, "a"))
        await wait_for(pilot, lambda: "undid: a done; it is in progress again" in toasts(app))
        assert journal(session)[-1]["status"] == "in_progress"

        await press(pilot, "ctrl+y")
        await wait_for(pilot, lambda: on(session, "b"))
        await wait_for(pilot, lambda: "redid: done a (ctrl+z undoes it)" in toasts(app))
        assert "nothing to redo" not in toasts(app)
        last = journal(session)[-1]
        assert (last["doc_id"], last["status"]) == ("a", "done")
        assert last["form"] == {"event_type": "unilateral_release"}

        # And ctrl+z undoes it again, as it undid the d.
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: on(session, "a"))
        assert journal(session)[-1]["status"] == "in_progress"

    drive(session, scenario, notifications=True)


def test_ctrl_y_on_the_last_unfinished_document_says_it_once(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "n")
        await wait_for(pilot, lambda: on(session, "b"))
        await press(pilot, "s", "enter")
        await wait_for(pilot, lambda: on(session, "c"))
        await press(pilot, "s", "enter")  # c skipped: back to a, the last unfinished one
        await wait_for(pilot, lambda: on(session, "a"))
        await press(pilot, "o", "enter", "down", "down", "enter", "escape", "d")
        await wait_for(pilot, lambda: session.record.status == "done")
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: session.record.status == "in_progress")
        await press(pilot, "ctrl+y")
        await wait_for(pilot, lambda: session.record.status == "done")
        shown = toasts(app)
        assert shown.count("redid: done a (ctrl+z undoes it)") == 1, shown
        assert "every document is finished (1/3 done)" in shown
        # A change after it withdraws it, as it does the message of d.
        await press(pilot, "f")
        assert "redid: done a (ctrl+z undoes it)" not in toasts(app)

    drive(session, scenario, notifications=True)
