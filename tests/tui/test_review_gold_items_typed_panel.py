"""Pilot: a group's conflict lists gold's items as agreed only when the annotators agreed
them (``review_gold_items``). A trial typed a new item in c14's ``e`` box, and c15 and c16
listed it under "agreed, already gold: 1 item(s)"."""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import wait_for
from test_review_keys import panel_text, shown

from annotator.tui.review_app import ReviewApp
from tests.test_review_gold_items_origin import item_conflicts, open_case


def test_an_item_typed_before_is_listed_as_typed(tmp_path: Path) -> None:
    session = open_case(tmp_path)
    _first, second = (one["id"] for one in item_conflicts(session))
    session.settle_typed([{"released_by": "Norvania", "count": "3"}])  # at the first: a new item
    assert session.current is not None and session.current.conflict_id == second

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(140, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            await wait_for(pilot, lambda: "gold holds" in panel_text(app))
            text = panel_text(app)
            assert "agreed, already gold" not in text
            assert (
                "gold holds: 2 item(s): 1 agreed, 1 typed\n"
                "  • released_by Norvania · received_by Kestria · count 95\n"
                "  • released_by Norvania · count 3 (typed)\n"
            ) in text

    try:
        asyncio.run(main())
    finally:
        assert session.close()
