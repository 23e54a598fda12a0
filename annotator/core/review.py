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
(``review_typed``'s for a value the reviewer types). ``undo`` puts back the record as it was
before the last decision (saved again, so the gold file says so too): this session's, then,
read back from the gold file, those of earlier sessions (``review_history``), so that a
decision can be revised after a resume; ``redo`` puts back what undo took, until a decision
is made.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from annotator.core import review_decisions as decide
from annotator.core.compare import Unit
from annotator.core.corpus import Corpus
from annotator.core.errors import AnnotatorError
from annotator.core.form_complete import empty_required, unanswered_words
from annotator.core.merge import utc_now
from annotator.core.models import Document, GoldRecord
from annotator.core.null_lists import written_by_review
from annotator.core.record_unknown import done_words
from annotator.core.review_by_hand import ReviewByHand
from annotator.core.review_conflict import find_conflict
from annotator.core.review_documents import ReviewDocuments, UndoStep
from annotator.core.review_gold_fit import refuse_unfit
from annotator.core.review_history import EarlierDecisions
from annotator.core.review_item_notices import (
    ItemTakenNotice,
    item_taken_notice,
    names_within_notice,
)
from annotator.core.review_links import Annotations
from annotator.core.review_moves import ReviewMoves
from annotator.core.review_notices import (
    overlap_notice,
    rejected_notice,
    taken_links_notice,
    taken_notice,
)
from annotator.core.review_outcome import with_detail
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


class ReviewSession(ReviewMoves, ReviewUndo, ReviewDocuments, ReviewByHand, SavesThroughStore):
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

    # -------------------------------------------------------------- decisions
    def take(self, index: int) -> Place | None:
        """Settle the current conflict with version ``index`` (0-based)."""
        return self._decide(
            lambda record, cid: decide.take(
                record,
                cid,
                [index],
                self.scheme,
                self.annotations.get(record.doc_id),
                highest=self.span_numbers.highest(record.doc_id),
            ),
            lambda record, cid: (
                item_taken_notice(record, cid, [index], self.scheme)
                or taken_notice(record, cid, [index])
            ),
            lambda before, after, cid: taken_links_notice(before, after, cid, [index]),
        )

    def take_letter(self, letter: str) -> Place | None:
        """``a`` / ``b``: the version of the first / second annotator (two annotators only)."""
        view = self.view()
        if view is None:
            raise Refused("every conflict is settled")
        annotators = self.record.sources.annotators if self.record else []
        # A version both gave is "a/b" (a conflict of one version, under --min-agree 3): b
        # takes it too, never "bob gave nothing here".
        for version in view.versions:
            if letter in (version.letter or "").split("/"):
                return self.take(version.index)
        names = ", ".join(annotators)
        lettered = [version.letter for version in view.versions if version.letter]
        if self.record is not None and len(self.record.sources.annotators) == 2 and lettered:
            # Two annotators, one version: an item only one of them gave (``merge_form``).
            who = self.record.sources.annotators["ab".index(letter)]
            count = len(view.versions)
            numbers = "1" if count == 1 else f"1–{count}"  # "(or 1–1)" read as a slip
            raise Refused(
                f"{who} gave nothing here: press {' or '.join(lettered)} (or {numbers}) to "
                "take a version, r to reject"
            )
        raise Refused(
            f"a and b are for documents of two annotators; this one has {names}: "
            f"press 1–{len(view.versions)}"
        )

    def take_all(self) -> Place | None:
        """Settle the current conflict with every version."""
        conflict = self.conflict
        count = len(conflict["versions"]) if conflict else 0
        return self._decide(
            lambda record, cid: decide.take_every_version(
                record,
                cid,
                self.scheme,
                self.annotations.get(record.doc_id),
                highest=self.span_numbers.highest(record.doc_id),
            ),
            lambda record, cid: "; ".join(
                filter(
                    None,
                    [
                        taken_notice(record, cid, list(range(count))),
                        names_within_notice(record, cid),
                    ],
                )
            ),
            lambda before, after, cid: taken_links_notice(before, after, cid, list(range(count))),
        )

    def reject_all(self) -> Place | None:
        return self._decide(
            lambda record, cid: decide.reject(
                record, cid, self.scheme, self.annotations.get(record.doc_id)
            ),
            lambda record, cid: rejected_notice(record, cid, self.scheme),
        )

    def _decide(
        self,
        settle: Callable[[GoldRecord, str], GoldRecord],
        said: Callable[[GoldRecord, str], str] | None = None,
        also: Callable[[GoldRecord, GoldRecord, str], str | None] | None = None,
    ) -> Place | None:
        """Settle the current conflict with ``settle`` (record, conflict id -> the record
        after), save it and move on; ``said``: what to tell the reviewer it did; ``also``
        (the record before, after, conflict id): what more it did, read from the record it
        made, said in the same line."""
        place, conflict = self.current, self.conflict
        if place is None or conflict is None:
            raise Refused("every conflict is settled")
        before = self.records[place.doc_id]
        key = self.order.key(place.doc_id, conflict)
        heard = len(self._notices)
        settled = settle(before, place.conflict_id)  # some say what they did themselves
        # Nothing validate refuses becomes a gold line (a trial's item taken wrote a null list).
        refuse_unfit(settled, before, self.scheme, f"settling {place.conflict_id}")
        if said is not None:
            self._notices.append(said(before, place.conflict_id))
        # The undo names the decision it takes back: "… c1 is open again" left a trial
        # guessing which of its decisions that was (what more it did is not repeated).
        decision = next(iter(self._notices[heard:]), "")
        more = also(before, settled, place.conflict_id) if also is not None else None
        if more and len(self._notices) > heard:
            # Said before the decision's "· ctrl+z undoes", which ends the line ("… now twice ·
            # ctrl+z undoes; linked: date s4" read as if the links were the undo's).
            undoes = " · ctrl+z undoes" if decision.endswith(" · ctrl+z undoes") else ""
            self._notices[heard] = (
                decision.with_clause(more)  # fitted to the toast still
                if isinstance(decision, ItemTakenNotice)
                else f"{decision.removesuffix(undoes)}; {more}{undoes}"
            )
        self._undo.append((place, before, undone_words(place, decision)))
        self._redo.clear()
        self.save(settled)
        self.editing = False
        self.current = self.order.after(key)
        self._notices.extend(filter(None, [overlap_notice(before, settled)]))
        if settled.status == "done":
            # What gold keeps that the scheme does not allow or know is said, as annotate's
            # d says it (``record_unknown.done_words``): done does not pass over it unsaid.
            kept = done_words(settled, self.scheme)
            self._notices.append(f"{settled.doc_id} is settled: done{kept}")
        elif not settled.conflicts:
            places = empty_required(settled, self.scheme)
            # A value kept that the scheme no longer takes (a gold file written before it
            # changed) cannot be typed over without a conflict: a merge anew replaces it.
            anew = (
                "; l, then ctrl+r twice, merges it anew"
                if any(place.why for place in places)
                else ""
            )
            missing = unanswered_words(places)
            self._notices.append(f"{settled.doc_id}: no conflict left, but {missing}{anew}")
        if self.finished:
            self._notices.append(self.summary())
        return self.current

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


def undone_words(place: Place, decision: str) -> str:
    """What undoing a decision says: ``undid: d1 c1 is open again (took alice's version)``,
    the decision's own notice without its "settled c1" head."""
    head = f"undid: {place.doc_id} {place.conflict_id} is open again"
    what = re.sub(rf"^settled {re.escape(place.conflict_id)}(: | with )", "", decision)
    what = what.split(" · ")[0]  # not its "· ctrl+z undoes"
    return with_detail(head, what)
