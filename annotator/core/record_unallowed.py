"""Values a record holds in fields the scheme knows, of a kind the field no longer takes.

A scheme changed in the middle of a project may keep a field and change what it takes: a
choice renamed (``sit_in`` became ``occupation``), a count made text, a list made one value.
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
from annotator.core.scheme import Scheme


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
