"""Pilot: a form field's conflict whose versions are linked to spans brings those spans into
view, as a span conflict brings its words (a trial's article stayed where the conflict before
had left it: doc 01 c4's versions linked to 281–304, the article at 1577).

alice fills the release's giver from "Russia" (16–22), bob from "Ukraine" (27–34); bob also
marks "Kyiv" (780–784), a span conflict near the article's end, reviewed first."""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import press, wait_for

from annotator.core.review_open import open_review
from annotator.core.session import open_session
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_review_data import AGREED_FIRST, CORPUS, FIRST, _label, _span_id, fixed_now

GIVERS = {"alice": (16, 22), "bob": (27, 34)}


def journal(out: Path, name: str) -> Path:
    session = open_session(CORPUS, name, None, out, clock=lambda: 0.0, now=fixed_now)
    try:
        session.open(FIRST)
        _label(session, AGREED_FIRST + ([(780, 784, "actor")] if name == "bob" else []))
        session.set_field("event_type", "exchange")
        session.add_group_item("releases")
        start, end = GIVERS[name]
        session.fill_from_span("releases[0].released_by", _span_id(session, start, end, "actor"))
        session.set_field("releases[0].received_by", "Moscow")
        session.set_field("releases[0].count", "146")
        session.mark_done()
    finally:
        assert session.close()
    return session.journal


def test_a_fields_conflict_brings_its_linked_spans_into_view(tmp_path: Path) -> None:
    journals = [journal(tmp_path, name) for name in ("alice", "bob")]
    session = open_review(journals, CORPUS, tmp_path / "gold.jsonl", "rita")

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: session.conflict is not None)
            assert session.conflict is not None and session.conflict["kind"] == "span"
            article = app.screen.query_one(ReviewArticle)
            await wait_for(pilot, lambda: article.rows_in_view(780, 784)[0] >= 0)
            assert article.rows_in_view(16, 34)[0] < 0  # the giver's words out of view
            await press(pilot, "n")
            conflict = session.conflict
            assert conflict is not None and conflict["path"] == "releases[0].released_by"
            await pilot.pause()
            first, last = article.rows_in_view(16, 34)
            assert 0 <= first <= last < article.scrollable_content_region.height

    try:
        asyncio.run(main())
    finally:
        session.close()
