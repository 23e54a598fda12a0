"""Typing the value that settles a conflict over a span's value, when no annotator gave it.

Annotators who mark the same words under the same label may give them different values
("Saturday evening": 2023-11-11 or 2023-11-12); ``merge`` leaves such a span in a conflict
whose versions differ in value only. Taking a version gives one of their values, and drawing
the span (``e``) gives the value its words give; a trial's reviewer found no way to write a
value that neither gave. ``settle_span_value`` takes the versions' span with the value typed,
read as the annotation screen's ``v`` reads it (``typed_integer``, ``typed_date``); its
``sources.spans`` names the annotators who gave that very value (none: the reviewer's alone).
"""

from __future__ import annotations

from annotator.core.errors import AnnotatorError
from annotator.core.form_compare import normal
from annotator.core.models import GoldRecord
from annotator.core.normalise import typed_span_value
from annotator.core.review_decisions import (
    find_conflict,
    take_spans,
    value_conflict_span,
)
from annotator.core.review_links import Annotations
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused


def span_value(scheme: Scheme, label: str, raw: str) -> int | str | None:
    """What ``raw`` is as a value of a ``label`` span; Refused with why when it is none."""
    found = scheme.label(label)
    if found is None or found.value_type == "none":
        raise Refused(f"{label} spans take no value")
    try:
        value: int | str | None = typed_span_value(found.value_type, raw)
    except AnnotatorError as error:
        raise Refused(f"{label}: {error}") from None
    return value


def settle_span_value(
    record: GoldRecord,
    conflict_id: str,
    raw: str,
    scheme: Scheme,
    annotations: Annotations | None = None,
) -> GoldRecord:
    """Settle a conflict over a span's value with the value typed (see the module docstring)."""
    conflict = find_conflict(record, conflict_id)
    body = value_conflict_span(conflict)
    if body is None:
        raise Refused(
            "v types a span's value where the versions differ in value only; here they differ "
            "in words or label: take a version, or draw the span (e)"
        )
    value = span_value(scheme, body["label"], raw)
    who = [
        name
        for version in conflict.get("versions") or []
        for given in version.get("spans") or []
        if normal(given.get("value")) == normal(value)
        for name in version.get("annotators") or []
    ]
    chosen = [{"spans": [{**body, "value": value}], "annotators": who}]
    return take_spans(record, conflict, chosen, scheme, annotations)
