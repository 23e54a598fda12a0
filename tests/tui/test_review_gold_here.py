"""Pilot: with ``--min-agree`` the panel says what gold already holds in a conflict's region.

A user trial: alice and carol marked "the UAE" as an actor (gold, 2 of 3), bob as a releasee;
the panel said "alice, carol — marked nothing here". A version lists what was marked *beyond*
gold. Here (tests/test_review_left_out.py's three_way, K = 2): the count "146" is gold (alice,
bob); c1 is alice's releasee "146 prisoners" and count "146 prisoners" (one question with
carol's count: K = 2 would outvote each span only one annotator marked), bob's nothing beyond
them and carol's 145 for the count.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import wait_for
from test_review_keys import panel_text, screen_of

from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_review_left_out import COUNT_145, COUNT_WIDE, three_way


def test_the_panel_names_gold_s_spans_and_says_a_version_adds_to_them(tmp_path: Path) -> None:
    session = three_way(tmp_path, min_agree=2, carol=(COUNT_145,), alice=(COUNT_WIDE,))

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: not screen_of(app).query_one(ReviewArticle).loading)
            await wait_for(pilot, lambda: "in gold" in panel_text(app))
            said = " ".join(panel_text(app).split())
            assert "in gold: count “146” = 146" in said
            assert "they stay: a version taken adds to them, or gives one its value" in said
            assert "2 bob nothing beyond gold here" in said
            assert "marked nothing here" not in said

    try:
        assert session.current == Place("d1", "c1")
        view = session.view()
        assert view is not None
        assert [(s["label"], s["text"]) for s in view.gold_spans] == [("count", "146")]
        asyncio.run(main())
    finally:
        assert session.close()
