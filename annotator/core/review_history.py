"""Decisions of earlier review sessions, read back from the gold file so that they can be undone.

A review appends a document's whole gold record at each decision, and an undo appends the
record as it was before (``review.ReviewSession``). The gold file therefore holds, for each
document, its history: the record merge wrote, then one line per decision or undo. Read back in
file order, a line whose record is the one before the document's last decision is that
decision's undo; a line whose record is the document's last one again is no decision at all
(a review under another reviewer's name writes every line again); any other line is a
decision. Records are compared without ``annotator``, ``updated_at`` and ``seconds_spent``,
which every save changes, and with a list's null (earlier reviews') and ``[]`` alike.

A merge anew of the same records (ctrl+r on a document nobody changed: the way to decide it
again) gives back the record merge wrote, so a line of it after one decision was read as that
decision's undo: a later session's ctrl+z said "nothing to undo" with the decision in the file,
or went on to another document's older step. A review numbers its merges anew of a document
(``sources.merged_anew``: 1, 2, … kept by the decisions and undos after it), so a line whose
number is above every earlier line's is a merge anew, never an undo, and an undo, which puts
back a record whole, number and all, is the record before the last step again. Lines written
before the number was kept are read as ever: one that is the record before the last step
again is taken for an undo, which a merge anew of the same records right after one decision
also is (nothing in such a line tells them apart).

A line merged anew from another text (``doc_sha256`` differs: resuming merges such a document
anew) starts the document's history again: a record of another text cannot be put back. One
merged anew from its annotators' changed records (``sources.versions`` differ) is a step undo
takes back, as the session that made it does (ctrl+r), while a decision stood in the record it
replaced (``decisions_in_force``' sense): undoing it puts that record back, and then the
decisions before it can be undone in turn. A later session could undo neither (the line
started the history again): a reviewer who merged a document anew and quit could not go back.
Without a decision standing, the line is resuming's own merge anew (made only then) or one of
a document nobody decided on: it starts the history again, there being nothing decided before
it to go back to (as a step, a session's first ctrl+z would take back the merge anew its own
opening made).

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
from annotator.core.null_lists import nulls_alike
from annotator.core.review_kept import SAVED_ANEW, kept_decisions
from annotator.core.review_outcome import outcomes, with_detail
from annotator.core.review_views import Place
from annotator.core.store import Store


def _content(raw: bytes) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(raw)
    for key in SAVED_ANEW:
        data.pop(key, None)
    # A list an earlier review wrote null, written [] since (``null_lists``), is no decision.
    data["form"] = nulls_alike(data.get("form"))
    return data


def earlier_decisions(store: GoldStore) -> list[GoldLine]:
    """The lines to put back, one per decision of an earlier session still in force, in the
    order the decisions were made (each: the document's record before it)."""
    decisions = [step for walk in _walks(store).values() for step in walk.made]
    return [before for _number, before in sorted(decisions, key=lambda item: item[0])]


class _Walk:
    """A document's lines read in order (see the module docstring): its record after each
    step in force, whether a decision stands in each, and the steps, each as its line's number
    and the line before it."""

    def __init__(self, first: GoldLine, content: dict[str, Any], standing: bool = False) -> None:
        self.states = [first]
        self.contents = [content]
        self.standing = [standing]  # a decision stands in the state's record
        self.made: list[tuple[int, GoldLine]] = []

    def step(self, line: GoldLine, content: dict[str, Any], standing: bool) -> None:
        self.made.append((line.number, self.states[-1]))
        self.states.append(line)
        self.contents.append(content)
        self.standing.append(standing)

    def undone(self, line: GoldLine) -> None:
        self.states.pop()
        self.contents.pop()
        self.standing.pop()
        self.made.pop()
        self.states[-1] = line


def _walks(store: GoldStore) -> dict[str, _Walk]:
    """Each document with more than one line, walked (see the module docstring)."""
    by_doc: dict[str, list[GoldLine]] = {}
    for line in store.history:
        by_doc.setdefault(line.facts.doc_id, []).append(line)
    # Only documents with more than merge's line had decisions; their lines read in one go.
    decided = [lines for lines in by_doc.values() if len(lines) > 1]
    read = [line for lines in decided for line in lines]
    raw = dict(zip(read, store.lines_at(read), strict=True))
    walks: dict[str, _Walk] = {}
    for lines in decided:
        walk = _Walk(lines[0], _content(raw[lines[0]]))
        highest = _merge_anew_number(walk.contents[0])
        for at, line in enumerate(lines[1:], start=1):
            content = _content(raw[line])
            last = walk.contents[-1]
            # A merge anew numbered above every line before it is one, never an undo, though
            # its record may be one of the history again (see the module docstring).
            numbered_anew = _merge_anew_number(content) > highest
            highest = max(highest, _merge_anew_number(content))
            if content["doc_sha256"] != last["doc_sha256"]:
                # A record of another text is never put back: the history starts again. The
                # decisions whose conflict and outcome its merge has alike stand all the same.
                kept = kept_decisions(_records_of(raw, lines[: at + 1]))
                walk = _Walk(line, content, standing=bool(kept))
            elif content == last:
                walk.states[-1] = line  # written again (another reviewer's name): no decision
            elif not numbered_anew and len(walk.contents) > 1 and content == walk.contents[-2]:
                walk.undone(line)  # the last step, undone
            elif not _merged_from_other_records(content, last):
                walk.step(line, content, standing=True)
            elif walk.standing[-1]:
                # A merge anew of the reviewer's, from changed records: undone in turn, then
                # the decisions before it (a record of the old journals put back only once
                # the merge anew that left it is undone, never under it: a trial's undo
                # brought back a conflict over a span deleted since). Decisions it kept stand.
                kept = kept_decisions(_records_of(raw, lines[: at + 1]))
                walk.step(line, content, standing=bool(kept))
            else:
                walk = _Walk(line, content)  # nothing decided before it to go back to
        walks[lines[0].facts.doc_id] = walk
    return walks


def _merge_anew_number(content: dict[str, Any]) -> int:
    """Which merge anew of the document a line's record comes from (0: merge's, or a line
    written before merges anew were numbered)."""
    number: int = content["sources"].get("merged_anew") or 0
    return number


def _records_of(raw: Mapping[GoldLine, bytes], lines: list[GoldLine]) -> list[GoldRecord]:
    return [GoldRecord.model_validate_json(raw[line]) for line in lines]


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
    """The documents with a review decision in force: resuming merges anew a document whose
    annotators changed their records only when it has none. A decision stands from when it is
    made until it is undone, or until a merge anew from changed records that does not keep it
    (``review_kept``); a merge anew undoable as a step is no decision of its own."""
    return {doc_id for doc_id, walk in _walks(store).items() if walk.standing[-1]}


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
        if before.sources.versions != now.sources.versions:
            # A merge anew from changed records: it numbered conflicts anew, so none is told by
            # its id; the record before is back, merged from the records as they were then.
            again = (
                f"undid a merge anew of an earlier session: {before.doc_id} is back as merged "
                f"from its annotators' earlier records, with its decisions "
                f"({len(before.conflicts)} open conflict(s), was {len(now.conflicts)})"
            )
            return before, None, again
        merged_anew = before.sources.merged_anew != now.sources.merged_anew
        if merged_anew or len(before.conflicts) < len(now.conflicts):
            # A merge anew undone (its number, or in lines written before numbers were kept,
            # conflicts it opened): the conflicts it opened are settled again.
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
