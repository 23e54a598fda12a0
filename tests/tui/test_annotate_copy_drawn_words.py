"""Pilot: ctrl+c copies the words the article draws as selected, those a label key would label.

A trial's "/eight for" showed "eight foreign" selected (the border and the panel named it), yet
ctrl+c copied "eight for", the selection as made, and said so."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, screen_of, toasts, wait_for
from textual.pilot import Pilot

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = "date 2023-11-12 An armed group has released eight foreign hostages , said the ministry.\n"


def said(app: AnnotatorApp) -> str:
    return " ".join(" ".join(toasts(app)).split())  # a toast wraps its lines


def test_ctrl_c_copies_the_words_drawn_selected_then_in_character_mode_as_made(
    tmp_path: Path,
) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        article = screen_of(app).article
        await press(pilot, "slash", *"eight for", "enter")
        assert article.selected_text == "eight for"  # the selection as made
        start = TEXT.index("eight")
        assert article.drawn_selection() == (start, start + len("eight foreign"))
        app.clear_notifications()
        await press(pilot, "ctrl+c")
        assert app.clipboard == "eight foreign"
        await wait_for(pilot, lambda: "copied" in said(app))
        assert "copied 'eight foreign' (13 characters)" in said(app)
        assert "'eight for'" not in said(app)

        # Character mode draws the selection as made: that is copied.
        await press(pilot, "c", "ctrl+c")
        assert app.clipboard == "eight for"
        await wait_for(pilot, lambda: "copied 'eight for' (9 characters)" in said(app))

        # ... without the spaces at its edges, as it draws it.
        article.select_offsets(start - 1, start + len("eight "))
        await press(pilot, "ctrl+c")
        assert app.clipboard == "eight"

        # A selection with nothing to label in it is drawn, and copied, as made.
        await press(pilot, "c")
        comma = TEXT.index(" , ")
        article.select_offsets(comma, comma + 3)
        assert article.drawn_selection() == (comma, comma + 3)
        await press(pilot, "ctrl+c")
        assert app.clipboard == " , "

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()
