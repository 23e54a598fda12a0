"""Pilot: typing into a field filled from a span says at the first keystroke that saving it
unlinks the span (a trial's "d", meant as done while the focus was in the form, replaced a
linked name; the notice came at the save a second later, and faded unseen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = "date 2024-03-17 Kestria said 95 Norvanian soldiers were returned to Ulmaria.\n"
PATH = "releases[0].released_by"


def test_the_first_keystroke_over_a_linked_value_says_it_will_be_unlinked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        start = TEXT.index("Kestria")
        screen.change(session.label_selection, start, start + len("Kestria"), "actor")
        screen.change(session.add_group_item, "releases")
        await screen.update_form()
        await wait_for(pilot, lambda: any(w.name == PATH for w in screen.query(Input)))
        field = next(w for w in screen.query(Input) if w.name == PATH)
        field.focus()
        await press(pilot, "ctrl+l", "enter")
        assert field.value == "Kestria"
        told = notices_heard(app, monkeypatch)
        await press(pilot, "d")
        assert [line for line in told if "typing over Kestria from s1" in line]
        assert journal(session)[-1]["links"] == {PATH: ["s1"]}  # not saved yet: still linked
        await press(pilot, "o")
        assert len([line for line in told if "typing over" in line]) == 1  # said once

    try:
        drive(session, scenario, size=(100, 30))
    finally:
        session.close()


def test_the_notice_shows_a_value_with_brackets_as_typed(tmp_path: Path) -> None:
    """Typing over "Ilse [Ringo] Tamm" said "typing over … Ilse  Tamm": the notice was read as
    markup, and "[Ringo]" taken for a tag."""
    text = "date 2024-12-08 The poet Ilse [Ringo] Tamm was freed.\n"
    session = session_on(tmp_path, text)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        start = text.index("Ilse [Ringo] Tamm")
        screen.change(session.label_selection, start, start + len("Ilse [Ringo] Tamm"), "actor")
        screen.change(session.add_group_item, "releases")
        await screen.update_form()
        await wait_for(pilot, lambda: any(w.name == PATH for w in screen.query(Input)))
        field = next(w for w in screen.query(Input) if w.name == PATH)
        field.focus()
        await press(pilot, "ctrl+l", "enter", "x")
        await wait_for(pilot, lambda: any("typing over" in toast for toast in toasts(app)))
        said = next(toast for toast in toasts(app) if "typing over" in toast)
        assert "Ilse [Ringo] Tamm from s1" in said.replace("\n", " ")

    try:
        drive(session, scenario, size=(100, 30), notifications=True)
    finally:
        session.close()
