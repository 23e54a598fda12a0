"""Settling a form-field conflict with what the reviewer types, when no version is right.

A plain field (choice, text, integer, date, list) takes one typed value; a repeatable group
takes one item written by hand, a text per sub-field, which is appended to gold's items (the
conflict's versions are not taken). Typed text is read as the annotation screen reads it: a
list is comma-separated, then ``forms.coerce_field_value`` checks it (a choice must be one of
the field's choices, an integer is digits, a date ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``).

Refusals (``BadValue``, a ``Refused``) say what is wrong in one line and name the field, so the
screen can keep the input open on it. An empty value clears a field that is not required (as
taking an empty version does); a required field, a required sub-field or an item with nothing
typed is refused. The record is made by ``review_decisions.settled_record``, as for every other
decision: the conflict is removed, the status set, links carried by ``merge``'s rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from annotator.core import forms
from annotator.core.errors import AnnotatorError
from annotator.core.models import GoldRecord
from annotator.core.review_decisions import Conflict, field_of, find_conflict, settled_record
from annotator.core.review_links import Annotations
from annotator.core.scheme import FormField, Scheme
from annotator.core.session_edits import Refused

Typed = str | Mapping[str, str]
"""A plain field's typed text, or a group item's: sub-field name -> its typed text."""


class BadValue(Refused):
    """A typed value the field refuses; ``field`` names the (sub-)field whose input is wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def typed_text(value: Any) -> str:
    """A stored value as an input shows it (a list comma-separated, nothing as "")."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def typed_value(field: FormField, typed: str) -> Any:
    """``typed`` as ``field`` stores it (None or [] when empty), or ``BadValue``."""
    value: Any = typed
    if field.type == "list":
        value = forms.typed_list(typed)
    try:
        return forms.coerce_field_value(field, value)
    except AnnotatorError as error:
        said = str(error)
        # "'swap' is not a choice of kind (...)" and "kind takes text" name the field already;
        # "expected a whole number like 146" does not.
        names_it = field.type == "choice" or said.startswith(f"{field.name} ")
        named = said if names_it else f"{field.name}: {said}"
        raise BadValue(field.name, named) from None


def first_left_over(conflict: Conflict) -> dict[str, Any]:
    """A group conflict's first left-over item: of the first version holding one ({}: none)."""
    for version in conflict.get("versions") or []:
        for item in version.get("value") or []:
            if isinstance(item, dict):
                return item
    return {}


def prefill(conflict: Conflict, scheme: Scheme) -> Typed:
    """What the inputs start with: the first version's value, or for a group the first
    left-over item's sub-fields."""
    field = field_of(scheme, conflict)
    if field.type == "group":
        item = first_left_over(conflict)
        return {sub.name: typed_text(item.get(sub.name)) for sub in field.fields}
    versions = conflict.get("versions") or [{}]
    return typed_text(versions[0].get("value"))


def group_item(group: FormField, typed: Mapping[str, str]) -> dict[str, Any]:
    """One item of ``group`` from a typed text per sub-field (a sub-field not given is empty)."""
    unknown = sorted(set(typed) - {sub.name for sub in group.fields})
    if unknown:
        raise Refused(f"{group.name} items have no field {', '.join(unknown)}")
    item = {sub.name: typed_value(sub, typed.get(sub.name, "")) for sub in group.fields}
    if all(value in (None, []) for value in item.values()):
        raise BadValue(
            group.fields[0].name,
            f"the item is empty: type at least one field of {group.name} (escape cancels)",
        )
    for sub in group.fields:
        if sub.required and item[sub.name] in (None, []):
            raise BadValue(sub.name, f"{sub.name} is required in every item of {group.name}")
    return item


def settle_typed(
    record: GoldRecord,
    conflict_id: str,
    typed: Typed,
    scheme: Scheme,
    annotations: Annotations | None = None,
) -> GoldRecord:
    """Settle a field conflict with a typed value (a plain field) or one item written by hand
    (a group: ``typed`` maps its sub-fields to their texts); see the module docstring."""
    conflict = find_conflict(record, conflict_id)
    if conflict.get("kind") == "span":
        raise Refused("a span conflict is settled by drawing the span (e, then a label key)")
    field = field_of(scheme, conflict)
    form = dict(record.form)
    if field.type == "group":
        if isinstance(typed, str):
            raise Refused(f"{field.name} is a repeatable group: write one item, a value a field")
        form[field.name] = [*(form.get(field.name) or []), group_item(field, typed)]
        return settled_record(record, conflict, scheme, annotations, form=form)
    if not isinstance(typed, str):
        raise Refused(f"{field.name} takes one value, not an item")
    value = typed_value(field, typed)
    if value in (None, []):
        if field.required:
            raise BadValue(field.name, f"{field.name} is required: {_what_to_type(field)}")
        form.pop(field.name, None)
    else:
        form[field.name] = value
    return settled_record(record, conflict, scheme, annotations, form=form)


def _what_to_type(field: FormField) -> str:
    if field.type == "choice":
        return f"type one of {', '.join(field.choices)}"
    return "type its value (escape cancels)"


def hint(field: FormField) -> str:
    """What a field's input takes, said under it."""
    if field.type == "choice":
        return f"one of: {', '.join(field.choices)}"
    return {
        "integer": "a whole number, like 146",
        "date": "YYYY-MM-DD, YYYY-MM or YYYY",
        "list": "comma-separated",
        "text": "text",
    }.get(field.type, "")
