"""Settling a conflict by hand (mixed into ``ReviewSession``): a value typed for a field or a
group's items (``review_typed``), a span drawn (``review_drawn_span``), or a
span's value typed (``review_span_value``) when no annotator gave the right one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from annotator.core.form_compare import normal
from annotator.core.forms import field_value, path_words, typed_text
from annotator.core.item_brief import whose
from annotator.core.models import GoldRecord, Span
from annotator.core.review_conflict import find_conflict, value_conflict_span, versions_of
from annotator.core.review_decisions import short, value_text
from annotator.core.review_drawn_span import drawn_value, settle_with_span
from annotator.core.review_item_notices import typed_alike_said
from annotator.core.review_links import Annotations
from annotator.core.review_notices import drawn_notice
from annotator.core.review_outcome import given_by, linked_words
from annotator.core.review_parts import ReviewParts
from annotator.core.review_span_ids import GoldSpanNumbers
from annotator.core.review_span_value import fields_not_following, settled_as_typed
from annotator.core.review_typed import Typed, TypedItem, is_blank, settle_typed
from annotator.core.review_typed_links import ItemLinks, items_said, typed_item_links, words_said
from annotator.core.review_views import Place
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused
from annotator.core.spans import SnapMode


class ReviewByHand(ReviewParts):
    """What ``ReviewSession`` settles with what the reviewer types or draws."""

    scheme: Scheme
    annotations: Mapping[str, Annotations]
    editing: bool
    span_numbers: GoldSpanNumbers
    _notices: list[str]

    def settle_typed(self, typed: Typed) -> Place | None:
        """Settle the current field conflict with a typed value, or a group's with one item
        written by hand (``review_typed``: a ``BadValue`` names the input that is wrong)."""
        if isinstance(typed, str | Mapping):
            settled: list[GoldRecord] = []

            def settle_one(record: GoldRecord, cid: str) -> GoldRecord:
                annotations = self.annotations.get(record.doc_id)
                settled.append(settle_typed(record, cid, typed, self.scheme, annotations))
                return settled[-1]

            def said_one(record: GoldRecord, cid: str) -> str:
                # Said as the other decisions are: without it a typed count's undo read
                # "c2 is open again", what it took back unnamed (a trial).
                path = find_conflict(record, cid).get("path") or ""
                if not isinstance(typed, str) or not settled:
                    return f"settled {cid} with an item typed"
                stored = field_value(settled[-1], path, self.scheme)
                value = typed_text(stored)
                # Its links said too: a typed value may be linked by its words alone.
                linked = " ".join(settled[-1].links.get(path) or [])
                # A value entered as a version gave it (the editor shows the first one's
                # filled in) is theirs, as its undo says it: "(typed)" told a trial's reviewer
                # who pressed enter on it that it was their own.
                versions = versions_of(find_conflict(record, cid))
                how = given_by(versions, stored, linked_words(settled[-1], linked.split()))
                told = (
                    f"settled {cid}: {path_words(path)} = {value or '(empty)'} ({how or 'typed'})"
                )
                return f"{told}, linked to {linked}" if linked else told

            return self._decide(settle_one, said_one)
        items = list(typed)
        added: list[int] = []  # how many items the settling added to the group
        made: list[GoldRecord] = []

        def settle(record: GoldRecord, cid: str) -> GoldRecord:
            annotations = self.annotations.get(record.doc_id)
            after = settle_typed(record, cid, items, self.scheme, annotations)
            group = find_conflict(record, cid).get("path") or ""
            added.append(len(after.form.get(group) or []) - len(record.form.get(group) or []))
            made.append(after)
            return after

        def said(record: GoldRecord, cid: str) -> str:
            told = f"settled {cid} with {items_said(record, cid, items, self.scheme)}"
            # An item gold held already, typed again, is said as taking one is (a trial's
            # enter wrote it twice with no word).
            twice = typed_alike_said(record, made[0], cid, self.scheme)
            told += f"; {twice}" if twice else ""
            # A link the typed words made is said: gold gained it with no link key pressed.
            by_words = words_said(self.typed_item_links(items, record, cid))
            told += f"; {by_words}" if by_words else ""
            # Blank items are left out (gold holds no empty item): said, as a trial's item
            # added with ctrl+n and left blank vanished unsaid.
            left = len(items) - added[0]
            blank = [number + 1 for number, texts in enumerate(items) if is_blank(texts)]
            if left and len(blank) == left:
                told += f"; empty item {', '.join(map(str, blank))} left out"
            elif left:
                told += f"; {left} empty item(s) left out"
            return f"{told} · ctrl+z undoes" if twice else told

        return self._decide(settle, said)

    def typed_item_links(
        self,
        typed: Sequence[TypedItem],
        record: GoldRecord | None = None,
        conflict_id: str | None = None,
    ) -> list[ItemLinks]:
        """The links the current group conflict's typed items (or ``conflict_id``'s in
        ``record``) would have, settled now (``review_typed_links``: the item editor shows
        them beside its inputs)."""
        if record is None or conflict_id is None:
            record, conflict = self.record, self.conflict
            if record is None or conflict is None:
                return [ItemLinks() for _texts in typed]
            conflict_id = conflict["id"]
        annotations = self.annotations.get(record.doc_id)
        return typed_item_links(record, conflict_id, typed, self.scheme, annotations)

    def begin_edit(self) -> None:
        """Start drawing the span that settles the current (span) conflict."""
        conflict = self.conflict
        if conflict is None:
            raise Refused("every conflict is settled")
        if conflict.get("kind") != "span":
            raise Refused(
                f"{conflict.get('path')} is a form field: take one of its versions "
                f"(1–{len(conflict['versions'])}) or type its value"
            )
        self.editing = True

    def cancel_edit(self) -> None:
        self.editing = False

    def edit(self, start: int, end: int, label: str, mode: SnapMode = "token") -> Span:
        """Settle the current span conflict with ``start``..``end`` labelled ``label``."""
        document = self.document()
        doc_date = document.meta.get("date")
        drawn: list[Span] = []

        def settle(record: GoldRecord, conflict_id: str) -> GoldRecord:
            settled, span = settle_with_span(
                record,
                conflict_id,
                document.text,
                start,
                end,
                label,
                self.scheme,
                doc_date=doc_date,
                mode=mode,
                annotations=self.annotations.get(record.doc_id),
                highest=self.span_numbers.highest(record.doc_id),
            )
            drawn.append(span)
            _value, counted = drawn_value(
                record, document.text, span.start, span.end, label, self.scheme, doc_date
            )
            linked = [path for path, ids in settled.links.items() if span.id in ids]
            self._notices.append(
                drawn_notice(record, conflict_id, span, self.scheme, counted, linked)
            )
            return settled

        self._decide(settle)
        return drawn[0]

    def settle_span_value(self, raw: str) -> Place | None:
        """Settle the current conflict over a span's value with the value typed (a date's
        words read as the annotation screen's ``v`` reads them, and said as read)."""

        def settle(record: GoldRecord, conflict_id: str) -> GoldRecord:
            document = self.document(record.doc_id)
            body = value_conflict_span(find_conflict(record, conflict_id)) or {}
            settled, typed = settled_as_typed(
                record,
                conflict_id,
                raw,
                self.scheme,
                self.annotations.get(record.doc_id),
                highest=self.span_numbers.highest(record.doc_id),
                text=document.text,
                doc_date=document.meta.get("date"),
            )
            place = (body.get("start"), body.get("end"), body.get("label"))
            span = next((s for s in settled.spans if (s.start, s.end, s.label) == place), None)
            if span is None:  # take_spans keeps it: a Refused rather than a crash if not
                raise Refused(f"{conflict_id}: the span typed for is not in gold")
            how = "typed" if typed.reading is None else f"typed {typed.reading}"
            # The value ``v`` shows filled in is the first version's: entered as a version
            # gave it, it is theirs, as its undo says it ("= 95 (typed)" misled a trial).
            # Words read as a value (a reading) were typed, and are said so.
            giving = [
                name
                for version in versions_of(find_conflict(record, conflict_id))
                for given in version.get("spans") or []
                if normal(given.get("value")) == normal(span.value)
                for name in version.get("annotators") or []
            ]
            if giving and typed.reading is None:
                how = f"{whose(giving)} value"
            self._notices.append(
                f"settled {conflict_id}: {span.id} {span.label} {short(span.text)} = "
                f"{value_text(span.value)} ({how})"
                + fields_not_following(
                    settled, span, self.annotations.get(record.doc_id), self.scheme
                )
            )
            return settled

        return self._decide(settle)

    def span_value_to_type(self) -> dict[str, Any] | None:
        """The current conflict's span when its versions differ in its value only (``v``)."""
        conflict = self.conflict
        return value_conflict_span(conflict) if conflict is not None else None
