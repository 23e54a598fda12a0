"""Pilot: ctrl+z after a date corrected with v says what the undo did, in the direction it
went (a trial read "undid: value of s6 2024-03-17 → 2024-03-16" with the value back at
2024-03-17); ctrl+y keeps its forward arrows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = "date 2024-03-17 Ostreva said 187 soldiers were returned on Sunday.\n"
SUNDAY = TEXT.index("Sunday")
TO_SUNDAY = ["ctrl+home", *["right"] * SUNDAY]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = session_on(tmp_path, TEXT)
    yield opened
    opened.close()


def test_ctrl_z_after_v_on_a_date_says_the_value_went_back(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, pytest.MonkeyPatch())
        screen = screen_of(app)
        await press(pilot, *TO_SUNDAY, *["shift+right"] * 6, "3")  # "Sunday": 2024-03-17
        await press(pilot, "o", "tab", "enter")  # add a release
        await wait_for(
            pilot, lambda: any(w.name == "releases[0].date" for w in screen.query(Input))
        )
        for _ in range(8):  # down the new release to its date
            if getattr(screen.focused, "name", None) == "releases[0].date":
                break
            await press(pilot, "tab")
        assert getattr(screen.focused, "name", None) == "releases[0].date"
        await press(pilot, "escape", *TO_SUNDAY, "o", "ctrl+l", "enter")
        line = journal(session)[-1]
        assert line["spans"][0]["value"] == "2024-03-17"
        assert line["form"]["releases"][0]["date"] == "2024-03-17"

        await press(pilot, "escape", *TO_SUNDAY, "v", *"2024-03-16", "enter")
        line = journal(session)[-1]
        assert line["spans"][0]["value"] == "2024-03-16"
        assert line["form"]["releases"][0]["date"] == "2024-03-16"

        await press(pilot, "ctrl+z")
        assert told[-1] == (
            "undid: value of s1 back to 2024-03-17 (was 2024-03-16); "
            "releases #1 date back to '2024-03-17' (was '2024-03-16')"
        )
        line = journal(session)[-1]
        assert line["spans"][0]["value"] == "2024-03-17"
        assert line["form"]["releases"][0]["date"] == "2024-03-17"
        assert line["links"] == {"releases[0].date": ["s1"]}

        await press(pilot, "ctrl+y")
        assert told[-1] == (
            "redid: value of s1 2024-03-17 → 2024-03-16; "
            "releases #1 date '2024-03-17' → '2024-03-16'"
        )
        assert journal(session)[-1]["spans"][0]["value"] == "2024-03-16"

    drive(session, scenario)
