"""Where ctrl+shift+left and ctrl+shift+right take a selection's end in the article: the word
moves of ``tokens`` (``word_left``, ``word_right``), but never to an edge that adds only
punctuation, spaces and a possessive ``’s`` to the selection (snapping drops them all)."""

from __future__ import annotations

from annotator.core.tokens import chunk_start, word_left, word_right, word_runs


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
