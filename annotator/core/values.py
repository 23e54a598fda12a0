"""Span and form values: checking calendar dates and integers, strictly."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_date(value: str) -> str:
    """Return ``value`` when it is a calendar-valid ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    match = _DATE_RE.match(value)
    if match is None:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"{value!r} is not a calendar date") from None
    return value


DateValue = Annotated[str, AfterValidator(check_date)]


def value_problem(value_type: str, value: Any) -> str | None:
    """Why ``value`` does not fit a label of ``value_type`` (None when it fits)."""
    if value is None:
        return None
    if value_type == "none":
        return f"label takes no value, got {value!r}"
    if value_type == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            return f"expected an integer, got {value!r}"
        return None
    if value_type == "date":
        if not isinstance(value, str):
            return f"expected a date string (YYYY-MM-DD, YYYY-MM or YYYY), got {value!r}"
        try:
            check_date(value)
        except ValueError as error:
            return str(error)
        return None
    return f"unknown value type {value_type!r}"
