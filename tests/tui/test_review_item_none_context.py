"""Pilot: a conflict over a field of gold's item that is none (gold hand-edited, releases =
[null, …]) says that item as the review's opening says it, kept: "in gold's releases #1: null
(not an item: kept)", where a trial's panel said "(an empty item)" of it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import orjson
from annotate_helpers import press, wait_for
from test_group_align_review import open_it
from test_review_keys import panel_text, screen_of

from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_group_align_data import trial


def test_a_field_conflict_of_an_item_that_is_none_says_it_kept(tmp_path: Path) -> None:
    first = open_it(tmp_path, trial(), None)
    assert first.close()
    gold = tmp_path / "gold.jsonl"
    last = orjson.loads(gold.read_bytes().splitlines()[-1])
    assert isinstance(last["form"]["releases"][0], dict)
    last["form"]["releases"] = [None, *last["form"]["releases"][1:]]
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(last) + b"\n")
    session = open_it(tmp_path, trial(), None)

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: not screen_of(app).query_one(ReviewArticle).loading)
            while (view := session.view()) is not None and view.path != "releases[0].count":
                await press(pilot, "n")
            await wait_for(pilot, lambda: "releases #1 count" in panel_text(app))
            said = " ".join(panel_text(app).split())
            assert "in gold's releases #1: null (not an item: kept)" in said
            assert "(an empty item)" not in said

    try:
        asyncio.run(main())
    finally:
        assert session.close()
