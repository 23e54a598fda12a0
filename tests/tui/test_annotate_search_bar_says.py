"""Pilot: the search line (``/``) says what it is while a query is typed (its prompt stays; the
placeholder goes with the first letter) and its footer what enter and escape do. A trial's
showed only the words typed and ``^p palette``."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, press, screen_of
from textual.pilot import Pilot
from textual.widgets import Input, Label

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def footer_keys(app: AnnotatorApp) -> list[str]:
    return [str(key.render()).strip() for key in screen_of(app).query("FooterKey")]


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (70, 30)])
def test_the_search_line_says_what_it_is_and_what_its_keys_do(
    session: AnnotationSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        prompt = screen.query_one("#search-prompt", Label)
        search = screen.query_one("#search", Input)
        assert not prompt.display or not screen.query_one("#search-bar").display
        await press(pilot, "slash", *"Paris")
        assert search.has_focus and search.value == "Paris"
        bar = screen.query_one("#search-bar")
        assert bar.display and prompt.region.width and search.region.width
        assert str(prompt.render()).strip() == "search:"
        assert prompt.region.y == search.region.y and prompt.region.right <= search.region.x
        assert bar.region.right <= screen.query_one("#left").region.right
        keys = footer_keys(app)
        assert "enter Find" in keys and "esc Cancel" in keys, keys
        await press(pilot, "escape")
        assert not bar.display and not search.display
        assert screen.query_one("#article").has_focus

    drive(session, scenario, size=size)
