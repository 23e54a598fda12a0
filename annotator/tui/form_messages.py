"""What the event form (``form_panel.EventForm``) tells the screen: a field or the note typed
into or chosen. Each names the document the form showed when it was typed (``doc_id``): the
message is handled a moment later, maybe after another document opened, and the session saves
it to its own document then (``session_form_elsewhere``), never to the one open."""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget

from annotator.core.session import AnnotationSession


class FormEdited(Message):
    """Something typed or chosen in the form of document ``doc_id`` (None: none was shown)."""

    def __init__(self, doc_id: str | None, widget: Widget) -> None:
        super().__init__()
        self.doc_id, self.widget = doc_id, widget

    def on_open(self, session: AnnotationSession) -> bool:
        """Whether it was typed on the document open now (else the session saves it to its
        own, or refuses it, saying so; the widget shows another document's value by then)."""
        return self.doc_id is None or not session.elsewhere(self.doc_id)


class FieldEdited(FormEdited):
    """A form field was typed into (enter, leaving it, or with ``typing`` a pause in the typing
    that goes on) or chosen."""

    def __init__(
        self, doc_id: str | None, path: str, raw: str | None, widget: Widget, typing: bool = False
    ) -> None:
        super().__init__(doc_id, widget)
        self.path, self.raw, self.typing = path, raw, typing


class NoteEdited(FormEdited):
    """The note was typed into (enter, leaving it, or with ``typing`` a pause in the typing)."""

    def __init__(self, doc_id: str | None, note: str, widget: Widget, typing: bool = False) -> None:
        super().__init__(doc_id, widget)
        self.note, self.typing = note, typing
