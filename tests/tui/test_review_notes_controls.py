"""Pilot: an annotator's note holding a tab and an escape character, in the review's notes
line and its whole note (N): nothing raw reaches the terminal (an escape went to it as it
is), the line breaks of the note stay lines in the box."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotate_helpers import press, wait_for
from test_review_keys import NOW, drive
from test_review_notes import notes_line, rewrite_latest
from textual.widgets import Static

from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_notes import NotesScreen
from tests.test_review_data import CORPUS, FIRST, two_journals


def screen_rows(app: ReviewApp) -> list[str]:
    strips = app.screen._compositor.render_strips()  # the whole screen, as it is sent
    return ["".join(segment.text for segment in strip) for strip in strips]


def raw_controls(rows: list[str]) -> list[str]:
    return [row for row in rows if any(ord(c) < 0x20 or ord(c) == 0x7F for c in row)]


def test_a_notes_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    alice, bob = two_journals(tmp_path)
    rewrite_latest(alice, FIRST, {"note": "count\t146\nsee \x1b[2J page 2"})
    rewrite_latest(bob, FIRST, {"note": "date unclear"})
    opened = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        await wait_for(pilot, lambda: notes_line(app).display)
        assert str(notes_line(app).render()) == (
            "notes (alice, bob): alice: count 146 ⏎ see ␛[2J page 2 · bob: date unclear"
        )
        assert raw_controls(screen_rows(app)) == []
        await press(pilot, "N")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        whole = str(app.screen.query_one("#notes-text", Static).render())
        assert "alice: count\t146\n  see ␛[2J page 2\nbob: date unclear" in whole
        assert raw_controls(screen_rows(app)) == []

    try:
        drive(opened, scenario, (120, 36), notifications=True)
    finally:
        opened.close()
