"""The order in which a review walks the open conflicts: ``ConflictOrder``.

Documents in corpus order; within a document, span conflicts by region, then field conflicts in
scheme order (a group's several, as merge numbered them). Moving past the last conflict wraps
around to the first. A document without open conflicts is passed over without making its gold
record (``ReviewRecords.conflicts`` counts them without it).
"""

from __future__ import annotations

from typing import Any

from annotator.core.review_records import ReviewRecords
from annotator.core.review_views import Place
from annotator.core.scheme import Scheme

# (document's place, 0 for a span conflict or 1 for a field, start or field order, end or the
# id's number, id)
OrderKey = tuple[int, int, int, int, str]


class ConflictOrder:
    """Keys of conflicts in walk order, and the open conflict after or before a key."""

    def __init__(self, doc_ids: list[str], records: ReviewRecords, scheme: Scheme) -> None:
        self.doc_ids = doc_ids  # in corpus order
        self.records = records
        self._doc_index = {doc_id: n for n, doc_id in enumerate(doc_ids)}
        self._field_order = {field.name: n for n, field in enumerate(scheme.fields)}

    def key(self, doc_id: str, conflict: dict[str, Any]) -> OrderKey:
        doc = self._doc_index[doc_id]
        if conflict.get("kind") == "span":
            start, end = conflict["region"]
            return (doc, 0, start, end, conflict["id"])
        # An item's field (``releases[0].count``) goes with its group; a field's conflicts in
        # the order merge made them (its items' fields, then the group's): by the id's number.
        top = (conflict.get("path") or "").partition("[")[0]
        order = self._field_order.get(top, len(self._field_order))
        number = conflict["id"][1:]
        return (doc, 1, order, int(number) if number.isdigit() else 0, conflict["id"])

    def document_key(self, doc_id: str) -> OrderKey:
        """A key before every conflict of the document (one without any is looked at from
        there: the walk goes on after or before it)."""
        return (self._doc_index[doc_id], -1, 0, 0, "")

    def in_document(self, doc_id: str) -> list[tuple[OrderKey, Place]]:
        """The document's open conflicts in walk order."""
        return sorted(
            (self.key(doc_id, conflict), Place(doc_id, conflict["id"]))
            for conflict in self.records[doc_id].conflicts
        )

    def after(self, key: OrderKey | None) -> Place | None:
        """The first open conflict after ``key`` (None: the very first), wrapping around."""
        if self.records.open_conflicts == 0:
            return None
        first = key[0] if key is not None else 0
        count = len(self.doc_ids)
        for step in range(count + 1):
            doc_id = self.doc_ids[(first + step) % count]
            if not self.records.conflicts(doc_id):
                continue  # without making its record
            for other, place in self.in_document(doc_id):
                if key is None or step > 0 or other > key:
                    return place
        return None

    def before(self, key: OrderKey) -> Place | None:
        """The last open conflict before ``key``, wrapping around."""
        if self.records.open_conflicts == 0:
            return None
        count = len(self.doc_ids)
        for step in range(count + 1):
            doc_id = self.doc_ids[(key[0] - step) % count]
            if not self.records.conflicts(doc_id):
                continue
            for other, place in reversed(self.in_document(doc_id)):
                if step > 0 or other < key:
                    return place
        return None
