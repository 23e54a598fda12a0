"""Pilot: a span's value typed with v is saved at a pause in the typing, as a form field is, with
the focus and the typing left where they are. A trial's value, saved only on enter or on leaving
it, was lost to a kill while the status said "● saved". A value the label does not take (yet) is
neither saved nor refused at a pause, as a field's half-typed date; the saves of one run of
typing are one ctrl+z."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of, wait_for
from test_annotate_value_and_focus import COUNT, value_input, values
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.form_panel import EventForm
from annotator.tui.span_detail import SpanDetail


def pause_of(app: AnnotatorApp, seconds: float) -> None:
    screen_of(app).query_one(SpanDetail).IDLE_SAVE_SECONDS = seconds


def test_the_pause_is_the_forms() -> None:
    assert SpanDetail.IDLE_SAVE_SECONDS == EventForm.IDLE_SAVE_SECONDS == 1.0


def test_a_pause_saves_the_value_typed_and_the_typing_goes_on(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *COUNT, "2", "v", *"24", "enter")  # s1 '146' = 24, saved
        lines = len(journal(session))
        pause_of(app, 0.2)
        await press(pilot, "v", "end", "backspace", "9")
        await wait_for(pilot, lambda: values(session) == [29])
        # Saved before any enter or leaving: the focus and the typing are where they were.
        assert len(journal(session)) == lines + 1
        assert value_input(app).has_focus and value_input(app).value == "29"
        await press(pilot, "5")
        await wait_for(pilot, lambda: values(session) == [295])
        assert value_input(app).value == "295"
        await press(pilot, "enter")
        assert screen_of(app).query_one(ArticleView).has_focus
        assert values(session) == [295] and len(journal(session)) == lines + 2

    drive(session, scenario)


def test_words_saved_at_a_pause_stay_as_typed(session: AnnotationSession) -> None:
    """The redraw after the save leaves the typing: "seven" did not turn into 7 under the
    person typing it."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *COUNT, "2")
        pause_of(app, 0.2)
        await press(pilot, "v", *"seven")
        await wait_for(pilot, lambda: values(session) == [7])
        await pilot.pause(0.3)
        assert value_input(app).has_focus and value_input(app).value == "seven"
        await press(pilot, "escape")
        assert values(session) == [7]
        assert value_input(app).value == "7"  # left: the value as saved

    drive(session, scenario)


def test_a_value_the_label_does_not_take_is_not_saved_nor_refused_at_a_pause(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *COUNT, "2", "v", *"24", "enter")
        lines = len(journal(session))
        told = notices_heard(app, monkeypatch)
        pause_of(app, 0.2)
        await press(pilot, "v", "end", "x")
        await pilot.pause(0.6)
        # As a form field's half-typed date: kept in focus, unmarked, nothing written or said.
        assert value_input(app).has_focus and value_input(app).value == "24x"
        assert not value_input(app).has_class("-invalid")
        assert len(journal(session)) == lines and values(session) == [24]
        assert told == []
        # Corrected, the next pause saves it.
        await press(pilot, "backspace", "5")
        await wait_for(pilot, lambda: values(session) == [245])
        # Left refused, it is said, and the saved value shown again (as before).
        await press(pilot, "x", "escape")
        assert told[-1] == "'245x' not saved: s1 keeps 245"
        assert value_input(app).value == "245"

    drive(session, scenario)


def test_one_ctrl_z_undoes_the_typing_saved_at_pauses(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *COUNT, "2", "v", *"24", "enter")
        told = notices_heard(app, monkeypatch)
        pause_of(app, 0.2)
        await press(pilot, "v", "end", "5")
        await wait_for(pilot, lambda: values(session) == [245])
        await press(pilot, "6")
        await wait_for(pilot, lambda: values(session) == [2456])
        # Typed on, its pause not come: one ctrl+z takes the run back, this typing with it.
        pause_of(app, 30.0)
        await press(pilot, "7", "ctrl+z")
        assert values(session) == [24]
        await wait_for(pilot, lambda: value_input(app).value == "24")
        assert value_input(app).has_focus
        assert told[-1] == "undid: value of s1 back to 24 (was 2456)"
        await press(pilot, "ctrl+z")  # the next undoes the 24 typed before
        assert values(session) == [146]

    drive(session, scenario)
