"""Pilot, at 80x24 as a user trial of sample article 07: what is typed in a list field just
after ctrl+l took a span goes after the item taken, not into its words.

The trial took 'Jonas Birk' for a release's releasees with ctrl+l, and the keys typed next
went in front of it ('S-TabJonas Birk'): the cursor was at the start of the item added, where
the field shows it from. Taken in the middle of the list ('the two minors', between two
others in the text's order), ', ' and a name typed went into the item the same way, and its
link went."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = (
    "date 2024-01-14 Maro freed 31 Tenvari fishermen on Sunday. The two minors were released "
    "the same evening. Among those freed was Jonas Birk, the skipper.\n"
)
PATH = "releases[0].releasees"
NAMES = ("31 Tenvari fishermen", "two minors", "Jonas Birk")


def test_what_is_typed_after_ctrl_l_goes_after_the_item_taken(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        for words in NAMES:
            start = TEXT.index(words)
            screen.change(session.label_selection, start, start + len(words), "releasee")
        screen.change(session.add_group_item, "releases")
        await screen.update_form()
        await wait_for(pilot, lambda: any(w.name == PATH for w in screen.query(Input)))
        field = next(w for w in screen.query(Input) if w.name == PATH)
        field.focus()
        await pilot.pause()
        await press(pilot, "ctrl+l", *"31", "enter", "ctrl+l", *"jonas", "enter")
        await wait_for(pilot, lambda: "Jonas" in field.value)
        assert field.value == "31 Tenvari fishermen, Jonas Birk"
        assert field.cursor_position == len(field.value)  # after 'Jonas Birk'
        await press(pilot, "ctrl+l", *"minors", "enter")  # between the two, in text order
        await wait_for(pilot, lambda: "minors" in field.value)
        assert field.value == "31 Tenvari fishermen, two minors, Jonas Birk"
        assert field.cursor_position == field.value.index(", Jonas")
        await press(pilot, *", Ada Lind")
        await wait_for(pilot, lambda: "Ada" in field.value)
        assert field.value == "31 Tenvari fishermen, two minors, Ada Lind, Jonas Birk"
        await press(pilot, "enter")
        await wait_for(pilot, lambda: len(session.field_value(PATH) or []) == 4)
        assert session.field_value(PATH) == [
            "31 Tenvari fishermen",
            "two minors",
            "Ada Lind",
            "Jonas Birk",
        ]
        assert len(session.record.links[PATH]) == 3  # the span taken kept its link

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()
