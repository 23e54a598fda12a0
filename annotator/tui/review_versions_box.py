"""The review panel's frame: it scrolls the conflict's versions, and says when more are out of
sight. At 80x24 a group conflict's second version was below the frame's foot, reached only by
tab then pagedown, and nothing said it was there: the frame's foot now says "more below: ]",
and ``[`` / ``]`` scroll it from the article (the review screen's keys)."""

from __future__ import annotations

from textual.containers import VerticalScroll

MORE_BELOW = "▼ more below: ]"
MORE_ABOVE = "▲ more above: ["


class VersionsBox(VerticalScroll):
    """The conflict panel's scrolling frame, its subtitle saying what is out of sight."""

    shown: object = None
    """The conflict shown, to start each one from its top."""

    def show_from_top(self, conflict: object) -> None:
        """Scroll to the top when ``conflict`` is not the one shown before."""
        if conflict != self.shown:
            self.shown = conflict
            self.scroll_home(animate=False)

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self.say_more, init=False)
        self.watch(self, "virtual_size", self.say_more, init=False)
        self.watch(self, "size", self.say_more, init=False)

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
