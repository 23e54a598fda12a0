"""Settling a span conflict with a span the reviewer drew by hand (``settle_with_span``).

The span is snapped like the annotation screen's selections and must lie inside or across the
conflict's region. Its value is read from its words as the annotation screen reads a new span's
(``drawn_value``: ``spans.suggest_value``, and a date such as "two days later" counted from the
nearest date before it: a gold date span's value, else a date in the text, else the dateline, as
``normalise_relative`` says), whatever a version gave (the first version's value, taken before,
was the one in dispute); its ``sources.spans`` entry names the annotators who marked exactly
that span, with the value it gets (none: drawn by the reviewer alone). It replaces every
version: ``review_notices`` says the value written and the versions' other spans it drops, so
the reviewer knows what they gave up. The record is made by ``review_decisions.settled_record``,
as for every other decision.
"""

from __future__ import annotations

from annotator.core.errors import AnnotatorError
from annotator.core.form_compare import normal
from annotator.core.models import GoldRecord, Span
from annotator.core.normalise_relative import date_spans, relative_date
from annotator.core.review_conflict import find_conflict, versions_of
from annotator.core.review_decisions import keys_hint, new_span_id, settled_record
from annotator.core.review_links import Annotations
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused
from annotator.core.spans import SnapMode, snap_selection, sort_key, suggest_value
from annotator.core.value_range import in_range_or_none


def settle_with_span(
    record: GoldRecord,
    conflict_id: str,
    text: str,
    start: int,
    end: int,
    label: str,
    scheme: Scheme,
    *,
    doc_date: str | None = None,
    mode: SnapMode = "token",
    annotations: Annotations | None = None,
    highest: int = 0,
) -> tuple[GoldRecord, Span]:
    """Settle a span conflict with one span drawn by hand over ``text[start:end]``;
    ``highest``: the highest span number the document's gold has had (its id is above it:
    ``review_decisions.new_span_id``)."""
    conflict = find_conflict(record, conflict_id)
    if conflict.get("kind") != "span":
        raise Refused(
            f"{conflict.get('path')} is a form field: take one of its versions "
            f"({keys_hint(conflict)}); drawing a span settles span conflicts"
        )
    label_def = scheme.label(label)
    if label_def is None:
        raise Refused(f"unknown label {label!r}")
    try:
        snapped = snap_selection(text, start, end, mode)
    except AnnotatorError as error:
        raise Refused(str(error)) from None
    if snapped is None:
        raise Refused("select the words of the span first (shift+arrows or the mouse)")
    low, high = snapped
    region_start, region_end = conflict["region"]
    if not (low < region_end and high > region_start):
        raise Refused(
            f"the span must lie inside or across the conflict's words "
            f"({text[region_start:region_end]!r}); escape, then e, selects them again"
        )
    for span in record.spans:
        if (span.start, span.end, span.label) == (low, high, label):
            raise Refused(
                f"{span.text!r} is already gold as {label} ({span.id}): "
                "press r to reject the versions instead"
            )
    span_text = text[low:high]
    value, _counted = drawn_value(record, text, low, high, label, scheme, doc_date)
    # Credited: who marked this very span, with the value it has now (a trial's drawn 2
    # credited carol, who gave 3).
    same = [
        version
        for version in versions_of(conflict)
        for body in version.get("spans") or []
        if (body["start"], body["end"], body["label"]) == (low, high, label)
        and normal(body.get("value")) == normal(value)
    ]
    who = list(dict.fromkeys(name for version in same for name in version["annotators"]))
    span = Span(
        id=new_span_id(record.spans, highest),
        start=low,
        end=high,
        label=label,
        text=span_text,
        value=value,
    )
    spans = sorted([*record.spans, span], key=sort_key)
    sources = {**record.sources.spans, span.id: who}
    settled = settled_record(
        record,
        conflict,
        scheme,
        annotations,
        spans=[one.model_dump() for one in spans],
        sources={**record.sources.model_dump(), "spans": sources},
    )
    return settled, span


def drawn_value(
    record: GoldRecord,
    text: str,
    start: int,
    end: int,
    label: str,
    scheme: Scheme,
    doc_date: str | None,
) -> tuple[int | str | None, str | None]:
    """The value a span drawn over ``text[start:end]`` labelled ``label`` gets in ``record``
    (the gold record it is drawn in), and, for a date counted from an earlier one, where from
    (``2 days after 2023-08-06 (s1)``, or why it has none), as the annotation screen says it;
    None for a value read from its words alone."""
    label_def = scheme.label(label)
    if label_def is None:
        return None, None
    value = in_range_or_none(
        label_def, suggest_value(text[start:end], label_def.value_type, doc_date)
    )
    if value is not None or label_def.value_type != "date":
        return value, None
    # Gold's date spans are the labelled dates counted from: the versions' spans in dispute
    # are not gold (the drawn span replaces them).
    counted = relative_date(text, start, end, date_spans(record.spans, scheme), doc_date)
    return (None, None) if counted is None else counted
