"""Pilot at 60x30: the footer of ctrl+l's list and of the document list, and the help's title,
fit the width with whole words. A trial's list footer ended "… tab Take, next field esc Clos"
and the help's title "Keys  (escape closes · ctrl+p finds any action by nam": a key is left
out whole (the widest first), and the title takes a shorter wording."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, wait_for
from rich.cells import cell_len
from test_annotate_span_pick_said_long import NAMES, TEXT, releasees_listed
from textual.pilot import Pilot
from textual.widgets import Footer

from annotator.tui.app import AnnotatorApp
from annotator.tui.form_hints import BoxTitle
from annotator.tui.screens import HELP_TITLES, DocListScreen, HelpScreen
from annotator.tui.status_fit import _key_width
from tests.test_session_data import session_on


def footer_fits(app: AnnotatorApp) -> list[str]:
    """The keys the top screen's footer shows, after checking they fit it whole."""
    footer = app.screen.query_one(Footer)
    shown = [key for key in footer.children if hasattr(key, "action")]
    assert sum(map(_key_width, footer.children)) <= footer.size.width
    return [str(getattr(key, "key_display", "")) for key in shown]


def test_lists_footers_and_the_help_title_fit_60_columns(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await releasees_listed(pilot, app, session, NAMES[:1])  # ctrl+l's list open
        shown = footer_fits(app)
        assert "enter" in shown and "esc" in shown  # take and close stay
        await press(pilot, "escape", "escape")
        await press(pilot, "l")
        await wait_for(pilot, lambda: isinstance(app.screen, DocListScreen))
        assert "esc" in footer_fits(app)
        await press(pilot, "escape", "?")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        title = app.screen.query_one(BoxTitle)
        said = str(title.render())
        assert said in HELP_TITLES[1:]
        assert cell_len(said) <= title.content_size.width

    try:
        drive(session, scenario, size=(60, 30))
    finally:
        session.close()
