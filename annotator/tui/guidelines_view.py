"""The scheme's guidelines beside the article (their keys: ``annotate_guidelines``).

Read, they are some 170 widgets (Textual's Markdown makes one per paragraph, bullet and list),
three times the rest of the annotation screen. A class or focus changed on a node restyles every
widget under it, and those blocks made each ``g`` take about 140 ms (bench/overlay_open.py):
the screen's ``-guidelines`` and ``-focus-beside-article`` and the pane's own focus each
restyled them, and nothing those decide styles a block. So those changes restyle the rest only
(``restyle_all_but_blocks``); a Pilot test compares the blocks' styles with a full restyle's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.dom import DOMNode
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
        # Its focus decides its border (annotator.tcss), not its blocks' styles.
        restyle_all_but_blocks(self)


def all_but_blocks(root: DOMNode) -> Iterator[DOMNode]:
    """``root`` and the nodes under it, a guidelines pane's blocks left out (the pane not)."""
    yield root
    if isinstance(root, GuidelinesView):
        return
    for child in root.children:
        yield from all_but_blocks(child)


def restyle_all_but_blocks(root: DOMNode) -> None:
    """What Textual does when a class or pseudo-class of ``root`` changes (restyle it and every
    node under it), a guidelines pane's blocks left out: no class or focus of theirs or of
    their ancestors decides their styles (annotator.tcss, Textual's Markdown CSS)."""
    root.app.stylesheet.update_nodes(all_but_blocks(root), animate=True)
