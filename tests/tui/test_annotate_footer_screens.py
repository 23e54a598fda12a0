"""Pilot: the footer shows the keys of the screen that is open. Over the document list, the
export dialog, the help and the span picker, the article's footer kept showing its own keys
("x Delete span … 1 actor …"), which do nothing there (a trial)."""

from __future__ import annotations

from annotate_helpers import drive, press, wait_for
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Footer

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.export_screen import ExportScreen
from annotator.tui.screens import DocListScreen, HelpScreen
from annotator.tui.span_pick import SpanPickScreen

RUSSIA = ["ctrl+home", *["right"] * 16, *["shift+right"] * 6]  # "Russia" in document a


def bottom_keys(app: AnnotatorApp, screen: Screen[object]) -> str:
    """The keys the open screen's footer shows, on the terminal's last row."""
    footer = screen.query_one(Footer)
    assert footer.region.y == app.size.height - 1 and footer.region.width == app.size.width
    return " ".join(str(key.render()) for key in footer.query("FooterKey"))


async def shows_its_own_keys(pilot: Pilot[None], app: AnnotatorApp, kind: type, close: str) -> None:
    await wait_for(pilot, lambda: isinstance(app.screen, kind))
    shown = bottom_keys(app, app.screen)
    assert close in shown, shown
    for article_key in ("Delete span", "actor", "Done", "Skip", "Next doc"):
        assert article_key not in shown, shown


def test_each_screen_over_the_article_has_its_own_footer(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        assert "Delete span" in bottom_keys(app, app.screen)  # the article's, at first
        await press(pilot, "l")
        await shows_its_own_keys(pilot, app, DocListScreen, "Close")
        await press(pilot, "escape", "e")
        await shows_its_own_keys(pilot, app, ExportScreen, "Close")
        await press(pilot, "escape", "question_mark")
        await shows_its_own_keys(pilot, app, HelpScreen, "Close help")
        await press(pilot, "escape", *RUSSIA, "1", "o", "tab", "enter")  # a release
        await press(pilot, "ctrl+l")  # in its first field, released_by
        await shows_its_own_keys(pilot, app, SpanPickScreen, "Close")

    drive(session, scenario)
