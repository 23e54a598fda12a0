"""The legend at the top of the panel beside the article (label keys and colours), and the
label styles and short words the panel's lists share (``span_list``, ``span_detail``)."""

from __future__ import annotations

import sys
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from annotator.core.display import display_text, shortened
from annotator.core.scheme import Scheme
from annotator.tui.span_styles import SpanPalette, few_colours


def drawn_label_style(widget: Widget, palette: SpanPalette, name: str) -> Style:
    """How ``widget`` names label ``name``: as a lone span of it is drawn in the article
    (``SpanPalette.legend_style``), on the widget's background and in its terminal's colours.
    A name in the label's colour, bold, drew count and releasee in the same bright red in 16
    colours, and every label alike without colour."""
    few = few_colours(widget.app.console.color_system)
    drawn = palette.legend_style(name, widget.background_colors[1], few)
    # In the widget's own text colour and no marks but the label's: a name inside a text of
    # another colour, bold (the review's versions), took them, unlike its spans in the article.
    plain = Style(
        color=widget.rich_style.color, bold=False, italic=False, underline=False, underline2=False
    )
    return plain + drawn


def short(text: str, limit: int = 34) -> str:
    """Words for a list or a readout: cut in the middle, as the article shows them."""
    return display_text(shortened(text, limit))


class Legend(Static):
    """Label keys and colours: the key on a swatch of the label's colour, and the name drawn as
    a lone span of the label is in the article (``SpanPalette.legend_style``: its tint and its
    underline, bold or italic), so that the legend says whose each mark is, with colour or not.
    In 16 colours the swatch and the name take the label's standard colour the article uses:
    the scheme's own colours fell on the same bright red for two labels there (a trial).

    Spaced out when the panel is wide enough, packed when not (80 columns), and on as many
    rows as the keys need: a key is never left at a row's end apart from its name, nor cut
    off. A scheme of five labels lost ``5 arrests`` past the panel's edge at 80 columns (a
    trial), and the footer leaves label keys out there: only ``?`` still listed key 5.

    The rows are laid out for the width the legend is given (``render``, and
    ``get_content_height`` for its height): a legend set on a resize kept the height of the
    text before it, one row."""

    def __init__(self, scheme: Scheme, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scheme = scheme
        self.palette = SpanPalette(scheme)

    def legend(self, width: int) -> Text:
        """The legend in ``width`` cells: spaced out unless that takes more rows than packed."""
        roomy = self._rows(width, roomy=True)
        packed = self._rows(width, roomy=False)
        return roomy if roomy.plain.count("\n") <= packed.plain.count("\n") else packed

    def _rows(self, width: int, roomy: bool) -> Text:
        gap = "  " if roomy else " "
        text = Text()
        row_cells = 0
        background = self.background_colors[1]
        few = few_colours(self.app.console.color_system)
        for label in self.scheme.labels:
            entry = Text()
            key_style = self.palette.key_style(label.name, background, few)
            entry.append(f" {label.key} " if roomy else label.key, style=key_style)
            entry.append(" ")
            entry.append(label.name, style=self.palette.legend_style(label.name, background, few))
            # A name longer than a whole row (a very narrow panel) is cut, its key kept.
            entry.truncate(max(width, 1), overflow="ellipsis")
            if row_cells and row_cells + len(gap) + entry.cell_len > width:
                text.append("\n")
                row_cells = 0
            elif row_cells:
                text.append(gap)
                row_cells += len(gap)
            text.append_text(entry)
            row_cells += entry.cell_len
        return text

    def render(self) -> Text:
        # Before the first layout (no width yet): one row.
        return self.legend(self.content_size.width or sys.maxsize)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Each row fits the width (``_rows``): no row wraps.
        return len(self.legend(width).plain.split("\n"))
