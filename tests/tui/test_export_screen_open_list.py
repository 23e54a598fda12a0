"""Pilot at 80x24 and 60x24: the export dialog's open format list covers the body's width in a
frame of its own, an option to a row, none of the dialog's words beside or under it (a trial
read "same as  ahf", "--format jlabels.json": hf's description broken over two rows and the
command's words run into the options). Letters go to an option on the closed choice too: a
trial's b there did nothing and said nothing."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, press, said_in_box
from test_export_screen import screen_of, session
from textual.pilot import Pilot
from textual.widgets import OptionList, Select

from annotator.core.formats import EXPORT_FORMATS
from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

__all__ = ["session"]  # the fixture, shared with test_export_screen


def screen_rows(app: AnnotatorApp) -> list[str]:
    strips = app.screen._compositor.render_strips()  # the whole screen, as it is sent
    return ["".join(segment.text for segment in strip) for strip in strips]


@pytest.mark.parametrize("width", [80, 60])
def test_the_open_format_list_covers_the_body_an_option_to_a_row(
    session: AnnotationSession, width: int
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        choice = screen.query_one("#export-format", Select)
        await press(pilot, "enter")
        assert choice.expanded
        listed = choice.query_one("SelectOverlay", OptionList)
        body = screen.query_one("#export-body").region
        shown = listed.region
        # Under the choice's row, from the body's left edge (over the names) to its right.
        assert (shown.x, shown.right, shown.y) == (body.x, body.right, choice.region.bottom)
        # A row to each option, between the frame's top and bottom rows.
        assert shown.height == len(EXPORT_FORMATS) + 2
        rows = screen_rows(app)[shown.y : shown.bottom]
        inside = [row[shown.x : shown.right] for row in rows]
        assert inside[0].startswith("╭─") and inside[-1].startswith("╰─")
        names = [row[2:].split(" ", 1)[0] for row in inside[1:-1]]
        assert names == list(EXPORT_FORMATS)  # each option's name at the start of its row
        # Nothing of the dialog between its frame and the list's: only the box's padding.
        assert {row[shown.x - 1] for row in rows} == {" "}
        hf = inside[1 + EXPORT_FORMATS.index("hf")]
        if width == 80:  # its whole description fits
            assert hf.rstrip(" │").endswith("JSONL rows + labels.json")
        else:  # cut, on its own row
            assert hf.rstrip(" │").endswith("…") and "labels.json" not in "".join(inside)

    async def at_size(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await pilot.resize_terminal(width, 24)
        await scenario(pilot, app)

    drive(session, at_size)


def test_letters_choose_on_the_closed_format_choice_and_in_the_open_list(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await pilot.resize_terminal(80, 24)
        await press(pilot, "e")
        screen = screen_of(app)
        choice = screen.query_one("#export-format", Select)
        listed = choice.query_one("SelectOverlay", OptionList)
        assert app.focused is choice and not choice.expanded
        # Closed: b opens the list at brat, as an arrow opens it; nothing is chosen yet.
        await press(pilot, "b")
        assert choice.expanded and listed.highlighted == EXPORT_FORMATS.index("brat")
        assert choice.value == "jsonl"
        await press(pilot, "enter")
        assert (choice.value, choice.expanded) == ("brat", False)
        # Open: the highlight goes to the option the letters begin (h: hf, not "Hugging"'s
        # place in another option's words).
        await press(pilot, "enter", "h")
        assert listed.highlighted == EXPORT_FORMATS.index("hf")
        await press(pilot, "enter")
        assert choice.value == "hf"
        # A letter no format begins with is said, in the dialog, and chooses nothing.
        await press(pilot, "z")
        assert (choice.value, choice.expanded) == ("hf", False)
        assert "no format begins with 'z' (enter lists them)" in said_in_box(screen)

    drive(session, scenario, notifications=True)
