"""Pilot at 100x30: a span of some 1,700 characters highlighted in ctrl+l's list is said below it
with its words cut in the middle (``…``), its id and offsets in sight, and the list keeps its
rows, the highlighted one among them. A trial's span across two screens was said whole: the
block took the box's room, the list shrank to one row showing another span, and the block was
cut at the box's foot before its offsets."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, screen_of, wait_for
from test_annotate_span_pick_said import said_below
from test_annotate_span_pick_tab import field, keys, list_of
from textual.pilot import Pilot
from textual.widgets import OptionList

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

NAMES = [
    "Lena Varo",
    "Piet Ansel",
    "Dara Moy",
    "Ivo Tesk",
    "Oma Rell",
    "Kai Dorn",
    "Ula Fenn",
    "Bo Serrat",
    "Eda Lune",
    "Tor Wyse",
    "Ana Pell",
    "Jon Hask",
    "Mia Ostrow",
    "Rui Calde",
]
FIRST = f"2024-03-17 Ostreva freed {', '.join(NAMES)}.\n\n"
SENTENCE = "The talks about group {n} of the prisoners went on through the night in Valna. "
LONG = "".join(SENTENCE.format(n=n) for n in range(1, 22)).strip()  # about 1,700 characters
TEXT = f"{FIRST}{LONG}\n\nKestria said nothing more.\n"


async def releasees_listed(
    pilot: Pilot[None], app: AnnotatorApp, session: AnnotationSession, names: list[str]
) -> OptionList:
    """``names`` labelled releasee (s1 …), then LONG, a release added and ctrl+l pressed in its
    releasees field; end highlights LONG, the list's last row."""
    screen = screen_of(app)
    for words in [*names, LONG]:
        start = TEXT.index(words)
        screen.change(session.label_selection, start, start + len(words), "releasee")
    screen.change(session.add_group_item, "releases")
    await screen.update_form()
    path = "releases[0].releasees"
    await wait_for(pilot, lambda: field(app, path) is not None)
    releasees = field(app, path)
    assert releasees is not None
    releasees.focus()
    await pilot.pause()
    await keys(pilot, app, "ctrl+l", then="Fill releases #1 releasees")
    await press(pilot, "end")
    options = list_of(app).query_one("#doc-options", OptionList)
    assert options.highlighted == len(names)
    return options


def test_a_long_highlighted_span_is_cut_and_the_list_keeps_its_rows(tmp_path: Path) -> None:
    assert 1600 < len(LONG) < 1800
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        options = await releasees_listed(pilot, app, session, NAMES[:5])
        await pilot.pause()
        box = list_of(app).query_one("#doclist-box")
        line = said_below(app)
        long_span = session.record.spans[5]
        assert long_span.id == "s6" and long_span.end - long_span.start > 1600
        said = " ".join(str(line.render()).split())
        # The id, the words cut in the middle, and the offsets, all in the block's first rows.
        assert said.startswith("highlighted: s6 'The talks about group 1 of the prisoners")
        assert "…" in said.split(" at ")[0]
        assert f" at {long_span.start}–{long_span.end}: " in said
        # The words around it too, the span's own cut again in the middle.
        assert said.endswith(": The talks about group 1 of the … in Valna.")
        assert len(said) < 400
        # The block is whole inside the box, above its bottom border.
        assert line.region.bottom <= box.content_region.bottom
        # The list shows every one of its six rows, the highlighted s6 among them.
        shown = options.scrollable_content_region.height
        assert shown >= 6
        top = options.scroll_offset.y
        assert top <= 5 < top + shown

    try:
        drive(session, scenario, size=(100, 30))
    finally:
        session.close()


def test_the_highlighted_row_stays_in_sight_when_messages_shorten_the_list(
    tmp_path: Path,
) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        options = await releasees_listed(pilot, app, session, NAMES)
        last = len(NAMES)
        rows_before = options.scrollable_content_region.height
        top = options.scroll_offset.y
        assert top <= last < top + rows_before  # in sight, at the list's foot
        # Messages said in the box, between the list and the line below it, take its rows.
        for which in ("first", "second", "third"):
            app.notify(f"a {which} message, long enough to take a row of the box", timeout=30)

        def in_sight() -> bool:
            top = options.scroll_offset.y
            return top <= last < top + options.scrollable_content_region.height

        # The three messages shorten the list one after another, and each shortening scrolls
        # after the next refresh: a loaded CI asserted between a shortening and its scroll.
        # So wait until the list stops shrinking, then for the row; never in sight fails.
        await wait_for(pilot, lambda: options.scrollable_content_region.height < rows_before)
        settled = -1
        while settled != options.scrollable_content_region.height:
            settled = options.scrollable_content_region.height
            await pilot.pause(0.3)
        await wait_for(pilot, in_sight)
        assert options.scrollable_content_region.height < rows_before

    try:
        drive(session, scenario, size=(100, 30), notifications=True)
    finally:
        session.close()
