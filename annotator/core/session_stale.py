"""A stale record on the open document (mixed into AnnotationSession): what the screen says of
it, and starting over (ctrl+r twice), the way out of it other than carrying it over
(``session_carry``), with its undo.

A stored record whose ``doc_sha256`` no longer matches the text is *stale*: it is not applied,
the document is read-only, and only ``start_over()`` or ``carry_over()`` replaces it. So is a
record of this text whose spans do not fit it (``text_misfit``): a journal line damaged by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.history import History, Step
from annotator.core.journal_summary import spans_words, status_said
from annotator.core.models import Record
from annotator.core.session_finish import says_the_same
from annotator.core.session_parts import SessionParts
from annotator.core.store import Store
from annotator.core.validate_text import span_text_problems


def text_misfit(record: Record, text: str) -> str | None:
    """The first way ``record``'s spans do not fit ``text``, as ``validate --corpus`` says it
    (offsets past the end, a span's text not the text's there, a cut character), or None. A
    record of this text that does not fit it is treated as a stale one (``unfit_problem``): a
    hand edit of a journal line went unsaid, and annotate wrote the damage again."""
    problem = next(span_text_problems(record.spans, text), None)
    return None if problem is None else f"{problem[0]}: {problem[1]}"


@dataclass(frozen=True)
class WayOutUndone:
    """A start over or carry over that ctrl+z undid (``way_out``): ctrl+y does it again while
    the document's stale record is ``stale`` still and its text the one ``history`` is of. The
    history is the one ctrl+z left, its changes after the way out undone: ctrl+y redoes them
    next (a trial's ctrl+y said the record was stale)."""

    way_out: str  # "start over", "carry over"
    stale: Record
    history: History


class SessionStale(SessionParts):
    """The stale record's notice, start over and its undo (see AnnotationSession)."""

    store: Store
    _changed: set[str]
    _histories: dict[str, History]
    _replaced: dict[str, Record]  # doc id -> the stale record ctrl+r replaced
    _carried_over: dict[str, tuple[Record, Record]]  # see SessionCarryOver
    _way_out_undone: dict[str, WayOutUndone]  # doc id -> the last ctrl+r or ctrl+k ctrl+z undid

    def unfit_problem(self) -> str | None:
        """The first problem of the open document's stale record when it is one made for this
        very text whose spans do not fit it (``text_misfit``), else None."""
        stale = self.stale
        if stale is None or stale.doc_sha256 != self.document.sha256:
            return None
        return text_misfit(stale, self.document.text)

    def stale_refusal(self) -> str:
        """Why a change to the open document is refused while its record is stale."""
        why = (
            "does not fit its text (its journal line was changed by hand or by another tool)"
            if self.unfit_problem() is not None
            else "is stale (made for another text: changed, or another corpus's of this name)"
        )
        return (
            f"this document's record {why}: carry it over (ctrl+k twice) or start over "
            "(ctrl+r twice) to annotate it"
        )

    def stale_title(self) -> str:
        """What the screen's banner calls the open document's stale record."""
        return "Does not fit the text" if self.unfit_problem() is not None else "Stale"

    def stale_notice(self) -> str | None:
        """What the open document's stale record is and what to do about it (None: it has
        none). The screen keeps it in sight while the document is open, not as a message that
        goes: at 80x24 a message said it again over the article."""
        stale = self.stale
        if stale is None:
            return None
        problem = self.unfit_problem()
        if problem is not None:
            return (
                f"Your record of {stale.updated_at or 'an earlier session'} "
                f"({_record_words(stale)}) is for this text, but its spans do not fit it: "
                f"{problem} (its line in {self.journal} was changed by hand or by another "
                "tool). Not shown; nothing is saved. ctrl+k twice carries it over to this text "
                "(its spans found anew by their words); ctrl+r twice starts over."
            )
        return (
            f"Your record of {stale.updated_at or 'an earlier session'} "
            f"({_record_words(stale)}) was made for another text: this one changed since, or it "
            f"is another corpus's document of this name ({self.elsewhere_hint()}). Not shown; "
            "nothing is saved. ctrl+k twice carries it over to this text (its spans found "
            "anew by their words); ctrl+r twice starts over."
        )

    def elsewhere_hint(self) -> str:
        """Where the journal is, and how a corpus gets one of its own: the journal is chosen by
        the folder and the name, so two corpora with documents of one name opened from one
        folder share it, and each one's records look stale in the other (a trial)."""
        return f"{self.journal} holds every corpus annotated from here; --out DIR keeps one apart"

    def start_over(self) -> None:
        """Replace a stale record by a blank one for the current text (explicit, saved now).
        ctrl+z, once the changes since are undone, gives the record back (``undo_start_over``):
        it may be another corpus's work, replaced by two keys (a trial)."""
        state = self.state
        self._way_out_undone.pop(state.document.id, None)
        if state.stale is not None:
            self._replaced[state.document.id] = state.stale
            self._note_span_ids(state.stale)  # its spans' ids are not given again
        state.stale = None
        record = self._blank(state.document)
        self._begin_history(record)
        self._save(record)

    def undo_start_over(self) -> Step | None:
        """Give back the record ctrl+r replaced on the open document (stale here again, not
        shown); None when it replaced none, or the changes since are not all undone."""
        state = self.state
        document = state.document
        replaced = self._replaced.get(document.id)
        # Only over a record as blank as ctrl+r left it: not over a flag, a status, or work
        # the history no longer holds (it keeps the last 500 steps).
        if replaced is None or not says_the_same(state.record, self._blank(document)):
            return None
        del self._replaced[document.id]
        history = self._histories[document.id]
        step = self._stale_again(replaced, "start over")
        self._way_out_undone[document.id] = WayOutUndone("start over", replaced, history)
        # A history of its own, the finish state left as it was (``_begin_history`` would
        # end it): unlike ctrl+k's undo (``undo_carry_over``), which begins one.
        self._histories[document.id] = History(state.record)
        return step

    def redo_way_out(self) -> Step | None:
        """ctrl+y after ctrl+z gave a stale record back (``WayOutUndone``): start over or carry
        over again, to the record ctrl+z left, with its history (the changes after it that
        ctrl+z undid are redone by the next ctrl+y). None when there is no such undo to redo."""
        if not self.loaded:
            return None
        state = self.state
        doc_id = state.document.id
        undone = self._way_out_undone.get(doc_id)
        if undone is None or state.stale is None or state.stale != undone.stale:
            return None
        record = undone.history.record
        if record.doc_sha256 != state.document.sha256:
            return None  # the text changed again since: ctrl+k or ctrl+r asks anew
        del self._way_out_undone[doc_id]
        self._note_span_ids(undone.stale)  # its spans' ids are not given again
        if undone.way_out == "carry over":
            self._carried_over[doc_id] = (undone.stale, record)
            became = f"carried over to this text ({len(record.spans)} spans)"
        else:
            self._replaced[doc_id] = undone.stale
            became = "replaced by a blank one"
        state.stale = None
        self._begin_history(record)
        self._histories[doc_id] = undone.history  # with its redo: what ctrl+z undid after
        self._save(record)
        return Step(f"{undone.way_out}: your stale record is {became} again")

    def _stale_again(self, record: Record, way_out: str) -> Step:
        """Make ``record`` the open document's stale record again, undoing ``way_out`` (start
        over or carry over): written back as it was, its time too (the stale banner names when
        the work was done; a trial's read the time of the undo), the document blank and not
        saved. The caller starts the history anew, each its own way."""
        state = self.state
        self.store.save(record)
        self._changed.add(record.doc_id)
        state.record, state.saved, state.stale = self._blank(state.document), False, record
        return Step(f"{way_out}: your record ({_record_words(record)}) is back, stale here")


def _record_words(record: Record) -> str:
    """``1 span, in progress``: a record's spans and status in the app's words."""
    return f"{spans_words(len(record.spans))}, {status_said(record.status)}"
