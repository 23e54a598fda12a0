"""Pilot at 120x36: a toast stands inside the frames it is drawn over, one row above their
bottom edge, covering none of their borders or rounded corners: over the panel (the focus in
the article, the Welcome at start) or over the article (the focus in the form). It covered the
article's right border and bottom corner and the panel's left border and foot (seen in tmux)."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of, wait_for
from textual.geometry import Region, Spacing
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView


def toast_saying(app: AnnotatorApp, words: str) -> Region | None:
    """The region of the toast saying ``words`` (looked up by its CSS type name: Textual's
    Toast is not public), None while there is none."""
    regions = [t.region for t in app.screen.query("Toast") if words in str(t.render())]
    return regions[0] if regions and regions[0].height else None


def test_a_toast_covers_no_frame_over_the_panel_or_the_article(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await wait_for(pilot, lambda: toast_saying(app, "Welcome") is not None)
        welcome = toast_saying(app, "Welcome")
        side, form = screen.query_one("#side").region, screen.query_one("#form").region
        article = screen.query_one(ArticleView).region
        # Over the panel: within its boxes' borders, above the form's bottom frame.
        inside_side = Region(side.x + 1, side.y, side.width - 2, form.bottom - 1 - side.y)
        assert welcome is not None and inside_side.contains_region(welcome), (welcome, side)
        assert not welcome.overlaps(article)

        app.clear_notifications()
        await press(pilot, "o", "ctrl+l")  # event_type is typed, not filled from spans
        await wait_for(pilot, lambda: toast_saying(app, "not filled from spans") is not None)
        refusal = toast_saying(app, "not filled from spans")
        inside_article = article.shrink(Spacing(1, 1, 1, 1))
        assert refusal is not None and inside_article.contains_region(refusal), refusal
        assert refusal.bottom == inside_article.bottom  # on its last row of text

    drive(session, scenario, size=(120, 36), notifications=True)


def test_with_the_guidelines_open_a_toast_spills_over_no_frame(session: AnnotationSession) -> None:
    # Three columns: a toast half the screen wide went over the guidelines' frame.
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        app.clear_notifications()
        await press(pilot, "g")  # the focus in the guidelines: toasts over the article
        await wait_for(pilot, lambda: screen.query_one("#guidelines").region.width > 0)
        await press(pilot, "d")  # refused: event_type is empty
        await wait_for(pilot, lambda: toast_saying(app, "not done") is not None)
        over_article = toast_saying(app, "not done")
        article = screen.query_one(ArticleView).region.shrink(Spacing(1, 1, 1, 1))
        assert over_article is not None and article.contains_region(over_article)

        app.clear_notifications()
        await press(pilot, "shift+tab", "d")  # the focus in the article: over the panel
        await wait_for(pilot, lambda: toast_saying(app, "not done") is not None)
        over_panel = toast_saying(app, "not done")
        side = screen.query_one("#side").region
        assert over_panel is not None and side.shrink(Spacing(1, 1, 1, 1)).contains_region(
            over_panel
        )

    drive(session, scenario, size=(120, 36), notifications=True)
