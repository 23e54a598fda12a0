"""Undo and redo of a review's decisions (mixed into ``ReviewSession``).

``undo`` puts back the record as it was before the last decision, saved again so that the gold
file says so too: this session's decisions (``_undo``), then those of earlier sessions read
back from the gold file (``review_history.EarlierDecisions``), so that a decision can be
revised after a resume. ``redo`` puts back what undo took, until a decision is made (each
decision, and a merge anew, clears ``_redo``). Each says what it did, in words of its own.
"""

from __future__ import annotations

from collections.abc import Mapping

from annotator.core.compare import Unit
from annotator.core.item_brief import names_said
from annotator.core.models import GoldRecord
from annotator.core.review_documents import MERGE_ANEW_UNDONE, UndoStep, changed_since
from annotator.core.review_history import EarlierDecisions
from annotator.core.review_item_notices import without_alike_said
from annotator.core.review_outcome import detail_after, outcomes, with_detail
from annotator.core.review_parts import ReviewParts
from annotator.core.review_records import ReviewRecords
from annotator.core.review_views import Place
from annotator.core.review_walk import ConflictOrder


class ReviewUndo(ReviewParts):
    """The review's undo and redo (see the module docstring)."""

    records: ReviewRecords
    order: ConflictOrder
    current: Place | None
    looking: str | None
    editing: bool
    _undo: list[UndoStep]
    _redo: list[UndoStep]
    _earlier: EarlierDecisions
    _notices: list[str]
    units: Mapping[str, Unit]
    records_changed: set[str]

    def _stale_records(self, record: GoldRecord) -> bool:
        """Whether ``record`` was merged from other records than are compared now."""
        unit = self.units.get(record.doc_id)
        return unit is not None and bool(changed_since(record.sources.versions, unit))

    def undo(self) -> Place | None:
        """Put back the record as it was before the last decision (this session's, else an
        earlier session's); None when there was none."""
        if not self._undo:
            return self._undo_earlier()
        place, before, said = self._undo.pop()
        now = self.records[before.doc_id]
        self._redo.append((place, now, said))
        # The record as it was, with the time spent on it so far (an earlier session's undo
        # keeps it too, ``review_history``): a trial's 15 s went back to 0.99.
        self.save(before.model_copy(update={"seconds_spent": now.seconds_spent}))
        # A merge anew undone: told by its undo's words, or (an earlier session's, redone) by
        # the records it was merged from.
        merged_anew = (
            said.startswith(MERGE_ANEW_UNDONE)
            if said is not None
            else before.sources.versions != now.sources.versions
        )
        if merged_anew and self._stale_records(before):
            self.records_changed.add(before.doc_id)  # the list marks it again
        self.editing = False
        self.current = place if place is not None else self.order.after(None)
        if self.current is not None and not _holds_open(
            self.records[self.current.doc_id], self.current
        ):
            self.current = self.order.after(None)  # never a conflict the records lack
        # Said as the earlier sessions' undo says it: an undo that jumped to another
        # document left the reviewer guessing what it had undone (a trial). A redone undo of
        # an earlier session's decision has no words of its own: what it was is read from
        # the records, as that undo read it ("undid: d1 c2 is open again" said nothing more).
        if said is None and place is not None and place.doc_id == before.doc_id:
            settled = {c["id"] for c in now.conflicts}
            reopened = [c["id"] for c in before.conflicts if c["id"] not in settled]
            reopened = reopened or [place.conflict_id]
            are = "is" if len(reopened) == 1 else "are"
            said = with_detail(
                f"undid: {place.doc_id} {names_said(reopened)} {are} open again",
                outcomes(before, now, reopened),
            )
        # Always said, if only by the document and its open conflicts (a redone undo of an
        # earlier session's merge anew had no words of its own).
        said = said or f"undid: {before.doc_id} has {len(before.conflicts)} open conflict(s)"
        # The decision's "… so alike …, now twice" is not the undo's: it took the second one
        # away (kept for redo, which puts it back: ``_redo`` holds the decision's words).
        self._notices.append(without_alike_said(said))
        return self.current

    @property
    def can_undo(self) -> bool:
        return bool(self._undo) or bool(self._earlier)

    def redo(self) -> Place | None:
        """Put back what the last undo took away (None: nothing to redo); any decision made
        since an undo leaves nothing to redo."""
        if not self._redo:
            return None
        place, after, said = self._redo.pop()
        before = self.records[after.doc_id]
        key = None
        if place is not None and place.doc_id == after.doc_id:
            opened = [c for c in before.conflicts if c["id"] == place.conflict_id]
            key = self.order.key(place.doc_id, opened[0]) if opened else None
        self._undo.append((place, before, said))
        self.save(after.model_copy(update={"seconds_spent": before.seconds_spent}))
        self.editing = False
        self.current = self.order.after(key)
        settled = {c["id"] for c in after.conflicts}
        closed = [c["id"] for c in before.conflicts if c["id"] not in settled]
        # A merge anew, told by its undo's words (this session's) or by the conflicts it
        # opens again or the records it is merged from (an earlier session's): its count
        # alone misread one that settled some.
        merged_anew = (
            said.startswith(MERGE_ANEW_UNDONE)
            if said is not None
            else len(after.conflicts) > len(before.conflicts)
            or after.sources.versions != before.sources.versions
            or after.sources.merged_anew != before.sources.merged_anew
        )
        if merged_anew:
            if not self._stale_records(after):
                self.records_changed.discard(after.doc_id)  # the change taken in again
            opened_now = self.order.in_document(after.doc_id)
            self.current = opened_now[0][1] if opened_now else self.current
            what = f"merging {after.doc_id} anew ({len(after.conflicts)} conflict(s) open)"
        elif closed:
            what = f"{after.doc_id} {names_said(closed)} settled again"
            # What was redone, as ctrl+z said it ("took alice's version"): "c5 settled again"
            # alone left a trial's reviewer to guess which version or value.
            what = with_detail(what, _undone_detail(said, place) or outcomes(before, after, closed))
        else:
            what = f"{after.doc_id} has {len(after.conflicts)} open conflict(s)"
        self._notices.append(f"redid: {what}")
        return self.current

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def _undo_earlier(self) -> Place | None:
        undone = self._earlier.pop(self.records)
        if undone is None:
            return None
        before, place, notice = undone
        now = self.records[before.doc_id]
        self._redo.append((place, now, None))
        self.save(before)
        if before.sources.versions != now.sources.versions and self._stale_records(before):
            # An earlier session's merge anew from changed records undone, as this session's.
            self.records_changed.add(before.doc_id)
        self.editing = False
        self._go_after_undo(place, before)
        self._notices.append(notice)
        return self.current

    def _go_after_undo(self, place: Place | None, record: GoldRecord) -> None:
        """Make current the conflict an earlier session's undo opened again; an undone merge
        anew opens none by its id (``record``: the record put back): the document's first open
        conflict, else the document looked at (as a merge anew leaving none open is). The
        cursor stayed where it was, on a conflict the record put back may lack: a trial's next
        redraw ended in a traceback."""
        if place is not None and _holds_open(record, place):
            self.current = place
            return
        opened = self.order.in_document(record.doc_id)
        if opened:
            self.current = opened[0][1]
        else:
            self.current = None
            self.looking = record.doc_id


def _holds_open(record: GoldRecord, place: Place) -> bool:
    """Whether ``place`` is an open conflict of ``record`` (its document's)."""
    return record.doc_id == place.doc_id and any(
        conflict.get("id") == place.conflict_id for conflict in record.conflicts
    )


def _undone_detail(said: str | None, place: Place | None) -> str | None:
    """What this session's undo said the decision was (``review_deciding.undone_words``:
    "undid: d1 c1 is open again (took alice's version)" gives "took alice's version"); None
    otherwise."""
    if said is None or place is None:
        return None
    return detail_after(said, f"undid: {place.doc_id} {place.conflict_id} is open again")
