"""Pilot: the review's conflict versions, and every label it names, drawn apart in 16 colours
and without colour.

In tmux with TERM=xterm the nine version colours fell on four standard ones: versions 4, 5, 7 and
8 on white, the article's own text colour, 3 and 9 on bright yellow; the panel named count and
releasee in the same bright red. With NO_COLOR a version's underline was an actor's, agreed in
gold, and the panel's list of versions did not show any version's mark. Here (test_review_left_
out.py's three_way, K = 2) gold holds the count "146"; c1's versions are alice's releasee and count
"146 prisoners", bob's nothing beyond gold and carol's count 145.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from annotate_helpers import wait_for
from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style
from rich.text import Text
from test_review_keys import screen_of
from textual import constants
from textual.color import Color

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import VERSION_COLOURS, ReviewArticle, version_style
from annotator.tui.review_panel import ConflictPanel
from tests.test_review_left_out import COUNT_145, COUNT_WIDE, three_way

# "Russia freed 146 prisoners and Ukraine freed 12 soldiers on Sunday."
GOLD_WORDS, ALICE_WORDS = "146", " prisoners"


def standard(colour: RichColor | None) -> int | None:
    return None if colour is None else colour.downgrade(ColorSystem.STANDARD).number


def marks(style: Style) -> set[str]:
    return {name for name in ("underline", "bold", "italic", "reverse") if getattr(style, name)}


def case(tmp_path: Path) -> ReviewSession:
    return three_way(tmp_path, min_agree=2, carol=(COUNT_145,), alice=(COUNT_WIDE,))


def run(session: ReviewSession, check: Callable[[ReviewApp, ReviewArticle, Text], None]) -> None:
    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            article = screen_of(app).query_one(ReviewArticle)
            await wait_for(pilot, lambda: not article.loading)
            panel = screen_of(app).query_one(ConflictPanel)
            await wait_for(pilot, lambda: "carol" in panel.plain)
            await pilot.pause()
            check(app, article, panel_text(app, panel))

    try:
        asyncio.run(main())
    finally:
        assert session.close()


def panel_text(app: ReviewApp, panel: ConflictPanel) -> Text:
    """The panel as drawn, one Text, its styles kept."""
    text = Text()
    for row in range(panel.size.height):
        for segment in panel.render_line(row):
            text.append(segment.text, segment.style)
        text.append("\n")
    return text


def style_in(text: Text, words: str, app: ReviewApp, nth: int = 0) -> Style:
    at = -1
    for _ in range(nth + 1):
        at = text.plain.index(words, at + 1)
    return text.get_style_at_offset(app.console, at)


def cells(article: ReviewArticle, words: str) -> Style:
    """The style of the article's first row's cells holding ``words``."""
    for segment in article.render_line(0):
        if segment.text == words and segment.style is not None:
            return segment.style
    found = [segment.text for segment in article.render_line(0)]
    raise AssertionError(f"no segment {words!r} in {found}")


def test_in_16_colours_versions_and_labels_take_standard_colours_of_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "standard")

    def check(app: ReviewApp, article: ReviewArticle, panel: Text) -> None:
        assert app.console.color_system == "standard"
        # In the article: alice's words (version 1) bright cyan, underlined; the count "146"
        # carol's (version 3, the shortest span over it) bright yellow, bold. The conflict's
        # words are selected: reversed, each a block of its version's colour.
        alice, carol = cells(article, ALICE_WORDS), cells(article, GOLD_WORDS)
        assert (standard(alice.color), marks(alice)) == (14, {"underline", "reverse"})
        assert standard(carol.color) == 11 and "bold" in marks(carol)
        # The panel names each version's annotators in its colour and its mark.
        names = {name: style_in(panel, name, app) for name in ("alice", "bob", "carol")}
        assert {name: standard(style.color) for name, style in names.items()} == {
            "alice": 14,
            "bob": 13,
            "carol": 11,
        }
        assert {name: marks(style) for name, style in names.items()} == {
            "alice": {"underline"},
            "bob": {"italic"},
            "carol": {"bold"},
        }
        # Labels as their spans are drawn: count on yellow, bold; releasee on red, underline
        # + bold (both were bold bright red text).
        for nth in (0, 1, 2):  # in gold, then alice's and carol's
            count = style_in(panel, "count", app, nth)
            assert (standard(count.bgcolor), marks(count)) == (3, {"bold"})
        releasee = style_in(panel, "releasee", app)
        assert (standard(releasee.bgcolor), marks(releasee)) == (1, {"underline", "bold"})

    run(case(tmp_path), check)


def test_in_16_colours_nine_versions_take_nine_colours_unlike_the_text_s() -> None:
    black = Color.parse("#121212")
    shown = [standard(version_style([n], black, few=True).color) for n in range(9)]
    assert len(VERSION_COLOURS) == 9
    assert len(set(shown)) == 9
    assert not set(shown) & {0, 7, 8, 15}  # black, white, bright black, bright white


def test_without_colour_versions_are_reversed_and_named_with_their_marks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")

    def check(app: ReviewApp, article: ReviewArticle, panel: Text) -> None:
        assert app.no_color
        alice, carol = cells(article, ALICE_WORDS), cells(article, GOLD_WORDS)
        assert marks(alice) == {"underline", "reverse"}
        assert marks(carol) == {"underline", "bold", "reverse"}  # gold's count, alice's, carol's
        names = {name: marks(style_in(panel, name, app)) for name in ("alice", "bob", "carol")}
        assert names == {
            "alice": {"underline", "reverse"},
            "bob": {"italic", "reverse"},
            "carol": {"bold", "reverse"},
        }
        # Agreed spans' labels keep their own marks, never reversed.
        assert marks(style_in(panel, "count", app)) == {"bold"}
        assert marks(style_in(panel, "releasee", app)) == {"underline", "bold"}

    run(case(tmp_path), check)
