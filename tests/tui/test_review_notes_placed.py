"""Pilot: the whole note (N) stands over the article, away from the conflict's words, and
leaves the panel's versions in sight. A trial at 80x24: in the middle of the screen it covered
the conflict's words and most of the panel's versions.

The journals are tests/test_review_data.py's alice and bob, alice's first record with a note:
c1 "Kyiv" high in the article, c3 "eight" low in it (the document ends below it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import NOW, drive, screen_of, shown
from test_review_notes import rewrite_latest
from test_review_toasts import words_region
from textual.pilot import Pilot
from textual.widget import Widget

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_notes import AT_FOOT, AT_TOP, NotesScreen
from tests.test_review_data import CORPUS, FIRST, two_journals

NOTE = "figures disputed:\nthe ministry says eight;\nI took the ministry's"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    alice, bob = two_journals(tmp_path)
    rewrite_latest(alice, FIRST, {"note": NOTE})
    opened = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)
    yield opened
    opened.close()


async def notes_box(pilot: Pilot[None], app: ReviewApp) -> Widget:
    await press(pilot, "N")
    await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
    await pilot.pause()
    return app.screen.query_one("#notes-box")


def test_at_80x24_the_notes_leave_the_words_and_the_versions_in_sight(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        review = screen_of(app)
        article, side = review.article.region, review.query_one("#side").region
        for moves, conflict_id, side_of_words in (((), "c1", AT_FOOT), (("n", "n"), "c3", AT_TOP)):
            await press(pilot, *moves)
            assert app.session.current == Place(FIRST, conflict_id)
            words = words_region(app)
            box = await notes_box(pilot, app)
            assert not box.region.overlaps(words), (conflict_id, box.region, words)
            assert app.screen.has_class(side_of_words), conflict_id
            assert not box.region.overlaps(side), (conflict_id, box.region, side)
            # Inside the article's frame, its borders in sight.
            assert article.shrink((1, 1, 1, 1)).contains_region(box.region), conflict_id
            # The note whole: its three lines and the box's border.
            text = app.screen.query_one("#notes-text")
            assert text.region.height == 3 and box.region.contains_region(text.region)
            await press(pilot, "escape")
            assert app.screen is review

    drive(session, scenario, (80, 24), notifications=True)


def test_without_room_beside_the_words_the_notes_are_in_the_middle(
    session: ReviewSession,
) -> None:
    # At 60x24 the article, above the panel, has a few rows: no room beside the words.
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await wait_for(pilot, lambda: shown(app, FIRST))
        box = await notes_box(pilot, app)
        assert not app.screen.has_class(AT_TOP) and not app.screen.has_class(AT_FOOT)
        assert box.region.height == 5  # the note's three lines, whole

    drive(session, scenario, (60, 24), notifications=True)
