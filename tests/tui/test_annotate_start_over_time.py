"""Pilot: ctrl+r twice then ctrl+z: the stale banner names the record's own time again, not
the time of the undo."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, journal, press, screen_of
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import open_session
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import FakeClock
from tests.test_session_start_over_time import Hours


def test_the_banner_after_ctrl_z_names_the_records_time(corpus: Path, tmp_path: Path) -> None:
    hours = Hours()
    first = open_session(corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=hours)
    first.open("a")
    first.label_selection(16, 22, "actor")
    assert first.close()
    (corpus / "a.txt").write_text("date 2025-08-24 Ukraine and Russia swapped.\n", "utf-8")
    hours.hour = 11
    session = open_session(corpus, "alice", None, tmp_path / "out", now=hours)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        banner = screen_of(app).query_one("#banner", Static)
        made = "Your record of 2025-08-24T10:00:00Z (1 span, in progress)"
        assert made in str(banner.render())
        await press(pilot, "ctrl+r", "ctrl+r")
        assert not banner.display
        hours.hour = 12
        await press(pilot, "ctrl+z")
        assert banner.display and made in str(banner.render())
        assert journal(session)[-1]["updated_at"] == "2025-08-24T10:00:00Z"

    try:
        drive(session, scenario)
    finally:
        session.close()
