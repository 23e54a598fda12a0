"""Pilot at 80x24: after a tab between two spans that begin at one offset (the count "146"
inside the releasee "146 prisoners"), the panel's readout names the span a label key
relabels, and the key relabels that one. A trial's readout went on naming the count
("a label key relabels s3 '303'") after a tab to the releasee, whose cursor did not move, and
1 relabelled the releasee."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of
from test_annotate_readout_cursor_relabels import readout
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def labels(session: AnnotationSession) -> list[tuple[str, str, str]]:
    return [(span["id"], span["label"], span["text"]) for span in journal(session)[-1]["spans"]]


def test_a_tab_to_the_outer_span_names_it_and_the_key_relabels_it(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, "slash", *"146 prisoners", "enter", "4")  # s1 releasee
        await press(pilot, "slash", *"146", "enter", "2")  # s2 count, inside s1
        await press(pilot, "ctrl+home", "tab")
        assert screen.session.selected == "s2"
        assert readout(app) == "a label key relabels s2 '146'"
        await press(pilot, "tab")  # to s1: the cursor stays where s1 and s2 begin
        assert screen.session.selected == "s1"
        assert readout(app) == "a label key relabels s1 '146 prisoners'"
        await press(pilot, "1")
        assert labels(session) == [("s2", "count", "146"), ("s1", "actor", "146 prisoners")]
        assert readout(app) == "a label key relabels s1 '146 prisoners'"
        await press(pilot, "shift+tab")  # back to s2
        assert readout(app) == "a label key relabels s2 '146'"

    drive(session, scenario, size=(80, 24))
