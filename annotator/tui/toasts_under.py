"""The toasts of a screen under another are hidden by marking its toast rack, not the screen.

The screen on top says every message itself (``screens.MessagesSaid``), and one under its
see-through background showed the messages of the one below too, each twice (ctrl+t's list at
80x24): ``.-suspended ToastHolder`` (annotator.tcss) hides them. Textual's own way,
``App.SUSPENDED_SCREEN_CLASS``, puts the class on the screen below, and a class changed on a
screen restyles every widget in it: the annotation screen, 220 widgets with the guidelines read
(their Markdown blocks), took about 60 ms to restyle as help, the document list or any box
opened, and as much again as it closed (bench/overlay_open.py). On the rack, the same selector
matches and only the rack and its toasts are restyled.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen

SUSPENDED = "-suspended"


def hide_toasts_under_top(app: App[Any]) -> None:
    """From now on, mark the toast racks of the screens under the top one (``SUSPENDED``)
    each time the screen on top changes; the app's ``SUSPENDED_SCREEN_CLASS`` is left empty."""

    def mark(_top: Screen[Any]) -> None:
        stack = app.screen_stack
        for screen in stack:
            # Looked up by their CSS type name: Textual's ToastRack is not public.
            for rack in screen.query_children("ToastRack"):
                rack.set_class(screen is not stack[-1], SUSPENDED)

    # Immediate: marked as the stack changes, before the next refresh draws the screens.
    app.screen_change_signal.subscribe(app, mark, immediate=True)
