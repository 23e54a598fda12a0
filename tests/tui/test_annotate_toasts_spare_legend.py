"""Pilot: the messages of d and s, shown on the next article, leave the panel's legend (the
label keys) and its span list in sight, at 80x24 and at 120x36. At 80x24 a trial's "skipped
01 (ctrl+z undoes it)" covered both for its eight seconds; later, over the article's foot,
another's covered the article being read: they go over the panel's foot, under the list."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, press, screen_of, wait_for
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView

SMALL = (80, 24)
SIZES = [SMALL, (120, 36)]


async def regions_saying(pilot: Pilot[None], app: AnnotatorApp, words: str) -> list[Region]:
    """The toasts' regions, once one says ``words``. (Toasts are looked up by their CSS type
    name: their class is not public.)"""

    def shown() -> bool:
        return any(words in str(toast.render()) for toast in app.screen.query("Toast"))

    await wait_for(pilot, shown)
    return [toast.region for toast in app.screen.query("Toast")]


def assert_placed(app: AnnotatorApp, regions: list[Region], size: tuple[int, int]) -> None:
    """No toast covers the legend, the span list or the article (which has the focus, the
    new article read from its start): each is within the panel's frame, under its list."""
    screen = screen_of(app)
    legend, spans = screen.query_one("#legend").region, screen.query_one("#spans").region
    article, side = screen.query_one(ArticleView).region, screen.query_one("#side").region
    assert legend.height and spans.height
    assert regions and all(region.height for region in regions)
    for region in regions:
        assert not region.overlaps(legend), (region, legend)
        assert not region.overlaps(spans), (region, spans)
        assert not region.overlaps(article), (region, article)
        assert side.shrink((1, 1, 1, 1)).contains_region(region), (region, side)


@pytest.mark.parametrize("size", SIZES)
def test_the_message_of_s_leaves_the_legend_in_sight(
    session: AnnotationSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        first = session.document.id
        app.clear_notifications()  # the Welcome
        # s asks why, in the note; enter there skips with the reason.
        await press(pilot, "s")
        assert screen_of(app).query_one("#note", Input).has_focus
        await press(pilot, *"not a release", "enter")
        await wait_for(pilot, lambda: session.loaded and session.document.id != first)
        regions = await regions_saying(pilot, app, f"skipped {first}")
        assert session.status_of(first) == "skipped"
        assert screen_of(app).query_one(ArticleView).has_focus
        assert_placed(app, regions, size)

    drive(session, scenario, size=size, notifications=True)


@pytest.mark.parametrize("size", SIZES)
def test_the_message_of_d_leaves_the_legend_in_sight(
    session: AnnotationSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        first = session.document.id
        app.clear_notifications()
        # The event type (the one required field): its first choice; then done.
        await press(pilot, "o", "enter", "down", "enter", "escape", "d")
        await wait_for(pilot, lambda: session.loaded and session.document.id != first)
        regions = await regions_saying(pilot, app, f"done {first}")
        assert session.status_of(first) == "done"
        assert_placed(app, regions, size)

    drive(session, scenario, size=size, notifications=True)
