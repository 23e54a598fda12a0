"""Pilot: -5 typed into a release's count (the default scheme's count has min = 0) is refused as
a count that is no number is: said in a notice, the input marked, the journal keeping its
count. It was saved, and passed validate, agree and review."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, journal, notices_heard, press, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm

PATH = "releases[0].count"


def count_input(app: AnnotatorApp) -> Input:
    form = app.screen.query_one("#form", EventForm)
    return next(widget for widget in form.query(Input) if widget.name == PATH)


def test_a_count_typed_below_min_is_refused_and_not_saved(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.open("a")
    session.add_group_item("releases")
    session.set_field(PATH, "146")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        count = count_input(app)
        count.focus()
        await press(pilot, "end", *["backspace"] * 3, *"-5", "enter")
        await wait_for(pilot, lambda: count.has_class("-invalid"))
        # Said as "1x" is ("expected a whole number like 146 or seven, got '1x'").
        assert told[-1] == "-5 is less than the scheme's min = 0"
        assert count.value == "-5"  # still there, to be corrected
        assert journal(session)[-1]["form"]["releases"][0]["count"] == 146
        # Corrected to 0, the least the scheme takes: saved.
        await press(pilot, "end", "backspace", "backspace", "0", "enter")
        await wait_for(pilot, lambda: journal(session)[-1]["form"]["releases"][0]["count"] == 0)
        assert not count.has_class("-invalid")

    drive(session, scenario)


# Document "a": "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"
COUNT = ["right"] * 43 + ["shift+right"] * 3  # "146"


def test_a_count_spans_value_typed_below_min_is_refused(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, *COUNT, "2", "v")  # labelled a count: 146
        value = app.screen.query_one("#span-value", Input)
        await press(pilot, *"-5", "enter")  # typed over the 146 selected
        await wait_for(pilot, lambda: value.has_class("-invalid"))
        assert told[-1] == "s1 (count): -5 is less than the scheme's min = 0"
        assert [span["value"] for span in journal(session)[-1]["spans"]] == [146]

    drive(session, scenario)
