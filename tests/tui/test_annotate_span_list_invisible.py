"""Pilot: the panel's span list, the current span's detail, the selection's readout and ctrl+l's
list draw an invisible character of a span's words as the article beside them does, a dim
one-cell symbol in its place (``⇄`` for a direction control, ``◌`` for any other), never raw.
Written raw, a U+202E RIGHT-TO-LEFT OVERRIDE reversed the rest of its row in a terminal (the
span's value and offset with it), and a zero-width space showed nothing."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, screen_of, wait_for
from rich.text import Text
from test_annotate_span_pick_tab import field, keys, list_of
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from annotator.core.invisible_said import INVISIBLE
from annotator.tui.app import AnnotatorApp
from annotator.tui.span_detail import SpanDetail
from annotator.tui.span_list import SpanList
from tests.test_session_data import session_on

# Each control inside a span's words: a span's edges are snapped past them.
TEXT = (
    "2024-03-17 The envoy Hedda \u202eAro freed Kes\u200btria soldiers and Norvania "
    "wel\u202bcomed them.\n"
)
HEDDA, KESTRIA = "Hedda \u202eAro", "Kes\u200btria"


def raw(text: str) -> bool:
    """Whether ``text`` holds an invisible character as it is."""
    return INVISIBLE.search(text) is not None


def test_the_list_and_the_detail_draw_invisible_characters_as_symbols(
    tmp_path: Path,
) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        for words, label in [(HEDDA, "actor"), (KESTRIA, "actor")]:
            start = TEXT.index(words)
            screen.change(session.label_selection, start, start + len(words), label)
        await pilot.pause()
        spans = screen.query_one(SpanList)
        width = spans.scrollable_content_region.width
        rows = [spans.render_line(y).text for y in range(spans.option_count)]
        hedda = next(row for row in rows if "s1 " in row)
        assert hedda.split() == ["s1", "Hedda", "⇄Aro", f"@{TEXT.index(HEDDA)}"]
        assert "s2 Kes◌tria @" in next(row for row in rows if "s2 " in row)
        assert not any(map(raw, rows)) and all(len(row) == width for row in rows)
        # The symbol is dim, as in the article.
        prompt = spans.get_option_at_index(rows.index(hedda)).prompt
        assert not isinstance(prompt, str)
        symbol = prompt.plain.index("⇄")
        assert any(part.style == "dim" for part in prompt.spans if part.start <= symbol < part.end)

        # The current span in the detail, its neighbours, and a selection's readout.
        detail = screen.query_one("#detail", SpanDetail)
        screen.article.focus()
        screen.article.move_to_offset(TEXT.index("Aro"))
        await wait_for(pilot, lambda: detail.span_id == "s1")
        info = str(screen.query_one("#span-info", Static).render())
        assert "'Hedda ⇄Aro'" in info and not raw(info)
        welcomed = TEXT.index("wel\u202bcomed")
        screen.article.select_offsets(welcomed, welcomed + 9)
        readout = screen.query_one("#selection-info", Static)
        await wait_for(pilot, lambda: "wel⇄comed" in str(readout.render()))
        assert not raw(str(readout.render()))
        # Said again in the article's border (kept as markup).
        border = Text.from_markup(str(screen.article.border_subtitle)).plain
        assert "'wel⇄comed'" in border and not raw(border)

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()


def test_the_span_pick_draws_invisible_characters_as_symbols(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        start = TEXT.index(HEDDA)
        screen.change(session.label_selection, start, start + len(HEDDA), "actor")
        screen.change(session.add_group_item, "releases")
        await screen.update_form()
        first = "releases[0].released_by"
        await wait_for(pilot, lambda: field(app, first) is not None)
        released_by = field(app, first)
        assert released_by is not None
        released_by.focus()
        await pilot.pause()
        await keys(pilot, app, "ctrl+l", then="Fill releases #1 released_by")
        options = list_of(app).query_one(OptionList)
        await press(pilot)
        row = str(options.get_option_at_index(0).prompt)
        assert "'Hedda ⇄Aro'" in row and "envoy Hedda ⇄Aro freed Kes◌tria" in row
        said = str(list_of(app).query_one("#pick-said", Static).render())
        assert "s1 'Hedda ⇄Aro'" in said and not raw(row + said)

    try:
        drive(session, scenario, size=(120, 36))
    finally:
        session.close()
