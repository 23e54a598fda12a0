"""Pilot: the review's toast never covers the conflict's words in the article.

Beside the panel it is over the article, at its foot, or at its top while the words are in the
lower half of what the article shows (at 80x24 "d00000 is settled: done" hid "prisoners" of
the next conflict's "23 prisoners", at a document's end). The journals are
tests/test_review_data.py's alice and bob: c1 "Kyiv", c2 the releasees, c3 "eight" (low in
the article at 80x24: the document ends below it), c4 the releases.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import drive, review_of_two, screen_of, shown
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_toasts import on_top
from tests.test_review_data import FIRST, SECOND


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def timeouts_told(app: ReviewApp, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """How long each toast asked for from now on stays (it is still shown)."""
    told: list[float] = []
    notify = app.notify

    def heard(message: str, **options: Any) -> None:
        told.append(options["timeout"])
        notify(message, **options)

    monkeypatch.setattr(app, "notify", heard)
    return told


def toasts(app: ReviewApp) -> list[Widget]:
    return [toast for toast in app.screen.query("Toast") if toast.region]


def words_region(app: ReviewApp) -> Region:
    """Where the current conflict's words are on the screen: the rows they are on, the
    article's width."""
    screen = screen_of(app)
    view = app.session.view()
    assert view is not None and view.region is not None
    first, last = screen.article.rows_in_view(*view.region)
    content = screen.article.content_region
    return Region(content.x, content.y + first, content.width, last - first + 1)


async def toast_said(pilot: Pilot[None], app: ReviewApp, *keys: str) -> Widget:
    await press(pilot, *keys)
    await wait_for(pilot, lambda: bool(toasts(app)))
    await pilot.pause()
    (toast,) = toasts(app)
    return toast


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_no_toast_over_a_conflict_s_words(session: ReviewSession, size: tuple[int, int]) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        # The opening message, then c (character mode on, off) on each span conflict: each
        # toast, at the top or the foot, clear of the words.
        opening = toasts(app)[0]
        assert not opening.region.overlaps(words_region(app))
        tops = []
        for conflict_id in ("c1", "c2", "c3"):
            assert app.session.current == Place(FIRST, conflict_id)
            for _ in range(2):
                toast = await toast_said(pilot, app, "c")
                assert not toast.region.overlaps(words_region(app)), conflict_id
                tops.append(toast.region.y)
            await press(pilot, "n")
        # Each toast replaces the one before in the same place: one left behind pushed the
        # next a line lower.
        assert tops[-1] == tops[-2]

    drive(session, scenario, size, notifications=True)


def test_at_80x24_a_conflict_low_in_the_article_has_the_toast_above_it(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        timeouts = timeouts_told(app, monkeypatch)
        # b settles c2 with bob's version: its toast comes with c3 "eight", which the article
        # cannot bring to its middle (the document ends below it).
        await press(pilot, "n")
        toast = await toast_said(pilot, app, "b")
        assert str(toast.render()).startswith("settled c2")
        assert app.session.current == Place(FIRST, "c3")
        words = words_region(app)
        article = screen_of(app).article.content_region
        assert words.y > article.y + article.height // 2
        assert toast.region.bottom <= words.y
        # Settling a document's last conflict (the second's only one): a short toast, which
        # goes as soon as the others (it stayed 8 seconds).
        await press(pilot, "b", "n")
        assert app.session.current == Place(SECOND, "c1")
        toast = await toast_said(pilot, app, "a")
        assert f"{SECOND} is settled: done" in str(toast.render())
        assert toast.region.height <= 3
        await wait_for(pilot, lambda: shown(app, FIRST))
        assert timeouts and all(seconds <= 4 for seconds in timeouts), timeouts

    drive(session, scenario, (80, 24), notifications=True)


def test_the_opening_message_fits_in_three_lines_at_80x24(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        (opening,) = toasts(app)
        assert "new gold file" in str(opening.render())
        assert opening.region.height <= 3

    drive(session, scenario, (80, 24), notifications=True)


@pytest.mark.parametrize(
    ("rows", "height", "top"),
    [((9, 9), 20, False), ((14, 15), 20, True), ((0, 1), 20, False), ((19, 19), 20, True)],
)
def test_toasts_go_to_the_end_with_more_room(rows: tuple[int, int], height: int, top: bool) -> None:
    assert on_top(rows, height) is top
