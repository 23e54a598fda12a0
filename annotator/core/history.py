"""Undo and redo over one record: a bounded list of the record's earlier and later states.

Records are frozen, so the history keeps whole records rather than inverse operations: undoing
gives back exactly the earlier record object. The screen keeps one history per document.
"""

from __future__ import annotations

from collections import deque

from annotator.core.models import Record

DEFAULT_LIMIT = 500


class History:
    """The current record plus up to ``limit`` states to undo to and the states to redo."""

    def __init__(self, initial: Record, limit: int = DEFAULT_LIMIT) -> None:
        if limit < 1:
            raise ValueError(f"history limit must be at least 1, got {limit}")
        self._current = initial
        # A full deque forgets the oldest state; the current one is held apart and never lost.
        self._undo: deque[Record] = deque(maxlen=limit)
        self._redo: list[Record] = []

    @property
    def record(self) -> Record:
        """The current state."""
        return self._current

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def apply(self, new_record: Record) -> Record:
        """Make ``new_record`` current; the old one can be undone to, and redo is forgotten.

        A record equal to the current one changes nothing (no empty undo step).
        """
        if new_record == self._current:
            return self._current
        self._undo.append(self._current)
        self._redo.clear()
        self._current = new_record
        return new_record

    def undo(self) -> Record | None:
        """Step back; the now current record, or None when there is nothing to undo."""
        if not self._undo:
            return None
        self._redo.append(self._current)
        self._current = self._undo.pop()
        return self._current

    def redo(self) -> Record | None:
        """Step forward again; the now current record, or None when there is nothing to redo."""
        if not self._redo:
            return None
        self._undo.append(self._current)
        self._current = self._redo.pop()
        return self._current
