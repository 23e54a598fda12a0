"""The scheme's guidelines beside the article (their keys: ``annotate_guidelines``)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Markdown


class GuidelinesView(Markdown, can_focus=True):
    """The scheme's guidelines beside the article. ``g`` opens them with the focus here, so
    they can be read without a mouse (annotators often work over SSH)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.close_guidelines", "Close guidelines"),
        Binding("shift+tab", "screen.focus_article", "Article (keep open)"),
        Binding("up", "scroll_up", "Scroll", key_display="↑↓"),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "End", show=False),
    ]

    def watch_has_focus(self, _has_focus: bool) -> None:
        # Its focus decides its border (annotator.tcss), none of its blocks' styles: read,
        # the guidelines are some 170 widgets (Textual's Markdown makes one per paragraph,
        # bullet and list), and restyling them all, as Textual does, took about 30 ms as g
        # gave them the focus and again as it left (a Pilot test compares with a full restyle).
        self.app.stylesheet.update_nodes([self], animate=True)
