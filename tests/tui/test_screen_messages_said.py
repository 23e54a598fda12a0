"""Pilot: a message shown while help or the document list is up, in either app, is said at the
foot of its box, over none of the list's rows or the help's keys (which give it their room), and
drawn once: as a toast it was drawn over them, hiding rows (user trials). The annotation app's
corpus is tests/tui/conftest.py's; the review's, tests/test_review_data.py's alice and bob."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive as drive_annotate
from annotate_helpers import press, wait_for
from test_review_keys import drive as drive_review
from test_review_keys import review_of_two
from textual.app import App
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import OptionList

from annotator.core.review import ReviewSession
from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_doc_list import ReviewDocListScreen
from annotator.tui.screens import DocListScreen, HelpScreen, MessagesSaid

MESSAGE = "Zebrafish: cannot save, retrying"
SIZES = [(80, 24), (120, 36)]


@pytest.fixture
def annotation(corpus: Path, tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = open_session(corpus, "alice", None, tmp_path / "out")
    yield opened
    opened.close()


@pytest.fixture
def review(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def copies_drawn(app: App[None]) -> int:
    """How many times the message is on the terminal, whatever screen draws it."""
    return app.export_screenshot().count("Zebrafish")


async def said_over_nothing(pilot: Pilot[None], app: App[None], key: str, over: type) -> None:
    """``key`` opens ``over``; a message shown then is said once, at the foot of its box, over
    none of its rows; escape closes it."""
    await press(pilot, key)
    await wait_for(pilot, lambda: isinstance(app.screen, over))
    screen: Screen[object] = app.screen
    said = screen.query_one(MessagesSaid)
    assert not said.display  # nothing to say yet
    rows = screen.query_one(VerticalScroll) if over is HelpScreen else screen.query_one(OptionList)
    before = rows.region
    app.notify(MESSAGE, severity="error", timeout=60)
    await wait_for(pilot, lambda: said.display and said.region.height > 0)
    await pilot.pause()
    assert str(said.render()) == f"▌ {MESSAGE}"
    assert copies_drawn(app) == 1  # its toast is kept, hidden, for its time to run
    box = screen.query_one("#help-box" if over is HelpScreen else "#doclist-box").region
    assert box.contains_region(said.region)
    assert not said.region.overlaps(rows.region)
    assert said.region.y == rows.region.bottom  # just below the rows, which gave it room
    assert rows.region.height == before.height - said.region.height
    if isinstance(rows, OptionList):  # the highlighted row stays in sight
        assert rows.highlighted is not None
        assert rows.scroll_offset.y <= rows.highlighted < rows.scroll_offset.y + rows.size.height
    await press(pilot, "escape")
    await wait_for(pilot, lambda: not isinstance(app.screen, over))
    app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_annotate_help_and_list_say_a_message_over_none_of_their_rows(
    annotation: AnnotationSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await said_over_nothing(pilot, app, "question_mark", HelpScreen)
        await said_over_nothing(pilot, app, "l", DocListScreen)

    drive_annotate(annotation, scenario, size=size, notifications=True)


@pytest.mark.parametrize("size", SIZES)
def test_review_help_and_list_say_a_message_over_none_of_their_rows(
    review: ReviewSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        app.clear_notifications()  # the opening message: the review screen's (see below)
        await said_over_nothing(pilot, app, "question_mark", HelpScreen)
        await said_over_nothing(pilot, app, "l", ReviewDocListScreen)

    drive_review(review, scenario, size=size, notifications=True)


def test_a_message_from_before_the_list_opened_is_not_said_there(review: ReviewSession) -> None:
    # The review screen's own message waits under the list and is back when it closes
    # (test_review_toasts_under_screens): said in the list too, it would be drawn twice.
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        app.notify("Earlier: a message of the review screen", timeout=60)
        await pilot.pause(0.3)
        await press(pilot, "l")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewDocListScreen))
        said = app.screen.query_one(MessagesSaid)
        app.notify(MESSAGE, timeout=60)
        await wait_for(pilot, lambda: said.display)
        await pilot.pause(0.3)
        assert str(said.render()) == f"▌ {MESSAGE}"

    drive_review(review, scenario, size=(80, 24), notifications=True)
