"""Pilot: in the panel's narrow span list (80 columns) a relative date's words are whole. A
trial there read ``s1 Two day… = 2023-05-19 @1136`` and ``s1 the …ning = 2025-04-23 @153``:
the words tell a relative date apart, its value is said in full in the list and the panel's
detail, and its offset there. Narrow, the ids take no indent, and a date whose words would be
cut leaves out its offset first; a short date keeps it. At 120 columns the lines are as they
were."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, screen_of, wait_for
from rich.cells import cell_len
from textual.pilot import Pilot

from annotator.tui.app import AnnotatorApp
from annotator.tui.span_list import SpanList
from tests.test_session_data import session_on

FILLER = "The crossing was closed again after the exchange, officials said. " * 16
TEXT = (
    "date 2023-05-21 TAVRIN — The remains of 37 soldiers were handed over on Sunday.\n\n"
    f"{FILLER}\n\nTwo days earlier, the teams had met at the Sava Pass.\n"
)


def lines_of(spans: SpanList) -> dict[str, str]:
    found = (spans.get_option_at_index(n) for n in range(spans.option_count))
    return {option.id: str(option.prompt) for option in found if option.id is not None}


def test_a_relative_date_s_words_are_whole_at_80_columns(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        spans = screen.query_one(SpanList)
        for words in ("Sunday", "Two days earlier"):
            start = TEXT.index(words)
            screen.change(session.label_selection, start, start + len(words), "date")
        await wait_for(pilot, lambda: len(lines_of(spans)) == 2)
        sunday, earlier = session.record.spans
        assert (sunday.value, earlier.value) == ("2023-05-21", "2023-05-19")
        assert earlier.start > 1000
        lines = lines_of(spans)
        assert lines == {
            "s1": f"s1 Sunday = 2023-05-21 @{sunday.start}",
            "s2": "s2 Two days earlier = 2023-05-19",
        }
        room = spans.scrollable_content_region.width
        assert all(cell_len(line) + 2 <= room for line in lines.values())
        # Wide, as before: indented ids, every offset.
        await pilot.resize_terminal(120, 36)
        await press(pilot)
        assert lines_of(spans) == {
            "s1": f"  s1 Sunday = 2023-05-21 @{sunday.start}",
            "s2": f"  s2 Two days earlier = 2023-05-19 @{earlier.start}",
        }

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()
