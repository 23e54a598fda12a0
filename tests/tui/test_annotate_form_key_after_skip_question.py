"""Pilot: o goes to the form's field it would have gone to had s not asked why. s puts the
focus in the note to ask for a reason; a trial's escape from that question, then o, went to
the note, where a first o goes to the first field (event_type), and a person's event type
went into the note. The note is o's field once the person goes to it (tab, or o there)."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Input, Select

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def focused_field(app: AnnotatorApp) -> str | None:
    focused = app.focused
    if isinstance(focused, Input | Select):
        return focused.name or focused.id
    return None


@pytest.mark.parametrize("leaving", ["escape", "ctrl+z"])
def test_o_after_the_skip_question_goes_to_the_first_field(
    session: AnnotationSession, leaving: str
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "o")
        await wait_for(pilot, lambda: focused_field(app) is not None)
        first = focused_field(app)
        assert first == "event_type"
        await press(pilot, "escape", "s")
        await wait_for(pilot, lambda: focused_field(app) == "note")
        await press(pilot, leaving)
        await wait_for(pilot, lambda: screen_of(app).article.has_focus)
        await press(pilot, "o")
        await wait_for(pilot, lambda: focused_field(app) is not None)
        assert focused_field(app) == first

    drive(session, scenario, notifications=True)


def test_o_after_the_skip_question_goes_back_to_the_field_left(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "o", "tab", "enter")  # + add: the focus in the new item's first field
        await wait_for(pilot, lambda: focused_field(app) not in (None, "event_type"))
        assert focused_field(app) == "releases[0].released_by"
        left = focused_field(app)
        await press(pilot, "escape", "s")
        await wait_for(pilot, lambda: focused_field(app) == "note")
        await press(pilot, "escape", "o")
        await wait_for(pilot, lambda: focused_field(app) is not None)
        assert focused_field(app) == left

    drive(session, scenario, notifications=True)


def test_o_comes_back_to_the_note_a_person_went_to(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "s")
        await wait_for(pilot, lambda: focused_field(app) == "note")
        # From the note the question asked in, on to the field after it and back: the note
        # is now the person's own field.
        await press(pilot, "shift+tab", "tab")
        await wait_for(pilot, lambda: focused_field(app) == "note")
        await press(pilot, "escape", "o")
        await wait_for(pilot, lambda: focused_field(app) is not None)
        assert focused_field(app) == "note"

    drive(session, scenario, notifications=True)
