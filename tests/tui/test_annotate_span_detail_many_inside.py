"""Pilot at 100x30: the span panel names at most four spans lying in the current one, the rest
said in one line ("… and 9 more inside"), and its box keeps its frame with the event form
below it. A trial's span over a paragraph of 12 labelled words listed 12 "inside:" lines, the
form squeezed to 2 rows; one over an article of 22 spans ran the box off the screen's foot, its
bottom border gone, the lines after s15 cut unsaid and the form gone."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.tui.app import AnnotatorApp
from annotator.tui.span_detail import SpanDetail
from tests.test_session_data import session_on

FIRST = (
    "2024-03-17 Norvania and Kestria exchanged 95 prisoners of war each on Sunday at a crossing "
    "point north of Arbela, the first swap between the two armies since the winter, officials "
    "on both sides said."
)
TEXT = f"{FIRST}\n\nThe Norvanian defence ministry said in a statement that all were well.\n"
WORDS = FIRST.split()[1:25:2]  # 12 words: "Norvania", "Kestria", "95", …


def test_many_spans_inside_the_current_one_are_counted_not_listed(tmp_path: Path) -> None:
    assert len(WORDS) == 12
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        looked_from = 0
        for word in WORDS:  # s1 … s12, each word where it is, not an earlier same one
            start = TEXT.index(word, looked_from)
            looked_from = start + len(word)
            screen.change(session.label_selection, start, start + len(word), "actor")
        await pilot.pause()
        screen.article.focus()
        await press(pilot, "ctrl+home", "f6", "4")  # the paragraph: s13, releasee
        await wait_for(pilot, lambda: screen.query_one("#detail", SpanDetail).span_id == "s13")
        side, detail, form = (screen.query_one(f"#{name}") for name in ("side", "detail", "form"))
        info = " ".join(str(screen.query_one("#span-info", Static).render()).split())
        assert info.startswith("s13 releasee 0–")
        # Four lines: three spans inside, then the ten others counted.
        assert info.count("inside: s") == 3
        assert info.endswith("… and 9 more inside")
        # The box's frame is whole, inside the panel, and the form keeps its rows below it.
        assert detail.region.bottom <= form.region.y
        assert form.region.bottom <= side.region.bottom
        assert form.content_region.height >= 8

    try:
        drive(session, scenario, size=(100, 30))
    finally:
        session.close()
