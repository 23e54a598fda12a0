"""Carrying a stale record over to the open document's text (mixed into AnnotationSession).

The other way out of a stale record than starting over (``start_over``): the spans are placed
anew on the new text by ``carry_over.carry_over`` and the result is saved through the session's
one save path, like any change. The first ctrl+k shows what it would give (``carry_over_preview``,
worked out once per stale record and text, off the screen's thread if need be, and kept); the
second one saves that. ctrl+z, once the changes since are undone, gives the stale record back
(``undo_carry_over``), as it does after starting over.
"""

from __future__ import annotations

from annotator.core.carry_over import CarriedOver, carry_over
from annotator.core.history import History, Step
from annotator.core.models import Record
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused
from annotator.core.session_finish import says_the_same
from annotator.core.session_parts import SessionParts
from annotator.core.session_stale import WayOutUndone


class SessionCarryOver(SessionParts):
    """Carry over and its undo (see AnnotationSession)."""

    scheme: Scheme
    _changed: set[str]
    _histories: dict[str, History]
    _way_out_undone: dict[str, WayOutUndone]  # see SessionStale.redo_way_out
    # doc id -> (the stale record carried over, the record it became)
    _carried_over: dict[str, tuple[Record, Record]]
    # The last preview, and the stale record it was made from (for the open document's text).
    _carry_preview: tuple[Record, CarriedOver] | None

    def carry_over_preview(self) -> CarriedOver | None:
        """What carrying the open document's stale record over would give (None: it has no
        stale record). Nothing is saved; it is kept for ``carry_over`` (the second ctrl+k),
        so it is worked out once per stale record and text."""
        state = self.state
        if state.stale is None:
            return None
        kept = self._kept_preview()
        if kept is None:
            kept = carry_over(state.stale, state.document.text)
            self._carry_preview = (state.stale, kept)
        return kept

    def keep_carry_over_preview(self, stale: Record, preview: CarriedOver) -> bool:
        """Keep ``preview``, worked out off the screen's thread (``carry_over(stale, text)``),
        for ``carry_over``; False when the open document no longer has ``stale`` as its stale
        record, or its text is another (the annotator moved on meanwhile)."""
        state = self.state
        if state.stale is not stale or preview.record.doc_sha256 != state.document.sha256:
            return False
        self._carry_preview = (stale, preview)
        return True

    def _kept_preview(self) -> CarriedOver | None:
        """The preview kept for the open document's stale record and text, if any."""
        state, kept = self.state, self._carry_preview
        if kept is None or kept[0] is not state.stale:
            return None
        return kept[1] if kept[1].record.doc_sha256 == state.document.sha256 else None

    def carry_over(self) -> CarriedOver:
        """Replace the stale record by the one carried over to the current text (saved now,
        explicit: the annotator asked, having been told how many spans would be left out):
        the preview shown, when it was kept. A change like any other: ctrl+z gives the stale
        record back before it undoes anything done before."""
        state = self.state
        stale = state.stale
        if stale is None:
            raise Refused("carry over is for a stale record; this one is current")
        carried = self.carry_over_preview()
        assert carried is not None  # the record is stale
        # A span whose words' whitespace changed leaves its fields alone: they hold its words
        # single-spaced, and a link goes with the value holding them whitespace aside
        # (``span_words``).
        self._carry_preview = None
        self._way_out_undone.pop(state.document.id, None)  # ctrl+y no longer redoes one
        self._note_span_ids(stale)  # its spans' ids, those left out too, are not given again
        self._carried_over[state.document.id] = (stale, carried.record)
        state.stale = None
        self._begin_history(carried.record)
        self._save(carried.record)
        return carried

    def undo_carry_over(self) -> Step | None:
        """Give back the stale record ctrl+k carried over on the open document (stale here
        again, not shown); None when there is none, or the changes since are not all undone."""
        state = self.state
        carried = self._carried_over.get(state.document.id)
        if carried is None or state.stale is not None:
            return None
        if not says_the_same(state.record, carried[1]):
            return None
        del self._carried_over[state.document.id]
        history = self._histories[state.document.id]  # ctrl+y gives it back (``redo_way_out``)
        step = self._stale_again(carried[0], "carry over")
        self._way_out_undone[state.document.id] = WayOutUndone("carry over", carried[0], history)
        # Begun anew with the finish state ended, unlike ctrl+r's undo (``undo_start_over``),
        # which keeps it.
        self._begin_history(state.record)
        return step
