"""Pilot: ``1`` on a conflict over a field of gold's item that is none (gold hand-edited,
releases = [null, …]) says what gold holds and what the reviewer can do, and changes nothing;
``r`` then settles it as said. It was "gold has no releases #1 to set" of a releases #1 the
panel showed as null."""

from __future__ import annotations

import asyncio
from pathlib import Path

import orjson
from annotate_helpers import press, toasts, wait_for
from test_group_align_review import open_it
from test_review_keys import panel_text, screen_of

from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_group_align_data import trial


def said(app: ReviewApp) -> str:
    return " ".join(" ".join(toast.split()) for toast in toasts(app))  # toasts wrap their lines


def test_1_on_an_item_that_is_none_says_what_to_do(tmp_path: Path) -> None:
    first = open_it(tmp_path, trial(), None)
    assert first.close()
    gold = tmp_path / "gold.jsonl"
    last = orjson.loads(gold.read_bytes().splitlines()[-1])
    last["form"]["releases"] = [None, *last["form"]["releases"][1:]]
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(last) + b"\n")
    session = open_it(tmp_path, trial(), None)

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_for(pilot, lambda: not screen_of(app).query_one(ReviewArticle).loading)
            while (view := session.view()) is not None and view.path != "releases[0].count":
                await press(pilot, "n")
            await wait_for(pilot, lambda: "releases #1 count" in panel_text(app))
            conflict = session.conflict
            assert conflict is not None
            cid = conflict["id"]
            before = session.records["d1"]
            app.clear_notifications()
            await press(pilot, "1")
            await wait_for(pilot, lambda: "no releases #1 count to set" in said(app))
            assert (
                f"{cid}: gold's releases #1 is null, not an item, so there is no releases #1 "
                f"count to set: r (reject) settles {cid} leaving gold so; to take the annotators' "
                "records instead, merge the document anew: l, then ctrl+r twice on it"
            ) in said(app)
            assert "gold has no releases #1" not in said(app)
            assert session.records["d1"] == before and session.conflict == conflict
            await press(pilot, "r")
            await wait_for(pilot, lambda: f"settled {cid}: rejected every version" in said(app))
            assert session.records["d1"].form["releases"] == [None]

    try:
        asyncio.run(main())
    finally:
        assert session.close()
