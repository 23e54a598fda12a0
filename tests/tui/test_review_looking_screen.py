"""Pilot: a document without open conflicts opened from the review's list (``l``, enter) is
shown as gold has it, the panel says it has no open conflict, ``N`` shows its notes, and
looking writes nothing. A trial's reviewer, every conflict settled on a resumed review at
80x24, pressed enter on 02 and N: the article stayed on 01 and N said 01 had no note. Also the
footer's number keys say the current conflict's versions (``1–2``), not ``1…9``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, toasts, wait_for
from test_review_keys import (
    NOW,
    drive,
    gold,
    panel_text,
    panel_title,
    review_of_two,
    screen_of,
    shown,
)
from test_review_keys import status_line as status_text
from test_review_notes import rewrite_latest
from textual.pilot import Pilot
from textual.widgets import Footer, Static

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.core.session_edits import Refused
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from annotator.tui.review_notes import NotesScreen
from tests.test_review_data import CORPUS, FIRST, SECOND, two_journals

BOB_NOTE = "the group's name is unclear; event type could be either"


def footer_keys(app: ReviewApp) -> str:
    footer = screen_of(app).query_one(Footer)
    return " ".join(str(key.render()) for key in footer.query("FooterKey"))


def painted_at(app: ReviewApp, offset: int) -> bool:
    """Whether the article paints a style over the character at ``offset`` (a gold span)."""
    article = screen_of(app).query_one(ReviewArticle)
    row, column = article.location_at(offset)
    line = article.get_line(row)
    return any(span.start <= column < span.end for span in line.spans)


def settled_gold(tmp_path: Path) -> tuple[list[Path], Path]:
    """alice's and bob's journals (bob's note on the second article) and a gold file whose
    every conflict is settled, by a review closed since."""
    alice, bob = two_journals(tmp_path)
    rewrite_latest(bob, SECOND, {"note": BOB_NOTE})
    gold_file = tmp_path / "gold.jsonl"
    first = open_review([alice, bob], CORPUS, gold_file, "rita", now=lambda: NOW)
    try:
        while not first.finished:
            try:
                first.take_all()
            except Refused:
                first.take(0)
    finally:
        assert first.close()
    return [alice, bob], gold_file


def test_enter_on_a_settled_document_of_a_settled_review_shows_it_and_its_notes(
    tmp_path: Path,
) -> None:
    journals, gold_file = settled_gold(tmp_path)
    written = gold_file.read_bytes()
    session = open_review(journals, CORPUS, gold_file, "rita", now=lambda: NOW)
    assert session.finished

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            article = screen_of(app).query_one(ReviewArticle)
            first_text = session.document(FIRST).text
            await wait_for(pilot, lambda: article.text_original == first_text)
            await press(pilot, "l", "down", "enter")
            await wait_for(pilot, lambda: shown(app, SECOND))
            assert panel_title(app) == f"No open conflict in {SECOND}"
            assert f"{SECOND} has no open conflict: done gold" in panel_text(app)
            assert "Every conflict is settled." in panel_text(app)
            assert "all settled" in status_text(app) and SECOND in status_text(app)
            # Its gold spans painted: the actor "An armed group" both marked.
            group = session.document(SECOND).text.index("An armed group")
            assert painted_at(app, group)
            await press(pilot, "N")
            await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
            whole = str(app.screen.query_one("#notes-text", Static).render())
            assert f"bob: {BOB_NOTE}" in whole
            await press(pilot, "escape", "n")
            assert any("every conflict is settled: no open conflict" in t for t in toasts(app))
            assert shown(app, SECOND)
            await press(pilot, "1", "t", "r")  # no conflict: nothing to decide
        assert gold_file.read_bytes() == written  # looking wrote nothing

    try:
        asyncio.run(main())
    finally:
        assert session.close()


def test_looking_while_conflicts_are_open_then_p_goes_back_to_them(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "p")  # round to the second article's event_type
        await wait_for(pilot, lambda: shown(app, SECOND))
        await press(pilot, "2")  # bob's: the second article is done
        await wait_for(pilot, lambda: shown(app, FIRST))
        lines = len(gold(session))
        await press(pilot, "l", "down", "enter")
        await wait_for(pilot, lambda: shown(app, SECOND))
        assert "n / p go on to the open conflicts (4 left)" in panel_text(app)
        assert "Take version" not in footer_keys(app)
        await press(pilot, "1", "t")
        assert len(gold(session)) == lines
        await press(pilot, "p")  # the first article's last open conflict
        await wait_for(pilot, lambda: shown(app, FIRST))
        assert session.current == Place(FIRST, "c4")

    drive(session, scenario, (80, 24))


def test_the_footer_says_the_conflicts_number_keys(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        conflict = session.conflict
        assert conflict is not None and len(conflict["versions"]) == 2
        await wait_for(pilot, lambda: "1–2 Take version" in footer_keys(app))
        assert "1…9" not in footer_keys(app)

    drive(session, scenario, (80, 24))


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)
