"""Pilot: a count corrected with v after it filled a form field; the field follows it, the
message says so, and one ctrl+z undoes both (a trial's form kept the old count, unsaid)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = "date 2024-05-02 Ostreva said 187 soldiers had been returned.\n"
COUNT = TEXT.index("187")
TO_COUNT = ["ctrl+home", *["right"] * COUNT]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = session_on(tmp_path, TEXT)
    yield opened
    opened.close()


def test_v_on_a_count_that_filled_a_field_changes_the_field_and_says_so(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, *TO_COUNT, *["shift+right"] * 3, "2")
        await press(pilot, "o", "tab", "enter")  # add a release
        await wait_for(
            pilot, lambda: any(w.name == "releases[0].count" for w in screen.query(Input))
        )
        await press(pilot, "tab", "tab")
        focused = screen.focused
        assert isinstance(focused, Input) and focused.name == "releases[0].count"
        await press(pilot, "escape", *TO_COUNT, "o", "ctrl+l", "enter")
        assert journal(session)[-1]["form"]["releases"][0]["count"] == 187

        await press(pilot, "escape", *TO_COUNT, "v", *"190", "enter")
        line = journal(session)[-1]
        assert line["spans"][0]["value"] == 190
        assert line["form"]["releases"][0]["count"] == 190
        assert line["links"] == {"releases[0].count": ["s1"]}
        await wait_for(pilot, lambda: any("follows" in told for told in toasts(app)))
        assert "releases #1 count follows s1: 187 → 190" in toasts(app)

        await press(pilot, "ctrl+z")  # the value and the field, in one step
        line = journal(session)[-1]
        assert line["spans"][0]["value"] == 187
        assert line["form"]["releases"][0]["count"] == 187
        assert line["links"] == {"releases[0].count": ["s1"]}

    drive(session, scenario, notifications=True)
