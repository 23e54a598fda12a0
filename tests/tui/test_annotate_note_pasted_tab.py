"""Pilot: a tab pasted into the note shows as ␉ at once, as the note shows once opened again
(``note_parts.one_line``), and is saved as a tab. A trial's paste of ``src:<tab>AP`` and a second
line showed spaces until the article was opened again."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, wait_for
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets.input import Selection

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


async def in_the_note(pilot: Pilot[None], app: AnnotatorApp) -> Input:
    await press(pilot, "o", "shift+tab")  # the form's last field: the note
    note = screen_of(app).query_one("#note", Input)
    assert note.has_focus
    return note


def test_a_tab_pasted_into_the_note_shows_as_its_picture_and_is_saved_a_tab(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        note = await in_the_note(pilot, app)
        app.post_message(events.Paste("src:\tAP\nsecond line"))
        await wait_for(pilot, lambda: note.value != "")
        assert note.value == "src:\u2409AP second line"
        assert note.cursor_position == len(note.value)
        await press(pilot, "escape")  # leaving it saves it
        await wait_for(pilot, lambda: bool(journal(session)))
        assert journal(session)[-1]["note"] == "src:\tAP second line"
        # Opened again, it shows as it did.
        await press(pilot, "n", "p")
        assert screen_of(app).query_one("#note", Input).value == "src:\u2409AP second line"

    drive(session, scenario, size=(80, 24))


def test_a_paste_over_a_selection_in_the_note_replaces_it_shown_alike(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        note = await in_the_note(pilot, app)
        await press(pilot, *"src: XX here")
        note.selection = Selection(5, 7)  # "XX"
        app.post_message(events.Paste("A\tP\n"))  # one line, its line break no text
        await wait_for(pilot, lambda: "XX" not in note.value)
        assert note.value == "src: A\u2409P here"
        await press(pilot, "escape")
        await wait_for(pilot, lambda: bool(journal(session)))
        assert journal(session)[-1]["note"] == "src: A\tP here"

    drive(session, scenario, size=(80, 24))
