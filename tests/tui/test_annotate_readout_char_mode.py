"""Pilot: c (character mode) says at once what a label key now labels. A trial selected "uss"
of "Russia", read "a label key labels 'Russia' 16–22", pressed c: the article drew "uss" but the
readout (the frame's border and the panel) still said 'Russia', and 1 then labelled "uss"."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of
from rich.text import Text
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView


def test_c_redoes_the_readout_of_the_selection(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        article = screen_of(app).query_one(ArticleView)

        def readout() -> str:
            return Text.from_markup(article.border_subtitle or "").plain

        await press(pilot, *["right"] * 17, *["shift+right"] * 3)  # "uss" of "Russia"
        assert readout() == "a label key labels 'Russia' 16–22"
        await press(pilot, "c")
        assert readout() == "a label key labels 'uss' 17–20"
        await press(pilot, "c")
        assert readout() == "a label key labels 'Russia' 16–22"
        await press(pilot, "c", "1")
        span = session.record.spans[-1]
        assert (span.start, span.end, span.text) == (17, 20, "uss")

    drive(session, scenario, size=(100, 30))
