"""A form field's choice (``form_rows.field_row``): a compact Select of the scheme's choices
that puts its name above it when its longest choice would not fit beside the name, and that
goes to a choice by its first letters as they are typed, as any select list does."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.widget import Widget

from annotator.core.forms import path_words
from annotator.tui.form_hints import CHOICE_PROMPTS, fitting
from annotator.tui.form_links import NAME_CELLS
from annotator.tui.typed_choice import TypedChoice
from annotator.tui.typed_choice import choice_typed as choice_typed  # importable here as before

# What a compact Select draws besides its choice: the arrow, the cell before it, and its
# right padding (Textual's SelectCurrent).
ARROW_CELLS = 3


class ChoiceSelect(TypedChoice):
    """Beside its name, a choice has its row's width less the name's cells: at 80 columns
    (and with the form's scrollbar) "unilateral_release" came out "unilateral_relea…", and
    "repatriation_of_remains" did not fit even without the scrollbar. When the scheme's
    longest choice (or the prompt) does not fit there, its row is ``-choice-below``
    (annotator.tcss): the name goes above, and the choice has the row's whole width.

    Decided by the row's width and the choices alone, never by the value chosen: the form
    does not move when a choice is made, and the row's width does not change with its
    layout, so the decision cannot flip back and forth.

    Letters typed on it go to the choice they begin (``typed_choice.TypedChoice``): closed, it opens
    with that choice highlighted, as the arrows open it; open, the highlight moves. Either
    way enter takes it, as after the arrows: nothing is chosen while the highlight moves.
    Before, letters were refused ("letters do nothing here"), once, then dropped unsaid.
    A letter no choice begins with is said, and not kept among the letters typed."""

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
        # The shortest prompt: a longer one is shown only where it fits (``on_resize``).
        self.widest = max(cell_len(words) for words in [CHOICE_PROMPTS[-1], *choices])

    def refused(self, typed: str) -> str:
        return f"no choice of {path_words(self.name or '')} begins with {typed!r}"

    def letters_kind(self) -> str:
        return f"choice letters {self.name}"

    def on_resize(self) -> None:
        row = self.parent
        if isinstance(row, Widget) and row.has_class("field-row") and row.size.width:
            beside = row.size.width - NAME_CELLS - ARROW_CELLS
            row.set_class(self.widest > beside, "-choice-below")
        if self.size.width:
            self.prompt = fitting(CHOICE_PROMPTS, self.size.width - ARROW_CELLS)
