"""Finishing a document (mixed into AnnotationSession): done, skip, the flag, ctrl+z right
after d or s (``Finished``), which gives the document its status back, and ctrl+y after that
ctrl+z, which finishes it again (``Unfinished``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotator.core import forms
from annotator.core.display import STATUS_WORDS
from annotator.core.form_complete import empty_required, required_kept_words
from annotator.core.history import History, Step, describe_step
from annotator.core.models import Record
from annotator.core.note_parts import person_text
from annotator.core.record_unknown import done_words
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused
from annotator.core.session_parts import SessionParts
from annotator.core.store import Store

# s on a skipped document: a change (a label, a field) makes it in progress again.
ALREADY_SKIPPED = "already skipped (label it to work on it again)"


@dataclass(frozen=True)
class Finished:
    """The last d or s: which document it finished, its status before, and the document it
    moved on to. ctrl+z undoes it while nothing has changed since and the annotator is on one
    of those two documents (a slip of d or s otherwise left only p, and the status stayed)."""

    doc_id: str
    status_before: str
    status: str
    following: str | None
    told: str  # the notice that said it ("done a (ctrl+z undoes it)"), true while undoable
    # s with its reason typed in the note (``session_skip``): the note before it. The reason
    # and the skip are one step for ctrl+z and ctrl+y (a trial's ctrl+z after it gave the
    # status back and left the reason, a second one needed).
    note_before: str | None = None


class UndoneElsewhere(str):
    """The notice of a d or s that ctrl+z undid on another document than the open one ("undid:
    a done; it is in progress again"), told once that document is open: a change's message
    there, gone with the next change. Marked by its type, as ``finish_notice`` marks a d's or
    s's, so the screen tells it by the mark, not by its words. A string still, so the session's
    notices stay one list of messages."""


@dataclass(frozen=True)
class Unfinished:
    """A d or s that ctrl+z undid: ctrl+y finishes the document again (a trial's ctrl+y said
    there was nothing to redo) while it is open, no change was made since, and its record says
    what it said when ctrl+z gave the status back (undo and redo of its changes in between
    come back to it)."""

    finished: Finished
    record: Record  # the record as ctrl+z left it
    notes_undone: int = 0  # the history's steps of the reason ctrl+z undid with the skip


@dataclass(frozen=True)
class FinishedBefore:
    """The last d or s, and the state of the history of the document it moved on to as that
    opened (``following_state``). A change there puts the d or s behind it (ctrl+z undoes the
    change first); once ctrl+z has undone every change made there since, that state is current
    again, and the next ctrl+z undoes the d or s, as if nothing had been done there. A trial's
    label on the next article, undone, left "nothing to undo" where the d had been."""

    finished: Finished
    following_state: Record  # the very object: a state undone back to, not one alike


def not_done(missing: list[str], empty: list[str], kept: Sequence[str] = ()) -> str | None:
    """Why ``d`` is refused, in one message, or None when it is not: required fields still
    empty (``missing``), and group items holding nothing (``empty``, ``forms.empty_items``).
    An empty item is most often one added by a slip of enter on "+ add to releases": done
    with it, it reached the reviewer as a version of its own ("(an empty item)"). ``kept``:
    required fields keeping a value they do not take, each said whole
    (``form_complete.required_kept_words``)."""
    reasons: list[str] = list(kept)
    if missing:
        fields = f"field{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
        reasons.append(f"fill the required {fields} first")
    if empty:
        one = len(empty) == 1
        names = ", ".join(forms.path_words(path) for path in empty)
        reasons.append(
            f"{names} {'is' if one else 'are'} empty; fill {'it' if one else 'them'}, or tab "
            f"to {'its remove button' if one else 'their remove buttons'} and press enter"
        )
    if not reasons:
        return None
    return f"not done: {', and '.join(reasons)} (o opens the form)"


def unsaved_words(unsaved: Sequence[tuple[str, str]]) -> str | None:
    """Why ``d`` is refused while fields show text their record does not hold (``unsaved``:
    each field's path, or "note", and what it shows), a value the field refused, say; None
    when there is none. A trial's count showed '1x', refused, and d accepted the article with
    the 1 saved before: a typo for 12 would have gone to gold as 1."""
    if not unsaved:
        return None
    shown = "; ".join(f"{forms.path_words(path)} shows {text!r}" for path, text in unsaved)
    it, field = ("it", "the field") if len(unsaved) == 1 else ("them", "a field")
    return (
        f"not done: {shown}, not saved; correct {it} (enter saves it), or ctrl+z in "
        f"{field} gives back the value saved"
    )


class SessionFinish(SessionParts):
    """Statuses set by the annotator's keys (see AnnotationSession)."""

    store: Store
    scheme: Scheme
    _notices: list[str]
    _carried: list[str]
    _changed: set[str]
    _finished: Finished | None
    _finish_undone: Unfinished | None
    _histories: dict[str, History]
    _finished_before: FinishedBefore | None

    def mark_done(self, unsaved: Sequence[tuple[str, str]] = ()) -> str | None:
        """Mark done (refused while required fields are empty, or a group item is: see
        ``not_done``; or while the screen's fields show text not saved, ``unsaved``: see
        ``unsaved_words``); the next unfinished id. Spans and fields the scheme does not
        know are kept, and the notice says they are there (``record_unknown``)."""
        self._writable()
        refusal = unsaved_words(unsaved) or self.done_refusal()
        if refusal is not None:
            raise Refused(refusal)
        return self._finish("done", done_words(self.record, self.scheme))

    def done_refusal(self) -> str | None:
        """Why d would be refused now (``not_done``); None when it would not. A required
        field keeping a value the scheme no longer allows shows empty: d says the value (it
        accepted such a record, which validate then said wrong and export refused)."""
        places = empty_required(self.record, self.scheme)
        missing = [place.path for place in places if place.why is None]
        kept = [
            required_kept_words(place, forms.path_words(place.path))
            for place in places
            if place.why is not None
        ]
        return not_done(missing, forms.empty_items(self.record, self.scheme), kept)

    def skip(self, note_before: str | None = None) -> str | None:
        """Mark skipped; the next unfinished id. The notice says so, and, when the note is
        empty, that the guidelines want the reason there. ``note_before``: the note was just
        written as the reason (``session_skip``), and was that before: ctrl+z gives it back
        with the status, in one step."""
        self._writable()
        if self.already_skipped:
            raise Refused(ALREADY_SKIPPED)
        return self._finish("skipped", self._empty_note_words(), note_before=note_before)

    @property
    def already_skipped(self) -> bool:
        """Whether the open document is skipped (saved so): s refuses, naming the way back. A
        trial's s there said "skipped" and moved on, nothing written, ctrl+z then having
        nothing to undo."""
        return self.state.saved and self.state.stale is None and self.record.status == "skipped"

    def _empty_note_words(self) -> str:
        """What the notice of s adds when the note is empty."""
        if person_text(self.record.note).strip():  # brat lines an import kept are no reason
            return ""
        return "; its note is empty: the guidelines want the reason there (p goes back)"

    def _finish(
        self, status: str, more: str = "", redone: bool = False, note_before: str | None = None
    ) -> str | None:
        """Set ``status`` (done, skipped) and move on, saying so; ``more`` ends the notice.
        ``redone`` (ctrl+y, ``redo_finish``): the notice says "redid:", and when no document
        follows it is left to the step redone, which the screen tells."""
        before = self.record.status if self.state.saved else "new"
        # d on a done document only moves on: there is nothing for ctrl+z to give back, and
        # the notice does not say there is.
        undoable = before != status
        said = f"{status} {self.document.id}{' (ctrl+z undoes it)' if undoable else ''}{more}"
        told = f"redid: {said}" if redone else said
        self._set_status(status)
        # The status is not in the undo history: a redo kept from before would bring back a
        # change undone before the document was finished (a trial's ctrl+y after s did).
        self._history().forget_redo()
        following = self._after_finishing(told, told_here=not redone)
        noted = note_before if note_before != self.record.note else None
        finished = Finished(self.document.id, before, status, following, told, noted)
        self._finished = finished if undoable else None
        self._finished_before = None  # remembered again as the following document opens
        self._finish_undone = None
        return following

    @property
    def finish_undoable(self) -> bool:
        """Whether ctrl+z would still undo the last d or s (nothing changed since)."""
        return self._finished is not None

    @property
    def finish_notice(self) -> str | None:
        """The notice of the last d or s while ctrl+z still undoes it (the screen takes it
        away once it does not)."""
        return self._finished.told if self._finished is not None else None

    def undo_finish(self) -> Step | None:
        """Undo the last d or s (see ``Finished``): its document gets its status back.
        The step's ``doc_id`` is that document, for the screen to open when it is not the
        open one (the message is told there). None when there is no such finish to undo."""
        finished = self._finished
        # (The open document may be stale: it is the finished one that gets its status back.)
        if finished is None:
            return None
        self._finished = None
        stored = self.store.records.get(finished.doc_id)
        if stored is None or stored.status != finished.status:
            return None
        # A document first written by d or s had no record: it is in progress now.
        status = "in_progress" if finished.status_before == "new" else finished.status_before
        record = stored.model_copy(update={"status": status, "updated_at": self._stamp()})
        reason, notes_undone = "", 0
        if finished.note_before is not None:
            record = record.model_copy(update={"note": finished.note_before})
            reason = "; " + describe_step(record, stored, undone=True).text
            # The note's own steps in the history are undone with it (ctrl+y redoes them all):
            # the reason's typing is one (its saves at pauses join it), more when the note was
            # left and typed in again, or another change came between.
            history = self._histories.get(finished.doc_id)
            notes_undone = 0 if history is None else _undo_notes(history, finished.note_before)
        if finished.doc_id == self.document.id:
            self.state.record = record
        self._changed.add(record.doc_id)
        self.store.save(record)
        # A document skipped before any work holds nothing: it lists as new again.
        words = dict(STATUS_WORDS)
        if record.holds_nothing():
            words["in_progress"] = "new"
        step = Step(
            f"{finished.doc_id} {words[finished.status]}; it is {words[status]} again{reason}",
            doc_id=finished.doc_id,
        )
        if finished.doc_id != self.document.id:
            self._carried.append(UndoneElsewhere(f"undid: {step.text}"))  # told once it is open
        self._finish_undone = Unfinished(finished, record, notes_undone)
        return step

    @property
    def finish_redoable(self) -> bool:
        """Whether ctrl+y would finish again the document whose d or s ctrl+z undid."""
        unfinished = self._finish_undone
        return (
            unfinished is not None
            and unfinished.finished.doc_id == self.document.id
            and says_the_same(self.record, unfinished.record)
        )

    def redo_finish(self) -> Step | None:
        """Finish again the document whose d or s ctrl+z undid (see ``Unfinished``): done or
        skipped again, moving on as d and s do. The step says it as d or s said it; its
        ``doc_id`` is the document moved on to, for the screen to open (the message is told
        there), None when no unfinished one is left. None when there is nothing to redo."""
        unfinished = self._finish_undone
        if unfinished is None or not self.finish_redoable:
            return None
        status, note_before = unfinished.finished.status, unfinished.finished.note_before
        if note_before is not None:
            history = self._history()
            redone = None
            for _ in range(unfinished.notes_undone):  # the reason, undone with the skip
                redone = history.redo() or redone
            if redone is not None:
                self._commit(self.record.model_copy(update={"note": redone.note}), undoable=False)
        more = self._empty_note_words() if status == "skipped" else ""
        following = self._finish(status, more, redone=True, note_before=note_before)
        told = self.finish_notice or f"redid: {status} {self.document.id}{more}"
        return Step(told.removeprefix("redid: "), doc_id=following)

    def redo_skip_with_reason(self) -> Step | None:
        """ctrl+y after ctrl+z undid an s with its reason: the reason and the skip again, in
        one step, before the history's redo (which holds the reason alone); None otherwise."""
        unfinished = self._finish_undone
        if unfinished is None or unfinished.finished.note_before is None:
            return None
        return self.redo_finish()

    def _finish_on_entering(self, doc_id: str, history: History) -> None:
        """``doc_id`` opens, its history ``history``: the last d or s stays undoable on its own
        document and the one it moved on to (``Finished``), and is remembered with the state
        the following one opens in (``FinishedBefore``); elsewhere it is forgotten, and ctrl+y
        no longer finishes again a document whose d or s ctrl+z undid."""
        finished = self._finished
        if finished is not None and doc_id not in (finished.doc_id, finished.following):
            self._finished = finished = None
        before = self._finished_before
        if finished is not None and doc_id == finished.following:
            self._finished_before = FinishedBefore(finished, history.record)
        elif before is not None and doc_id not in (
            before.finished.doc_id,
            before.finished.following,
        ):
            self._finished_before = None
        unfinished = self._finish_undone
        if unfinished is not None and doc_id != unfinished.finished.doc_id:
            self._finish_undone = None  # the annotator went on: ctrl+y no longer finishes it

    def _finish_back_in_reach(self) -> None:
        """After ctrl+z on the open document: when it undid the last change made there since
        the d or s that moved on to it (the history is at the state it opened in), ctrl+z
        undoes that d or s next, as if nothing had been done here (``FinishedBefore``)."""
        before = self._finished_before
        if self._finished is not None or before is None:
            return
        finished = before.finished
        if self.document.id != finished.following:
            return
        if self._history().record is not before.following_state:
            return
        stored = self.store.records.get(finished.doc_id)
        if stored is None or stored.status != finished.status:
            return
        self._finished = finished
        self._notices.append(
            f"{self.document.id} is as it was when {finished.doc_id} was {finished.status}: "
            f"ctrl+z again goes back to {finished.doc_id}"
        )

    def undo_edit(self, undo: Callable[[], Step | None]) -> Step | None:
        """Undo the open document's last change with ``undo``; when that change made a
        skipped document in progress (``_commit`` does, for spans, form or links), it is
        skipped again: a trial's ctrl+z took the label away and left it in progress, empty.

        The history holds each change as it was made, on the record of that moment: a
        change made while the document was skipped says "skipped" there, though the
        document went in progress with it."""
        unskipped_by_it = (
            self._history().record.status == "skipped" and self.record.status == "in_progress"
        )
        step = undo()
        if step is not None and unskipped_by_it:
            self._commit(self.record.model_copy(update={"status": "skipped"}), undoable=False)
            self._notices.append(f"{self.document.id} is skipped again")
        if step is not None:
            self._finish_back_in_reach()
        return step

    def toggle_flag(self) -> bool:
        """Flag or unflag the open document: a change like any other, so that ctrl+z right
        after ``f`` takes the flag back rather than the change made before it."""
        self._writable()
        flagged = not self.record.flagged
        self._commit(self.record.model_copy(update={"flagged": flagged}))
        return flagged

    def _set_status(self, status: str) -> None:
        if self.record.status != status or not self.state.saved:
            self._commit(self.record.model_copy(update={"status": status}), undoable=False)

    def _after_finishing(self, told: str | None = None, told_here: bool = True) -> str | None:
        """The next unfinished id; ``told`` is a notice about the document left, shown now
        when none follows (unless not ``told_here``), else once the next one is open."""
        following = self.next_unfinished_id()
        if following is None:
            done, total = self.progress()
            self._notices.extend([told] if told and told_here else [])
            self._notices.append(f"every document is finished ({done}/{total} done)")
        elif told:
            self._carried.append(told)
        return following


def _undo_notes(history: History, note_before: str) -> int:
    """Undo the history's last steps while each changed the note alone, back to
    ``note_before`` (a skip's reason, saved at pauses in its typing and at enter); how many."""
    undone = 0
    while history.record.note != note_before:
        now = history.record
        before = history.undo()
        if before is None:
            break
        if not says_the_same(before.model_copy(update={"note": now.note}), now):
            history.redo()  # more than the note changed there: not the reason's typing
            break
        undone += 1
    return undone


def says_the_same(record: Record, other: Record) -> bool:
    """Whether two records say the same, their times (``updated_at``, ``seconds_spent``) aside:
    what ctrl+z and ctrl+y ask before giving a record back or finishing it again."""
    times = {"updated_at": None, "seconds_spent": 0.0}
    return record.model_copy(update=times) == other.model_copy(update=times)
