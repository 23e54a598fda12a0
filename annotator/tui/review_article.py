"""The review's article: the annotation screen's ArticleView, plus the current conflict's versions.

Agreed (gold) spans are painted as the annotation screen paints them: a tint of the label's
colour behind the text. The spans of the current conflict's versions are painted in the *text*
instead: each version has a colour of its own (the conflict panel shows the same colour beside
the version's number) and a text attribute, so versions stay apart without colour too; the
panel draws each version's annotators as its spans are drawn, so it says which mark is whose.
In 16 colours the versions take standard colours of their own (the scheme-free colours below fell
on white, the text's own, or twice on bright yellow); with no colour at all (``NO_COLOR``) they
are drawn reversed on one mid grey, which agreed spans never are (their underline, bold and
italic are the versions' too). A character several versions mark takes the colour of the
shortest span over it (so a version's span nested in another's stays visible) and the
attributes of all. The regions of the document's other open conflicts get a faint warm
background, so the reviewer sees what is left.

The selection (the conflict's words, selected when the review moves to it, or what ``e`` draws
from) is drawn last, as a label key would label it (snapped to whole words: ``article_selection``),
as the annotation screen's article draws it, and as that one's: the text reversed, a block of
the text's own colour over any tint (on a dark theme the lightest thing in the article), the one
thing reversed in colour (``selection_styles``). A version's mark in it is a block of the
version's colour instead, so the versions still show in it. By its background only, a trial's
selection was invisible inside the conflict without colour (the versions reversed), looked like
another conflict's patch outside it, and in 16 colours was the current and other conflicts'
bright black. Without colour the versions' mid grey keeps them apart from it (version 3's yellow
went as light a grey as the text). A terminal with no colour system at all leaves reverse alone:
there a version's mark in the selection looks as it does outside it.

Painting goes through ``get_line``, the text area's public hook, after the article's own spans;
``notify_style_update`` clears the line cache when the versions change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.geometry import Region
from textual.message import Message
from textual.widgets.text_area import TextAreaTheme

from annotator.core.scheme import Scheme
from annotator.tui.article import ArticleView
from annotator.tui.article_selection import DrawnSelection
from annotator.tui.keys import declared
from annotator.tui.span_styles import few_colours

# Colours readable as text on dark and mid backgrounds; they follow one another around the
# colour wheel so neighbouring version numbers look most different.
VERSION_COLOURS = (
    "#4dd0e1",
    "#ff6fb5",
    "#ffd54f",
    "#9ccc65",
    "#b39ddb",
    "#ff8a65",
    "#80cbc4",
    "#f48fb1",
    "#e6ee9c",
)
# The same in 16 colours: standard colours, bright first, each unlike the others, the text's
# (white), the article's and the selection's (black, bright black); as Rich's palette has them.
FEW_VERSION_COLOURS = (
    "#55ffff",  # bright cyan
    "#ff55ff",  # bright magenta
    "#ffff55",  # bright yellow
    "#55ff55",  # bright green
    "#ff5555",  # bright red
    "#5555ff",  # bright blue
    "#00aaaa",  # cyan
    "#aa00aa",  # magenta
    "#aa5500",  # yellow
)
VERSION_ATTRIBUTES = (
    frozenset({"underline"}),
    frozenset({"italic"}),
    frozenset({"bold"}),
    frozenset({"underline", "italic"}),
    frozenset({"underline", "bold"}),
    frozenset({"italic", "bold"}),
)
OTHER_CONFLICT_COLOUR = "#ffb000"
OTHER_CONFLICT_TINT = 0.18
# Without colour every version's mark is reversed on this blend of the background toward its
# contrasting text: half way, well apart from the selection's block of the text's colour.
COLOURLESS_VERSION_GREY = 0.5

_THEME = "review-article"
OTHER = -1  # the version number of another conflict's region


def version_colour(index: int, few: bool = False) -> str:
    """Version ``index``'s colour (``few``: a terminal of 16 colours or fewer's)."""
    colours = FEW_VERSION_COLOURS if few else VERSION_COLOURS
    return colours[index % len(colours)]


def colour_mode(app: App[Any]) -> tuple[bool, bool]:
    """(few, none): whether ``app``'s terminal has 16 colours or fewer, and whether it shows
    no colour at all (``NO_COLOR``, which Textual turns into greys, or no colour system)."""
    system = app.console.color_system
    return few_colours(system), app.no_color or system is None


def selection_styles(
    columns: tuple[int, int],
    marks: Sequence[tuple[int, int, Style, bool]],
    text: Color,
    background: Color,
    colourless: bool,
) -> list[tuple[int, int, Style]]:
    """How the selected ``columns`` of a row are drawn over the row's ``marks`` ((start, end,
    style, whether a version's)) in the article's ``text`` and ``background`` colours: the text
    reversed, a block of the text's colour whatever tint was under it (as the annotation
    screen's selection, ``annotator.tcss``), its underline, bold and italic kept. In colour a
    version's mark in it is a block of the version's colour, its letters the darker of the
    two colours; without colour, the selection's block too (its reverse would undo the
    version's, and its grey block is the versions' look)."""
    low, high = columns
    reversed_text = Style(color=text.rich_color, bgcolor=background.rich_color, reverse=True)
    styles = [(low, high, reversed_text)]
    if colourless:
        return styles
    letters = background
    if background.ansi is None and text.ansi is None and text.brightness < background.brightness:
        letters = text  # a light theme: white letters on a yellow version went unread
    for start, end, style, is_version in marks:
        if is_version and start < high and low < end and style.color is not None:
            block = Style(color=style.color, bgcolor=letters.rich_color, reverse=True)
            styles.append((max(low, start), min(high, end), block))
    return styles


def version_style(
    indexes: Sequence[int], background: Color, few: bool = False, colourless: bool = False
) -> Style:
    """The style of text marked by the versions ``indexes`` (0-based, at least one; the first
    gives the colour). ``few``: 16 colours or fewer; ``colourless``: no colour at all, where
    a version's marks are reversed, unlike any agreed span's, on one mid grey (a version's
    colour made grey can be as light as the selection's block)."""
    versions = [index for index in indexes if index != OTHER]
    if not versions:
        if background.ansi is not None:
            return Style(color="yellow")
        return Style(
            bgcolor=background.blend(
                Color.parse(OTHER_CONFLICT_COLOUR), OTHER_CONFLICT_TINT
            ).rich_color
        )
    attributes: set[str] = set()
    for index in versions:
        attributes |= VERSION_ATTRIBUTES[index % len(VERSION_ATTRIBUTES)]
    colour = Color.parse(version_colour(versions[0], few))
    if colourless and background.ansi is None:
        colour = background.blend(background.get_contrast_text(), COLOURLESS_VERSION_GREY)
    return Style(
        color=colour.rich_color,
        bold=True if "bold" in attributes else None,
        italic=True if "italic" in attributes else None,
        underline=True if "underline" in attributes else None,
        reverse=True if colourless else None,
    )


class ReviewArticle(ArticleView, inherit_bindings=False):
    """The article with the annotation screen's moving and selecting keys, and none of its
    span keys (delete, tab to the next span): a review settles conflicts instead."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(b for b in declared(ArticleView) if not b.action.startswith("screen.")),
        Binding("ctrl+z,super+z", "screen.undo", "Undo the last decision", show=False),
    ]

    class Resized(Message):
        """The article was laid out at another size, its lines wrapped anew: what was in view
        may not be (the screen brings the conflict's words back)."""

    def __init__(self, scheme: Scheme, **kwargs: Any) -> None:
        super().__init__(scheme, **kwargs)
        self._marks_by_row: dict[int, list[tuple[int, int, int]]] = {}
        self._marked_rows: dict[int, list[tuple[int, int, Style, bool]]] = {}

    def on_mount(self) -> None:
        self._selection_keeps_text_colour()
        self.watch(self.app, "theme", self._selection_keeps_text_colour, init=False)

    def _selection_keeps_text_colour(self) -> None:
        # ``get_line`` draws the selection (``selection_styles``: a version's mark keeps its
        # colour in it) as a label key would label it (snapped, as the annotation screen's
        # article does: ``article_selection``), so the text area's own selection is given no
        # look (a style holding only meta, which it still applies).
        self.register_theme(
            TextAreaTheme(name=_THEME, selection_style=Style(meta={"review-raw-selection": True}))
        )
        self.theme = _THEME

    def load_text(self, text: str) -> None:
        self._marks_by_row = {}
        self._marked_rows = {}
        super().load_text(text)

    def set_versions(
        self, marks: Sequence[tuple[int, int, int]], other_regions: Sequence[tuple[int, int]]
    ) -> None:
        """Paint ``marks`` ((start, end, version index)) and the ``other_regions``."""
        index = self.line_index
        length = index.text_length
        by_row: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        pieces = [*marks, *((start, end, OTHER) for start, end in other_regions)]
        for start, end, version in pieces:
            if not 0 <= start < end <= length:
                continue
            first_row, first_column = index.location(start)
            last_row, last_column = index.location(end)
            for row in range(first_row, last_row + 1):
                low = first_column if row == first_row else 0
                high = last_column if row == last_row else index.line_length(row)
                if low < high:
                    by_row[row].append((low, high, version))
        self._marks_by_row = dict(by_row)
        self._marked_rows = {}
        self.notify_style_update()
        self.refresh()

    def rows_in_view(self, start: int, end: int) -> tuple[int, int]:
        """The rows the text from ``start`` to ``end`` is on, counted from the first the
        article shows (wrapped lines are rows; out of view: below 0 or past its height)."""
        wrapped = self.wrapped_document
        first = wrapped.location_to_offset(self.location_at(start)).y
        last = wrapped.location_to_offset(self.location_at(end)).y
        shown = round(self.scroll_y)
        return first - shown, last - shown

    def bring_into_view(self, start: int, end: int) -> None:
        """Scroll the text from ``start`` to ``end`` to the middle unless it is in view already
        (its first row, when it is taller than the article)."""
        first, last = self.rows_in_view(start, end)
        height = self.scrollable_content_region.height
        if first >= 0 and last < height:
            return
        shown = round(self.scroll_y)
        rows = min(last - first + 1, height)
        self.scroll_to_region(
            Region(0, first + shown, 1, rows), animate=False, center=True, force=True
        )

    def on_resize(self, event: events.Resize) -> None:
        # The text area has wrapped its lines for the new width (its own _on_resize).
        self.post_message(self.Resized())

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        marks = self._row_marks(line_index)
        for start, end, style, _is_version in marks:
            line.stylize(style, start, end)
        # The selection as drawing a span (e) will write it: snapped to whole words, or in
        # character mode without the spaces at its edges. The panel said "→ as whole words:
        # “23 prisoners”" while the article showed the raw "23 prisoner".
        columns = DrawnSelection.columns(self.line_index, self.drawn_selection(), line_index)
        if columns is not None:
            _few, colourless = colour_mode(self.app)
            _parent, _parent_text, background, text = self.colors
            for start, end, style in selection_styles(columns, marks, text, background, colourless):
                line.stylize(style, start, end)
        return line

    def _row_marks(self, row: int) -> list[tuple[int, int, Style, bool]]:
        marks = self._marks_by_row.get(row)
        if not marks:
            return []
        styled = self._marked_rows.get(row)
        if styled is None:
            few, colourless = colour_mode(self.app)
            background = self.background_colors[1]
            styled = self._marked_rows[row] = _sweep(marks, background, few, colourless)
        return styled


def _sweep(
    marks: list[tuple[int, int, int]], background: Color, few: bool, colourless: bool
) -> list[tuple[int, int, Style, bool]]:
    # The shortest mark covering a stretch gives it its colour (a version's span nested in
    # another's stays visible), every covering mark its attributes. True: a version's (not
    # only other conflicts' regions).
    edges = sorted({edge for start, end, _ in marks for edge in (start, end)})
    styled = []
    for low, high in pairwise(edges):
        covering = sorted(
            (end - start, version) for start, end, version in marks if start <= low and high <= end
        )
        if covering:
            versions = [version for _length, version in covering]
            style = version_style(versions, background, few, colourless)
            styled.append((low, high, style, any(version != OTHER for version in versions)))
    return styled
