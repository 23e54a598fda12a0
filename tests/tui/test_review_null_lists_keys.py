"""Pilot: a gold file an earlier review left with ``"releasees": null`` resumed: the opening
sets it right and says so in its toasts, and ``1`` on another conflict of the document writes
the list ``[]`` (a user trial's decision wrote the null again, and validate refused the line)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import orjson
from annotate_helpers import press, toasts, wait_for
from test_review_keys import screen_of

from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_list_missing_data import AUTHORITY, conflict_of, open_case
from tests.test_review_null_lists import written_with_a_null
from tests.test_review_null_lists_opening import reopened, settled_with_a_null


def said(app: ReviewApp) -> str:
    return " ".join(" ".join(toast.split()) for toast in toasts(app))  # toasts wrap their lines


def test_the_opening_sets_it_right_and_1_writes_an_empty_list(tmp_path: Path) -> None:
    written_with_a_null(tmp_path)
    session = open_case(tmp_path)
    cid = conflict_of(session, "alice")

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_for(pilot, lambda: not screen_of(app).query_one(ReviewArticle).loading)
            # After the opening's line, whose file name it shares (the toast says it once).
            assert said(app).endswith(
                " to settle in 1 document(s) · 1 document(s) held null lists (d1 releases #1 "
                "releasees), which validate and export refuse: set right, each line written "
                "again with [] as the review opened (the older lines stay as history, which "
                "validate counts in one line, not as problems)"
            )
            while (conflict := session.conflict) is not None and conflict["id"] != cid:
                await press(pilot, "n")
            app.clear_notifications()
            await press(pilot, "1")
            await wait_for(pilot, lambda: f"settled {cid}" in said(app))
            assert session.records["d1"].form["releases"][0]["releasees"] == []

    try:
        asyncio.run(main())
    finally:
        assert session.close()
    line = orjson.loads((tmp_path / "gold.jsonl").read_bytes().splitlines()[-1])
    assert line["form"]["releases"][0] == {"released_by": AUTHORITY, "count": 12, "releasees": []}


def test_a_settled_document_set_right_is_said_as_the_review_opens(tmp_path: Path) -> None:
    """Nothing left to decide in it: only the opening writes its line again."""
    settled_with_a_null(tmp_path)
    session = reopened(tmp_path)

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_for(pilot, lambda: "held null lists" in said(app))
            assert said(app).endswith(
                " to settle in 0 document(s) · 1 document(s) held null lists (d1 releases #1 "
                "releasees), which validate and export refuse: set right, each line written "
                "again with [] as the review opened (the older lines stay as history, which "
                "validate counts in one line, not as problems)"
            )
            assert session.current is None

    try:
        asyncio.run(main())
    finally:
        assert session.close()
    line = orjson.loads((tmp_path / "gold.jsonl").read_bytes().splitlines()[-1])
    assert line["form"]["releases"][0]["releasees"] == []
