"""Settling the current conflict with its versions (mixed into ``ReviewSession``): one taken
(``take``; ``take_letter`` for a and b), every one (``take_all``) or none (``reject_all``); and
``_decide``, which every decision goes through, those made by hand too (``review_by_hand``).

Kept apart from ``review``, which holds where the session is and what it shows: here is what a
decision does to the session. ``review_decisions`` makes the record after it; ``_decide``
checks that record, saves it, says what it did, keeps what undo puts back
(``undone_words``), and moves on to the next open conflict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from annotator.core import review_decisions as decide
from annotator.core.form_complete import empty_required, unanswered_words
from annotator.core.models import GoldRecord
from annotator.core.record_unknown import done_words
from annotator.core.review_documents import UndoStep
from annotator.core.review_gold_fit import refuse_off_the_text, refuse_unfit
from annotator.core.review_item_notices import (
    ItemTakenNotice,
    item_taken_notice,
    names_within_notice,
)
from annotator.core.review_links import Annotations
from annotator.core.review_notices import (
    overlap_notice,
    rejected_notice,
    taken_links_notice,
    taken_notice,
)
from annotator.core.review_outcome import with_detail
from annotator.core.review_parts import ReviewParts
from annotator.core.review_records import ReviewRecords
from annotator.core.review_span_ids import GoldSpanNumbers
from annotator.core.review_views import Place
from annotator.core.review_walk import ConflictOrder
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused


class ReviewDeciding(ReviewParts):
    """The decisions ``ReviewSession`` makes over the current conflict's versions."""

    scheme: Scheme
    annotations: Mapping[str, Annotations]
    records: ReviewRecords
    order: ConflictOrder
    current: Place | None
    editing: bool
    span_numbers: GoldSpanNumbers
    _undo: list[UndoStep]
    _redo: list[UndoStep]
    _notices: list[str]

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
        refuse_off_the_text(before, self.document(place.doc_id).text)
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


def undone_words(place: Place, decision: str) -> str:
    """What undoing a decision says: ``undid: d1 c1 is open again (took alice's version)``,
    the decision's own notice without its "settled c1" head."""
    head = f"undid: {place.doc_id} {place.conflict_id} is open again"
    what = re.sub(rf"^settled {re.escape(place.conflict_id)}(: | with )", "", decision)
    what = what.split(" · ")[0]  # not its "· ctrl+z undoes"
    return with_detail(head, what)
