"""Pilot: ``e`` on bob's item shows under the items whose the count's link is (bob's own link
to his "210", taken into gold with ``b``) and that the actors' links are the words typed;
typed away from his count, the line goes, as the link would; at 80 and at 70 columns (the
box's narrow layout) it is whole, and the input keeps its width."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import screen_of
from textual.geometry import Region
from textual.widgets import Input, Static

from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from annotator.tui.review_items_edit import ItemsEditScreen
from tests.test_group_align_data import write_case
from tests.test_group_items_own import records

BOBS = "⛓ bob's link: count s5 · s3 s1 by the words typed"


def whence(app: ReviewApp) -> str:
    """The line under the items as drawn, its wrapped lines joined ("" while hidden)."""
    line = app.screen.query_one("#items-edit-whence", Static)
    if not line.display:
        return ""
    rows = line.render_lines(Region(0, 0, line.size.width, line.size.height))
    return " ".join(" ".join(row.text.split()) for row in rows)


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (70, 24)])
def test_e_says_whose_the_link_is(tmp_path: Path, size: tuple[int, int]) -> None:
    corpus, journals = write_case(tmp_path, records())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: not screen_of(app).query_one(ReviewArticle).loading)
            await press(pilot, "b")  # c1: bob's "210" into gold, s5
            while (conflict := session.conflict) is not None and conflict["id"] != "c4":
                await press(pilot, "n")
            await press(pilot, "e")
            await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
            await wait_for(pilot, lambda: whence(app) == BOBS)
            inputs = {one.name: one for one in app.screen.query(Input)}
            # Whose is said under the items: bob's count's input is as wide as one whose
            # link the words made (its marker the same "⛓ s3"), not cut for "(bob's)".
            assert inputs["count"].size.width == inputs["released_by"].size.width >= 12
            inputs["count"].focus()
            await press(pilot, "end", "backspace", "1")  # 211: not bob's count
            await wait_for(pilot, lambda: whence(app) == "")
            await press(pilot, "backspace", "0")
            await wait_for(pilot, lambda: whence(app) == BOBS)

    try:
        asyncio.run(main())
    finally:
        assert session.close()
