"""Pilot: once a span conflict is settled, the article's selection moves to the next conflict's
words, a form field's conflict's too (the spans its versions are linked to, or the words they
typed), and is dropped when those are spans apart; it never stays on the words just settled.

A trial settled c2 ("95 Norvanian servicemen", 281–304) with ``b``: the panel moved to a form
conflict linked to "95 prisoners of war" (66–85) while the article kept 281–304 selected, and
a reviewer may take the conflict to be about those words. Here bob marks "Kyiv" (780–784)
alone, a span conflict reviewed first; ``b`` takes it, and the release's giver (linked) or
receiver (typed) is the conflict after it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import press, wait_for
from test_review_linked_in_view import KYIV, RUSSIA, UKRAINE
from test_review_linked_in_view import journal as linked_journal
from test_review_typed_words_in_view import ISTANBUL
from test_review_typed_words_in_view import review as typed_review

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_review_data import CORPUS

RUSSIA_AND_UKRAINE = (RUSSIA[0], UKRAINE[1])  # "Russia and Ukraine", 16–34


def settle_kyiv_then(app: ReviewApp, path: str) -> tuple[int, int]:
    """Settle the Kyiv conflict with ``b``; the article's selection once the field conflict at
    ``path`` is current (Kyiv's, 780–784, was selected before)."""
    session = app.session
    selected: list[tuple[int, int]] = []

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: session.conflict is not None)
            article = app.screen.query_one(ReviewArticle)
            await wait_for(pilot, lambda: article.selection_offsets() == KYIV)
            await press(pilot, "b")
            conflict = session.conflict
            assert conflict is not None and conflict.get("path") == path
            await pilot.pause()
            assert session.conflict is conflict  # still the current one
            selected.append(article.selection_offsets())

    try:
        asyncio.run(main())
    finally:
        session.close()
    return selected[0]


def review(
    tmp_path: Path, giver: dict[str, tuple[int, int]], actors: list[tuple[int, int]]
) -> ReviewApp:
    journals = [
        linked_journal(tmp_path, "alice", giver["alice"], actors),
        linked_journal(tmp_path, "bob", giver["bob"], [*actors, KYIV]),
    ]
    session: ReviewSession = open_review(journals, CORPUS, tmp_path / "gold.jsonl", "rita")
    return ReviewApp(session)


def test_a_field_conflicts_linked_words_in_one_stretch_are_selected(tmp_path: Path) -> None:
    # alice's giver is "Russia", bob's "Russia and Ukraine" (both marked it): one stretch.
    app = review(tmp_path, {"alice": RUSSIA, "bob": RUSSIA_AND_UKRAINE}, [RUSSIA_AND_UKRAINE])
    selected = settle_kyiv_then(app, "releases[0].released_by")
    assert selected == RUSSIA_AND_UKRAINE


def test_linked_spans_apart_leave_nothing_selected(tmp_path: Path) -> None:
    # alice's giver is "Russia", bob's "Ukraine": the words between are not the field's.
    app = review(tmp_path, {"alice": RUSSIA, "bob": UKRAINE}, [])
    start, end = settle_kyiv_then(app, "releases[0].released_by")
    assert start == end  # Kyiv, settled, no longer selected, and nothing else


def test_the_words_a_version_typed_are_selected(tmp_path: Path) -> None:
    app = typed_review(tmp_path, "Istanbul")
    selected = settle_kyiv_then(app, "releases[0].received_by")
    assert selected == (ISTANBUL, ISTANBUL + len("Istanbul"))
