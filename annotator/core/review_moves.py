"""Moving through a review's open conflicts (mixed into ``ReviewSession``).

The walk's order is ``review_walk``'s: documents in corpus order; within a document span
conflicts by region, then field conflicts in scheme order. ``next_conflict`` /
``previous_conflict`` wrap around (``wrapped`` says when a move went past the end); ``go_to``
names a conflict, ``focus_at`` the span conflict under the article's cursor.
"""

from __future__ import annotations

from annotator.core.review_conflict import find_conflict
from annotator.core.review_parts import ReviewParts
from annotator.core.review_records import ReviewRecords
from annotator.core.review_views import Place
from annotator.core.review_walk import ConflictOrder, OrderKey
from annotator.core.session_edits import Refused


class ReviewMoves(ReviewParts):
    """The reviewer's moves from conflict to conflict (see the module docstring)."""

    records: ReviewRecords
    order: ConflictOrder
    current: Place | None
    looking: str | None
    editing: bool
    wrapped: bool

    def _current_key(self) -> OrderKey | None:
        if self.current is None:
            # Looking at a document: the walk goes on from its place.
            return self.order.document_key(self.looking) if self.looking is not None else None
        conflict = self.conflict
        return self.order.key(self.current.doc_id, conflict) if conflict is not None else None

    def _refuse_a_move_when_finished(self) -> None:
        if self.finished:
            raise Refused(
                "every conflict is settled: no open conflict to go to (l lists the documents)"
            )

    def next_conflict(self) -> Place | None:
        """Move to the next open conflict (across documents, wrapping around: ``wrapped``
        says when the move went past the last one back to the first); refused when none is
        open."""
        self._refuse_a_move_when_finished()
        self.editing = False
        before = self._current_key()
        self.current = self.order.after(before)
        after = self._current_key()
        self.wrapped = before is not None and after is not None and after <= before
        return self.current

    def previous_conflict(self) -> Place | None:
        self._refuse_a_move_when_finished()
        self.editing = False
        before = self._current_key()
        self.current = self.order.before(before) if before is not None else self.order.after(None)
        after = self._current_key()
        self.wrapped = before is not None and after is not None and after >= before
        return self.current

    def go_to(self, doc_id: str, conflict_id: str) -> None:
        find_conflict(self.records[doc_id], conflict_id)
        self.editing = False
        self.current = Place(doc_id, conflict_id)

    def focus_at(self, offset: int) -> bool:
        """Make the span conflict holding ``offset`` current (not while drawing); True: it moved."""
        record = self.record
        if record is None or self.editing or self.current is None:
            return False
        holding = [
            conflict
            for conflict in record.conflicts
            if conflict.get("kind") == "span"
            and conflict["region"][0] <= offset < conflict["region"][1]
        ]
        # Regions overlap where a span's value is disputed inside a run of other spans
        # (``merge_spans``): the current one holding the offset stays, else the narrowest.
        if not holding or any(c["id"] == self.current.conflict_id for c in holding):
            return False
        narrowest = min(holding, key=lambda conflict: conflict["region"][1] - conflict["region"][0])
        self.current = Place(record.doc_id, narrowest["id"])
        return True
