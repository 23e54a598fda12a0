"""Pilot: a screen over the review (help, the document list, the items editor) shows none of
the review screen's toasts through its see-through margin, and the toast still due is back
once it closes. At 80x24 the opening message showed over the help's keys and the document
list. The journals are tests/test_review_data.py's alice and bob (c4: the releases)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import drive, review_of_two, screen_of
from textual.pilot import Pilot
from textual.screen import Screen

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_doc_list import ReviewDocListScreen
from annotator.tui.review_items_edit import ItemsEditScreen
from annotator.tui.screens import HelpScreen
from tests.test_review_data import FIRST

MESSAGE = "Zebrafish: a message still due"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def drawn(app: ReviewApp) -> bool:
    """Whether the message is on the terminal, whatever screen draws it."""
    return "Zebrafish" in app.export_screenshot()


async def told_then_covered(
    pilot: Pilot[None], app: ReviewApp, key: str, over: type[Screen[object]]
) -> None:
    """The message shown on the review screen, then ``key`` opens ``over``: nothing of the
    message shows; escape closes it, and the message is back where it was."""
    review = screen_of(app)
    app.notify(MESSAGE, timeout=60)
    await wait_for(pilot, lambda: any(toast.region for toast in review.query("Toast")))
    (before,) = [toast.region for toast in review.query("Toast")]
    assert drawn(app)

    await press(pilot, key)
    await wait_for(pilot, lambda: isinstance(app.screen, over))
    await pilot.pause()
    assert not drawn(app)
    # The review screen's toast takes no room on the screen while it is under another.
    assert [toast.region.area for toast in review.query("Toast")] == [0]

    await press(pilot, "escape")
    await wait_for(pilot, lambda: app.screen is review)
    await wait_for(pilot, lambda: any(toast.region for toast in review.query("Toast")))
    assert [toast.region for toast in review.query("Toast")] == [before]
    assert drawn(app)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_no_toast_of_the_review_shows_through_a_screen_over_it(
    session: ReviewSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await told_then_covered(pilot, app, "question_mark", HelpScreen)
        await told_then_covered(pilot, app, "l", ReviewDocListScreen)
        # c4, the releases: e edits the items.
        await press(pilot, "n", "n", "n")
        assert app.session.current == Place(FIRST, "c4")
        await told_then_covered(pilot, app, "e", ItemsEditScreen)

    drive(session, scenario, size=size, notifications=True)
