"""Pilot at 80x24: with a selection over exactly the words of a span, the readout says a label
key relabels that span, as it does. A trial's panel said "a label key labels '34' 319–321"
over s5 '34', and 3 relabelled s5."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView


def readouts(app: AnnotatorApp) -> tuple[str, str]:
    """The panel's readout of the selection, and the article frame's."""
    screen = screen_of(app)
    panel = screen.query_one("#selection-info", Static)
    assert panel.display
    frame = screen.query_one(ArticleView).border_subtitle or ""
    return str(panel.render()), Text.from_markup(frame).plain


def test_a_selection_over_a_span_says_the_key_relabels_it(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "slash", "1", "4", "6", "enter")  # '146' selected, no span yet
        assert readouts(app) == ("a label key labels '146' 43–46", "a label key labels '146' 43–46")
        await press(pilot, "2")  # count
        await press(pilot, "shift+left", "shift+left", "shift+left")  # '146' again: s1
        assert readouts(app) == (
            "a label key relabels s1 '146'",
            "a label key relabels s1 '146'",
        )
        await press(pilot, "1")  # actor: s1 relabelled, as said
        spans = journal(session)[-1]["spans"]
        assert [(span["id"], span["label"]) for span in spans] == [("s1", "actor")]
        # x with the selection over s1: the selection stays, and a key labels it again.
        await press(pilot, "shift+left", "shift+left", "shift+left", "x")
        assert journal(session)[-1]["spans"] == []
        assert readouts(app) == ("a label key labels '146' 43–46", "a label key labels '146' 43–46")

    drive(session, scenario, size=(80, 24))
