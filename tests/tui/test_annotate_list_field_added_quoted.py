"""Pilot: ctrl+l shows a list field from the item it added, the cursor after that item, also
when an item before it is shown quoted.

Items 'Sergeant Pavel Ostrovin' and '41' beside a linked span of their words joined are shown
with the first quoted (``list_text.shown_list``, given the field's known items), 2 characters
more than the items' own text: the cursor went 2 characters short of the added item
(``list_links.added_item_start`` did not know the known items). The item's end is found the
same way (``added_item_place``)."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

NAME = "Sergeant Pavel Ostrovin, 41"
TEXT = f"date 2024-12-08 The Front freed {NAME}, and Zoë N'Diaye on Sunday.\n"
PATH = "releases[0].releasees"


def test_the_cursor_goes_to_the_item_added_after_a_quoted_one(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        for words in (NAME, "Zoë N'Diaye"):
            start = TEXT.index(words)
            screen.change(session.label_selection, start, start + len(words), "releasee")
        span = next(span for span in session.record.spans if span.start == TEXT.index(NAME))
        screen.change(session.add_group_item, "releases")
        screen.change(session.set_field, PATH, '"Sergeant Pavel Ostrovin", 41')
        screen.change(session.link_span, PATH, span.id)
        await screen.update_form()
        await wait_for(pilot, lambda: any(w.name == PATH for w in screen.query(Input)))
        field = next(w for w in screen.query(Input) if w.name == PATH)
        field.focus()
        await pilot.pause()
        await press(pilot, "ctrl+l", *"zo", "enter")
        await wait_for(pilot, lambda: "Zoë" in field.value)
        assert session.field_value(PATH) == ["Sergeant Pavel Ostrovin", "41", "Zoë N'Diaye"]
        assert field.value == '"Sergeant Pavel Ostrovin", 41, Zoë N\'Diaye'
        assert field.has_focus
        assert field.cursor_position == len(field.value)  # after the item added
        await pilot.pause()
        assert field.scroll_x <= field.value.index("Zoë")  # the item added in sight

    try:
        drive(session, scenario, size=(120, 36))
    finally:
        session.close()
