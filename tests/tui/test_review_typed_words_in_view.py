"""Pilot: a form field's conflict whose versions typed their values (no link) brings the words
they typed into view; with none in the text, the article stays where it is.

A trial's ``releases #1 received_by`` (bob typed "Essarian Bishops’ Conference", alice nothing)
left the article on the paragraph of the span conflict before, the words three paragraphs up:
a field's conflict was brought into view by its links only, and without any the cursor was put
back where the conflict before had left it, which scrolled there. bob marks "Kyiv" (780–784)
alone: a span conflict low in the article, reviewed first; alice types the receiver."""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import press, wait_for

from annotator.core.review_open import open_review
from annotator.core.session import open_session
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_review_data import AGREED_FIRST, CORPUS, FIRST, _label, fixed_now

KYIV = (780, 784)
ISTANBUL = CORPUS.joinpath(f"{FIRST}.txt").read_text().index("Istanbul")


def journal(out: Path, name: str, received_by: str | None, own: list[tuple[int, int]]) -> Path:
    """``name``'s journal: the agreed spans, ``own`` actors, the receiver typed (no link)."""
    session = open_session(CORPUS, name, None, out, clock=lambda: 0.0, now=fixed_now)
    try:
        session.open(FIRST)
        _label(session, AGREED_FIRST + [(start, end, "actor") for start, end in own])
        session.set_field("event_type", "exchange")
        session.add_group_item("releases")
        session.set_field("releases[0].released_by", "Russia")
        if received_by is not None:
            session.set_field("releases[0].received_by", received_by)
        session.set_field("releases[0].count", "146")
        session.mark_done()
    finally:
        assert session.close()
    return session.journal


def review(tmp_path: Path, typed: str) -> ReviewApp:
    """The review of alice's receiver ``typed`` against bob's none (and his "Kyiv")."""
    journals = [journal(tmp_path, "alice", typed, []), journal(tmp_path, "bob", None, [KYIV])]
    return ReviewApp(open_review(journals, CORPUS, tmp_path / "gold.jsonl", "rita"))


def test_the_words_typed_are_brought_into_view(tmp_path: Path) -> None:
    app = review(tmp_path, "Istanbul")
    session = app.session

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: session.conflict is not None)
            article = app.screen.query_one(ReviewArticle)
            await wait_for(pilot, lambda: article.rows_in_view(*KYIV)[0] >= 0)
            words = (ISTANBUL, ISTANBUL + len("Istanbul"))
            assert article.rows_in_view(*words)[0] < 0  # above the view
            await press(pilot, "n")
            conflict = session.conflict
            assert conflict is not None and conflict.get("path") == "releases[0].received_by"
            assert conflict["versions"][0].get("links") is None  # typed: no link
            await pilot.pause()
            first, last = article.rows_in_view(*words)
            assert 0 <= first <= last < article.scrollable_content_region.height
            assert session.current is not None and session.current.conflict_id == conflict["id"]

    try:
        asyncio.run(main())
    finally:
        session.close()


def test_words_not_in_the_text_leave_the_article_where_it_is(tmp_path: Path) -> None:
    app = review(tmp_path, "Kremlin")
    session = app.session

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: session.conflict is not None)
            article = app.screen.query_one(ReviewArticle)
            await wait_for(pilot, lambda: article.rows_in_view(*KYIV)[0] >= 0)
            # The reviewer scrolls up (the mouse wheel: the cursor stays at Kyiv).
            article.scroll_to(y=2, animate=False)
            await pilot.pause()
            assert article.scroll_y == 2 and article.rows_in_view(*KYIV)[0] >= 24
            await press(pilot, "n")
            conflict = session.conflict
            assert conflict is not None and conflict.get("path") == "releases[0].received_by"
            await pilot.pause()
            assert article.scroll_y == 2  # not back to Kyiv, where the cursor was
            assert article.selection_offsets()[0] == article.selection_offsets()[1]

    try:
        asyncio.run(main())
    finally:
        session.close()
