"""The article's wrapping: Textual's wrapped document, faster for a long article.

This module reaches into Textual's text-area internals (``WrappedDocument``'s tables, its
``compute_wrap_offsets``), which other modules of the project must not do. It is kept apart, and
only used with the Textual minor version it was written and tested against
(tests/tui/test_article_wrap.py compares every table with Textual's own): with another version,
``wrap`` falls back to Textual's own method.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from typing import Any

from rich.cells import get_character_cell_size
from textual._wrap import compute_wrap_offsets
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import get_tab_widths

# The Textual minor version whose WrappedDocument internals this module rebuilds.
TESTED_TEXTUAL = "8.2."
FAST_WRAP = version("textual").startswith(TESTED_TEXTUAL)


# Wrapping. The text area wraps every line of the text again on each change of its width, with
# Textual's ``compute_wrap_offsets``: a loop over every word (a "chunk": a run of non-spaces and
# the spaces after it) of the article, some 150 ms for 1 MB, most of a window resize. Where every
# character of a line is one cell wide, the same breaks follow from a few searches per *screen
# row* instead; ``_single_cell_wrap_offsets`` finds them so, and other lines (a tab, a wide or
# zero-width character) are still wrapped by Textual's function itself.

# In the line reversed: the first character of a chunk (a non-space after a space, or first).
_CHUNK_FIRST_REVERSED = re.compile(r"\S(?!\S)")
# The first character of the next chunk: a non-space after a space.
_NEXT_CHUNK = re.compile(r"(?<=\s)\S")


def _single_cell_wrap_offsets(line: str, width: int) -> list[int]:
    """``compute_wrap_offsets(line, width, ...)`` for a ``line`` whose every character is one
    cell wide (so a column is a cell) and ``width`` > 0.

    Textual's rule, chunk by chunk: a chunk that fits (its end at
    most ``width`` cells from the row's start, its trailing spaces counted) stays on the row; one
    that does not starts a new row (a break at its start), unless it is wider than ``width``:
    then it is folded, a break at its start (unless 0) and every ``width`` characters after.
    So from a row starting at column s, the first chunk that does not fit is the one holding
    column s + width, and the row's break follows from that chunk's start and end alone."""
    length = len(line)
    breaks: list[int] = []
    if length <= width:
        return breaks
    reversed_line = line[::-1]
    last = length - 1
    row_start = 0
    while row_start + width < length:
        overflow = row_start + width  # the first column past this row
        found = _CHUNK_FIRST_REVERSED.search(reversed_line, last - overflow)
        chunk_start = last - found.start() if found else 0
        after = _NEXT_CHUNK.search(line, overflow + 1)
        chunk_end = after.start() if after else length
        if chunk_end - chunk_start <= width:
            # chunk_start > row_start: the row's first chunk ends within the row.
            breaks.append(chunk_start)
            row_start = chunk_start
        else:
            if chunk_start:
                breaks.append(chunk_start)
            folds = range(chunk_start + width, chunk_end, width)
            breaks.extend(folds)
            row_start = folds[-1]
    return breaks


# Characters known to be one cell wide, or not, for rich (whose widths Textual's wrapping uses).
# rich's widths depend on the Unicode version it settles on once per process, hence kept here.
_ONE_CELL: set[str] = {chr(code) for code in range(0x20, 0x7F)}
_NOT_ONE_CELL: set[str] = set()


def _is_one_cell_per_character(line: str) -> bool:
    """Whether every character of ``line`` is one cell wide: then its cell length is its length
    (rich measures a text without ZWJ or VS16 character by character, and both are zero-width)
    and ``_single_cell_wrap_offsets`` applies. A tab is zero-width for rich: such a line is not."""
    if line.isascii():
        return line.isprintable()  # printable ASCII is one cell; control characters are 0
    characters = set(line)
    if characters <= _ONE_CELL:
        return True
    if not characters.isdisjoint(_NOT_ONE_CELL):
        return False
    for character in characters - _ONE_CELL:
        if get_character_cell_size(character) == 1:
            _ONE_CELL.add(character)
        else:
            _NOT_ONE_CELL.add(character)
            return False
    return True


def wrap_line(line: str, width: int, tab_width: int, one_cell: bool) -> tuple[list[int], list[int]]:
    """The wrap offsets and tab widths of one line, as ``WrappedDocument.wrap`` computes them;
    ``one_cell``: ``_is_one_cell_per_character(line)``."""
    if one_cell:  # so no tab: get_tab_widths gives one section, or none for an empty line
        offsets = _single_cell_wrap_offsets(line, width) if width else []
        return offsets, [0] if line else []
    sections = get_tab_widths(line, tab_width)
    offsets = (
        compute_wrap_offsets(line, width, tab_size=tab_width, precomputed_tab_sections=sections)
        if width
        else []
    )
    return offsets, [section_width for _, section_width in sections]


class WrappedArticle(WrappedDocument):
    """The wrapped article: wraps the whole text faster, and remembers its height and how it
    was last wrapped.

    ``wrap`` is overridden to build the same four tables as ``WrappedDocument.wrap`` (one entry
    per line or screen row; tests/tui/test_article_wrap.py compares them with Textual's own on
    varied texts), with ``wrap_line`` per line. Which lines are one cell per character is kept
    between wraps, for lines equal to those seen before (a copy of the line list is compared).

    The text area asks for the wrapped document's height for every line it renders, and
    ``WrappedDocument.height`` adds up every line of the text each time: in a 1 MB article that
    was a quarter of the time of a repaint (and of a key press's repaint). And the text area
    wraps the whole text again on every resize, also when only the height changed (the search
    line opening under the article): a wrap at the width and tab width of the last one is
    skipped. The text area follows every change of the document with ``wrap_range``, or with a
    wrap at a new width when its line numbers grow, so both memories are forgotten then;
    ``changes`` counts those moments for the article's own memory of its text."""

    _height: int | None = None
    _wrapped_at: tuple[int, int] | None = None
    _lines_seen: list[str] | None = None
    _one_cell: tuple[bool, ...] = ()
    changes = 0

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        wrapped_at = (width, self._tab_width if tab_width is None else tab_width)
        if wrapped_at == self._wrapped_at:
            return
        if not FAST_WRAP:  # another Textual: its own wrap, with the memories kept above
            super().wrap(width, tab_width)
            self._height, self._wrapped_at = None, wrapped_at
            self.changes += 1
            return
        # WrappedDocument.wrap, with wrap_line for compute_wrap_offsets and get_tab_widths.
        self._width = width
        if tab_width:
            self._tab_width = tab_width
        tab_width = self._tab_width
        lines = self.document.lines
        if lines != self._lines_seen:  # mostly the same line objects: compared by identity
            self._lines_seen = list(lines)
            self._one_cell = tuple(map(_is_one_cell_per_character, lines))
        wrap_offsets: list[list[int]] = []
        tab_widths: list[list[int]] = []
        line_index_to_offsets: list[list[int]] = []
        offset_to_line_info: list[tuple[int, int]] = []
        add_line_info = offset_to_line_info.extend
        y_offset = 0
        for line_index, (line, one_cell) in enumerate(zip(lines, self._one_cell, strict=True)):
            offsets, tabs = wrap_line(line, width, tab_width, one_cell)
            wrap_offsets.append(offsets)
            tab_widths.append(tabs)
            rows = len(offsets) + 1
            line_index_to_offsets.append(list(range(y_offset, y_offset + rows)))
            add_line_info([(line_index, row) for row in range(rows)])
            y_offset += rows
        self._wrap_offsets = wrap_offsets
        self._offset_to_line_info = offset_to_line_info
        self._line_index_to_offsets = line_index_to_offsets
        self._tab_width_cache = tab_widths
        self._height, self._wrapped_at = y_offset, wrapped_at
        self.changes += 1

    def wrap_range(self, *args: Any, **kwargs: Any) -> None:
        super().wrap_range(*args, **kwargs)
        self._height, self._wrapped_at = None, None
        self.changes += 1

    @property
    def height(self) -> int:
        if self._height is None:
            self._height = super().height
        return self._height
