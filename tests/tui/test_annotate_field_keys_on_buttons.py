"""Pilot: ctrl+l, ctrl+t, ctrl+n, ctrl+s and ctrl+o on an item's "remove" button say to move
to a field (ctrl+s and ctrl+o in the article too).

A reviewer's trial: ctrl+l on the first release's "remove" button closed the screen
("Refused: no form field '0'"): the button is named by the item's number, which was read as a
field's path; ctrl+n there said "0 has no links". An annotator's trial: ctrl+o and ctrl+s did
nothing there, silently."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_item_keys import REMOVES, SWAPS
from annotator.tui.app import AnnotatorApp


def test_field_keys_on_a_remove_button_say_where_they_work(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        screen = screen_of(app)
        await press(pilot, "o", "enter", "down", "down", "enter", "tab", "enter")
        await wait_for(
            pilot, lambda: any(w.name == "releases[0].released_by" for w in screen.query(Input))
        )
        for _ in range(8):  # the release's fields, then its remove button
            if isinstance(screen.focused, Button):
                break
            await press(pilot, "tab")
        remove = screen.focused
        assert isinstance(remove, Button) and remove.has_class("remove-item")
        before = journal(session)
        for key, what in (
            ("ctrl+l", "fills it from a span"),
            ("ctrl+t", "links a span to it, value kept"),
            ("ctrl+n", "unlinks the span at the cursor from it"),
            ("ctrl+s", SWAPS),
            ("ctrl+o", REMOVES),
        ):
            await press(pilot, key)
            assert told[-1] == f"move to a form field (o), then {key} {what}"
            assert app.is_running and app.screen is screen and screen.focused is remove
        assert journal(session) == before
        assert not any("0" in message.split()[:1] for message in told)
        await press(pilot, "shift+tab", "shift+tab", "shift+tab")  # the release's count
        assert screen.focused is not None and screen.focused.name == "releases[0].count"
        await press(pilot, "ctrl+s", "ctrl+o")
        assert told[-2:] == [  # in a field, the field says why not
            "releases #1 count has no other field of its label in its item to swap with",
            "releases #1 count is not a list: there is no item to remove",
        ]
        assert journal(session) == before
        # A count holding its number: ctrl+o closed the screen (the number read as a list).
        await press(pilot, *"95", "ctrl+o")
        assert told[-1] == "releases #1 count is not a list: there is no item to remove"
        assert app.is_running and journal(session)[-1]["form"]["releases"][0]["count"] == 95
        before = journal(session)
        # The event type is a field (a choice): it says why, not "move to a form field".
        screen.query_one(Select).focus()
        await press(pilot, "ctrl+s", "ctrl+o")
        assert told[-2:] == [
            "event_type is in no group's item: it has nothing to swap with",
            "event_type is not a list: there is no item to remove",
        ]
        # The note is none (o is typed there): tab is the way to one.
        screen.query_one("#note", Input).focus()
        for key, what in (
            ("ctrl+l", "fills it from a span"),
            ("ctrl+s", SWAPS),
            ("ctrl+o", REMOVES),
        ):
            await press(pilot, key)
            assert told[-1] == f"the note is no form field: tab to one, then {key} {what}"
        await press(pilot, "escape")
        assert screen.article.has_focus
        for key, what in (("ctrl+s", SWAPS), ("ctrl+o", REMOVES)):
            await press(pilot, key)
            assert told[-1] == f"move to a form field (o), then {key} {what}"
        assert journal(session) == before

    drive(session, scenario, notifications=True)
