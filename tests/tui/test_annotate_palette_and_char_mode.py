"""Pilot: the palette offers nothing that is wrong on the annotation screen (Textual's "Focus
Next: tab", where tab is the next span; its ctrl+c, where it copies the article's words), and
c says what character mode does."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, notices_heard, press
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def test_the_palette_leaves_out_the_focus_keys_tab_means_the_next_span(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert "Focus Next" not in commands and "Focus Previous" not in commands
        assert commands["Next span"] == "key: tab"
        # Textual's ctrl+c copies a mouse selection of the screen; the article's its words.
        assert "Copy selected text" not in commands
        assert commands["Copy the selected words"] == "key: ctrl+c"

    drive(session, scenario)


def test_character_mode_says_a_character_is_never_split(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, "c")
        assert told[-1] == (
            "character mode: selections are kept as made, never splitting a character "
            "(an emoji with its modifiers is one)"
        )

    drive(session, scenario)
