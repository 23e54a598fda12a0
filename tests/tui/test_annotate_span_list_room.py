"""Pilot at 80x24: the panel's span list gives the words the room of its lines. A trial there
saw a date's words cut to five characters (``s7 on Su…  = 2024-03-17  @91``), an offset run
into the scrollbar (``@1136▇▇``), and the lines cut again only once a scrollbar came: the
columns take one space each now, and the scrollbar's room is kept whether it shows or not."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, screen_of, wait_for
from rich.cells import cell_len
from textual.pilot import Pilot

from annotator.tui.app import AnnotatorApp
from annotator.tui.span_list import SpanList
from tests.test_session_data import session_on

FILLER = "The crossing was closed again after the exchange, officials said. " * 16
TEXT = (
    "date 2024-03-17 ARBELA — Norvania and Kestria exchanged 95 prisoners of war each "
    f"on Sunday at a crossing north of Arbela.\n\n{FILLER}\n\nHedda Lindqvist-Aro, the "
    "deputy minister, said six wounded Norvanian soldiers were freed too.\n"
)
LABELLED = [
    ("on Sunday", "date"),
    ("Norvania", "actor"),
    ("Kestria", "actor"),
    ("95 prisoners of war", "releasee"),
    ("95", "count"),
    ("Hedda Lindqvist-Aro", "actor"),
    ("six wounded Norvanian soldiers", "releasee"),
    ("six", "count"),
]


def lines_of(spans: SpanList) -> dict[str, str]:
    """Each span's line in the list, by its id."""
    found = (spans.get_option_at_index(n) for n in range(spans.option_count))
    return {option.id: str(option.prompt) for option in found if option.id is not None}


def test_the_words_have_the_line_s_room_and_the_scrollbar_its_own(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        spans = screen.query_one(SpanList)

        async def label(words: str, name: str) -> None:
            start = TEXT.index(words) if words != "95" else TEXT.index("95 prisoners")
            screen.change(session.label_selection, start, start + len(words), name)
            await wait_for(pilot, lambda: spans.option_count > 0)

        await label(*LABELLED[0])
        sunday = f"s1 on Sunday = 2024-03-17 @{TEXT.index('on Sunday')}"
        assert lines_of(spans) == {"s1": sunday}  # its words whole, at 80 columns
        assert spans.max_scroll_y == 0  # no scrollbar yet
        room = spans.scrollable_content_region.width
        for words, name in LABELLED[1:]:
            await label(words, name)
        await wait_for(pilot, lambda: spans.max_scroll_y > 0)  # a scrollbar now
        # Its room was kept before: no line is cut anew, none reaches the scrollbar.
        assert spans.scrollable_content_region.width == room
        lines = lines_of(spans)
        assert len(lines) == len(LABELLED) and lines["s1"] == sunday
        hedda = TEXT.index("Hedda")
        assert hedda > 1000 and lines["s6"] == f"s6 Hedda Lindqvist-Aro @{hedda}"
        # An option's padding takes a cell each side.
        assert all(cell_len(line) + 2 <= room for line in lines.values())

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()
