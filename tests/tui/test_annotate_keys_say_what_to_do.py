"""Pilot: a key refused says what to do instead. ctrl+l on event_type, a choice, said "type its
value" (a list is opened, not typed in); a label key with nothing selected and no span at the
cursor said only "no span under the cursor"."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, notices_heard, press, screen_of
from textual.pilot import Pilot
from textual.widgets import Select

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def test_ctrl_l_on_a_choice_says_to_choose_its_value(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, "o")
        focused = screen_of(app).focused
        assert isinstance(focused, Select) and focused.name == "event_type"
        await press(pilot, "ctrl+l")
        assert told[-1] == (
            "event_type is not filled from spans; choose its value (space or enter opens the list)"
        )

    drive(session, scenario)


def test_a_label_key_with_nothing_at_the_cursor_says_to_select_words(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, "1")  # nothing selected, no span (in the guidelines: held back)
        assert told[-1] == (
            "no span under the cursor: select words first (shift+arrows or a mouse drag)"
        )
        assert session.record.spans == []

    drive(session, scenario)
