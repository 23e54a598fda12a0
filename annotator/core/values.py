"""Span and form values: checking calendar dates and integers, strictly."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator

# ASCII digits only, the whole value: ``\d`` would take "٢٠٢٤-٠٣-١٥" (Arabic-Indic digits),
# which other readers of the value (datetime, the bulk readers' pattern, other tools) refuse,
# and ``$`` a trailing newline. Typed digits of other scripts are made ASCII where a person
# types a date (``ascii_digits``), so what is saved is one spelling of one day.
_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of any script (٢, २, ２, ๒) written as its ASCII digit,
    as a count typed "٩٥" is read as 95; other characters as they are."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(char)) if not char.isascii() and char.isdecimal() else char
        for char in text
    )


def check_date(value: str) -> str:
    """Return ``value`` when it is a calendar-valid ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    match = _DATE_RE.fullmatch(value)
    if match is None:
        folded = ascii_digits(value)
        if folded != value and _DATE_RE.fullmatch(folded):
            raise ValueError(f"{value!r} is not a date: a date's digits are 0-9 ({folded})")
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
