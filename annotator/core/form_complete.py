"""Whether a record's form is complete: the required fields filled (``missing_required``) and no
group item holding nothing (``empty_items``). ``d`` refuses a record that is not, and a
``done`` record must be (``validate``, merge and review check it)."""

from __future__ import annotations

from typing import Any

from annotator.core.models import Record
from annotator.core.scheme import Scheme


def is_empty(value: Any) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def missing_required(record: Record, scheme: Scheme) -> list[str]:
    """Paths of the required fields still empty (a required group needs at least one item)."""
    missing: list[str] = []
    form = record.form
    for field in scheme.fields:
        if field.type != "group":
            if field.required and is_empty(form.get(field.name)):
                missing.append(field.name)
            continue
        items = form.get(field.name)
        items = items if isinstance(items, list) else []
        if field.required and not items:
            missing.append(field.name)
        for index, item in enumerate(items):
            values = item if isinstance(item, dict) else {}
            for sub in field.fields:
                if sub.required and is_empty(values.get(sub.name)):
                    missing.append(f"{field.name}[{index}].{sub.name}")
    return missing


def empty_items(record: Record, scheme: Scheme) -> list[str]:
    """Paths (``releases[2]``) of the group items that hold nothing: every field empty and no
    link to any of them. ``add_group_item`` makes such an item; left so, it says nothing
    (a count linked to "hundreds", with no value, is not empty: it says where the count is).
    ``d`` refuses them, and ``validate`` warns of them in a done record."""
    empty: list[str] = []
    for field in scheme.fields:
        if field.type != "group":
            continue
        items = record.form.get(field.name)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue  # not an item at all: form_problems says so
            prefix = f"{field.name}[{index}]."
            if any(not is_empty(value) for value in item.values()):
                continue
            if any(path.startswith(prefix) and ids for path, ids in record.links.items()):
                continue
            empty.append(f"{field.name}[{index}]")
    return empty


def is_empty_item(item: Any) -> bool:
    """A group item (a dict) whose every field is empty."""
    return isinstance(item, dict) and all(is_empty(value) for value in item.values())
