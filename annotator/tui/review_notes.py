"""The annotators' notes in a review: one line under the status line, the whole note on ``N``.

An annotator's note ("anything a reviewer should know") reaches the gold record through
``merge``, a line each (``alice: figures disputed``). The review shows the current document's
note in one line while it is not empty (cut with "…" to the terminal's width, the key that
shows it whole said at the right), and ``NotesScreen`` shows it whole. When more than one
annotator wrote a note their names come first (``notes (alice, bob): alice: …``): cut at the
first note, the line hid that bob had left one too.

The whole note stands over the article, inside its frame, on the side away from the conflict's
words (``notes_room``), as toasts do: in the middle of the screen it covered the conflict's
words and most of the panel's versions at 80x24. Where the article has too few rows for it
beside the words (below 72 columns, the article above the panel), it is in the middle as before.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Region, Spacing
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from annotator.core.note_parts import lines_shown
from annotator.core.review_views import notes_summary
from annotator.tui.box_screen import BoxScreen
from annotator.tui.review_article import ReviewArticle
from annotator.tui.screens import MessagesSaid

WHOLE_NOTE_HINT = "  N: whole note"
FRAME = 1
"""The article's border, each side: the notes stand inside it."""
FEWEST_ROWS = 5
"""The notes' box takes its border's two rows and at least three of the note's."""
AT_TOP = "-at-top"
AT_FOOT = "-at-foot"


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


@runtime_checkable
class NotesRoom(Protocol):
    """A screen that says where the notes may go over it (the review screen)."""

    def notes_room(self) -> tuple[Region, bool] | None: ...


def notes_room(article: ReviewArticle, words: tuple[int, int] | None) -> tuple[Region, bool] | None:
    """The rows of ``article`` (within its frame) the notes may cover, and whether they are at
    its top: those above or below ``words`` (the offsets the reviewer looks at; None: none),
    whichever are more, as a toast's side is chosen; every row when the words are out of view
    or there are none. None: fewer than ``FEWEST_ROWS`` free, or not laid out."""
    text = article.scrollable_content_region
    if not article.region or not text:
        return None
    height = text.height
    above = below = height
    if words is not None:
        first, last = article.rows_in_view(*words)
        if last >= 0 and first < height:  # in view
            above, below = max(0, first), max(0, height - 1 - last)
    top = above > below
    rows = above if top else below
    if rows < FEWEST_ROWS:
        return None
    x, width = article.region.x + FRAME, article.region.width - 2 * FRAME
    y = text.y if top else text.bottom - rows
    return Region(x, y, width, rows), top


class NotesScreen(BoxScreen[None]):
    """A document's whole note, over the review: over the article away from the conflict's
    words when the screen below says where (``NotesRoom``), else in the middle."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,N", "dismiss", "Close the notes"),
    ]

    def __init__(self, doc_id: str, note: str) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="notes-box") as box:
            # In its frame, not a line of its own: a line more of the note in the article.
            box.border_title = f"Notes on {self.doc_id}"
            box.border_subtitle = "escape closes"
            with VerticalScroll():
                # Its control characters as pictures: an escape went to the terminal as is.
                yield Static(Text(lines_shown(self.note.strip())), id="notes-text")
            # At the box's foot, the note scrolling above (review.tcss): toasts are hidden over
            # the box, and one saying the gold file cannot be saved went unseen.
            yield MessagesSaid(id="notes-messages")

    def on_mount(self) -> None:
        below = self._screen_below()
        room = below.notes_room() if isinstance(below, NotesRoom) else None
        if room is None:
            return
        region, top = room
        self.add_class(AT_TOP if top else AT_FOOT)
        box = self.query_one("#notes-box")
        screen_height = self.app.size.height
        if top:
            box.styles.margin = Spacing(region.y, 0, 0, region.x)
        else:
            box.styles.margin = Spacing(0, 0, max(0, screen_height - region.bottom), region.x)
        box.styles.width = region.width
        # The note scrolls in what the box's border and the messages said leave (review.tcss).
        box.styles.max_height = region.height

    def _screen_below(self) -> object:
        stack = self.app.screen_stack
        index = stack.index(self) if self in stack else len(stack)
        return stack[index - 1] if index > 0 else None

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(None)
