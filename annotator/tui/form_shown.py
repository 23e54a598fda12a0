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

from annotator.core.forms import typed_text
from annotator.core.note_parts import shown_note
from annotator.core.record_unallowed import shown_value
from annotator.core.session import AnnotationSession
from annotator.core.session_form_elsewhere import listed


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


@dataclass(frozen=True)
class RecordText:
    """What an input shows of the record: its text, and for a field its value as the record
    holds it (``items``) and the linked spans' words a list reads back (``known``)."""

    text: str
    items: object = None
    known: tuple[str, ...] = ()


def record_text(session: AnnotationSession, widget: Input) -> RecordText | None:
    """What ``widget`` (the note, or a field named by its path) shows of the session's record;
    None for another input."""
    record = session.record
    if widget.id == "note":
        # Its person's text in one line, line breaks as ⏎ (raw, they were drawn over the
        # screen); the brat lines kept apart, joined back on save.
        return RecordText(shown_note(record.note))
    if not widget.name:
        return None
    # A value the field no longer takes shows it empty (the form's end names it): shown as it
    # is, the next save read it again as the field takes it, or not.
    items = shown_value(record, widget.name, session.scheme)
    # Read back as the same items, not joined as a linked span's words (shown_list).
    known = listed(record, widget.name, session.scheme) if isinstance(items, list) else []
    return RecordText(typed_text(items, known), items, tuple(known))
