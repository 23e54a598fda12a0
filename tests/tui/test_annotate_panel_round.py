"""Pilot: tab and shift+tab in the panel go round the event form's fields only, and a letter
typed anywhere in the panel is typed into a field or dropped, never run as a key.

A trial's tab stopped on the span list and on the form's frame: "talks " was dropped there and
the "o" jumped back into the note, which was saved as "nly, no release…"."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Select

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm
from annotator.tui.span_list import SpanList


def is_field(app: AnnotatorApp, widget: Widget | None) -> bool:
    form = screen_of(app).query_one(EventForm)
    return isinstance(widget, Input | Select | Button) and form in widget.ancestors


def test_tab_goes_round_the_fields_only_and_a_note_keeps_every_letter(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        note = screen.query_one("#note", Input)
        # "146" (43..46) labelled count: the panel lists a span and shows its value's input.
        await press(pilot, *["right"] * 43, *["shift+right"] * 3, "2", "left")
        await press(pilot, "o")
        assert is_field(app, screen.focused)
        seen = []
        for _ in range(8):  # round the form twice: event type, + add, note
            await press(pilot, "tab")
            assert is_field(app, screen.focused), screen.focused
            seen.append(screen.focused)
        assert note in seen and len(set(seen)) == 3
        for _ in range(8):
            await press(pilot, "shift+tab")
            assert is_field(app, screen.focused), screen.focused

        # In the note: typed, a tab round the form and back, then typed on.
        while screen.focused is not note:
            await press(pilot, "tab")
        await press(pilot, *"talks o")
        await press(pilot, "tab", "tab", "tab")
        assert screen.focused is note
        # Back in the note its text is selected (Textual's Input): end, then typed on.
        await press(pilot, "end", *"nly, no release")
        await press(pilot, "enter")
        assert note.value == "talks only, no release"
        assert journal(session)[-1]["note"] == "talks only, no release"

    drive(session, scenario)


def test_from_the_span_value_tab_goes_to_the_form_not_a_frame(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, *["right"] * 43, *["shift+right"] * 3, "2", "left", "v")
        assert screen.focused is screen.query_one("#span-value", Input)
        await press(pilot, "tab")
        assert screen.focused is screen.query_one(Select)  # the event type, the first field
        await press(pilot, "escape", "v", "shift+tab")
        assert screen.focused is screen.query_one("#note", Input)  # the last field

    drive(session, scenario)


def test_letters_on_the_span_list_or_the_form_frame_are_never_keys(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, *["right"] * 43, *["shift+right"] * 3, "2", "left")
        before = journal(session)
        # A click can still put the focus on the list or the frame: letters stop there.
        for frame in (screen.query_one(SpanList), screen.query_one(EventForm)):
            frame.focus()
            await press(pilot, "o", "v", "x", "d", "2", "f", "n")
            assert screen.focused is frame
            assert journal(session) == before
            assert session.document.id == "a"

    drive(session, scenario)


def test_typing_after_tabbing_into_the_note_adds_to_it(session: AnnotationSession) -> None:
    """Textual selects an input's text when it gets the focus: a word typed after a tab into
    the note replaced every sentence in it."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        note = screen_of(app).query_one("#note", Input)
        note.focus()
        await press(pilot, *"figures disputed", "tab", "shift+tab", *", see p. 3", "enter")
        assert note.value == "figures disputed, see p. 3"

    drive(session, scenario)
    assert journal(session)[-1]["note"] == "figures disputed, see p. 3"


def test_tabbing_into_a_filled_field_selects_nothing(session: AnnotationSession) -> None:
    """A trial typing fast replaced a linked name with one key after a tab: Textual selects
    an input's text when it gets the focus."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        index = screen.change(session.add_group_item, "releases")
        screen.change(session.set_field, f"releases[{index}].released_by", "Norvania")
        await screen.update_form()
        field = next(
            widget
            for widget in screen.query(Input)
            if widget.name == f"releases[{index}].released_by"
        )
        field.focus()
        await pilot.pause()
        assert field.selection.is_empty and field.cursor_position == len("Norvania")

    drive(session, scenario)
