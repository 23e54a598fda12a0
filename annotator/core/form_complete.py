"""Whether a record's form is complete: the required fields filled (``missing_required``) and no
group item holding nothing (``empty_items``). ``d`` refuses a record that is not, and a
``done`` record must be (``validate``, merge and review check it)."""

from __future__ import annotations

from annotator.core.form_compare import empty_item_indexes
from annotator.core.form_compare import is_empty as is_empty
from annotator.core.models import Record
from annotator.core.scheme import Scheme


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
    link to any of them, by the one rule of ``form_compare`` (which leaves such items out of
    every comparison and out of gold). ``add_group_item`` makes such an item; left so, it says
    nothing (a count linked to "hundreds", with no value, is not empty: it says where the count
    is). ``d`` refuses them, and ``validate`` warns of them in a done record."""
    empty: list[str] = []
    for field in scheme.fields:
        if field.type != "group":
            continue
        items = record.form.get(field.name)
        if not isinstance(items, list):
            continue  # not a list of items: form_problems says so
        empty.extend(
            f"{field.name}[{index}]"
            for index in empty_item_indexes(record.form, field, record.links)
        )
    return empty
