"""Pilot at 80x24: ctrl+l's list says below it which span is highlighted, with its value, its
offsets and more of the words around it than a row holds (the README said so; at 80x24
nothing was there, and each row is cut at the list's edge)."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press
from test_annotate_span_pick_tab import TEXT, a_release_to_fill, keys, list_of
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on


def said_below(app: AnnotatorApp) -> Static:
    return list_of(app).query_one("#pick-said", Static)


def test_the_highlighted_span_is_said_below_the_list(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_to_fill(pilot, app, session)
        await keys(pilot, app, "ctrl+l", then="Fill releases #1 released_by")
        await pilot.pause()
        options = list_of(app).query_one(OptionList)
        line = said_below(app)
        assert str(line.render()) == (
            "highlighted: s1 'Ostreva' at 11–18: 2024-03-17 Ostreva handed 95 Norvanian "
            "servicemen to Kestria on…"
        )
        # Seen: below the list, inside the screen.
        assert line.region.height >= 2 and line.region.y >= options.region.bottom
        assert line.region.bottom <= 24 - 1  # above the footer
        await press(pilot, "down")
        assert str(line.render()).startswith("highlighted: s2 'Kestria' at 53–60: ")
        await press(pilot, "z", "z")
        assert str(line.render()) == "no span matches the filter"

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()
