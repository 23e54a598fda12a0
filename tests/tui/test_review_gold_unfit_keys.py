"""Pilot: ``1`` on a conflict whose version gold's scheme does not take (event_type "swap") is
refused on screen in validate's own words (``form.event_type: 'swap' is not one of its
choices (…)``), and nothing is written."""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import press, toasts, wait_for
from test_review_keys import screen_of

from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_list_missing_data import open_case
from tests.test_review_list_missing import hand_edited


def said(app: ReviewApp) -> str:
    return " ".join(" ".join(toast.split()) for toast in toasts(app))  # toasts wrap their lines


def test_1_on_a_version_validate_refuses_says_it_in_validate_s_words(tmp_path: Path) -> None:
    hand_edited(tmp_path)
    gold = tmp_path / "gold.jsonl"
    written = gold.read_bytes()
    session = open_case(tmp_path)

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_for(pilot, lambda: not screen_of(app).query_one(ReviewArticle).loading)
            while (conflict := session.conflict) is not None and conflict["id"] != "c9":
                await press(pilot, "n")
            app.clear_notifications()
            await press(pilot, "1")
            await wait_for(pilot, lambda: "nothing was written" in said(app))
            assert said(app) == (
                "d1: settling c9 would write gold that annotator validate refuses "
                "(form.event_type: 'swap' is not one of its choices ('exchange', "
                "'unilateral_release', 'repatriation_of_remains', 'announcement' or "
                "'not_relevant')), so nothing was written: settle it another way (e types the "
                "value), or merge the document anew (l, then ctrl+r twice)"
            )
            assert session.conflict is not None and session.conflict["id"] == "c9"

    try:
        asyncio.run(main())
    finally:
        assert session.close()
    assert gold.read_bytes() == written
