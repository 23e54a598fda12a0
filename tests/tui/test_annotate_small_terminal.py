"""Pilot at 80x24, a common SSH terminal: the guidelines take the panel's place."""

from __future__ import annotations

import asyncio

from annotate_helpers import Scenario, press, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.session_view import GuidelinesView

SMALL = (80, 24)


def drive_small(session: AnnotationSession, scenario: Scenario) -> None:
    async def main() -> None:
        app = AnnotatorApp(session)
        async with app.run_test(size=SMALL) as pilot:
            await wait_for(pilot, lambda: session.loaded)
            await scenario(pilot, app)

    asyncio.run(main())


def screen_of(app: AnnotatorApp) -> AnnotateScreen:
    assert isinstance(app.screen, AnnotateScreen)
    return app.screen


def test_guidelines_take_the_panels_place_on_a_narrow_screen(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        side = screen.query_one("#side")
        guidelines = screen.query_one(GuidelinesView)

        await press(pilot, "g")
        await wait_for(pilot, lambda: guidelines.display and guidelines.has_focus)
        assert not side.display
        assert guidelines.region.width >= 36  # half the screen, not a sliver beside the panel
        await press(pilot, "pagedown")
        assert guidelines.scroll_y > 0

        # o goes to the form: the guidelines give the panel back.
        await press(pilot, "o")
        assert not guidelines.display and side.display
        assert app.focused is not None and side in app.focused.ancestors

    drive_small(session, scenario)
