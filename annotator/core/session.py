"""The annotation session: everything the annotation screen changes, without a terminal.

One annotator works through one corpus. The session holds the scheme, the store (which holds the
journal's lock), the document on screen and its record, one undo history per document (kept while
the program runs) and the active-time clock. Every change goes through a method here and is saved
at once through the store's ordered writer; the screen only turns keys into these calls.

A document without a record gets a blank working record that is first written at its first change.
A stored record whose ``doc_sha256`` no longer matches the text is *stale*: it is not applied, the
document is read-only, and only ``start_over()`` (``session_stale``) or ``carry_over()``
(``session_carry``) replaces it; until then it counts as not done (``session_progress``:
statuses, progress and moving between documents).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.carry_over import CarriedOver
from annotator.core.corpus import Corpus, open_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.history import History, Step
from annotator.core.journal_others import others_notice
from annotator.core.lock import lock_not_made
from annotator.core.models import SCHEMA_VERSION, Document, Record
from annotator.core.record_unknown import opening_notice
from annotator.core.saving import SavesThroughStore, StatusRelay
from annotator.core.scheme import Scheme, default_scheme_path, load_scheme
from annotator.core.session_carry import SessionCarryOver
from annotator.core.session_edits import Refused as Refused
from annotator.core.session_finish import Finished, FinishedBefore, SessionFinish, Unfinished
from annotator.core.session_form import SessionForm
from annotator.core.session_progress import SessionProgress
from annotator.core.session_stale import SessionStale, WayOutUndone, text_misfit
from annotator.core.session_status import status_after_change
from annotator.core.spans import highest_span_number
from annotator.core.store import Store
from annotator.core.timer import ActiveTimer

# Time spent only passing through a document (n, n, n) is not worth a journal line.
_MIN_SECONDS_TO_SAVE_ON_LEAVE = 2.0
# An annotator's name: it names the journal file (import checks names against it too).
ANNOTATOR_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]*$")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def utc_text(moment: dt.datetime) -> str:
    """``2025-08-24T10:00:00Z``."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class DocumentState:
    """The document on screen and its working record."""

    document: Document
    record: Record
    saved: bool  # the record is in the journal
    stale: Record | None = None  # the stored record, when the text changed since


@dataclass
class AnnotationSession(
    SessionForm, SessionStale, SessionProgress, SessionFinish, SessionCarryOver, SavesThroughStore
):
    corpus: Corpus
    scheme: Scheme
    scheme_path: Path
    store: Store
    annotator: str
    clock: Callable[[], float] = time.monotonic
    now: Callable[[], dt.datetime] = utc_now
    messages: list[str] = field(default_factory=list)
    scheme_given: Path | None = None  # the file named with --scheme (None: the default)
    char_mode: bool = False
    selected: str | None = None  # id of the span the detail panel shows
    _relay: StatusRelay = field(default_factory=StatusRelay)
    _state: DocumentState | None = None
    _histories: dict[str, History] = field(default_factory=dict)
    _notices: list[str] = field(default_factory=list)
    # Notices about the document being left, told once the next one is open: the screen
    # clears the previous document's messages then (a "flagged" or a refusal left over from
    # it made the next one look flagged or refused).
    _carried: list[str] = field(default_factory=list)
    _changed: set[str] = field(default_factory=set)  # documents saved while the session runs
    _finished: Finished | None = None  # the last d or s, while ctrl+z can still undo it
    _finish_undone: Unfinished | None = None  # the d or s ctrl+z undid, while ctrl+y can redo it
    _finished_before: FinishedBefore | None = None  # the last d or s, behind changes undone
    _replaced: dict[str, Record] = field(default_factory=dict)  # doc id -> record ctrl+r replaced
    _carried_over: dict[str, tuple[Record, Record]] = field(default_factory=dict)  # ctrl+k's
    _way_out_undone: dict[str, WayOutUndone] = field(default_factory=dict)  # see SessionStale
    _carry_preview: tuple[Record, CarriedOver] | None = None  # see SessionCarryOver
    _undone_done: set[str] = field(default_factory=set)  # see SessionHistory
    _span_numbers: dict[str, int] = field(default_factory=dict)  # see _new_span_id
    _text_sha256: dict[str, str] = field(default_factory=dict)  # see SessionProgress
    _start_untold: str | None = None  # see SessionProgress.start_id
    # Seconds spent on a document while nothing of it changed, counted in with its next change
    # (``_leave``); the record it was entered with.
    _looked: dict[str, float] = field(default_factory=dict)
    _entered: Record | None = None
    _closed: bool = False

    def __post_init__(self) -> None:
        self.timer = ActiveTimer(self.clock)
        for doc_id, span_ids in self.store.earlier_span_ids.items():  # see _new_span_id
            self._span_numbers[doc_id] = highest_span_number(span_ids)

    # ----------------------------------------------------------------- documents
    @property
    def state(self) -> DocumentState:
        if self._state is None:
            raise AnnotatorError("no document is open")
        return self._state

    @property
    def loaded(self) -> bool:
        return self._state is not None

    @property
    def document(self) -> Document:
        return self.state.document

    @property
    def record(self) -> Record:
        return self.state.record

    @property
    def stale(self) -> Record | None:
        return self.state.stale

    def read(self, doc_id: str) -> Document:
        """Read a document from the corpus (safe to call from a worker thread)."""
        if doc_id not in self.corpus:
            raise Refused(f"no document {doc_id!r} in {self.corpus.path}")
        return self.corpus.get(doc_id)

    def enter(self, document: Document) -> None:
        """Make ``document`` the one on screen (time spent on the previous one is kept). A
        record holding spans or fields the scheme does not know says so, once, as it opens
        (``record_unknown``): a scheme changed mid-project left them unexplained."""
        self._leave()
        self._text_sha256[document.id] = document.sha256
        stored = self.store.records.get(document.id)
        if stored is not None and self.is_stale(stored) and stored.holds_nothing():
            stored = None  # nothing in it to keep: a blank for this text, as the list says
        if stored is not None and self.is_stale(stored):
            self._state = DocumentState(document, self._blank(document), False, stale=stored)
        elif stored is not None and text_misfit(stored, document.text) is not None:
            # Its spans are not this text's (a line edited by hand, or by another tool): not
            # applied, as a stale record is not, or each save would write the damage again.
            self._state = DocumentState(document, self._blank(document), False, stale=stored)
        elif stored is not None:
            self._state = DocumentState(document, stored, True)
        else:
            self._state = DocumentState(document, self._blank(document), False)
        self._entered = self._state.record
        history = self._histories.get(document.id)
        if history is None or self._state.stale is not None:
            history = History(self._state.record)
            self._histories[document.id] = history
        self._finish_on_entering(document.id, history)
        # Span ids repeat across documents: nothing current, nor grown from, carries over.
        self.selected = self._grown_from = self._resting = None
        self.timer.restart()
        self._notices.extend(self._carried)
        self._carried.clear()
        if self._state.stale is None:  # a stale record is not applied: ctrl+k or ctrl+r first
            said = opening_notice(self.record, self.scheme, self.scheme_path, self.journal)
            self._notices.extend([said] if said else [])

    def open(self, doc_id: str) -> None:
        """Read and enter a document in one go (the screen reads in a worker instead)."""
        self.enter(self.read(doc_id))

    def _blank(self, document: Document) -> Record:
        return Record(
            schema_version=SCHEMA_VERSION,
            doc_id=document.id,
            doc_sha256=document.sha256,
            annotator=self.annotator,
            status="in_progress",
            spans=[],
        )

    def close_document(self) -> None:
        """Leave the open document (its time is kept): nothing is open until the next enter."""
        self._leave()
        self._state = None
        self.selected = None

    def _leave(self) -> None:
        """Save the time spent since the last change of the open document, when it changed
        while open. Only looked at, it writes nothing: a line with a new ``updated_at`` read
        as an edit of work untouched (a trial's done articles, moved through with n and p);
        that time is counted in with the document's next change, if any. So is the time on a
        document not saved yet: its first typing may be saved after the next one opened."""
        state = self._state
        if state is None or state.stale is not None:
            return
        self.timer.activity()
        if state.record == self._entered or not state.saved:
            doc_id = state.document.id
            self._looked[doc_id] = self._looked.get(doc_id, 0.0) + self.timer.take()
        elif self.timer.pending >= _MIN_SECONDS_TO_SAVE_ON_LEAVE:
            self._save(state.record)

    # -------------------------------------------------------------- activity
    def activity(self) -> None:
        """A key press or click: active time keeps running."""
        self.timer.activity()

    def take_notices(self) -> list[str]:
        """Things the screen should tell the person (then forgotten)."""
        notices, self._notices = self._notices, []
        return notices

    def _history(self) -> History:
        return self._histories[self.document.id]

    def _stamp(self) -> str:
        return utc_text(self.now())

    def undo(self) -> Step | None:
        """Undo the last d or s when it is the last change (``undo_finish``), else the open
        document's last change, else give back the record ctrl+r replaced or ctrl+k carried
        over (``undo_start_over``, ``undo_carry_over``)."""
        return (
            self.undo_finish()
            or self.undo_edit(super().undo)
            or self.undo_start_over()
            or self.undo_carry_over()
        )

    def redo(self) -> Step | None:
        """Redo the open document's last change undone, else finish again the document whose
        d or s ctrl+z undid (``redo_finish``); an s with its reason first, both at once. On a
        stale record ctrl+z gave back, the start over or carry over undone first
        (``redo_way_out``)."""
        return (
            self.redo_skip_with_reason()
            or self.redo_way_out()
            or super().redo()
            or self.redo_finish()
        )

    # ----------------------------------------------------------------- saving
    def _writable(self) -> None:
        if self.stale is not None:
            raise Refused(self.stale_refusal())
        if self._closed:
            raise Refused("the session is closed")

    def _commit(self, record: Record, undoable: bool = True, run: str | None = None) -> None:
        state = self.state
        if record == state.record and state.saved:
            return
        self._note_span_ids(state.record)  # its spans' ids are never given again
        self._changed_since_finishing(undoable)
        if undoable:
            self._history().apply(record, run)  # run: see History.apply
        # One rule with typing saved to another document (``session_status``).
        record, notices = status_after_change(state.record, record, self.scheme)
        self._notices.extend(notices)
        self._save(record)
        state.saved = True

    def _new_span_id(self) -> str:
        """The id of a span drawn now on the open document: one more than the highest it has
        had. An id is never given again within a document: links, undo messages, diff output
        and reviewers' notes name spans by id, and s3 given to a new span after x deleted s3
        made them point at it. Known are every state of the record while the program runs
        (``_commit`` notes each one's highest before it changes), the stale record ctrl+r or
        ctrl+k replaces (noted then), and every line of the document in the journal as opened
        (``Store.earlier_span_ids``, noted at once): the journal keeps every state saved, so
        ids freed before a quit stay taken. ``annotator compact`` keeps each document's last
        line only: ids its earlier lines alone held may be given again after it."""
        # Not noted here: a label refused would leave a gap for nothing. The span drawn is in
        # the record committed, noted before its next change.
        highest = highest_span_number(span.id for span in self.record.spans)
        return f"s{max(self._span_numbers.get(self.document.id, 0), highest) + 1}"

    def _note_span_ids(self, record: Record) -> None:
        """Remember the highest span number of ``record`` for ``_new_span_id``."""
        doc_id = record.doc_id
        highest = highest_span_number(span.id for span in record.spans)
        self._span_numbers[doc_id] = max(self._span_numbers.get(doc_id, 0), highest)

    def _changed_since_finishing(self, undoable: bool = True) -> None:
        """A change of the open document is made after the last d or s: ctrl+z undoes the
        change first, not the d or s (on the document it moved on to, the d or s is behind the
        change: ``FinishedBefore``). An ``undoable`` one also ends ctrl+y's finishing again
        the document whose d or s ctrl+z undid, and what an undo of a done one left."""
        self._finished = None
        before = self._finished_before
        if before is not None and self.document.id != before.finished.following:
            self._finished_before = None  # a change of the finished document: out of reach
        if undoable:
            self._undone_done.discard(self.document.id)
            self._finish_undone = None

    def _begin_history(self, record: Record) -> None:
        """The open document's history starts anew from ``record`` (ctrl+r and ctrl+k replace
        a stale record): a change like any other for ctrl+z and ctrl+y, which give the stale
        record back before the d or s made before (a trial's ctrl+z undid the previous
        document's d instead)."""
        self._histories[self.document.id] = History(record)
        self._changed_since_finishing()

    def _save(self, record: Record) -> None:
        self.timer.activity()
        looked = self._looked.pop(record.doc_id, 0.0)
        seconds = round(record.seconds_spent + self.timer.take() + looked, 3)
        record = record.model_copy(
            update={"updated_at": utc_text(self.now()), "seconds_spent": seconds}
        )
        self.state.record = record
        self.state.saved = True
        self._changed.add(record.doc_id)
        self.store.save(record)

    @property
    def journal(self) -> Path:
        return self.store.journal

    def flush(self, timeout: float | None = None) -> bool:
        return self.store.flush(timeout)

    def close(self, timeout: float | None = 10.0) -> bool:
        """Save the time on the open document, write everything, release the lock.

        False when lines could not be written in time (the lock is then kept)."""
        if self._closed:
            return True
        self._leave()
        written = self.store.close(timeout)
        self._closed = written
        return written


def open_session(
    corpus_path: Path,
    annotator: str,
    scheme_path: Path | None,
    out_dir: Path,
    *,
    clock: Callable[[], float] = time.monotonic,
    now: Callable[[], dt.datetime] = utc_now,
) -> AnnotationSession:
    """Open a corpus for ``annotator``: journal ``out_dir/annotations/<annotator>.jsonl``.

    Raises AnnotatorError (one line) for a bad corpus, scheme or name, a damaged journal, or a
    journal another running session holds."""
    if not ANNOTATOR_NAME.match(annotator):
        raise AnnotatorError(
            f"annotator name {annotator!r}: use letters, digits, '.', '_', '-' or '@' "
            "(it names the journal file)"
        )
    scheme_file = scheme_path if scheme_path is not None else default_scheme_path()
    scheme = load_scheme(scheme_file)
    corpus = open_corpus(corpus_path)
    journal = out_dir / "annotations" / f"{annotator}.jsonl"
    relay = StatusRelay()
    try:
        store = Store(journal, annotator, on_status=relay)
    except OSError as error:
        said = lock_not_made(journal, error)  # the journal's folder read-only: the lock names it
        raise AnnotatorError(said or f"{journal}: cannot open: {error.strerror or error}") from None
    session = AnnotationSession(
        corpus, scheme, scheme_file, store, annotator, clock=clock, now=now, _relay=relay
    )
    session.scheme_given = scheme_path  # the start's and the exit's notices name it
    session.messages.extend(store.messages)
    elsewhere = sorted(doc_id for doc_id in store.records if doc_id not in corpus)
    if elsewhere:
        session.messages.append(
            f"{journal}: {len(elsewhere)} record(s) for documents not in {corpus_path} "
            f"(kept; first: {elsewhere[0]})"
        )
    others = others_notice(journal, annotator, store.others, len(store.records))
    session.messages.extend([others] if others else [])
    # Records holding what the scheme lacks (--scheme forgotten, or the scheme changed), and
    # done ones it requires more of: said at start, and again at exit as they are then.
    session.messages.extend(session.scheme_notices())
    return session
