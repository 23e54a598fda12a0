"""Pilot at 80x24: a run of typing in one field, saved at each pause, is one undo step until the
field is left, as in editors: a trial's "3", a pause, "0" over a linked count took two ctrl+z to
give back the count and its link. Each pause still saves (a journal line each: crash-safe)."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm
from tests.test_session_data import session_on

TEXT = "date 2024-03-17 Kestria said 95 Norvanian soldiers were returned to Ulmaria.\n"
PATH = "releases[0].count"


def count_and_links(session_line: dict[str, object]) -> tuple[object, object]:
    form = session_line["form"]
    assert isinstance(form, dict)
    return form["releases"][0]["count"], session_line["links"]


def test_typing_saved_at_pauses_is_one_undo_step(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        start = TEXT.index("95")
        screen.change(session.label_selection, start, start + 2, "count")
        screen.change(session.add_group_item, "releases")
        await screen.update_form()
        await wait_for(pilot, lambda: any(w.name == PATH for w in screen.query(Input)))
        field = next(w for w in screen.query(Input) if w.name == PATH)
        field.focus()
        await press(pilot, "ctrl+l", "enter")
        linked = (95, {PATH: ["s1"]})
        assert count_and_links(journal(session)[-1]) == linked
        form = screen.query_one(EventForm)
        form.IDLE_SAVE_SECONDS = 0.2
        await press(pilot, "end", "backspace", "backspace", "3")
        await wait_for(pilot, lambda: count_and_links(journal(session)[-1]) == (3, {}))
        # "0" typed, its pause not come yet: one ctrl+z undoes "3" saved and "0" with it.
        form.IDLE_SAVE_SECONDS = 30.0
        await press(pilot, "0", "ctrl+z")
        assert count_and_links(journal(session)[-1]) == linked
        await wait_for(pilot, lambda: field.value == "95")
        assert app.focused is field
        shown = [" ".join(toast.split()) for toast in toasts(app)]
        assert "undid: releases #1 count back to '95' (was '3')" in shown
        # Both saved at their pauses: still one step, and two journal lines.
        form.IDLE_SAVE_SECONDS = 0.2
        await press(pilot, "end", "backspace", "backspace", "3")
        await wait_for(pilot, lambda: count_and_links(journal(session)[-1]) == (3, {}))
        await press(pilot, "0")
        await wait_for(pilot, lambda: count_and_links(journal(session)[-1]) == (30, {}))
        await press(pilot, "ctrl+z")
        assert count_and_links(journal(session)[-1]) == linked
        await wait_for(pilot, lambda: field.value == "95")
        counts = [count_and_links(line)[0] for line in journal(session)[-6:]]
        assert counts == [95, 3, 95, 3, 30, 95]
        await press(pilot, "ctrl+y")  # redo gives the run back whole
        assert count_and_links(journal(session)[-1]) == (30, {})

    try:
        drive(session, scenario, size=(80, 24), notifications=True)
    finally:
        session.close()
