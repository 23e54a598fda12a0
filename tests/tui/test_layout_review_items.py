"""Pilot at 80x24 (and 64x24, the panel under the article): the item editor (``e`` on
``releases``) fits between the review's status line and its footer. At its full height it
covered the status line, its frame running into the line's end ("╭──…──╮ted-figures · rita
● saved"), a stray character of the panel left beside it.

The journals are test_review_items_keys's: alice gives three releases, bob two, so the box
is as tall as it gets. Below 30 rows the box takes every row between the status line and
the footer, the items scrolling in what its other lines leave.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press
from rich.cells import cell_len
from test_review_items_keys import open_items, several_items
from test_review_keys import NOW, drive, screen_of
from textual.pilot import Pilot
from textual.widgets import Input, Static

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from tests.old_gold import open_old_review
from tests.test_review_data import CORPUS


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    # A gold file the older merge wrote: the releases in one conflict (``tests.old_gold``).
    opened = open_old_review(
        several_items(tmp_path), CORPUS, tmp_path / "gold.jsonl", now=lambda: NOW
    )
    yield opened
    opened.close()


# The date's hint at each size: cut to its main form in the 44 columns of the box at 80.
# Every form a date takes, in the room there is (a wide hint once said only YYYY-MM-DD), and
# that a date span's words are taken (a trial read only the forms and thought them refused).
DATE_HINTS = {(80, 24): "YYYY-MM-DD or span words", (64, 24): "YYYY-MM-DD or a date span's words"}


@pytest.mark.parametrize("size", [(80, 24), (64, 24)])
def test_the_item_editor_fits_below_the_status_line(
    session: ReviewSession, size: tuple[int, int]
) -> None:
    width, height = size

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        editor = await open_items(pilot, app)
        box = editor.query_one("#items-edit-box")
        status = screen_of(app).query_one("#status", Static)
        assert status.region.y == 0 and status.region.height == 1
        # Every row between the status line and the footer, and none of theirs.
        assert (box.region.y, box.region.bottom) == (1, height - 1), box.region
        assert not box.region.overlaps(status.region)
        # On the status line's row the editor draws nothing of its own.
        assert all(editor.get_widget_at(x, 0)[0] is editor for x in range(width))
        # Every input's hint fits it (no date was given: its hint shows).
        for field in editor.query(Input):
            assert cell_len(field.placeholder) <= field.content_size.width, field.placeholder
        dates = {str(field.placeholder) for field in editor.query(Input) if field.name == "date"}
        assert dates == {DATE_HINTS[size]}
        # A refusal's lines come out of the items' rows (they scroll): the box keeps its
        # rows, the refusal and the keys in it.
        items = editor.query_one("#items-edit-items")
        rows_before = items.region.height
        count = next(field for field in editor.query(Input) if field.name == "count")
        count.focus()
        await press(pilot, "x", "enter")  # focused, its text is selected: x replaces it
        problem = editor.query_one("#field-edit-problem", Static)
        keys = editor.query_one("#field-edit-keys", Static)
        assert editor.problem == (
            "item 1: count: expected a whole number like 146 or seven, got 'x'"
        )
        assert problem.display and keys.display
        # Enter settles with the items shown, whether or not they are a version's as it
        # gave them (a trial read "no version's", then "settled c6 with bob's item unchanged").
        assert str(keys.render()).startswith("enter: settle with the items shown · ")
        assert (box.region.y, box.region.bottom) == (1, height - 1), box.region
        inside = box.content_region
        assert inside.contains_region(problem.region), (problem.region, inside)
        assert inside.contains_region(keys.region), (keys.region, inside)
        assert items.region.height == rows_before - 1 - problem.region.height
        assert count.has_focus and items.region.contains_region(count.region)

    drive(session, scenario, size)
