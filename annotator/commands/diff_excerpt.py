"""diff's excerpts for a person: a difference in its sentence, invisible characters shown.

A zero-width space, a joiner, a byte order mark or a direction mark at a span's edge is often
why two spans differ, and printed as it is it shows nothing: the two lines look the same. A
bidi control does worse: the terminal reorders the rest of the line around it. So each such
character (``INVISIBLE``) is shown as an escape of its code point, ``⟨U+200B⟩`` (dim outside a
span), never written raw. The one exception is a zero-width joiner inside an emoji group
(👨‍👩‍👧): it is what makes the group one picture, two cells wide as rich counts it and as tmux
draws it, and a span never cuts one (a span takes whole characters), so it is kept.

An escape is wider than the character it stands for, so an excerpt holding one is laid out on
a copy of its sentence with the escapes in (``_Stretch``), and a window is never cut inside an
escape or an emoji group. A sentence without any of these characters is shown as before, on
the display copy (``display.one_line_text``) as it is. A span's quoted text (JSON) writes them
as ``\\u200b`` (``visible_json``): the same JSON, and ``"12\\u200b"`` reads apart from ``"12"``.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from typing import Any, NamedTuple

from rich.cells import get_character_cell_size

from annotator.commands.styled_output import Piece
from annotator.core.display import excerpt_window, one_line_text

# The escaping is core's, shared with review's panel; visible and visible_json are
# diff_report's (and its tests') through here.
from annotator.core.invisible_said import INVISIBLE as INVISIBLE
from annotator.core.invisible_said import NOT_SHOWN, escape
from annotator.core.invisible_said import visible as visible
from annotator.core.invisible_said import visible_json as visible_json

ESCAPE_STYLE = "dim"


class _Stretch(NamedTuple):
    """A sentence laid out with its escapes (``shown``), where a text offset falls in it, and
    what a window must not cut (escapes, emoji groups)."""

    shown: str
    origins: list[int]  # the text offsets of the escaped characters, in order
    extra: list[int]  # the characters added by the escapes up to and including each one
    escapes: list[tuple[int, int]]  # where each escape stands in ``shown``
    joined: frozenset[int]  # positions in ``shown`` inside an emoji group

    def place(self, offset: int, start: int) -> int:
        """Where text ``offset`` falls in ``shown`` (``start``: the stretch's text offset)."""
        count = bisect_left(self.origins, offset)
        return offset - start + (self.extra[count - 1] if count else 0)

    def cut_start(self, position: int, limit: int) -> int:
        """``position`` moved forward (never past ``limit``) out of an escape or emoji group."""
        inside = self._escape_around(position)
        if inside is not None:
            position = inside[1]
        while position < limit and position in self.joined:
            position += 1
        return min(position, limit)

    def cut_end(self, position: int, limit: int) -> int:
        """``position`` moved back (never before ``limit``) out of an escape or emoji group."""
        inside = self._escape_around(position)
        if inside is not None:
            position = inside[0]
        while position > limit and position in self.joined:
            position -= 1
        return max(position, limit)

    def _escape_around(self, position: int) -> tuple[int, int] | None:
        """The escape ``position`` falls inside of (not at either of its ends), if any."""
        index = bisect_right(self.escapes, (position, len(self.shown))) - 1
        if index >= 0 and self.escapes[index][0] < position < self.escapes[index][1]:
            return self.escapes[index]
        return None


class DocumentShown:
    """One document's text, for its excerpts: a sentence without invisible characters is
    shown on the display copy, one with them laid out with its escapes (``stretch``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ascii = text.isascii()
        self._one_line: str | None = None

    def plain(self, first: int, last: int) -> bool:
        """Whether ``text[first:last]`` holds no invisible character. Only the sentence is
        read (and an ASCII text not at all): the search reads each character against a
        long class, 25 µs for an article of 1.6 KB, a tenth of the report's time."""
        return self._ascii or INVISIBLE.search(self.text, first, last) is None

    @property
    def one_line(self) -> str:
        """The text's display copy on one line (``display.one_line_text``), made once."""
        if self._one_line is None:
            self._one_line = one_line_text(self.text)
        return self._one_line

    def stretch(self, first: int, last: int) -> tuple[_Stretch, int]:
        """The sentence ``text[first:last]`` laid out with its escapes, and the text offset
        its start is."""
        text = self.text
        parts: list[str] = []
        origins: list[int] = []
        extra: list[int] = []
        escapes: list[tuple[int, int]] = []
        joined: set[int] = set()
        added = 0
        at = first
        for match in NOT_SHOWN.finditer(text, first, last):
            parts.append(one_line_text(text[at : match.start()]))
            position = match.start() - first + added
            char = match.group(1)
            if char is None:  # an emoji group's joiner: no cut on either side of it
                parts.append(match.group())
                joined.update((position, position + 1))
            else:
                shown = escape(char)
                parts.append(shown)
                escapes.append((position, position + len(shown)))
                added += len(shown) - 1
                origins.append(match.start())
                extra.append(added)
            at = match.end()
        parts.append(one_line_text(text[at:last]))
        return _Stretch("".join(parts), origins, extra, escapes, frozenset(joined)), first


def excerpt_lines(
    document: DocumentShown, item: dict[str, Any], cells: int, colours: dict[str, str]
) -> dict[str, list[Piece]]:
    """Each side's excerpt of a difference (``item``, with its ``sentence``) in ``cells``
    cells, ellipses at cut ends: the same window for both, so their lines stay aligned.

    The span is marked bold, underlined, in its label's colour, and between brackets where
    colour is not shown (NO_COLOR, 16-colour terminals). Plain pieces, never markup, so
    article text like ``[bold]`` shows as written.
    """
    first, last = item["sentence"]
    spans = [item[side] for side in ("a", "b") if item[side] is not None]
    low = min(span["start"] for span in spans)
    high = max(span["end"] for span in spans)
    # Most texts hold no invisible character: their display copy is shown as it is, offsets
    # and all (the report on 10,000 documents builds some 20,000 excerpts).
    plain = document.plain(first, last)
    stretch, offset = (None, 0) if plain else document.stretch(first, last)
    if stretch is None:
        shown = document.one_line
    else:
        shown, first, last = stretch.shown, 0, len(stretch.shown)
        low, high = stretch.place(low, offset), stretch.place(high, offset)
    start, end = excerpt_window(shown, (first, last), (low, high), cells)
    if stretch is not None:
        start = stretch.cut_start(start, low)
        end = max(stretch.cut_end(end, high if end >= high else start), start)
    start, end = _whole_characters(shown, last, start, end, low)
    lines = {}
    for side in ("a", "b"):
        span = item[side]
        pieces: list[Piece] = [("…", "dim")] if start > first else []
        if span is None:
            pieces.append((shown[start:end], "dim"))
        else:
            span_low, span_high = span["start"], span["end"]
            if stretch is not None:
                span_low, span_high = (
                    stretch.place(span_low, offset),
                    stretch.place(span_high, offset),
                )
            marked_low = min(max(span_low, start), end)
            marked_high = max(min(span_high, end), marked_low)
            marked = (
                shown[marked_low:marked_high],
                f"bold underline {colours.get(span['label'], '')}",
            )
            if stretch is None:
                pieces += [(shown[start:marked_low], ""), ("⟦", "dim"), marked, ("⟧", "dim")]
                pieces.append((shown[marked_high:end], ""))
            else:
                pieces += _plain(stretch, start, marked_low)
                pieces += [("⟦", "dim"), marked, ("⟧", "dim")]
                pieces += _plain(stretch, marked_high, end)
        if end < last:
            pieces.append(("…", "dim"))
        lines[side] = pieces
    return lines


def _whole_characters(shown: str, last: int, start: int, end: int, low: int) -> tuple[int, int]:
    """The window without a character's marks cut off it: its end taken past the marks after
    it, its start past marks whose letter is left out. A window cut by cells (a focus wider
    than the room) could show "é" as "e", or a Hindi vowel sign without its letter."""
    while end < last and _joins_the_one_before(shown[end]):
        end += 1
    while start < min(low, end) and _joins_the_one_before(shown[start]):
        start += 1
    return start, end


def _joins_the_one_before(char: str) -> bool:
    # Nothing below U+0300 joins the character before it. Not an emoji group's joiner: the
    # picture after it takes two cells. A spacing mark (a Hindi vowel sign) takes a cell of
    # its own on screen (``cell_widths``), but is its letter's still.
    return (
        char >= "\u0300"
        and char != "\u200d"
        and (get_character_cell_size(char) == 0 or unicodedata.category(char) == "Mc")
    )


def _plain(stretch: _Stretch, start: int, end: int) -> list[Piece]:
    """``shown[start:end]`` unmarked: its escapes dim, the rest plain."""
    pieces: list[Piece] = []
    at = start
    for low, high in stretch.escapes[bisect_left(stretch.escapes, (start, start)) :]:
        if low >= end:
            break
        pieces.append((stretch.shown[at:low], ""))
        pieces.append((stretch.shown[low:high], ESCAPE_STYLE))
        at = high
    pieces.append((stretch.shown[at:end], ""))
    return pieces
