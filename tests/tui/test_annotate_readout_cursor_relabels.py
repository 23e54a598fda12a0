"""Pilot at 80x24: with nothing selected and the cursor on a span, the panel says a label key
relabels that span, as it does (README: "label the selection, or relabel the span at the
cursor"). A trial's panel said only "s1 count 48–50 '64'", and 4 relabelled it."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def readout(app: AnnotatorApp) -> str | None:
    """The panel's line of what a label key does; None while it is hidden."""
    line = screen_of(app).query_one("#selection-info", Static)
    return str(line.render()) if line.display else None


def test_the_cursor_on_a_span_says_a_label_key_relabels_it(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "slash", "1", "4", "6", "enter", "2")  # '146' labelled count: s1
        await press(pilot, "escape")  # nothing selected, the cursor at the end of s1
        assert screen_of(app).article.selection.is_empty
        await press(pilot, "left")  # on s1
        assert readout(app) == "a label key relabels s1 '146'"
        await press(pilot, "1")  # actor: s1 relabelled, as said
        spans = journal(session)[-1]["spans"]
        assert [(span["id"], span["label"]) for span in spans] == [("s1", "actor")]
        assert readout(app) == "a label key relabels s1 '146'"
        await press(pilot, "home")  # off the span: a label key has nothing to label
        assert readout(app) is None

    drive(session, scenario, size=(80, 24))
