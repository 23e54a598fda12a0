"""Values a record holds in fields the scheme knows, of a kind the field no longer takes.

A scheme changed in the middle of a project may keep a field and change what it takes: a
choice renamed (``sit_in`` became ``occupation``), a count made text, a list made one value, a
range set on a count (``max = 100``: a count of 150 kept). A label may too: a span of a count
keeps -5 once the label's ``min = 0`` is set (``span_values_not_allowed``).
The record still holds the old value, and nothing may drop or change it unasked. A trial's
record holding ``protest_type = "sit_in"`` ended the annotation screen as it opened (its choice
list holds no ``sit_in``), and, that record being the one last worked on, every start after.

As for a field the scheme does not know (``record_unknown``): the value is kept as it is on
disk, the form shows the field empty (``shown_value``) with the value named at its end, and
opening the record and ``d`` say it. Choosing or typing a value replaces it, as in any field;
leaving the field empty leaves it as it was (``session_form.set_field`` compares with what the
form shows).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import orjson

from annotator.core.field_takes import why_not_allowed as why_not_allowed
from annotator.core.forms import field_value, path_words, resolve_path, typed_text
from annotator.core.models import Record
from annotator.core.scheme import Label, Scheme
from annotator.core.value_range import range_why
from annotator.core.values import value_problem


class NotAllowed(NamedTuple):
    """A value at ``path`` (``protest_type``, ``demands[1].by``; ``demands[1]``: an item that
    is no item) that its field does not take, and why, as the form says it."""

    path: str
    value: object
    why: str


def values_not_allowed(record: Record, scheme: Scheme) -> list[NotAllowed]:
    """Each value of ``record``'s form, in a field ``scheme`` knows, that the field does not
    take, in the scheme's order, a group's item by item. Fields the scheme does not know are
    ``record_unknown``'s."""
    found: list[NotAllowed] = []
    for field in scheme.fields:
        if field.name not in record.form:
            continue
        value = record.form[field.name]
        why = why_not_allowed(field, value)
        if why is not None:
            found.append(NotAllowed(field.name, value, why))
            continue
        if field.type != "group" or not isinstance(value, list):
            continue
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                found.append(NotAllowed(f"{field.name}[{index}]", item, "not an item"))
                continue
            for sub in field.fields:
                if sub.name in item and (why := why_not_allowed(sub, item[sub.name])):
                    found.append(
                        NotAllowed(f"{field.name}[{index}].{sub.name}", item[sub.name], why)
                    )
    return found


class SpanNotAllowed(NamedTuple):
    """A span of a label the scheme knows whose value the label does not take, and why."""

    span_id: str
    value: object
    why: str


def span_why_not_allowed(label: Label, value: object) -> str | None:
    """Why a span of ``label`` does not take ``value`` (None: it does, or there is none): a
    count kept from before the label's range was set or narrowed (``range_why``), or a value
    of another type (a label made a date since)."""
    if value is None:
        return None
    if value_problem(label.value_type, value) is not None:
        return "takes no value" if label.value_type == "none" else f"not {_TYPE[label.value_type]}"
    return range_why(label, value)


_TYPE = {"integer": "a whole number", "date": "a date"}


def span_values_not_allowed(record: Record, scheme: Scheme) -> list[SpanNotAllowed]:
    """Each span of ``record``, of a label ``scheme`` knows, whose value the label does not
    take, in the record's order. A trial's count span kept -5 after the scheme set min = 0:
    the span list said ``s3 95 = -5`` and nothing else did, and validate, agree and merge
    refused the journal. Such a value is kept as it is, and said where a field's is."""
    found: list[SpanNotAllowed] = []
    for span in record.spans:
        label = scheme.label(span.label)
        why = span_why_not_allowed(label, span.value) if label is not None else None
        if why is not None:
            found.append(SpanNotAllowed(span.id, span.value, why))
    return found


def span_not_allowed_words(found: SpanNotAllowed) -> str:
    """``span s3 = -5 (less than its min = 0)``."""
    return f"span {found.span_id} = {value_words(found.value)} ({found.why})"


def not_allowed_words(found: NotAllowed) -> str:
    """``protest_type = sit_in (not a choice)``, an item counted from 1 (``demands #2 by``)."""
    return f"{path_words(found.path)} = {value_words(found.value)} ({found.why})"


def value_words(value: object) -> str:
    """A kept value as an input would show it (a list comma-separated), else as JSON (a
    bool as ``true``, as the journal holds it)."""
    scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
    if scalar or (isinstance(value, list) and all(isinstance(item, str) for item in value)):
        return typed_text(value) or '""'
    return orjson.dumps(value).decode()


def shown_value(record: Record, path: str, scheme: Scheme) -> Any:
    """The value the form shows at ``path``: the field's value (``forms.field_value``), or
    empty (None, [] for a list) when the field does not take it, nor its item is one."""
    top, index, leaf = resolve_path(scheme, path)
    empty: Any = [] if leaf.type in ("list", "group") else None
    if index is not None and why_not_allowed(top, record.form.get(top.name)) is not None:
        return empty  # no list of items: no item (an item that is none reads as empty)
    value = field_value(record, path, scheme)
    return empty if why_not_allowed(leaf, value) is not None else value
