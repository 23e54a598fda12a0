"""Pilot at 80x24: a message showing when ctrl+t's list opens is drawn once, and not over the
line below the list that says the highlighted span. A trial saw "count: 142 (was 187 from s1,
now unlinked); ctrl+t links a span" twice, at two places (the form's toast showing through
the list's see-through background, and the list's own), one over that line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, press, wait_for
from test_annotate_links import TEXT, a_release_with_two_counts
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.span_pick import SpanPickScreen
from tests.test_session_data import session_on


@pytest.fixture
def disputed(tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = session_on(tmp_path, TEXT)
    yield opened
    opened.close()


def copies_drawn(app: App[None], words: str) -> int:
    """How many times ``words`` are drawn on the terminal: in the app's screenshot, which is
    what every screen of the stack paints (the one under a list shows through it). The
    screenshot draws a space as a no-break space, each run of one style as an element."""
    return app.export_screenshot().replace("&#160;", " ").count(words)


def test_a_message_shows_once_over_ctrl_t_s_list_and_not_over_its_said_line(
    disputed: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_with_two_counts(pilot, app)
        await press(pilot, "ctrl+l", *"187", "enter", "ctrl+l", *"210", "enter")
        await wait_for(pilot, lambda: copies_drawn(app, "links a span") > 0)
        await press(pilot, "ctrl+t")
        picker = app.screen
        assert isinstance(picker, SpanPickScreen) and picker.what.startswith("Link")
        await wait_for(pilot, lambda: bool(picker.query("Toast")))
        await pilot.pause()
        assert copies_drawn(app, "links a span") == 1
        said = picker.query_one("#pick-said", Static)
        assert str(said.render()).startswith("highlighted: s")
        shown = [toast.region for toast in picker.query("Toast")]
        assert shown and all(region.height for region in shown)
        assert not any(region.overlaps(said.region) for region in shown)

    drive(disputed, scenario, size=(80, 24), notifications=True)
