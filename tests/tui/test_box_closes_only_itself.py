"""Pilot: a box closed twice, or while another is over it, closes nothing else. Textual's
dismiss pops whatever screen is on top: a list closed by its enter and again by an escape on
their way together took the annotation screen with it, and left a blank screen that took no
key (seen in a real terminal on a loaded machine)."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.screens import DocListScreen, HelpScreen


def test_a_box_closed_twice_leaves_the_screen_below(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        annotate = screen_of(app)
        await press(pilot, "l")
        await wait_for(pilot, lambda: isinstance(app.screen, DocListScreen))
        listed = app.screen
        assert isinstance(listed, DocListScreen)
        listed.dismiss(None)
        listed.dismiss(None)  # a second closing on its way
        await wait_for(pilot, lambda: app.screen is annotate)
        await pilot.pause()
        assert app.screen_stack[1:] == [annotate]
        # And the screen takes keys: l opens the list again.
        await press(pilot, "l")
        await wait_for(pilot, lambda: isinstance(app.screen, DocListScreen))

    drive(session, scenario)


def test_a_box_under_another_closes_nothing(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "l")
        await wait_for(pilot, lambda: isinstance(app.screen, DocListScreen))
        listed = app.screen
        help_box = HelpScreen([])
        app.push_screen(help_box)
        await wait_for(pilot, lambda: app.screen is help_box)
        listed.dismiss(None)  # under the help: it would have closed the help
        await pilot.pause()
        assert app.screen is help_box
        below, middle, top = app.screen_stack[1:]
        assert isinstance(below, AnnotateScreen)
        assert middle is listed and top is help_box

    drive(session, scenario)
