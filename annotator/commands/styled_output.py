"""Styled text written as rich prints it, without rich's cost for every piece.

diff's report (``diff_report``) on 10,000 documents is about 400,000 styled pieces. Appended to
rich ``Text`` objects and printed, they took about 4 of the command's 5.5 seconds (cProfile:
``Text.append``, ``split``, ``render`` and ``Style.render``, piece by piece). Here a block is a
list of ``(text, style)`` pieces joined into one string, each style's codes found once by
printing a sample through the console (so its colour system, NO_COLOR and FORCE_COLOR apply
as they would), and the strings are written to the console's file a few at a time.

The bytes are those of ``Console.print(text, soft_wrap=True)`` of a ``Text`` with the same
pieces appended (a test holds them to it):

- each piece loses the control codes rich strips from text it is given (``strip_control_codes``:
  BEL, BS, VT, FF, CR); a piece left empty is not written;
- a styled piece gets its codes of its own, even beside a piece of the same style, and they end
  at each of its line breaks (a line break is never styled; an empty stretch gets none);
- an unstyled piece is written as it is, and each block ends with a line break.

A block holding a tab (rich turns it into spaces to the next stop) is printed by rich itself,
and so is everything on a console that does not write plain text to its file (recording,
quiet, in Jupyter, or a legacy Windows console, drawn through the win32 API).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

# A piece of a block: its text, and its rich style ("" for none).
Piece = tuple[str, str]

_SAMPLE = "\ue000"  # a character no style's codes hold (private use)
# rich writes at most this many characters at once (a Windows console fails on more than
# 32 KB in one write; 4 bytes a character at worst), broken between lines.
_MOST_AT_ONCE = 32 * 1024 // 4


class StyledOutput:
    """Blocks of pieces printed on ``console`` as rich would print them, held and written a
    few at a time: ``flush`` writes what is held (call it before printing on the console
    otherwise, and at the end)."""

    def __init__(self, console: Console) -> None:
        from rich.control import STRIP_CONTROL_CODES, strip_control_codes

        self.console = console
        self._strip = strip_control_codes
        self._stripped = re.compile("[" + "".join(map(chr, STRIP_CONTROL_CODES)) + "]")
        self._codes: dict[str, tuple[str, str]] = {"": ("", "")}
        self._held: list[str] = []
        self._held_size = 0
        self._direct = not (
            console.record or console.quiet or console.is_jupyter or console.legacy_windows
        )

    def print(self, pieces: list[Piece]) -> None:
        """The pieces, then a line break."""
        if not self._direct:
            self._by_rich(pieces)
            return
        block = self._joined(pieces)
        if "\t" in block:
            self.flush()
            self._by_rich(pieces)
            return
        if self._held_size + len(block) >= _MOST_AT_ONCE:
            self.flush()
        self._held.append(block)
        self._held_size += len(block)

    def flush(self) -> None:
        """Write the blocks held (rich writes and flushes each print at once)."""
        if not self._held:
            return
        text, self._held, self._held_size = "".join(self._held), [], 0
        write = self.console.file.write
        if len(text) <= _MOST_AT_ONCE:
            write(text)
        else:
            batch: list[str] = []
            size = 0
            for line in text.splitlines(True):
                if size + len(line) > _MOST_AT_ONCE and batch:
                    write("".join(batch))
                    batch, size = [], 0
                batch.append(line)
                size += len(line)
            write("".join(batch))
        self.console.file.flush()

    def _joined(self, pieces: list[Piece], strip: bool = False) -> str:
        """The block as rich renders it, its line break at the end included."""
        parts = []
        codes = self._codes
        for text, style in pieces:
            if strip:
                text = self._strip(text)
            if style and text:
                before, after = codes.get(style) or self._codes_of(style)
                if before:
                    if "\n" in text:
                        text = "\n".join(before + p + after if p else "" for p in text.split("\n"))
                    else:
                        text = before + text + after
            parts.append(text)
        parts.append("\n")
        block = "".join(parts)
        if not strip and self._stripped.search(block):  # rare: only then piece by piece
            return self._joined(pieces, strip=True)
        return block

    def _codes_of(self, style: str) -> tuple[str, str]:
        """The codes rich writes before and after text in ``style`` on this console."""
        from rich.text import Text

        with self.console.capture() as capture:
            self.console.print(Text(_SAMPLE, style=style), end="", soft_wrap=True)
        before, _, after = capture.get().partition(_SAMPLE)
        self._codes[style] = (before, after)
        return before, after

    def _by_rich(self, pieces: list[Piece]) -> None:
        from rich.text import Text

        block = Text()
        for text, style in pieces:
            block.append(text, style=style or None)
        self.console.print(block, soft_wrap=True)
