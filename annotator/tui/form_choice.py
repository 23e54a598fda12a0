"""A form field's choice (``form_rows.field_row``): a compact Select of the scheme's choices
that puts its name above it when its longest choice would not fit beside the name."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.widget import Widget
from textual.widgets import Select

from annotator.tui.form_links import NAME_CELLS

# What a compact Select draws besides its choice: the arrow, the cell before it, and its
# right padding (Textual's SelectCurrent).
ARROW_CELLS = 3


class ChoiceSelect(Select[str]):
    """Beside its name, a choice has its row's width less the name's cells: at 80 columns
    (and with the form's scrollbar) "unilateral_release" came out "unilateral_relea…", and
    "repatriation_of_remains" did not fit even without the scrollbar. When the scheme's
    longest choice (or the prompt) does not fit there, its row is ``-choice-below``
    (annotator.tcss): the name goes above, and the choice has the row's whole width.

    Decided by the row's width and the choices alone, never by the value chosen: the form
    does not move when a choice is made, and the row's width does not change with its
    layout, so the decision cannot flip back and forth."""

    def __init__(self, choices: Sequence[str], *, prompt: str, name: str) -> None:
        super().__init__(
            [(choice, choice) for choice in choices], prompt=prompt, name=name, compact=True
        )
        self.widest = max(cell_len(words) for words in [prompt, *choices])

    def on_resize(self) -> None:
        row = self.parent
        if isinstance(row, Widget) and row.has_class("field-row") and row.size.width:
            beside = row.size.width - NAME_CELLS - ARROW_CELLS
            row.set_class(self.widest > beside, "-choice-below")
