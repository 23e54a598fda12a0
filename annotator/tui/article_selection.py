"""The selection as the article draws it: what a label key would label.

A label key labels the selection snapped (``spans.snap_selection``: whole words in token mode,
whole characters without the whitespace around them in character mode), and the article draws
that, not the characters the keys or the mouse went over: a search for "camila otxoa" showed
"Camila Otxoa" while "Camila Otxoa-Ferrand" was labelled, and "red]303" while "303" was. The
selection itself stays as made, so shift+arrows still grow and shrink it a character at a time
(the cursor shows where its moving end is), and the word steps go on from the snapped edges
(``word_selection.from_snapped_edge``). A selection with nothing to label in it (spaces,
punctuation) is drawn as made, so it never goes unseen; the readout says there is nothing in it.

The text area draws its own selection with the theme's ``selection_style``: the article's theme
(``selection_theme``) gives it a style with no look, and ``ArticleView.get_line`` paints the
drawn stretch with the ``text-area--selection`` style instead, as the text area would.
"""

from __future__ import annotations

from rich.style import Style
from textual.widgets.text_area import TextAreaTheme

from annotator.core.display import LineIndex
from annotator.core.spans import snap_selection

SELECTION_THEME = "article-snapped-selection"


def selection_theme() -> TextAreaTheme:
    """The article's text area theme: the CSS theme, its own selection drawn with no look (a
    style holding only meta, which the text area still takes for a style to apply)."""
    return TextAreaTheme(
        name=SELECTION_THEME, selection_style=Style(meta={"article-raw-selection": True})
    )


class DrawnSelection:
    """The stretch the article draws as selected, worked out once per selection."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._stretch: tuple[int, int] | None = None

    def stretch(self, text: str, anchor: int, cursor: int, char_mode: bool) -> tuple[int, int]:
        """The selection ``anchor``..``cursor`` as drawn: snapped, or as made when snapping
        leaves nothing (start == end: no selection)."""
        key = (text, anchor, cursor, char_mode)
        if self._key is None or self._key[1:] != key[1:] or self._key[0] is not text:
            low, high = min(anchor, cursor), max(anchor, cursor)
            snapped = (
                snap_selection(text, low, high, "char" if char_mode else "token")
                if low < high
                else None
            )
            self._key, self._stretch = key, snapped or (low, high)
        assert self._stretch is not None
        return self._stretch

    @staticmethod
    def columns(index: LineIndex, stretch: tuple[int, int], row: int) -> tuple[int, int] | None:
        """The columns of display line ``row`` inside ``stretch`` (None: none); a line break
        inside the stretch counts as one column past the line's end, as the text area draws."""
        start, end = stretch
        if start >= end:
            return None
        first_row, first_column = index.location(start)
        last_row, last_column = index.location(end)
        if not first_row <= row <= last_row:
            return None
        low = first_column if row == first_row else 0
        high = last_column if row == last_row else index.line_length(row)
        return (low, high) if low < high else None
