"""Spacing combining marks (Mc: Hindi ा ि ी ो, Bengali, Tamil, Sinhala vowel signs) are laid out
one cell each, as glibc's wcwidth and tmux draw them: a Hindi line stays inside the article's
frame, and spans, the cursor and the mouse stay on their characters. (rich counts these marks
as no cell: a trial's Hindi line ran past the frame over the panel.)"""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len
from textual.pilot import Pilot

from annotator.core.cell_widths import drawn_cells, with_spacing_marks_drawn
from annotator.core.display import display_text
from annotator.core.models import Span
from annotator.tui.article import ArticleView
from tests.tui.test_article import LEFT, TOP, run_with_article

HINDI = "सरकार ने रविवार को ९५ क़ैदियों को रिहा किया।"
TEXT = (
    f"{HINDI} গৃহ মন্ত্রণালয় বলেছে। அரசு கைதிகளை விடுவித்தது. ශ්‍රී ලංකාව กรุงเทพฯ ทางการไทย\nलाइन दो: रविवार"
)


def terminal_cells(text: str) -> int:
    """The cells a terminal draws ``text`` in, counted as glibc's wcwidth counts them: no cell
    for a non-spacing or enclosing mark or a format character (the soft hyphen aside), two
    for an East Asian wide or fullwidth character, one for anything else (a spacing mark too).
    """
    cells = 0
    for character in text:
        category = unicodedata.category(character)
        if category in ("Mn", "Me") or (category == "Cf" and character != "\xad"):
            continue
        cells += 2 if unicodedata.east_asian_width(character) in "WF" else 1
    return cells


def test_spacing_marks_are_measured_one_cell_and_other_marks_none() -> None:
    assert [unicodedata.category(mark) for mark in "\u093e\u093f\u0940\u094b"] == ["Mc"] * 4
    assert cell_len("रविवार") == 6  # र व ि व ा र: the two vowel signs take a cell each
    assert cell_len("को") == 2
    assert cell_len("গৃহ") == 2  # the Bengali ৃ is non-spacing (Mn)
    assert cell_len("கை") == 2  # Tamil ை (Mc)
    assert cell_len("ලංකාව") == 5  # Sinhala ං ා (Mc)
    assert cell_len("ทางการไทย") == 9  # Thai: no spacing mark
    assert cell_len("नई दिल्ली") == terminal_cells("नई दिल्ली") == 8  # ् (Mn) none, ि ी one
    assert cell_len("e\u0301") == 1
    assert cell_len("北京") == 4


def test_only_the_spacing_marks_of_zero_width_ranges_change() -> None:
    table = [(0x0300, 0x036F, 0), (0x0900, 0x0902, 0), (0x093A, 0x0940, 0), (0x1100, 0x115F, 2)]
    assert with_spacing_marks_drawn(table) == [
        (0x0300, 0x036F, 0),
        (0x0900, 0x0902, 0),
        (0x093A, 0x093A, 0),  # ऺ (Mn)
        (0x093B, 0x093B, 1),  # ऻ (Mc)
        (0x093C, 0x093D, 0),  # nukta (Mn), and avagraha (Lo) as the table had it
        (0x093E, 0x0940, 1),  # ा ि ी
        (0x1100, 0x115F, 2),
    ]
    assert drawn_cells(0x302E) == 2  # a Hangul tone mark: East Asian wide
    assert drawn_cells(0x0941) is None  # ु is non-spacing


def test_lines_with_spacing_marks_are_drawn_as_wide_as_they_are_laid_out() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        drawn = []
        for row in range(view.size.height):
            strip = view.render_line(row)
            text = "".join(segment.text for segment in strip)
            drawn.append(text.rstrip())
            assert strip.cell_length == view.size.width
            assert terminal_cells(text) == view.size.width, (row, text)
        # The text wraps at the frame (76 cells): a row holds what the terminal fits there.
        shown = display_text(TEXT)
        first = shown[: len(drawn[0])]
        assert drawn[0] == first.rstrip() and drawn[0].startswith(HINDI)
        assert terminal_cells(first) <= view.size.width < terminal_cells(first) + 12
        assert "".join(drawn[:2]).replace(" ", "") == shown.split("\n")[0].replace(" ", "")

    run_with_article(check, TEXT)


def test_spans_cursor_and_mouse_stay_on_the_characters_after_vowel_signs() -> None:
    word = "रविवार"
    start = TEXT.index(word)
    after = TEXT.index("को")  # the next word: its cell is left of it by the terminal's count

    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.set_spans([Span(id="s1", start=start, end=start + 6, label="actor", text=word)])
        await pilot.pause()
        painted, cell = [], 0
        for segment in view.render_line(0):
            if segment.style is not None and segment.style.underline:
                painted.append((cell, segment.text))
            cell += terminal_cells(segment.text)
        assert painted == [(terminal_cells(TEXT[:start]), word)] == [(8, word)]
        await pilot.click(view, offset=(LEFT + terminal_cells(TEXT[:after]), TOP))
        assert view.selection_offsets() == (after, after)  # the क of को, 16 cells in
        await pilot.click(view, offset=(LEFT + terminal_cells(TEXT[:after]) + 2, TOP))
        assert view.selection_offsets() == (after + 2, after + 2)  # past ो, a cell of its own
        view.move_to_offset(start + 6)
        await pilot.pause()
        x, y = view.cursor_screen_offset
        assert (x - view.region.x - LEFT, y - view.region.y - TOP) == (
            14,
            0,
        )  # र व ि व ा र after 8 cells

    run_with_article(check, TEXT)
