"""Pilot, at 80x24 as the trial: a list field without the focus shows the start of its text.

A trial reported releasees showing ``Femi Abara-Lindholm, Ilse [Rin``, the first item out of
view, once the form was shown after filling. ctrl+l shows the item it added (in text order,
here the middle of the list) while the field has the focus; leaving it (tab in the list, or
escape to the article) must show the start again (``SessionView.on_descendant_blur``, then
``EventForm.show``). This passed before it was written: it guards those paths."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = (
    "date 2024-12-08 Kaldera released 303 people. Among them was a student leader, Femi "
    "Abara-Lindholm, and the poet Ilse [Ringo] Tamm, who signs her work so.\n"
)
PATH = "releases[0].releasees"


def test_a_list_field_left_shows_its_start(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        for words in ("303 people", "Femi Abara-Lindholm", "Ilse [Ringo] Tamm"):
            start = TEXT.index(words)
            screen.change(session.label_selection, start, start + len(words), "releasee")
        screen.change(session.add_group_item, "releases")
        await screen.update_form()
        await wait_for(pilot, lambda: any(w.name == PATH for w in screen.query(Input)))
        field = next(w for w in screen.query(Input) if w.name == PATH)
        field.focus()
        await press(pilot, "ctrl+l", *"303", "enter", "ctrl+l", *"ilse", "enter")
        await press(pilot, "ctrl+l", *"femi", "tab")  # the middle item, on to the next field
        assert field.value == "303 people, Femi Abara-Lindholm, Ilse [Ringo] Tamm"
        await wait_for(pilot, lambda: not field.has_focus)
        await pilot.pause()
        assert field.scroll_x == 0 and field.cursor_position == 0  # "303 people, …" shows
        await press(pilot, "shift+tab", "ctrl+l", "escape", "escape")  # in it; to the article
        await wait_for(pilot, lambda: not field.has_focus)
        await pilot.pause()
        assert field.scroll_x == 0 and field.cursor_position == 0

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()
