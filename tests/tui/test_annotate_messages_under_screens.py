"""Pilot: a message still showing when help, the document list or the export dialog opens over
the annotation screen is said in its box (screens.MessagesSaid), not dropped: each cleared the
messages as it opened, and a refusal pressed just before (d's "not done: fill the required
field …", then ? at once) was lost unread. Its toast is back when the box closes, still due.
The corpus is tests/tui/conftest.py's: its first article's event_type is empty, so d is refused.
"""

from __future__ import annotations

import pytest
from annotate_helpers import drive, press, toasts, wait_for
from textual.pilot import Pilot
from textual.screen import Screen

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.export_screen import ExportScreen
from annotator.tui.screens import DocListScreen, HelpScreen, MessagesSaid

REFUSED = "not done"

SCREENS: list[tuple[str, type[Screen[object]], str]] = [
    ("question_mark", HelpScreen, "#help-box"),
    ("l", DocListScreen, "#doclist-box"),
    ("e", ExportScreen, "#export-box"),
]


@pytest.mark.parametrize(("key", "over", "box"), SCREENS)
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_a_refusal_pressed_just_before_is_said_in_the_box(
    session: AnnotationSession,
    key: str,
    over: type[Screen[object]],
    box: str,
    size: tuple[int, int],
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        app.clear_notifications()  # the Welcome: gone at the first key anyway
        await pilot.pause()
        await pilot.press("d", key)  # refused, and the box opened at once
        await wait_for(pilot, lambda: isinstance(app.screen, over))
        screen = app.screen
        said = screen.query_one(MessagesSaid)
        await wait_for(pilot, lambda: said.display and said.region.height > 0)
        await pilot.pause()
        assert str(said.render()).startswith(f"▌ {REFUSED}: "), str(said.render())
        assert "event_type" in str(said.render())
        assert screen.query_one(box).region.contains_region(said.region)
        # Said once, in the box, not drawn over it as well.
        assert app.export_screenshot().replace("&#160;", " ").count(REFUSED) == 1
        await press(pilot, "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotateScreen))
        await wait_for(pilot, lambda: any(REFUSED in toast for toast in toasts(app)))

    drive(session, scenario, size=size, notifications=True)
