"""Pilot: a toast taller than the article stays inside the article's frame, its first lines in
sight. At 64x24 the article shows 6 rows; the start-up messages under --min-agree (what was
outvoted, named) took twice that, went up over the status line and off the screen: their
first lines, what the gold file is and what is left to settle, were never seen (in tmux)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import wait_for
from test_review_keys import drive, review_of_two, screen_of
from test_review_toasts import toasts
from textual.geometry import Spacing
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_toasts import tell

FIRST_WORDS = "gold.jsonl: new gold file"
LONG = (
    FIRST_WORDS
    + ": 3 document(s) of alice, bob, carol; 8 conflict(s) to settle · "
    + (
        " · ".join(
            f"outvoted {number}: a span of 03-drava-disputed-figures" for number in range(12)
        )
    )
)


def over(screen: Screen[None], x: int, y: int) -> Widget | None:
    """The widget drawn on top at (x, y) of ``screen``."""
    widget, _region = screen.get_widget_at(x, y)
    return widget


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


@pytest.mark.parametrize("size", [(64, 24), (80, 24)])
def test_a_long_toast_is_cut_inside_the_article_its_start_in_sight(
    session: ReviewSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        screen = screen_of(app)
        await wait_for(pilot, lambda: len(toasts(app)) == 1)  # the opening's
        tell(screen, LONG * (2 if size[0] == 80 else 1))
        await wait_for(pilot, lambda: any(FIRST_WORDS in str(t.render()) for t in toasts(app)))
        await pilot.pause()
        await pilot.pause()
        (toast,) = toasts(app)
        assert toast.region.height > screen.article.region.height  # taller than the article
        inner = screen.article.region.shrink(Spacing(1, 1, 1, 1))
        column = inner.x + 4
        # Its first line, where it begins, on the article's first row of text; none of it over
        # the status line, the article's top and bottom edges, or the panel below or beside.
        assert toast.region.y == inner.y
        shown_at = [row for row in range(screen.size.height) if over(screen, column, row) is toast]
        assert shown_at == list(range(inner.y, inner.bottom)), (shown_at, inner)

    drive(session, scenario, size, notifications=True)
