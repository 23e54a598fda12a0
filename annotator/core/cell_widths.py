"""Spacing combining marks measured as terminals draw them: one cell each (two where wide).

A spacing mark (category Mc: the Devanagari vowel signs ा ि ी ो, their Bengali, Gurmukhi,
Gujarati, Tamil, Telugu, Kannada, Malayalam, Sinhala, Tibetan, Myanmar and Khmer kin) follows
its letter and takes room of its own. glibc's ``wcwidth`` gives it one cell, and so tmux, xterm
and the VTE terminals draw it; rich (and so Textual, which measures every line with rich)
counts it as none, like the non-spacing marks (Mn) drawn over their letter. A Hindi line was
then wider on screen than Textual had laid it out: it ran past the article's frame into the
panel, and the cursor and the highlight stood left of their characters. ``annotator diff``'s
lines, cut to the terminal's width by rich's count, ran past it, and a Hindi name's excerpt bar
stood left of the other's.

The display copy cannot mend this as it mends the joiners (``annotator.core.display``): a vowel
sign has no one-cell stand-in that still reads as itself. So rich's one table of widths, which
every measure reads (``rich.cells.get_character_cell_size``), is told the terminal's width for
these marks once, before anything is drawn (``annotator.tui`` does so on import, diff's report
before it measures its lines, agree's and stats' tables as their console is made). Offsets and
locations are untouched: a location still counts code points, and only cells change. Only rich
is touched here, never Textual: the commands printing for a terminal load no Textual.

Two marks are East Asian wide (the Hangul tone marks U+302E, U+302F) and two Vietnamese reading
marks (U+16FF0, U+16FF1): glibc gives them two cells, as here. Thai and Lao write their vowels
and tones with non-spacing marks only, which every count already agrees on.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from rich import cells

CellRange = tuple[int, int, int]  # first and last code point (inclusive), and their cells


def drawn_cells(code: int) -> int | None:
    """The cells a terminal gives a spacing mark, or None for any other code point."""
    character = chr(code)
    if unicodedata.category(character) != "Mc":
        return None
    return 2 if unicodedata.east_asian_width(character) in "WF" else 1


def with_spacing_marks_drawn(
    widths: Sequence[CellRange], cells_of: Callable[[int], int | None] = drawn_cells
) -> list[CellRange]:
    """``widths`` (rich's table: ascending inclusive ranges and their cells; a code point in no
    range is one cell) with each spacing mark of a zero-width range given its own cells."""
    table: list[CellRange] = []

    def add(low: int, high: int, width: int) -> None:
        if table and table[-1][2] == width and table[-1][1] == low - 1:
            table[-1] = (table[-1][0], high, width)
        else:
            table.append((low, high, width))

    for low, high, width in widths:
        if width not in (0, -1):  # -1: rich before 14 wrote some zero widths so
            add(low, high, width)
            continue
        for code in range(low, high + 1):
            add(code, code, width if (drawn := cells_of(code)) is None else drawn)
    return table


def _tables() -> list[list[CellRange]]:
    """Rich's width tables in use: ``rich._unicode_data`` (rich 14.3 and later: the table of the
    Unicode version rich picks, the one every measure without a version reads), else
    ``rich._cell_widths`` (older rich)."""
    try:
        from rich._unicode_data import load
    except ImportError:
        try:
            from rich._cell_widths import CELL_WIDTHS  # type: ignore[import-not-found]
        except ImportError:
            return []
        return [CELL_WIDTHS] if isinstance(CELL_WIDTHS, list) else []
    widths: Any = load("auto").widths
    return [widths] if isinstance(widths, list) else []


def measure_spacing_marks_as_drawn() -> bool:
    """Give rich's width table the terminal's width for spacing marks, once, before anything is
    drawn; False when this rich keeps its widths elsewhere (nothing changed)."""
    tables = _tables()
    for widths in tables:
        widths[:] = with_spacing_marks_drawn(widths)
    # Widths already asked for are cached: forget them.
    for name in dir(cells):
        clear = getattr(getattr(cells, name), "cache_clear", None)
        if callable(clear):
            clear()
    return bool(tables)
