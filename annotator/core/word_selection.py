"""Where ctrl+shift+left and ctrl+shift+right take a selection's end in the article: the word
moves of ``tokens`` (``word_left``, ``word_right``), but never to an edge that adds only
punctuation, spaces and a possessive ``’s`` to the selection (snapping drops them all), nor one
that leaves only those selected (``word_step``, the one rule the article calls). And where the
arrows take the cursor: over whole characters (``character_left``, ``character_right``)."""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.display import LineIndex
from annotator.core.sentences import sentence_index_at, sentences
from annotator.core.spans import snap_selection
from annotator.core.tokens import (
    character_around,
    chunk_start,
    word_left,
    word_right,
    word_runs,
)


def word_step(
    text: str,
    lines: LineIndex,
    anchor: int,
    cursor: int,
    rightwards: bool,
    snapped: tuple[int, int] | None,
) -> int:
    """Where a word step (ctrl+shift+right, or left) takes the moving end ``cursor`` of the
    selection ``anchor``..``cursor`` of ``text`` (``lines``: its line index; ``snapped``: the
    selection as drawn, ``spans.snap_selection``). The step starts from the drawn edge
    (``from_snapped_edge``) and goes to the next word edge, over line breaks
    (``select_word_left_across``). Each press takes one word in or out: a step towards the
    anchor that leaves no word to label between it and the anchor, or would pass the anchor,
    stops at the anchor, nothing selected. A trial stepping back from "Kestria exchanged 95"'s
    " 95" kept " " selected, and from "said.⏎" at a line's start kept ".⏎"; both times a label
    key said the selection held no word. A step back towards an anchor before it ends where the
    word before ends (``word_end_left_across``), as a step onwards does: a trial's step back
    from "Itziar, shared a photograph" stopped at the start of "photograph", "shared a " kept
    selected, "snapped from" in the panel. A step away from the anchor with no word left to take
    in (past an article's last word) leaves the selection as it is, never adding only a full
    stop or a line break."""
    start = from_snapped_edge(anchor, cursor, snapped)
    row, column = lines.location(start)

    def line_at(number: int) -> str:
        first = lines.line_start(number)
        return text[first : first + lines.line_length(number)]

    shrinking = (start < anchor) if rightwards else (start > anchor)
    if rightwards:
        row, column = select_word_right_across(line_at, lines.line_count, row, column)
    elif shrinking:
        row, column = word_end_left_across(line_at, row, column)
    else:
        row, column = select_word_left_across(line_at, row, column)
    moved = lines.offset(row, column)
    if shrinking:
        passed = moved > anchor if rightwards else moved < anchor
        return anchor if passed or not _labels_a_word(text, anchor, moved) else moved
    return moved if _labels_a_word(text, start, moved) else cursor


def _labels_a_word(text: str, one_end: int, other_end: int) -> bool:
    """Whether a label key would find words to label between the two offsets (in token mode,
    whichever mode the article is in: a word step is about words)."""
    return one_end != other_end and snap_selection(text, one_end, other_end) is not None


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


def word_end_left_across(line_at: Callable[[int], str], row: int, column: int) -> tuple[int, int]:
    """Where ctrl+shift+left takes the end of a selection that ends after its anchor, from
    ``row``, ``column`` (``select_word_left_across``): the end of the word before, on up over
    line breaks and lines without a word; the very start when there is none. That is where
    snapping ends the selection without the word: at the start of the word taken out, the
    space and punctuation before it stayed selected, and the panel said "snapped from"."""
    while True:
        ends = [end for _, end in word_runs(line_at(row)) if end < column]
        if ends:
            return row, ends[-1]
        if row == 0:
            return 0, 0
        row -= 1
        column = len(line_at(row)) + 1  # a word may end at the line's end


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


def character_right(text: str, offset: int) -> int:
    """Where → takes the cursor from ``offset``: past one whole character as the tokenizer and
    snapping count them (``tokens.character_pattern``: an emoji with its variation selector,
    skin tone or joined pictographs, a letter with its combining marks). The text area stepped
    a code point at a time: in character mode "🕊️" took two presses, and the selection between
    them was a lone U+FE0F."""
    if offset >= len(text):
        return len(text)
    around = character_around(text, offset + 1)
    return offset + 1 if around is None else around[1]


def character_left(text: str, offset: int) -> int:
    """Where ← takes the cursor from ``offset``: back over one whole character
    (``character_right``)."""
    if offset <= 0:
        return 0
    around = character_around(text, offset - 1)
    return offset - 1 if around is None else around[0]


def character_edge(text: str, offset: int) -> int:
    """``offset``, or the start of the character it falls inside of: a move up or down lands
    by screen cells, and a variation selector or a joiner takes none. (The start, not the end,
    so the move back returns to the cell it came from: the text area goes to the farther of the
    cursor's cell and the one it remembers.)"""
    around = character_around(text, offset)
    return offset if around is None else around[0]
