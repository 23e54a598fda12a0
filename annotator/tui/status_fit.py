"""Status lines that fit the terminal's width, with the save state pinned to the right edge.

Both screens' top lines end with whether the work is on disk. On 80 columns they used to run
out before it ("… · done 0/14 · ●"), hiding exactly what a person must be able to trust. A line
is made of ``Part``s, each with wordings longest first; when it does not fit, parts take their
next shorter wording in the order the screen gives, then the text is cut with an ellipsis. The
save state is never cut.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    """One part of a line: its wordings, longest first, and its style."""

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


def shortened(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns with an ellipsis (one-cell characters)."""
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + "…"


def room_for(width: int, save_state: str) -> int:
    """Columns left for the parts: one before the save state, one after it."""
    return width - len(save_mark(save_state)[0]) - 2


def save_mark(save_state: str) -> tuple[str, str]:
    return SAVE_MARKS.get(save_state, SAVE_MARKS["error"])


def joined_length(head: str, parts: Iterable[Part]) -> int:
    return len(head) + len(SEPARATOR.join(part.text for part in parts if part.text))


def fit(head: str, parts: list[Part], steps: Iterable[Part], room: int) -> None:
    """Shorten ``steps`` one at a time, in order, until ``head`` and the parts fit ``room``."""
    for part in steps:
        if joined_length(head, parts) <= room:
            return
        part.shorten()


def pinned_line(head: Text, parts: list[Part], width: int, save_state: str) -> Text:
    """``head``, the parts joined by separators and cut to fit, the save state at the edge."""
    mark, mark_style = save_mark(save_state)
    text = head.copy()
    for index, part in enumerate(part for part in parts if part.text):
        if index:
            text.append(SEPARATOR)
        text.append(part.text, style=part.style)
    text.truncate(room_for(width, save_state), overflow="ellipsis")
    text.append(" " * max(width - len(text) - len(mark) - 1, 1))
    text.append(mark, style=mark_style)
    text.append(" ")
    return text
