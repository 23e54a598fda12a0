"""The review panel's frame: it scrolls the conflict's versions, and says when more are out of
sight. At 80x24 a group conflict's second version was below the frame's foot, reached only by
tab then pagedown, and nothing said it was there: the frame's foot now says "more below: ]",
and ``[`` / ``]`` scroll it from the article (the review screen's keys).

What the foot says is worked out again whenever the frame or its content changes size (its
``Resize`` event, sent once the layout is done) and after each redraw's refresh: worked out
from the ``virtual_size`` watcher, it saw the frame's old height, so when the notes line above
went (a document without notes) the frame said "more below" with everything in sight."""

from __future__ import annotations

from textual import events
from textual.containers import VerticalScroll

MORE_BELOW = "▼ more below: ]"
MORE_ABOVE = "▲ more above: ["


class VersionsBox(VerticalScroll):
    """The conflict panel's scrolling frame, its subtitle saying what is out of sight."""

    shown: object = None
    """The conflict shown, to start each one from its top."""

    def show_from_top(self, conflict: object) -> None:
        """Scroll to the top when ``conflict`` is not the one shown before; then say what is
        out of sight once the new content is laid out."""
        if conflict != self.shown:
            self.shown = conflict
            self.scroll_home(animate=False)
        self.call_after_refresh(self.say_more)

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self.say_more, init=False)

    def on_resize(self, event: events.Resize) -> None:
        self.say_more()

    def say_more(self) -> None:
        if self.max_scroll_y <= 0:
            self.border_subtitle = ""
        elif self.scroll_y < self.max_scroll_y:
            self.border_subtitle = MORE_BELOW
        else:
            self.border_subtitle = MORE_ABOVE

    def scroll_versions(self, step: int) -> None:
        """A page down (``step`` 1) or up (-1), at once: the reviewer is reading."""
        if step > 0:
            self.scroll_page_down(animate=False)
        else:
            self.scroll_page_up(animate=False)
