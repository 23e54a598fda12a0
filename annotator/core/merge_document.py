"""One document's merge, by the rules in ``merge``'s docstring: the gold record's fields.

``GoldBuilder(unit, min_agree, scheme).data(reviewer, now)`` is the gold record as a plain
dict with every field of ``GoldRecord`` in the model's order (span dicts and ``sources`` too),
so that it can be checked and written as a line without making a model (``goldfile.gold_line``)
or made into one (``merge.merge_units``); both give the same line. The spans are merged by
``merge_spans.SpanMerge``, the form by ``merge_form.FormMerge``.
"""

from __future__ import annotations

from typing import Any

from annotator.core.compare import Unit
from annotator.core.form_compare import without_empty_items
from annotator.core.merge_form import FormMerge
from annotator.core.merge_outvoted import OutvotedNotes
from annotator.core.merge_spans import SpanMerge
from annotator.core.models import SCHEMA_VERSION
from annotator.core.scheme import Scheme


class GoldBuilder(SpanMerge, FormMerge):
    """One document's merge: accepted spans and fields, conflicts, links."""

    def __init__(self, unit: Unit, min_agree: int | None, scheme: Scheme) -> None:
        """``min_agree``: K, or None for every annotator of the document."""
        self.unit = unit
        self.names = list(unit.records)  # sorted by name (``Unit``)
        self.rule: int | str = min_agree or "all"
        self.threshold = min_agree or len(unit.records)
        self.scheme = scheme
        self.spans = []
        self.sources = {}
        self.span_ids = {}
        self.conflicts = []
        self.form = {}
        self.links = {}
        self.gold_labels = {}
        self.spans_by_id = {}
        self.forms = {name: record.form for name, record in unit.records.items()}
        self.their_links = {name: record.links for name, record in unit.records.items()}
        self.linked = any(self.their_links.values())
        self.outvoted = OutvotedNotes(unit.doc_id)

    def notes(self) -> str:
        """The annotators' notes for the reviewer, each beginning a line with its author's name
        (``alice: figures disputed``); a note's further lines are indented under it, so that
        every line not indented names who wrote what follows. Then the notes of records not
        done, their status beside the name (``carol (skipped): no release``)."""
        records = self.unit.records
        if not self.unit.unfinished_notes and not any(record.note for record in records.values()):
            return ""  # most documents: none to join
        notes = [(name, record.note) for name, record in records.items()]
        for name, (status, note) in self.unit.unfinished_notes.items():
            notes.append((f"{name} ({status.replace('_', ' ')})", note))
        return "\n".join(
            f"{who}: " + "\n  ".join(note.splitlines()) for who, note in notes if note.strip()
        )

    def data(self, reviewer: str, now: str) -> dict[str, Any]:
        """The gold record's fields, every one in ``GoldRecord``'s order (see the docstring)."""
        self.merge_spans()
        self.merge_form()
        if not self.conflicts:
            # Done gold holds no empty item: an agreed item whose only link is to a span that
            # is not gold holds nothing here (rare: K annotators marked no span there).
            self.form, self.links = without_empty_items(self.form, self.links, self.scheme)
        for number, conflict in enumerate(self.conflicts, start=1):
            conflict["id"] = f"c{number}"
        empty_required = any(
            field.required and self.form.get(field.name) in (None, "", [])
            for field in self.scheme.fields
        )
        return {
            "schema_version": SCHEMA_VERSION,
            "doc_id": self.unit.doc_id,
            "doc_sha256": self.unit.sha256,
            "annotator": reviewer,
            "status": "in_progress" if self.conflicts or empty_required else "done",
            "spans": self.spans,
            "flagged": any(record.flagged for record in self.unit.records.values()),
            "form": self.form,
            "links": self.links,
            "note": self.notes(),
            "updated_at": now,
            "seconds_spent": 0.0,
            "sources": {
                "annotators": self.names,
                "spans": self.sources,
                "versions": {name: record.version for name, record in self.unit.records.items()},
                "min_agree": self.rule,
            },
            "conflicts": self.conflicts,
        }
