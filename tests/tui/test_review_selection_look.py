"""The review's article draws its selection unmistakably in every colour mode: the text reversed,
a block of the text's colour over anything under it (as the annotation screen's selection), a
version's mark in it a block of the version's colour (``selection_styles``); without colour the
versions' reversed marks are one mid grey, never the selection's block.

A trial drew the selection by its background only: with ``NO_COLOR`` the versions, drawn
reversed, hid it inside the conflict, and outside one it looked like another open conflict's
patch; in 16 colours the selection, the current and the other open conflicts were all bright
black, gold spans in it black on bright black. The journals are tests/test_review_data.py's
alice and bob: c1 is "Kyiv" (780–784), alice's actor; c2 (818–868) and c3 (978–1018) are open.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press
from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style
from test_review_keys import drive, review_of_two, screen_of
from textual import constants
from textual.color import Color
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import (
    FEW_VERSION_COLOURS,
    VERSION_COLOURS,
    ReviewArticle,
    selection_styles,
    version_style,
)

DARK, LIGHT = Color.parse("#1e1e1e"), Color.parse("#e0e0e0")
YELLOW = Color.parse(VERSION_COLOURS[2])


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def shown_behind(style: Style) -> RichColor | None:
    """The colour a cell of ``style`` shows behind its letters."""
    return style.color if style.reverse else style.bgcolor


def cell(article: ReviewArticle, offset: int) -> Style:
    """The style the article draws the character at ``offset`` with."""
    row, column = article.rows_in_view(offset, offset)[0], 0
    start = article.wrapped_document.location_to_offset(article.location_at(offset)).x
    for segment in article.render_line(row):
        width = len(segment.text)
        if column <= start < column + width and segment.style is not None:
            return segment.style
        column += width
    raise AssertionError(f"no cell at {offset}")


def standard(colour: RichColor | None) -> int | None:
    return None if colour is None else colour.downgrade(ColorSystem.STANDARD).number


# selection_styles, on its own


def test_in_colour_the_selection_is_the_text_reversed_a_versions_mark_a_block_of_its_colour() -> (
    None
):
    version = version_style([2], DARK)
    other = version_style([-1], DARK)  # another open conflict's region
    marks = [(0, 4, version, True), (4, 8, other, False)]
    assert selection_styles((2, 10), marks, LIGHT, DARK, colourless=False) == [
        (2, 10, Style(color=LIGHT.rich_color, bgcolor=DARK.rich_color, reverse=True)),
        (2, 4, Style(color=YELLOW.rich_color, bgcolor=DARK.rich_color, reverse=True)),
    ]


def test_on_a_light_theme_a_versions_block_takes_the_dark_text_for_its_letters() -> None:
    marks = [(0, 4, version_style([2], LIGHT), True)]
    styles = selection_styles((0, 4), marks, DARK, LIGHT, colourless=False)
    assert styles[1] == (
        0,
        4,
        Style(color=YELLOW.rich_color, bgcolor=DARK.rich_color, reverse=True),
    )


def test_without_colour_the_selection_is_one_block_of_the_texts_colour_over_the_versions() -> None:
    marks = [(0, 4, version_style([0], DARK, colourless=True), True)]
    assert selection_styles((0, 8), marks, LIGHT, DARK, colourless=True) == [
        (0, 8, Style(color=LIGHT.rich_color, bgcolor=DARK.rich_color, reverse=True))
    ]


def test_without_colour_every_version_is_reversed_on_one_mid_grey() -> None:
    styles = [version_style([index], DARK, colourless=True) for index in range(9)]
    assert {style.color for style in styles} == {DARK.blend(Color(255, 255, 255), 0.5).rich_color}
    assert all(style.reverse for style in styles)
    # Made grey, version 3's yellow was nearly the text's own grey, the selection's block.
    assert YELLOW.monochrome.brightness > 0.75 > DARK.blend(Color(255, 255, 255), 0.5).brightness


# In the app


def test_without_colour_the_selection_shows_the_texts_colour_the_versions_a_mid_grey(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        assert app.no_color
        article = screen_of(app).query_one(ReviewArticle)
        assert article.selection_offsets() == (780, 784)  # c1's words, selected
        app.set_focus(None)  # no cursor cell in the way
        await pilot.pause()
        _parent, _parent_text, background, text = article.colors
        selected = cell(article, 780)
        assert (shown_behind(selected), selected.bgcolor) == (
            text.rich_color,
            background.rich_color,
        )
        assert selected.underline  # alice's mark, kept
        other = cell(article, 820)  # c2's region
        assert shown_behind(other) != text.rich_color
        article.focus()
        await press(pilot, "right")  # the selection dropped: Kyiv as alice's version
        assert article.selection_offsets() == (784, 784)
        app.set_focus(None)
        await pilot.pause()
        mark = cell(article, 780)
        grey = background.blend(Color(255, 255, 255), 0.5).rich_color
        assert mark.reverse and shown_behind(mark) == grey != text.rich_color

    drive(session, scenario, (100, 30))


def test_in_16_colours_the_selection_is_a_block_unlike_the_other_conflicts(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "standard")

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        assert app.console.color_system == "standard"
        article = screen_of(app).query_one(ReviewArticle)
        await press(pilot, "e", "c", "shift+right")  # drawing in character mode: "Kyiv."
        assert article.selection_offsets() == (780, 785)
        app.set_focus(None)
        await pilot.pause()
        _parent, _parent_text, background, text = article.colors
        kyiv, stop, other = cell(article, 780), cell(article, 784), cell(article, 820)
        # alice's mark a block of her bright cyan, the article's black on it.
        assert (
            standard(shown_behind(kyiv))
            == standard(Color.parse(FEW_VERSION_COLOURS[0]).rich_color)
            == 14
        )
        assert kyiv.bgcolor == background.rich_color
        # The full stop, under no mark, a block of the text's colour.
        assert (shown_behind(stop), stop.bgcolor) == (text.rich_color, background.rich_color)
        # Neither is another open conflict's bright black.
        assert standard(shown_behind(other)) == 8
        assert standard(shown_behind(kyiv)) != 8 and standard(shown_behind(stop)) != 8

    drive(session, scenario, (100, 30))
