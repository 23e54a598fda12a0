"""Pilot: ctrl+z reaches back to the d of the previous article once the change made on the next
one is undone (a trial's label on the next article, undone, left "nothing to undo")."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def on(session: AnnotationSession, doc_id: str) -> bool:
    return session.loaded and session.document.id == doc_id


def test_ctrl_z_twice_after_a_label_on_the_next_article_reopens_the_done_one(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        # The event type is required: chosen first, then back to the article for d.
        await press(pilot, "o", "enter", "down", "down", "enter", "escape", "d")
        await wait_for(pilot, lambda: on(session, "b"))
        await press(pilot, "slash", *"norvania", "enter", "1")
        await wait_for(pilot, lambda: [s.text for s in session.record.spans] == ["Norvania"])

        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: session.record.spans == [])
        back = "b is as it was when a was done: ctrl+z again goes back to a"
        await wait_for(pilot, lambda: back in toasts(app))
        assert on(session, "b")
        assert journal(session)[-1]["doc_id"] == "b"

        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: on(session, "a"))
        await wait_for(pilot, lambda: "undid: a done; it is in progress again" in toasts(app))
        assert "nothing to undo" not in toasts(app)
        assert session.record.status == "in_progress"
        last = journal(session)[-1]
        assert (last["doc_id"], last["status"]) == ("a", "in_progress")

    drive(session, scenario, notifications=True)
