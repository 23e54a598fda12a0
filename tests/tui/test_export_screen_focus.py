"""Pilot: a focused choice of the export dialog (format, options) stands out, without colour
too: Textual's compact Select showed its focus by one grey step (235 against 234 in 256
colours), which a trial could not see. shift+tab goes back a stop."""

from __future__ import annotations

from annotate_helpers import drive, press
from test_export_screen import screen_of, session
from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import Select, Static

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

__all__ = ["session"]  # the fixture, shared with test_export_screen


def shown(select: Select[str]) -> tuple[Color, bool]:
    """The background the choice's current value is drawn on, and whether it is reversed."""
    current = select.query_one("SelectCurrent")
    label = current.query_one("#label", Static)
    return current.styles.background, bool(label.rich_style.reverse)


def test_the_focused_choice_stands_out_and_shift_tab_goes_back(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        choice = screen.query_one("#export-format", Select)
        assert app.focused is choice  # the first stop
        focused, reversed_focused = shown(choice)
        await press(pilot, "tab")
        assert app.focused is not None and app.focused.id == "export-out"
        blurred, reversed_blurred = shown(choice)
        # Reversed only with the focus: seen in a monochrome terminal too.
        assert (reversed_focused, reversed_blurred) == (True, False)
        # And a clear tint, not one grey step: at least a tenth of the way from dark to light.
        box = screen.query_one("#export-box").styles.background
        assert abs(focused.brightness - box.brightness) > 0.1
        assert abs(focused.brightness - blurred.brightness) > 0.1
        await press(pilot, "shift+tab")
        assert app.focused is choice

    drive(session, scenario)
