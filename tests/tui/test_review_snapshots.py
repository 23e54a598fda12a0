"""SVG snapshot of the review screen (140x40).

The journals are tests/test_review_data.py's alice and bob on the fixed snapshot corpus, the
reviewer is "snap" and the clock is fixed, so nothing on screen depends on who runs the tests,
when, or where the gold file is (the opening notices, which name it, are cleared first). The
screen shows the second conflict (n from the first): alice's releasee "146 prisoners of war of
the Ukrainian armed forces" around bob's shorter "146 prisoners of war", each version in its
colour, the region selected, the agreed count "146" inside painted as gold (and named in the
panel as gold's, which stays), and the other conflicts' words ("Kyiv", "eight citizens…")
tinted.

Regenerate after a change to the screen, then look at the picture:
``pytest tests/tui/test_review_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_review_keys import shown, wait_for
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from tests.test_review_data import CORPUS, FIRST, two_journals

SIZE = (140, 40)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    alice, bob = two_journals(tmp_path)
    opened = open_review(
        [alice, bob], CORPUS, tmp_path / "gold.jsonl", "snap", now=lambda: "2025-08-24T10:00:00Z"
    )
    yield opened
    opened.close()


def test_review_screen(snap_compare: Any, session: ReviewSession) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, ReviewApp)
        await wait_for(pilot, lambda: shown(app, FIRST))
        await pilot.press("n")
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(ReviewApp(session), terminal_size=SIZE, run_before=run_before)
