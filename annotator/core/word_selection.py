"""Where ctrl+shift+left and ctrl+shift+right take a selection's end in the article: the word
moves of ``tokens`` (``word_left``, ``word_right``), but never to an edge that adds only
punctuation, spaces and a possessive ``’s`` to the selection (snapping drops them all)."""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.spans import snap_selection
from annotator.core.tokens import (
    chunk_start,
    sentence_index_at,
    sentences,
    word_left,
    word_right,
    word_runs,
)


def select_word_right(line: str, column: int) -> int:
    """Where ctrl+shift+right takes a selection's end: ``word_right``, but not to the start of
    a word with only punctuation and spaces before it (after "Kestria, "): on to its end. That
    stop added nothing snapping keeps, and a trial's press after a search seemed to do nothing."""
    stop = word_right(line, column)
    return word_right(line, stop) if _word_edges(line, stop) == (True, False) else stop


def select_word_left(line: str, column: int) -> int:
    """Where ctrl+shift+left takes a selection's end: ``word_left``, but not to the end of a
    word with only punctuation and spaces after it: on to its start."""
    stop = word_left(line, column)
    return word_left(line, stop) if _word_edges(line, stop) == (False, True) else stop


def select_word_left_across(
    line_at: Callable[[int], str], row: int, column: int
) -> tuple[int, int]:
    """Where ctrl+shift+left takes a selection's end at ``row``, ``column`` of a text of lines
    (``line_at(row)``): ``select_word_left``, on up over line breaks and lines without a word
    until a word is taken in. Whitespace at an edge is no word step: snapping drops it, and a
    trial's first press from an article's end selected only its last line break."""
    while True:
        line = line_at(row)
        stop = select_word_left(line, column)
        if row == 0 or _holds_word(line, stop, column):
            return row, stop
        row -= 1
        column = len(line_at(row))


def select_word_right_across(
    line_at: Callable[[int], str], line_count: int, row: int, column: int
) -> tuple[int, int]:
    """Where ctrl+shift+right takes a selection's end: ``select_word_right``, on down over line
    breaks and lines without a word until a word is taken in (``select_word_left_across``)."""
    while True:
        line = line_at(row)
        stop = select_word_right(line, column)
        if row >= line_count - 1 or _holds_word(line, column, stop):
            return row, stop
        row += 1
        column = 0


def _holds_word(line: str, low: int, high: int) -> bool:
    """Whether a word of the word moves has a character between ``low`` and ``high``."""
    if low >= high:
        return False
    for start, end in word_runs(line, chunk_start(line, low)):
        if start >= high:
            return False
        if end > low:
            return True
    return False


def _word_edges(line: str, offset: int) -> tuple[bool, bool]:
    """Whether a word of the word moves begins at ``offset`` of ``line``, and whether one ends."""
    begins = ends = False
    for start, end in word_runs(line, chunk_start(line, offset)):
        if start > offset:
            break
        begins, ends = begins or start == offset, ends or end == offset
    return begins, ends


def from_snapped_edge(anchor: int, cursor: int, snapped: tuple[int, int] | None) -> int:
    """Where a word move of the selection ``anchor``..``cursor`` starts from: the edge on the
    cursor's side of what snapping makes of it (``snapped``, from ``spans.snap_selection``).
    A search for "64 ulm" selected 48–54, snapped to "64 Ulmarian" 48–59: the first
    ctrl+shift+right went from 54 to the end of "Ulmarian", which the selection as labelled
    held already, and seemed to do nothing; only the second reached "soldiers"."""
    if snapped is None or anchor == cursor:
        return cursor
    return snapped[1] if cursor > anchor else snapped[0]


def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The word a double click at ``offset`` selects: snapped as a drag over it is; past a
    line's end, its last word."""
    if offset == len(text) or text[offset] == "\n":
        line_start = text.rfind("\n", 0, offset) + 1
        offset -= 1
        while offset > line_start and not text[offset].isalnum():
            offset -= 1  # back over the full stop and the spaces after the last word
    if offset < 0 or text[offset].isspace():
        return None
    return snap_selection(text, offset, offset + 1, "token")


def sentence_at(text: str, offset: int) -> tuple[int, int] | None:
    """The sentence a triple click at ``offset`` selects, found in its line only (an article
    may be long)."""
    low = text.rfind("\n", 0, offset) + 1
    high = text.find("\n", offset)
    high = len(text) if high == -1 else high
    around = sentences(text[low:high])
    index = sentence_index_at(around, offset - low)
    if index is None and offset > low:  # past the line's last character
        index = sentence_index_at(around, offset - low - 1)
    return None if index is None else (low + around[index][0], low + around[index][1])
