"""Pilot at 80x24: each span of the panel's list is one line, its words cut (in the middle)
rather than the line wrapped: a trial's ``s4 95 prisoners of war  = 95`` put its offset
``@66`` on a line of its own, the list (six rows there) showing fewer spans. (Narrow, the
ids take no indent: those words fit now, longer ones are cut.)"""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, screen_of
from textual.pilot import Pilot

from annotator.tui.app import AnnotatorApp
from annotator.tui.span_list import SpanList
from tests.test_session_data import session_on

WORDS = "95 prisoners of war on Sunday"
TEXT = (
    "date 2024-03-17 Norvania and Kestria each handed over 95 prisoners of war on Sunday "
    "at the Sava Pass checkpoint.\n"
)


def test_a_long_span_s_line_is_cut_not_wrapped(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        for words, label in [(WORDS, "count"), ("Norvania", "actor")]:
            start = TEXT.index(words)
            screen.change(session.label_selection, start, start + len(words), label)
        await pilot.pause()
        spans = screen.query_one(SpanList)
        lines = [str(spans.get_option_at_index(i).prompt) for i in range(spans.option_count)]
        start = TEXT.index("95")
        assert lines[:3] == ["actor (1)", "s2 Norvania @16", "count (1)"]
        s1 = lines[3]
        assert s1.startswith("s1 95 ") and "…" in s1 and s1.endswith(f" = 95 @{start}")
        assert spans.virtual_size.height == spans.option_count  # one row each
        # Wider, the words are whole again.
        await pilot.resize_terminal(160, 45)
        await press(pilot)
        s1 = str(spans.get_option_at_index(3).prompt)
        assert s1 == f"  s1 {WORDS} = 95 @{start}"
        assert spans.virtual_size.height == spans.option_count

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()
