"""Carrying a stale record over to the open document's text (mixed into AnnotationSession).

The other way out of a stale record than starting over (``start_over``): the spans are placed
anew on the new text by ``carry_over.carry_over`` and the result is saved through the session's
one save path, like any change. ctrl+z, once the changes since are undone, gives the stale
record back (``undo_carry_over``), as it does after starting over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.carry_over import CarriedOver, carry_over
from annotator.core.history import History, Step
from annotator.core.models import Document, Record
from annotator.core.session_edits import Refused
from annotator.core.store import Store

if TYPE_CHECKING:
    from annotator.core.session import DocumentState


class SessionCarryOver:
    """Carry over and its undo (see AnnotationSession)."""

    store: Store
    _changed: set[str]
    _histories: dict[str, History]
    # doc id -> (the stale record carried over, the record it became)
    _carried_over: dict[str, tuple[Record, Record]]

    # Provided by AnnotationSession.
    @property
    def state(self) -> DocumentState:
        raise NotImplementedError

    def _save(self, record: Record) -> None:
        raise NotImplementedError

    def _stamp(self) -> str:
        raise NotImplementedError

    def _blank(self, document: Document) -> Record:
        raise NotImplementedError

    def carry_over_preview(self) -> CarriedOver | None:
        """What carrying the open document's stale record over would give (None: it has no
        stale record). Nothing is saved."""
        state = self.state
        if state.stale is None:
            return None
        return carry_over(state.stale, state.document.text)

    def carry_over(self) -> CarriedOver:
        """Replace the stale record by the one carried over to the current text (saved now,
        explicit: the annotator asked, having been told how many spans would be left out)."""
        state = self.state
        stale = state.stale
        if stale is None:
            raise Refused("carry over is for a stale record; this one is current")
        carried = carry_over(stale, state.document.text)
        self._carried_over[state.document.id] = (stale, carried.record)
        state.stale = None
        self._histories[state.document.id] = History(carried.record)
        self._save(carried.record)
        return carried

    def undo_carry_over(self) -> Step | None:
        """Give back the stale record ctrl+k carried over on the open document (stale here
        again, not shown); None when there is none, or the changes since are not all undone."""
        state = self.state
        carried = self._carried_over.get(state.document.id)
        if carried is None or state.stale is not None or not _same(state.record, carried[1]):
            return None
        del self._carried_over[state.document.id]
        # Written back as it was, its time too, as ctrl+z after ctrl+r does: the stale banner
        # names when the work was done, not the undo.
        record = carried[0]
        self.store.save(record)
        self._changed.add(record.doc_id)
        state.stale = record
        state.record = self._blank(state.document)
        state.saved = False
        self._histories[state.document.id] = History(state.record)
        return Step(
            f"carry over: your record ({len(record.spans)} spans, {record.status}) is back, "
            "stale here"
        )


def _same(record: Record, other: Record) -> bool:
    """Whether two records say the same, their times aside."""
    times = {"updated_at": None, "seconds_spent": 0.0}
    return record.model_copy(update=times) == other.model_copy(update=times)
