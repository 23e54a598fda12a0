"""Pilot: the item editor (``e`` on a group's conflict) leaves the annotators' notes line whole.
At 80x24 its box, as tall as the screen below 30 rows, started on the line under the status
line, which the notes line holds while a document has notes: it covered the line but for its
end, left half-drawn beside the box's corner ("e swap and the six …  N: whole note"). The box
now takes the article's rows exactly, under the notes line; with no notes, the line under the
status line as before.

The journals are tests/test_review_data.py's alice and bob in the gold file the older merge
wrote (test_review_items_edit_layout: c4 is the group ``releases``); alice leaves a note on
the first article (test_review_notes).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_review_items_edit_layout import open_items
from test_review_keys import NOW, drive, screen_of
from test_review_notes import ALICE_NOTE, rewrite_latest
from textual.pilot import Pilot

from annotator.tui.review_app import ReviewApp
from annotator.tui.review_notes import NotesLine
from tests.old_gold import open_old_review
from tests.test_review_data import CORPUS, FIRST, two_journals


@pytest.mark.parametrize("noted", [True, False])
def test_at_80x24_the_box_takes_the_articles_rows_under_the_notes(
    tmp_path: Path, noted: bool
) -> None:
    alice, bob = two_journals(tmp_path)
    if noted:
        rewrite_latest(alice, FIRST, {"note": ALICE_NOTE})
    session = open_old_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", now=lambda: NOW)

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        review = screen_of(app)
        notes = review.query_one(NotesLine)
        assert notes.display is noted
        editor = await open_items(pilot, app)
        box = editor.query_one("#items-edit-box").region
        article = review.query_one("#article").region
        status = review.query_one("#status").region
        # The status line (row 0), the notes line when shown (row 1), then the box over the
        # article's rows exactly, down to the footer (row 23).
        assert status.y == 0 and article.y == (2 if noted else 1)
        assert (box.y, box.bottom, box.x, box.width) == (
            article.y,
            article.bottom,
            article.x,
            article.width,
        )
        assert article.bottom == 23
        if noted:
            assert notes.region.y == 1 and not box.overlaps(notes.region)

    try:
        drive(session, scenario, (80, 24))
    finally:
        session.close()
