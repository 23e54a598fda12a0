"""Whether a form field takes a value: the kind of value each type of field holds.

``record_unallowed`` finds the values a record keeps that their field no longer takes (a
choice renamed in the scheme, a count made text, a count outside a range set since), and
``form_complete`` holds a required field keeping such a value to be unanswered, as an empty
one is: both ask ``why_not_allowed``. It lives apart from both as ``form_complete`` is read by
``forms``, which ``record_unallowed`` reads.
"""

from __future__ import annotations

import orjson

from annotator.core.scheme import FormField
from annotator.core.value_range import range_why
from annotator.core.values import check_date


def why_not_allowed(field: FormField, value: object) -> str | None:
    """Why ``field`` does not take ``value`` (None: it does, or the value is empty). A group's
    items are not looked into here (``record_unallowed.values_not_allowed`` does)."""
    if value is None:
        return None
    if field.type == "choice":
        return None if isinstance(value, str) and value in field.choices else "not a choice"
    if field.type == "text":
        return None if isinstance(value, str) else "not text"
    if field.type == "integer":
        whole = isinstance(value, int) and not isinstance(value, bool)
        # A count kept from before the field's range was set or narrowed: shown empty, and no
        # answer to a required field, as a choice renamed is.
        return range_why(field, value) if whole else "not a whole number"
    if field.type == "date":
        if not isinstance(value, str):
            return "not a date"
        try:
            check_date(value)
        except ValueError:
            return "not a date"
        return None
    if field.type == "list":
        texts = isinstance(value, list) and all(isinstance(item, str) for item in value)
        return None if texts else "not a list of text"
    return None if isinstance(value, list) else "not a list of items"


def value_said(value: object) -> str:
    """A kept value as a message names it: text quoted (``'sit_in'``), else as JSON (``2``,
    ``["Ann", 3]``, a bool as ``true``, as the journal holds it)."""
    return repr(value) if isinstance(value, str) else orjson.dumps(value).decode()
