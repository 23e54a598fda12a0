"""The spans the article paints (``ArticleView.set_spans``): which stretch of each display
line they cover, outermost first, and the style of each stretch (``SpanPalette``), worked out
once per row and kept until the spans, the current span, the text, the theme or the terminal's
colours change."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from rich.style import Style
from textual.color import Color

from annotator.core.display import LineIndex
from annotator.core.models import Span
from annotator.tui.span_styles import Layer, SpanPalette


class _LinePiece(NamedTuple):
    """The part of one span that lies on one line."""

    start: int  # column
    end: int  # column, exclusive
    depth_order: int  # the span's place when spans are sorted outermost first
    layer: Layer


class PaintedSpans:
    """The spans painted on the article, by display row."""

    def __init__(self, palette: SpanPalette) -> None:
        self.palette = palette
        self.spans: tuple[Span, ...] = ()
        self.current: str | None = None  # the id of the current span (``CURRENT_MARK``)
        self._order_of: dict[str, int] = {}  # each span's depth order, by id
        self._current_order: int | None = None
        self._pieces_by_row: dict[int, list[_LinePiece]] = {}
        self._styled_rows: dict[int, list[tuple[int, int, Style]]] = {}
        self._styled_for: tuple[Color, bool] | None = None  # the background and ``few``

    def clear(self) -> None:
        """No spans (a new text is shown)."""
        self.spans = ()
        self._order_of = {}
        self._current_order = None
        self._pieces_by_row = {}
        self._styled_rows = {}

    def set(self, spans: Sequence[Span], index: LineIndex) -> None:
        """Paint ``spans`` on the text ``index`` is of (replacing those painted before); spans
        past the text are left out."""
        text_length = index.text_length
        shown = [span for span in spans if 0 <= span.start < span.end <= text_length]
        self.spans = tuple(spans)
        outermost_first = sorted(shown, key=lambda span: (span.start, -span.end, span.id))
        spans_seen_by_label: dict[str, int] = defaultdict(int)
        pieces_by_row: dict[int, list[_LinePiece]] = defaultdict(list)
        for depth_order, span in enumerate(outermost_first):
            # Two spans of a label that touch get different tints (see span_styles).
            parity = spans_seen_by_label[span.label] % 2
            spans_seen_by_label[span.label] += 1
            layer = (self.palette.label_number(span.label), parity)
            first_row, first_column = index.location(span.start)
            last_row, last_column = index.location(span.end)
            for row in range(first_row, last_row + 1):
                start = first_column if row == first_row else 0
                end = last_column if row == last_row else index.line_length(row)
                if start < end:
                    pieces_by_row[row].append(_LinePiece(start, end, depth_order, layer))
        self._pieces_by_row = dict(pieces_by_row)
        self._order_of = {span.id: order for order, span in enumerate(outermost_first)}
        self._current_order = self._order_of.get(self.current) if self.current else None
        self._styled_rows = {}

    def set_current(self, span_id: str | None) -> bool:
        """Mark span ``span_id`` as the current one (None: none); whether that changed."""
        order = self._order_of.get(span_id) if span_id is not None else None
        self.current = span_id
        if order == self._current_order:
            return False
        self._current_order = order
        self._styled_rows = {}
        return True

    def row_styles(
        self, row: int, background: Color, few: bool = False
    ) -> list[tuple[int, int, Style]]:
        """(start column, end column, style) for each stretch of ``row`` under some span, on
        ``background`` (the article's); ``few``: in 16 colours or fewer (``few_colours``)."""
        pieces = self._pieces_by_row.get(row)
        if not pieces:
            return []
        if (background, few) != self._styled_for:
            self._styled_rows = {}  # the theme changed
            self._styled_for = (background, few)
        styled = self._styled_rows.get(row)
        if styled is None:
            styled = self._styled_rows[row] = self._sweep(pieces, background, few)
        return styled

    def _sweep(
        self, pieces: list[_LinePiece], background: Color, few: bool
    ) -> list[tuple[int, int, Style]]:
        # One pass over the span edges of the line, O(k log k) for k pieces, so a line holding
        # thousands of spans (an article with no line breaks) stays cheap.
        starting: dict[int, list[_LinePiece]] = defaultdict(list)
        ending: dict[int, list[int]] = defaultdict(list)
        for piece in pieces:
            starting[piece.start].append(piece)
            ending[piece.end].append(piece.depth_order)
        edges = sorted(starting.keys() | ending.keys())
        covering: dict[int, Layer] = {}
        styled: list[tuple[int, int, Style]] = []
        for edge, next_edge in pairwise(edges):
            for depth_order in ending.get(edge, ()):
                del covering[depth_order]
            for piece in starting.get(edge, ()):
                covering[piece.depth_order] = piece.layer
            if covering:
                orders = sorted(covering)
                layers = [covering[order] for order in orders]
                current = self._current_order
                at = orders.index(current) if current in covering else None
                style = self.palette.style(layers, background, few, at)
                styled.append((edge, next_edge, style))
        return styled
