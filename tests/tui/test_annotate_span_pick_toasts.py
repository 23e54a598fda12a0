"""Pilot at 80x24: the messages showing while ctrl+l's or ctrl+t's list is open are said once,
in the list's box between its rows and the line that says the highlighted span, and cover
neither. A trial saw "count: 142 (was 187 from s1, now unlinked); ctrl+t links a span" twice
(the form's toast showing through the list's see-through background, and the list's own),
one over that line; a later one saw a refusal about another field drawn over the list's rows
(the date's value cut at '2023-08-'). What the keys said of a field goes once the focus is in
another field, or a list opens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, press, screen_of, toasts, wait_for
from test_annotate_links import TEXT, a_release_with_two_counts
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

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


def said_over_the_list(picker: SpanPickScreen) -> str:
    return str(picker.query_one("#pick-messages", Static).render())


def test_a_message_is_said_once_in_ctrl_t_s_list_over_neither_its_rows_nor_its_said_line(
    disputed: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_with_two_counts(pilot, app)
        await press(pilot, "ctrl+l", *"187", "enter", "ctrl+l", *"210", "enter")
        await wait_for(pilot, lambda: copies_drawn(app, "links a span") > 0)
        await press(pilot, "ctrl+t")
        picker = app.screen
        assert isinstance(picker, SpanPickScreen) and picker.what.startswith("Link")
        await wait_for(pilot, lambda: "links a span" in said_over_the_list(picker))
        await pilot.pause()
        assert copies_drawn(app, "links a span") == 1
        assert said_over_the_list(picker).startswith("▌ count: 210 (was 187")
        # The toasts are kept for their time to run, but not drawn.
        assert picker.query("Toast") and not any(t.region for t in picker.query("Toast"))
        messages = picker.query_one("#pick-messages", Static).region
        options = picker.query_one("#doc-options", OptionList)
        said = picker.query_one("#pick-said", Static)
        assert str(said.render()).startswith("highlighted: s")
        assert messages.height == 2  # the box's width: two rows at 80 columns
        assert not messages.overlaps(options.region) and not messages.overlaps(said.region)
        # Both rows of the list in sight, inside its tall border.
        assert options.option_count == 2 and options.region.height >= 2 + 2

    drive(disputed, scenario, size=(80, 24), notifications=True)


def test_a_refusal_about_a_field_goes_when_the_focus_moves_to_another(
    disputed: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_with_two_counts(pilot, app)
        await press(pilot, "shift+tab", "shift+tab")
        released_by = screen_of(app).focused
        assert isinstance(released_by, Input) and released_by.name == "releases[0].released_by"
        await press(pilot, "ctrl+l")  # no actor span in the article
        await wait_for(pilot, lambda: any("no actor span" in t for t in toasts(app)))
        await press(pilot, "ctrl+l")  # said again, on the same field: still there
        assert any("no actor span to fill releases #1 released_by" in t for t in toasts(app))
        await press(pilot, "escape", "o")  # to the article to label one, and back: still there
        assert any("no actor span to fill releases #1 released_by" in t for t in toasts(app))
        await press(pilot, "tab")  # received_by: it is about released_by, and goes
        assert toasts(app) == []
        await press(pilot, "tab", "ctrl+l")  # the count's list
        picker = app.screen
        assert isinstance(picker, SpanPickScreen)
        await pilot.pause(0.3)
        assert not any("no actor span" in t for t in toasts(app))
        assert said_over_the_list(picker) == ""
        assert not picker.query_one("#pick-messages", Static).display

    drive(disputed, scenario, size=(80, 24), notifications=True)


def test_a_refusal_on_the_field_goes_when_its_list_opens(disputed: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_with_two_counts(pilot, app)
        await press(pilot, "ctrl+n")  # nothing linked to the count yet
        await wait_for(pilot, lambda: bool(toasts(app)))
        refusal = toasts(app)
        await press(pilot, "ctrl+l")
        picker = app.screen
        assert isinstance(picker, SpanPickScreen)
        await pilot.pause(0.3)
        assert toasts(app) == [], refusal
        assert said_over_the_list(picker) == ""

    drive(disputed, scenario, size=(80, 24), notifications=True)
