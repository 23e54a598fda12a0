"""The review screen's status line, made to fit the terminal's width.

The save state sits at the right edge and the conflicts left come first after the screen's name:
on 80 columns the line used to run out before them ("… in 3 document(s) · reviewer me · ●"),
hiding whether the decisions were written. When the whole line does not fit, its parts take
shorter wordings one after another (conflicts, modes, position, reviewer), then the document id
is shortened; the save state is never cut, nor, down to 40 columns, the conflicts left.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

SAVE_MARKS = {
    "saved": ("● saved", "green"),
    "saving": ("◌ saving…", "yellow"),
    "error": ("✖ NOT SAVED (retrying)", "bold white on red"),
}
SEPARATOR = " · "


@dataclass
class Part:
    """One part of the line: its wordings, longest first, and its style."""

    wordings: list[str]
    style: str = ""
    chosen: int = 0

    @property
    def text(self) -> str:
        return self.wordings[self.chosen]

    def shorten(self) -> bool:
        """Take the next shorter wording; False when there is none."""
        if self.chosen + 1 < len(self.wordings):
            self.chosen += 1
            return True
        return False


@dataclass(frozen=True)
class ReviewProgress:
    """What the status line says."""

    doc_id: str | None  # None: every conflict settled
    position: int  # of the document, from 1
    documents: int
    conflicts_left: int
    documents_left: int
    reviewer: str
    drawing: bool
    char_mode: bool
    save_state: str


def _shortened(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + "…"


def status_line(progress: ReviewProgress, width: int) -> Text:
    """The status line for ``width`` columns (see the module docstring)."""
    mark, mark_style = SAVE_MARKS.get(progress.save_state, SAVE_MARKS["error"])
    left = progress.conflicts_left
    conflicts = Part(
        [
            f"{left} conflict(s) left in {progress.documents_left} document(s)",
            f"{left} left in {progress.documents_left} doc(s)",
            f"{left} left",
        ]
    )
    parts = [conflicts]
    if progress.doc_id is None:
        parts.insert(0, Part(["all settled"], "bold green"))
    drawing = Part(["DRAWING A SPAN", "DRAWING"] if progress.drawing else [""], "bold yellow")
    char = Part(["CHAR MODE", "CHAR"] if progress.char_mode else [""], "bold magenta")
    document = Part([""], "bold")
    if progress.doc_id is not None:
        where = f"{progress.doc_id} ({progress.position}/{progress.documents})"
        document = Part([where, progress.doc_id, _shortened(progress.doc_id, 24)], "bold")
    reviewer = Part([f"reviewer {progress.reviewer}", progress.reviewer, ""])
    parts += [drawing, char, document, reviewer]
    tag = Part([" review  ", ""], "bold reverse")
    # The screen's name and the parts; one column before the save state, one after it.
    room = width - len(mark) - 2

    def length() -> int:
        return len(tag.text) + len(SEPARATOR.join(part.text for part in parts if part.text))

    # Shorter wordings one at a time, the least needed first; the conflicts left keep their
    # number to the end.
    steps = [document, reviewer, conflicts, drawing, char, document, reviewer]
    for part in steps:
        if length() <= room:
            break
        part.shorten()
    if length() > room and progress.doc_id is not None:
        others = length() - len(document.text)
        document.wordings.append(_shortened(document.text, max(room - others, 8)))
        document.shorten()
    if length() > room:
        conflicts.shorten()
    if length() > room:
        tag.shorten()
    text = Text(tag.text.rstrip(), style=tag.style)
    text.append("  " if tag.text else " ")
    for index, part in enumerate(part for part in parts if part.text):
        if index:
            text.append(SEPARATOR)
        text.append(part.text, style=part.style)
    text.truncate(room, overflow="ellipsis")
    text.append(" " * max(width - len(text) - len(mark) - 1, 1))
    text.append(mark, style=mark_style)
    text.append(" ")
    return text
