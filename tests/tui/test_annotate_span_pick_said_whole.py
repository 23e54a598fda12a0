"""Pilot at 80x24: the line below ctrl+l's list says the highlighted span in full, wrapped, however
long (README: "the highlighted span is said in full"). A trial's read "highlighted: s6 'a
delegation from the Essa… Conference'", rows to spare below it."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, screen_of, wait_for
from test_annotate_span_pick_said import said_below
from test_annotate_span_pick_tab import field, keys
from textual.pilot import Pilot

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

GIVER = "a delegation from the Essaria Journalists' Union Conference"
TEXT = f"2024-03-17 The hostages were handed to {GIVER} on Sunday in Valna.\n"


def test_a_long_span_is_said_whole_below_the_list(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        start = TEXT.index(GIVER)
        screen.change(session.label_selection, start, start + len(GIVER), "actor")
        screen.change(session.add_group_item, "releases")
        await screen.update_form()
        await wait_for(pilot, lambda: field(app, "releases[0].released_by") is not None)
        first = field(app, "releases[0].released_by")
        assert first is not None
        first.focus()
        await keys(pilot, app, "ctrl+l", then="Fill releases #1 released_by")
        await pilot.pause()
        line = said_below(app)
        said = " ".join(str(line.render()).split())
        assert said.startswith(f"highlighted: s1 '{GIVER}' at {start}–{start + len(GIVER)}: ")
        assert line.region.height >= 3  # wrapped, not cut
        assert line.region.bottom <= 24 - 1  # above the footer

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()
