"""Pilot at 80x24: the message of a d ("done a (ctrl+z undoes it)") goes at a later d or s,
since ctrl+z then undoes that one. A trial's "done 03-… (ctrl+z undoes it)" stayed beside
"skipped 04-… (ctrl+z undoes it)", the s its reason was typed for."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

DONE_A = "done a (ctrl+z undoes it)"
SKIPPED_B = "skipped b (ctrl+z undoes it)"


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]


def test_a_later_skip_takes_the_done_message_away(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        # The event type is required: chosen first, then back to the article for d.
        await press(pilot, "o", "enter", "down", "down", "enter", "escape", "d")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "b")
        await wait_for(pilot, lambda: DONE_A in said(app))
        # s asks why in the note; the reason typed, enter skips b.
        await press(pilot, "s", "n", "o", "enter")
        await wait_for(pilot, lambda: session.document.id != "b")
        await wait_for(pilot, lambda: SKIPPED_B in said(app))
        assert DONE_A not in said(app)
        last = journal(session)[-1]
        assert (last["doc_id"], last["status"], last["note"]) == ("b", "skipped", "no")
        # ctrl+z undoes the skip, as the message that stayed says; then nothing says
        # ctrl+z undoes anything.
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: session.document.id == "b")
        assert journal(session)[-1]["status"] == "in_progress"
        assert not [toast for toast in said(app) if "(ctrl+z undoes it)" in toast]

    drive(session, scenario, size=(80, 24), notifications=True)
