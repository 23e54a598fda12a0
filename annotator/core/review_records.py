"""The gold records under review, as a mapping that makes each record when it is asked for.

A review of 10,000 documents shows one at a time, but its progress (conflicts left, documents
left, documents done) counts them all. ``ReviewRecords`` keeps of each document only those
counts (from ``gold_store.LineFacts``), exact from the start, and asks ``load`` for a record
(the gold store reads its line) when the review reaches it; the last few made are kept.
Records put while the review runs (its decisions) are kept whole and win over ``load``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping

from annotator.core.models import GoldRecord

# Records made from their lines and kept for when they are asked for again: the review moves
# between a few documents (next, previous, undo), never all of them.
_KEPT_LOADED = 16


class ReviewRecords(Mapping[str, GoldRecord]):
    """doc_id -> gold record, for the documents under review (see the module docstring)."""

    def __init__(
        self, counts: Mapping[str, tuple[int, bool]], load: Callable[[str], GoldRecord]
    ) -> None:
        """``counts``: doc_id -> (open conflicts, done) of each document's record."""
        self._counts = dict(counts)
        self._load = load
        self._put: dict[str, GoldRecord] = {}
        self._loaded: OrderedDict[str, GoldRecord] = OrderedDict()
        self.open_conflicts = sum(conflicts for conflicts, _done in self._counts.values())
        self.open_documents = sum(1 for conflicts, _done in self._counts.values() if conflicts)
        self.done_documents = sum(1 for _conflicts, done in self._counts.values() if done)

    @classmethod
    def holding(cls, records: Mapping[str, GoldRecord]) -> ReviewRecords:
        """Records already made, all held."""
        held = dict(records)
        counts = {
            doc_id: (len(record.conflicts), record.status == "done")
            for doc_id, record in held.items()
        }
        return cls(counts, held.__getitem__)

    def __getitem__(self, doc_id: str) -> GoldRecord:
        if doc_id not in self._counts:
            raise KeyError(doc_id)
        record = self._put.get(doc_id)
        if record is not None:
            return record
        record = self._loaded.get(doc_id)
        if record is not None:
            self._loaded.move_to_end(doc_id)
            return record
        record = self._loaded[doc_id] = self._load(doc_id)
        if len(self._loaded) > _KEPT_LOADED:
            self._loaded.popitem(last=False)
        return record

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._counts

    def __iter__(self) -> Iterator[str]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)

    def conflicts(self, doc_id: str) -> int:
        """How many conflicts the document has open (without making its record)."""
        return self._counts[doc_id][0]

    def done(self, doc_id: str) -> bool:
        """Whether the document's record is done (without making it)."""
        return self._counts[doc_id][1]

    def put(self, record: GoldRecord) -> None:
        """The document's record from now on (a decision); the counts follow."""
        old_conflicts, old_done = self._counts[record.doc_id]
        conflicts, done = len(record.conflicts), record.status == "done"
        self._counts[record.doc_id] = (conflicts, done)
        self.open_conflicts += conflicts - old_conflicts
        self.open_documents += bool(conflicts) - bool(old_conflicts)
        self.done_documents += done - old_done
        self._put[record.doc_id] = record
        self._loaded.pop(record.doc_id, None)
