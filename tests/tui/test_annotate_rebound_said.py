"""Pilot: r says what it did, and an x refused over the spans r moved goes. A power user's
trial: r on '12 prisoners' said nothing, and an earlier x refusal stayed up, quoting the span
by the words it no longer had."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, toasts
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]


def test_r_says_the_move_and_an_x_refused_before_goes(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "slash", *"146 prisoners", "enter", "4")  # s1 releasee
        await press(pilot, "slash", *"146", "enter", "2")  # s2 count, inside it
        await press(pilot, "ctrl+home", "slash", *"146 prisoners on", "enter", "x")
        refused = [line for line in said(app) if line.startswith("x: ")]
        assert len(refused) == 1 and "s1 (releasee '146 prisoners')" in refused[0], said(app)
        await press(pilot, "r")
        spans = {span["id"]: span["text"] for span in journal(session)[-1]["spans"]}
        assert spans == {"s1": "146 prisoners on", "s2": "146"}
        assert "re-bound s1 releasee '146 prisoners' → '146 prisoners on' (43–59)" in said(app)
        assert not [line for line in said(app) if line.startswith("x: ")]

    drive(session, scenario, notifications=True)
