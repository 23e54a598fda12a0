"""Letters typed on a choice (a compact Select) go to the option they begin, open or closed, as
in any select list: the event form's choices (``form_choice.ChoiceSelect``) and the export
dialog's (``export_choice.ExportChoice``) both. ``choice_typed`` says which option the letters
go to; ``TypedChoice`` takes the keys, and each choice says what a refused letter names."""

from __future__ import annotations

import time
from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.widgets import OptionList, Select

from annotator.tui.saving_app import SavingApp


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


def option_words(prompt: object) -> str:
    """An option's words as shown, whatever Select was given for them (a str or a Text)."""
    return prompt.plain if isinstance(prompt, Text) else str(prompt)


class TypedChoice(Select[str]):
    """Letters typed on it go to the option whose words begin with them (``choice_typed``):
    closed, it opens with that option highlighted, as the arrows open it; open, the highlight
    moves. Either way enter takes it, as after the arrows: nothing is chosen while the
    highlight moves. A letter no option begins with is said (``refused``), and not kept among
    the letters typed. Textual's own search (an option holding the letters anywhere, and only
    in the open list) is to be off (``type_to_search=False``): these letters are handled here.

    A subclass that watches ``expanded`` too extends ``_list_shown`` rather than defining
    ``on_mount`` again: Textual would call both, and watch twice."""

    # Letters typed within this many seconds of the one before add to them (``un``); after a
    # longer pause a letter starts anew.
    TYPING_PAUSE = 1.0
    _typed = ""  # the letters typed since the last pause that went to an option
    _typed_at = 0.0

    def refused(self, typed: str) -> str:
        """What a refused letter says: that no option begins with ``typed``."""
        raise NotImplementedError

    def letters_kind(self) -> str:
        """The kind of notice a refused letter gives (``SavingApp.tell_about``), one to a
        choice: the next letter withdraws it."""
        raise NotImplementedError

    def on_mount(self) -> None:
        self.watch(self, "expanded", self._list_shown, init=False)

    def _list_shown(self, expanded: bool) -> None:
        if not expanded:
            self._typed = ""  # closed (an option taken, or escape): letters start anew

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
        # The open list (Textual's SelectOverlay, an OptionList) shows Select's options in order.
        # A Select that may be left blank begins them with its prompt (no choice, Textual's
        # rule as it builds them): a choice is one further.
        overlay = self.query_one("SelectOverlay", OptionList)
        before = 1 if self._allow_blank else 0
        options = self._options[before:]
        if self.expanded:
            highlighted = overlay.highlighted
            current = None if highlighted is None or highlighted < before else highlighted - before
        else:
            values = [value for _prompt, value in options]
            current = values.index(self.value) if self.value in values else None
        words = [option_words(prompt) for prompt, _value in options]
        index = choice_typed(words, typed + character, current)
        kind = self.letters_kind()
        app = self.app
        if index is None:
            self._typed = typed  # the letter is not kept: the next one adds to those before
            said = self.refused(typed + character)
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
        overlay.highlighted = index + before
