"""Pilot: the message of a d ("done a (ctrl+z undoes it)") goes once it is no longer true.

A trial's stayed on screen after a label on the next article, while ctrl+z then said "nothing
to undo" (a change after d ends ctrl+z's power to undo it, by design)."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, press, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

DONE_A = "done a (ctrl+z undoes it)"


async def done_with_a(pilot: Pilot[None], app: AnnotatorApp, session: AnnotationSession) -> None:
    # The event type is required: chosen first, then back to the article for d.
    await press(pilot, "o", "enter", "down", "down", "enter", "escape")
    await press(pilot, "d")
    await wait_for(pilot, lambda: session.loaded and session.document.id == "b")
    await wait_for(pilot, lambda: DONE_A in toasts(app))


@pytest.mark.parametrize(
    "keys",
    [
        ["right"] * 16 + ["shift+right"] * 8 + ["1"],  # "Norvania" labelled actor
        ["f"],  # flagged
    ],
    ids=["label", "flag"],
)
def test_the_done_message_goes_with_the_next_change(
    session: AnnotationSession, keys: list[str]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await done_with_a(pilot, app, session)
        await press(pilot, "right", "left")  # moving is no change: ctrl+z still undoes d
        assert session.finish_undoable
        assert DONE_A in toasts(app)
        await press(pilot, *keys)
        assert not session.finish_undoable
        assert DONE_A not in toasts(app)

    drive(session, scenario, notifications=True)
