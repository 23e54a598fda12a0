"""A journal line's form, decoded and checked in C: ``FormCheck``.

``record_lines.LineCheck`` decodes a record's fields with msgspec; its form comes as JSON text.
Reading that text with orjson and checking it with the scheme's pydantic form model
(``Scheme.form_model``) cost as much as decoding the rest of the record. ``FormCheck`` decodes
it instead into msgspec structs made from the scheme's fields, with the model's rules: strict
types (no "146" for an integer, no 1.0, no true), a choice one of the field's choices, unknown
fields refused, an integer within the field's min and max, a list of strings or a group's
items never null, and a date ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` that is a calendar date
(``values.check_date``, remembered per date); in a done record, no required field empty, at
the top nor in a group's item, by the rule of ``form_complete.empty_required`` (spaces are no
answer), as ``validate.form_problems`` says it.

Like ``LineCheck`` it answers only "valid" or "ask the model": never more lenient, and stricter
where the two differ (integers within 64 bits, as orjson reads them; dates in ASCII digits, where
the model's ``\\d`` also takes other digits). Tests hold it to the form model.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

import msgspec
from msgspec import UNSET, Meta, UnsetType
from pydantic import BaseModel

from annotator.core.scheme import FormField, Scheme
from annotator.core.values import check_date

# orjson (the models' reader) reads a whole number outside 64 bits as a float, which the models
# then refuse as an int; msgspec would read it as a Python int. Bounded to int64, such a number
# is refused by the structs too (``record_lines`` bounds its integers with the same).
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
Integer = Annotated[int, Meta(ge=INT64_MIN, le=INT64_MAX)]
# values._DATE_RE as a pattern: ASCII digits, the whole value (no final newline).
_Date = Annotated[str, Meta(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")]


def _field_type(field: FormField, dates: list[tuple[str, ...]], path: tuple[str, ...]) -> Any:
    """The msgspec type of one field: absent (UNSET) is allowed wherever the model has a
    default, null wherever the model takes None."""
    if field.type == "choice":
        return Literal[tuple(field.choices)] | None | UnsetType
    if field.type == "text":
        return str | None | UnsetType
    if field.type == "integer":
        if field.min is None and field.max is None:
            return Integer | None | UnsetType
        # The scheme's range (``value_range``), which the scheme holds within 64 bits.
        low = INT64_MIN if field.min is None else field.min
        high = INT64_MAX if field.max is None else field.max
        return Annotated[int, Meta(ge=low, le=high)] | None | UnsetType
    if field.type == "date":
        dates.append((*path, field.name))
        return _Date | None | UnsetType
    if field.type == "list":
        return list[str] | UnsetType
    item = _struct(f"{field.name}_item", field.fields, dates, (*path, field.name, "*"))
    return list[item] | UnsetType  # type: ignore[valid-type]


def _struct(
    name: str, fields: list[FormField], dates: list[tuple[str, ...]], path: tuple[str, ...]
) -> type[msgspec.Struct]:
    # gc=False: a form holds strings, ints, lists and its items, never itself.
    return msgspec.defstruct(
        name,
        [(field.name, _field_type(field, dates, path), UNSET) for field in fields],
        forbid_unknown_fields=True,
        gc=False,
    )


class FormCheck:
    """``fine(raw, done)``: whether a form's JSON text is valid for the scheme's form model,
    and, in a done record, complete: each required field filled, at the top of the form and in
    every group item, by the one rule of ``form_complete.empty_required`` (which ``d`` and
    ``validate`` hold a done record to)."""

    def __init__(self, scheme: Scheme) -> None:
        # Each date field's place: (field,) or (group, "*", field).
        self.dates: list[tuple[str, ...]] = []
        self.decoder = msgspec.json.Decoder(_struct("form", scheme.fields, self.dates, ()))
        # The same, split: dates at the top, and (group, field) of dates in a group's items.
        self.top_dates = [place[0] for place in self.dates if len(place) == 1]
        self.item_dates = [(place[0], place[2]) for place in self.dates if len(place) == 3]
        self.calendar: set[str] = set()  # dates known to be calendar dates
        # Only while the form model has exactly the scheme's fields does this check stand
        # for it (pydantic would take some names for its own).
        self.usable = _model_fields(scheme.form_model) == _scheme_fields(scheme.fields)
        # A required group is required at the top (at least one item); its items' required
        # fields are each item's.
        self.required = [field.name for field in scheme.fields if field.required]
        self.required_in_items = [
            (field.name, names)
            for field in scheme.fields
            if field.type == "group"
            and (names := [sub.name for sub in field.fields if sub.required])
        ]

    def fine(self, raw: Any, done: bool) -> bool:
        """Whether the form text ``raw`` is valid, and, when ``done``, no required field is
        empty (``_empty``)."""
        if not self.usable:
            return False
        try:
            form = self.decoder.decode(raw)
        except msgspec.DecodeError:
            return False
        if done and not self._complete(form):
            return False
        return not self.dates or self._dates_fine(form)

    def _complete(self, form: Any) -> bool:
        for name in self.required:
            if _empty(getattr(form, name)):
                return False
        for group, names in self.required_in_items:
            items = getattr(form, group)
            if items is UNSET:
                continue
            for item in items:
                for name in names:
                    if _empty(getattr(item, name)):
                        return False
        return True

    def _dates_fine(self, form: Any) -> bool:
        # Run for every record: the values taken where they are, no list made of them.
        for name in self.top_dates:
            value = getattr(form, name)
            if type(value) is str and not self._calendar_date(value):
                return False
        for group, name in self.item_dates:
            items = getattr(form, group)
            if items is UNSET:
                continue
            for item in items:
                value = getattr(item, name)
                if type(value) is str and not self._calendar_date(value):
                    return False
        return True

    def _calendar_date(self, value: str) -> bool:
        """Whether ``value`` (of a date's shape: the struct's pattern) is a calendar date."""
        if value in self.calendar:
            return True
        try:
            check_date(value)
        except ValueError:
            return False
        if len(self.calendar) > 100_000:
            self.calendar.clear()
        self.calendar.add(value)
        return True


def _model_fields(model: type[BaseModel]) -> list[tuple[str, Any]]:
    """The model's field names, each with its item model's (for a group) or None."""
    out: list[tuple[str, Any]] = []
    for name, info in model.model_fields.items():
        args = get_args(info.annotation)
        item = (
            args[0]
            if args and isinstance(args[0], type) and issubclass(args[0], BaseModel)
            else None
        )
        out.append((name, None if item is None else _model_fields(item)))
    return out


def _scheme_fields(fields: list[FormField]) -> list[tuple[str, Any]]:
    return [
        (field.name, _scheme_fields(field.fields) if field.type == "group" else None)
        for field in fields
    ]


def _empty(value: Any) -> bool:
    """``form_compare.is_empty`` of a decoded value, absent (UNSET) too: no answer is None,
    an empty list, or text of spaces only (0 is an answer)."""
    return (
        value is UNSET or value is None or value == [] or (type(value) is str and not value.strip())
    )
