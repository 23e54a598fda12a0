"""Pilot: ctrl+z in the span's value input (`v`) with typing not saved yet gives the saved value
back and says so. It ran the session's undo instead: a change made before it was undone (the
release just added, in a trial's terminal), the redraw dropped the typing unsaid, and with
nothing before it the message read "nothing to undo" as the typing went."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, journal, notices_heard, press
from test_annotate_value_and_focus import COUNT, value_input, values
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def test_ctrl_z_in_the_value_gives_its_saved_value_back_and_says_so(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, *COUNT, "2", "v", *"24", "enter")  # s1 '146' = 24, saved
        await press(pilot, "v", *"31")
        assert value_input(app).value == "31"
        await press(pilot, "ctrl+z")
        assert value_input(app).value == "24"
        assert value_input(app).has_focus
        assert told[-1] == "undid: typing in s1's value, not saved; it holds 24 again"
        # The value saved before is kept: the session's undo did not run.
        assert values(session) == [24]
        assert session.record.spans[0].value == 24
        # Left as saved: nothing more is written.
        await press(pilot, "escape")
        assert len(journal(session)) == 2  # the label, then 24

    drive(session, scenario)


def test_ctrl_z_in_the_value_with_nothing_typed_undoes_the_change_before(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, *COUNT, "2", "v", *"24", "enter", "v")
        await press(pilot, "ctrl+z")
        assert told[-1].startswith("undid: ")
        assert "typing" not in told[-1]
        assert session.record.spans[0].value == 146

    drive(session, scenario)
