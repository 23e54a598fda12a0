"""The scheme's guidelines beside the article (their keys: ``annotate_guidelines``)."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.actions import parse
from textual.binding import Binding, BindingType
from textual.widgets import Markdown

from annotator.tui.saving_app import SavingApp

# The annotation screen's actions that change the spans or the form, or take the focus there to
# change them (v: the span's value). With the focus here the screen's keys reach them (this view
# binds its own keys only), and below 110 columns the guidelines take the panel's place: a
# trial's 1 relabelled s2 and dropped its link to a release, x deleted it and v answered about
# it, none of it in sight. They are held back and said (``HELD_BACK_SAID``). The keys the footer
# lists here still act (d, s, l, ?, q), as do n p u f c e, / and o: each says what it did or
# shows it (/ and o leave the guidelines). A test sorts every screen action into one or other.
HELD_BACK = frozenset(
    {
        "label",
        "not_a_label_key",
        "rebound",
        "delete_span",
        "edit_value",
        "undo",
        "redo",
        "fill_from_span",
        "link_span",
        "unlink",
        "swap_sides",
        "remove_list_item",
        "carry_over",
        "start_over",
        "not_stale",
    }
)
HELD_BACK_SAID = "the guidelines have the focus: esc returns to the article"
# The kind of that message (``SavingApp.tell_about``): said once however many keys, and taken
# away as the guidelines lose the focus, where it is no longer true.
READING_GUIDELINES = "reading guidelines"


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

    def on_key(self, event: events.Key) -> None:
        # Before the screen's bindings see the key (the panel stops letters alike: SidePanel).
        active = self.screen.active_bindings.get(event.key)
        if active is None or active.node is self:
            return
        _namespace, action, _parameters = parse(active.binding.action)
        if action not in HELD_BACK:
            return
        event.stop()
        event.prevent_default()
        app = self.app
        assert isinstance(app, SavingApp)
        app.tell_about(READING_GUIDELINES, HELD_BACK_SAID)

    def watch_has_focus(self, has_focus: bool) -> None:
        if not has_focus:
            app = self.app
            if isinstance(app, SavingApp):
                app.withdraw(READING_GUIDELINES)
        # Its focus decides its border (annotator.tcss), none of its blocks' styles: read,
        # the guidelines are some 170 widgets (Textual's Markdown makes one per paragraph,
        # bullet and list), and restyling them all, as Textual does, took about 30 ms as g
        # gave them the focus and again as it left (a Pilot test compares with a full restyle).
        self.app.stylesheet.update_nodes([self], animate=True)
