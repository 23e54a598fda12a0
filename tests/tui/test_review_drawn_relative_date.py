"""Pilot: e, then the date key, over "two days later" writes the date counted from gold's date
span before it, and the message says from where (tests/test_review_relative_dates.py's case)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from annotate_helpers import notices_heard, press, wait_for
from test_review_keys import gold, screen_of, shown, status_line

from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_agreement_data import span
from tests.test_review_relative_dates import DAYS, TEXT, TWO_DAYS, early, review


def test_e_over_two_days_later_counts_it_from_gold_s_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = review(
        tmp_path,
        [early("s1"), span("s2", *TWO_DAYS, "date", "2023-08-08", text=TEXT)],
        [early("s1"), span("s2", *DAYS, "date", text=TEXT)],
    )

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            told = notices_heard(app, monkeypatch)
            assert session.current == Place("d1", "c1")
            await press(pilot, "e")
            assert "DRAWING" in status_line(app)
            # The region, "two days later", is selected: 3 draws it as a date.
            assert screen_of(app).query_one(ReviewArticle).selection_offsets() == TWO_DAYS
            await press(pilot, "3")
            line = gold(session)[-1]
            assert [(s["text"], s.get("value")) for s in line["spans"]] == [
                ("early August", "2023-08-06"),
                ("two days later", "2023-08-08"),
            ]
            assert line["conflicts"] == []
            # (The screen's message says the offsets, and what the review does next.)
            assert told[0].splitlines()[0] == (
                "settled c1 with date “two days later” 54–68 = 2023-08-08 (2 days after "
                "2023-08-06 (s1)); left out: date “days later” 58–68 (bob) · ctrl+z undoes"
            )

    try:
        asyncio.run(main())
    finally:
        assert session.close()
