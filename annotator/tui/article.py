"""The article: a read-only text area that paints spans and speaks in code-point offsets.

The widget holds the *display copy* of the text (``annotator.core.display``), in which every
control and line-breaking character other than ``\\n`` is one visible symbol, and every
invisible one (a zero-width space, a bidi control; not a joiner inside a word) a dim ``◌`` or
``⇄`` (``invisible_said.symbols_in_place``), so a location (row, column) of the widget and an
offset into the real text always name the same character.
Offsets and locations are converted through a ``LineIndex`` (bisect), never by walking lines.

Spans are painted in ``get_line``, the text area's public hook for styling a line, from the
stretches ``article_spans`` works out; styles come from ``SpanPalette`` (see ``span_styles``),
and so is the selection, drawn as a label key would label it (``article_selection``).

Keys: the article keeps the text area's moving and selecting keys (``article_moves``: the arrows
step over whole characters; shift+pageup / pagedown select too), adds ctrl+home / ctrl+end and
F8 (the selection's other end moves), and hands the keys the annotation screen gives a meaning
to that screen's actions (``x`` and delete, ctrl+z, ctrl+y, tab, shift+tab). The text area's
editing keys are not inherited: the article is never edited, and keys it does not use
(backspace, ctrl+d, ctrl+k...) reach the screen.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.document._wrapped_document import WrappedDocument
from textual.geometry import Region, Size
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from annotator.core.display import LineIndex, display_text
from annotator.core.invisible_said import symbols_in_place
from annotator.core.models import Span
from annotator.core.scheme import Scheme
from annotator.core.word_selection import sentence_at, word_at
from annotator.tui.article_cover import covered_from
from annotator.tui.article_moves import ArticleMoves
from annotator.tui.article_search import SearchLine as SearchLine  # where screens import it
from annotator.tui.article_selection import SELECTION_THEME, DrawnSelection, selection_theme
from annotator.tui.article_spans import PaintedSpans
from annotator.tui.article_wrap import WrappedArticle
from annotator.tui.saving_app import SavingApp
from annotator.tui.span_styles import SpanPalette, few_colours

# An invisible character's symbol is drawn dim: it stands for the character, not in the text.
INVISIBLE_STYLE = "dim"


class ArticleView(ArticleMoves, TextArea, inherit_bindings=False):
    """The read-only article, painting the spans of the current record."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Moving and selecting (the text area's own keys).
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("left", "cursor_left", "Cursor left", show=False),
        Binding("right", "cursor_right", "Cursor right", show=False),
        Binding("ctrl+left", "cursor_word_left", "Word left", show=False),
        Binding("ctrl+right", "cursor_word_right", "Word right", show=False),
        Binding("home,ctrl+a", "cursor_line_start", "Line start", show=False),
        Binding("end,ctrl+e", "cursor_line_end", "Line end", show=False),
        Binding("pageup", "cursor_page_up", "Page up", show=False),
        Binding("pagedown", "cursor_page_down", "Page down", show=False),
        Binding("shift+pageup", "cursor_page_up(True)", "Select a page up", show=False),
        Binding("shift+pagedown", "cursor_page_down(True)", "Select a page down", show=False),
        Binding("ctrl+home", "cursor_article_start", "Article start", show=False),
        Binding("ctrl+end", "cursor_article_end", "Article end", show=False),
        Binding("shift+up", "cursor_up(True)", "Select up", show=False),
        Binding("shift+down", "cursor_down(True)", "Select down", show=False),
        Binding("shift+left", "cursor_left(True)", "Select left", show=False),
        Binding("shift+right", "cursor_right(True)", "Select right", show=False),
        Binding("ctrl+shift+left", "select_word_left", "Select word left", show=False),
        Binding("ctrl+shift+right", "select_word_right", "Select word right", show=False),
        Binding("shift+home", "cursor_line_start(True)", "Select to line start", show=False),
        Binding("shift+end", "cursor_line_end(True)", "Select to line end", show=False),
        Binding(
            "ctrl+shift+home", "cursor_article_start(True)", "Select to article start", show=False
        ),
        Binding("ctrl+shift+end", "cursor_article_end(True)", "Select to article end", show=False),
        Binding("f6", "select_line", "Select line", show=False),
        Binding("f7", "select_all", "Select all", show=False),
        Binding("f8", "swap_selection_ends", "Swap which end of the selection moves", show=False),
        Binding("ctrl+c,super+c", "copy", "Copy the selected words", show=False),
        # Keys the annotation screen gives a meaning to. They are shown (the footer lists the
        # focused widget's binding for a key in place of the screen's), and a screen without
        # the action lets the key fall through to its own bindings (tab then moves the focus).
        Binding("x,delete", "screen.delete_span", "Delete span", id="article.delete_span"),
        Binding(
            "escape",
            "screen.clear_selection",
            "Clear the selection",
            id="article.clear_selection",
            show=False,
        ),
        Binding("ctrl+z,super+z", "screen.undo", "Undo", id="article.undo"),
        Binding("ctrl+y,super+y", "screen.redo", "Redo", id="article.redo", show=False),
        Binding("tab", "screen.next_span", "Next span", id="article.next_span", show=False),
        Binding(
            "shift+tab",
            "screen.previous_span",
            "Previous span",
            id="article.previous_span",
            show=False,
        ),
    ]

    def __init__(self, scheme: Scheme, **kwargs: Any) -> None:
        super().__init__(
            "",
            read_only=True,
            soft_wrap=True,
            highlight_cursor_line=False,
            show_line_numbers=False,
            tab_behavior="focus",
            **kwargs,
        )
        self.set_reactive(TextArea.match_cursor_bracket, False)  # brackets are prose here
        self.scheme = scheme
        self.palette = SpanPalette(scheme)
        self._char_mode = False
        self._text_original = ""
        self._line_index = LineIndex("")
        self._invisible_at: list[int] = []
        self._painted = PaintedSpans(self.palette)
        self._drawn = DrawnSelection()
        self.register_theme(selection_theme())
        self.theme = SELECTION_THEME

    @property
    def char_mode(self) -> bool:
        """Selections keep exact characters instead of snapping to tokens (the screen's switch)."""
        return self._char_mode

    @char_mode.setter
    def char_mode(self, char_mode: bool) -> None:
        self._char_mode = char_mode
        self.notify_style_update()  # the selection is drawn snapped the other way
        self.refresh()

    # The text area's hot paths, made cheap for long articles.

    _joined_text = ""
    _joined_for: tuple[object, int] | None = None
    _wrapped: WrappedDocument

    @property
    def text(self) -> str:
        """The display copy, joined once per document and change. The text area reads ``text``
        for every line it renders (``render_line`` checks for a placeholder), which joined all
        1 MB of a long article each time."""
        document, wrapped = self.document, self.wrapped_document
        changes = wrapped.changes if isinstance(wrapped, WrappedArticle) else -1
        joined = self._joined_for
        if joined is None or joined[0] is not document or joined[1] != changes or changes < 0:
            self._joined_text, self._joined_for = document.text, (document, changes)
        return self._joined_text

    @text.setter
    def text(self, value: str) -> None:
        self.load_text(value)

    @property
    def wrapped_document(self) -> WrappedDocument:
        return self._wrapped

    @wrapped_document.setter
    def wrapped_document(self, wrapped: WrappedDocument) -> None:
        # The text area makes a plain WrappedDocument for every document it loads: give it the
        # memories above (they are class defaults until first used, so only the class changes).
        if type(wrapped) is WrappedDocument:
            wrapped.__class__ = WrappedArticle
        self._wrapped = wrapped

    def validate_read_only(self, read_only: bool) -> bool:
        # An edit would put the display copy out of step with the real text.
        return True

    # The text

    def load_text(self, text: str) -> None:
        """Show ``text`` (through its display copy), with no spans and the cursor at the start."""
        self._text_original = text
        self._line_index = LineIndex(text)
        self._painted.clear()
        # Drawn raw, a U+202E reversed the rest of its line on screen, and a zero-width space
        # at a span's edge showed nothing: each is a symbol in its place, of one cell.
        shown, self._invisible_at = symbols_in_place(text, display_text(text))
        super().load_text(shown)

    @property
    def text_original(self) -> str:
        """The real text of the article (``text`` is its display copy)."""
        return self._text_original

    @property
    def line_index(self) -> LineIndex:
        return self._line_index

    @property
    def selected_text(self) -> str:
        """The selection of the real text as made (the keys or the mouse went over it)."""
        start, end = self.selection_offsets()
        return self._text_original[start:end]

    def action_copy(self) -> None:
        """Copy the selected words (of the real text) to the clipboard, and say so.

        The words copied are those drawn as selected, which a label key would label: the
        selection as made copied "eight for" while the article showed "eight foreign".
        With nothing selected the text area passes the key on, and the app then asks whether
        one meant to quit: here it says what ctrl+c needs instead."""
        start, end = self.drawn_selection()
        copied = self._text_original[start:end]
        if not copied:
            self._tell("nothing selected: select words (shift+arrows or the mouse), then ctrl+c")
            return
        self.app.copy_to_clipboard(copied)
        words = " ".join(copied.split())
        shown = words if len(words) <= 40 else words[:39] + "…"
        self._tell(f"copied {shown!r} ({len(copied)} characters)", timeout=3)

    def _tell(self, message: str, timeout: float | None = None, kind: str = "copy") -> None:
        """Say ``message`` of ctrl+c (or of the key ``kind``): in the annotation and review apps,
        in the place of what the last press said (two copies stacked two messages, the first no
        longer true)."""
        app = self.app
        if isinstance(app, SavingApp):
            app.withdraw(kind)
            app.tell_about(kind, message, "information", timeout=timeout)
        else:
            self.notify(message, timeout=timeout, markup=False)

    # Offsets and locations

    def offset_at(self, location: tuple[int, int]) -> int:
        """The code-point offset of a (row, column) location."""
        row, column = location
        return self._line_index.offset(row, column)

    def location_at(self, offset: int) -> tuple[int, int]:
        """The (row, column) location of a code-point offset."""
        return self._line_index.location(offset)

    @property
    def cursor_offset(self) -> int:
        return self.offset_at(self.cursor_location)

    def selection_offsets(self) -> tuple[int, int]:
        """The current selection as (start, end) offsets, start <= end (equal: no selection)."""
        anchor, cursor = self.selection
        first, second = self.offset_at(anchor), self.offset_at(cursor)
        return (first, second) if first <= second else (second, first)

    def select_offsets(self, start: int, end: int) -> None:
        """Select ``start``..``end`` (the cursor goes to ``end``) and scroll it into view."""
        self.selection = Selection(self.location_at(start), self.location_at(end))
        self.record_cursor_width()
        self._scroll_rows_into_view(min(start, end), max(start, end))

    def action_swap_selection_ends(self) -> None:
        """The selection's other end moves from now on (vim's ``o`` in visual mode): the keys
        grew or shrank a selection at its cursor's end only, and a search's match could lose
        words only from the right."""
        anchor, cursor = self.selection
        if anchor == cursor:
            self._tell("nothing selected: F8 swaps which end of a selection moves", 3, "swap_ends")
            return
        if isinstance(self.app, SavingApp):
            self.app.withdraw("swap_ends")
        self.selection = Selection(cursor, anchor)
        self.record_cursor_width()

    def clear_selection(self) -> None:
        """Select nothing, the cursor left where it is (at the selection's moving end)."""
        self.selection = Selection.cursor(self.selection.end)

    def move_to_offset(self, offset: int) -> None:
        """Put the cursor at ``offset``, with nothing selected, and scroll it into view."""
        self.move_cursor(self.location_at(offset))

    # The mouse: a drag selects (the text area's own), a double click the word under the
    # pointer and a triple click its sentence, as in most editors. The word is what a drag
    # over it gives once snapped (``snap_selection``): "Kestria," selects "Kestria", and a
    # double click on a space or a comma selects nothing.

    def on_click(self, event: events.Click) -> None:
        if event.chain not in (2, 3):
            return
        offset = self.offset_at(self.get_target_document_location(event))
        text = self.text_original
        found = word_at(text, offset) if event.chain == 2 else sentence_at(text, offset)
        if found is not None:
            start, end = found
            self.selection = Selection(self.location_at(start), self.location_at(end))

    def on_resize(self, event: events.Resize) -> None:
        # The lines are wrapped anew (the text area's _on_resize, after this): the rows scrolled
        # past are others, and at 70 columns the article showed paragraph 2, the cursor at its end.
        self.call_after_refresh(self._selection_into_view)

    def _selection_into_view(self) -> None:
        self.scroll_cursor_visible()  # then the whole selection, when it fits
        self._scroll_rows_into_view(*self.selection_offsets())
        self._cursor_above_cover()

    # Messages over the article's foot (``article_cover``): the cursor's row is kept above them.

    _covered_from: int | None = None

    def on_mount(self) -> None:
        self.screen.screen_layout_refresh_signal.subscribe(self, self._layout_refreshed)

    def _layout_refreshed(self, _screen: object) -> None:
        covered = covered_from(self)
        if covered != self._covered_from:  # only then: a scroll by hand under it stays
            self._covered_from = covered
            self._cursor_above_cover()

    def _cursor_above_cover(self) -> None:
        covered, text = self._covered_from, self.content_region
        if not self.is_mounted:
            return
        # Room under the last line as tall as what covers the foot, so that it can be scrolled
        # above it too (the text area's scrolling ends with the last line at the bottom).
        under = 0 if covered is None else max(0, text.bottom - covered)
        self.virtual_size = Size(0, self.wrapped_document.height + under)
        if covered is None or covered <= text.y:
            return
        row = self.wrapped_document.location_to_offset(self.cursor_location).y
        on_screen = text.y + row - round(self.scroll_y)
        if covered <= on_screen < text.bottom:
            self.scroll_to(y=self.scroll_y + on_screen - covered + 1, animate=False, force=True)

    def _scroll_rows_into_view(self, start: int, end: int) -> None:
        # The cursor (at one end) is already in view; show the whole selection when it fits.
        if not self.is_mounted:
            return
        wrapped = self.wrapped_document
        top = wrapped.location_to_offset(self.location_at(start)).y
        bottom = wrapped.location_to_offset(self.location_at(end)).y
        if bottom - top < self.scrollable_content_region.height:
            self.scroll_to_region(Region(0, top, 1, bottom - top + 1), animate=False, force=True)

    # Spans (painted by ``article_spans``)

    @property
    def spans(self) -> tuple[Span, ...]:
        return self._painted.spans

    def set_spans(self, spans: Sequence[Span]) -> None:
        """Paint ``spans`` (replacing those painted before); spans past the text are left out."""
        self._painted.set(spans, self._line_index)
        self.notify_style_update()
        self.refresh()

    def set_current_span(self, span_id: str | None) -> None:
        """Mark span ``span_id`` as the current one (``span_styles.CURRENT_MARK``; None: none)."""
        if self._painted.set_current(span_id):
            self.notify_style_update()
            self.refresh()

    def get_line(self, line_index: int) -> Text:
        """The display line ``line_index`` with its spans painted."""
        line = super().get_line(line_index)
        for column in self._invisible_columns(line_index):
            line.stylize(INVISIBLE_STYLE, column, column + 1)
        background = self.background_colors[1]
        few = few_colours(self.app.console.color_system)
        for start, end, style in self._painted.row_styles(line_index, background, few):
            line.stylize(style, start, end)
        if self.theme == SELECTION_THEME:  # (the review's article draws its own)
            columns = self._drawn.columns(self._line_index, self.drawn_selection(), line_index)
            if columns is not None:
                line.stylize(self.get_component_rich_style("text-area--selection"), *columns)
        return line

    def _invisible_columns(self, row: int) -> list[int]:
        """The columns of line ``row`` holding an invisible character's symbol."""
        at = self._invisible_at
        if not at:
            return []
        start = self._line_index.line_start(row)
        end = start + self._line_index.line_length(row)
        return [offset - start for offset in at[bisect_left(at, start) : bisect_left(at, end)]]

    def drawn_selection(self) -> tuple[int, int]:
        """The selection as drawn: what a label key would label (``article_selection``)."""
        anchor, cursor = self.selection
        return self._drawn.stretch(
            self._text_original, self.offset_at(anchor), self.offset_at(cursor), self._char_mode
        )
