"""The review's documents: the list a reviewer picks from, and merging one anew.

A review walks open conflicts only, so a settled document is out of its reach: a trial's
reviewer, told that an annotator had changed a document reviewed before, had to undo 17
decisions (12 of them in other documents) to take the change, and could not go back to a
conflict settled by mistake without undoing every decision after it. INCEpTION's curation
reopens one document.

``document_entries`` lists every document under review with its open conflicts and status,
from the counts the review keeps (no record is made). ``merge_anew`` replaces a document's
gold record by a fresh merge of its annotators' records as the review read them when it opened
(``merge``'s rule, the gold file's ``--min-agree``; a journal changed since is read when the
review is opened again). When those records are not the ones the gold record was merged from,
the decisions whose conflict the new merge still has alike are kept, and only those on
conflicts that changed or are gone are dropped, named in the message (``review_kept``: a
trial's reviewer, an annotator having fixed one span, had every decision of the document to
make again). When they are the same, a merge anew is the way to decide the document again:
every decision is dropped. Either way the spans the new merge shares with gold keep their
ids, and the others are numbered above every id the document's gold has had
(``review_span_ids.with_gold_ids``). It is saved like a decision, and ctrl+z puts the record
before it back, decisions and all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from annotator.core.compare import Unit
from annotator.core.forms import path_words
from annotator.core.merge import merge_units
from annotator.core.models import GoldRecord
from annotator.core.review_decisions import short
from annotator.core.review_gold_fit import refuse_unfit
from annotator.core.review_history import document_records
from annotator.core.review_kept import SAVED_ANEW, KeptMerge, kept_decisions, kept_merge
from annotator.core.review_parts import ReviewParts
from annotator.core.review_records import ReviewRecords
from annotator.core.review_span_ids import GoldSpanNumbers, with_gold_ids
from annotator.core.review_views import Place
from annotator.core.review_walk import ConflictOrder
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused
from annotator.core.store import Store


@dataclass(frozen=True)
class ReviewEntry:
    """A document as the review's list shows it."""

    doc_id: str
    position: int  # in the walk's (corpus) order, from 0
    conflicts: int  # open
    done: bool
    # Its annotators changed their records after review decisions were made in it: merge it
    # anew to take the changes (the message on opening said so, then went).
    records_changed: bool = False


# What ctrl+z puts back: where the review goes, the record, and what to say (None: the
# decision's own words, "… is open again").
UndoStep = tuple[Place | None, GoldRecord, str | None]


class ReviewDocuments(ReviewParts):
    """Mixed into ``ReviewSession``: its documents, and merging one anew."""

    doc_ids: list[str]
    records: ReviewRecords
    order: ConflictOrder
    scheme: Scheme
    reviewer: str
    min_agree: int | None
    units: Mapping[str, Unit]
    store: Store
    current: Place | None
    looking: str | None
    editing: bool
    records_changed: set[str]
    span_numbers: GoldSpanNumbers
    _undo: list[UndoStep]
    _redo: list[UndoStep]
    _notices: list[str]

    def document_entries(self) -> list[ReviewEntry]:
        """Every document under review, in the walk's order."""
        records = self.records
        changed = self.records_changed
        return [
            ReviewEntry(
                doc_id, position, records.conflicts(doc_id), records.done(doc_id), doc_id in changed
            )
            for position, doc_id in enumerate(self.doc_ids)
        ]

    def go_to_document(self, doc_id: str) -> Place | None:
        """Make the document's first open conflict current; a document with none is looked
        at instead (``looking``, no conflict current: its gold shown, its notes read; nothing
        is written), and None returned. Going on (n / p) goes on from it."""
        if doc_id not in self.records:
            raise Refused(f"{doc_id} is not under review")
        self.editing = False
        if not self.records.conflicts(doc_id):
            # A trial's reviewer could not see a settled document, nor read its notes.
            self.current = None
            self.looking = doc_id
            return None
        self.current = self.order.in_document(doc_id)[0][1]
        return self.current

    def merge_anew(self, doc_id: str) -> Place | None:
        """Replace the document's gold record by a fresh merge of its annotators' records
        (see the module docstring) and make its first open conflict current (none open: the
        document is looked at, ``looking``)."""
        merged, told = self._merged_anew(doc_id)
        before = self.records[doc_id]
        # Numbered, so that its line never reads as a record of the document's history put
        # back (an undo) when it is one again: merging the same records again gives merge's.
        number = 1 + max(
            record.sources.merged_anew or 0
            for record in [
                *document_records(self.store, doc_id),
                *(step[1] for step in [*self._undo, *self._redo] if step[1].doc_id == doc_id),
                before,
            ]
        )
        merged = merged.model_copy(
            update={"sources": merged.sources.model_copy(update={"merged_anew": number})}
        )
        refuse_unfit(merged, before, self.scheme, "merging it anew")
        self.editing = False
        self._undo.append((self.current, before, _undone_notice(before)))
        self._redo.clear()
        # The time spent on the document stays spent.
        self.save(merged.model_copy(update={"seconds_spent": before.seconds_spent}))
        opened = self.order.in_document(doc_id)
        if opened:
            self.current = opened[0][1]
        else:
            # None open: the document is looked at, as ``go_to_document`` opens one (its gold
            # in the article). A trial's article kept showing another document, the status
            # line naming none.
            self.current = None
            self.looking = doc_id
        now = _state(merged)
        self.records_changed.discard(doc_id)
        self._notices.append(
            f"merged {doc_id} anew from its annotators' records, {told}: "
            f"{now} (before: {_state(before)}); ctrl+z puts the record before back"
        )
        return self.current

    def anew_refused(self, doc_id: str) -> str | None:
        """Why merging ``doc_id`` anew is refused (None: it is not), asked before the list's
        question: a trial's first ctrl+r warned that a document's decisions would be dropped,
        and the second said it had none, "nothing to merge anew"."""
        try:
            self._merged_anew(doc_id)
        except Refused as refused:
            return str(refused)
        return None

    def _merged_anew(self, doc_id: str) -> tuple[GoldRecord, str]:
        """The document's record merged anew, with gold's span ids, and how its decisions fared
        (said in the notice); refused when that changes nothing."""
        unit = self.units.get(doc_id)
        if unit is None:
            raise Refused(f"{doc_id}: its annotators' records are not compared in this review")
        before = self.records[doc_id]
        (merged,) = merge_units([unit], self.scheme, self.reviewer, self.min_agree)
        highest = self.span_numbers.highest(doc_id)
        if changed_since(before.sources.versions, unit) or merged.doc_sha256 != before.doc_sha256:
            history = [*document_records(self.store, doc_id)]
            history += [step[1] for step in self._undo if step[1].doc_id == doc_id]
            outcome = kept_merge(merged, kept_decisions([*history, before]), self.scheme)
            return with_gold_ids(outcome.record, before, highest), _kept_words(
                outcome, self.document(doc_id).text
            )
        # The same records: nothing a decision settled has changed, so a merge anew is the way
        # to decide the document again, every decision dropped.
        merged = with_gold_ids(merged, before, highest)
        if _content(merged) == _content(before):
            raise Refused(f"{doc_id} is as a merge makes it: nothing to merge anew")
        return merged, "its review decisions dropped"


def changed_since(versions: Mapping[str, str], unit: Unit) -> list[str]:
    """The annotators whose record of ``unit`` is not the one a gold line was merged from
    (``versions``: its ``sources.versions``; none known in gold files written before them):
    a record changed, one done since (none before), or one merged then and not compared now
    (no longer done)."""
    if not versions:
        return []
    changed = [name for name, work in unit.records.items() if versions.get(name) != work.version]
    return sorted([*changed, *(name for name in versions if name not in unit.records)])


# How the undo of a merge anew begins: the undo and redo tell that step by it.
MERGE_ANEW_UNDONE = "undid: merging"


def _content(record: GoldRecord) -> dict[str, object]:
    """What a record holds, whatever save and merge anew wrote it (``SAVED_ANEW``, its
    ``sources.merged_anew``)."""
    leave_out: dict[str, Any] = dict.fromkeys(SAVED_ANEW, True)
    return record.model_dump(exclude={**leave_out, "sources": {"merged_anew"}})


def _state(record: GoldRecord) -> str:
    if record.conflicts:
        return f"{len(record.conflicts)} conflict(s) open"
    return "done" if record.status == "done" else "in progress"


def _undone_notice(before: GoldRecord) -> str:
    back = f"its record before is back ({_state(before)})"
    return f"{MERGE_ANEW_UNDONE} {before.doc_id} anew; {back}"


def _kept_words(outcome: KeptMerge, text: str) -> str:
    """What a merge anew kept and dropped, each decision by its conflict's place."""
    kept = f"{len(outcome.kept)} decision(s) kept"
    if not outcome.dropped and not outcome.unapplied and not outcome.untied:
        return f"{kept}, none dropped{_links_left_words(outcome, text)}"
    why = []
    for reason, conflicts in (
        ("conflict changed or gone", outcome.dropped),
        ("what it set changed since", outcome.unapplied),
        ("two alike spans, not told apart", outcome.untied),
    ):
        if conflicts:
            named = ", ".join(conflict_words(conflict, text) for conflict in conflicts)
            why.append(f"{reason}: {named}")
    dropped = len(outcome.dropped) + len(outcome.unapplied) + len(outcome.untied)
    return f"{kept}, {dropped} dropped ({'; '.join(why)}){_links_left_words(outcome, text)}"


def _links_left_words(outcome: KeptMerge, text: str) -> str:
    """The links kept decisions made to fields they did not set, left out (``review_kept``):
    ``; “187” kept without its link to releases #1 count (the field is not …)``."""
    if not outcome.links_left_out:
        return ""
    paths: dict[str, list[str]] = {}
    for conflict, path in outcome.links_left_out:
        paths.setdefault(conflict_words(conflict, text), []).append(path_words(path))
    said = "; ".join(
        f"{words} kept without its link{'s' if len(to) > 1 else ''} to {', '.join(to)}"
        for words, to in paths.items()
    )
    return f"; {said} (the field is not in the new merge as it was)"


def conflict_words(conflict: dict[str, Any], text: str) -> str:
    """A conflict as a message names it: a span conflict by its region's words, a field's by
    its path (conflict ids are a merge's: the new merge numbers them anew)."""
    if conflict.get("kind") == "span":
        start, end = conflict["region"]
        return short(text[start:end])
    return path_words(str(conflict.get("path") or ""))
