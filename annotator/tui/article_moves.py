"""How the article's cursor moves: the arrows over whole characters, the word moves and word
steps, the page moves (with shift, selecting) and ctrl+home / ctrl+end. ``ArticleView`` takes
them from ``ArticleMoves``; the rules are core's (``word_selection``, ``tokens``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from annotator.core.display import LineIndex
from annotator.core.tokens import word_left, word_right
from annotator.core.word_selection import (
    character_edge,
    character_left,
    character_right,
    word_step,
)

if TYPE_CHECKING:
    from textual.widgets import TextArea

    _TextArea = TextArea
else:
    _TextArea = object


class ArticleMoves(_TextArea):
    """The article's moving and selecting actions (a mixin before ``TextArea``)."""

    if TYPE_CHECKING:
        _text_original: str
        _line_index: LineIndex

        def offset_at(self, location: tuple[int, int]) -> int: ...
        def location_at(self, offset: int) -> tuple[int, int]: ...
        def drawn_selection(self) -> tuple[int, int]: ...
        @property
        def cursor_offset(self) -> int: ...

    # Arrows: over whole characters as the tokenizer and snapping count them (an emoji with its
    # variation selector or skin tone, a letter with its accent), where the text area stepped
    # a code point at a time and a selection could hold a lone U+FE0F.

    def get_cursor_left_location(self) -> tuple[int, int]:
        return self.location_at(character_left(self._text_original, self.cursor_offset))

    def get_cursor_right_location(self) -> tuple[int, int]:
        return self.location_at(character_right(self._text_original, self.cursor_offset))

    def get_cursor_up_location(self) -> tuple[int, int]:
        return self._whole_character(super().get_cursor_up_location())

    def get_cursor_down_location(self) -> tuple[int, int]:
        return self._whole_character(super().get_cursor_down_location())

    def _whole_character(self, location: tuple[int, int]) -> tuple[int, int]:
        return self.location_at(character_edge(self._text_original, self.offset_at(location)))

    # Word movement: the text area's rule, but a letter's accents (and a word's joiners) are
    # part of its word, where the text area stopped before and after each combining mark.

    def get_cursor_word_left_location(self) -> tuple[int, int]:
        return self._word_left_location(word_left)

    def get_cursor_word_right_location(self) -> tuple[int, int]:
        return self._word_right_location(word_right)

    # Selecting by words: each press takes one word in or out, never only the punctuation
    # between two nor only a line break (``word_selection.word_step``).

    def action_select_word_left(self) -> None:
        self._select_word(rightwards=False)

    def action_select_word_right(self) -> None:
        self._select_word(rightwards=True)

    def _select_word(self, rightwards: bool) -> None:
        anchor, cursor = self.offset_at(self.selection.start), self.cursor_offset
        moved = word_step(
            self._text_original,
            self._line_index,
            anchor,
            cursor,
            rightwards,
            self.drawn_selection(),
        )
        self.move_cursor(self.location_at(moved), select=True)

    def _word_left_location(self, step: Callable[[str, int], int]) -> tuple[int, int]:
        row, column = self.cursor_location
        if row > 0 and column == 0:
            return row - 1, len(self.document[row - 1])
        return row, step(self.document[row], column)

    def _word_right_location(self, step: Callable[[str, int], int]) -> tuple[int, int]:
        row, column = self.cursor_location
        line = self.document[row]
        if row < self.document.line_count - 1 and column == len(line):
            return row + 1, 0
        return row, step(line, column)

    # The text area's page moves, selecting with shift as every other move does.

    def action_cursor_page_up(self, select: bool = False) -> None:
        self._page(-self.content_size.height, select)

    def action_cursor_page_down(self, select: bool = False) -> None:
        self._page(self.content_size.height, select)

    def _page(self, rows: int, select: bool) -> None:
        target = self.navigator.get_location_at_y_offset(self.selection.end, rows)
        self.scroll_relative(y=rows, animate=False)
        self.move_cursor(target, select=select)

    def action_cursor_article_start(self, select: bool = False) -> None:
        self.move_cursor((0, 0), select=select)

    def action_cursor_article_end(self, select: bool = False) -> None:
        self.move_cursor(self.document.end, select=select)
