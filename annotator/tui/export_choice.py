"""A choice of the export dialog (its format, a doccano style, the offsets): a compact Select
whose open list covers its row's whole width, a row to each option, and that goes to an option
by its first letters as they are typed, open or closed.

A trial at 80x24 read the open format list as one with the dialog: the list, as wide as the
choice and without a frame, began right after the command's words beside it ("same as  ahf",
"--format jlabels.json", "--annotatospacy"), and hf's description was broken over two rows.
The list now starts at the row's left edge, over the names column too, inside a frame of its
own (export.tcss), and an option too long for it is cut with "…" rather than wrapped.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual import events
from textual.containers import ScrollableContainer
from textual.widgets import OptionList, Select

from annotator.tui.form_choice import choice_typed
from annotator.tui.saving_app import SavingApp


def option_words(prompt: object) -> str:
    """An option's words as shown, whatever Select was given for them (a str or a Text)."""
    return prompt.plain if isinstance(prompt, Text) else str(prompt)


class ExportChoice(Select[str]):
    """Letters typed on it go to the option whose words begin with them (``choice_typed``,
    as in the event form: ``b`` brat, ``c`` conll, ``u`` the UTF-16 offsets): closed, it opens
    with that option highlighted, as the arrows open it; open, the highlight moves. Enter takes
    it. Closed, a trial's ``b`` did nothing and said nothing (Textual's own search, a match
    anywhere in an option, works only in the open list: ``b`` there went to prodigy's "JSONL").
    A letter no option begins with is said, and not kept among the letters typed."""

    # Letters typed within this many seconds of the one before add to them (``la``); after a
    # longer pause a letter starts anew.
    TYPING_PAUSE = 1.0

    def __init__(self, options: list[tuple[str, str]], value: str, *, id: str, about: str) -> None:
        super().__init__(
            options, value=value, allow_blank=False, id=id, compact=True, type_to_search=False
        )
        self.words = [option_words(prompt) for prompt, _value in options]
        self.about = about  # what it chooses, as a refused letter names it ("format")
        self._typed = ""
        self._typed_at = 0.0

    def on_mount(self) -> None:
        self.watch(self, "expanded", self._list_shown, init=False)

    def _list_shown(self, expanded: bool) -> None:
        if expanded:
            self._cover_row()
        else:
            self._typed = ""  # closed (an option taken, or escape): letters start anew

    def on_resize(self) -> None:
        self._cover_row()

    def _cover_row(self) -> None:
        """The open list from the left edge of the body it scrolls in to its right edge, over
        its scrollbar too: the list is placed under the choice (Textual's overlay), so it is
        moved left by the cells before the choice (the row's name, a checkbox) and widened to
        the body's width. CSS has no width of another widget."""
        body = next((up for up in self.ancestors if isinstance(up, ScrollableContainer)), None)
        if body is None or not self.size.width:
            return
        overlay = self.query_one("SelectOverlay", OptionList)
        overlay.styles.offset = (body.region.x - self.region.x, 0)
        overlay.styles.width = body.region.width

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Printable characters are its own; space opens it, as Textual's Select has it."""
        return character is not None and character.isprintable() and character != " "

    def on_key(self, event: events.Key) -> None:
        # The open list's keys come up here too (its own search is off).
        character = event.character
        if not event.is_printable or character is None or character == " ":
            return  # space opens the list (the Select's key); enter, arrows are the list's
        event.stop()
        event.prevent_default()
        now = time.monotonic()
        typed = self._typed if now - self._typed_at <= self.TYPING_PAUSE else ""
        self._typed_at = now
        overlay = self.query_one("SelectOverlay", OptionList)
        if self.expanded:
            current = overlay.highlighted
        else:
            values = [value for _prompt, value in self._options]
            current = values.index(self.value) if self.value in values else None
        index = choice_typed(self.words, typed + character, current)
        kind = f"export letters {self.id}"
        app = self.app
        if index is None:
            self._typed = typed  # the letter is not kept: the next one adds to those before
            said = f"no {self.about} begins with {typed + character!r}"
            said += "" if self.expanded else " (enter lists them)"
            if isinstance(app, SavingApp):
                app.withdraw(kind)  # the letter before's, if refused too: this one says it
                app.tell_about(kind, said, timeout=4)
            return
        self._typed = typed + character
        if isinstance(app, SavingApp):
            app.withdraw(kind)  # no longer true
        if not self.expanded:
            self.action_show_overlay()  # as an arrow opens it
        overlay.highlighted = index
