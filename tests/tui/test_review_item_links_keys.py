"""Pilot: ``1`` on an item only bob gave names the links it gave the item's fields: his count's
own link, carried to his "210" taken into gold with ``b``, and the actors linked by their words
(``review_item_links``); ctrl+z says the decision as it did before."""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import press, toasts, wait_for
from test_review_keys import screen_of

from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_group_align_data import write_case
from tests.test_group_items_own import records

ITEM_D = "releases: added the item bob gave (Ostreva → Drava People's Authority, 210, 2024-06-20)"


def said(app: ReviewApp) -> str:
    return " ".join(" ".join(toast.split()) for toast in toasts(app))  # toasts wrap their lines


def test_1_on_an_item_names_its_links(tmp_path: Path) -> None:
    corpus, journals = write_case(tmp_path, records())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_for(pilot, lambda: not screen_of(app).query_one(ReviewArticle).loading)
            assert session.conflict is not None and session.conflict["id"] == "c1"
            await press(pilot, "b")  # bob's "210" into gold: s5
            while (conflict := session.conflict) is not None and conflict["id"] != "c4":
                await press(pilot, "n")
            app.clear_notifications()
            await press(pilot, "1")
            await wait_for(pilot, lambda: "settled c4" in said(app))
            assert said(app) == (
                f"settled c4: {ITEM_D} to gold; linked: released_by s3, received_by s1, count s5"
            )
            links = session.records["d1"].links
            assert [links[f"releases[2].{name}"] for name in ("released_by", "count")] == [
                ["s3"],
                ["s5"],
            ]
            app.clear_notifications()
            await press(pilot, "ctrl+z")
            await wait_for(pilot, lambda: "undid" in said(app))
            assert said(app) == f"undid: d1 c4 is open again ({ITEM_D} to gold)"
            assert "releases[2].count" not in session.records["d1"].links

    try:
        asyncio.run(main())
    finally:
        assert session.close()
