"""ArticleView's selecting keys and drawing, from an annotator's trial: shift+pageup / pagedown
select as pageup / pagedown move; a word step from a line's edge takes a word in, not the line
break; a resize keeps the cursor in view; the selection is drawn as a label key would label it;
F8 swaps which end of the selection moves."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets.text_area import Selection

from annotator.tui.article import ArticleView
from tests.tui.test_article import ArticleApp, ArticleScreen, run_with_article

# 60 one-row lines: a page is the article's height in rows, so in lines.
LINES = "".join(f"Line {number} of the long article.\n" for number in range(60))

# Offsets: "Camila Otxoa-Ferrand" 0–20, ", a" 20–23, "red]303" 33–40 ("303" 37–40).
NAMES = "Camila Otxoa-Ferrand, a reporter\n[bold red]303[/] of them.\n"


def test_shift_pagedown_and_pageup_select_as_pagedown_and_pageup_move() -> None:
    """The trial's keys: ctrl+home, pagedown twice, shift+pagedown twice, shift+pageup."""

    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        page = view.content_size.height
        assert page == 10
        await pilot.press("ctrl+home", "pagedown", "pagedown")
        assert view.selection == Selection.cursor((2 * page, 0))
        await pilot.press("shift+pagedown", "shift+pagedown")
        assert view.selection == Selection((2 * page, 0), (4 * page, 0))
        await pilot.press("shift+pageup")
        assert view.selection == Selection((2 * page, 0), (3 * page, 0))
        assert view.scroll_y <= 3 * page < view.scroll_y + page  # the cursor in view
        assert view.selected_text == LINES[LINES.index("Line 20") : LINES.index("Line 30")]
        await pilot.press("pageup")  # without shift: moves, nothing selected
        assert view.selection == Selection.cursor((2 * page, 0))

    run_with_article(check, LINES)


def test_ctrl_shift_left_from_the_article_s_end_takes_its_last_word() -> None:
    """The trial's first press selected only the final line break ('no words to label')."""
    text = "First paragraph.\n\nIt ended there.\n"

    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        await pilot.press("ctrl+end", "ctrl+shift+left")
        assert view.selection_offsets() == (text.index("there"), len(text))
        assert view.drawn_selection() == (text.index("there"), text.index("there") + 5)
        await pilot.press("ctrl+shift+left")
        assert view.selection_offsets() == (text.index("ended"), len(text))
        # From a line's start, over the empty line between paragraphs: the word before it.
        view.move_to_offset(text.index("It"))
        await pilot.press("ctrl+shift+left")
        assert view.selection_offsets() == (text.index("paragraph"), text.index("It"))
        # Rightwards from a line's end: the next line's first word, not its line break.
        view.move_to_offset(text.index("\n"))
        await pilot.press("ctrl+shift+right")
        assert view.selection_offsets() == (text.index("\n"), text.index(" ended"))
        # At the article's very start a step left has nowhere to go.
        view.move_to_offset(0)
        await pilot.press("ctrl+shift+left")
        assert view.selection == Selection.cursor((0, 0))

    run_with_article(check, text)


def cursor_row_in_view(view: ArticleView) -> tuple[int, int, int]:
    """The cursor's row in the wrapped article, and the first and last rows shown."""
    row = view.wrapped_document.location_to_offset(view.cursor_location).y
    top = round(view.scroll_y)
    return row, top, top + view.scrollable_content_region.height - 1


def test_a_resize_keeps_the_cursor_in_view() -> None:
    """At 140 columns ctrl+end, then 70: the article showed rows far above the cursor."""
    paragraph = " ".join(["The delegations met again at the border crossing"] * 6)
    text = "\n\n".join(f"{number} {paragraph}." for number in range(12)) + "\n"

    async def main() -> None:
        app = ArticleApp(ArticleScreen())
        async with app.run_test(size=(140, 40)) as pilot:
            view = app.screen.query_one(ArticleView)
            view.load_text(text)
            view.focus()
            await pilot.pause()
            await pilot.press("ctrl+end")
            row, top, bottom = cursor_row_in_view(view)
            assert top > 0 and row == bottom
            await pilot.resize_terminal(70, 24)
            await pilot.pause()
            await pilot.pause()
            row, top, bottom = cursor_row_in_view(view)
            assert top <= row <= bottom
            assert row > 60  # the lines were wrapped anew: many more rows above the cursor
            view.select_offsets(text.index("11 The"), text.index(" The", text.index("11 The")))
            await pilot.press("ctrl+home")  # the start, then wider: the start stays in view
            await pilot.resize_terminal(140, 40)
            await pilot.pause()
            await pilot.pause()
            assert cursor_row_in_view(view)[:2] == (0, 0)

    asyncio.run(main())


def drawn_as_selected(view: ArticleView, y: int) -> str:
    """The characters of row ``y`` drawn in the selection's colours."""
    selected = view.get_component_rich_style("text-area--selection").bgcolor
    return "".join(
        segment.text
        for segment in view.render_line(y)
        if segment.style is not None and segment.style.bgcolor == selected
    )


def test_the_selection_is_drawn_as_a_label_key_would_label_it() -> None:
    """A search for "camila otxoa" showed 'Camila Otxoa' while a label key labelled
    'Camila Otxoa-Ferrand'; "red]303" showed 'red]303' while '303' was labelled."""

    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.app.set_focus(None)  # no cursor cell in the way
        view.select_offsets(0, 12)
        await pilot.pause()
        assert view.selection_offsets() == (0, 12)  # the selection itself stays as made
        assert view.drawn_selection() == (0, 20)
        assert drawn_as_selected(view, 0) == "Camila Otxoa-Ferrand"
        view.select_offsets(NAMES.index("red]"), NAMES.index("[/]"))
        await pilot.pause()
        assert drawn_as_selected(view, 1) == "303"
        view.char_mode = True  # kept as made, without the spaces around
        await pilot.pause()
        assert drawn_as_selected(view, 1) == "red]303"
        view.select_offsets(NAMES.index(", a"), NAMES.index("a r"))
        await pilot.pause()
        assert drawn_as_selected(view, 0) == ","
        view.char_mode = False  # nothing to label: drawn as made, never unseen
        await pilot.pause()
        assert view.drawn_selection() == (20, 22)
        assert drawn_as_selected(view, 0) == ", "
        view.clear_selection()
        await pilot.pause()
        assert drawn_as_selected(view, 0) == ""

    run_with_article(check, NAMES)


def test_a_word_step_goes_on_from_the_edge_drawn() -> None:
    """After the search, one ctrl+shift+right adds exactly the next word: 'a'."""

    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.select_offsets(0, 12)
        await pilot.press("ctrl+shift+right")
        assert view.selection_offsets() == (0, 23)
        assert view.drawn_selection() == (0, 23)
        await pilot.press("ctrl+shift+left")  # and drops it: to the end of the word before
        assert view.selection_offsets() == (0, 20)
        assert view.drawn_selection() == (0, 20)

    run_with_article(check, NAMES)


def test_f8_swaps_which_end_of_the_selection_moves() -> None:
    """After a search for "otxoa-ferrand, a", ctrl+shift+left could only drop words from the
    right: F8, and the same key takes 'Camila' in at the left."""

    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.select_offsets(7, 23)
        await pilot.press("f8")
        assert view.selection == Selection((0, 23), (0, 7))
        assert view.cursor_offset == 7
        await pilot.press("ctrl+shift+left")
        assert view.selection_offsets() == (0, 23)
        assert view.selected_text == "Camila Otxoa-Ferrand, a"
        await pilot.press("f8", "shift+left")  # the right end moves again
        assert view.selection == Selection((0, 0), (0, 22))
        view.clear_selection()
        await pilot.press("f8")  # nothing selected: nothing moves
        assert view.selection == Selection.cursor((0, 22))

    run_with_article(check, NAMES)


# The trial's articles, cut down: 01 around "exchanged", 13 around "The Kessar Coast".
EXCHANGED = "ARBELA — Norvania and\nKestria exchanged 95 prisoners of war.\n"
KESSAR = "was among those freed, the company said.\n\nThe Kessar Coast Brotherhood, a militia\n"


def test_a_word_step_back_takes_the_word_out_never_leaving_a_space() -> None:
    """The trial's `/exchanged` enter, escape, ctrl+shift+right, ctrl+shift+left left
    'Kestria exchanged[ ]95', and `1` said the selection held no word to label."""

    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.select_offsets(EXCHANGED.index("exchanged"), EXCHANGED.index(" 95"))
        view.clear_selection()  # escape: the cursor stays at the match's end
        assert view.selection == Selection.cursor((1, 17))
        await pilot.press("ctrl+shift+right")
        assert view.selection == Selection((1, 17), (1, 20))
        assert view.drawn_selection() == (EXCHANGED.index("95"), EXCHANGED.index(" prisoners"))
        await pilot.press("ctrl+shift+left")  # "95" out, nothing left: the anchor
        assert view.selection == Selection.cursor((1, 17))
        await pilot.press("ctrl+shift+left")  # from there, as from any cursor
        assert view.selection == Selection((1, 17), (1, 8))
        assert view.selected_text == "exchanged"

    run_with_article(check, EXCHANGED)


def test_a_word_step_back_over_a_paragraph_break_leaves_no_full_stop() -> None:
    """The trial's `/The Kessar Coast` enter, escape, home, ctrl+shift+left took 'said' in;
    ctrl+shift+right then left 'said[.]' and an empty line marked: no words to label."""

    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.move_to_offset(KESSAR.index("Coast"))
        await pilot.press("home", "ctrl+shift+left")
        assert view.selection == Selection((2, 0), (0, 35))
        assert view.drawn_selection() == (KESSAR.index("said"), KESSAR.index("."))
        await pilot.press("ctrl+shift+left")  # one more word in
        assert view.selection == Selection((2, 0), (0, 27))
        await pilot.press("ctrl+shift+right")  # and out: "said.⏎⏎" drawn "said"
        assert view.selection == Selection((2, 0), (0, 34))
        assert view.drawn_selection() == (KESSAR.index("said"), KESSAR.index("."))
        await pilot.press("ctrl+shift+right")  # "said" out, nothing left: the anchor
        assert view.selection == Selection.cursor((2, 0))
        await pilot.press("ctrl+shift+right")  # onwards from there, as from a cursor
        assert view.selection == Selection((2, 0), (2, 3))

    run_with_article(check, KESSAR)


ARTICLE_06 = (
    Path(__file__).resolve().parents[2] / "sample_docs" / "06-essaria-journalists-emoji.txt"
)


def test_a_word_step_back_ends_where_the_word_before_ends() -> None:
    """Article 06's trial: `/Itziar` enter, right, ctrl+shift+right three times, then
    ctrl+shift+left twice. The steps back ended after the space (1030, 1028): 'shared a' was
    labelled 'snapped from ", shared a "' 1019–1030. Now they end at word ends, as the steps
    onwards do."""
    text = ARTICLE_06.read_text(encoding="utf-8")
    anchor = text.index("Itziar") + len("Itziar")
    assert (anchor, text[anchor:1040]) == (1019, ", shared a photograph")

    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.select_offsets(text.index("Itziar"), anchor)  # the search's match
        await pilot.press("right")
        assert view.selection_offsets() == (anchor, anchor)
        for end in (1027, 1029, 1040):
            await pilot.press("ctrl+shift+right")
            assert (view.selection_offsets(), view.cursor_offset) == ((anchor, end), end)
            assert view.drawn_selection() == (1021, end)
        for end in (1029, 1027):
            await pilot.press("ctrl+shift+left")
            assert (view.selection_offsets(), view.cursor_offset) == ((anchor, end), end)
            assert view.drawn_selection() == (1021, end)  # the selection's end, as drawn
        await pilot.press("ctrl+shift+left")  # "shared" out, nothing left: the anchor
        assert (view.selection_offsets(), view.cursor_offset) == ((anchor, anchor), anchor)

    run_with_article(check, text)
