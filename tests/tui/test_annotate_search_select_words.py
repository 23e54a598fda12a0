"""Pilot: after a search, ctrl+shift+right takes the next word even over a comma (a trial's
press took only ", ", which snapping drops, and seemed to do nothing)."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, journal, press, screen_of

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = "date 2024-03-17 Officials in Kestria, Norvania and Vellmark said so.\n"


def test_a_word_found_then_ctrl_shift_right_takes_the_next_word(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot, app: AnnotatorApp) -> None:  # type: ignore[no-untyped-def]
        article = screen_of(app).article
        await press(pilot, "slash", *"kestria", "enter")
        assert article.selected_text == "Kestria"
        await press(pilot, "ctrl+shift+right")
        assert article.selected_text == "Kestria, Norvania"
        await press(pilot, "ctrl+shift+right")
        assert article.selected_text == "Kestria, Norvania and"
        # Back, a word a press: "and", then "Norvania", each to the end of the word before
        # (no comma left selected), so the next press takes "Kestria" away.
        await press(pilot, "ctrl+shift+left", "ctrl+shift+left")
        assert article.selected_text == "Kestria"
        await press(pilot, "ctrl+shift+left")
        assert article.selection_offsets() == (TEXT.index("Kestria"),) * 2
        await press(pilot, "ctrl+shift+right", "ctrl+shift+right", "1")
        spans = journal(session)[-1]["spans"]
        assert [(span["text"], span["label"]) for span in spans] == [("Kestria, Norvania", "actor")]

    try:
        drive(session, scenario)
    finally:
        session.close()


def test_a_match_ending_inside_a_word_then_ctrl_shift_right_takes_the_next_word(
    tmp_path: Path,
) -> None:
    # A trial's "/64 ulm" selected "64 Ulm", snapped to "64 Ulmarian": the first press
    # seemed to do nothing, only the second reached "soldiers".
    session = session_on(tmp_path, "date 2024-06-02 Kestria handed over 64 Ulmarian soldiers.\n")

    async def scenario(pilot, app: AnnotatorApp) -> None:  # type: ignore[no-untyped-def]
        article = screen_of(app).article
        await press(pilot, "slash", *"64 ulm", "enter")
        assert article.selected_text == "64 Ulm"
        await press(pilot, "ctrl+shift+right")
        assert article.selected_text == "64 Ulmarian soldiers"

    try:
        drive(session, scenario)
    finally:
        session.close()
