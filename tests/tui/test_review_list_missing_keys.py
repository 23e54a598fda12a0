"""Pilot: ``1`` on the conflict over bob's release, whose journal item leaves ``releasees``
out, adds it to gold without a null list (a user trial's gold then failed validate:
``form.releases.1.releasees: Input should be a valid list``)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import orjson
from annotate_helpers import press, toasts, wait_for
from test_review_keys import screen_of

from annotator.core.review_gold_fit import unfit_lines
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_list_missing_data import AUTHORITY, SCHEME, conflict_of, open_case


def said(app: ReviewApp) -> str:
    return " ".join(" ".join(toast.split()) for toast in toasts(app))  # toasts wrap their lines


def test_1_takes_an_item_without_its_list(tmp_path: Path) -> None:
    session = open_case(tmp_path)
    cid = conflict_of(session, "bob")

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_for(pilot, lambda: not screen_of(app).query_one(ReviewArticle).loading)
            while (conflict := session.conflict) is not None and conflict["id"] != cid:
                await press(pilot, "n")
            app.clear_notifications()
            await press(pilot, "1")
            await wait_for(pilot, lambda: f"settled {cid}" in said(app))
            assert f"settled {cid}: releases: added the item bob gave" in said(app)
            record = session.records["d1"]
            assert record.form["releases"] == [{"released_by": AUTHORITY, "count": 12}]
            assert unfit_lines(record, SCHEME) == []

    try:
        asyncio.run(main())
    finally:
        assert session.close()
    line = orjson.loads((tmp_path / "gold.jsonl").read_bytes().splitlines()[-1])
    assert line["form"]["releases"] == [{"released_by": AUTHORITY, "count": 12}]
