"""Pilot: ctrl+l's list shows the words around each span as the article shows them (the display
copy): a skin tone, which rich counts inside a two-cell 👍🏽 and tmux 3.3 draws two cells wider,
is no part of a row. A curator's rows beside 'Aná Cruz 👍🏽', and the 'highlighted:' line under
them, lost their right border ▎ and pushed the dialog's edge two cells to the right."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, screen_of, wait_for
from test_annotate_span_pick_tab import field, keys, list_of
from textual.pilot import Pilot
from textual.widgets import OptionList

from annotator.core.models import Span
from annotator.tui.app import AnnotatorApp
from annotator.tui.span_pick import context
from tests.test_session_data import session_on
from tests.tui.test_article_spacing_marks import terminal_cells

TEXT = (
    "2024-03-17 Ostreva handed the singer Aná Cruz 👍🏽 and 95 Norvanian servicemen to Kestria "
    "on 2024-03-16, and Kestria freed six wounded soldiers.\n"
)
LABELLED = [("Ostreva", "actor"), ("Kestria", "actor"), ("Aná Cruz", "releasee")]
SIZE = (120, 36)
THUMB = "👍\u200c"  # 👍🏽 as the article shows it: its tone swapped for a non-joiner


def test_each_row_and_the_highlighted_line_are_drawn_as_wide_as_laid_out(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        for words, label in LABELLED:
            start = TEXT.index(words)
            screen.change(session.label_selection, start, start + len(words), label)
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
        await pilot.pause()
        # Every row of the screen, as a terminal draws it (a skin tone two cells), is as wide
        # as the screen: none pushed past the dialog's edge.
        strips = app.screen._compositor.render_strips()  # the whole screen, as it is sent
        drawn = ["".join(segment.text for segment in strip) for strip in strips]
        assert len(drawn) == SIZE[1]
        assert [terminal_cells(row) for row in drawn] == [SIZE[0]] * SIZE[1]
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert rows == [
            f"  s1  'Ostreva'   2024-03-17 Ostreva handed the singer Aná Cruz {THUMB}…",
            "  s2  'Kestria'   …nd 95 Norvanian servicemen to Kestria on 2024-03-16, and "
            "Kestria fr…",
        ]
        said = next(row for row in drawn if "highlighted: s1 'Ostreva' at 11–18: " in row)
        assert f"Aná Cruz {THUMB}" in said and "🏽" not in "".join(drawn)

    try:
        drive(session, scenario, size=SIZE)
    finally:
        session.close()


def test_the_context_is_the_display_copy_of_the_same_length() -> None:
    text = "Kyiv\tfreed 👩\u200d👩\u200d👧 Ostreva\u2028👍🏽 today."
    start = text.index("Ostreva")
    span = Span(id="s1", start=start, end=start + 7, label="actor", text="Ostreva")
    # The tab, the family's joiners, the line separator (a line break to the text widget)
    # and the tone shown as the article shows them: one row, each character a cell or none.
    assert context(text, span).plain == "Kyiv⇥freed 👩\u200c👩\u200c👧 Ostreva↲👍\u200c today."
