"""Pilot: the review's article draws the selection as drawing a span (``e``) will write it,
snapped to whole words, as the annotation screen's article does (``article_selection``), and
reversed, the versions' marks in it blocks of their colours (``selection_styles``).

A trial: ``e`` on "Kyiv", shift+← left "Kyi" drawn selected while the panel said "→ as whole
words: “Kyiv” 780–784". The journals are tests/test_review_data.py's alice and bob: c1 is
"Kyiv" (780–784), alice's actor, bob's nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press
from rich.style import Style
from test_review_keys import drive, review_of_two, screen_of
from textual.color import Color
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import VERSION_COLOURS, ReviewArticle

KYIV = (780, 784)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def drawn_as_selected(article: ReviewArticle) -> list[tuple[str, Style]]:
    """The text drawn reversed on Kyiv's row (in colour only the selection is), with its
    styles."""
    row = article.rows_in_view(*KYIV)[0]
    return [
        (segment.text, segment.style)
        for segment in article.render_line(row)
        if segment.style is not None and segment.style.reverse
    ]


def test_the_drawing_selection_is_drawn_snapped_its_versions_blocks_of_their_colours(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        article = screen_of(app).query_one(ReviewArticle)
        await press(pilot, "e", "shift+left")
        assert article.selection_offsets() == (780, 783)  # the selection itself as made
        app.set_focus(None)  # no cursor cell in the way
        await pilot.pause()
        drawn = drawn_as_selected(article)
        assert "".join(text for text, _style in drawn) == "Kyiv"  # as 1 (actor) would write it
        # alice's version's colour, reversed: a block of it, the article's background on it.
        alice = Color.parse(VERSION_COLOURS[0]).rich_color
        background = article.background_colors[1].rich_color
        assert {(style.color, style.bgcolor) for _text, style in drawn} == {(alice, background)}
        article.focus()
        await press(pilot, "c")  # character mode: kept as made
        app.set_focus(None)
        await pilot.pause()
        assert "".join(text for text, _style in drawn_as_selected(article)) == "Kyi"
        article.focus()
        await press(pilot, "shift+right", "shift+right", "shift+right")  # "Kyiv. "
        assert article.selection_offsets() == (780, 786)
        app.set_focus(None)
        await pilot.pause()
        # Without the space at its edge, as the panel says it will be written.
        assert "".join(text for text, _style in drawn_as_selected(article)) == "Kyiv."

    drive(session, scenario, (100, 30))
