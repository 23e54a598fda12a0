"""Taking versions of a top-level list field's conflict (``t``, or a number key): the union of
their lists, in the order of the spans their annotators link its items to in the text, and
those links, as a list field of an item is taken (``review_item_field``).

A version's links are read from the annotators' records (``annotations``): each version's
first annotator by name whose links there reach a gold span gives the version's links, to the
gold spans among them, as merge picks an answer's links (now, with gold's spans as they are);
without those records, from the links the version carries (``merge_form``). Where the items
are in the text is told by every span the versions' annotators link them to, gold or not. A
trial's ``t`` on a list gave the versions' lists one after the other (alice's "Ukraine"
before bob's "Russia", the first in the text) and no link at all: no annotator gave the
union, so merge's rule carried none.
Without the annotators' records the union keeps the versions' order.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from annotator.core.form_compare import normal
from annotator.core.list_links import ids_in_text_order, in_text_order
from annotator.core.models import GoldRecord, Span
from annotator.core.review_links import Annotations, SpanFields, gold_ids_of
from annotator.core.scheme import FormField


def taken_list(
    record: GoldRecord,
    field: FormField,
    chosen: Sequence[Mapping[str, Any]],
    annotations: Annotations | None,
) -> tuple[list[Any], dict[str, list[str]]]:
    """The list the ``chosen`` versions give ``field`` (their union, in text order) and its
    links (``{field.name: ids}``, none when no version's reach gold)."""
    merged: dict[Hashable, Any] = {}
    for version in chosen:
        for item in version.get("value") or []:
            merged.setdefault(normal(item), item)
    linked = [
        _as_span(span)
        for version in chosen
        for name in sorted(version.get("annotators") or [])
        for span in _linked_by(annotations, name, field)
    ]
    ids: list[str] = []
    for version in chosen:
        ids.extend(
            one for one in version_gold_ids(record, field, version, annotations) if one not in ids
        )
    value = in_text_order(list(merged.values()), linked)
    return value, ({field.name: ids_in_text_order(record, ids)} if ids else {})


def version_gold_ids(
    record: GoldRecord,
    field: FormField,
    version: Mapping[str, Any],
    annotations: Annotations | None,
) -> list[str]:
    """The gold spans a top-level field's ``version`` links it to: those of its first
    annotator by name whose links there reach gold (without their records: the version's)."""
    if annotations is None:
        return gold_ids_of(record, (version.get("links") or {}).get(field.name) or [], field)
    gold_ids = {(s.start, s.end, s.label, s.value): s.id for s in record.spans}
    for name in sorted(version.get("annotators") or []):
        theirs = [
            gold_ids.get((s.start, s.end, s.label, s.value))
            for s in _linked_by(annotations, name, field)
        ]
        gold = [one for one in theirs if one is not None]
        if gold:
            return gold
    return []


def _linked_by(annotations: Annotations | None, name: str, field: FormField) -> list[SpanFields]:
    """The spans of ``field``'s label that ``name`` links ``field`` to (none unknown)."""
    work = (annotations or {}).get(name)
    if work is None:
        return []
    wanted = set((work.links or {}).get(field.name) or [])
    return [span for span in work.spans if span.id in wanted and span.label == field.from_label]


def _as_span(span: SpanFields) -> Span:
    return Span(
        id=span.id,
        start=span.start,
        end=span.end,
        label=span.label,
        text=span.text,
        value=span.value,
    )
