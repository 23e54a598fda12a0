"""The panel beside the article (``SidePanel``): legend, span list, span detail and the event
form (``form_panel``). It keeps the focus among the form's fields (tab and shift+tab go round
them), stops letters that would reach the screen's keys, and marks itself ``-form-focus`` while
the form has the focus.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Select

from annotator.tui.form_panel import EventForm


class SidePanel(Vertical):
    """The panel beside the article: legend, span list, span detail and the event form.

    Inputs take typed characters themselves, but a focused button, select, list or frame does
    not: a letter would reach the screen's keys (d: done, x: delete the span, o: to the form…)
    while the person thinks they are typing into the form. Here single characters stop, every
    one of them; escape, tab and ctrl keys still act.
    """

    # Shown in the footer while the focus is here: an input takes every letter, so the
    # footer hides the screen's letter keys, and without this it would be blank. Tab and
    # shift+tab go round the panel's fields: leaving it for the article, where letters are
    # commands, a word typed after a tab past the note marked the article done (a trial).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.focus_article", "Back to article"),
        Binding("tab", "round(1)", "Next field", show=False),
        Binding("shift+tab", "round(-1)", "Previous field", show=False),
    ]

    _warned: Widget | None = None  # the control the last "letters do nothing here" was about

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._focus_moved)

    def _focus_moved(self, focused: Widget | None) -> None:
        """``-form-focus`` while the event form has the focus: on a short terminal the span
        list and the span's detail then give the form their rows (annotator.tcss), and take
        them back when the focus goes elsewhere (the article, the span's value). At 80x24 they
        left the form six rows, and a release's count went out of sight while its releasees
        were typed. No focus at all (a group's items rebuilt under it) changes nothing: the
        list would come back for an instant, and the form jump."""
        if focused is None:
            return
        form = self.query_one(EventForm)
        self.set_class(focused is form or form in focused.ancestors, "-form-focus")

    def action_round(self, direction: int) -> None:
        """The next (1) or previous (-1) field of the event form, round from the last to the
        first: the focus stays here until escape. Only fields: a tab that stopped on the span
        list or the form's frame dropped the letters typed next (a trial lost "talks o" of a
        note), and a read-only form (a stale record) keeps the focus where it is."""
        field = self.field_after(self.screen.focused, direction)
        if field is not None:
            field.focus()

    def field_after(self, widget: Widget | None, direction: int) -> Widget | None:
        """The field tab (1) or shift+tab (-1) goes to from ``widget`` (``action_round``):
        tab in ctrl+l's list goes there too. None when the form takes no input."""
        chain = self.screen.focus_chain
        form = self.query_one(EventForm)
        fields = [
            index
            for index, control in enumerate(chain)
            if isinstance(control, Input | Select | Button) and form in control.ancestors
        ]
        if not fields:
            return None
        # From outside the round (the span's value, the list, a frame, an open choice): the
        # field after it, or before it, in the panel's order.
        here = chain.index(widget) if widget in chain else -1
        if direction > 0:
            after = [index for index in fields if index > here]
            return chain[(after or fields)[0]]
        before = [index for index in fields if 0 <= index < here]
        return chain[(before or fields)[-1]]

    def on_key(self, event: events.Key) -> None:
        character = event.character
        if not event.is_printable or character is None or character == " ":
            return  # space presses a button or opens a select: the control's own key
        event.stop()
        event.prevent_default()
        focused = self.screen.focused
        if focused is not self._warned:
            self._warned = focused
            self.notify(
                "letters do nothing here: type into a field, or escape to the article",
                timeout=4,
            )
