"""Pilot: the span panel says under a date's value where it was counted from ("counted 2 days
after 2023-08-06 (s1)"), worked out again from the record; a value typed over it is not
explained."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, journal, press, screen_of
from textual.pilot import Pilot
from textual.widgets import Input, Static

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import fixed_now

TEXT = "date 2023-08-20 Taken on 6 August 2023; two days later, freed.\n"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    opened = open_session(folder, "alice", None, tmp_path / "out", now=fixed_now)
    yield opened
    opened.close()


def counted_line(app: AnnotatorApp) -> str | None:
    """The line under the value, None when it is not shown."""
    line = screen_of(app).query_one("#value-counted", Static)
    return str(line.render()) if line.display else None


def test_the_panel_says_where_a_counted_date_came_from(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "slash", "6", "enter", *["shift+right"] * 12, "3")
        assert [(s["text"], s["value"]) for s in journal(session)[-1]["spans"]] == [
            ("6 August 2023", "2023-08-06")
        ]
        assert counted_line(app) is None  # read from its own words
        await press(pilot, "slash", *"two", "enter", *["shift+right"] * 11, "3")
        assert journal(session)[-1]["spans"][-1]["value"] == "2023-08-08"
        assert counted_line(app) == "counted 2 days after 2023-08-06 (s1)"
        # Another value typed: no longer the count, not explained.
        await press(pilot, "v", *"2023-08-10", "enter")
        assert journal(session)[-1]["spans"][-1]["value"] == "2023-08-10"
        assert screen_of(app).query_one("#span-value", Input).value == "2023-08-10"
        assert counted_line(app) is None
        # ctrl+z gives the counted value back, and its explanation.
        await press(pilot, "ctrl+z")
        assert journal(session)[-1]["spans"][-1]["value"] == "2023-08-08"
        assert counted_line(app) == "counted 2 days after 2023-08-06 (s1)"

    drive(session, scenario)
