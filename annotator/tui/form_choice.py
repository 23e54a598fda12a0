"""A form field's choice (``form_rows.field_row``): a compact Select of the scheme's choices
that puts its name above it when its longest choice would not fit beside the name, and that
goes to a choice by its first letters as they are typed, as any select list does."""

from __future__ import annotations

import time
from collections.abc import Sequence

from rich.cells import cell_len
from textual import events
from textual.widget import Widget
from textual.widgets import OptionList, Select

from annotator.core.forms import path_words
from annotator.tui.form_hints import CHOICE_PROMPTS, fitting
from annotator.tui.form_links import NAME_CELLS
from annotator.tui.saving_app import SavingApp

# What a compact Select draws besides its choice: the arrow, the cell before it, and its
# right padding (Textual's SelectCurrent).
ARROW_CELLS = 3


def choice_typed(choices: Sequence[str], typed: str, current: int | None) -> int | None:
    """The index in ``choices`` that the letters ``typed`` (since the last pause) go to from
    the choice at ``current`` (None: none highlighted), case aside; None when no choice
    begins with them.

    One letter, or the same letter again and again, goes round the choices it begins: the
    next one after ``current``, as a select list does (``u``, ``u``: the second choice in
    ``u``). Other letters narrow: the first choice from ``current`` on that begins with all
    of them (``un`` stays on ``unilateral_release`` once ``u`` is there)."""
    typed = typed.casefold()
    if not typed:
        return None
    if typed == typed[0] * len(typed):
        prefix, start = typed[0], (-1 if current is None else current) + 1
    else:
        prefix, start = typed, current or 0
    count = len(choices)
    for step in range(count):
        index = (start + step) % count
        if choices[index].casefold().startswith(prefix):
            return index
    return None


class ChoiceSelect(Select[str]):
    """Beside its name, a choice has its row's width less the name's cells: at 80 columns
    (and with the form's scrollbar) "unilateral_release" came out "unilateral_relea…", and
    "repatriation_of_remains" did not fit even without the scrollbar. When the scheme's
    longest choice (or the prompt) does not fit there, its row is ``-choice-below``
    (annotator.tcss): the name goes above, and the choice has the row's whole width.

    Decided by the row's width and the choices alone, never by the value chosen: the form
    does not move when a choice is made, and the row's width does not change with its
    layout, so the decision cannot flip back and forth.

    Letters typed on it go to the choice they begin (``choice_typed``): closed, it opens
    with that choice highlighted, as the arrows open it; open, the highlight moves. Either
    way enter takes it, as after the arrows: nothing is chosen while the highlight moves.
    Before, letters were refused ("letters do nothing here"), once, then dropped unsaid.
    A letter no choice begins with is said, and not kept among the letters typed."""

    # Letters typed within this many seconds of the one before add to it (``un``); after a
    # longer pause a letter starts anew.
    TYPING_PAUSE = 1.0

    def __init__(self, choices: Sequence[str], *, name: str) -> None:
        # Textual's own search (a choice holding the letters anywhere, and only in the open
        # list) is off: these letters are handled here, open or closed.
        super().__init__(
            [(choice, choice) for choice in choices],
            prompt=CHOICE_PROMPTS[0],
            name=name,
            compact=True,
            type_to_search=False,
        )
        self.choices = list(choices)
        # The shortest prompt: a longer one is shown only where it fits (``on_resize``).
        self.widest = max(cell_len(words) for words in [CHOICE_PROMPTS[-1], *choices])
        self._typed = ""
        self._typed_at = 0.0

    def on_mount(self) -> None:
        self.watch(self, "expanded", self._list_shown, init=False)

    def _list_shown(self, expanded: bool) -> None:
        if not expanded:
            self._typed = ""  # closed (a choice taken, or escape): letters start anew

    def on_resize(self) -> None:
        row = self.parent
        if isinstance(row, Widget) and row.has_class("field-row") and row.size.width:
            beside = row.size.width - NAME_CELLS - ARROW_CELLS
            row.set_class(self.widest > beside, "-choice-below")
        if self.size.width:
            self.prompt = fitting(CHOICE_PROMPTS, self.size.width - ARROW_CELLS)

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Printable characters are its own (the footer leaves out the screen's letters);
        space opens it, as Textual's Select has it."""
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
        # The open list (Textual's SelectOverlay, an OptionList): its options begin with the
        # prompt (no choice), so a choice is one further.
        overlay = self.query_one("SelectOverlay", OptionList)
        if self.expanded:
            highlighted = overlay.highlighted
            current = None if not highlighted else highlighted - 1
        else:
            current = self.choices.index(self.value) if self.value in self.choices else None
        index = choice_typed(self.choices, typed + character, current)
        app = self.app
        assert isinstance(app, SavingApp)
        kind = f"choice letters {self.name}"
        if index is None:
            self._typed = typed  # the letter is not kept: the next one adds to those before
            said = f"no choice of {path_words(self.name or '')} begins with {typed + character!r}"
            app.withdraw(kind)  # the letter before's, if refused too: this one says it now
            app.tell_about(kind, said + ("" if self.expanded else " (enter lists them)"), timeout=4)
            return
        self._typed = typed + character
        app.withdraw(kind)  # no longer true
        if not self.expanded:
            self.action_show_overlay()  # as an arrow opens it
        overlay.highlighted = index + 1
