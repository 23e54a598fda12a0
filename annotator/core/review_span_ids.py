"""The highest span number each document's gold has had: gold span ids are never given again.

A decision that adds spans to gold numbers them above the record's own (merge numbers its spans
``s1``, ``s2``, …), but an undo takes spans away, and with them the highest
number: s4 drawn, undone and drawn elsewhere was s4 again, while the first decision's notice,
the undo's, a reviewer's note and the gold file's earlier line named the first span s4.
``GoldSpanNumbers`` knows the highest number of every record the review saved
(``ReviewSession.save`` notes each) and of every line the gold file held when the review
opened, decisions of earlier sessions undone since included; ``review_decisions.new_span_id``
numbers above it. A document's lines are read the first time a decision on it asks, so a
review of many documents reads only those it adds spans to.

Undo puts back the record before a decision, its spans with their own ids, and redo the very
record undo replaced, so a decision redone has the ids it was first given. A document merged
anew on resuming (its text or its annotators' records changed since, ``review_open``) is
merge's record ``renumbered`` above every id the document's gold has had: merge numbers from
``s1``, and its s2 named another span than the gold file's earlier lines (and the notices said
of them) did. One merged anew inside a review (ctrl+r, ``review_documents``) keeps the ids of
the spans it shares with gold (same start, end, label and value: the same span, which the
notices and the reviewer's notes named so) and numbers the others above every id
(``with_gold_ids``). ``annotator merge``, with no gold before it, numbers from ``s1`` as ever.
"""

from __future__ import annotations

from collections.abc import Iterable

import orjson

from annotator.core.gold_store import GoldLine, GoldStore
from annotator.core.models import GoldRecord
from annotator.core.spans import highest_span_number, span_number
from annotator.core.store import Store


class GoldSpanNumbers:
    """doc_id -> the highest span number its gold has had (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self._store = store if isinstance(store, GoldStore) else None
        self._saved: dict[str, int] = {}  # of the records saved in this review
        self._in_file: dict[str, int] = {}  # of the gold file's lines, read when first asked
        self._lines: dict[str, list[GoldLine]] | None = None

    def note(self, record: GoldRecord) -> None:
        """``record`` is saved as its document's gold: its ids are not given again."""
        doc_id = record.doc_id
        highest = highest_span_number(span.id for span in record.spans)
        self._saved[doc_id] = max(self._saved.get(doc_id, 0), highest)

    def highest(self, doc_id: str) -> int:
        """The highest span number the document's gold has had (0: none)."""
        if doc_id not in self._in_file:
            self._in_file[doc_id] = self._read(doc_id)
        return max(self._in_file[doc_id], self._saved.get(doc_id, 0))

    def _read(self, doc_id: str) -> int:
        """The highest span number of the document's lines in the gold file as it was opened."""
        if self._store is None:
            return 0
        if self._lines is None:
            self._lines = {}
            for line in self._store.history:
                self._lines.setdefault(line.facts.doc_id, []).append(line)
        lines = self._lines.get(doc_id)
        if not lines:
            return 0
        return max((_highest_of(raw) for raw in self._store.lines_at(lines)), default=0)


def _highest_of(raw: bytes) -> int:
    """The highest span number of one gold line (checked as a gold record when the file was
    opened)."""
    spans: Iterable[dict[str, object]] = orjson.loads(raw).get("spans") or []
    return highest_span_number(str(span.get("id")) for span in spans)


def renumbered(record: GoldRecord, first: int) -> GoldRecord:
    """``record`` with its spans numbered ``s{first}``, ``s{first + 1}``, … in their order, and
    every place that names a span by id moved with it: ``links`` (a form field's and an item
    field's alike, keyed by path) and the keys of ``sources.spans``. Nothing else changes:
    conflicts name no gold span (a version's spans carry no ids, its links are spans' bodies:
    ``merge``), and notes are the annotators' words."""
    ids = {span.id: f"s{number}" for number, span in enumerate(record.spans, start=first)}
    return _with_ids(record, ids)


def with_gold_ids(record: GoldRecord, gold: GoldRecord, highest: int) -> GoldRecord:
    """``record`` (a merge anew's) with each span ``gold`` has alike (start, end, label,
    value) under gold's id, and the others numbered above ``highest`` (the highest the
    document's gold has had) in their order: a span both have is the same span, named as the
    gold file's earlier lines, the notices and the reviewer's notes named it."""
    had: dict[tuple[int, int, str, int | str | None], str] = {}
    for span in gold.spans:
        # Of two alike (a file edited by hand), the first: merge's s1, not a copy's s9.
        had.setdefault((span.start, span.end, span.label, span.value), span.id)
    ids: dict[str, str] = {}
    given: set[str] = set()
    number = highest
    for span in record.spans:
        same = had.get((span.start, span.end, span.label, span.value))
        if same is not None and same not in given:
            ids[span.id] = same
        else:
            number += 1
            ids[span.id] = f"s{number}"
        given.add(ids[span.id])
    return _with_ids(record, ids)


def _with_ids(record: GoldRecord, ids: dict[str, str]) -> GoldRecord:
    """``record`` with its spans' ids ``ids`` (old -> new), and every place naming a span by
    id moved with it (see ``renumbered``)."""
    if all(old == new for old, new in ids.items()):
        return record
    spans = [span.model_copy(update={"id": ids[span.id]}) for span in record.spans]
    links = {path: [ids[one] for one in linked] for path, linked in record.links.items()}
    # Merge and decisions key sources.spans by the record's span ids; a key of no span (none is
    # made so) is kept as it is, and refused rather than lost should a new id be the same.
    sources = {ids.get(one, one): who for one, who in record.sources.spans.items()}
    if len(sources) != len(record.sources.spans):
        raise ValueError(f"{record.doc_id}: sources.spans names a span id renumbering gives")
    return record.model_copy(
        update={
            "spans": spans,
            "links": links,
            "sources": record.sources.model_copy(update={"spans": sources}),
        }
    )


def numbered_from(record: GoldRecord) -> int:
    """The number of the record's first span's id (1 when it has none): a merge's record
    ``renumbered`` from it is the record, when the two are the same merge."""
    return max(1, span_number(record.spans[0].id)) if record.spans else 1
