"""Pilot: the article search finds a word parted by a zero-width space (a trial's "zero\\u200bwidth"
showed as one word, and ``/zerowidth`` said it was not in the article), and one space typed finds
the blank line between two paragraphs."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, screen_of, toasts, wait_for
from textual.pilot import Pilot

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = (
    "date 2024-03-17 A zero\u200bwidth space sits here. They were freed on Sunday.\n\n"
    "Rescuer teams came.\n"
)


def test_the_search_finds_zerowidth_and_a_phrase_across_a_paragraph_break(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        article = screen_of(app).article
        await press(pilot, "slash", *"zerowidth", "enter")
        await wait_for(pilot, lambda: "match 1 of 1 for 'zerowidth'" in toasts(app))
        start = TEXT.index("zero")
        assert article.selection_offsets() == (start, start + 10)
        assert article.selected_text == "zero\u200bwidth"
        # The query found last is shown selected: typing replaces it.
        await press(pilot, "slash", *"freed on Sunday. Rescuer", "enter")
        await wait_for(pilot, lambda: "match 1 of 1 for 'freed on Sunday. Rescuer'" in toasts(app))
        assert article.selected_text == "freed on Sunday.\n\nRescuer"

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()
