"""ArticleView: ctrl+arrows move and select by words, a letter's accents part of its word."""

from __future__ import annotations

from textual.pilot import Pilot

from annotator.tui.article import ArticleView
from tests.tui.test_article import run_with_article

# "Renée" written e + U+0301, as in sample_docs/10; the next line starts at 38.
TEXT = "Ambassador Rene\u0301e Castellan-Moor said\nNext"


def test_ctrl_shift_right_selects_a_decomposed_word_in_one_press() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.move_to_offset(11)
        await pilot.press("ctrl+shift+right")
        assert view.selection_offsets() == (11, 17)
        assert view.selected_text == "Rene\u0301e"
        await pilot.press("ctrl+shift+right")  # a hyphenated name is one word, as snapping has it
        assert view.selected_text == "Rene\u0301e Castellan-Moor"

    run_with_article(check, TEXT)


def test_ctrl_left_crosses_a_decomposed_word_and_lines_as_before() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.move_to_offset(17)
        await pilot.press("ctrl+left")
        assert view.cursor_offset == 11
        view.move_to_offset(38)  # the start of the second line: to the end of the first
        await pilot.press("ctrl+left")
        assert view.cursor_offset == 37
        await pilot.press("ctrl+right")
        assert view.cursor_offset == 38

    run_with_article(check, TEXT)
