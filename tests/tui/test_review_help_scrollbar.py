"""Pilot: the review's help says what the article's scrollbar draws: one thumb whose ends are
part-blocks (a trial's copy of the screen showed "▇▇" and "▅▅", its ends, and read them as two
thumbs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotate_helpers import press, wait_for
from test_review_keys import drive

from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.screens import HelpScreen
from tests.test_review_data import CORPUS, two_journals


def test_the_help_says_the_scrollbar_is_one_thumb(tmp_path: Path) -> None:
    alice, bob = two_journals(tmp_path)
    session = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita")

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        await press(pilot, "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        article = next(rows for title, rows in help_screen.sections if title == "In the article")
        assert any(key == "scrollbar" and "one thumb" in what for key, what in article)

    try:
        drive(session, scenario)
    finally:
        session.close()
