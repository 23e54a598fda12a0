"""ArticleView: the display copy, offsets, keyboard and mouse selection, keys, span painting."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import ClassVar

from rich.style import Style
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button
from textual.widgets.text_area import Document

from annotator.core.display import display_text
from annotator.core.models import Span
from annotator.core.scheme import load_default_scheme
from annotator.tui.article import ArticleView

SCHEME = load_default_scheme()

# Offsets:  A=0 ' '=1 🕊=2 VS16=3 ' '=4 e=5 U+0301=6 ' '=7 “=8 K=9 ... ”=13 ' '=14
# [bold red]303[/] = 15..31, TAB=31, x=32, U+2028=33, y=34, FF=35, z=36, "\n"=37,
# Families=38..46, 👩=47 ZWJ=48 👩=49 ZWJ=50 👧=51, ' '=52, wept.=53..58, "\n"=58, End=59..62.
TEXT = "A 🕊️ e\u0301 “Kyiv” [bold red]303[/]\tx\u2028y\x0cz\nFamilies 👩‍👩‍👧 wept.\nEnd"
# Screen cells of row 0: A 0, dove 2 (one cell in the display copy), é 4, “ 6, K 7, y 8, i 9.
# The article has a one-cell border and one cell of padding on the left: cell x is at x + 2.
LEFT, TOP = 2, 1


class ArticleScreen(Screen[None]):
    """Stands for the annotation screen: records the actions the article hands over."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("1", "label('actor')", "Actor")]

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def compose(self) -> ComposeResult:
        yield ArticleView(SCHEME, id="article")

    def action_delete_span(self) -> None:
        self.calls.append("delete_span")

    def action_undo(self) -> None:
        self.calls.append("undo")

    def action_redo(self) -> None:
        self.calls.append("redo")

    def action_next_span(self) -> None:
        self.calls.append("next_span")

    def action_previous_span(self) -> None:
        self.calls.append("previous_span")

    def action_label(self, name: str) -> None:
        self.calls.append(f"label:{name}")


class PlainScreen(Screen[None]):
    """A screen with none of the annotation actions (another use of the article)."""

    def compose(self) -> ComposeResult:
        yield ArticleView(SCHEME, id="article")
        yield Button("next", id="next")


class ArticleApp(App[None]):
    def __init__(self, screen: Screen[None]) -> None:
        super().__init__()
        self._first_screen = screen

    def get_default_screen(self) -> Screen[None]:
        return self._first_screen


Check = Callable[[Pilot[None], ArticleView], Awaitable[None]]


def run_with_article(check: Check, text: str = TEXT, screen: Screen[None] | None = None) -> None:
    async def main() -> None:
        app = ArticleApp(screen or ArticleScreen())
        async with app.run_test(size=(80, 12)) as pilot:
            view = app.screen.query_one(ArticleView)
            view.load_text(text)
            view.focus()
            await pilot.pause()
            await check(pilot, view)

    asyncio.run(main())


def make_span(span_id: str, start: int, end: int, label: str) -> Span:
    return Span(id=span_id, start=start, end=end, label=label, text=TEXT[start:end])


def styles_on_line(view: ArticleView, row: int) -> list[tuple[int, int, Style]]:
    line = view.get_line(row)
    return [
        (
            span.start,
            span.end,
            span.style if isinstance(span.style, Style) else Style.parse(span.style),
        )
        for span in line.spans
    ]


def test_the_article_shows_the_display_copy_and_keeps_the_real_text() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        assert view.text_original == TEXT
        assert view.text == display_text(TEXT)
        assert view.document.line_count == 3
        first = view.get_line(0).plain
        assert "[bold red]303[/]" in first  # markup is text, never interpreted
        assert first.endswith("⇥x↲y␌z")
        assert view.cursor_offset == 0
        assert view.read_only
        view.read_only = False  # an edit would break the offsets: the article refuses
        assert view.read_only

    run_with_article(check)


def test_locations_and_offsets_agree_with_the_document() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        document = view.document
        assert isinstance(document, Document)
        for offset in range(len(TEXT) + 1):
            location = view.location_at(offset)
            assert location == document.get_location_from_index(offset)
            assert view.offset_at(location) == offset
            assert document.get_index_from_location(location) == offset

    run_with_article(check)


def test_shift_right_selects_whole_characters_across_an_emoji() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        await pilot.press(*["shift+right"] * 4)  # the dove and its VS16 in one press
        assert view.selection_offsets() == (0, 5)
        assert TEXT[0:5] == "A 🕊️ "
        assert view.selected_text == "A 🕊️ "  # the real text, VS16 included
        await pilot.press("shift+right")  # "e" and its accent in one press
        assert view.selection_offsets() == (0, 7)

    run_with_article(check)


def test_ctrl_shift_right_selects_by_words() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.move_to_offset(9)
        await pilot.press("ctrl+shift+right")
        assert view.selection_offsets() == (9, 13)
        assert view.selected_text == "Kyiv"
        view.move_to_offset(28)
        # To the end of x: "[/]" and the tab are not words, and a press never takes only them.
        await pilot.press("ctrl+shift+right")
        assert view.selection_offsets() == (28, 33)
        assert view.selected_text == "[/]\tx"  # the tab is one character, as in the text

    run_with_article(check)


def test_shift_down_and_up_keep_the_screen_column_across_wide_characters() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.move_to_offset(14)  # the space after ”, cell 12 of row 0
        await pilot.press("shift+down")
        # Cell 12 of row 1 is the second 👩: the cursor goes to the family's start, never
        # between its code points.
        assert view.selection_offsets() == (14, 47)
        assert view.selected_text.endswith("\nFamilies ")
        view.move_to_offset(52)  # the space after the family, cell 15 of row 1
        await pilot.press("shift+up")
        assert view.selection_offsets() == (17, 52)  # cell 15 of row 0: the "o" of bold
        assert TEXT[17] == "o"

    run_with_article(check)


def test_mouse_drag_selects_the_characters_under_the_pointer() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        await pilot.mouse_down(view, offset=(LEFT + 9, TOP + 0))  # "i" of Kyiv
        await pilot.hover(view, offset=(LEFT + 13, TOP + 1))  # 👧 at cells 13-14 of row 1
        await pilot.mouse_up(view, offset=(LEFT + 13, TOP + 1))
        assert view.selection_offsets() == (11, 51)
        assert view.selected_text == TEXT[11:51]
        await pilot.click(view, offset=(LEFT + 5, TOP + 0))  # the space after é
        assert view.selection_offsets() == (7, 7)

    run_with_article(check)


def test_select_offsets_and_move_to_offset() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.select_offsets(38, 46)
        assert view.selection_offsets() == (38, 46)
        assert view.selected_text == "Families"
        assert view.cursor_offset == 46
        view.select_offsets(46, 38)  # the cursor goes to the second offset
        assert view.selection_offsets() == (38, 46)
        assert view.cursor_offset == 38
        view.move_to_offset(59)
        assert view.selection_offsets() == (59, 59)
        assert view.cursor_location == (2, 0)

    run_with_article(check)


def test_select_offsets_scrolls_the_selection_into_view() -> None:
    long_text = "".join(f"line {n}\n" for n in range(100))

    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        start = long_text.index("line 60")
        view.select_offsets(start, start + 7)
        await pilot.pause()
        top = int(view.scroll_offset.y)
        assert top <= 60 < top + view.scrollable_content_region.height

    run_with_article(check, text=long_text)


def test_ctrl_end_and_ctrl_home_go_to_the_ends_of_the_article() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        await pilot.press("ctrl+end")
        assert view.cursor_offset == len(TEXT)
        assert view.selection_offsets() == (len(TEXT), len(TEXT))
        await pilot.press("ctrl+home")
        assert view.cursor_offset == 0
        await pilot.press("ctrl+shift+end")
        assert view.selection_offsets() == (0, len(TEXT))

    run_with_article(check)


def test_annotation_keys_reach_the_screen_and_never_edit() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        screen = view.screen
        assert isinstance(screen, ArticleScreen)
        keys = ["tab", "shift+tab", "delete", "x", "ctrl+z", "ctrl+y", "1"]
        await pilot.press(*keys)
        assert screen.calls == [
            "next_span",
            "previous_span",
            "delete_span",
            "delete_span",
            "undo",
            "redo",
            "label:actor",
        ]
        assert view.has_focus  # tab did not move the focus away
        await pilot.press("backspace", "ctrl+d", "ctrl+k", "ctrl+x", "ctrl+v", "enter", "a")
        assert view.text == display_text(TEXT)
        assert view.text_original == TEXT

    run_with_article(check)


def test_tab_moves_the_focus_on_a_screen_without_span_actions() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        await pilot.press("tab")
        assert view.screen.query_one("#next", Button).has_focus

    run_with_article(check, screen=PlainScreen())


def test_copy_gives_the_real_text() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.select_offsets(28, 37)
        await pilot.press("ctrl+c")
        assert view.app.clipboard == "x\u2028y\x0cz"  # drawn so: the markup and tab left out
        view.char_mode = True  # the selection as made, each character as the text has it
        await pilot.press("ctrl+c")
        assert view.app.clipboard == "[/]\tx\u2028y\x0cz"

    run_with_article(check)


def test_a_span_is_painted_over_exactly_its_columns() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.set_spans([make_span("s1", 9, 13, "actor"), make_span("s2", 38, 46, "releasee")])
        [(start, end, style)] = styles_on_line(view, 0)
        assert (start, end) == (9, 13)
        assert style.bgcolor is not None and style.underline
        [(start, end, style)] = styles_on_line(view, 1)
        assert (start, end) == (0, 8)  # offsets 38..46 on row 1
        assert style.bgcolor is not None and style.underline and style.bold
        assert styles_on_line(view, 2) == []

    run_with_article(check)


def test_a_span_across_lines_is_painted_on_each_line() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.set_spans([make_span("s1", 32, 46, "releasee")])
        assert [(start, end) for start, end, _ in styles_on_line(view, 0)] == [(32, 37)]
        assert [(start, end) for start, end, _ in styles_on_line(view, 1)] == [(0, 8)]

    run_with_article(check)


def test_nested_and_crossing_spans_stay_distinguishable() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        # actor 15..31 holds count 25..28; date 20..34 crosses the actor's end.
        view.set_spans(
            [
                make_span("s1", 15, 31, "actor"),
                make_span("s2", 25, 28, "count"),
                make_span("s3", 20, 34, "date"),
            ]
        )
        styled = styles_on_line(view, 0)
        assert [(start, end) for start, end, _ in styled] == [
            (15, 20),
            (20, 25),
            (25, 28),
            (28, 31),
            (31, 34),
        ]
        actor, actor_date, all_three, actor_date_again, date = (style for _, _, style in styled)
        assert actor_date_again == actor_date
        assert len({actor.bgcolor, actor_date.bgcolor, all_three.bgcolor, date.bgcolor}) == 4
        assert actor.underline and not actor.italic
        assert actor_date.underline and actor_date.italic and not actor_date.bold
        assert all_three.underline and all_three.italic and all_three.bold
        assert date.italic and not date.underline

    run_with_article(check)


def test_touching_spans_of_one_label_get_different_tints() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.set_spans([make_span("s1", 9, 11, "actor"), make_span("s2", 11, 13, "actor")])
        first, second = (style for _, _, style in styles_on_line(view, 0))
        assert first.bgcolor != second.bgcolor
        assert first.underline and second.underline

    run_with_article(check)


def test_labels_differ_without_colour() -> None:
    palette = ArticleView(SCHEME).palette
    marks = [palette.attributes(label.name) for label in SCHEME.labels]
    assert marks == [{"underline"}, {"bold"}, {"italic"}, {"underline", "bold"}]
    assert palette.attributes("not_in_the_scheme") == {"underline", "italic"}


def test_spans_past_the_text_are_left_out_and_load_text_clears_spans() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        past = Span(id="s9", start=60, end=80, label="actor", text="x")
        view.set_spans([make_span("s1", 9, 13, "actor"), past])
        assert len(view.spans) == 2
        assert styles_on_line(view, 2) == []
        view.load_text("Another article")
        assert not view.spans
        assert styles_on_line(view, 0) == []
        assert view.cursor_offset == 0

    run_with_article(check)


def test_set_spans_repaints_the_rendered_line() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.move_to_offset(59)  # keep the cursor off row 0
        await pilot.pause()

        def kyiv_backgrounds() -> set[object]:
            strip = view.render_line(0)
            return {
                segment.style and segment.style.bgcolor
                for segment in strip
                if "Kyiv" in segment.text
            }

        before = kyiv_backgrounds()
        view.set_spans([make_span("s1", 9, 13, "actor")])
        await pilot.pause()
        strip = view.render_line(0)
        [kyiv] = [segment for segment in strip if segment.text == "Kyiv"]
        assert kyiv.style is not None and kyiv.style.underline
        assert {kyiv.style.bgcolor} != before

    run_with_article(check)
