"""The review panel's frame: the conflict's versions scroll in it above the keys that settle
it, and its foot says when more are out of sight. At 80x24 a group conflict's second version
was below the frame's foot, reached only by tab then pagedown, and nothing said it was there:
the frame's foot now says "more below: ]", and ``[`` / ``]`` scroll it from the article (the
review screen's keys).

The versions scroll in a box of their own (``#conflict-versions``), the keys under it: with
the keys docked in the scrolling frame its scrollbar ran down beside them too, its thumb drawn
over the keys' line and their rule at 80x24 (``1–3 take · t all · r reject · ▆▆``).

What the foot says is worked out again after every layout of the screen (its
``screen_layout_refresh_signal``) and on every scroll. A versions box whose content grows
gets no ``Resize`` (Textual sends one when a widget's own size changes), and worked out after
the redraw's refresh it could come before the new content was laid out: settling c11 with a
key, c12's third version was out of sight and the foot said nothing. Worked out from the
``virtual_size`` watcher it saw the frame's old height, so when the notes line above went (a
document without notes) the frame said "more below" with everything in sight."""

from __future__ import annotations

from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen

MORE_BELOW = "▼ more below: ]"
MORE_ABOVE = "▲ more above: ["


class VersionsBox(Vertical):
    """The conflict panel's frame, its subtitle saying what of its versions is out of sight."""

    shown: object = None
    """The conflict shown, to start each one from its top."""

    @property
    def versions(self) -> VerticalScroll:
        """The box the versions scroll in."""
        return self.query_one("#conflict-versions", VerticalScroll)

    def show_from_top(self, conflict: object) -> None:
        """Scroll to the top when ``conflict`` is not the one shown before (what is out of
        sight is said once the new content is laid out)."""
        if conflict != self.shown:
            self.shown = conflict
            self.versions.scroll_home(animate=False)

    def on_mount(self) -> None:
        self.watch(self.versions, "scroll_y", self.say_more, init=False)
        self.screen.screen_layout_refresh_signal.subscribe(self, self._laid_out)

    def _laid_out(self, screen: Screen[object]) -> None:
        self.say_more()

    def say_more(self) -> None:
        versions = self.versions
        if versions.max_scroll_y <= 0:
            said = ""
        elif versions.scroll_y < versions.max_scroll_y:
            said = MORE_BELOW
        else:
            said = MORE_ABOVE
        if self.border_subtitle != said:
            self.border_subtitle = said

    def scroll_versions(self, step: int) -> None:
        """A page down (``step`` 1) or up (-1), at once: the reviewer is reading."""
        if step > 0:
            self.versions.scroll_page_down(animate=False)
        else:
            self.versions.scroll_page_up(animate=False)
