"""Pilot at 100x30: the article's border says what a label key does only while one would do it,
its first words whole. A trial's border kept "relabels s5 'Sunday' 94–100", its start cut off,
through minutes of work in the form, where keys type."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView


def frame_says(app: AnnotatorApp) -> str:
    article = screen_of(app).query_one(ArticleView)
    return Text.from_markup(article.border_subtitle or "").plain


def test_the_border_says_nothing_while_the_focus_is_in_the_panel(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, "slash", *"146", "enter", "2")  # s1 count '146'
        await press(pilot, "shift+left", "shift+left", "shift+left")  # '146' again
        assert frame_says(app) == "a label key relabels s1 '146' 43–46"
        await press(pilot, "v")  # the value's input: keys type there
        focused = screen.focused
        assert isinstance(focused, Input) and focused.id == "span-value"
        assert frame_says(app) == ""
        await press(pilot, "escape")  # back in the article, the selection as it was
        assert screen.query_one(ArticleView).has_focus
        assert frame_says(app) == "a label key relabels s1 '146' 43–46"
        await press(pilot, "o")  # the form
        assert frame_says(app) == ""
        await press(pilot, "escape")
        assert frame_says(app) == "a label key relabels s1 '146' 43–46"
        await press(pilot, "right")  # the selection gone: nothing to say
        assert frame_says(app) == ""

    drive(session, scenario, size=(100, 30))
