"""Pilot: ctrl+l's list shows each span on one line, the words around it cut with "…" at the
list's edge. Wrapped, each took two rows at 80x24, the second a stray piece of a word
("Ulmar…"), and half as many spans were seen."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive
from test_annotate_span_pick_tab import TEXT, a_release_to_fill, keys, list_of
from textual.pilot import Pilot
from textual.widgets import OptionList

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on


def test_each_span_of_the_list_is_one_line_at_80_columns(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_to_fill(pilot, app, session)
        await keys(pilot, app, "ctrl+l", then="Fill releases #1 released_by")
        options = list_of(app).query_one(OptionList)
        await pilot.pause()
        assert options.option_count == 2
        assert options.virtual_size.height == options.option_count

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()
