"""A form field's links to spans, shown beside it, and the keys that make and drop them.

A trial's journal had ``released_by`` linked to ``s1`` and ``s14`` (a slip: another transfer
with the same text) while the form showed only ``Balkor``: links were invisible and could not
be removed. Each field filled from spans now names its links (dim ``⛓ s1 s14``): after its
input when the item's names are beside the inputs, on the name's line when they are stacked
above them (80 columns), so no row is added. A list field's marker has a word per item, ``–``
for one typed by hand (``list_links.marker_words``), and its name counts its items.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Label, Static

from annotator.tui.form_hints import HintedInput

LINK_MARK = "⛓"
# The cells of a field's name beside its input (``.field-name`` in annotator.tcss), one of them
# the gap before the input.
NAME_CELLS = 14


def links_text(links: list[str], width: int) -> Text:
    """``⛓ s1 s14`` within ``width`` cells; ids that do not fit become ``+2``."""
    if not links or width < 3:
        return Text()
    for shown in range(len(links), -1, -1):
        rest = len(links) - shown
        words = [LINK_MARK, *links[:shown], *([f"+{rest}"] if rest else [])]
        line = " ".join(words)
        if len(line) <= width or shown == 0:
            return Text(line[:width], style="dim")
    return Text()  # pragma: no cover - the loop always returns


class FieldInput(HintedInput):
    """The input of a field filled from spans: its link keys show in the footer while it has
    the focus (they act on the focused field only; the screen runs them)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+l", "screen.fill_from_span", "Fill"),
        Binding("ctrl+t", "screen.link_span", "Link only"),
        Binding("ctrl+n", "screen.unlink", "Unlink"),
    ]


class FieldName(Label):
    """A field's name; in a stacked item (names above inputs) its links follow the name. A
    list field holding several items says how many (``releasees (2)``): its input shows part
    of one, and a trial saw no sign of the second."""

    def __init__(self, title: str, path: str, **kwargs: Any) -> None:
        super().__init__(title, name=path, **kwargs)
        self.title = title
        self.links: list[str] = []
        self.items: int | None = None

    def show_links(self, links: list[str], items: int | None = None) -> None:
        if links != self.links or items != self.items:
            self.links, self.items = list(links), items
            self.refresh()

    def _counted_name(self) -> str:
        """The name, with the count of a list's items when there are several and it fits
        in the name's cells (``form_rows.NAME_CELLS``; any room when stacked)."""
        if self.items is None or self.items < 2:
            return self.title
        counted = f"{self.title} ({self.items})"
        fits = len(counted) < NAME_CELLS or self._stacked()
        return counted if fits else self.title

    def _stacked(self) -> bool:
        if self.parent is not None and self.parent.has_class("-long-name"):
            return True  # above its input, whatever the width
        # The form's -stacked (EventForm); the screen's class for the panel under the article
        # below 80 columns is -under (named -stacked, a trial saw a count's link twice at 70x20).
        return any(node.has_class("-stacked") for node in self.ancestors) and any(
            node.has_class("group-item") for node in self.ancestors
        )

    def render(self) -> Text:
        name = self._counted_name()
        text = Text(name)
        if self.links and self._stacked():
            room = self.size.width - len(name) - 2
            text.append("  ")
            text.append_text(links_text(self.links, room))
        return text


class FieldLinks(Static):
    """A field's links after its input (items whose names are beside the inputs)."""

    MAX_WIDTH = 16
    STYLE_CLASS = "field-links"  # its rules in the app's CSS (annotator.tcss)

    def __init__(self, path: str, **kwargs: Any) -> None:
        super().__init__("", name=path, classes=f"{self.STYLE_CLASS} -empty", **kwargs)
        self.links: list[str] = []

    def show_links(self, links: list[str], items: int | None = None) -> None:
        self.links = list(links)
        self.set_class(not links, "-empty")  # a class, not display: stacking hides it too
        self.update(links_text(self.links, self.MAX_WIDTH - 1))
