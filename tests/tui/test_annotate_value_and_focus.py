"""Pilot: the span's value and the current span, as a user trial found them.

Enter in the value saves it and gives the keys back to the article; a refused value is shown
as refused, then replaced by the saved one. The current span is the one a selection covers
exactly, or the one just labelled, even with the cursor at its end inside a longer span.
"""

from __future__ import annotations

import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView

# Document "a": "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"
RUSSIA = ["right"] * 16 + ["shift+right"] * 6
COUNT = ["right"] * 43 + ["shift+right"] * 3  # "146"


def detail(app: AnnotatorApp) -> str:
    return str(screen_of(app).query_one("#span-info", Static).render())


def value_input(app: AnnotatorApp) -> Input:
    return screen_of(app).query_one("#span-value", Input)


def values(session: AnnotationSession) -> list[object]:
    return [span["value"] for span in journal(session)[-1]["spans"]]


def test_enter_in_the_value_saves_it_and_returns_to_the_article(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, *COUNT, "2", "v")
        assert value_input(app).has_focus
        # The value is selected on focus: typing replaces it.
        await press(pilot, *"24", "enter")
        assert values(session) == [24]
        assert screen.query_one(ArticleView).has_focus
        # The next keys are the article's: o goes to the form, not into the value.
        await press(pilot, "o")
        assert isinstance(screen.focused, Select) and screen.focused.name == "event_type"
        assert value_input(app).value == "24"
        assert values(session) == [24]

    drive(session, scenario)


def test_a_refused_value_is_replaced_by_the_saved_one_on_leaving(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, *COUNT, "2", "v", *"24", "enter")
        lines = len(journal(session))
        # "d" typed into a count's value, then escape: refused, and the panel shows 24 again.
        await press(pilot, "v", "d", "escape")
        assert told[-2:] == [
            "s1 (count): expected a whole number like 146 or seven, got 'd'",
            "'d' not saved: s1 keeps 24",  # a trial read the refusal as saved
        ]
        assert value_input(app).value == "24"
        assert not value_input(app).has_class("-invalid")
        assert screen_of(app).query_one(ArticleView).has_focus
        assert len(journal(session)) == lines and values(session) == [24]

    drive(session, scenario)


def test_a_refused_value_stays_to_be_corrected_after_enter(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, *COUNT, "2", "v", *"2O", "enter")
        assert "expected a whole number" in told[-1]
        # Still in the value, marked, with what was typed: fix it and enter again.
        assert value_input(app).has_focus and value_input(app).has_class("-invalid")
        assert value_input(app).value == "2O"
        # The footer, which hides the letter keys while an input has the focus, says the way out.
        shown = screen_of(app).active_bindings["escape"].binding
        assert (shown.description, shown.show) == ("Back to article", True)
        await press(pilot, "backspace", "0", "enter")
        assert values(session) == [20]
        assert screen_of(app).query_one(ArticleView).has_focus

    drive(session, scenario)


def test_the_span_just_labelled_inside_another_is_current(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        # "146 prisoners" is a releasee; search selects its "146", and 2 labels it a count.
        await press(pilot, *["right"] * 43, *["shift+right"] * 13, "4")
        await press(pilot, "slash", *"146", "enter")
        assert screen_of(app).query_one(ArticleView).selection_offsets() == (43, 46)
        await press(pilot, "2")
        labels = {s["id"]: s["label"] for s in journal(session)[-1]["spans"]}
        assert labels == {"s1": "releasee", "s2": "count"}
        assert detail(app).startswith("s2 count 43–46 '146'")
        assert "around: s1 releasee '146 prisoners'" in detail(app)
        # v fills the new count's value, not the releasee's.
        await press(pilot, "v")
        assert value_input(app).has_focus and value_input(app).value == "146"
        await press(pilot, *"150", "enter")
        assert {s["id"]: s["value"] for s in journal(session)[-1]["spans"]} == {
            "s1": None,
            "s2": 150,
        }

    drive(session, scenario)


def test_a_search_that_selects_a_span_exactly_makes_it_current(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, *RUSSIA, "1", "ctrl+home", *COUNT, "2", "ctrl+home")
        assert detail(app) == "no span at the cursor"
        await press(pilot, "slash", *"Russia", "enter")
        assert detail(app).startswith("s1 actor 16–22")
        await press(pilot, "v")
        assert told[-1] == "s1 is labelled actor, a label without a value"
        # The count, selected by search, takes v at once.
        await press(pilot, "slash", *"146", "enter", "v")
        assert detail(app).startswith("s2 count 43–46")
        assert value_input(app).has_focus

    drive(session, scenario)


def toasts(app: AnnotatorApp) -> list[str]:
    # Toasts are looked up by their CSS type name: their class is not public.
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def test_a_hint_goes_once_its_key_acts(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        app.clear_notifications()  # the Welcome
        await press(pilot, "v")  # the cursor is on no span
        assert any("no span at the cursor" in toast for toast in toasts(app))
        await press(pilot, *COUNT, "2", "v")
        assert value_input(app).has_focus
        assert toasts(app) == []

    drive(session, scenario, notifications=True)


def test_a_hint_stays_while_its_key_still_cannot_act(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        app.clear_notifications()
        await press(pilot, "v", "right", "v")
        shown = toasts(app)
        assert shown and all("no span at the cursor" in toast for toast in shown)

    drive(session, scenario, notifications=True)
