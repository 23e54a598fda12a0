"""Status lines that fit the terminal's width, with the save state pinned to the right edge.

Both screens' top lines end with whether the work is on disk. On 80 columns they used to run
out before it ("… · done 0/14 · ●"), hiding exactly what a person must be able to trust. A line
is made of ``Part``s, each with wordings longest first; when it does not fit, parts take their
next shorter wording in the order the screen gives, then the text is cut with an ellipsis. The
save state is never cut.

The footer has the same trouble: the annotation screen's keys ran past 80 columns ("d Done
s Ski…"), hiding ``? Help`` and ``q Quit``, the keys a person looks for. ``FittingFooter``
leaves keys out, least needed first, until the rest fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

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


def cut_end(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, its end given way to an ellipsis (one-cell
    characters): an id keeps its start, by which it is known. (``display.shortened`` cuts
    the middle of quoted words instead.) Cut after a space, the space goes too: "ten …" said
    no more than "ten…" (a skip reason in the list of documents is cut so)."""
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)].rstrip() + "…"


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


class FittingFooter(Footer):
    """A compact footer that leaves out keys, least needed first, until the rest fit its width.

    ``left_out_first`` names actions, least needed first; each entry leaves out every key whose
    action starts with it. When the rest still do not fit, the widest key goes, then the next:
    a list's footer at 60 columns was cut inside a word ("esc Clos"), where a key left out
    whole is reached from ``?`` or the palette.
    """

    def __init__(self, left_out_first: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(compact=True, **kwargs)
        self.left_out_first = list(left_out_first)
        self._fitted_to = 0  # the width the keys were last fitted to
        self._letters_left_out = False

    def leave_out_letters(self, leave_out: bool) -> None:
        """Leave out (or show again) the keys that are one character: in a panel where
        letters are typed or stopped, ``d Done`` or ``q Quit`` would promise what they do not do."""
        if leave_out != self._letters_left_out:
            self._letters_left_out = leave_out
            self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        if self._letters_left_out:
            keys = [key for key in keys if not _is_character(key)]
        width = self._fitted_to = self.size.width or self.app.size.width
        for prefix in self.left_out_first:
            if sum(map(_key_width, keys)) <= width:
                break
            keys = [key for key in keys if not _acts(key, prefix)]
        while sum(map(_key_width, keys)) > width:
            droppable = [
                key
                for key in keys
                if hasattr(key, "action") and not key.has_class("-command-palette")
            ]
            if not droppable:
                break
            # The widest, the last of equals: a long description is an extra's.
            keys.remove(max(reversed(droppable), key=_key_width))
        yield from keys

    async def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._fitted_to:
            await self.recompose()


def _acts(key: Widget, prefix: str) -> bool:
    """Whether ``key`` is a footer key (not the palette's) whose action starts with ``prefix``."""
    action = getattr(key, "action", None)
    palette = key.has_class("-command-palette")
    return isinstance(action, str) and action.startswith(prefix) and not palette


def _is_character(key: Widget) -> bool:
    shown = str(getattr(key, "key_display", ""))
    return hasattr(key, "action") and len(shown) == 1 and shown.isprintable()


def _key_width(key: Widget) -> int:
    """The cells a compact footer key takes: its key, a space and its description, and the one
    cell after it (the palette's key: its border and padding instead). Read from the key's
    public attributes, as Textual's FooterKey is not exported."""
    shown = cell_len(str(getattr(key, "key_display", "")))
    description = str(getattr(key, "description", ""))
    if description:
        shown += 1 + cell_len(description)
    return shown + (2 if key.has_class("-command-palette") else 1)
