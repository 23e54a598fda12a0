"""The ranges of a scheme's integers (``min`` and ``max``, ``value_range``) checked on the raw
TOML data for ``scheme_problems``, every instance at once: the model stops at its first, and
skips its own checks while any other value is invalid."""

from __future__ import annotations

from typing import Any, get_args

from annotator.core.scheme import FieldType, ValueType
from annotator.core.scheme_cross_checks import Problem, table_items
from annotator.core.scheme_source import Loc
from annotator.core.value_range import range_shape_problem


def range_problems(data: dict[str, Any]) -> list[Problem]:
    """A range on a label or field that is not an integer, or a min above its max, each at
    the line of its first bound. A value_type or type that is not one of the scheme's waits
    for that to be fixed (``scheme_cross_checks.waiting_checks`` says so)."""
    problems: list[Problem] = []
    for loc, label in table_items(data.get("labels"), ("labels",)):
        kind = label.get("value_type", "none")
        if kind in get_args(ValueType):
            problems += _problem(loc, label, str(kind), "label")
    for loc, field in table_items(data.get("fields"), ("fields",)):
        subs = table_items(field.get("fields"), (*loc, "fields"))
        for place, each in [(loc, field), *subs]:
            kind = each.get("type")
            if kind in get_args(FieldType):
                problems += _problem(place, each, str(kind), "field")
    return problems


def _problem(loc: Loc, table: dict[str, Any], kind: str, what: str) -> list[Problem]:
    said = range_shape_problem(kind, what, table.get("min"), table.get("max"))
    if said is None:
        return []
    key = "min" if "min" in table else "max"
    return [((*loc, key), said)]
