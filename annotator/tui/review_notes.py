"""The annotators' notes in a review: one line under the status line, the whole note on ``N``.

An annotator's note ("anything a reviewer should know") reaches the gold record through
``merge``, a line each (``alice: figures disputed``). The review shows the current document's
note in one line while it is not empty (cut with "…" to the terminal's width, the key that
shows it whole said at the right), and ``NotesScreen`` shows it whole. When more than one
annotator wrote a note their names come first (``notes (alice, bob): alice: …``): cut at the
first note, the line hid that bob had left one too.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label, Static

from annotator.core.review_views import notes_summary

WHOLE_NOTE_HINT = "  N: whole note"


class NotesLine(Widget):
    """The current document's note on one line; hidden while it is empty."""

    note: reactive[str] = reactive("")
    """The gold record's note, as written."""
    authors: reactive[tuple[str, ...]] = reactive(())
    """The annotators whose notes it holds."""

    def watch_note(self, note: str) -> None:
        self.display = bool(notes_summary(note))

    def render(self) -> Text:
        summary = notes_summary(self.note)
        width = self.size.width
        names = f" ({', '.join(self.authors)})" if len(self.authors) > 1 else ""
        line = Text(f"notes{names}: ", style="bold")
        line.append(Text(summary))  # as text, never markup: notes are typed by annotators
        if line.cell_len <= width:
            return line
        hint = Text(WHOLE_NOTE_HINT, style="dim")
        line.truncate(max(width - hint.cell_len, 1), overflow="ellipsis")
        line.append_text(hint)
        return line


class NotesScreen(ModalScreen[None]):
    """A document's whole note, over the review."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,N", "dismiss", "Close the notes"),
    ]

    def __init__(self, doc_id: str, note: str) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="notes-box"):
            yield Label(f"Notes on {self.doc_id}  (escape closes)", classes="title")
            with VerticalScroll():
                yield Static(Text(self.note.strip()), id="notes-text")

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(None)
