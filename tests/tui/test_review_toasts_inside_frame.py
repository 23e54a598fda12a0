"""Pilot: the review's toast stands inside the article's frame, on its first or last rows of
text and within its side borders, as the annotation screen's do. On the frame it covered the
article's left border, its rounded corner and its bottom (or top) edge, and at 80 columns it
was the article's full width (seen in tmux). It still goes over the article's foot, or its top
while the conflict's words are low in it, off the words and the panel's versions.

The journals are tests/test_review_data.py's alice and bob: the opening message goes at the
article's foot at 80x24 and its top at 120x36; after n and b, c3 "eight" is low in the article
at both sizes (the document ends below it), and the toast saying c2 is settled goes at its top.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import drive, review_of_two, screen_of, shown
from test_review_toasts import toasts, words_region
from textual.geometry import Region, Spacing
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_toasts import ON_TOP, text_width
from tests.test_review_data import FIRST


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def inside_the_frame(app: ReviewApp, when: str) -> Region:
    """The one toast showing, checked inside the article's frame, on the row next to the edge
    it stands by, off the conflict's words and the panel."""
    screen = screen_of(app)
    inner = screen.article.region.shrink(Spacing(1, 1, 1, 1))
    (toast,) = toasts(app)
    where = toast.region
    assert inner.contains_region(where), (when, where, inner)
    if screen.has_class(ON_TOP):
        assert where.y == inner.y, (when, where, inner)
    else:
        assert where.bottom == inner.bottom, (when, where, inner)
    assert where.x == inner.x, (when, where, inner)
    assert not where.overlaps(words_region(app)), when
    assert not where.overlaps(screen.query_one("#side").region), when
    return where


@pytest.mark.parametrize(("size", "opening_on_top"), [((120, 36), True), ((80, 24), False)])
def test_the_toast_stands_inside_the_article_s_frame(
    session: ReviewSession, size: tuple[int, int], opening_on_top: bool
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        screen = screen_of(app)
        await wait_for(pilot, lambda: len(toasts(app)) == 1)
        await pilot.pause()
        assert screen.has_class(ON_TOP) is opening_on_top
        opening = inside_the_frame(app, "opening")
        if size[0] == 80:  # as wide as the article within its borders: 42 of its 44 columns
            assert opening.width == screen.article.region.width - 2 == 42
        await press(pilot, "n", "b")  # c2 settled: its toast comes with c3, low in the article
        await wait_for(pilot, lambda: app.session.current == Place(FIRST, "c3"))
        await wait_for(pilot, lambda: shown(app, FIRST))
        await wait_for(pilot, lambda: any("settled c2" in str(t.render()) for t in toasts(app)))
        await pilot.pause()
        assert screen.has_class(ON_TOP)
        settled = inside_the_frame(app, "settled c2")
        # The message was fitted to the toast's lines.
        (toast,) = toasts(app)
        narrow = screen.has_class("-narrow")
        assert toast.content_region.width == text_width(screen.article.region.width, narrow)
        assert settled.width <= 60

    drive(session, scenario, size, notifications=True)
