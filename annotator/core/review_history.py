"""Decisions of earlier review sessions, read back from the gold file so that they can be undone.

A review appends a document's whole gold record at each decision, and an undo appends the
record as it was before (``review.ReviewSession``). The gold file therefore holds, for each
document, its history: the record merge wrote, then one line per decision or undo. Read back in
file order, a line whose record is the one before the document's last decision is that
decision's undo; a line whose record is the document's last one again is no decision at all
(a review under another reviewer's name writes every line again); a line merged anew (its text
or its annotators' records changed since: ``doc_sha256`` or ``sources.versions`` differ) starts
the document's history again, the decisions before it made on a merge that is gone; any other
line is a decision. Records are compared without ``annotator``, ``updated_at`` and
``seconds_spent``, which every save changes.

``earlier_decisions`` gives the decisions still in force, oldest first, each as the document
and the line of its record before: undoing one puts that record back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from annotator.core.gold_store import GoldLine, GoldStore
from annotator.core.item_brief import names_said
from annotator.core.models import GoldRecord
from annotator.core.review_kept import SAVED_ANEW, kept_decisions
from annotator.core.review_outcome import outcomes, with_detail
from annotator.core.review_views import Place
from annotator.core.store import Store


def _content(raw: bytes) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(raw)
    for key in SAVED_ANEW:
        data.pop(key, None)
    return data


def earlier_decisions(store: GoldStore) -> list[GoldLine]:
    """The lines to put back, one per decision of an earlier session still in force, in the
    order the decisions were made (each: the document's record before it)."""
    by_doc: dict[str, list[GoldLine]] = {}
    for line in store.history:
        by_doc.setdefault(line.facts.doc_id, []).append(line)
    # Only documents with more than merge's line had decisions; their lines read in one go.
    decided = [lines for lines in by_doc.values() if len(lines) > 1]
    read = [line for lines in decided for line in lines]
    raw = dict(zip(read, store.lines_at(read), strict=True))
    decisions: list[tuple[int, GoldLine]] = []  # (the decision's line number, the line before)
    for lines in decided:
        states = [lines[0]]  # the document's record after each decision in force
        contents = [_content(raw[lines[0]])]
        made: list[tuple[int, GoldLine]] = []
        for line in lines[1:]:
            content = _content(raw[line])
            if _merged_from_other_records(content, contents[-1]):
                # Undoing what came before would put back a record of the old journals (a
                # trial's undo brought back a conflict over a span deleted since).
                states, contents, made = [line], [content], []
            elif content == contents[-1]:
                states[-1] = line  # written again (another reviewer's name): no decision
            elif len(contents) > 1 and content == contents[-2]:
                states.pop()  # the last decision, undone
                contents.pop()
                made.pop()
                states[-1] = line
            else:
                made.append((line.number, states[-1]))
                states.append(line)
                contents.append(content)
        decisions.extend(made)
    return [before for _number, before in sorted(decisions, key=lambda item: item[0])]


def _merged_from_other_records(content: dict[str, Any], before: dict[str, Any]) -> bool:
    """Whether a document's line was merged anew after ``before`` from another text or other
    records: decisions keep the text and the digests of the records merged; a new merge has
    other ones. (A merge anew of the same records reopens conflicts: ``review_kept`` counts it
    a merge, for it drops every decision; here it is a step undo takes back, as a decision.)"""
    if content["doc_sha256"] != before["doc_sha256"]:
        return True
    versions = content["sources"].get("versions") or {}
    return versions != (before["sources"].get("versions") or {})


def decisions_in_force(store: GoldStore) -> set[str]:
    """The documents with a review decision in force (``earlier_decisions``): resuming merges
    anew a document whose annotators changed their records only when it has none."""
    found = {line.facts.doc_id for line in earlier_decisions(store)}
    # A merge anew keeps the decisions whose conflict it still has (``review_kept``): its line
    # starts the history above again, yet they stand. Only documents merged anew from other
    # records or another text are read for them.
    by_doc: dict[str, list[GoldLine]] = {}
    for line in store.history:
        if line.facts.doc_id not in found:
            by_doc.setdefault(line.facts.doc_id, []).append(line)
    for doc_id, lines in by_doc.items():
        merges = {(line.facts.doc_sha256, line.facts.versions) for line in lines}
        if len(merges) > 1 and kept_decisions(_records(store, lines)):
            found.add(doc_id)
    return found


def _records(store: GoldStore, lines: list[GoldLine]) -> list[GoldRecord]:
    return [GoldRecord.model_validate_json(raw) for raw in store.lines_at(lines)]


class EarlierDecisions:
    """The earlier sessions' decisions on the documents under review, read from the gold file
    the first time they are asked for (a review that never undoes that far never reads it)."""

    def __init__(self, store: Store, in_review: Mapping[str, GoldRecord]) -> None:
        self._store = store if isinstance(store, GoldStore) else None
        self._in_review = in_review
        self._lines: list[GoldLine] | None = None

    def _left(self) -> list[GoldLine]:
        if self._lines is None:
            found = earlier_decisions(self._store) if self._store is not None else []
            self._lines = [line for line in found if line.facts.doc_id in self._in_review]
        return self._lines

    def __bool__(self) -> bool:
        return bool(self._left())

    def pop(self, records: Mapping[str, GoldRecord]) -> tuple[GoldRecord, Place | None, str] | None:
        """The last decision's record before it, to be saved (None: no decision left), the
        conflict it settled (open again in that record), and what to tell the reviewer."""
        if self._store is None or not self._left():
            return None
        line = self._left().pop()
        now = records[line.facts.doc_id]
        # The time spent stays spent: the record put back keeps the document's seconds so far.
        before = self._store.record_at(line).model_copy(update={"seconds_spent": now.seconds_spent})
        settled = {conflict["id"] for conflict in now.conflicts}
        reopened = [c["id"] for c in before.conflicts if c["id"] not in settled]
        said = f"undid a decision of an earlier session: {before.doc_id}"
        if len(before.conflicts) < len(now.conflicts):
            # A merge anew undone: the conflicts it opened are settled again.
            again = (
                f"undid a merge anew of an earlier session: {before.doc_id} has "
                f"{len(before.conflicts)} open conflict(s) again (was {len(now.conflicts)})"
            )
            return before, None, again
        if not reopened:
            return before, None, f"{said} is as it was"
        are = "is" if len(reopened) == 1 else "are"
        said = f"{said} {names_said(reopened)} {are} open again"
        # What the decision was, as this session's undo says it (a trial's undo did not).
        outcome = outcomes(before, now, reopened)
        return before, Place(before.doc_id, reopened[0]), with_detail(said, outcome)


def document_records(store: Store, doc_id: str) -> list[GoldRecord]:
    """Every line of the document in the gold file as the review opened it, oldest first, as
    records (``review_kept`` reads what was decided from them); none for another store."""
    if not isinstance(store, GoldStore):
        return []
    return _records(store, [line for line in store.history if line.facts.doc_id == doc_id])
