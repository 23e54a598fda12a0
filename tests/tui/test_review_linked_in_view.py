"""Pilot: a form field's conflict whose versions are linked to spans brings those spans into
view, as a span conflict brings its words (a trial's article stayed where the conflict before
had left it: doc 01 c4's versions linked to 281–304, the article at 1577).

bob marks "Kyiv" (780–784) alone: a span conflict near the article's end, reviewed first. The
release's giver is filled from a span: its versions are linked to theirs."""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import press, wait_for

from annotator.core.review_open import open_review
from annotator.core.session import open_session
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_review_data import AGREED_FIRST, CORPUS, FIRST, _label, _span_id, fixed_now

RUSSIA, UKRAINE, KYIV, KURSK = (16, 22), (27, 34), (780, 784), (1037, 1042)


def journal(out: Path, name: str, giver: tuple[int, int], own: list[tuple[int, int]]) -> Path:
    """``name``'s journal: the agreed spans and ``own`` actors, the giver filled from
    ``giver``."""
    session = open_session(CORPUS, name, None, out, clock=lambda: 0.0, now=fixed_now)
    try:
        session.open(FIRST)
        _label(session, AGREED_FIRST + [(start, end, "actor") for start, end in own])
        session.set_field("event_type", "exchange")
        session.add_group_item("releases")
        session.fill_from_span("releases[0].released_by", _span_id(session, *giver, "actor"))
        session.set_field("releases[0].received_by", "Moscow")
        session.set_field("releases[0].count", "146")
        session.mark_done()
    finally:
        assert session.close()
    return session.journal


def test_a_fields_conflict_brings_its_linked_spans_into_view(tmp_path: Path) -> None:
    # alice's giver is "Russia", bob's "Ukraine", both at the article's top.
    journals = [journal(tmp_path, "alice", RUSSIA, []), journal(tmp_path, "bob", UKRAINE, [KYIV])]
    session = open_review(journals, CORPUS, tmp_path / "gold.jsonl", "rita")

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: session.conflict is not None)
            assert session.conflict is not None and session.conflict["kind"] == "span"
            article = app.screen.query_one(ReviewArticle)
            await wait_for(pilot, lambda: article.rows_in_view(*KYIV)[0] >= 0)
            assert article.rows_in_view(16, 34)[0] < 0  # the givers' words out of view
            await press(pilot, "n")
            conflict = session.conflict
            assert conflict is not None and conflict.get("path") == "releases[0].released_by"
            await pilot.pause()
            first, last = article.rows_in_view(16, 34)
            assert 0 <= first <= last < article.scrollable_content_region.height

    try:
        asyncio.run(main())
    finally:
        session.close()


def test_a_linked_span_in_a_span_conflicts_words_leaves_the_field_conflict_current(
    tmp_path: Path,
) -> None:
    # alice's giver is "Kursk", bob's "Kyiv", each marked by one only: span conflicts. The
    # cursor put at the first linked span would make Kyiv's conflict the current one.
    journals = [
        journal(tmp_path, "alice", KURSK, [KURSK]),
        journal(tmp_path, "bob", KYIV, [KYIV]),
    ]
    session = open_review(journals, CORPUS, tmp_path / "gold.jsonl", "rita")

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: session.conflict is not None)
            await press(pilot, "n", "n")
            await pilot.pause()
            conflict = session.conflict
            assert conflict is not None and conflict.get("path") == "releases[0].released_by"

    try:
        asyncio.run(main())
    finally:
        session.close()
