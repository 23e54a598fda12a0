"""Pilot: a review opened with ``--leave-out-unknown`` on journals holding a label removed from
the scheme and a choice renamed since shows the conflicts of the journals without them: the
same status line and first conflict as a review of journals that never held them, and no span
of the label removed (tests/test_leave_out_unknown_compared.py's journals)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import wait_for
from test_review_keys import NOW, panel_text, screen_of, status_line
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_agreement_data import TEXT, write_corpus
from tests.test_leave_out_unknown_compared import journals, write_scheme


def opened_screen(session: ReviewSession) -> tuple[str, str, str]:
    """The status line, the conflict panel and the article's rows, with their marks, on
    opening."""
    seen: list[str] = []

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: _ready(app))
            await Pilot(app).pause()
            article = screen_of(app).query_one(ReviewArticle)
            # Each row as drawn, its marks (the spans of the versions shown) with it.
            rows = [article.get_line(row) for row in range(article.document.line_count)]
            drawn = "\n".join(f"{row.plain} {row.spans}" for row in rows)
            seen.extend([status_line(app), panel_text(app), drawn])

    asyncio.run(main())
    return seen[0], seen[1], seen[2]


def _ready(app: ReviewApp) -> bool:
    try:
        article = screen_of(app).query_one(ReviewArticle)
    except Exception:
        return False
    return not article.loading and app.session.doc_id is not None


def test_the_review_shows_the_journals_without_what_the_scheme_does_not_know(
    tmp_path: Path,
) -> None:
    scheme = write_scheme(tmp_path)
    corpus = write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT})
    said = {}
    for kept in (True, False):
        files = journals(tmp_path / ("kept" if kept else "clean"), kept=kept)
        gold = tmp_path / f"gold-{kept}.jsonl"
        session = open_review(
            files,
            corpus,
            gold,
            "rita",
            scheme_path=scheme,
            now=lambda: NOW,
            leave_out_unknown=kept,
        )
        try:
            said[kept] = opened_screen(session)
        finally:
            assert session.close()
    status, panel, article = said[True]
    assert (status, panel, article) == said[False]
    assert "conflict(s) left" in status
    assert "mediator" not in status + panel + article
