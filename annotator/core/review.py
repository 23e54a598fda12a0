"""The review session: a reviewer settles, conflict by conflict, what ``merge`` left open.

Everything the review screen changes goes through here, without a terminal (``open_review`` in
``review_open`` builds a session from the journals and the gold file). The session knows the
gold record of every compared document (``records``, a ``ReviewRecords``: each record made when
the walk reaches it, the counts of open conflicts kept for all), walks their open conflicts only
(agreed spans and fields are already gold) in corpus order, and saves each decision at once: the
document's whole new gold record is appended to the gold file through the store's ordered
writer, with the reviewer as ``annotator``. So a review can stop at any moment and be resumed.

The walk (``review_walk``): documents in corpus order; within a document span conflicts by
region, then field conflicts in scheme order. ``next_conflict`` / ``previous_conflict``
(``review_moves``) wrap around; a decision moves on to the next open conflict after the one
settled. What a decision does to the record is ``review_decisions``' business
(``review_typed``'s for a value the reviewer types); what it does to the session,
``review_deciding``'s. ``undo`` puts back the record as it was
before the last decision (saved again, so the gold file says so too): this session's, then,
read back from the gold file, those of earlier sessions (``review_history``), so that a
decision can be revised after a resume; ``redo`` puts back what undo took, until a decision
is made.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from annotator.core.compare import Unit
from annotator.core.corpus import Corpus
from annotator.core.errors import AnnotatorError
from annotator.core.merge import utc_now
from annotator.core.models import Document, GoldRecord
from annotator.core.null_lists import written_by_review
from annotator.core.review_by_hand import ReviewByHand
from annotator.core.review_conflict import find_conflict
from annotator.core.review_deciding import ReviewDeciding
from annotator.core.review_documents import ReviewDocuments, UndoStep
from annotator.core.review_gold_fit import misfit_warning
from annotator.core.review_history import EarlierDecisions
from annotator.core.review_links import Annotations
from annotator.core.review_moves import ReviewMoves
from annotator.core.review_outside import OutsideReview
from annotator.core.review_records import ReviewRecords
from annotator.core.review_span_ids import GoldSpanNumbers
from annotator.core.review_undo import ReviewUndo
from annotator.core.review_views import ConflictView, Place, describe, version_marks
from annotator.core.review_walk import ConflictOrder
from annotator.core.saving import SavesThroughStore, StatusRelay
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused
from annotator.core.store import Store
from annotator.core.timer import ActiveTimer


class ReviewSession(
    ReviewMoves, ReviewUndo, ReviewDocuments, ReviewByHand, ReviewDeciding, SavesThroughStore
):
    """The gold records of the compared documents and the reviewer's walk through them."""

    looking: str | None
    """A document without open conflicts the reviewer opened to look at (``go_to_document``),
    while no conflict is current; making one current (or none) ends it."""

    outside = OutsideReview()  # gold's open conflicts outside the review (``open_review``'s)

    def __init__(
        self,
        corpus: Corpus,
        scheme: Scheme,
        store: Store,
        reviewer: str,
        records: Mapping[str, GoldRecord],
        *,
        now: Callable[[], str] = utc_now,
        relay: StatusRelay | None = None,
        messages: list[str] | None = None,
        annotations: Mapping[str, Annotations] | None = None,
        clock: Callable[[], float] = time.monotonic,
        units: Mapping[str, Unit] | None = None,
        min_agree: int | None = None,
        records_changed: Iterable[str] = (),
    ) -> None:
        """``annotations``: doc_id -> the annotators' records of it (the merge's input), whose
        links decisions carry (``review_links``); without them, links that still hold stay.
        ``units`` (the compared documents) and ``min_agree`` (the gold file's rule) serve
        ``merge_anew``; ``records_changed``: documents with decisions whose annotators changed
        their records since (the list marks them)."""
        self.corpus = corpus
        self.scheme = scheme
        self.store = store
        self.reviewer = reviewer
        self.now = now
        self.messages = messages or []
        self.annotations = annotations or {}
        self.units = units or {}
        self.min_agree = min_agree
        self.records_changed = set(records_changed)
        # A plain mapping (every record made) is held as it is; ``open_review`` gives records
        # made as the walk reaches them.
        self.records = (
            records if isinstance(records, ReviewRecords) else ReviewRecords.holding(records)
        )
        self.doc_ids = sorted(records, key=corpus.position)
        self.order = ConflictOrder(self.doc_ids, self.records, scheme)
        self._relay = relay or StatusRelay()
        self._undo: list[UndoStep] = []
        # What ctrl+y puts back: the record an undo replaced, and where that undo went.
        self._redo: list[UndoStep] = []
        self._earlier = EarlierDecisions(store, self.records)
        self.span_numbers = GoldSpanNumbers(store)  # gold span ids are never given again
        self._documents: dict[str, Document] = {}
        self._notices: list[str] = []
        self._changed: set[str] = set()  # documents saved while the session runs
        self.editing = False
        self.wrapped = False  # the last move went round the end of the walk
        # The reviewer's active time, added to each gold record as it is saved (its
        # ``seconds_spent``; ``stats`` sums them), as annotators' time is to theirs.
        self.timer = ActiveTimer(clock)
        self.current = self.order.after(None)

    # ----------------------------------------------------------------- progress
    def conflicts_left(self) -> int:
        return self.records.open_conflicts

    def documents_left(self) -> int:
        """Documents with open conflicts."""
        return self.records.open_documents

    def documents_done(self) -> int:
        return self.records.done_documents

    @property
    def finished(self) -> bool:
        return self.records.open_conflicts == 0

    def take_notices(self) -> list[str]:
        """Things the screen should tell the reviewer (then forgotten)."""
        notices, self._notices = self._notices, []
        return notices

    # ------------------------------------------------------------------ where
    @property
    def current(self) -> Place | None:
        """The conflict being settled (None: every one is, or a document is ``looking`` at)."""
        return self._current

    @current.setter
    def current(self, place: Place | None) -> None:
        self._current = place
        self.looking = None

    @property
    def doc_id(self) -> str | None:
        """The current conflict's document, or the one looked at."""
        return self.current.doc_id if self.current else self.looking

    @property
    def record(self) -> GoldRecord | None:
        return self.records[self.current.doc_id] if self.current else None

    @property
    def conflict(self) -> dict[str, Any] | None:
        if self.current is None:
            return None
        return find_conflict(self.records[self.current.doc_id], self.current.conflict_id)

    # -------------------------------------------------------------- documents
    def read(self, doc_id: str) -> Document:
        """Read a document from the corpus (safe in a worker thread)."""
        if doc_id not in self.corpus:
            raise AnnotatorError(f"no document {doc_id!r} in {self.corpus.path}")
        return self.corpus.get(doc_id)

    def enter(self, document: Document) -> None:
        """Keep a document read in a worker, so the session never reads on the UI thread."""
        if len(self._documents) > 8:
            self._documents.clear()
        self._documents[document.id] = document

    def misfit(self, document: Document) -> str | None:
        """The warning for ``document`` when its gold record does not fit its text
        (``review_gold_fit.misfit_warning``), as it opens; None when it fits."""
        if document.id not in self.records:
            return None
        return misfit_warning(self.records[document.id], document.text)

    def document(self, doc_id: str | None = None) -> Document:
        """The current (or named) document's text, read when it was not entered."""
        wanted = doc_id or self.doc_id
        if wanted is None:
            raise Refused("every conflict is settled")
        found = self._documents.get(wanted)
        if found is None:
            found = self.read(wanted)
            self.enter(found)
        return found

    # ----------------------------------------------------------------- views
    def view(self) -> ConflictView | None:
        """The current conflict as the panel shows it."""
        record, conflict = self.record, self.conflict
        if record is None or conflict is None or self.current is None:
            return None
        places = [place for _key, place in self.order.in_document(record.doc_id)]
        position = places.index(self.current) + 1
        annotations = self.annotations.get(record.doc_id)
        return describe(record, conflict, position, len(places), self.scheme, annotations)

    def version_marks(self) -> list[tuple[int, int, int]]:
        """(start, end, version index) of every span of the current conflict's versions."""
        return version_marks(self.conflict)

    def other_regions(self) -> list[tuple[int, int]]:
        """Regions of the current document's other open span conflicts."""
        record = self.record
        if record is None or self.current is None:
            return []
        return [
            (conflict["region"][0], conflict["region"][1])
            for conflict in record.conflicts
            if conflict.get("kind") == "span" and conflict["id"] != self.current.conflict_id
        ]

    def summary(self) -> str:
        done = self.documents_done()
        total = len(self.records)
        settled = "of this review " if self.outside else ""
        text = f"every conflict {settled}is settled: {done} of {total} document(s) done"
        if done < total:
            text += f"; {total - done} still lack a required field"
        if self.outside:
            text += f"; the gold file still holds {self.outside.words()}"
        return f"{text}; gold is in {self.store.journal}"

    # ----------------------------------------------------------------- saving
    def activity(self) -> None:
        """The reviewer did something (a key): time since the last activity is active time."""
        self.timer.activity()

    def save(self, record: GoldRecord) -> None:
        """Append ``record`` to the gold file as the reviewer's, with the active time since the
        last save, and keep it as the document's."""
        self.timer.activity()
        seconds = round(record.seconds_spent + self.timer.take(), 3)
        # As every line the review writes (null lists written []: ``written_by_review``).
        record = written_by_review(record, self.scheme, self.reviewer, self.now(), seconds)
        if record.doc_id in self.records:
            self.records.put(record)
        self.span_numbers.note(record)
        self._changed.add(record.doc_id)
        self.store.save(record)

    @property
    def journal(self) -> Path:
        """The gold file written."""
        return self.store.journal

    def close(self, timeout: float | None = 10.0) -> bool:
        """Write everything and release the gold file's lock; False when lines are unwritten."""
        return self.store.close(timeout)
