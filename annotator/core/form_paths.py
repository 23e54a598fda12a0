"""The paths that name a form's fields, read against the scheme: ``event_type`` for a
top-level field, ``releases[0].count`` for a field of the first item of a repeatable group.

The same paths key ``record.links``. Setting a field, checking a journal's links and naming a
field in a message read a path here, one way; ``path_words`` says it as messages name it. Kept
apart from the form operations (``forms``, which imports these from here for its callers): a
path's grammar needs nothing of them.
"""

from __future__ import annotations

import re

from annotator.core.errors import AnnotatorError
from annotator.core.scheme import FormField, Scheme

# ``\Z``, not ``$``: ``$`` also matches before a final newline, and a link key
# ``"event_type\n"`` in a journal would be read as the field ``event_type``.
_PATH = re.compile(r"^([A-Za-z_]\w*)(?:\[(\d+)\]\.([A-Za-z_]\w*))?\Z", re.ASCII)


def resolve_path(scheme: Scheme, path: str) -> tuple[FormField, int | None, FormField]:
    """``(top-level field, item index or None, the field itself)`` for a path, or AnnotatorError."""
    match = _PATH.match(path)
    top = scheme.field(match.group(1)) if match else None
    if match is None or top is None:
        names = ", ".join(field.name for field in scheme.fields)
        raise AnnotatorError(f"no form field {path!r} (the form has {names})")
    if match.group(2) is None:
        return top, None, top
    if top.type != "group":
        raise AnnotatorError(f"no form field {path!r}: {top.name} is not a repeatable group")
    leaf = next((field for field in top.fields if field.name == match.group(3)), None)
    if leaf is None:
        names = ", ".join(field.name for field in top.fields)
        raise AnnotatorError(f"no form field {path!r} ({top.name} items have {names})")
    return top, int(match.group(2)), leaf


def item_path(path: str) -> tuple[str, int, str] | None:
    """``(group, index, field)`` of a path into a group's item (``releases[0].count``); None
    for a top-level field's path, or what is no path."""
    match = _PATH.match(path)
    if match is None or match.group(2) is None:
        return None
    return match.group(1), int(match.group(2)), match.group(3)


def path_words(path: str) -> str:
    """A field's path as messages name it, items counted from 1 as the form shows them:
    ``releases[0].count`` is ``releases #1 count`` (``releases[0]`` reads as the second
    item to a person who sees ``releases #1`` first)."""
    return re.sub(r"\[(\d+)\]\.?", lambda match: f" #{int(match.group(1)) + 1} ", path).strip()
