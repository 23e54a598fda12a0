"""Pilot: help is made once and kept (annotate_help.show_help), and shown again as a new one
was: at the top of its keys, saying the messages showing now, not those of the last time."""

from __future__ import annotations

from annotate_helpers import drive, press, wait_for
from textual.containers import VerticalScroll
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.screens import HelpScreen, MessagesSaid

REFUSED = "not done"


def test_help_is_kept_and_shown_again_as_new(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        app.clear_notifications()  # the Welcome
        await pilot.pause()
        await press(pilot, "d", "question_mark")  # refused, and help opened at once
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        first = app.screen
        said = first.query_one(MessagesSaid)
        await wait_for(pilot, lambda: str(said.render()).startswith(f"▌ {REFUSED}: "))
        keys = first.query_one(VerticalScroll)
        await press(pilot, "end")
        await wait_for(pilot, lambda: keys.scroll_y > 0)
        await press(pilot, "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotateScreen))

        app.clear_notifications()  # the refusal is gone: help must not say it again
        await pilot.pause()
        # Not even in the first frames it draws (its messages are looked at every 0.1 s).
        shown_as_drawn: list[bool] = []
        draw = first._compositor_refresh

        def drawn() -> None:
            draw()
            shown_as_drawn.append(said.display)

        first._compositor_refresh = drawn  # type: ignore[method-assign]
        await press(pilot, "question_mark")
        await pilot.pause(0.3)
        assert app.screen is first and shown_as_drawn
        assert not any(shown_as_drawn), shown_as_drawn
        assert keys.scroll_y == 0
        assert not said.display and str(said.render()) == ""
        await press(pilot, "escape")

        await press(pilot, "d", "question_mark")  # a message of now is said
        await wait_for(pilot, lambda: app.screen is first)
        await wait_for(pilot, lambda: said.display and REFUSED in str(said.render()))

    drive(session, scenario, notifications=True)
