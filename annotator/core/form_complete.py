"""Whether a record's form is complete: the required fields filled (``empty_required``, at the
top of the form and in every group item) and no group item holding nothing (``empty_items``).
``d`` refuses a record that is not, and a ``done`` record must be: ``validate`` says each
empty required field by this same rule and warns of empty items, review checks it, and import,
merge and compare refuse a done record by it too (``validate.form_problems``, and in their fast
reading ``form_lines.FormCheck``, the same rule for decoded forms).

A required field keeping a value it no longer takes (``field_takes``: a choice renamed in the
scheme) is not filled either: the form shows it empty, ``d`` refuses it saying the value kept
(``required_kept_words``), and ``validate`` says the value (the form model refuses it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from annotator.core.field_takes import value_said, why_not_allowed
from annotator.core.form_compare import empty_item_indexes
from annotator.core.form_compare import is_empty as is_empty
from annotator.core.models import Record
from annotator.core.scheme import FormField, Scheme


class EmptyRequired(NamedTuple):
    """A required field left empty: a field of the form (``item`` and ``sub`` None), or the
    field ``sub`` of item ``item`` (0-based) of the group ``field``."""

    field: str
    item: int | None = None
    sub: str | None = None
    # Not empty, but a value the field does not take (``field_takes.why_not_allowed``: "not a
    # choice"), kept as it is on disk; None: empty.
    why: str | None = None
    value: object = None

    @property
    def path(self) -> str:
        """As ``d`` names it, and as links are keyed: ``releases[0].count``."""
        return self.field if self.sub is None else f"{self.field}[{self.item}].{self.sub}"

    @property
    def dotted(self) -> str:
        """As pydantic and ``validate`` name it, under ``form.``: ``releases.0.count``."""
        return self.field if self.sub is None else f"{self.field}.{self.item}.{self.sub}"


def empty_required(record: Record, scheme: Scheme) -> list[EmptyRequired]:
    """The required fields still empty (``is_empty``: spaces are no answer) or keeping a value
    they do not take (``EmptyRequired.why``), in the scheme's order and item by item; a
    required group needs at least one item. The one rule of a done
    record's form: ``d`` refuses while there is any (``missing_required``), and ``validate``
    says each in a done record (``validate.every_form_problem``), as import, merge and compare
    refuse it (``validate.form_problems``; ``form_lines.FormCheck`` keeps the same rule)."""
    missing: list[EmptyRequired] = []
    form = record.form
    for field in scheme.fields:
        value = form.get(field.name)
        if field.required and (place := _unanswered(field, value, EmptyRequired(field.name))):
            missing.append(place)  # a group: no item, or no list of items
        if field.type != "group" or not isinstance(value, list):
            continue
        for index, item in enumerate(value):
            values = item if isinstance(item, dict) else {}
            for sub in field.fields:
                place = EmptyRequired(field.name, index, sub.name)
                if sub.required and (place := _unanswered(sub, values.get(sub.name), place)):
                    missing.append(place)
    return missing


def _unanswered(field: FormField, value: object, place: EmptyRequired) -> EmptyRequired | None:
    """``place`` when ``value`` is no answer to ``field``: empty (``is_empty``), or a value
    the field does not take (``why_not_allowed``), which ``place`` then names."""
    if is_empty(value):
        return place
    why = why_not_allowed(field, value)
    return None if why is None else place._replace(why=why, value=value)


def missing_required(record: Record, scheme: Scheme) -> list[str]:
    """Paths (``releases[0].count``) of the required fields still empty, or keeping a value
    they do not take (``empty_required``)."""
    return [place.path for place in empty_required(record, scheme)]


def required_kept_words(place: EmptyRequired, named: str) -> str:
    """Why ``d`` refuses a required field keeping a value it does not take (``place.why``),
    the field ``named`` as the screen names it: ``protest_type is required: 'sit_in' is not
    one of its choices; choose one``. The form shows such a field empty: without the value
    said, "fill protest_type" over a field that looks filled in the journal would puzzle."""
    shown = value_said(place.value)
    if place.why == "not a choice":
        return f"{named} is required: {shown} is not one of its choices; choose one"
    if place.why == "not a list of items":
        return f"{named} is required: {shown} is {place.why}; add one"
    return f"{named} is required: {shown} is {place.why}; type one"


def unanswered_words(places: Sequence[EmptyRequired]) -> str:
    """What ``places`` (``empty_required``'s) lack, as the review says it of a document with
    no conflict left: ``releases[0].count is empty``, and a value kept that the field does
    not take by its value (``code holds '9' (not a choice)``)."""
    empty = [place.path for place in places if place.why is None]
    said = [f"{', '.join(empty)} is empty"] if empty else []
    said += [
        f"{place.path} holds {value_said(place.value)} ({place.why})"
        for place in places
        if place.why is not None
    ]
    return "; ".join(said)


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
