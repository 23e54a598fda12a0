"""Pilot: the panel's readout shows the whitespace a snap trims from the selection's edges
(``'on␣'``). A trial's "(snapped from 'on' 3562–3565)" hid the space, and read as if the
snap had changed nothing."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def test_the_space_a_snap_trims_is_shown(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        line = screen_of(app).query_one("#selection-info")
        await press(pilot, *["right"] * 57, *["shift+right"] * 3)  # "on " of "on Sunday"
        said = "a label key labels 'on' 57–59 (snapped from 'on␣' 57–60)"
        assert str(line.render()) == said
        await press(pilot, "home", *["right"] * 15, *["shift+right"] * 7)  # " Russia"
        said = "a label key labels 'Russia' 16–22 (snapped from '␣Russia' 15–22)"
        assert str(line.render()) == said

    drive(session, scenario)
