"""Pilot: the export dialog can be read and used by keyboard without colour, at 80x24 too:
every Tab stop shows its focus, the Export button stays in sight, checkboxes read ticked or not."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from annotate_helpers import drive, press
from test_export_screen import screen_of, session
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

__all__ = ["session"]  # the fixture, shared with test_export_screen


def test_every_tab_stop_shows_its_focus_and_the_body_is_one_only_to_scroll(
    session: AnnotationSession,
) -> None:
    async def stops(pilot: Pilot[Any], app: AnnotatorApp) -> list[str]:
        seen = []
        for _ in range(12):
            seen.append(str(app.focused.id if app.focused else None))
            await press(pilot, "tab")
        return seen

    fields = ["export-format", "export-out", "export-replace", "export-status-done"]
    fields += ["export-status-in_progress", "export-status-skipped", "export-split"]
    fields += ["export-with-text", "export-run"]

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        # Everything fits: the body is no stop; after Export, Tab goes round to the format.
        assert await stops(pilot, app) == (fields + fields)[:12]

    drive(session, scenario)

    async def small(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await pilot.resize_terminal(80, 24)
        await press(pilot, "e")
        screen = screen_of(app)
        body, frame = screen.query_one("#export-body"), screen.query_one("#export-box")
        assert body.max_scroll_y > 0
        # The Export button is in sight at once, below the scrolling body, inside the frame.
        run = screen.query_one("#export-run", Button)
        assert frame.content_region.contains_region(run.region)
        assert not body.region.overlaps(run.region)
        # The rows go without blank lines between them, so that the command the export is
        # the same as comes into sight (whole, with the short paths a person types).
        rows = [row.region for row in screen.query(".export-row")]
        assert all(below.y == above.bottom for above, below in pairwise(rows[2:]))
        command = screen.query_one("#export-command").region
        assert command.y == rows[-1].bottom and command.y < body.region.bottom - 1
        border = frame.styles.border_top[0]
        # A stop after Export now, as there is more to see.
        assert await stops(pilot, app) == ([*fields, "export-body"] * 2)[:12]
        await press(pilot, *["tab"] * 7)  # twelve stops went by: the body is seven on
        assert app.focused is body
        # Focused, it shows it without colour (the frame goes round to double); keys scroll it.
        assert (border, frame.styles.border_top[0]) == ("round", "double")
        await press(pilot, "end")
        assert body.scroll_y == body.max_scroll_y > 0
        await press(pilot, "tab")
        assert frame.styles.border_top[0] == "round"

    drive(session, small)


def test_a_checkbox_reads_ticked_or_not_without_colour(session: AnnotationSession) -> None:
    def plain(box: Checkbox) -> str:
        return str(box.render().plain)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        done = screen.query_one("#export-status-done", Checkbox)
        skipped = screen.query_one("#export-status-skipped", Checkbox)
        assert (done.value, skipped.value) == (True, False)
        assert plain(done) == "▐X▌ done "
        assert plain(skipped) == "▐ ▌ skipped "
        await pilot.click("#export-status-skipped")
        await pilot.click("#export-status-done")
        assert plain(done) == "▐ ▌ done "
        assert plain(skipped) == "▐X▌ skipped "

    drive(session, scenario)
