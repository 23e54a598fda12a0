"""Pilot: a count or date span whose words are not read ("trois", "14 mars") shows under its
empty value why it has none, as labelling said it (value_unread); a trial's panel showed an
empty value and no word. A value typed for it takes the line away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, journal, press, screen_of
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import fixed_now

TEXT = "date 2025-03-16 Le 14 mars, trois prisonniers sont partis.\n"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    opened = open_session(folder, "alice", None, tmp_path / "out", now=fixed_now)
    yield opened
    opened.close()


def value_line(app: AnnotatorApp) -> str | None:
    """The line under the value, None when it is not shown."""
    line = screen_of(app).query_one("#value-counted", Static)
    return " ".join(str(line.render()).split()) if line.display else None


def test_the_panel_says_why_words_not_read_have_no_value(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "slash", *"14", "enter", *["shift+right"] * 7, "3")  # date
        assert [(s["text"], s["value"]) for s in journal(session)[-1]["spans"]] == [
            ("14 mars", None)
        ]
        assert value_line(app) == (
            "no value: 'mars' is not read in a date (dates are read in digits and English "
            "words: 14 March 2025, last Sunday)"
        )
        await press(pilot, "slash", *"trois", "enter", "2")  # count
        assert journal(session)[-1]["spans"][-1]["value"] is None
        assert value_line(app) == (
            "no value: no number read in its words (counts are read in digits and English "
            "words: 146, forty-one)"
        )
        await press(pilot, "v", "3", "enter")  # typed by the annotator, who reads French
        assert journal(session)[-1]["spans"][-1]["value"] == 3
        assert value_line(app) is None

    drive(session, scenario)
