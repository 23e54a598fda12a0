"""What each input of the event form (``form_panel.EventForm``) shows: the saved value it was
last given, and the document that value is of.

Kept per input, never per field path: a group's items are rebuilt when another document has
more or fewer of them, and the new input of ``releases[0].count`` showed nothing yet while the
path still held the previous document's ``8``. That read as typing, and a trial saw five
"not saved: ''" messages with nothing typed. And what is typed in an input belongs to the
document its value is of, whatever the form shows by the time it is saved: a note typed on one
document, left as a key opened the next, went into the next one's record (a done one).
"""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from textual.widgets import Input


@dataclass(frozen=True)
class Shown:
    """The saved value an input was given (as text) and the document it is of (None: none)."""

    doc_id: str | None
    saved: str


class ShownValues:
    """``Shown`` of each input of the form (an input not shown yet has none)."""

    def __init__(self) -> None:
        self._of: WeakKeyDictionary[Input, Shown] = WeakKeyDictionary()

    def shown(self, widget: Input, doc_id: str | None, saved: str) -> None:
        self._of[widget] = Shown(doc_id, saved)

    def of(self, widget: Input) -> Shown | None:
        return self._of.get(widget)

    def changed(self, widget: Input) -> bool:
        """Whether ``widget`` holds anything but its saved value (a save to make)."""
        shown = self._of.get(widget)
        return shown is not None and widget.value != shown.saved

    def typed(self, widget: Input) -> bool:
        """Whether ``widget`` holds typing beyond its saved value: more than spaces (a save
        trims them). Text equal to what the record holds is not typing, nor an input not
        shown yet (a group's item just rebuilt)."""
        shown = self._of.get(widget)
        return shown is not None and widget.value.split() != shown.saved.split()
