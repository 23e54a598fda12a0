"""An integer's range as the scheme says it: ``min`` and ``max`` of an integer label
(``value_type = "integer"``) or an integer form field, both optional and inclusive.

A count of prisoners is never negative, yet the scheme had no way to say so, and a count of -5
passed every check. Every reader holds a value to its range with the words said here: the
scheme's loader (``range_shape_problem``: a range on what is no integer, or min above max),
``validate`` and the bulk readers (``range_problem``, and ``bound_words`` for the form model's
own errors), and the annotation and review screens' typed values (``within_range``).
"""

from __future__ import annotations

from typing import Any, Literal, Protocol, TypeGuard, TypeVar

from annotator.core.errors import AnnotatorError
from annotator.core.values import value_problem

# The bounds a scheme may give: those of a 64-bit integer, which every reader of a journal
# (orjson, the bulk readers' msgspec structs) holds its integers to.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
_Value = TypeVar("_Value")


class Ranged(Protocol):
    """A label or form field of the scheme, with its range (None: no bound)."""

    @property
    def min(self) -> int | None: ...

    @property
    def max(self) -> int | None: ...


class RangedLabel(Ranged, Protocol):
    """A label of the scheme: its value type and range."""

    @property
    def value_type(self) -> str: ...


def label_value_problem(label: RangedLabel, value: Any) -> str | None:
    """Why ``value`` does not fit a span of ``label``: not of its type (``value_problem``),
    or outside its range (None when it fits)."""
    return value_problem(label.value_type, value) or range_problem(label, value)


def range_shape_problem(kind: str, what: str, minimum: object, maximum: object) -> str | None:
    """Why a label or field (``what``: "label" or "field") of ``kind`` (its value_type or
    type) cannot have the ``min`` and ``max`` given (None: it can, or neither is given). Bounds
    that are no whole number are the model's to say."""
    given = [key for key, bound in (("min", minimum), ("max", maximum)) if bound is not None]
    if not given:
        return None
    if kind != "integer":
        keys = " and ".join(given)
        typed = "value_type" if what == "label" else "type"
        return (
            f"{keys} {'is' if len(given) == 1 else 'are'} for an integer {what} (this one's "
            f"{typed} is {kind}): remove {'it' if len(given) == 1 else 'them'} or make it "
            f'{typed} = "integer"'
        )
    if _whole(minimum) and _whole(maximum) and minimum > maximum:
        return f"min = {minimum} is more than max = {maximum}: no value would fit; swap them"
    return None


def _whole(bound: object) -> TypeGuard[int]:
    return isinstance(bound, int) and not isinstance(bound, bool)


def range_problem(owner: Ranged, value: Any) -> str | None:
    """Why the whole number ``value`` lies outside ``owner``'s range (None: within it, or
    not a whole number, which is the type's check to say)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return bound_problem(value, owner.min, owner.max)


def bound_problem(value: int, minimum: int | None, maximum: int | None) -> str | None:
    """``-5 is less than the scheme's min = 0``, or None when ``value`` is within."""
    crossed = bound_crossed(value, minimum, maximum)
    if crossed is None:
        return None
    side, bound = crossed
    return f"{value} is {'less' if side == 'min' else 'more'} than the scheme's {side} = {bound}"


def bound_crossed(
    value: int, minimum: int | None, maximum: int | None
) -> tuple[Literal["min", "max"], int] | None:
    """The bound ``value`` lies beyond (``("min", 0)``), or None when within: the one
    comparison behind both wordings (``bound_problem``'s and ``range_why``'s)."""
    if minimum is not None and value < minimum:
        return "min", minimum
    if maximum is not None and value > maximum:
        return "max", maximum
    return None


# How a value outside its range is said where a value a field no longer takes is said
# (``field_takes.why_not_allowed``: ``releases #1 count = 150 (more than its max = 100)``).
_BELOW, _ABOVE = "less than its min =", "more than its max ="


def range_why(owner: Ranged, value: Any) -> str | None:
    """``less than its min = 1`` or ``more than its max = 100`` of a whole number outside
    ``owner``'s range (None: within it, or not a whole number): a value kept from before the
    range was set or narrowed, which the field or label no longer takes."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    crossed = bound_crossed(value, owner.min, owner.max)
    if crossed is None:
        return None
    side, bound = crossed
    return f"{_BELOW if side == 'min' else _ABOVE} {bound}"


def is_range_why(why: str) -> bool:
    """Whether ``why`` (a value not taken) is ``range_why``'s: the range changed since the
    value was given, not the scheme for another."""
    return why.startswith((_BELOW, _ABOVE))


def within_range(owner: Ranged, value: Any) -> Any:
    """``value`` as it is when within ``owner``'s range, else AnnotatorError saying why (a
    value typed into a count field or for a count span)."""
    problem = range_problem(owner, value)
    if problem is not None:
        raise AnnotatorError(problem)
    return value


def in_range_or_none(owner: Ranged, value: _Value) -> _Value | None:
    """A value suggested from a span's words, or None when outside ``owner``'s range: "2,000"
    labelled a count of at most 1000 is offered no value rather than one refused."""
    return None if range_problem(owner, value) is not None else value


def bound_words(item: Any) -> str | None:
    """A pydantic error of a bound (the form model's ``Field(ge=, le=)``) in the words of
    ``bound_problem``, or None for any other error."""
    context = item.get("ctx") or {}
    value = item.get("input")
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    if item.get("type") == "greater_than_equal" and "ge" in context:
        return bound_problem(value, context["ge"], None)
    if item.get("type") == "less_than_equal" and "le" in context:
        return bound_problem(value, None, context["le"])
    return None
