"""Whether a record's form is complete: the required fields filled (``empty_required``, at the
top of the form and in every group item) and no group item holding nothing (``empty_items``).
``d`` refuses a record that is not, and a ``done`` record must be: ``validate`` says each
empty required field by this same rule and warns of empty items, review checks it, and import,
merge and compare refuse a done record by it too (``validate.form_problems``, and in their fast
reading ``form_lines.FormCheck``, the same rule for decoded forms)."""

from __future__ import annotations

from typing import NamedTuple

from annotator.core.form_compare import empty_item_indexes
from annotator.core.form_compare import is_empty as is_empty
from annotator.core.models import Record
from annotator.core.scheme import Scheme


class EmptyRequired(NamedTuple):
    """A required field left empty: a field of the form (``item`` and ``sub`` None), or the
    field ``sub`` of item ``item`` (0-based) of the group ``field``."""

    field: str
    item: int | None = None
    sub: str | None = None

    @property
    def path(self) -> str:
        """As ``d`` names it, and as links are keyed: ``releases[0].count``."""
        return self.field if self.sub is None else f"{self.field}[{self.item}].{self.sub}"

    @property
    def dotted(self) -> str:
        """As pydantic and ``validate`` name it, under ``form.``: ``releases.0.count``."""
        return self.field if self.sub is None else f"{self.field}.{self.item}.{self.sub}"


def empty_required(record: Record, scheme: Scheme) -> list[EmptyRequired]:
    """The required fields still empty (``is_empty``: spaces are no answer), in the scheme's
    order and item by item; a required group needs at least one item. The one rule of a done
    record's form: ``d`` refuses while there is any (``missing_required``), and ``validate``
    says each in a done record (``validate.every_form_problem``), as import, merge and compare
    refuse it (``validate.form_problems``; ``form_lines.FormCheck`` keeps the same rule)."""
    missing: list[EmptyRequired] = []
    form = record.form
    for field in scheme.fields:
        if field.type != "group":
            if field.required and is_empty(form.get(field.name)):
                missing.append(EmptyRequired(field.name))
            continue
        items = form.get(field.name)
        items = items if isinstance(items, list) else []
        if field.required and not items:
            missing.append(EmptyRequired(field.name))
        for index, item in enumerate(items):
            values = item if isinstance(item, dict) else {}
            for sub in field.fields:
                if sub.required and is_empty(values.get(sub.name)):
                    missing.append(EmptyRequired(field.name, index, sub.name))
    return missing


def missing_required(record: Record, scheme: Scheme) -> list[str]:
    """Paths (``releases[0].count``) of the required fields still empty (``empty_required``)."""
    return [place.path for place in empty_required(record, scheme)]


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
