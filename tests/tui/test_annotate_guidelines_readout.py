"""Pilot: while the guidelines have the focus, the readout of what a label key does (the
article's border, the panel's line) says that labelling waits and how to go back, as the
guidelines hold the label keys back (``guidelines_view.HELD_BACK``). A trial's border read "a
label key labels 'of war' 79–85" while 1 said "the guidelines have the focus". The readout
comes back as the focus returns to the article, whether shift+tab keeps the guidelines open
or esc closes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.guidelines_view import GuidelinesView
from tests.test_session_data import session_on

TEXT = "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"
WAITS = "labelling waits: esc or shift+tab"
LABELS = "a label key labels '146 prisoners'"  # its offsets after it where they fit


def border(app: AnnotatorApp) -> str | None:
    """The article's bottom border: the readout of what a label key does."""
    said = screen_of(app).article.border_subtitle
    return None if said is None else str(said)


def panel_line(app: AnnotatorApp) -> str | None:
    """The panel's line of what a label key does; None while it is hidden."""
    line = screen_of(app).query_one("#selection-info", Static)
    return str(line.render()) if line.display else None


async def guidelines_focused(pilot: Pilot[None], app: AnnotatorApp) -> None:
    guidelines = screen_of(app).query_one(GuidelinesView)
    await press(pilot, "g")
    await wait_for(pilot, lambda: guidelines.display and guidelines.has_focus)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_the_readout_says_labelling_waits_while_the_guidelines_have_the_focus(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    session: AnnotationSession = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, "slash", *"146 prisoners", "enter")
        assert screen.article.selected_text == "146 prisoners"
        labels = border(app)
        assert labels in (LABELS, f"{LABELS} 43–56")

        await guidelines_focused(pilot, app)
        assert border(app) == WAITS
        assert panel_line(app) == WAITS  # hidden under the guidelines at 80x24, said alike

        await press(pilot, "shift+tab")  # back to the article, the guidelines kept open
        assert screen.article.has_focus
        assert screen.query_one(GuidelinesView).display
        assert border(app) == LABELS  # the article narrowed beside them: no room for 43–56
        assert panel_line(app) == f"{LABELS} 43–56"

        await press(pilot, "g", "g")  # g closes them; g again opens them, the focus there
        assert screen.query_one(GuidelinesView).has_focus
        assert border(app) == WAITS
        await press(pilot, "escape")  # closes them, the focus back in the article
        assert screen.article.has_focus
        assert not screen.query_one(GuidelinesView).display
        assert border(app) == labels

    try:
        drive(session, scenario, size=size)
    finally:
        session.close()


def test_the_span_at_the_cursor_is_not_offered_while_the_guidelines_have_the_focus(
    tmp_path: Path,
) -> None:
    """With nothing selected a label key relabels the span at the cursor, and the panel's line
    says so; while the guidelines have the focus it says nothing, as the border."""
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, "slash", *"146 prisoners", "enter", "4", "left")  # s1, the cursor in
        assert screen.article.selection.is_empty
        relabels = "a label key relabels s1 '146 prisoners'"
        assert panel_line(app) == relabels
        assert border(app) is None

        await guidelines_focused(pilot, app)
        assert panel_line(app) is None
        assert border(app) is None

        await press(pilot, "shift+tab")
        assert panel_line(app) == relabels
        assert border(app) is None

    try:
        drive(session, scenario, size=(120, 36))
    finally:
        session.close()
